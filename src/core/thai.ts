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
