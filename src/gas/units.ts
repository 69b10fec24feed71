// Menu ตั้งค่าหลายหน่วยงาน: the units sheet of an office that follows many
// units (by set-up's table machinery: missing columns after the last, typed
// rows never touched) and, when the workbook has none, the dashboard — live
// formulas and native charts that Sheets recomputes with no script run.
import { dashboardLayout, DASHBOARD_SHEET, VIEW, type DashboardLayout } from '../core/dashboard';
import { isItaError } from '../core/errors';
import { unitsSheetSpec, UNITS_SHEET } from '../core/units';
import { ensureTable, SetupUndo, setupFailure } from './setup';
import { BUSY, withDocumentLock } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const INPUT_BG = '#fff2cc';
const TITLE = 'ตั้งค่าหลายหน่วยงาน';

/**
 * Writes the dashboard into a new sheet: cells, live dropdowns, charts. The
 * sheet grows to the layout's last column, and to as many rows as its helper
 * table could need for every row of the units sheet (an array result that
 * would pass the sheet's edge is not expanded).
 */
function writeDashboard(sheet: Sheet, layout: DashboardLayout, unitRows: number): void {
  if (sheet.getMaxColumns() < layout.lastColumn) sheet.insertColumnsAfter(sheet.getMaxColumns(), layout.lastColumn - sheet.getMaxColumns());
  const rows = VIEW.first - 1 + unitRows;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  for (const c of layout.cells) {
    const range = sheet.getRange(c.a1);
    if (c.format) range.setNumberFormat(c.format);
    if (c.formula) range.setFormula(c.formula);
    else if (c.value !== undefined && c.value !== '') range.setValue(c.value);
    if (c.bold) range.setFontWeight('bold');
    if (c.input) range.setBackground(INPUT_BG);
    if (c.note) range.setNote(c.note);
  }
  for (const v of layout.validations) {
    const rule = SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange(v.listA1), true).setAllowInvalid(false).setHelpText(v.help).build();
    sheet.getRange(v.a1).setDataValidation(rule);
  }
  for (const [col, width] of layout.widths) sheet.setColumnWidth(col, width);
  for (const c of layout.charts) {
    const builder = c.kind === 'bar' ? sheet.newChart().asBarChart() : sheet.newChart().asColumnChart();
    const chart = builder
      .addRange(sheet.getRange(c.rangeA1))
      .setOption('title', c.title)
      .setOption('legend', { position: 'none' })
      .setPosition(c.row, c.col, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
}

/**
 * Creates what is missing: the units sheet's sheet or columns, then the
 * dashboard only when no sheet of its name exists — a dashboard there (made by
 * an earlier run, perhaps edited since) is left exactly as it is. Answers what
 * was done, in Thai.
 */
export function ensureUnitsWorkbook(): string[] {
  return withDocumentLock(() => {
    const report: string[] = [];
    const undo = new SetupUndo();
    try {
      const units = ensureTable(unitsSheetSpec(), report, undo);
      const ss = SpreadsheetApp.getActive();
      if (ss.getSheetByName(DASHBOARD_SHEET)) {
        report.push(`แผ่นงาน "${DASHBOARD_SHEET}" มีอยู่แล้ว จึงไม่ได้แก้ไข (หากต้องการสร้างใหม่ ให้ลบหรือเปลี่ยนชื่อแผ่นงานนี้แล้วเลือกเมนูอีกครั้ง)`);
        return report;
      }
      const made = dashboardLayout(units.letter, units.first, units.sheet.getName());
      if ('missing' in made) {
        report.push(`ไม่ได้สร้างแผ่นงาน "${DASHBOARD_SHEET}" เพราะแผ่นงาน "${UNITS_SHEET}" ไม่มีคอลัมน์ ${made.missing.map((h) => `"${h}"`).join(', ')} (อาจถูกเปลี่ยนชื่อ)`);
        return report;
      }
      const sheet = ss.insertSheet(DASHBOARD_SHEET);
      undo.add(`แผ่นงาน "${DASHBOARD_SHEET}"`, () => ss.deleteSheet(sheet));
      writeDashboard(sheet, made.layout, units.sheet.getMaxRows() - units.first + 1);
      report.push(`สร้างแผ่นงาน "${DASHBOARD_SHEET}"`);
    } catch (e) {
      throw setupFailure(e, undo.undo());
    }
    return report;
  });
}

/** Menu: ตั้งค่าหลายหน่วยงาน. */
export function setupUnitsWorkbook(): void {
  const ss = SpreadsheetApp.getActive();
  let report: string[];
  try {
    report = ensureUnitsWorkbook();
  } catch (e) {
    if (isItaError(e) && e.th === BUSY.th) return ss.toast(BUSY.th, TITLE, 8);
    throw e;
  }
  ss.toast(report.length ? report.join('\n') : `แผ่นงาน "${UNITS_SHEET}" มีคอลัมน์ครบแล้ว ไม่มีการเปลี่ยนแปลง`, TITLE, 8);
}
