// The table layer: every sheet the add-on keeps (measures, the recycle sheet,
// the OIT checklists, the report log) is read and written through here.
//
// - The header row is found by its names (a title row may stand above it),
//   columns by header, rows by their content (src/core/table.ts decides).
// - It writes only the cells it is asked to — the add-on's own columns, the
//   row meant — in as few ranges as it can, each string literally
//   (writeLiterally); never over a formula a person put there, never into what
//   an array formula spills (a cell where writing even "" would stop the array
//   expanding: Sheets then shows #REF!).
// - New rows go after the last used row of the add-on's columns; the sheet
//   grows when they fall past its end.
// - A write that fails part-way puts back what it had written before telling;
//   every write runs under the document lock, taken by the caller
//   (withDocumentLock) — appendRecord takes it itself.
import { itaError, type Bilingual, type ItaError } from '../core/errors';
import { blockedCell, columnRuns, findHeaderRow, isBlank, isUsed, lastUsedRow, rowTouchesArray, type Blocked, type Grid } from '../core/table';
import { withDocumentLock, writeLiterally } from './sheets';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TableSpec {
  /** The sheet's name. */
  readonly sheet: string;
  /** A named range of whole columns over the table, read first (one lookup, one read). */
  readonly rangeName?: string;
  /** Headers of the columns the add-on keeps: the only ones it writes. */
  readonly columns: readonly string[];
}

/** A table read once: values as getValues answers them, from the sheet's first row. */
export interface Table {
  readonly spec: TableSpec;
  readonly range: Range;
  /** Every row read, header and anything above it included; rows written later are updated here. */
  readonly values: unknown[][];
  /** The header row, 0-based in `values`; -1 when no row names any of the columns. */
  readonly header: number;
  /** Header → 0-based column in `values`. */
  readonly index: Map<string, number>;
  /** The add-on's columns present, 0-based. */
  readonly owned: readonly number[];
  /** The formulas of `values`, once read (grid()). */
  formulas?: string[][];
  /** Read through the spec's named range (whole columns), not the sheet's data range. */
  readonly named?: boolean;
}

/** The key of the developer metadata set-up puts on each column it keeps (value: the column's header). */
export const COLUMN_TAG = 'ita.column';

/** A sheet of the spreadsheet by name, read as a table; null when there is no such sheet. */
export function openTable(spec: TableSpec, ss: Spreadsheet = SpreadsheetApp.getActive()): Table | null {
  if (spec.rangeName) {
    const named = ss.getRangeByName(spec.rangeName);
    if (named) {
      const t = { ...tableOf(spec, named, named.getValues()), named: true };
      // A column moved out of the named range: read the whole sheet instead (set-up names it again).
      if (spec.columns.every((h) => t.index.has(h))) return t;
      return fromSheet(spec, named.getSheet());
    }
  }
  const sheet = ss.getSheetByName(spec.sheet);
  return sheet ? fromSheet(spec, sheet) : null;
}

function fromSheet(spec: TableSpec, sheet: GoogleAppsScript.Spreadsheet.Sheet): Table {
  const range = sheet.getDataRange();
  return tableOf(spec, range, range.getValues());
}

function tableOf(spec: TableSpec, range: Range, values: unknown[][]): Table {
  const found = findHeaderRow(values, spec.columns);
  const index = found?.index ?? new Map<string, number>();
  const owned = spec.columns.map((h) => index.get(h)).filter((c): c is number => c !== undefined);
  return { spec, range, values, header: found?.row ?? -1, index, owned };
}

/** The add-on's headers a table lacks. */
export function missingColumns(t: Table, headers: readonly string[] = t.spec.columns): string[] {
  return headers.filter((h) => !t.index.has(h));
}

