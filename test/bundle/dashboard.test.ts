// The dashboard (ภาพรวม ITA) over the invented district workbook: its live
// formulas, computed by the fake's evaluator of Sheets' functions, against the
// same figures computed here directly from the typed rows (the weighted total
// by hand, the label by ITA-METHOD §4's table), before and after edits.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_DISTRICTS, CHANGES_LISTED, DASHBOARD_AT, DASHBOARD_LABELS } from '../../src/core/dashboard';
import { DASHBOARD_SHEET, UNITS_SHEET } from '../../src/core/units';
import { readWorkbook } from '../../scripts/workbook';
import type { FakeDataValidation } from '../harness/spreadsheet';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, type FakeSheet } from '../harness/spreadsheet';

const JSON_FILE = JSON.parse(readFileSync('examples/district-workbook.json', 'utf8'));

// ---------------------------------------------------------------- the independent computation

interface Row {
  name: string;
  district: string;
  province: string;
  year: number;
  cells: unknown[]; // indicators 1–10, IIT, EIT, OIT as typed
}
const toRows = (values: readonly (readonly unknown[])[]): Row[] =>
  values.slice(1).map((v) => ({ name: String(v[0]), district: String(v[2]), province: String(v[3]), year: Number(v[4]), cells: v.slice(5, 18) }));

const isNum = (v: unknown): v is number => typeof v === 'number';
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Total and label, or undefined when a cell cannot be read or the scores are incomplete. */
function score(r: Row): { total: number; label: string } | undefined {
  if (r.cells.some((c) => c !== '' && !isNum(c))) return undefined;
  const ind = r.cells.slice(0, 10);
  let tools: number[];
  if (ind.every(isNum)) tools = [mean(ind.slice(0, 5) as number[]), mean(ind.slice(5, 8) as number[]), mean(ind.slice(8) as number[])];
  else if (r.cells.slice(10).every(isNum)) tools = r.cells.slice(10) as number[];
  else return undefined;
  const total = tools[0]! * 0.3 + tools[1]! * 0.3 + tools[2]! * 0.4;
  const t = Math.round(total * 100) / 100;
  const low = Math.min(...tools);
  const label = t >= 95 && low >= 95 ? 'ผ่านดีเยี่ยม' : t >= 85 && low >= 85 ? 'ผ่านดี' : t >= 85 ? 'ผ่าน' : t >= 70 ? 'ต้องปรับปรุง' : 'ต้องปรับปรุงโดยด่วน';
  return { total, label };
}

interface Expected {
  year: number;
  units: number;
  passing: number;
  mean: number;
  median: number;
  unreadable: number;
  labels: number[];
  indicatorMeans: number[];
  below: string[];
  rises: [string, number][];
  falls: [string, number][];
}
function expected(rows: Row[], district: string, yearChoice?: number): Expected {
  const year = yearChoice ?? Math.max(...rows.map((r) => r.year));
  const inView = (r: Row) => r.year === year && (district === ALL_DISTRICTS || r.district === district);
  const view = rows.filter(inView);
  const scored = view.map((r) => ({ r, s: score(r) })).filter((x) => x.s) as { r: Row; s: NonNullable<ReturnType<typeof score>> }[];
  const totals = scored.map((x) => x.s.total).sort((a, b) => a - b);
  const key = (r: Row) => [r.name, r.district, r.province].join('|');
  const before = new Map<string, number>();
  for (const r of rows) if (r.year === year - 1 && score(r) && !before.has(key(r))) before.set(key(r), score(r)!.total);
  const changes = scored.filter((x) => before.has(key(x.r))).map((x) => [x.r.name, x.s.total - before.get(key(x.r))!] as [string, number]);
  return {
    year,
    units: scored.length,
    passing: scored.filter((x) => x.s.label.startsWith('ผ่าน')).length,
    mean: mean(totals),
    median: totals.length % 2 ? totals[totals.length >> 1]! : (totals[totals.length / 2 - 1]! + totals[totals.length / 2]!) / 2,
    unreadable: view.filter((r) => !score(r) && r.cells.some((c) => c !== '')).length,
    labels: DASHBOARD_LABELS.map((l) => scored.filter((x) => x.s.label === l).length),
    indicatorMeans: Array.from({ length: 10 }, (_, i) => mean(view.map((r) => r.cells[i]).filter(isNum))),
    below: scored.filter((x) => x.s.label.startsWith('ต้องปรับปรุง')).sort((a, b) => a.s.total - b.s.total).map((x) => x.r.name),
    rises: changes.filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]).slice(0, CHANGES_LISTED),
    falls: changes.filter(([, c]) => c < 0).sort((a, b) => a[1] - b[1]).slice(0, CHANGES_LISTED),
  };
}

// ---------------------------------------------------------------- the dashboard as Sheets would show it

