// A fake Doc as one HTML page that models the Doc as Google Docs lays it out
// on paper, so that Chromium's print gives the pages Docs would: the page size
// and margins the Doc's body holds, every table at its real column widths,
// images at their set size, Sarabun (the real font files, embedded) at the
// sizes the add-on set, Docs' line spacing and paragraph spacing, header and
// footer on every printed page. Nothing here hides a fault: a table wider than
// the text overflows it, a word wider than its cell overflows the cell (no
// overflow-wrap), as the checks of ./render expect to see. Only a link's
// text breaks anywhere: Docs breaks a web address too long for its line.
//
// Google's defaults this models (a new Doc's named styles and table, as the
// Docs API reports them in documents.get; the Apps Script reference does not
// list them):
// - Normal text: line spacing 115 (1.15 times the font's single line), no
//   space above or below. Sarabun's single line (ascent + descent in its
//   hhea/OS2 metrics, as Chromium's line-height:normal measures it) is 1.3 em,
//   so a line is 1.15 × 1.3 = 1.495 em.
// - Title: 26 pt, 3 pt below; Heading 1: 20 pt, 20 pt above and 6 pt below;
//   Heading 2: 16 pt, 18/6; Heading 3: 14 pt, grey, 16/4; Heading 4: 12 pt,
//   14/4; Headings 5, 6: 11 pt, 12/4 — the size only when the add-on did not
//   set one (it always does). Headings keep with the next paragraph.
// - A table cell: 5 pt padding each side, 1 pt black border, top-aligned; a
//   row may break across pages; no header row repeats.
// - The header starts 36 pt from the page's top, the footer ends 36 pt from
//   its bottom (marginHeader, marginFooter of a new Doc).
// A paragraph the add-on gave no size is set at 16 pt Sarabun, as every
// paragraph the add-on writes is (a real Doc would show Arial 11 pt there).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FakeListItem, FakeParagraph, FakeTable, type FakeContainer, type FakeDocument, type FakeInlineImage } from './document';

/** Sarabun's single line, per em (hhea ascender 1068 + descender 232, 1000 units per em). */
export const SARABUN_LINE = 1.3;
/** Docs' default line spacing of Normal text and of every named style. */
export const DOCS_LINE_SPACING = 1.15;
/** Inline image sizes are pixels (reference/document/inline-image#getWidth()); Docs draws 96 pixels to the inch, 72 points. */
export const PT_PER_PX = 72 / 96;
/** A table cell's padding in a new Doc, each side, in points. */
export const CELL_PADDING = 5;
/** Body text size when the add-on set none (its templates always set 16 pt: FONT in src/core/report/templates/blocks.ts). */
export const BODY_SIZE = 16;

/** The page box of a Doc, in points: paper size and margins as its body holds them. */
export interface PageBox {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
  /** The text box's width: the paper less the side margins. */
  readonly textWidth: number;
}

export function pageOf(doc: FakeDocument): PageBox {
  const b = doc.body;
  const [width, height, top, right, bottom, left] = [b.getPageWidth(), b.getPageHeight(), b.getMarginTop(), b.getMarginRight(), b.getMarginBottom(), b.getMarginLeft()];
  return { width, height, top, right, bottom, left, textWidth: width - left - right };
}

/** Docs' named styles (as above): size when unset, space above and below, colour. */
const NAMED: Readonly<Record<string, { tag: string; size: number; above: number; below: number; color?: string }>> = {
  TITLE: { tag: 'h1', size: 26, above: 0, below: 3 },
  SUBTITLE: { tag: 'p', size: 15, above: 0, below: 16, color: '#666666' },
  HEADING1: { tag: 'h2', size: 20, above: 20, below: 6 },
  HEADING2: { tag: 'h3', size: 16, above: 18, below: 6 },
  HEADING3: { tag: 'h4', size: 14, above: 16, below: 4, color: '#434343' },
  HEADING4: { tag: 'h5', size: 12, above: 14, below: 4, color: '#666666' },
  HEADING5: { tag: 'h6', size: 11, above: 12, below: 4, color: '#666666' },
  HEADING6: { tag: 'h6', size: 11, above: 12, below: 4, color: '#666666' },
  NORMAL: { tag: 'p', size: BODY_SIZE, above: 0, below: 0 },
};

