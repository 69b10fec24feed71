import { describe, expect, it } from 'vitest';
import { reportData, templateSpec } from '../../src/core/report/context';
import { defaultTemplate, templateTexts } from '../../src/core/report/default-templates';
import { formatter } from '../../src/core/report/format';
import { checkTemplate, fill, tokenize } from '../../src/core/report/template';
import type { Measure } from '../../src/core/measures/model';
import { SEED_001 } from '../fixtures/seeds';

const measure = (over: Partial<Measure>): Measure => ({
  id: 'm', fiscalYear: 2569, indicators: [9], issue: '', measure: 'เผยแพร่ข้อมูล', method: '', responsible: 'สำนักปลัด',
  startDate: '2025-10-01', endDate: '2026-09-30', followUp: '', status: 'ยังไม่ได้ดำเนินการ', result: '', outcome: '',
  suggestion: '', problems: '', evidenceUrl: '', updatedAt: '', updatedBy: '', ...over,
});

const input = {
  settings: { ชื่อหน่วยงาน: 'องค์การบริหารส่วนตำบลห้วยเตย', อำเภอ: 'กุดรัง', จังหวัด: 'มหาสารคาม', เกณฑ์จุดแข็ง: 85 },
  scores: new Map([
    [2567, [93.05, 94.2, 98.12, 85.73, 94.6, 94.33, 92.48, 93.1, 50, 45]],
    [2568, [...SEED_001.scores]],
  ]),
  measures: [measure({ id: 'a', indicators: [10], measure: 'ประเมินความเสี่ยง' }), measure({ id: 'b', indicators: [9] }), measure({ id: 'c', fiscalYear: 2568, measure: 'มาตรการของปีที่ประเมิน' })],
  fiscalYear: 2568,
  today: { year: 2025, month: 11, day: 1 },
  digits: 'thai' as const,
};
const f = formatter({ digits: 'thai' });
const show = (text: string, d = reportData(input)) => fill(tokenize(text).tokens, d.scope, f);

