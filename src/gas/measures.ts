import type { DeletedView, Done, ListAnswer, MeasureView, Refused, Saved, SidebarApi } from '../core/api';
import { isDate, isItaError, itaError, type Bilingual } from '../core/errors';
import { frameworkNear } from '../core/framework';
import { DELETED_AT, DELETED_BY, measureColumns, type Measure } from '../core/measures/model';
import {
  alreadyCopied,
  blockedErrors,
  copiesOf,
  isRefusal,
  nextYearCopy,
  planSave,
  readTable,
  rowOf,
  rowWithId,
  STAMPS,
  type MeasureTable,
  type Refusal,
  type SaveRequest,
  type Write,
} from '../core/measures/store';
import { headerIndex, readRow } from '../core/measures/table';
import { isBlank } from '../core/table';
import { MEASURES_RANGE, SHEET } from '../core/workbook';
import { BUSY, currentUser, settingsYear, withDocumentLock } from './sheets';
import { appendRows, isWriteFailure, undoAppend, missingColumns, NOT_DELETED, openTable, planRemoval, removeRow, renamedColumns, writeCells, writeFailure, writeRow, type Removal, type Table, type TableSpec, type WriteResult } from './table';
import { cellDates, localTextOf, nowLocalText, zoneFrom } from './time';

const HEADERS = measureColumns().map((c) => c.header);

/** The measures sheet: read through the named range set-up makes, else by name. */
const MEASURES: TableSpec = { sheet: SHEET.measures, rangeName: MEASURES_RANGE, columns: HEADERS };
/** The recycle sheet: a measure's cells as they were, and when and by whom it was deleted. */
const BIN: TableSpec = { sheet: SHEET.deleted, columns: [...HEADERS, DELETED_AT, DELETED_BY] };

function refused(r: Refusal): Refused {
  return r.kind === 'invalid' ? { ok: false, kind: 'invalid', errors: r.errors } : { ok: false, kind: r.kind, message: r.message };
}

const notSetUp = (name: string): Refused => ({
  ok: false,
  kind: 'setup',
  message: {
    th: `ยังไม่มีแผ่นงาน "${name}" หรือแผ่นงานนี้ไม่มีหัวตารางของส่วนเสริม กรุณาเลือกเมนู "ตั้งค่าสมุดงาน ITA" ก่อน`,
    en: `There is no sheet "${name}" with the add-on's headers yet; run "ตั้งค่าสมุดงาน ITA" first`,
  },
});

function isRefused(x: unknown): x is Refused {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}

/** What to tell when something failed before anything was written. */
const notDone = (e: unknown, not: Bilingual): Bilingual => {
  const why = typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e);
  return {
    th: `${not.th}: เกิดข้อผิดพลาด (${why}) ข้อมูลในแผ่นงานยังเหมือนเดิม ลองอีกครั้งได้`,
    en: `${not.en}: an error occurred (${why}); the sheet is as it was. Try again.`,
  };
};

/**
 * Runs a write under the document lock and tells the truth whatever happens:
 * a lock not obtained is "busy"; a write that failed part-way was put back
 * (or says which row it could not put back, table.ts); any other error came
 * before anything was written.
 */
function guarded<T>(f: () => T | Refused, not: Bilingual = { th: 'ไม่ได้บันทึก', en: 'Nothing was saved' }): T | Refused {
  try {
    return withDocumentLock(f);
  } catch (e) {
    if (isItaError(e) && e.th === BUSY.th) return { ok: false, kind: 'busy', message: BUSY };
    if (isWriteFailure(e)) return { ok: false, kind: 'failed', message: { th: e.th, en: e.en } };
    return { ok: false, kind: 'failed', message: notDone(e, not) };
  }
}

interface Loaded {
  readonly t: Table;
  readonly table: MeasureTable;
}

/**
 * The measures sheet read once, or why not: through the named range set up by
 * "ตั้งค่าสมุดงาน ITA" (3 calls), else by sheet name (4 calls); one more, the
 * spreadsheet's time zone, as soon as a date is read or written. A header a
 * person renamed is named in the refusal (a few calls more, only then).
 */
