import { defaultIndicators, defaultTools, labelRules, letterBands, PASS_MARK } from './indicators';
import type { Framework, Provenance } from './types';

/**
 * The framework of every supported fiscal year (Buddhist Era), oldest first.
 * Built on first use. Weights are checked for 2565 and 2568 (seeds 000, 001,
 * 003) and carried to the other years; labels from 2566 are inferred.
 */
export function buildFrameworks(): readonly Framework[] {
  const indicators = defaultIndicators();
  const tools = defaultTools();
  const letters = { kind: 'letters', bands: letterBands() } as const;
  const labels = { kind: 'labels', rules: labelRules() } as const;
  const year = (y: number, rating: Framework['rating'], weights: Provenance, ratingFrom: Provenance): Framework => ({
    year: y,
    indicators,
    tools,
    rating,
    passMark: PASS_MARK,
    provenance: { weights, rating: ratingFrom },
  });
  return [
    year(2562, letters, 'inferred', 'seed'),
    year(2563, letters, 'inferred', 'seed'),
    year(2564, letters, 'inferred', 'seed'),
    year(2565, letters, 'checked', 'seed'),
    year(2566, labels, 'inferred', 'inferred'),
    year(2567, labels, 'inferred', 'inferred'),
    year(2568, labels, 'checked', 'inferred'),
  ];
}
