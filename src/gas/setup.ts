import { columnLetters as letters } from '../core/columns';
import { fiscalYearOf } from '../core/thai';
import { MEASURES_RANGE, SHEET, workbookSpec, type SettingsSheetSpec, type TableSheetSpec, type Validation } from '../core/workbook';
import { isItaError } from '../core/errors';
import { BUSY, withDocumentLock } from './sheets';
import { today } from './time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BG = '#e8f0fe';


function rule(v: Validation): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation().requireValueInList([...v.list], true).setAllowInvalid(v.allowInvalid).setHelpText(v.help).build();
}

/** Frozen, bold, tinted header row, protected with a warning only (staff may still edit). */
function styleHeader(sheet: Sheet, width: number): void {
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold').setBackground(HEADER_BG);
  header.protect().setDescription('หัวตาราง ITA Sheets: ใช้ชื่อคอลัมน์เพื่อค้นหาข้อมูล กรุณาอย่าเปลี่ยนชื่อ').setWarningOnly(true);
  sheet.setFrozenRows(1);
}

/** Adds the missing columns of a table sheet after its last column; keeps every existing one. */
function ensureTable(spec: TableSheetSpec, report: string[]): void {
  const ss = SpreadsheetApp.getActive();
  let sheet = ss.getSheetByName(spec.name);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(spec.name);
  const lastCol = sheet.getLastColumn();
  const header = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0]!.map((h) => String(h).trim()) : [];
  const missing = spec.columns.filter((c) => !header.includes(c.header));
  if (!missing.length) return;
  const start = header.length + 1;
  const needed = start + missing.length - 1;
  if (needed > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
  sheet.getRange(1, start, 1, missing.length).setValues([missing.map((c) => c.header)]);
  const all = [...header, ...missing.map((c) => c.header)];
  const letter = (h: string) => {
    const i = all.indexOf(h);
    return i < 0 ? undefined : letters(i + 1);
  };
  const rows = sheet.getMaxRows() - 1;
  missing.forEach((c, k) => {
    const col = start + k;
    const body = sheet!.getRange(2, col, rows, 1);
    if (c.format) body.setNumberFormat(c.format);
    if (c.validation) body.setDataValidation(rule(c.validation));
    if (c.width) sheet!.setColumnWidth(col, c.width);
    const formula = c.formula?.(letter);
    if (formula) sheet!.getRange(2, col).setFormula(formula);
    else if (c.formula) report.push(`แผ่นงาน "${spec.name}" คอลัมน์ "${c.header}": ไม่ได้ใส่สูตร เพราะคอลัมน์ตัวชี้วัด 1–10 ไม่ได้เรียงติดกัน`);
  });
  styleHeader(sheet, all.length);
  report.push(created ? `สร้างแผ่นงาน "${spec.name}"` : `เพิ่มคอลัมน์ ${missing.map((c) => `"${c.header}"`).join(', ')} ในแผ่นงาน "${spec.name}"`);
}

/** Adds the missing settings rows by key; never changes a value already there. */
function ensureSettings(spec: SettingsSheetSpec, report: string[]): void {
  const ss = SpreadsheetApp.getActive();
  let sheet = ss.getSheetByName(spec.name);
  const created = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(spec.name, 0);
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
  const sheet = ss.getSheetByName(SHEET.measures);
  if (!sheet) return;
  const current = ss.getRangeByName(MEASURES_RANGE);
  const width = sheet.getLastColumn();
  if (current && current.getSheet().getSheetId() === sheet.getSheetId() && current.getColumn() === 1 && current.getNumColumns() >= width) return;
  ss.setNamedRange(MEASURES_RANGE, sheet.getRange(`A:${letters(width)}`));
}

/** Creates what the workbook lacks; answers what was done, in Thai. */
export function ensureWorkbook(): string[] {
  return withDocumentLock(() => {
    const report: string[] = [];
    for (const spec of workbookSpec(fiscalYearOf(today()))) {
      if (spec.kind === 'settings') ensureSettings(spec, report);
      else ensureTable(spec, report);
    }
    nameMeasures();
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
