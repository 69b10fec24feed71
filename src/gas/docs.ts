// Reading, writing and filling Google Docs for the reports. Thin: the template
// language and the values live in src/core/report.
//
// Google's quirks this layer knows (test/harness/document.ts cites each):
// - Body/HeaderSection/FooterSection.appendTable "will also append an empty
//   paragraph after the table, since Google Docs documents cannot end with a
//   table": a copy takes it out once something follows it, and a template
//   written here writes its next paragraph into it.
// - A paragraph right before a table cannot go, nor (maybe) a section's last
//   paragraph: nothing here removes either.
// - A new Doc holds one empty paragraph, a new header or footer perhaps one:
//   written into, or taken out once the copy follows it.
// - Whether Text.insertText takes an offset at the end of the text is
//   undocumented: a value that ends the text is added with appendText.
// - Whether a "\n" in a value splits the paragraph is undocumented: edits go
//   from the last to the first, and the end of the text is re-read once a
//   value held one.
// - A ListItem "is a Paragraph that is associated with a list ID" (and turns
//   a "\n" into a line break): bulleted and numbered paragraphs are checked,
//   copied and filled as paragraphs are.
// Every call is a round trip in Apps Script, so each element is read once.
import { cellParagraphs, FONT, type Block, type TemplateDoc } from '../core/report/default-templates';
import { digitEdits, hasOtherDigits, type Digits } from '../core/report/digits';
import { fill, GROUP_FIELD, tokenize, type Formatter, type Scope, type TemplateText, type Token } from '../core/report/template';

type Doc = GoogleAppsScript.Document.Document;
type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;
type Container = Section | GoogleAppsScript.Document.TableCell;
type Element = GoogleAppsScript.Document.Element;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type Text = GoogleAppsScript.Document.Text;

type Kind = 'paragraph' | 'table' | 'list' | 'other';
let elementType: typeof DocumentApp.ElementType | undefined;
/** One getType() call per element; the enum is read once per run (never while the bundle loads). */
function kindOf(e: Element): Kind {
  const t = e.getType();
  const ET = (elementType ??= DocumentApp.ElementType);
  return t === ET.PARAGRAPH ? 'paragraph' : t === ET.TABLE ? 'table' : t === ET.LIST_ITEM ? 'list' : 'other';
}

/** A container's children, read before any of them changes (a fill may add or remove some). */
function childrenOf(c: Container): Element[] {
  const n = c.getNumChildren();
  const out: Element[] = [];
  for (let i = 0; i < n; i++) out.push(c.getChild(i));
  return out;
}

/** The collection a table row repeats ({{แถวซ้ำ:…}}) or heads per group ({{แถวกลุ่ม:…}}). */
export function markerOf(text: string): { kind: 'repeat' | 'group'; collection: string } | undefined {
  for (const t of tokenize(text).tokens) if (t.kind === 'repeat' || t.kind === 'group') return { kind: t.kind, collection: t.collection };
  return undefined;
}

/** The lines of an element's text: paragraphs of a cell come joined by "\n", a line break within a paragraph is "\r". */
const lines = (text: string): string[] => text.split(/[\n\r]/).filter((l) => l !== '');

/**
 * Every text of a document with where it is, for the template check: each
 * paragraph and list item (a bulleted or numbered paragraph, counted among the
 * paragraphs) and each cell, with its table row.
 */
