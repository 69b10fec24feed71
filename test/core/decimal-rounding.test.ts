// Rounding to decimals on the decimal value, for every finite double (issue 9).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, roundTo, toFixedText } from '../../src/core/round';
import { referenceFixed, tie } from './decimal-reference';

const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const decimals = fc.integer({ min: 0, max: 10 });
/** Exact decimal ties at every magnitude, beyond 8.6e9 × 10^decimals too. */
const ties = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 2 ** 53 - 1 })), decimals, fc.boolean())
  .map(([m, d, neg]) => [tie(m, d, neg), d] as const);

describe('fixed-point text of any finite double', () => {
  it('rounds half away from zero on the decimal value exactly as a BigInt reference does, to 0–10 decimals', () => {
    fc.assert(
      fc.property(anyDouble, decimals, (x, d) => {
        expect(toFixedText(x, d)).toBe(referenceFixed(x, d));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds decimal ties away from zero at every magnitude, also once value × 10^decimals passes 8.6e9', () => {
    fc.assert(
      fc.property(ties, ([x, d]) => {
        expect(toFixedText(x, d)).toBe(referenceFixed(x, d));
        expect(roundTo(x, d) + 0).toBe(Number(referenceFixed(x, d)) + 0);
      }),
      { numRuns: 5000 },
    );
    expect(roundTo(591107371.675, 2)).toBe(591107371.68); // × 100 = 59110737167.49999 in binary
    expect(toFixedText(5354938298.105, 2)).toBe('5354938298.11');
    expect(roundTo(33666428.4765, 3)).toBe(33666428.477);
  });

  it('never writes NaN or an exponent: 0.0000005 to 6 places, 1e19 to 2, 1e21, 5e-324', () => {
    expect(toFixedText(0.0000005, 6)).toBe('0.000001');
    expect(toFixedText(1e19, 2)).toBe('10000000000000000000.00');
    expect(toFixedText(1e21, 0)).toBe('1000000000000000000000');
    expect(toFixedText(-Number.MAX_VALUE, 0)).toBe(`-17976931348623157${'0'.repeat(292)}`);
    expect(toFixedText(5e-324, 10)).toBe('0.0000000000');
    expect(plainText(1e21)).toBe('1000000000000000000000');
    expect(plainText(12345678901234568)).toBe('12345678901234568');
    expect(plainText(-1.5e-7)).toBe('-0.00000015');
    expect(plainText(0.1 + 0.2)).toBe('0.3');
  });

  it('gives the number roundTo gives, for every finite double', () => {
    fc.assert(
      fc.property(fc.oneof(anyDouble, fc.double({ min: -1e13, max: 1e13, noNaN: true })), decimals, (x, d) => {
        expect(roundTo(x, d) + 0).toBe(Number(toFixedText(x, d)) + 0); // -0 and 0 alike
      }),
      { numRuns: 5000 },
    );
  });

  it('writes plain text that reads back as the number, to 15 significant digits below 10^15', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const text = plainText(x);
        expect(text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        const a = Math.abs(x);
        expect(Number(text)).toBe(a < 1e15 ? Number(x.toPrecision(15)) || 0 : x);
      }),
      { numRuns: 5000 },
    );
  });
});
