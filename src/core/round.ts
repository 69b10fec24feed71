/**
 * Rounds half away from zero to `decimals` places, as a person reading the
 * decimal number would: 84.995 → 85, 94.995 → 95. Binary noise below the
 * 15th significant digit (84.99499999999999) is dropped first.
 */
export function roundTo(x: number, decimals = 2): number {
  if (x - x !== 0) return x; // NaN or ±Infinity
  const scale = 10 ** decimals;
  const n = (x < 0 ? -x : x) * scale;
  const frac = n % 1;
  // Far from a tie, binary arithmetic gives the same answer as decimal
  // (plain operators only: this runs for every cell).
  if ((frac < 0.5 - 1e-6 || frac > 0.5 + 1e-6) && n < 1e12) return ((x < 0 ? -1 : 1) * (n - frac + (frac > 0.5 ? 1 : 0))) / scale;
  const clean = Number(Math.abs(x).toPrecision(15));
  const shifted = Math.round(Number(`${clean}e${decimals}`));
  return (x < 0 ? -1 : 1) * Number(`${shifted}e-${decimals}`);
}

/** Fixed-point text of a number after `roundTo`, never in exponent form. */
export function toFixedText(x: number, decimals: number): string {
  return roundTo(x, decimals).toFixed(decimals);
}

/** Shortest plain text of a number (no exponent for ordinary scores). */
export function plainText(x: number): string {
  const s = String(Number(x.toPrecision(15)));
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, '');
}