export function documentTexts(doc: Doc): TemplateText[] {
  const out: TemplateText[] = [];
  const walk = (c: Section, label: string) => {
    let para = 0;
    let table = 0;
    const children = childrenOf(c);
    const kinds = children.map(kindOf);
    children.forEach((el, i) => {
      const kind = kinds[i]!;
      if (kind === 'table') {
        table += 1;
        const t = el.asTable();
        const rows = t.getNumRows();
        for (let r = 0; r < rows; r++) {
          const row = t.getRow(r);
          const cells = row.getNumCells();
          for (let k = 0; k < cells; k++) {
            // One text per paragraph (line) of the cell: the fill works paragraph by paragraph, so a
            // placeholder broken over two lines is an unclosed "{{" here, not a name the fill never finds.
            for (const line of lines(row.getCell(k).getText())) {
              out.push({ where: `${label}ตาราง ${table} แถว ${r + 1}`, text: line, row: { table: `${label}ตาราง ${table}`, index: r } });
            }
          }
        }
      } else if (kind === 'paragraph' || kind === 'list') {
        para += 1;
        const text = (kind === 'list' ? el.asListItem() : el.asParagraph()).getText();
        // A paragraph right above a table knows it: a group heading ({{หัวข้อกลุ่ม:…}}) needs it.
        const above = kinds[i + 1] === 'table' ? { above: `${label}ตาราง ${table + 1}` } : {};
        for (const line of lines(text)) out.push({ where: `${label}ย่อหน้า ${para}${kind === 'list' ? ' (รายการหัวข้อย่อย)' : ''}`, text: line, ...above });
      }
    });
  };
  walk(doc.getBody(), '');
  const header = doc.getHeader();
  if (header) walk(header, 'หัวกระดาษ ');
  const footer = doc.getFooter();
  if (footer) walk(footer, 'ท้ายกระดาษ ');
  return out;
}

/** Copies the template's body, header and footer into a new, empty document. */
export function copyDocument(from: Doc, to: Doc): void {
  const src = from.getBody();
  const body = to.getBody();
  copyInto(src, body);
  body.setPageWidth(src.getPageWidth()).setPageHeight(src.getPageHeight());
  body.setMarginLeft(src.getMarginLeft()).setMarginRight(src.getMarginRight());
  body.setMarginTop(src.getMarginTop()).setMarginBottom(src.getMarginBottom());
  const header = from.getHeader();
  if (header) copyInto(header, to.addHeader());
  const footer = from.getFooter();
  if (footer) copyInto(footer, to.addFooter());
}

/**
 * Appends copies of a section's paragraphs, lists and tables to a new section
 * (a new Doc's body, or a new header or footer), so that it ends up holding
 * exactly what the template holds: the empty paragraph each appendTable adds
 * goes once the next element follows it, and so do the new section's own
 * empty paragraphs once the copy follows them — unless a table comes right
 * after, as a paragraph before a table cannot go (a template, then, has one
 * there too).
 */
function copyInto(from: Section, to: Section): void {
  const own = childrenOf(to);
  let added: Element | undefined; // the empty paragraph the last appendTable added
  let first: Kind | undefined;
  for (const el of childrenOf(from)) {
    const kind = kindOf(el);
    if (kind === 'other') continue;
    first ??= kind;
    if (kind === 'table') {
      added = to.appendTable(el.asTable().copy()).getNextSibling() ?? undefined;
      continue;
    }
    if (kind === 'paragraph') to.appendParagraph(el.asParagraph().copy());
    else to.appendListItem(el.asListItem().copy());
    if (added) added.removeFromParent();
    added = undefined;
  }
  if (first !== undefined && first !== 'table') for (const e of own) e.removeFromParent();
}

export interface Filling {
  readonly scope: Scope;
  readonly collections: ReadonlyMap<string, readonly Scope[]>;
  readonly formatter: Formatter;
  /** The image of a chart placeholder; none leaves the paragraph without one. */
  readonly chart: (name: string) => GoogleAppsScript.Base.Blob | undefined;
  /** Width for images: the page's text width, in pixels (InlineImage sizes are pixels). */
  readonly imageWidth: number;
  /** The page's text width in points: a wider table is narrowed to it. */
  readonly textWidth: number;
  /** The report's digits, which the template's own text takes too. */
  readonly digits: Digits;
}

interface Edit {
  readonly at: number;
  readonly length: number;
  readonly value: string;
  /** Digits of the template's own text: a link over them is kept over the new ones. */
  readonly literal?: boolean;
}

