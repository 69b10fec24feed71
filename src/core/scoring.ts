import type { Framework, ToolId } from './data/types';

/** Ten indicator scores, index 0 = indicator 1. */
export type IndicatorScores = readonly number[];

export type ToolScores = Readonly<Record<ToolId, number>>;

/** Mean of the indicators of each tool, at full precision (ITA-METHOD.md §3). */
export function toolScores(scores: IndicatorScores, fw: Framework): ToolScores {
  const sum: Record<ToolId, number> = { IIT: 0, EIT: 0, OIT: 0 };
  const count: Record<ToolId, number> = { IIT: 0, EIT: 0, OIT: 0 };
  for (const ind of fw.indicators) {
    sum[ind.tool] += scores[ind.no - 1]!;
    count[ind.tool] += 1;
  }
  return { IIT: sum.IIT / count.IIT, EIT: sum.EIT / count.EIT, OIT: sum.OIT / count.OIT };
}

/** Σ tool score × weight, at full precision; round only for display. */
export function totalScore(scores: IndicatorScores, fw: Framework): number {
  const tools = toolScores(scores, fw);
  let weighted = 0;
  let weights = 0;
  for (const t of fw.tools) {
    weighted += tools[t.id] * t.weight;
    weights += t.weight;
  }
  return weighted / weights;
}
