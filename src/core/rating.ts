import { letterBands, PASS_MARK } from './data/indicators';
import type { Framework, LabelRule, LetterBand } from './data/types';
import { roundTo } from './round';
import { toolScores, totalScore, type IndicatorScores, type ToolScores } from './scoring';

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

/** Pass test on the total rounded to 2 decimals. */
export function passes(score: number, passMark: number = PASS_MARK): boolean {
  return roundTo(score, 2) >= passMark;
}
