// The workbook set-up and the measures data layer, run from the built bundle
// over the in-memory spreadsheet.
import { describe, expect, it } from 'vitest';
import type { ListAnswer, Saved } from '../../src/core/api';
import { measureColumns, type Measure, type MeasureInput } from '../../src/core/measures/model';
import { SEED_001 } from '../fixtures/seeds';
import { ASSUMPTIONS, type Variants } from '../harness/assumptions';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, type FakeSheet } from '../harness/spreadsheet';

const HEADERS = measureColumns().map((c) => c.header);

function setUp(ss = new FakeSpreadsheet(), assume?: Variants): Harness {
  const h = loadBundle({ spreadsheet: ss, assume });
  h.call('setupWorkbook');
  return h;
}

/** Each undocumented behaviour at its first (likelier) variant: what call counts are promised for. */
const LIKELY = Object.fromEntries(Object.entries(ASSUMPTIONS).map(([id, a]) => [id, a.variants[0]])) as Variants;

/** A new execution over the same spreadsheet (module state, such as the time zone read, starts afresh). */
const nextExecution = (h: Harness): Harness => loadBundle({ spreadsheet: h.spreadsheet, assume: h.assumptions });

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;

function input(over: Partial<MeasureInput> = {}): MeasureInput {
  return {
    fiscalYear: 2569,
    indicators: [9],
    issue: 'ข้อมูลบนเว็บไซต์ไม่ครบถ้วน',
    measure: 'ทบทวนการเผยแพร่ข้อมูลสาธารณะบนเว็บไซต์ทุกไตรมาส',
    method: '1. ตรวจรายการ 2. มอบหมายผู้รับผิดชอบ',
    responsible: 'สำนักปลัด',
    startDate: '2025-10-01',
    endDate: '2026-09-30',
    followUp: 'รายงานทุกไตรมาส',
    status: 'ยังไม่ได้ดำเนินการ',
    result: '',
    outcome: '',
    suggestion: '',
    problems: '',
    evidenceUrl: '',
    ...over,
  };
}

function saveNew(h: Harness, over: Partial<MeasureInput> = {}): Measure {
  const r = api<Saved>(h, 'save', { input: input(over) });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.measure;
}

const measures = (h: Harness): FakeSheet => h.spreadsheet.getSheetByName('มาตรการ')!;
const column = (sheet: FakeSheet, header: string): number => (sheet.getDataRange().getValues()[0] as string[]).indexOf(header);

