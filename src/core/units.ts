// The units sheet of an office that follows many units (ท้องถิ่นอำเภอ / จังหวัด, a
// consultant): one row per unit and fiscal year, as pasted from ITAS's public
// results. Columns are found by header; the add-on owns only the id and the
// batch-report columns. This module reads rows into records; it decides nothing
// about sheets.

import { parseScoreCell, readYear } from './cells';
import { isItaError } from './errors';

export const UNITS_SHEET = 'หน่วยงาน ITA';
export const DASHBOARD_SHEET = 'ภาพรวม ITA';

/** Header names of the units sheet. */
export const UNIT_COL = {
  id: 'รหัสแถว',
  name: 'ชื่อหน่วยงาน',
  kind: 'ประเภท',
  district: 'อำเภอ',
  province: 'จังหวัด',
  year: 'ปีงบประมาณ',
  total: 'คะแนนรวม',
  label: 'ผลการประเมิน',
  status: 'สถานะรายงาน',
  link: 'ลิงก์รายงาน',
  at: 'เวลาสถานะ',
  note: 'หมายเหตุรายงาน',
} as const;

export const indicatorCol = (n: number): string => `ตัวชี้วัด ${n}`;
export const TOOL_COLS = ['IIT', 'EIT', 'OIT'] as const;

/** The typed columns, in the order set-up lays them out. */
export const UNIT_INPUT_HEADERS: readonly string[] = [
  UNIT_COL.name,
  UNIT_COL.kind,
  UNIT_COL.district,
  UNIT_COL.province,
  UNIT_COL.year,
  ...Array.from({ length: 10 }, (_, i) => indicatorCol(i + 1)),
  ...TOOL_COLS,
];

/** The batch run's columns: written only by the add-on. */
export const UNIT_STATUS_HEADERS: readonly string[] = [UNIT_COL.status, UNIT_COL.link, UNIT_COL.at, UNIT_COL.note];

/** A report's state in the status column. */
export const REPORT_STATUS = { waiting: 'รอ', working: 'กำลังทำ', done: 'เสร็จ', failed: 'ผิดพลาด' } as const;
export type ReportStatus = (typeof REPORT_STATUS)[keyof typeof REPORT_STATUS];

/** One unit-year row as read. */
export interface UnitRow {
  /** The add-on's id of the row ("" before one is given). */
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly district: string;
  readonly province: string;
  /** Fiscal year (BE), undefined when unreadable. */
  readonly year: number | undefined;
  /** Ten indicator scores when all ten are readable. */
  readonly indicators?: readonly number[];
  /** IIT, EIT, OIT when all three are readable. */
  readonly tools?: readonly [number, number, number];
  /** What could not be read, in Thai, naming the column. */
  readonly problems: readonly string[];
  readonly status: string;
  readonly link: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).replace(/\s+/g, ' ').trim();

/** The same unit across years: name, district and province, spaces and case aside. */
export function unitKey(r: Pick<UnitRow, 'name' | 'district' | 'province'>): string {
  return [r.name, r.district, r.province].map((s) => text(s).toLowerCase()).join('|');
}

/** Reads one row: `cell(header)` answers the value under that header ('' when the column is missing). */
export function readUnitRow(cell: (header: string) => unknown): UnitRow {
  const problems: string[] = [];
  let year: number | undefined;
  const y = cell(UNIT_COL.year);
  if (text(y) === '') problems.push(`ไม่มี${UNIT_COL.year}`);
  else
    try {
      year = readYear(y);
    } catch {
      problems.push(`${UNIT_COL.year} "${text(y)}" อ่านไม่ได้`);
    }
  const read = (headers: readonly string[]): number[] | undefined => {
    const out: number[] = [];
    const bad: string[] = [];
    let blank = 0;
    for (const h of headers) {
      const v = parseScoreCell(cell(h));
      if (v === undefined) blank++;
      else if (isItaError(v)) bad.push(`${h} "${text(cell(h))}"`);
      else out.push(v);
    }
    if (bad.length) problems.push(`อ่านคะแนนไม่ได้: ${bad.join(', ')}`);
    else if (blank > 0 && blank < headers.length) problems.push(`คะแนนไม่ครบ: ว่าง ${headers.filter((h) => parseScoreCell(cell(h)) === undefined).join(', ')}`);
    return bad.length || blank ? undefined : out;
  };
  const indicators = read(Array.from({ length: 10 }, (_, i) => indicatorCol(i + 1)));
  const tools = read(TOOL_COLS);
  if (!indicators && !tools && !problems.some((p) => p.startsWith('อ่านคะแนน') || p.startsWith('คะแนนไม่ครบ'))) problems.push('ไม่มีคะแนน');
  const name = text(cell(UNIT_COL.name));
  if (!name) problems.push(`ไม่มี${UNIT_COL.name}`);
  return {
    id: text(cell(UNIT_COL.id)),
    name,
    kind: text(cell(UNIT_COL.kind)),
    district: text(cell(UNIT_COL.district)),
    province: text(cell(UNIT_COL.province)),
    year,
    ...(indicators ? { indicators } : {}),
    ...(tools ? { tools: tools as unknown as [number, number, number] } : {}),
    problems,
    status: text(cell(UNIT_COL.status)),
    link: text(cell(UNIT_COL.link)),
  };
}
