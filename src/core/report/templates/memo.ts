// The default template of the memo (บันทึกข้อความ) by which a division reports
// the progress of the year's measures to the head of the unit, with a chain of
// comments below it (seed 000; ITA-METHOD.md §9). It stands alone: it refers
// to the progress report of the same year, and links it when one was made.
import { COMMENTERS } from '../context';
import { repeat, signature, type Block, type CellParagraph, type TemplateDoc } from './blocks';

/** A line for a comment written by hand, about the text's width. */
const COMMENT_LINE = '.'.repeat(84);

const paragraphs = (ps: readonly CellParagraph[]): Block[] => ps.map((p): Block => ({ kind: 'paragraph', ...p }));

export function memoTemplate(): TemplateDoc {
  return {
    kind: 'memo',
    name: 'แม่แบบบันทึกข้อความเสนอผลการดำเนินการตามมาตรการ ITA',
    reportName: 'บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ ITA ปี {{ปีงบประมาณ|เลขอารบิก}} {{ชื่อหน่วยงาน}}',
    header: '',
    footer: '',
    body: [
      { kind: 'title', text: 'บันทึกข้อความ' },
      { kind: 'paragraph', text: 'ส่วนราชการ  {{ส่วนราชการ}}', indent: 'none' },
      // "ที่" and "วันที่" share a line, as the form sets them.
      { kind: 'paragraph', text: 'ที่  {{เลขที่หนังสือ}}          วันที่  {{วันที่จัดทำ}}', indent: 'none' },
      { kind: 'paragraph', text: 'เรื่อง  รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}', indent: 'none' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: 'เรียน  {{ตำแหน่งผู้บริหาร}}', indent: 'none' },
      { kind: 'paragraph', text: '' },
      {
        kind: 'paragraph',
        text: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ทุกปีงบประมาณ เพื่อให้หน่วยงานของรัฐทำงานอย่างเปิดเผย ตรวจสอบได้ และป้องกันการทุจริต {{ชื่อหน่วยงาน}}จึงกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} เพื่อนำผลการประเมินไปปรับปรุงการทำงาน',
      },
      { kind: 'paragraph', text: '' },
      {
        kind: 'paragraph',
        text: '{{ส่วนราชการ}} ได้ติดตามการดำเนินการตามมาตรการดังกล่าวแล้ว จากมาตรการทั้งหมด {{จำนวนมาตรการ}} มาตรการ ดำเนินการแล้วเสร็จ {{จำนวนดำเนินการแล้ว}} มาตรการ จึงขอรายงานความก้าวหน้ามาเพื่อทราบ รายละเอียดตามรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ที่แนบมาพร้อมนี้',
      },
      // The progress report's link when the log holds one; an empty line otherwise.
      { kind: 'paragraph', text: '{{ลิงก์รายงานแนบ}}', indent: 'none' },
      { kind: 'paragraph', text: 'จึงเรียนมาเพื่อโปรดทราบ' },
      { kind: 'paragraph', text: '' },
      ...paragraphs(signature('{{ชื่อผู้จัดทำรายงาน}}', '{{ตำแหน่งผู้จัดทำรายงาน}}')),
      // One borderless cell per level of the chain: the comment, then its signature block.
      {
        kind: 'table',
        header: [],
        borderless: true,
        row: [
          [
            { text: repeat(COMMENTERS, 'ความเห็นของ{{ตำแหน่ง}}') },
            { text: COMMENT_LINE },
            { text: COMMENT_LINE },
            ...signature('{{ชื่อ}}', '{{ตำแหน่ง}}'),
            // A line between one level's block and the next.
            { text: '' },
          ],
        ],
      },
    ],
  };
}
