// The default report templates, as data: what "สร้างแม่แบบรายงาน" writes into a
// new Google Doc, which the unit may then restyle freely. Formal Thai
// government documents (Sarabun 16 pt), in our own words; the tables are the
// ones the published documents use (ITA-METHOD.md §6).
import { CHART_INDICATORS, CHART_TOTALS, type ReportKind } from './context';
import { GROUP_PREFIX, GROUP_FIELD, REPEAT_PREFIX, type TemplateText } from './template';

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  // Body text is left-aligned: Thai has few spaces, and justifying stretches them into gaps (issue 11).
  | { readonly kind: 'paragraph'; readonly text: string; readonly align?: 'center' | 'right' | 'justify' }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      /** A row shown once per group of records, above them (first cell only). */
      readonly group?: string;
      readonly row: readonly string[];
      readonly widths?: readonly number[];
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
};

export const FONT = { family: 'Sarabun', size: 16 } as const;

const repeat = (collection: string, first: string) => `{{${REPEAT_PREFIX}${collection}}}${first}`;
const groupRow = (collection: string) => `{{${GROUP_PREFIX}${collection}}}{{${GROUP_FIELD}}}`;

const PRINCIPLES = [
  'การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) เป็นเครื่องมือที่สำนักงาน ป.ป.ช. ใช้ทุกปีงบประมาณ เพื่อให้หน่วยงานภาครัฐรู้จุดที่ต้องปรับปรุงด้านคุณธรรมและความโปร่งใส และนำผลไปวางมาตรการป้องกันการทุจริต',
  'การประเมินยึดหลัก "เปิดเผย" คือหน่วยงานเปิดเผยข้อมูลการดำเนินงานต่อสาธารณะให้ตรวจสอบได้ และ "เปิดโอกาส" คือให้ผู้มีส่วนได้ส่วนเสียทั้งภายในและภายนอกได้สะท้อนความเห็นต่อการทำงานของหน่วยงาน',
];

const TOOLS = [
  '๑) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) น้ำหนักร้อยละ ๓๐ ครอบคลุมตัวชี้วัดที่ ๑–๕',
  '๒) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) น้ำหนักร้อยละ ๓๐ ครอบคลุมตัวชี้วัดที่ ๖–๘',
  '๓) แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) น้ำหนักร้อยละ ๔๐ ครอบคลุมตัวชี้วัดที่ ๙–๑๐',
];

// Every template ends its body with SIGNATURE after a table: its first, empty
// paragraph is the one Google's appendTable adds after a table ("Google Docs
// documents cannot end with a table"), which writeTemplate writes into, so the
// Doc holds exactly these blocks and no stray empty line.
const SIGNATURE: readonly Block[] = [
  { kind: 'paragraph', text: '' },
  { kind: 'paragraph', text: 'ลงชื่อ ........................................', align: 'right' },
  { kind: 'paragraph', text: '({{ชื่อผู้บริหาร}})', align: 'right' },
  { kind: 'paragraph', text: '{{ตำแหน่งผู้บริหาร}}', align: 'right' },
];

