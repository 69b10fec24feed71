// The fault sweep: one service call of report generation throws (each call in
// turn), and afterwards nothing half-made is left unannounced, no "running"
// mark refuses the next report, and no log row points at a trashed report.
import { describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import type { Harness } from '../harness/harness';
import type { ServiceCall } from '../harness/fakes';

type Kind = 'analysis' | 'progress' | 'oit' | 'memo';

/** A template of the unit's own with one of everything, so a sweep over every call stays short. */
function smallTemplate(h: Harness, kind: Kind): void {
  const doc = h.drive.addDocument('แม่แบบย่อ');
  doc.body.appendParagraph('รายงาน {{ชื่อหน่วยงาน}} ปี {{ปีงบประมาณ}}');
  if (kind === 'analysis') {
    doc.body.appendParagraph('{{กราฟ:คะแนนตัวชี้วัด}}');
    doc.body.appendTable([['{{แถวซ้ำ:ตัวชี้วัด}}{{คะแนน}}']]); // one cell: ten rows of it are most of the calls
  }
  // The memo repeats its chain of comments, and reads the log for the year's progress report.
  if (kind === 'memo') doc.body.appendTable([['{{แถวซ้ำ:ผู้ให้ความเห็น}}ความเห็นของ{{ตำแหน่ง}} {{ลิงก์รายงานแนบ}}']]);
  else if (kind !== 'oit') doc.body.appendTable([['มาตรการ'], ['{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
  else doc.body.appendTable([['ข้อ'], ['{{แถวกลุ่ม:รายการ OIT}}{{กลุ่ม}}'], ['{{แถวซ้ำ:รายการ OIT}}{{รหัส}} {{ลิงก์หลักฐาน}}']]);
  h.properties.document.setProperty(`ita.template.${kind}`, doc.id);
}

interface Run {
  readonly h: Harness;
  readonly result: ReportDone | Error;
  /** Drive files that existed before the run. */
  readonly before: ReadonlySet<string>;
  readonly calls: number;
  readonly hit?: ServiceCall;
}

function harness(kind: Kind, own: boolean): Harness {
  const h = seededHarness();
  if (kind === 'oit') h.call('setupOitChecklist');
  if (own) smallTemplate(h, kind);
  return h;
}

/** One generation on `h` with the `at`-th service call failing. */
function run(h: Harness, kind: Kind, at: number): Run {
  const before = new Set(h.drive.files.keys());
  h.log.fault = { at, seen: 0 };
  let result: ReportDone | Error;
  try {
    // The analysis of 2567 carries 2568's one measure: a short sweep.
    result = h.call('sidebarCall', 'generateReport', { kind, fiscalYear: kind === 'analysis' ? 2567 : 2569, digits: 'thai', pdf: true }) as ReportDone;
  } catch (e) {
    result = e as Error;
  }
  const fault = h.log.fault;
  h.log.fault = undefined;
  return { h, result, before, calls: fault.seen, ...(fault.hit ? { hit: fault.hit } : {}) };
}

/** What must hold after any run, failed or not. */
function checkTruthful({ h, result, hit, before }: Run): void {
  const where = hit ? `${hit.service}.${hit.method}` : 'no fault';
  // The running mark never outlives the run.
  expect(h.properties.document.getProperty('ita.report.running'), where).toBeNull();
  // Everything the run made: reports, PDFs, and the folder or default template made on the way.
  const made = [...h.drive.files.values()].filter((f) => !before.has(f.id));
  const live = made.filter((f) => !f.trashed);
  const logged = (h.spreadsheet.getSheetByName('รายงานที่สร้าง')?.getDataRange().getValues() ?? []).slice(1);
  // Every logged report is there.
  for (const row of logged) {
    const id = String(row[5]).split('/d/')[1]?.split('/')[0];
    expect(h.drive.files.get(id ?? '')?.trashed, `${where}: log row ${String(row[5])}`).toBe(false);
  }
  if (!(result instanceof Error) && result.ok) {
    expect(live.map((f) => f.id), where).toContain(result.url.split('/d/')[1]!.split('/')[0]);
    return;
  }
  const message = result instanceof Error ? result.message : result.message.th;
  // A failed run leaves no file it does not name, and claims no removal it did not make.
  for (const f of live) expect(message, `${where}: ${f.name} left`).toContain(f.id);
  if (live.length) expect(message, where).not.toContain('ได้ลบไฟล์ที่สร้างค้างไว้แล้ว');
  if (message.includes('ได้ลบไฟล์ที่สร้างค้างไว้แล้ว')) expect(made.length, where).toBeGreaterThan(0);
}

/** Calls 1…n, or, for a long run, the first and last 60 and about 150 between. */
function sweepPoints(calls: number, all: boolean): number[] {
  const every = Array.from({ length: calls }, (_, i) => i + 1);
  if (all) return every;
  const stride = Math.max(1, Math.floor(calls / 150));
  return every.filter((i) => i % stride === 0 || i < 60 || i > calls - 60);
}

/** Sweeps faults over one harness (as a user retrying after each failure); answers how many were injected. */
function sweep(kind: Kind, own: boolean, all: boolean): number {
  const h = harness(kind, own);
  const clean = run(h, kind, Number.POSITIVE_INFINITY);
  expect(clean.result).toMatchObject({ ok: true });
  checkTruthful(clean);
  const points = sweepPoints(clean.calls, all);
  for (const at of points) checkTruthful(run(h, kind, at));
  // After every fault, a run with none still works.
  checkTruthful(run(h, kind, Number.POSITIVE_INFINITY));
  return points.length;
}

/** Every call at the run's first variants; a sample at the last (the same paths, half the time). */
const EVERY_CALL = (process.env.ITA_FAKE_VARIANT ?? '0') === '0';

describe('the fault sweep over report generation', () => {
  for (const kind of ['analysis', 'progress', 'oit', 'memo'] as const) {
    it(`leaves nothing half-made and tells the truth when any one call of a short ${kind} report fails`, () => {
      expect(sweep(kind, true, EVERY_CALL)).toBeGreaterThan(40);
    }, 180_000); // every call of a report of ~300 calls, each run a fresh workbook
  }

  it('leaves nothing half-made when calls across a default analysis report fail', () => {
    expect(sweep('analysis', false, false)).toBeGreaterThan(150);
  });
});
