// The OIT part of the score from a checklist (ITA-METHOD.md §3, §5): an item
// met scores 100, not met 0; a sub-indicator is the mean of its items, an
// indicator the mean of its sub-indicators, the OIT tool the mean of
// indicators 9 and 10.
import { fromThaiDigits } from './thai';

export interface OitItem {
  /** Sub-indicator code, e.g. "9.1" or "10.2"; its indicator is the part before the dot. */
  readonly sub: string;
  readonly met: boolean;
}

export interface OitScores {
  /** Sub-indicator scores by code. */
  readonly subs: ReadonlyMap<string, number>;
  /** Indicator 9 and 10, undefined when the checklist has no item for it. */
  readonly ind9: number | undefined;
  readonly ind10: number | undefined;
  /** The OIT tool score, when both indicators have items. */
  readonly oit: number | undefined;
}

/** The indicator (9 or 10) of a sub-indicator code, or undefined. */
export function indicatorOfSub(code: string): 9 | 10 | undefined {
  const m = /^\s*(9|10)(\.\d+)?\s*$/.exec(fromThaiDigits(code));
  return m ? (Number(m[1]) as 9 | 10) : undefined;
}

export function oitScores(items: readonly OitItem[]): OitScores {
  const bySub = new Map<string, { met: number; all: number }>();
  for (const it of items) {
    const key = fromThaiDigits(it.sub).trim();
    const s = bySub.get(key) ?? { met: 0, all: 0 };
    s.all += 1;
    if (it.met) s.met += 1;
    bySub.set(key, s);
  }
  const subs = new Map([...bySub].map(([k, v]) => [k, (100 * v.met) / v.all]));
  const indicator = (n: 9 | 10) => {
    const scores = [...subs].filter(([k]) => indicatorOfSub(k) === n).map(([, v]) => v);
    return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined;
  };
  const ind9 = indicator(9);
  const ind10 = indicator(10);
  return { subs, ind9, ind10, oit: ind9 !== undefined && ind10 !== undefined ? (ind9 + ind10) / 2 : undefined };
}

/** Words for an item's state; anything else is a mistake to report. */
export function readMet(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 || v === 100 ? true : v === 0 ? false : undefined;
  const s = fromThaiDigits(String(v ?? '')).trim().toLowerCase();
  if (['ดำเนินการแล้ว', 'ผ่าน', 'มี', 'ใช่', 'เผยแพร่แล้ว', 'true', 'yes', 'y', '1', '100', '✓', '✔'].includes(s)) return true;
  if (['ยังไม่ได้ดำเนินการ', 'กำลังดำเนินการ', 'ไม่ผ่าน', 'ไม่มี', 'ไม่ใช่', 'ยังไม่เผยแพร่', 'false', 'no', 'n', '0', '✗', '✘'].includes(s)) return false;
  return undefined;
}
