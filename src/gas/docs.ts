// Reading, writing and filling Google Docs for the reports. Thin: the template
// language and the values live in src/core/report.
import { FONT, type Block, type TemplateDoc } from '../core/report/default-templates';
import { fill, GROUP_FIELD, tokenize, type Formatter, type Scope, type TemplateText } from '../core/report/template';

type Doc = GoogleAppsScript.Document.Document;
type Container = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection | GoogleAppsScript.Document.TableCell;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;

type Kind = 'paragraph' | 'table' | 'list' | 'other';
/** One getType() call per element (each is a round trip in Apps Script). */
function kindOf(e: GoogleAppsScript.Document.Element): Kind {
  const t = e.getType();
  return t === DocumentApp.ElementType.PARAGRAPH ? 'paragraph' : t === DocumentApp.ElementType.TABLE ? 'table' : t === DocumentApp.ElementType.LIST_ITEM ? 'list' : 'other';
}

/** The collection a table row repeats ({{แถวซ้ำ:…}}) or heads per group ({{แถวกลุ่ม:…}}). */
export function markerOf(text: string): { kind: 'repeat' | 'group'; collection: string } | undefined {
  for (const t of tokenize(text).tokens) if (t.kind === 'repeat' || t.kind === 'group') return { kind: t.kind, collection: t.collection };
  return undefined;
}

