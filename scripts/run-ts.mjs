// Runs a TypeScript script (demo, bench) with Node: esbuild bundles it, with
// its imports from src/ and test/, into .tmp/ and Node imports the result.
import { build } from 'esbuild';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args]');
  process.exit(2);
}
const out = `.tmp/${basename(entry, '.ts')}.mjs`;
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  keepNames: true,
  outfile: out,
  logLevel: 'error',
});
process.argv = [process.argv[0], out, ...rest];
await import(pathToFileURL(out).href);
