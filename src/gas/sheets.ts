import { itaError, type Bilingual } from '../core/errors';
import { fiscalYearOf, fromThaiDigits } from '../core/thai';
import { SHEET } from '../core/workbook';
import { today } from './time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The busy message when another person is writing. */
export const BUSY: Bilingual = {
  th: 'มีผู้อื่นกำลังบันทึกข้อมูลในสมุดงานนี้อยู่ กรุณารอสักครู่แล้วลองอีกครั้ง ข้อมูลที่กรอกยังอยู่ครบ',
  en: 'Someone else is saving to this workbook; wait a moment and try again. Nothing you typed is lost.',
};

/** A thrown error meaning "could not get the document lock". */
export function busyError(): Error {
  return itaError(BUSY);
}

/**
 * Runs `f` holding the document lock (every write does), waiting up to 10 s for
 * it; throws the busy error when another execution keeps it longer. Pending
 * changes are flushed before the lock goes. A failing flush or release is not
 * the write's failure: what was written was read back already (writeLiterally),
 * and "the lock is automatically released when the script terminates"
 * (reference/lock/lock#releaseLock()).
 */
export function withDocumentLock<T>(f: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw busyError();
  try {
    const result = f();
    try {
      SpreadsheetApp.flush();
    } catch {
      // applied when the execution ends; the read-back saw it
    }
    return result;
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // released when the execution ends
    }
  }
}

/** A sheet of the active spreadsheet by name, or null. */
export function sheetNamed(name: string): Sheet | null {
  return SpreadsheetApp.getActive().getSheetByName(name);
}

/** All values of a sheet, header first (one read). */
export function readAll(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/** The signed-in user's address, or "" when Google withholds it. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/**
 * A fiscal year as a person types it in the settings: 2569, "๒๕๖๙",
 * "พ.ศ. 2569", "ปีงบประมาณ ๒๕๖๙"; a Common-Era year (2026) is taken as its
 * Buddhist-Era one. undefined when the cell holds no such year.
 */
export function readFiscalYear(v: unknown): number | undefined {
  const text = fromThaiDigits(typeof v === 'number' ? String(v) : String(v ?? '')).replace(/ปีงบประมาณ|พ\.?\s*ศ\.?|ค\.?\s*ศ\.?|\s/g, '');
  if (!/^\d{4}(\.0+)?$/.test(text)) return undefined;
  const n = Math.trunc(Number(text));
  if (n >= 2500 && n <= 2700) return n;
  if (n >= 1957 && n <= 2157) return n + 543;
  return undefined;
}

/** The settings' fiscal year (typed in Thai or Arabic digits, B.E. or C.E.), else the current one. */
export function settingsYear(): number {
  const sheet = sheetNamed(SHEET.settings);
  if (sheet) {
    for (const [key, value] of readAll(sheet)) {
      if (String(key).trim() !== 'ปีงบประมาณ') continue;
      const year = readFiscalYear(value);
      if (year !== undefined) return year;
    }
  }
  return fiscalYearOf(today());
}

/**
 * Strings never handed to setValues: "=" starts a formula (documented:
 * reference/spreadsheet/range#setValue(Object), "If it begins with '=' it is
 * interpreted as a formula"); a leading ' is a quote prefix when typed
 * (Sheets API ExtendedValue.stringValue: "Leading single quotes are not
 * included") and may or may not be kept in a plain-text cell; "+", "-" and "@"
 * start what Sheets may take for a formula. Written as Rich Text at once, they
 * never exist as a formula, not even for a moment.
 */
const FORMULA_LIKE = /^[=+\-@']/;

/**
 * Writes a grid so that every string in it is stored as exactly that text:
 * never a formula, a number, a date or a boolean, whatever the cell's format
 * and however Sheets parses what a script writes. `isFormula(r, c)` marks the
 * strings that are formulas to write as such (a user's own formula, kept).
 *
 * The mechanism that rests on Google's reference is Rich Text: a RichTextValue
 * is "a stylized text string used to represent cell text"
 * (reference/spreadsheet/rich-text-value), Range.setRichTextValue sets it
 * (reference/spreadsheet/range#setRichTextValue(RichTextValue)), and rich text
 * "runs are only valid on user entered strings, not formulas, bools, or
 * numbers" (Sheets API CellData.textFormatRuns). It costs calls per cell, so:
 * 1. one setValues with every value, formula-like strings left blank;
 * 2. one getValues to see what Sheets stored (the add-on's text columns are
 *    plain text, "@", where strings are expected to stay as given);
 * 3. setRichTextValue on each formula-like string and on each string that
 *    did not come back as given (offset + newRichTextValue + setRichTextValue).
 * Calls: setValues and getValues when nothing needs Rich Text; three more
 * (offset, newRichTextValue, setRichTextValue) per string that does. Answers
 * what the cells hold afterwards, as getValues would.
 */
export function writeLiterally(range: Range, rows: readonly (readonly unknown[])[], isFormula: (r: number, c: number) => boolean = () => false): unknown[][] {
  const literal = (r: number, c: number, v: unknown): v is string => typeof v === 'string' && v !== '' && !isFormula(r, c);
  const first = rows.map((row, r) => row.map((v, c) => (literal(r, c, v) && FORMULA_LIKE.test(v) ? '' : v)));
  range.setValues(first);
  const back = range.getValues();
  const repair: [number, number, string][] = [];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (literal(r, c, v) && (first[r]![c] === '' || back[r]?.[c] !== v)) repair.push([r, c, v]);
    }),
  );
  for (const [r, c, text] of repair) {
    range.offset(r, c, 1, 1).setRichTextValue(SpreadsheetApp.newRichTextValue().setText(text).build());
    back[r]![c] = text;
  }
  return back;
}
