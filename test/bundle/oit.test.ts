// The OIT checklist sheet and its server side, from the built bundle.
import { describe, expect, it } from 'vitest';
import type { OitAnswer, OitSaved } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import type { Harness } from '../harness/harness';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;

function withYear(year: number): Harness {
  const h = seededHarness();
  const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
  const row = settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
  settings.getRange(row, 2).setValue(year);
  h.call('setupOitChecklist');
  return h;
}

describe('the OIT checklist sheet', () => {
  it('is seeded with the year’s list, with a live ITA_OIT formula', () => {
    const h = withYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    const values = sheet.getDataRange().getValues();
    expect(values[0]!.slice(0, 8)).toEqual(['รหัส', 'รายการ', 'ตัวชี้วัดย่อย', 'ผู้รับผิดชอบ', 'สถานะ', 'ลิงก์หลักฐาน', 'หมายเหตุ', 'วันที่ตรวจ']);
    expect(values.slice(1).filter((r) => r[0] !== '')).toHaveLength(43);
    expect(values[1]!.slice(0, 5)).toEqual(['O1', 'โครงสร้าง', '9.1', '', 'ยังไม่ได้ดำเนินการ']);
    expect(sheet.getRange(2, 10, 1, 3).getValues()[0]).toEqual([0, 0, 0]);
    for (let r = 2; r <= 11; r++) sheet.getRange(r, 5).setValue('ดำเนินการแล้ว'); // all of 9.1
    expect(sheet.getRange(2, 10, 1, 3).getValues()[0]).toEqual([20, 0, 10]);
  });

  it('never overwrites a user’s entries nor adds back an item the user removed when seeded again', () => {
    const h = withYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    sheet.getRange(2, 4).setValue('สำนักปลัด');
    sheet.getRange(45, 1, 1, 5).setValues([['ข1', 'ข้อที่หน่วยงานเพิ่มเอง', '9.5', 'กองคลัง', 'ยังไม่ได้ดำเนินการ']]);
    sheet.deleteRow(3); // O2 removed by the user
    h.call('setupOitChecklist');
    const values = sheet.getDataRange().getValues();
    expect(values[1]![3]).toBe('สำนักปลัด');
    expect(values.filter((r) => r[0] === 'O2')).toHaveLength(0);
    expect(values.filter((r) => r[0] === 'ข1')).toHaveLength(1);
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('ไม่มีการเปลี่ยนแปลง');
  });

  it('seeds 2570 with the 2569 list, says it is provisional, and notes the titles not seen', () => {
    const h = withYear(2570);
    const sheet = h.spreadsheet.getSheetByName('OIT 2570')!;
    const values = sheet.getDataRange().getValues();
    const head = values[0]!.map(String);
    const rows = values.slice(1).filter((r) => r[0] !== '');
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 26 }, (_, i) => `O${i + 1}`));
    expect(h.spreadsheet.toasts.at(-1)?.msg).toContain('ชั่วคราว: ใช้รายการปี 2569');
    expect(h.spreadsheet.toasts.at(-1)?.msg).not.toContain('ทราบเพียงบางข้อ');
    // The evidence year: O12 (an annual report, stated) covers 2569, O11 (monthly, stated) 2570.
    const ev = head.indexOf('หลักฐานปีงบประมาณ');
    expect(ev).toBeGreaterThan(head.indexOf('คะแนน OIT')); // added after the live score
    expect(String(rows.find((r) => r[0] === 'O12')![ev])).toBe('2569');
    expect(String(rows.find((r) => r[0] === 'O11')![ev])).toBe('2570');
    // Titles not seen carry a note, not a caveat in the cell a report prints.
    const itemCol = head.indexOf('รายการ') + 1;
    const noteOf = (code: string) => sheet.notes.get(sheet.getRange(values.findIndex((r) => r[0] === code) + 1, itemCol).getA1Notation());
    expect(noteOf('O7')).toContain('ยังไม่พบชื่อข้อนี้');
    expect(noteOf('O6')).toContain('ชื่อที่น่าจะเป็น');
    expect(noteOf('O5')).toBeUndefined();
    expect(sheet.notes.get(sheet.getRange(1, head.indexOf('ตัวชี้วัดย่อย') + 1).getA1Notation())).toMatch(/รายการชั่วคราว ใช้รายการปี 2569[\s\S]*อนุมาน/);
    expect(rows.find((r) => r[0] === 'O6')![1]).toBe('แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี');
    for (const h2 of ['ผลตรวจลิงก์', 'ที่อยู่ปลายทาง', 'ชนิดเนื้อหา', 'ตรวจลิงก์เมื่อ', 'ข้อสังเกตลิงก์']) expect(head).toContain(h2);
  });

  it('adds the new columns to an older checklist after its last used column, over nothing a person typed', () => {
    const h = withYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    // An older sheet: without the new columns, a person's own column beyond the score.
    const head = sheet.getDataRange().getValues()[0]!.map(String);
    const first = head.indexOf('หลักฐานปีงบประมาณ') + 1;
    sheet.deleteColumns(first, head.length - first + 1);
    sheet.getRange(1, first, 2, 1).setValues([['ของฉัน'], ['=1+1']]);
    h.call('setupOitChecklist');
    const after = sheet.getDataRange().getValues()[0]!.map(String);
    expect(after.slice(0, first)).toEqual([...head.slice(0, first - 1), 'ของฉัน']);
    expect(after.slice(first)).toEqual(['หลักฐานปีงบประมาณ', 'ผลตรวจลิงก์', 'ที่อยู่ปลายทาง', 'ชนิดเนื้อหา', 'ตรวจลิงก์เมื่อ', 'ข้อสังเกตลิงก์']);
    expect(sheet.getRange(2, first).getFormulas()[0]![0]).toBe('=1+1');
  });
});

