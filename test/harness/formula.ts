// A small evaluator of Sheets formulas: exactly the native functions the
// dashboard writes (src/core/dashboard.ts), each as Google's function page
// describes it (cited beside it; pages are support.google.com/docs/answer/<id>),
// plus calls of our own ITA_ functions, handed to the bundle. What a page does
// not settle is decided the strict way and named here, so a test fails rather
// than passes by luck:
// - an operator or a one-value function given a range of many cells outside an
//   array context (ARRAYFORMULA, FILTER, SORT, UNIQUE, ARRAY_CONSTRAIN) is
//   #VALUE! (Sheets would take the cell of the formula's row, "implicit
//   intersection", which the dashboard never relies on);
// - SORT keeps the order of rows with equal keys (the page does not say), and
//   orders text by the switch sortText of assumptions.ts;
// - a blank cell reads as "" and as 0 (Sheets' "empty" value); a formula's "" the same.
import type { FakeSheet, FakeSpreadsheet } from './spreadsheet';

export class SheetsError {
  constructor(
    readonly code: '#N/A' | '#VALUE!' | '#DIV/0!' | '#REF!' | '#NAME?' | '#NUM!' | '#ERROR!',
    readonly why = '',
  ) {}
}
type Scalar = number | string | boolean | SheetsError;
type Grid = Scalar[][];

// ---------------------------------------------------------------- parsing

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; sheet?: string; a1: string }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'neg'; e: Node }
  | { t: 'arr'; rows: Node[][] };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|('(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?(\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?)(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|(<=|>=|<>|[-+*/&=<>(),;{}^]))/y;

interface Tok {
  kind: 'str' | 'ref' | 'name' | 'num' | 'op';
  text: string;
  sheet?: string;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot read the formula at "${src.slice(i, i + 20)}"`);
    i = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'str', text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) {
      const sheet = m[2] === undefined ? undefined : m[2].startsWith("'") ? m[2].slice(1, -2).replace(/''/g, "'") : m[2].slice(0, -1);
      out.push({ kind: 'ref', text: m[3].replace(/\$/g, ''), sheet });
    } else if (m[4] !== undefined) out.push({ kind: 'name', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'num', text: m[5] });
    else out.push({ kind: 'op', text: m[6]! });
  }
  return out;
}

function parse(formula: string): Node {
  const toks = tokenize(formula.replace(/^\s*=/, ''));
  let p = 0;
  const peek = () => toks[p];
  const isOp = (s: string) => peek()?.kind === 'op' && peek()!.text === s;
  const expect = (s: string) => {
    if (!isOp(s)) throw new Error(`expected ${s} at token ${p}`);
    p++;
  };
  // Operator precedence, lowest first: comparison, &, + -, * /, ^, unary minus.
  const compare = (): Node => {
    let l = concat();
    while (peek()?.kind === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(peek()!.text)) {
      const op = toks[p++]!.text;
      l = { t: 'bin', op, l, r: concat() };
    }
    return l;
  };
  const concat = (): Node => {
    let l = additive();
    while (isOp('&')) {
      p++;
      l = { t: 'bin', op: '&', l, r: additive() };
    }
    return l;
  };
  const additive = (): Node => {
    let l = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = toks[p++]!.text;
      l = { t: 'bin', op, l, r: multiplicative() };
    }
    return l;
  };
  const multiplicative = (): Node => {
    let l = unary();
    while (isOp('*') || isOp('/')) {
      const op = toks[p++]!.text;
      l = { t: 'bin', op, l, r: unary() };
    }
    return l;
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return { t: 'neg', e: unary() };
    }
    if (isOp('+')) {
      p++;
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const tok = toks[p++];
    if (!tok) throw new Error('unexpected end of formula');
    if (tok.kind === 'num') return { t: 'num', v: Number(tok.text) };
    if (tok.kind === 'str') return { t: 'str', v: tok.text };
    if (tok.kind === 'ref') return { t: 'ref', sheet: tok.sheet, a1: tok.text };
    if (tok.kind === 'name') {
      if (isOp('(')) {
        p++;
        const args: Node[] = [];
        if (!isOp(')')) {
          do args.push(compare());
          while (isOp(',') && ++p);
        }
        expect(')');
        return { t: 'call', name: tok.text.toUpperCase(), args };
      }
      const up = tok.text.toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') return { t: 'bool', v: up === 'TRUE' };
      throw new Error(`unknown name ${tok.text}`);
    }
    if (tok.text === '(') {
      const e = compare();
      expect(')');
      return e;
    }
    if (tok.text === '{') {
      const rows: Node[][] = [[]];
      for (;;) {
        rows[rows.length - 1]!.push(compare());
        if (isOp(',')) p++;
        else if (isOp(';')) {
          p++;
          rows.push([]);
        } else break;
      }
      expect('}');
      return { t: 'arr', rows };
    }
    throw new Error(`unexpected ${tok.text}`);
  };
  const node = compare();
  if (p !== toks.length) throw new Error(`unexpected ${toks[p]!.text} after the formula`);
  return node;
}

// ---------------------------------------------------------------- values

const one = (v: Scalar): Grid => [[v]];
const isErr = (v: unknown): v is SheetsError => v instanceof SheetsError;
const scalarOf = (g: Grid): Scalar => (g.length === 1 && g[0]!.length === 1 ? g[0]![0]! : new SheetsError('#VALUE!', 'a range where one value is needed'));
const ERROR_TEXT = /^#(N\/A|VALUE!|DIV\/0!|REF!|NAME\?|NUM!|ERROR!)/;

/** A cell's value as the evaluator sees it: an error text a formula left is that error. */
function fromCell(v: unknown): Scalar {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') {
    const m = ERROR_TEXT.exec(v);
    return m ? new SheetsError(`#${m[1]}` as SheetsError['code']) : v;
  }
  return '';
}