/**
 * Headers the add-on keeps that a person renamed: set-up tags each column it
 * keeps with developer metadata, which "will remain associated at those
 * locations as they move around" (sheets/api/reference/rest/v4/spreadsheets.developerMetadata);
 * a tag whose column's header now reads otherwise names the rename. Old → new
 * ("" when the header was cleared).
 * Asked only when a header is missing (a few calls per tag).
 */
export function renamedColumns(t: Table): Map<string, string> {
  const out = new Map<string, string>();
  if (t.header < 0) return out;
  const sheet = t.range.getSheet();
  const left = t.range.getColumn();
  for (const m of sheet.createDeveloperMetadataFinder().withKey(COLUMN_TAG).find()) {
    const header = m.getValue() ?? '';
    const column = m.getLocation().getColumn();
    if (!header || !column || t.index.has(header)) continue;
    const at = column.getColumn() - left;
    if (at < 0 || at >= (t.values[t.header]?.length ?? 0)) continue;
    out.set(header, String(t.values[t.header]![at] ?? '').trim());
  }
  return out;
}

/** The values and formulas of a table (formulas read once, one call). */
export function grid(t: Table): Grid {
  t.formulas ??= t.range.getFormulas();
  return { values: t.values, formulas: t.formulas };
}

/** A cell to write: 0-based row and column of the table, and the value. */
export interface CellWrite {
  readonly r: number;
  readonly c: number;
  readonly v: unknown;
}

export type WriteResult =
  | { readonly ok: true; /** The first row written (0-based), -1 when nothing was. */ readonly first: number }
  | { readonly ok: false; readonly blocked: readonly { readonly header: string; readonly r: number; readonly why: Blocked }[] };

/** A write that failed; `partial` when what it had written could not all be put back. */
export interface WriteFailure extends ItaError {
  readonly writeFailed: true;
  readonly partial: boolean;
  /** What failed, as the service said it. */
  readonly reason: string;
}

export function isWriteFailure(e: unknown): e is WriteFailure {
  return typeof e === 'object' && e !== null && (e as { writeFailed?: unknown }).writeFailed === true;
}

/** What an error says (an error from another realm is no `instanceof Error`). */
const reason = (e: unknown): string => (isWriteFailure(e) ? e.reason : typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e));

/** How a failure names what was not done. */
const NOT_SAVED: Bilingual = { th: 'ไม่ได้บันทึก', en: 'Not saved' };
export const NOT_DELETED: Bilingual = { th: 'ไม่ได้ลบ', en: 'Not deleted' };

/** The failure of a write, told truthfully: put back (nothing changed), or not (which rows to check). */
export function writeFailure(t: Table, rows: readonly number[], e: unknown, partial: boolean, not: Bilingual = NOT_SAVED): WriteFailure {
  const where = rows.length ? ` แถว ${[...new Set(rows)].join(', ')}` : '';
  const whereEn = rows.length ? `, row ${[...new Set(rows)].join(', ')}` : '';
  const text: Bilingual = partial
    ? {
        th: `บันทึกไม่ครบ: เขียนแผ่นงาน "${t.spec.sheet}"${where} ไปบางส่วนแล้วเกิดข้อผิดพลาด และคืนค่าเดิมไม่สำเร็จ กรุณาตรวจแถวนั้นในแผ่นงาน (${reason(e)})`,
        en: `Saved only in part: writing sheet "${t.spec.sheet}"${whereEn} failed part-way and what was written could not be put back; check that row (${reason(e)})`,
      }
    : {
        th: `${not.th}: เกิดข้อผิดพลาดระหว่างเขียนแผ่นงาน "${t.spec.sheet}" ข้อมูลในแผ่นงานยังเหมือนเดิม ลองอีกครั้งได้ (${reason(e)})`,
        en: `${not.en}: writing sheet "${t.spec.sheet}" failed and the sheet is as it was; try again (${reason(e)})`,
      };
  return Object.assign(itaError(text), { writeFailed: true as const, partial, reason: reason(e) });
}