function load(): Loaded | Refused {
  const ss = SpreadsheetApp.getActive();
  zoneFrom(ss);
  const t = openTable(MEASURES, ss);
  if (!t || t.header < 0) return notSetUp(SHEET.measures);
  let table = readTable(t.values, cellDates());
  if (isRefusal(table) && table.kind === 'setup') table = readTable(t.values, cellDates(), renamedColumns(t));
  return isRefusal(table) ? refused(table) : { t, table };
}

/** Every measure of the sheet (none when it is not set up), for the reports. */
export function allMeasures(): Measure[] {
  const loaded = load();
  return isRefused(loaded) ? [] : loaded.table.rows.map((r) => r.measure);
}

/** The measure now in a row of the table (after a write: with its new fingerprint). */
const measureAt = (loaded: Loaded, r: number): Measure => readRow(loaded.t.values[r] ?? [], loaded.table.index, measureColumns(), r + 1, cellDates()).measure;

type Blocked = Extract<WriteResult, { ok: false }>['blocked'];

/** Nothing written because cells hold formulas or an array's output: which, where. */
function blockedMessage(sheet: string, blocked: Blocked): Refused {
  const th = blocked.map((b) => `"${b.header}" แถว ${b.r + 1}`).join(', ');
  const en = blocked.map((b) => `"${b.header}" row ${b.r + 1}`).join(', ');
  return {
    ok: false,
    kind: 'setup',
    message: {
      th: `ไม่ได้บันทึก: ช่อง ${th} ของแผ่นงาน "${sheet}" เป็นสูตรหรืออยู่ในผลลัพธ์ของสูตรอาร์เรย์ ส่วนเสริมจึงไม่เขียนทับ กรุณาแก้สูตรในแผ่นงาน`,
      en: `Nothing was saved: ${en} of sheet "${sheet}" holds a formula or an array formula's output, which the add-on never overwrites`,
    },
  };
}

/** A write's answer: the measure as the row now holds it, or why nothing was written (under the form's fields when it can). */
function answer(loaded: Loaded, res: WriteResult, r: number): Saved {
  if (res.ok) return { ok: true, measure: measureAt(loaded, r) };
  const errors = blockedErrors(res.blocked);
  if (Object.keys(errors).length === res.blocked.length) return { ok: false, kind: 'invalid', errors };
  return blockedMessage(SHEET.measures, res.blocked);
}

/** Writes a planned save: the changed cells of the row meant, or a new row after the last used one. */
function put(loaded: Loaded, plan: Write): Saved {
  if (plan.at) {
    const r = plan.at.row - 1;
    return answer(loaded, writeRow(loaded.t, r, plan.cells, plan.optional), r);
  }
  const res = appendRows(loaded.t, [plan.cells], plan.optional);
  return answer(loaded, res, res.at);
}

const stamp = () => ({ now: nowLocalText(), user: currentUser(), newId: Utilities.getUuid() });

/**
 * Ids for rows a person typed into the sheet, and new ids for rows copied in
 * the sheet (the first row with an id keeps it; a later row with the same id
 * is the copy). Under the lock, from the sheet read again under it, so a sort
 * in between cannot send an id to another row. Answers the sheet as it then
 * is, and the rows that got an id because they were copies.
 */
function giveIds(): { loaded: Loaded; copies: Set<number> } | undefined {
  return withDocumentLock(() => {
    const loaded = load();
    if (isRefused(loaded)) return undefined;
    const { t, table } = loaded;
    const col = table.index.get('รหัส')!;
    const rows = [...table.withoutId, ...table.duplicates];
    if (rows.length) writeCells(t, rows.map((row) => ({ r: row - 1, c: col, v: Utilities.getUuid() })), () => true);
    const again = readTable(t.values, cellDates());
    return isRefusal(again) ? undefined : { loaded: { t, table: again }, copies: new Set(table.duplicates) };
  });
}

