// The building blocks of the default report templates (one file per kind
// beside this one): what "สร้างแม่แบบรายงาน" writes into a new Google Doc.
import type { ReportKind } from '../context';
import { GROUP_PREFIX, GROUP_FIELD, HEADING_PREFIX, REPEAT_PREFIX } from '../template';

/** One paragraph of a table cell that holds several (a comment line and a signature block, say). */
export interface CellParagraph {
  readonly text: string;
  readonly align?: 'center' | 'right';
  /** As a paragraph block's: 'signature' is centred on the right part of the page. */
  readonly indent?: 'none' | 'signature';
}

/** A cell's text, or its paragraphs when it holds more than one. */
export type Cell = string | readonly CellParagraph[];

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  // Body text is left-aligned: Thai has few spaces, and justifying stretches them into gaps (issue 11).
  | {
      readonly kind: 'paragraph';
      readonly text: string;
      readonly align?: 'center' | 'right' | 'justify';
      readonly bold?: boolean;
      /**
       * 'body': prose, its first line indented as Thai official documents are
       * (the default for left-aligned text); 'none': flush; 'signature': in the
       * right half of the page, centred there.
       */
      readonly indent?: 'body' | 'none' | 'signature';
    }
  | {
      readonly kind: 'table';
      /** The header row; none when empty. */
      readonly header: readonly string[];
      /** A row shown once per group of records, above them (first cell only); default templates use a group heading instead. */
      readonly group?: string;
      readonly row: readonly Cell[];
      /** Relative widths of the columns: written scaled to the page's text width. */
      readonly widths?: readonly number[];
      /** No ruled lines, body-size text: a layout table (the memo's chain of comments), not a table of data. */
      readonly borderless?: boolean;
    }
  | { readonly kind: 'chart'; readonly name: string }
  | { readonly kind: 'pageBreak' };

export interface TemplateDoc {
  readonly kind: ReportKind;
  /** Name of the template Doc. */
  readonly name: string;
  /** Name of each generated report (placeholders allowed). */
  readonly reportName: string;
  readonly header: string;
  readonly footer: string;
  /** A4 across, for wide tables. */
  readonly landscape?: boolean;
  readonly body: readonly Block[];
}

export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  analysis: 'วิเคราะห์ผลการประเมินและมาตรการ',
  progress: 'รายงานผลการดำเนินการตามมาตรการ',
  oit: 'รายงานความก้าวหน้าการเปิดเผยข้อมูล (OIT)',
  // Not "รายงานผลการดำเนินการตามมาตรการ": the dialog and the log tell the memo from the report it covers.
  memo: 'บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ',
  announcement: 'ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
};

/** Every report, in the order the dialog offers them. */
export const REPORT_KINDS = Object.keys(REPORT_TITLES) as readonly ReportKind[];

export const FONT = { family: 'Sarabun', size: 16 } as const;

export const repeat = (collection: string, first: string) => `{{${REPEAT_PREFIX}${collection}}}${first}`;
export const groupRow = (collection: string) => `{{${GROUP_PREFIX}${collection}}}{{${GROUP_FIELD}}}`;

/** The heading of each group of a collection, right above the table that repeats it: the table is made once per group. */
export const groupHeading = (collection: string): Block => ({ kind: 'paragraph', text: `{{${HEADING_PREFIX}${collection}}}{{${GROUP_FIELD}}}`, bold: true, indent: 'none' });


/** The paragraphs of a cell. */
export const cellParagraphs = (c: Cell): readonly CellParagraph[] => (typeof c === 'string' ? [{ text: c }] : c);

/** A signature block (ITA-METHOD.md §9): the line to sign on, the name in brackets, the position, centred on the right part of the page. */
export function signature(name: string, position: string): CellParagraph[] {
  return [
    { text: '(ลงชื่อ) ........................................', indent: 'signature' },
    { text: `(${name})`, indent: 'signature' },
    { text: position, indent: 'signature' },
  ];
}

// Every template ends its body with SIGNATURE after a table: its first, empty
// paragraph is the one Google's appendTable adds after a table ("Google Docs
// documents cannot end with a table"), which writeTemplate writes into, so the
// Doc holds exactly these blocks and no stray empty line.
export const SIGNATURE: readonly Block[] = [
  { kind: 'paragraph', text: '' },
  ...signature('{{ชื่อผู้บริหาร}}', '{{ตำแหน่งผู้บริหาร}}').map((p): Block => ({ kind: 'paragraph', ...p })),
];

export function cover(title: string, years = 'ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}'): readonly Block[] {
  return [
    { kind: 'title', text: title },
    { kind: 'paragraph', text: years, align: 'center' },
    { kind: 'paragraph', text: '' },
    { kind: 'paragraph', text: '{{ชื่อหน่วยงาน}}', align: 'center' },
    { kind: 'paragraph', text: 'อำเภอ{{อำเภอ}} จังหวัด{{จังหวัด}}', align: 'center' },
    { kind: 'paragraph', text: '{{วันที่จัดทำ}}', align: 'center' },
    { kind: 'pageBreak' },
  ];
}

