// Dates in the spreadsheet's time zone, whatever the script's (here the
// process's, TZ) — issue 8 point 4. Each test runs under several process zones
// and spreadsheets in several zones, with a fixed clock where "now" matters.
import { describe, expect, it } from 'vitest';
import type { ListAnswer, OitAnswer, OitSaved, Saved } from '../../src/core/api';
import type { Measure, MeasureInput } from '../../src/core/measures/model';
import { fixClock, inProcessZone } from '../harness/clock';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, wallClock, type FakeSheet } from '../harness/spreadsheet';

/** The script's zone (the process's) and the spreadsheet's, in pairs that differ by up to a day. */
const PROCESS_ZONES = ['UTC', 'Asia/Bangkok', 'America/New_York', 'Pacific/Kiritimati'];
const SHEET_ZONES = ['Asia/Bangkok', 'UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const pairs = PROCESS_ZONES.flatMap((p) => SHEET_ZONES.map((s) => [p, s] as const));

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;

function setUp(zone: string, at?: string): Harness {
  const h = loadBundle({ spreadsheet: new FakeSpreadsheet('สมุดงาน ITA', zone), email: 'staff@huaytoei.go.th' });
  if (at) fixClock(h, at);
  h.call('setupWorkbook');
  return h;
}

function input(over: Partial<MeasureInput> = {}): MeasureInput {
  return {
    fiscalYear: 2569, indicators: [9], issue: '', measure: 'ทดสอบวันที่', method: '', responsible: '', startDate: '2025-10-01', endDate: '2026-03-08',
    followUp: '', status: 'ยังไม่ได้ดำเนินการ', result: '', outcome: '', suggestion: '', problems: '', evidenceUrl: '', ...over,
  };
}

function save(h: Harness, over: Partial<MeasureInput> = {}, base?: Measure): Measure {
  const r = api<Saved>(h, 'save', { input: input(over), base });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.measure;
}

const sheetOf = (h: Harness, name = 'มาตรการ'): FakeSheet => h.spreadsheet.getSheetByName(name)!;
const cellOf = (sheet: FakeSheet, row: number, header: string) => sheet.getRange(row, (sheet.getDataRange().getValues()[0] as string[]).indexOf(header) + 1);

/** The wall-clock time a Date shows in a zone, as "YYYY-MM-DD HH:mm:ss". */
const wall = (d: Date, zone: string) => new Date(wallClock(d.getTime(), zone)).toISOString().slice(0, 19).replace('T', ' ');

function setYear(h: Harness, year: number): void {
  const settings = sheetOf(h, 'ตั้งค่า ITA');
  const row = settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
  settings.getRange(row, 2).setValue(year);
}

describe('measure dates', () => {
  for (const [processZone, sheetZone] of pairs) {
    it(`saved from the sidebar show the same day in the sheet and come back the same (script ${processZone}, spreadsheet ${sheetZone})`, () => {
      inProcessZone(processZone, () => {
        const h = setUp(sheetZone);
        const m = save(h);
        const sheet = sheetOf(h);
        const start = cellOf(sheet, 2, 'วันที่เริ่ม');
        const end = cellOf(sheet, 2, 'วันที่สิ้นสุด');
        expect(start.getDisplayValues()[0]![0]).toBe('1 ตุลาคม 2568');
        expect(end.getDisplayValues()[0]![0]).toBe('8 มีนาคม 2569'); // the day New York's clocks go forward
        // The Dates the cells hold are midnight in the spreadsheet's zone.
        expect(wall(start.getValue() as Date, sheetZone)).toBe('2025-10-01 00:00:00');
        expect(wall(end.getValue() as Date, sheetZone)).toBe('2026-03-08 00:00:00');
        expect([m.startDate, m.endDate]).toEqual(['2025-10-01', '2026-03-08']);
        const listed = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures[0]!.measure;
        expect([listed.startDate, listed.endDate]).toEqual(['2025-10-01', '2026-03-08']);
        // Saved again unchanged, the dates stay the same day (no drift across saves).
        save(h, {}, listed);
        expect(api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures[0]!.measure.startDate).toBe('2025-10-01');
        expect(start.getDisplayValues()[0]![0]).toBe('1 ตุลาคม 2568');
      });
    });
  }

  for (const [processZone, sheetZone] of pairs.filter(([p, s]) => p !== s).slice(0, 6)) {
    it(`typed into the sheet by a person read as the day typed (script ${processZone}, spreadsheet ${sheetZone})`, () => {
      inProcessZone(processZone, () => {
        const h = setUp(sheetZone);
        const m = save(h, { startDate: '', endDate: '' });
        cellOf(sheetOf(h), 2, 'วันที่เริ่ม').type('2025-12-31');
        const listed = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.find((v) => v.measure.id === m.id)!;
        expect(listed.measure.startDate).toBe('2025-12-31');
        expect(listed.notes).toEqual([]);
      });
    });
  }

  it('read the same day after the spreadsheet’s time zone is changed (Sheets keeps the wall-clock date)', () => {
    const h = setUp('Asia/Bangkok');
    save(h);
    h.spreadsheet.setSpreadsheetTimeZone('America/New_York');
    const later = loadBundle({ spreadsheet: h.spreadsheet, assume: h.assumptions });
    expect(api<ListAnswer>(later, 'list', { fiscalYear: 2569 }).measures[0]!.measure.startDate).toBe('2025-10-01');
  });
});

describe('times stamped by the add-on', () => {
  // 18:30:05 UTC on 14 January 2026: already the 15th in Bangkok and on Kiritimati, still the 14th in New York.
  const AT = '2026-01-14T18:30:05Z';
  const local: Record<string, string> = {
    'Asia/Bangkok': '2026-01-15 01:30:05',
    UTC: '2026-01-14 18:30:05',
    'America/New_York': '2026-01-14 13:30:05',
    'Pacific/Kiritimati': '2026-01-15 08:30:05',
    'Pacific/Pago_Pago': '2026-01-14 07:30:05',
  };

  for (const [processZone, sheetZone] of pairs) {
    it(`are local time in the spreadsheet’s zone: แก้ไขล่าสุด and ลบเมื่อ (script ${processZone}, spreadsheet ${sheetZone})`, () => {
      inProcessZone(processZone, () => {
        const h = setUp(sheetZone, AT);
        const m = save(h);
        expect(m.updatedAt).toBe(local[sheetZone]);
        expect(cellOf(sheetOf(h), 2, 'แก้ไขล่าสุด').getValue()).toBe(local[sheetZone]);
        expect(api<{ ok: boolean }>(h, 'remove', { base: m }).ok).toBe(true);
        expect(api<{ deletedAt: string }[]>(h, 'deleted')[0]!.deletedAt).toBe(local[sheetZone]);
      });
    });
  }

  for (const [processZone, sheetZone] of pairs) {
    it(`the OIT check date is today in the spreadsheet’s zone (script ${processZone}, spreadsheet ${sheetZone})`, () => {
      inProcessZone(processZone, () => {
        const h = setUp(sheetZone, AT);
        setYear(h, 2566);
        h.call('setupOitChecklist');
        const item = api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 }).items[0]!;
        const r = api<OitSaved>(h, 'oitSetStatus', { fiscalYear: 2566, code: item.code, status: 'ดำเนินการแล้ว', evidenceUrl: 'https://www.example.go.th/ita/o1', base: item });
        expect(r).toEqual({ ok: true });
        const day = local[sheetZone]!.slice(0, 10);
        expect(api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 }).items[0]!.checkedAt).toBe(day);
        const cell = cellOf(sheetOf(h, 'OIT 2566'), 2, 'วันที่ตรวจ');
        expect(cell.getDisplayValues()[0]![0]).toBe(day.endsWith('15') ? '15 มกราคม 2569' : '14 มกราคม 2569');
        expect(wall(cell.getValue() as Date, sheetZone)).toBe(`${day} 00:00:00`);
      });
    });
  }

  it('an edit of a measure saved by an earlier version (ISO UTC time text) is not taken for someone else’s change', () => {
    const h = setUp('Asia/Bangkok');
    save(h);
    cellOf(sheetOf(h), 2, 'แก้ไขล่าสุด').type('2025-01-01T00:00:00.000Z');
    const listed = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures[0]!.measure;
    expect(listed.updatedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(api<Saved>(h, 'save', { input: input({ measure: 'แก้ไข' }), base: listed }).ok).toBe(true);
  });
});

describe('the settings’ fiscal year', () => {
  // 17:30 UTC on 30 September 2025: 1 October (fiscal year 2569) in Bangkok, still 30 September (2568) in UTC and New York.
  const AT = '2025-09-30T17:30:00Z';
  const expected: Record<string, number> = { 'Asia/Bangkok': 2569, UTC: 2568, 'America/New_York': 2568, 'Pacific/Kiritimati': 2569, 'Pacific/Pago_Pago': 2568 };

  for (const [processZone, sheetZone] of pairs) {
    it(`set up on the night fiscal year 2569 begins is the year of today in the spreadsheet’s zone (script ${processZone}, spreadsheet ${sheetZone})`, () => {
      inProcessZone(processZone, () => {
        const h = setUp(sheetZone, AT);
        const settings = sheetOf(h, 'ตั้งค่า ITA').getDataRange().getValues();
        expect(settings.find((r) => r[0] === 'ปีงบประมาณ')![1]).toBe(expected[sheetZone]);
      });
    });
  }
});
