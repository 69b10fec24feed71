import { itaError, type Bilingual } from '../core/errors';

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
