// The dashboard of an office that follows many units: live formulas of Sheets'
// own functions over the units sheet's whole columns (found by header at
// set-up), a district filter and a year cell, and two native charts. Written
// once by set-up; Sheets recomputes it whenever the units sheet changes, with
// no script run. This module lays it out as data; src/gas/units.ts writes it.
//
// Functions used, all documented by Google (support.google.com/docs): IF,
// IFERROR, OR, COUNTIFS, AVERAGEIFS, MEDIAN, MAX, SUM, FILTER, SORT, UNIQUE,
// ARRAY_CONSTRAIN, ARRAYFORMULA, ISNUMBER, TRIM, VLOOKUP, array literals {…}, and the
// operators & + - * / = <> < >. No ITA_ function: the units sheet's own
// คะแนนรวม and ผลการประเมิน columns already hold ITA_SCORE and ITA_LABEL.

import { columnLetters } from './columns';
import { defaultIndicators } from './data/indicators';
import { indicatorCol, UNIT_COL, UNITS_SHEET } from './units';

export { DASHBOARD_SHEET } from './units';

/** The labels counted, from 2566 (ITA-METHOD.md §4), best first. */
export const DASHBOARD_LABELS = ['ผ่านดีเยี่ยม', 'ผ่านดี', 'ผ่าน', 'ต้องปรับปรุง', 'ต้องปรับปรุงโดยด่วน'] as const;
/** The labels below 85. */
const FAILING = DASHBOARD_LABELS.slice(3);
/** The filter's value for every district. */
export const ALL_DISTRICTS = 'ทั้งหมด';
/** How many rises and falls are listed. */
export const CHANGES_LISTED = 10;

/** One cell the dashboard writes: a value or a formula, with an optional number format and emphasis. */
export interface DashboardCell {
  readonly a1: string;
  readonly value?: string | number;
  readonly formula?: string;
  readonly format?: string;
  readonly bold?: boolean;
  /** A cell the user sets (the filter, the year): tinted. */
  readonly input?: boolean;
  readonly note?: string;
}

export interface DashboardValidation {
  /** The cell validated. */
  readonly a1: string;
  /** The dashboard's range listing the allowed values (a live list). */
  readonly listA1: string;
  readonly help: string;
}

export interface DashboardChart {
  readonly kind: 'column' | 'bar';
  readonly title: string;
  /** The dashboard's range charted: labels in its first column, values in its second. */
  readonly rangeA1: string;
  /** Anchor cell (1-based row, column). */
  readonly row: number;
  readonly col: number;
}

export interface DashboardLayout {
  readonly cells: readonly DashboardCell[];
  readonly validations: readonly DashboardValidation[];
  readonly charts: readonly DashboardChart[];
  /** Column widths in pixels by 1-based column. */
  readonly widths: readonly (readonly [number, number])[];
}

/** Where the dashboard's own cells are, for tests and the README. */
export const DASHBOARD_AT = {
  district: 'B3',
  yearChoice: 'B4',
  year: 'B5',
  previous: 'B6',
  units: 'B9',
  passing: 'B10',
  passingShare: 'C10',
  mean: 'B11',
  median: 'B12',
  unreadable: 'B13',
  labelsFirstRow: 16,
  indicatorsFirstRow: 23,
  weakest: 'E23',
  listsHeaderRow: 35,
  below: 'A36',
  rises: 'F36',
  falls: 'J36',
  helper: 'R4',
} as const;

/** The headers the dashboard reads; all must be found. */
export const DASHBOARD_NEEDS: readonly string[] = [
  UNIT_COL.name,
  UNIT_COL.district,
  UNIT_COL.province,
  UNIT_COL.year,
  UNIT_COL.total,
  UNIT_COL.label,
  ...Array.from({ length: 10 }, (_, i) => indicatorCol(i + 1)),
];

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The dashboard over the units sheet whose columns are at `letter(header)`,
 * data from row `first`. Undefined, with the missing headers, when one it
 * needs is not there.
 */
