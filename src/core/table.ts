// The table layer's decisions, from a sheet's values and formulas alone: where
// the header row is, which rows are used, which cells the add-on may write and
// in how few ranges, and a row's fingerprint. The adapter (src/gas/table.ts)
// reads once, asks here, writes.

/** What a sheet read holds: values (getValues) and formulas (getFormulas), same shape. */
export interface Grid {
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly string[])[];
}

/** A cell with nothing in it (spaces count as nothing). */
export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
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

/**
 * A formula that shows a header on top of the column it fills: an array
 * literal whose first row is that text, `={"คะแนนรวม"; ITA_SCORE(G2:S, F2:F)}`
 * ("Semicolons: Separates rows", support.google.com/docs/answer/6208276). Its
 * cell reads as the header; the rows below are the values.
 */
export function headerLiteral(header: string, body: string): string {
  return `={"${header.replace(/"/g, '""')}"; ${body}}`;
}

/** The header a headerLiteral formula shows, or undefined for any other formula. */
export function literalHeaderOf(formula: string): string | undefined {
  const m = /^=\s*\{\s*"((?:[^"]|"")*)"\s*;/.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}

/**
 * The values with each headerLiteral formula's cell read as its header: what
 * the cell shows unless its array could not spill (Sheets then shows #REF!
 * there, and the column's header would be lost to a reader of values).
 */
export function withLiteralHeaders(values: readonly (readonly unknown[])[], formulas: readonly (readonly string[])[]): unknown[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas[r]?.[c];
      const header = f ? literalHeaderOf(f) : undefined;
      return header ?? v;
    }),
  );
}

/** How far down a sheet the header row is looked for (a title, a note, a blank row or two above it). */
export const HEADER_SCAN = 10;

/**
 * The header row: of the first HEADER_SCAN rows, the one that names the most of
 * `headers` (the first such row on a tie); undefined when none names any. A
 * title row above the table ("มาตรการ ITA ปี 2569") names none, so is passed by.
 */
