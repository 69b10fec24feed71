// Builds the sidebar into one self-contained HTML file: the script and the
// styles inlined, nothing loaded from outside.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

/** Builds one page: sidebar/NAME.ts into sidebar/NAME.html (main → index.html). */
export async function buildPage(root, entry, page) {
  const result = await build({
    entryPoints: [`${root}sidebar/${entry}.ts`],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'error',
  });
  // "</" inside the inlined script would close the script element.
  const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = (await readFile(`${root}sidebar/styles.css`, 'utf8')).replace(/\s*\n\s*/g, '');
  const html = await readFile(`${root}sidebar/${page}.html`, 'utf8');
  return html.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => script);
}

export const buildSidebar = (root) => buildPage(root, 'main', 'index');
export const buildReportsDialog = (root) => buildPage(root, 'reports', 'reports');
export const buildBatchDialog = (root) => buildPage(root, 'batch', 'batch');
