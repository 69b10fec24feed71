import { defaultIndicators, defaultTools, labelRules, letterBands, PASS_MARK } from './indicators';
import type { Framework, Provenance } from './types';

/**
 * The framework of every fiscal year known (Buddhist Era), oldest first.
 * Built on first use. Weights are checked for 2565 and 2568 (seeds 000, 001,
 * 003) and carried to the other years; labels from 2566 are inferred. 2569
 * scores as 2568 (ITA-METHOD.md §5: no source suggests a change); 2570 has
 * nothing published yet, so it is 2569's, provisional. A later year is the
 * latest one's, provisional too (src/core/framework.ts).
 */
export function buildFrameworks(): readonly Framework[] {
  const indicators = defaultIndicators();
  const tools = defaultTools();
  const letters = { kind: 'letters', bands: letterBands() } as const;
  const labels = { kind: 'labels', rules: labelRules() } as const;
  const year = (y: number, rating: Framework['rating'], weights: Provenance, ratingFrom: Provenance, basedOn?: number): Framework => ({
    year: y,
    indicators,
    tools,
    rating,
    passMark: PASS_MARK,
    provenance: { weights, rating: ratingFrom },
    ...(basedOn === undefined ? {} : { provisional: { basedOn } }),
  });
  return [
    year(2562, letters, 'inferred', 'seed'),
    year(2563, letters, 'inferred', 'seed'),
    year(2564, letters, 'inferred', 'seed'),
    year(2565, letters, 'checked', 'seed'),
    year(2566, labels, 'inferred', 'inferred'),
    year(2567, labels, 'inferred', 'inferred'),
    year(2568, labels, 'checked', 'inferred'),
    year(2569, labels, 'inferred', 'inferred'),
    year(2570, labels, 'inferred', 'inferred', 2569),
  ];
}
