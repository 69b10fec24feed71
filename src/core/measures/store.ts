// What to write for each operation on the measures sheet, worked out from the
// sheet's values alone. The adapter reads once, asks here, writes once.
import type { Bilingual } from '../errors';
import { blankMeasure, measureColumns, type Measure, type MeasureInput } from './model';
import { checkMeasureInput, type FieldErrors } from './schema';
import { findHeaderRow, isBlank } from '../table';
import { cellOf, isBlankRow, missingHeaders, readRow, type CellDates, type MeasureRow } from './table';

/** An operation that cannot go ahead, with a message for the person. */
export type Refusal =
  | { readonly kind: 'invalid'; readonly errors: FieldErrors }
  | { readonly kind: 'conflict' | 'missing' | 'setup' | 'copied'; readonly message: Bilingual };

export const refusals = {
  setup: (missing: readonly string[], renamed: ReadonlyMap<string, string> = new Map()): Refusal => {
    const th = missing.map((h) => (renamed.has(h) ? `"${h}" (${renamed.get(h) ? `ถูกเปลี่ยนชื่อเป็น "${renamed.get(h)!}"` : 'หัวคอลัมน์ถูกลบ'})` : `"${h}"`));
    const en = missing.map((h) => (renamed.has(h) ? `"${h}" (${renamed.get(h) ? `renamed "${renamed.get(h)!}"` : 'header cleared'})` : `"${h}"`));
    const anyRenamed = missing.some((h) => renamed.has(h));
    return {
      kind: 'setup',
      message: {
        th: `แผ่นงานมาตรการไม่มีคอลัมน์ ${th.join(', ')} ${anyRenamed ? 'กรุณาเปลี่ยนชื่อหัวคอลัมน์กลับเป็นชื่อเดิม ส่วนเสริมหาคอลัมน์จากชื่อหัวคอลัมน์' : 'กรุณาเลือกเมนู "ตั้งค่าสมุดงาน ITA" เพื่อเพิ่มคอลัมน์ที่ขาด'}`,
        en: `The measures sheet lacks the columns ${en.join(', ')}; ${anyRenamed ? 'rename the headers back: the add-on finds columns by their header' : 'run "ตั้งค่าสมุดงาน ITA" to add them'}`,
      },
    };
  },
  missing: (id: string): Refusal => ({
    kind: 'missing',
    message: {
      th: 'ไม่พบมาตรการนี้ในแผ่นงานแล้ว อาจถูกลบโดยผู้อื่น กรุณาโหลดรายการใหม่',
      en: `Measure ${id} is no longer in the sheet; someone may have deleted it. Reload the list.`,
    },
  }),
  conflict: (by: string): Refusal => ({
    kind: 'conflict',
    message: {
      th: `มาตรการนี้ถูกแก้ไขหลังจากที่คุณเปิดฟอร์ม${by ? ` (โดย ${by})` : ''} จึงยังไม่บันทึกเพื่อไม่ให้ทับข้อมูลของผู้อื่น กรุณาโหลดใหม่แล้วแก้ไขอีกครั้ง`,
      en: `This measure changed after you opened it${by ? ` (by ${by})` : ''}; nothing was saved so as not to overwrite it. Reload and edit again.`,
    },
  }),
  /** Two or more rows share the id and hold the same measure (a row copied in the sheet). */
  ambiguous: (rows: readonly number[]): Refusal => ({
    kind: 'conflict',
    message: {
      th: `มาตรการนี้มีแถวที่รหัสซ้ำกันและข้อมูลเหมือนกัน ${rows.length} แถว (แถว ${rows.join(', ')}) อาจเกิดจากการคัดลอกแถวในแผ่นงาน จึงไม่รู้ว่าหมายถึงแถวใดและยังไม่ได้ทำอะไร กรุณาโหลดรายการใหม่ (แถวที่คัดลอกจะได้รหัสใหม่) แล้วลองอีกครั้ง`,
      en: `This measure's id is on ${rows.length} identical rows (rows ${rows.join(', ')}), likely a row copied in the sheet; which one is meant is unknown, so nothing was done. Reload the list (the copied rows get new ids) and try again.`,
    },
  }),
};