export function dashboardLayout(
  letter: (header: string) => string | undefined,
  first: number,
  unitsSheet: string = UNITS_SHEET,
): { layout: DashboardLayout } | { missing: string[] } {
  const missing = DASHBOARD_NEEDS.filter((h) => !letter(h));
  if (missing.length) return { missing };
  const U = quoteSheet(unitsSheet);
  const col = (h: string) => `${U}!${letter(h)}${first}:${letter(h)}`;
  const name = col(UNIT_COL.name);
  const district = col(UNIT_COL.district);
  const province = col(UNIT_COL.province);
  const year = col(UNIT_COL.year);
  const total = col(UNIT_COL.total);
  const label = col(UNIT_COL.label);
  const D = '$B$3';
  const Y = '$B$5';
  const P = '$B$6';
  const all = `OR(${D}="", ${D}=${str(ALL_DISTRICTS)})`;
  /** A COUNTIFS/AVERAGEIFS over the year shown, with the district's criterion when one is chosen. */
  const ifs = (fn: string, lead: string[], criteria: string[]) => {
    const args = [...lead, year, Y, ...criteria];
    return `IF(${all}, ${fn}(${args.join(', ')}), ${fn}(${[...args, district, D].join(', ')}))`;
  };
  /** FILTER's condition for the district (array context: + is OR). */
  const inDistrict = `((${D}="")+(${D}=${str(ALL_DISTRICTS)})+(${district}=${D}))>0`;
  const shown = [`${year}=${Y}`, `ISNUMBER(${total})`, inDistrict];

  const cells: DashboardCell[] = [];
  const put = (a1: string, c: Omit<DashboardCell, 'a1'>) => cells.push({ a1, ...c });
  const head = (a1: string, value: string) => put(a1, { value, bold: true });

  head('A1', 'ภาพรวมผลการประเมิน ITA ของหน่วยงานที่ติดตาม');
  put('A2', { value: `คำนวณใหม่เองทุกครั้งที่แผ่นงาน "${unitsSheet}" เปลี่ยน เลือกอำเภอและปีในช่องสีเหลือง` });
  head('A3', 'อำเภอ');
  put('B3', { value: ALL_DISTRICTS, input: true, note: `เลือกอำเภอ หรือ "${ALL_DISTRICTS}"` });
  head('A4', 'ปีงบประมาณ (ว่าง = ปีล่าสุด)');
  put('B4', { value: '', input: true, format: '0', note: 'เลือกปี หรือเว้นว่างเพื่อดูปีล่าสุดที่มีในแผ่นงานหน่วยงาน' });
  head('A5', 'ปีที่แสดง');
  put('B5', { formula: `=IF(ISNUMBER($B$4), $B$4, IF(MAX(${year})>0, MAX(${year}), ""))`, format: '0' });
  head('A6', 'เทียบกับปี');
  put('B6', { formula: `=IF(ISNUMBER(${Y}), ${Y}-1, "")`, format: '0' });

  head('A8', 'สรุปปีที่แสดง');
  head('B8', 'จำนวน');
  head('C8', 'ร้อยละ');
  put('A9', { value: 'หน่วยงานที่มีคะแนนรวม' });
  put('B9', { formula: `=${ifs('COUNTIFS', [], [total, str('>=0')])}` });
  put('A10', { value: 'ผ่านเกณฑ์ 85 ขึ้นไป' });
  const r0 = DASHBOARD_AT.labelsFirstRow;
  put('B10', { formula: `=SUM(B${r0}:B${r0 + 2})` });
  put('C10', { formula: '=IFERROR(B10/B9, "")', format: '0.0%' });
  put('A11', { value: 'คะแนนรวมเฉลี่ย' });
  put('B11', { formula: `=IFERROR(${ifs('AVERAGEIFS', [total], [total, str('>=0')])}, "")`, format: '0.00' });
  put('A12', { value: 'คะแนนรวมมัธยฐาน' });
  put('B12', { formula: `=IFERROR(MEDIAN(FILTER(${total}, ${shown.join(', ')})), "")`, format: '0.00' });
  put('A13', { value: 'แถวที่อ่านคะแนนไม่ได้ (คะแนนรวมขึ้น ⚠)' });
  put('B13', { formula: `=${ifs('COUNTIFS', [], [total, str('⚠*')])}` });

  head(`A${r0 - 1}`, 'ผลการประเมิน');
  head(`B${r0 - 1}`, 'จำนวน');
  head(`C${r0 - 1}`, 'ร้อยละ');
  DASHBOARD_LABELS.forEach((l, i) => {
    const r = r0 + i;
    put(`A${r}`, { value: l });
    put(`B${r}`, { formula: `=${ifs('COUNTIFS', [label, `$A${r}`], [])}` });
    put(`C${r}`, { formula: `=IFERROR(B${r}/$B$9, "")`, format: '0.0%' });
  });

  const i0 = DASHBOARD_AT.indicatorsFirstRow;
  head(`A${i0 - 1}`, 'ตัวชี้วัด');
  head(`B${i0 - 1}`, 'คะแนนเฉลี่ย');
  defaultIndicators().forEach((ind, i) => {
    const r = i0 + i;
    const c = col(indicatorCol(ind.no));
    put(`A${r}`, { value: `${ind.no} ${ind.name}` });
    put(`B${r}`, { formula: `=IFERROR(${ifs('AVERAGEIFS', [c], [c, str('>=0')])}, "")`, format: '0.00' });
  });
  head(`E${i0 - 1}`, 'ตัวชี้วัดที่อ่อนที่สุด (เฉลี่ยต่ำสุดก่อน)');
  head(`F${i0 - 1}`, 'คะแนนเฉลี่ย');
  const means = `A${i0}:B${i0 + 9}`;
  put(DASHBOARD_AT.weakest, { formula: `=IFERROR(SORT(FILTER(${means}, ISNUMBER(B${i0}:B${i0 + 9})), 2, TRUE), "")`, format: '0.00' });

  // Rises and falls: the year shown's units (filtered) beside their total the year before, matched by
  // name, district and province (spaces trimmed, as unitKey does; VLOOKUP ignores case).
  put('R2', { value: 'ตารางช่วยคำนวณของภาพรวม (สูตร) กรุณาอย่าแก้ไขหรือพิมพ์ทับ' });
  head('R3', 'ตารางช่วยคำนวณ: หน่วยงาน');
  head('S3', 'อำเภอ');
  head('T3', 'จังหวัด');
  head('U3', 'คะแนนรวม');
  head('V3', 'คะแนนปีก่อน');
  head('W3', 'เปลี่ยนแปลง');
  const key = (n: string, d: string, p: string) => `TRIM(${n})&"|"&TRIM(${d})&"|"&TRIM(${p})`;
  put('R4', { formula: `=IFERROR(FILTER({TRIM(${name}), TRIM(${district}), TRIM(${province}), ${total}}, ${shown.join(', ')}), "")` });
  put('V4', {
    formula: `=ARRAYFORMULA(IF(R4:R="", "", IFERROR(VLOOKUP(R4:R&"|"&S4:S&"|"&T4:T, FILTER({${key(name, district, province)}, ${total}}, ${year}=${P}, ISNUMBER(${total})), 2, FALSE), "")))`,
  });
  put('W4', { formula: '=ARRAYFORMULA(IF(ISNUMBER(V4:V), U4:U-V4:V, ""))' });

  const h0 = DASHBOARD_AT.listsHeaderRow;
  head(`A${h0 - 1}`, 'หน่วยงานที่ต่ำกว่า 85 (คะแนนต่ำสุดก่อน)');
  ['ชื่อหน่วยงาน', 'อำเภอ', 'คะแนนรวม', 'ผลการประเมิน'].forEach((t, i) => head(`${columnLetters(1 + i)}${h0}`, t));
  const failing = `((${FAILING.map((l) => `(${label}=${str(l)})`).join('+')})>0)`;
  put(DASHBOARD_AT.below, {
    formula: `=IFERROR(SORT(FILTER({${name}, ${district}, ${total}, ${label}}, ${[...shown, failing].join(', ')}), 3, TRUE), "ไม่มี")`,
  });
  head(`F${h0 - 1}`, `คะแนนเพิ่มขึ้นมากที่สุดเทียบปีก่อน (${CHANGES_LISTED} อันดับ)`);
  head(`J${h0 - 1}`, `คะแนนลดลงมากที่สุดเทียบปีก่อน (${CHANGES_LISTED} อันดับ)`);
  ['ชื่อหน่วยงาน', 'อำเภอ', 'เปลี่ยนแปลง'].forEach((t, i) => {
    head(`${columnLetters(6 + i)}${h0}`, t);
    head(`${columnLetters(10 + i)}${h0}`, t);
  });
  const changes = (cmp: string, ascending: boolean) =>
    `=IFERROR(ARRAY_CONSTRAIN(SORT(FILTER({R4:R, S4:S, W4:W}, ISNUMBER(W4:W), W4:W${cmp}0), 3, ${ascending ? 'TRUE' : 'FALSE'}), ${CHANGES_LISTED}, 3), "ไม่มี")`;
  put(DASHBOARD_AT.rises, { formula: changes('>', false) });
  put(DASHBOARD_AT.falls, { formula: changes('<', true) });

  // The lists of allowed values of the two input cells, live: every district and every year present.
  head('Y3', 'รายการอำเภอ');
  put('Y4', { value: ALL_DISTRICTS });
  put('Y5', { formula: `=IFERROR(SORT(UNIQUE(FILTER(TRIM(${district}), TRIM(${district})<>"")), 1, TRUE), "")` });
  head('Z3', 'รายการปี');
  put('Z4', { formula: `=IFERROR(SORT(UNIQUE(FILTER(${year}, ISNUMBER(${year}))), 1, FALSE), "")`, format: '0' });

  return {
    layout: {
      cells,
      validations: [
        { a1: 'B3', listA1: 'Y4:Y', help: `เลือกอำเภอ หรือ "${ALL_DISTRICTS}"` },
        { a1: 'B4', listA1: 'Z4:Z', help: 'เลือกปีงบประมาณ หรือเว้นว่างเพื่อดูปีล่าสุด' },
      ],
      charts: [
        { kind: 'column', title: 'จำนวนหน่วยงานตามผลการประเมิน', rangeA1: `A${r0}:B${r0 + 4}`, row: 1, col: 5 },
        { kind: 'bar', title: 'คะแนนเฉลี่ยรายตัวชี้วัด', rangeA1: `A${i0}:B${i0 + 9}`, row: 1, col: 9 },
      ],
      widths: [
        [1, 300],
        [2, 120],
        [3, 90],
        [5, 260],
        [6, 200],
        [7, 120],
        [10, 200],
        [11, 120],
      ],
    },
  };
}