// ---------------------------------------------------------------- the font

let fontCss: string | undefined;

/**
 * Sarabun's Thai and Latin subsets, regular and bold, from @fontsource/sarabun
 * (a devDependency: the renderer's, never the add-on's), as @font-face rules
 * with the files inlined as data URLs, so that a page written to out/ shows
 * the same font opened from disk anywhere. Each face keeps its unicode-range
 * from the package's own CSS.
 */
export function sarabunFontFaces(): string {
  if (fontCss !== undefined) return fontCss;
  const dir = dirname(createRequire(import.meta.url).resolve('@fontsource/sarabun/package.json'));
  const rules: string[] = [];
  for (const weight of [400, 700]) {
    const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
    for (const subset of ['thai', 'latin']) {
      const block = css.split('@font-face').find((b) => b.includes(`sarabun-${subset}-${weight}-normal.woff2`));
      const range = /unicode-range:\s*([^;]+);/.exec(block ?? '')?.[1];
      if (!range) throw new Error(`@fontsource/sarabun: no ${subset} ${weight} face in ${weight}.css`);
      const data = readFileSync(join(dir, 'files', `sarabun-${subset}-${weight}-normal.woff2`)).toString('base64');
      rules.push(`@font-face{font-family:Sarabun;font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range.trim()}}`);
    }
  }
  return (fontCss = rules.join('\n'));
}

// ---------------------------------------------------------------- blocks

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pt = (n: number) => `${+n.toFixed(2)}pt`;

/** A paragraph's text as HTML, its linked stretches as links, characters formatted unlike the paragraph as spans, line breaks as <br>. */
function renderText(p: FakeParagraph): string {
  const marked = (p.marks ?? []).flatMap((_, i) => (i > 0 && JSON.stringify(p.styleAt(i)) !== JSON.stringify(p.styleAt(i - 1)) ? [i] : []));
  const cuts = [...new Set([0, p.text.length, ...marked, ...p.links.flatMap((l) => [l.start, l.end + 1])])].filter((x) => x >= 0 && x <= p.text.length).sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    let piece = esc(p.text.slice(a, b)).replace(/[\n\r]/g, '<br>');
    const own = p.styleAt(a);
    if (p.marks && JSON.stringify(own) !== JSON.stringify(p.style)) {
      const css = [own.bold !== p.style.bold ? `font-weight:${own.bold ? 'bold' : 'normal'}` : '', own.fontSize !== p.style.fontSize && own.fontSize ? `font-size:${pt(own.fontSize)}` : ''].filter(Boolean).join(';');
      if (css) piece = `<span style="${css}">${piece}</span>`;
    }
    const link = p.links.find((l) => l.start <= a && l.end >= b - 1);
    out += link ? `<a href="${esc(link.url)}">${piece}</a>` : piece;
  }
  return out;
}

/**
 * Column widths in points. A width set on a cell (setWidth: "the width of the
 * column containing the current cell, in points", reference/document/table-cell#setWidth(Number))
 * is the column's. A table made by appendTable spans the text width, its
 * columns evenly; a column given no width stays evenly distributed, which the
 * Docs API defines as "an equal portion of the width remaining for the table
 * after accounting for all columns with specified widths"
 * (docs/api/reference/rest/v1/documents#TableColumnProperties, EVENLY_DISTRIBUTED).
 * When set widths leave nothing, such a column is taken as 0 wide
 * (undocumented), which the cell check then reports.
 */
export function columnWidths(t: FakeTable, textWidth: number): number[] {
  const n = Math.max(0, ...t.rows.map((r) => r.cells.length));
  const set = Array.from({ length: n }, (_, k) => t.rows.map((r) => r.cells[k]?.width).find((w) => w !== undefined));
  const fixed = set.reduce<number>((s, w) => s + (w ?? 0), 0);
  const free = set.filter((w) => w === undefined).length;
  const share = free ? Math.max(0, (textWidth - fixed) / free) : 0;
  return set.map((w) => w ?? share);
}

interface Counter {
  table: number;
  image: number;
}

