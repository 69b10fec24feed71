// A report as it would print: the A4 model of a Doc (./a4) printed to PDF by
// Chromium, split into PNG pages by pdftoppm (Debian's poppler-utils), and
// measured in print layout for what would spoil a published page:
//   (a) a table or image whose right edge passes the text's right edge;
//   (b) a table cell narrower than the widest word of its text (Docs would
//       break that word letter by letter);
//   (c) a placeholder "{{" left in the text;
//   (d) an empty paragraph right after a table, followed by a heading or
//       ending the document (a stray line; a note only: the paragraph Docs adds
//       after a table cannot always be taken out).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launch } from '../browser/chromium';

/** Edges and widths may differ by this much (points) before a check reports them. */
export const TOLERANCE_PT = 0.5;

export type Check = 'table-overflow' | 'image-overflow' | 'narrow-cell' | 'placeholder' | 'stray-paragraph';

export interface Problem {
  readonly check: Check;
  /** False for a note (stray paragraphs): reported, never failing. */
  readonly fatal: boolean;
  /** 1-based, in the order of the document: table n, its row and cell; image n; body paragraph n. */
  readonly table?: number;
  readonly row?: number;
  readonly cell?: number;
  readonly image?: number;
  readonly paragraph?: number;
  /** 'header' or 'footer' when the problem is there. */
  readonly section?: 'header' | 'footer';
  /** The word too wide for its cell. */
  readonly word?: string;
  /** The placeholder left in the text. */
  readonly text?: string;
  /** By how much, in points: past the edge, or the word wider than the cell's text. */
  readonly by?: number;
  readonly message: string;
}

export interface Rendered {
  readonly pages: number;
  /** The printed paper, in points (Chromium rounds the @page size to whole pixels: A4 prints 594.96 × 841.92). */
  readonly paper: { readonly width: number; readonly height: number };
  readonly pdf: string;
  /** One PNG per page, in order (none when PNGs were not asked for). */
  readonly pngs: readonly string[];
  readonly problems: readonly Problem[];
}

/**
 * The checks, run in the page in print layout. A string, not a function: the
 * scripts are bundled with esbuild's keepNames, whose helper would not exist in
 * the page.
 */
const CHECKS = String.raw`(async (tolPt) => {
  const PX = 96 / 72;
  const tol = tolPt * PX;
  const round = (n) => Math.round(n * 100) / 100;
  await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)));
  await document.fonts.ready;
  const problems = [];
  const box = document.querySelector('.page');
  // clientWidth is rounded to whole pixels: the box's own edges are read instead.
  const bs = getComputedStyle(box);
  const textRight = box.getBoundingClientRect().right - parseFloat(bs.borderRightWidth) - parseFloat(bs.paddingRight);
  const where = (el) => {
    const td = el.closest('td[data-row]');
    if (td) return { table: +td.closest('table').dataset.table, row: +td.dataset.row, cell: +td.dataset.cell };
    if (el.closest('header')) return { section: 'header' };
    if (el.closest('footer')) return { section: 'footer' };
    const blocks = [...box.children].filter((b) => !['TABLE', 'HEADER', 'FOOTER', 'DIV'].includes(b.tagName));
    const top = [...box.children].find((b) => b.contains(el));
    return top && blocks.includes(top) ? { paragraph: blocks.indexOf(top) + 1 } : {};
  };
  const at = (w) => w.table ? 'table ' + w.table + ', row ' + w.row + ', cell ' + w.cell : w.section ? 'the ' + w.section : w.paragraph ? 'paragraph ' + w.paragraph : 'the document';

  // (a) tables and images past the text's right edge
  // A table's columns run between its borders' centre lines (a cell's box, in the collapsed border model), from
  // the table's left edge as in Docs; Chromium puts them half a border in, so they are summed from that edge.
  for (const t of document.querySelectorAll('table[data-table]')) {
    const rows = [...t.rows].map((r) => [...r.cells].reduce((s, c) => s + c.getBoundingClientRect().width, 0));
    if (!rows.length) continue;
    const by = t.getBoundingClientRect().left + Math.max(...rows) - textRight;
    if (by > tol) problems.push({ check: 'table-overflow', fatal: true, table: +t.dataset.table, by: round(by / PX), message: 'table ' + t.dataset.table + ' passes the right margin by ' + round(by / PX) + ' pt' });
  }
  for (const img of document.querySelectorAll('img[data-image]')) {
    const r = img.getBoundingClientRect();
    if (!r.width) continue;
    const by = r.right - textRight;
    if (by > tol) problems.push({ check: 'image-overflow', fatal: true, image: +img.dataset.image, ...where(img), by: round(by / PX), message: 'image ' + img.dataset.image + ' passes the right margin by ' + round(by / PX) + ' pt' });
  }

  // (b) cells narrower than their widest word (Intl.Segmenter's Thai words, measured in the cell's font)
  const words = new Intl.Segmenter('th', { granularity: 'word' });
  const ctx = document.createElement('canvas').getContext('2d');
  for (const td of document.querySelectorAll('td[data-row]')) {
    const cs = getComputedStyle(td);
    const inner = td.getBoundingClientRect().width - parseFloat(cs.borderLeftWidth) / 2 - parseFloat(cs.borderRightWidth) / 2 - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    let widest = { word: '', width: 0 };
    const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      // A nested table's cells are checked on their own; a link breaks anywhere, as Docs breaks a long address.
      if (el.closest('td') !== td || el.closest('a')) continue;
      const s = getComputedStyle(el);
      ctx.font = s.fontStyle + ' ' + s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
      for (const { segment } of words.segment(n.data)) {
        if (!segment.trim()) continue;
        const w = ctx.measureText(segment).width;
        if (w > widest.width) widest = { word: segment, width: w };
      }
    }
    const by = widest.width - inner;
    if (by > tol) {
      const w = where(td);
      problems.push({ check: 'narrow-cell', fatal: true, ...w, word: widest.word, by: round(by / PX), message: at(w) + ': "' + widest.word + '" is ' + round(widest.width / PX) + ' pt wide, the cell holds ' + round(inner / PX) + ' pt of text' });
    }
  }

  // (c) placeholders left in the text (header and footer too)
  const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    for (const m of n.data.matchAll(/\{\{[^}]*\}?\}?/g)) {
      const w = where(n.parentElement);
      problems.push({ check: 'placeholder', fatal: true, ...w, text: m[0], message: at(w) + ': "' + m[0] + '" left in the text' });
    }
  }

  // (d) an empty paragraph right after a table, before a heading or at the end
  const kids = [...box.children].filter((b) => !['HEADER', 'FOOTER'].includes(b.tagName));
  kids.forEach((b, i) => {
    if (!b.classList.contains('empty') || kids[i - 1]?.tagName !== 'TABLE') return;
    const next = kids[i + 1];
    if (next && !/^H[1-6]$/.test(next.tagName)) return;
    const w = where(b);
    problems.push({ check: 'stray-paragraph', fatal: false, ...w, table: +kids[i - 1].dataset.table, message: 'an empty paragraph after table ' + kids[i - 1].dataset.table + (next ? ', before the heading "' + next.textContent.trim().slice(0, 40) + '"' : ', ending the document') });
  });
  return problems;
})`;

