// The default template of the announcement (ประกาศ) of the year's measures,
// signed by the head of the unit, with the measures attached under a heading per indicator
// (seed 004; ITA-METHOD.md §9). Its reasons are the results of the year before.
import { groupHeading, repeat, signature, type Block, type TemplateDoc } from './blocks';

export function announcementTemplate(): TemplateDoc {
  const subject = 'เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}';
  return {
    kind: 'announcement',
    name: 'แม่แบบประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
    reportName: 'ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี {{ปีงบประมาณ|เลขอารบิก}} {{ชื่อหน่วยงาน}}',
    header: '',
    footer: '',
    body: [
      { kind: 'title', text: 'ประกาศ{{ชื่อหน่วยงาน}}' },
      { kind: 'paragraph', text: subject, align: 'center' },
      { kind: 'paragraph', text: '' },
      {
        kind: 'paragraph',
        text: 'สำนักงาน ป.ป.ช. ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) เป็นประจำทุกปี เพื่อส่งเสริมให้หน่วยงานของรัฐทำงานอย่างโปร่งใส มีธรรมาภิบาล และป้องกันการทุจริต หน่วยงานต้องได้คะแนนตั้งแต่ {{เกณฑ์ผ่าน}} คะแนนขึ้นไปจึงจะผ่านเกณฑ์',
      },
      {
        kind: 'paragraph',
        // One sentence per case (no score yet, no weakness, weaknesses named): report/context.ts.
        text: '{{สรุปผลการประเมินที่ผ่านมา}}',
      },
      {
        kind: 'paragraph',
        text: 'เพื่อยกระดับผลการประเมินและการดำเนินงานให้โปร่งใสยิ่งขึ้น {{ชื่อหน่วยงาน}}จึงกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} จำนวน {{จำนวนมาตรการ}} มาตรการ ให้ทุกส่วนราชการในสังกัดถือปฏิบัติ รายละเอียดตามแนบท้ายประกาศนี้',
      },
      { kind: 'paragraph', text: 'จึงประกาศให้ทราบโดยทั่วกัน' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: 'ประกาศ ณ วันที่ {{วันจัดทำ}} เดือน {{เดือนจัดทำ}} พ.ศ. {{ปีจัดทำ}}', align: 'center' },
      { kind: 'paragraph', text: '' },
      ...signature('{{ชื่อผู้บริหาร}}', '{{ตำแหน่งผู้บริหาร}}').map((p): Block => ({ kind: 'paragraph', ...p })),
      { kind: 'pageBreak' },
      { kind: 'title', text: 'แนบท้ายประกาศ{{ชื่อหน่วยงาน}}' },
      { kind: 'paragraph', text: subject, align: 'center' },
      // The indicator heads each group's table, as seed 002 sets them (seed 004 puts it in a first column).
      groupHeading('มาตรการ'),
      {
        kind: 'table',
        header: ['ลำดับ', 'มาตรการที่ต้องดำเนินการ', 'ผู้รับผิดชอบ'],
        row: [repeat('มาตรการ', '{{ลำดับ}}'), '{{มาตรการ/แนวทาง}}', '{{ผู้รับผิดชอบ}}'],
        widths: [12, 63, 25],
      },
    ],
  };
}