function renderImage(i: FakeInlineImage, count: Counter): string {
  // The fake draws charts as SVG: shown as SVG whatever type the blob claims.
  const type = i.blob.data.startsWith('<svg') ? 'image/svg+xml' : i.blob.contentType;
  const w = i.getWidth() * PT_PER_PX;
  const h = i.getHeight() * PT_PER_PX;
  return `<img alt="" data-image="${++count.image}" style="width:${pt(w)};height:${pt(h)}" src="data:${type};base64,${Buffer.from(i.blob.data).toString('base64')}">`;
}

function renderTable(t: FakeTable, textWidth: number, count: Counter): string {
  const widths = columnWidths(t, textWidth);
  const n = ++count.table;
  const cols = widths.map((w) => `<col style="width:${pt(w)}">`).join('');
  const rows = t.rows.map(
    (r, i) =>
      `<tr>${r.cells
        .map((c, k) => {
          const style = c.background ? ` style="background:${esc(c.background)}"` : '';
          const inner = c.children.map((b) => renderBlock(b, widths[k]! - 2 * CELL_PADDING, count)).join('');
          return `<td data-row="${i + 1}" data-cell="${k + 1}"${style}>${inner}</td>`;
        })
        .join('')}</tr>`,
  );
  // Border width 0 hides the rules (reference/document/table#setBorderWidth(Number); the Docs API's
  // TableCellBorder: "To hide a table cell border, make its width 0"); the cells keep their padding.
  const plain = t.getBorderWidth() === 0 ? ' class="plain"' : '';
  return `<table data-table="${n}"${plain} style="width:${pt(widths.reduce((s, w) => s + w, 0))}"><colgroup>${cols}</colgroup><tbody>${rows.join('')}</tbody></table>`;
}

function renderBlock(b: FakeParagraph | FakeTable, textWidth: number, count: Counter): string {
  if (b instanceof FakeTable) return renderTable(b, textWidth, count);
  const named = NAMED[b.heading] ?? NAMED.NORMAL!;
  const size = b.style.fontSize ?? named.size;
  const style = [
    `font-size:${pt(size)}`,
    b.style.bold ? 'font-weight:bold' : '',
    named.above || b.spacingBefore ? `margin-top:${pt(b.spacingBefore || named.above!)}` : '',
    named.below ? `margin-bottom:${pt(named.below)}` : '',
    named.color ? `color:${named.color}` : '',
    b.align !== 'LEFT' ? `text-align:${b.align.toLowerCase()}` : '',
    b.indentFirstLine ? `text-indent:${pt(b.indentFirstLine - b.indentStart)}` : '',
    b.indentStart && !(b instanceof FakeListItem) ? `margin-left:${pt(b.indentStart)}` : '',
    b.style.fontFamily && b.style.fontFamily !== 'Sarabun' ? `font-family:${esc(JSON.stringify(b.style.fontFamily))},Sarabun` : '',
    // Docs' lists: the glyph in a hanging indent, the text 36 pt in per level.
    b instanceof FakeListItem ? `margin-left:${pt(36 * (b.nesting + 1))};display:list-item;list-style-type:${/BULLET/.test(b.glyph) ? 'disc' : 'decimal'}` : '',
  ]
    .filter(Boolean)
    .join(';');
  const images = b.images.map((i) => renderImage(i, count)).join('');
  const text = renderText(b);
  const empty = !text && !images;
  const tag = named.tag;
  // A paragraph holding only a page break draws no line of its own (the break ends it).
  const para = empty && b.pageBreak ? '' : `<${tag}${empty ? ' class="empty"' : ''} style="${style}">${text || images ? text + images : '<br>'}</${tag}>`;
  return `${para}${b.pageBreak ? '<div class="page-break"></div>' : ''}`;
}

/** The band of a top or bottom margin that a header or footer takes: from 36 pt off the paper's edge to the text. */
const band = (margin: number) => Math.max(0, margin - 36);

/** A CSS string of a header's or footer's paragraphs, one line each. */
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, '\\A ')}"`;

/**
 * A header or footer as a margin box of every printed page (@page
 * @top-center, @bottom-center; Chromium since 131): its paragraphs' text, in
 * the first paragraph's size, weight and alignment (a margin box holds text,
 * not elements: links and images of a header are not drawn in print).
 */