function shown(dash: FakeSheet) {
  const v = (a1: string) => dash.getRange(a1).getValue();
  const col = (a1: string, width: number) =>
    dash
      .getRange(a1)
      .offset(0, 0, 40, width)
      .getValues()
      .filter((r) => r[0] !== '');
  const r0 = DASHBOARD_AT.labelsFirstRow;
  const i0 = DASHBOARD_AT.indicatorsFirstRow;
  return {
    year: v(DASHBOARD_AT.year),
    units: v(DASHBOARD_AT.units),
    passing: v(DASHBOARD_AT.passing),
    share: v(DASHBOARD_AT.passingShare),
    mean: v(DASHBOARD_AT.mean),
    median: v(DASHBOARD_AT.median),
    unreadable: v(DASHBOARD_AT.unreadable),
    labels: dash.getRange(`B${r0}:B${r0 + 4}`).getValues().map((r) => r[0]),
    shares: dash.getRange(`C${r0}:C${r0 + 4}`).getValues().map((r) => r[0]),
    indicatorMeans: dash.getRange(`B${i0}:B${i0 + 9}`).getValues().map((r) => r[0]),
    weakest: col(DASHBOARD_AT.weakest, 2),
    below: col(DASHBOARD_AT.below, 4),
    rises: col(DASHBOARD_AT.rises, 3),
    falls: col(DASHBOARD_AT.falls, 3),
  };
}

function expectMatches(dash: FakeSheet, e: Expected): void {
  const s = shown(dash);
  expect(s.year).toBe(e.year);
  expect(s.units).toBe(e.units);
  expect(s.passing).toBe(e.passing);
  expect(s.share).toBeCloseTo(e.passing / e.units, 12);
  expect(s.mean).toBeCloseTo(e.mean, 9);
  expect(s.median).toBeCloseTo(e.median, 9);
  expect(s.unreadable).toBe(e.unreadable);
  expect(s.labels).toEqual(e.labels);
  s.shares.forEach((x, i) => expect(x).toBeCloseTo(e.labels[i]! / e.units, 12));
  s.indicatorMeans.forEach((x, i) => expect(x).toBeCloseTo(e.indicatorMeans[i]!, 9));
  // Weakest first: the indicators by their mean, ascending.
  const order = e.indicatorMeans.map((m, i) => [i + 1, m] as const).sort((a, b) => a[1] - b[1]);
  expect(s.weakest.map((r) => Number(String(r[0]).split(' ')[0]))).toEqual(order.map(([n]) => n));
  expect(s.below.length ? s.below.map((r) => r[0]) : ['ไม่มี']).toEqual(e.below.length ? e.below : ['ไม่มี']);
  for (const [list, want] of [
    [s.rises, e.rises],
    [s.falls, e.falls],
  ] as const) {
    if (!want.length) {
      expect(list).toEqual([['ไม่มี', '', '']]);
      continue;
    }
    expect(list.map((r) => r[0])).toEqual(want.map(([n]) => n));
    list.forEach((r, i) => expect(r[2]).toBeCloseTo(want[i]![1], 9));
  }
}

let ss: FakeSpreadsheet;
let h: Harness;
let rows: Row[];
let units: FakeSheet;
let dash: FakeSheet;
beforeEach(() => {
  ss = FakeSpreadsheet.from(readWorkbook(JSON_FILE));
  h = loadBundle({ spreadsheet: ss });
  h.call('setupUnitsWorkbook');
  rows = toRows(JSON_FILE.sheets[0].values);
  units = ss.getSheetByName(UNITS_SHEET)!;
  dash = ss.getSheetByName(DASHBOARD_SHEET)!;
});

