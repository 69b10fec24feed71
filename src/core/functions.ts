import {
  asGrid,
  cell,
  finish,
  indicatorRows,
  isBlank,
  mapCells,
  parseNumeric,
  readNumber,
  readScore,
  readYear,
  single,
  yearPerRow,
  type Answer,
} from './cells';
import type { Framework, ToolId } from './data/types';
import { inputError, isDate, ItaError, problems } from './errors';
import { frameworkFor, toolId } from './framework';
import { letterFor, passes, resultFor } from './rating';
import { plainText, toFixedText } from './round';
import { toolScores, totalScore } from './scoring';
import { thaiDate, toThaiDigits } from './thai';

// The custom functions, over what Sheets passes them. Rules shared by all:
// a range answers with a same-shape range (row-wise ones: one value per row);
// blank input answers blank; one bad cell of a many-cell answer shows its
// error text there (starting "⚠ ") while the others keep their answers.

/**
 * Runs `f` on each row of ten indicator scores with that row's framework.
 * Answers one value per row (n × 1).
 */
function perRow(
  fn: string,
  indicators: unknown,
  fiscalYear: unknown,
  f: (scores: number[], fw: Framework) => Answer,
): unknown {
  const { rows, cellOf } = indicatorRows(indicators, fn, 'indicators');
  const years = yearPerRow(fiscalYear, rows.length, fn, 'fiscal_year');
  return finish(
    rows.map((row, r) => [
      cell(() => {
        if (row.every(isBlank)) return '';
        const y = years[r]!;
        if (y instanceof ItaError) throw y;
        const scores = row.map((v, i) => {
          if (isBlank(v)) throw inputError({ fn, arg: 'indicators', ...cellOf(r, i) }, problems().blankIndicator());
          return readScore(v, { fn, arg: 'indicators', ...cellOf(r, i) });
        });
        return f(scores, frameworkFor(y));
      }),
    ]),
  );
}

function readTool(tool: unknown, fn: string): ToolId {
  const v = single(tool, { fn, arg: 'tool' });
  const id = typeof v === 'string' ? v.trim().toUpperCase() : '';
  const found = toolId(id);
  if (!found) throw inputError({ fn, arg: 'tool' }, problems().unknownTool(v));
  return found;
}

/** ITA_SCORE: the weighted total at full precision. */
export function ITA_SCORE(indicators: unknown, fiscal_year?: unknown): unknown {
  return perRow('ITA_SCORE', indicators, fiscal_year, totalScore);
}

/** ITA_TOOL_SCORE: the IIT, EIT or OIT tool score. */
export function ITA_TOOL_SCORE(indicators: unknown, tool: unknown, fiscal_year?: unknown): unknown {
  const id = readTool(tool, 'ITA_TOOL_SCORE');
  return perRow('ITA_TOOL_SCORE', indicators, fiscal_year, (s, fw) => toolScores(s, fw)[id]);
}

/** ITA_LABEL: the year's result, label from 2566, letter before. */
export function ITA_LABEL(indicators: unknown, fiscal_year?: unknown): unknown {
  return perRow('ITA_LABEL', indicators, fiscal_year, resultFor);
}

/** ITA_GRADE: AA–F for the score rounded to 2 decimals. */
export function ITA_GRADE(score: unknown): unknown {
  return mapCells(score, 'ITA_GRADE', 'score', (v, where) => letterFor(readScore(v, where)));
}

/** ITA_PASS: TRUE when the score rounded to 2 decimals reaches the pass mark. */
export function ITA_PASS(score: unknown, pass_mark?: unknown): unknown {
  const markCell = single(pass_mark, { fn: 'ITA_PASS', arg: 'pass_mark' });
  const mark = isBlank(markCell) ? undefined : readScore(markCell, { fn: 'ITA_PASS', arg: 'pass_mark' });
  return mapCells(score, 'ITA_PASS', 'score', (v, where) => passes(readScore(v, where), mark));
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
  let sum = 0;
  let total = 0;
  let any = false;
  for (let i = 0; i < vr; i++) {
    for (let j = 0; j < vc; j++) {
      const v = vg[i]![j];
      if (isBlank(v)) continue;
      const at = isRange ? { row: i + 1, col: j + 1 } : {};
      const x = readScore(v, { fn, arg: 'values', ...at });
      const wv = wg[i]![j];
      if (isBlank(wv)) throw inputError({ fn, arg: 'weights', ...at }, problems().missingWeight());
      const w = readNumber(wv, { fn, arg: 'weights', ...at }, -Infinity, Infinity);
      if (w < 0) throw inputError({ fn, arg: 'weights', ...at }, problems().negativeWeight(w));
      sum += x * w;
      total += w;
      any = true;
    }
  }
  if (!any) return '';
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
  return mapCells(value, fn, 'value', (v, where) => {
    if (typeof v === 'number') {
      if (!isFinite(v)) throw inputError(where, problems().notNumber(v));
      return toThaiDigits(places === undefined ? plainText(v) : toFixedText(v, places));
    }
    if (isDate(v)) return thaiDate(v);
    if (typeof v === 'string') {
      const n = places === undefined ? undefined : parseNumeric(v);
      return toThaiDigits(n === undefined ? v : toFixedText(n, places!));
    }
    throw inputError(where, problems().notText(v));
  });
}

/** ITA_INDICATOR_NAME: the Thai name of indicator 1–10. */
export function ITA_INDICATOR_NAME(number: unknown, fiscal_year?: unknown): unknown {
  const fn = 'ITA_INDICATOR_NAME';
  const fw = frameworkFor(readYear(single(fiscal_year, { fn, arg: 'fiscal_year' }), { fn, arg: 'fiscal_year' }));
  return mapCells(number, fn, 'number', (v, where) => {
    const n = parseNumeric(v);
    const ind = n === undefined ? undefined : fw.indicators.find((i) => i.no === n);
    if (!ind) throw inputError(where, problems().indicatorNumber(v));
    return ind.name;
  });
}
