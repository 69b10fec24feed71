// In-memory fakes of DocumentApp and Charts, as an element tree that can
// render itself as HTML. Each behaviour cites the page of Google's reference it
// follows (developers.google.com/apps-script/reference/document/…, …/charts/…,
// shortened below to reference/…). A behaviour Google does not document either
// reads its switch in ./assumptions (the suite runs under every variant), or,
// where the add-on never relies on the answer, takes the strictest reading (it
// throws), so code that passes here cannot be leaning on it.
import type { Faked } from './fakes';
import type { FakeDrive } from './drive';
import { resolve, type Variants } from './assumptions';
import { renderHtml } from './a4';

type Assume = Required<Variants>;
type Align = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

/** A call the add-on does not make, whose behaviour the fake does not model. */
const notFaked = (what: string) => new Error(`not faked: ${what}`);

/**
 * A blob: bytes (here text) with a content type and a name
 * (reference/base/blob). An image blob also knows its size in pixels, which an
 * inline image made from it starts with.
 */
export class FakeBlob implements Faked<GoogleAppsScript.Base.Blob, 'getContentType' | 'getDataAsString' | 'getName' | 'setName' | 'getBytes'> {
  constructor(
    readonly data: string,
    readonly contentType: string,
    private name = '',
    readonly image?: { readonly width: number; readonly height: number },
  ) {}
  getContentType(): string {
    return this.contentType;
  }
  getDataAsString(): string {
    return this.data;
  }
  /** getBytes(): "Gets the data stored in this blob" (reference/base/blob#getBytes()), as Apps Script's signed bytes. */
  getBytes(): number[] {
    return [...Buffer.from(this.data, 'utf8')].map((b) => (b > 127 ? b - 256 : b));
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

type Parent = FakeContainer | FakeTable | FakeTableRow | FakeParagraph;
type Block = FakeParagraph | FakeTable;

/**
 * Element (reference/document/element): its type, its parent, its next
 * sibling, removal from its parent. Every edit first checks that the document
 * it belongs to is open: "A closed Document can't be edited"
 * (reference/document/document#saveAndClose(); the error's wording is
 * undocumented, this one is Apps Script's as quoted in the field).
 */
abstract class FakeElement {
  parent: Parent | undefined;
  abstract readonly type: string;
  /** getType(): "the element's ElementType" (reference/document/element#getType()). */
  getType(): string {
    return this.type;
  }
  /** getParent(): "the element's parent element" (…/element#getParent()); a detached element has none (null). */
  getParent(): Parent | null {
    return this.parent ?? null;
  }
  /**
   * getNextSibling(): "The next sibling has the same parent and follows the
   * current element" (…/paragraph#getNextSibling()). After the last child:
   * null (undocumented; the add-on asks only where a sibling is documented to be).
   */
  getNextSibling(): FakeElement | null {
    const kids = this.parent?.kids() ?? [];
    const i = kids.indexOf(this);
    return i >= 0 ? (kids[i + 1] ?? null) : null;
  }
  /** The element's children, in order (none for a leaf). */
  kids(): readonly FakeElement[] {
    return [];
  }
  /**
   * asParagraph(), asListItem(), asTable(): the same element, typed
   * (…/element#asParagraph(), #asListItem()); a wrong cast throws (undocumented
   * wording), a list item's to PARAGRAPH too (its type is LIST_ITEM).
   */
  asParagraph(): FakeParagraph {
    if (!(this instanceof FakeParagraph) || this instanceof FakeListItem) throw new Error(`Cannot cast ${this.type} to PARAGRAPH.`);
    return this;
  }
  asListItem(): FakeListItem {
    if (!(this instanceof FakeListItem)) throw new Error(`Cannot cast ${this.type} to LIST_ITEM.`);
    return this;
  }
  asTable(): FakeTable {
    if (!(this instanceof FakeTable)) throw new Error(`Cannot cast ${this.type} to TABLE.`);
    return this;
  }
  /** removeFromParent(): "Removes the element from its parent" (…/element#removeFromParent()); the parent says what it allows. */
  removeFromParent(): this {
    this.guard();
    this.parent?.detach(this);
    return this;
  }
  /** Takes a child out (each parent knows its own rules). */
  detach(_child: FakeElement): void {
    throw notFaked(`removing a child of ${this.type}`);
  }
  /** The document the element is in, or undefined when it is detached. */
  document(): FakeDocument | undefined {
    if (this instanceof FakeContainer && this.owner) return this.owner;
    return this.parent?.document();
  }
  /** The variants of undocumented behaviours the element's document plays (the run's default when detached). */
  assume(): Assume {
    return this.document()?.assume ?? resolve();
  }
  guard(): void {
    if (this.document()?.closed) throw new Error('Document is closed, its contents cannot be updated.');
  }
  /**
   * replaceText(searchPattern, replacement): "Replaces all occurrences of a
   * given text pattern with a given replacement string, using regular
   * expressions … The provided regular expression pattern is independently
   * matched against each text block contained in the current element"
   * (…/body#replaceText(String,String); the same on every element with text).
   * See replaceIn for the fake's limits.
   */
  replaceText(searchPattern: string, replacement: string): this {
    this.guard();
    replaceIn(paragraphsUnder(this), searchPattern, replacement);
    return this;
  }
}

/** Every paragraph (list items too) in an element, in order. */
function paragraphsUnder(e: FakeElement): FakeParagraph[] {
  return e instanceof FakeParagraph ? [e] : e.kids().flatMap(paragraphsUnder);
}

/**
 * replaceText over paragraphs: each paragraph's text is one text block. The
 * pattern is read as a JavaScript RegExp: the add-on passes only escaped
 * literals, which RE2 ("Google's RE2 regular expression library") reads alike.
 * What "$" or "\" mean in the replacement, and whether a "\n" there starts a
 * paragraph, are undocumented: refused (the add-on never passes them). The
 * new text's formatting: switch replaceStyle.
 */
function replaceIn(ps: readonly FakeParagraph[], searchPattern: string, replacement: string): void {
  if (/[$\\\n\r]/.test(replacement)) throw notFaked('"$", "\\" or a line break in a replacement');
  const re = new RegExp(searchPattern, 'g');
  for (const p of ps) {
    const found = [...p.text.matchAll(re)].filter((m) => m[0].length > 0);
    for (const m of found.reverse()) p.splice(m.index!, m.index! + m[0].length, replacement, 'replace');
  }
}

/** An element may join a parent only while it has none (the error, "Element must be detached.", is undocumented wording). */
function detached<T extends FakeElement>(e: T): T {
  if (e.parent) throw new Error('Element must be detached.');
  return e;
}

/**
 * InlineImage (reference/document/inline-image): "the image's width, in
 * pixels", settable. Made from a blob, it starts at the image's own size.
 */
export class FakeInlineImage extends FakeElement implements Faked<GoogleAppsScript.Document.InlineImage, 'getWidth' | 'getHeight' | 'setWidth' | 'setHeight'> {
  readonly type = 'INLINE_IMAGE';
  constructor(
    readonly blob: FakeBlob,
    private width: number,
    private height: number,
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
    this.guard();
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.guard();
    this.height = height;
    return this;
  }
  /** copy(): "a detached, deep copy" (…/inline-image#copy()). */
  copy(): FakeInlineImage {
    return new FakeInlineImage(this.blob, this.width, this.height);
  }
}

/** PageBreak (reference/document/page-break): lives in a paragraph. */
export class FakePageBreak extends FakeElement {
  readonly type = 'PAGE_BREAK';
  copy(): FakePageBreak {
    return new FakePageBreak();
  }
}

interface Link {
  start: number;
  /** Inclusive, as setLinkUrl's endOffsetInclusive. */
  end: number;
  url: string;
}

/**
 * Paragraph (reference/document/paragraph): its text, with attributes of
 * the whole paragraph and of single characters (marks), heading, alignment, linked stretches, and
 * after the text its inline images and page break. Offsets are UTF-16 code
 * units, as the Docs API's indexes (docs/api/concepts/structure, "Start and
 * end indexes").
 */
export class FakeParagraph
  extends FakeElement
  implements Faked<GoogleAppsScript.Document.Paragraph, 'getText' | 'editAsText' | 'setHeading' | 'setAlignment' | 'setAttributes' | 'appendInlineImage'>
{
  readonly type: 'PARAGRAPH' | 'LIST_ITEM' = 'PARAGRAPH';
  heading = 'NORMAL';
  align: Align = 'LEFT';
  style: TextStyle = {};
  readonly images: FakeInlineImage[] = [];
  pageBreak: FakePageBreak | undefined;
  /** Linked stretches of the text, kept in step with edits. */
  readonly links: Link[] = [];
  /**
   * Formatting of single characters over the paragraph's own (one entry per
   * UTF-16 unit, set by Text.setBold/setAttributes over a range); none: every
   * character has the paragraph's.
   */
  marks: TextStyle[] | undefined;
  constructor(public text: string) {
    super();
  }
  override kids(): readonly FakeElement[] {
    return [...this.images, ...(this.pageBreak ? [this.pageBreak] : [])];
  }
  override detach(child: FakeElement): void {
    if (child === this.pageBreak) this.pageBreak = undefined;
    else this.images.splice(this.images.indexOf(child as FakeInlineImage), 1);
    child.parent = undefined;
  }
  getText(): string {
    return this.text;
  }
  /** setText(text): "Sets the contents of the paragraph as text. Note: existing contents are cleared." (…/paragraph#setText(String)) */
  setText(text: string): void {
    this.guard();
    for (const k of this.kids()) k.parent = undefined;
    this.images.length = 0;
    this.pageBreak = undefined;
    this.links.length = 0;
    this.marks = undefined;
    this.text = '';
    this.splice(0, 0, text);
  }
  /** The formatting of the character at `i`. */
  styleAt(i: number): TextStyle {
    return { ...this.style, ...this.marks?.[i] };
  }
  /** Gives characters [start, end) the formatting `patch`. */
  mark(start: number, end: number, patch: TextStyle): void {
    const marks = (this.marks ??= Array.from({ length: this.text.length }, () => ({})));
    for (let i = start; i < end; i++) marks[i] = { ...marks[i], ...patch };
    this.tidyMarks();
  }
  /** Marks go once they say nothing, or once every character is formatted alike (that is then the paragraph's). */
  tidyMarks(): void {
    const m = this.marks;
    if (!m) return;
    const first = JSON.stringify(this.styleAt(0));
    // Characters all formatted alike are a paragraph so formatted, however that was set.
    if (m.length === this.text.length && m.every((_, i) => JSON.stringify(this.styleAt(i)) === first)) {
      if (m.length) this.style = this.styleAt(0);
      this.marks = undefined;
    } else if (m.every((x) => Object.keys(x).length === 0)) this.marks = undefined;
  }
  /**
   * The character (an index before the edit) whose formatting text put in
   * place of [start, end) takes: for replaceText the match's or the one
   * before (switch replaceStyle), for insertText the one before or after
   * (switch insertStyle); at either end of the text, the other neighbour.
   */
  private styleSource(start: number, end: number, how: 'insert' | 'replace'): number | undefined {
    const a = this.assume();
    const rule = how === 'replace' ? (a.replaceStyle === 'match' && end > start ? 'match' : 'preceding') : a.insertStyle;
    const before = start > 0 ? start - 1 : undefined;
    const after = end < this.text.length ? end : undefined;
    return rule === 'match' ? start : rule === 'preceding' ? (before ?? after) : (after ?? before);
  }
  /** The URL linked at character `i`, or null. */
  linkAt(i: number): string | null {
    return this.links.find((l) => l.start <= i && i <= l.end)?.url ?? null;
  }
  /** Links characters [s, e] to `url` (none: unlinks them); runs of one URL that touch are one link. */
  link(s: number, e: number, url: string | null): void {
    const kept = this.links.flatMap((l) => [...(l.start < s ? [{ ...l, end: Math.min(l.end, s - 1) }] : []), ...(l.end > e ? [{ ...l, start: Math.max(l.start, e + 1) }] : [])]);
    const runs: Link[] = [...kept, ...(url === null ? [] : [{ start: s, end: e, url }])].sort((x, y) => x.start - y.start);
    const merged: Link[] = [];
    for (const l of runs) {
      const last = merged[merged.length - 1];
      if (last && last.url === l.url && last.end + 1 >= l.start) last.end = Math.max(last.end, l.end);
      else merged.push({ ...l });
    }
    this.links.splice(0, this.links.length, ...merged);
  }
  /**
   * appendText(text): "Creates and appends a new Text element"
   * (…/paragraph#appendText(String)). The fake's Text spans the whole
   * paragraph, not only the new run.
   */
  appendText(text: string): FakeText {
    this.guard();
    this.splice(this.text.length, this.text.length, text);
    return this.editAsText();
  }
  /** editAsText(): "a Text version of the current element, for editing" (…/paragraph#editAsText()). */
  editAsText(): FakeText {
    return new FakeText(() => [this], true);
  }
  /** Enums arrive as the members of DocumentApp.ParagraphHeading / HorizontalAlignment (their names here). */
  setHeading(heading: unknown): this {
    this.guard();
    this.heading = String(heading);
    return this;
  }
  getHeading(): string {
    return this.heading;
  }
  setAlignment(alignment: unknown): this {
    this.guard();
    this.align = String(alignment) as Align;
    return this;
  }
  getAlignment(): Align {
    return this.align;
  }
  /** Indents in points: setIndentFirstLine / setIndentStart (…/paragraph#setIndentFirstLine(Number), #setIndentStart(Number)). */
  indentFirstLine = 0;
  indentStart = 0;
  setIndentFirstLine(indentFirstLine: number): this {
    this.guard();
    this.indentFirstLine = indentFirstLine;
    return this;
  }
  setIndentStart(indentStart: number): this {
    this.guard();
    this.indentStart = indentStart;
    return this;
  }
  /** Space above the paragraph, in points (…/paragraph#setSpacingBefore(Number)). */
  spacingBefore = 0;
  setSpacingBefore(spacingBefore: number): this {
    this.guard();
    this.spacingBefore = spacingBefore;
    return this;
  }
  /**
   * setAttributes(attributes): "each property name is an item in the
   * DocumentApp.Attribute enumeration" (…/paragraph#setAttributes(Object)).
   * The fake keeps BOLD, FONT_FAMILY, FONT_SIZE, HEADING and HORIZONTAL_ALIGNMENT.
   */
  setAttributes(attributes: object): this {
    this.guard();
    applyAttributes(this, attributes as Record<string, unknown>);
    return this;
  }
  /**
   * appendInlineImage(image): "Creates and appends a new InlineImage from the
   * specified image blob" (…/paragraph#appendInlineImage(BlobSource)), at the
   * image's own size; a copied InlineImage keeps its size.
   */
  appendInlineImage(image: unknown): FakeInlineImage {
    this.guard();
    let img: FakeInlineImage;
    if (image instanceof FakeInlineImage) img = detached(image);
    else {
      const size = (image as FakeBlob).image;
      if (!size) throw new Error('Invalid image data.');
      img = new FakeInlineImage(image as FakeBlob, size.width, size.height);
    }
    img.parent = this;
    this.images.push(img);
    return img;
  }
  /**
   * appendPageBreak(): "Creates and appends a new PageBreak. Note: PageBreaks
   * may not be contained within TableCells. If the current element is
   * contained in a table cell, an exception will be thrown."
   * (…/paragraph#appendPageBreak())
   */
  appendPageBreak(): FakePageBreak {
    this.guard();
    for (let e: FakeElement | undefined = this.parent; e; e = e.parent) if (e instanceof FakeTableCell) throw new Error('PageBreak cannot be inserted in a table cell.');
    if (this.pageBreak) throw notFaked('two page breaks in one paragraph');
    this.pageBreak = new FakePageBreak();
    this.pageBreak.parent = this;
    return this.pageBreak;
  }
  /** copy(): "a detached, deep copy … Any child elements present in the element are also copied" (…/paragraph#copy()). */
  copy(): FakeParagraph {
    return this.copyOnto(new FakeParagraph(this.text));
  }
  /** Puts this paragraph's formatting and children onto `p` (a copy). */
  protected copyOnto<P extends FakeParagraph>(p: P): P {
    p.heading = this.heading;
    p.align = this.align;
    p.indentFirstLine = this.indentFirstLine;
    p.indentStart = this.indentStart;
    p.spacingBefore = this.spacingBefore;
    p.style = { ...this.style };
    for (const i of this.images) {
      const c = i.copy();
      c.parent = p;
      p.images.push(c);
    }
    if (this.pageBreak) {
      p.pageBreak = this.pageBreak.copy();
      p.pageBreak.parent = p;
    }
    p.links.push(...this.links.map((l) => ({ ...l })));
    p.marks = this.marks?.map((m) => ({ ...m }));
    return p;
  }
  /**
   * Replaces text[start, end) with `insert`, keeping links in step: text
   * inserted inside a link joins it; a link whose text is all deleted goes.
   * A "\n" in the new text is a line break in the paragraph, or starts a new
   * paragraph, by the switch newlineInText.
   */
  splice(start: number, end: number, insert: string, how: 'insert' | 'replace' = 'insert'): void {
    // New text takes its formatting — and, for replaceText, its link (LINK_URL is an attribute) — from one character.
    const from = this.styleSource(start, end, how);
    const url = how === 'replace' && insert.length ? (from === undefined ? null : this.linkAt(from)) : undefined;
    if (this.marks) {
      const like = from === undefined ? undefined : this.marks[from];
      this.marks.splice(start, end - start, ...Array.from({ length: insert.length }, () => ({ ...like })));
    }
    const removed = end - start;
    const n = insert.length;
    const kept: Link[] = [];
    for (const l of this.links) {
      let s = l.start;
      let e = l.end;
      if (removed > 0) {
        if (e < start) {
          // before the deletion
        } else if (s >= end) {
          s -= removed;
          e -= removed;
        } else {
          // overlapping the deletion: keep what survives
          const first = s < start ? s : end;
          const last = e >= end ? e : start - 1;
          if (first > last || (s >= start && e < end)) continue;
          s = first >= end ? first - removed : first;
          e = last >= end ? last - removed : last;
        }
      }
      if (n > 0) {
        if (s >= start) {
          s += n;
          e += n;
        } else if (e >= start) e += n;
      }
      kept.push({ start: s, end: e, url: l.url });
    }
    this.links.splice(0, this.links.length, ...kept);
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    if (url !== undefined) this.link(start, start + n - 1, url);
    this.tidyMarks();
    if (insert.includes('\n')) this.splitLines();
  }
  /** Under newlineInText 'new paragraph', a paragraph in a body, header, footer or cell splits at each "\n". */
  private splitLines(): void {
    const container = this.parent;
    if (!(container instanceof FakeContainer) || this.assume().newlineInText !== 'new paragraph') return;
    const lines = this.text.split('\n');
    const at = container.children.indexOf(this);
    let offset = lines[0]!.length + 1;
    const links = this.links.splice(0);
    const marks = this.marks;
    const move = (p: FakeParagraph, from: number, length: number) => {
      for (const l of links) if (l.start >= from && l.end < from + length) p.links.push({ start: l.start - from, end: l.end - from, url: l.url });
      p.marks = marks?.slice(from, from + length);
      p.tidyMarks();
    };
    this.text = lines[0]!;
    move(this, 0, this.text.length);
    const added = lines.slice(1).map((line, i) => {
      const p = new FakeParagraph(line);
      p.heading = this.heading;
      p.align = this.align;
      p.style = { ...this.style };
      move(p, offset, line.length);
      offset += line.length + 1;
      p.parent = container;
      container.children.splice(at + 1 + i, 0, p);
      return p;
    });
    const last = added[added.length - 1];
    if (last) {
      for (const k of this.kids()) k.parent = last;
      last.images.push(...this.images.splice(0));
      last.pageBreak = this.pageBreak;
      this.pageBreak = undefined;
    }
  }
}

/**
 * ListItem (reference/document/list-item): "A ListItem is a Paragraph that is
 * associated with a list ID", so it is a paragraph here in every way but its
 * type (LIST_ITEM), its glyph and nesting level, and this: "ListItems may not
 * contain new-line characters. New-line characters ("\n") are converted to
 * line-break characters ("\r")" — so newlineInText does not apply to it.
 * Glyph types are the members of DocumentApp.GlyphType (reference/document/glyph-type);
 * "the default nesting level of zero" (ibid.); the glyph a new item gets is
 * not documented (the add-on never reads it): BULLET here. The list ID is not
 * faked (the add-on never reads or sets it).
 */
export class FakeListItem
  extends FakeParagraph
  implements Faked<GoogleAppsScript.Document.ListItem, 'getText' | 'editAsText' | 'appendInlineImage' | 'getNestingLevel' | 'setNestingLevel'>
{
  override readonly type = 'LIST_ITEM';
  glyph = 'BULLET';
  nesting = 0;
  /** getGlyphType(), setGlyphType(glyphType): "the list item's GlyphType" (…/list-item#getGlyphType()). */
  getGlyphType(): string {
    return this.glyph;
  }
  setGlyphType(glyphType: unknown): this {
    this.guard();
    this.glyph = String(glyphType);
    return this;
  }
  /** getNestingLevel(), setNestingLevel(nestingLevel): "the list item's nesting level" (…/list-item#getNestingLevel()). */
  getNestingLevel(): number {
    return this.nesting;
  }
  setNestingLevel(nestingLevel: number): this {
    this.guard();
    this.nesting = nestingLevel;
    return this;
  }
  /** New-line characters become line-break characters (…/list-item, above). */
  override splice(start: number, end: number, insert: string): void {
    super.splice(start, end, insert.replace(/\n/g, '\r'));
  }
  /** copy(): "a detached, deep copy" with its children (…/list-item#copy()), glyph and nesting level kept. */
  override copy(): FakeListItem {
    const li = this.copyOnto(new FakeListItem(this.text));
    li.glyph = this.glyph;
    li.nesting = this.nesting;
    return li;
  }
}

function applyAttributes(p: FakeParagraph, a: Record<string, unknown>): void {
  if ('BOLD' in a) p.style.bold = Boolean(a.BOLD);
  if ('FONT_FAMILY' in a) p.style.fontFamily = String(a.FONT_FAMILY);
  if ('FONT_SIZE' in a) p.style.fontSize = Number(a.FONT_SIZE);
  if ('HEADING' in a) p.heading = String(a.HEADING);
  if ('HORIZONTAL_ALIGNMENT' in a) p.align = String(a.HORIZONTAL_ALIGNMENT) as Align;
  // Set on the whole paragraph, an attribute is every character's.
  const keys = (['bold', 'fontFamily', 'fontSize'] as const).filter((k) => KEY_OF[k] in a);
  for (const m of p.marks ?? []) for (const k of keys) delete m[k];
  p.tidyMarks();
}

const KEY_OF = { bold: 'BOLD', fontFamily: 'FONT_FAMILY', fontSize: 'FONT_SIZE' } as const;

/** The text formatting in a setAttributes object. */
function textStyleOf(a: Record<string, unknown>): TextStyle {
  const out: TextStyle = {};
  if ('BOLD' in a) out.bold = Boolean(a.BOLD);
  if ('FONT_FAMILY' in a) out.fontFamily = String(a.FONT_FAMILY);
  if ('FONT_SIZE' in a) out.fontSize = Number(a.FONT_SIZE);
  return out;
}

/**
 * Text (reference/document/text): the text of an element for in-place edits,
 * by UTF-16 offsets. An element of several paragraphs (a cell) reads as their
 * texts joined by "\n" (reference/document/body#editAsText(): the example
 * deletes across paragraphs' newlines). Offsets outside the text throw
 * (undocumented; the add-on never passes one). A row's or a table's Text is
 * for formatting only here.
 */
export class FakeText implements Faked<GoogleAppsScript.Document.Text, 'getText' | 'deleteText' | 'insertText' | 'appendText'> {
  readonly type = 'TEXT';
  constructor(
    private readonly paragraphs: () => FakeParagraph[],
    private readonly editable: boolean,
  ) {}
  getType(): string {
    return this.type;
  }
  getText(): string {
    return this.paragraphs()
      .map((p) => p.text)
      .join('\n');
  }
  private edit(): FakeParagraph[] {
    if (!this.editable) throw notFaked("editing a row's or a table's text");
    const ps = this.paragraphs();
    ps[0]?.guard();
    return ps;
  }
  /** The paragraph holding an offset, and the offset in it (an offset at a paragraph's end belongs to it). */
  private locate(ps: FakeParagraph[], offset: number): [FakeParagraph, number] {
    let start = 0;
    for (const p of ps) {
      if (offset <= start + p.text.length) return [p, offset - start];
      start += p.text.length + 1;
    }
    throw new Error('Index out of bounds.');
  }
  private check(offset: number, max: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > max) throw new Error('Index out of bounds.');
  }
  /**
   * deleteText(startOffset, endOffsetInclusive): "Deletes a range of text"
   * (…/text#deleteText(Integer,Integer)). Splitting a surrogate pair is refused
   * as the Docs API refuses "Deleting one code unit of a surrogate pair"
   * (docs/api/reference/rest/v1/documents/request#DeleteContentRangeRequest).
   */
  deleteText(startOffset: number, endOffsetInclusive: number): this {
    const ps = this.edit();
    const all = this.getText();
    this.check(startOffset, all.length - 1);
    this.check(endOffsetInclusive, all.length - 1);
    if (startOffset > endOffsetInclusive) throw new Error('Index out of bounds.');
    if (isLow(all, startOffset) || isHigh(all, endOffsetInclusive)) throw new Error('Cannot delete one half of a surrogate pair.');
    const [p, s] = this.locate(ps, startOffset);
    const [q, e] = this.locate(ps, endOffsetInclusive);
    if (p !== q || e >= p.text.length) throw notFaked('a deletion across paragraphs');
    p.splice(s, e + 1, '');
    return this;
  }
  /**
   * insertText(offset, text): "Inserts the specified text at the given
   * character offset" (…/text#insertText(Integer,String)). An offset equal to
   * the text's length: switch insertTextAtEnd. Inside a surrogate pair: refused.
   */
  insertText(offset: number, text: string): this {
    const ps = this.edit();
    const all = this.getText();
    this.check(offset, all.length);
    if (offset === all.length && this.assumeOf(ps).insertTextAtEnd === 'throws') throw new Error('Index out of bounds.');
    if (isLow(all, offset)) throw new Error('Cannot insert inside a surrogate pair.');
    const [p, at] = this.locate(ps, offset);
    p.splice(at, at, text);
    return this;
  }
  /** appendText(text): "Adds the specified text to the end of this text region" (…/text#appendText(String)). */
  appendText(text: string): this {
    const ps = this.edit();
    const p = ps[ps.length - 1];
    if (!p) throw notFaked('appending to a text of no paragraph');
    p.splice(p.text.length, p.text.length, text);
    return this;
  }
  /** setText(text): "Sets the text contents" (…/text#setText(String)); the fake: a paragraph's Text only. */
  setText(text: string): this {
    const ps = this.edit();
    if (ps.length !== 1) throw notFaked('setText on a text of several paragraphs');
    ps[0]!.setText(text);
    return this;
  }
  /** setLinkUrl(startOffset, endOffsetInclusive, url): "Sets the link URL for the specified character range" (…/text#setLinkUrl(Integer,Integer,String)). */
  setLinkUrl(startOffset: number, endOffsetInclusive: number, url: string): this {
    const ps = this.edit();
    const all = this.getText();
    this.check(startOffset, all.length - 1);
    this.check(endOffsetInclusive, all.length - 1);
    if (startOffset > endOffsetInclusive) throw new Error('Index out of bounds.');
    const [p, s] = this.locate(ps, startOffset);
    const [q, e] = this.locate(ps, endOffsetInclusive);
    if (p !== q) throw notFaked('a link across paragraphs');
    // A link is an attribute of each character: the range takes this one.
    p.link(s, e, url);
    return this;
  }
  /** getLinkUrl(offset): "Retrieves the link URL at the given character offset", null when none (…/text#getLinkUrl(Integer)). */
  getLinkUrl(offset: number): string | null {
    const ps = this.paragraphs();
    this.check(offset, this.getText().length - 1);
    const [p, at] = this.locate(ps, offset);
    return p.links.find((l) => l.start <= at && at <= l.end)?.url ?? null;
  }
  /**
   * setAttributes(attributes): "Sets the element's attributes" — every
   * character's (…/text#setAttributes(Object)); setAttributes(startOffset,
   * endOffsetInclusive, attributes): "Applies the specified attributes to the
   * given character range" (…/text#setAttributes(Integer,Integer,Object)).
   */
  setAttributes(...args: [object] | [number, number, object]): this {
    if (args.length === 1) for (const p of this.paragraphs()) p.setAttributes(args[0]);
    else this.range(args[0], args[1], textStyleOf(args[2] as Record<string, unknown>));
    return this;
  }
  /**
   * setBold(bold): "Sets the bold setting" (…/text#setBold(Boolean));
   * setBold(startOffset, endOffsetInclusive, bold): "Sets the bold setting
   * for the specified character range" (…/text#setBold(Integer,Integer,Boolean)).
   */
  setBold(...args: [boolean] | [number, number, boolean]): this {
    if (args.length === 3) return this.range(args[0], args[1], { bold: args[2] });
    for (const p of this.paragraphs()) {
      p.guard();
      p.style.bold = args[0];
      for (const m of p.marks ?? []) delete m.bold;
      p.tidyMarks();
    }
    return this;
  }
  /** isBold(offset): "Retrieves the bold setting at the given character offset" (…/text#isBold(Integer)). */
  isBold(offset: number): boolean {
    const ps = this.paragraphs();
    this.check(offset, this.getText().length - 1);
    const [p, at] = this.locate(ps, offset);
    return p.styleAt(at).bold === true;
  }
  private range(startOffset: number, endOffsetInclusive: number, patch: TextStyle): this {
    const ps = this.edit();
    const all = this.getText();
    this.check(startOffset, all.length - 1);
    this.check(endOffsetInclusive, all.length - 1);
    const [p, s] = this.locate(ps, startOffset);
    const [q, e] = this.locate(ps, endOffsetInclusive);
    if (p !== q) throw notFaked('formatting across paragraphs');
    p.mark(s, e + 1, patch);
    return this;
  }
  /**
   * getTextAttributeIndices(): "Retrieves the set of text indices that
   * correspond to the start of distinct text formatting runs"
   * (…/text#getTextAttributeIndices()). A link is an attribute (LINK_URL,
   * reference/document/attribute), so its ends start runs too. The fake: a
   * text of one paragraph.
   */
  getTextAttributeIndices(): number[] {
    const ps = this.paragraphs();
    if (ps.length !== 1) throw notFaked('formatting runs over several paragraphs');
    const p = ps[0]!;
    const link = (i: number) => p.links.find((l) => l.start <= i && i <= l.end)?.url ?? null;
    const out = [0];
    for (let i = 1; i < p.text.length; i++) {
      const [a, b] = [p.styleAt(i - 1), p.styleAt(i)];
      if (a.bold !== b.bold || a.fontFamily !== b.fontFamily || a.fontSize !== b.fontSize || link(i - 1) !== link(i)) out.push(i);
    }
    return out;
  }
  /** replaceText(searchPattern, replacement) (…/text#replaceText(String,String)): as FakeElement's. */
  replaceText(searchPattern: string, replacement: string): this {
    const ps = this.edit();
    replaceIn(ps, searchPattern, replacement);
    return this;
  }
  private assumeOf(ps: FakeParagraph[]): Assume {
    return ps[0]?.assume() ?? resolve();
  }
}

const isHigh = (s: string, i: number) => /[\uD800-\uDBFF]/.test(s[i] ?? '') && /[\uDC00-\uDFFF]/.test(s[i + 1] ?? '');
const isLow = (s: string, i: number) => /[\uDC00-\uDFFF]/.test(s[i] ?? '') && /[\uD800-\uDBFF]/.test(s[i - 1] ?? '');

type SectionType = 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION' | 'TABLE_CELL';

/**
 * Body, HeaderSection, FooterSection and TableCell: containers of paragraphs
 * and tables (reference/document/body, …/header-section, …/footer-section,
 * …/table-cell).
 *
 * What a container allows to be taken out follows the Docs model underneath
 * (docs/api/reference/rest/v1/documents/request#DeleteContentRangeRequest):
 * not "the newline character before a Table … without deleting the element",
 * so a paragraph right before a table stays; and a section is never left
 * without a last paragraph ("the last newline character of a Body, Header,
 * Footer, Footnote, TableCell"). Whether the last paragraph may go when a
 * paragraph comes before it is undocumented: switch removeLastParagraph.
 */
export class FakeContainer extends FakeElement {
  readonly children: Block[] = [];
  constructor(
    readonly type: SectionType,
    /** The document whose body, header or footer this is. */
    public owner?: FakeDocument,
  ) {
    super();
  }
  override kids(): readonly FakeElement[] {
    return this.children;
  }
  adopt<T extends Block>(b: T, at = this.children.length): T {
    b.parent = this;
    this.children.splice(at, 0, b);
    return b;
  }
  override detach(child: FakeElement): void {
    const i = this.children.indexOf(child as Block);
    if (i < 0) throw new Error('Element is not a child of this element.');
    if (child instanceof FakeParagraph) {
      if (this.children[i + 1] instanceof FakeTable) throw new Error("Can't remove the paragraph before a table.");
      if (i === this.children.length - 1 && (this.assume().removeLastParagraph === 'throws' || !(this.children[i - 1] instanceof FakeParagraph))) {
        throw new Error("Can't remove the last paragraph in a document section.");
      }
    }
    this.children.splice(i, 1);
    child.parent = undefined;
  }
  /** getNumChildren(): "the number of children" (…/body#getNumChildren()). */
  getNumChildren(): number {
    return this.children.length;
  }
  /** getChild(childIndex): "the child element at the specified child index" (…/body#getChild(Integer)); out of range throws (undocumented). */
  getChild(childIndex: number): Block {
    const c = this.children[childIndex];
    if (!c) throw new Error('Child index out of bounds.');
    return c;
  }
  /** getChildIndex(child): "the child index" (…/body#getChildIndex(Element)). */
  getChildIndex(child: FakeElement): number {
    const i = this.children.indexOf(child as Block);
    if (i < 0) throw new Error('Element is not a child of this element.');
    return i;
  }
  /** getText(): "the contents of the element as a text string" (…/body#getText()); here children's texts joined by "\n". */
  getText(): string {
    return this.children.map((c) => c.getText()).join('\n');
  }
  /**
   * appendParagraph(text | paragraph): "Creates and appends a new Paragraph",
   * or "Appends the given Paragraph … a copy of an existing Paragraph"
   * (…/body#appendParagraph(String), #appendParagraph(Paragraph)).
   */
  appendParagraph(paragraph: string | FakeParagraph): FakeParagraph {
    return this.insertParagraph(this.children.length, paragraph);
  }
  /** insertParagraph(childIndex, text | paragraph) (…/body#insertParagraph(Integer,String)). */
  insertParagraph(childIndex: number, paragraph: string | FakeParagraph): FakeParagraph {
    this.guard();
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > this.children.length) throw new Error('Child index out of bounds.');
    if (typeof paragraph !== 'string') return this.adopt(detached(paragraph), childIndex);
    const p = this.adopt(new FakeParagraph(''), childIndex);
    p.splice(0, 0, paragraph);
    return p;
  }
  /**
   * appendListItem(text | listItem): "Creates and appends a new ListItem
   * containing the specified text contents", or "Appends the given ListItem"
   * (…/body#appendListItem(String), #appendListItem(ListItem); HeaderSection,
   * FooterSection and TableCell have the same).
   */
  appendListItem(listItem: string | FakeListItem): FakeListItem {
    return this.insertListItem(this.children.length, listItem);
  }
  /** insertListItem(childIndex, text | listItem) (…/body#insertListItem(Integer,String), #insertListItem(Integer,ListItem)). */
  insertListItem(childIndex: number, listItem: string | FakeListItem): FakeListItem {
    this.guard();
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > this.children.length) throw new Error('Child index out of bounds.');
    if (typeof listItem !== 'string') return this.adopt(detached(listItem), childIndex);
    const li = this.adopt(new FakeListItem(''), childIndex);
    li.splice(0, 0, listItem);
    return li;
  }
  /**
   * appendTable(cells | table): "This method will also append an empty
   * paragraph after the table, since Google Docs documents cannot end with a
   * table" — said of Body, HeaderSection and FooterSection
   * (…/body#appendTable(String), #appendTable(Table), …/header-section#appendTable(Table),
   * …/footer-section#appendTable(Table)). TableCell#appendTable says nothing
   * of it; the add-on never nests tables, so a cell does not fake it.
   */
  appendTable(cells: string[][] | FakeTable): FakeTable {
    this.guard();
    if (this.type === 'TABLE_CELL') throw notFaked('TableCell.appendTable (whether a paragraph follows is undocumented)');
    const t = this.adopt(cells instanceof FakeTable ? detached(cells) : FakeTable.of(cells));
    this.adopt(new FakeParagraph(''));
    return t;
  }
  /**
   * insertTable(childIndex, table): "Inserts the given Table at the specified
   * index" (…/body#insertTable(Integer,Table), …/header-section#…,
   * …/table-cell#…), answering it. Whether it adds a paragraph of its own is
   * undocumented: switch insertTableParagraph (none; one after it, as
   * appendTable does; one before it, as the Docs API's InsertTableRequest:
   * "A newline character will be inserted before the inserted table").
   */
  insertTable(childIndex: number, table: FakeTable): FakeTable {
    this.guard();
    if (!(table instanceof FakeTable)) throw notFaked('insertTable with cells');
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > this.children.length) throw new Error('Child index out of bounds.');
    const how = this.assume().insertTableParagraph;
    if (how === 'one before') this.adopt(new FakeParagraph(''), childIndex++);
    const t = this.adopt(detached(table), childIndex);
    if (how === 'one after') this.adopt(new FakeParagraph(''), childIndex + 1);
    return t;
  }
  /** appendPageBreak(): "The PageBreak will be contained in a new Paragraph" (…/body#appendPageBreak()); a Body's only. */
  appendPageBreak(): FakePageBreak {
    if (this.type !== 'BODY_SECTION') throw notFaked(`appendPageBreak on ${this.type}`);
    return this.appendParagraph('').appendPageBreak();
  }
  /** removeChild(child): "Removes the specified child element" (…/body#removeChild(Element)). */
  removeChild(child: FakeElement): this {
    this.guard();
    this.detach(child);
    return this;
  }
  /** editAsText(): "a Text version of the current element" (…/table-cell#editAsText()); the fake edits containers of paragraphs only. */
  editAsText(): FakeText {
    const onlyParagraphs = this.children.every((c) => c instanceof FakeParagraph);
    return new FakeText(() => this.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph), onlyParagraphs);
  }
  /** Page size and margins in points (a new Doc here: A4 with 1-inch margins). reference/document/body#getPageWidth() etc. */
  page = { width: 595.3, height: 841.9, left: 72, right: 72, top: 72, bottom: 72 };
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
  getMarginTop(): number {
    return this.page.top;
  }
  getMarginBottom(): number {
    return this.page.bottom;
  }
  setMarginTop(marginTop: number): this {
    this.guard();
    this.page.top = marginTop;
    return this;
  }
  setMarginBottom(marginBottom: number): this {
    this.guard();
    this.page.bottom = marginBottom;
    return this;
  }
  setPageWidth(pageWidth: number): this {
    this.guard();
    this.page.width = pageWidth;
    return this;
  }
  setPageHeight(pageHeight: number): this {
    this.guard();
    this.page.height = pageHeight;
    return this;
  }
  setMarginLeft(marginLeft: number): this {
    this.guard();
    this.page.left = marginLeft;
    return this;
  }
  setMarginRight(marginRight: number): this {
    this.guard();
    this.page.right = marginRight;
    return this;
  }
  /** copy(): "a detached, deep copy of the current element" (…/body#copy()). */
  copy(): FakeContainer {
    const c = new FakeContainer(this.type);
    c.page = { ...this.page };
    for (const b of this.children) c.adopt(b.copy());
    return c;
  }
}

