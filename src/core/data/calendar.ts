// The NACC's yearly ITA calendar (ITA-METHOD.md §8), as data. The pattern is
// source-stated for 2564–2568; a later year's dates are that pattern, marked
// provisional until the NACC announces the year's calendar (November–December).
// Dates are calendar days (Common Era, ISO), never moments.

export interface KeyDate {
  /** What happens, in Thai. */
  readonly what: string;
  /** First and last day, "yyyy-mm-dd". */
  readonly from: string;
  readonly to: string;
}

export interface YearCalendar {
  /** Buddhist-Era fiscal year. */
  readonly year: number;
  /** True until the NACC's announcement for that year is in hand. */
  readonly provisional: boolean;
  readonly dates: readonly KeyDate[];
  /** The last day units may publish and answer OIT items (the window's end). */
  readonly oitCloses: string;
}

/** Years whose calendar a source states (ITA-METHOD.md §8); later ones follow the pattern, provisional. */
const STATED_THROUGH = 2568;

/** Exact days a source gives, by year. */
const EXACT: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  2568: { results: '2025-08-15' }, // "2568: announced 15 August 2568"
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The year's key dates: the §8 pattern, with any exact day a source gives. */
export function calendarFor(beYear: number): YearCalendar {
  const ce = beYear - 543; // the spring of fiscal year N falls in Common-Era year N − 543
  const exact = EXACT[beYear] ?? {};
  const dates: KeyDate[] = [
    { what: 'ป.ป.ช. ประกาศปฏิทินการประเมิน', from: day(ce - 1, 11, 1), to: day(ce - 1, 12, 31) },
    { what: 'ลงทะเบียนและนำเข้าข้อมูลบุคลากร', from: day(ce, 1, 1), to: day(ce, 2, lastDay(ce, 2)) },
    { what: 'เผยแพร่ข้อมูลบนเว็บไซต์และตอบแบบ OIT ในระบบ ITAS', from: day(ce, 3, 1), to: day(ce, 4, 30) },
    { what: 'ที่ปรึกษาตรวจให้คะแนน OIT', from: day(ce, 5, 1), to: day(ce, 5, 31) },
    { what: 'ดูคะแนนรายข้อและยื่นคำชี้แจง', from: day(ce, 6, 1), to: day(ce, 6, 15) },
    { what: 'ยืนยันผลคะแนน', from: day(ce, 6, 16), to: day(ce, 6, 30) },
    exact['results']
      ? { what: 'ประกาศผลการประเมิน', from: exact['results'], to: exact['results'] }
      : { what: 'ประกาศผลการประเมิน', from: day(ce, 8, 1), to: day(ce, 8, 31) },
  ];
  return { year: beYear, provisional: beYear > STATED_THROUGH, dates, oitCloses: day(ce, 4, 30) };
}

/** Whole days from one calendar day to another ("yyyy-mm-dd"), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}
