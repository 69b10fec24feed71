import {
  asGrid,
  attempt,
  finish,
  indicatorRows,
  isBlank,
  mapCells,
  parseNumeric,
  parseScoreCell,
  passOn,
  readNumber,
  readScore,
  readYear,
  single,
  yearPerRow,
  yearsPerRow,
  isBlankYear,
  type Answer,
} from './cells';
import type { Framework, ToolId } from './data/types';
import { at, fail, inputError, isDate, isItaError, itaError, locate, problems } from './errors';
import { defaultYear, frameworkFor, rulesNote, toolId } from './framework';
import { indicatorOfSub, oitScores, readMet, type OitItem } from './oit';
import { letterFor, passes, resultFor, resultOfTools, resultOfTotal } from './rating';
import { plainText, toFixedText } from './round';
import { lowestOitReaching, toolScores, totalOfTools, totalScore, totalWithOit, withoutOit, withoutOitOfTools, type ToolScores } from './scoring';
import { thaiDate, toThaiDigits } from './thai';

// The custom functions, over what Sheets passes them. Rules shared by all:
// a range answers with a same-shape range (row-wise ones: one value per row);
// blank input answers blank; one bad cell of a many-cell answer shows its
// error text there (starting "⚠ ") while the others keep their answers.

/** One row of the scores argument, read: ten indicator scores, three tool scores, or a total. */
type ScoreRow =
  | { readonly width: 10; readonly scores: number[] }
  | { readonly width: 3; readonly tools: ToolScores }
  | { readonly width: 1; readonly total: number };

interface Accept {
  readonly tools?: boolean;
  /** 13 columns: indicators 1–10, then IIT, EIT, OIT (the units sheet's layout). */
  readonly wide?: boolean;
  readonly totals?: boolean;
  /** Cells (0-based) that may be blank, by the row's width: the others must be there. */
  readonly optional?: (i: number, width: 10 | 3 | 1) => boolean;
}

/**
 * Runs `f` on each row of scores with that row's framework. Answers one value
 * per row (n × 1).
 */
function perRow(fn: string, indicators: unknown, fiscalYear: unknown, f: (row: ScoreRow, fw: Framework) => Answer, accept: Accept = {}): unknown {
  const { rows, cellOf, width } = indicatorRows(indicators, fn, 'indicators', { ...accept, rowsAreUnits: yearsPerRow(fiscalYear) });
  const years = yearPerRow(fiscalYear, rows.length, fn, 'fiscal_year');
  const out: Answer[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const y = years[r]!;
    if (row.every(isBlank)) out.push(['']);
    else if (isBlankYear(y)) out.push([y.blankYear()]);
    else if (isItaError(y)) out.push([y]);
    else out.push([attemptRow(fn, row, width, r, cellOf, (read) => f(read, frameworkFor(y)), accept.optional)]);
  }
  return finish(out);
}

/** Reads one row of scores (fast path for plain numbers) and runs `f`, or answers the row's error. */
function attemptRow(
  fn: string,
  row: readonly unknown[],
  width: 10 | 3 | 1 | 13,
  r: number,
  cellOf: (r: number, i: number) => { row: number; col: number },
  f: (row: ScoreRow) => Answer,
  optional?: (i: number, width: 10 | 3 | 1) => boolean,
): Answer {
  if (width === 13) return attemptWideRow(fn, row, r, cellOf, f);
  const scores = new Array<number>(width);
  for (let i = 0; i < width; i++) {
    const v = row[i];
    const read = typeof v === 'number' && v >= 0 && v <= 100 ? v : parseScoreCell(v);
    if (typeof read === 'number') scores[i] = read;
    else if (read === undefined && optional?.(i, width)) scores[i] = NaN; // not needed
    else return locate(read ?? itaError(width === 3 ? problems().blankTool() : problems().blankIndicator(), false), { fn, arg: 'indicators', ...cellOf(r, i) });
  }
  const read: ScoreRow = width === 10 ? { width, scores } : width === 3 ? { width, tools: { IIT: scores[0]!, EIT: scores[1]!, OIT: scores[2]! } } : { width, total: scores[0]! };
  // What the row cannot answer (a total that cannot decide a label) is that row's error, named at its first cell.
  return attempt(() => f(read), { fn, arg: 'indicators', ...cellOf(r, 0) });
}