/**
 * TableCell (reference/document/table-cell). setWidth "Sets the width of the
 * column containing the current cell, in points" (…/table-cell#setWidth(Number)):
 * every cell of that column takes it.
 */
export class FakeTableCell extends FakeContainer implements Faked<GoogleAppsScript.Document.TableCell, 'setBackgroundColor' | 'getNumChildren'> {
  width: number | undefined;
  background = '';
  constructor() {
    super('TABLE_CELL');
  }
  /**
   * getWidth(): "Retrieves the width of the column containing the cell, in
   * points" (…/table-cell#getWidth()). A column never given a width answers
   * null here: what Docs answers then is undocumented, and the add-on reads
   * anything but a positive number as "not known".
   */
  getWidth(): number | null {
    return this.width ?? null;
  }
  setWidth(width: number): this {
    this.guard();
    const row = this.parent instanceof FakeTableRow ? this.parent : undefined;
    const table = row?.parent instanceof FakeTable ? row.parent : undefined;
    const k = row ? row.cells.indexOf(this) : -1;
    for (const r of table ? table.rows : row ? [row] : []) if (r.cells[k]) r.cells[k]!.width = width;
    this.width = width;
    return this;
  }
  /** setBackgroundColor(color): "the background color, formatted in CSS notation (like '#ffffff')" (…/table-cell#setBackgroundColor(String)). */
  setBackgroundColor(color: string): this {
    this.guard();
    this.background = color;
    return this;
  }
  /** copy(): "a detached, deep copy … Any child elements present in the element are also copied" (…/table-cell#copy()). */
  override copy(): FakeTableCell {
    const c = new FakeTableCell();
    c.width = this.width;
    c.background = this.background;
    for (const b of this.children) c.adopt(b.copy());
    return c;
  }
}

