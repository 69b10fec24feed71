// Menu ตั้งค่าหลายหน่วยงาน, run from the built bundle over the fake
// spreadsheet: the units sheet of an office that follows many units.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_SHEET, UNIT_COL, UNIT_INPUT_HEADERS, UNIT_STATUS_HEADERS, UNITS_SHEET } from '../../src/core/units';
import { menuItems } from '../../src/entry/menu';
import { readWorkbook } from '../../scripts/workbook';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, type FakeSheet } from '../harness/spreadsheet';

const EXAMPLE = readWorkbook(JSON.parse(readFileSync('examples/district-workbook.json', 'utf8')));

function setUp(ss: FakeSpreadsheet): Harness {
  const h = loadBundle({ spreadsheet: ss });
  h.call('setupUnitsWorkbook');
  return h;
}
const headersOf = (sheet: FakeSheet): string[] => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);

describe('ตั้งค่าหลายหน่วยงาน on a workbook without a units sheet', () => {
  it('is an entry of the add-on menu, after the single-unit set-up', () => {
    const items = menuItems().map((m) => m.caption);
    expect(items.indexOf('ตั้งค่าหลายหน่วยงาน')).toBe(items.indexOf('ตั้งค่าสมุดงาน ITA') + 1);
  });

  it('creates the units sheet: row id, the typed columns, the live total and result, then the status columns', () => {
    const ss = new FakeSpreadsheet();
    setUp(ss);
    const sheet = ss.getSheetByName(UNITS_SHEET)!;
    expect(headersOf(sheet)).toEqual([UNIT_COL.id, ...UNIT_INPUT_HEADERS, UNIT_COL.total, UNIT_COL.label, ...UNIT_STATUS_HEADERS]);
    // In the header cells, which show the headers: a sort of the data rows cannot move them.
    expect(sheet.getRange('T1:U1').getFormulas()).toEqual([['={"คะแนนรวม"; ITA_SCORE(G2:S, F2:F)}', '={"ผลการประเมิน"; ITA_LABEL(G2:S, F2:F)}']]);
    expect(sheet.getRange('T2:U2').getFormulas()).toEqual([['', '']]);
    expect(sheet.getFrozenRows()).toBe(1);
    // The status columns are plain text, for the batch run to write.
    expect(sheet.getRange('V2').getNumberFormat()).toBe('@');
    expect(ss.toasts.at(-1)!.msg).toContain(`สร้างแผ่นงาน "${UNITS_SHEET}"`);
    expect(ss.toasts.at(-1)!.msg).toContain(`สร้างแผ่นงาน "${DASHBOARD_SHEET}"`);
  });

  it('makes a dashboard that shows an empty workbook as empty: no year, no unit, no error', () => {
    const ss = new FakeSpreadsheet();
    setUp(ss);
    const dash = ss.getSheetByName(DASHBOARD_SHEET)!;
    const shown = dash.getDataRange().getValues().flat();
    expect(shown.filter((v) => typeof v === 'string' && v.startsWith('#'))).toEqual([]);
    expect(dash.getRange('B5:B6').getValues()).toEqual([[''], ['']]);
    expect(dash.getRange('B9:B13').getValues()).toEqual([[0], [0], [''], [''], [0]]);
    expect(dash.getRange('A36').getValue()).toBe('ไม่มี');
    expect(dash.getRange('F36').getValue()).toBe('ไม่มี');
  });

  it('fills the total and result of rows typed later, with blank rows below the data', () => {
    const ss = new FakeSpreadsheet();
    setUp(ss);
    const sheet = ss.getSheetByName(UNITS_SHEET)!;
    sheet.getRange('B2:S3').setValues([
      ['อบต.ทดลอง', 'องค์การบริหารส่วนตำบล', 'เมือง', 'ทดลอง', 2568, 90, 90, 90, 90, 90, 80, 80, 80, 100, 100, '', '', ''],
      ['ทต.ทดลอง', 'เทศบาลตำบล', 'เมือง', 'ทดลอง', 2569, '', '', '', '', '', '', '', '', '', '', 99, 84.9, 98.675],
    ]);
    const out = sheet.getRange('T2:U5').getValues();
    expect(out[0]![0]).toBeCloseTo(91, 10);
    expect(out[0]![1]).toBe('ผ่าน');
    expect(out[1]![0]).toBeCloseTo(94.64, 10);
    expect(out[1]![1]).toBe('ผ่าน');
    expect(out.slice(2)).toEqual([['', ''], ['', '']]);
  });
});

