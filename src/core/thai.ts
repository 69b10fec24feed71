import { isDate } from './errors';

const THAI_ZERO = 0x0e50;

/** Arabic digits → Thai digits (๐–๙); everything else is kept. */
export function toThaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 48));
}

/** Thai digits → Arabic digits; everything else is kept. */
export function fromThaiDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

/** Offset between the Buddhist Era and the Common Era. */
export const BE_OFFSET = 543;

export const toBuddhistEra = (ceYear: number): number => ceYear + BE_OFFSET;
export const toCommonEra = (beYear: number): number => beYear - BE_OFFSET;

/** Thai month names, January first. */
export function thaiMonths(): readonly string[] {
  return [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
  ];
}

/** Thai month abbreviations, January first. */
export function thaiMonthsAbbr(): readonly string[] {
  return [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
  ];
}

/** A calendar day, independent of time zones. `month` is 1–12. */
export interface CalendarDay {
  readonly year: number; // Common Era
  readonly month: number;
  readonly day: number;
}

/**
 * The calendar day of a Date in the runtime's local time zone (the script's,
 * from the manifest). Right only for a Date made in that zone (new Date(y, m, d));
 * a Date read from a cell is a moment in the *spreadsheet's* zone, which may
 * differ: the adapter turns those into days (src/gas/time.ts).
 */
export function dayOf(date: Date): CalendarDay {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DD" of a calendar day. */
export function isoOfDay(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The calendar day "YYYY-MM-DD" names, or undefined when it names none (2026-02-30). */
export function dayOfIso(s: string): CalendarDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(2000, month - 1, day));
  t.setUTCFullYear(year);
  return t.getUTCMonth() === month - 1 && t.getUTCDate() === day ? { year, month, day } : undefined;
}

/** Buddhist-Era fiscal year of a day: October starts the next fiscal year. */
export function fiscalYearOf(d: CalendarDay | Date): number {
  const day = isDate(d) ? dayOf(d) : d;
  return toBuddhistEra(day.month >= 10 ? day.year + 1 : day.year);
}

/** Fiscal quarter 1–4 (ไตรมาสที่ ๑ = ต.ค.–ธ.ค.). */
export function fiscalQuarterOf(d: CalendarDay | Date): number {
  const day = isDate(d) ? dayOf(d) : d;
  return Math.floor(((day.month + 2) % 12) / 3) + 1;
}

/** First and last day of a Buddhist-Era fiscal year. */
export function fiscalYearRange(beYear: number): { start: CalendarDay; end: CalendarDay } {
  const ce = toCommonEra(beYear);
  return { start: { year: ce - 1, month: 10, day: 1 }, end: { year: ce, month: 9, day: 30 } };
}

export interface ThaiDateOptions {
  /** Thai digits (default) or Arabic digits. */
  readonly digits?: 'thai' | 'arabic';
  /** Full month name (default) or abbreviation. */
  readonly month?: 'full' | 'abbr';
}

/** "๑๓ มีนาคม ๒๕๖๖": day, Thai month, Buddhist-Era year. */
export function thaiDate(d: CalendarDay | Date, options: ThaiDateOptions = {}): string {
  const day = isDate(d) ? dayOf(d) : d;
  const names = options.month === 'abbr' ? thaiMonthsAbbr() : thaiMonths();
  const text = `${day.day} ${names[day.month - 1]} ${toBuddhistEra(day.year)}`;
  return options.digits === 'arabic' ? text : toThaiDigits(text);
}

/**
 * Buddhist-Era years a measure's date may fall in: the fiscal years the
 * add-on accepts (2500–2700 ⇔ 1957–2157 CE). A Common-Era year typed where
 * the Buddhist Era is meant (2026 → 1483 CE) and a Buddhist-Era year taken
 * for a Common-Era one (2569 CE → 3112 BE) both fall outside.
 */
export const DATE_YEARS_BE = { min: 2500, max: 2700 } as const;