function cover(title: string, years = 'ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}'): readonly Block[] {
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

/** The default template of each report. */
export function defaultTemplate(kind: ReportKind): TemplateDoc {
  if (kind === 'oit') {
    return {
      kind,
      name: 'แม่แบบรายงานความก้าวหน้าการเปิดเผยข้อมูล (OIT)',
      reportName: 'รายงานความก้าวหน้าการเปิดเผยข้อมูล OIT ปี {{ปีงบประมาณ|เลขอารบิก}} {{ชื่อหน่วยงาน}}',
      header: '{{ชื่อหน่วยงาน}}',
      footer: 'รายงานความก้าวหน้าการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ณ {{วันที่จัดทำ}}',
      body: [
        { kind: 'title', text: 'รายงานความก้าวหน้าการเปิดเผยข้อมูลสาธารณะ (OIT)' },
        { kind: 'paragraph', text: '{{ชื่อหน่วยงาน}} อำเภอ{{อำเภอ}} จังหวัด{{จังหวัด}}', align: 'center' },
        { kind: 'paragraph', text: 'ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ข้อมูล ณ วันที่ {{วันที่จัดทำ}}', align: 'center' },
        { kind: 'heading', text: 'สรุป' },
        {
          kind: 'paragraph',
          text: 'จากรายการตรวจการเปิดเผยข้อมูลสาธารณะ {{จำนวนข้อ OIT}} ข้อ หน่วยงานดำเนินการแล้ว {{จำนวนข้อ OIT ที่ดำเนินการแล้ว}} ข้อ (ร้อยละ {{ร้อยละข้อ OIT ที่ดำเนินการแล้ว}}) หากข้อที่ดำเนินการแล้วได้รับการยอมรับทั้งหมด คะแนน OIT จะเป็น {{คะแนน OIT ที่คาด|ว่างเป็นขีด}} คะแนน',
        },
        { kind: 'heading', text: 'รายการตามตัวชี้วัดย่อย' },
        {
          kind: 'table',
          header: ['ข้อ', 'รายการ', 'ผู้รับผิดชอบ', 'สถานะ', 'หลักฐาน (URL)'],
          group: groupRow('รายการ OIT'),
          row: [repeat('รายการ OIT', '{{รหัส}}'), '{{รายการ}}', '{{ผู้รับผิดชอบ}}', '{{ช่องสถานะ}}', '{{ลิงก์หลักฐาน}}'],
          widths: [40, 170, 80, 95, 120],
        },
        ...SIGNATURE,
      ],
    };
  }
  if (kind === 'analysis') {
    return {
      kind,
      name: 'แม่แบบรายงานการวิเคราะห์ผลการประเมิน ITA',
      reportName: 'รายงานการวิเคราะห์ผลการประเมิน ITA ปี {{ปีงบประมาณ|เลขอารบิก}} และมาตรการปี {{ปีมาตรการ|เลขอารบิก}} {{ชื่อหน่วยงาน}}',
      header: '{{ชื่อหน่วยงาน}}',
      footer: 'รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} และมาตรการประจำปีงบประมาณ พ.ศ. {{ปีมาตรการ}}',
      body: [
        ...cover(
          'รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)',
          'ผลการประเมินประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} และมาตรการประจำปีงบประมาณ พ.ศ. {{ปีมาตรการ}}',
        ),
        { kind: 'heading', text: '๑. หลักการประเมิน' },
        ...PRINCIPLES.map((text): Block => ({ kind: 'paragraph', text })),
        { kind: 'paragraph', text: 'การประเมินใช้เครื่องมือ ๓ ชุด รวม ๑๐ ตัวชี้วัด ดังนี้' },
        ...TOOLS.map((text): Block => ({ kind: 'paragraph', text })),
        { kind: 'heading', text: '๒. ผลการประเมินประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}' },
        {
          kind: 'paragraph',
          text: '{{ชื่อหน่วยงาน}} ได้คะแนนรวม {{คะแนนรวม}} คะแนน ผลการประเมิน {{ผลการประเมิน}} ({{ผ่านเกณฑ์}} {{เกณฑ์ผ่าน}} คะแนน) โดยได้คะแนน IIT {{คะแนน IIT}} คะแนน EIT {{คะแนน EIT}} และ OIT {{คะแนน OIT}} คะแนน เมื่อเทียบกับปี {{ปีก่อน}} ซึ่งได้ {{คะแนนรวมปีก่อน}} คะแนน {{การเปลี่ยนแปลง}} {{ผลต่างคะแนนรวม}} คะแนน',
        },
        {
          kind: 'table',
          header: ['ตัวชี้วัด', 'เครื่องมือ', 'ประเด็นการประเมิน', 'คะแนน', 'ผลเทียบเกณฑ์'],
          row: [repeat('ตัวชี้วัด', '{{ตัวชี้วัดที่}}'), '{{เครื่องมือ}}', '{{ชื่อตัวชี้วัด}}', '{{คะแนน}}', '{{ผลเทียบเกณฑ์}}'],
          widths: [50, 55, 190, 60, 80],
        },
        { kind: 'chart', name: CHART_INDICATORS },
        { kind: 'chart', name: CHART_TOTALS },
        { kind: 'heading', text: '๓. จุดแข็งและจุดที่ต้องพัฒนา' },
        { kind: 'paragraph', text: 'ตัวชี้วัดที่ได้คะแนนตั้งแต่ {{เกณฑ์จุดแข็ง}} คะแนนขึ้นไปถือเป็นจุดแข็ง ต่ำกว่านั้นถือเป็นจุดที่ต้องพัฒนา' },
        { kind: 'table', header: ['จุดแข็ง', 'คะแนน'], row: [repeat('จุดแข็ง', 'ตัวชี้วัดที่ {{ตัวชี้วัดที่}} {{ชื่อตัวชี้วัด}}'), '{{คะแนน}}'], widths: [335, 100] },
        // Two tables need a paragraph between them: this one is the first table's own.
        { kind: 'paragraph', text: '' },
        { kind: 'table', header: ['จุดที่ต้องพัฒนา', 'คะแนน'], row: [repeat('จุดที่ต้องพัฒนา', 'ตัวชี้วัดที่ {{ตัวชี้วัดที่}} {{ชื่อตัวชี้วัด}}'), '{{คะแนน}}'], widths: [335, 100] },
        { kind: 'heading', text: '๔. มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีมาตรการ}}' },
        {
          kind: 'paragraph',
          text: 'เพื่อนำผลการประเมินประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ไปพัฒนาการดำเนินงาน {{ชื่อหน่วยงาน}} กำหนดมาตรการสำหรับปีงบประมาณ พ.ศ. {{ปีมาตรการ}} โดยเน้นตัวชี้วัดที่ยังเป็นจุดที่ต้องพัฒนา ดังนี้',
        },
        {
          kind: 'table',
          header: ['ตัวชี้วัด', 'ประเด็น', 'มาตรการ/แนวทาง', 'วิธีการดำเนินการ', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'การติดตามผล'],
          group: groupRow('มาตรการ'),
          row: [repeat('มาตรการ', '{{ตัวชี้วัด}}'), '{{ประเด็น}}', '{{มาตรการ/แนวทาง}}', '{{วิธีการดำเนินการ}}', '{{ผู้รับผิดชอบ}}', '{{ระยะเวลา}}', '{{การติดตามผล}}'],
          widths: [40, 70, 90, 90, 50, 50, 55],
        },
        ...SIGNATURE,
      ],
    };
  }
  return {
    kind,
    name: 'แม่แบบรายงานผลการดำเนินการตามมาตรการ ITA',
    landscape: true,
    reportName: 'รายงานผลการดำเนินการตามมาตรการ ITA ปี {{ปีงบประมาณ|เลขอารบิก}} {{ชื่อหน่วยงาน}}',
    header: '{{ชื่อหน่วยงาน}}',
    footer: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}',
    body: [
      ...cover('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'),
      { kind: 'heading', text: 'สรุปผลการดำเนินการ' },
      {
        kind: 'paragraph',
        text: 'ตามที่{{ชื่อหน่วยงาน}}ได้กำหนดมาตรการเพื่อยกระดับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} จำนวน {{จำนวนมาตรการ}} มาตรการ ขณะนี้ดำเนินการแล้ว {{จำนวนดำเนินการแล้ว}} มาตรการ รายละเอียดตามตารางต่อไปนี้',
      },
      {
        kind: 'table',
        header: ['ลำดับ', 'มาตรการ/กิจกรรม', 'วิธีดำเนินการ', 'ระยะเวลา', 'ผู้รับผิดชอบ', 'สถานะ', 'สรุปผลการดำเนินการ', 'ผลลัพธ์หรือความสำเร็จ', 'ข้อเสนอแนะ'],
        group: groupRow('มาตรการ'),
        row: [repeat('มาตรการ', '{{ลำดับ}}'), '{{มาตรการ/แนวทาง}}', '{{วิธีการดำเนินการ}}', '{{ระยะเวลา}}', '{{ผู้รับผิดชอบ}}', '{{สถานะ}}', '{{ผลการดำเนินการ}}', '{{ผลลัพธ์หรือความสำเร็จ}}', '{{ข้อเสนอแนะ}}'],
        widths: [34, 110, 110, 70, 65, 60, 90, 90, 70],
      },
      ...SIGNATURE,
    ],
  };
}

/** Every text of a template with where it is, for checkTemplate. */
export function templateTexts(t: TemplateDoc): TemplateText[] {
  const out: TemplateText[] = [
    { where: 'ชื่อรายงาน', text: t.reportName },
    { where: 'หัวกระดาษ', text: t.header },
    { where: 'ท้ายกระดาษ', text: t.footer },
  ];
  let table = 0;
  t.body.forEach((b, i) => {
    if (b.kind === 'table') {
      table += 1;
      const at = (index: number) => ({ table: `ตาราง ${table}`, index });
      b.header.forEach((text) => out.push({ where: `ตาราง ${table} แถว 1`, text, row: at(0) }));
      if (b.group) out.push({ where: `ตาราง ${table} แถวกลุ่ม`, text: b.group, row: at(1) });
      b.row.forEach((text) => out.push({ where: `ตาราง ${table} แถวซ้ำ`, text, row: at(b.group ? 2 : 1) }));
    } else if (b.kind === 'chart') out.push({ where: `ย่อหน้า ${i + 1}`, text: `{{กราฟ:${b.name}}}` });
    else if (b.kind !== 'pageBreak') out.push({ where: `ย่อหน้า ${i + 1}`, text: b.text });
  });
  return out;
}
