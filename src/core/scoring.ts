import type { Framework, ToolId } from './data/types';
import { roundTo } from './round';

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
  return totalOfTools(toolScores(scores, fw), fw);
}

/** The total from the three tool scores (what ITAS shows a unit), at full precision. */
export function totalOfTools(tools: ToolScores, fw: Framework): number {
  let weighted = 0;
  let weights = 0;
  for (const t of fw.tools) {
    weighted += tools[t.id] * t.weight;
    weights += t.weight;
  }
  return weighted / weights;
}

/** IIT and EIT means, and their weighted part of the total, with the weights. */
export interface WithoutOit {
  readonly iit: number;
  readonly eit: number;
  /** Σ weight × tool score over the tools other than OIT. */
  readonly part: number;
  readonly oitWeight: number;
  readonly weights: number;
}

/** The total's part that does not come from the OIT (indicators 9–10 may be missing). */
export function withoutOit(scores: IndicatorScores, fw: Framework): WithoutOit {
  let part = 0;
  let weights = 0;
  let oitWeight = 0;
  const means: Partial<Record<ToolId, number>> = {};
  for (const t of fw.tools) {
    weights += t.weight;
    if (t.id === 'OIT') {
      oitWeight = t.weight;
      continue;
    }
    const own = fw.indicators.filter((i) => i.tool === t.id).map((i) => scores[i.no - 1]!);
    means[t.id] = own.reduce((a, b) => a + b, 0) / own.length;
    part += t.weight * means[t.id]!;
  }
  return { iit: means.IIT ?? 0, eit: means.EIT ?? 0, part, oitWeight, weights };
}

/** The total's part that does not come from the OIT, from the IIT and EIT tool scores. */
export function withoutOitOfTools(tools: Readonly<Record<'IIT' | 'EIT', number>>, fw: Framework): WithoutOit {
  let part = 0;
  let weights = 0;
  let oitWeight = 0;
  for (const t of fw.tools) {
    weights += t.weight;
    if (t.id === 'OIT') oitWeight = t.weight;
    else part += t.weight * tools[t.id];
  }
  return { iit: tools.IIT, eit: tools.EIT, part, oitWeight, weights };
}

/** The total with a given OIT score. */
export function totalWithOit(w: WithoutOit, oit: number): number {
  return (w.part + w.oitWeight * oit) / w.weights;
}

/**
 * The lowest OIT score, to the hundredth, whose total *rounded to 2 decimals*
 * (as every rating and pass test reads it) reaches `goal`: 0 when any will do,
 * null when even 100 is not enough. IIT = EIT = 80, goal 85 → 92.49 (84.996 →
 * 85.00). The one routine for ITA_NEEDED and the sidebar's "ต้องได้ OIT …".
 */
export function lowestOitReaching(w: WithoutOit, goal: number): number | null {
  const reaches = (k: number) => roundTo(totalWithOit(w, k / 100), 2) >= goal;
  if (!reaches(10000)) return null;
  // Start where the exact total is goal − 0.005, then step by hundredths
  // (the total is monotone in the OIT score).
  const guess = Math.ceil((((goal - 0.005) * w.weights - w.part) / w.oitWeight) * 100);
  let k = guess > 0 ? Math.min(guess, 10000) : 0;
  while (k > 0 && reaches(k - 1)) k--;
  while (!reaches(k)) k++;
  return k / 100;
}