/** The measures sheet, read: header row and index, width and every non-blank row. */
export interface MeasureTable {
  readonly index: Map<string, number>;
  /** Header row, 0-based in the values read. */
  readonly header: number;
  readonly width: number;
  readonly rows: readonly MeasureRow[];
  /** Rows (1-based in the values read) that hold a measure without an id. */
  readonly withoutId: readonly number[];
  /** Rows (1-based) whose id an earlier row already has: copies made in the sheet. */
  readonly duplicates: readonly number[];
}

/**
 * Reads the sheet's values: the header row is found by its names (a title row
 * may stand above it). Refuses when columns are missing, naming those renamed
 * when `renamed` (header → what its column is called now) knows.
 */
export function readTable(values: readonly (readonly unknown[])[], dates: CellDates, renamed: ReadonlyMap<string, string> = new Map()): MeasureTable | Refusal {
  const columns = measureColumns();
  const found = findHeaderRow(values, columns.map((c) => c.header));
  const index = found?.index ?? new Map<string, number>();
  const missing = missingHeaders(index, columns);
  if (missing.length) return refusals.setup(missing, renamed);
  const header = found!.row;
  const rows: MeasureRow[] = [];
  const withoutId: number[] = [];
  const duplicates: number[] = [];
  const seen = new Set<string>();
  values.forEach((cells, i) => {
    if (i <= header || isBlankRow(cells, index, columns)) return;
    const r = readRow(cells, index, columns, i + 1, dates);
    rows.push(r);
    if (r.measure.id === '') withoutId.push(i + 1);
    else if (seen.has(r.measure.id)) duplicates.push(i + 1);
    else seen.add(r.measure.id);
  });
  return { index, header, width: (values[header] ?? []).length, rows, withoutId, duplicates };
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'kind' in x;
}

/** Fields a person edits; the edit check compares them. */
const EDITABLE: readonly (keyof MeasureInput)[] = [
  'fiscalYear', 'indicators', 'issue', 'measure', 'method', 'responsible', 'startDate', 'endDate',
  'followUp', 'status', 'result', 'outcome', 'suggestion', 'problems', 'evidenceUrl',
];

/** Equal as the form means them: text compared without the spaces around it (the form trims, a cell may not). */
const sameField = (f: keyof MeasureInput, a: MeasureInput, b: MeasureInput): boolean => {
  if (f === 'indicators') return a.indicators.join(',') === b.indicators.join(',');
  const x = a[f];
  const y = b[f];
  return typeof x === 'string' && typeof y === 'string' ? x.trim() === y.trim() : x === y;
};

/**
 * True when the row still holds what the form loaded: the same fingerprint of
 * its cells (any change, one the reader cannot parse included), or, for a
 * measure from a sidebar that sends none, the same fields and last save.
 */
export function sameMeasure(current: Measure, base: Measure): boolean {
  if (base.rev !== undefined) return current.rev === base.rev;
  return current.updatedAt === base.updatedAt && EDITABLE.every((f) => sameField(f, current, base));
}

/**
 * The row a form meant: the one with the measure's id that still holds what
 * the form loaded. None with the id: gone; none the same: changed since;
 * several the same: a row copied in the sheet, so which is meant is unknown.
 */
export function rowOf(table: MeasureTable, base: Measure): MeasureRow | Refusal {
  const withId = table.rows.filter((r) => r.measure.id === base.id);
  if (!withId.length) return refusals.missing(base.id);
  const same = withId.filter((r) => sameMeasure(r.measure, base));
  if (same.length === 1) return same[0]!;
  if (same.length > 1) return refusals.ambiguous(same.map((r) => r.row));
  return refusals.conflict(withId[0]!.measure.updatedBy);
}

/** The one row with an id, when a request names only the id (no form behind it). */
export function rowWithId(table: MeasureTable, id: string): MeasureRow | Refusal {
  const withId = table.rows.filter((r) => r.measure.id === id);
  if (!withId.length) return refusals.missing(id);
  if (withId.length > 1) return refusals.ambiguous(withId.map((r) => r.row));
  return withId[0]!;
}

export interface SaveRequest {
  /** The form's input. */
  readonly input: unknown;
  /** The measure as the form loaded it; absent for a new measure. */
  readonly base?: Measure;
}

/** The columns the add-on stamps on every save; a stamp cell holding a person's formula is left as it is. */
export const STAMPS: readonly string[] = ['แก้ไขล่าสุด', 'แก้ไขโดย'];