/**
 * A row of the units sheet: indicators 1–10 then IIT, EIT, OIT. A cell that
 * cannot be read is the row's error wherever it is (a typo is never passed
 * over for the other part); then the ten indicators when all ten are there,
 * else the three tool scores when those are; else the blank cell of the part
 * begun (the indicators when any is there) is the error.
 */
function attemptWideRow(fn: string, row: readonly unknown[], r: number, cellOf: (r: number, i: number) => { row: number; col: number }, f: (row: ScoreRow) => Answer): Answer {
  for (let i = 0; i < 13; i++) {
    const v = row[i];
    if (typeof v === 'number' && v >= 0 && v <= 100) continue;
    const read = parseScoreCell(v);
    if (isItaError(read)) return locate(read, { fn, arg: 'indicators', ...cellOf(r, i) });
  }
  const ten = row.slice(0, 10);
  const three = row.slice(10, 13);
  const toolsAt = (rr: number, i: number) => cellOf(rr, i + 10);
  const full = (cells: readonly unknown[]) => cells.every((v) => !isBlank(v));
  if (full(ten)) return attemptRow(fn, ten, 10, r, cellOf, f);
  if (full(three) || ten.every(isBlank)) return attemptRow(fn, three, 3, r, toolsAt, f);
  return attemptRow(fn, ten, 10, r, cellOf, f);
}

/** The total of a row of indicator or tool scores. */
const totalOf = (row: ScoreRow, fw: Framework): number =>
  row.width === 10 ? totalScore(row.scores, fw) : row.width === 3 ? totalOfTools(row.tools, fw) : row.total;

function readTool(tool: unknown, fn: string): ToolId {
  const where = { fn, arg: 'tool' };
  const v = single(tool, where);
  const found = toolId(typeof v === 'string' ? v.trim().toUpperCase() : '');
  if (!found) throw inputError(where, problems().unknownTool(v));
  return found;
}

/** ITA_SCORE: the weighted total at full precision. */
export function ITA_SCORE(indicators: unknown, fiscal_year?: unknown): unknown {
  return perRow('ITA_SCORE', indicators, fiscal_year, totalOf, { tools: true, wide: true });
}

/** ITA_TOOL_SCORE: the IIT, EIT or OIT tool score. */
export function ITA_TOOL_SCORE(indicators: unknown, tool: unknown, fiscal_year?: unknown): unknown {
  const id = readTool(tool, 'ITA_TOOL_SCORE');
  return perRow(
    'ITA_TOOL_SCORE',
    indicators,
    fiscal_year,
    (row, fw) => (row.width === 3 ? row.tools[id] : toolScores((row as { scores: number[] }).scores, fw)[id]),
    { wide: true },
  );
}

/** ITA_LABEL: the year's result, label from 2566, letter before; from ten indicators, three tool scores, or a total where it decides. */
export function ITA_LABEL(indicators: unknown, fiscal_year?: unknown): unknown {
  return perRow(
    'ITA_LABEL',
    indicators,
    fiscal_year,
    (row, fw) => {
      if (row.width === 10) return resultFor(row.scores, fw);
      if (row.width === 3) return resultOfTools(row.tools, fw);
      return resultOfTotal(row.total, fw) ?? fail(problems().labelNeedsTools(toFixedText(row.total, 2), fw.year));
    },
    { tools: true, totals: true, wide: true },
  );
}

/** ITA_GRADE: AA–F for the score rounded to 2 decimals. */
export function ITA_GRADE(score: unknown): unknown {
  // One cell holding a plain score, the common =ITA_GRADE(L2): answer at once.
  if (typeof score === 'number' && score >= 0 && score <= 100) return letterFor(score);
  return mapCells(score, 'ITA_GRADE', 'score', (v) => letterFor(readScore(v)));
}

/** ITA_PASS: TRUE when the score rounded to 2 decimals reaches the pass mark. */
export function ITA_PASS(score: unknown, pass_mark?: unknown): unknown {
  const where = { fn: 'ITA_PASS', arg: 'pass_mark' };
  const markCell = single(pass_mark, where);
  const mark = isBlank(markCell) ? undefined : at(where, () => readScore(markCell));
  return mapCells(score, 'ITA_PASS', 'score', (v) => passes(readScore(v), mark));
}

