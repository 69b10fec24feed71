// One number style in a report (issue 11): the digits of the template's own
// text, and of what people typed when the unit asks, follow the report's
// choice — except where digits are not a number to read: links and e-mail
// addresses, codes such as "O12" or "ITA2569", and telephone numbers.
import { fromThaiDigits, toThaiDigits } from '../thai';

export type Digits = 'thai' | 'arabic';

const D = '[0-9๐-๙]';
/** Spans whose digits stay as written: links, e-mail addresses and codes. */
const KEEP = new RegExp(
  [
    String.raw`(?:https?|ftp)://\S+`,
    String.raw`www\.\S+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    // A code: Latin letters joined to digits ("O12", "ITA2569", "O12.1"), or digits joined to Latin letters ("2569a").
    String.raw`[A-Za-z]+[-_]?${D}+(?:[.]${D}+)*`,
    String.raw`${D}+[A-Za-z]+`,
  ].join('|'),
  'g',
);
/** Digits grouped by "-" or single spaces: a Thai telephone number when it starts with 0 and holds 9 or 10 digits ("02-123-4567", "081 234 5678"). */
const CLUSTER = new RegExp(`${D}+(?:[- ]${D}+)*`, 'g');
const isPhone = (s: string) => /^[0๐]/.test(s) && /^\d{9,10}$/.test(s.replace(/[- ]/g, '').replace(/[๐-๙]/g, '0'));

/** Every match of a global pattern (String.prototype.matchAll is ES2020). */
function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
}

const WRONG: Readonly<Record<Digits, RegExp>> = { thai: /[0-9]/, arabic: /[๐-๙]/ };

/** Whether a text holds a digit of the other style (a cheap test before any work). */
export const hasOtherDigits = (text: string, to: Digits): boolean => WRONG[to].test(text);

/** The stretches of a text whose digits change, with what they become, outside links, codes and telephone numbers. */
export function digitEdits(text: string, to: Digits): { at: number; length: number; value: string }[] {
  if (!hasOtherDigits(text, to)) return [];
  const keep: [number, number][] = matches(KEEP, text).map((m) => [m.index, m.index + m[0].length]);
  for (const m of matches(CLUSTER, text)) if (isPhone(m[0])) keep.push([m.index, m.index + m[0].length]);
  const out: { at: number; length: number; value: string }[] = [];
  const run = to === 'thai' ? /[0-9]+/g : /[๐-๙]+/g;
  for (const m of matches(run, text)) {
    const at = m.index;
    if (keep.some(([a, b]) => at >= a && at < b)) continue;
    out.push({ at, length: m[0].length, value: to === 'thai' ? toThaiDigits(m[0]) : fromThaiDigits(m[0]) });
  }
  return out;
}

/** A text with its digits in the given style, links, codes and telephone numbers left alone. */
export function convertDigits(text: string, to: Digits): string {
  let out = text;
  for (const e of digitEdits(text, to).reverse()) out = out.slice(0, e.at) + e.value + out.slice(e.at + e.length);
  return out;
}
