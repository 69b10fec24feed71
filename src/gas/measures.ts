import type { DeletedView, Done, ListAnswer, Refused, Saved, SidebarApi } from '../core/api';
import { isItaError, itaError } from '../core/errors';
import { frameworkFor, latestYear } from '../core/framework';
import { DELETED_AT, DELETED_BY, measureColumns, type Measure } from '../core/measures/model';
import { isRefusal, nextYearCopy, planSave, readTable, refusals, type MeasureTable, type Refusal, type SaveRequest } from '../core/measures/store';
import { headerIndex, ourSpan, readRow, writeRow } from '../core/measures/table';
import { isDate } from '../core/errors';
import { MEASURES_RANGE, SHEET } from '../core/workbook';
import { BUSY, currentUser, readAll, settingsYear, sheetNamed, withDocumentLock, writeLiterally } from './sheets';
import { cellDates, localTextOf, nowLocalText, zoneFrom } from './time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function refused(r: Refusal): Refused {
  return r.kind === 'invalid' ? { ok: false, kind: 'invalid', errors: r.errors } : { ok: false, kind: r.kind, message: r.message };
}

const notSetUp = (name: string): Refused => ({
  ok: false,
  kind: 'setup',
  message: {
    th: `ยังไม่มีแผ่นงาน "${name}" กรุณาเลือกเมนู "ตั้งค่าสมุดงาน ITA" ก่อน`,
    en: `There is no sheet "${name}" yet; run "ตั้งค่าสมุดงาน ITA" first`,
  },
});

/** Runs a write under the document lock; a lock not obtained becomes a "busy" refusal. */
function locked<T>(f: () => T | Refused): T | Refused {
  try {
    return withDocumentLock(f);
  } catch (e) {
    if (isItaError(e) && e.th === BUSY.th) return { ok: false, kind: 'busy', message: BUSY };
    throw e;
  }
}

type Range = GoogleAppsScript.Spreadsheet.Range;

interface Loaded {
  readonly range: Range;
  readonly values: unknown[][];
  readonly table: MeasureTable;
}

/**
 * The measures sheet read once, or why not: through the named range set up by
 * "ตั้งค่าสมุดงาน ITA" (3 calls), else by sheet name (4 calls); one more, the
 * spreadsheet's time zone, as soon as a date is read or written.
 */
function load(): Loaded | Refused {
  const ss = SpreadsheetApp.getActive();
  zoneFrom(ss);
  let range = ss.getRangeByName(MEASURES_RANGE);
  if (!range) {
    const sheet = ss.getSheetByName(SHEET.measures);
    if (!sheet) return notSetUp(SHEET.measures);
    range = sheet.getDataRange();
  }
  const values = range.getValues();
  const table = readTable(values, cellDates());
  return isRefusal(table) ? refused(table) : { range, values, table };
}

/** Every measure of the sheet (none when it is not set up), for the reports. */
export function allMeasures(): Measure[] {
  const loaded = load();
  return isRefused(loaded) ? [] : loaded.table.rows.map((r) => r.measure);
}

/**
 * Writes one row (1-based in the sheet) of the loaded range: only the span of
 * our columns, so a user's columns outside it are never touched; a user's
 * formula in a column inside the span is read and written back as a formula,
 * every string as the text it is (writeLiterally). Grows the sheet when the
 * row is past its end.
 */
function writeRowAt(loaded: Loaded, row: number, cells: unknown[]): void {
  if (row > loaded.values.length) {
    const sheet = loaded.range.getSheet();
    const max = sheet.getMaxRows();
    if (row > max) sheet.insertRowsAfter(max, Math.max(100, row - max));
  }
  const { from, to, others } = ourSpan(loaded.table.index, measureColumns());
  const target = loaded.range.offset(row - 1, from, 1, to - from + 1);
  const out = cells.slice(from, to + 1);
  const kept = new Set<number>();
  if (others.length && row < loaded.table.nextRow) {
    const formulas = target.getFormulas()[0] ?? [];
    for (const i of others) {
      if (!formulas[i - from]) continue;
      out[i - from] = formulas[i - from];
      kept.add(i - from);
    }
  }
  writeLiterally(target, [out], (_r, c) => kept.has(c));
}

function isRefused(x: unknown): x is Refused {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}


/** Ids for rows a person added by hand: written in one go, under the lock. */
function giveIds(range: Range, table: MeasureTable): void {
  const col = table.index.get('รหัส')!;
  withDocumentLock(() => {
    for (const row of table.withoutId) range.offset(row - 1, col, 1, 1).setValue(Utilities.getUuid());
  });
}

