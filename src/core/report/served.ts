// Which OIT item of which ITA year a report is evidence for (ITA-METHOD.md §5,
// "Which OIT item each generated document serves"; §8 for the years they cover).
import type { ReportKind } from './context';

interface Served {
  readonly kind: ReportKind;
  /** ITA years (Buddhist Era) whose list has the item. */
  readonly from: number;
  readonly to: number;
  readonly code: string;
  readonly title: string;
  /** Whether the item asks for the report of the assessment's own year or of the year before. */
  readonly covers: 'current' | 'previous';
}

const SERVED: readonly Served[] = [
  { kind: 'analysis', from: 2563, to: 2566, code: 'O42', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', covers: 'current' },
  { kind: 'analysis', from: 2568, to: 2568, code: 'O27', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', covers: 'current' },
  { kind: 'analysis', from: 2569, to: Infinity, code: 'O25', title: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', covers: 'current' },
  { kind: 'progress', from: 2563, to: 2566, code: 'O43', title: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', covers: 'current' },
  { kind: 'progress', from: 2569, to: Infinity, code: 'O26', title: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', covers: 'previous' },
];

/** The last ITA year whose list is known; later ones are provisional. */
const LAST_KNOWN_LIST = 2569;

export interface ServedItem {
  /** The ITA year whose OIT item the report is evidence for. */
  readonly ita: number;
  readonly code: string;
  readonly title: string;
  /** The item is from the latest list known, not yet announced for that year. */
  readonly provisional: boolean;
}

/**
 * The year of the measures an analysis report carries: the analysis of the
 * assessment of year N sets the measures of N+1 (seed 001 analyses 2568 for
 * 2569; seed 003, 2565 for 2566).
 */
export const measuresYearOf = (kind: ReportKind, year: number): number => (kind === 'analysis' ? year + 1 : year);

/**
 * The OIT item a report serves: the analysis of assessment year N is published
 * in N+1 and is evidence for ITA N+1; a progress report of the measures of
 * year M is evidence for ITA M (items on the current year) or ITA M+1 (items
 * on the year before, from 2569). Undefined where no item is known (2567, the
 * OIT progress report).
 */
export function servedItem(kind: ReportKind, year: number): ServedItem | undefined {
  for (const s of SERVED) {
    if (s.kind !== kind) continue;
    const ita = kind === 'analysis' ? year + 1 : s.covers === 'previous' ? year + 1 : year;
    if (ita >= s.from && ita <= s.to) return { ita, code: s.code, title: s.title, provisional: ita > LAST_KNOWN_LIST };
  }
  return undefined;
}