describe('setting up the workbook', () => {
  it('creates the settings, scores, measures, recycle and report-log sheets with frozen, protected-looking headers', () => {
    const h = setUp();
    expect(h.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['ตั้งค่า ITA', 'คะแนน ITA', 'มาตรการ', 'มาตรการที่ลบ', 'รายงานที่สร้าง']);
    for (const s of h.spreadsheet.getSheets()) {
      expect(s.getFrozenRows(), s.getName()).toBe(1);
      expect(s.protections.some((p) => p.isWarningOnly()), s.getName()).toBe(true);
    }
    expect(measures(h).getDataRange().getValues()[0]).toEqual(HEADERS);
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('สร้างแผ่นงาน "มาตรการ"');
  });

  it('puts dropdowns on the status and indicator columns', () => {
    const h = setUp();
    const sheet = measures(h);
    const status = sheet.getRange(5, column(sheet, 'สถานะ') + 1).getDataValidation();
    expect(status?.list).toEqual(['ยังไม่ได้ดำเนินการ', 'กำลังดำเนินการ', 'ดำเนินการแล้ว']);
    expect(status?.getAllowInvalid()).toBe(false);
    const ind = sheet.getRange(5, column(sheet, 'ตัวชี้วัด') + 1).getDataValidation();
    expect(ind?.list).toHaveLength(10);
  });

  it('fills the scores sheet with our own formulas, which compute the seeds', () => {
    const h = setUp();
    const scores = h.spreadsheet.getSheetByName('คะแนน ITA')!;
    const header = scores.getDataRange().getValues()[0] as string[];
    expect(header.slice(-6)).toEqual(['IIT', 'EIT', 'OIT', 'คะแนนรวม', 'ผลการประเมิน', 'ที่มาของเกณฑ์']);
    const formulas = scores.getRange(2, 1, 1, header.length).getFormulas()[0]!;
    expect(formulas[header.indexOf('คะแนนรวม')]).toBe('=ITA_SCORE(B2:K, A2:A)');
    expect(formulas[header.indexOf('ที่มาของเกณฑ์')]).toBe('=ITA_RULES(A2:A)');
    scores.getRange(2, 1, 1, 11).setValues([[2568, ...SEED_001.scores]]);
    const row = scores.getRange(2, 1, 1, header.length).getValues()[0]!;
    expect(row[header.indexOf('คะแนนรวม')]).toBeCloseTo(80.765, 10);
    expect(row[header.indexOf('ผลการประเมิน')]).toBe('ต้องปรับปรุง');
    expect(row[header.indexOf('OIT')]).toBe(60);
    expect(row[header.indexOf('ที่มาของเกณฑ์')]).toBe('อนุมาน: เกณฑ์ผลการประเมิน | inferred: result rule');
  });

  it('shows no letter for 2566 onward, and says in the sheet when a year’s rules are provisional (issue 10)', () => {
    const h = setUp();
    const scores = h.spreadsheet.getSheetByName('คะแนน ITA')!;
    const header = scores.getDataRange().getValues()[0] as string[];
    expect(header).not.toContain('ระดับ');
    scores.getRange(2, 1, 4, 11).setValues([[2565, ...SEED_001.scores], [2569, ...SEED_001.scores], [2570, ...SEED_001.scores], [2571, ...SEED_001.scores]]);
    const rows = scores.getRange(2, 1, 4, header.length).getValues();
    expect(rows.map((r) => r[header.indexOf('ผลการประเมิน')])).toEqual(['B', 'ต้องปรับปรุง', 'ต้องปรับปรุง', 'ต้องปรับปรุง']);
    expect(rows.map((r) => r[header.indexOf('คะแนนรวม')])).toEqual([...Array(4)].map(() => expect.closeTo(80.765, 10)));
    const notes = rows.map((r) => String(r[header.indexOf('ที่มาของเกณฑ์')]));
    expect(notes[0]).toBe('');
    expect(notes[1]).toBe('อนุมาน: น้ำหนักเครื่องมือ, เกณฑ์ผลการประเมิน | inferred: tool weights, result rule');
    expect(notes[2]).toContain('ชั่วคราว: ป.ป.ช. ยังไม่ประกาศเกณฑ์ปี 2570 ใช้เกณฑ์ปี 2569');
    expect(notes[3]).toContain('ชั่วคราว: ป.ป.ช. ยังไม่ประกาศเกณฑ์ปี 2571 ใช้เกณฑ์ปี 2569');
  });

  it('changes nothing when run again', () => {
    const h = setUp();
    const before = h.spreadsheet.getSheets().map((s) => s.snapshot());
    h.call('setupWorkbook');
    expect(h.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('ไม่มีการเปลี่ยนแปลง');
  });

  it('adds only the missing columns to a used sheet and keeps the columns a user added', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.insertSheet('มาตรการ');
    sheet.getRange(1, 1, 2, 4).setValues([
      ['หมายเหตุของกอง', 'มาตรการ/แนวทาง', 'สถานะ', 'รหัส'],
      ['ใช้ประชุมเดือนหน้า', 'มาตรการเดิม', 'กำลังดำเนินการ', 'm-1'],
    ]);
    const h = setUp(ss);
    const values = sheet.getDataRange().getValues();
    expect(values[0]!.slice(0, 4)).toEqual(['หมายเหตุของกอง', 'มาตรการ/แนวทาง', 'สถานะ', 'รหัส']);
    expect(values[1]!.slice(0, 4)).toEqual(['ใช้ประชุมเดือนหน้า', 'มาตรการเดิม', 'กำลังดำเนินการ', 'm-1']);
    expect(new Set(values[0])).toEqual(new Set(['หมายเหตุของกอง', ...HEADERS]));
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('เพิ่มคอลัมน์');
  });

  it('keeps the settings a user typed', () => {
    const h = setUp();
    const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
    settings.getRange(2, 2).setValue('องค์การบริหารส่วนตำบลห้วยเตย');
    h.call('setupWorkbook');
    expect(settings.getRange(2, 2).getValue()).toBe('องค์การบริหารส่วนตำบลห้วยเตย');
  });

  it('adds the memo’s and the announcement’s signer rows to an older settings sheet, after what is there, touching no typed value, and asks nothing twice', () => {
    const ss = new FakeSpreadsheet();
    const old = [
      ['รายการ', 'ค่า', 'คำอธิบาย'],
      ['ชื่อหน่วยงาน', 'เทศบาลตำบลห้วยเตย', ''],
      ['ชื่อผู้บริหาร', 'นายตัวอย่าง ใจดี', 'พิมพ์เอง'],
      ['ตำแหน่งผู้บริหาร', 'นายกเทศมนตรีตำบลห้วยเตย', ''],
      ['หมายเหตุของกอง', 'ใช้ประชุมเดือนหน้า', ''],
    ];
    ss.insertSheet('ตั้งค่า ITA').getRange(1, 1, old.length, 3).setValues(old);
    const h = setUp(ss);
    const values = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!.getDataRange().getValues();
    expect(values.slice(0, old.length)).toEqual(old);
    const added = values.slice(old.length).map((r) => r[0]);
    expect(added).toEqual(expect.arrayContaining(['ส่วนราชการ', 'เลขที่หนังสือ', 'ชื่อปลัด', 'ตำแหน่งปลัด', 'ชื่อหัวหน้าส่วนราชการ', 'ตำแหน่งหัวหน้าส่วนราชการ', 'ชื่อผู้จัดทำรายงาน', 'ตำแหน่งผู้จัดทำรายงาน', 'ลำดับผู้ให้ความเห็น']));
    expect(added).not.toContain('ชื่อผู้บริหาร');
    expect(values.find((r) => r[0] === 'ลำดับผู้ให้ความเห็น')![1]).toBe('หัวหน้าส่วนราชการ, ปลัด, ผู้บริหาร');
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('"ลำดับผู้ให้ความเห็น"');
    // A person's own order, and a row emptied on purpose, stay as typed when set-up runs again.
    const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
    const row = (k: string) => values.findIndex((r) => r[0] === k) + 1;
    settings.getRange(row('ลำดับผู้ให้ความเห็น'), 2).setValue('ปลัด');
    settings.getRange(row('ส่วนราชการ'), 2).setValue('กองคลัง');
    const before = settings.snapshot();
    h.call('setupWorkbook');
    expect(settings.snapshot()).toEqual(before);
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('ไม่มีการเปลี่ยนแปลง');
  });
});