/** Every text of a document with where it is, for the template check. */
export function documentTexts(doc: Doc): TemplateText[] {
  const out: TemplateText[] = [];
  const walk = (c: Container, label: string) => {
    let para = 0;
    let table = 0;
    for (let i = 0; i < c.getNumChildren(); i++) {
      const el = c.getChild(i);
      const kind = kindOf(el);
      if (kind === 'table') {
        table += 1;
        const t = el.asTable();
        for (let r = 0; r < t.getNumRows(); r++) {
          const row = t.getRow(r);
          const marker = markerOf(row.getText());
          for (let k = 0; k < row.getNumCells(); k++) {
            out.push({ where: `${label}ตาราง ${table} แถว ${r + 1}`, text: row.getCell(k).getText(), ...(marker ? { repeat: marker.collection } : {}) });
          }
        }
      } else if (kind === 'paragraph') {
        para += 1;
        const text = el.asParagraph().getText();
        if (text) out.push({ where: `${label}ย่อหน้า ${para}`, text });
      }
    }
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
  const body = to.getBody();
  const first = body.getNumChildren() ? body.getChild(0) : undefined;
  const src = from.getBody();
  for (let i = 0; i < src.getNumChildren(); i++) {
    const el = src.getChild(i);
    const kind = kindOf(el);
    if (kind === 'table') body.appendTable(el.asTable().copy());
    else if (kind === 'paragraph') body.appendParagraph(el.asParagraph().copy());
    else if (kind === 'list') body.appendListItem(el.asListItem().copy());
  }
  // A new Doc starts with one empty paragraph: drop it once there is more.
  if (first && body.getNumChildren() > 1) first.removeFromParent();
  const page = from.getBody();
  body.setPageWidth(page.getPageWidth()).setPageHeight(page.getPageHeight());
  body.setMarginLeft(page.getMarginLeft()).setMarginRight(page.getMarginRight());
  const header = from.getHeader();
  if (header) copySection(header, to.addHeader());
  const footer = from.getFooter();
  if (footer) copySection(footer, to.addFooter());
}

function copySection(from: Container, to: Container): void {
  for (let i = 0; i < from.getNumChildren(); i++) {
    const el = from.getChild(i);
    const kind = kindOf(el);
    if (kind === 'table') to.appendTable(el.asTable().copy());
    else if (kind === 'paragraph') to.appendParagraph(el.asParagraph().copy());
  }
}

export interface Filling {
  readonly scope: Scope;
  readonly collections: ReadonlyMap<string, readonly Scope[]>;
  readonly formatter: Formatter;
  /** The image of a chart placeholder. */
  readonly chart: (name: string) => GoogleAppsScript.Base.Blob;
  /** Width for images: the page's text width, in points. */
  readonly imageWidth: number;
}

/** Replaces a paragraph's placeholders in place, from the last to the first, keeping the rest of its formatting. */
function fillParagraph(p: Paragraph, s: Scope, f: Filling): void {
  const source = p.getText();
  if (!source.includes('{{')) return;
  const { tokens } = tokenize(source);
  const charts: string[] = [];
  const edits: { at: number; length: number; value: string }[] = [];
  let at = 0;
  for (const t of tokens) {
    if (t.kind === 'text') {
      at += t.text.length;
      continue;
    }
    const value = t.kind === 'field' ? fill([t], s, f.formatter) : '';
    if (t.kind === 'chart') charts.push(t.name);
    edits.push({ at, length: t.raw.length, value });
    at += t.raw.length;
  }
  const text = p.editAsText();
  for (const e of edits.reverse()) {
    text.deleteText(e.at, e.at + e.length - 1);
    if (!e.value) continue;
    text.insertText(e.at, e.value);
    // A value that is a web address becomes a link to it.
    if (/^https?:\/\/\S+$/i.test(e.value)) text.setLinkUrl(e.at, e.at + e.value.length - 1, e.value);
  }
  for (const name of charts) {
    const img = p.appendInlineImage(f.chart(name));
    const w = f.imageWidth;
    img.setHeight(Math.round((img.getHeight() * w) / img.getWidth()));
    img.setWidth(w);
  }
}

function fillRow(row: GoogleAppsScript.Document.TableRow, s: Scope, f: Filling): void {
  for (let k = 0; k < row.getNumCells(); k++) fillContainer(row.getCell(k), s, f);
}

/**
 * Copies a table's repeating rows once per record (keeping their formatting),
 * with a group row, when one stands right above, before each group of records
 * sharing the value of "กลุ่ม"; fills every cell.
 */
function fillTable(t: Table, s: Scope, f: Filling): void {
  for (let r = 0; r < t.getNumRows(); r++) {
    const row = t.getRow(r);
    const marker = markerOf(row.getText());
    if (!marker) {
      fillRow(row, s, f);
      continue;
    }
    const records = f.collections.get(marker.collection) ?? [];
    let groupRow: GoogleAppsScript.Document.TableRow | undefined;
    let repeatRow = row;
    if (marker.kind === 'group') {
      const next = r + 1 < t.getNumRows() ? t.getRow(r + 1) : undefined;
      const below = next && markerOf(next.getText());
      if (!next || below?.kind !== 'repeat' || below.collection !== marker.collection) {
        fillRow(row, s, f); // a group row with no repeating row under it: shown once
        continue;
      }
      groupRow = row;
      repeatRow = next;
    }
    let at = r + (groupRow ? 2 : 1);
    let lastGroup: string | undefined;
    for (const record of records) {
      const key = String(record.get(GROUP_FIELD) ?? '');
      if (groupRow && key !== lastGroup) {
        fillRow(t.insertTableRow(at++, groupRow.copy()), record, f);
        lastGroup = key;
      }
      fillRow(t.insertTableRow(at++, repeatRow.copy()), record, f);
    }
    if (groupRow) t.removeRow(r);
    t.removeRow(r);
    r = at - (groupRow ? 2 : 1) - 1;
  }
}

/** Fills every paragraph and table of a body, header, footer or cell. */
export function fillContainer(c: Container, s: Scope, f: Filling): void {
  for (let i = 0; i < c.getNumChildren(); i++) {
    const el = c.getChild(i);
    const kind = kindOf(el);
    if (kind === 'table') fillTable(el.asTable(), s, f);
    else if (kind === 'paragraph') fillParagraph(el.asParagraph(), s, f);
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

/** Sarabun, 16 pt unless said, bold or not: the paragraph's attributes. */
function style(p: Paragraph, bold = false, size: number = FONT.size): Paragraph {
  const attrs: Record<string, unknown> = {};
  attrs[DocumentApp.Attribute.FONT_FAMILY as unknown as string] = FONT.family;
  attrs[DocumentApp.Attribute.FONT_SIZE as unknown as string] = size;
  attrs[DocumentApp.Attribute.BOLD as unknown as string] = bold;
  return p.setAttributes(attrs);
}

const ALIGN = (a: 'center' | 'right' | 'justify' | undefined) =>
  a === 'center' ? DocumentApp.HorizontalAlignment.CENTER : a === 'right' ? DocumentApp.HorizontalAlignment.RIGHT : a === 'justify' ? DocumentApp.HorizontalAlignment.JUSTIFY : DocumentApp.HorizontalAlignment.LEFT;

function writeBlock(body: GoogleAppsScript.Document.Body, b: Block): void {
  switch (b.kind) {
    case 'title':
      style(body.appendParagraph(b.text).setHeading(DocumentApp.ParagraphHeading.TITLE).setAlignment(DocumentApp.HorizontalAlignment.CENTER), true);
      return;
    case 'heading':
      style(body.appendParagraph(b.text).setHeading(DocumentApp.ParagraphHeading.HEADING1), true);
      return;
    case 'paragraph':
      style(body.appendParagraph(b.text).setAlignment(ALIGN(b.align)));
      return;
    case 'chart':
      style(body.appendParagraph(`{{กราฟ:${b.name}}}`).setAlignment(DocumentApp.HorizontalAlignment.CENTER));
      return;
    case 'pageBreak':
      body.appendPageBreak();
      return;
    case 'table': {
      const rows = [[...b.header], ...(b.group ? [b.header.map((_, i) => (i === 0 ? b.group! : ''))] : []), [...b.row]];
      const t = body.appendTable(rows);
      for (let r = 0; r < t.getNumRows(); r++) {
        const row = t.getRow(r);
        for (let k = 0; k < row.getNumCells(); k++) {
          const cell = row.getCell(k);
          if (b.widths?.[k]) cell.setWidth(b.widths[k]!);
          const isGroup = Boolean(b.group) && r === 1;
          if (r === 0) cell.setBackgroundColor('#e8f0fe');
          if (isGroup) cell.setBackgroundColor('#f1f3f4');
          for (let i = 0; i < cell.getNumChildren(); i++) {
            const el = cell.getChild(i);
            if (kindOf(el) === 'paragraph') style(el.asParagraph(), r === 0 || isGroup, 14);
          }
        }
      }
    }
  }
}

/** Writes a default template into a new, empty document. */
export function writeTemplate(doc: Doc, t: TemplateDoc): void {
  const body = doc.getBody();
  if (t.landscape) body.setPageWidth(841.9).setPageHeight(595.3);
  const first = body.getNumChildren() ? body.getChild(0) : undefined;
  for (const b of t.body) writeBlock(body, b);
  if (first && body.getNumChildren() > 1) first.removeFromParent();
  style(doc.addHeader().appendParagraph(t.header).setAlignment(DocumentApp.HorizontalAlignment.RIGHT), false, 12);
  style(doc.addFooter().appendParagraph(t.footer).setAlignment(DocumentApp.HorizontalAlignment.CENTER), false, 12);
}

