// In-memory fake of the Spreadsheet service: a spreadsheet of sheets of cells.
// Each behaviour cites the page of Google's reference it follows (pages under
// developers.google.com/apps-script/reference/spreadsheet/ are written
// "spreadsheet/…"; the Sheets API's under developers.google.com/sheets/api/).
// What Google does not document is played by the switches of assumptions.ts
// (this.assume), never chosen silently.
import { columnLetters, columnNumber } from '../../src/core/columns';
import { resolve, type Variants } from './assumptions';
import type { Faked } from './fakes';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SheetT = GoogleAppsScript.Spreadsheet.Sheet;
type RangeT = GoogleAppsScript.Spreadsheet.Range;

/**
 * One cell: what it holds (a number, string or boolean, "" when empty; a
 * date-time as its serial number), its formula and its number format ("" =
 * automatic, "@" = plain text).
 */
interface Cell {
  value: number | string | boolean;
  /** The number is a date-time (written as a Date, or typed as a date or time). */
  date: boolean;
  formula: string;
  format: string;
  validation?: FakeDataValidation;
}

/** What a write stores in a cell. */
type Stored = Pick<Cell, 'value' | 'date' | 'formula'>;

/** Evaluates a formula at a cell, answering a value or a 2-D spill. */
export type FormulaEvaluator = (formula: string, sheet: FakeSheet, row: number, col: number) => unknown;

/** Dates may come from the sandbox's realm, where `instanceof Date` is false. */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const copyValue = (v: unknown): unknown => (isDate(v) ? new Date(v.getTime()) : v);

// ---------------------------------------------------------------- dates

/**
 * Sheets keeps a date-time as a serial number: "The whole number portion of
 * the value (left of the decimal) counts the days since December 30, 1899. The
 * fractional portion (right of the decimal) counts the time as a fraction of
 * the day" (sheets/api/guides/formats#about_date_time_values; also
 * sheets/api/reference/rest/v4/DateTimeRenderOption). The wall clock it
 * counts is the spreadsheet's: spreadsheets have "a separate time zone"
 * from the script's (base/session#getScriptTimeZone();
 * spreadsheet/spreadsheet#getSpreadsheetTimeZone();
 * sheets/api/reference/rest/v4/spreadsheets#SpreadsheetProperties "timeZone:
 * The time zone of the spreadsheet"). So a Date written stores the wall-clock
 * time it has in the spreadsheet's zone, and getValues answers the Date of
 * that wall-clock time in that zone, whatever the script's (here the
 * process's) zone.
 */
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

const clocks = new Map<string, Intl.DateTimeFormat>();
/** The wall clock a moment shows in a zone, as milliseconds of that wall clock read as UTC. */
export function wallClock(t: number, zone: string): number {
  let f = clocks.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    clocks.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value])) as Record<string, string>;
  const d = new Date(Date.UTC(2000, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
  d.setUTCFullYear(Number(p.year));
  return d.getTime() + (((t % 1000) + 1000) % 1000);
}

/** The moment whose wall clock in the zone reads `local` (a wall clock read as UTC). */
export function momentOf(local: number, zone: string): number {
  const first = wallClock(local, zone) - local;
  const t = local - first;
  const second = wallClock(t, zone) - t;
  return second === first ? t : local - second;
}

/** The civil date-time of a serial number (a wall clock read as UTC). */
const civilOf = (serial: number): Date => new Date(EPOCH + Math.round(serial * DAY_MS));

/** The serial number of a civil date-time; undefined when the date does not exist. */
function serialOf(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  t.setUTCFullYear(y);
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return (t.getTime() - EPOCH) / DAY_MS;
}

/** A number format that shows a date or time (d, y, h, s outside quoted text). */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\./g, '');
  return !/^general$/i.test(bare) && /[dyhs]/i.test(bare);
}
/** A number format that shows a number (0 or #, no date letter). */
const isNumberFormat = (format: string): boolean => !isDateFormat(format) && /[0#]/.test(format.replace(/"[^"]*"|\\./g, ''));

/**
 * Whether getValues answers a Date: "The values may be of type Number,
 * Boolean, Date, or String, depending on the value of the cell"
 * (spreadsheet/range#getValues()). A number under a date format is a date; a
 * date-time under a number format a number; otherwise the cell is a date
 * when it was written as one.
 */
function readsAsDate(c: Cell): boolean {
  if (typeof c.value !== 'number') return false;
  if (isDateFormat(c.format)) return true;
  if (isNumberFormat(c.format)) return false;
  return c.date;
}

// ---------------------------------------------------------------- parsing

const text = (value: string): Stored => ({ value, date: false, formula: '' });
const number = (value: number): Stored => ({ value, date: false, formula: '' });
const BLANK: Stored = { value: '', date: false, formula: '' };

/** Digits with optional thousands separators and decimals ("1,000,000", "2.5", ".5"). */
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+`;
const PLAIN = new RegExp(String.raw`^([+-]?)(${NUM})(?:[eE]([+-]?\d+))?$`);
const PERCENT = new RegExp(String.raw`^([+-]?)(${NUM})\s*%$`);
const CURRENCY = new RegExp(String.raw`^([+-]?)\s*[$฿€£¥]\s*(${NUM})$|^([+-]?)(${NUM})\s*[$฿€£¥]$`);
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([aApP][mM])?`;

const toNumber = (sign: string | undefined, digits: string, exp = '0'): number => (sign === '-' ? -1 : 1) * Number(digits.replace(/,/g, '')) * 10 ** Number(exp);

function hours(h: string, ampm: string | undefined): number {
  const n = Number(h);
  if (!ampm) return n;
  if (n < 1 || n > 12) return NaN;
  return (n % 12) + (/p/i.test(ampm) ? 12 : 0);
}

/** A date, a date-time or a time typed as text, per the spreadsheet's locale: its serial number. */
function dateTimeOf(t: string, locale: string): number | undefined {
  let m = new RegExp(`^${TIME}$`).exec(t);
  if (m) {
    const s = serialOf(1899, 12, 30, hours(m[1]!, m[4]), Number(m[2]), Number(m[3] ?? 0));
    return s === undefined || Number.isNaN(s) ? undefined : s;
  }
  const at = (y: number, mo: number, d: number, tm: RegExpExecArray, i: number) => {
    const s = serialOf(y, mo, d, tm[i] ? hours(tm[i]!, tm[i + 3]) : 0, Number(tm[i + 1] ?? 0), Number(tm[i + 2] ?? 0));
    return s === undefined || Number.isNaN(s) ? undefined : s;
  };
  m = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T]${TIME})?$`).exec(t);
  if (m) return at(Number(m[1]), Number(m[2]), Number(m[3]), m, 4);
  m = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: ${TIME})?$`).exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return locale === 'en_US' ? at(Number(m[3]), a, b, m, 4) : at(Number(m[3]), b, a, m, 4);
  }
  return undefined;
}