describe('saving a measure', () => {
  it('adds a row with a new id, the time and the user', () => {
    const h = setUp();
    const m = saveNew(h);
    expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.updatedBy).toBe('staff@example.go.th');
    const list = api<ListAnswer>(h, 'list', { fiscalYear: 2569 });
    expect(list.measures.map((v) => v.measure)).toEqual([m]);
  });

  it('stores what a user typed as text, never as a formula or a number', () => {
    const h = setUp();
    const typed = { measure: '=1+1', issue: '+66 81 234 5678', method: '-', responsible: '@สำนักปลัด', followUp: '001', result: '2566-10-01' };
    const m = saveNew(h, typed);
    const sheet = measures(h);
    const row = sheet.getRange(2, 1, 1, HEADERS.length);
    expect(row.getFormulas()[0]!.every((f) => f === '')).toBe(true);
    const values = row.getValues()[0]!;
    for (const [field, text] of Object.entries(typed)) {
      const header = measureColumns().find((c) => c.field === field)!.header;
      expect(values[HEADERS.indexOf(header)], field).toBe(text);
    }
    expect(api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures[0]!.measure).toEqual(m);
  });

  it('writes dates as real dates, shown in Thai', () => {
    const h = setUp();
    saveNew(h, { startDate: '2025-10-01' });
    const sheet = measures(h);
    const col = column(sheet, 'วันที่เริ่ม') + 1;
    const cell = sheet.getRange(2, col);
    expect(Object.prototype.toString.call(cell.getValue())).toBe('[object Date]');
    expect(cell.getDisplayValues()[0]![0]).toBe('1 ตุลาคม 2568');
  });

  it('refuses bad input with a Thai message per field and writes nothing', () => {
    const h = setUp();
    const r = api<Saved>(h, 'save', { input: input({ measure: '  ', indicators: [], evidenceUrl: 'javascript:alert(1)', startDate: '2026-02-30' }) });
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== 'invalid') throw new Error('expected invalid');
    expect(r.errors).toEqual({
      measure: 'กรุณากรอกช่องนี้',
      indicators: expect.stringContaining('เลือกตัวชี้วัด'),
      evidenceUrl: expect.stringContaining('http://'),
      startDate: expect.stringContaining('วันที่ไม่ถูกต้อง'),
    });
    expect(measures(h).getLastRow()).toBe(1);
  });

  it('edits the right row after a user sorted the sheet', () => {
    const h = setUp();
    const a = saveNew(h, { measure: 'ก' });
    const b = saveNew(h, { measure: 'ข' });
    const sheet = measures(h);
    sheet.swapRows(2, 3);
    const r = api<Saved>(h, 'save', { input: { ...input(), measure: 'ก (แก้ไข)' }, base: a });
    expect(r.ok).toBe(true);
    const list = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.map((v) => v.measure);
    expect(list.find((m) => m.id === a.id)?.measure).toBe('ก (แก้ไข)');
    expect(list.find((m) => m.id === b.id)?.measure).toBe('ข');
  });

  it('finds columns by name when a user reordered them, and keeps a column the user added', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.insertSheet('มาตรการ');
    const shuffled = ['งบประมาณ (บาท)', ...[...HEADERS].reverse()];
    sheet.getRange(1, 1, 1, shuffled.length).setValues([shuffled]);
    const h = setUp(ss);
    const m = saveNew(h);
    sheet.getRange(2, 1).setValue(25000);
    const r = api<Saved>(h, 'save', { input: { ...input(), status: 'ดำเนินการแล้ว', result: 'จัดประชุมแล้ว 4 ครั้ง' }, base: m });
    expect(r.ok).toBe(true);
    const row = sheet.getRange(2, 1, 1, shuffled.length).getValues()[0]!;
    expect(row[0]).toBe(25000);
    expect(row[shuffled.indexOf('สถานะ')]).toBe('ดำเนินการแล้ว');
    expect(row[shuffled.indexOf('ผลการดำเนินการ')]).toBe('จัดประชุมแล้ว 4 ครั้ง');
    expect(row[shuffled.indexOf('รหัส')]).toBe(m.id);
  });

  it('keeps a user’s formula and a user’s formula-like text in their own columns when a measure is saved', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.insertSheet('มาตรการ');
    const cols = [HEADERS[0]!, 'งบประมาณ', 'ข้อความของกอง', ...HEADERS.slice(1), 'ท้ายสุด'];
    sheet.getRange(1, 1, 1, cols.length).setValues([cols]);
    const h = setUp(ss);
    const m = saveNew(h);
    sheet.getRange(2, 2).setFormula('=1+2');
    sheet.getRange(2, 3).type("'=ไม่ใช่สูตร");
    sheet.getRange(2, cols.length).setFormula('=2*3');
    const r = api<Saved>(h, 'save', { input: { ...input(), measure: 'แก้ไขแล้ว' }, base: m });
    expect(r.ok).toBe(true);
    const formulas = sheet.getRange(2, 1, 1, cols.length).getFormulas()[0]!;
    expect(formulas[1]).toBe('=1+2');
    expect(formulas[2]).toBe('');
    expect(sheet.getRange(2, 3).getValue()).toBe('=ไม่ใช่สูตร');
    expect(formulas[cols.length - 1]).toBe('=2*3');
  });

  it('refuses an edit when someone changed the row since the form loaded it, and overwrites nothing', () => {
    const h = setUp();
    const m = saveNew(h);
    const sheet = measures(h);
    sheet.getRange(2, column(sheet, 'ผู้รับผิดชอบ') + 1).setValue('กองคลัง');
    const before = sheet.snapshot();
    const r = api<Saved>(h, 'save', { input: { ...input(), measure: 'ของฉัน' }, base: m });
    expect(r).toMatchObject({ ok: false, kind: 'conflict' });
    expect(sheet.snapshot()).toEqual(before);
  });

  it('says the workbook is busy when set-up cannot get the lock', () => {
    const h = loadBundle();
    h.locks.lock.heldElsewhere = true;
    h.call('setupWorkbook');
    expect(h.spreadsheet.getSheets()).toEqual([]);
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('กรุณารอสักครู่');
  });

  it('answers "busy" and writes nothing when the document lock cannot be had', () => {
    const h = setUp();
    h.locks.lock.heldElsewhere = true;
    const r = api<Saved>(h, 'save', { input: input() });
    expect(r).toMatchObject({ ok: false, kind: 'busy', message: { th: expect.stringContaining('กรุณารอสักครู่') } });
    expect(measures(h).getLastRow()).toBe(1);
  });

  it('writes only while holding the lock, with at most 9 Spreadsheet calls', () => {
    const h = nextExecution(setUp(undefined, LIKELY));
    saveNew(h);
    const seq = h.log.map((c) => `${c.service}.${c.method}`);
    const write = seq.indexOf('Range.setValues');
    expect(seq.lastIndexOf('Lock.tryLock', write)).toBeGreaterThanOrEqual(0);
    expect(seq.indexOf('Lock.releaseLock', write)).toBeGreaterThan(write);
    expect(seq.indexOf('Lock.releaseLock', seq.lastIndexOf('Range.getValues'))).toBeGreaterThan(0);
    // getActive, getRangeByName, getValues; getSpreadsheetTimeZone (the time stamp);
    // getFormulas (never over a person's formula, never into an array's spill, and
    // the last used row); offset, setValues, getValues (what Sheets stored), and
    // flush before the lock goes.
    expect(seq.filter((c) => /^(SpreadsheetApp|Spreadsheet|Range|Sheet)\./.test(c))).toEqual([
      'SpreadsheetApp.getActive',
      'Spreadsheet.getRangeByName',
      'Range.getValues',
      'Spreadsheet.getSpreadsheetTimeZone',
      'Range.getFormulas',
      'Range.offset',
      'Range.setValues',
      'Range.getValues',
      'SpreadsheetApp.flush',
    ]);
    expect(h.spreadsheetCalls()).toBe(9);
  });

  it('edits a measure with as many Spreadsheet calls as a new one when the changed cells and the stamps are one run of the add-on’s columns', () => {
    const set = setUp(undefined, LIKELY);
    const m = saveNew(set, { outcome: '', suggestion: '', problems: '', evidenceUrl: '' });
    const base = api<ListAnswer>(set, 'list', { fiscalYear: 2569 }).measures[0]!.measure;
    const h = nextExecution(set);
    const r = api<Saved>(h, 'save', { input: { ...input(), status: 'กำลังดำเนินการ', result: 'เริ่มแล้ว' }, base });
    expect(r.ok).toBe(true);
    expect(h.spreadsheetCalls()).toBe(9);
    expect(h.log.filter((c) => c.method === 'setValues')).toHaveLength(1);
    expect(m.id).toBe(base.id);
  });
});

