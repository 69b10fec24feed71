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
// - What formatting text put in by insertText or replaceText takes is
//   undocumented (a neighbour's, or the match's): replaceText, one call per
//   placeholder over a whole section or row, is used only on texts of one
//   formatting run (getTextAttributeIndices), where every answer is the same;
//   what "$", "\\" or "\n" do in its replacement is undocumented too, so a value
//   holding one (or a brace) is written by offsets, as is any text of several
//   runs; a value that replaces a whole text goes in after its first character.
// Every call is a round trip in Apps Script, so a template is read once
// (planTemplate: its texts for the check, what to fill where) and a Drive copy
// of it is filled from that plan without being read again (fillPlanned); a
// batch reuses one plan for every unit's copy.
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
      for (const d of digitEdits(t.text, f.digits)) edits.push({ ...d, at: at + d.at });
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
 * In a text of several formatting runs (not `uniform`), a value goes in
 * between the first two characters of what it replaces, then these go: both
 * its neighbours are then of the placeholder, whichever one Docs styles it
 * after (a single digit, with no such place, goes after itself: "the text
 * style for the inserted text will match the text immediately before the
 * insertion index" in most cases, docs/api/reference/rest/v1/documents/request#InsertTextRequest).
 */
function replaceIn(text: Text, source: string, edits: readonly Edit[], uniform = false): void {
  let end = source.length; // where the previous (later) placeholder started
  let tail = 0; // the length of the text from there on
  let counted = true;
  for (const e of edits) {
    const after = counted ? end - (e.at + e.length) + tail : text.getText().length - (e.at + e.length);
    // A web address becomes a link to itself; where new text falls against a link around it is undocumented:
    // the template's link (over a placeholder or digits) is put back over it.
    const url = /^https?:\/\/\S+$/i.test(e.value) ? e.value : e.value && !e.value.includes('\n') ? text.getLinkUrl(e.at) : null;
    if (e.value && e.at === 0 && after === 0) {
      // The whole text: its first character stays until the value follows it, so the value has a neighbour to take after.
      if (e.length > 1) text.deleteText(1, e.length - 1);
      text.appendText(e.value);
      text.deleteText(0, 0);
    } else if (e.value && !uniform && !e.value.includes('\n') && e.length === 1 && counted) {
      // Not once a value's "\n" may have split the text: runs over several paragraphs are undocumented.
      oneCharacter(text, e, after);
    } else if (e.value && !uniform && !e.value.includes('\n') && e.length > 1) {
      // In after the first character; then the rest of the placeholder goes, and that character.
      text.insertText(e.at + 1, e.value);
      text.deleteText(e.at + 1 + e.value.length, e.at + e.length + e.value.length - 1);
      text.deleteText(e.at, e.at);
    } else {
      text.deleteText(e.at, e.at + e.length - 1);
      if (e.value && after === 0) text.appendText(e.value);
      else if (e.value) text.insertText(e.at, e.value);
    }
    if (url) text.setLinkUrl(e.at, e.at + e.value.length - 1, url);
    if (e.value.includes('\n')) counted = false;
    end = e.at;
    tail = after + e.value.length;
  }
}

/**
 * Replaces one character (a digit) in a text of several formatting runs. It
 * has no inside: the value goes after it, and if that starts a run of its own
 * (Docs styled it after the next character), before it instead.
 */
function oneCharacter(text: Text, e: Edit, after: number): void {
  const v = e.value;
  if (after === 0) text.appendText(v);
  else {
    text.insertText(e.at + 1, v);
    if (text.getTextAttributeIndices().indexOf(e.at + 1) >= 0) {
      text.deleteText(e.at + 1, e.at + v.length);
      text.insertText(e.at, v);
      text.deleteText(e.at + v.length, e.at + v.length);
      return;
    }
  }
  text.deleteText(e.at, e.at);
}

/** The regular expression (RE2) of a placeholder's own text. */
export const literal = (raw: string): string => raw.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * A value replaceText can put in as it is: no "$" or "\\" (their meaning in a
 * replacement is undocumented), no line break, no brace (two values side by
 * side could make a placeholder a later replaceText fills), no web address (a link).
 */
const plainValue = (v: string): boolean => !/[\n\r$\\{}]/.test(v) && !/^https?:\/\/\S+$/i.test(v);

/**
 * What a text's placeholders become, placeholder by placeholder, when
 * replaceText can fill it: none when a value is not plain, a chart is named,
 * or the template's own text changes too (its digits) or holds a brace.
 */
function replacementsOf(source: string, s: Scope, f: Filling): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const t of tokenize(source).tokens) {
    if (t.kind === 'text') {
      if (/[{}]/.test(t.text) || digitEdits(t.text, f.digits).length) return undefined;
      continue;
    }
    if (t.kind === 'chart') return undefined;
    const value = t.kind === 'field' ? fill([t], s, f.formatter) : '';
    if (!plainValue(value)) return undefined;
    out.set(t.raw, value);
  }
  return out;
}

