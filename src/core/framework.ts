import { buildFrameworks } from './data/frameworks';
import type { Framework, ToolId } from './data/types';
import { BE_OFFSET } from './thai';

let table: readonly Framework[] | undefined;
/** Frameworks of years past the latest known, by year (frameworkFor); made on first use, as the table is. */
let later: Map<number, Framework> | undefined;

/** All supported frameworks, oldest first (built once, on first use). */
export function frameworks(): readonly Framework[] {
  return (table ??= buildFrameworks());
}

export function firstYear(): number {
  return frameworks()[0]!.year;
}

/** The latest year in the table (its rules may be provisional). */
export function latestYear(): number {
  const all = frameworks();
  return all[all.length - 1]!.year;
}

/** How many years past the latest known one a year is taken, provisionally: a unit is never locked out by the calendar, but 25690 is a typo. */
export const YEARS_AHEAD = 20;

/** The last year accepted at all. */
export function lastYear(): number {
  return latestYear() + YEARS_AHEAD;
}

/** The year a blank fiscal year means: the latest whose rules are not provisional. */
export function defaultYear(): number {
  const all = frameworks();
  for (let i = all.length - 1; i >= 0; i--) if (!all[i]!.provisional) return all[i]!.year;
  return all[0]!.year;
}

/**
 * A supported Buddhist-Era fiscal year from a BE or CE year number, or
 * undefined when the year is not supported: from the first year known to
 * YEARS_AHEAD past the latest.
 */
export function supportedYear(n: number): number | undefined {
  if (!Number.isInteger(n)) return undefined;
  const be = n < 2400 ? n + BE_OFFSET : n;
  return be >= firstYear() && be <= lastYear() ? be : undefined;
}

/**
 * The framework of a supported Buddhist-Era year; a year past the latest known
 * is the latest one's rules, provisional.
 */
export function frameworkFor(beYear: number): Framework {
  const fw = frameworks().find((f) => f.year === beYear);
  if (fw) return fw;
  const latest = frameworks()[frameworks().length - 1]!;
  if (Number.isInteger(beYear) && beYear > latest.year && beYear <= lastYear()) {
    // Made once per year: a whole-column formula asks for it on every row.
    const made = (later ??= new Map()).get(beYear) ?? { ...latest, year: beYear, provisional: { basedOn: latest.provisional?.basedOn ?? latest.year } };
    later.set(beYear, made);
    return made;
  }
  throw new RangeError(`no framework for ${beYear}`);
}

/** The framework for any year: the nearest supported one outside the supported span. */
export function frameworkNear(beYear: number): Framework {
  return frameworkFor(Math.min(Math.max(Math.round(beYear), firstYear()), lastYear()));
}

/** The tool of that id, if it is one. */
export function toolId(id: string): ToolId | undefined {
  return id === 'IIT' || id === 'EIT' || id === 'OIT' ? id : undefined;
}

/**
 * How sure a year's rules are, for the sheet and the sidebar (never a
 * published document): undefined when weights and result rule are sourced.
 */
export function rulesNote(fw: Framework): { th: string; en: string } | undefined {
  if (fw.provisional) {
    const b = fw.provisional.basedOn;
    return { th: `ชั่วคราว: ป.ป.ช. ยังไม่ประกาศเกณฑ์ปี ${fw.year} ใช้เกณฑ์ปี ${b}`, en: `provisional: no ${fw.year} rules published yet, ${b}'s used` };
  }
  const th: string[] = [];
  const en: string[] = [];
  if (fw.provenance.weights === 'inferred') {
    th.push('น้ำหนักเครื่องมือ');
    en.push('tool weights');
  }
  if (fw.provenance.rating === 'inferred') {
    th.push(fw.rating.kind === 'labels' ? 'เกณฑ์ผลการประเมิน' : 'เกณฑ์ระดับ');
    en.push('result rule');
  }
  return th.length ? { th: `อนุมาน: ${th.join(', ')}`, en: `inferred: ${en.join(', ')}` } : undefined;
}
