// Findings of the hostile review of issue 10 outside the link check (custom
// functions, the reports dialog, the OIT tab's create), each a test named for
// the behaviour. Each failed before its fix.
import { describe, expect, it } from 'vitest';
import type { ReportDone, ReportState } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import { loadBundle, type Harness } from '../harness/harness';

const api = <T>(h: Harness, m: string, r: unknown = {}): T => h.call('sidebarCall', m, r) as T;

describe('ITA_LABEL from totals (issue 10 review)', () => {
  it('gives each row of a column of totals its own answer when one total of a label year reaches 85', () => {
    const out = loadBundle().call('ITA_LABEL', [[90], [80], [90]], [[2565], [2568], [2569]]) as unknown[][];
    expect(out[0]![0]).toBe('A');
    expect(out[1]![0]).toBe('ต้องปรับปรุง');
    expect(String(out[2]![0])).toMatch(/^⚠ ITA_LABEL: อาร์กิวเมนต์ indicators แถวที่ 3 คอลัมน์ที่ 1 ของช่วง — คะแนนรวม 90.00 ถึง 85 แล้ว/);
  });

  it('names the function and argument when a lone total cannot decide the label', () => {
    let msg = '';
    try {
      loadBundle().call('ITA_LABEL', 94.64, 2568);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/^ITA_LABEL: อาร์กิวเมนต์ indicators/);
  });
});

describe('the reports dialog (issue 10 review)', () => {
  it('offers the OIT report for the years with a checklist, the progress report for the years with measures', () => {
    const h = seededHarness();
    expect(api<{ ok: boolean }>(h, 'oitCreate', { fiscalYear: 2570 }).ok).toBe(true);
    const s = api<ReportState>(h, 'reportState');
    expect(s.checklistYears).toContain(2570);
    expect(s.years).toContain(2570);
    expect(s.measureYears).toEqual([2569, 2568]);
  });

  it('refuses the OIT report of a year without a checklist and the progress report of a year without measures, making no Doc', () => {
    const h = seededHarness();
    const docs = h.drive.docs.size;
    const oit = api<ReportDone>(h, 'generateReport', { kind: 'oit', fiscalYear: 2566, digits: 'thai', pdf: false });
    expect(oit).toMatchObject({ ok: false, message: { th: expect.stringContaining('ยังไม่มีรายการตรวจ OIT ของปีงบประมาณ 2566 (แผ่นงาน "OIT 2566")') } });
    const progress = api<ReportDone>(h, 'generateReport', { kind: 'progress', fiscalYear: 2566, digits: 'thai', pdf: false });
    expect(progress).toMatchObject({ ok: false, message: { th: expect.stringContaining('ยังไม่มีมาตรการของปีงบประมาณ 2566') } });
    expect(h.drive.docs.size).toBe(docs);
  });
});

describe('the OIT tab’s create (issue 10 review)', () => {
  it('refuses a year past the range with a message naming the range', () => {
    const r = api<{ ok: boolean; message?: { th: string } }>(seededHarness(), 'oitCreate', { fiscalYear: 2701 });
    expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('ต้องเป็นปี พ.ศ. 2562–2700') } });
  });

  it('names the year whose list a later year borrows', () => {
    const notes = api<{ notes: string[] }>(seededHarness(), 'oitCreate', { fiscalYear: 2571 }).notes.join(' ');
    expect(notes).toContain('จากรายการตรวจ OIT ปี 2569');
    expect(notes).not.toContain('รายการตรวจ OIT ปี 2570');
  });
});
