import { INDICATORS, LABEL_RULES, LETTER_BANDS, PASS_MARK, TOOLS } from './indicators';
import { oit2563, oit2566, oit2568Partial } from './oit';
import type { Framework, OitList, Provenance } from './types';

const letters = { kind: 'letters', bands: LETTER_BANDS } as const;
const labels = { kind: 'labels', rules: LABEL_RULES } as const;

function year(
  y: number,
  rating: Framework['rating'],
  weights: Provenance,
  ratingFrom: Provenance,
  oit?: OitList,
): Framework {
  return {
    year: y,
    indicators: INDICATORS,
    tools: TOOLS,
    rating,
    passMark: PASS_MARK,
    ...(oit ? { oit } : {}),
    provenance: { weights, rating: ratingFrom },
  };
}

/**
 * The framework of every supported fiscal year (Buddhist Era), oldest first.
 * Built on first use. Weights are checked for 2565 and 2568 (seeds 000, 001,
 * 003) and carried to the other years; labels from 2566 are inferred.
 */
export function buildFrameworks(): readonly Framework[] {
  return [
    year(2562, letters, 'inferred', 'seed'),
    year(2563, letters, 'inferred', 'seed', oit2563()),
    year(2564, letters, 'inferred', 'seed', oit2563()),
    year(2565, letters, 'checked', 'seed', oit2563()),
    year(2566, labels, 'inferred', 'inferred', oit2566()),
    year(2567, labels, 'inferred', 'inferred'),
    year(2568, labels, 'checked', 'inferred', oit2568Partial()),
  ];
}
