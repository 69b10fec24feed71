// An esbuild plugin that makes chosen modules initialise on first call instead
// of at load time. Apps Script runs every file of the project at the start of
// every execution (each custom-function recalculation too), so a library that
// sets itself up at load (zod/mini does) would slow every one of them.
//
// Each chosen module (it may export functions only) is bundled on its own, with
// its imports, into the body of one function that runs the first time any of
// its exports is called; the module seen by the rest of the bundle is a set of
// stubs that call through. Modules the eager part already holds (`shared`,
// paths from the project root) are not bundled again: the chunk takes them from
// the eager part's `<globalName>.__shared`, so core code is in the bundle once.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

export function lazyModules(files, options, { root, shared = [], globalName } = {}) {
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
        if (options === undefined) {
          // Stubs only: to learn which modules the eager part holds.
          return { contents: names.map((n) => `export function ${n}() {}`).join('\n'), loader: 'js' };
        }
        const chunk = await build({
          ...options,
          entryPoints: [args.path],
          bundle: true,
          format: 'iife',
          globalName: '__lazy',
          write: false,
          logLevel: 'error',
          plugins: shared.length ? [fromEager(root, shared, globalName, args.path)] : [],
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

/** In a lazy chunk: a module the eager part holds is read from `<globalName>.__shared` at run time. */
function fromEager(root, shared, globalName, self) {
  return {
    name: 'from-eager',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        // Only the project's own imports (a package keeps its own resolution and sideEffects flags).
        if (args.pluginData?.inner || !relative(root, args.importer).startsWith('src/')) return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
        if (r.errors.length || !r.path || r.path === self) return undefined;
        const rel = relative(root, r.path).split('\\').join('/');
        return shared.includes(rel) ? { path: rel, namespace: 'eager' } : { path: r.path, sideEffects: r.sideEffects };
      });
      b.onLoad({ filter: /.*/, namespace: 'eager' }, (args) => ({ contents: `module.exports = ${globalName}.__shared[${JSON.stringify(args.path)}];`, loader: 'js' }));
    },
  };
}
