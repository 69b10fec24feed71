import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Apps Script globals that src/core must never touch (it is pure TypeScript).
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'HtmlService', 'PropertiesService', 'LockService',
  'ScriptApp', 'Session', 'Utilities', 'CacheService', 'UrlFetchApp', 'Logger', 'Charts', 'google',
].map((name) => ({ name, message: 'src/core is pure: pass data in from an adapter.' }));

const NODE_ONLY = { name: 'process', message: 'Apps Script has no Node globals.' };

export default tseslint.config(
  { ignores: ['dist/**', 'dist-dev/**', 'node_modules/**', '.tmp/**', 'out/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', NODE_ONLY] },
  },
  {
    files: ['src/core/**/*.ts', 'src/entry/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', NODE_ONLY, ...APPS_SCRIPT_GLOBALS] },
  },
);