/** True when a Common-Era year lies within DATE_YEARS_BE. */
export const isPlausibleCeYear = (ce: number): boolean => ce >= toCommonEra(DATE_YEARS_BE.min) && ce <= toCommonEra(DATE_YEARS_BE.max);

/** "15/01/2569": day/month/Buddhist-Era year of "YYYY-MM-DD" ("" for ""; other text as it is). */
export function beSlashDate(iso: string): string {
  const d = dayOfIso(iso);
  return d ? `${pad(d.day)}/${pad(d.month)}/${toBuddhistEra(d.year)}` : iso;
}

export type TypedDate = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly th: string };

const monthOf = (name: string): number => {
  const n = name.replace(/\s+/g, '');
  const i = thaiMonths().indexOf(n);
  return i >= 0 ? i + 1 : thaiMonthsAbbr().findIndex((a) => a === n || a.replace(/\./g, '') === n.replace(/\./g, '')) + 1;
};

/**
 * A day typed in the Buddhist Era: "15/01/2569", "5/1/2569", "15-01-2569",
 * "๑๕/๐๑/๒๕๖๙", "15 ม.ค. 2569" or "15 มกราคม 2569" → "YYYY-MM-DD" (Common
 * Era, as the wire and the sheet keep it); "" for blank. Anything else is
 * refused with a Thai message saying what is wrong — never guessed: a
 * half-typed day, a two-digit or Common-Era year, a day that does not exist.
 */
export function parseBeDate(text: string): TypedDate {
  // "พ.ศ." before the year, as official letters write it ("15 มกราคม พ.ศ. 2569"), says what the year is already.
  const s = fromThaiDigits(text).trim().replace(/\s*พ\.\s*ศ\.\s*(?=\d+$)/, ' ').trim();
  if (s === '') return { ok: true, iso: '' };
  const example = 'พิมพ์ วัน/เดือน/ปี พ.ศ. เช่น 15/01/2569';
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/.exec(s);
  let month: number;
  if (m) month = Number(m[2]);
  else {
    m = /^(\d{1,2})\s*([\u0e01-\u0e4f.\s]+?)\s*(\d+)$/.exec(s);
    month = m ? monthOf(m[2]!) : 0;
    if (m && !month) return { ok: false, th: `ไม่รู้จักชื่อเดือน "${m[2]!.trim()}" — ${example}` };
  }
  if (!m) return { ok: false, th: `วันที่ไม่ครบหรือรูปแบบไม่ถูกต้อง: "${text.trim()}" — ${example}` };
  const day = Number(m[1]);
  const yearText = m[3]!;
  if (yearText.length !== 4) return { ok: false, th: `ปีต้องเป็นปี พ.ศ. 4 หลัก (พบ "${yearText}") — ${example}` };
  const be = Number(yearText);
  if (be < DATE_YEARS_BE.min || be > DATE_YEARS_BE.max) {
    const looksCe = isPlausibleCeYear(be);
    return {
      ok: false,
      th: looksCe
        ? `ปี ${be} ดูเหมือนปี ค.ศ. ช่องนี้ใช้ปี พ.ศ. (ค.ศ. ${be} คือ พ.ศ. ${toBuddhistEra(be)})`
        : `ปี พ.ศ. ${be} อยู่นอกช่วงที่รับได้ (พ.ศ. ${DATE_YEARS_BE.min}–${DATE_YEARS_BE.max})`,
    };
  }
  if (month < 1 || month > 12) return { ok: false, th: `เดือนต้องเป็น 1–12 (พบ ${month}) — ${example}` };
  const iso = `${toCommonEra(be)}-${pad(month)}-${pad(day)}`;
  if (!dayOfIso(iso)) return { ok: false, th: `ไม่มีวันที่ ${day} ใน${thaiMonths()[month - 1]} พ.ศ. ${be}` };
  return { ok: true, iso };
}