/** The header of a column of the table (its own or a person's), for messages. */
const headerAt = (t: Table, c: number): string => String(t.values[t.header]?.[c] ?? '').trim();

/**
 * Writes cells of the table. A cell holding a formula, or that an array may
 * spill into, is never written: when `optional(r, c)` it is left as it is,
 * otherwise nothing at all is written and the answer names it (a blank value
 * for an already blank cell asks for nothing). The rest is grouped into as few
 * ranges as can be — runs of a row joined over the add-on's own empty cells,
 * equal runs of adjacent rows stacked — each written literally. If a write
 * fails, those already made are put back before the failure is thrown
 * (WriteFailure). Grows the sheet when a row falls past its end.
 */
export function writeCells(t: Table, cells: readonly CellWrite[], optional: (r: number, c: number) => boolean = () => false): WriteResult {
  const g = grid(t);
  const blocked: { header: string; r: number; why: Blocked }[] = [];
  const todo = new Map<number, Map<number, unknown>>();
  for (const { r, c, v } of cells) {
    const why = blockedCell(g, r, c);
    if (why) {
      if (optional(r, c) || (why === 'spill' && isBlank(v) && isBlank(t.values[r]?.[c]))) continue;
      blocked.push({ header: headerAt(t, c), r, why });
      continue;
    }
    if (!todo.has(r)) todo.set(r, new Map());
    todo.get(r)!.set(c, v);
  }
  if (blocked.length) return { ok: false, blocked };
  if (!todo.size) return { ok: true, first: -1 };
  const owned = new Set(t.owned);
  // Runs per row, then equal runs of consecutive rows stacked into one block.
  const blocks: { r: number; rows: number; a: number; b: number }[] = [];
  for (const r of [...todo.keys()].sort((x, y) => x - y)) {
    const row = todo.get(r)!;
    const bridge = (c: number) => owned.has(c) && !row.has(c) && !isUsed(g, r, c) && !blockedCell(g, r, c);
    for (const [a, b] of columnRuns([...row.keys()], bridge)) {
      const above = blocks.find((k) => k.a === a && k.b === b && k.r + k.rows === r);
      if (above) above.rows += 1;
      else blocks.push({ r, rows: 1, a, b });
    }
  }
  const rows = [...todo.keys()];
  const done: { r: number; a: number; prior: unknown[][] }[] = [];
  try {
    growTo(t, Math.max(...rows));
    for (const k of blocks) {
      const prior = Array.from({ length: k.rows }, (_, i) => Array.from({ length: k.b - k.a + 1 }, (_, j) => t.values[k.r + i]?.[k.a + j] ?? ''));
      const out = prior.map((line, i) => line.map((_v, j) => (todo.get(k.r + i)!.has(k.a + j) ? todo.get(k.r + i)!.get(k.a + j) : '')));
      done.push({ r: k.r, a: k.a, prior });
      const back = writeLiterally(t.range.offset(k.r, k.a, k.rows, k.b - k.a + 1), out);
      back.forEach((line, i) => line.forEach((v, j) => setValue(t, k.r + i, k.a + j, v)));
    }
  } catch (e) {
    let partial = false;
    for (const d of done.reverse()) {
      try {
        writeLiterally(t.range.offset(d.r, d.a, d.prior.length, d.prior[0]!.length), d.prior);
        d.prior.forEach((line, i) => line.forEach((v, j) => setValue(t, d.r + i, d.a + j, v)));
      } catch {
        partial = true;
      }
    }
    throw writeFailure(t, rows.map((r) => r + 1), e, partial);
  }
  return { ok: true, first: Math.min(...rows) };
}

/** Keeps the values read in step with what was written. */
function setValue(t: Table, r: number, c: number, v: unknown): void {
  while (t.values.length <= r) t.values.push([]);
  t.values[r]![c] = v;
  if (t.formulas) {
    while (t.formulas.length <= r) t.formulas.push([]);
    t.formulas[r]![c] = '';
  }
}

