// Measures as rows of a sheet. Columns are found by header name (users reorder
// and add columns), rows by id (users sort and filter).
import { isDate } from '../errors';
import { fingerprint, headerIndex, isBlank } from '../table';
import { DATE_YEARS_BE, dayOfIso, fromThaiDigits, isoOfDay, isPlausibleCeYear, toBuddhistEra, type CalendarDay } from '../thai';
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

/** Header name → 0-based column (src/core/table.ts). */
export { headerIndex };

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
        const y = yearOfCell(text(v));
        if (y === undefined) notes.push(text(v).trim() === '' ? `${c.header} ว่าง จึงแสดงมาตรการนี้ในทุกปี กรุณาระบุปี` : `${c.header} อ่านไม่ได้: "${text(v)}" จึงแสดงมาตรการนี้ในทุกปี กรุณาแก้ปี`);
        out[c.field] = y ?? 0;
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
        const year = Number(String(out[c.field]).slice(0, 4));
        if (out[c.field] !== '' && !isPlausibleCeYear(year)) notes.push(`${c.header} ปี พ.ศ. ${toBuddhistEra(year)} อยู่นอกช่วง ${DATE_YEARS_BE.min}–${DATE_YEARS_BE.max} กรุณาแก้ไข`);
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
  out.rev = rowFingerprint(cells, index, columns);
  return { measure: out as unknown as Measure, row, cells, notes };
}

/**
 * A fiscal year as people type it: 2569, "๒๕๖๙", "พ.ศ. 2569", "ปี 2569", or a
 * Common-Era 2026 (→ 2569); undefined for anything else (blank included).
 */
export function yearOfCell(v: string): number | undefined {
  const t = fromThaiDigits(v).trim().replace(/^(ปี(งบประมาณ)?\s*)?(พ\.\s*ศ\.)?\s*/, '');
  if (!/^\d{4}$/.test(t)) return undefined;
  const n = Number(t);
  const be = n < 2400 ? toBuddhistEra(n) : n;
  return be >= DATE_YEARS_BE.min && be <= DATE_YEARS_BE.max ? be : undefined;
}

/**
 * The fingerprint of a row's cells in our columns (Measure.rev), the stamps
 * แก้ไขล่าสุด and แก้ไขโดย left out: every save writes them with the fields it
 * changes (which the fingerprint sees), and a person's =NOW() there would
 * otherwise make every save stale as Sheets recalculates.
 */
export function rowFingerprint(cells: readonly unknown[], index: Map<string, number>, columns: readonly Column[]): string {
  return fingerprint(columns.filter((c) => c.field !== 'updatedAt' && c.field !== 'updatedBy').map((c) => {
    const i = index.get(c.header);
    return i === undefined ? '' : cells[i];
  }));
}

/**
 * What a cell of a column holds for a field's value: the year as a number,
 * indicators as "1, 9", a date as the Date of that day's midnight in the
 * spreadsheet's zone, text as itself (written literally by the adapter).
 */
export function cellOf(column: Column, v: unknown, dates: CellDates): unknown {
  switch (column.kind) {
    case 'year':
      return v;
    case 'indicators':
      return (v as readonly number[]).join(', ');
    case 'date': {
      const day = dayOfIso(v as string);
      return day ? dates.dateOf(day) : '';
    }
    default:
      return v === '' ? '' : String(v);
  }
}

/** True when every one of our columns of the row is blank. */
export function isBlankRow(cells: readonly unknown[], index: Map<string, number>, columns: readonly Column[]): boolean {
  return columns.every((c) => {
    const i = index.get(c.header);
    return isBlank(i === undefined ? '' : cells[i]);
  });
}
