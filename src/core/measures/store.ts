// What to write for each operation on the measures sheet, worked out from the
// sheet's values alone. The adapter reads once, asks here, writes once.
import type { Bilingual } from '../errors';
import { blankMeasure, measureColumns, type Measure, type MeasureInput } from './model';
import { checkMeasureInput, type FieldErrors } from './schema';
import { headerIndex, isBlankRow, missingHeaders, readRow, writeRow, type CellDates, type MeasureRow } from './table';

/** An operation that cannot go ahead, with a message for the person. */
export type Refusal =
  | { readonly kind: 'invalid'; readonly errors: FieldErrors }
  | { readonly kind: 'conflict' | 'missing' | 'setup'; readonly message: Bilingual };

export const refusals = {
  setup: (missing: readonly string[]): Refusal => ({
    kind: 'setup',
    message: {
      th: `แผ่นงานมาตรการไม่มีคอลัมน์ ${missing.join(', ')} กรุณาเลือกเมนู "ตั้งค่าสมุดงาน ITA" เพื่อเพิ่มคอลัมน์ที่ขาด`,
      en: `The measures sheet lacks the columns ${missing.join(', ')}; run "ตั้งค่าสมุดงาน ITA" to add them`,
    },
  }),
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
};

/** The measures sheet, read: header index, width and every non-blank row. */
export interface MeasureTable {
  readonly index: Map<string, number>;
  readonly width: number;
  readonly rows: readonly MeasureRow[];
  /** Sheet rows (1-based) that hold a measure without an id. */
  readonly withoutId: readonly number[];
  /** First free sheet row after the data. */
  readonly nextRow: number;
}

/** Reads the sheet's values (header in row 1). Refuses when columns are missing. */
export function readTable(values: readonly (readonly unknown[])[], dates: CellDates): MeasureTable | Refusal {
  const columns = measureColumns();
  const index = headerIndex(values[0] ?? []);
  const missing = missingHeaders(index, columns);
  if (missing.length) return refusals.setup(missing);
  const rows: MeasureRow[] = [];
  const withoutId: number[] = [];
  let last = 1;
  values.forEach((cells, i) => {
    if (i === 0 || isBlankRow(cells, index, columns)) return;
    const r = readRow(cells, index, columns, i + 1, dates);
    rows.push(r);
    last = i + 1;
    if (r.measure.id === '') withoutId.push(i + 1);
  });
  return { index, width: (values[0] ?? []).length, rows, withoutId, nextRow: last + 1 };
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'kind' in x;
}

/** Fields a person edits; the edit check compares them. */
const EDITABLE: readonly (keyof MeasureInput)[] = [
  'fiscalYear', 'indicators', 'issue', 'measure', 'method', 'responsible', 'startDate', 'endDate',
  'followUp', 'status', 'result', 'outcome', 'suggestion', 'problems', 'evidenceUrl',
];

/** True when two measures agree on every edited field and on the last save. */
export function sameMeasure(a: Measure, b: Measure): boolean {
  return (
    a.updatedAt === b.updatedAt &&
    EDITABLE.every((f) => (f === 'indicators' ? a.indicators.join(',') === b.indicators.join(',') : a[f] === b[f]))
  );
}

export interface SaveRequest {
  /** The form's input. */
  readonly input: unknown;
  /** The measure as the form loaded it; absent for a new measure. */
  readonly base?: Measure;
}

export interface Write {
  /** 1-based sheet row to write. */
  readonly row: number;
  /** The whole row, other columns kept. */
  readonly cells: unknown[];
  readonly measure: Measure;
}

/**
 * A save: a new measure goes after the last row; an edit goes to its row, found
 * by id, only if the row still holds what the form loaded (someone else's edit,
 * even one typed into the sheet, refuses the save). `stamp.now` is the local
 * time text the แก้ไขล่าสุด column gets.
 */
export function planSave(table: MeasureTable, req: SaveRequest, stamp: { now: string; user: string; newId: string }, dates: CellDates): Write | Refusal {
  const checked = checkMeasureInput(req.input);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const columns = measureColumns();
  if (!req.base) {
    const measure: Measure = { ...checked.value, id: stamp.newId, updatedAt: stamp.now, updatedBy: stamp.user };
    return { row: table.nextRow, cells: writeRow(measure, table.index, columns, table.width, dates), measure };
  }
  const current = table.rows.find((r) => r.measure.id === req.base!.id);
  if (!current) return refusals.missing(req.base.id);
  if (!sameMeasure(current.measure, req.base)) return refusals.conflict(current.measure.updatedBy);
  const measure: Measure = { ...checked.value, id: req.base.id, updatedAt: stamp.now, updatedBy: stamp.user };
  return { row: current.row, cells: writeRow(measure, table.index, columns, table.width, dates, current.cells), measure };
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
