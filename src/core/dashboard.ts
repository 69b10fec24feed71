// The dashboard of an office that follows many units: live formulas over the
// units sheet's whole columns (found by header at set-up), a district filter
// and a year cell, and two native charts. Written once by set-up; Sheets
// recomputes it whenever the units sheet changes, with no script run. This
// module lays it out as data; src/gas/units.ts writes it.
//
// One helper table (VIEW) holds the units of the year and district shown, and
// every figure is of it. It reads the year and the scores through ITA_YEAR and
// ITA_VALUE (src/core/functions.ts), so that a year typed in Thai digits or
// the Common Era, or a score pasted in Thai digits, counts as it does in the
// total (ITA_SCORE), and districts with spaces trimmed, as the dropdown lists
// them. The rest is Sheets' own functions, all documented by Google
// (support.google.com/docs): IF, IFERROR, COUNTIFS, AVERAGEIFS, MEDIAN, MAX,
// SUM, FILTER, SORT, UNIQUE, ARRAY_CONSTRAIN, ARRAYFORMULA, ISNUMBER, TRIM,
// VLOOKUP, array literals {…}, and the operators & + - / = <> < >. The units
// sheet's own คะแนนรวม and ผลการประเมิน columns hold ITA_SCORE and ITA_LABEL.

import { columnLetters, columnNumber } from './columns';
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
  /** The last column (1-based) the dashboard writes: a new sheet has 26, the helper table goes further. */
  readonly lastColumn: number;
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

/**
 * The helper table (the view): the units of the year shown in the district
 * shown, one row each from VIEW.first — name, district, province (spaces
 * trimmed), total, result, then indicators 1–10 as ITA_VALUE reads them —
 * beside it the total the year before and the change, and the two lists the
 * dropdowns offer. Columns by letter.
 */