export function findHeaderRow(values: readonly (readonly unknown[])[], headers: readonly string[]): { row: number; index: Map<string, number> } | undefined {
  const wanted = new Set(headers);
  let best: { row: number; index: Map<string, number>; hits: number } | undefined;
  values.slice(0, HEADER_SCAN).forEach((cells, row) => {
    const index = headerIndex(cells);
    const hits = [...index.keys()].filter((h) => wanted.has(h)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { row, index, hits };
  });
  return best && { row: best.row, index: best.index };
}

/** A cell is used when it holds a value or a formula (a formula answering "" still takes its row). */
export function isUsed(grid: Grid, r: number, c: number): boolean {
  return !isBlank(grid.values[r]?.[c]) || Boolean(grid.formulas[r]?.[c]);
}

/**
 * The last used row (0-based) below `header` in the given columns, or `header`
 * when there is none: a new row goes after it — never into a row a person
 * cleared higher up, and never where a formula waits for data.
 */
export function lastUsedRow(grid: Grid, cols: readonly number[], header: number): number {
  for (let r = grid.values.length - 1; r > header; r--) if (cols.some((c) => isUsed(grid, r, c))) return r;
  return header;
}

/**
 * Functions whose answer can be an array that spills into the cells below or
 * to the right (support.google.com/docs/answer/3093275: "Many array formulas
 * will be automatically expanded into neighboring cells"), and ours that answer
 * a column or a row for a range (OWN_OVER_RANGE).
 */
const ARRAY_FUNCTIONS =
  /\b(ARRAYFORMULA|SEQUENCE|FILTER|QUERY|SORT|SORTN|UNIQUE|SPLIT|TRANSPOSE|FLATTEN|IMPORTRANGE|IMPORTDATA|IMPORTHTML|IMPORTXML|IMPORTFEED|ARRAY_CONSTRAIN|MMULT|MUNIT|RANDARRAY|MAP|BYROW|BYCOL|MAKEARRAY|SCAN|HSTACK|VSTACK|WRAPROWS|WRAPCOLS|CHOOSECOLS|CHOOSEROWS|TOCOL|TOROW|GOOGLEFINANCE)\s*\(/i;
/** Ours answer one value per row (or ITA_OIT one row) when given a range. */
const OWN_OVER_RANGE = /\bITA_[A-Z_]+\s*\([^)]*:/i;
/** Functions that may answer more than one column. */
const WIDE_FUNCTIONS = /\b(SPLIT|TRANSPOSE|HSTACK|TOROW|WRAPROWS|MAKEARRAY|IMPORTRANGE|IMPORTDATA|IMPORTHTML|IMPORTXML|IMPORTFEED|QUERY|GOOGLEFINANCE|MUNIT|RANDARRAY)\s*\(/i;
/** A range of more than one column, as "A2:C", "B:D" or "A1:C3". */
const WIDE_RANGE = /\$?([A-Z]{1,3})\$?\d*\s*:\s*\$?([A-Z]{1,3})\$?\d*/gi;

/** The extent of an array a formula may answer, as far as its text tells: down, right, and sizes when known. */
export interface ArrayExtent {
  readonly down: boolean;
  readonly right: boolean;
  /** Rows and columns when the text fixes them (SEQUENCE(5, 2), ITA_OIT's one row of three). */
  readonly rows?: number;
  readonly cols?: number;
}

/** Whether and how far a formula's answer may spill; undefined for a formula that answers one value. */
export function arrayExtent(formula: string): ArrayExtent | undefined {
  const f = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const bareRange = /^=\s*('[^']*'!|[^!'(]*!)?\$?[A-Z]{1,3}\$?\d*\s*:\s*\$?[A-Z]{1,3}\$?\d*\s*$/i.test(f);
  if (!ARRAY_FUNCTIONS.test(f) && !OWN_OVER_RANGE.test(f) && !f.includes('{') && !bareRange) return undefined;
  if (/^=\s*ITA_OIT\s*\(/i.test(f)) return { down: false, right: true, rows: 1, cols: 3 };
  const seq = /^=\s*(?:ARRAYFORMULA\s*\(\s*)?SEQUENCE\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/i.exec(f);
  if (seq) return { down: Number(seq[1]) > 1, right: Number(seq[2] ?? 1) > 1, rows: Number(seq[1]), cols: Number(seq[2] ?? 1) };
  let wideRange = false;
  WIDE_RANGE.lastIndex = 0;
  for (let m = WIDE_RANGE.exec(f); m; m = WIDE_RANGE.exec(f)) if (m[1]!.toUpperCase() !== m[2]!.toUpperCase()) wideRange = true;
  const right = WIDE_FUNCTIONS.test(f) || wideRange || /\{[^}]*,/.test(f);
  const down = !/^=\s*(SPLIT|TOROW)\s*\(/i.test(f);
  return { down, right };
}

/** Why the add-on does not write a cell: a formula is there, or an array result may cover it. */
export type Blocked = 'formula' | 'spill';

/**
 * Whether a cell is one the add-on must not write: it holds a formula (a
 * person's, kept as it is), or it may lie in the spill of an array formula
 * above it in its column or left of it in its row — the first formula met
 * going up (or left), if it can answer an array that reaches the cell. Writing
 * any value there, even an empty one, stops that array from expanding (Sheets
 * shows #REF!: "Array result was not expanded because it would overwrite
 * data"). A cell with a value but no formula under such a formula is the usual
 * sign; an empty-looking one may hold "" from it, so it counts too.
 */
export function blockedCell(grid: Grid, r: number, c: number): Blocked | undefined {
  if (grid.formulas[r]?.[c]) return 'formula';
  for (let up = r - 1; up >= 0; up--) {
    const f = grid.formulas[up]?.[c];
    if (!f) continue;
    const e = arrayExtent(f);
    if (e?.down && (e.rows === undefined || r - up < e.rows)) return 'spill';
    break;
  }
  for (let left = c - 1; left >= 0; left--) {
    const f = grid.formulas[r]?.[left];
    if (!f) continue;
    const e = arrayExtent(f);
    if (e?.right && (e.cols === undefined || c - left < e.cols)) return 'spill';
    break;
  }
  return undefined;
}

/**
 * True when deleting a row could break an array formula: the row holds one
 * that spills beyond it (deleting the row deletes it), or a cell of the row may
 * lie in one's spill (the cells below would move up into it and block it).
 */
export function rowTouchesArray(grid: Grid, r: number): boolean {
  const formulas = grid.formulas[r] ?? [];
  const width = Math.max(formulas.length, grid.values[r]?.length ?? 0);
  for (let c = 0; c < width; c++) {
    const f = formulas[c];
    const e = f ? arrayExtent(f) : undefined;
    if (e && (e.down || e.right)) return true;
    if (!f && blockedCell(grid, r, c) === 'spill') return true;
  }
  return false;
}

/**
 * Contiguous runs of columns, as [first, last] pairs. `bridge(c)` tells a column
 * a run may also cover though nothing is written there for it (an empty cell
 * of the add-on's own, which writing "" leaves as it was): two runs joined by
 * such columns become one write.
 */
export function columnRuns(cols: readonly number[], bridge: (c: number) => boolean = () => false): [number, number][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last) {
      let joinable = true;
      for (let k = last[1] + 1; k < c; k++) if (!bridge(k)) joinable = false;
      if (joinable) {
        last[1] = c;
        continue;
      }
    }
    runs.push([c, c]);
  }
  return runs;
}

/** A cell as fingerprint text: its type and value (a date by its moment). */
function cellKey(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') return `d${(v as Date).getTime()}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (v === null || v === undefined || v === '') return '';
  return `s${String(v)}`;
}

/**
 * A short fingerprint of cells as read (FNV-1a, two 32-bit halves): any change
 * to them, one the reader cannot parse included, changes it. The sidebar
 * carries it back with the measure it loaded; a save or delete is refused when
 * the row's fingerprint is no longer that.
 */
export function fingerprint(cells: readonly unknown[]): string {
  const text = cells.map(cellKey).join('\u0001');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193) >>> 0;
    b = Math.imul(b ^ ch ^ (a >>> 7), 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}
