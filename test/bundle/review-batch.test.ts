// Review of issue 12 (batch reports, the units sheet, the dashboard): what an
// office user does to the units sheet and what Google does to a run, each test
// named for what the user expects.
import { describe, expect, it } from 'vitest';
import { DASHBOARD_AT } from '../../src/core/dashboard';
import { DASHBOARD_SHEET, REPORT_STATUS, UNIT_COL, UNIT_INPUT_HEADERS, UNITS_SHEET } from '../../src/core/units';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, type FakeDataValidation } from '../harness/spreadsheet';
import { VirtualClock } from '../harness/urlfetch';
import { toThaiDigits } from '../../src/core/thai';
import { api, col, harness, HEADERS, liveReports, rows, scoresOf, smallTemplate, stepUntilDone, units, workbook } from './units-fixture';

describe('rows the office copies', () => {
  it('a row copied from last year’s done row, its year and scores changed, gets a report of its own', () => {
    const h = harness(units(2, [2568]));
    smallTemplate(h);
    api(h, 'batchStart', { year: 2568, district: '' });
    stepUntilDone(h);
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
    // The office copies last year's two rows below (whole rows, as people do) and types this year's year and scores.
    const old = sheet.getRange(2, 1, 2, HEADERS.length).getValues();
    sheet.getRange(4, 1, 2, HEADERS.length).setValues(old);
    sheet.getRange(4, col(UNIT_COL.year), 2, 1).setValues([[2569], [2569]]);
    sheet.getRange(4, col('ตัวชี้วัด 1'), 2, 10).setValues([scoresOf(0, 2569), scoresOf(1, 2569)]);
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    const now = rows(h).filter((r) => r.year === 2569);
    expect(now.every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    const before = rows(h).filter((r) => r.year === 2568).map((r) => r.link);
    for (const r of now) expect(before).not.toContain(r.link);
    expect(liveReports(h)).toHaveLength(4);
  });
});

describe('cancel', () => {
  it('cancelling while the dialog’s step is making a report makes nothing more after that report', () => {
    const shared: { other?: Harness } = {};
    let copies = 0;
    const h = harness(units(6, [2569]), {
      assume: { triggerSpreadsheet: 'active' },
      callMs: (c) => {
        // While the dialog's first report is being copied, the user presses ยกเลิก (another execution: the dialog's calls run side by side).
        if (c.service === 'Files' && c.method === 'copy' && ++copies === 1 && shared.other) {
          shared.other.call('sidebarCall', 'batchCancel', {});
        }
        return 0;
      },
    });
    smallTemplate(h);
    shared.other = loadBundle({ share: h, assume: { triggerSpreadsheet: 'active' } });
    h.clock.startExecution();
    api(h, 'batchStart', { year: 2569, district: '' });
    const s = api(h, 'batchState');
    expect(s.run?.cancelled).toBe(true);
    // The report under way when cancel came may be finished; no other is begun.
    expect(liveReports(h).length).toBeLessThanOrEqual(1);
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.waiting).length).toBeGreaterThanOrEqual(5);
  });
});

describe('the execution limit at the worst moment', () => {
  it('an execution stopped while recording a finished report leaves that unit with exactly one live report', () => {
    let armed = false;
    let fired = false;
    const h = loadBundle({
      spreadsheet: workbook(units(3, [2569])),
      clock: new VirtualClock('2026-11-23T03:00:00Z'),
      callMs: (c) => {
        if (fired) return 1;
        // record(): the claim is dropped, then the sheet is read to find the row; the limit hits on that read.
        if (c.method === 'deleteProperty' && String(c.args[0]).startsWith('ita.batch.claim.')) {
          armed = true;
          return 1;
        }
        if (armed && c.service !== 'PropertiesService' && c.service !== 'Properties') {
          fired = true;
          return 7 * 60_000;
        }
        return 1;
      },
    });
    smallTemplate(h);
    h.clock.startExecution();
    expect(() => api(h, 'batchStart', { year: 2569, district: '' })).toThrow(/Exceeded maximum execution time/);
    expect(fired).toBe(true);
    h.clock.now += 8 * 60_000;
    const s = stepUntilDone(h, 20);
    expect(s.run?.finished).toBe(true);
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    const live = liveReports(h);
    expect(live.map((r) => r.name).sort()).toEqual([...new Set(live.map((r) => r.name))].sort());
    expect(live).toHaveLength(3);
  });

  it('a unit left half-made by a stopped execution, then cancelled and started again, leaves no half-made report behind', () => {
    let docs = 0;
    let stall = true;
    const h = loadBundle({
      spreadsheet: workbook(units(3, [2569])),
      clock: new VirtualClock('2026-11-23T03:00:00Z'),
      callMs: (c) => {
        if (c.service === 'Files' && c.method === 'copy') docs++;
        // The second report's first body read hangs past the limit.
        if (stall && docs === 2 && c.method === 'getBody') {
          stall = false;
          return 7 * 60_000;
        }
        return 1;
      },
    });
    smallTemplate(h);
    h.clock.startExecution();
    expect(() => api(h, 'batchStart', { year: 2569, district: '' })).toThrow(/Exceeded maximum execution time/);
    // The dialog shows units stuck กำลังทำ; the office cancels, comes back later and starts again.
    h.clock.startExecution();
    api(h, 'batchCancel');
    h.clock.now += 30 * 60_000;
    h.clock.startExecution();
    api(h, 'batchStart', { year: 2569, district: '' });
    const s = stepUntilDone(h, 20);
    expect(s.run?.finished).toBe(true);
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    const live = liveReports(h);
    expect(live.map((r) => r.name).sort()).toEqual([...new Set(live.map((r) => r.name))].sort());
    expect(live).toHaveLength(3);
  });
});

