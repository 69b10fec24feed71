// Findings of the hostile review of issue 9 (the user's data in the measures
// sheet and set-up), each a test named for the behaviour. Each failed before
// its fix.
import { describe, expect, it } from 'vitest';
import type { ListAnswer, Saved } from '../../src/core/api';
import { blankMeasure, type Measure, type MeasureInput } from '../../src/core/measures/model';
import type { ServiceCall } from '../harness/fakes';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, type FakeSheet } from '../harness/spreadsheet';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;

function setUp(ss = new FakeSpreadsheet()): Harness {
  const h = loadBundle({ spreadsheet: ss, email: 'staff@huaytoei.go.th' });
  h.call('setupWorkbook');
  const settings = ss.getSheetByName('ตั้งค่า ITA')!;
  settings.getRange(settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1, 2).setValue(2569);
  return h;
}
const input = (over: Partial<MeasureInput> = {}): MeasureInput => ({ ...blankMeasure(2569), indicators: [9], issue: 'ประเด็น', measure: 'มาตรการ', responsible: 'สำนักปลัด', ...over });
function saved(r: Saved): Measure {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.measure;
}
const saveNew = (h: Harness, over: Partial<MeasureInput> = {}): Measure => saved(api<Saved>(h, 'save', { input: input(over) }));
const FORM = ['fiscalYear', 'indicators', 'issue', 'measure', 'method', 'responsible', 'startDate', 'endDate', 'followUp', 'status', 'result', 'outcome', 'suggestion', 'problems', 'evidenceUrl'] as const;
const edit = (base: Measure, over: Partial<MeasureInput> = {}): MeasureInput => ({ ...(Object.fromEntries(FORM.map((f) => [f, base[f]])) as unknown as MeasureInput), ...over });
const listed = (h: Harness, year = 2569) => api<ListAnswer>(h, 'list', { fiscalYear: year }).measures;
const measuresSheet = (h: Harness): FakeSheet => h.spreadsheet.getSheetByName('มาตรการ')!;
const col = (s: FakeSheet, header: string): number => (s.getRange(1, 1, 1, s.getMaxColumns()).getValues()[0] as string[]).indexOf(header) + 1;
const cell = (s: FakeSheet, row: number, header: string) => s.getRange(row, col(s, header));
const once = (pick: (c: ServiceCall) => boolean) => ({ at: 1, seen: 0, where: pick });

/** Runs an entry point with its `at`-th service call failing: the call hit (none past the last) and the message thrown ("" if none). */
function failingAt(h: Harness, at: number, entry: string): { hit: ServiceCall | undefined; message: string } {
  h.log.fault = { at, seen: 0 };
  let message = '';
  try {
    h.call(entry);
  } catch (e) {
    message = (e as Error).message;
  }
  const hit = h.log.fault.hit;
  h.log.fault = undefined;
  return { hit, message };
}

