// The needed OIT score, the one routine behind ITA_NEEDED and the sidebar's "ต้องได้ OIT …" (issue 9).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameworkFor } from '../../src/core/framework';
import { passes } from '../../src/core/rating';
import { roundTo } from '../../src/core/round';
import { lowestOitReaching, totalScore, withoutOit } from '../../src/core/scoring';

const score = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 10000 }).map((k) => k / 100));
const target = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10000 }).map((k) => k / 100), fc.double({ min: 0, max: 100, noNaN: true }));
/** The total the ratings read: indicators 9 and 10 both at `oit`, rounded to 2 decimals. */
const rounded = (eight: readonly number[], oit: number, year: number) => roundTo(totalScore([...eight, oit, oit], frameworkFor(year)), 2);

describe('lowestOitReaching', () => {
  it('answers 92.49 for IIT = EIT = 80 and a target of 85, since 84.996 rounds to 85.00', () => {
    const w = withoutOit([80, 80, 80, 80, 80, 80, 80, 80, NaN, NaN], frameworkFor(2568));
    expect(lowestOitReaching(w, 85)).toBe(92.49);
    expect(passes(totalScore([80, 80, 80, 80, 80, 80, 80, 80, 92.49, 92.49], frameworkFor(2568)))).toBe(true);
  });

  it('is the lowest hundredth whose rounded total reaches the target: a reaches it, a − 0.01 does not', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 8, maxLength: 8 }), target, fc.integer({ min: 2562, max: 2568 }), (eight, goal, year) => {
        const a = lowestOitReaching(withoutOit([...eight, NaN, NaN], frameworkFor(year)), goal);
        if (a === null) {
          expect(rounded(eight, 100, year)).toBeLessThan(goal);
          return;
        }
        expect(Math.round(a * 100) / 100).toBe(a);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(100);
        expect(rounded(eight, a, year)).toBeGreaterThanOrEqual(goal);
        if (a > 0) expect(rounded(eight, Math.round(a * 100 - 1) / 100, year)).toBeLessThan(goal);
      }),
      { numRuns: 3000 },
    );
  });
});