function list(req: { fiscalYear?: number }): ListAnswer {
  const first = load();
  if (isRefused(first)) throw itaError(first.kind === 'invalid' ? { th: 'ข้อมูลไม่ถูกต้อง', en: 'invalid data' } : first.message);
  let { table } = first;
  let copies = new Set<number>();
  if (table.withoutId.length || table.duplicates.length) {
    try {
      const done = giveIds();
      if (done) ({ loaded: { table }, copies } = done);
    } catch (e) {
      if (!(isItaError(e) && e.th === BUSY.th) && !isWriteFailure(e)) throw e; // busy or failed: the rows get their ids next time
    }
  }
  const year = req.fiscalYear ?? settingsYear();
  const years = [...new Set([year, ...table.rows.map((r) => r.measure.fiscalYear).filter((y) => y > 0)])].sort((a, b) => b - a);
  const fw = frameworkNear(year);
  const copied = 'แถวนี้มีรหัสซ้ำกับแถวอื่น (คัดลอกมา) จึงได้รหัสใหม่ เป็นมาตรการแยกกัน';
  return {
    fiscalYear: year,
    years,
    // A measure whose year cannot be read is shown in every year, with its note, until the year is fixed: never hidden.
    measures: table.rows
      .filter((r) => r.measure.fiscalYear === year || r.measure.fiscalYear === 0)
      .map((r): MeasureView => ({ measure: r.measure, notes: copies.has(r.row) ? [...r.notes, copied] : r.notes })),
    indicatorNames: fw.indicators.map((i) => i.name),
  };
}

function save(req: SaveRequest): Saved {
  return guarded(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const plan = planSave(loaded.table, req, stamp(), cellDates());
    return isRefusal(plan) ? refused(plan) : put(loaded, plan);
  });
}

/** A row not removed: its cells of the add-on hold a formula or an array's output. */
function arrayInTheWay(sheet: string, removal: Extract<Removal, { how: 'refuse' }>): Refused {
  const cols = removal.headers.map((h) => `"${h}"`).join(', ');
  return {
    ok: false,
    kind: 'setup',
    message: {
      th: `ไม่ได้ลบ: ช่อง ${cols} ของแถวนี้ในแผ่นงาน "${sheet}" เป็นสูตรหรือผลลัพธ์ของสูตรอาร์เรย์ที่เติมค่าให้แถวอื่นด้วย ลบแถวนี้จะทำให้สูตรนั้นเสีย กรุณาแก้สูตรในแผ่นงานก่อน`,
      en: `Not deleted: ${cols} of this row of sheet "${sheet}" holds a formula or an array formula's output; removing the row would break that formula. Change it in the sheet first.`,
    },
  };
}

/** The recycle sheet, or why it cannot take a measure. */
function openBin(): Table | Refused {
  const bin = openTable(BIN);
  if (!bin || bin.header < 0) return notSetUp(SHEET.deleted);
  const missing = missingColumns(bin, HEADERS);
  if (missing.length) {
    return {
      ok: false,
      kind: 'setup',
      message: {
        th: `แผ่นงาน "${SHEET.deleted}" ไม่มีคอลัมน์ ${missing.join(', ')} จึงเก็บมาตรการที่ลบได้ไม่ครบ กรุณาเลือกเมนู "ตั้งค่าสมุดงาน ITA"`,
        en: `Sheet "${SHEET.deleted}" lacks the columns ${missing.join(', ')}, so a deleted measure would not be kept whole; run "ตั้งค่าสมุดงาน ITA"`,
      },
    };
  }
  return bin;
}

/**
 * Deletes a measure: its cells as they are (one the add-on cannot read
 * included) go to the recycle sheet, then its row goes — only the row the
 * form loaded, refused when it changed since. If the row cannot be removed,
 * the recycle sheet's new row is emptied again.
 */
function remove(req: { base: Measure }): Done {
  return guarded(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const at = rowOf(loaded.table, req.base);
    if (isRefusal(at)) return refused(at);
    const bin = openBin();
    if (isRefused(bin)) return bin;
    const removal = planRemoval(loaded.t, at.row - 1);
    if (removal.how === 'refuse') return arrayInTheWay(SHEET.measures, removal);
    const record = new Map<string, unknown>(HEADERS.map((h) => [h, at.cells[loaded.table.index.get(h)!]]));
    record.set(DELETED_AT, nowLocalText());
    record.set(DELETED_BY, currentUser());
    const added = appendRows(bin, [record], new Set([DELETED_AT, DELETED_BY]));
    if (!added.ok) return blockedMessage(SHEET.deleted, added.blocked);
    try {
      removeRow(loaded.t, at.row - 1, removal);
    } catch (e) {
      throw writeFailure(loaded.t, [at.row], e, !undoAppend(bin, added.at, 1), NOT_DELETED);
    }
    return { ok: true as const };
  }, NOT_DELETED);
}