describe('the measures sheet (hostile review, issue 9)', () => {
  it('never writes a new measure over one below a named range a person narrowed; set-up names whole columns again', () => {
    const h = setUp();
    for (const t of ['ก', 'ข', 'ค', 'ง']) saveNew(h, { measure: t });
    const sheet = measuresSheet(h);
    h.spreadsheet.setNamedRange('ITA_MEASURES', sheet.getRange('A1:R3') as unknown as GoogleAppsScript.Spreadsheet.Range); // narrowed by hand
    const before = sheet.snapshot();
    const r = api<Saved>(h, 'save', { input: input({ measure: 'ใหม่' }) });
    expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('ไม่ครอบคลุมทุกแถว') } });
    expect(sheet.snapshot()).toEqual(before);
    h.call('setupWorkbook');
    expect(h.spreadsheet.getRangeByName('ITA_MEASURES')!.getNumRows()).toBe(sheet.getMaxRows());
    saveNew(h, { measure: 'ใหม่' });
    expect(sheet.getRange(2, col(sheet, 'มาตรการ/แนวทาง'), 5, 1).getValues().flat()).toEqual(['ก', 'ข', 'ค', 'ง', 'ใหม่']);
  });

  it('shows a measure whose fiscal year reads "พ.ศ. 2569" in that year, and one without a year in every year with a note', () => {
    const h = setUp();
    saveNew(h, { measure: 'ก' });
    saveNew(h, { measure: 'ข' });
    const sheet = measuresSheet(h);
    cell(sheet, 3, 'ปีงบประมาณ').type('พ.ศ. 2569');
    expect(listed(h).map((v) => v.measure.measure)).toEqual(['ก', 'ข']);
    cell(sheet, 4, 'มาตรการ/แนวทาง').type('พิมพ์เองในแผ่นงาน');
    cell(sheet, 5, 'มาตรการ/แนวทาง').type('ปีอ่านไม่ได้');
    cell(sheet, 5, 'ปีงบประมาณ').type('ปีหน้า');
    for (const year of [2569, 2570]) {
      const views = listed(h, year).filter((v) => v.measure.measure !== 'ก' && v.measure.measure !== 'ข');
      expect(views.map((v) => v.measure.measure)).toEqual(['พิมพ์เองในแผ่นงาน', 'ปีอ่านไม่ได้']);
      expect(views[0]!.notes).toEqual([expect.stringContaining('ปีงบประมาณ ว่าง จึงแสดงมาตรการนี้ในทุกปี')]);
      expect(views[1]!.notes).toEqual([expect.stringContaining('ปีงบประมาณ อ่านไม่ได้: "ปีหน้า"')]);
    }
  });

  it('a =NOW() a person put in แก้ไขล่าสุด does not make saves of the measure stale as Sheets recalculates it', () => {
    const h = setUp();
    saveNew(h);
    const evaluate = h.spreadsheet.evaluator!;
    let clock = 46036.5;
    h.spreadsheet.evaluator = (f, s, r, c) => (/^=\s*NOW\(\)\s*$/i.test(f) ? clock : evaluate(f, s, r, c));
    const sheet = measuresSheet(h);
    cell(sheet, 2, 'แก้ไขล่าสุด').setFormula('=NOW()');
    const [view] = listed(h);
    clock += 1 / 1440;
    expect(api<Saved>(h, 'save', { input: edit(view!.measure, { result: 'ประชุมแล้ว' }), base: view!.measure })).toMatchObject({ ok: true });
    expect(cell(sheet, 2, 'แก้ไขล่าสุด').getFormulas()[0]![0]).toBe('=NOW()');
  });

  it('saving another field leaves a link typed in the sheet with a trailing space exactly as typed', () => {
    const h = setUp();
    saveNew(h);
    const sheet = measuresSheet(h);
    cell(sheet, 2, 'ลิงก์หลักฐาน').type('https://www.example.go.th/ita/o1 ');
    const [view] = listed(h);
    saved(api<Saved>(h, 'save', { input: edit(view!.measure, { result: 'ประชุมแล้ว', evidenceUrl: view!.measure.evidenceUrl.trim() }), base: view!.measure }));
    expect(cell(sheet, 2, 'ลิงก์หลักฐาน').getValue()).toBe('https://www.example.go.th/ita/o1 ');
    expect(cell(sheet, 2, 'ผลการดำเนินการ').getValue()).toBe('ประชุมแล้ว');
  });
});

