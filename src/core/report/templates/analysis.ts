// The default template of the analysis of a year's results with the next year's measures (seeds 001, 003).
import { explanationFor } from '../../data/explanations';
import { defaultYear, frameworkFor } from '../../framework';
import { toThaiDigits } from '../../thai';
import { CHART_INDICATORS, CHART_TOTALS } from '../context';
import { cover, groupHeading, repeat, SIGNATURE, type Block, type TemplateDoc } from './blocks';

const PRINCIPLES = [
  'การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) เป็นเครื่องมือที่สำนักงาน ป.ป.ช. ใช้ทุกปีงบประมาณ เพื่อให้หน่วยงานภาครัฐรู้จุดที่ต้องปรับปรุงด้านคุณธรรมและความโปร่งใส และนำผลไปวางมาตรการป้องกันการทุจริต',
  'การประเมินยึดหลัก "เปิดเผย" คือหน่วยงานเปิดเผยข้อมูลการดำเนินงานต่อสาธารณะให้ตรวจสอบได้ และ "เปิดโอกาส" คือให้ผู้มีส่วนได้ส่วนเสียทั้งภายในและภายนอกได้สะท้อนความเห็นต่อการทำงานของหน่วยงาน',
];

const TOOLS = [
  '๑) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) น้ำหนักร้อยละ ๓๐ ครอบคลุมตัวชี้วัดที่ ๑–๕',
  '๒) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) น้ำหนักร้อยละ ๓๐ ครอบคลุมตัวชี้วัดที่ ๖–๘',
  '๓) แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) น้ำหนักร้อยละ ๔๐ ครอบคลุมตัวชี้วัดที่ ๙–๑๐',
];

/**
 * One paragraph per indicator, by tool, in words the unit may edit in its
 * template Doc: what the indicator measures (the explanations of the latest
 * published framework), then its result through the indexed placeholders.
 */
function byIndicator(): Block[] {
  const fw = frameworkFor(defaultYear());
  const count = toThaiDigits(String(fw.indicators.length));
  return fw.tools.flatMap((tool) => [
    // The tool's line heads its indicators' paragraphs: bold, flush, apart from the paragraph above.
    { kind: 'paragraph', text: `${tool.name} (${tool.id}) ได้ {{คะแนน ${tool.id}}} คะแนน`, bold: true, indent: 'none' } as Block,
    ...fw.indicators
      .filter((ind) => ind.tool === tool.id)
      .map(
        (ind): Block => ({
          kind: 'paragraph',
          text: `ตัวชี้วัดที่ ${toThaiDigits(String(ind.no))} ${ind.name} ${explanationFor(fw.year, ind.no)?.measures ?? ''} ผลการประเมินปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ตัวชี้วัดนี้{{ความหมายตัวชี้วัดที่ ${ind.no}}} (อันดับที่ {{อันดับตัวชี้วัดที่ ${ind.no}}} จาก ${count} ตัวชี้วัด)`,
        }),
      ),
  ]);
}

