import { letterBands, PASS_MARK } from './data/indicators';
import type { Framework, LabelRule, LetterBand } from './data/types';
import { roundTo } from './round';
import { toolScores, totalOfTools, totalScore, type IndicatorScores, type ToolScores } from './scoring';

/** Letter rating of a total, applied to the total rounded to 2 decimals. */
export function letterFor(total: number, bands: readonly LetterBand[] = letterBands()): string {
  const t = roundTo(total, 2);
  for (const b of bands) if (t >= b.min) return b.letter;
  return bands[bands.length - 1]!.letter;
}

/** Result label (2566 on): the first rule whose total and per-tool floors are met. */
export function labelFor(total: number, tools: ToolScores, rules: readonly LabelRule[]): string {
  const t = roundTo(total, 2);
  const lowestTool = Math.min(roundTo(tools.IIT, 2), roundTo(tools.EIT, 2), roundTo(tools.OIT, 2));
  for (const r of rules) {
    if (t >= r.minTotal && (r.minEachTool === undefined || lowestTool >= r.minEachTool)) return r.label;
  }
  return rules[rules.length - 1]!.label;
}

/** The year's result: the letter through 2565, the label from 2566. */
export function resultFor(scores: IndicatorScores, fw: Framework): string {
  const total = totalScore(scores, fw);
  return fw.rating.kind === 'letters'
    ? letterFor(total, fw.rating.bands)
    : labelFor(total, toolScores(scores, fw), fw.rating.rules);
}

/** The year's result from the three tool scores. */
export function resultOfTools(tools: ToolScores, fw: Framework): string {
  const total = totalOfTools(tools, fw);
  return fw.rating.kind === 'letters' ? letterFor(total, fw.rating.bands) : labelFor(total, tools, fw.rating.rules);
}

/**
 * The year's result from the total alone: the letter through 2565; from 2566
 * the label when the tools cannot change it (below 85 with today's rules),
 * else undefined — the tool scores are needed.
 */
export function resultOfTotal(total: number, fw: Framework): string | undefined {
  if (fw.rating.kind === 'letters') return letterFor(total, fw.rating.bands);
  const best = labelFor(total, { IIT: 100, EIT: 100, OIT: 100 }, fw.rating.rules);
  const worst = labelFor(total, { IIT: 0, EIT: 0, OIT: 0 }, fw.rating.rules);
  return best === worst ? best : undefined;
}

/** Pass test on the total rounded to 2 decimals. */
export function passes(score: number, passMark: number = PASS_MARK): boolean {
  return roundTo(score, 2) >= passMark;
}