describe('the dashboard over rows as offices paste them', () => {
  /** The units sheet set up over `values` (header + rows as in examples/district-workbook.json), and its dashboard. */
  function dashboard(values: unknown[][]) {
    const ss = FakeSpreadsheet.from({ sheets: [{ name: UNITS_SHEET, values }] });
    const h = loadBundle({ spreadsheet: ss });
    h.call('setupUnitsWorkbook');
    return { h, units: ss.getSheetByName(UNITS_SHEET)!, dash: ss.getSheetByName(DASHBOARD_SHEET)! };
  }
  const HEAD = ['ชื่อหน่วยงาน', 'ประเภท', 'อำเภอ', 'จังหวัด', 'ปีงบประมาณ', ...Array.from({ length: 10 }, (_, i) => `ตัวชี้วัด ${i + 1}`), 'IIT', 'EIT', 'OIT'];
  const unit = (name: string, district: string, year: unknown, s: unknown[]) => [name, 'องค์การบริหารส่วนตำบล', district, 'เลย', year, ...s, '', '', ''];
  const TEN = [90, 90, 90, 90, 90, 80, 80, 80, 100, 100];

  it('counts the units of a district whose name was pasted with a trailing space under that district, as its dropdown offers it', () => {
    const { dash } = dashboard([HEAD, unit('อบต.ก', 'วังสะพุง', 2569, TEN), unit('อบต.ข', 'วังสะพุง ', 2569, TEN), unit('อบต.ค', 'ภูเรือ', 2569, TEN)]);
    const allowed = (dash.getRange(DASHBOARD_AT.district).getDataValidation() as FakeDataValidation).allowed();
    expect(allowed.filter((d) => d.startsWith('วังสะพุง'))).toEqual(['วังสะพุง']);
    dash.getRange(DASHBOARD_AT.district).setValue('วังสะพุง');
    expect(dash.getRange(DASHBOARD_AT.units).getValue()).toBe(2);
    expect(dash.getRange(DASHBOARD_AT.median).getValue()).toBeCloseTo(91, 9);
  });

  it('takes scores pasted in Thai digits into the mean of each indicator, as it does into the totals', () => {
    const thai = TEN.map((n) => toThaiDigits(String(n)));
    const { dash, units } = dashboard([HEAD, unit('อบต.ก', 'วังสะพุง', 2569, [100, 100, 100, 100, 100, 100, 100, 100, 100, 100]), unit('อบต.ข', 'วังสะพุง', 2569, thai)]);
    // The totals read the Thai digits (ITA_SCORE): both units are counted.
    expect(units.getRange('T2:T3').getValues().map((r) => typeof r[0])).toEqual(['number', 'number']);
    expect(dash.getRange(DASHBOARD_AT.units).getValue()).toBe(2);
    // So the indicator means are over both units too: (100 + 90) / 2.
    expect(dash.getRange(`B${DASHBOARD_AT.indicatorsFirstRow}`).getValue()).toBeCloseTo(95, 9);
  });

  it('counts a row whose year was typed in Thai digits or in the Common Era in that year, as its total and the batch do', () => {
    const { dash, units } = dashboard([HEAD, unit('อบต.ก', 'วังสะพุง', 2569, TEN), unit('อบต.ข', 'วังสะพุง', '๒๕๖๙', TEN), unit('อบต.ค', 'วังสะพุง', 2026, TEN)]);
    // ITA_SCORE reads both years as 2569 (and the batch reports both in its 2569 run).
    expect(units.getRange('T2:T4').getValues().map((r) => typeof r[0])).toEqual(['number', 'number', 'number']);
    expect(dash.getRange(DASHBOARD_AT.year).getValue()).toBe(2569);
    expect(dash.getRange(DASHBOARD_AT.units).getValue()).toBe(3);
  });
});

