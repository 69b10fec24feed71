// npm run render: the reports the demo wrote (out/report-<kind>.html, the A4
// model of each Doc) printed by Chromium as Docs would print them, one PNG per
// page in test-artifacts/pages/<kind>-<n>.png (page counts in
// test-artifacts/pages.json), with what would spoil a page: a table or image
// past the margin, a word wider than its cell, a placeholder left, a stray
// empty paragraph (a note).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../test/browser/chromium';
import { renderPages } from '../test/harness/render';

const OUT = 'out';
const DIR = 'test-artifacts/pages';
const SUMMARY = 'test-artifacts/pages.json';

async function main(): Promise<void> {
  const files = existsSync(OUT) ? readdirSync(OUT).filter((f) => /^report-.+\.html$/.test(f)) : [];
  if (!files.length) {
    console.error(`no ${OUT}/report-*.html: run npm run demo first`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(DIR, { recursive: true });
  const pages: Record<string, number> = existsSync(SUMMARY) ? (JSON.parse(readFileSync(SUMMARY, 'utf8')) as Record<string, number>) : {};
  const browser = await launch();
  let faults = 0;
  try {
    for (const f of files.sort()) {
      const kind = f.replace(/^report-|\.html$/g, '');
      const r = await renderPages(readFileSync(join(OUT, f), 'utf8'), { dir: DIR, name: kind, browser });
      pages[kind] = r.pages;
      console.log(`${kind}: ${r.pages} pages, ${r.paper.width} × ${r.paper.height} pt — ${DIR}/${kind}-1.png … ${kind}-${r.pages}.png`);
      for (const p of r.problems) console.log(`  ${p.fatal ? '✗' : '·'} ${p.message}`);
      faults += r.problems.filter((p) => p.fatal).length;
    }
  } finally {
    await browser.close();
  }
  writeFileSync(SUMMARY, `${JSON.stringify(pages, null, 2)}\n`);
  console.log(faults ? `\n${faults} problems would spoil a printed page (✗); · is a note.` : '\nNo page problems.');
}

await main();
