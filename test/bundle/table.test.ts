// Issue 9, data safety: every case of "Silent loss or damage" and "Wrong row,
// stale writes", each a test named for the behaviour, run from the built
// bundle over the in-memory spreadsheet. Each failed on the code before the
// table layer (src/gas/table.ts) and passes with it.
import { describe, expect, it } from 'vitest';
import type { DeletedView, ListAnswer, OitAnswer, OitItemView, OitSaved, Saved } from '../../src/core/api';
import { blankMeasure, measureColumns, type Measure, type MeasureInput } from '../../src/core/measures/model';
import { seededHarness } from '../../scripts/preview';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, type FakeSheet } from '../harness/spreadsheet';

const HEADERS = measureColumns().map((c) => c.header);
const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;

function setUp(ss = new FakeSpreadsheet()): Harness {
  const h = loadBundle({ spreadsheet: ss });
  h.call('setupWorkbook');
  return h;
}

function input(over: Partial<MeasureInput> = {}): MeasureInput {
  return {
    ...blankMeasure(2569),
    indicators: [9],
    issue: 'ข้อมูลบนเว็บไซต์ไม่ครบถ้วน',
    measure: 'ทบทวนการเผยแพร่ข้อมูลสาธารณะบนเว็บไซต์ทุกไตรมาส',
    responsible: 'สำนักปลัด',
    ...over,
  };
}

function saved(r: Saved): Measure {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.measure;
}
const saveNew = (h: Harness, over: Partial<MeasureInput> = {}): Measure => saved(api<Saved>(h, 'save', { input: input(over) }));
/** The form of a listed measure, as the sidebar sends it: every field, with some changed. */
const FORM_FIELDS = ['fiscalYear', 'indicators', 'issue', 'measure', 'method', 'responsible', 'startDate', 'endDate', 'followUp', 'status', 'result', 'outcome', 'suggestion', 'problems', 'evidenceUrl'] as const;
const edit = (base: Measure, over: Partial<MeasureInput> = {}): MeasureInput => ({ ...(Object.fromEntries(FORM_FIELDS.map((f) => [f, base[f]])) as unknown as MeasureInput), ...over });
const listed = (h: Harness, year = 2569): Measure[] => api<ListAnswer>(h, 'list', { fiscalYear: year }).measures.map((v) => v.measure);

const measuresSheet = (h: Harness): FakeSheet => h.spreadsheet.getSheetByName('มาตรการ')!;
/** 1-based column of a header in a sheet whose header row is `headerRow`. */
const col = (sheet: FakeSheet, header: string, headerRow = 1): number => (sheet.getRange(headerRow, 1, 1, sheet.getMaxColumns()).getValues()[0] as string[]).indexOf(header) + 1;
const cell = (sheet: FakeSheet, row: number, header: string, headerRow = 1) => sheet.getRange(row, col(sheet, header, headerRow));

/** A measures sheet made by hand: the add-on's headers with the user's own columns among them. */
function sheetWithOwnColumns(own: Record<number, string>): { h: Harness; sheet: FakeSheet; headers: string[] } {
  const ss = new FakeSpreadsheet();
  const sheet = ss.insertSheet('มาตรการ');
  const headers = [...HEADERS];
  for (const [at, name] of Object.entries(own).sort(([a], [b]) => Number(b) - Number(a))) headers.splice(Number(at), 0, name);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  return { h: setUp(ss), sheet, headers };
}

// ---------------------------------------------------------------- OIT

function oitYear(year: number): Harness {
  const h = seededHarness();
  const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
  const row = settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
  settings.getRange(row, 2).setValue(year);
  h.call('setupOitChecklist');
  return h;
}
const oitItems = (h: Harness, year = 2566): readonly OitItemView[] => api<OitAnswer>(h, 'oitList', { fiscalYear: year }).items;
const mark = (h: Harness, item: OitItemView, status = 'ดำเนินการแล้ว', url = 'https://www.example.go.th/ita/o1', year = 2566): OitSaved =>
  api<OitSaved>(h, 'oitSetStatus', { fiscalYear: year, code: item.code, status, evidenceUrl: url, base: item });

