// How report values become text: Thai digits and Buddhist-Era dates by
// default (switchable to Arabic digits), and the filters a placeholder names.
import { isDate } from '../errors';
import { plainText, toFixedText } from '../round';
import { thaiDate, toThaiDigits } from '../thai';
import { convertDigits } from './digits';
import { isScoreValue, type Formatter, type Value } from './template';

export interface FormatOptions {
  /** Digits of numbers and dates. */
  readonly digits: 'thai' | 'arabic';
  /**
   * Whether text a person typed takes the report's digits too (links, codes
   * such as "O12" and telephone numbers keep theirs); off, it keeps its own
   * unless a filter says so.
   */
  readonly typedDigits?: boolean;
}

/** Filter names, in Thai, with what each does (for the template guide). */
export function filterGuide(): readonly (readonly [name: string, what: string])[] {
  return [
    ['เลขไทย', 'แสดงตัวเลขเป็นเลขไทย รวมถึงตัวเลขในข้อความ (ยกเว้นลิงก์ รหัสเช่น O12 และเบอร์โทรศัพท์)'],
    ['เลขอารบิก', 'แสดงตัวเลขเป็นเลขอารบิก'],
    ['ทศนิยม0', 'ปัดเป็นจำนวนเต็ม'],
    ['ทศนิยม1', 'ปัดเป็นทศนิยม 1 ตำแหน่ง'],
    ['ทศนิยม2', 'ปัดเป็นทศนิยม 2 ตำแหน่ง'],
    ['วันที่ไทย', 'วันที่แบบเต็ม เช่น ๑๓ มีนาคม ๒๕๖๖'],
    ['วันที่ย่อ', 'วันที่แบบย่อ เช่น ๑๓ มี.ค. ๒๕๖๖'],
    ['ว่างเป็นขีด', 'ถ้าไม่มีข้อมูลให้แสดง "-"'],
  ];
}

export function formatter(options: FormatOptions): Formatter {
  const filters = new Set(filterGuide().map(([n]) => n));
  return {
    filters,
    format(value: Value, applied: readonly string[]): string {
      const has = (f: string) => applied.includes(f);
      const digits = has('เลขไทย') ? 'thai' : has('เลขอารบิก') ? 'arabic' : options.digits;
      const decimals = has('ทศนิยม0') ? 0 : has('ทศนิยม1') ? 1 : has('ทศนิยม2') ? 2 : undefined;
      let text: string;
      if (value === null || value === undefined || value === '') text = '';
      else if (isScoreValue(value)) {
        text = toFixedText(value.score, decimals ?? 2);
        text = digits === 'thai' ? toThaiDigits(text) : text;
      } else if (typeof value === 'number') {
        const d = decimals ?? (Number.isInteger(value) ? undefined : 2);
        text = d === undefined ? plainText(value) : toFixedText(value, d);
        text = digits === 'thai' ? toThaiDigits(text) : text;
      } else if (isDate(value)) {
        text = thaiDate(value, { month: has('วันที่ย่อ') ? 'abbr' : 'full', digits });
      } else {
        text = String(value);
        // Links, codes and telephone numbers keep their digits even when a filter asks (a link with Thai digits leads nowhere).
        if (has('เลขไทย')) text = convertDigits(text, 'thai');
        else if (has('เลขอารบิก')) text = convertDigits(text, 'arabic');
        else if (options.typedDigits) text = convertDigits(text, options.digits);
      }
      return text === '' && has('ว่างเป็นขีด') ? '-' : text;
    },
  };
}
