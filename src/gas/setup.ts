import { columnLetters as letters } from '../core/columns';
import { fiscalYearOf } from '../core/thai';
import { measureColumns } from '../core/measures/model';
import { MEASURES_RANGE, SHEET, workbookSpec, type SettingsSheetSpec, type TableSheetSpec, type Validation } from '../core/workbook';
import { isItaError } from '../core/errors';
import { findHeaderRow, HEADER_SCAN, isBlank, withLiteralHeaders } from '../core/table';
import { BUSY, withDocumentLock } from './sheets';
import { COLUMN_TAG } from './table';
import { today } from './time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BG = '#e8f0fe';

/**
 * What one set-up run made, to take back if a later step fails: a sheet it
 * created is deleted; header and formula cells it wrote into an existing
 * sheet are emptied (so the next run sees the columns missing and makes them
 * whole). Formats left on empty cells are written again by that run.
 */
export class SetupUndo {
  private readonly steps: { what: string; run: () => void }[] = [];
  add(what: string, run: () => void): void {
    this.steps.push({ what, run });
  }
  /** Takes everything back, newest first; answers what could not be taken back. */
  undo(): string[] {
    const left: string[] = [];
    for (const s of this.steps.reverse()) {
      try {
        s.run();
      } catch {
        left.push(s.what);
      }
    }
    this.steps.length = 0;
    return left;
  }
}

/** The truth about a set-up that failed part-way, in Thai and English. */
export function setupFailure(e: unknown, left: readonly string[]): Error {
  const why = typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e);
  return new Error(
    left.length
      ? `ตั้งค่าไม่สำเร็จ (${why}) และนำสิ่งที่ทำไปแล้วออกไม่ครบ: ${left.join(', ')} — ตรวจส่วนนี้แล้วเลือกเมนูตั้งค่าอีกครั้ง | Set-up failed (${why}) and could not take back: ${left.join(', ')}`
      : `ตั้งค่าไม่สำเร็จ (${why}) สิ่งที่ทำไปแล้วถูกนำออก สมุดงานเหมือนเดิม ลองเลือกเมนูอีกครั้ง | Set-up failed (${why}); what it had made was taken back, the workbook is as it was. Try again.`,
  );
}


function rule(v: Validation): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation().requireValueInList([...v.list], true).setAllowInvalid(v.allowInvalid).setHelpText(v.help).build();
}

/** Frozen, bold, tinted header row (1-based `row`), protected with a warning only (staff may still edit). */
export function styleHeader(sheet: Sheet, width: number, row = 1): void {
  const header = sheet.getRange(row, 1, 1, width);
  header.setFontWeight('bold').setBackground(HEADER_BG);
  header.protect().setDescription('หัวตาราง ITA Sheets: ใช้ชื่อคอลัมน์เพื่อค้นหาข้อมูล กรุณาอย่าเปลี่ยนชื่อ').setWarningOnly(true);
  sheet.setFrozenRows(row);
}

/**
 * The sheet's values, a header cell holding a headerLiteral formula read as
 * its header even while its array cannot spill (#REF!): the formulas of the
 * rows a header is looked for in are read too.
 */
function headerView(sheet: Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues();
  const rows = Math.min(HEADER_SCAN, values.length);
  const width = values[0]?.length ?? 0;
  if (!rows || !width) return values;
  const formulas = sheet.getRange(1, 1, rows, width).getFormulas();
  return [...withLiteralHeaders(values.slice(0, rows), formulas), ...values.slice(rows)];
}

/** How many columns the values read span. */
const lastColOf = (values: readonly (readonly unknown[])[]): number => Math.max(0, ...values.map((r) => r.length));

/** The columns set-up tagged (developer metadata COLUMN_TAG): header → 1-based column. */
function taggedColumns(sheet: Sheet): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sheet.createDeveloperMetadataFinder().withKey(COLUMN_TAG).find()) {
    const column = m.getLocation().getColumn();
    const header = m.getValue();
    if (column && header && !out.has(header)) out.set(header, column.getColumn());
  }
  return out;
}