describe('the units sheet sorted by the office', () => {
  it('shows every row’s total and result beside its own scores after Data › Sort sheet by name', () => {
    const ss = FakeSpreadsheet.from({
      sheets: [
        {
          name: UNITS_SHEET,
          values: [
            ['ชื่อหน่วยงาน', 'ประเภท', 'อำเภอ', 'จังหวัด', 'ปีงบประมาณ', ...Array.from({ length: 10 }, (_, i) => `ตัวชี้วัด ${i + 1}`), 'IIT', 'EIT', 'OIT'],
            ['อบต.ค', '', 'วังสะพุง', 'เลย', 2569, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, '', '', ''],
            ['อบต.ข', '', 'วังสะพุง', 'เลย', 2569, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, '', '', ''],
            ['อบต.ก', '', 'วังสะพุง', 'เลย', 2569, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, '', '', ''],
          ],
        },
      ],
    });
    const h = loadBundle({ spreadsheet: ss });
    h.call('setupUnitsWorkbook');
    const sheet = ss.getSheetByName(UNITS_SHEET)!;
    const head = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const c = (name: string) => head.indexOf(name) + 1;
    // Data › Sort sheet A → Z by ชื่อหน่วยงาน (the header row is frozen, so rows 2 on move, whole).
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, sheet.getMaxColumns()).sort({ column: c('ชื่อหน่วยงาน'), ascending: true });
    expect(sheet.getRange(2, c('ชื่อหน่วยงาน'), 3, 1).getValues().map((r) => r[0])).toEqual(['อบต.ก', 'อบต.ข', 'อบต.ค']);
    const totals = sheet.getRange(2, c('คะแนนรวม'), 3, 1).getValues().map((r) => r[0]);
    expect(totals).toEqual([90, 80, 70]);
  });
});

describe('two starts at once', () => {
  it('เริ่ม pressed for the same year in two windows at once makes one run: one folder, and the dialog’s folder link is the one holding the reports', () => {
    const shared: { other?: Harness } = {};
    let folders = 0;
    const h = harness(units(3, [2569]), {
      callMs: (c) => {
        // While this start makes its run's folder, the same person's dialog in another window starts the same year (another execution).
        if (c.service === 'Files' && c.method === 'create' && ++folders === 1 && shared.other) api(shared.other, 'batchStart', { year: 2569, district: '' });
        return 0;
      },
    });
    shared.other = loadBundle({ share: h });
    const s = api(h, 'batchStart', { year: 2569, district: '' });
    expect(rows(h).every((r) => r.status === REPORT_STATUS.done)).toBe(true);
    const roots = [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed && f.name === 'รายงาน ITA ปีงบประมาณ 2569 หลายหน่วยงาน');
    expect(roots).toHaveLength(1);
    const folderId = s.run!.folderUrl.split('/').pop()!;
    const inside = (id: string): boolean => {
      const f = h.drive.files.get(id)!;
      return f.parents.some((p) => p === folderId || inside(p));
    };
    expect(liveReports(h).every((r) => inside(r.id))).toBe(true);
  });
});

