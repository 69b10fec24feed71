import { describe, expect, it } from 'vitest';
import { formatter } from '../../src/core/report/format';
import { checkTemplate, fill, scope, tokenize, type TemplateSpec } from '../../src/core/report/template';

const thai = formatter({ digits: 'thai' });
const arabic = formatter({ digits: 'arabic' });
const spec: TemplateSpec = {
  fields: new Set(['ชื่อหน่วยงาน', 'คะแนนรวม', 'ปีงบประมาณ', 'ค่า (ร้อยละ)', 'ver.2', 'วันที่จัดทำ']),
  collections: new Map([['มาตรการ', new Set(['มาตรการ/แนวทาง', 'สถานะ'])]]),
  requiredRepeats: ['มาตรการ'],
  charts: new Set(['คะแนนตัวชี้วัด']),
};

describe('placeholders', () => {
  it('take Thai names and ignore spaces inside the braces', () => {
    const { tokens } = tokenize('คะแนน {{ คะแนนรวม }} ปี {{ปีงบประมาณ}}');
    expect(fill(tokens, scope({ คะแนนรวม: 87.9854, ปีงบประมาณ: 2565 }), thai)).toBe('คะแนน ๘๗.๙๙ ปี ๒๕๖๕');
  });

  it('match names literally, dots and brackets included', () => {
    const { tokens } = tokenize('{{ค่า (ร้อยละ)}} / {{ver.2}} / {{v.2}}');
    expect(fill(tokens, scope({ 'ค่า (ร้อยละ)': 5, 'ver.2': 'x', v2: 'no' }), arabic)).toBe('5 / x / ');
  });

  it('apply filters for digits, decimals and dates', () => {
    const s = scope({ n: 86.185, d: new Date(2023, 2, 13), t: 'ข้อ 12', e: '' });
    const out = (t: string, f = thai) => fill(tokenize(t).tokens, s, f);
    expect(out('{{n}}')).toBe('๘๖.๑๙');
    expect(out('{{n|เลขอารบิก}}')).toBe('86.19');
    expect(out('{{ n | ทศนิยม0 }}', arabic)).toBe('86');
    expect(out('{{d}}')).toBe('๑๓ มีนาคม ๒๕๖๖');
    expect(out('{{d|วันที่ย่อ}}', arabic)).toBe('13 มี.ค. 2566');
    expect(out('{{t}}')).toBe('ข้อ 12');
    expect(out('{{t|เลขไทย}}')).toBe('ข้อ ๑๒');
    expect(out('{{e|ว่างเป็นขีด}}')).toBe('-');
  });

  it('let a record’s names hide the report’s', () => {
    const outer = scope({ ชื่อ: 'หน่วยงาน', ปี: 2569 });
    expect(fill(tokenize('{{ชื่อ}} {{ปี|เลขอารบิก}}').tokens, scope({ ชื่อ: 'มาตรการ' }, outer), thai)).toBe('มาตรการ 2569');
  });
});

describe('checking a template', () => {
  it('passes a good template', () => {
    expect(
      checkTemplate(
        [
          { where: 'ย่อหน้า 1', text: '{{ชื่อหน่วยงาน}} ปี {{ปีงบประมาณ|เลขไทย}}' },
          { where: 'ตาราง 1 แถว 2', text: '{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}} {{สถานะ}}', repeat: 'มาตรการ' },
          { where: 'ย่อหน้า 2', text: '{{กราฟ:คะแนนตัวชี้วัด}}' },
        ],
        spec,
        thai,
      ),
    ).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = checkTemplate(
      [
        { where: 'ย่อหน้า 1', text: '{{ชื่อหน่วยงน}} {{คะแนนรวม|ตัวหนา}} {{ปีงบประมาณ' },
        { where: 'ย่อหน้า 2', text: '{{สถานะ}} {{}} {{กราฟ:วงกลม}}' },
        { where: 'หัวกระดาษ', text: '{{แถวซ้ำ:โครงการ}}' },
      ],
      spec,
      thai,
    );
    expect(problems).toEqual([
      'ย่อหน้า 1: "{{" ไม่มี "}}" ปิด: "{{ปีงบประมาณ"',
      'ย่อหน้า 1: ไม่รู้จักช่องแทนค่า {{ชื่อหน่วยงน}}',
      expect.stringContaining('ย่อหน้า 1: ไม่รู้จักตัวกรอง "ตัวหนา"'),
      'ย่อหน้า 2: ช่องแทนค่าไม่มีชื่อ: {{}}',
      'ย่อหน้า 2: {{สถานะ}} ใช้ได้เฉพาะในแถวซ้ำ {{แถวซ้ำ:มาตรการ}}',
      expect.stringContaining('ย่อหน้า 2: ไม่รู้จักกราฟ {{กราฟ:วงกลม}}'),
      expect.stringContaining('หัวกระดาษ: ไม่รู้จักรายการที่ให้ทำซ้ำ {{แถวซ้ำ:โครงการ}}'),
      'หัวกระดาษ: {{แถวซ้ำ:โครงการ}} ใช้ได้เฉพาะในแถวของตาราง ในย่อหน้าจะไม่มีสิ่งใดถูกทำซ้ำ',
      'ไม่มีแถวซ้ำของ "มาตรการ": ใส่ {{แถวซ้ำ:มาตรการ}} ในแถวของตารางที่ต้องการให้ทำซ้ำทีละรายการ',
    ]);
  });

  it('finds an unclosed brace before a later placeholder', () => {
    expect(tokenize('{{ก {{ข}}').problems).toEqual(['"{{" ไม่มี "}}" ปิด: "{{ก {{ข}}"']);
    expect(tokenize('{{ก {{ข}}').tokens).toEqual([{ kind: 'text', text: '{{ก ' }, { kind: 'field', name: 'ข', filters: [], raw: '{{ข}}' }]);
  });
});

