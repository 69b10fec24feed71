// Batch reports for many units (issue 12), from the built bundle: a run in
// slices, carried on by the dialog and the hourly trigger, idempotent under the
// lock, named failures, the quota, cancel, and the sheet edited mid-run.
import { describe, expect, it } from 'vitest';
import type { BatchState } from '../../src/core/api';
import { REPORT_STATUS, UNIT_COL, UNITS_SHEET } from '../../src/core/units';
import { loadBundle, type Harness } from '../harness/harness';
import { VirtualClock } from '../harness/urlfetch';
import { callMs } from '../harness/costs';
import { toThaiDigits } from '../../src/core/thai';
import { api, docOf, harness, HEADERS, liveReports, row, rows, scoresOf, smallTemplate, stepUntilDone, units, workbook } from './units-fixture';


describe('a batch run', () => {
  it('makes one analysis report per unit of the year, each in its district’s folder, and records เสร็จ with its link', () => {
    const h = harness(units(6));
    const start = api(h, 'batchStart', { year: 2569, district: '' });
    expect(start.ok).toBe(true);
    const end = stepUntilDone(h);
    expect(end.run).toMatchObject({ finished: true, active: false });
    const mine = rows(h).filter((r) => r.year === 2569);
    expect(mine.map((r) => r.status)).toEqual(Array(6).fill(REPORT_STATUS.done));
    expect(new Set(mine.map((r) => r.link)).size).toBe(6);
    // The other year is left alone.
    expect(rows(h).filter((r) => r.year === 2568).every((r) => r.status === '' && r.link === '')).toBe(true);
    for (const r of mine) {
      const doc = docOf(h, r.link);
      expect(doc.body.getText()).toContain(toThaiDigits(r.name));
      const parent = h.drive.files.get(h.drive.files.get(doc.id)!.parents[0]!)!;
      expect(parent.name).toBe(`อำเภอ${r.district}`);
    }
    // The year before is the unit's history: the report compares with it.
    expect(docOf(h, mine[0]!.link).body.getText()).toMatch(/เมื่อเทียบกับปี ๒๕๖๘/);
    // The office's default template: the analysis without next year's measures (the units sheet holds none).
    expect(docOf(h, mine[0]!.link).body.getText()).not.toMatch(/^๔\. มาตรการ/m);
    expect(h.triggers.triggers).toHaveLength(0);
    // The next run uses the same template, which the office may have restyled.
    const templates = () => [...h.drive.files.values()].filter((f) => f.name === 'แม่แบบรายงานผลการประเมิน ITA รายหน่วยงาน' && !f.trashed);
    expect(templates()).toHaveLength(1);
    api(h, 'batchStart', { year: 2568, district: '' });
    stepUntilDone(h);
    expect(templates()).toHaveLength(1);
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
  });

  it('gives every unit row an id of its own, and a copied row’s repeated id a new one', () => {
    const list = units(3, [2569]);
    const h = harness(list);
    const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
    // A person copied row 2 (with an id the add-on gave) into row 4.
    sheet.getRange(2, 1).setValue('U-OLD');
    sheet.getRange(4, 1).setValue('U-OLD');
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    const ids = rows(h).map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('U-OLD');
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
  });

  it('records a unit whose scores are unreadable as ผิดพลาด, naming the cell, and makes the others', () => {
    const list = units(4, [2569]);
    list[1]!.scores![4] = 'ไม่มีข้อมูล';
    list[2] = { ...list[2]!, scores: undefined, tools: [88.5, 90.1, 80] };
    const h = harness(list);
    const start = api(h, 'batchStart', { year: 2569, district: '' });
    expect(start.problems.join('\n')).toContain('ตัวชี้วัด 5 "ไม่มีข้อมูล"');
    stepUntilDone(h);
    const [a, b, c, d] = rows(h);
    expect([a!.status, d!.status]).toEqual([REPORT_STATUS.done, REPORT_STATUS.done]);
    expect(b).toMatchObject({ status: REPORT_STATUS.failed, link: '' });
    expect(b!.note).toContain('ตัวชี้วัด 5 "ไม่มีข้อมูล"');
    expect(c).toMatchObject({ status: REPORT_STATUS.failed });
    expect(c!.note).toContain('คะแนนตัวชี้วัดทั้ง 10');
    expect(liveReports(h)).toHaveLength(2);
  });

  it('does a unit done only once: a second run leaves it, a run asked to redo makes it again', () => {
    const h = harness(units(2, [2569]));
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    const first = rows(h).map((r) => r.link);
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    expect(rows(h).map((r) => r.link)).toEqual(first);
    expect(liveReports(h)).toHaveLength(2);
    api(h, 'batchStart', { year: 2569, district: '', redo: true });
    stepUntilDone(h);
    const again = rows(h).map((r) => r.link);
    expect(again.every((l, i) => l !== first[i])).toBe(true);
  });

  it('runs only the chosen district', () => {
    const h = harness(units(6, [2569]));
    api(h, 'batchStart', { year: 2569, district: 'วังสะพุง' });
    stepUntilDone(h);
    for (const r of rows(h)) expect(r.status).toBe(r.district === 'วังสะพุง' ? REPORT_STATUS.done : '');
  });
});

