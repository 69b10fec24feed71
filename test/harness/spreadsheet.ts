// In-memory fake of the Spreadsheet service: a spreadsheet of sheets of cells.
// Each assumption about Google's behaviour is written beside the code that
// makes it (reference: developers.google.com/apps-script/reference/spreadsheet).
import { columnLetters, columnNumber } from '../../src/core/columns';
import type { Faked } from './fakes';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SheetT = GoogleAppsScript.Spreadsheet.Sheet;
type RangeT = GoogleAppsScript.Spreadsheet.Range;

/** One cell: its stored value (number, string, boolean, Date or ""), formula and format. */
interface Cell {
  value: unknown;
  formula: string;
  format: string;
  validation?: FakeDataValidation;
}

/** Evaluates a formula at a cell, answering a value or a 2-D spill. */
export type FormulaEvaluator = (formula: string, sheet: FakeSheet, row: number, col: number) => unknown;



/** Dates may come from the sandbox's realm, where `instanceof Date` is false. */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const copyValue = (v: unknown): unknown => (isDate(v) ? new Date(v.getTime()) : v);

/**
 * What a written value becomes, as when a person types it (Range.setValue):
 * - a string starting with "=" is a formula;
 * - a string starting with "'" is text, the apostrophe not part of the value;
 * - in a cell formatted as plain text ("@") a string stays text;
 * - otherwise a string that reads as a number becomes that number
 *   (dates typed as text are not parsed here: our code writes Date objects).
 */
function interpret(v: unknown, format: string): { value: unknown; formula: string } {
  if (v === null || v === undefined) return { value: '', formula: '' };
  if (typeof v !== 'string') return { value: copyValue(v), formula: '' };
  if (v.startsWith('=') && v.length > 1) return { value: '', formula: v };
  if (v.startsWith("'")) return { value: v.slice(1), formula: '' };
  if (format === '@') return { value: v, formula: '' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v.trim())) return { value: Number(v.trim()), formula: '' };
  return { value: v, formula: '' };
}

export class FakeDataValidation implements Faked<GoogleAppsScript.Spreadsheet.DataValidation, 'getAllowInvalid' | 'getHelpText'> {
  constructor(
    readonly list: readonly string[] | undefined,
    readonly showDropdown: boolean,
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
}

/** SpreadsheetApp.newDataValidation(): a builder; build() answers a detached rule. */
export class FakeDataValidationBuilder
  implements Faked<GoogleAppsScript.Spreadsheet.DataValidationBuilder, 'requireValueInList' | 'setAllowInvalid' | 'setHelpText' | 'build'>
{
  private list: string[] | undefined;
  private dropdown = true;
  private allowInvalid = true; // Google's default: invalid input shows a warning
  private helpText = '';
  requireValueInList(values: string[], showDropdown?: boolean): this {
    this.list = [...values];
    this.dropdown = showDropdown ?? true;
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this.list, this.dropdown, this.allowInvalid, this.helpText);
  }
}

/** Range.protect(): a protection; warning-only protections only warn before an edit. */
export class FakeProtection implements Faked<GoogleAppsScript.Spreadsheet.Protection, 'setDescription' | 'setWarningOnly' | 'isWarningOnly' | 'getDescription'> {
  private description = '';
  private warningOnly = false;
  constructor(readonly a1: string) {}
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
}

type RangeMethods =
  | 'offset'
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'setValues'
  | 'setValue'
  | 'setFormula'
  | 'setNumberFormat'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setDataValidation'
  | 'getDataValidation'
  | 'setFontWeight'
  | 'setBackground'
  | 'setFontColor'
  | 'setWrap'
  | 'protect'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet';

/**
 * Range: a rectangle of 1-based rows and columns of one sheet. Reads answer
 * detached 2-D arrays (rows of columns) that later writes do not change.
 */