describe('deleting, recovering and copying', () => {
  it('moves a deleted measure to the recycle sheet and brings it back', () => {
    const h = setUp();
    const m = saveNew(h);
    expect(api<{ ok: boolean }>(h, 'remove', { base: m }).ok).toBe(true);
    expect(api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures).toEqual([]);
    const bin = api<{ measure: Measure; deletedBy: string }[]>(h, 'deleted');
    expect(bin.map((d) => d.measure.measure)).toEqual([m.measure]);
    expect(bin[0]!.deletedBy).toBe('staff@example.go.th');
    const back = api<Saved>(h, 'recover', { id: m.id });
    expect(back.ok).toBe(true);
    expect(api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.map((v) => v.measure.id)).toEqual([m.id]);
    expect(api<unknown[]>(h, 'deleted')).toEqual([]);
  });

  it('copies a measure into the next fiscal year with fresh progress', () => {
    const h = setUp();
    const m = saveNew(h, { status: 'ดำเนินการแล้ว', result: 'เสร็จ', startDate: '2025-10-01', endDate: '2026-09-30' });
    const r = api<Saved>(h, 'duplicate', { id: m.id });
    if (!r.ok) throw new Error('copy refused');
    expect(r.measure).toMatchObject({ fiscalYear: 2570, status: 'ยังไม่ได้ดำเนินการ', result: '', measure: m.measure, startDate: '2026-10-01', endDate: '2027-09-30' });
    expect(r.measure.id).not.toBe(m.id);
  });

  it('warns before copying a measure the next year already holds, and makes a second copy only when asked again', () => {
    const h = setUp();
    const m = saveNew(h);
    expect(api<Saved>(h, 'duplicate', { id: m.id, base: m }).ok).toBe(true);
    const rows = () => measures(h).getDataRange().getValues().length;
    const before = rows();
    const again = api<Saved>(h, 'duplicate', { id: m.id, base: m });
    expect(again).toMatchObject({ ok: false, kind: 'copied', message: { th: expect.stringContaining('ปีงบประมาณ 2570 มีมาตรการนี้อยู่แล้ว (แถว 3)'), en: expect.stringContaining('row 3') } });
    expect(rows()).toBe(before);
    // The same title with other spacing counts as the same measure; another year's copy does not.
    const spaced = saveNew(h, { measure: `  ${m.measure.replace(/ /g, '  ')}\n` });
    expect(api<Saved>(h, 'duplicate', { id: spaced.id, base: spaced })).toMatchObject({ ok: false, kind: 'copied' });
    expect(api<Saved>(h, 'duplicate', { id: m.id, base: m, again: true })).toMatchObject({ ok: true, measure: { fiscalYear: 2570, measure: m.measure } });
    expect(api<ListAnswer>(h, 'list', { fiscalYear: 2570 }).measures).toHaveLength(2);
    const other = saveNew(h, { measure: 'มาตรการอื่น', fiscalYear: 2570 });
    expect(api<Saved>(h, 'duplicate', { id: other.id, base: other }).ok).toBe(true); // to 2571: nothing there yet
  });
});