/** ITA_WEIGHTED: Σ value × weight / Σ weight over the non-blank values. */
export function ITA_WEIGHTED(values: unknown, weights: unknown): unknown {
  const fn = 'ITA_WEIGHTED';
  const vg = asGrid(values);
  const wg = asGrid(weights);
  const vr = vg.length;
  const vc = vg[0]!.length;
  if (wg.length !== vr || wg.some((r) => r.length !== vc)) {
    throw inputError({ fn, arg: 'weights' }, problems().sameShape(vr, vc, wg.length, wg[0]!.length));
  }
  const isRange = Array.isArray(values);
  const pairs: number[] = [];
  let most = 0;
  for (let i = 0; i < vr; i++) {
    for (let j = 0; j < vc; j++) {
      const v = vg[i]![j];
      // An error text of another ITA function is passed on from either argument, even beside a blank value.
      passOn(wg[i]![j]);
      if (isBlank(v)) continue;
      const cellAt = isRange ? { row: i + 1, col: j + 1 } : {};
      const x = at({ fn, arg: 'values', ...cellAt }, () => readScore(v));
      const wv = wg[i]![j];
      const w = at({ fn, arg: 'weights', ...cellAt }, () => {
        if (isBlank(wv)) fail(problems().missingWeight());
        const n = readNumber(wv, -Infinity, Infinity);
        return n < 0 ? fail(problems().negativeWeight(n)) : n;
      });
      pairs.push(x, w);
      if (w > most) most = w;
    }
  }
  if (!pairs.length) return '';
  // Weights scaled by a power of two near the largest (exact): no Σ overflows
  // to Infinity (1e308 × 2) or sinks into subnormals (5e-324 × 80).
  const scale = 2 ** -Math.max(-1023, Math.min(1023, Math.round(Math.log2(most))));
  let sum = 0;
  let total = 0;
  for (let k = 0; k < pairs.length; k += 2) {
    const w = pairs[k + 1]! * scale;
    sum += pairs[k]! * w;
    total += w;
  }
  if (total === 0) throw inputError({ fn, arg: 'weights' }, problems().zeroWeights());
  return sum / total;
}

/** ITA_THAI_DIGITS: a number, text or date as text in Thai digits. */
export function ITA_THAI_DIGITS(value: unknown, decimals?: unknown): unknown {
  const fn = 'ITA_THAI_DIGITS';
  const d = single(decimals, { fn, arg: 'decimals' });
  let places: number | undefined;
  if (!isBlank(d)) {
    const n = parseNumeric(d);
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > 10) throw inputError({ fn, arg: 'decimals' }, problems().decimals(d));
    places = n;
  }
  return mapCells(value, fn, 'value', (v) => {
    if (typeof v === 'number') {
      if (!isFinite(v)) fail(problems().notNumber(v));
      return toThaiDigits(places === undefined ? plainText(v) : toFixedText(v, places));
    }
    if (isDate(v)) return thaiDate(v);
    if (typeof v === 'string') {
      const n = places === undefined ? undefined : parseNumeric(v);
      return toThaiDigits(n === undefined ? v : toFixedText(n, places!));
    }
    return fail(problems().notText(v));
  });
}

/** ITA_INDICATOR_NAME: the Thai name of indicator 1–10. */
export function ITA_INDICATOR_NAME(number: unknown, fiscal_year?: unknown): unknown {
  const fn = 'ITA_INDICATOR_NAME';
  const where = { fn, arg: 'fiscal_year' };
  const fw = frameworkFor(at(where, () => readYear(single(fiscal_year, where))));
  return mapCells(number, fn, 'number', (v) => {
    const n = parseNumeric(v);
    const ind = n === undefined ? undefined : fw.indicators.find((i) => i.no === n);
    return ind ? ind.name : fail(problems().indicatorNumber(v));
  });
}

/**
 * ITA_RULES: how sure the year's rules are — "" when weights and result rule
 * are published or checked, the parts only inferred, or that the year is
 * provisional (nothing published yet; the rules of the latest known year).
 */
export function ITA_RULES(fiscal_year: unknown): unknown {
  const fn = 'ITA_RULES';
  return mapCells(fiscal_year, fn, 'fiscal_year', (v) => {
    if (isBlank(v)) return '';
    const note = rulesNote(frameworkFor(readYear(v)));
    return note ? `${note.th} | ${note.en}` : '';
  });
}

/**
 * ITA_VALUE: each cell as the score ITA_SCORE reads from it (Thai digits, text
 * of a number, spaces around), so that Sheets' own functions (AVERAGEIFS, which
 * passes text by) count what ITA_SCORE counts; blank stays blank.
 */
export function ITA_VALUE(values: unknown): unknown {
  return mapCells(values, 'ITA_VALUE', 'values', readScore);
}

