import { columnNumber } from './columns';
// The ITA workbook: the sheets the add-on keeps in the unit's spreadsheet, as
// data. Setting up creates what is missing and never touches what exists.
import { DELETED_AT, DELETED_BY, measureColumns, STATUSES } from './measures/model';
import { COMMENT_CHAIN_KEY, COMMENT_ROLES, DEFAULT_COMMENT_CHAIN } from './report/signers';

export const SHEET = {
  settings: 'ตั้งค่า ITA',
  scores: 'คะแนน ITA',
  measures: 'มาตรการ',
  deleted: 'มาตรการที่ลบ',
  reports: 'รายงานที่สร้าง',
} as const;

/** Named range over the measures sheet's columns (whole columns: it grows with the rows). */
export const MEASURES_RANGE = 'ITA_MEASURES';

export const UNIT_KINDS = ['องค์การบริหารส่วนตำบล', 'เทศบาลตำบล', 'เทศบาลเมือง', 'เทศบาลนคร', 'อื่น ๆ'] as const;

export interface Validation {
  readonly list: readonly string[];
  /** true: other input is kept with a warning; false: it is refused. */
  readonly allowInvalid: boolean;
  readonly help: string;
}

export interface ColumnSpec {
  readonly header: string;
  /** Number format of the column's data cells ("@" = plain text). */
  readonly format?: string;
  readonly validation?: Validation;
  readonly width?: number;
  /** A formula for the first data row (`first`, 2 under a header in row 1) that fills the column, from the columns' letters by header. */
  readonly formula?: (letter: (header: string) => string | undefined, first: number) => string | undefined;
  /** Why `formula` may answer nothing, in Thai, for set-up's report (default: indicators 1–10 not side by side). */
  readonly formulaNeeds?: string;
  /**
   * Where `formula` goes: the first data row (default), or the header cell
   * itself — a formula that shows the header on top of the column it fills
   * (`={"คะแนนรวม"; ITA_SCORE(G2:S, F2:F)}`, headerLiteral), so that a sort of
   * the data rows, which moves row 2, cannot move it.
   */
  readonly formulaIn?: 'header';
}

export interface TableSheetSpec {
  readonly kind: 'table';
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
}

export interface SettingSpec {
  readonly key: string;
  readonly value: string | number;
  readonly validation?: Validation;
  readonly note: string;
}

export interface SettingsSheetSpec {
  readonly kind: 'settings';
  readonly name: string;
  readonly headers: readonly [string, string, string];
  readonly settings: readonly SettingSpec[];
}

/** Columns of the log of generated reports. */
export const REPORT_LOG_HEADERS = ['เวลา', 'ผู้สร้าง', 'รายงาน', 'ปีงบประมาณ', 'ชื่อไฟล์', 'ลิงก์', 'PDF'] as const;

export const THAI_DATE_FORMAT = 'd mmmm yyyy';
export const SCORE_FORMAT = '0.00';

const indicatorHeader = (n: number) => `ตัวชี้วัด ${n}`;

/** Indicators 1–10 side by side in order: "B2:K" and the year column "A2:A" (from the first data row). */
function scoreRanges(letter: (h: string) => string | undefined, first = 2): { ind: string; year: string } | undefined {
  const letters = Array.from({ length: 10 }, (_, i) => letter(indicatorHeader(i + 1)));
  const year = letter('ปีงบประมาณ');
  if (!year || letters.some((l) => !l)) return undefined;
  const nums = letters.map((l) => columnNumber(l!));
  if (nums.some((n, i) => i > 0 && n !== nums[i - 1]! + 1)) return undefined; // not side by side
  return { ind: `${letters[0]}${first}:${letters[9]}`, year: `${year}${first}:${year}` };
}

