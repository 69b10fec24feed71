// The units sheet and batch-run helpers shared by the batch tests: invented
// units, their rows under the units sheet's headers, a small office template,
// the rows read back, and the dialog's loop of steps.
import type { BatchState } from '../../src/core/api';
import { UNIT_COL, UNIT_INPUT_HEADERS, UNIT_STATUS_HEADERS, UNITS_SHEET } from '../../src/core/units';
import type { FakeDocument } from '../harness/document';
import { loadBundle, type Harness, type HarnessOptions } from '../harness/harness';
import { FakeSpreadsheet } from '../harness/spreadsheet';
import { VirtualClock } from '../harness/urlfetch';

export const HEADERS = [UNIT_COL.id, ...UNIT_INPUT_HEADERS, ...UNIT_STATUS_HEADERS];
export const DISTRICTS = ['เมืองเลย', 'วังสะพุง', 'ภูเรือ'];

export interface Unit {
  name: string;
  district: string;
  year: number | string;
  scores?: (number | string)[];
  tools?: number[];
}

/** Plausible scores of unit i in a year (deterministic). */
export function scoresOf(i: number, year: number): number[] {
  return Array.from({ length: 10 }, (_, k) => Math.round((70 + ((i * 37 + k * 11 + year) % 30) + ((i + k) % 7) / 10) * 100) / 100);
}

export function units(n: number, years: readonly number[] = [2568, 2569]): Unit[] {
  return Array.from({ length: n }, (_, i) => years.map((year) => ({ name: `องค์การบริหารส่วนตำบลทดสอบ${i + 1}`, district: DISTRICTS[i % 3]!, year, scores: scoresOf(i, year) }))).flat();
}

export function row(u: Unit): unknown[] {
  const cell = (h: string): unknown => {
    if (h === UNIT_COL.name) return u.name;
    if (h === UNIT_COL.kind) return 'องค์การบริหารส่วนตำบล';
    if (h === UNIT_COL.district) return u.district;
    if (h === UNIT_COL.province) return 'เลย';
    if (h === UNIT_COL.year) return u.year;
    const m = /^ตัวชี้วัด (\d+)$/.exec(h);
    if (m && u.scores) return u.scores[Number(m[1]) - 1];
    const t = ['IIT', 'EIT', 'OIT'].indexOf(h);
    if (t >= 0 && u.tools) return u.tools[t];
    return '';
  };
  return HEADERS.map(cell);
}

export function workbook(list: readonly Unit[]): FakeSpreadsheet {
  return FakeSpreadsheet.from({ sheets: [{ name: UNITS_SHEET, values: [HEADERS, ...list.map(row)] }] });
}

export const api = (h: Harness, method: string, req: unknown = {}): BatchState => h.call('sidebarCall', method, req) as BatchState;

/** A small template of the office's own (set by its link), so that a thousand reports stay quick here. */
export function smallTemplate(h: Harness): string {
  const doc = h.drive.addDocument('แม่แบบรายงานของสำนักงาน');
  doc.body.appendParagraph('รายงานผล ITA ของ {{ชื่อหน่วยงาน}} อำเภอ{{อำเภอ}}');
  doc.body.appendParagraph('คะแนนรวม {{คะแนนรวม}} ({{ผลการประเมิน}})');
  h.properties.document.setProperty('ita.template.units', doc.id);
  return doc.id;
}

export interface Row {
  readonly id: string;
  readonly name: string;
  readonly district: string;
  readonly year: number;
  readonly status: string;
  readonly link: string;
  readonly note: string;
}

export function rows(h: Harness): Row[] {
  const values = h.spreadsheet.getSheetByName(UNITS_SHEET)!.getDataRange().getValues();
  const head = values[0]!.map(String);
  const at = (r: unknown[], name: string) => r[head.indexOf(name)];
  return values
    .slice(1)
    .filter((r) => at(r, UNIT_COL.name) !== '')
    .map((r) => ({
      id: String(at(r, UNIT_COL.id)),
      name: String(at(r, UNIT_COL.name)),
      district: String(at(r, UNIT_COL.district)),
      year: Number(at(r, UNIT_COL.year)),
      status: String(at(r, UNIT_COL.status)),
      link: String(at(r, UNIT_COL.link)),
      note: String(at(r, UNIT_COL.note)),
    }));
}

export const docOf = (h: Harness, url: string): FakeDocument => h.drive.docs.get(url.split('/d/')[1]!.split('/')[0]!)!;

/** Live (not trashed) Docs the add-on made in the run's folders. */
export function liveReports(h: Harness): { id: string; name: string; parent: string }[] {
  return [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed && f.mimeType === 'application/vnd.google-apps.document' && !/แม่แบบ/.test(f.name)).map((f) => ({ id: f.id, name: f.name, parent: f.parents[0]! }));
}

/** Steps the run as the open dialog does, until it finishes, stops, or `max` steps. */
export function stepUntilDone(h: Harness, max = 500): BatchState {
  h.clock.startExecution();
  let s = api(h, 'batchState');
  for (let i = 0; i < max && s.run?.active && !s.run.waitingForQuota; i++) {
    h.clock.startExecution();
    s = api(h, 'batchStep');
  }
  return s;
}

export function harness(list: readonly Unit[], options: HarnessOptions = {}): Harness {
  return loadBundle({ spreadsheet: workbook(list), clock: new VirtualClock('2026-11-23T03:00:00Z', false), ...options });
}

/** 1-based column of a header of the units sheet. */
export const col = (name: string): number => HEADERS.indexOf(name) + 1;
