// The demo of an office that follows many units: the batch of analysis reports
// over examples/district-workbook.json, run by dist/ in the sandbox with the
// execution limit simulated (test/harness/costs.ts per call): first by the open
// dialog, then by the hourly trigger. Reports are written to out/district/.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { BatchState } from '../src/core/api';
import { DASHBOARD_SHEET, UNIT_COL, UNITS_SHEET } from '../src/core/units';
import { callMs } from '../test/harness/costs';
import { renderHtml } from '../test/harness/document';
import { loadBundle, type Harness } from '../test/harness/harness';
import { FakeSpreadsheet } from '../test/harness/spreadsheet';
import { VirtualClock } from '../test/harness/urlfetch';
import { readWorkbook } from './workbook';

export const DISTRICT_WORKBOOK = 'examples/district-workbook.json';

const api = (h: Harness, method: string, req: unknown = {}): BatchState => h.call('sidebarCall', method, req) as BatchState;

/** Runs the batch; answers the harness, and how many executions and resumptions it took. */
export function runDistrictBatch(opts: { dialogSteps?: number; email?: string } = {}): { h: Harness; executions: number; resumptions: number; hours: number; state: BatchState } {
  const workbook = readWorkbook(JSON.parse(readFileSync(DISTRICT_WORKBOOK, 'utf8')));
  const clock = new VirtualClock('2026-11-23T02:00:00Z');
  const h = loadBundle({ spreadsheet: FakeSpreadsheet.from(workbook), clock, callMs, email: opts.email ?? 'tongthin.amphoe@gmail.com', assume: { triggerSpreadsheet: 'active' } });
  const began = clock.now;
  // As the office does: set up (the add-on's columns, the totals and the dashboard), then the batch.
  h.call('setupUnitsWorkbook');
  const year = api(h, 'batchState').years[0]!;
  clock.startExecution();
  let state = api(h, 'batchStart', { year, district: '' });
  let executions = 1;
  // The office keeps the dialog open for a few steps, then closes it: the hourly trigger goes on.
  for (let i = 0; i < (opts.dialogSteps ?? 1) && state.run?.active; i++) {
    clock.startExecution();
    state = api(h, 'batchStep');
    executions++;
  }
  for (let hour = 0; hour < 24 * 14 && h.triggers.triggers.length; hour++) {
    clock.now += 3_600_000;
    executions += h.fireTriggers();
  }
  state = api(h, 'batchState');
  return { h, executions, resumptions: state.run?.resumptions ?? 0, hours: (clock.now - began) / 3_600_000, state };
}

/** npm run demo's part: the run, its figures, and the reports as A4 pages' HTML. */
export function districtDemo(): void {
  console.log(`\nรายงานหลายหน่วยงาน (${DISTRICT_WORKBOOK}): หนึ่งฉบับต่อหน่วยงาน ทำทีละช่วงภายในเวลา 6 นาทีต่อครั้ง`);
  const start = (() => {
    const workbook = readWorkbook(JSON.parse(readFileSync(DISTRICT_WORKBOOK, 'utf8')));
    const h = loadBundle({ spreadsheet: FakeSpreadsheet.from(workbook), email: 'tongthin.amphoe@gmail.com' });
    h.call('setupUnitsWorkbook');
    // The dashboard, as Sheets computes its formulas (the fake's evaluator of the native functions).
    const dash = h.spreadsheet.getSheetByName(DASHBOARD_SHEET);
    if (dash) {
      console.log(`แผ่นงาน "${DASHBOARD_SHEET}" (สูตรสด ไม่ต้องรันสคริปต์):`);
      for (const row of dash.getRange(1, 1, 30, 4).getDisplayValues()) if (row.some((c) => c !== '')) console.log(`  ${row.filter((c) => c !== '').join(' | ')}`);
    }
    return api(h, 'batchState');
  })();
  console.log(`แผน: ${start.plan?.th ?? '-'}`);
  const { h, executions, resumptions, hours, state } = runDistrictBatch({ dialogSteps: 0 });
  const p = state.progress!;
  console.log(`เสร็จ ${p.done} ผิดพลาด ${p.failed} จาก ${p.total} หน่วยงาน ใน ${executions} ครั้ง (ทำต่อเองโดยทริกเกอร์ ${resumptions} ครั้ง, ${hours.toFixed(0)} ชั่วโมงตามนาฬิกาจำลอง)`);
  for (const problem of state.problems) console.log(`  ⚑ ${problem}`);
  rmSync('out/district', { recursive: true, force: true });
  const sheet = h.spreadsheet.getSheetByName(UNITS_SHEET)!;
  const values = sheet.getDataRange().getValues();
  const head = values[0]!.map(String);
  const col = (name: string) => head.indexOf(name);
  let written = 0;
  for (const r of values.slice(1)) {
    const link = String(r[col(UNIT_COL.link)] ?? '');
    if (!link) continue;
    const id = link.split('/d/')[1]!.split('/')[0]!;
    const doc = h.drive.docs.get(id)!;
    const district = String(r[col(UNIT_COL.district)] || 'ไม่ระบุอำเภอ');
    mkdirSync(`out/district/${district}`, { recursive: true });
    writeFileSync(`out/district/${district}/${h.drive.files.get(id)!.name}.html`, renderHtml(doc));
    written++;
  }
  console.log(`out/district/: ${written} reports, one folder per district`);
}