describe('a report’s values', () => {
  it('give the year’s total, label and tools, and no letter from 2566 (issue 10)', () => {
    expect(show('{{คะแนนรวม}} [{{ระดับ}}] {{ผลการประเมิน}} {{ผ่านเกณฑ์}} {{คะแนน OIT}}')).toBe('๘๐.๗๗ [] ต้องปรับปรุง ไม่ผ่านเกณฑ์ ๖๐.๐๐'); // scores always with two decimals, as published
    const d = reportData(input);
    expect(d.collections.get('ตัวชี้วัด')!.map((r) => r.get('ระดับตัวชี้วัด'))).toEqual(Array(10).fill(''));
    const old = reportData({ ...input, scores: new Map([[2565, [...SEED_001.scores]]]), fiscalYear: 2565 });
    expect(show('{{ระดับ}} {{ผลการประเมิน}}', old)).toBe('B B');
  });

  it('carry the measures of the year after the assessment, and name both years and the OIT item served (issue 10)', () => {
    const d = reportData(input);
    expect(d.collections.get('มาตรการ')!.map((s) => s.get('มาตรการ/แนวทาง'))).not.toContain('มาตรการของปีที่ประเมิน');
    expect(show('{{ปีงบประมาณ}} {{ปีมาตรการ}} {{ข้อ OIT ที่ใช้}} {{ชื่อข้อ OIT ที่ใช้}}', d)).toBe('๒๕๖๘ ๒๕๖๙ O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
    const progress = reportData({ ...input, kind: 'progress' });
    expect(progress.collections.get('มาตรการ')!.map((s) => s.get('มาตรการ/แนวทาง'))).toEqual(['มาตรการของปีที่ประเมิน']);
    expect(show('{{ปีมาตรการ}} {{ข้อ OIT ที่ใช้}}', progress)).toBe('๒๕๖๘ O26');
  });

  it('compare the total with the previous fiscal year', () => {
    expect(show('{{ปีก่อน}} {{คะแนนรวมปีก่อน}} {{การเปลี่ยนแปลง}} {{ผลต่างคะแนนรวม}}')).toBe('๒๕๖๗ ๗๔.๙๓ เพิ่มขึ้น ๕.๘๔');
  });

  it('take a strength threshold of 0 as 0, not 80, and read Thai digits (issue 9)', () => {
    const at = (v: unknown) => reportData({ ...input, settings: { ...input.settings, เกณฑ์จุดแข็ง: v as number } });
    const zero = at(0);
    expect(zero.scope.get('เกณฑ์จุดแข็ง')).toBe(0);
    expect(zero.collections.get('จุดแข็ง')).toHaveLength(10);
    expect(at('๙๐').scope.get('เกณฑ์จุดแข็ง')).toBe(90);
    expect(at('').scope.get('เกณฑ์จุดแข็ง')).toBe(80);
    const odd = at('สูง');
    expect([odd.scope.get('เกณฑ์จุดแข็ง'), odd.notes]).toEqual([80, [expect.stringContaining('อ่านค่า "เกณฑ์จุดแข็ง" ในแผ่นงานตั้งค่าไม่ได้')]]);
  });

  it('split indicators into strengths and weaknesses by the settings’ threshold', () => {
    const d = reportData(input);
    const names = (c: string) => d.collections.get(c)!.map((s) => s.get('ตัวชี้วัดที่'));
    expect(names('จุดแข็ง')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(names('จุดที่ต้องพัฒนา')).toEqual([9, 10]);
    expect(d.collections.get('ตัวชี้วัด')![8]!.get('ผลเทียบเกณฑ์')).toBe('ไม่ผ่านเกณฑ์');
    expect(d.collections.get('ตัวชี้วัด')![8]!.get('ผลต่าง')).toEqual({ score: 20 });
  });

  it('list the year’s measures by indicator, with their period in Thai', () => {
    const d = reportData(input);
    const ms = d.collections.get('มาตรการ')!;
    expect(ms.map((s) => s.get('มาตรการ/แนวทาง'))).toEqual(['เผยแพร่ข้อมูล', 'ประเมินความเสี่ยง']);
    expect(ms[0]!.get('ระยะเวลา')).toBe('๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙');
    expect(ms[1]!.get('ชื่อตัวชี้วัด')).toBe('การป้องกันการทุจริต');
  });

  it('chart the indicators against the pass mark and the totals over the years', () => {
    const d = reportData(input);
    expect(d.charts.passMark).toBe(85);
    expect(d.charts.indicators[8]).toEqual({ label: '9. การเปิดเผยข้อมูล', score: 70 });
    expect(d.charts.totals).toEqual([{ year: 2567, total: 74.93 }, { year: 2568, total: 80.77 }]);
  });

  it('say why a part will be empty', () => {
    const d = reportData({ ...input, fiscalYear: 2569 });
    expect(d.notes).toEqual([expect.stringContaining('ยังไม่มีคะแนนของปี 2569'), expect.stringContaining('ยังไม่มีมาตรการของปี 2570')]);
    expect(d.charts.indicators).toEqual([]); // no chart of ten 0.00 bars
    expect(show('[{{คะแนนรวม}}]', d)).toBe('[]');
  });

  it('offer the names the analysis template needs', () => {
    const spec = templateSpec('analysis');
    expect(checkTemplate([{ where: 'x', text: '{{แถวซ้ำ:ตัวชี้วัด}}{{คะแนน}}', repeat: 'ตัวชี้วัด' }], spec, f)).toEqual([
      expect.stringContaining('ไม่มีแถวซ้ำของ "มาตรการ"'),
    ]);
  });
});

describe('the default templates', () => {
  it('use only names their report offers, and repeat what they must', () => {
    for (const kind of ['analysis', 'progress', 'oit', 'memo', 'announcement'] as const) {
      expect(checkTemplate(templateTexts(defaultTemplate(kind)), templateSpec(kind), f), kind).toEqual([]);
    }
  });

  it('left-align their body text: justified Thai stretches its few spaces into gaps', () => {
    for (const kind of ['analysis', 'progress', 'oit', 'memo', 'announcement'] as const) {
      expect(defaultTemplate(kind).body.filter((b) => b.kind === 'paragraph' && b.align === 'justify'), kind).toEqual([]);
    }
  });

  it('are refused when a repeating row is taken out', () => {
    const t = defaultTemplate('progress');
    const broken = { ...t, body: t.body.filter((b) => b.kind !== 'table') };
    expect(checkTemplate(templateTexts(broken), templateSpec('progress'), f)).toEqual([
      expect.stringContaining('{{หัวข้อกลุ่ม:มาตรการ}} ต้องอยู่ในย่อหน้าที่ติดเหนือตารางซึ่งมีแถวซ้ำ {{แถวซ้ำ:มาตรการ}}'),
      expect.stringContaining('ไม่มีแถวซ้ำของ "มาตรการ"'),
    ]);
  });
});