describe('ตั้งค่าหลายหน่วยงาน on a units sheet the office already typed', () => {
  it('adds only the missing columns after the last one, and never touches a typed cell', () => {
    const ss = FakeSpreadsheet.from(EXAMPLE);
    const sheet = ss.getSheetByName(UNITS_SHEET)!;
    const typed = sheet.getDataRange();
    const before = { values: typed.getValues(), width: typed.getNumColumns(), rows: typed.getNumRows() };
    setUp(ss);
    expect(sheet.getRange(1, 1, before.rows, before.width).getValues()).toEqual(before.values);
    expect(headersOf(sheet)).toEqual([...EXAMPLE.sheet(UNITS_SHEET).values[0]!.map(String), UNIT_COL.id, UNIT_COL.total, UNIT_COL.label, ...UNIT_STATUS_HEADERS]);
    // The example's columns: name A … year E, indicators F:O, IIT/EIT/OIT P:R; the id lands in S.
    expect(sheet.getRange('T1:U1').getFormulas()).toEqual([['={"คะแนนรวม"; ITA_SCORE(F2:R, E2:E)}', '={"ผลการประเมิน"; ITA_LABEL(F2:R, E2:E)}']]);
    const totals = sheet.getRange(2, 20, before.rows - 1, 2).getValues();
    expect(totals.filter(([t]) => typeof t === 'number')).toHaveLength(before.rows - 2);
    // The row whose indicator 9 reads ไม่มีข้อมูล shows why, in its own cells only.
    expect(totals.filter(([t]) => String(t).startsWith('⚠'))).toHaveLength(1);
    expect(String(totals.find(([t]) => String(t).startsWith('⚠'))![0])).toContain('"ไม่มีข้อมูล"');
  });

  it('changes nothing on a second run and says so', () => {
    const ss = FakeSpreadsheet.from(EXAMPLE);
    const h = setUp(ss);
    const sheet = ss.getSheetByName(UNITS_SHEET)!;
    const snap = sheet.snapshot();
    h.call('setupUnitsWorkbook');
    expect(sheet.snapshot()).toEqual(snap);
    expect(ss.toasts.at(-1)!.msg).toContain(`แผ่นงาน "${DASHBOARD_SHEET}" มีอยู่แล้ว จึงไม่ได้แก้ไข`);
    expect(ss.toasts.at(-1)!.msg).not.toContain('เพิ่มคอลัมน์');
  });

  it('keeps a sheet set up with the total formulas in row 2 as it is, and its dashboard reads them', () => {
    const ss = FakeSpreadsheet.from(EXAMPLE);
    const sheet = ss.getSheetByName(UNITS_SHEET)!;
    // As an earlier version set it up: the headers typed, the live formulas in the first data row.
    const width = sheet.getLastColumn();
    sheet.getRange(1, width + 1, 1, 2).setValues([[UNIT_COL.total, UNIT_COL.label]]);
    sheet.getRange(2, width + 1).setFormula('=ITA_SCORE(F2:R, E2:E)');
    sheet.getRange(2, width + 2).setFormula('=ITA_LABEL(F2:R, E2:E)');
    setUp(ss);
    expect(sheet.getRange(1, width + 1, 2, 2).getFormulas()).toEqual([
      ['', ''],
      ['=ITA_SCORE(F2:R, E2:E)', '=ITA_LABEL(F2:R, E2:E)'],
    ]);
    expect(headersOf(sheet).filter((h) => h === UNIT_COL.total)).toHaveLength(1);
    const dash = ss.getSheetByName(DASHBOARD_SHEET)!;
    expect(dash.getRange('B9').getValue()).toBeGreaterThan(0);
  });

  it('finds the total column by its formula while a value typed below it stops the column filling (#REF!), and adds no second one', () => {
    const ss = new FakeSpreadsheet();
    setUp(ss);
    const sheet = ss.getSheetByName(UNITS_SHEET)!;
    sheet.getRange('T5').setValue(88);
    expect(sheet.getRange('T1').getValue()).toBe('#REF!');
    const h = setUp(ss);
    expect(headersOf(sheet).filter((x) => x === UNIT_COL.total || x === '#REF!')).toEqual(['#REF!']);
    expect(h.spreadsheet.toasts.at(-1)!.msg).not.toContain('เพิ่มคอลัมน์');
    expect(h.spreadsheet.toasts.at(-1)!.msg).not.toContain('ถูกเปลี่ยนชื่อ');
  });

  it('writes no total formula when the 13 score columns are not side by side, and says why', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.insertSheet(UNITS_SHEET);
    const headers = UNIT_INPUT_HEADERS.filter((h) => h !== 'IIT');
    sheet.getRange(1, 1, 1, headers.length + 1).setValues([[...headers, 'IIT']]);
    sheet.getRange('A2:E2').setValues([['อบต.ทดลอง', '', 'เมือง', 'ทดลอง', 2569]]);
    setUp(ss);
    expect(sheet.getRange(1, 1, 2, sheet.getLastColumn()).getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(ss.toasts.at(-1)!.msg).toContain('ไม่ได้ใส่สูตร เพราะคอลัมน์ตัวชี้วัด 1–10, IIT, EIT, OIT ไม่ได้เรียงติดกัน');
  });
});