/**
 * A string as Sheets reads typed input. Documented: the Sheets API's
 * USER_ENTERED input is "parsed as if the user typed them into the UI …
 * strings may be converted to numbers, dates, etc. following the same rules
 * that are applied when entering text into a cell via the Google Sheets UI"
 * (sheets/api/reference/rest/v4/ValueInputOption); a leading ' makes text and
 * is not part of the value ("Leading single quotes are not included. For
 * example, if the user typed '123 into the UI, this would be represented as a
 * stringValue of "123"", sheets/api/reference/rest/v4/spreadsheets/other#ExtendedValue;
 * support.google.com/docs/answer/3094285, TO_TEXT: "equivalent to prefixing a
 * number with an apostrophe"). The rules themselves are not listed anywhere;
 * this is a model of the usual ones, which the add-on never relies on (it
 * reads back what it wrote): TRUE/FALSE; numbers with thousands separators and
 * exponents ("1e5"); percentages ("50%" → 0.5); currency ("฿100", "$2.99");
 * times ("10:30"); dates and date-times, ISO or d/m/yyyy (m/d/yyyy in en_US).
 */
function parseTyped(s: string, locale: string): Stored {
  if (s.startsWith("'")) return text(s.slice(1));
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', date: false, formula: '' };
  let m = PLAIN.exec(t);
  if (m) return number(toNumber(m[1], m[2]!, m[3]));
  m = PERCENT.exec(t);
  if (m) return number(toNumber(m[1], m[2]!) / 100);
  m = CURRENCY.exec(t);
  if (m) return number(m[2] !== undefined ? toNumber(m[1], m[2]) : toNumber(m[3], m[4]!));
  const serial = dateTimeOf(t, locale);
  if (serial !== undefined) return { value: serial, date: true, formula: '' };
  return text(s);
}

/** Who writes: a script (setValues) or a person typing into the cell (tests only). */
export type Writer = 'script' | 'person';

/**
 * What a written value becomes in a cell of the given format.
 * - null, undefined and "" leave the cell empty; numbers and booleans are kept;
 *   a Date is stored as its serial number in the spreadsheet's zone
 *   ("The value can be numeric, string, boolean or date", spreadsheet/range#setValue(Object)).
 * - A string beginning with "=" is a formula ("If it begins with '=' it is
 *   interpreted as a formula", spreadsheet/range#setValue(Object);
 *   "If a value begins with =, it's interpreted as a formula",
 *   spreadsheet/range#setValues(Object)) — in a plain-text cell, per switch
 *   formulaInPlainText.
 * - In a plain-text cell ("@", sheets/api/guides/formats), a leading ' is
 *   dropped or kept per switch apostropheInPlainText, and the rest is kept as
 *   text or parsed per switch typedInPlainText.
 * - Elsewhere a person's typing is parsed (parseTyped); a script's per switch
 *   scriptParsing: parsed the same way, or kept as given.
 */
export function interpret(v: unknown, format: string, ss: FakeSpreadsheet, writer: Writer = 'script'): Stored {
  if (v === null || v === undefined || v === '') return BLANK;
  if (isDate(v)) return { value: ss.serialOfDate(v), date: true, formula: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, date: false, formula: '' };
  const s = String(v);
  const a = ss.assume;
  const plain = format === '@';
  if (s.startsWith('=') && s.length > 1) return plain && a.formulaInPlainText === 'text' ? text(s) : { value: '', date: false, formula: s };
  if (plain) {
    if (s.startsWith("'")) return text(a.apostropheInPlainText === 'dropped' ? s.slice(1) : s);
    if (a.typedInPlainText === 'text') return text(s);
    return parseTyped(s, ss.getSpreadsheetLocale());
  }
  if (writer === 'script' && a.scriptParsing === 'as given') return text(s);
  return parseTyped(s, ss.getSpreadsheetLocale());
}

// ---------------------------------------------------------------- rich text

/**
 * RichTextValue: "A stylized text string used to represent cell text"
 * (spreadsheet/rich-text-value); getText() answers that text.
 */
export class FakeRichTextValue implements Faked<GoogleAppsScript.Spreadsheet.RichTextValue, 'getText'> {
  constructor(readonly text: string) {}
  getText(): string {
    return this.text;
  }
}

/**
 * SpreadsheetApp.newRichTextValue() (spreadsheet/spreadsheet-app#newRichTextValue()):
 * setText "Sets the text for this value" (spreadsheet/rich-text-value-builder#setText(String)),
 * build() makes the value.
 */
export class FakeRichTextValueBuilder implements Faked<GoogleAppsScript.Spreadsheet.RichTextValueBuilder, 'setText' | 'build'> {
  private text = '';
  setText(text: string): this {
    this.text = text;
    return this;
  }
  build(): FakeRichTextValue {
    return new FakeRichTextValue(this.text);
  }
}

/**
 * A data-validation rule (spreadsheet/data-validation): getAllowInvalid() "Returns true if the
 * rule shows a warning when input fails data validation, or false if it rejects the input
 * entirely"; getHelpText() the rule's help text. Rules are kept, not enforced: the add-on
 * writes only values its rules allow.
 */
export class FakeDataValidation implements Faked<GoogleAppsScript.Spreadsheet.DataValidation, 'getAllowInvalid' | 'getHelpText'> {
  constructor(
    readonly list: readonly string[] | undefined,
    readonly showDropdown: boolean,
    readonly allowInvalid: boolean,
    readonly helpText: string,
    /** requireValueInRange: the range whose values are allowed (read when a value is checked, so the list is live). */
    readonly inRange?: FakeRange,
  ) {}
  /** Tests only: the values the dropdown offers now (a range's non-blank values, top to bottom). */
  allowed(): string[] {
    if (this.list) return [...this.list];
    return (this.inRange?.getValues() ?? []).flat().filter((v) => v !== '').map(String);
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
}

/**
 * SpreadsheetApp.newDataValidation() (spreadsheet/data-validation-builder): requireValueInList(values,
 * showDropdown) "Sets the data validation rule to require that the input is equal to one of the given
 * values" (dropdown shown by default); requireValueInRange(range, showDropdown) the same with "A range
 * that contains the acceptable values" (data-validation-builder#requireValueInRange(Range,Boolean)):
 * the rule keeps the range, so the values it allows are the range's values when a value is checked;
 * build() answers a detached rule.
 */
export class FakeDataValidationBuilder
  implements Faked<GoogleAppsScript.Spreadsheet.DataValidationBuilder, 'requireValueInList' | 'requireValueInRange' | 'setAllowInvalid' | 'setHelpText' | 'build'>
{
  private list: string[] | undefined;
  private range: FakeRange | undefined;
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): this {
    this.range = range as unknown as FakeRange;
    this.list = undefined;
    this.dropdown = showDropdown ?? true;
    return this;
  }
  private dropdown = true;
  // "The default for new data validation rules is true" (data-validation-builder#setAllowInvalid(Boolean)).
  private allowInvalid = true;
  private helpText = '';
  requireValueInList(values: string[], showDropdown?: boolean): this {
    this.list = [...values];
    this.range = undefined;
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
    return new FakeDataValidation(this.list, this.dropdown, this.allowInvalid, this.helpText, this.range);
  }
}