describe('following the checklist', () => {
  it('projects the total from the IIT and EIT of the latest scores, and what remains to 85 and 95', () => {
    const h = withYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    for (let r = 2; r <= 44; r++) sheet.getRange(r, 5).setValue('ดำเนินการแล้ว');
    const a = api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 });
    expect(a.items).toHaveLength(43);
    expect(a.projection).toMatchObject({ scoresYear: 2566, oit: 100, ind9: 100, ind10: 100, rating: 'A', label: 'ผ่านดี' }); // 2566: IIT 91.44, EIT 91.48, OIT 100
    expect(a.projection!.neededFor85).toBe(75.3); // the lowest hundredth whose total, rounded to 2 decimals, reaches 85 (issue 9)
    expect(a.projection!.neededFor95).toBeNull();
  });

  it('says in the tab when the year’s rules are provisional or inferred (issue 10)', () => {
    const h = withYear(2570);
    expect(api<OitAnswer>(h, 'oitList', { fiscalYear: 2570 }).projection?.rules).toBe('ชั่วคราว: ป.ป.ช. ยังไม่ประกาศเกณฑ์ปี 2570 ใช้เกณฑ์ปี 2569');
    h.call('setupOitChecklist'); // the settings' year stays 2570; 2566's checklist is made from the tab's year
    expect(api<OitAnswer>(withYear(2566), 'oitList', { fiscalYear: 2566 }).projection?.rules).toBe('อนุมาน: น้ำหนักเครื่องมือ, เกณฑ์ผลการประเมิน');
  });

  it('names the score cell it cannot read instead of projecting from an older year', () => {
    const h = withYear(2566);
    const scores = h.spreadsheet.getSheetByName('คะแนน ITA')!;
    const values = scores.getDataRange().getValues();
    const yearCol = values[0]!.indexOf('ปีงบประมาณ');
    const row = values.findIndex((r) => Number(r[yearCol]) === 2566) + 1;
    const col = values[0]!.indexOf('ตัวชี้วัด 3') + 1;
    expect(row).toBeGreaterThan(1);
    scores.getRange(row, col).setValue('ไม่ทราบ'); // =ITA_SCORE refuses this row
    const a = api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 });
    expect(a.projection).toBeUndefined();
    expect(a.scoreProblems).toHaveLength(1);
    expect(a.scoreProblems[0]).toContain(`แถวที่ ${row} ปีงบประมาณ 2566 ตัวชี้วัด 3`);
    scores.getRange(row, col).setValue(''); // a blank IIT score: the year still cannot be used, and is named
    expect(api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 }).scoreProblems).toHaveLength(1);
    scores.getRange(row, col).setValue('๙๐.๕'); // Thai digits read as the functions read them
    expect(api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 })).toMatchObject({ scoreProblems: [], projection: { scoresYear: 2566 } });
  });

  it('marks an item done only with a well-formed evidence link, records the day and who checked', () => {
    const h = withYear(2566);
    const item = api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 }).items[0]!;
    const set = (evidenceUrl: string) => api<OitSaved>(h, 'oitSetStatus', { fiscalYear: 2566, code: 'O1', status: 'ดำเนินการแล้ว', evidenceUrl, base: item });
    expect(set('')).toMatchObject({ ok: false, message: { th: expect.stringContaining('ต้องใส่ลิงก์หลักฐาน') } });
    expect(set('www.example.go.th/o1')).toMatchObject({ ok: false });
    expect(set('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(set('https://www.example.go.th/ita/o1')).toEqual({ ok: true });
    const after = api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 }).items[0]!;
    expect(after).toMatchObject({ status: 'ดำเนินการแล้ว', evidenceUrl: 'https://www.example.go.th/ita/o1', note: 'ตรวจโดย staff@huaytoei.go.th' });
    expect(after.checkedAt).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(set('https://www.example.go.th/ita/o1-again')).toMatchObject({ ok: false, message: { th: expect.stringContaining('ถูกแก้ไขหลังจากที่คุณเปิด') } });
  });

  it('handles a checklist of 0 and of 200 items', () => {
    const h = withYear(2566);
    const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
    expect(api<OitAnswer>(h, 'oitList', { fiscalYear: 2599 })).toMatchObject({ sheet: '', items: [] });
    const rows = Array.from({ length: 157 }, (_, i) => [`X${i}`, `ข้อเพิ่ม ${i}`, i % 2 ? '9.5' : '10.2', '', i % 3 ? 'ดำเนินการแล้ว' : 'ยังไม่ได้ดำเนินการ', '', '', '']);
    sheet.getRange(45, 1, rows.length, 8).setValues(rows);
    const a = api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 });
    expect(a.items).toHaveLength(200);
    expect(a.projection!.oit).toBeGreaterThan(0);
    expect(a.projection!.oit).toBeLessThan(100);
  });
});
