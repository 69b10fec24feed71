import { describe, expect, it } from 'vitest';
import { reportData } from '../../src/core/report/context';
import { formatter } from '../../src/core/report/format';
import { DOTTED, fullUnitName, signersOf } from '../../src/core/report/signers';
import { fill, tokenize } from '../../src/core/report/template';
import { SEED_001 } from '../fixtures/seeds';

const unit = { ชื่อหน่วยงาน: 'องค์การบริหารส่วนตำบลห้วยเตย', ประเภทหน่วยงาน: 'องค์การบริหารส่วนตำบล' };

describe('the signers of the memo and the announcement', () => {
  it('leave a dotted line for a blank name, and give each blank position the unit’s usual one', () => {
    const s = signersOf(unit);
    expect(s.roles.ผู้บริหาร).toEqual({ name: DOTTED, position: 'นายกองค์การบริหารส่วนตำบลห้วยเตย' });
    expect(s.roles.ปลัด.position).toBe('ปลัดองค์การบริหารส่วนตำบลห้วยเตย');
    expect(s.division).toBe('สำนักปลัดองค์การบริหารส่วนตำบลห้วยเตย');
    expect(s.roles.หัวหน้าส่วนราชการ.position).toBe('หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลห้วยเตย');
    // No usual position for the writer, no number for the memo: lines to fill by hand.
    expect([s.writer, s.number]).toEqual([{ name: DOTTED, position: DOTTED }, DOTTED]);
  });

  it('name a municipality’s head and clerk as such, and put the kind of unit before a bare name', () => {
    const s = signersOf({ ชื่อหน่วยงาน: 'ห้วยเตย', ประเภทหน่วยงาน: 'เทศบาลตำบล', ส่วนราชการ: 'กองคลัง' });
    expect(fullUnitName('ห้วยเตย', 'เทศบาลตำบล')).toBe('เทศบาลตำบลห้วยเตย');
    expect(s.roles.ผู้บริหาร.position).toBe('นายกเทศมนตรีตำบลห้วยเตย');
    expect(s.roles.ปลัด.position).toBe('ปลัดเทศบาลตำบลห้วยเตย');
    expect(s.roles.หัวหน้าส่วนราชการ.position).toBe('ผู้อำนวยการกองคลัง');
    expect(fullUnitName('อบต.ห้วยเตย', 'องค์การบริหารส่วนตำบล')).toBe('องค์การบริหารส่วนตำบลห้วยเตย'); // written out, as documents name a unit
    expect(signersOf({}).roles.ปลัด.position).toBe(DOTTED);
  });

  it('keep what the settings say', () => {
    const s = signersOf({ ...unit, ชื่อปลัด: ' นายสมศักดิ์ ตั้งใจ ', ตำแหน่งปลัด: 'รองปลัดองค์การบริหารส่วนตำบล รักษาราชการแทนปลัด', เลขที่หนังสือ: 'มค ๗๑๒๓๔/๑๒' });
    expect(s.roles.ปลัด).toEqual({ name: 'นายสมศักดิ์ ตั้งใจ', position: 'รองปลัดองค์การบริหารส่วนตำบล รักษาราชการแทนปลัด' });
    expect(s.number).toBe('มค ๗๑๒๓๔/๑๒');
  });

  it('take the head’s position an older set-up wrote without the unit’s name as blank', () => {
    expect(signersOf({ ...unit, ตำแหน่งผู้บริหาร: 'นายกองค์การบริหารส่วนตำบล' }).roles.ผู้บริหาร.position).toBe('นายกองค์การบริหารส่วนตำบลห้วยเตย');
    expect(signersOf({ ชื่อหน่วยงาน: 'เทศบาลตำบลห้วยเตย', ตำแหน่งผู้บริหาร: 'นายกองค์การบริหารส่วนตำบล' }).roles.ผู้บริหาร.position).toBe('นายกเทศมนตรีตำบลห้วยเตย');
  });

  it('chain the comments in the setting’s order and subset; the default chain when the setting is not there, none when blank', () => {
    const chain = (v?: string) => signersOf(v === undefined ? unit : { ...unit, ลำดับผู้ให้ความเห็น: v }).chain.map((c) => c.position);
    expect(chain()).toEqual(['หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลห้วยเตย', 'ปลัดองค์การบริหารส่วนตำบลห้วยเตย', 'นายกองค์การบริหารส่วนตำบลห้วยเตย']);
    expect(chain('ผู้บริหาร ,ปลัด')).toEqual(['นายกองค์การบริหารส่วนตำบลห้วยเตย', 'ปลัดองค์การบริหารส่วนตำบลห้วยเตย']);
    expect(chain('ปลัด\nหัวหน้า ส่วนราชการ, ปลัด')).toEqual(['ปลัดองค์การบริหารส่วนตำบลห้วยเตย', 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลห้วยเตย']);
    expect(chain('')).toEqual([]);
  });

  it('leave an unknown name out of the chain, saying so in Thai and English', () => {
    const s = signersOf({ ...unit, ลำดับผู้ให้ความเห็น: 'ปลัด, รองนายก, ผู้บริหาร' });
    expect(s.chain).toHaveLength(2);
    expect(s.unknown).toEqual([expect.stringMatching(/^ไม่รู้จัก "รองนายก" ในรายการ "ลำดับผู้ให้ความเห็น".* \| Unknown "รองนายก" in the setting/)]);
  });
});

describe('the values of the memo and the announcement', () => {
  const input = {
    settings: { ...unit, เกณฑ์จุดแข็ง: 85, ลำดับผู้ให้ความเห็น: 'ปลัด, ผู้บริหาร, ใครก็ได้' },
    scores: new Map([[2568, [...SEED_001.scores]]]),
    measures: [],
    fiscalYear: 2569,
    today: { year: 2025, month: 11, day: 7 },
    digits: 'thai' as const,
  };
  const show = (text: string, d: ReturnType<typeof reportData>) => fill(tokenize(text).tokens, d.scope, formatter({ digits: 'thai' }));

  it('give the announcement the results of the year before, its weak indicators, and today in parts', () => {
    const d = reportData({ ...input, kind: 'announcement' });
    expect(show('{{ปีงบประมาณ}} {{ปีผลการประเมิน}} {{คะแนนรวม}} {{ผลการประเมิน}}', d)).toBe('๒๕๖๙ ๒๕๖๘ ๘๐.๗๗ ต้องปรับปรุง');
    expect(show('{{ตัวชี้วัดที่ต้องพัฒนา}}', d)).toBe('ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต');
    expect(show('ประกาศ ณ วันที่ {{วันจัดทำ}} เดือน {{เดือนจัดทำ}} พ.ศ. {{ปีจัดทำ}}', d)).toBe('ประกาศ ณ วันที่ ๗ เดือน พฤศจิกายน พ.ศ. ๒๕๖๘');
    expect(reportData({ ...input, kind: 'announcement', fiscalYear: 2568 }).notes).toContainEqual(expect.stringContaining('ยังไม่มีคะแนนของปี 2567'));
  });

  it('give the memo its chain, notes on an unknown name, and the attached report when there is one', () => {
    const d = reportData({ ...input, kind: 'memo', attached: { name: 'รายงาน ปี 2569', url: 'https://docs.google.com/document/d/x/edit' } });
    expect(d.collections.get('ผู้ให้ความเห็น')!.map((r) => [r.get('ลำดับ'), r.get('ชื่อ'), r.get('ตำแหน่ง')])).toEqual([
      [1, DOTTED, 'ปลัดองค์การบริหารส่วนตำบลห้วยเตย'],
      [2, DOTTED, 'นายกองค์การบริหารส่วนตำบลห้วยเตย'],
    ]);
    expect(d.notes).toContainEqual(expect.stringContaining('"ใครก็ได้"'));
    expect(show('{{ชื่อรายงานแนบ}} {{ลิงก์รายงานแนบ}}', d)).toBe('รายงาน ปี 2569 https://docs.google.com/document/d/x/edit');
    expect(show('[{{ชื่อรายงานแนบ}}{{ลิงก์รายงานแนบ}}]', reportData({ ...input, kind: 'memo' }))).toBe('[]');
    // The chain's setting is the memo's business: other reports say nothing of it.
    expect(reportData({ ...input, kind: 'progress' }).notes.join(' ')).not.toContain('ใครก็ได้');
  });
});