describe('repeat and group markers where they would repeat nothing (issue 9)', () => {
  const row = (table: string, index: number, text: string) => ({ where: `${table} แถว ${index + 1}`, text, row: { table, index } });
  const rows = '{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}';

  it('are refused outside a table row, where nothing is repeated', () => {
    expect(checkTemplate([{ where: 'ย่อหน้า 2 (รายการหัวข้อย่อย)', text: 'มาตรการ {{แถวซ้ำ:มาตรการ}}' }, { where: 'ย่อหน้า 3', text: '{{แถวกลุ่ม:มาตรการ}}' }, row('ตาราง 1', 1, rows)], spec, thai)).toEqual([
      'ย่อหน้า 2 (รายการหัวข้อย่อย): {{แถวซ้ำ:มาตรการ}} ใช้ได้เฉพาะในแถวของตาราง ในย่อหน้าจะไม่มีสิ่งใดถูกทำซ้ำ',
      'ย่อหน้า 3: {{แถวกลุ่ม:มาตรการ}} ใช้ได้เฉพาะในแถวของตาราง ในย่อหน้าจะไม่มีสิ่งใดถูกทำซ้ำ',
    ]);
  });

  it('are refused two to a row, in one cell or two, naming both', () => {
    expect(checkTemplate([row('ตาราง 1', 1, '{{แถวซ้ำ:มาตรการ}}{{สถานะ}}'), row('ตาราง 1', 1, '{{แถวกลุ่ม:มาตรการ}}')], spec, thai)).toEqual([
      'ตาราง 1 แถว 2: แถวเดียวมีเครื่องหมายแถวซ้ำหรือแถวกลุ่ม 2 อัน ({{แถวซ้ำ:มาตรการ}} {{แถวกลุ่ม:มาตรการ}}) ใช้ได้แถวละอันเดียว แยกไว้คนละแถวหรือคนละตาราง',
      expect.stringContaining('ไม่มีแถวซ้ำของ "มาตรการ"'),
    ]);
  });

  it('need a group row right above a repeating row of its collection in the same table', () => {
    const group = '{{แถวกลุ่ม:มาตรการ}}{{สถานะ}}';
    const why = 'แถวกลุ่ม {{แถวกลุ่ม:มาตรการ}} ต้องอยู่ติดเหนือแถวซ้ำ {{แถวซ้ำ:มาตรการ}} ในตารางเดียวกัน ที่นี่แถวนี้จะไม่ถูกทำซ้ำและไม่มีข้อมูล';
    expect(checkTemplate([row('ตาราง 1', 1, group), row('ตาราง 1', 2, rows)], spec, thai)).toEqual([]);
    expect(checkTemplate([row('ตาราง 1', 1, group), row('ตาราง 1', 2, 'คั่น'), row('ตาราง 1', 3, rows)], spec, thai)).toEqual([`ตาราง 1 แถว 2: ${why}`]);
    expect(checkTemplate([row('ตาราง 1', 1, rows), row('ตาราง 1', 2, group)], spec, thai)).toEqual([`ตาราง 1 แถว 3: ${why}`]);
    expect(checkTemplate([row('ตาราง 1', 1, group), row('ตาราง 2', 2, rows)], spec, thai)).toEqual([`ตาราง 1 แถว 2: ${why}`]);
  });
});
