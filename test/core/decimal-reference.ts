// A reference for rounding to decimals, written independently of src/core/round.ts:
// BigInt arithmetic on the decimal value, half away from zero. (BigInt(n), not
// literals: the type-check targets ES2019 like Apps Script's bundle.)

const big = BigInt;

/** A decimal text ("84.995", "1e+21", "5.00000000000000e-7") as M × 10^e. */
function parse(text: string): { m: bigint; e: number } {
  const found = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(text);
  if (!found) throw new Error(`not a decimal: ${text}`);
  const [, int, frac = '', exp = '0'] = found;
  return { m: BigInt(int! + frac), e: Number(exp) - frac.length };
}

/**
 * `x` rounded half away from zero to `decimals` places, as fixed-point text.
 * The decimal value is the shortest text that reads back as `x` (String(x)),
 * or its 15 significant digits (x.toPrecision(15)) when the rounded place lies
 * within them — binary noise is dropped as the ratings drop it.
 */
export function referenceFixed(x: number, decimals: number): string {
  const a = Math.abs(x);
  let { m, e } = parse(String(a));
  const integerDigits = m === big(0) ? 1 : m.toString().length + e;
  if (integerDigits + decimals <= 15) ({ m, e } = parse(a.toPrecision(15)));
  let n: bigint;
  if (e + decimals >= 0) n = m * big(10) ** big(e + decimals);
  else {
    const d = big(10) ** big(-(e + decimals));
    n = m / d + (big(2) * (m % d) >= d ? big(1) : big(0));
  }
  const digits = n.toString().padStart(decimals + 1, '0');
  const text = decimals ? `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}` : digits;
  return x < 0 && n > big(0) ? `-${text}` : text;
}

/** Decimal ties: m followed by a 5 just past `decimals` places, e.g. 1234567890.125 to 2. */
export function tie(m: number, decimals: number, negative: boolean): number {
  return Number(`${negative ? '-' : ''}${m}5e-${decimals + 1}`);
}