/** Every sheet of the workbook, in the order setup creates them. */
export function workbookSpec(defaultFiscalYear: number): readonly (TableSheetSpec | SettingsSheetSpec)[] {
  const statusRule: Validation = { list: STATUSES, allowInvalid: false, help: `เลือก ${STATUSES.join(' / ')}` };
  const indicatorRule: Validation = {
    list: Array.from({ length: 10 }, (_, i) => String(i + 1)),
    allowInvalid: true,
    help: 'เลือกตัวชี้วัด 1–10 หรือพิมพ์หลายตัวคั่นด้วยจุลภาค เช่น 1, 9',
  };
  const measureFormat = (kind: string) => (kind === 'date' ? THAI_DATE_FORMAT : kind === 'year' ? '0' : '@');
  const measureCols: ColumnSpec[] = measureColumns().map((c) => ({
    header: c.header,
    format: measureFormat(c.kind),
    ...(c.kind === 'status' ? { validation: statusRule } : c.kind === 'indicators' ? { validation: indicatorRule } : {}),
    width: c.kind === 'text' ? 220 : 110,
  }));
  const tool = (id: string) => (l: (h: string) => string | undefined, first: number) => {
    const r = scoreRanges(l, first);
    return r && `=ITA_TOOL_SCORE(${r.ind}, "${id}", ${r.year})`;
  };
  return [
    {
      kind: 'settings',
      name: SHEET.settings,
      headers: ['รายการ', 'ค่า', 'คำอธิบาย'],
      settings: [
        { key: 'ชื่อหน่วยงาน', value: '', note: 'เช่น องค์การบริหารส่วนตำบลบ้านแลง' },
        { key: 'ประเภทหน่วยงาน', value: UNIT_KINDS[0], validation: { list: UNIT_KINDS, allowInvalid: true, help: 'เลือกประเภทหน่วยงาน' }, note: '' },
        { key: 'อำเภอ', value: '', note: '' },
        { key: 'จังหวัด', value: '', note: '' },
        { key: 'ปีงบประมาณ', value: defaultFiscalYear, note: 'ปี พ.ศ. ที่กำลังจัดทำมาตรการ' },
        // Signers of the memo and the announcement (ITA-METHOD.md §9). A blank name leaves a dotted
        // line to sign by hand; a blank position is the usual one for the unit (src/core/report/signers.ts).
        { key: 'ชื่อผู้บริหาร', value: '', note: 'ผู้ลงนามในประกาศ และผู้รับบันทึกข้อความ (ว่างไว้ = เว้นเส้นประให้เขียนเอง)' },
        { key: 'ตำแหน่งผู้บริหาร', value: '', note: 'ว่างไว้ = นายก<ชื่อหน่วยงาน> เช่น นายกองค์การบริหารส่วนตำบลห้วยเตย หรือ นายกเทศมนตรีตำบล…' },
        { key: 'ส่วนราชการ', value: '', note: 'ส่วนราชการที่ออกบันทึกข้อความ (ว่างไว้ = สำนักปลัด<ชื่อหน่วยงาน>)' },
        { key: 'เลขที่หนังสือ', value: '', note: 'เลขที่ของบันทึกข้อความ เช่น มค ๗๑๒๓๔/๑๒๓ (ว่างไว้ = เว้นเส้นประให้เขียนเอง)' },
        { key: 'ชื่อผู้จัดทำรายงาน', value: '', note: 'ผู้ลงนามในบันทึกข้อความ' },
        { key: 'ตำแหน่งผู้จัดทำรายงาน', value: '', note: 'เช่น นักวิเคราะห์นโยบายและแผน' },
        { key: 'ชื่อหัวหน้าส่วนราชการ', value: '', note: 'หัวหน้าของส่วนราชการที่ออกบันทึก' },
        { key: 'ตำแหน่งหัวหน้าส่วนราชการ', value: '', note: 'ว่างไว้ = หัวหน้า<ส่วนราชการ> เช่น หัวหน้าสำนักปลัด… หรือ ผู้อำนวยการกอง…' },
        { key: 'ชื่อปลัด', value: '', note: '' },
        { key: 'ตำแหน่งปลัด', value: '', note: 'ว่างไว้ = ปลัด<ชื่อหน่วยงาน>' },
        {
          key: COMMENT_CHAIN_KEY,
          value: DEFAULT_COMMENT_CHAIN,
          note: `ผู้ให้ความเห็นท้ายบันทึกข้อความ ตามลำดับ คั่นด้วยจุลภาค เลือกจาก ${COMMENT_ROLES.join(', ')} (ว่างไว้ = ไม่มีช่องความเห็น)`,
        },
        { key: 'เกณฑ์จุดแข็ง', value: 80, note: 'ตัวชี้วัดที่ได้คะแนนตั้งแต่ค่านี้ถือเป็นจุดแข็ง ต่ำกว่าถือเป็นจุดที่ต้องพัฒนา' },
      ],
    },
    {
      kind: 'table',
      name: SHEET.scores,
      columns: [
        { header: 'ปีงบประมาณ', format: '0', width: 90 },
        ...Array.from({ length: 10 }, (_, i) => ({ header: indicatorHeader(i + 1), format: SCORE_FORMAT, width: 90 })),
        { header: 'IIT', format: SCORE_FORMAT, formula: tool('IIT') },
        { header: 'EIT', format: SCORE_FORMAT, formula: tool('EIT') },
        { header: 'OIT', format: SCORE_FORMAT, formula: tool('OIT') },
        {
          header: 'คะแนนรวม',
          format: SCORE_FORMAT,
          formula: (l, first) => {
            const r = scoreRanges(l, first);
            return r && `=ITA_SCORE(${r.ind}, ${r.year})`;
          },
        },
        {
          header: 'ผลการประเมิน',
          width: 160,
          formula: (l, first) => {
            const r = scoreRanges(l, first);
            return r && `=ITA_LABEL(${r.ind}, ${r.year})`;
          },
        },
        {
          // No letter column: the NACC has published only labels since 2566 (ITA_LABEL gives the letter before).
          header: 'ที่มาของเกณฑ์',
          width: 220,
          formula: (l, first) => {
            const y = l('ปีงบประมาณ');
            return y && `=ITA_RULES(${y}${first}:${y})`;
          },
        },
      ],
    },
    { kind: 'table', name: SHEET.measures, columns: measureCols },
    {
      kind: 'table',
      name: SHEET.deleted,
      columns: [...measureCols, { header: DELETED_AT, format: '@', width: 160 }, { header: DELETED_BY, format: '@', width: 160 }],
    },
    {
      kind: 'table',
      name: SHEET.reports,
      columns: REPORT_LOG_HEADERS.map((header) => ({ header, format: '@', width: header === 'ลิงก์' || header === 'PDF' ? 320 : 140 })),
    },
  ];
}

