// In-memory fakes of DocumentApp, DriveApp (files and copies) and Charts, as
// an element tree that can render itself as HTML. Each assumption about
// Google's behaviour is written beside the code that makes it (reference:
// developers.google.com/apps-script/reference/document, /drive, /charts).
import type { Faked } from './fakes';

type Align = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

/** A blob: bytes (here text) with a content type and a name. */
export class FakeBlob implements Faked<GoogleAppsScript.Base.Blob, 'getContentType' | 'getDataAsString' | 'getName' | 'setName'> {
  constructor(
    readonly data: string,
    readonly contentType: string,
    private name = '',
  ) {}
  getContentType(): string {
    return this.contentType;
  }
  getDataAsString(): string {
    return this.data;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
}

export interface TextStyle {
  bold?: boolean;
  fontFamily?: string;
  fontSize?: number;
}

/** Element.getParent(), removeFromParent(): every element knows its container. */
abstract class FakeElement {
  parent: FakeContainer | FakeTable | FakeTableRow | undefined;
  abstract readonly type: string;
  getType(): string {
    return this.type;
  }
  getParent(): unknown {
    return this.parent;
  }
  /** asParagraph(), asTable(): the same element, typed (Google's casts). */
  asParagraph(): this {
    if (this.type !== 'PARAGRAPH') throw new Error(`Cannot cast ${this.type} to PARAGRAPH`);
    return this;
  }
  asTable(): this {
    if (this.type !== 'TABLE') throw new Error(`Cannot cast ${this.type} to TABLE`);
    return this;
  }
  removeFromParent(): this {
    if (this.parent instanceof FakeContainer) this.parent.children.splice(this.parent.children.indexOf(this as unknown as Block), 1);
    else if (this.parent instanceof FakeTable) this.parent.rows.splice(this.parent.rows.indexOf(this as unknown as FakeTableRow), 1);
    this.parent = undefined;
    return this;
  }
}

/** An inline image: a blob with a size in points (pixels in the API's words). */
export class FakeInlineImage extends FakeElement implements Faked<GoogleAppsScript.Document.InlineImage, 'getWidth' | 'getHeight' | 'setWidth' | 'setHeight'> {
  readonly type = 'INLINE_IMAGE';
  constructor(
    readonly blob: FakeBlob,
    private width = 400,
    private height = 250,
  ) {
    super();
  }
  getWidth(): number {
    return this.width;
  }
  getHeight(): number {
    return this.height;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  copy(): FakeInlineImage {
    return new FakeInlineImage(this.blob, this.width, this.height);
  }
}

/**
 * A paragraph: its text (one run: attributes apply to the whole paragraph),
 * heading, alignment, and inline images after the text.
 * editAsText() edits the same text in place: deleteText(start, endInclusive),
 * insertText(offset, text), with offsets in UTF-16 code units, as Google's.
 */
export class FakeParagraph
  extends FakeElement
  implements Faked<GoogleAppsScript.Document.Paragraph, 'getText' | 'setText' | 'editAsText' | 'setHeading' | 'setAlignment' | 'setAttributes' | 'appendInlineImage'>
{
  readonly type = 'PARAGRAPH';
  heading = 'NORMAL';
  align: Align = 'LEFT';
  style: TextStyle = {};
  pageBreakAfter = false;
  readonly images: FakeInlineImage[] = [];
  /** Linked stretches of the text (offsets as given to setLinkUrl). */
  readonly links: { start: number; end: number; url: string }[] = [];
  constructor(public text: string) {
    super();
  }
  getText(): string {
    return this.text;
  }
  setText(text: string): this {
    this.text = text;
    return this;
  }
  appendText(text: string): this {
    this.text += text;
    return this;
  }
  editAsText(): FakeText {
    return new FakeText(this);
  }
  /** Enums arrive as the members of DocumentApp.ParagraphHeading / HorizontalAlignment (their names here). */
  setHeading(heading: unknown): this {
    this.heading = String(heading);
    return this;
  }
  getHeading(): string {
    return this.heading;
  }
  setAlignment(alignment: unknown): this {
    this.align = String(alignment) as Align;
    return this;
  }
  getAlignment(): Align {
    return this.align;
  }
  setAttributes(attributes: object): this {
    if ('BOLD' in attributes) this.style.bold = Boolean(attributes.BOLD);
    if ('FONT_FAMILY' in attributes) this.style.fontFamily = String(attributes.FONT_FAMILY);
    if ('FONT_SIZE' in attributes) this.style.fontSize = Number(attributes.FONT_SIZE);
    return this;
  }
  setBold(bold: boolean): this {
    this.style.bold = bold;
    return this;
  }
  setFontFamily(fontFamilyName: string): this {
    this.style.fontFamily = fontFamilyName;
    return this;
  }
  setFontSize(size: number): this {
    this.style.fontSize = size;
    return this;
  }
  /** appendInlineImage(blob): the image joins the paragraph, default size from the image. */
  appendInlineImage(image: unknown): FakeInlineImage {
    const img = new FakeInlineImage(image as FakeBlob);
    img.parent = undefined;
    this.images.push(img);
    return img;
  }
  /** copy(): a detached deep copy, attributes included. */
  copy(): FakeParagraph {
    const p = new FakeParagraph(this.text);
    p.heading = this.heading;
    p.align = this.align;
    p.style = { ...this.style };
    p.pageBreakAfter = this.pageBreakAfter;
    p.images.push(...this.images.map((i) => i.copy()));
    p.links.push(...this.links.map((l) => ({ ...l })));
    return p;
  }
}

/** Text: a view of a paragraph's text for in-place edits. */
export class FakeText implements Faked<GoogleAppsScript.Document.Text, 'getText' | 'setText' | 'deleteText' | 'insertText'> {
  /** setLinkUrl(start, endInclusive, url): that stretch of text links to the URL. */
  setLinkUrl(startOffset: number, endOffsetInclusive: number, url: string): this {
    this.p.links.push({ start: startOffset, end: endOffsetInclusive, url });
    return this;
  }
  readonly type = 'TEXT';
  constructor(private readonly p: FakeParagraph) {}
  getText(): string {
    return this.p.text;
  }
  setText(text: string): this {
    this.p.text = text;
    return this;
  }
  /** deleteText(start, endInclusive) */
  deleteText(startOffset: number, endOffsetInclusive: number): this {
    if (startOffset < 0 || endOffsetInclusive >= this.p.text.length || startOffset > endOffsetInclusive) throw new Error('Index out of bounds.');
    this.p.text = this.p.text.slice(0, startOffset) + this.p.text.slice(endOffsetInclusive + 1);
    return this;
  }
  insertText(offset: number, text: string): this {
    if (offset < 0 || offset > this.p.text.length) throw new Error('Index out of bounds.');
    this.p.text = this.p.text.slice(0, offset) + text + this.p.text.slice(offset);
    return this;
  }
}

type Block = FakeParagraph | FakeTable;

/** Body, header, footer and table cell: containers of paragraphs and tables. */
export class FakeContainer extends FakeElement {
  readonly children: Block[] = [];
  constructor(readonly type: string) {
    super();
  }
  private adopt<T extends Block>(b: T, at?: number): T {
    b.parent = this;
    if (at === undefined) this.children.push(b);
    else this.children.splice(at, 0, b);
    return b;
  }
  getNumChildren(): number {
    return this.children.length;
  }
  getChild(childIndex: number): Block {
    const c = this.children[childIndex];
    if (!c) throw new Error('Child index out of bounds.');
    return c;
  }
  getChildIndex(child: Block): number {
    return this.children.indexOf(child);
  }
  getText(): string {
    return this.children.map((c) => (c instanceof FakeParagraph ? c.getText() : c.getText())).join('\n');
  }
  appendParagraph(text: string | FakeParagraph): FakeParagraph {
    return this.adopt(typeof text === 'string' ? new FakeParagraph(text) : text);
  }
  insertParagraph(childIndex: number, text: string | FakeParagraph): FakeParagraph {
    return this.adopt(typeof text === 'string' ? new FakeParagraph(text) : text, childIndex);
  }
  /** appendTable(cells): a table with those rows of cell texts (or a copied table). */
  appendTable(cells?: string[][] | FakeTable): FakeTable {
    return this.adopt(cells instanceof FakeTable ? cells : FakeTable.of(cells ?? []));
  }
  insertTable(childIndex: number, table: FakeTable): FakeTable {
    return this.adopt(table, childIndex);
  }
  /** appendPageBreak(): a page break in a paragraph of its own. */
  appendPageBreak(): FakeParagraph {
    const p = this.appendParagraph('');
    p.pageBreakAfter = true;
    return p;
  }
  removeChild(child: Block): this {
    child.removeFromParent();
    return this;
  }
  clear(): this {
    this.children.length = 0;
    return this;
  }
  /** Page size and margins in points (a new Doc: A4 with 1-inch margins). */
  page = { width: 595.3, height: 841.9, left: 72, right: 72 };
  getPageWidth(): number {
    return this.page.width;
  }
  getPageHeight(): number {
    return this.page.height;
  }
  getMarginLeft(): number {
    return this.page.left;
  }
  getMarginRight(): number {
    return this.page.right;
  }
  setPageWidth(pageWidth: number): this {
    this.page.width = pageWidth;
    return this;
  }
  setPageHeight(pageHeight: number): this {
    this.page.height = pageHeight;
    return this;
  }
  setMarginLeft(marginLeft: number): this {
    this.page.left = marginLeft;
    return this;
  }
  setMarginRight(marginRight: number): this {
    this.page.right = marginRight;
    return this;
  }
  copy(): FakeContainer {
    const c = new FakeContainer(this.type);
    c.page = { ...this.page };
    for (const b of this.children) c.adopt(b.copy());
    return c;
  }
}

export class FakeTableCell extends FakeContainer implements Faked<GoogleAppsScript.Document.TableCell, 'setWidth' | 'setBackgroundColor'> {
  width: number | undefined;
  background = '';
  constructor() {
    super('TABLE_CELL');
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setBackgroundColor(color: string): this {
    this.background = color;
    return this;
  }
  override copy(): FakeTableCell {
    const c = new FakeTableCell();
    c.width = this.width;
    c.background = this.background;
    for (const b of this.children) c.appendParagraph(b instanceof FakeParagraph ? b.copy() : new FakeParagraph(b.getText()));
    return c;
  }
}

/** A table row: cells; copy() is detached and keeps each cell's formatting. */
export class FakeTableRow extends FakeElement implements Faked<GoogleAppsScript.Document.TableRow, 'getNumCells' | 'getCell' | 'getText'> {
  readonly type = 'TABLE_ROW';
  readonly cells: FakeTableCell[] = [];
  getNumCells(): number {
    return this.cells.length;
  }
  getCell(cellIndex: number): FakeTableCell {
    const c = this.cells[cellIndex];
    if (!c) throw new Error('Child index out of bounds.');
    return c;
  }
  getText(): string {
    return this.cells.map((c) => c.getText()).join('\t');
  }
  copy(): FakeTableRow {
    const r = new FakeTableRow();
    for (const c of this.cells) {
      const cc = c.copy();
      cc.parent = undefined;
      r.cells.push(cc);
    }
    return r;
  }
}

export class FakeTable extends FakeElement implements Faked<GoogleAppsScript.Document.Table, 'getNumRows' | 'getRow' | 'removeRow' | 'getText'> {
  readonly type = 'TABLE';
  readonly rows: FakeTableRow[] = [];
  static of(cells: string[][]): FakeTable {
    const t = new FakeTable();
    for (const r of cells) {
      const row = new FakeTableRow();
      for (const text of r) {
        const cell = new FakeTableCell();
        cell.appendParagraph(text);
        row.cells.push(cell);
      }
      t.insert(row);
    }
    return t;
  }
  private insert(row: FakeTableRow, at?: number): FakeTableRow {
    row.parent = this;
    if (at === undefined) this.rows.push(row);
    else this.rows.splice(at, 0, row);
    return row;
  }
  getNumRows(): number {
    return this.rows.length;
  }
  getRow(rowIndex: number): FakeTableRow {
    const r = this.rows[rowIndex];
    if (!r) throw new Error('Child index out of bounds.');
    return r;
  }
  /** insertTableRow(index, row): inserts the given (detached) row at the index. */
  insertTableRow(childIndex: number, tableRow?: FakeTableRow): FakeTableRow {
    return this.insert(tableRow ?? new FakeTableRow(), childIndex);
  }
  appendTableRow(tableRow?: FakeTableRow): FakeTableRow {
    return this.insert(tableRow ?? new FakeTableRow());
  }
  removeRow(rowIndex: number): FakeTableRow {
    const r = this.getRow(rowIndex);
    r.removeFromParent();
    return r;
  }
  getText(): string {
    return this.rows.map((r) => r.getText()).join('\n');
  }
  copy(): FakeTable {
    const t = new FakeTable();
    for (const r of this.rows) t.insert(r.copy());
    return t;
  }
}

/**
 * Document: a body, and a header and footer once added (getHeader() answers
 * null before addHeader()). A document opened by id is the same stored
 * document: edits through one handle are seen through another.
 */
export class FakeDocument implements Faked<GoogleAppsScript.Document.Document, 'getId' | 'getName' | 'setName' | 'getUrl' | 'saveAndClose'> {
  body = new FakeContainer('BODY_SECTION');
  header: FakeContainer | null = null;
  footer: FakeContainer | null = null;
  closed = false;
  constructor(
    readonly id: string,
    public name: string,
  ) {}
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  getBody(): FakeContainer {
    return this.body;
  }
  getHeader(): FakeContainer | null {
    return this.header;
  }
  addHeader(): FakeContainer {
    if (this.header) throw new Error('Document tab already contains a header.');
    return (this.header = new FakeContainer('HEADER_SECTION'));
  }
  getFooter(): FakeContainer | null {
    return this.footer;
  }
  addFooter(): FakeContainer {
    if (this.footer) throw new Error('Document tab already contains a footer.');
    return (this.footer = new FakeContainer('FOOTER_SECTION'));
  }
  saveAndClose(): void {
    this.closed = true;
  }
  /** A detached copy with a new id (Drive's makeCopy). */
  copyAs(id: string, name: string): FakeDocument {
    const d = new FakeDocument(id, name);
    d.body = this.body.copy();
    d.header = this.header?.copy() ?? null;
    d.footer = this.footer?.copy() ?? null;
    return d;
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function renderBlock(b: Block): string {
  if (b instanceof FakeTable) {
    const rows = b.rows.map(
      (r, i) =>
        `<tr>${r.cells
          .map((c) => {
            const tag = i === 0 ? 'th' : 'td';
            const style = [c.width ? `width:${c.width}pt` : '', c.background ? `background:${c.background}` : ''].filter(Boolean).join(';');
            return `<${tag}${style ? ` style="${style}"` : ''}>${c.children.map(renderBlock).join('')}</${tag}>`;
          })
          .join('')}</tr>`,
    );
    return `<table>${rows.join('')}</table>`;
  }
  const tag = b.heading === 'TITLE' ? 'h1' : b.heading.startsWith('HEADING') ? `h${Math.min(6, Number(b.heading.slice(7)) + 1 || 2)}` : 'p';
  const style = [
    b.align !== 'LEFT' ? `text-align:${b.align.toLowerCase()}` : '',
    b.style.bold ? 'font-weight:bold' : '',
    b.style.fontSize ? `font-size:${b.style.fontSize}pt` : '',
  ]
    .filter(Boolean)
    .join(';');
  const images = b.images.map((i) => `<img alt="" width="${i.getWidth()}" height="${i.getHeight()}" src="data:${i.blob.contentType};base64,${Buffer.from(i.blob.data).toString('base64')}">`).join('');
  const link = b.links.find((l) => l.start === 0 && l.end === b.text.length - 1);
  const plain = esc(b.text).replace(/\n/g, '<br>');
  const text = (link ? `<a href="${esc(link.url)}">${plain}</a>` : plain) || (images ? '' : '&nbsp;');
  return `<${tag}${style ? ` style="${style}"` : ''}>${text}${images}</${tag}>${b.pageBreakAfter ? '<hr class="page">' : ''}`;
}

/** The document as one HTML page that looks like the Doc: A4 width, Sarabun 16 pt, tables ruled. */
export function renderHtml(doc: FakeDocument): string {
  return `<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>${esc(doc.name)}</title>
<style>
body{background:#e8eaed;margin:0;padding:24px 0;font-family:Sarabun,"TH Sarabun New","Laksaman","Garuda","Loma",sans-serif;font-size:16pt;line-height:1.35;color:#000}
.page{background:#fff;width:${Math.round(doc.body.getPageWidth() - doc.body.getMarginLeft() - doc.body.getMarginRight())}pt;margin:0 auto;padding:54pt ${doc.body.getMarginLeft()}pt;box-shadow:0 1px 3px rgba(0,0,0,.3)}
header,footer{color:#555;font-size:12pt;border-bottom:1px solid #ccc;margin-bottom:12pt}footer{border:0;border-top:1px solid #ccc;margin:12pt 0 0}
h1{font-size:20pt;text-align:center;margin:0 0 6pt}h2{font-size:16pt;margin:12pt 0 4pt}h3{font-size:16pt}
p{margin:0 0 4pt}table{border-collapse:collapse;width:100%;table-layout:fixed;margin:6pt 0;font-size:14pt}th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top;overflow-wrap:anywhere}
th{background:#f1f3f4}th p,td p{margin:0}hr.page{border:0;border-top:2px dashed #bbb;margin:18pt -56pt}img{display:block;max-width:100%;margin:6pt auto}
</style></head><body><div class="page">
${doc.header ? `<header>${doc.header.children.map(renderBlock).join('')}</header>` : ''}
${doc.body.children.map(renderBlock).join('\n')}
${doc.footer ? `<footer>${doc.footer.children.map(renderBlock).join('')}</footer>` : ''}
</div></body></html>
`;
}

// ---------------------------------------------------------------- Drive

/** The user's Drive: documents and other files by id, with parents and a trash. */
export class FakeDrive {
  readonly docs = new Map<string, FakeDocument>();
  readonly files = new Map<string, FakeDriveFile>();
  readonly root = new FakeFolder('root', 'ไดรฟ์ของฉัน', this);
  /** Folders the add-on may reach by id. */
  readonly folders = new Map<string, FakeFolder>();
  /** Ids the add-on may not open (a Doc it was not given access to). */
  readonly forbidden = new Set<string>();
  private next = 0;
  newId(prefix: string): string {
    this.next += 1;
    return `${prefix}-${this.next.toString(36).padStart(6, '0')}`;
  }
  addDocument(name: string, folder: FakeFolder = this.root): FakeDocument {
    const doc = new FakeDocument(this.newId('doc'), name);
    this.docs.set(doc.id, doc);
    this.files.set(doc.id, new FakeDriveFile(doc.id, this, folder));
    return doc;
  }
  live(id: string): FakeDriveFile {
    const f = this.files.get(id);
    if (!f || this.forbidden.has(id)) throw new Error(`No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.`);
    return f;
  }
}

export class FakeFolder implements Faked<GoogleAppsScript.Drive.Folder, 'getId' | 'getName' | 'createFile'> {
  constructor(
    readonly id: string,
    readonly name: string,
    private readonly drive: FakeDrive,
  ) {}
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  /** createFile(blob): a new file holding the blob, in this folder. */
  createFile(blob: unknown): FakeDriveFile {
    const b = blob as FakeBlob;
    const id = this.drive.newId('file');
    const f = new FakeDriveFile(id, this.drive, this, b);
    this.drive.files.set(id, f);
    return f;
  }
}

/**
 * File: a Doc or a blob in Drive. getAs('application/pdf') on a Doc answers its
 * PDF export; setTrashed(true) moves it to the trash (openById then fails).
 */
export class FakeDriveFile implements Faked<GoogleAppsScript.Drive.File, 'getId' | 'getName' | 'getUrl' | 'setTrashed' | 'isTrashed' | 'moveTo' | 'getMimeType'> {
  trashed = false;
  constructor(
    readonly id: string,
    private readonly drive: FakeDrive,
    public folder: FakeFolder,
    readonly blob?: FakeBlob,
  ) {}
  private doc(): FakeDocument | undefined {
    return this.drive.docs.get(this.id);
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.doc()?.name ?? this.blob?.getName() ?? '';
  }
  getMimeType(): string {
    return this.doc() ? 'application/vnd.google-apps.document' : (this.blob?.contentType ?? '');
  }
  getUrl(): string {
    return this.doc() ? this.doc()!.getUrl() : `https://drive.google.com/file/d/${this.id}/view`;
  }
  setTrashed(trashed: boolean): this {
    this.trashed = trashed;
    return this;
  }
  isTrashed(): boolean {
    return this.trashed;
  }
  moveTo(destination: unknown): this {
    this.folder = destination as FakeFolder;
    return this;
  }
  getParents(): { hasNext(): boolean; next(): FakeFolder } {
    let done = false;
    return { hasNext: () => !done, next: () => ((done = true), this.folder) };
  }
  getAs(contentType: string): FakeBlob {
    const doc = this.doc();
    if (!doc || contentType !== 'application/pdf') throw new Error(`Converting from ${this.getMimeType()} to ${contentType} is not supported.`);
    return new FakeBlob(renderHtml(doc), 'application/pdf', `${doc.name}.pdf`);
  }
}

/** DriveApp: files by id (only those the add-on may reach), the root folder, new files from blobs. */
export class FakeDriveApp implements Faked<GoogleAppsScript.Drive.DriveApp, 'getFileById' | 'getFolderById' | 'getRootFolder' | 'createFile'> {
  constructor(readonly drive: FakeDrive) {}
  /** getFolderById(id): a folder the add-on may reach (here: those registered in the fake Drive). */
  getFolderById(id: string): FakeFolder {
    const f = this.drive.folders.get(id);
    if (!f) throw new Error('No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.');
    return f;
  }
  getFileById(id: string): FakeDriveFile {
    return this.drive.live(id);
  }
  getRootFolder(): FakeFolder {
    return this.drive.root;
  }
  createFile(blob: unknown): FakeDriveFile {
    return this.drive.root.createFile(blob);
  }
}

/**
 * DocumentApp: create(name) makes a new Doc in the root folder (with an empty
 * first paragraph, as Google's do); openById(id) opens a stored Doc, failing for
 * a trashed, missing or unreachable one. Enums are objects whose members print
 * as their names.
 */
export class FakeDocumentApp implements Faked<GoogleAppsScript.Document.DocumentApp, 'create' | 'openById'> {
  readonly ElementType = Object.fromEntries(['PARAGRAPH', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'INLINE_IMAGE', 'TEXT', 'LIST_ITEM', 'BODY_SECTION', 'HEADER_SECTION', 'FOOTER_SECTION'].map((n) => [n, n]));
  readonly ParagraphHeading = Object.fromEntries(['NORMAL', 'TITLE', 'SUBTITLE', 'HEADING1', 'HEADING2', 'HEADING3'].map((n) => [n, n]));
  readonly HorizontalAlignment = Object.fromEntries(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'].map((n) => [n, n]));
  readonly Attribute = Object.fromEntries(['BOLD', 'FONT_FAMILY', 'FONT_SIZE'].map((n) => [n, n]));
  constructor(readonly drive: FakeDrive) {}
  create(name: string): FakeDocument {
    const doc = this.drive.addDocument(name);
    doc.body.appendParagraph('');
    return doc;
  }
  openById(id: string): FakeDocument {
    const f = this.drive.live(id);
    const doc = this.drive.docs.get(id);
    if (!doc || f.trashed) throw new Error('Document is missing (perhaps it was deleted, or you don\'t have read access?)');
    return doc;
  }
}

// ---------------------------------------------------------------- Charts

type Row = (string | number)[];

/** Charts.newDataTable(): columns then rows; build() answers the table. */
export class FakeDataTableBuilder implements Faked<GoogleAppsScript.Charts.DataTableBuilder, 'addColumn' | 'addRow'> {
  readonly columns: { type: string; label: string }[] = [];
  readonly rows: Row[] = [];
  addColumn(type: unknown, label: string): this {
    this.columns.push({ type: String(type), label });
    return this;
  }
  addRow(values: unknown[]): this {
    this.rows.push(values as Row);
    return this;
  }
  build(): FakeDataTableBuilder {
    return this;
  }
}

/**
 * A chart builder (bar, column, line): data table, title, size, colours.
 * build().getAs('image/png') draws the chart; here as an SVG image, so the
 * rendered report shows a real chart.
 */
export class FakeChartBuilder {
  private data: FakeDataTableBuilder | undefined;
  private title = '';
  private width = 600;
  private height = 360;
  private colors = ['#1a73e8', '#d93025', '#188038'];
  private range: [number, number] | undefined;
  constructor(readonly kind: 'bar' | 'column' | 'line') {}
  setDataTable(table: unknown): this {
    this.data = table as FakeDataTableBuilder;
    return this;
  }
  setTitle(chartTitle: string): this {
    this.title = chartTitle;
    return this;
  }
  setDimensions(width: number, height: number): this {
    this.width = width;
    this.height = height;
    return this;
  }
  setColors(cssValues: string[]): this {
    this.colors = cssValues;
    return this;
  }
  setRange(start: number, end: number): this {
    this.range = [start, end];
    return this;
  }
  setLegendPosition(): this {
    return this;
  }
  setXAxisTitle(): this {
    return this;
  }
  setYAxisTitle(): this {
    return this;
  }
  build(): { getAs(contentType: string): FakeBlob; getBlob(): FakeBlob } {
    const svg = drawChart(this.kind, this.data, this.title, this.width, this.height, this.colors, this.range);
    return { getAs: () => new FakeBlob(svg, 'image/svg+xml', 'chart.svg'), getBlob: () => new FakeBlob(svg, 'image/svg+xml', 'chart.svg') };
  }
}

export class FakeCharts {
  /** Set by a test to make the next chart fail, as a quota error would. */
  failNext: string | undefined;
  readonly ColumnType = { STRING: 'STRING', NUMBER: 'NUMBER', DATE: 'DATE' };
  readonly Position = { TOP: 'TOP', BOTTOM: 'BOTTOM', RIGHT: 'RIGHT', NONE: 'NONE' };
  newDataTable(): FakeDataTableBuilder {
    return new FakeDataTableBuilder();
  }
  newBarChart(): FakeChartBuilder {
    if (this.failNext) {
      const m = this.failNext;
      this.failNext = undefined;
      throw new Error(m);
    }
    return new FakeChartBuilder('bar');
  }
  newColumnChart(): FakeChartBuilder {
    return new FakeChartBuilder('column');
  }
  newLineChart(): FakeChartBuilder {
    return new FakeChartBuilder('line');
  }
}

function drawChart(kind: string, data: FakeDataTableBuilder | undefined, title: string, w: number, h: number, colors: string[], range?: [number, number]): string {
  const rows = data?.rows ?? [];
  const series = (data?.columns.length ?? 1) - 1;
  const max = range?.[1] ?? Math.max(100, ...rows.flatMap((r) => r.slice(1).map(Number)));
  const min = range?.[0] ?? 0;
  const left = kind === 'bar' ? 200 : 40;
  const top = 36;
  const bottom = kind === 'bar' ? 24 : 48;
  const plotW = w - left - 16;
  const plotH = h - top - bottom;
  const parts: string[] = [`<text x="${w / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`];
  const scale = (v: number) => (Math.max(min, Math.min(max, v)) - min) / (max - min || 1);
  rows.forEach((r, i) => {
    const label = esc(String(r[0]));
    if (kind === 'bar') {
      const band = plotH / rows.length;
      const y = top + i * band;
      parts.push(`<text x="${left - 6}" y="${y + band / 2 + 4}" text-anchor="end" font-size="11">${label}</text>`);
      for (let s = 0; s < series; s++) {
        const v = Number(r[s + 1]);
        const bh = (band * 0.8) / series;
        parts.push(`<rect x="${left}" y="${y + band * 0.1 + s * bh}" width="${scale(v) * plotW}" height="${bh}" fill="${colors[s % colors.length]}"/>`);
        parts.push(`<text x="${left + scale(v) * plotW + 4}" y="${y + band * 0.1 + s * bh + bh / 2 + 4}" font-size="10">${v.toFixed(2)}</text>`);
      }
    } else {
      const band = plotW / rows.length;
      const x = left + i * band;
      parts.push(`<text x="${x + band / 2}" y="${h - bottom + 16}" text-anchor="middle" font-size="11">${label}</text>`);
      for (let s = 0; s < series; s++) {
        const v = Number(r[s + 1]);
        const bw = (band * 0.7) / series;
        const bhgt = scale(v) * plotH;
        if (kind === 'column') parts.push(`<rect x="${x + band * 0.15 + s * bw}" y="${top + plotH - bhgt}" width="${bw}" height="${bhgt}" fill="${colors[s % colors.length]}"/>`);
        else parts.push(`<circle cx="${x + band / 2}" cy="${top + plotH - bhgt}" r="4" fill="${colors[s % colors.length]}"/>`);
        parts.push(`<text x="${x + band / 2}" y="${top + plotH - bhgt - 6}" text-anchor="middle" font-size="10">${v.toFixed(2)}</text>`);
      }
    }
  });
  if (kind === 'line' && rows.length > 1) {
    const band = plotW / rows.length;
    const pts = rows.map((r, i) => `${left + i * band + band / 2},${top + plotH - scale(Number(r[1])) * plotH}`).join(' ');
    parts.push(`<polyline points="${pts}" fill="none" stroke="${colors[0]}" stroke-width="2"/>`);
  }
  const axis = kind === 'bar' ? `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#555"/>` : `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#555"/>`;
  const legend = (data?.columns.slice(1) ?? []).map((c, s) => `<rect x="${left + s * 140}" y="${h - 14}" width="10" height="10" fill="${colors[s % colors.length]}"/><text x="${left + s * 140 + 14}" y="${h - 5}" font-size="11">${esc(c.label)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="Sarabun, Garuda, sans-serif"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}${axis}${kind === 'bar' ? legend.join('') : ''}</svg>`;
}

/** PropertiesService's document properties: strings by key. */
export class FakeProperties implements Faked<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties'> {
  readonly map = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.map.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): this {
    this.map.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
}

export class FakePropertiesService implements Faked<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties'> {
  readonly document = new FakeProperties();
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
}
