// An esbuild plugin that makes chosen modules initialise on first call instead
// of at load time. Apps Script runs every file of the project at the start of
// every execution (each custom-function recalculation too), so a library that
// sets itself up at load (zod/mini does) would slow every one of them.
//
// Each chosen module (it may export functions only) is bundled on its own, with
// its imports, into the body of one function that runs the first time any of
// its exports is called; the module seen by the rest of the bundle is a set of
// stubs that call through.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

export function lazyModules(files, options) {
  return {
    name: 'lazy-modules',
    setup(b) {
      const filter = new RegExp(`(${files.map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      b.onLoad({ filter }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (/^export\s+(const|let|var|class|default)\b/m.test(source)) {
          throw new Error(`${args.path}: a lazy module may export functions and types only`);
        }
        const names = [...source.matchAll(/^export\s+function\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
        const chunk = await build({
          ...options,
          entryPoints: [args.path],
          bundle: true,
          format: 'iife',
          globalName: '__lazy',
          write: false,
          logLevel: 'error',
        });
        const body = chunk.outputFiles[0].text;
        const contents = [
          'let loaded;',
          `function load() { return loaded || (loaded = (function () { ${body}; return __lazy; })()); }`,
          ...names.map((n) => `export function ${n}(...args) { return load().${n}(...args); }`),
        ].join('\n');
        return { contents, loader: 'js', resolveDir: args.path.replace(/[/\\][^/\\]*$/, '') };
      });
    },
  };
}