/**
 * Range.protect() "Creates an object that can protect the range from being edited except by users
 * who have permission" (spreadsheet/range#protect()); setWarningOnly(true): "every user can edit
 * data in the area, except editing prompts a warning asking the user to confirm the edit"
 * (spreadsheet/protection#setWarningOnly(Boolean)). Kept, not enforced.
 */
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
  | 'setNote'
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'setValues'
  | 'setValue'
  | 'setFormula'
  | 'setRichTextValue'
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
  | 'getSheet'
  | 'addDeveloperMetadata'
  | 'copyTo'
  | 'sort';

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
  /**
   * "Returns a new range that is relative to the current range, whose upper
   * left point is offset from the current range by the given rows and columns,
   * and with the given height and width in cells" (spreadsheet/range#offset(Integer,Integer,Integer,Integer)).
   */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return new FakeRange(this.sheet, this.row + rowOffset, this.col + columnOffset, numRows ?? this.rows, numColumns ?? this.cols);
  }
  /**
   * "The values may be of type Number, Boolean, Date, or String, depending on
   * the value of the cell. Empty cells are represented by an empty string"
   * (spreadsheet/range#getValues()). A formula cell answers its result, never
   * its formula (that is getFormulas); an array result spills down and right
   * into empty cells, which then read as those values. A date-time answers the
   * Date of its wall-clock time in the spreadsheet's zone; so does a number a
   * formula answers into a cell formatted as a date.
   */
  getValues(): unknown[][] {
    const spills = this.sheet.spills();
    // A number a formula answers, in a cell under a date format, reads as a date as a stored one does.
    const result = (v: unknown, c: Cell | undefined) => (typeof v === 'number' && c && isDateFormat(c.format) ? this.sheet.spreadsheet.dateOfSerial(v) : copyValue(v));
    return this.map((c, r, k) => {
      const key = `${r},${k}`;
      if (c?.formula) return result(spills.get(key) ?? '', c);
      if (c && c.value !== '') return readsAsDate(c) ? this.sheet.spreadsheet.dateOfSerial(c.value as number) : c.value;
      return spills.has(key) ? result(spills.get(key), c) : '';
    });
  }
  /** "Returns the value of the top-left cell in the range" (spreadsheet/range#getValue()). */
  getValue(): unknown {
    return this.getValues()[0]![0];
  }
  /**
   * "Returns a two-dimensional array of displayed values … The values are
   * String objects. The displayed value takes into account date, time and
   * currency formatting" (spreadsheet/range#getDisplayValues()): a number as its
   * format shows it, a date-time from its serial number, "" when empty. The
   * add-on never reads displayed values; only tests and the preview do.
   */
  getDisplayValues(): string[][] {
    const values = this.getValues();
    return this.map((c, r, k) => {
      const v = values[r - this.row]![k - this.col];
      if (c && !c.formula && readsAsDate(c)) return displayDate(c.value as number, c.format, this.sheet.spreadsheet.getSpreadsheetLocale());
      return display(v, c?.format ?? '');
    });
  }
  /**
   * "Returns the formulas (A1 notation) for the cells in the range. Entries in
   * the 2D array are empty strings for cells with no formula" (spreadsheet/range#getFormulas()).
   */
  getFormulas(): string[][] {
    return this.map((c) => c?.formula ?? '');
  }
  /**
   * "Sets a rectangular grid of values (must match dimensions of this range).
   * If a value begins with =, it's interpreted as a formula"
   * (spreadsheet/range#setValues(Object)); data of another size throws,
   * writing nothing. What each value becomes: interpret().
   */
  setValues(values: unknown[][]): this {
    this.checkSize(values);
    values.forEach((r, i) => r.forEach((v, j) => this.sheet.write(this.row + i, this.col + j, v)));
    return this;
  }
  private checkSize(values: unknown[][]): void {
    if (values.length !== this.rows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`);
    }
    for (const r of values) {
      if (r.length !== this.cols) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.cols}.`);
      }
    }
  }
  /**
   * "Sets the value of the range. The value can be numeric, string, boolean or
   * date. If it begins with '=' it is interpreted as a formula" (spreadsheet/range#setValue(Object)).
   */
  setValue(value: unknown): this {
    return this.setValues(Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => value)));
  }
  /** "Updates the formula for this range" (spreadsheet/range#setFormula(String)): a formula in every format. */
  setFormula(formula: string): this {
    this.map((_c, r, k) => Object.assign(this.sheet.touch(r, k), { value: '', date: false, formula: formula.startsWith('=') ? formula : `=${formula}` }));
    return this;
  }
  /**
   * "Sets the Rich Text value for the cells in the range"
   * (spreadsheet/range#setRichTextValue(RichTextValue)). A RichTextValue is
   * "A stylized text string used to represent cell text"
   * (spreadsheet/rich-text-value), and rich text "runs are only valid on user
   * entered strings, not formulas, bools, or numbers"
   * (sheets/api/reference/rest/v4/spreadsheets/cells#CellData, textFormatRuns):
   * the cell holds that text as it is, whatever its format.
   */
  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): this {
    const t = (value as unknown as FakeRichTextValue).text;
    this.map((_c, r, k) => Object.assign(this.sheet.touch(r, k), t === '' ? BLANK : text(t)));
    return this;
  }
  /**
   * A person typing `input` into every cell of the range (tests only: what the
   * add-on finds after a user edits the sheet). Typing follows the UI's rules,
   * documented as the Sheets API's USER_ENTERED (see parseTyped); the
   * plain-text switches apply as to a script.
   */
  type(input: string): this {
    this.map((_c, r, k) => this.sheet.write(r, k, input, 'person'));
    return this;
  }
  /**
   * "Sets the number or date format to the given formatting string. The
   * accepted format patterns are described in the Sheets API documentation"
   * (spreadsheet/range#setNumberFormat(String); sheets/api/guides/formats).
   * The cell keeps what it holds; the format decides how it reads (readsAsDate).
   */
  setNumberFormat(numberFormat: string): this {
    this.map((_c, r, k) => (this.sheet.touch(r, k).format = numberFormat));
    return this;
  }
  /** "Get the number or date formatting of the top-left cell" (spreadsheet/range#getNumberFormat()); "" here is automatic. */
  getNumberFormat(): string {
    return this.sheet.cell(this.row, this.col)?.format ?? '';
  }
  /** spreadsheet/range#getNumberFormats(). */
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
  /** setFontWeight, setBackground, setFontColor, setWrap (spreadsheet/range): styles, recorded for tests. */
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
  /**
   * setNote(note): "Sets the note to the given value" (spreadsheet/range#setNote(String)):
   * a note is shown on hover and is no part of the cell's value. Recorded by
   * A1 address for tests (no test moves a noted row).
   */
  setNote(note: string | null): this {
    this.sheet.notes.set(this.getA1Notation(), note ?? '');
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
  /**
   * addDeveloperMetadata(key, value): "Adds developer metadata with the
   * specified key and value to the range" (spreadsheet/range#addDeveloperMetadata(String,String));
   * metadata belongs to "rows, columns, sheets, or a spreadsheet"
   * (sheets/api/guides/metadata), so the range must be whole rows or whole
   * columns (one line here: that is all the add-on tags).
   */
  addDeveloperMetadata(key: string, value?: unknown): this {
    const wholeColumn = this.row === 1 && this.rows === this.sheet.maxRows && this.cols === 1;
    const wholeRow = this.col === 1 && this.cols === this.sheet.maxCols && this.rows === 1;
    if (!wholeColumn && !wholeRow) throw new Error('Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.');
    this.sheet.metadata.push(new FakeDeveloperMetadata(this.sheet, wholeColumn ? 'column' : 'row', wholeColumn ? this.col : this.row, key, typeof value === 'string' ? value : null));
    return this;
  }
  /**
   * copyTo(destination): "Copies the data from a range of cells to another
   * range of cells. Both the values and formatting are copied"
   * (spreadsheet/range#copyTo(Range)) — what a person's copy and paste does.
   * A formula's text is copied as it is (Sheets would shift its relative
   * references; no test copies a formula whose references matter).
   */
  copyTo(destination: GoogleAppsScript.Spreadsheet.Range): void {
    this.sheet.copyCells(this, destination as unknown as FakeRange);
  }
  /**
   * sort(sortSpecObj): "Sorts the cells in the given range, by column and
   * order specified" (spreadsheet/range#sort(Object)): a column number, or
   * {column, ascending}; whole rows of the range move together (a range as
   * wide as the sheet moves whole rows, as Data › Sort range does). Numbers
   * before text, text in code-point order, blanks last.
   */
  sort(sortSpecObj: unknown): this {
    const spec = typeof sortSpecObj === 'number' ? { column: sortSpecObj, ascending: true } : (sortSpecObj as { column: number; ascending?: boolean });
    if (this.col !== 1 || this.cols !== this.sheet.maxCols) throw new Error('FakeRange.sort: only ranges as wide as the sheet are modelled');
    const values = this.sheet.getRange(this.row, spec.column, this.rows, 1).getValues().map((r) => r[0]);
    const rank = (v: unknown) => (v === '' ? 2 : typeof v === 'number' ? 0 : 1);
    const order = values
      .map((v, i) => ({ v, r: this.row + i }))
      .sort((a, b) => {
        const ka = rank(a.v);
        const kb = rank(b.v);
        if (ka !== kb || ka === 2) return ka - kb || a.r - b.r;
        const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v) < String(b.v) ? -1 : String(a.v) > String(b.v) ? 1 : 0;
        return (spec.ascending === false ? -c : c) || a.r - b.r;
      })
      .map((x) => x.r);
    this.sheet.reorderRows(this.row, order);
    return this;
  }
}

