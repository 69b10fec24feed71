// The analysis report's depth (issue 11, part 4): what each indicator
// measures, what its score means against the strength threshold, ranks, the
// issues a weak indicator fixes, and year over year for every tool.
import { describe, expect, it } from 'vitest';
import { explanationFor, indicatorExplanations } from '../../src/core/data/explanations';
import { frameworkFor, lastYear } from '../../src/core/framework';
import { placeholderGuide, ranks, readsScores, reportData, templateSpec, type ReportInput } from '../../src/core/report/context';
import { formatter } from '../../src/core/report/format';
import { fill, tokenize } from '../../src/core/report/template';
import { SEED_001, SEED_003 } from '../fixtures/seeds';

const PREVIOUS = [93.05, 94.2, 98.12, 85.73, 94.6, 94.33, 92.48, 93.1, 50, 45];
const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  settings: { ชื่อหน่วยงาน: 'องค์การบริหารส่วนตำบลห้วยเตย', เกณฑ์จุดแข็ง: 85 },
  scores: new Map([
    [2567, PREVIOUS],
    [2568, [...SEED_001.scores]],
  ]),
  measures: [],
  fiscalYear: 2568,
  today: { year: 2025, month: 11, day: 1 },
  digits: 'thai',
  ...over,
});
const show = (text: string, over: Partial<ReportInput> = {}) => {
  const d = reportData(input(over));
  return fill(tokenize(text).tokens, d.scope, formatter({ digits: over.digits ?? 'thai' }));
};
/** What only the add-on's own sheets and sidebar may say; never a published document. */
const INTERNAL = /ชั่วคราว|อนุมาน|ทราบเพียง|ยังไม่พบ|provisional|inferred|TODO|\{\{/;

describe('indicator explanations', () => {
  it('explain every indicator of every framework year from 2562 to 2590, with two to four issues each', () => {
    expect(lastYear()).toBeGreaterThanOrEqual(2590);
    for (let year = 2562; year <= 2590; year++) {
      for (const ind of frameworkFor(year).indicators) {
        const e = explanationFor(year, ind.no);
        expect(e, `${year} ${ind.no}`).toBeDefined();
        expect(e!.measures.length, `${year} ${ind.no}`).toBeGreaterThan(40);
        expect(e!.issues.length, `${year} ${ind.no}`).toBeGreaterThanOrEqual(2);
        expect(e!.issues.length, `${year} ${ind.no}`).toBeLessThanOrEqual(4);
        for (const text of [e!.measures, ...e!.issues]) expect(text, `${year} ${ind.no}`).not.toMatch(INTERNAL);
      }
    }
  });

  it('give each year one set of texts: the year ranges do not overlap', () => {
    const sets = indicatorExplanations();
    for (let year = 2562; year <= 2590; year++) {
      const matching = sets.filter((s) => s.years.some((r) => year >= r.from && (r.to === undefined || year <= r.to)));
      expect(matching, String(year)).toHaveLength(1);
    }
  });

  it('follow the year’s OIT list for indicator 10: the executive’s declaration to 2565, the No Gift Policy from 2566', () => {
    expect(explanationFor(2565, 10)!.issues.join(' ')).toContain('เจตจำนงสุจริต');
    expect(explanationFor(2565, 10)!.issues.join(' ')).not.toContain('No Gift');
    expect(explanationFor(2568, 10)!.issues.join(' ')).toContain('No Gift Policy');
    expect(explanationFor(2568, 9)).toEqual(explanationFor(2563, 9));
  });
});

describe('ranks', () => {
  it('put the highest first and let scores that print alike share a rank, the next one skipping', () => {
    expect(ranks([90, 95, 90, 89.995, undefined, 70])).toEqual([2, 1, 2, 2, undefined, 5]);
  });

  it('order the ranked indicators highest first, ties in the indicators’ order, numbering their places', () => {
    const scores = [90, 95, 90, 80, 80, 80, 80, 80, 80, 100];
    const d = reportData(input({ scores: new Map([[2568, scores]]) }));
    const ranked = d.collections.get('ตัวชี้วัดเรียงคะแนน')!;
    expect(ranked.map((r) => [r.get('ลำดับ'), r.get('อันดับ'), r.get('ตัวชี้วัดที่')])).toEqual([
      [1, 1, 10], [2, 2, 2], [3, 3, 1], [4, 3, 3], [5, 5, 4], [6, 5, 5], [7, 5, 6], [8, 5, 7], [9, 5, 8], [10, 5, 9],
    ]);
    expect(d.collections.get('ตัวชี้วัด')!.map((r) => r.get('อันดับ'))).toEqual([3, 2, 3, 5, 5, 5, 5, 5, 5, 1]);
    expect(show('{{อันดับตัวชี้วัดที่ 3}} {{คะแนนตัวชี้วัดที่ 3}}', { scores: new Map([[2568, scores]]) })).toBe('๓ ๙๐.๐๐');
  });
});

describe('what a score means', () => {
  it('says a score at the threshold is a strength and one below a weakness, with two decimals in Thai digits', () => {
    const scores = [85, 84.99, 84.995, 100, 70, 70, 70, 70, 70, 70];
    const at = (n: number) => show(`{{ความหมายตัวชี้วัดที่ ${n}}}`, { scores: new Map([[2568, scores]]) });
    expect(at(1)).toBe('ได้ ๘๕.๐๐ คะแนน ซึ่งถึงเกณฑ์จุดแข็ง (ตั้งแต่ ๘๕ คะแนนขึ้นไป) จึงเป็นจุดแข็ง');
    expect(at(2)).toBe('ได้ ๘๔.๙๙ คะแนน ซึ่งต่ำกว่าเกณฑ์จุดแข็ง (๘๕ คะแนน) จึงเป็นจุดที่ต้องพัฒนา');
    // As printed: 84.995 shows 85.00, and is a strength as the strengths table takes it.
    expect(at(3)).toBe('ได้ ๘๕.๐๐ คะแนน ซึ่งถึงเกณฑ์จุดแข็ง (ตั้งแต่ ๘๕ คะแนนขึ้นไป) จึงเป็นจุดแข็ง');
    expect(at(4)).toBe('ได้ ๑๐๐.๐๐ คะแนน ซึ่งถึงเกณฑ์จุดแข็ง (ตั้งแต่ ๘๕ คะแนนขึ้นไป) จึงเป็นจุดแข็ง');
  });

  it('says it in Arabic digits when the report asks for them, and names a threshold with decimals as a score', () => {
    expect(show('{{ความหมายตัวชี้วัดที่ 9}}', { digits: 'arabic' })).toBe('ได้ 70.00 คะแนน ซึ่งต่ำกว่าเกณฑ์จุดแข็ง (85 คะแนน) จึงเป็นจุดที่ต้องพัฒนา');
    const half = { settings: { เกณฑ์จุดแข็ง: 94.5 }, digits: 'arabic' as const };
    expect(show('{{ความหมายตัวชี้วัดที่ 1}}', half)).toBe('ได้ 94.62 คะแนน ซึ่งถึงเกณฑ์จุดแข็ง (ตั้งแต่ 94.50 คะแนนขึ้นไป) จึงเป็นจุดแข็ง');
  });

  it('agrees with the strengths and weaknesses tables, record by record', () => {
    const d = reportData(input());
    for (const [c, word] of [['จุดแข็ง', 'จุดแข็ง'], ['จุดที่ต้องพัฒนา', 'จุดที่ต้องพัฒนา']] as const) {
      for (const r of d.collections.get(c)!) {
        expect(r.get('ผลเทียบเกณฑ์จุดแข็ง')).toBe(word);
        expect(String(r.get('ความหมายของคะแนน'))).toMatch(new RegExp(`จึงเป็น${word}$`));
      }
    }
  });

  it('gives each weakness its issues to fix as lines, and a strength none', () => {
    const d = reportData(input());
    const [nine, ten] = d.collections.get('จุดที่ต้องพัฒนา')!;
    const lines = String(nine!.get('ประเด็นที่ต้องแก้ไข')).split('\n');
    expect(lines).toEqual(explanationFor(2568, 9)!.issues.map((x) => `- ${x}`));
    expect(String(ten!.get('ประเด็นที่ต้องแก้ไข'))).toContain('No Gift Policy');
    expect(d.collections.get('จุดแข็ง')!.map((r) => r.get('ประเด็นที่ต้องแก้ไข'))).toEqual(Array(8).fill(''));
    expect(d.collections.get('ตัวชี้วัด')![0]!.get('คำอธิบาย')).toBe(explanationFor(2568, 1)!.measures);
  });

  it('takes a letter-rated year’s texts for that year (2565)', () => {
    const d = reportData(input({ scores: new Map([[2565, [...SEED_003.scores]]]), fiscalYear: 2565, settings: { เกณฑ์จุดแข็ง: 80 } }));
    const weak = d.collections.get('จุดที่ต้องพัฒนา')!;
    expect(weak.map((r) => r.get('ตัวชี้วัดที่'))).toEqual([8]);
    expect(weak[0]!.get('ประเด็นที่ต้องแก้ไข')).toBe(explanationFor(2565, 8)!.issues.map((x) => `- ${x}`).join('\n'));
  });
});

describe('year over year by tool', () => {
  it('gives each tool its score a year before, the change and a sentence, as the total has', () => {
    expect(show('{{คะแนน IIT ปีก่อน}} {{ผลต่าง IIT}} {{การเปลี่ยนแปลง IIT}} | {{คะแนน OIT ปีก่อน}} {{ผลต่าง OIT}} {{การเปลี่ยนแปลง OIT}}')).toBe(
      '๙๓.๑๔ ๑.๒๗ เพิ่มขึ้น | ๔๗.๕๐ ๑๒.๕๐ เพิ่มขึ้น',
    );
    expect(show('{{สรุปการเปลี่ยนแปลง}}')).toBe(
      'เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ คะแนน IIT เพิ่มขึ้น ๑.๒๗ คะแนน (จาก ๙๓.๑๔ เป็น ๙๔.๔๑ คะแนน) คะแนน EIT เพิ่มขึ้น ๑.๕๑ คะแนน (จาก ๙๓.๓๐ เป็น ๙๔.๘๑ คะแนน) และคะแนน OIT เพิ่มขึ้น ๑๒.๕๐ คะแนน (จาก ๔๗.๕๐ เป็น ๖๐.๐๐ คะแนน)',
    );
  });

  it('says a fall and no change, in Arabic digits when asked', () => {
    // IIT falls, EIT stays (the same to the hundredth), OIT rises.
    const before = [90, 90, 90, 90, 90, 80, 80, 80.004, 60, 60];
    const now = [80, 80, 80, 80, 80, 80, 80, 80, 70, 70];
    const over = { scores: new Map([[2566, before], [2568, now]]), digits: 'arabic' as const };
    expect(show('{{การเปลี่ยนแปลง IIT}} {{ผลต่าง IIT}} {{การเปลี่ยนแปลง EIT}} {{ผลต่าง EIT}} {{การเปลี่ยนแปลง OIT}}', over)).toBe('ลดลง 10.00 เท่าเดิม 0.00 เพิ่มขึ้น');
    expect(show('{{สรุปการเปลี่ยนแปลง EIT}}', over)).toBe('คะแนน EIT เท่าเดิม (80.00 คะแนน)');
    expect(show('{{สรุปการเปลี่ยนแปลง}}', over)).toBe(
      'เมื่อเทียบกับปีงบประมาณ พ.ศ. 2566 คะแนน IIT ลดลง 10.00 คะแนน (จาก 90.00 เป็น 80.00 คะแนน) คะแนน EIT เท่าเดิม (80.00 คะแนน) และคะแนน OIT เพิ่มขึ้น 10.00 คะแนน (จาก 60.00 เป็น 70.00 คะแนน)',
    );
  });

  it('is empty without an earlier year, and the dialog says why', () => {
    const d = reportData(input({ scores: new Map([[2568, [...SEED_001.scores]]]) }));
    expect(fill(tokenize('[{{สรุปการเปลี่ยนแปลง}}][{{ผลต่าง IIT}}][{{การเปลี่ยนแปลง EIT}}]').tokens, d.scope, formatter({ digits: 'thai' }))).toBe('[][][]');
    expect(d.notes).toEqual([expect.stringContaining('ส่วนที่เทียบกับปีก่อนจะว่าง'), expect.stringContaining('ยังไม่มีมาตรการ')]);
  });
});

describe('the new names', () => {
  it('are offered to templates, the record names inside the indicator collections only', () => {
    const spec = templateSpec('analysis');
    for (const name of ['สรุปการเปลี่ยนแปลง', 'คะแนน EIT ปีก่อน', 'ผลต่าง OIT', 'การเปลี่ยนแปลง IIT', 'คะแนนตัวชี้วัดที่ 1', 'ความหมายตัวชี้วัดที่ 10', 'อันดับตัวชี้วัดที่ 5']) {
      expect(spec.fields.has(name), name).toBe(true);
    }
    for (const c of ['ตัวชี้วัด', 'ตัวชี้วัดเรียงคะแนน', 'จุดแข็ง', 'จุดที่ต้องพัฒนา']) {
      for (const name of ['อันดับ', 'คำอธิบาย', 'ความหมายของคะแนน', 'ผลเทียบเกณฑ์จุดแข็ง', 'ประเด็นที่ต้องแก้ไข']) expect(spec.collections.get(c)!.has(name), `${c} ${name}`).toBe(true);
    }
    expect(spec.fields.has('ประเด็นที่ต้องแก้ไข')).toBe(false);
  });

  it('are listed in the dialog’s template guide, the numbered ones as a range and the record names under their collection', () => {
    const guide = placeholderGuide(templateSpec('analysis'));
    expect(guide.fields).toContain('{{สรุปการเปลี่ยนแปลง}}');
    expect(guide.fields).toContain('{{ผลต่าง EIT}}');
    expect(guide.fields).toContain('{{คะแนนตัวชี้วัดที่ 1}} … {{คะแนนตัวชี้วัดที่ 10}}');
    expect(guide.fields).toContain('{{ความหมายตัวชี้วัดที่ 1}} … {{ความหมายตัวชี้วัดที่ 10}}');
    expect(guide.fields.filter((f) => f.includes('ตัวชี้วัดที่ 5'))).toEqual([]);
    const own = new Map(guide.collections);
    for (const c of ['ตัวชี้วัด', 'ตัวชี้วัดเรียงคะแนน', 'จุดแข็ง', 'จุดที่ต้องพัฒนา']) {
      expect(own.get(c), c).toEqual(expect.arrayContaining(['{{อันดับ}}', '{{คำอธิบาย}}', '{{ความหมายของคะแนน}}', '{{ประเด็นที่ต้องแก้ไข}}']));
    }
    expect(own.get('มาตรการ')).toContain('{{มาตรการ/แนวทาง}}');
  });

  it('make another report read the scores when its template names one', () => {
    for (const text of ['{{สรุปการเปลี่ยนแปลง}}', '{{ผลต่าง OIT}}', '{{คะแนนตัวชี้วัดที่ 9}}', '{{แถวซ้ำ:ตัวชี้วัดเรียงคะแนน}}']) {
      expect(readsScores('progress', [{ where: 'x', text }]), text).toBe(true);
    }
  });

  it('print nothing internal for a provisional year', () => {
    const scores = new Map([[2574, [...SEED_001.scores]], [2573, PREVIOUS]]);
    expect(frameworkFor(2574).provisional).toBeDefined();
    const d = reportData(input({ scores, fiscalYear: 2574 }));
    const names = [...templateSpec('analysis').fields];
    const values = [...names.map((n) => d.scope.get(n)), ...d.collections.get('ตัวชี้วัด')!.flatMap((r) => ['คำอธิบาย', 'ความหมายของคะแนน', 'ประเด็นที่ต้องแก้ไข'].map((n) => r.get(n)))];
    for (const v of values) if (typeof v === 'string') expect(v).not.toMatch(INTERNAL);
    expect(d.scope.get('ระดับ')).toBe(''); // letters only where the year was rated by letters
  });
});