/** To a number for arithmetic: blank 0, TRUE 1, text of a number that number, other text #VALUE!. */
function num(v: Scalar): number | SheetsError {
  if (isErr(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v.trim() === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : new SheetsError('#VALUE!', `"${v}" is text, not a number`);
}
const text = (v: Scalar): string => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
/** Truth of a condition: TRUE, a number other than 0; blank is FALSE. */
function truth(v: Scalar): boolean | SheetsError {
  if (isErr(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === '') return false;
  return new SheetsError('#VALUE!', `"${v}" is not TRUE or FALSE`);
}
/**
 * Comparison as Sheets orders values: numbers before text before booleans,
 * text without regard to case; a blank compares as 0 with a number and as ""
 * with text (support.google.com/docs/answer/3093150 for SORT's order of types
 * is silent; this is the order Sheets' comparison operators use).
 */
function cmp(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === '' && typeof b === 'number') a = 0;
  if (b === '' && typeof a === 'number') b = 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Elementwise over grids of one shape, or a single value against a grid. */
function zip(gs: Grid[], f: (...v: Scalar[]) => Scalar): Grid {
  const rows = Math.max(...gs.map((g) => g.length));
  const cols = Math.max(...gs.map((g) => g[0]!.length));
  for (const g of gs) {
    const single = g.length === 1 && g[0]!.length === 1;
    if (!single && (g.length !== rows || g[0]!.length !== cols)) return one(new SheetsError('#VALUE!', 'arrays of different sizes'));
  }
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => f(...gs.map((g) => (g.length === 1 && g[0]!.length === 1 ? g[0]![0]! : g[i]![j]!)))),
  );
}

// ---------------------------------------------------------------- criteria

/**
 * COUNTIFS/AVERAGEIFS criteria (COUNTIF, answer/3093480): a number matches
 * cells equal to it; text may begin with =, <>, <, <=, >, >= and then a number
 * (compared with the numbers of the range) or text; text "can contain
 * wildcards including ? to match any single character or * to match zero or
 * more contiguous characters", ~ escaping them; each cell "is then checked
 * against the criterion for equality (or match, if wildcards are used)".
 * Text matches without regard to case; "<>" alone matches every non-blank cell.
 */
function criterion(c: Scalar): (v: Scalar) => boolean {
  if (isErr(c)) return () => false;
  if (typeof c === 'number' || typeof c === 'boolean') return (v) => v === c;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(c)!;
  const op = m[1] ?? '=';
  const rest = m[2]!;
  const n = rest.trim() === '' ? NaN : Number(rest);
  if (Number.isFinite(n)) {
    const test = (v: Scalar) =>
      typeof v === 'number' &&
      (op === '=' ? v === n : op === '<>' ? v !== n : op === '<' ? v < n : op === '<=' ? v <= n : op === '>' ? v > n : v >= n);
    return op === '<>' ? (v) => typeof v !== 'number' || v !== n : test;
  }
  if (rest === '') return op === '<>' ? (v) => v !== '' : op === '=' ? (v) => v === '' : () => false;
  const pattern = new RegExp(
    `^${rest.replace(/~([*?~])|([*?])|([.+^${}()|[\]\\])/g, (_all, esc: string, wild: string, meta: string) =>
      esc ? `\\${esc}` : wild ? (wild === '*' ? '[\\s\\S]*' : '[\\s\\S]') : `\\${meta}`,
    )}$`,
    'i',
  );
  const matches = (v: Scalar) => typeof v === 'string' && pattern.test(v);
  if (op === '=') return matches;
  if (op === '<>') return (v) => !matches(v);
  return (v) => typeof v === 'string' && v !== '' && (op === '<' ? cmp(v, rest) < 0 : op === '<=' ? cmp(v, rest) <= 0 : op === '>' ? cmp(v, rest) > 0 : cmp(v, rest) >= 0);
}

function matchAll(args: Grid[], from: number): boolean[][] | SheetsError {
  const first = args[from]!;
  const ok = first.map((r) => r.map(() => true));
  for (let k = from; k < args.length; k += 2) {
    const range = args[k]!;
    if (range.length !== first.length || range[0]!.length !== first[0]!.length) return new SheetsError('#VALUE!', 'criteria ranges of different sizes');
    const test = criterion(scalarOf(args[k + 1]!));
    range.forEach((r, i) => r.forEach((v, j) => (ok[i]![j] &&= test(v))));
  }
  return ok;
}

const numbersOf = (gs: Grid[]): number[] => gs.flatMap((g) => g.flat().filter((v): v is number => typeof v === 'number'));
const firstError = (gs: Grid[]): SheetsError | undefined => gs.flatMap((g) => g.flat()).find(isErr);

// ---------------------------------------------------------------- evaluation

export interface FormulaContext {
  readonly spreadsheet: FakeSpreadsheet;
  /** The sheet the formula is in (references without a sheet name are to it). */
  readonly sheet: FakeSheet;
  /** Our custom functions: the answer of `name` for these arguments as Sheets passes them, or undefined when no such function. */
  readonly custom: (name: string, args: unknown[]) => { value: unknown } | undefined;
}

/** Functions whose arguments are evaluated as arrays (array context). */
const ARRAY_FUNCTIONS = new Set(['ARRAYFORMULA', 'FILTER', 'SORT', 'UNIQUE', 'ARRAY_CONSTRAIN']);

function evaluateNode(node: Node, ctx: FormulaContext, array: boolean): Grid {
  switch (node.t) {
    case 'num':
      return one(node.v);
    case 'str':
      return one(node.v);
    case 'bool':
      return one(node.v);
    case 'ref': {
      const sheet = node.sheet === undefined ? ctx.sheet : ctx.spreadsheet.getSheetByName(node.sheet);
      if (!sheet) return one(new SheetsError('#REF!', `no sheet ${node.sheet}`));
      return sheet.rangeA1(node.a1).getValues().map((r) => r.map(fromCell));
    }
    case 'neg': {
      const g = evaluateNode(node.e, ctx, array);
      if (!array && !(g.length === 1 && g[0]!.length === 1)) return one(new SheetsError('#VALUE!', 'a range outside ARRAYFORMULA'));
      return zip([g], (v) => {
        const n = num(v);
        return isErr(n) ? n : -n;
      });
    }
    case 'arr': {
      // {a, b; c, d}: "Commas: Separates columns … Semicolons: Separates rows" (answer/6208276);
      // each element may itself be a range or an array, joined side by side or one under another.
      const blocks = node.rows.map((row) => row.map((e) => evaluateNode(e, ctx, true)));
      const rows: Grid = [];
      for (const row of blocks) {
        const height = row[0]!.length;
        if (row.some((b) => b.length !== height)) return one(new SheetsError('#VALUE!', 'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.'));
        for (let i = 0; i < height; i++) rows.push(row.flatMap((b) => b[i]!));
      }
      if (rows.some((r) => r.length !== rows[0]!.length)) return one(new SheetsError('#VALUE!', 'In ARRAY_LITERAL, an Array Literal was missing values for one or more columns.'));
      return rows;
    }
    case 'bin': {
      const l = evaluateNode(node.l, ctx, array);
      const r = evaluateNode(node.r, ctx, array);
      const many = (g: Grid) => !(g.length === 1 && g[0]!.length === 1);
      if (!array && (many(l) || many(r))) return one(new SheetsError('#VALUE!', 'a range outside ARRAYFORMULA'));
      return zip([l, r], (a, b) => binary(node.op, a, b));
    }
    case 'call':
      return call(node, ctx, array || ARRAY_FUNCTIONS.has(node.name));
  }
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  switch (op) {
    case '&':
      return text(a) + text(b);
    case '=':
      return cmp(a, b) === 0;
    case '<>':
      return cmp(a, b) !== 0;
    case '<':
      return cmp(a, b) < 0;
    case '>':
      return cmp(a, b) > 0;
    case '<=':
      return cmp(a, b) <= 0;
    case '>=':
      return cmp(a, b) >= 0;
  }
  const x = num(a);
  const y = num(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (op === '/') return y === 0 ? new SheetsError('#DIV/0!') : x / y;
  return x ** y;
}

function call(node: Extract<Node, { t: 'call' }>, ctx: FormulaContext, array: boolean): Grid {
  const arg = (i: number) => (node.args[i] ? evaluateNode(node.args[i], ctx, array) : one(''));
  const all = () => node.args.map((_, i) => arg(i));
  /** A function of one value per cell: elementwise in an array context, else one value. */
  const perValue = (grids: Grid[], f: (...v: Scalar[]) => Scalar): Grid => {
    if (!array && grids.some((g) => !(g.length === 1 && g[0]!.length === 1))) return one(new SheetsError('#VALUE!', `${node.name} given a range outside ARRAYFORMULA`));
    return zip(grids, f);
  };
  switch (node.name) {
    // ARRAYFORMULA(array_formula): "Enables the display of values returned from an array formula into
    // multiple rows and/or columns and the use of non-array functions with arrays" (answer/3093275).
    case 'ARRAYFORMULA':
      return arg(0);
    // IF(logical_expression, value_if_true, value_if_false): "Returns one value if a logical expression
    // is TRUE and another if it is FALSE" (answer/3093364); value_if_false "FALSE by default". Only the
    // branch taken is computed, unless in an array context (one branch per element).
    case 'IF': {
      const c = arg(0);
      if (!array || (c.length === 1 && c[0]!.length === 1)) {
        const t = truth(scalarOf(c));
        if (isErr(t)) return one(t);
        return t ? arg(1) : node.args[2] ? arg(2) : one(false);
      }
      const b = node.args[2] ? arg(2) : one(false);
      return zip([c, arg(1), b], (cv, tv, fv) => {
        const t = truth(cv);
        return isErr(t) ? t : t ? tv : fv;
      });
    }
    // IFERROR(value, [value_if_error]): "Returns the first argument if it is not an error value,
    // otherwise returns the second argument if present, or a blank if the second argument is absent"
    // (answer/3093304); over an array, each element.
    case 'IFERROR': {
      const v = arg(0);
      const alt = node.args[1] ? arg(1) : one('');
      if (v.length === 1 && v[0]!.length === 1) return isErr(v[0]![0]) ? alt : v;
      const a = scalarOf(alt);
      return v.map((r) => r.map((x) => (isErr(x) ? a : x)));
    }
    // OR(logical_expression1, …): "Returns true if any of the provided arguments are logically true"
    // (answer/3093306).
    case 'OR': {
      const vs = all().flatMap((g) => g.flat());
      const err = vs.find(isErr);
      if (err) return one(err);
      return one(vs.some((v) => v !== '' && truth(v) === true));
    }
    // ISNUMBER(value): "Checks whether a value is a number" (answer/3093296).
    case 'ISNUMBER':
      return perValue([arg(0)], (v) => typeof v === 'number');
    // TRIM(text): "Removes leading, trailing, and repeated spaces in text" (answer/3094140).
    case 'TRIM':
      return perValue([arg(0)], (v) => (isErr(v) ? v : text(v).replace(/ {2,}/g, ' ').replace(/^ +| +$/g, '')));
    // SUM(value1, …): "Returns the sum of a series of numbers and/or cells" (answer/3093669); text in
    // a range is ignored.
    case 'SUM': {
      const gs = all();
      const err = firstError(gs);
      return one(err ?? numbersOf(gs).reduce((s, n) => s + n, 0));
    }
    // MAX(value1, …): "Returns the maximum value in a numeric dataset" (answer/3094013); 0 when none.
    case 'MAX': {
      const gs = all();
      const err = firstError(gs);
      const ns = numbersOf(gs);
      return one(err ?? (ns.length ? Math.max(...ns) : 0));
    }
    // MEDIAN(value1, …): "Returns the median value in a numeric dataset" (answer/3094025); text is
    // ignored; with no number, #NUM!.
    case 'MEDIAN': {
      const gs = all();
      const err = firstError(gs);
      if (err) return one(err);
      const ns = numbersOf(gs).sort((a, b) => a - b);
      if (!ns.length) return one(new SheetsError('#NUM!'));
      const m = ns.length >> 1;
      return one(ns.length % 2 ? ns[m]! : (ns[m - 1]! + ns[m]!) / 2);
    }
    // COUNTIFS(criteria_range1, criterion1, …): "Returns the count of a range depending on multiple
    // criteria"; "Any additional ranges must contain the same number of rows and columns as
    // criteria_range1" (answer/3256550). Criteria: see criterion().
    case 'COUNTIFS': {
      const ok = matchAll(all(), 0);
      return one(isErr(ok) ? ok : ok.flat().filter(Boolean).length);
    }
    // AVERAGEIFS(average_range, criteria_range1, criterion1, …): "Returns the average of a range
    // depending on multiple criteria" (answer/3256534); the numbers of average_range whose rows match
    // (AVERAGE "ignoring text"); none: #DIV/0!.
    case 'AVERAGEIFS': {
      const gs = all();
      const avg = gs[0]!;
      const ok = matchAll(gs, 1);
      if (isErr(ok)) return one(ok);
      if (avg.length !== ok.length || avg[0]!.length !== ok[0]!.length) return one(new SheetsError('#VALUE!', 'average_range of another size'));
      const ns = avg.flatMap((r, i) => r.filter((v, j): v is number => ok[i]![j]! && typeof v === 'number'));
      return one(ns.length ? ns.reduce((s, n) => s + n, 0) / ns.length : new SheetsError('#DIV/0!'));
    }
    // FILTER(range, condition1, …): "Returns a filtered version of the source range, returning only
    // rows or columns that meet the specified conditions"; conditions are columns "containing true or
    // false values" that "must have exactly the same length as range"; "If FILTER finds no values which
    // satisfy the provided conditions, #N/A will be returned" (answer/3093197). Column conditions only.
    case 'FILTER': {
      const [range, ...conds] = all();
      for (const c of conds) if (c.length !== range!.length || c[0]!.length !== 1) return one(new SheetsError('#VALUE!', 'FILTER has mismatched range sizes'));
      const rows: Grid = [];
      for (let i = 0; i < range!.length; i++) {
        let keep = true;
        for (const c of conds) {
          const t = truth(c[i]![0]!);
          if (isErr(t)) return one(t);
          keep &&= t;
        }
        if (keep) rows.push(range![i]!);
      }
      return rows.length ? rows : one(new SheetsError('#N/A', 'No matches are found in FILTER evaluation.'));
    }
    // SORT(range, sort_column, is_ascending, …): "Sorts the rows of a given array or range by the
    // values in one or more columns"; sort_column "The index of the column in range"; "range is
    // sorted only by the specified columns, other columns are returned in the order they originally
    // appear" (answer/3093150). Blanks last either way (as Sheets shows them).
    case 'SORT': {
      const [range, ...keys] = all();
      // The page's syntax has sort_column and is_ascending without [ OPTIONAL ]: the dashboard always gives them.
      if (keys.length < 2 || keys.length % 2) return one(new SheetsError('#ERROR!', 'SORT needs sort_column and is_ascending pairs'));
      if (range!.length === 1 && isErr(range![0]![0])) return range!;
      const collator = ctx.spreadsheet.assume.sortText === 'locale' ? new Intl.Collator(ctx.spreadsheet.getSpreadsheetLocale().replace('_', '-')) : undefined;
      const order = (x: Scalar, y: Scalar) => (collator && typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : cmp(x, y));
      const specs: { col: number; asc: boolean }[] = [];
      for (let k = 0; k < keys.length; k += 2) specs.push({ col: num(scalarOf(keys[k]!)) as number, asc: truth(scalarOf(keys[k + 1] ?? one(true))) === true });
      return [...range!].sort((a, b) => {
        for (const s of specs) {
          const x = a[s.col - 1]!;
          const y = b[s.col - 1]!;
          if (x === '' || y === '') {
            if (x !== y) return x === '' ? 1 : -1;
            continue;
          }
          const d = order(x, y);
          if (d) return s.asc ? d : -d;
        }
        return 0;
      });
    }
    // UNIQUE(range): "Returns unique rows in the provided source range, discarding duplicates. Rows are
    // returned in the order in which they first appear in the source range" (answer/10522653).
    case 'UNIQUE': {
      const range = arg(0);
      const seen = new Set<string>();
      return range.filter((r) => {
        const k = JSON.stringify(r.map((v) => (isErr(v) ? v.code : v)));
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    // ARRAY_CONSTRAIN(input_range, num_rows, num_cols): "Constrains an array result to a specified
    // size" (answer/3267036).
    case 'ARRAY_CONSTRAIN': {
      const range = arg(0);
      if (range.length === 1 && range[0]!.length === 1) return range;
      const rows = num(scalarOf(arg(1))) as number;
      const cols = num(scalarOf(arg(2))) as number;
      return range.slice(0, rows).map((r) => r.slice(0, cols));
    }
    // VLOOKUP(search_key, range, index, is_sorted): "Vertical lookup. Searches down the first column of
    // a range for a key and returns the value of a specified cell in the row found"; with is_sorted
    // FALSE "an exact match is returned. If there are multiple matching values, the content of the cell
    // corresponding to the first value found is returned, and #N/A is returned if no such value is
    // found"; index out of the range's columns: #VALUE! (answer/3093318). Only is_sorted FALSE here.
    case 'VLOOKUP': {
      const keys = arg(0);
      const range = arg(1);
      const index = num(scalarOf(arg(2))) as number;
      if (truth(scalarOf(arg(3))) !== false) return one(new SheetsError('#ERROR!', 'the evaluator reads VLOOKUP with is_sorted FALSE only'));
      if (range.length === 1 && isErr(range[0]![0])) return one(range[0]![0]!);
      if (index < 1 || index > range[0]!.length) return one(new SheetsError('#VALUE!'));
      const first = new Map<string, Scalar>();
      for (const r of range) {
        const k = typeof r[0] === 'string' ? `s${r[0].toLowerCase()}` : `v${String(r[0])}`;
        if (!first.has(k)) first.set(k, r[index - 1]!);
      }
      return perValue([keys], (key) => {
        if (isErr(key)) return key;
        const found = first.get(typeof key === 'string' ? `s${key.toLowerCase()}` : `v${String(key)}`);
        return found === undefined ? new SheetsError('#N/A', `Did not find value '${text(key)}' in VLOOKUP evaluation.`) : found;
      });
    }
  }
  // Our own functions: arguments as Sheets passes a custom function them (one cell a value, a range a 2-D array).
  const args = node.args.map((a) => {
    const g = evaluateNode(a, ctx, array);
    const plain = g.map((r) => r.map((v) => (isErr(v) ? v.code : v)));
    return plain.length === 1 && plain[0]!.length === 1 ? plain[0]![0] : plain;
  });
  const answer = ctx.custom(node.name, args);
  if (!answer) return one(new SheetsError('#NAME?', `Unknown function: '${node.name}'.`));
  const v = answer.value;
  if (Array.isArray(v)) return (v as unknown[][]).map((r) => r.map(fromCell));
  return one(fromCell(v));
}

/**
 * A formula's result as the fake sheet stores it: one value, or a 2-D array
 * that spills; an error as its code ("#N/A"). A formula the evaluator cannot
 * read throws.
 */
export function evaluateFormula(formula: string, ctx: FormulaContext): unknown {
  const g = evaluateNode(parse(formula), ctx, false);
  const plain = g.map((r) => r.map((v) => (isErr(v) ? v.code : v)));
  return plain.length === 1 && plain[0]!.length === 1 ? plain[0]![0] : plain;
}

/** Tests only: a formula's result with errors kept as SheetsError (their reason readable). */
export function evaluateForTest(formula: string, ctx: FormulaContext): Grid {
  return evaluateNode(parse(formula), ctx, false);
}