describe('dates of a measure', () => {
  it('are refused, and nothing written, when the year is impossible (a Buddhist-Era year sent as Common Era) or the day does not exist', () => {
    const h = setUp();
    const before = JSON.stringify(measures(h).getDataRange().getValues());
    const bad = (over: Partial<MeasureInput>) => api<Saved>(h, 'save', { input: input(over) });
    expect(bad({ startDate: '2569-01-15' })).toMatchObject({ ok: false, kind: 'invalid', errors: { startDate: 'ปีของวันที่ต้องอยู่ในช่วง พ.ศ. 2500–2700 จึงไม่บันทึก' } });
    expect(bad({ startDate: '1956-12-31', endDate: '' })).toMatchObject({ ok: false, kind: 'invalid', errors: { startDate: expect.stringContaining('2500–2700') } });
    expect(bad({ endDate: '2158-01-01' })).toMatchObject({ ok: false, kind: 'invalid', errors: { endDate: expect.stringContaining('2500–2700') } });
    expect(bad({ endDate: '2026-02-31' })).toMatchObject({ ok: false, kind: 'invalid', errors: { endDate: expect.stringContaining('วันที่มีจริง') } });
    expect(bad({ endDate: '15/01/2569' })).toMatchObject({ ok: false, kind: 'invalid', errors: { endDate: expect.stringContaining('วันที่มีจริง') } });
    expect(JSON.stringify(measures(h).getDataRange().getValues())).toBe(before);
    expect(saveNew(h, { startDate: '1957-01-01', endDate: '2157-12-31' })).toMatchObject({ startDate: '1957-01-01', endDate: '2157-12-31' });
  });

  it('typed into the sheet with an impossible year are listed with a note, not dropped', () => {
    const h = setUp();
    const m = saveNew(h);
    const sheet = measures(h);
    const col = (sheet.getDataRange().getValues()[0] as string[]).indexOf('วันที่เริ่ม') + 1;
    sheet.getRange(2, col).setValue(new Date(2569, 0, 15));
    const listed = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.find((v) => v.measure.id === m.id)!;
    expect(listed.measure.startDate).toBe('2569-01-15');
    expect(listed.notes).toEqual(['วันที่เริ่ม ปี พ.ศ. 3112 อยู่นอกช่วง 2500–2700 กรุณาแก้ไข']);
  });
});