/**
 * What each placeholder of a text becomes, and each run of digits of the
 * template's own text that the report's digits change (not in links, codes or
 * telephone numbers), from the last to the first; and the charts it names.
 */
function editsOf(tokens: readonly Token[], s: Scope, f: Filling): { edits: Edit[]; charts: string[] } {
  const charts: string[] = [];
  const edits: Edit[] = [];
  let at = 0;
  for (const t of tokens) {
    if (t.kind === 'text') {
      for (const d of digitEdits(t.text, f.digits)) edits.push({ ...d, at: at + d.at, literal: true });
      at += t.text.length;
      continue;
    }
    if (t.kind === 'chart') charts.push(t.name);
    edits.push({ at, length: t.raw.length, value: t.kind === 'field' ? fill([t], s, f.formatter) : '' });
    at += t.raw.length;
  }
  return { edits: edits.reverse(), charts };
}

/**
 * Replaces placeholders in place, keeping the rest of the text and its
 * formatting. A value that ends the text is appended (whether insertText takes
 * an offset at the very end is undocumented); what follows each placeholder is
 * counted, and re-read once a value held a "\n" (which may start a paragraph).
 */
function replaceIn(text: Text, source: string, edits: readonly Edit[]): void {
  let end = source.length; // where the previous (later) placeholder started
  let tail = 0; // the length of the text from there on
  let counted = true;
  for (const e of edits) {
    const after = counted ? end - (e.at + e.length) + tail : text.getText().length - (e.at + e.length);
    // Where inserted text falls against a link around it is undocumented: the template's link is put back over it.
    const link = e.literal ? text.getLinkUrl(e.at) : null;
    text.deleteText(e.at, e.at + e.length - 1);
    if (e.value) {
      if (after === 0) text.appendText(e.value);
      else text.insertText(e.at, e.value);
      // A value that is a web address becomes a link to it.
      if (/^https?:\/\/\S+$/i.test(e.value)) text.setLinkUrl(e.at, e.at + e.value.length - 1, e.value);
      else if (link) text.setLinkUrl(e.at, e.at + e.value.length - 1, link);
      if (e.value.includes('\n')) counted = false;
    }
    end = e.at;
    tail = after + e.value.length;
  }
}

/** Fills a paragraph's or list item's placeholders; a chart placeholder becomes the chart, the width of the text. */
function fillParagraph(p: Paragraph | ListItem, s: Scope, f: Filling, source = p.getText()): void {
  if (!source.includes('{{') && !hasOtherDigits(source, f.digits)) return;
  const { edits, charts } = editsOf(tokenize(source).tokens, s, f);
  replaceIn(p.editAsText(), source, edits);
  for (const name of charts) {
    const blob = f.chart(name);
    if (!blob) continue;
    const img = p.appendInlineImage(blob);
    const w = f.imageWidth;
    img.setHeight(Math.round((img.getHeight() * w) / img.getWidth()));
    img.setWidth(w);
  }
}

/**
 * How a cell is filled, read once: a cell of one paragraph (the usual) through
 * the cell's own Text, in the same offsets as its text; any other, or one with
 * a chart, element by element; one with no placeholder not at all.
 */
type CellPlan = { readonly how: 'none' } | { readonly how: 'text'; readonly source: string; readonly tokens: readonly Token[] } | { readonly how: 'elements' };

function planCell(cell: GoogleAppsScript.Document.TableCell, digits: Digits): CellPlan {
  const one = cell.getNumChildren() === 1;
  const source = cell.getText();
  if (!source.includes('{{') && !hasOtherDigits(source, digits)) return { how: 'none' };
  const tokens = tokenize(source).tokens;
  return one && !tokens.some((t) => t.kind === 'chart') ? { how: 'text', source, tokens } : { how: 'elements' };
}