/**
 * DeveloperMetadata (spreadsheet/developer-metadata): getKey() "Returns the
 * key", getValue() "Returns the value associated with this developer
 * metadata, or null if this metadata has no value", getLocation() "Returns
 * the location".
 */
export class FakeDeveloperMetadata implements Faked<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getKey' | 'getValue' | 'getLocation'> {
  constructor(
    readonly sheet: FakeSheet,
    readonly dim: 'row' | 'column',
    public at: number,
    readonly key: string,
    readonly value: string | null,
  ) {}
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this);
  }
}

/**
 * DeveloperMetadataLocation (spreadsheet/developer-metadata-location):
 * getColumn() "Returns the Range for the column location of this metadata,
 * or null if the location type is not DeveloperMetadataLocationType.COLUMN";
 * getRow() likewise.
 */
export class FakeDeveloperMetadataLocation implements Faked<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, 'getColumn' | 'getRow'> {
  constructor(private readonly m: FakeDeveloperMetadata) {}
  getColumn(): FakeRange | null {
    return this.m.dim === 'column' ? new FakeRange(this.m.sheet, 1, this.m.at, this.m.sheet.maxRows, 1) : null;
  }
  getRow(): FakeRange | null {
    return this.m.dim === 'row' ? new FakeRange(this.m.sheet, this.m.at, 1, 1, this.m.sheet.maxCols) : null;
  }
}

/**
 * DeveloperMetadataFinder (spreadsheet/developer-metadata-finder): withKey(key)
 * "Configures the search to only consider metadata that match the specified
 * key"; find() "Executes this search and returns the matching metadata".
 */
export class FakeDeveloperMetadataFinder implements Faked<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, 'withKey' | 'find'> {
  private key: string | undefined;
  constructor(private readonly sheet: FakeSheet) {}
  withKey(key: string): this {
    this.key = key;
    return this;
  }
  find(): FakeDeveloperMetadata[] {
    return this.sheet.metadata.filter((m) => this.key === undefined || m.key === this.key);
  }
}

const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * How Sheets shows a date-time serial under a format (the date and time
 * patterns of sheets/api/guides/formats#date_and_time_format_patterns: d dd
 * mmmm mm m yyyy yy hh h ss, "m" after "h" being minutes), from the serial
 * alone: what a cell shows does not depend on anyone's time zone.
 * ASSUMPTION, not checked against Google (display only; the add-on never reads
 * it): under "mmmm" a spreadsheet whose locale is Thai shows the Thai month and
 * the Buddhist-Era year ("1 ตุลาคม 2568"); Sheets may show the Common-Era year.
 * Automatic format: d/m/yyyy (m/d/yyyy in en_US), with H:mm:ss when there is a time.
 */
function displayDate(serial: number, format: string, locale: string): string {
  const c = civilOf(serial);
  const [y, mo, d, h, mi, se] = [c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), c.getUTCHours(), c.getUTCMinutes(), c.getUTCSeconds()];
  const thai = locale.startsWith('th');
  if (!isDateFormat(format)) {
    const day = serial >= 1 || serial < 0 ? (locale === 'en_US' ? `${mo}/${d}/${y}` : `${d}/${mo}/${y}`) : '';
    const time = serial % 1 !== 0 ? `${h}:${pad2(mi)}:${pad2(se)}` : '';
    return [day, time].filter(Boolean).join(' ');
  }
  let afterHour = false;
  return format.replace(/"([^"]*)"|yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s/gi, (t, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted;
    const k = t.toLowerCase();
    const minute = afterHour && (k === 'm' || k === 'mm');
    afterHour = k.startsWith('h');
    if (minute) return k === 'mm' ? pad2(mi) : String(mi);
    switch (k) {
      case 'yyyy':
        return String(thai && format.includes('mmmm') ? y + 543 : y);
      case 'yy':
        return pad2(y % 100);
      case 'mmmm':
        return thai ? THAI_MONTHS[mo - 1]! : new Date(Date.UTC(2000, mo - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
      case 'mmm':
        return new Date(Date.UTC(2000, mo - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      case 'mm':
        return pad2(mo);
      case 'm':
        return String(mo);
      case 'dd':
        return pad2(d);
      case 'd':
        return String(d);
      case 'hh':
        return pad2(h);
      case 'h':
        return String(h);
      case 'ss':
        return pad2(se);
      default:
        return String(se);
    }
  });
}

/**
 * How Sheets shows a value that is not a date-time: a number under "0.00" with
 * that many decimals (sheets/api/guides/formats#number_format_tokens),
 * otherwise as JavaScript writes it; TRUE/FALSE; text as it is.
 */
function display(v: unknown, format: string): string {
  if (v === '' || v === null || v === undefined) return '';
  if (isDate(v)) return v.toISOString();
  if (typeof v === 'number') {
    const m = /^0(?:\.(0+))?$/.exec(format);
    if (m) return v.toFixed(m[1]?.length ?? 0);
    // "%: Multiplies the number by 100 and shows it as a percentage" (sheets/api/guides/formats, number format tokens).
    const pct = /^0(?:\.(0+))?%$/.exec(format);
    return pct ? `${(v * 100).toFixed(pct[1]?.length ?? 0)}%` : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * The few of Sheets' own functions the tests type as a person would, to have
 * array results in a sheet: SEQUENCE(rows, [columns]) "returns an array of
 * sequential numbers, such as 1, 2, 3, 4 … If columns is omitted, the
 * resulting array will be a vertical list" (support.google.com/docs/answer/9368244);
 * ARRAYFORMULA(x) "Enables the display of values returned from an array
 * formula into multiple rows and/or columns" (support.google.com/docs/answer/3093275);
 * IF(SEQUENCE(…), "text") gives "text" in every place of the array (an array
 * of "" is how a person hides an array formula's output). Anything else is for
 * the harness's evaluator (the add-on's functions). undefined: not one of these.
 */
function sheetsFunction(formula: string): unknown {
  let f = formula.trim().replace(/^=\s*/, '');
  for (let m = /^ARRAYFORMULA\s*\((.*)\)$/is.exec(f); m; m = /^ARRAYFORMULA\s*\((.*)\)$/is.exec(f)) f = m[1]!.trim();
  const seq = (t: string) => {
    const m = /^SEQUENCE\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/i.exec(t.trim());
    if (!m) return undefined;
    const [rows, cols] = [Number(m[1]), Number(m[2] ?? 1)];
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => i * cols + j + 1));
  };
  let out: unknown[][] | undefined = seq(f);
  const cond = /^IF\s*\((.*),\s*"([^"]*)"\s*\)$/is.exec(f);
  if (!out && cond) out = seq(cond[1]!)?.map((r) => r.map(() => cond[2]!));
  if (!out) return undefined;
  return out.length === 1 && out[0]!.length === 1 ? out[0]![0] : out;
}