/** TableRow (reference/document/table-row): cells; copy() is detached and keeps each cell's formatting. */
export class FakeTableRow extends FakeElement implements Faked<GoogleAppsScript.Document.TableRow, 'getNumCells' | 'getText'> {
  readonly type = 'TABLE_ROW';
  readonly cells: FakeTableCell[] = [];
  override kids(): readonly FakeElement[] {
    return this.cells;
  }
  getNumCells(): number {
    return this.cells.length;
  }
  /** getCell(cellIndex): "the table cell" (…/table-row#getCell(Integer)); out of range throws (undocumented). */
  getCell(cellIndex: number): FakeTableCell {
    const c = this.cells[cellIndex];
    if (!c) throw new Error('Child index out of bounds.');
    return c;
  }
  /** getText(): "the contents of the element as a text string" (…/table-row#getText()); here cells' texts joined by a tab (undocumented). */
  getText(): string {
    return this.cells.map((c) => c.getText()).join('\t');
  }
  /** editAsText(): the row's text, for formatting (reference guides/docs: table.getRow(0).editAsText().setBold(true)). */
  editAsText(): FakeText {
    return new FakeText(() => this.cells.flatMap((c) => c.children.filter((b): b is FakeParagraph => b instanceof FakeParagraph)), false);
  }
  /** copy(): "a detached, deep copy" (…/table-row#copy()). */
  copy(): FakeTableRow {
    const r = new FakeTableRow();
    for (const c of this.cells) {
      const cc = c.copy();
      cc.parent = r;
      r.cells.push(cc);
    }
    return r;
  }
}