describe('a long run', () => {
  /** The stated costs (test/harness/costs.ts); the execution limit enforced. */
  const costs = callMs;

  // The thousand runs once (at UTC): the switches it hangs on are set here, and a thousand-row sheet read per unit is slow in the fake.
  it.skipIf(process.env.ITA_FAKE_VARIANT === '1')('makes 1,000 units’ reports in slices under the execution limit, by the dialog and the hourly trigger, none twice and none missing', () => {
    const list = units(1000, [2569]);
    const h = loadBundle({ spreadsheet: workbook(list), clock: new VirtualClock('2026-11-23T03:00:00Z'), callMs: costs, assume: { triggerSpreadsheet: 'active' } });
    smallTemplate(h);
    h.clock.startExecution();
    api(h, 'batchStart', { year: 2569, district: '' });
    let executions = 1;
    // Half by the dialog, then the dialog is closed and the hourly trigger goes on.
    for (let i = 0; i < 2; i++) {
      h.clock.startExecution();
      api(h, 'batchStep');
      executions++;
    }
    for (let hour = 0; hour < 200 && h.triggers.triggers.length; hour++) {
      // An hour passes between executions.
      h.clock.now += 3_600_000;
      executions += h.fireTriggers();
    }
    const all = rows(h);
    expect(all.filter((r) => r.status !== REPORT_STATUS.done)).toEqual([]);
    expect(new Set(all.map((r) => r.link)).size).toBe(1000);
    const reports = liveReports(h);
    expect(reports).toHaveLength(1000);
    expect(new Set(reports.map((r) => r.name)).size).toBe(1000);
    const state = api(h, 'batchState');
    expect(state.run?.finished).toBe(true);
    expect(state.run!.resumptions).toBeGreaterThan(0);
    expect(executions).toBeGreaterThan(3);
    expect(h.triggers.triggers).toHaveLength(0);
  }, 300_000);

  it('takes back the half-made report of a slice the execution limit stopped, and makes it again once', () => {
    const list = units(5, [2569]);
    let stall = true;
    let docs = 0;
    const h = loadBundle({
      spreadsheet: workbook(list),
      clock: new VirtualClock('2026-11-23T03:00:00Z'),
      // The third report's first body read hangs past the limit.
      callMs: (c) => {
        if (c.method === 'create' && /document/.test(String((c.args[0] as { mimeType?: string } | undefined)?.mimeType))) docs++;
        if (stall && docs === 3 && c.method === 'getBody') {
          stall = false;
          return 6 * 60_000 + 10_000;
        }
        return 5;
      },
    });
    smallTemplate(h);
    // Steps as the dialog takes them; one of them is stopped by the limit.
    let stopped = 0;
    const step = (method: string, req: unknown = {}): BatchState | undefined => {
      h.clock.startExecution();
      try {
        return api(h, method, req);
      } catch (e) {
        expect(String(e)).toMatch(/Exceeded maximum execution time/);
        stopped++;
        return undefined;
      }
    };
    step('batchStart', { year: 2569, district: '' });
    let s: BatchState | undefined;
    for (let i = 0; i < 10; i++) s = step('batchStep') ?? s;
    expect(stopped).toBe(1);
    // The stopped unit, and those claimed with it, wait until their claim is older than an execution can last.
    expect(s?.run?.active).toBe(true);
    expect(s?.progress?.working).toBe(3);
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.done)).toHaveLength(2);
    h.clock.now += 8 * 60_000;
    s = stepUntilDone(h, 10);
    expect(s.run?.finished).toBe(true);
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    expect(liveReports(h)).toHaveLength(5);
    expect([...h.drive.files.values()].filter((f) => f.trashed && f.mimeType === 'application/vnd.google-apps.document')).toHaveLength(1);
  });
});