/** Grows the sheet so that table row `r` (0-based) exists: a hundred rows at least, as a person adding rows does. */
function growTo(t: Table, r: number): void {
  if (r < t.values.length) return;
  const sheet = t.range.getSheet();
  const max = sheet.getMaxRows();
  const need = t.range.getRow() + r;
  // A named range of whole columns reads every row of the sheet; one that ends
  // above a row the sheet has was narrowed by hand, and that row was never
  // read: it may hold a person's data, so nothing is written there.
  if (t.named && need <= max) throw narrowedName(t);
  if (need > max) sheet.insertRowsAfter(max, Math.max(100, need - max));
}

function narrowedName(t: Table): ItaError {
  const name = t.spec.rangeName ?? '';
  return itaError({
    th: `ช่วงที่มีชื่อ "${name}" ไม่ครอบคลุมทุกแถวของแผ่นงาน "${t.range.getSheet().getName()}" (มีการแก้ช่วงนี้) จึงไม่ได้เขียนแถวใหม่ เพื่อไม่ให้ทับข้อมูลที่อยู่ใต้ช่วง เลือกเมนู "ตั้งค่าสมุดงาน ITA" เพื่อตั้งช่วงใหม่ แล้วลองอีกครั้ง`,
    en: `The named range "${name}" no longer covers every row of its sheet (it was edited), so no new row was written, lest it overwrite data below it; run "ตั้งค่าสมุดงาน ITA" to name it again, then retry`,
  });
}

/**
 * Adds rows after the last used row of the add-on's columns: each record is
 * header → value; blank values and headers the sheet lacks are left out.
 * Headers in `optional` are left as they are where their cell may not be
 * written. Answers where the rows go (0-based) and what, if anything, blocks them.
 */
export function appendRows(t: Table, records: readonly ReadonlyMap<string, unknown>[], optional: ReadonlySet<string> = new Set()): WriteResult & { readonly at: number } {
  const at = lastUsedRow(grid(t), t.owned, t.header) + 1;
  const cells: CellWrite[] = [];
  records.forEach((rec, k) => {
    for (const [h, v] of rec) {
      const c = t.index.get(h);
      if (c !== undefined && !isBlank(v)) cells.push({ r: at + k, c, v });
    }
  });
  const optionalCols = new Set([...optional].map((h) => t.index.get(h)).filter((c): c is number => c !== undefined));
  return { ...writeCells(t, cells, (_r, c) => optionalCols.has(c)), at };
}

/** Writes header → value cells of one row (0-based); headers in `optional` are left where they may not be written. */
export function writeRow(t: Table, r: number, record: ReadonlyMap<string, unknown>, optional: ReadonlySet<string> = new Set()): WriteResult {
  const cells: CellWrite[] = [];
  for (const [h, v] of record) {
    const c = t.index.get(h);
    if (c !== undefined) cells.push({ r, c, v });
  }
  const optionalCols = new Set([...optional].map((h) => t.index.get(h)).filter((c): c is number => c !== undefined));
  return writeCells(t, cells, (_r, c) => optionalCols.has(c));
}

/** How a row can go without breaking an array formula (planRemoval). */
export type Removal = { readonly how: 'delete' } | { readonly how: 'clear' } | { readonly how: 'refuse'; readonly headers: readonly string[] };

/**
 * How to remove a row of the table (0-based), decided on the whole sheet (a
 * person's columns beside the table too; a few calls, only when removing):
 * - "delete" the row, the person's cells in it with it, as when they delete it;
 * - "clear" only the add-on's cells when deleting the row could break an array
 *   formula — one in the row (it would go), or one whose output the row may
 *   hold (the rows below would move up into it and block it) — and the row's
 *   cells of the add-on hold no formula and no array's output;
 * - "refuse" when they do: emptying the rest would leave them showing as a
 *   measure, and deleting the row would break the array.
 */