function fillCell(cell: GoogleAppsScript.Document.TableCell, plan: CellPlan, s: Scope, f: Filling): void {
  if (plan.how === 'text') replaceIn(cell.editAsText(), plan.source, editsOf(plan.tokens, s, f).edits);
  else if (plan.how === 'elements') fillContainer(cell, s, f);
}

function planRow(row: TableRow, digits: Digits): CellPlan[] {
  const n = row.getNumCells();
  const out: CellPlan[] = [];
  for (let k = 0; k < n; k++) out.push(planCell(row.getCell(k), digits));
  return out;
}

function fillRow(row: TableRow, s: Scope, f: Filling): void {
  const n = row.getNumCells();
  for (let k = 0; k < n; k++) {
    const cell = row.getCell(k);
    fillCell(cell, planCell(cell, f.digits), s, f);
  }
}

/** A copy of a template row, filled as its plan says. */
function fillCopy(row: TableRow, plan: readonly CellPlan[], s: Scope, f: Filling): void {
  plan.forEach((c, k) => {
    if (c.how !== 'none') fillCell(row.getCell(k), c, s, f);
  });
}

/**
 * Copies a table's repeating rows once per record (keeping their formatting),
 * with a group row, when one stands right above, before each group of records
 * sharing the value of "กลุ่ม"; fills every cell. A table that held nothing
 * but its template rows and gets no record goes as a whole (a table cannot be
 * left without rows).
 */
function fillTable(t: Table, s: Scope, f: Filling, fit = true): void {
  if (fit) fitWidths(t, f.textWidth);
  let rows = t.getNumRows();
  for (let r = 0; r < rows; r++) {
    const row = t.getRow(r);
    const marker = markerOf(row.getText());
    if (!marker) {
      fillRow(row, s, f);
      continue;
    }
    const records = f.collections.get(marker.collection) ?? [];
    let groupRow: TableRow | undefined;
    let repeatRow = row;
    if (marker.kind === 'group') {
      const next = r + 1 < rows ? t.getRow(r + 1) : undefined;
      const below = next && markerOf(next.getText());
      if (!next || below?.kind !== 'repeat' || below.collection !== marker.collection) {
        fillRow(row, s, f); // a group row with no repeating row under it: shown once
        continue;
      }
      groupRow = row;
      repeatRow = next;
    }
    const templates = groupRow ? 2 : 1;
    if (!records.length && rows === templates) {
      t.removeFromParent();
      return;
    }
    const groupPlan = groupRow && planRow(groupRow, f.digits);
    const repeatPlan = planRow(repeatRow, f.digits);
    let at = r + templates;
    let lastGroup: string | undefined;
    for (const record of records) {
      const key = String(record.get(GROUP_FIELD) ?? '');
      if (groupRow && groupPlan && key !== lastGroup) {
        fillCopy(t.insertTableRow(at++, groupRow.copy()), groupPlan, record, f);
        lastGroup = key;
      }
      fillCopy(t.insertTableRow(at++, repeatRow.copy()), repeatPlan, record, f);
    }
    for (let i = 0; i < templates; i++) t.removeRow(r);
    const added = at - r - templates;
    rows += added - templates;
    r += added - 1;
  }
}

/**
 * Narrows a table whose columns add up to more than the text width, keeping
 * their proportions (TableCell.setWidth sets "the width of the column"). A
 * column whose width cannot be read (none set: Docs shares the rest) leaves
 * the table as it is.
 */
function fitWidths(t: Table, textWidth: number): void {
  if (!(textWidth > 0) || !t.getNumRows()) return;
  const row = t.getRow(0);
  const n = row.getNumCells();
  const cells: GoogleAppsScript.Document.TableCell[] = [];
  const widths: number[] = [];
  for (let k = 0; k < n; k++) {
    const cell = row.getCell(k);
    const w = cell.getWidth();
    if (typeof w !== 'number' || !(w > 0)) return;
    cells.push(cell);
    widths.push(w);
  }
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= textWidth + 0.5) return;
  cells.forEach((cell, k) => cell.setWidth(share(widths[k]!, total, textWidth)));
}