/**
 * Adds the missing columns of a table sheet after its last column, in its
 * header row — found by the headers' names, so a title row above it is left
 * alone; keeps every existing column. A column set-up made earlier whose
 * header a person renamed (its tag says so) is not added again: the report
 * names it, and the sidebar asks for the name back. Each column kept is tagged
 * with developer metadata, which follows the column as columns are added,
 * moved or deleted (sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
 * Answers the sheet, its first data row and the letter of each header after the run.
 */
export function ensureTable(spec: TableSheetSpec, report: string[], undo: SetupUndo): EnsuredTable {
  const ss = SpreadsheetApp.getActive();
  let sheet = spec.name === SHEET.measures ? measuresSheet(ss, report) : ss.getSheetByName(spec.name);
  const created = !sheet;
  if (!sheet) {
    const made = ss.insertSheet(spec.name);
    undo.add(`แผ่นงาน "${spec.name}"`, () => ss.deleteSheet(made));
    sheet = made;
  }
  const values = created ? [] : headerView(sheet);
  const headers = spec.columns.map((c) => c.header);
  const found = findHeaderRow(values, headers);
  const used = values.some((r) => r.some((v) => !isBlank(v)));
  // The header row (0-based): found by name; else row 1 of an empty sheet, or the row after what is there.
  const headerRow = found ? found.row : used ? values.length : 0;
  const header = found ? (values[headerRow] ?? []).map((h) => String(h).trim()) : [];
  const tags = created ? new Map<string, number>() : taggedColumns(sheet);
  const renamed: string[] = [];
  const missing = spec.columns.filter((c) => {
    if (header.includes(c.header)) return false;
    // A tag outlives a rename, not a deleted column: a tagged column still there under another header was renamed.
    const at = tags.get(c.header);
    if (at === undefined || !found || at > Math.max(header.length, lastColOf(values))) return true;
    const now = header[at - 1] ?? '';
    renamed.push(now ? `"${c.header}" (ตอนนี้ชื่อ "${now}")` : `"${c.header}" (หัวคอลัมน์ว่าง)`);
    return false;
  });
  if (renamed.length) report.push(`แผ่นงาน "${spec.name}": คอลัมน์ ${renamed.join(', ')} ถูกเปลี่ยนชื่อ จึงไม่ได้เพิ่มคอลัมน์ใหม่ กรุณาเปลี่ยนชื่อหัวคอลัมน์กลับเป็นชื่อเดิม ส่วนเสริมหาคอลัมน์จากชื่อหัวคอลัมน์`);
  const lastCol = created ? 0 : sheet.getLastColumn();
  const start = Math.max(lastCol, header.length) + 1;
  const all = [...header, ...Array.from({ length: Math.max(0, start - 1 - header.length) }, () => ''), ...missing.map((c) => c.header)];
  if (missing.length) {
    const needed = start + missing.length - 1;
    if (needed > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
    if (headerRow + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), headerRow + 1 - sheet.getMaxRows());
    if (!created) {
      // The new columns' header and formula cells (rows headerRow+1 and +2), emptied if a later step fails.
      const at = sheet;
      const rows = Math.min(2, at.getMaxRows() - headerRow);
      undo.add(`คอลัมน์ ${missing.map((c) => `"${c.header}"`).join(', ')} ของแผ่นงาน "${spec.name}"`, () =>
        at.getRange(headerRow + 1, start, rows, missing.length).setValues(Array.from({ length: rows }, () => missing.map(() => ''))),
      );
    }
    sheet.getRange(headerRow + 1, start, 1, missing.length).setValues([missing.map((c) => c.header)]);
    const letter = (h: string) => {
      const i = all.indexOf(h);
      return i < 0 ? undefined : letters(i + 1);
    };
    const first = headerRow + 2;
    const rows = sheet.getMaxRows() - first + 1;
    missing.forEach((c, k) => {
      const col = start + k;
      if (rows > 0) {
        const body = sheet!.getRange(first, col, rows, 1);
        if (c.format) body.setNumberFormat(c.format);
        if (c.validation) body.setDataValidation(rule(c.validation));
      }
      if (c.width) sheet!.setColumnWidth(col, c.width);
      const formula = c.formula?.(letter, first);
      if (formula && rows > 0) sheet!.getRange(c.formulaIn === 'header' ? headerRow + 1 : first, col).setFormula(formula);
      else if (c.formula) report.push(`แผ่นงาน "${spec.name}" คอลัมน์ "${c.header}": ไม่ได้ใส่สูตร เพราะ${c.formulaNeeds ?? 'คอลัมน์ตัวชี้วัด 1–10 ไม่ได้เรียงติดกัน'}`);
    });
    styleHeader(sheet, all.length, headerRow + 1);
    report.push(created ? `สร้างแผ่นงาน "${spec.name}"` : `เพิ่มคอลัมน์ ${missing.map((c) => `"${c.header}"`).join(', ')} ในแผ่นงาน "${spec.name}"`);
  }
  // Tag the columns kept, so a rename is told apart from a column never made.
  // A tag not written is written by the next run (it only helps name a rename): a failure here is a note.
  try {
    all.forEach((h, i) => {
      if (headers.includes(h) && tags.get(h) !== i + 1) sheet!.getRange(`${letters(i + 1)}:${letters(i + 1)}`).addDeveloperMetadata(COLUMN_TAG, h);
    });
  } catch {
    report.push(`แผ่นงาน "${spec.name}": ทำเครื่องหมายคอลัมน์ไม่ครบ (ใช้เพื่อบอกเมื่อมีการเปลี่ยนชื่อหัวคอลัมน์) เลือกเมนูตั้งค่าอีกครั้งเพื่อทำต่อ`);
  }
  return {
    sheet,
    first: headerRow + 2,
    letter: (h: string) => {
      const i = all.indexOf(h);
      return i < 0 ? undefined : letters(i + 1);
    },
  };
}