export const VIEW = {
  first: 4,
  name: 'R',
  district: 'S',
  province: 'T',
  total: 'U',
  label: 'V',
  /** Indicator 1; indicator n is n − 1 columns to its right. */
  indicator1: 'W',
  previous: 'AG',
  change: 'AH',
  districts: 'AJ',
  years: 'AK',
} as const;

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
  const total = col(UNIT_COL.total);
  const label = col(UNIT_COL.label);
  // The year and the scores as ITA_SCORE reads them (Thai digits, a CE year, text of a number): Sheets'
  // own functions would pass such a cell by, or see another year.
  const year = `ITA_YEAR(${col(UNIT_COL.year)})`;
  const indicatorLetters = Array.from({ length: 10 }, (_, i) => letter(indicatorCol(i + 1))!);
  const nums = indicatorLetters.map(columnNumber);
  const sideBySide = nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
  const indicators = sideBySide
    ? `ITA_VALUE(${U}!${indicatorLetters[0]}${first}:${indicatorLetters[9]})`
    : indicatorLetters.map((l) => `ITA_VALUE(${U}!${l}${first}:${l})`).join(', ');
  const D = '$B$3';
  const Y = '$B$5';
  const P = '$B$6';
  /** FILTER's condition for the district, spaces trimmed as the dropdown lists it (array context: + is OR). */
  const inDistrict = `((${D}="")+(${D}=${str(ALL_DISTRICTS)})+(TRIM(${district})=${D}))>0`;

  const v0 = VIEW.first;
  const viewCol = (l: string) => `$${l}$${v0}:$${l}`;
  const vName = viewCol(VIEW.name);
  const vDistrict = viewCol(VIEW.district);
  const vTotal = viewCol(VIEW.total);
  const vLabel = viewCol(VIEW.label);
  const vIndicator = (i: number) => viewCol(columnLetters(columnNumber(VIEW.indicator1) + i));
  const vPrevious = viewCol(VIEW.previous);
  const vChange = viewCol(VIEW.change);

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
  const years = viewCol(VIEW.years);
  put('B5', { formula: `=IF(ISNUMBER($B$4), $B$4, IF(MAX(${years})>0, MAX(${years}), ""))`, format: '0' });
  head('A6', 'เทียบกับปี');
  put('B6', { formula: `=IF(ISNUMBER(${Y}), ${Y}-1, "")`, format: '0' });

  head('A8', 'สรุปปีที่แสดง');
  head('B8', 'จำนวน');
  head('C8', 'ร้อยละ');
  put('A9', { value: 'หน่วยงานที่มีคะแนนรวม' });
  put('B9', { formula: `=COUNTIFS(${vTotal}, ${str('>=0')})` });
  put('A10', { value: 'ผ่านเกณฑ์ 85 ขึ้นไป' });
  const r0 = DASHBOARD_AT.labelsFirstRow;
  put('B10', { formula: `=SUM(B${r0}:B${r0 + 2})` });
  put('C10', { formula: '=IFERROR(B10/B9, "")', format: '0.0%' });
  put('A11', { value: 'คะแนนรวมเฉลี่ย' });
  put('B11', { formula: `=IFERROR(AVERAGEIFS(${vTotal}, ${vTotal}, ${str('>=0')}), "")`, format: '0.00' });
  put('A12', { value: 'คะแนนรวมมัธยฐาน' });
  put('B12', { formula: `=IFERROR(MEDIAN(${vTotal}), "")`, format: '0.00' });
  put('A13', { value: 'แถวที่อ่านคะแนนไม่ได้ (คะแนนรวมขึ้น ⚠)' });
  put('B13', { formula: `=COUNTIFS(${vTotal}, ${str('⚠*')})` });

  head(`A${r0 - 1}`, 'ผลการประเมิน');
  head(`B${r0 - 1}`, 'จำนวน');
  head(`C${r0 - 1}`, 'ร้อยละ');
  DASHBOARD_LABELS.forEach((l, i) => {
    const r = r0 + i;
    put(`A${r}`, { value: l });
    put(`B${r}`, { formula: `=COUNTIFS(${vLabel}, $A${r})` });
    put(`C${r}`, { formula: `=IFERROR(B${r}/$B$9, "")`, format: '0.0%' });
  });

  const i0 = DASHBOARD_AT.indicatorsFirstRow;
  head(`A${i0 - 1}`, 'ตัวชี้วัด');
  head(`B${i0 - 1}`, 'คะแนนเฉลี่ย');
  defaultIndicators().forEach((ind, i) => {
    const r = i0 + i;
    const c = vIndicator(ind.no - 1);
    put(`A${r}`, { value: `${ind.no} ${ind.name}` });
    put(`B${r}`, { formula: `=IFERROR(AVERAGEIFS(${c}, ${c}, ${str('>=0')}), "")`, format: '0.00' });
  });
  head(`E${i0 - 1}`, 'ตัวชี้วัดที่อ่อนที่สุด (เฉลี่ยต่ำสุดก่อน)');
  head(`F${i0 - 1}`, 'คะแนนเฉลี่ย');
  const means = `A${i0}:B${i0 + 9}`;
  put(DASHBOARD_AT.weakest, { formula: `=IFERROR(SORT(FILTER(${means}, ISNUMBER(B${i0}:B${i0 + 9})), 2, TRUE), "")`, format: '0.00' });

  // The view: the units of the year shown in the district shown, every figure above is of it. Beside it, each
  // unit's total the year before, matched by name, district and province (spaces trimmed, as unitKey does;
  // VLOOKUP ignores case), and the change.
  put('R2', { value: 'ตารางช่วยคำนวณของภาพรวม (สูตร) กรุณาอย่าแก้ไขหรือพิมพ์ทับ' });
  const h3 = (l: string, value: string) => head(`${l}3`, value);
  h3(VIEW.name, 'ตารางช่วยคำนวณ: หน่วยงาน');
  h3(VIEW.district, 'อำเภอ');
  h3(VIEW.province, 'จังหวัด');
  h3(VIEW.total, 'คะแนนรวม');
  h3(VIEW.label, 'ผลการประเมิน');
  defaultIndicators().forEach((ind, i) => h3(columnLetters(columnNumber(VIEW.indicator1) + i), `ตัวชี้วัด ${ind.no}`));
  h3(VIEW.previous, 'คะแนนปีก่อน');
  h3(VIEW.change, 'เปลี่ยนแปลง');
  const key = (n: string, d: string, p: string) => `TRIM(${n})&"|"&TRIM(${d})&"|"&TRIM(${p})`;
  put(`${VIEW.name}${v0}`, {
    formula: `=IFERROR(FILTER({TRIM(${name}), TRIM(${district}), TRIM(${province}), ${total}, ${label}, ${indicators}}, ${year}=${Y}, ${inDistrict}), "")`,
  });
  put(`${VIEW.previous}${v0}`, {
    formula: `=ARRAYFORMULA(IF(${vName}="", "", IFERROR(VLOOKUP(${vName}&"|"&${vDistrict}&"|"&${viewCol(VIEW.province)}, FILTER({${key(name, district, province)}, ${total}}, ${year}=${P}, ISNUMBER(${total})), 2, FALSE), "")))`,
  });
  put(`${VIEW.change}${v0}`, { formula: `=ARRAYFORMULA(IF(ISNUMBER(${vTotal}), IF(ISNUMBER(${vPrevious}), ${vTotal}-${vPrevious}, ""), ""))` });

  const h0 = DASHBOARD_AT.listsHeaderRow;
  head(`A${h0 - 1}`, 'หน่วยงานที่ต่ำกว่า 85 (คะแนนต่ำสุดก่อน)');
  ['ชื่อหน่วยงาน', 'อำเภอ', 'คะแนนรวม', 'ผลการประเมิน'].forEach((t, i) => head(`${columnLetters(1 + i)}${h0}`, t));
  const failing = `((${FAILING.map((l) => `(${vLabel}=${str(l)})`).join('+')})>0)`;
  put(DASHBOARD_AT.below, {
    formula: `=IFERROR(SORT(FILTER({${vName}, ${vDistrict}, ${vTotal}, ${vLabel}}, ISNUMBER(${vTotal}), ${failing}), 3, TRUE), "ไม่มี")`,
  });
  head(`F${h0 - 1}`, `คะแนนเพิ่มขึ้นมากที่สุดเทียบปีก่อน (${CHANGES_LISTED} อันดับ)`);
  head(`J${h0 - 1}`, `คะแนนลดลงมากที่สุดเทียบปีก่อน (${CHANGES_LISTED} อันดับ)`);
  ['ชื่อหน่วยงาน', 'อำเภอ', 'เปลี่ยนแปลง'].forEach((t, i) => {
    head(`${columnLetters(6 + i)}${h0}`, t);
    head(`${columnLetters(10 + i)}${h0}`, t);
  });
  const changes = (cmp: string, ascending: boolean) =>
    `=IFERROR(ARRAY_CONSTRAIN(SORT(FILTER({${vName}, ${vDistrict}, ${vChange}}, ISNUMBER(${vChange}), ${vChange}${cmp}0), 3, ${ascending ? 'TRUE' : 'FALSE'}), ${CHANGES_LISTED}, 3), "ไม่มี")`;
  put(DASHBOARD_AT.rises, { formula: changes('>', false) });
  put(DASHBOARD_AT.falls, { formula: changes('<', true) });

  // The lists of allowed values of the two input cells, live: every district (spaces trimmed) and every year present.
  h3(VIEW.districts, 'รายการอำเภอ');
  put(`${VIEW.districts}${v0}`, { value: ALL_DISTRICTS });
  put(`${VIEW.districts}${v0 + 1}`, { formula: `=IFERROR(SORT(UNIQUE(FILTER(TRIM(${district}), TRIM(${district})<>"")), 1, TRUE), "")` });
  h3(VIEW.years, 'รายการปี');
  put(`${VIEW.years}${v0}`, { formula: `=IFERROR(SORT(UNIQUE(FILTER(${year}, ISNUMBER(${year}))), 1, FALSE), "")`, format: '0' });

  return {
    layout: {
      cells,
      validations: [
        { a1: 'B3', listA1: `${VIEW.districts}${VIEW.first}:${VIEW.districts}`, help: `เลือกอำเภอ หรือ "${ALL_DISTRICTS}"` },
        { a1: 'B4', listA1: `${VIEW.years}${VIEW.first}:${VIEW.years}`, help: 'เลือกปีงบประมาณ หรือเว้นว่างเพื่อดูปีล่าสุด' },
      ],
      charts: [
        { kind: 'column', title: 'จำนวนหน่วยงานตามผลการประเมิน', rangeA1: `A${r0}:B${r0 + 4}`, row: 1, col: 5 },
        { kind: 'bar', title: 'คะแนนเฉลี่ยรายตัวชี้วัด', rangeA1: `A${i0}:B${i0 + 9}`, row: 1, col: 9 },
      ],
      lastColumn: columnNumber(VIEW.years),
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