/** A column's part of the text width, rounded down to a tenth of a point so the sum never passes the margin. */
const share = (width: number, total: number, textWidth: number): number => Math.floor((width * textWidth * 10) / total) / 10;

/** The collection a paragraph heads once per group ({{หัวข้อกลุ่ม:…}}), if any. */
function headingOf(text: string): string | undefined {
  if (!text.includes('{{')) return undefined;
  for (const t of tokenize(text).tokens) if (t.kind === 'heading') return t.collection;
  return undefined;
}

/** Records in runs that share the value of "กลุ่ม", in their order. */
function groupsOf(records: readonly Scope[]): Scope[][] {
  const out: Scope[][] = [];
  let last: string | undefined;
  for (const r of records) {
    const key = String(r.get(GROUP_FIELD) ?? '');
    if (!out.length || key !== last) out.push([]);
    out[out.length - 1]!.push(r);
    last = key;
  }
  return out;
}

/**
 * Puts a copy of a group's table and heading at `at`, heading first, and
 * answers the index after them. Whether insertTable adds a paragraph of its
 * own (as appendTable does after, or as the Docs API's InsertTableRequest does
 * before) is undocumented: the count of children says, and the extra one goes
 * once it no longer stands right before a table.
 */
function insertGroup(c: Container, at: number, heading: Paragraph | ListItem, table: Table, list: boolean): { heading: Paragraph | ListItem; table: Table; next: number } {
  const before = c.getNumChildren();
  const t = c.insertTable(at, table);
  const extra = c.getNumChildren() - before - 1;
  // With an extra paragraph, the table is at `at` (the paragraph after it) or at `at + 1` (before it).
  const tableAt = extra > 0 && kindOf(c.getChild(at)) !== 'table' ? at + 1 : at;
  const p = list ? c.insertListItem(tableAt, heading as ListItem) : c.insertParagraph(tableAt, heading as Paragraph);
  if (extra > 0) c.getChild(tableAt === at ? at + 2 : at).removeFromParent();
  return { heading: p, table: t, next: at + 2 };
}

/**
 * A group heading and the table under it, once per group of the collection's
 * records (a heading above each group's table, as seed 002 sets them): the
 * copies go before the template's own, which the last group fills. No record:
 * both go (the heading stays, emptied, when it cannot: right before a table).
 */
function fillGroups(c: Container, p: Paragraph | ListItem, list: boolean, source: string, t: Table, collection: string, s: Scope, f: Filling): void {
  const groups = groupsOf(f.collections.get(collection) ?? []);
  if (!groups.length) {
    t.removeFromParent();
    try {
      p.removeFromParent();
    } catch {
      p.setText('');
    }
    return;
  }
  fitWidths(t, f.textWidth);
  const only = (records: readonly Scope[]): Filling => ({ ...f, collections: new Map(f.collections).set(collection, records) });
  let at = c.getChildIndex(p);
  for (const g of groups.slice(0, -1)) {
    const made = insertGroup(c, at, p.copy(), t.copy(), list);
    fillParagraph(made.heading, g[0]!, f, source);
    fillTable(made.table, s, only(g), false);
    at = made.next;
  }
  const last = groups[groups.length - 1]!;
  fillParagraph(p, last[0]!, f, source);
  fillTable(t, s, only(last), false);
}

/** Whether a table has a repeating row of the collection (one read of its text). */
const repeats = (t: Table, collection: string): boolean => tokenize(t.getText()).tokens.some((k) => k.kind === 'repeat' && k.collection === collection);

