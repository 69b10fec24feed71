// Dates in the spreadsheet's time zone, which need not be the script's.
//
// - Session.getScriptTimeZone (developers.google.com/apps-script/reference/base/session#getScriptTimeZone()):
//   "spreadsheets have a separate time zone … Spreadsheet time zones that differ
//   from the script time zone are a frequent source of scripting bugs." Our
//   JavaScript runs in the script's zone (new Date(y, m, d), getDate()), so
//   none of that is used for what a cell holds or shows.
// - Spreadsheet.getSpreadsheetTimeZone (reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()):
//   the zone the cells' date-times are wall-clock times of (Sheets keeps a date
//   as a serial number of days, developers.google.com/sheets/api/guides/formats).
// - Utilities.formatDate(date, timeZone, format) (reference/utilities/utilities#formatDate(Date,String,String)):
//   a Date's fields in a given zone, Java SimpleDateFormat letters; needs no scope.
import type { CellDates } from '../core/measures/table';
import type { CalendarDay } from '../core/thai';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let zone: string | undefined;
let source: Spreadsheet | undefined;

/**
 * The spreadsheet's time zone, read once per execution (module state lives one
 * execution in Apps Script), from the Spreadsheet `zoneFrom` was given if any.
 */
export function spreadsheetTimeZone(): string {
  return (zone ??= (source ?? SpreadsheetApp.getActive()).getSpreadsheetTimeZone());
}

/** The zone, when first needed, is read from this Spreadsheet (one call, not two). */
export function zoneFrom(ss: Spreadsheet): void {
  source ??= ss;
}

function fields(date: Date, pattern: string): number[] {
  return Utilities.formatDate(date, spreadsheetTimeZone(), pattern).split(/\D+/).map(Number);
}

/** Days of instants already asked (a sheet's dates repeat: one formatDate each). */
const days = new Map<number, CalendarDay>();

/** The calendar day a Date read from a cell shows: its day in the spreadsheet's zone. */
export function dayOfCell(date: Date): CalendarDay {
  const t = date.getTime();
  let day = days.get(t);
  if (!day) {
    const [year, month, d] = fields(date, 'yyyy-MM-dd') as [number, number, number];
    days.set(t, (day = { year, month, day: d }));
  }
  return day;
}

/** Today in the spreadsheet's time zone. */
export function today(): CalendarDay {
  const [year, month, day] = fields(new Date(), 'yyyy-MM-dd') as [number, number, number];
  return { year, month, day };
}

/** The zone's offset from UTC at a moment, in minutes ("+0700" → 420). */
function offsetAt(t: number): number {
  const z = Utilities.formatDate(new Date(t), spreadsheetTimeZone(), 'Z');
  return (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
}

/**
 * The Date to write so that the cell holds that day at midnight in the
 * spreadsheet's zone: UTC midnight of the day less the zone's offset at that
 * moment (asked again at the moment found, for a day on which the offset changes).
 */
export function cellDateOf(day: CalendarDay): Date {
  const utc = new Date(Date.UTC(2000, day.month - 1, day.day));
  utc.setUTCFullYear(day.year);
  const midnight = utc.getTime();
  const first = offsetAt(midnight + 12 * 3_600_000);
  const guess = midnight - first * 60_000;
  const second = offsetAt(guess);
  return new Date(second === first ? guess : midnight - second * 60_000);
}

/** A moment as local text in the spreadsheet's zone, e.g. "2026-11-23 09:41:07". */
export function localTextOf(date: Date): string {
  return Utilities.formatDate(date, spreadsheetTimeZone(), 'yyyy-MM-dd HH:mm:ss');
}

/** Now as local text in the spreadsheet's zone (log and แก้ไขล่าสุด columns). */
export function nowLocalText(): string {
  return localTextOf(new Date());
}

/** Date conversions for core (src/core/measures/table.ts), in the spreadsheet's zone. */
export function cellDates(): CellDates {
  return { dayOf: dayOfCell, dateOf: cellDateOf, textOf: localTextOf };
}