export class FakeRange implements Faked<RangeT, RangeMethods> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    if (row < 1 || col < 1 || rows < 1 || cols < 1) throw new Error('The coordinates or dimensions of the range are invalid.');
    if (row + rows - 1 > sheet.maxRows || col + cols - 1 > sheet.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  private map<T>(f: (c: Cell | undefined, r: number, k: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.sheet.cell(this.row + i, this.col + j), this.row + i, this.col + j)));
  }
  /** offset(rows, cols, numRows, numColumns): a range moved from this one's top-left, of the given size (default: this size). */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return new FakeRange(this.sheet, this.row + rowOffset, this.col + columnOffset, numRows ?? this.rows, numColumns ?? this.cols);
  }
  /**
   * Values: numbers, strings, booleans and Dates; "" for an empty cell. A
   * formula cell gives its result; an array result spills down and right into
   * empty cells, which then read as those values.
   */
  getValues(): unknown[][] {
    const spills = this.sheet.spills();
    return this.map((c, r, k) => {
      const key = `${r},${k}`;
      if (c?.formula) return copyValue(spills.get(key) ?? '');
      if (c && c.value !== '') return copyValue(c.value);
      return spills.has(key) ? copyValue(spills.get(key)) : '';
    });
  }
  getValue(): unknown {
    return this.getValues()[0]![0];
  }
  /** Displayed text: numbers as shown by their format, Dates by their format, "" when empty. */
  getDisplayValues(): string[][] {
    return this.getValues().map((row, i) => row.map((v, j) => display(v, this.sheet.cell(this.row + i, this.col + j)?.format ?? '')));
  }
  /** Formulas as typed ("=SUM(A1:A2)"), "" for a cell without one. */
  getFormulas(): string[][] {
    return this.map((c) => c?.formula ?? '');
  }
  /** setValues needs data of exactly the range's size, else it throws, writing nothing. */
  setValues(values: unknown[][]): this {
    if (values.length !== this.rows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`);
    }
    for (const r of values) {
      if (r.length !== this.cols) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.cols}.`);
      }
    }
    values.forEach((r, i) => r.forEach((v, j) => this.sheet.write(this.row + i, this.col + j, v)));
    return this;
  }
  setValue(value: unknown): this {
    return this.setValues(Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => value)));
  }
  setFormula(formula: string): this {
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }
  setNumberFormat(numberFormat: string): this {
    this.map((_c, r, k) => (this.sheet.touch(r, k).format = numberFormat));
    return this;
  }
  getNumberFormat(): string {
    return this.sheet.cell(this.row, this.col)?.format ?? '';
  }
  getNumberFormats(): string[][] {
    return this.map((c) => c?.format ?? '');
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): this {
    this.map((_c, r, k) => (this.sheet.touch(r, k).validation = (rule as unknown as FakeDataValidation) ?? undefined));
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    return this.sheet.cell(this.row, this.col)?.validation ?? null;
  }
  setFontWeight(fontWeight: string | null): this {
    this.sheet.styles.push({ a1: this.getA1Notation(), fontWeight });
    return this;
  }
  setBackground(color: string | null): this {
    this.sheet.styles.push({ a1: this.getA1Notation(), background: color });
    return this;
  }
  setFontColor(color: string | null): this {
    this.sheet.styles.push({ a1: this.getA1Notation(), fontColor: color });
    return this;
  }
  setWrap(isWrapEnabled: boolean): this {
    this.sheet.styles.push({ a1: this.getA1Notation(), wrap: isWrapEnabled });
    return this;
  }
  protect(): FakeProtection {
    const p = new FakeProtection(this.getA1Notation());
    this.sheet.protections.push(p);
    return p;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }
  getLastColumn(): number {
    return this.col + this.cols - 1;
  }
  getA1Notation(): string {
    const tl = `${columnLetters(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1 ? tl : `${tl}:${columnLetters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
}

/**
 * How Sheets shows a value with a number format (the few formats we use).
 * ASSUMPTION, not checked against Google: a date under "d mmmm yyyy" in a
 * spreadsheet whose locale is Thai shows the Thai month and the Buddhist-Era
 * year ("1 ตุลาคม 2568"). Sheets may show the Common-Era year instead.
 */
function display(v: unknown, format: string): string {
  if (v === '' || v === null || v === undefined) return '';
  if (isDate(v)) {
    if (format.includes('yyyy') || format.includes('mmmm') || format.includes('d')) {
      const months = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
      return `${v.getDate()} ${months[v.getMonth()]} ${v.getFullYear() + 543}`;
    }
    return v.toISOString();
  }
  if (typeof v === 'number') {
    const m = /^0\.(0+)$/.exec(format);
    return m ? v.toFixed(m[1]!.length) : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'deleteRow'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'setColumnWidth'
  | 'getSheetId';

/**
 * Sheet: a grid with a fixed size (a new sheet has 1000 rows × 26 columns);
 * getLastRow/getLastColumn are the last row and column with content (0 when
 * empty); getDataRange is A1 to that corner (A1 alone when empty).
 */
export class FakeSheet implements Faked<SheetT, SheetMethods> {
  private readonly cells = new Map<string, Cell>();
  readonly styles: Record<string, unknown>[] = [];
  readonly protections: FakeProtection[] = [];
  frozenRows = 0;
  maxRows = 1000;
  maxCols = 26;
  constructor(
    private name: string,
    readonly spreadsheet: FakeSpreadsheet,
    readonly id: number,
  ) {}
  private key = (r: number, c: number) => `${r},${c}`;
  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(this.key(r, c));
  }
  touch(r: number, c: number): Cell {
    let cell = this.cells.get(this.key(r, c));
    if (!cell) this.cells.set(this.key(r, c), (cell = { value: '', formula: '', format: '' }));
    return cell;
  }
  write(r: number, c: number, v: unknown): void {
    const cell = this.touch(r, c);
    Object.assign(cell, interpret(v, cell.format));
  }
  private computing: Map<string, unknown> | undefined;
  /**
   * The results of every formula, by "row,col", array results spilled.
   * Formulas are computed left to right, then top to bottom, so a formula may
   * read the results of formulas in columns to its left (as ours do).
   */
  spills(): Map<string, unknown> {
    if (this.computing) return this.computing;
    const out = new Map<string, unknown>();
    this.computing = out;
    try {
      this.computeInto(out);
    } finally {
      this.computing = undefined;
    }
    return out;
  }
  private computeInto(out: Map<string, unknown>): void {
    const formulas = [...this.cells]
      .filter(([, c]) => c.formula)
      .map(([key]) => key.split(',').map(Number) as [number, number])
      .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    for (const [fr, fc] of formulas) {
      const key = this.key(fr, fc);
      const cell = this.cells.get(key)!;
      let v: unknown;
      try {
        v = this.spreadsheet.evaluate(cell.formula, this, fr, fc);
      } catch (e) {
        v = `#ERROR! ${(e as Error).message}`;
      }
      if (!Array.isArray(v)) {
        out.set(key, v);
        continue;
      }
      (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => out.set(this.key(fr + i, fc + j), x)));
    }
  }
  private hasContent(cell: Cell): boolean {
    return cell.value !== '' || cell.formula !== '';
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  getRange(a: number | string, col?: number, rows?: number, cols?: number): FakeRange {
    if (typeof a === 'string') return this.rangeA1(a);
    return new FakeRange(this, a, col ?? 1, rows ?? 1, cols ?? 1);
  }
  /** A1 notation: "B2", "A1:C3", and open-ended "B2:B" or "A:C" (to the sheet's edge). */
  rangeA1(a1: string): FakeRange {
    const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/i.exec(a1.trim());
    if (!m) throw new Error(`Range not found: ${a1}`);
    const c1 = columnNumber(m[1]!);
    const r1 = m[2] ? Number(m[2]) : 1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[3] ? (m[4] ? Number(m[4]) : this.maxRows) : r1;
    return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  }
  getLastRow(): number {
    let last = 0;
    for (const [key, cell] of this.cells) if (this.hasContent(cell)) last = Math.max(last, Number(key.split(',')[0]));
    return last;
  }
  getLastColumn(): number {
    let last = 0;
    for (const [key, cell] of this.cells) if (this.hasContent(cell)) last = Math.max(last, Number(key.split(',')[1]));
    return last;
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  /** Moves every cell to where `to` sends it (undefined: the cell is dropped). */
  private moveCells(to: (r: number, c: number) => [number, number] | undefined): void {
    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const dest = to(r, c);
      if (dest) moved.set(this.key(...dest), cell);
    }
    this.cells.clear();
    for (const [k, v] of moved) this.cells.set(k, v);
  }
  /** Deletes a row: the rows below move up one. */
  deleteRow(rowPosition: number): this {
    if (rowPosition < 1 || rowPosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    this.moveCells((r, c) => (r === rowPosition ? undefined : [r > rowPosition ? r - 1 : r, c]));
    return this;
  }
  /** Adds columns after a column; the sheet grows, cells to the right move right. */
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.moveCells((r, c) => [r, c > afterPosition ? c + howMany : c]);
    this.maxCols += howMany;
    this.spreadsheet.shiftNamed(this, afterPosition, howMany);
    return this;
  }
  /** Adds empty rows after a row; the sheet grows by that many rows. */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.moveCells((r, c) => [r > afterPosition ? r + howMany : r, c]);
    this.maxRows += howMany;
    return this;
  }
  setColumnWidth(_columnPosition: number, _width: number): this {
    return this;
  }
  /** Grows the sheet so that a write past its edge fits (as appendRow does). */
  ensureSize(rows: number, cols: number): void {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxCols = Math.max(this.maxCols, cols);
  }
  /** Plain snapshot for /__sheets and tests: displayed values and formulas. */
  snapshot(): { name: string; values: string[][]; formulas: string[][] } {
    const r = this.getDataRange();
    return { name: this.name, values: r.getDisplayValues(), formulas: r.getFormulas() };
  }
}

type SpreadsheetMethods = 'getSheetByName' | 'insertSheet' | 'getSheets' | 'getName' | 'getId' | 'getUrl' | 'getSpreadsheetTimeZone' | 'getRangeByName' | 'setNamedRange' | 'removeNamedRange' | 'toast';

/**
 * Spreadsheet: named sheets; insertSheet(name, index) puts the new sheet at that
 * 0-based position (default last) and throws when the name is taken; toast()
 * shows a message in the corner (recorded here).
 */
export class FakeSpreadsheet implements Faked<SS, SpreadsheetMethods> {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { msg: string; title: string }[] = [];
  private nextId = 0;
  evaluator: FormulaEvaluator | undefined;
  constructor(
    private readonly name = 'สมุดงาน ITA',
    private readonly timeZone = 'Asia/Bangkok',
  ) {}
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  // Google overloads insertSheet; the typed signature (the last overload) takes options.
  insertSheet(sheetName?: string, sheetIndex?: number | { template?: unknown }): FakeSheet {
    const name = sheetName ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(name, this, this.nextId++);
    this.sheets.splice(typeof sheetIndex === 'number' ? sheetIndex : this.sheets.length, 0, sheet);
    return sheet;
  }
  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.toasts.push({ msg, title: title ?? '' });
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getName(): string {
    return this.name;
  }
  getId(): string {
    return 'fake-spreadsheet-id';
  }
  getUrl(): string {
    return 'https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit';
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  private readonly named = new Map<string, { sheet: FakeSheet; row: number; col: number; rows: number; cols: number; wholeColumns: boolean }>();
  /**
   * A named range. One made from whole columns ("A:R", every row of the sheet)
   * keeps covering every row as the sheet grows, as Sheets' A:R references do;
   * other named ranges keep their size. Deleting the sheet removes it (null).
   */
  getRangeByName(name: string): FakeRange | null {
    const n = this.named.get(name);
    if (!n || !this.sheets.includes(n.sheet)) return null;
    return new FakeRange(n.sheet, n.row, n.col, n.wholeColumns ? n.sheet.maxRows : n.rows, n.cols);
  }
  setNamedRange(name: string, range: GoogleAppsScript.Spreadsheet.Range): void {
    const r = range as unknown as FakeRange;
    this.named.set(name, { sheet: r.sheet, row: r.row, col: r.col, rows: r.rows, cols: r.cols, wholeColumns: r.row === 1 && r.rows === r.sheet.maxRows });
  }
  removeNamedRange(name: string): void {
    this.named.delete(name);
  }
  /** Columns inserted before a named range shift it; inserted inside, widen it. */
  shiftNamed(sheet: FakeSheet, after: number, howMany: number): void {
    for (const n of this.named.values()) {
      if (n.sheet !== sheet) continue;
      if (after < n.col) n.col += howMany;
      else if (after < n.col + n.cols - 1) n.cols += howMany;
    }
  }
  evaluate(formula: string, sheet: FakeSheet, row: number, col: number): unknown {
    return this.evaluator ? this.evaluator(formula, sheet, row, col) : '';
  }
  /** Loads sheets of values, as in examples/*.json. */
  static from(workbook: { sheets: readonly { name: string; values: readonly (readonly unknown[])[] }[] }): FakeSpreadsheet {
    const ss = new FakeSpreadsheet();
    for (const s of workbook.sheets) {
      const sheet = ss.insertSheet(s.name);
      const width = Math.max(1, ...s.values.map((r) => r.length));
      sheet.ensureSize(Math.max(1000, s.values.length), Math.max(26, width));
      s.values.forEach((r, i) => r.forEach((v, j) => sheet.write(i + 1, j + 1, v)));
    }
    return ss;
  }
}