function marginBox(section: FakeContainer | null, where: 'top' | 'bottom', page: PageBox): string {
  const ps = (section?.children ?? []).filter((b): b is FakeParagraph => b instanceof FakeParagraph);
  const text = ps.map((p) => p.text).join('\n');
  if (!text.trim()) return '';
  const first = ps[0]!;
  const size = first.style.fontSize ?? BODY_SIZE;
  const align = first.align === 'JUSTIFY' ? 'left' : first.align.toLowerCase();
  const edge = where === 'top' ? `vertical-align:top;padding-top:36pt` : `vertical-align:bottom;padding-bottom:36pt`;
  return `@${where}-center{content:${cssString(text)};white-space:pre-wrap;padding-right:${pt(page.right)};text-align:${align};${edge};font-family:Sarabun,sans-serif;font-size:${pt(size)};line-height:${+(SARABUN_LINE * DOCS_LINE_SPACING).toFixed(4)};${first.style.bold ? 'font-weight:bold;' : ''}color:#000}`;
}

/**
 * The document as one HTML page: on screen a white sheet of the Doc's width
 * on grey, header above and footer below the text; in print (and in Chromium's
 * PDF) pages of the Doc's size and margins, header and footer on each page.
 * Tables are numbered (data-table), their cells by row and column (data-row,
 * data-cell), images in order (data-image), so a check can say where.
 */
//
// Chromium shrinks a printed page whose content is wider than the page's box
// (Blink's shrink-to-fit when printing), which would hide a table too wide for
// the text. So in print the page box takes in the right margin (@page
// margin-right 0; the text box keeps its width, the right margin becoming
// padding), and what passes the paper's edge is clipped: a table too wide
// shows running into the margin, as in Docs, and nothing is scaled.
export function renderHtml(doc: FakeDocument): string {
  const page = pageOf(doc);
  const count: Counter = { table: 0, image: 0 };
  const line = +(SARABUN_LINE * DOCS_LINE_SPACING).toFixed(4);
  const section = (s: FakeContainer | null, tag: 'header' | 'footer') => (s ? `<${tag}>${s.children.map((b) => renderBlock(b, page.textWidth, { table: 0, image: 0 })).join('')}</${tag}>` : '');
  return `<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>${esc(doc.name)}</title>
<style>
${sarabunFontFaces()}
@page{size:${pt(page.width)} ${pt(page.height)};margin:${pt(page.top)} 0 ${pt(page.bottom)} ${pt(page.left)};${marginBox(doc.header, 'top', page)}${marginBox(doc.footer, 'bottom', page)}}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:Sarabun,sans-serif;font-size:${BODY_SIZE}pt;line-height:${line};color:#000;font-kerning:normal}
.page{box-sizing:content-box;width:${pt(page.textWidth)};background:#fff;overflow:visible}
h1,h2,h3,h4,h5,h6,p{margin:0;font-size:inherit;font-weight:normal}
h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}
a{color:#1155cc;overflow-wrap:anywhere}
table{border-collapse:collapse;table-layout:fixed;margin:0}
td{border:1pt solid #000;padding:${CELL_PADDING}pt;vertical-align:top}
table.plain td{border:0}
img{vertical-align:baseline}
header,footer{color:#000}
@media screen{
  body{background:#e8eaed;padding:24px 0}
  .page{margin:0 auto;padding:${pt(page.top)} ${pt(page.right)} ${pt(page.bottom)} ${pt(page.left)};min-height:${pt(page.height - page.top - page.bottom)};box-shadow:0 1px 3px rgba(0,0,0,.3)}
  header{margin-top:-${pt(band(page.top))};min-height:${pt(band(page.top))}}
  footer{margin-bottom:-${pt(band(page.bottom))};min-height:${pt(band(page.bottom))};display:flex;flex-direction:column;justify-content:flex-end}
  .page-break{border-top:2px dashed #bbb;margin:18pt -${pt(page.left)}}
}
@media print{
  body{background:#fff}
  .page{margin:0;padding:0 ${pt(page.right)} 0 0;overflow:clip}
  header,footer{display:none}
  .page-break{break-after:page;height:0}
}
</style></head><body><div class="page">
${section(doc.header, 'header')}
${doc.body.children.map((b) => renderBlock(b, page.textWidth, count)).join('\n')}
${section(doc.footer, 'footer')}
</div></body></html>
`;
}
