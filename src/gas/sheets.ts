import { itaError, type Bilingual } from '../core/errors';
import { fiscalYearOf } from '../core/thai';
import { SHEET } from '../core/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
 * it; throws the busy error when another execution keeps it longer.
 */
export function withDocumentLock<T>(f: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw busyError();
  try {
    const result = f();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
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

/** The settings' fiscal year, else the current one. */
export function settingsYear(): number {
  const sheet = sheetNamed(SHEET.settings);
  if (sheet) {
    for (const [key, value] of readAll(sheet)) {
      const n = Number(value);
      if (String(key).trim() === 'ปีงบประมาณ' && Number.isInteger(n) && n > 2500) return n;
    }
  }
  return fiscalYearOf(new Date());
}

/**
 * The scores sheet by fiscal year: indicators 1–10 (NaN where a cell is blank
 * or not a score), columns found by header name.
 */
export function readScores(): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const sheet = sheetNamed(SHEET.scores);
  if (!sheet) return out;
  const [header = [], ...rows] = readAll(sheet);
  const names = header.map((h) => String(h).trim());
  const year = names.indexOf('ปีงบประมาณ');
  const cols = Array.from({ length: 10 }, (_, i) => names.indexOf(`ตัวชี้วัด ${i + 1}`));
  if (year < 0 || cols.some((c) => c < 0)) return out;
  for (const r of rows) {
    const y = Number(r[year]);
    const s = cols.map((c) => (r[c] === '' ? NaN : Number(r[c]))).map((x) => (x >= 0 && x <= 100 ? x : NaN));
    if (Number.isInteger(y) && y > 0) out.set(y, s);
  }
  return out;
}