/** Fills every paragraph, list item and table of a body, header, footer or cell. */
export function fillContainer(c: Container, s: Scope, f: Filling): void {
  const children = childrenOf(c);
  const kinds = children.map(kindOf);
  for (let i = 0; i < children.length; i++) {
    const el = children[i]!;
    const kind = kinds[i]!;
    if (kind === 'table') fillTable(el.asTable(), s, f);
    else if (kind === 'paragraph' || kind === 'list') {
      // A group heading may be a plain paragraph or a bulleted or numbered one.
      const p = kind === 'list' ? el.asListItem() : el.asParagraph();
      const source = p.getText();
      const heading = kinds[i + 1] === 'table' ? headingOf(source) : undefined;
      const table = heading === undefined ? undefined : children[i + 1]!.asTable();
      if (table && repeats(table, heading!)) {
        fillGroups(c, p, kind === 'list', source, table, heading!, s, f);
        i += 1;
      } else fillParagraph(p, s, f, source);
    }
  }
}

/** Fills a whole document: body, header and footer. */
export function fillDocument(doc: Doc, f: Filling): void {
  fillContainer(doc.getBody(), f.scope, f);
  const header = doc.getHeader();
  if (header) fillContainer(header, f.scope, f);
  const footer = doc.getFooter();
  if (footer) fillContainer(footer, f.scope, f);
}

/** Sarabun, 16 pt unless said, bold or not, as attributes. */
function attributes(bold: boolean, size: number): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  attrs[DocumentApp.Attribute.FONT_FAMILY as unknown as string] = FONT.family;
  attrs[DocumentApp.Attribute.FONT_SIZE as unknown as string] = size;
  attrs[DocumentApp.Attribute.BOLD as unknown as string] = bold;
  return attrs;
}

function style(p: Paragraph, bold = false, size: number = FONT.size): Paragraph {
  return p.setAttributes(attributes(bold, size));
}

const ALIGN = (a: 'center' | 'right' | 'justify' | undefined) =>
  a === 'center' ? DocumentApp.HorizontalAlignment.CENTER : a === 'right' ? DocumentApp.HorizontalAlignment.RIGHT : a === 'justify' ? DocumentApp.HorizontalAlignment.JUSTIFY : DocumentApp.HorizontalAlignment.LEFT;

/** A paragraph of the given text: the free one when there is one (a new Doc's, or the one after a table), else a new one. */
function paragraphOf(section: Pick<Section, 'appendParagraph'>, text: string, free: Paragraph | undefined): Paragraph {
  if (!free) return section.appendParagraph(text);
  free.setText(text);
  return free;
}

/**
 * Thai official prose starts its paragraphs 2.5 cm in; a signature block is
 * centred on the right part of the page, from 40% of the text width (a long
 * position such as "นายกองค์การบริหารส่วนตำบล…" still fits on one line).
 */
const FIRST_LINE = 72;
function indent(p: Paragraph, b: Block & { kind: 'paragraph' }, textWidth: number): void {
  const how = b.indent ?? (b.align === undefined ? 'body' : 'none');
  if (how === 'body') p.setIndentFirstLine(FIRST_LINE);
  else if (how === 'signature') {
    const start = Math.round(textWidth * 0.4);
    p.setIndentStart(start).setIndentFirstLine(start);
  }
}