describe('set-up (hostile review, issue 9)', () => {
  it('keeps the sidebar on the measures sheet a person renamed, instead of making an empty one', () => {
    const h = setUp();
    saveNew(h, { measure: 'ก' });
    saveNew(h, { measure: 'ข' });
    measuresSheet(h).setName('มาตรการ 2569');
    h.call('setupWorkbook');
    expect(h.spreadsheet.getSheetByName('มาตรการ')).toBeNull();
    expect(listed(h).map((v) => v.measure.measure)).toEqual(['ก', 'ข']);
    expect(h.spreadsheet.toasts.at(-1)!.msg).toContain('แผ่นงานมาตรการชื่อ "มาตรการ 2569"');
  });

  it('interrupted at any call, takes back what it made and says so; run again, it makes the whole workbook', () => {
    // A spreadsheet always has a sheet of its own before set-up (one cannot delete the last sheet).
    const fresh = () => {
      const ss = new FakeSpreadsheet();
      ss.newSheetSize = { rows: 12, cols: 30 }; // small sheets: ~400 set-ups in a few seconds
      ss.insertSheet('แผ่นงาน1');
      return ss;
    };
    const clean = loadBundle({ spreadsheet: fresh() });
    clean.call('setupWorkbook');
    const want = JSON.stringify(clean.spreadsheet.getSheets().map((s) => [s.getName(), (s as FakeSheet).snapshot()]));
    const total = clean.log.length;
    expect(total).toBeGreaterThan(100);
    for (let at = 1; at <= total; at += 1) {
      const h = loadBundle({ spreadsheet: fresh() });
      const { hit, message } = failingAt(h, at, 'setupWorkbook');
      if (!hit) continue;
      const now = JSON.stringify(h.spreadsheet.getSheets().map((s) => [s.getName(), (s as FakeSheet).snapshot()]));
      // Either nothing is left (taken back, and said so — or failed before making anything), or all of it (only the closing toast failed).
      if (message.includes('ตั้งค่าไม่สำเร็จ')) expect(message, `fault at ${hit.service}.${hit.method}`).toContain('สิ่งที่ทำไปแล้วถูกนำออก สมุดงานเหมือนเดิม');
      expect([JSON.stringify([['แผ่นงาน1', (h.spreadsheet.getSheetByName('แผ่นงาน1') as FakeSheet).snapshot()]]), want], `fault at ${at} (${hit.service}.${hit.method}): ${message}`).toContain(now);
      h.call('setupWorkbook');
      expect(JSON.stringify(h.spreadsheet.getSheets().map((s) => [s.getName(), (s as FakeSheet).snapshot()])), `fault at ${at} (${hit.service}.${hit.method})`).toBe(want);
    }
  });

  it('adding columns to a used sheet, interrupted, leaves no half-made column: run again, the formulas are there', () => {
    const ss = new FakeSpreadsheet();
    const h = loadBundle({ spreadsheet: ss });
    const scores = ss.insertSheet('คะแนน ITA');
    scores.getRange(1, 1, 2, 11).setValues([['ปีงบประมาณ', ...Array.from({ length: 10 }, (_, i) => `ตัวชี้วัด ${i + 1}`)], [2568, 90, 90, 90, 90, 90, 90, 90, 90, 70, 50]]);
    h.log.fault = once((c) => c.method === 'setFormula');
    expect(() => h.call('setupWorkbook')).toThrow(/สิ่งที่ทำไปแล้วถูกนำออก/);
    h.log.fault = undefined;
    expect(scores.getRange(1, 1, 1, scores.getMaxColumns()).getValues()[0]!.filter((x) => x !== '')).toHaveLength(11);
    h.call('setupWorkbook');
    const header = scores.getRange(1, 1, 1, scores.getLastColumn()).getValues()[0] as string[];
    const formulas = scores.getRange(2, 1, 1, header.length).getFormulas()[0]!;
    for (const name of ['IIT', 'EIT', 'OIT', 'คะแนนรวม', 'ผลการประเมิน', 'ที่มาของเกณฑ์']) expect(formulas[header.indexOf(name)], name).toMatch(/^=ITA_/);
  });
});

describe('รายการตรวจ OIT (hostile review, issue 9)', () => {
  const items = (s: FakeSheet) => s.getDataRange().getValues().slice(1).filter((r) => r[0] !== '').length;

  it('deleting or renaming the checklist sheet and running it again gives a new sheet with the whole year’s list', () => {
    const h = setUp();
    h.call('setupOitChecklist');
    const first = h.spreadsheet.getSheetByName('OIT 2569')!;
    const n = items(first);
    expect(n).toBe(26);
    h.spreadsheet.deleteSheet(first as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    h.call('setupOitChecklist');
    expect(items(h.spreadsheet.getSheetByName('OIT 2569')!)).toBe(n);
    h.spreadsheet.getSheetByName('OIT 2569')!.setName('OIT 2569 เดิม');
    h.call('setupOitChecklist');
    expect(items(h.spreadsheet.getSheetByName('OIT 2569')!)).toBe(n);
  });

  it('interrupted at any call, leaves no half-made checklist: run again, it has its live score and every item', () => {
    const small = () => {
      const ss = new FakeSpreadsheet();
      ss.newSheetSize = { rows: 40, cols: 20 }; // small sheets: a few hundred runs in seconds
      return setUp(ss);
    };
    const clean = small();
    const before = clean.log.length;
    clean.call('setupOitChecklist');
    const calls = clean.log.length - before;
    const want = clean.spreadsheet.getSheetByName('OIT 2569')!.snapshot();
    for (let at = 1; at <= calls; at += 1) {
      const h = small();
      const { hit, message } = failingAt(h, at, 'setupOitChecklist');
      if (!hit) continue;
      const where = `fault at ${at} (${hit.service}.${hit.method}): ${message}`;
      const half = h.spreadsheet.getSheetByName('OIT 2569');
      if (message.includes('ไม่สำเร็จ')) expect(half, where).toBeNull();
      h.call('setupOitChecklist');
      const sheet = h.spreadsheet.getSheetByName('OIT 2569')!;
      expect(sheet.snapshot(), where).toEqual(want);
      expect(sheet.getRange(2, sheet.snapshot().values[0]!.indexOf('คะแนน OIT') - 1).getFormulas()[0]![0], where).toMatch(/^=ITA_OIT\(/);
    }
  });
});