/** A table sheet after set-up: its first data row (1-based) and its columns' letters by header. */
export interface EnsuredTable {
  readonly sheet: Sheet;
  readonly first: number;
  readonly letter: (header: string) => string | undefined;
}

/** Adds the missing settings rows by key; never changes a value already there. */
function ensureSettings(spec: SettingsSheetSpec, report: string[], undo: SetupUndo): void {
  const ss = SpreadsheetApp.getActive();
  let sheet = ss.getSheetByName(spec.name);
  const created = !sheet;
  if (!sheet) {
    const made = ss.insertSheet(spec.name, 0);
    undo.add(`แผ่นงาน "${spec.name}"`, () => ss.deleteSheet(made));
    sheet = made;
    sheet.getRange(1, 1, 1, 3).setValues([[...spec.headers]]);
    styleHeader(sheet, 3);
    sheet.setColumnWidth(1, 160);
    sheet.setColumnWidth(2, 260);
    sheet.setColumnWidth(3, 360);
  }
  const last = sheet.getLastRow();
  const keys = last > 0 ? sheet.getRange(1, 1, last, 1).getValues().map((r) => String(r[0]).trim()) : [];
  const missing = spec.settings.filter((s) => !keys.includes(s.key));
  if (!missing.length) return;
  const start = Math.max(last, 1) + 1;
  // A sheet shorter than its settings (a new sheet may be small; the list grew with the memo's signers) grows first.
  const max = sheet.getMaxRows();
  const need = start + missing.length - 1;
  if (need > max) {
    sheet.insertRowsAfter(max, need - max);
    if (!created) {
      const at = sheet;
      undo.add(`แถวที่เพิ่มท้ายแผ่นงาน "${spec.name}"`, () => at.deleteRows(max + 1, need - max));
    }
  }
  if (!created) {
    const at = sheet;
    undo.add(`รายการ ${missing.map((m) => `"${m.key}"`).join(', ')} ของแผ่นงาน "${spec.name}"`, () =>
      at.getRange(start, 1, missing.length, 3).setValues(missing.map(() => ['', '', ''])),
    );
  }
  sheet.getRange(start, 2, missing.length, 1).setNumberFormat('@');
  sheet.getRange(start, 1, missing.length, 3).setValues(missing.map((s) => [s.key, typeof s.value === 'number' ? s.value : s.value, s.note]));
  missing.forEach((s, i) => {
    if (typeof s.value === 'number') sheet!.getRange(start + i, 2).setNumberFormat('0');
    if (s.validation) sheet!.getRange(start + i, 2).setDataValidation(rule(s.validation));
  });
  report.push(created ? `สร้างแผ่นงาน "${spec.name}"` : `เพิ่มรายการ ${missing.map((s) => `"${s.key}"`).join(', ')} ในแผ่นงาน "${spec.name}"`);
}