describe('a colleague opens the dialog during a run', () => {
  it('a run another staff member started is not turned into ผิดพลาด rows when a colleague’s dialog carries it on', () => {
    // One report per slice (each takes 3 minutes), so the run is still going when the colleague opens the dialog.
    const h = harness(units(4, [2569]), { callMs: (c) => (c.service === 'Files' && c.method === 'create' ? 100_000 : 0) });
    smallTemplate(h);
    h.clock.startExecution();
    api(h, 'batchStart', { year: 2569, district: '' });
    const doneByA = rows(h).filter((r) => r.status === REPORT_STATUS.done).length;
    expect(doneByA).toBeGreaterThan(0);
    expect(doneByA).toBeLessThan(4);
    // The colleague opens สร้างรายงานหลายหน่วยงาน in the same spreadsheet: the dialog sees an active run and steps it.
    const b = loadBundle({ share: h, email: 'colleague@example.go.th' });
    // Drive and the user properties answer as the colleague (drive.file: what A's add-on made is A's).
    h.drive.user = () => 'colleague@example.go.th';
    h.properties.user = () => 'colleague@example.go.th';
    h.clock.startExecution();
    const s = api(b, 'batchState');
    expect(s.run?.active).toBe(true);
    h.clock.startExecution();
    api(b, 'batchStep');
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.failed).map((r) => r.note)).toEqual([]);
  });
});

describe('the execution limit at any service call', () => {
  /** A run of three units where the `at`-th service call of its start hangs past the limit; then the dialog carries it on. */
  function stopped(at: number): { h: Harness; seen: number; hit?: string } {
    let seen = 0;
    let hit: string | undefined;
    const h = loadBundle({
      spreadsheet: workbook(units(3, [2569])),
      clock: new VirtualClock('2026-11-23T03:00:00Z'),
      assume: { triggerSpreadsheet: 'active' },
      callMs: (c) => {
        if (++seen === at) {
          hit = `${c.service}.${c.method}`;
          return 7 * 60_000;
        }
        return 1;
      },
    });
    smallTemplate(h);
    h.clock.startExecution();
    try {
      api(h, 'batchStart', { year: 2569, district: '' });
    } catch {
      // stopped by the limit: the dialog shows it; the user presses ทำต่อ or เริ่ม again
    }
    const limit = seen;
    seen = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 10; i++) {
      h.clock.now += 8 * 60_000;
      h.clock.startExecution();
      const s = api(h, 'batchState');
      if (!s.run?.active) {
        if (s.progress?.done === s.progress?.total && s.run) break;
        h.clock.startExecution();
        api(h, 'batchStart', { year: 2569, district: '' });
        continue;
      }
      h.clock.startExecution();
      api(h, 'batchStep');
    }
    h.clock.now += 3_600_000;
    h.fireTriggers();
    return { h, seen: limit, ...(hit ? { hit } : {}) };
  }

  it('leaves every unit reported exactly once, wherever the limit stops the first execution', () => {
    const clean = stopped(Number.POSITIVE_INFINITY);
    expect(clean.seen).toBeGreaterThan(50);
    const bad: string[] = [];
    for (let at = 1; at <= clean.seen; at++) {
      const { h, hit } = stopped(at);
      const statuses = rows(h).map((r) => r.status);
      const live = liveReports(h);
      const names = live.map((r) => r.name);
      if (statuses.some((s) => s !== REPORT_STATUS.done) || live.length !== 3 || new Set(names).size !== 3 || h.triggers.triggers.length)
        bad.push(`call ${at} ${hit}: ${statuses.join(',')} · ${live.length} live · ${h.triggers.triggers.length} trigger(s)`);
    }
    expect(bad).toEqual([]);
  }, 600_000);
});

describe('a sort of the typed columns only', () => {
  it('a unit’s report is never linked on another unit’s row when the office sorts only its own columns (B:S) mid-run', () => {
    let copies = 0;
    const h: Harness = harness(units(4, [2569]), {
      callMs: (c) => {
        if (c.service === 'Files' && c.method === 'copy' && ++copies === 1) {
          // Data › Sort range over the typed columns B:S by name, Z → A: the add-on's id and status columns stay put.
          const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
          const typed = sheet.getRange(2, col(UNIT_COL.name), 4, UNIT_INPUT_HEADERS.length);
          typed.setValues(typed.getValues().sort((a, b) => String(b[0]).localeCompare(String(a[0]))));
        }
        return 0;
      },
    });
    smallTemplate(h);
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    for (const r of rows(h).filter((x) => x.link)) {
      const text = h.drive.docs.get(r.link.split('/d/')[1]!.split('/')[0]!)!.body.getText();
      expect(text, r.name).toContain(toThaiDigits(r.name));
    }
  });
});

