// npm run build: writes dist/, the folder clasp pushes.
//   dist/ita.js        a top-level function per registry entry (JSDoc for custom
//                      functions), then the code: one IIFE defining the global ItaSheets.
//                      One file, since each file adds to every execution's start.
//   dist/help.html     the function reference the menu opens
//   dist/sidebar.html  the measures sidebar, self-contained
//   dist/reports.html  the reports dialog, self-contained
//   dist/batch.html    the batch reports' progress dialog, self-contained
//   dist/appsscript.json
// npm run build:dev (--dev) writes the same into dist-dev/, with the self-check
// (src/dev/) and its menu item; the production build never contains them.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { lazyModules } from './lazy.mjs';
import { buildBatchDialog, buildReportsDialog, buildSidebar } from './sidebar.mjs';
import { renderHelp, renderStubs } from './stubs.mjs';

const root = new URL('..', import.meta.url).pathname;
const DEV = process.argv.includes('--dev');
const dist = `${root}${DEV ? 'dist-dev' : 'dist'}`;
const tmp = `${root}.tmp`;
/** The one build-time switch: true only in the development build. */
const define = { __ITA_DEV__: JSON.stringify(DEV) };

async function loadRegistry() {
  await mkdir(tmp, { recursive: true });
  const out = `${tmp}/registry${DEV ? '-dev' : ''}.mjs`;
  await build({ entryPoints: [`${root}src/entry/registry.ts`], bundle: true, format: 'esm', platform: 'neutral', outfile: out, define, logLevel: 'error' });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/**
 * The runtime bundle: src/main.ts as one parenthesised function that returns
 * the entry points in a plain object (no getters), assigned to one global.
 * Minified, since every execution parses every file.
 */
async function bundle(globalName) {
  const result = await build({
    entryPoints: [`${root}src/${DEV ? 'main.dev.ts' : 'main.ts'}`],
    define,
    bundle: true,
    format: 'esm',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Everything beyond the custom functions (sidebar, reports, zod/mini) sets itself up on first use only.
    plugins: [lazyModules(['src/gas/app.ts', 'src/dev/selfcheck.ts'], { target: 'es2019', platform: 'neutral', minify: true, charset: 'utf8', legalComments: 'none', define })],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text.trim();
  const m = code.match(/export\s*\{([^}]*)\};?$/);
  if (!m) throw new Error('bundle: expected one export clause at the end');
  const fields = m[1]
    .split(',')
    .map((s) => s.trim().split(/\s+as\s+/))
    .map(([local, exported]) => `${exported ?? local}:${local}`);
  return `var ${globalName}=(function(){${code.slice(0, m.index)}return{${fields.join(',')}}})();\n`;
}

async function main() {
  const { ENTRIES, BUNDLE_GLOBAL, HELP_FILE } = await loadRegistry();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });

  await writeFile(`${dist}/ita.js`, `${renderStubs(ENTRIES, BUNDLE_GLOBAL)}\n${await bundle(BUNDLE_GLOBAL)}`);
  await writeFile(`${dist}/${HELP_FILE}.html`, renderHelp(ENTRIES));
  await writeFile(`${dist}/sidebar.html`, await buildSidebar(root));
  await writeFile(`${dist}/reports.html`, await buildReportsDialog(root));
  await writeFile(`${dist}/batch.html`, await buildBatchDialog(root));
  await writeFile(`${dist}/appsscript.json`, await readFile(`${root}appsscript.json`));

  // Every registry entry must exist in the bundle and as a top-level function.
  const context = vm.createContext({});
  vm.runInContext(await readFile(`${dist}/ita.js`, 'utf8'), context, { filename: 'ita.js' });
  const missing = ENTRIES.filter(
    (e) => vm.runInContext(`typeof ${BUNDLE_GLOBAL}.${e.name} !== 'function' || typeof ${e.name} !== 'function'`, context),
  );
  if (missing.length) throw new Error(`entries missing from the bundle: ${missing.map((e) => e.name).join(', ')}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