/**
 * The results of a pass of a sheet's formulas, over the last pass's: a read of
 * a key this pass has not computed answers the last pass's value, and marks
 * the pass stale when it is a formula's cell or an array's (so a later pass runs).
 */
class Layered extends Map<string, unknown> {
  stale = false;
  constructor(
    private readonly prev: Map<string, unknown>,
    private readonly isFormula: (key: string) => boolean,
  ) {
    super();
  }
  private miss(key: string): void {
    if (this.isFormula(key) || this.prev.has(key)) this.stale = true;
  }
  override get(key: string): unknown {
    if (super.has(key)) return super.get(key);
    this.miss(key);
    return this.prev.get(key);
  }
  override has(key: string): boolean {
    if (super.has(key)) return true;
    this.miss(key);
    return this.prev.has(key);
  }
  own(): Map<string, unknown> {
    return new Map(super.entries());
  }
}

const sameValues = (a: Map<string, unknown>, b: Map<string, unknown>): boolean =>
  a.size === b.size && [...a].every(([k, v]) => b.has(k) && (b.get(k) === v || (Number.isNaN(v) && Number.isNaN(b.get(k)))));

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
  | 'deleteRows'
  | 'deleteColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'createDeveloperMetadataFinder'
  | 'setColumnWidth'
  | 'getSheetId'
  | 'newChart'
  | 'insertChart'
  | 'getCharts';

/**
 * Sheet: a grid of getMaxRows() × getMaxColumns() cells ("the current number
 * of rows in the sheet, regardless of content", spreadsheet/sheet#getMaxRows());
 * a new sheet here has 1000 × 26, as a new sheet in Sheets has (a default the
 * add-on never relies on: it asks getMaxRows). getLastRow/getLastColumn are
 * "the position of the last row/column that has content" (0 when empty,
 * spreadsheet/sheet#getLastRow()); getDataRange is "functionally equivalent to
 * creating a Range bounded by A1 and (Sheet.getLastColumn(), Sheet.getLastRow())"
 * (spreadsheet/sheet#getDataRange()). A range past the sheet's edge throws.
 */