describe('two executions at once', () => {
  it('a trigger firing while the dialog’s step makes a report claims another unit: no report is made twice', () => {
    const list = units(6, [2569]);
    const shared: { other?: Harness } = {};
    let copies = 0;
    const h = loadBundle({
      spreadsheet: workbook(list),
      callMs: (c) => {
        // While the first execution's Drive copy is under way, the second runs a whole step.
        if (c.method === 'copy' && ++copies === 2 && shared.other) shared.other.fireTriggers();
        return 0;
      },
      assume: { triggerSpreadsheet: 'active' },
    });
    smallTemplate(h);
    shared.other = loadBundle({ share: h, assume: { triggerSpreadsheet: 'active' } });
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    const all = rows(h);
    expect(all.every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    expect(liveReports(h)).toHaveLength(6);
    expect(new Set(liveReports(h).map((r) => r.name)).size).toBe(6);
  });

  it('a trigger firing while the other holds the lock does nothing and leaves no trace', () => {
    const list = units(3, [2569]);
    const shared: { other?: Harness } = {};
    let reads = 0;
    const h = loadBundle({
      spreadsheet: workbook(list),
      callMs: (c) => {
        if (c.method === 'getDataRange' && ++reads === 6 && shared.other) shared.other.fireTriggers();
        return 0;
      },
      assume: { triggerSpreadsheet: 'active' },
    });
    smallTemplate(h);
    shared.other = loadBundle({ share: h, assume: { triggerSpreadsheet: 'active' } });
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    expect(liveReports(h)).toHaveLength(3);
  });
});

describe('the quota', () => {
  it('stops the run cleanly when Google’s daily quota is spent, and the trigger resumes it when the quota returns', () => {
    const list = units(5, [2569]);
    const clock = new VirtualClock('2026-11-23T03:00:00Z', false);
    const h = loadBundle({ spreadsheet: workbook(list), clock, assume: { triggerSpreadsheet: 'active' } });
    smallTemplate(h);
    const msg = h.assumptions.docQuotaError === 'apps script' ? 'Service invoked too many times for one day: docs create.' : 'API call to drive.files.copy failed with error: User rate limit exceeded';
    h.drive.docQuota = { perDay: 3, now: () => clock.now, error: () => new Error(msg), count: 0 };
    let s = api(h, 'batchStart', { year: 2569, district: '' });
    expect(s.run).toMatchObject({ active: true, waitingForQuota: true });
    expect(s.message?.th).toContain('โควตา');
    expect(rows(h).map((r) => r.status)).toEqual([REPORT_STATUS.done, REPORT_STATUS.done, REPORT_STATUS.done, REPORT_STATUS.waiting, REPORT_STATUS.waiting]);
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.failed)).toEqual([]);
    // An hour later the quota is still spent: nothing made, nothing failed.
    clock.advance(3_600_000);
    h.fireTriggers();
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.done)).toHaveLength(3);
    // A day after the first document, the trigger goes on.
    clock.advance(23 * 3_600_000);
    h.fireTriggers();
    s = api(h, 'batchState');
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    expect(s.run?.finished).toBe(true);
    expect(liveReports(h)).toHaveLength(5);
  });

  it('plans the run at the account’s quota before it starts', () => {
    const h = harness(units(312, [2569]), { email: 'office@gmail.com' });
    const s = api(h, 'batchState', { year: 2569 });
    expect(s.plan!.th).toMatch(/^312 หน่วยงาน: ประมาณ 2 วันตามโควตาของบัญชี Google ทั่วไป .*ระบบทำต่อเองได้ประมาณ 150 ฉบับต่อวัน$/);
    const w = harness(units(312, [2569]), { email: 'office@example.go.th' });
    expect(api(w, 'batchState', { year: 2569 }).plan!.th).toMatch(/^312 หน่วยงาน: เสร็จภายในวันเดียว/);
  });
});