describe('the dashboard over the district workbook', () => {
  it('shows the latest year for every district, as computed directly from the rows', () => {
    const e = expected(rows, ALL_DISTRICTS);
    // The example is meant to show every case: most units pass, some do not, an unreadable row, rises and falls.
    expect(e.year).toBe(2569);
    expect(e.passing / e.units).toBeGreaterThan(0.7);
    expect(e.below.length).toBeGreaterThan(2);
    expect(e.labels.every((n) => n > 0)).toBe(true);
    expect(e.unreadable).toBe(1);
    expect(e.rises.length).toBeGreaterThan(3);
    expect(e.falls.length).toBeGreaterThan(3);
    expectMatches(dash, e);
  });

  it('follows the district filter and the year chosen, and lists no change for a year without the one before', () => {
    for (const district of ['โคกสำโรงใต้', 'นาบัวหลวง', 'เมืองศรีสำราญ']) {
      dash.getRange(DASHBOARD_AT.district).setValue(district);
      expectMatches(dash, expected(rows, district));
    }
    dash.getRange(DASHBOARD_AT.yearChoice).setValue(2568);
    const e = expected(rows, 'เมืองศรีสำราญ', 2568);
    expect(e.rises).toEqual([]);
    expectMatches(dash, e);
    dash.getRange(DASHBOARD_AT.district).setValue(ALL_DISTRICTS);
    expectMatches(dash, expected(rows, ALL_DISTRICTS, 2568));
  });

  it('recomputes when a score changes, a row is added or a row is fixed, with no script run', () => {
    const calls = h.log.length;
    // A score changes: the weakest unit of 2569 gets a full OIT.
    const at = rows.findIndex((r) => r.year === 2569 && r.name.endsWith('หนองเม็ก'));
    for (const c of [13, 14]) units.getRange(at + 2, c + 1).setValue(100);
    rows[at]!.cells[8] = 100;
    rows[at]!.cells[9] = 100;
    expectMatches(dash, expected(rows, ALL_DISTRICTS));
    // A row is added below the data: a new unit of 2569 that only knows its tool scores.
    const added = ['องค์การบริหารส่วนตำบลทดลองใหม่', 'องค์การบริหารส่วนตำบล', 'นาบัวหลวง', 'ศรีสำราญ', 2569, '', '', '', '', '', '', '', '', '', '', 70, 72, 60];
    units.getRange(rows.length + 2, 1, 1, added.length).setValues([added]);
    rows.push(toRows([[], added])[0]!);
    expectMatches(dash, expected(rows, ALL_DISTRICTS));
    // The unreadable cell is typed again as a number.
    const bad = rows.findIndex((r) => r.cells.includes('ไม่มีข้อมูล'));
    units.getRange(bad + 2, 14).setValue(88.5);
    rows[bad]!.cells[8] = 88.5;
    const e = expected(rows, ALL_DISTRICTS);
    expect(e.unreadable).toBe(0);
    expectMatches(dash, e);
    dash.getRange(DASHBOARD_AT.district).setValue('นาบัวหลวง');
    expectMatches(dash, expected(rows, 'นาบัวหลวง'));
    // Nothing above went through the add-on's code: the sheet's formulas did it all.
    expect(h.log.length).toBe(calls);
  });

  it('offers every district and year present in its two dropdowns, live', () => {
    const allowed = (a1: string) => (dash.getRange(a1).getDataValidation() as FakeDataValidation).allowed();
    // "ทั้งหมด" first, then the districts (their order is Sheets' SORT of text: a switch of the fake).
    const districts = allowed(DASHBOARD_AT.district);
    expect(districts[0]).toBe(ALL_DISTRICTS);
    expect(districts.slice(1).sort()).toEqual(['นาบัวหลวง', 'เมืองศรีสำราญ', 'โคกสำโรงใต้'].sort());
    if (h.assumptions.sortText === 'locale') expect(districts.slice(1)).toEqual(['โคกสำโรงใต้', 'นาบัวหลวง', 'เมืองศรีสำราญ']);
    expect(allowed(DASHBOARD_AT.yearChoice)).toEqual(['2569', '2568']);
    units.getRange(rows.length + 2, 1, 1, 5).setValues([['เทศบาลตำบลใหม่', 'เทศบาลตำบล', 'ดงใหม่', 'ศรีสำราญ', 2570]]);
    expect(allowed(DASHBOARD_AT.district)).toContain('ดงใหม่');
    expect(allowed(DASHBOARD_AT.yearChoice)[0]).toBe('2570');
  });

  it('has two native charts over its own live cells: the count per result and the mean per indicator', () => {
    const charts = dash.getCharts();
    expect(charts.map((c) => c.type)).toEqual(['COLUMN', 'BAR']);
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['จำนวนหน่วยงานตามผลการประเมิน', 'คะแนนเฉลี่ยรายตัวชี้วัด']);
    const [labels, means] = charts.map((c) => c.getRanges()[0]!);
    expect(labels!.getValues().map((r) => r[0])).toEqual([...DASHBOARD_LABELS]);
    expect(labels!.getValues().map((r) => r[1])).toEqual(expected(rows, ALL_DISTRICTS).labels);
    expect(means!.getValues()).toHaveLength(10);
    // The charts read the cells, so they follow the filter.
    dash.getRange(DASHBOARD_AT.district).setValue('นาบัวหลวง');
    expect(labels!.getValues().map((r) => r[1])).toEqual(expected(rows, 'นาบัวหลวง').labels);
  });

  it('is left exactly as the user edited it when set-up runs again', () => {
    dash.getRange('A1').setValue('ภาพรวมของท้องถิ่นอำเภอ');
    dash.getRange(DASHBOARD_AT.mean).setValue('ดูที่สรุปรายไตรมาส');
    const snap = dash.snapshot();
    const charts = dash.getCharts().length;
    h.call('setupUnitsWorkbook');
    expect(dash.snapshot()).toEqual(snap);
    expect(dash.getCharts()).toHaveLength(charts);
    expect(ss.toasts.at(-1)!.msg).toContain('มีอยู่แล้ว จึงไม่ได้แก้ไข');
  });

  it('is made again, whole, after the user deletes it', () => {
    ss.deleteSheet(dash as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    h.call('setupUnitsWorkbook');
    const again = ss.getSheetByName(DASHBOARD_SHEET)!;
    expect(again.getCharts()).toHaveLength(2);
    expectMatches(again, expected(rows, ALL_DISTRICTS));
  });
});