/** Writes one block; answers the paragraph the next block may write into (the one appendTable adds). */
function writeBlock(body: GoogleAppsScript.Document.Body, b: Block, free: Paragraph | undefined, textWidth: number): Paragraph | undefined {
  switch (b.kind) {
    case 'title':
      style(paragraphOf(body, b.text, free).setHeading(DocumentApp.ParagraphHeading.TITLE).setAlignment(DocumentApp.HorizontalAlignment.CENTER), true);
      return undefined;
    case 'heading': {
      const p = paragraphOf(body, b.text, free).setHeading(DocumentApp.ParagraphHeading.HEADING1);
      style(free ? p.setAlignment(DocumentApp.HorizontalAlignment.LEFT) : p, true);
      return undefined;
    }
    case 'paragraph':
    case 'chart': {
      const p = paragraphOf(body, b.kind === 'chart' ? `{{กราฟ:${b.name}}}` : b.text, free);
      if (free) p.setHeading(DocumentApp.ParagraphHeading.NORMAL);
      style(p.setAlignment(b.kind === 'chart' ? DocumentApp.HorizontalAlignment.CENTER : ALIGN(b.indent === 'signature' ? 'center' : b.align)), b.kind === 'paragraph' && b.bold === true);
      if (b.kind === 'paragraph' && b.text !== '') indent(p, b, textWidth);
      // A bold line of its own (a group's heading) stands a little apart from the table above it.
      if (b.kind === 'paragraph' && b.bold) p.setSpacingBefore(10);
      return undefined;
    }
    case 'pageBreak':
      if (free) free.appendPageBreak();
      else body.appendPageBreak();
      return undefined;
    case 'table': {
      // A free paragraph before a table stays: a paragraph right before a table cannot go.
      const head = b.header.length ? [[...b.header]] : [];
      const rows = [...head, ...(b.group ? [b.row.map((_, i) => (i === 0 ? b.group! : ''))] : []), b.row.map((c) => cellParagraphs(c)[0]?.text ?? '')];
      const t = body.appendTable(rows);
      // A borderless table lays out body text (the memo's chain of comments): body size, no rules.
      const size = b.borderless ? FONT.size : 14;
      t.editAsText().setAttributes(attributes(false, size));
      if (b.borderless) t.setBorderWidth(0);
      const first = t.getRow(0);
      if (head.length) first.editAsText().setBold(true);
      // Relative widths, scaled to the page's text width (rounded down: never past the margin).
      const sum = b.widths?.reduce((a, w) => a + w, 0) ?? 0;
      for (let k = 0; k < b.row.length; k++) {
        const cell = first.getCell(k);
        // setWidth sets the width of the cell's whole column.
        if (b.widths?.[k]) cell.setWidth(share(b.widths[k]!, sum, textWidth));
        if (head.length) cell.setBackgroundColor('#e8f0fe');
      }
      if (b.group) {
        const group = t.getRow(head.length);
        group.editAsText().setBold(true);
        for (let k = 0; k < b.row.length; k++) group.getCell(k).setBackgroundColor('#f1f3f4');
      }
      // A cell of several paragraphs: the first is the cell's own, the others follow it.
      const last = t.getRow(t.getNumRows() - 1);
      b.row.forEach((c, k) => {
        if (typeof c === 'string') return;
        const cell = last.getCell(k);
        c.forEach((p, i) => {
          const para = i === 0 ? cell.getChild(0).asParagraph() : cell.appendParagraph(p.text);
          style(para.setAlignment(ALIGN(p.indent === 'signature' ? 'center' : p.align)), false, size);
          if (p.indent === 'signature') indent(para, { kind: 'paragraph', ...p }, textWidth);
        });
      });
      return t.getNextSibling()?.asParagraph();
    }
  }
}

/** A header's or footer's one paragraph: the one a new section may start with, or a new one. */
function writeSection(s: GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection, text: string, align: GoogleAppsScript.Document.HorizontalAlignment): void {
  const own = s.getNumChildren() ? s.getChild(0).asParagraph() : undefined;
  style(paragraphOf(s, text, own).setAlignment(align), false, 12);
}

/** Writes a default template into a new, empty document (one empty paragraph, no header or footer). */
export function writeTemplate(doc: Doc, t: TemplateDoc): void {
  const body = doc.getBody();
  if (t.landscape) body.setPageWidth(841.9).setPageHeight(595.3);
  const textWidth = body.getPageWidth() - body.getMarginLeft() - body.getMarginRight();
  let free = body.getNumChildren() === 1 ? body.getChild(0).asParagraph() : undefined;
  for (const b of t.body) free = writeBlock(body, b, free, textWidth);
  writeSection(doc.addHeader(), t.header, DocumentApp.HorizontalAlignment.RIGHT);
  writeSection(doc.addFooter(), t.footer, DocumentApp.HorizontalAlignment.CENTER);
}