describe('cancel', () => {
  it('stops the run mid-way: the trigger is removed, the units not done stay รอ, and nothing more is made', () => {
    const h = harness(units(8, [2569]), { assume: { triggerSpreadsheet: 'active' }, callMs: (c) => (c.method === 'copy' ? 90_000 : 0) });
    smallTemplate(h);
    // One slice of three reports: each report's Drive copy takes 90 s of the slice.
    api(h, 'batchStart', { year: 2569, district: '' });
    const made = liveReports(h).length;
    expect(made).toBeGreaterThan(0);
    const s = api(h, 'batchCancel');
    expect(s.run).toMatchObject({ cancelled: true, active: false });
    expect(h.triggers.triggers).toHaveLength(0);
    api(h, 'batchStep');
    expect(h.fireTriggers()).toBe(0);
    expect(liveReports(h)).toHaveLength(made);
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.waiting).length).toBe(8 - made);
  });
});

describe('the sheet edited during a run', () => {
  it('sorting and inserting rows between a unit’s claim and its record never sends its report to another row', () => {
    const list = units(6, [2569]);
    let copies = 0;
    const h: Harness = loadBundle({
      spreadsheet: workbook(list),
      callMs: (c) => {
        if (c.method !== 'copy') return 0;
        const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
        copies++;
        if (copies === 2) {
          // A person sorts the rows by name, descending (the add-on's cells move with them).
          const n = sheet.getLastRow() - 1;
          const r = sheet.getRange(2, 1, n, HEADERS.length);
          const v = r.getValues().sort((a, b) => String(b[1]).localeCompare(String(a[1])));
          r.setValues(v);
        }
        if (copies === 4) sheet.insertRowsBefore(2, 2);
        return 0;
      },
    });
    smallTemplate(h);
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    const all = rows(h);
    expect(all).toHaveLength(6);
    for (const r of all) {
      expect(r.status).toBe(REPORT_STATUS.done);
      expect(docOf(h, r.link).body.getText()).toContain(`${toThaiDigits(r.name)} อำเภอ${r.district}`);
    }
  });

  it('a unit added to the sheet during the run is made too', () => {
    const h = harness(units(3, [2569]), { callMs: (c) => (c.method === 'copy' ? 200_000 : 0) });
    smallTemplate(h);
    api(h, 'batchStart', { year: 2569, district: '' });
    const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
    sheet.getRange(5, 1, 1, HEADERS.length).setValues([row({ name: 'เทศบาลตำบลเพิ่มใหม่', district: 'ภูเรือ', year: 2569, scores: scoresOf(99, 2569) })]);
    stepUntilDone(h);
    expect(rows(h).map((r) => r.status)).toEqual(Array(4).fill(REPORT_STATUS.done));
  });
});

describe('a trigger without the spreadsheet', () => {
  it('removes itself, and the dialog carries the run on', () => {
    const h = harness(units(4, [2569]), { assume: { triggerSpreadsheet: 'none' }, callMs: (c) => (c.method === 'copy' ? 200_000 : 0) });
    smallTemplate(h);
    api(h, 'batchStart', { year: 2569, district: '' });
    expect(h.triggers.triggers).toHaveLength(1);
    h.fireTriggers();
    expect(h.triggers.triggers).toHaveLength(0);
    const s = stepUntilDone(h);
    expect(s.run?.finished).toBe(true);
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
  });
});


