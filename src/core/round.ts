// Rounding and writing numbers as people read them: on the decimal value, by
// decimal-string arithmetic, never through a product that can overflow or an
// exponent that text cannot show.

/**
 * A finite, non-negative `a` as decimal digits and the place of the point:
 * a = 0.DIGITS × 10^point (leading zeros allowed). `sig15`: a's 15 significant
 * digits (binary noise such as 84.99499999999999 → 84.995); otherwise the
 * shortest text that reads back as `a`.
 */
function decimalOf(a: number, sig15: boolean): [string, number] {
  const [m, e] = (sig15 ? a.toPrecision(15) : String(a)).split('e');
  const [i, f = ''] = m!.split('.');
  return [i! + f, i!.length + (Number(e) || 0)];
}

/** Plain text of 0.DIGITS × 10^point rounded half up to `decimals` places, with the sign of `x`. */
function written(x: number, digits: string, point: number, decimals: number): string {
  // Zeros in front (one at least, for a carry) and behind, so every place exists.
  const pad = point < 1 ? 2 - point : 1;
  digits = '0'.repeat(pad) + digits;
  const keep = pad + point + decimals;
  let kept = digits.slice(0, keep).padEnd(keep, '0');
  // The first digit dropped is 5 or more: at least half a unit, so away from
  // zero. The last digit that is not a 9 goes up, the 9s after it become 0s
  // ("01299" → "01300"); the leading zero makes one always there.
  if (digits[keep]! >= '5') kept = kept.replace(/\d9*$/, (r) => String(Number(r[0]) + 1) + '0'.repeat(r.length - 1));
  const whole = kept.slice(0, keep - decimals).replace(/^0+(?=\d)/, '');
  const text = decimals ? `${whole}.${kept.slice(keep - decimals)}` : whole;
  return x < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * `x` (finite) rounded half away from zero to `decimals` places, as fixed-point
 * text (never an exponent): 84.995 → "85.00", 1e21 → "1000000000000000000000.00".
 * Rounded on the decimal value, the shortest text that reads back as `x`; when
 * the place rounded at lies within the first 15 significant digits, on those 15
 * digits (binary noise dropped first, as `roundTo` and so every rating does).
 */
export function toFixedText(x: number, decimals: number): string {
  const a = x < 0 ? -x : x;
  let [digits, point] = decimalOf(a, false);
  if (point - digits.search(/[1-9]/) + decimals <= 15) [digits, point] = decimalOf(a, true);
  return written(x, digits, point, decimals);
}

/**
 * Rounds half away from zero to `decimals` places, as a person reading the
 * decimal number would: 84.995 → 85, 94.995 → 95. Binary noise below the
 * 15th significant digit (84.99499999999999) is dropped first. The same
 * decimal value as `toFixedText`.
 */
export function roundTo(x: number, decimals = 2): number {
  if (x - x !== 0) return x; // NaN or ±Infinity
  const scale = 10 ** decimals;
  const n = (x < 0 ? -x : x) * scale;
  const frac = n % 1;
  // Far from a tie (beyond the error of n and of 15 digits, < 6e-15 × n),
  // binary arithmetic gives the same answer as decimal (plain operators only:
  // this runs for every cell).
  if (n < 1e12 && (frac < 0.5 ? 0.5 - frac : frac - 0.5) > n * 1e-14) return ((x < 0 ? -1 : 1) * (n - frac + (frac > 0.5 ? 1 : 0))) / scale;
  return Number(toFixedText(x, decimals));
}

/**
 * Plain text of a number, never in exponent form: 15 significant digits
 * below 10^15 (87.98539999999998 → "87.9854"), every digit of the shortest
 * text above (integers stay exact).
 */
export function plainText(x: number): string {
  const a = x < 0 ? -x : x;
  const [digits, point] = decimalOf(a, a < 1e15);
  return written(x, digits, point, Math.max(0, digits.length - point)).replace(/\.0*$|(\.\d*?)0+$/, '$1');
}
