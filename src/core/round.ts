/**
 * Rounds half away from zero to `decimals` places, as a person reading the
 * decimal number would: 84.995 → 85, 94.995 → 95. Binary noise below the
 * 15th significant digit (84.99499999999999) is dropped first.
 */
export function roundTo(x: number, decimals = 2): number {
  if (!isFinite(x)) return x;
  const clean = Number(x.toPrecision(15));
  const sign = clean < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(clean)}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
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
