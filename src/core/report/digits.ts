// One number style in a report (issue 11): the digits of the template's own
// text, and of what people typed when the unit asks, follow the report's
// choice — except where digits are not a number to read: links and e-mail
// addresses, codes such as "O12" or "ITA2569", and telephone numbers.
import { fromThaiDigits, toThaiDigits } from '../thai';

export type Digits = 'thai' | 'arabic';

const D = '[0-9๐-๙]';
/** Spans whose digits stay as written: links (with or without a scheme), e-mail addresses and codes. */
const KEEP = new RegExp(
  [
    String.raw`(?:https?|ftp)://\S+`,
    String.raw`www\.\S+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    // A web address typed without its scheme: a host ending in letters, then a path ("facebook.com/…/posts/123", "abt.go.th/news/12").
    String.raw`(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/\S*`,
    // A code: Latin letters joined to digits ("O12", "ITA2569", "O12.1"), or digits joined to Latin letters ("2569a").
    String.raw`[A-Za-z]+[-_]?${D}+(?:[.]${D}+)*`,
    String.raw`${D}+[A-Za-z]+`,
  ].join('|'),
  'g',
);
/**
 * Thai telephone numbers as units type them: 0 and 8–9 more digits grouped by
 * "-" or a space ("02-123-4567", "081 234 5678", "043-711234"), an area code in
 * brackets ("(043) 711234"), the country code ("+66 2 123 4567"), and any
 * number right after a word saying it is one ("โทร 1111", "สายด่วน 1111").
 */
const PHONES = new RegExp(
  [
    String.raw`\+66(?:[- ]?${D}){8,9}`,
    String.raw`\([0๐]${D}{1,2}\)[- ]?${D}{3}[- ]?${D}{3,4}`,
    String.raw`[0๐]${D}[- ]?${D}{3}[- ]?${D}{4}`,
    String.raw`[0๐]${D}{2}[- ]?${D}{3}[- ]?${D}{3,4}`,
    String.raw`[0๐]${D}{2}[- ]?${D}{6,7}`,
    String.raw`(?:โทรศัพท์|โทรสาร|โทร\.?|สายด่วน|แฟกซ์|มือถือ|Tel\.?|Fax\.?|Hotline)\s*:?\s*${D}+(?:[- ]${D}+)*`,
  ]
    .map((alt) => `(?:${alt})(?!${D})`)
    .join('|'),
  'gi',
);
const isDigit = (c: string | undefined) => c !== undefined && /[0-9๐-๙]/.test(c);

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
  // A telephone number stands apart from other digits (not the end of a longer run).
  for (const m of matches(PHONES, text)) if (!isDigit(text[m.index - 1]) && !isDigit(text[m.index + m[0].length])) keep.push([m.index, m.index + m[0].length]);
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