export class FakeSheet implements Faked<SheetT, SheetMethods> {
  private readonly cells = new Map<string, Cell>();
  readonly styles: Record<string, unknown>[] = [];
  /** Notes by A1 address (setNote). */
  readonly notes = new Map<string, string>();
  readonly protections: FakeProtection[] = [];
  /** Charts inserted (insertChart), in order. */
  readonly charts: FakeEmbeddedChart[] = [];
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
    this.spreadsheet.changed();
    let cell = this.cells.get(this.key(r, c));
    if (!cell) this.cells.set(this.key(r, c), (cell = { value: '', date: false, formula: '', format: '' }));
    return cell;
  }
  /** Writes one value as a script (setValues) or a person would (interpret). */
  write(r: number, c: number, v: unknown, writer: Writer = 'script'): void {
    const cell = this.touch(r, c);
    Object.assign(cell, interpret(v, cell.format, this.spreadsheet, writer));
  }
  private computing: Map<string, unknown> | undefined;
  /**
   * The results of every formula, by "row,col", array results spilled.
   * Formulas are computed left to right, then top to bottom, so a formula may
   * read the results of formulas in columns to its left (as ours do).
   *
   * An array result is "displayed … into multiple rows and/or columns"
   * (support.google.com/docs/answer/3093275, ARRAYFORMULA: "Many array
   * formulas will be automatically expanded into neighboring cells"); where a
   * cell it would cover holds something (a value or a formula), or another
   * array's result, or lies past the sheet's edge, it is not expanded and the
   * formula's own cell shows #REF! — Sheets' note on it reads "Array result
   * was not expanded because it would overwrite data in B608" (quoted from
   * Sheets in github.com/googleapis/google-api-go-client/issues/1041).
   */
  spills(): Map<string, unknown> {
    if (this.computing) return this.computing;
    // One computation of a sheet serves every read of it made while another formula computes (nothing is
    // written meanwhile): a dashboard's many formulas over one units sheet compute that sheet once.
    const ss = this.spreadsheet;
    if (this.results?.version === ss.version) return this.results.out;
    const cached = ss.computing?.get(this);
    if (cached) return cached;
    const outer = !ss.computing;
    if (outer) ss.computing = new Map();
    const memo = ss.computing!;
    try {
      // Sheets computes a formula after those it reads. Here formulas run column by column, and a
      // formula that read a formula cell not yet computed (later in that order) runs again with the
      // last pass's results, until nothing changes.
      let prev = new Map<string, unknown>();
      for (let pass = 0; ; pass++) {
        const layer = new Layered(prev, (key) => this.hasFormulaAt(key));
        this.computing = layer;
        try {
          this.computeInto(layer);
        } finally {
          this.computing = undefined;
        }
        const out = layer.own();
        if (!layer.stale || pass >= 8 || sameValues(out, prev)) {
          memo.set(this, out);
          // Kept until the next change, unless another sheet was still computing (this may have read its partial results).
          if (outer) this.results = { version: ss.version, out };
          return out;
        }
        prev = out;
      }
    } finally {
      if (outer) ss.computing = undefined;
    }
  }
  /** The last complete results and the spreadsheet's version they were computed at. */
  private results: { version: number; out: Map<string, unknown> } | undefined;
  private hasFormulaAt(key: string): boolean {
    return !!this.cells.get(key)?.formula;
  }
  /** Cells covered by an array result (not the formula's own cell), for the spill check. */
  private spilled = new Set<string>();
  private computeInto(out: Map<string, unknown>): void {
    const formulas = [...this.cells]
      .filter(([, c]) => c.formula)
      .map(([key]) => key.split(',').map(Number) as [number, number])
      .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const covered = new Set<string>();
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
      const rows = v as unknown[][];
      const targets: [string, unknown][] = [];
      let blocked = false;
      rows.forEach((row, i) =>
        row.forEach((x, j) => {
          const k = this.key(fr + i, fc + j);
          if (i || j) {
            const there = this.cells.get(k);
            if ((there && this.hasContent(there)) || covered.has(k) || fr + i > this.maxRows || fc + j > this.maxCols) blocked = true;
          }
          targets.push([k, x]);
        }),
      );
      if (blocked) {
        out.set(key, '#REF!');
        continue;
      }
      for (const [k, x] of targets) {
        out.set(k, x);
        if (k !== key) covered.add(k);
      }
    }
    this.spilled = covered;
  }
  /** Tests only: the cells an array result covers now (not the formulas' own cells), as "row,col". */
  spillCells(): Set<string> {
    this.spills();
    return new Set(this.spilled);
  }
  private hasContent(cell: Cell): boolean {
    return cell.value !== '' || cell.formula !== '';
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.spreadsheet.changed();
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
  /**
   * A1 notation: "B2", "A1:C3", and open-ended "B2:B" or "A:C": "Sheet1!A:A
   * refers to all the cells in the first column" (sheets/api/guides/concepts#cell;
   * spreadsheet/sheet#getRange(String)).
   */
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
  /** "Freezes the given number of rows. If zero, no rows are frozen" (spreadsheet/sheet#setFrozenRows(Integer)). */
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  /** Moves every cell to where `to` sends it (undefined: the cell is dropped). */
  private moveCells(to: (r: number, c: number) => [number, number] | undefined): void {
    this.spreadsheet.changed();
    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const dest = to(r, c);
      if (dest) moved.set(this.key(...dest), cell);
    }
    this.cells.clear();
    for (const [k, v] of moved) this.cells.set(k, v);
  }
  /**
   * Moves rows or columns: `dim` "row" or "column", from position `at`
   * (1-based) on, by `delta` (negative: the -delta lines from `at` are
   * deleted). The sheet grows or shrinks by |delta|; named ranges and
   * developer metadata on the sheet follow (see their notes).
   */
  private shift(dim: 'row' | 'column', at: number, delta: number): void {
    this.spreadsheet.changed();
    const gone = (x: number) => delta < 0 && x >= at && x < at - delta;
    const moved = (x: number) => (x >= at ? x + delta : x);
    this.moveCells((r, c) => {
      const x = dim === 'row' ? r : c;
      if (gone(x)) return undefined;
      return dim === 'row' ? [moved(r), c] : [r, moved(c)];
    });
    if (dim === 'row') this.maxRows += delta;
    else this.maxCols += delta;
    this.spreadsheet.shiftNamed(this, dim, at, delta);
    for (const m of [...this.metadata]) {
      if (m.dim !== dim) continue;
      if (gone(m.at)) this.metadata.splice(this.metadata.indexOf(m), 1);
      else m.at = moved(m.at);
    }
  }
  private checkLines(dim: 'row' | 'column', position: number, howMany: number): void {
    const max = dim === 'row' ? this.maxRows : this.maxCols;
    if (position < 1 || howMany < 1 || position + howMany - 1 > max) throw new Error(`Those ${dim}s are out of bounds.`);
    if (howMany >= max) throw new Error(`You can't delete all the ${dim}s on the sheet.`);
  }
  /**
   * "Deletes the row at the given row position" (spreadsheet/sheet#deleteRow(Integer)):
   * the rows below move up one and the sheet has one row fewer.
   */
  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  /** "Deletes a number of rows starting at the given row position" (spreadsheet/sheet#deleteRows(Integer,Integer)). */
  deleteRows(rowPosition: number, howMany: number): this {
    this.checkLines('row', rowPosition, howMany);
    this.shift('row', rowPosition, -howMany);
    return this;
  }
  /** "Deletes a number of columns starting at the given column position" (spreadsheet/sheet#deleteColumns(Integer,Integer)). */
  deleteColumns(columnPosition: number, howMany: number): this {
    this.checkLines('column', columnPosition, howMany);
    this.shift('column', columnPosition, -howMany);
    return this;
  }
  /** "Inserts a given number of columns after the given column position" (spreadsheet/sheet#insertColumnsAfter(Integer,Integer)): cells to the right move right. */
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.shift('column', afterPosition + 1, howMany);
    return this;
  }
  /** "Inserts a number of columns before the given column position" (spreadsheet/sheet#insertColumnsBefore(Integer,Integer)). */
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.shift('column', beforePosition, howMany);
    return this;
  }
  /** "Inserts a number of rows after the given row position" (spreadsheet/sheet#insertRowsAfter(Integer,Integer)): the sheet grows by that many rows. */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.shift('row', afterPosition + 1, howMany);
    return this;
  }
  /** "Inserts a number of rows before the given row position" (spreadsheet/sheet#insertRowsBefore(Integer,Integer)). */
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.shift('row', beforePosition, howMany);
    return this;
  }
  /**
   * Developer metadata on whole rows or columns of this sheet: "if developer
   * metadata is associated with row 5 and another row is then subsequently
   * inserted above row 5, that original metadata is still associated with the
   * row it was first associated with (what is now row 6). If the associated
   * object is deleted then its metadata is deleted too"
   * (sheets/api/reference/rest/v4/spreadsheets.developerMetadata). Moving or
   * sorting is not modelled (no test does either to a tagged line).
   */
  readonly metadata: FakeDeveloperMetadata[] = [];
  /**
   * createDeveloperMetadataFinder(): "Returns a DeveloperMetadataFinder for
   * finding developer metadata within the scope of this sheet"
   * (spreadsheet/sheet#createDeveloperMetadataFinder()).
   */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(this);
  }
  /** Tests only: every cell as stored (value, date flag, formula), by "row,col"; formats left out. */
  rawCells(): Map<string, { value: number | string | boolean; formula: string }> {
    const out = new Map<string, { value: number | string | boolean; formula: string }>();
    for (const [k, c] of this.cells) if (this.hasContent(c)) out.set(k, { value: c.value, formula: c.formula });
    return out;
  }
  /** Tests only: a person copying row `from` and pasting it over row `to` (see FakeRange.copyTo). */
  copyRow(from: number, to: number): void {
    const width = this.maxCols;
    this.copyCells(this.getRange(from, 1, 1, width), this.getRange(to, 1, 1, width));
  }
  /** Copies cells as Range.copyTo does (formula text kept as it is; see there). */
  copyCells(from: FakeRange, to: FakeRange): void {
    const cells: (Cell | undefined)[][] = [];
    for (let i = 0; i < from.rows; i++) {
      cells.push([]);
      for (let j = 0; j < from.cols; j++) {
        const c = this.cell(from.row + i, from.col + j);
        cells[i]!.push(c && { ...c });
      }
    }
    cells.forEach((row, i) =>
      row.forEach((c, j) => {
        const dest = to.sheet.touch(to.row + i, to.col + j);
        Object.assign(dest, c ?? { value: '', date: false, formula: '', format: '' });
      }),
    );
  }
  /** Reorders rows: row `order[i]` (1-based, from `top`) goes to row top + i; every cell of the row moves with it. */
  reorderRows(top: number, order: readonly number[]): void {
    const dest = new Map(order.map((r, i) => [r, top + i]));
    this.moveCells((r, c) => [dest.get(r) ?? r, c]);
  }
  /** Images placed over the grid, for the self-check's chart (tests look at them). */
  readonly images: { blob: unknown; column: number; row: number }[] = [];
  /**
   * insertImage(blobSource, column, row): "Inserts a BlobSource as an image in
   * the document at a given row and column" (spreadsheet/sheet#insertImage(BlobSource,Integer,Integer)).
   */
  insertImage(blobSource: unknown, column: number, row: number): object {
    this.images.push({ blob: blobSource, column, row });
    return {};
  }
  /** "Sets the width of the given column in pixels" (spreadsheet/sheet#setColumnWidth(Integer,Integer)); not kept. */
  setColumnWidth(_columnPosition: number, _width: number): this {
    return this;
  }
  /** Tests only: two rows trade places, every cell as it is (a person sorting the sheet). */
  swapRows(a: number, b: number): void {
    this.moveCells((r, c) => [r === a ? b : r === b ? a : r, c]);
  }
  /** Tests only: grows the sheet as a person adding rows at the bottom does. */
  ensureSize(rows: number, cols: number): void {
    this.spreadsheet.changed();
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxCols = Math.max(this.maxCols, cols);
  }
  /** "Returns a builder to create a new chart for this sheet" (spreadsheet/sheet#newChart()). */
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this);
  }
  /**
   * "Adds a new chart to this sheet" (spreadsheet/sheet#insertChart(EmbeddedChart)); a chart
   * built for another sheet's ranges is still inserted here (the reference does not refuse it).
   */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.charts.push(chart as unknown as FakeEmbeddedChart);
  }
  /** "Returns an array of charts on this sheet" (spreadsheet/sheet#getCharts()). */
  getCharts(): FakeEmbeddedChart[] {
    return [...this.charts];
  }
  /** Tests only: a copy of this sheet (cells, size, frozen rows, metadata) belonging to `ss`. */
  copyFor(ss: FakeSpreadsheet): FakeSheet {
    const copy = new FakeSheet(this.name, ss, this.id);
    for (const [k, c] of this.cells) copy.cells.set(k, { ...c });
    copy.maxRows = this.maxRows;
    copy.maxCols = this.maxCols;
    copy.frozenRows = this.frozenRows;
    for (const m of this.metadata) copy.metadata.push(new FakeDeveloperMetadata(copy, m.dim, m.at, m.key, m.value));
    copy.charts.push(...this.charts);
    return copy;
  }
  /** Plain snapshot for /__sheets and tests: displayed values and formulas. */
  snapshot(): { name: string; values: string[][]; formulas: string[][] } {
    const r = this.getDataRange();
    return { name: this.name, values: r.getDisplayValues(), formulas: r.getFormulas() };
  }
}