/**
 * Table (reference/document/table): rows of cells. A table's last row cannot
 * be removed here (undocumented whether Docs allows an empty table; the add-on
 * removes the table instead).
 */
export class FakeTable extends FakeElement implements Faked<GoogleAppsScript.Document.Table, 'getNumRows' | 'getText' | 'setBorderWidth' | 'getBorderWidth'> {
  readonly type = 'TABLE';
  readonly rows: FakeTableRow[] = [];
  /**
   * The border width, in points (…/table#setBorderWidth(Number), #getBorderWidth()).
   * A new table's is undocumented: 1 here (Docs draws a new table with thin
   * rules). 0 hides the rules: "Table cell borders cannot be transparent. To
   * hide a table cell border, make its width 0" (docs/api/reference/rest/v1/documents#TableCellBorder).
   */
  borderWidth = 1;
  setBorderWidth(width: number): this {
    this.guard();
    if (typeof width !== 'number' || !(width >= 0)) throw new Error(`Invalid border width: ${String(width)}`);
    this.borderWidth = width;
    return this;
  }
  getBorderWidth(): number {
    return this.borderWidth;
  }
  /** appendTable(cells): "a new Table containing a TableCell for each specified string value" (…/body#appendTable(String)), each cell one paragraph. */
  static of(cells: readonly (readonly string[])[]): FakeTable {
    if (!cells.length || cells.some((r) => r.length !== cells[0]!.length || !r.length)) throw notFaked('a table of no cells, or of rows of different lengths');
    const t = new FakeTable();
    for (const r of cells) {
      const row = new FakeTableRow();
      for (const text of r) {
        const cell = new FakeTableCell();
        cell.adopt(new FakeParagraph(String(text)));
        cell.parent = row;
        row.cells.push(cell);
      }
      t.insert(row);
    }
    return t;
  }
  override kids(): readonly FakeElement[] {
    return this.rows;
  }
  private insert(row: FakeTableRow, at = this.rows.length): FakeTableRow {
    row.parent = this;
    this.rows.splice(at, 0, row);
    return row;
  }
  override detach(child: FakeElement): void {
    const i = this.rows.indexOf(child as FakeTableRow);
    if (i < 0) throw new Error('Element is not a child of this element.');
    if (this.rows.length === 1) throw new Error("Can't remove the last row of a table.");
    this.rows.splice(i, 1);
    child.parent = undefined;
  }
  getNumRows(): number {
    return this.rows.length;
  }
  /** getRow(rowIndex): "the TableRow at the specified row index" (…/table#getRow(Integer)). */
  getRow(rowIndex: number): FakeTableRow {
    const r = this.rows[rowIndex];
    if (!r) throw new Error('Child index out of bounds.');
    return r;
  }
  /** insertTableRow(childIndex, tableRow): "Inserts the given TableRow at the specified index" and answers "the inserted table row element" (…/table#insertTableRow(Integer,TableRow)). */
  insertTableRow(childIndex: number, tableRow: FakeTableRow): FakeTableRow {
    this.guard();
    if (!tableRow) throw notFaked('insertTableRow without a row');
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > this.rows.length) throw new Error('Child index out of bounds.');
    return this.insert(detached(tableRow), childIndex);
  }
  /** appendTableRow(tableRow): "Appends the given TableRow" (…/table#appendTableRow(TableRow)). */
  appendTableRow(tableRow: FakeTableRow): FakeTableRow {
    return this.insertTableRow(this.rows.length, tableRow);
  }
  /** removeRow(rowIndex): "Removes the TableRow at the specified row index" and answers it (…/table#removeRow(Integer)). */
  removeRow(rowIndex: number): FakeTableRow {
    this.guard();
    const r = this.getRow(rowIndex);
    this.detach(r);
    return r;
  }
  /** getText(): rows' texts joined by "\n" (undocumented joiner). */
  getText(): string {
    return this.rows.map((r) => r.getText()).join('\n');
  }
  /** editAsText(): the table's text, for formatting. */
  editAsText(): FakeText {
    return new FakeText(() => this.rows.flatMap((r) => r.cells.flatMap((c) => c.children.filter((b): b is FakeParagraph => b instanceof FakeParagraph))), false);
  }
  /** copy(): "a detached, deep copy" (…/table#copy()), its attributes (border width) with it. */
  copy(): FakeTable {
    const t = new FakeTable();
    t.borderWidth = this.borderWidth;
    for (const r of this.rows) t.insert(r.copy());
    return t;
  }
}