describe('listing', () => {
  it('lists 5,000 measures of a year with 4 Spreadsheet calls, 3 when no row has a date', () => {
    const set = setUp(undefined, LIKELY);
    const sheet = measures(set);
    const rows = Array.from({ length: 5000 }, (_, i) => HEADERS.map((hd) => (hd === 'รหัส' ? `id-${i}` : hd === 'ปีงบประมาณ' ? (i % 2 ? 2569 : 2568) : hd === 'สถานะ' ? 'กำลังดำเนินการ' : hd === 'ตัวชี้วัด' ? (i % 10) + 1 : hd === 'มาตรการ/แนวทาง' ? `มาตรการที่ ${i}` : '')));
    sheet.ensureSize(5001, HEADERS.length);
    sheet.getRange(2, 1, 5000, HEADERS.length).setValues(rows);
    const h = nextExecution(set);
    const list = api<ListAnswer>(h, 'list', { fiscalYear: 2569 });
    expect(list.measures).toHaveLength(2500);
    expect(list.years).toEqual([2569, 2568]);
    // getActive, getRangeByName, getValues: one read through the named range.
    expect(h.spreadsheetCalls()).toBe(3);
    // With dates, one call more: the spreadsheet's time zone, read once however many dates.
    const start = HEADERS.indexOf('วันที่เริ่ม') + 1;
    sheet.getRange(2, start, 5000, 1).setValues(rows.map((_, i) => [new Date(Date.UTC(2025, 9, 1 + (i % 300)))]));
    const again = nextExecution(set);
    expect(api<ListAnswer>(again, 'list', { fiscalYear: 2569 }).measures[0]!.measure.startDate).toMatch(/^2025-\d\d-\d\d$/);
    expect(again.spreadsheetCalls()).toBe(4);
  });

  it('still works by sheet name when a user deleted the named range', () => {
    const h = setUp();
    const m = saveNew(h);
    h.spreadsheet.removeNamedRange('ITA_MEASURES');
    const r = api<Saved>(h, 'save', { input: { ...input(), measure: 'แก้ไขหลังลบชื่อช่วง' }, base: m });
    expect(r.ok).toBe(true);
    expect(api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.map((v) => v.measure.measure)).toEqual(['แก้ไขหลังลบชื่อช่วง']);
  });

  it('grows the sheet when a new measure falls past its last row', () => {
    const h = setUp();
    const sheet = measures(h);
    const rows = Array.from({ length: sheet.getMaxRows() - 1 }, (_, i) => HEADERS.map((hd) => (hd === 'รหัส' ? `full-${i}` : hd === 'ปีงบประมาณ' ? 2568 : hd === 'มาตรการ/แนวทาง' ? `เดิม ${i}` : '')));
    sheet.getRange(2, 1, rows.length, HEADERS.length).setValues(rows);
    const m = saveNew(h, { measure: 'แถวที่เกินขอบแผ่นงาน' });
    expect(sheet.getMaxRows()).toBeGreaterThan(1000);
    expect(api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.map((v) => v.measure.id)).toEqual([m.id]);
  });

  it('gives ids to rows a person typed into the sheet, and shows what it could not read', () => {
    const h = setUp();
    const sheet = measures(h);
    const row = HEADERS.map((hd) => (hd === 'ปีงบประมาณ' ? 2569 : hd === 'มาตรการ/แนวทาง' ? 'พิมพ์เองในแผ่นงาน' : hd === 'ตัวชี้วัด' ? '9, สิบ' : hd === 'สถานะ' ? 'เสร็จแล้ว' : ''));
    sheet.getRange(2, 1, 1, HEADERS.length).setValues([row]);
    const [v] = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures;
    expect(v!.measure.id).not.toBe('');
    expect(v!.measure.indicators).toEqual([9]);
    expect(v!.notes.join(' ')).toContain('สิบ');
    expect(v!.notes.join(' ')).toContain('เสร็จแล้ว');
    expect(sheet.getRange(2, column(sheet, 'รหัส') + 1).getValue()).toBe(v!.measure.id);
  });

  it('asks the user to set up the workbook first', () => {
    const h = loadBundle();
    expect(() => h.call('sidebarCall', 'list', {})).toThrow('ตั้งค่าสมุดงาน ITA');
  });
});