/** Columns of an OIT checklist sheet. */
export const OIT_HEADERS = ['รหัส', 'รายการ', 'ตัวชี้วัดย่อย', 'ผู้รับผิดชอบ', 'สถานะ', 'ลิงก์หลักฐาน', 'หมายเหตุ', 'วันที่ตรวจ'] as const;
export const OIT_STATUSES = ['ยังไม่ได้ดำเนินการ', 'ดำเนินการแล้ว'] as const;

/** The evidence link check's columns: written only by the check. */
export const OIT_LINK_HEADERS = ['ผลตรวจลิงก์', 'ที่อยู่ปลายทาง', 'ชนิดเนื้อหา', 'ตรวจลิงก์เมื่อ', 'ข้อสังเกตลิงก์'] as const;
/** Column of the fiscal year an item's evidence must cover (seeded; a person may correct it). */
export const OIT_EVIDENCE_YEAR = 'หลักฐานปีงบประมาณ';
/** Columns set-up adds to a checklist after the others (and after the live score on a new sheet). */
export const OIT_EXTRA_HEADERS = [OIT_EVIDENCE_YEAR, ...OIT_LINK_HEADERS] as const;

/** The OIT checklist sheet of a fiscal year. */
export const oitSheetName = (fiscalYear: number) => `OIT ${fiscalYear}`;