describe('a fault at any service call', () => {
  /** A run of three units (and their year before) with the `at`-th call failing once, then carried on to the end. */
  function faulted(at: number): { h: Harness; seen: number; hit?: string } {
    const list = units(3);
    const h = harness(list, { assume: { triggerSpreadsheet: 'active' } });
    smallTemplate(h);
    h.log.fault = { at, seen: 0 };
    const attempt = (method: string, req: unknown = {}) => {
      try {
        api(h, method, req);
      } catch {
        // the fault: the dialog shows it; the user (or the trigger) goes on
      }
    };
    attempt('batchStart', { year: 2569, district: '' });
    const fault = h.log.fault;
    h.log.fault = undefined;
    for (let i = 0; i < 20; i++) {
      const s = api(h, 'batchState');
      if (!s.run?.active) {
        // A run that never began (the fault stopped its start), or one that ended with a unit ผิดพลาด
        // (a failure is the unit's, recorded with its reason): the user starts it again, which retries those.
        if (s.progress?.done === s.progress?.total) break;
        if (rows(h).some((r) => r.status === REPORT_STATUS.failed)) expect(rows(h).find((r) => r.status === REPORT_STATUS.failed)!.note).toContain('injected fault');
        attempt('batchStart', { year: 2569, district: '' });
        continue;
      }
      // Claims of a stopped step wait until they are stale.
      h.clock.now += 8 * 60_000;
      attempt('batchStep');
    }
    h.fireTriggers();
    return { h, seen: fault.seen, ...(fault.hit ? { hit: `${fault.hit.service}.${fault.hit.method}` } : {}) };
  }

  it('leaves every unit reported once, nothing half-made, no trigger behind, and the typed cells as they were', () => {
    const clean = faulted(Number.POSITIVE_INFINITY);
    const calls = clean.seen;
    expect(calls).toBeGreaterThan(50);
    for (let at = 1; at <= calls; at++) {
      const { h, hit } = faulted(at);
      const where = `fault at call ${at}: ${hit}`;
      const mine = rows(h).filter((r) => r.year === 2569);
      expect(mine.map((r) => r.status), where).toEqual(Array(3).fill(REPORT_STATUS.done));
      const live = liveReports(h);
      expect(live.map((r) => r.name).sort(), where).toEqual([...new Set(live.map((r) => r.name))].sort());
      expect(live, where).toHaveLength(3);
      for (const r of mine) expect(docOf(h, r.link).body.getText(), where).toContain(toThaiDigits(r.name));
      expect(h.triggers.triggers, where).toHaveLength(0);
      // The people's cells: names, years and scores as typed.
      expect(rows(h).map((r) => `${r.name}|${r.year}`), where).toEqual(units(3).map((u) => `${u.name}|${u.year}`));
    }
  }, 600_000);
});

describe('a run with many notes', () => {
  it('keeps its record within a property value’s 9 kB and lists every row whose status cell holds a person’s formula', () => {
    const list = units(60, [2569]);
    const h = harness(list);
    smallTemplate(h);
    const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
    const col = HEADERS.indexOf(UNIT_COL.status) + 1;
    // A person's formula in the status cell of 40 rows: the add-on writes none of them.
    for (let r = 2; r <= 41; r++) sheet.getRange(r, col).setFormula('=""');
    const s = api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    const stored = h.properties.document.getProperty('ita.batch.run')!;
    expect(stored.length).toBeLessThan(9 * 1024);
    // The dialog lists each such row, read from the sheet, not kept with the run.
    const state = api(h, 'batchState');
    expect(state.problems).toHaveLength(40);
    expect(state.problems[0]).toMatch(/ทดสอบ1 อ\.เมืองเลย ปี 2569: ช่อง สถานะรายงาน มีสูตรของผู้ใช้/);
    expect(s.ok).toBe(true);
    for (let r = 2; r <= 41; r++) expect(sheet.getRange(r, col).getFormulas()[0]![0]).toBe('=""');
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.done)).toHaveLength(20);
  });
});
