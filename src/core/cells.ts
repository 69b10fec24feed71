import { at, CELL_ERROR_PREFIX, fail, inputError, isItaError, itaError, locate, problems, type ItaError, type Where } from './errors';
import { defaultYear, firstYear, lastYear, supportedYear } from './framework';
import { fromThaiDigits } from './thai';

/**
 * What Sheets hands a custom function: a plain value for one cell, a 2-D array
 * (rows of columns) for a range. Empty cells arrive as "".
 */
export type Grid = unknown[][];

/** A cell's answer, or the error that replaced it. */
export type Answer = unknown;

export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A single cell or a range, as a grid. */
export function asGrid(v: unknown): Grid {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [['']];
  return v.every(Array.isArray) ? (v as Grid) : [v as unknown[]];
}

/**
 * One value from an argument that must not be a range of many cells; an error
 * text of ours in it is passed on unchanged.
 */
export function single(v: unknown, where: Where): unknown {
  const g = asGrid(v);
  if (g.length !== 1 || g[0]!.length !== 1) throw inputError(where, problems().single());
  return passOn(g[0]![0]);
}

/**
 * A number from a cell: numbers as they are; text with Thai or Arabic digits,
 * spaces around, an optional sign, decimal point and thousands commas (a first
 * group of 1–3 digits not starting with 0, then groups of exactly 3: "1,234.5",
 * never "0,086" or "12,34"). No exponent ("1e1"), no booleans. Undefined otherwise.
 */