/** Moves column `from` to after column `after` as a person's cut and paste does. */
function moveColumn(sheet: FakeSheet, from: number, after: number): void {
  sheet.insertColumnsAfter(after, 1);
  const rows = sheet.getMaxRows();
  sheet.copyCells(sheet.getRange(1, from, rows, 1), sheet.getRange(1, after + 1, rows, 1));
  sheet.deleteColumns(from, 1);
}

describe('silent loss or damage (issue 9)', () => {
  it('marking the first OIT item done keeps the live ITA_OIT score when a checklist column was moved past it', () => {
    const h = oitYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    moveColumn(sheet, 7, 12); // หมายเหตุ to the right of the score block (which moves to I:K)
    const formulaAt = sheet.getRange(2, 1, 1, 12).getFormulas()[0]!.findIndex((f) => f.startsWith('=ITA_OIT(')) + 1;
    expect(formulaAt).toBe(9);
    expect(mark(h, oitItems(h)[0]!)).toEqual({ ok: true });
    expect(sheet.getRange(2, formulaAt).getFormulas()[0]![0]).toMatch(/^=ITA_OIT\(/);
    const scores = sheet.getRange(2, formulaAt, 1, 3).getValues()[0]!;
    expect(scores.every((v) => typeof v === 'number'), String(scores)).toBe(true);
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('marking an OIT item done never overwrites a user’s formula in the item’s row; a status held by a formula is refused with a message', () => {
    const h = oitYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    cell(sheet, 2, 'วันที่ตรวจ').setFormula('=ITA_THAI_DIGITS(2566)');
    cell(sheet, 3, 'สถานะ').setFormula('=ITA_INDICATOR_NAME(9)');
    const [first, second] = oitItems(h);
    expect(mark(h, first!)).toEqual({ ok: true });
    expect(cell(sheet, 2, 'วันที่ตรวจ').getFormulas()[0]![0]).toBe('=ITA_THAI_DIGITS(2566)');
    expect(cell(sheet, 2, 'สถานะ').getValue()).toBe('ดำเนินการแล้ว');
    const before = sheet.snapshot();
    const r = mark(h, second!);
    expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('สูตร'), en: expect.stringContaining('formula') } });
    expect(sheet.snapshot()).toEqual(before);
  });

  it('seeding the OIT checklist again writes after the last used row, never over items when a user cleared an item’s cells', () => {
    const h = oitYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    sheet.getRange(5, 1, 1, 8).setValues([Array.from({ length: 8 }, () => '')]); // O4 cleared, its row kept
    cell(sheet, 43, 'ผู้รับผิดชอบ').setValue('กองคลัง');
    expect(cell(sheet, 44, 'รหัส').getValue()).toBe('O43');
    sheet.deleteRow(44);
    // The list gains O43 (as a newer list would): forget that it was seeded.
    const key = 'ita.oit.seeded.2566';
    const seeded = (JSON.parse(h.properties.document.getProperty(key)!) as string[]).filter((c) => c !== 'O43');
    h.properties.document.setProperty(key, JSON.stringify(seeded));
    h.call('setupOitChecklist');
    const values = sheet.getDataRange().getValues();
    expect(values[42]!.slice(0, 4)).toEqual(['O42', expect.any(String), expect.any(String), 'กองคลัง']);
    expect(values[43]![0]).toBe('O43');
    expect(values.filter((r) => r[0] === 'O43')).toHaveLength(1);
  });

  it('seeding the OIT checklist again grows the sheet when the items reach its last row', () => {
    const h = oitYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    sheet.deleteRows(45, sheet.getMaxRows() - 44); // the sheet ends at the last item, O43 in row 44
    sheet.deleteRow(44);
    const key = 'ita.oit.seeded.2566';
    const seeded = (JSON.parse(h.properties.document.getProperty(key)!) as string[]).filter((c) => c !== 'O43');
    h.properties.document.setProperty(key, JSON.stringify(seeded));
    expect(sheet.getMaxRows()).toBe(43);
    h.call('setupOitChecklist');
    expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(44);
    expect(cell(sheet, 44, 'รหัส').getValue()).toBe('O43');
    expect(cell(sheet, 43, 'รหัส').getValue()).toBe('O42');
  });

  it('saving a new measure, recovering one and copying one to the next year keep a formula filled down and a note typed in the user’s own columns between the add-on’s columns', () => {
    const { h, sheet } = sheetWithOwnColumns({ 3: 'คำนวณของกอง', 6: 'หมายเหตุของกอง' });
    for (let r = 2; r <= 9; r++) {
      sheet.getRange(r, 4).setFormula('=ITA_THAI_DIGITS(7)');
      sheet.getRange(r, 8).setValue(`โน้ตแถว ${r}`);
    }
    const a = saveNew(h, { measure: 'ก' }); // row 2
    saved(api<Saved>(h, 'duplicate', { id: a.id })); // row 3
    const b = saveNew(h, { measure: 'ข' }); // row 4
    expect(api<{ ok: boolean }>(h, 'remove', { base: b }).ok).toBe(true); // row 4 goes, rows below move up
    saved(api<Saved>(h, 'recover', { id: b.id })); // row 4 again: what was row 5's formula and note
    const notes = sheet.getRange(2, 8, 3, 1).getValues().map((r) => r[0]);
    expect(sheet.getRange(2, 4, 3, 1).getFormulas().map((r) => r[0])).toEqual(['=ITA_THAI_DIGITS(7)', '=ITA_THAI_DIGITS(7)', '=ITA_THAI_DIGITS(7)']);
    expect(notes).toEqual(['โน้ตแถว 2', 'โน้ตแถว 3', 'โน้ตแถว 5']);
    expect(sheet.getRange(2, 1, 3, 1).getValues().map((r) => r[0])).toEqual([a.id, expect.any(String), b.id]);
  });

  it('saving a measure never writes into the spill range of a user’s array formula in their own column', () => {
    const { h, sheet } = sheetWithOwnColumns({ 4: 'ลำดับ' });
    sheet.getRange(2, 5).setFormula('=SEQUENCE(20)');
    const a = saveNew(h, { measure: 'ก' });
    saveNew(h, { measure: 'ข' });
    const base = listed(h).find((m) => m.id === a.id)!;
    saved(api<Saved>(h, 'save', { input: edit(base, { status: 'กำลังดำเนินการ', result: 'เริ่มแล้ว' }), base }));
    expect(sheet.getRange(2, 5).getFormulas()[0]![0]).toBe('=SEQUENCE(20)');
    expect(sheet.getRange(2, 5, 4, 1).getValues().map((r) => r[0])).toEqual([1, 2, 3, 4]);
  });

  it('a formula a user put in one of the add-on’s columns stays a formula when the measure is saved; changing that field in the form is refused under the field', () => {
    const h = setUp();
    const a = saveNew(h);
    const sheet = measuresSheet(h);
    cell(sheet, 2, 'ผู้รับผิดชอบ').setFormula('=ITA_INDICATOR_NAME(9)');
    const base = listed(h).find((m) => m.id === a.id)!;
    expect(base.responsible).toBe('การเปิดเผยข้อมูล');
    const after = saved(api<Saved>(h, 'save', { input: edit(base, { status: 'ดำเนินการแล้ว', result: 'เสร็จ' }), base }));
    expect(cell(sheet, 2, 'ผู้รับผิดชอบ').getFormulas()[0]![0]).toBe('=ITA_INDICATOR_NAME(9)');
    expect(cell(sheet, 2, 'สถานะ').getValue()).toBe('ดำเนินการแล้ว');
    const before = sheet.snapshot();
    const r = api<Saved>(h, 'save', { input: edit(after, { responsible: 'กองคลัง' }), base: after });
    expect(r).toMatchObject({ ok: false, kind: 'invalid', errors: { responsible: expect.stringContaining('สูตร') } });
    expect(sheet.snapshot()).toEqual(before);
  });

  it('cells the add-on cannot read survive a save of that measure unchanged, unless the form changed that field', () => {
    const h = setUp();
    const a = saveNew(h);
    const sheet = measuresSheet(h);
    cell(sheet, 2, 'วันที่เริ่ม').type('ภายใน ธ.ค. 2568');
    cell(sheet, 2, 'สถานะ').type('รอดำเนินการ');
    cell(sheet, 2, 'ตัวชี้วัด').type('9 และ 10');
    const view = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.find((v) => v.measure.id === a.id)!;
    expect(view.notes.join(' ')).toContain('ภายใน ธ.ค. 2568');
    saved(api<Saved>(h, 'save', { input: edit(view.measure, { result: 'จัดประชุมแล้ว' }), base: view.measure }));
    expect(cell(sheet, 2, 'วันที่เริ่ม').getValue()).toBe('ภายใน ธ.ค. 2568');
    expect(cell(sheet, 2, 'สถานะ').getValue()).toBe('รอดำเนินการ');
    expect(cell(sheet, 2, 'ตัวชี้วัด').getValue()).toBe('9 และ 10');
    expect(cell(sheet, 2, 'ผลการดำเนินการ').getValue()).toBe('จัดประชุมแล้ว');
    const again = listed(h).find((m) => m.id === a.id)!;
    saved(api<Saved>(h, 'save', { input: edit(again, { startDate: '2025-12-01', indicators: [9] }), base: again }));
    expect(Object.prototype.toString.call(cell(sheet, 2, 'วันที่เริ่ม').getValue())).toBe('[object Date]');
    expect(cell(sheet, 2, 'ตัวชี้วัด').getValue()).toBe('9');
    expect(cell(sheet, 2, 'สถานะ').getValue()).toBe('รอดำเนินการ');
  });

  it('a measure title of only a zero-width space is refused as empty', () => {
    const h = setUp();
    for (const blank of ['\u200b', ' \u200b\u200c\u200d\ufeff\u2060 ']) {
      expect(api<Saved>(h, 'save', { input: input({ measure: blank }) })).toMatchObject({ ok: false, kind: 'invalid', errors: { measure: 'กรุณากรอกช่องนี้' } });
    }
    expect(measuresSheet(h).getLastRow()).toBe(1);
  });
});