/**
 * Document (reference/document/document): a body, and a header and footer
 * once added. getHeader()/getFooter() answer null before one is added
 * (undocumented; the universal idiom `getHeader() || addHeader()` rests on it).
 * addHeader() "Adds a … header section, if none exists" (…/document#addHeader()):
 * with one already there it answers that one. Whether a new header starts with
 * an empty paragraph: switch newHeaderParagraph. A document opened by id is the
 * same stored document: edits through one handle are seen through another.
 */
export class FakeDocument implements Faked<GoogleAppsScript.Document.Document, 'getId' | 'getName' | 'setName' | 'getUrl' | 'saveAndClose'> {
  body: FakeContainer = new FakeContainer('BODY_SECTION', this);
  header: FakeContainer | null = null;
  footer: FakeContainer | null = null;
  closed = false;
  /** The variants this document plays (DocumentApp sets them; the run's default otherwise). */
  assume: Assume = resolve();
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
    return (this.header ??= this.section('HEADER_SECTION'));
  }
  getFooter(): FakeContainer | null {
    return this.footer;
  }
  addFooter(): FakeContainer {
    return (this.footer ??= this.section('FOOTER_SECTION'));
  }
  private section(type: 'HEADER_SECTION' | 'FOOTER_SECTION'): FakeContainer {
    if (this.closed) throw new Error('Document is closed, its contents cannot be updated.');
    const s = new FakeContainer(type, this);
    if (this.assume.newHeaderParagraph === 'empty paragraph') s.adopt(new FakeParagraph(''));
    return s;
  }
  /** saveAndClose(): "A closed Document can't be edited" (…/document#saveAndClose()). */
  saveAndClose(): void {
    this.closed = true;
  }
  /**
   * getAs(contentType): the Doc's contents as a blob; "currently only
   * 'application/pdf' is supported" (reference/document/document#getAs(String)).
   */
  getAs(contentType: string): FakeBlob {
    if (contentType !== 'application/pdf') throw new Error(`Converting from application/vnd.google-apps.document to ${contentType} is not supported.`);
    return new FakeBlob(renderHtml(this), 'application/pdf', `${this.name}.pdf`);
  }
  /** A detached copy with a new id (Drive's copy of a Doc). */
  copyAs(id: string, name: string): FakeDocument {
    const d = new FakeDocument(id, name);
    const own = (c: FakeContainer) => ((c.owner = d), c);
    d.body = own(this.body.copy());
    d.header = this.header ? own(this.header.copy()) : null;
    d.footer = this.footer ? own(this.footer.copy()) : null;
    d.assume = this.assume;
    return d;
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// The A4 model of a Doc (./a4) renders it as HTML; getAs('application/pdf') carries that page.
export { renderHtml };

/** An enum as Apps Script shows it: members that print as their names (reference/document/element-type etc.). */
const enumOf = (names: string) => Object.fromEntries(names.split(/,\s*/).map((n) => [n, n]));

/**
 * DocumentApp: openById(id) opens a stored Doc, failing for a trashed, missing
 * or unreachable one ("Document is missing (perhaps it was deleted, or you
 * don't have read access?)"). create(name) makes a new Doc in My Drive; the
 * add-on itself makes Docs through the Advanced Drive service instead (so they
 * are files "created by the app" under drive.file), so a Doc made here is not
 * taken as reachable through Drive. Enums are objects whose members print as
 * their names.
 */
export class FakeDocumentApp implements Faked<GoogleAppsScript.Document.DocumentApp, 'create' | 'openById'> {
  // The enums as Google lists them (reference/document/element-type, …/paragraph-heading,
  // …/horizontal-alignment, …/glyph-type, …/attribute).
  readonly ElementType = enumOf(
    'BODY_SECTION, COMMENT_SECTION, DATE, EQUATION, EQUATION_FUNCTION, EQUATION_FUNCTION_ARGUMENT_SEPARATOR, EQUATION_SYMBOL, RICH_LINK, FOOTER_SECTION, FOOTNOTE, FOOTNOTE_SECTION, HEADER_SECTION, HORIZONTAL_RULE, INLINE_DRAWING, INLINE_IMAGE, LIST_ITEM, PAGE_BREAK, PARAGRAPH, PERSON, TABLE, TABLE_CELL, TABLE_OF_CONTENTS, TABLE_ROW, TEXT, UNSUPPORTED',
  );
  readonly ParagraphHeading = enumOf('NORMAL, HEADING1, HEADING2, HEADING3, HEADING4, HEADING5, HEADING6, TITLE, SUBTITLE');
  readonly HorizontalAlignment = enumOf('LEFT, CENTER, RIGHT, JUSTIFY');
  readonly GlyphType = enumOf('BULLET, HOLLOW_BULLET, SQUARE_BULLET, NUMBER, LATIN_UPPER, LATIN_LOWER, ROMAN_UPPER, ROMAN_LOWER');
  readonly Attribute = enumOf(
    'BACKGROUND_COLOR, BOLD, BORDER_COLOR, BORDER_WIDTH, CODE, FONT_FAMILY, FONT_SIZE, FOREGROUND_COLOR, HEADING, HEIGHT, HORIZONTAL_ALIGNMENT, INDENT_END, INDENT_FIRST_LINE, INDENT_START, ITALIC, GLYPH_TYPE, LEFT_TO_RIGHT, LINE_SPACING, LINK_URL, LIST_ID, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, NESTING_LEVEL, MINIMUM_HEIGHT, PADDING_BOTTOM, PADDING_LEFT, PADDING_RIGHT, PADDING_TOP, PAGE_HEIGHT, PAGE_WIDTH, SPACING_AFTER, SPACING_BEFORE, STRIKETHROUGH, UNDERLINE, VERTICAL_ALIGNMENT, WIDTH',
  );
  /**
   * The variants of Google's undocumented behaviours the documents play; the
   * harness sets its own. A document takes them when opened or made here
   * (FakeDocument.assume).
   */
  assume: Assume = resolve();
  constructor(readonly drive: FakeDrive) {}
  create(name: string): FakeDocument {
    const doc = this.drive.makeDocument(name, [this.drive.rootId], false);
    doc.assume = this.assume;
    return doc;
  }
  openById(id: string): FakeDocument {
    const f = this.drive.files.get(id);
    const doc = this.drive.docs.get(id);
    // A Doc another user's run of the add-on made is theirs alone (not shared); a trashed one opens or not (switch).
    const theirs = f?.by !== undefined && f.by !== this.drive.user();
    const trashedOut = f?.trashed === true && this.assume.openTrashedDoc === 'throws';
    if (!doc || !f || theirs || trashedOut || this.drive.forbidden.has(id)) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
    // A handle from openById is open again, even if an earlier one was saved and closed.
    doc.closed = false;
    doc.assume = this.assume;
    return doc;
  }
}

// ---------------------------------------------------------------- Charts

type Cell = string | number | Date;

/** A data table as built: its columns and rows, fixed (reference/charts/data-table). */
export class FakeDataTable {
  constructor(
    readonly columns: readonly { readonly type: string; readonly label: string }[],
    readonly rows: readonly (readonly Cell[])[],
  ) {}
}

const COLUMN_TYPES = ['DATE', 'NUMBER', 'STRING'];

/**
 * Charts.newDataTable() (reference/charts/data-table-builder): addColumn(type,
 * label) with a Charts.ColumnType; addRow(values) "in the same order that the
 * columns are entered"; build() "Throws … if the data table is empty or
 * otherwise malformed". A value of the wrong type for its column is taken as
 * malformed (the strict reading).
 */
export class FakeDataTableBuilder implements Faked<GoogleAppsScript.Charts.DataTableBuilder, 'addColumn' | 'addRow'> {
  readonly columns: { type: string; label: string }[] = [];
  readonly rows: Cell[][] = [];
  addColumn(type: unknown, label: string): this {
    if (!COLUMN_TYPES.includes(String(type))) throw new Error(`Invalid column type: ${String(type)}`);
    this.columns.push({ type: String(type), label });
    return this;
  }
  addRow(values: unknown[]): this {
    this.rows.push([...(values as Cell[])]);
    return this;
  }
  build(): FakeDataTable {
    if (!this.columns.length || !this.rows.length) throw new Error('The data table is empty.');
    for (const r of this.rows) {
      const ok = r.length === this.columns.length && r.every((v, i) => ({ NUMBER: typeof v === 'number', STRING: typeof v === 'string', DATE: v instanceof Date })[this.columns[i]!.type]);
      if (!ok) throw new Error('The data table is malformed: a row does not match the columns.');
    }
    return new FakeDataTable(
      this.columns.map((c) => ({ ...c })),
      this.rows.map((r) => [...r]),
    );
  }
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp', 'application/pdf': 'pdf' };

/**
 * Chart (reference/charts/chart): getAs(contentType) — "For images in BMP,
 * GIF, JPEG, or PNG format, any of 'image/bmp', 'image/gif', 'image/jpeg', or
 * 'image/png' are also valid" besides 'application/pdf' (…/chart#getAs(String));
 * getBlob() "the data inside this object as a blob" (a PNG here). The fake's
 * bytes are an SVG drawing of the chart, so a rendered report shows it; the
 * blob knows the image's size in pixels, the chart's dimensions.
 */
export class FakeChart {
  constructor(
    private readonly svg: string,
    private readonly width: number,
    private readonly height: number,
  ) {}
  getAs(contentType: string): FakeBlob {
    const ext = IMAGE_TYPES[contentType];
    if (!ext) throw new Error(`Converting from image/png to ${contentType} is not supported.`);
    return new FakeBlob(this.svg, contentType, `chart.${ext}`, { width: this.width, height: this.height });
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
}

/**
 * A chart builder (bar, column, line; reference/charts/bar-chart-builder and
 * siblings). setDataTable(builder): "A new data table is created instantly as
 * part of this call, so any further updates to the builder won't be reflected
 * in the chart" (…#setDataTable(DataTableBuilder)). setRange(start, end): "If
 * any data points fall outside the range, the range is expanded to include
 * those data points" (…#setRange(Number,Number)). setDimensions(width,
 * height) "in pixels"; before it, 600×360 (undocumented; the add-on always sets them).
 */
export class FakeChartBuilder {
  private data: FakeDataTable | undefined;
  private title = '';
  private width = 600;
  private height = 360;
  private colors = ['#1a73e8', '#d93025', '#188038'];
  private range: [number, number] | undefined;
  private ticks: { v: number; f?: string }[] | undefined;
  constructor(readonly kind: 'bar' | 'column' | 'line') {}
  /**
   * setOption(option, value): "Sets advanced options for this chart … no
   * effect if the given option is invalid" (…/bar-chart-builder#setOption(String,Object));
   * the options are Google Charts'. The value axis's ticks (hAxis.ticks for a
   * bar chart, vAxis.ticks for a column or line chart: numbers, or objects with
   * the value "v" and the label "f") are drawn; the others are kept unread.
   */
  setOption(option: string, value: unknown): this {
    if (option === (this.kind === 'bar' ? 'hAxis.ticks' : 'vAxis.ticks') && Array.isArray(value)) {
      this.ticks = value.map((t) => (typeof t === 'number' ? { v: t } : (t as { v: number; f?: string })));
    }
    return this;
  }
  setDataTable(table: unknown): this {
    this.data = table instanceof FakeDataTableBuilder ? table.build() : (table as FakeDataTable);
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
    this.colors = [...cssValues];
    return this;
  }
  setRange(start: number, end: number): this {
    this.range = [start, end];
    return this;
  }
  build(): FakeChart {
    if (!this.data) throw new Error('The chart has no data table.');
    return new FakeChart(drawChart(this.kind, this.data, this.title, this.width, this.height, this.colors, this.range, this.ticks), this.width, this.height);
  }
}

/** Charts (reference/charts/charts): the builders and enums the add-on uses. */
export class FakeCharts {
  /** Set by a test to make the next chart fail, as a quota error would. */
  failNext: string | undefined;
  readonly ColumnType = enumOf('DATE, NUMBER, STRING');
  readonly Position = enumOf('TOP, RIGHT, BOTTOM, NONE');
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

/**
 * The chart as SVG: bars, the category labels, the value axis with its tick
 * labels (Google Charts draws numbers in Western digits unless ticks give
 * labels) and the legend. No value is written on a bar (Google Charts draws
 * none without annotations).
 */
function drawChart(kind: string, data: FakeDataTable, title: string, w: number, h: number, colors: string[], range?: [number, number], ticks?: { v: number; f?: string }[]): string {
  const rows = data.rows;
  const series = data.columns.length - 1;
  const values = rows.flatMap((r) => r.slice(1).map(Number));
  // The range grows to take in every data point (…/bar-chart-builder#setRange(Number,Number)).
  const max = Math.max(range?.[1] ?? 100, ...values);
  const min = Math.min(range?.[0] ?? 0, ...values);
  const left = kind === 'bar' ? 200 : 40;
  const top = 36;
  const bottom = kind === 'bar' ? 24 : 48;
  const plotW = w - left - 16;
  const plotH = h - top - bottom;
  const parts: string[] = [`<text x="${w / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`];
  const scale = (v: number) => (v - min) / (max - min || 1);
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
      }
    }
  });
  if (kind === 'line' && rows.length > 1) {
    const band = plotW / rows.length;
    const pts = rows.map((r, i) => `${left + i * band + band / 2},${top + plotH - scale(Number(r[1])) * plotH}`).join(' ');
    parts.push(`<polyline points="${pts}" fill="none" stroke="${colors[0]}" stroke-width="2"/>`);
  }
  // The value axis's tick labels: the ticks given, else every 20 of the range, as numbers.
  const shown: { v: number; f?: string }[] = ticks ?? Array.from({ length: Math.floor((max - min) / 20) + 1 }, (_, i) => ({ v: min + i * 20 }));
  for (const t of shown) {
    const label = esc(t.f ?? String(t.v));
    if (kind === 'bar') parts.push(`<text x="${left + scale(t.v) * plotW}" y="${top + plotH + 14}" text-anchor="middle" font-size="10">${label}</text>`);
    else parts.push(`<text x="${left - 6}" y="${top + plotH - scale(t.v) * plotH + 4}" text-anchor="end" font-size="10">${label}</text>`);
  }
  const axis = kind === 'bar' ? `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#555"/>` : `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#555"/>`;
  const legend = data.columns.slice(1).map((c, s) => `<rect x="${left + s * 140}" y="${h - 14}" width="10" height="10" fill="${colors[s % colors.length]}"/><text x="${left + s * 140 + 14}" y="${h - 5}" font-size="11">${esc(c.label)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="Sarabun, Garuda, sans-serif"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}${axis}${kind === 'bar' ? legend.join('') : ''}</svg>`;
}

/**
 * Properties (reference/properties/properties): string values by key;
 * getProperty answers null for a key not set (#getProperty(String)); a value
 * is stored as a string (guides/properties: "data is stored as strings");
 * deleteProperty of a missing key does nothing.
 */
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

/**
 * PropertiesService.getDocumentProperties() (reference/properties/properties-service):
 * one store per document, shared by every user of the add-on in that document.
 */
export class FakePropertiesService implements Faked<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getUserProperties'> {
  readonly document = new FakeProperties();
  private readonly users = new Map<string, FakeProperties>();
  /** The signed-in user (the harness wires it to Session). */
  user: () => string = () => 'staff@example.go.th';
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
  /** getUserProperties(): "a property store that only the current user can access, and only within this script". */
  getUserProperties(): FakeProperties {
    let p = this.users.get(this.user());
    if (!p) this.users.set(this.user(), (p = new FakeProperties()));
    return p;
  }
}