export function analysisTemplate(): TemplateDoc {
  return {
    kind: 'analysis',
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
        widths: [58, 66, 177, 62, 88],
      },
      { kind: 'chart', name: CHART_INDICATORS },
      { kind: 'chart', name: CHART_TOTALS },
      // Year over year for every tool; empty without an earlier year (the dialog says so).
      { kind: 'paragraph', text: '{{สรุปการเปลี่ยนแปลง}}' },
      { kind: 'heading', text: '๒.๑ ผลการประเมินรายตัวชี้วัด' },
      { kind: 'paragraph', text: 'สิ่งที่แต่ละตัวชี้วัดประเมิน และความหมายของคะแนนที่หน่วยงานได้เมื่อเทียบกับเกณฑ์จุดแข็ง {{เกณฑ์จุดแข็ง}} คะแนน มีดังนี้' },
      ...byIndicator(),
      { kind: 'heading', text: '๒.๒ ลำดับคะแนนรายตัวชี้วัด' },
      { kind: 'paragraph', text: 'เรียงตัวชี้วัดจากคะแนนสูงไปต่ำ ตัวชี้วัดที่ได้คะแนนเท่ากันอยู่ในอันดับเดียวกัน' },
      {
        kind: 'table',
        header: ['อันดับ', 'ตัวชี้วัด', 'เครื่องมือ', 'คะแนน'],
        row: [repeat('ตัวชี้วัดเรียงคะแนน', '{{อันดับ}}'), 'ตัวชี้วัดที่ {{ตัวชี้วัดที่}} {{ชื่อตัวชี้วัด}}', '{{เครื่องมือ}}', '{{คะแนน}}'],
        widths: [55, 260, 66, 70],
      },
      { kind: 'heading', text: '๓. จุดแข็งและจุดที่ต้องพัฒนา' },
      { kind: 'paragraph', text: 'ตัวชี้วัดที่ได้คะแนนตั้งแต่ {{เกณฑ์จุดแข็ง}} คะแนนขึ้นไปถือเป็นจุดแข็ง ต่ำกว่านั้นถือเป็นจุดที่ต้องพัฒนา' },
      { kind: 'table', header: ['จุดแข็ง', 'คะแนน'], row: [repeat('จุดแข็ง', 'ตัวชี้วัดที่ {{ตัวชี้วัดที่}} {{ชื่อตัวชี้วัด}}'), '{{คะแนน}}'], widths: [335, 100] },
      // Two tables need a paragraph between them: this one is the first table's own.
      { kind: 'paragraph', text: 'ตัวชี้วัดที่ต่ำกว่าเกณฑ์จุดแข็ง {{เกณฑ์จุดแข็ง}} คะแนน และประเด็นที่มักทำให้คะแนนต่ำ ซึ่งหน่วยงานต้องตรวจสอบและแก้ไข มีดังนี้' },
      {
        kind: 'table',
        header: ['จุดที่ต้องพัฒนา', 'คะแนน', 'ประเด็นที่ต้องแก้ไข'],
        row: [repeat('จุดที่ต้องพัฒนา', 'ตัวชี้วัดที่ {{ตัวชี้วัดที่}} {{ชื่อตัวชี้วัด}}'), '{{คะแนน}}', '{{ประเด็นที่ต้องแก้ไข}}'],
        widths: [140, 60, 251],
      },
      { kind: 'heading', text: '๔. มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีมาตรการ}}' },
      {
        kind: 'paragraph',
        text: 'เพื่อนำผลการประเมินประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ไปพัฒนาการดำเนินงาน {{ชื่อหน่วยงาน}} กำหนดมาตรการสำหรับปีงบประมาณ พ.ศ. {{ปีมาตรการ}} โดยเน้นตัวชี้วัดที่ยังเป็นจุดที่ต้องพัฒนา ดังนี้',
      },
      groupHeading('มาตรการ'),
      {
        kind: 'table',
        // The indicator is the group's heading above the table: no column for it.
        header: ['ประเด็น', 'มาตรการ/แนวทาง', 'วิธีการดำเนินการ', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'การติดตามผล'],
        row: [repeat('มาตรการ', '{{ประเด็น}}'), '{{มาตรการ/แนวทาง}}', '{{วิธีการดำเนินการ}}', '{{ผู้รับผิดชอบ}}', '{{ระยะเวลา}}', '{{การติดตามผล}}'],
        widths: [68, 86, 86, 82, 60, 69],
      },
      ...SIGNATURE,
    ],
  };
}

/**
 * The default template of an office that writes one unit's analysis per row
 * of its units sheet (issue 12): the same analysis of the year's results, with
 * no section of next year's measures — the units sheet holds none; the unit
 * writes them on the office's analysis.
 */
export function unitsAnalysisTemplate(): TemplateDoc {
  const single = analysisTemplate();
  const measures = single.body.findIndex((b) => b.kind === 'heading' && b.text.startsWith('๔.'));
  const body = single.body.slice(0, measures).map((b, i) =>
    i === 1 && b.kind === 'paragraph' ? { ...b, text: 'ผลการประเมินประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}' } : b,
  );
  return {
    ...single,
    name: 'แม่แบบรายงานผลการประเมิน ITA รายหน่วยงาน',
    reportName: 'รายงานการวิเคราะห์ผลการประเมิน ITA ปี {{ปีงบประมาณ|เลขอารบิก}} {{ชื่อหน่วยงาน}}',
    footer: 'รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}',
    body: [...body, ...SIGNATURE],
  };
}
