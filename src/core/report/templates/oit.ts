// The default template of the OIT progress report (OIT items by sub-indicator).
import { groupHeading, repeat, SIGNATURE, type TemplateDoc } from './blocks';

export function oitTemplate(): TemplateDoc {
  return {
    kind: 'oit',
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
      groupHeading('รายการ OIT'),
      {
        kind: 'table',
        header: ['ข้อ', 'รายการ', 'ผู้รับผิดชอบ', 'สถานะ', 'หลักฐาน (URL)'],
        row: [repeat('รายการ OIT', '{{รหัส}}'), '{{รายการ}}', '{{ผู้รับผิดชอบ}}', '{{ช่องสถานะ}}', '{{ลิงก์หลักฐาน}}'],
        widths: [36, 160, 82, 78, 95],
      },
      ...SIGNATURE,
    ],
  };
}
