import type { Indicator, LabelRule, LetterBand, Tool } from './types';

/** The ten indicators and their tools (ITA-METHOD.md §2), 2562 onwards. */
export function defaultIndicators(): readonly Indicator[] {
  return [
  { no: 1, name: 'การปฏิบัติหน้าที่', tool: 'IIT' },
  { no: 2, name: 'การใช้งบประมาณ', tool: 'IIT' },
  { no: 3, name: 'การใช้อำนาจ', tool: 'IIT' },
  { no: 4, name: 'การใช้ทรัพย์สินของราชการ', tool: 'IIT' },
  { no: 5, name: 'การแก้ไขปัญหาการทุจริต', tool: 'IIT' },
  { no: 6, name: 'คุณภาพการดำเนินงาน', tool: 'EIT' },
  { no: 7, name: 'ประสิทธิภาพการสื่อสาร', tool: 'EIT' },
  { no: 8, name: 'การปรับปรุงการทำงาน', tool: 'EIT' },
  { no: 9, name: 'การเปิดเผยข้อมูล', tool: 'OIT' },
  { no: 10, name: 'การป้องกันการทุจริต', tool: 'OIT' },
  ];
}

/** Tool weights 30/30/40 (checked against seeds 000, 001, 003). */
export function defaultTools(): readonly Tool[] {
  return [
  { id: 'IIT', name: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', weight: 30 },
  { id: 'EIT', name: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', weight: 30 },
  { id: 'OIT', name: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ', weight: 40 },
  ];
}

/** Letter rating through 2565 (seed 003). */
let letters: readonly LetterBand[] | undefined;
export function letterBands(): readonly LetterBand[] {
  return (letters ??= [
  { min: 95, letter: 'AA' },
  { min: 85, letter: 'A' },
  { min: 75, letter: 'B' },
  { min: 65, letter: 'C' },
  { min: 55, letter: 'D' },
  { min: 50, letter: 'E' },
  { min: 0, letter: 'F' },
  ]);
}

/** Result labels from 2566 (inferred; fits every published case found). First match wins. */
export function labelRules(): readonly LabelRule[] {
  return [
  { label: 'ผ่านดีเยี่ยม', minTotal: 95, minEachTool: 95 },
  { label: 'ผ่านดี', minTotal: 85, minEachTool: 85 },
  { label: 'ผ่าน', minTotal: 85 },
  { label: 'ต้องปรับปรุง', minTotal: 70 },
  { label: 'ต้องปรับปรุงโดยด่วน', minTotal: 0 },
  ];
}

export const PASS_MARK = 85;