export function parseNumeric(v: unknown): number | undefined {
  if (typeof v === 'number') return isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = fromThaiDigits(v.trim());
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return Number(s);
  if (/^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  return undefined;
}

/**
 * An error text one of our functions wrote into a cell ("⚠ …"): the error to
 * pass on, its message exactly the text after "⚠ ".
 */
function propagated(v: unknown): ItaError | undefined {
  if (typeof v !== 'string' || !v.startsWith(CELL_ERROR_PREFIX)) return undefined;
  const text = v.slice(CELL_ERROR_PREFIX.length);
  const cut = text.indexOf(' | ');
  return Object.assign(itaError(cut < 0 ? { th: text, en: text } : { th: text.slice(0, cut), en: text.slice(cut + 3) }), { message: text });
}

/** `v`, unless it is an error text of ours: that is thrown on unchanged. */
export function passOn(v: unknown): unknown {
  const e = propagated(v);
  if (e) throw e;
  return v;
}

/** A number in [min, max]; fails otherwise. Not for blank cells. */
export function readNumber(v: unknown, min: number, max: number): number {
  if (typeof v === 'number' && v >= min && v <= max) return v; // fast path
  const n = parseNumeric(v);
  if (n === undefined) throw propagated(v) ?? fail(problems().notNumber(v));
  if (n < min || n > max) fail(problems().outOfRange(n, min, max));
  return n;
}

/** A score 0–100. Not for blank cells. */
export function readScore(v: unknown): number {
  return typeof v === 'number' && v >= 0 && v <= 100 ? v : readNumber(v, 0, 100);
}

/**
 * A score cell read exactly as the custom functions read it (ITA_SCORE and the
 * rest), for any code that reads scores from a sheet:
 * - a number 0–100, or text of one: Thai or Arabic digits, spaces around, a
 *   sign, a decimal point, thousands commas ("๘๖.๑๙", " 86 ", "1,234.5" is
 *   out of range) → the number;
 * - blank ("", only spaces, null, undefined) → undefined;
 * - anything else → the error, in Thai (`th`) and English (`en`), not yet
 *   placed in a cell (`locate` places it, or prefix the cell yourself):
 *   TRUE/FALSE, "1e1", "0,086", a date, 120, -1, NaN; an error text "⚠ …" of
 *   another ITA function comes back as that error, its message unchanged.
 */
export function parseScoreCell(v: unknown): number | ItaError | undefined {
  if (typeof v === 'number' && v >= 0 && v <= 100) return v;
  if (isBlank(v)) return undefined;
  try {
    return readScore(v);
  } catch (e) {
    if (isItaError(e)) return e;
    throw e;
  }
}

/** A supported Buddhist-Era fiscal year; blank gives the latest. */
export function readYear(v: unknown): number {
  if (isBlank(v)) return defaultYear();
  const n = parseNumeric(v);
  const be = n === undefined ? undefined : supportedYear(n);
  if (be === undefined) throw propagated(v) ?? fail(problems().unknownYear(v, firstYear(), lastYear()));
  return be;
}

/** Rows of scores, and how to name a cell of the original range. */
export interface IndicatorRows {
  readonly rows: readonly (readonly unknown[])[];
  /** 1-based row and column in the argument's range of cell `i` (0-based) of row `r`. */
  readonly cellOf: (r: number, i: number) => { row: number; col: number };
  /**
   * What each row holds: the ten indicator scores, the three tool scores (IIT,
   * EIT, OIT), a total, or 13 cells — the ten indicators then IIT, EIT, OIT, as
   * the units sheet lays them out (each row uses the ten when all are there,
   * else the three).
   */
  readonly width: 10 | 3 | 1 | 13;
}

/**
 * Reads the scores argument: n rows × 10 columns of indicator scores, or one
 * column of 10 rows for a single unit (ITA-METHOD.md §2 order: indicator 1
 * first). With `accept.tools`, also n rows × 3 tool scores (IIT, EIT, OIT, as
 * ITAS shows them) or one column of 3; with `accept.totals`, also a column of
 * totals — one cell, or a column whose rows are units (`rowsAreUnits`: the
 * years come as a column of the same length), where 3 or 10 rows would
 * otherwise be one unit's scores. With `accept.wide`, also n rows × 13: the ten
 * indicators then IIT, EIT, OIT (the units sheet's columns).
 */
export function indicatorRows(v: unknown, fn: string, arg: string, accept: { tools?: boolean; totals?: boolean; wide?: boolean; rowsAreUnits?: boolean } = {}): IndicatorRows {
  const g = asGrid(v);
  const cols = g[0]!.length;
  const even = g.every((r) => r.length === cols);
  if (even && (cols === 10 || (cols === 3 && accept.tools) || (cols === 13 && accept.wide))) {
    return { rows: g, cellOf: (r, i) => ({ row: r + 1, col: i + 1 }), width: cols };
  }
  if (even && cols === 1) {
    if (accept.totals && (accept.rowsAreUnits || (g.length !== 10 && !(g.length === 3 && accept.tools)))) {
      return { rows: g, cellOf: (r) => ({ row: r + 1, col: 1 }), width: 1 };
    }
    if (g.length === 10 || (g.length === 3 && accept.tools)) {
      return { rows: [g.map((r) => r[0])], cellOf: (_r, i) => ({ row: i + 1, col: 1 }), width: g.length };
    }
  }
  throw inputError({ fn, arg }, problems().wrongShape(g.length, cols, accept));
}

/** Whether a fiscal_year argument is a column of several rows (one year per unit). */
export function yearsPerRow(v: unknown): boolean {
  return asGrid(v).length > 1;
}

/**
 * A fiscal year per row: one value for all rows, or a column with one year per
 * row. A bad year in one row is that row's error only.
 */
export function yearPerRow(v: unknown, rows: number, fn: string, arg: string): (number | ItaError | BlankYear)[] {
  const g = asGrid(v);
  if (g.some((r) => r.length !== 1)) throw inputError({ fn, arg }, problems().yearColumn(Math.max(...g.map((r) => r.length))));
  if (g.length !== 1 && g.length !== rows) throw inputError({ fn, arg }, problems().yearRows(g.length, rows));
  if (g.length === 1) {
    const y = at({ fn, arg }, () => readYear(g[0]![0]));
    return new Array<number>(rows).fill(y);
  }
  // In a column, a blank cell is not "the default year": a row with scores and no year is that row's
  // error — made only for such a row (a whole-column formula has many blank rows, and an error is costly).
  return g.map((r, i) => (isBlank(r[0]) ? blankYearAt(fn, arg, i) : (attempt(() => readYear(r[0]), { fn, arg, row: i + 1, col: 1 }) as number | ItaError)));
}

/** A blank year cell of a year column: the row's error, made when asked (see yearPerRow). */
export interface BlankYear {
  readonly blankYear: () => ItaError;
}
function blankYearAt(fn: string, arg: string, i: number): BlankYear {
  return { blankYear: () => attempt(() => fail(problems().blankYear()), { fn, arg, row: i + 1, col: 1 }) as ItaError };
}
export const isBlankYear = (y: unknown): y is BlankYear => typeof y === 'object' && y !== null && 'blankYear' in y;

/**
 * Runs `f` for one answer cell; an input error, placed at `where`, becomes that
 * cell's answer so that a bad row does not hide the good ones (see `finish`).
 */
export function attempt(f: () => Answer, where: Where): Answer {
  try {
    return f();
  } catch (e) {
    const placed = locate(e, where);
    if (isItaError(placed)) return placed;
    throw placed;
  }
}

/**
 * The function's result. One answer cell: the value, or the error thrown (Sheets
 * shows #ERROR! with the message). Many cells: a grid in which each bad cell
 * holds the error text, starting with "⚠ ", and every good cell its answer.
 */
export function finish(grid: Answer[][]): unknown {
  if (grid.length === 1 && grid[0]!.length === 1) {
    const only = grid[0]![0];
    if (isItaError(only)) throw only;
    return only;
  }
  return grid.map((row) => row.map((a) => (isItaError(a) ? CELL_ERROR_PREFIX + a.message : a)));
}

/** Same-shape map over a single cell or a range, blanks staying blank. */
export function mapCells(v: unknown, fn: string, arg: string, f: (value: unknown) => Answer): unknown {
  // One cell: answer or throw at once, as `finish` would.
  if (!Array.isArray(v)) return isBlank(v) ? '' : at({ fn, arg }, () => f(passOn(v)));
  return finish(asGrid(v).map((r, i) => r.map((x, j) => (isBlank(x) ? '' : attempt(() => f(passOn(x)), { fn, arg, row: i + 1, col: j + 1 })))));
}