export function planRemoval(t: Table, r: number): Removal {
  const range = t.range.getSheet().getDataRange();
  const full: Grid = { values: range.getValues(), formulas: range.getFormulas() };
  const left = t.range.getColumn() - 1;
  const row = t.range.getRow() - 1 + r;
  if (!rowTouchesArray(full, row)) return { how: 'delete' };
  const stuck = t.owned.filter((c) => full.formulas[row]?.[left + c] || (blockedCell(full, row, left + c) === 'spill' && !isBlank(full.values[row]?.[left + c])));
  return stuck.length ? { how: 'refuse', headers: stuck.map((c) => headerAt(t, c)) } : { how: 'clear' };
}

/** Removes a row of the table (0-based) as planRemoval decided ("refuse" is the caller's to tell). */
export function removeRow(t: Table, r: number, removal: Removal): void {
  if (removal.how === 'refuse') return;
  if (removal.how === 'clear') {
    const g = grid(t);
    writeCells(t, t.owned.filter((c) => !isBlank(t.values[r]?.[c]) && !g.formulas[r]?.[c]).map((c) => ({ r, c, v: '' })), () => true);
    return;
  }
  try {
    t.range.getSheet().deleteRow(t.range.getRow() + r);
  } catch (e) {
    throw writeFailure(t, [r + 1], e, false);
  }
  t.values.splice(r, 1);
  t.formulas?.splice(r, 1);
}

/**
 * Appends one record (header → value) to a table sheet, for the report log:
 * under the document lock, after the last used row; a cell that may not be
 * written is left out. False when the sheet or all its columns are gone.
 */
export function appendRecord(spec: TableSpec, record: Readonly<Record<string, unknown>>): boolean {
  return withDocumentLock(() => {
    const t = openTable(spec);
    if (!t || !t.owned.length) return false;
    return appendRows(t, [new Map(Object.entries(record))], new Set(spec.columns)).ok;
  });
}

/**
 * Adds the add-on's columns a table lacks: their headers go into the header
 * row after the sheet's last used column (never over a cell in use, so never
 * over a person's value, formula or an array's output), the sheet growing when
 * needed; their cells below are plain text, and each is tagged (COLUMN_TAG) as
 * set-up tags its columns. The caller holds the lock and opens the table again.
 * Answers the headers added.
 */
export function addColumns(t: Table, headers: readonly string[]): string[] {
  // A column a person renamed is not missing: no empty duplicate is added (renamedColumns names it).
  const wanted = headers.filter((h) => !t.index.has(h));
  const renamed = wanted.length ? renamedColumns(t) : new Map<string, string>();
  const missing = wanted.filter((h) => !renamed.has(h));
  if (!missing.length || t.header < 0) return [];
  const sheet = t.range.getSheet();
  const start = sheet.getLastColumn() + 1;
  const end = start + missing.length - 1;
  if (end > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), end - sheet.getMaxColumns());
  const row = t.range.getRow() + t.header;
  sheet.getRange(row, start, 1, missing.length).setValues([[...missing]]).setFontWeight('bold').setBackground('#e8f0fe');
  const below = sheet.getMaxRows() - row;
  if (below > 0) sheet.getRange(row + 1, start, below, missing.length).setNumberFormat('@');
  missing.forEach((h, k) => sheet.getRange(1, start + k, sheet.getMaxRows(), 1).addDeveloperMetadata(COLUMN_TAG, h));
  return missing;
}

/** Empties the cells a write put into new rows (they were empty), to undo an append. */
export function undoAppend(t: Table, at: number, count: number): boolean {
  try {
    const cells = [];
    for (let r = at; r < at + count; r++) for (const c of t.owned) if (!isBlank(t.values[r]?.[c])) cells.push({ r, c, v: '' });
    writeCells(t, cells, () => true);
    return true;
  } catch {
    return false;
  }
}