/** True when Debian's Chromium is there (the demo prints page counts only then). */
export const canRender = (): boolean => existsSync(CHROMIUM);

/** A PDF's page count and (first) page size in points, as pdfinfo reads them. */
export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  let out: string;
  try {
    out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`pdfinfo failed (${(e as Error).message}): install Debian's poppler-utils, as .ci/run does`);
  }
  const pages = /^Pages:\s+(\d+)/m.exec(out);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  if (!pages || !size) throw new Error(`pdfinfo gave no page count or size for ${pdf}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Splits a PDF into dir/name-1.png, name-2.png … (pdftoppm), removing any older pages of that name first. */
export function pdfToPngs(pdf: string, dir: string, name: string, dpi = 96): string[] {
  const mine = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  for (const f of readdirSync(dir)) if (mine.test(f)) rmSync(join(dir, f));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, name)]);
  } catch (e) {
    throw new Error(`pdftoppm failed (${(e as Error).message}): install Debian's poppler-utils, as .ci/run does`);
  }
  // pdftoppm pads the page number to the width of the last one (name-01.png when there are ten or more): named plainly here.
  return readdirSync(dir)
    .map((f) => [f, mine.exec(f)?.[1]] as const)
    .filter((x): x is readonly [string, string] => x[1] !== undefined)
    .map(([f, n]) => {
      const plain = join(dir, `${name}-${Number(n)}.png`);
      if (join(dir, f) !== plain) renameSync(join(dir, f), plain);
      return [Number(n), plain] as const;
    })
    .sort((a, b) => a[0] - b[0])
    .map(([, f]) => f);
}

export interface RenderOptions {
  /** Where the PDF and the PNGs go, as <name>.pdf and <name>-<n>.png. */
  readonly dir: string;
  readonly name: string;
  /** A browser to use (one is launched and closed otherwise). */
  readonly browser?: Browser;
  /** PNG pages too (default), or only the PDF and the page count. */
  readonly png?: boolean;
  readonly dpi?: number;
}

/**
 * Prints the A4 model (renderHtml's page) as Chromium's print does, with the
 * page size and margins of its @page rule, and checks it in print layout.
 */
export async function renderPages(html: string, o: RenderOptions): Promise<Rendered> {
  const browser = o.browser ?? (await launch());
  try {
    mkdirSync(o.dir, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    try {
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      const problems = (await page.evaluate(`${CHECKS}(${TOLERANCE_PT})`)) as Problem[];
      const pdf = join(o.dir, `${o.name}.pdf`);
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const { pages, width, height } = pdfInfo(pdf);
      const pngs = o.png === false ? [] : pdfToPngs(pdf, o.dir, o.name, o.dpi);
      return { pages, paper: { width, height }, pdf, pngs, problems };
    } finally {
      await page.close();
    }
  } finally {
    if (!o.browser) await browser.close();
  }
}

/** The problems that make a page wrong (not the notes). */
export const faults = (r: Pick<Rendered, 'problems'>): Problem[] => r.problems.filter((p) => p.fatal);
