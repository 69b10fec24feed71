import type { Framework, ToolId } from './data/types';

/** Ten indicator scores, index 0 = indicator 1. */
export type IndicatorScores = readonly number[];

export type ToolScores = Readonly<Record<ToolId, number>>;

/** Mean of the indicators of each tool, at full precision (ITA-METHOD.md §3). */
export function toolScores(scores: IndicatorScores, fw: Framework): ToolScores {
  let iit = 0;
  let eit = 0;
  let oit = 0;
  let ni = 0;
  let ne = 0;
  let no = 0;
  for (const ind of fw.indicators) {
    const s = scores[ind.no - 1]!;
    if (ind.tool === 'IIT') {
      iit += s;
      ni++;
    } else if (ind.tool === 'EIT') {
      eit += s;
      ne++;
    } else {
      oit += s;
      no++;
    }
  }
  return { IIT: iit / ni, EIT: eit / ne, OIT: oit / no };
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