type SpreadsheetMethods =
  | 'getSheetByName'
  | 'insertSheet'
  | 'getSheets'
  | 'getName'
  | 'getId'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getRangeByName'
  | 'setNamedRange'
  | 'removeNamedRange'
  | 'deleteSheet'
  | 'toast';

/**
 * Spreadsheet: named sheets; insertSheet(name, index) "Inserts a new sheet
 * into the spreadsheet with the given name at the given index"
 * (spreadsheet/spreadsheet#insertSheet(String,Integer)), 0-based, last by
 * default, and throws when the name is taken; toast() "Shows a popup window in
 * the lower right corner" (spreadsheet/spreadsheet#toast(String,String,Number)),
 * recorded here. It has its own time zone (default Asia/Bangkok, any IANA name:
 * tests use others to prove the code uses it, not the process's) and locale
 * (default th_TH).
 */
export class FakeSpreadsheet implements Faked<SS, SpreadsheetMethods> {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { msg: string; title: string }[] = [];
  private nextId = 0;
  private evaluatorFn: FormulaEvaluator | undefined;
  get evaluator(): FormulaEvaluator | undefined {
    return this.evaluatorFn;
  }
  set evaluator(f: FormulaEvaluator | undefined) {
    this.evaluatorFn = f;
    this.changed();
  }
  /** Bumped by every change of what a formula could read: results computed at another version are computed again. */
  version = 0;
  changed(): void {
    this.version++;
  }
  /** While a formula computes: each sheet's results computed so far (see FakeSheet.spills). */
  computing: Map<FakeSheet, Map<string, unknown>> | undefined;
  /** The variant of each undocumented behaviour this spreadsheet plays (loadBundle sets the harness's). */
  assume: Required<Variants> = resolve();
  constructor(
    private readonly name = 'สมุดงาน ITA',
    private timeZone = 'Asia/Bangkok',
    private readonly locale = 'th_TH',
  ) {}
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  // Google overloads insertSheet; the typed signature (the last overload) takes options.
  insertSheet(sheetName?: string, sheetIndex?: number | { template?: unknown }): FakeSheet {
    this.changed();
    const name = sheetName ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(name, this, this.nextId++);
    sheet.maxRows = this.newSheetSize.rows;
    sheet.maxCols = this.newSheetSize.cols;
    this.sheets.splice(typeof sheetIndex === 'number' ? sheetIndex : this.sheets.length, 0, sheet);
    return sheet;
  }
  /** "Deletes the specified sheet" (spreadsheet/spreadsheet#deleteSheet(Sheet)); its named ranges go with it. */
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    this.changed();
    const i = this.sheets.indexOf(sheet as unknown as FakeSheet);
    if (i < 0) throw new Error('Sheet not found.');
    if (this.sheets.length === 1) throw new Error('You can\'t remove all the sheets in a document.');
    this.sheets.splice(i, 1);
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
  /**
   * "Gets the time zone for the spreadsheet … specified in "long" format (for
   * example, "America/New_York")" (spreadsheet/spreadsheet#getSpreadsheetTimeZone()).
   */
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  /**
   * "Sets the time zone for the spreadsheet" (spreadsheet/spreadsheet#setSpreadsheetTimeZone(String)).
   * What cells hold does not change: their serial numbers stay, so the moments
   * their dates answer move.
   */
  setSpreadsheetTimeZone(timezone: string): void {
    this.changed();
    this.timeZone = timezone;
  }
  /** "Gets the spreadsheet locale", e.g. "th_TH" (spreadsheet/spreadsheet#getSpreadsheetLocale()). */
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  /** The serial number a Date is stored as: its wall-clock time in the spreadsheet's zone (see EPOCH). */
  serialOfDate(date: Date): number {
    return (wallClock(date.getTime(), this.timeZone) - EPOCH) / DAY_MS;
  }
  /** The Date getValues answers for a serial number: that wall-clock time in the spreadsheet's zone. */
  dateOfSerial(serial: number): Date {
    return new Date(momentOf(EPOCH + Math.round(serial * DAY_MS), this.timeZone));
  }
  private readonly named = new Map<string, { sheet: FakeSheet; row: number; col: number; rows: number; cols: number; wholeColumns: boolean }>();
  /**
   * A named range: getRangeByName answers it, "or null if no range with the
   * given name is found" (spreadsheet/spreadsheet#getRangeByName(String)). One
   * made from whole columns ("A:R", which "refers to all the cells" of those
   * columns, sheets/api/guides/concepts#cell) keeps covering every row as the
   * sheet grows; other named ranges keep their size. That a *named* whole-column
   * range grows is not stated anywhere: the self-check tries it.
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
  /**
   * Lines inserted before a named range shift it; inserted inside, widen it;
   * deleted, shrink it — as a reference to those cells moves with them (Google
   * documents no more: spreadsheet/named-range only answers getRange(); the
   * add-on re-checks the range at set-up and reads by sheet name when the
   * named range lacks a column). A range of whole columns ("A:R" "refers to all
   * the cells" of those columns, sheets/api/guides/concepts#cell) keeps covering
   * every row as rows are inserted or deleted; that it grows is tried by the
   * self-check (README).
   */
  shiftNamed(sheet: FakeSheet, dim: 'row' | 'column', at: number, delta: number): void {
    for (const n of this.named.values()) {
      if (n.sheet !== sheet || (dim === 'row' && n.wholeColumns)) continue;
      const [start, size] = dim === 'row' ? [n.row, n.rows] : [n.col, n.cols];
      const end = start + size - 1;
      let [s2, e2] = [start, end];
      if (delta > 0) {
        if (at <= start) [s2, e2] = [start + delta, end + delta];
        else if (at <= end) e2 = end + delta;
      } else {
        const last = at - delta - 1;
        const cut = (x: number) => (x < at ? x : x > last ? x + delta : at);
        s2 = cut(start);
        e2 = end < at ? end : end > last ? end + delta : at - 1;
        if (e2 < s2) e2 = s2; // the whole range deleted: left one line wide (Sheets shows #REF!; no test does this)
      }
      if (dim === 'row') [n.row, n.rows] = [s2, e2 - s2 + 1];
      else [n.col, n.cols] = [s2, e2 - s2 + 1];
    }
  }
  evaluate(formula: string, sheet: FakeSheet, row: number, col: number): unknown {
    const own = sheetsFunction(formula);
    if (own !== undefined) return own;
    return this.evaluator ? this.evaluator(formula, sheet, row, col) : '';
  }
  /** Rows and columns of a sheet insertSheet makes (tests make small sheets to stay fast). */
  newSheetSize: { rows: number; cols: number } = { rows: 1000, cols: 26 };
  /** Tests only: everything the spreadsheet holds (sheets, named ranges), to put back with restore(). */
  save(): { sheets: FakeSheet[]; named: [string, { sheet: number; row: number; col: number; rows: number; cols: number; wholeColumns: boolean }][]; nextId: number } {
    return {
      sheets: this.sheets.map((s) => s.copyFor(this)),
      named: [...this.named].map(([k, n]) => [k, { ...n, sheet: this.sheets.indexOf(n.sheet) }]),
      nextId: this.nextId,
    };
  }
  /** Tests only: puts back what save() answered (this object stays the one the add-on holds). */
  restore(state: ReturnType<FakeSpreadsheet['save']>): void {
    this.changed();
    this.sheets.splice(0, this.sheets.length, ...state.sheets.map((s) => s.copyFor(this)));
    this.named.clear();
    for (const [k, n] of state.named) this.named.set(k, { ...n, sheet: this.sheets[n.sheet]! });
    this.nextId = state.nextId;
    this.toasts.length = 0;
  }
  /** Loads sheets of values, as in examples/*.json, typed in by a person. */
  static from(workbook: { sheets: readonly { name: string; values: readonly (readonly unknown[])[] }[] }): FakeSpreadsheet {
    const ss = new FakeSpreadsheet();
    for (const s of workbook.sheets) {
      const sheet = ss.insertSheet(s.name);
      const width = Math.max(1, ...s.values.map((r) => r.length));
      sheet.ensureSize(Math.max(1000, s.values.length), Math.max(26, width));
      s.values.forEach((r, i) => r.forEach((v, j) => sheet.write(i + 1, j + 1, v, 'person')));
    }
    return ss;
  }
}

