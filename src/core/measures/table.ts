// Measures as rows of a sheet. Columns are found by header name (users reorder
// and add columns), rows by id (users sort and filter).
import { isDate } from '../errors';
import { fromThaiDigits } from '../thai';
import { STATUSES, type Column, type Measure, type Status } from './model';

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

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DD" of a Date's calendar day in the runtime's time zone. */
export function isoDay(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The Date a sheet stores for a "YYYY-MM-DD" day: local midnight. */
export function dayToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
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

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return isoDay(v);
  return String(v);
}

/** Reads one row into a measure. */
export function readRow(cells: readonly unknown[], index: Map<string, number>, columns: readonly Column[], row: number): MeasureRow {
  const notes: string[] = [];
  const out: Record<string, unknown> = {};
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
        if (isDate(v)) out[c.field] = isoDay(v);
        else if (/^\d{4}-\d{2}-\d{2}$/.test(text(v).trim()) || text(v).trim() === '') out[c.field] = text(v).trim();
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
        out[c.field] = isDate(v) ? v.toISOString() : text(v);
        break;
      default:
        out[c.field] = c.kind === 'id' ? text(v).trim() : text(v);
    }
  }
  return { measure: out as unknown as Measure, row, cells, notes };
}

/**
 * Text as a cell must receive it to stay text: a leading apostrophe makes
 * Sheets keep the rest as typed (it is not part of the value), so "=1+1",
 * "+66…", "-", "@name", "001" or "2566-10-01" never become a formula, a number
 * or a date.
 */
export function asText(s: string): string {
  return /^[=+\-@']/.test(s) || /^\s*[\d.,\s]+\s*$/.test(s) || /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?/.test(s) ? `'${s}` : s;
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
 * `existing` (their text kept as text: a cell holding "=x" as text stays text).
 */
export function writeRow(
  m: Measure,
  index: Map<string, number>,
  columns: readonly Column[],
  width: number,
  existing: readonly unknown[] = [],
): unknown[] {
  const keep = (x: unknown) => (typeof x === 'string' && x !== '' ? asText(x) : x);
  const cells: unknown[] = Array.from({ length: width }, (_, i) => (i < existing.length ? keep(existing[i]) : ''));
  for (const c of columns) {
    const i = index.get(c.header);
    if (i === undefined) continue;
    const v = m[c.field];
    switch (c.kind) {
      case 'year':
        cells[i] = v;
        break;
      case 'indicators':
        cells[i] = asText((v as readonly number[]).join(', '));
        break;
      case 'date':
        cells[i] = v === '' ? '' : dayToDate(v as string);
        break;
      default:
        cells[i] = v === '' ? '' : asText(String(v));
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