export interface Write {
  /** The row to write; undefined: a new row after the last used one. */
  readonly at: MeasureRow | undefined;
  /** Header → cell value, only the cells that change: a field the form did not change is not written. */
  readonly cells: ReadonlyMap<string, unknown>;
  /** Headers of `cells` that are left as they are when their cell may not be written (the stamps). */
  readonly optional: ReadonlySet<string>;
}

/**
 * A save: a new measure goes after the last used row; an edit goes to the row
 * the form meant (rowOf), and writes only the fields the form changed and the
 * stamps — so a cell the add-on cannot read, a formula, or anything else the
 * form did not touch stays as it is. `stamp.now` is the local time text the
 * แก้ไขล่าสุด column gets.
 */
export function planSave(table: MeasureTable, req: SaveRequest, stamp: { now: string; user: string; newId: string }, dates: CellDates): Write | Refusal {
  const checked = checkMeasureInput(req.input);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const columns = measureColumns();
  const column = (field: keyof Measure) => columns.find((c) => c.field === field)!;
  const cells = new Map<string, unknown>();
  const put = (field: keyof Measure, v: unknown) => cells.set(column(field).header, cellOf(column(field), v, dates));
  const optional = new Set(STAMPS);
  if (!req.base) {
    put('id', stamp.newId);
    for (const f of EDITABLE) if (!isBlank(cellOf(column(f), checked.value[f], dates))) put(f, checked.value[f]);
  } else {
    const at = rowOf(table, req.base);
    if (isRefusal(at)) return at;
    for (const f of EDITABLE) if (!sameField(f, checked.value, req.base)) put(f, checked.value[f]);
    put('updatedAt', stamp.now);
    put('updatedBy', stamp.user);
    return { at, cells, optional };
  }
  put('updatedAt', stamp.now);
  put('updatedBy', stamp.user);
  return { at: undefined, cells, optional };
}

/** Field errors for cells a save may not write: a person's formula there, or an array formula's output. */
export function blockedErrors(blocked: readonly { header: string; why: 'formula' | 'spill' }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const b of blocked) {
    const field = measureColumns().find((c) => c.header === b.header)?.field;
    if (!field) continue;
    errors[field] =
      b.why === 'formula'
        ? 'ช่องนี้ในแผ่นงานเป็นสูตร จึงไม่เขียนทับจากแบบฟอร์ม กรุณาแก้ที่แผ่นงาน หรือลบสูตรออกก่อน'
        : 'ช่องนี้ในแผ่นงานอยู่ในผลลัพธ์ของสูตรอาร์เรย์ (เช่น ARRAYFORMULA) จึงไม่เขียนทับจากแบบฟอร์ม กรุณาแก้ที่สูตรในแผ่นงาน';
  }
  return errors;
}

const titleKey = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Rows of the next fiscal year that look like a copy of a measure: the same
 * title (มาตรการ/แนวทาง), spacing aside. The title is what a copy keeps and
 * what a person rarely rewrites; indicators and issue are often adjusted in
 * the new year, so they do not count. A wrong guess costs one question.
 */
export function copiesOf(table: MeasureTable, m: Measure): MeasureRow[] {
  const key = titleKey(m.measure);
  return key === '' ? [] : table.rows.filter((r) => r.measure.fiscalYear === m.fiscalYear + 1 && titleKey(r.measure.measure) === key);
}

/** A copy not made because one seems to be there already; the sidebar asks, and sends `again` to make a second. */
export function alreadyCopied(year: number, rows: readonly MeasureRow[]): Refusal {
  const at = rows.map((r) => r.row).join(', ');
  return {
    kind: 'copied',
    message: {
      th: `ปีงบประมาณ ${year} มีมาตรการนี้อยู่แล้ว (แถว ${at}) อาจคัดลอกไปแล้ว คัดลอกอีกครั้งจะได้มาตรการซ้ำกัน`,
      en: `Fiscal year ${year} already has this measure (row ${at}), perhaps copied before; copying again makes a second one.`,
    },
  };
}

/** A copy of a measure for the next fiscal year: same plan, fresh progress. */
export function nextYearCopy(m: Measure): MeasureInput {
  const shift = (d: string) => (d ? `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`.replace(/-02-29$/, '-02-28') : '');
  return {
    ...blankMeasure(m.fiscalYear + 1),
    indicators: m.indicators,
    issue: m.issue,
    measure: m.measure,
    method: m.method,
    responsible: m.responsible,
    startDate: shift(m.startDate),
    endDate: shift(m.endDate),
    followUp: m.followUp,
  };
}