function list(req: { fiscalYear?: number }): ListAnswer {
  const loaded = load();
  if (isRefused(loaded)) throw itaError(loaded.kind === 'invalid' ? { th: 'ข้อมูลไม่ถูกต้อง', en: 'invalid data' } : loaded.message);
  let { table } = loaded;
  if (table.withoutId.length) {
    try {
      giveIds(loaded.range, table);
      const again = readTable(loaded.range.getValues(), cellDates());
      if (!isRefusal(again)) table = again;
    } catch (e) {
      if (!(isItaError(e) && e.th === BUSY.th)) throw e; // busy: the rows get their ids next time
    }
  }
  const year = req.fiscalYear ?? settingsYear();
  const years = [...new Set([year, ...table.rows.map((r) => r.measure.fiscalYear).filter((y) => y > 0)])].sort((a, b) => b - a);
  const fw = frameworkFor(Math.min(Math.max(year, 2562), latestYear()));
  return {
    fiscalYear: year,
    years,
    measures: table.rows.filter((r) => r.measure.fiscalYear === year).map((r) => ({ measure: r.measure, notes: r.notes })),
    indicatorNames: fw.indicators.map((i) => i.name),
  };
}

function save(req: SaveRequest): Saved {
  return locked(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const plan = planSave(loaded.table, req, { now: nowLocalText(), user: currentUser(), newId: Utilities.getUuid() }, cellDates());
    if (isRefusal(plan)) return refused(plan);
    writeRowAt(loaded, plan.row, plan.cells);
    return { ok: true as const, measure: plan.measure };
  });
}

function remove(req: { base: Measure }): Done {
  return locked(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const bin = sheetNamed(SHEET.deleted);
    if (!bin) return notSetUp(SHEET.deleted);
    const current = loaded.table.rows.find((r) => r.measure.id === req.base.id);
    if (!current) return refused(refusals.missing(req.base.id));
    const binValues = readAll(bin);
    const index = headerIndex(binValues[0] ?? []);
    const width = (binValues[0] ?? []).length;
    const cells = writeRow(current.measure, index, measureColumns(), width, cellDates());
    const at = index.get(DELETED_AT);
    const by = index.get(DELETED_BY);
    if (at !== undefined) cells[at] = nowLocalText();
    if (by !== undefined) cells[by] = currentUser();
    const lastBinRow = binValues.length === 1 && binValues[0]!.every((c) => c === '') ? 1 : binValues.length;
    writeLiterally(bin.getRange(lastBinRow + 1, 1, 1, width), [cells]);
    loaded.range.getSheet().deleteRow(current.row);
    return { ok: true as const };
  });
}

function binRows(bin: Sheet): { values: unknown[][]; index: Map<string, number> } {
  const values = readAll(bin);
  return { values, index: headerIndex(values[0] ?? []) };
}

/** A cell as text; a date-time (Sheets may take "2026-01-15 09:41:07" for one) as local text. */
function cellText(v: unknown): string {
  return isDate(v) ? localTextOf(v) : String(v ?? '');
}

function deleted(): DeletedView[] {
  const bin = sheetNamed(SHEET.deleted);
  if (!bin) return [];
  const { values, index } = binRows(bin);
  const cols = measureColumns();
  return values
    .slice(1)
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c !== ''))
    .map(({ cells, row }) => ({
      measure: readRow(cells, index, cols, row, cellDates()).measure,
      deletedAt: cellText(cells[index.get(DELETED_AT) ?? -1]),
      deletedBy: cellText(cells[index.get(DELETED_BY) ?? -1]),
    }))
    .reverse();
}

function recover(req: { id: string }): Saved {
  return locked(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const bin = sheetNamed(SHEET.deleted);
    if (!bin) return notSetUp(SHEET.deleted);
    const { values, index } = binRows(bin);
    const at = values.findIndex((cells, i) => i > 0 && String(cells[index.get('รหัส') ?? -1] ?? '').trim() === req.id);
    if (at < 0) return refused(refusals.missing(req.id));
    const found = readRow(values[at]!, index, measureColumns(), at + 1, cellDates()).measure;
    const measure: Measure = { ...found, updatedAt: nowLocalText(), updatedBy: currentUser() };
    const cells = writeRow(measure, loaded.table.index, measureColumns(), loaded.table.width, cellDates());
    writeRowAt(loaded, loaded.table.nextRow, cells);
    bin.deleteRow(at + 1);
    return { ok: true as const, measure };
  });
}

function duplicate(req: { id: string }): Saved {
  return locked(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const source = loaded.table.rows.find((r) => r.measure.id === req.id);
    if (!source) return refused(refusals.missing(req.id));
    const plan = planSave(loaded.table, { input: nextYearCopy(source.measure) }, { now: nowLocalText(), user: currentUser(), newId: Utilities.getUuid() }, cellDates());
    if (isRefusal(plan)) return refused(plan);
    writeRowAt(loaded, plan.row, plan.cells);
    return { ok: true as const, measure: plan.measure };
  });
}

/** The measures' part of the sidebar's server side. */
export const measureApi: Pick<SidebarApi, 'list' | 'save' | 'remove' | 'deleted' | 'recover' | 'duplicate'> = { list, save, remove, deleted, recover, duplicate };
