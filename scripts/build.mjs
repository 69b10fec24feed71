// npm run build: writes dist/, the folder clasp pushes.
//   dist/bundle.js     the code, one IIFE that defines the global ItaSheets
//   dist/functions.js  a top-level function per registry entry (JSDoc for custom functions)
//   dist/help.html     the function reference the menu opens
//   dist/appsscript.json
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { renderHelp, renderStubs } from './stubs.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = `${root}dist`;
const tmp = `${root}.tmp`;

async function loadRegistry() {
  await mkdir(tmp, { recursive: true });
  const out = `${tmp}/registry.mjs`;
  await build({ entryPoints: [`${root}src/entry/registry.ts`], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error' });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

async function main() {
  const { ENTRIES, BUNDLE_GLOBAL, HELP_FILE } = await loadRegistry();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });

  await build({
    entryPoints: [`${root}src/main.ts`],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'utf8',
    outfile: `${dist}/bundle.js`,
    logLevel: 'error',
  });
  await writeFile(`${dist}/functions.js`, renderStubs(ENTRIES, BUNDLE_GLOBAL));
  await writeFile(`${dist}/${HELP_FILE}.html`, renderHelp(ENTRIES));
  await writeFile(`${dist}/appsscript.json`, await readFile(`${root}appsscript.json`));

  // Every registry entry must exist in the bundle and as a top-level function.
  const context = vm.createContext({});
  for (const f of ['bundle.js', 'functions.js']) {
    vm.runInContext(await readFile(`${dist}/${f}`, 'utf8'), context, { filename: f });
  }
  const missing = ENTRIES.filter(
    (e) => vm.runInContext(`typeof ${BUNDLE_GLOBAL}.${e.name} !== 'function' || typeof ${e.name} !== 'function'`, context),
  );
  if (missing.length) throw new Error(`entries missing from the bundle: ${missing.map((e) => e.name).join(', ')}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