// ---------------------------------------------------------------- charts

/**
 * Sheet.newChart() (spreadsheet/embedded-chart-builder): a builder for a chart embedded in the
 * sheet. asColumnChart()/asBarChart() "Sets the chart type to ColumnChart/BarChart and returns" the
 * type's builder (the same builder here, its type changed); addRange(range) "Adds a range to the chart
 * this builder modifies"; setOption(option, value) "Sets advanced options for this chart" (Google
 * Charts' configuration options, e.g. title, legend); setPosition(anchorRowPos, anchorColPos, offsetX,
 * offsetY) "Sets the position, changing where the chart appears on the sheet" (1-based row and column
 * of the top-left anchor, offsets in pixels, container-info); build() "Builds the chart to reflect all
 * changes made to it" — it "does not automatically draw the chart on top of the spreadsheet. A new
 * chart must be inserted via sheet.insertChart(chart)" (embedded-chart-builder#build()).
 */
export class FakeEmbeddedChartBuilder
  implements Faked<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, 'asColumnChart' | 'asBarChart' | 'asPieChart' | 'addRange' | 'setOption' | 'setPosition' | 'build'>
{
  private type = 'COLUMN';
  private readonly ranges: FakeRange[] = [];
  private readonly options = new Map<string, unknown>();
  private position = { row: 1, col: 1, offsetX: 0, offsetY: 0 };
  constructor(readonly sheet: FakeSheet) {}
  asColumnChart(): this {
    this.type = 'COLUMN';
    return this;
  }
  asBarChart(): this {
    this.type = 'BAR';
    return this;
  }
  asPieChart(): this {
    this.type = 'PIE';
    return this;
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    this.ranges.push(range as unknown as FakeRange);
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.options.set(option, value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this.type, [...this.ranges], new Map(this.options), { ...this.position });
  }
}

/**
 * EmbeddedChart (spreadsheet/embedded-chart): getRanges() "Returns the ranges that this chart uses as
 * a data source" — ranges, not values, so the chart follows the cells as they change; getOptions()
 * "Returns the options for this chart" (chart-options#get(String)); getContainerInfo() the anchor
 * (container-info: getAnchorRow, getAnchorColumn, getOffsetX, getOffsetY).
 */
export class FakeEmbeddedChart implements Faked<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getRanges' | 'getOptions' | 'getContainerInfo'> {
  constructor(
    readonly type: string,
    private readonly ranges: FakeRange[],
    private readonly options: Map<string, unknown>,
    private readonly position: { row: number; col: number; offsetX: number; offsetY: number },
  ) {}
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  getOptions(): { get(option: string): unknown } {
    return { get: (option: string) => this.options.get(option) ?? null };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.col, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
}
