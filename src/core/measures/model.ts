// A measure (มาตรการ): what a unit does to raise its ITA score, and how it went
// (ITA-METHOD.md §6). Kept as one row of the measures sheet.

/** Most characters a Sheets cell holds. */
export const CELL_LIMIT = 50_000;

export const STATUSES = ['ยังไม่ได้ดำเนินการ', 'กำลังดำเนินการ', 'ดำเนินการแล้ว'] as const;
export type Status = (typeof STATUSES)[number];

/** A measure as it travels between sheet, server and sidebar: JSON-safe, dates as "YYYY-MM-DD". */
export interface Measure {
  readonly id: string;
  readonly fiscalYear: number;
  /** Indicators concerned, 1–10, ascending. */
  readonly indicators: readonly number[];
  readonly issue: string;
  readonly measure: string;
  readonly method: string;
  readonly responsible: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly followUp: string;
  readonly status: Status;
  readonly result: string;
  readonly outcome: string;
  readonly suggestion: string;
  readonly problems: string;
  readonly evidenceUrl: string;
  /**
   * Time of the last save as local text in the spreadsheet's time zone
   * ("2026-01-15 09:41:07"; rows saved by earlier versions hold ISO UTC text);
   * the edit check compares it.
   */
  readonly updatedAt: string;
  readonly updatedBy: string;
  /**
   * Fingerprint of the row's cells in the add-on's columns as read
   * (src/core/table.ts): the form sends it back, and a save or delete is
   * refused when the row no longer has it — whatever changed, a cell the
   * reader cannot parse included. Absent from measures sent by an older sidebar.
   */
  readonly rev?: string;
}

/** What the form sends: a measure without the fields the server sets. */
export type MeasureInput = Omit<Measure, 'id' | 'updatedAt' | 'updatedBy' | 'rev'>;

export type MeasureField = Exclude<keyof Measure, 'rev'>;

/** How a field is kept in a cell. */
export type CellKind = 'id' | 'text' | 'year' | 'indicators' | 'date' | 'status' | 'url' | 'timestamp';

export interface Column {
  readonly field: MeasureField;
  /** Header in the sheet; columns are found by this name. */
  readonly header: string;
  readonly kind: CellKind;
}

/** The measures sheet's columns, in the order a new sheet gets them. */
export function measureColumns(): readonly Column[] {
  return [
    { field: 'id', header: 'รหัส', kind: 'id' },
    { field: 'fiscalYear', header: 'ปีงบประมาณ', kind: 'year' },
    { field: 'indicators', header: 'ตัวชี้วัด', kind: 'indicators' },
    { field: 'issue', header: 'ประเด็น', kind: 'text' },
    { field: 'measure', header: 'มาตรการ/แนวทาง', kind: 'text' },
    { field: 'method', header: 'วิธีการดำเนินการ', kind: 'text' },
    { field: 'responsible', header: 'ผู้รับผิดชอบ', kind: 'text' },
    { field: 'startDate', header: 'วันที่เริ่ม', kind: 'date' },
    { field: 'endDate', header: 'วันที่สิ้นสุด', kind: 'date' },
    { field: 'followUp', header: 'การติดตามผล', kind: 'text' },
    { field: 'status', header: 'สถานะ', kind: 'status' },
    { field: 'result', header: 'ผลการดำเนินการ', kind: 'text' },
    { field: 'outcome', header: 'ผลลัพธ์หรือความสำเร็จ', kind: 'text' },
    { field: 'suggestion', header: 'ข้อเสนอแนะ', kind: 'text' },
    { field: 'problems', header: 'ปัญหาอุปสรรค', kind: 'text' },
    { field: 'evidenceUrl', header: 'ลิงก์หลักฐาน', kind: 'url' },
    { field: 'updatedAt', header: 'แก้ไขล่าสุด', kind: 'timestamp' },
    { field: 'updatedBy', header: 'แก้ไขโดย', kind: 'text' },
  ];
}

/** Extra columns of the recycle sheet. */
export const DELETED_AT = 'ลบเมื่อ';
export const DELETED_BY = 'ลบโดย';

/** Form labels (Thai), by field; the sidebar and error messages use them. */
export function fieldLabels(): Readonly<Record<MeasureField, string>> {
  return {
    id: 'รหัส',
    fiscalYear: 'ปีงบประมาณ',
    indicators: 'ตัวชี้วัด',
    issue: 'ประเด็น',
    measure: 'มาตรการ/แนวทาง',
    method: 'วิธีการดำเนินการ',
    responsible: 'ผู้รับผิดชอบ',
    startDate: 'วันที่เริ่ม',
    endDate: 'วันที่สิ้นสุด',
    followUp: 'การติดตามผล',
    status: 'สถานะ',
    result: 'ผลการดำเนินการ',
    outcome: 'ผลลัพธ์หรือความสำเร็จ',
    suggestion: 'ข้อเสนอแนะ',
    problems: 'ปัญหาอุปสรรค',
    evidenceUrl: 'ลิงก์หลักฐาน',
    updatedAt: 'แก้ไขล่าสุด',
    updatedBy: 'แก้ไขโดย',
  };
}

/** An empty form for a fiscal year. */
export function blankMeasure(fiscalYear: number): MeasureInput {
  return {
    fiscalYear,
    indicators: [],
    issue: '',
    measure: '',
    method: '',
    responsible: '',
    startDate: '',
    endDate: '',
    followUp: '',
    status: 'ยังไม่ได้ดำเนินการ',
    result: '',
    outcome: '',
    suggestion: '',
    problems: '',
    evidenceUrl: '',
  };
}