/**
 * Names the measures sheet's columns A:… (whole columns, so the name covers rows
 * added later): the sidebar then reads the sheet with one lookup and one read.
 */
function nameMeasures(): void {
  const ss = SpreadsheetApp.getActive();
  const sheet = measuresSheet(ss);
  if (!sheet) return;
  const current = ss.getRangeByName(MEASURES_RANGE);
  const width = sheet.getLastColumn();
  // Whole columns from A, every row: a name a person narrowed is made whole again.
  const whole = (r: GoogleAppsScript.Spreadsheet.Range) =>
    r.getSheet().getSheetId() === sheet.getSheetId() && r.getColumn() === 1 && r.getNumColumns() >= width && r.getRow() === 1 && r.getNumRows() === sheet.getMaxRows();
  if (current && whole(current)) return;
  ss.setNamedRange(MEASURES_RANGE, sheet.getRange(`A:${letters(width)}`));
}

/**
 * The measures sheet: by its name, else — when a person renamed it — the sheet
 * the name ITA_MEASURES still points to, if its header row holds the measures'
 * headers (a name follows its sheet through a rename). `report` hears which.
 */
function measuresSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report?: string[]): Sheet | null {
  const byName = ss.getSheetByName(SHEET.measures);
  if (byName) return byName;
  const named = ss.getRangeByName(MEASURES_RANGE);
  if (!named) return null;
  const sheet = named.getSheet();
  const values = sheet.getDataRange().getValues();
  if (!findHeaderRow(values, measureColumns().map((c) => c.header))) return null;
  report?.push(`แผ่นงานมาตรการชื่อ "${sheet.getName()}" (เปลี่ยนชื่อจาก "${SHEET.measures}") จึงใช้แผ่นงานนี้ต่อไป`);
  return sheet;
}

/** Creates what the workbook lacks; answers what was done, in Thai. */
export function ensureWorkbook(): string[] {
  return withDocumentLock(() => {
    const report: string[] = [];
    const undo = new SetupUndo();
    try {
      for (const spec of workbookSpec(fiscalYearOf(today()))) {
        if (spec.kind === 'settings') ensureSettings(spec, report, undo);
        else ensureTable(spec, report, undo);
      }
      nameMeasures();
    } catch (e) {
      // Nothing half-made: what this run made is taken back, and the message says whether all of it was.
      throw setupFailure(e, undo.undo());
    }
    return report;
  });
}

/** Menu: ตั้งค่าสมุดงาน ITA. */
export function setupWorkbook(): void {
  const ss = SpreadsheetApp.getActive();
  let report: string[];
  try {
    report = ensureWorkbook();
  } catch (e) {
    if (isItaError(e) && e.th === BUSY.th) return ss.toast(BUSY.th, 'ตั้งค่าสมุดงาน ITA', 8);
    throw e;
  }
  ss.toast(report.length ? report.join('\n') : 'สมุดงานมีแผ่นงานและคอลัมน์ครบแล้ว ไม่มีการเปลี่ยนแปลง', 'ตั้งค่าสมุดงาน ITA', 8);
}
