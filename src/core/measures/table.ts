// Measures as rows of a sheet. Columns are found by header name (users reorder
// and add columns), rows by id (users sort and filter).
import { isDate } from '../errors';
import { dayOfIso, fromThaiDigits, isoOfDay, type CalendarDay } from '../thai';
import { STATUSES, type Column, type Measure, type Status } from './model';

/**
 * How dates cross between cells and a measure's "YYYY-MM-DD" days. A cell holds
 * a moment in the spreadsheet's time zone, which need not be the script's; the
 * adapter builds this on that zone (src/gas/time.ts), so core stays pure.
 */
export interface CellDates {
  /** The calendar day a Date read from a cell shows. */
  dayOf(date: Date): CalendarDay;
  /** The Date to write so that the cell holds that day at midnight. */
  dateOf(day: CalendarDay): Date;
  /** A date-time read from a cell as the local text "YYYY-MM-DD HH:mm:ss". */
  textOf(date: Date): string;
}

/** Header name → 0-based column; the first of two equal headers wins. */
export function headerIndex(headerRow: readonly unknown[]): Map<string, number> {
  const index = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const name = String(h ?? '').trim();
    if (name && !index.has(name)) index.set(name, i);
  });
  return index;
}

/** Headers of `columns` missing from the index. */
export function missingHeaders(index: Map<string, number>, columns: readonly Column[]): string[] {
  return columns.filter((c) => !index.has(c.header)).map((c) => c.header);
}

/** Indicator numbers in a cell: 9, "1, 9", "๑,๙" or "1 9". Unreadable parts are reported. */
export function parseIndicators(v: unknown): { indicators: number[]; unreadable: string[] } {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 10 ? { indicators: [v], unreadable: [] } : { indicators: [], unreadable: [String(v)] };
  const tokens = fromThaiDigits(String(v ?? '')).split(/[\s,;/、]+/).filter(Boolean);
  const indicators = new Set<number>();
  const unreadable: string[] = [];
  for (const t of tokens) {
    const n = /^\d+$/.test(t) ? Number(t) : NaN;
    if (n >= 1 && n <= 10) indicators.add(n);
    else unreadable.push(t);
  }
  return { indicators: [...indicators].sort((a, b) => a - b), unreadable };
}

/** A measure read from a row, with its 1-based sheet row and what could not be read. */
export interface MeasureRow {
  readonly measure: Measure;
  readonly row: number;
  /** The row's cells as read, so a write keeps the columns a user added. */
  readonly cells: readonly unknown[];
  /** Thai notes on cells that could not be read as expected (shown, never dropped). */
  readonly notes: readonly string[];
}

/** A cell as text: a date (a user's "2566-10-01" that Sheets took for a date) as its "YYYY-MM-DD". */
function textOf(v: unknown, dates: CellDates): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return isoOfDay(dates.dayOf(v));
  return String(v);
}

/** Reads one row into a measure. */
export function readRow(cells: readonly unknown[], index: Map<string, number>, columns: readonly Column[], row: number, dates: CellDates): MeasureRow {
  const notes: string[] = [];
  const out: Record<string, unknown> = {};
  const text = (v: unknown) => textOf(v, dates);
  for (const c of columns) {
    const i = index.get(c.header);
    const v = i === undefined ? '' : cells[i];
    switch (c.kind) {
      case 'year': {
        const n = Number(fromThaiDigits(text(v)).trim());
        if (text(v).trim() !== '' && !Number.isInteger(n)) notes.push(`${c.header} อ่านไม่ได้: "${text(v)}"`);
        out[c.field] = Number.isInteger(n) ? n : 0;
        break;
      }
      case 'indicators': {
        const p = parseIndicators(v);
        if (p.unreadable.length) notes.push(`${c.header} อ่านไม่ได้: "${p.unreadable.join(', ')}"`);
        out[c.field] = p.indicators;
        break;
      }
      case 'date': {
        if (isDate(v)) out[c.field] = isoOfDay(dates.dayOf(v));
        else if (dayOfIso(text(v)) || text(v).trim() === '') out[c.field] = text(v).trim();
        else {
          notes.push(`${c.header} ไม่ใช่วันที่: "${text(v)}"`);
          out[c.field] = '';
        }
        break;
      }
      case 'status': {
        const s = text(v).trim();
        const known = STATUSES.find((x) => x === s);
        if (!known && s !== '') notes.push(`${c.header} ไม่รู้จัก: "${s}"`);
        out[c.field] = known ?? ('ยังไม่ได้ดำเนินการ' satisfies Status);
        break;
      }
      case 'timestamp':
        out[c.field] = isDate(v) ? dates.textOf(v) : text(v);
        break;
      default:
        out[c.field] = c.kind === 'id' ? text(v).trim() : text(v);
    }
  }
  return { measure: out as unknown as Measure, row, cells, notes };
}

/** First and last (0-based) of our columns: a write covers only that span. */
export function ourSpan(index: Map<string, number>, columns: readonly Column[]): { from: number; to: number; others: number[] } {
  const ours = columns.map((c) => index.get(c.header)).filter((i): i is number => i !== undefined);
  const from = Math.min(...ours);
  const to = Math.max(...ours);
  const set = new Set(ours);
  const others: number[] = [];
  for (let i = from; i <= to; i++) if (!set.has(i)) others.push(i);
  return { from, to, others };
}

/**
 * The cell values of a measure's row: the whole width, other columns kept from
 * `existing` as read. Every string is meant literally, as typed: the adapter
 * stores it so (src/gas/sheets.ts, writeLiterally), never as a formula, number
 * or date.
 */
export function writeRow(
  m: Measure,
  index: Map<string, number>,
  columns: readonly Column[],
  width: number,
  dates: CellDates,
  existing: readonly unknown[] = [],
): unknown[] {
  const cells: unknown[] = Array.from({ length: width }, (_, i) => (i < existing.length ? existing[i] : ''));
  for (const c of columns) {
    const i = index.get(c.header);
    if (i === undefined) continue;
    const v = m[c.field];
    switch (c.kind) {
      case 'year':
        cells[i] = v;
        break;
      case 'indicators':
        cells[i] = (v as readonly number[]).join(', ');
        break;
      case 'date': {
        const day = dayOfIso(v as string);
        cells[i] = day ? dates.dateOf(day) : '';
        break;
      }
      default:
        cells[i] = v === '' ? '' : String(v);
    }
  }
  return cells;
}

/** True when every one of our columns of the row is blank. */
export function isBlankRow(cells: readonly unknown[], index: Map<string, number>, columns: readonly Column[]): boolean {
  return columns.every((c) => {
    const i = index.get(c.header);
    const v = i === undefined ? '' : cells[i];
    return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  });
}