/**
 * ITA_YEAR: each cell as the Buddhist-Era fiscal year ITA_SCORE reads from it
 * (Thai digits, a Common-Era year converted); blank stays blank.
 */
export function ITA_YEAR(fiscal_year: unknown): unknown {
  return mapCells(fiscal_year, 'ITA_YEAR', 'fiscal_year', readYear);
}

/** Items of a checklist: sub-indicator codes and states, two ranges of one shape. */
function readChecklist(fn: string, subIndicators: unknown, met: unknown): OitItem[] {
  const sg = asGrid(subIndicators);
  const mg = asGrid(met);
  if (mg.length !== sg.length || mg.some((r, i) => r.length !== sg[i]!.length)) {
    throw inputError({ fn, arg: 'met' }, problems().sameShape(sg.length, sg[0]!.length, mg.length, mg[0]!.length, 'sub_indicators'));
  }
  const isRange = Array.isArray(subIndicators);
  const items: OitItem[] = [];
  sg.forEach((row, i) =>
    row.forEach((cell, j) => {
      const sub = passOn(cell);
      const m = passOn(mg[i]![j]);
      const cellAt = isRange ? { row: i + 1, col: j + 1 } : {};
      if (isBlank(sub) && isBlank(m)) return;
      if (isBlank(sub)) throw inputError({ fn, arg: 'sub_indicators', ...cellAt }, problems().pairBlank());
      if (indicatorOfSub(String(sub)) === undefined) throw inputError({ fn, arg: 'sub_indicators', ...cellAt }, problems().subIndicator(sub));
      const state = isBlank(m) ? false : readMet(m);
      if (state === undefined) throw inputError({ fn, arg: 'met', ...cellAt }, problems().met(m));
      items.push({ sub: String(sub), met: state });
    }),
  );
  return items;
}

/** ITA_OIT: indicator 9, indicator 10 and the OIT tool score from a checklist. */
export function ITA_OIT(sub_indicators: unknown, met: unknown): unknown {
  const s = oitScores(readChecklist('ITA_OIT', sub_indicators, met));
  return [[s.ind9 ?? '', s.ind10 ?? '', s.oit ?? '']];
}

/** Only the IIT and EIT parts are needed: indicators 1–8 (9–10 may be blank), or the IIT and EIT tool scores. */
const iitEitOnly = (fw: Framework) => (i: number, width: 10 | 3 | 1) => (width === 10 ? fw.indicators[i]?.tool === 'OIT' : i === 2);
const withoutOitOf = (row: ScoreRow, fw: Framework) => (row.width === 3 ? withoutOitOfTools(row.tools, fw) : withoutOit((row as { scores: number[] }).scores, fw));

/** ITA_NEEDED: the lowest OIT tool score, to the hundredth, whose total rounded to 2 decimals reaches `target`. */
export function ITA_NEEDED(indicators: unknown, target?: unknown, fiscal_year?: unknown): unknown {
  const fn = 'ITA_NEEDED';
  const t = single(target, { fn, arg: 'target' });
  const goal = isBlank(t) ? 85 : at({ fn, arg: 'target' }, () => readScore(t));
  return perRow(
    fn,
    indicators,
    fiscal_year,
    (row, fw) => {
      const w = withoutOitOf(row, fw);
      const needed = lowestOitReaching(w, goal);
      if (needed !== null) return needed;
      const best = toFixedText(totalWithOit(w, 100), 2);
      return `ไม่ถึง ${goal}: แม้ OIT ได้ 100 คะแนนรวมสูงสุด ${best} | short of ${goal}: at most ${best} with OIT 100`;
    },
    { tools: true, optional: iitEitOnly(frameworkFor(defaultYear())) },
  );
}

/** ITA_PROJECT: the total when the OIT part comes from the checklist. */
export function ITA_PROJECT(indicators: unknown, sub_indicators: unknown, met: unknown, fiscal_year?: unknown): unknown {
  const fn = 'ITA_PROJECT';
  const s = oitScores(readChecklist(fn, sub_indicators, met));
  for (const [n, score] of [[9, s.ind9], [10, s.ind10]] as const) {
    if (score === undefined) throw inputError({ fn, arg: 'sub_indicators' }, problems().missingIndicator(n));
  }
  return perRow(
    fn,
    indicators,
    fiscal_year,
    (row, fw) => totalWithOit(withoutOitOf(row, fw), s.oit!),
    { tools: true, optional: iitEitOnly(frameworkFor(defaultYear())) },
  );
}