/** One replaceText per placeholder over an element (a section, a row, a cell, a paragraph). */
function replaceAll(el: { replaceText(pattern: string, replacement: string): unknown }, values: ReadonlyMap<string, string>, filled?: ReadonlySet<string>): void {
  for (const [raw, value] of values) if (!filled?.has(raw)) el.replaceText(literal(raw), value);
}

/** Fills a paragraph's or list item's placeholders; a chart placeholder becomes the chart, the width of the text. */
function fillParagraph(p: Paragraph | ListItem, s: Scope, f: Filling, source = p.getText(), uniform = false): void {
  if (!source.includes('{{') && !hasOtherDigits(source, f.digits)) return;
  const values = uniform ? replacementsOf(source, s, f) : undefined;
  if (values) return replaceAll(p, values);
  const { edits, charts } = editsOf(tokenize(source).tokens, s, f);
  replaceIn(p.editAsText(), source, edits, uniform);
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
 * A template read once: what its body, header and footer hold, by child
 * index, with the texts the check reads. A fill of a copy of the template
 * (Drive's files.copy keeps every element where it was) needs no other read.
 * Only what may change is kept: a paragraph or cell with a "{{" or a digit.
 */
export interface TemplatePlan {
  /** Every text that can hold a placeholder, with where it is, for checkTemplate. */
  readonly texts: readonly TemplateText[];
  readonly body: SectionPlan;
  readonly header: SectionPlan | undefined;
  readonly footer: SectionPlan | undefined;
}

/** A body, header, footer or cell: its number of children and text (the check that a copy is the same), and what to fill. */
export interface SectionPlan {
  readonly children: number;
  readonly text: string;
  readonly items: readonly ItemPlan[];
}

/** `uniform`: a text with a placeholder whose formatting is one run (replaceText may fill it). */
type ItemPlan =
  | { readonly kind: 'paragraph'; readonly at: number; readonly list: boolean; readonly source: string; readonly uniform: boolean }
  | { readonly kind: 'table'; readonly at: number; readonly table: TablePlan }
  | { readonly kind: 'groups'; readonly at: number; readonly list: boolean; readonly source: string; readonly uniform: boolean; readonly collection: string; readonly table: TablePlan };

interface TablePlan {
  readonly rows: number;
  /** Rows that may change, by index, with their marker. */
  readonly planned: readonly RowPlan[];
  /** The first row's column widths; none when one cannot be read (Docs shares the rest). */
  readonly widths: readonly number[] | undefined;
  /** Whether a row repeats this collection (a group heading above needs one). */
  readonly repeats: ReadonlySet<string>;
}

interface RowPlan {
  readonly index: number;
  readonly marker: { kind: 'repeat' | 'group'; collection: string } | undefined;
  readonly cells: readonly CellPlan[];
}

/**
 * How a cell is filled: a cell of one paragraph (the usual) through the cell's
 * own Text, in the same offsets as its text; any other, or one with a chart,
 * element by element; one with nothing to change not at all.
 */
type CellPlan = { readonly how: 'none' } | { readonly how: 'text'; readonly source: string; readonly uniform: boolean } | { readonly how: 'elements'; readonly source: string; readonly section: SectionPlan };

/**
 * Whether a text with a placeholder is of one formatting run (one read);
 * without a placeholder it is never filled by replaceText. A text of nothing
 * but placeholders leaves replaceText's value no neighbour to take a link
 * after: linked, it is filled by offsets (one more read).
 */
function uniformText(source: string, text: () => Text): boolean {
  if (!source.includes('{{')) return false;
  const t = text();
  if (t.getTextAttributeIndices().length > 1) return false;
  return tokenize(source).tokens.some((k) => k.kind === 'text') || t.getLinkUrl(0) === null;
}

/** Whether a text may change under some digits: a "{{" (or a stray "}}" the check names) or a digit. */
const mayChange = (text: string): boolean => text.includes('{{') || text.includes('}}') || hasOtherDigits(text, 'thai') || hasOtherDigits(text, 'arabic');
/** Whether a text changes under these digits. */
const changes = (text: string, digits: Digits): boolean => text.includes('{{') || hasOtherDigits(text, digits);

/** Reads a table once: its rows' texts, each changing row's cells, the first row's widths. */
function planTable(t: Table, label: string, texts: TemplateText[] | undefined): TablePlan {
  const rows = t.getNumRows();
  const planned: RowPlan[] = [];
  const repeats = new Set<string>();
  let widths: number[] | undefined = [];
  for (let r = 0; r < rows; r++) {
    const row = t.getRow(r);
    const whole = row.getText();
    const read = mayChange(whole);
    if (!read && r > 0) continue;
    const n = row.getNumCells();
    const cells: CellPlan[] = [];
    for (let k = 0; k < n; k++) {
      const cell = row.getCell(k);
      if (r === 0 && widths) {
        const w = cell.getWidth();
        widths = typeof w === 'number' && w > 0 ? [...widths, w] : undefined;
      }
      if (!read) continue;
      const source = cell.getText();
      // One text per paragraph (line) of the cell: the fill works paragraph by paragraph, so a
      // placeholder broken over two lines is an unclosed "{{" here, not a name the fill never finds.
      if (texts) for (const line of lines(source)) texts.push({ where: `${label} แถว ${r + 1}`, text: line, row: { table: label, index: r } });
      if (!mayChange(source)) cells.push({ how: 'none' });
      else if (cell.getNumChildren() === 1 && !tokenize(source).tokens.some((x) => x.kind === 'chart')) cells.push({ how: 'text', source, uniform: uniformText(source, () => cell.editAsText()) });
      else cells.push({ how: 'elements', source, section: planSection(cell, '', undefined) });
    }
    if (!read) continue;
    const marker = markerOf(whole);
    if (marker?.kind === 'repeat') repeats.add(marker.collection);
    planned.push({ index: r, marker, cells });
  }
  return { rows, planned, widths: widths?.length ? widths : undefined, repeats };
}

/** Reads a body, header, footer or cell once; with `texts`, adds each text for the check, labelled as documentTexts labels it. */
function planSection(c: Container, label: string, texts: TemplateText[] | undefined): SectionPlan {
  // A section's own text is the check that a copy is as planned (texts: a template's section, not a cell).
  const children = childrenOf(c);
  const kinds = children.map(kindOf);
  const items: ItemPlan[] = [];
  let para = 0;
  let table = 0;
  const tables = new Map<number, TablePlan>();
  const tableAt = (i: number, n: number) => {
    let p = tables.get(i);
    if (!p) tables.set(i, (p = planTable(children[i]!.asTable(), `${label}ตาราง ${n}`, texts)));
    return p;
  };
  for (let i = 0; i < children.length; i++) {
    const kind = kinds[i]!;
    if (kind === 'table') {
      table += 1;
      const plan = tableAt(i, table);
      if (plan.planned.length || plan.widths) items.push({ kind: 'table', at: i, table: plan });
    } else if (kind === 'paragraph' || kind === 'list') {
      para += 1;
      const list = kind === 'list';
      const el = list ? children[i]!.asListItem() : children[i]!.asParagraph();
      const source = el.getText();
      // A paragraph right above a table knows it: a group heading ({{หัวข้อกลุ่ม:…}}) needs it.
      const above = kinds[i + 1] === 'table' ? { above: `${label}ตาราง ${table + 1}` } : {};
      if (texts) for (const line of lines(source)) texts.push({ where: `${label}ย่อหน้า ${para}${list ? ' (รายการหัวข้อย่อย)' : ''}`, text: line, ...above });
      if (!mayChange(source)) continue;
      const heading = kinds[i + 1] === 'table' ? headingOf(source) : undefined;
      const below = heading === undefined ? undefined : tableAt(i + 1, table + 1);
      const uniform = uniformText(source, () => el.editAsText());
      if (below?.repeats.has(heading!)) {
        items.push({ kind: 'groups', at: i, list, source, uniform, collection: heading!, table: below });
        i += 1;
        table += 1;
      } else items.push({ kind: 'paragraph', at: i, list, source, uniform });
    }
  }
  return { children: children.length, text: texts ? c.getText() : '', items };
}

/** Reads a template once: what to fill where, and its texts for the check. */
export function planTemplate(doc: Doc): TemplatePlan {
  const texts: TemplateText[] = [];
  const body = planSection(doc.getBody(), '', texts);
  const h = doc.getHeader();
  const header = h ? planSection(h, 'หัวกระดาษ ', texts) : undefined;
  const f = doc.getFooter();
  const footer = f ? planSection(f, 'ท้ายกระดาษ ', texts) : undefined;
  return { texts, body, header, footer };
}

function fillCell(cell: GoogleAppsScript.Document.TableCell, plan: CellPlan, s: Scope, f: Filling): void {
  if (plan.how === 'none' || !changes(plan.source, f.digits)) return;
  const values = plan.how === 'text' && plan.uniform ? replacementsOf(plan.source, s, f) : undefined;
  if (values) replaceAll(cell, values);
  else if (plan.how === 'text') replaceIn(cell.editAsText(), plan.source, editsOf(tokenize(plan.source).tokens, s, f).edits, plan.uniform);
  else fillSection(cell, plan.section, s, f);
}

/** Cells already filled by their section's replaceText. */
type Done = ReadonlySet<ItemPlan | CellPlan>;
const NONE_DONE: Done = new Set();

/**
 * A row (the template's or a copy of it), filled as its plan says: by one
 * replaceText per placeholder over the row when every cell to fill can be,
 * else cell by cell.
 */
function fillRow(row: TableRow, plan: RowPlan, s: Scope, f: Filling, done: Done = NONE_DONE, filled?: ReadonlySet<string>): void {
  const values = rowValues(plan, s, f, done);
  if (values) return replaceAll(row, values, filled);
  plan.cells.forEach((c, k) => {
    if (c.how !== 'none' && changes(c.source, f.digits) && !done.has(c)) fillCell(row.getCell(k), c, s, f);
  });
}

/** What each placeholder of a row becomes when replaceText can fill the whole row; none when it cannot (or nothing changes). */
function rowValues(plan: RowPlan, s: Scope, f: Filling, done: Done = NONE_DONE): Map<string, string> | undefined {
  const cells = plan.cells.filter((c) => c.how !== 'none' && changes(c.source, f.digits) && !done.has(c));
  const values = new Map<string, string>();
  const whole = cells.every((c) => {
    const v = c.how === 'text' && c.uniform ? replacementsOf(c.source, s, f) : undefined;
    v?.forEach((value, raw) => values.set(raw, value));
    return v !== undefined;
  });
  return cells.length && whole ? values : undefined;
}

/**
 * Fills, in a template row about to be copied for several records, each
 * placeholder whose value is the same in all of them (the row's own marker,
 * a status every measure shares): one replaceText then, not one per copy.
 * Only when replaceText fills every copy whole. Answers what it filled.
 */
function fillShared(row: TableRow, plan: RowPlan, scopes: readonly Scope[], f: Filling): Set<string> {
  const filled = new Set<string>();
  if (scopes.length < 2) return filled;
  const all = scopes.map((s) => rowValues(plan, s, f));
  if (all.some((v) => v === undefined)) return filled;
  all[0]!.forEach((value, raw) => {
    if (all.every((v) => v!.get(raw) === value)) filled.add(raw);
  });
  replaceAll(row, new Map([...filled].map((raw) => [raw, all[0]!.get(raw)!])));
  return filled;
}

/**
 * Copies a table's repeating rows once per record (keeping their formatting),
 * with a group row, when one stands right above, before each group of records
 * sharing the value of "กลุ่ม"; fills every cell. A table that held nothing
 * but its template rows and gets no record goes as a whole (a table cannot be
 * left without rows). Row handles are read before any row is added.
 */
function fillTable(t: Table, plan: TablePlan, s: Scope, f: Filling, fit = true, done: Done = NONE_DONE): void {
  if (fit) fitWidths(t, plan, f.textWidth);
  const rows = plan.planned.map((p) => t.getRow(p.index));
  let shift = 0; // rows added less rows removed so far, above the current one
  for (let i = 0; i < plan.planned.length; i++) {
    const p = plan.planned[i]!;
    const row = rows[i]!;
    const marker = p.marker;
    if (!marker) {
      fillRow(row, p, s, f, done);
      continue;
    }
    let group: RowPlan | undefined;
    let repeat = p;
    let repeatRow = row;
    if (marker.kind === 'group') {
      const next = plan.planned[i + 1];
      if (next?.index !== p.index + 1 || next.marker?.kind !== 'repeat' || next.marker.collection !== marker.collection) {
        fillRow(row, p, s, f); // a group row with no repeating row under it: shown once
        continue;
      }
      group = p;
      repeat = next;
      repeatRow = rows[i + 1]!;
      i += 1;
    }
    const templates = group ? 2 : 1;
    const records = f.collections.get(marker.collection) ?? [];
    if (!records.length && plan.rows === templates) {
      t.removeFromParent();
      return;
    }
    const r = p.index + shift;
    let at = r + templates;
    const heads = group ? groupsOf(records).map((g) => g[0]!) : [];
    const groupFilled = group ? fillShared(row, group, heads, f) : undefined;
    const repeatFilled = fillShared(repeatRow, repeat, records, f);
    let lastGroup: string | undefined;
    for (const record of records) {
      const key = String(record.get(GROUP_FIELD) ?? '');
      if (group && key !== lastGroup) {
        fillRow(t.insertTableRow(at++, row.copy()), group, record, f, NONE_DONE, groupFilled);
        lastGroup = key;
      }
      fillRow(t.insertTableRow(at++, repeatRow.copy()), repeat, record, f, NONE_DONE, repeatFilled);
    }
    for (let k = 0; k < templates; k++) t.removeRow(r);
    shift += at - r - 2 * templates;
  }
}

/**
 * Narrows a table whose columns add up to more than the text width, keeping
 * their proportions (TableCell.setWidth sets "the width of the column"). A
 * column whose width cannot be read (none set: Docs shares the rest) leaves
 * the table as it is.
 */
function fitWidths(t: Table, plan: TablePlan, textWidth: number): void {
  if (!overflows(plan, textWidth)) return;
  const widths = plan.widths!;
  const total = widths.reduce((a, b) => a + b, 0);
  const row = t.getRow(0);
  widths.forEach((w, k) => row.getCell(k).setWidth(share(w, total, textWidth)));
}

/** Whether a table's known column widths add up to more than the text width. */
const overflows = (plan: TablePlan, textWidth: number): boolean => !!plan.widths && textWidth > 0 && plan.widths.reduce((a, b) => a + b, 0) > textWidth + 0.5;

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
function fillGroups(c: Container, p: Paragraph | ListItem, t: Table, plan: ItemPlan & { kind: 'groups' }, s: Scope, f: Filling): void {
  const groups = groupsOf(f.collections.get(plan.collection) ?? []);
  if (!groups.length) {
    t.removeFromParent();
    try {
      p.removeFromParent();
    } catch {
      p.setText('');
    }
    return;
  }
  fitWidths(t, plan.table, f.textWidth);
  const only = (records: readonly Scope[]): Filling => ({ ...f, collections: new Map(f.collections).set(plan.collection, records) });
  let at = c.getChildIndex(p);
  for (const g of groups.slice(0, -1)) {
    const made = insertGroup(c, at, p.copy(), t.copy(), plan.list);
    fillParagraph(made.heading, g[0]!, f, plan.source, plan.uniform);
    fillTable(made.table, plan.table, s, only(g), false);
    at = made.next;
  }
  const last = groups[groups.length - 1]!;
  fillParagraph(p, last[0]!, f, plan.source, plan.uniform);
  fillTable(t, plan.table, s, only(last), false);
}

/**
 * Fills a body, header, footer or cell as its plan says. Every element is
 * taken before any is filled: a fill may add elements (a group's copies, a
 * value's "\n" that starts a paragraph) and move the later ones.
 */
function fillSection(c: Container, plan: SectionPlan, s: Scope, f: Filling): void {
  const done = replaceShared(c, plan, s, f);
  const items = plan.items.filter((it) => (it.kind === 'paragraph' ? changes(it.source, f.digits) && !done.has(it) : it.kind === 'groups' || tableToFill(it.table, f, done)));
  const els = items.map((it): { p?: Paragraph | ListItem; table?: Table } => {
    const el = c.getChild(it.at);
    if (it.kind === 'table') return { table: el.asTable() };
    const p = it.list ? el.asListItem() : el.asParagraph();
    return it.kind === 'groups' ? { p, table: c.getChild(it.at + 1).asTable() } : { p };
  });
  items.forEach((it, i) => {
    const el = els[i]!;
    if (it.kind === 'table') fillTable(el.table!, it.table, s, f, true, done);
    else if (it.kind === 'groups') fillGroups(c, el.p!, el.table!, it, s, f);
    else fillParagraph(el.p!, s, f, it.source, it.uniform);
  });
}

/** The raw text of each placeholder of a text. */
const rawsOf = (source: string): string[] => tokenize(source).tokens.flatMap((t) => (t.kind === 'text' ? [] : [t.raw]));

/**
 * Fills, by one replaceText per placeholder over the whole section, every
 * paragraph and every cell of a plain row (one filled once, from the
 * section's values) that replaceText can fill — as long as each of their
 * placeholders appears nowhere else in the section (not in a repeating row,
 * a group, a text of several formatting runs, or one with a value that must
 * be written by offsets), so that no other text changes under the offsets
 * its own fill counts on. Answers what it filled.
 */
function replaceShared(c: Container, plan: SectionPlan, s: Scope, f: Filling): Set<ItemPlan | CellPlan> {
  const candidates = new Map<ItemPlan | CellPlan, Map<string, string>>();
  const blocked = new Set<string>();
  const consider = (key: ItemPlan | CellPlan, source: string, uniform: boolean) => {
    const values = uniform && changes(source, f.digits) ? replacementsOf(source, s, f) : undefined;
    if (values?.size) candidates.set(key, values);
    else for (const raw of rawsOf(source)) blocked.add(raw);
  };
  for (const it of plan.items) {
    if (it.kind === 'paragraph') consider(it, it.source, it.uniform);
    else {
      if (it.kind === 'groups') for (const raw of rawsOf(it.source)) blocked.add(raw);
      for (const row of it.table.planned) {
        for (const cell of row.cells) {
          if (cell.how === 'none') continue;
          if (it.kind === 'table' && !row.marker && cell.how === 'text') consider(cell, cell.source, cell.uniform);
          else for (const raw of rawsOf(cell.source)) blocked.add(raw);
        }
      }
    }
  }
  // A text with a blocked placeholder is filled by offsets: its other placeholders are blocked in turn.
  for (let again = true; again; ) {
    again = false;
    for (const [key, values] of candidates) {
      if (![...values.keys()].some((raw) => blocked.has(raw))) continue;
      candidates.delete(key);
      for (const raw of values.keys()) blocked.add(raw);
      again = true;
    }
  }
  const values = new Map<string, string>();
  for (const v of candidates.values()) v.forEach((value, raw) => values.set(raw, value));
  replaceAll(c, values);
  return new Set(candidates.keys());
}

/** Whether a table needs its fill: a row with something left to fill, or columns wider than the text. */
function tableToFill(plan: TablePlan, f: Filling, done: Done): boolean {
  if (overflows(plan, f.textWidth)) return true;
  return plan.planned.some((row) => row.marker || row.cells.some((c) => c.how !== 'none' && changes(c.source, f.digits) && !done.has(c)));
}

/**
 * Whether a section is still as planned: the same number of children and the
 * same text (two reads). A copy made element by element (copyDocument) may
 * differ, e.g. by a paragraph the new Doc started with.
 */
const asPlanned = (c: Container | null, plan: SectionPlan | undefined): boolean => (c === null ? plan === undefined : plan !== undefined && c.getNumChildren() === plan.children && c.getText() === plan.text);

/**
 * Fills a copy of a planned template (a Drive copy of it: every element where
 * the template had it) without reading it again: each section is first
 * checked to be as planned, and a document that is not is read afresh.
 * Answers whether the plan was used.
 */
export function fillPlanned(doc: Doc, plan: TemplatePlan, f: Filling): boolean {
  const body = doc.getBody();
  const header = doc.getHeader();
  const footer = doc.getFooter();
  const same = asPlanned(body, plan.body) && asPlanned(header, plan.header) && asPlanned(footer, plan.footer);
  const use = same ? plan : planTemplate(doc);
  fillSection(body, use.body, f.scope, f);
  if (header && use.header) fillSection(header, use.header, f.scope, f);
  if (footer && use.footer) fillSection(footer, use.footer, f.scope, f);
  return same;
}

/** Fills a whole document: body, header and footer, read once. */
export function fillDocument(doc: Doc, f: Filling): void {
  const plan = planTemplate(doc);
  fillSection(doc.getBody(), plan.body, f.scope, f);
  const header = doc.getHeader();
  if (header && plan.header) fillSection(header, plan.header, f.scope, f);
  const footer = doc.getFooter();
  if (footer && plan.footer) fillSection(footer, plan.footer, f.scope, f);
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