describe('wrong row, stale writes (issue 9)', () => {
  it('marking an OIT item done changes that item when another item has the same code, or items have none', () => {
    const h = oitYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    sheet.getRange(45, 1, 3, 5).setValues([
      ['O5', 'ข้อที่หน่วยงานเพิ่มเอง', '9.5', 'กองคลัง', 'ยังไม่ได้ดำเนินการ'],
      ['', 'ข้อไม่มีรหัส ก', '10.2', '', 'ยังไม่ได้ดำเนินการ'],
      ['', 'ข้อไม่มีรหัส ข', '10.2', '', 'ยังไม่ได้ดำเนินการ'],
    ]);
    const items = oitItems(h);
    const own = items.find((i) => i.item === 'ข้อที่หน่วยงานเพิ่มเอง')!;
    const second = items.find((i) => i.item === 'ข้อไม่มีรหัส ข')!;
    expect(mark(h, own, 'ดำเนินการแล้ว', 'https://www.example.go.th/ita/own')).toEqual({ ok: true });
    expect(mark(h, second, 'ดำเนินการแล้ว', 'https://www.example.go.th/ita/no-code')).toEqual({ ok: true });
    const status = (row: number) => cell(sheet, row, 'สถานะ').getValue();
    expect(status(6)).toBe('ยังไม่ได้ดำเนินการ'); // the list's own O5
    expect(status(45)).toBe('ดำเนินการแล้ว');
    expect(status(46)).toBe('ยังไม่ได้ดำเนินการ');
    expect(status(47)).toBe('ดำเนินการแล้ว');
    expect(cell(sheet, 47, 'ลิงก์หลักฐาน').getValue()).toBe('https://www.example.go.th/ita/no-code');
  });

  it('deleting and editing a copy of a measure’s row made in the sheet reach the copy, and the original stays', () => {
    const h = setUp();
    const a = saveNew(h, { measure: 'ต้นฉบับ' });
    const sheet = measuresSheet(h);
    sheet.copyRow(2, 3);
    cell(sheet, 3, 'มาตรการ/แนวทาง').setValue('สำเนาที่แก้ในแผ่นงาน');
    const views = listed(h);
    expect(views).toHaveLength(2);
    expect(new Set(views.map((m) => m.id)).size).toBe(2);
    const original = views.find((m) => m.measure === 'ต้นฉบับ')!;
    const copy = views.find((m) => m.measure === 'สำเนาที่แก้ในแผ่นงาน')!;
    expect(original.id).toBe(a.id);
    saved(api<Saved>(h, 'save', { input: edit(copy, { result: 'แก้สำเนา' }), base: copy }));
    expect(cell(sheet, 2, 'ผลการดำเนินการ').getValue()).toBe('');
    const copyNow = listed(h).find((m) => m.id === copy.id)!;
    expect(api<{ ok: boolean }>(h, 'remove', { base: copyNow }).ok).toBe(true);
    expect(listed(h).map((m) => m.measure)).toEqual(['ต้นฉบับ']);
  });

  it('an edit from a sidebar loaded before a row was copied is refused while the copy is the same, then reaches the original', () => {
    const h = setUp();
    saveNew(h, { measure: 'ต้นฉบับ' });
    const [base] = listed(h);
    const sheet = measuresSheet(h);
    sheet.copyRow(2, 3);
    const before = sheet.snapshot();
    const r = api<Saved>(h, 'save', { input: edit(base!, { result: 'ของฉัน' }), base });
    expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('ซ้ำ'), en: expect.stringContaining('copied') } });
    expect(sheet.snapshot()).toEqual(before);
    cell(sheet, 3, 'มาตรการ/แนวทาง').setValue('สำเนา');
    saved(api<Saved>(h, 'save', { input: edit(base!, { result: 'ของฉัน' }), base }));
    expect(cell(sheet, 2, 'ผลการดำเนินการ').getValue()).toBe('ของฉัน');
    expect(cell(sheet, 3, 'ผลการดำเนินการ').getValue()).toBe('');
  });

  it('a save is refused as stale when a cell the reader cannot parse was typed after the form loaded', () => {
    const h = setUp();
    saveNew(h);
    const [base] = listed(h);
    const sheet = measuresSheet(h);
    cell(sheet, 2, 'วันที่เริ่ม').type('ภายใน ธ.ค. 2568');
    const before = sheet.snapshot();
    expect(api<Saved>(h, 'save', { input: edit(base!, { status: 'กำลังดำเนินการ' }), base })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(sheet.snapshot()).toEqual(before);
  });

  it('a delete from an out-of-date sidebar is refused, and the row stays', () => {
    const h = setUp();
    saveNew(h);
    const [base] = listed(h);
    const sheet = measuresSheet(h);
    cell(sheet, 2, 'มาตรการ/แนวทาง').setValue('แก้ในแผ่นงานหลังเปิดแถบด้านข้าง');
    const before = sheet.snapshot();
    expect(api<{ ok: boolean }>(h, 'remove', { base })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(sheet.snapshot()).toEqual(before);
    expect(api<DeletedView[]>(h, 'deleted')).toEqual([]);
  });

  it('copying a measure to the next year from an out-of-date sidebar is refused, and nothing is added', () => {
    const h = setUp();
    saveNew(h);
    const [base] = listed(h);
    const sheet = measuresSheet(h);
    cell(sheet, 2, 'มาตรการ/แนวทาง').setValue('แก้ในแผ่นงานหลังเปิดแถบด้านข้าง');
    const before = sheet.snapshot();
    expect(api<Saved>(h, 'duplicate', { id: base!.id, base })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(sheet.snapshot()).toEqual(before);
    const [fresh] = listed(h);
    expect(saved(api<Saved>(h, 'duplicate', { id: fresh!.id, base: fresh }))).toMatchObject({ fiscalYear: 2570, measure: 'แก้ในแผ่นงานหลังเปิดแถบด้านข้าง' });
  });

  it('ids for rows typed by hand go to those rows, even when the sheet is sorted between the read and the lock', () => {
    const h = setUp();
    const a = saveNew(h, { measure: 'ก' });
    const sheet = measuresSheet(h);
    const row = HEADERS.map((hd) => (hd === 'ปีงบประมาณ' ? 2569 : hd === 'มาตรการ/แนวทาง' ? 'พิมพ์เอง' : hd === 'ตัวชี้วัด' ? '9' : ''));
    sheet.getRange(3, 1, 1, HEADERS.length).setValues([row]);
    const lock = h.locks.lock;
    const tryLock = lock.tryLock.bind(lock);
    let sorted = false;
    lock.tryLock = (ms: number) => {
      if (!sorted) {
        sorted = true;
        sheet.swapRows(2, 3); // another person sorts the sheet just then
      }
      return tryLock(ms);
    };
    const views = listed(h);
    expect(views.find((m) => m.measure === 'ก')!.id).toBe(a.id);
    const typed = views.find((m) => m.measure === 'พิมพ์เอง')!;
    expect(typed.id).not.toBe('');
    expect(typed.id).not.toBe(a.id);
    expect(cell(sheet, 3, 'รหัส').getValue()).toBe(a.id);
    expect(cell(sheet, 2, 'รหัส').getValue()).toBe(typed.id);
  });
});

describe('set-up and settings (issue 9)', () => {
  it('set-up after a header was renamed adds no empty column, and says which header it cannot find', () => {
    const h = setUp();
    saveNew(h, { responsible: 'สำนักปลัด' });
    const sheet = measuresSheet(h);
    const at = col(sheet, 'ผู้รับผิดชอบ');
    sheet.getRange(1, at).setValue('ผู้รับผิดชอบหลัก');
    const width = sheet.getLastColumn();
    h.call('setupWorkbook');
    expect(sheet.getLastColumn()).toBe(width);
    expect(col(sheet, 'ผู้รับผิดชอบ')).toBe(0);
    const toast = h.spreadsheet.toasts.at(-1)!.msg;
    expect(toast).toContain('ผู้รับผิดชอบ');
    expect(toast).toContain('ผู้รับผิดชอบหลัก');
    expect(() => api(h, 'list', { fiscalYear: 2569 })).toThrow(/ผู้รับผิดชอบหลัก/);
  });

  it('set-up adds missing headers to the header row under a title row, and the measures under it are read and written there', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.insertSheet('มาตรการ');
    const title = 'มาตรการ ITA องค์การบริหารส่วนตำบลห้วยเตย ปีงบประมาณ 2569';
    const have = HEADERS.filter((hd) => hd !== 'ลิงก์หลักฐาน' && hd !== 'แก้ไขโดย');
    sheet.getRange(1, 1).setValue(title);
    sheet.getRange(2, 1, 1, have.length).setValues([have]);
    sheet.getRange(3, 1, 1, have.length).setValues([have.map((hd) => (hd === 'รหัส' ? 'm-1' : hd === 'ปีงบประมาณ' ? 2569 : hd === 'ตัวชี้วัด' ? '9' : hd === 'มาตรการ/แนวทาง' ? 'มาตรการเดิม' : ''))]);
    const h = setUp(ss);
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.filter((v) => v !== '')).toEqual([title]);
    expect(col(sheet, 'ลิงก์หลักฐาน', 2)).toBeGreaterThan(0);
    expect(col(sheet, 'แก้ไขโดย', 2)).toBeGreaterThan(0);
    expect(listed(h).map((m) => m.measure)).toEqual(['มาตรการเดิม']);
    const m = saveNew(h, { measure: 'มาตรการใหม่' });
    expect(cell(sheet, 4, 'รหัส', 2).getValue()).toBe(m.id);
    expect(sheet.getRange(1, 1).getValue()).toBe(title);
  });

  it('a fiscal year typed in Thai digits in the settings is the year the sidebar and the OIT checklist use', () => {
    const h = setUp();
    const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
    const row = settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
    settings.getRange(row, 2).type('๒๕๖๖');
    expect(api<ListAnswer>(h, 'list').fiscalYear).toBe(2566);
    h.call('setupOitChecklist');
    expect(h.spreadsheet.getSheetByName('OIT 2566')).not.toBeNull();
    expect(settings.getRange(row, 2).getValue()).toBe('๒๕๖๖');
  });
});