describe('a renamed header', () => {
  it('a renamed score header is named as the problem, instead of every unit recorded ผิดพลาด for an empty cell it has', () => {
    const h = harness(units(3, [2569]));
    smallTemplate(h);
    // The office retypes the header as the NACC writes it.
    h.spreadsheet.getSheetByName(UNITS_SHEET)!.getRange(1, col('ตัวชี้วัด 1')).setValue('ตัวชี้วัดที่ 1');
    const s = api(h, 'batchStart', { year: 2569, district: '' });
    const said = [s.message?.th ?? '', ...s.problems, ...rows(h).map((r) => r.note)].join('\n');
    expect(said).not.toMatch(/ว่าง ตัวชี้วัด 1/);
    expect(said).toMatch(/ไม่มีคอลัมน์[^\n]*ตัวชี้วัด 1/);
    expect(rows(h).filter((r) => r.status === REPORT_STATUS.failed)).toEqual([]);
  });
});

describe('the quota at the very start', () => {
  it('a daily quota already spent when เริ่ม makes the office template says it is Google’s quota and when to try again, in Thai and in English', () => {
    const clock = new VirtualClock('2026-11-23T03:00:00Z', false);
    const h = harness(units(2, [2569]), { clock, assume: { triggerSpreadsheet: 'active' } });
    h.drive.docQuota = { perDay: 0, now: () => clock.now, error: () => new Error('Service invoked too many times for one day: docs create.'), count: 0 };
    const s = api(h, 'batchStart', { year: 2569, district: '' });
    expect(s.message?.th).toMatch(/โควตา/);
    expect(s.message?.en).not.toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe('the office template', () => {
  it('deleting an old run’s folder of reports does not take the office’s restyled template with it', () => {
    const h = harness(units(2, [2568, 2569]));
    api(h, 'batchStart', { year: 2568, district: '' });
    stepUntilDone(h);
    const template = [...h.drive.files.values()].find((f) => f.name === 'แม่แบบรายงานผลการประเมิน ITA รายหน่วยงาน')!;
    // The office restyles it, then clears last year's reports out of Drive by deleting that run's folder.
    h.drive.docs.get(template.id)!.body.appendParagraph('ลงชื่อ ท้องถิ่นอำเภอ');
    const firstRoot = api(h, 'batchState').run!.folderUrl.split('/').pop()!;
    for (const f of h.drive.withDescendants(h.drive.files.get(firstRoot)!)) f.trashed = true;
    api(h, 'batchStart', { year: 2569, district: '' });
    stepUntilDone(h);
    const link = rows(h).find((r) => r.year === 2569)!.link;
    expect(h.drive.docs.get(link.split('/d/')[1]!.split('/')[0]!)!.body.getText()).toContain('ลงชื่อ ท้องถิ่นอำเภอ');
  });
});

describe('the quota without the hourly trigger', () => {
  it('a quota met when no trigger carries the run on does not promise that the run goes on by itself', () => {
    const clock = new VirtualClock('2026-11-23T03:00:00Z', false);
    const h = harness(units(4, [2569]), { clock, assume: { triggerSpreadsheet: 'none' }, callMs: (c) => (c.service === 'Files' && c.method === 'copy' ? 200_000 : 0) });
    smallTemplate(h);
    api(h, 'batchStart', { year: 2569, district: '' });
    // The trigger finds no spreadsheet and removes itself: only the dialog carries the run on now.
    h.fireTriggers();
    expect(h.triggers.triggers).toHaveLength(0);
    h.drive.docQuota = { perDay: 0, now: () => clock.now, error: () => new Error('Service invoked too many times for one day: docs create.'), count: 0 };
    const s = api(h, 'batchStep');
    expect(s.run).toMatchObject({ active: true, waitingForQuota: true, automatic: false });
    expect(s.message?.th).not.toMatch(/ทำต่อเอง/);
  });
});

describe('a formula in the add-on’s id column', () => {
  it('leaves that row out, named in the dialog, instead of taking the formula’s answer as its id', () => {
    const h = harness(units(3, [2569]));
    smallTemplate(h);
    const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
    // A person numbers the rows with a formula in รหัสแถว (its answer moves with every sort).
    sheet.getRange(3, col(UNIT_COL.id)).setFormula('="R"&"2"');
    const s = api(h, 'batchStart', { year: 2569, district: '' });
    expect(s.problems.join('\n')).toMatch(/ทดสอบ2 .*ช่อง รหัสแถว มีสูตรของผู้ใช้/);
    stepUntilDone(h);
    expect(rows(h).map((r) => r.status)).toEqual([REPORT_STATUS.done, '', REPORT_STATUS.done]);
    expect(sheet.getRange(3, col(UNIT_COL.id)).getFormulas()[0]![0]).toBe('="R"&"2"');
  });
});