/** A cell as text; a date-time (Sheets may take "2026-01-15 09:41:07" for one) as local text. */
function cellText(v: unknown): string {
  return isDate(v) ? localTextOf(v) : String(v ?? '');
}

/** The recycle sheet's rows (0-based), newest last. */
function binRows(bin: Table): number[] {
  const rows: number[] = [];
  for (let r = bin.header + 1; r < bin.values.length; r++) if (HEADERS.some((h) => !isBlank(bin.values[r]![bin.index.get(h) ?? -1]))) rows.push(r);
  return rows;
}

function deleted(): DeletedView[] {
  const ss = SpreadsheetApp.getActive();
  zoneFrom(ss);
  const bin = openTable(BIN, ss);
  if (!bin || bin.header < 0) return [];
  const index = headerIndex(bin.values[bin.header] ?? []);
  const cols = measureColumns();
  return binRows(bin)
    .map((r) => ({
      measure: readRow(bin.values[r]!, index, cols, r + 1, cellDates()).measure,
      deletedAt: cellText(bin.values[r]![index.get(DELETED_AT) ?? -1]),
      deletedBy: cellText(bin.values[r]![index.get(DELETED_BY) ?? -1]),
    }))
    .reverse();
}

/**
 * Brings the latest deletion of a measure back after the last used row, its
 * cells as they were; a measure whose id is in the sheet again (a copy) gets
 * a new one. Its recycle-sheet row goes after; if that fails, the new row is
 * emptied again.
 */
function recover(req: { id: string }): Saved {
  return guarded(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const bin = openBin();
    if (isRefused(bin)) return bin;
    const idCol = bin.index.get('รหัส')!;
    const from = binRows(bin).filter((r) => String(bin.values[r]![idCol] ?? '').trim() === req.id).pop();
    if (from === undefined) return refused({ kind: 'missing', message: { th: 'ไม่พบมาตรการนี้ในแผ่นงานมาตรการที่ลบแล้ว กรุณาโหลดใหม่', en: `Measure ${req.id} is no longer in the recycle sheet; reload` } });
    const removal = planRemoval(bin, from);
    if (removal.how === 'refuse') return arrayInTheWay(SHEET.deleted, removal);
    const taken = loaded.table.rows.some((r) => r.measure.id === req.id);
    const record = new Map<string, unknown>(HEADERS.map((h) => [h, bin.values[from]![bin.index.get(h)!]]));
    const { now, user, newId } = stamp();
    if (taken) record.set('รหัส', newId);
    record.set('แก้ไขล่าสุด', now);
    record.set('แก้ไขโดย', user);
    const added = appendRows(loaded.t, [record], new Set(STAMPS));
    if (!added.ok) return answer(loaded, added, added.at);
    try {
      removeRow(bin, from, removal);
    } catch (e) {
      throw writeFailure(bin, [from + 1], e, !undoAppend(loaded.t, added.at, 1));
    }
    return { ok: true as const, measure: measureAt(loaded, added.at) };
  });
}

/**
 * A copy into the next fiscal year, after the last used row: of the row the
 * form loaded when it says, else of the one row with the id. Refused as
 * 'copied' when that year seems to hold a copy already (copiesOf), unless
 * the request says `again`.
 */
function duplicate(req: { id: string; base?: Measure; again?: boolean }): Saved {
  return guarded(() => {
    const loaded = load();
    if (isRefused(loaded)) return loaded;
    const source = req.base ? rowOf(loaded.table, req.base) : rowWithId(loaded.table, req.id);
    if (isRefusal(source)) return refused(source);
    const copies = copiesOf(loaded.table, source.measure);
    if (copies.length && req.again !== true) return refused(alreadyCopied(source.measure.fiscalYear + 1, copies));
    const plan = planSave(loaded.table, { input: nextYearCopy(source.measure) }, stamp(), cellDates());
    return isRefusal(plan) ? refused(plan) : put(loaded, plan);
  });
}

/** The measures' part of the sidebar's server side. */
export const measureApi: Pick<SidebarApi, 'list' | 'save' | 'remove' | 'deleted' | 'recover' | 'duplicate'> = { list, save, remove, deleted, recover, duplicate };
