// Report templates the fill would have half-ignored (issue 9): placeholders in
// bulleted and numbered paragraphs, and repeat or group markers where they
// repeat nothing. From the built bundle over the fake spreadsheet and Docs.
import { describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import { FakeListItem, FakeTable, type FakeContainer, type FakeDocument } from '../harness/document';
import type { Harness } from '../harness/harness';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const docOf = (h: Harness, url: string): FakeDocument => h.drive.docs.get(url.split('/d/')[1]!.split('/')[0]!)!;
const allText = (d: FakeDocument) => [d.header?.getText() ?? '', d.body.getText(), d.footer?.getText() ?? ''].join('\n');

/** A paragraph, a list item (glyph type optional), or a table. */
type Block = string | { li: string; glyph?: string } | string[][];

/** A template Doc of the unit's own, set as the template of `kind`. */
function template(h: Harness, kind: 'analysis' | 'progress', body: Block[], sections: { header?: Block[]; footer?: Block[] } = {}): FakeDocument {
  const doc = h.drive.addDocument('แม่แบบของหน่วยงาน');
  const put = (c: FakeContainer, b: Block) => {
    if (typeof b === 'string') c.appendParagraph(b);
    else if (Array.isArray(b)) c.appendTable(b);
    else {
      const li = c.appendListItem(b.li);
      if (b.glyph) li.setGlyphType(b.glyph);
    }
  };
  for (const b of body) put(doc.body, b);
  if (sections.header) for (const b of sections.header) put(doc.addHeader(), b);
  if (sections.footer) for (const b of sections.footer) put(doc.addFooter(), b);
  h.properties.document.setProperty(`ita.template.${kind}`, doc.id);
  return doc;
}

function generate(h: Harness, kind: 'analysis' | 'progress'): ReportDone {
  return api<ReportDone>(h, 'generateReport', { kind, fiscalYear: kind === 'analysis' ? 2568 : 2569, digits: 'thai', pdf: false });
}

function ok(r: ReportDone): Extract<ReportDone, { ok: true }> {
  if (!r.ok) throw new Error(`${r.message.th}\n${r.problems.join('\n')}`);
  return r;
}

/** The refusal, having made no file. */
function refused(h: Harness, kind: 'analysis' | 'progress'): readonly string[] {
  const before = h.drive.files.size;
  const r = generate(h, kind);
  expect(h.drive.files.size).toBe(before);
  if (r.ok) throw new Error(`not refused: ${r.url}`);
  expect(r.message.th).toContain('ยังไม่ได้สร้างไฟล์ใด ๆ');
  return r.problems;
}

const MEASURES: string[][] = [['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']];

describe('bulleted and numbered paragraphs (issue 9)', () => {
  it('have their placeholders filled in the body, header, footer and table cells, keeping their glyph', () => {
    const h = seededHarness();
    const t = template(h, 'progress', [{ li: 'หน่วยงาน {{ชื่อหน่วยงาน}}', glyph: 'NUMBER' }, { li: 'ปีงบประมาณ {{ปีงบประมาณ}}' }, MEASURES], {
      header: [{ li: '{{ชื่อหน่วยงาน}}' }],
      footer: [{ li: 'อำเภอ{{อำเภอ}}' }],
    });
    // A cell of the repeating row holding a list item after its paragraph.
    (t.body.children.find((c) => c instanceof FakeTable) as FakeTable).getRow(1).getCell(0).appendListItem('สถานะ: {{สถานะ}}');
    const doc = docOf(h, ok(generate(h, 'progress')).url);
    const text = allText(doc);
    expect(text).not.toContain('{{');
    const items = doc.body.children.filter((c): c is FakeListItem => c instanceof FakeListItem);
    expect(items.map((li) => [li.getText(), li.getGlyphType()])).toEqual([
      ['หน่วยงาน องค์การบริหารส่วนตำบลห้วยเตย', 'NUMBER'],
      ['ปีงบประมาณ ๒๕๖๙', 'BULLET'],
    ]);
    const types = (c: FakeContainer | null) => c!.children.map((b) => b.type);
    expect([types(doc.header), types(doc.footer)]).toEqual([types(t.header), types(t.footer)]);
    expect(doc.header!.children.filter((c) => c instanceof FakeListItem).map((c) => c.getText())).toEqual(['องค์การบริหารส่วนตำบลห้วยเตย']);
    expect(doc.footer!.getText()).toContain('อำเภอกุดรัง');
    const table = doc.body.children.find((c) => c instanceof FakeTable) as FakeTable;
    expect(table.getNumRows()).toBe(1 + 5);
    expect(table.getRow(1).getCell(0).children[1]).toBeInstanceOf(FakeListItem);
    expect(table.getRow(1).getCell(0).getText()).toMatch(/^.+\nสถานะ: (กำลังดำเนินการ|ดำเนินการแล้ว|ยังไม่ได้ดำเนินการ)/);
  });

  it('are checked: an unknown name in a list item of the body or a footer is refused, saying where', () => {
    const h = seededHarness();
    template(h, 'progress', ['รายงาน', { li: '{{ชื่อหน่วยงานน}}' }, MEASURES], { footer: [{ li: 'ปี {{ปีงบประมาณ|ตัวเอียง}}' }] });
    expect(refused(h, 'progress')).toEqual([
      'ย่อหน้า 3 (รายการหัวข้อย่อย): ไม่รู้จักช่องแทนค่า {{ชื่อหน่วยงานน}}',
      expect.stringMatching(/^ท้ายกระดาษ ย่อหน้า \d \(รายการหัวข้อย่อย\): ไม่รู้จักตัวกรอง "ตัวเอียง"/),
    ]);
  });
});

describe('repeat and group markers that would repeat nothing (issue 9)', () => {
  it('refuses a repeat marker in a plain paragraph or a list item, saying where and why, and makes no file', () => {
    const h = seededHarness();
    template(h, 'progress', ['มาตรการของปีนี้', '{{แถวซ้ำ:มาตรการ}}{{ชื่อหน่วยงาน}}', { li: '{{แถวกลุ่ม:มาตรการ}}' }]);
    expect(refused(h, 'progress')).toEqual([
      'ย่อหน้า 3: {{แถวซ้ำ:มาตรการ}} ใช้ได้เฉพาะในแถวของตาราง ในย่อหน้าจะไม่มีสิ่งใดถูกทำซ้ำ',
      'ย่อหน้า 4 (รายการหัวข้อย่อย): {{แถวกลุ่ม:มาตรการ}} ใช้ได้เฉพาะในแถวของตาราง ในย่อหน้าจะไม่มีสิ่งใดถูกทำซ้ำ',
      expect.stringContaining('ไม่มีแถวซ้ำของ "มาตรการ"'),
    ]);
  });

  it('refuses a group row not directly above its repeating row, saying where and why', () => {
    const h = seededHarness();
    template(h, 'progress', [
      [['มาตรการ'], ['{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}'], ['(คั่น)'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']],
      [['{{แถวซ้ำ:มาตรการ}}{{สถานะ}}'], ['{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}']],
    ]);
    expect(refused(h, 'progress')).toEqual([
      'ตาราง 1 แถว 2: แถวกลุ่ม {{แถวกลุ่ม:มาตรการ}} ต้องอยู่ติดเหนือแถวซ้ำ {{แถวซ้ำ:มาตรการ}} ในตารางเดียวกัน ที่นี่แถวนี้จะไม่ถูกทำซ้ำและไม่มีข้อมูล',
      'ตาราง 2 แถว 2: แถวกลุ่ม {{แถวกลุ่ม:มาตรการ}} ต้องอยู่ติดเหนือแถวซ้ำ {{แถวซ้ำ:มาตรการ}} ในตารางเดียวกัน ที่นี่แถวนี้จะไม่ถูกทำซ้ำและไม่มีข้อมูล',
    ]);
  });

  it('refuses two repeat markers in one row, saying where and why', () => {
    const h = seededHarness();
    template(h, 'analysis', [
      [['{{แถวซ้ำ:ตัวชี้วัด}}{{ชื่อตัวชี้วัด}}']],
      MEASURES,
      [['จุดแข็ง', 'จุดที่ต้องพัฒนา'], ['{{แถวซ้ำ:จุดแข็ง}}{{ชื่อตัวชี้วัด}}', '{{แถวซ้ำ:จุดที่ต้องพัฒนา}}{{ชื่อตัวชี้วัด}}']],
    ]);
    expect(refused(h, 'analysis')).toEqual([
      'ตาราง 3 แถว 2: แถวเดียวมีเครื่องหมายแถวซ้ำหรือแถวกลุ่ม 2 อัน ({{แถวซ้ำ:จุดแข็ง}} {{แถวซ้ำ:จุดที่ต้องพัฒนา}}) ใช้ได้แถวละอันเดียว แยกไว้คนละแถวหรือคนละตาราง',
    ]);
  });

  it('still takes a group row right above its repeating row', () => {
    const h = seededHarness();
    template(h, 'progress', [[['มาตรการ'], ['{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]]);
    const doc = docOf(h, ok(generate(h, 'progress')).url);
    expect((doc.body.children.find((c) => c instanceof FakeTable) as FakeTable).getNumRows()).toBe(1 + 5 + 5);
  });
});

describe('group headings above a table (issue 11)', () => {
  it('make a heading and a table per group, each table holding only its group’s records', () => {
    const h = seededHarness();
    template(h, 'progress', ['ก่อน', 'หมวด {{หัวข้อกลุ่ม:มาตรการ}}{{กลุ่ม}}', [['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}} ตัวชี้วัด {{ตัวชี้วัด}}']], 'หลัง']);
    const doc = docOf(h, ok(generate(h, 'progress')).url);
    const kids = doc.body.children;
    const headings = kids.filter((c, i) => kids[i + 1] instanceof FakeTable).map((c) => c.getText());
    expect(headings).toEqual(['หมวด ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', 'หมวด ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', 'หมวด ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', 'หมวด ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล', 'หมวด ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต']);
    const tables = kids.filter((c): c is FakeTable => c instanceof FakeTable);
    // Each table: the header and its group's measures, every row's first indicator the heading's.
    tables.forEach((t, i) => {
      const n = headings[i]!.split(' ')[2]!;
      expect(t.rows.slice(1).every((r) => new RegExp(`ตัวชี้วัด ${n}(,|$)`).test(r.getText())), headings[i]).toBe(true);
    });
    expect(tables.reduce((n, t) => n + t.getNumRows() - 1, 0)).toBe(5);
    expect(allText(doc)).not.toContain('{{');
    expect(kids.at(-1)!.getText()).toBe('หลัง');
  });

  it('are refused where they would repeat nothing: not right above a table, above a table of another collection, or in a cell', () => {
    const h = seededHarness();
    template(h, 'progress', ['{{หัวข้อกลุ่ม:มาตรการ}}{{กลุ่ม}}', 'ย่อหน้าคั่น', MEASURES, '{{หัวข้อกลุ่ม:ตัวชี้วัด}}{{กลุ่ม}}', [['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']], '', [['{{หัวข้อกลุ่ม:มาตรการ}}']]]);
    const problems = refused(h, 'progress');
    expect(problems).toEqual([
      expect.stringContaining('{{หัวข้อกลุ่ม:มาตรการ}} ต้องอยู่ในย่อหน้าที่ติดเหนือตารางซึ่งมีแถวซ้ำ {{แถวซ้ำ:มาตรการ}}'),
      expect.stringContaining('{{หัวข้อกลุ่ม:ตัวชี้วัด}} ต้องอยู่ในย่อหน้าที่ติดเหนือตารางซึ่งมีแถวซ้ำ {{แถวซ้ำ:ตัวชี้วัด}}'),
      // Indicators have no group: the heading's {{กลุ่ม}} is named too.
      expect.stringContaining('{{กลุ่ม}} ใช้ได้เฉพาะในแถวซ้ำ {{แถวซ้ำ:มาตรการ}}'),
      expect.stringContaining('ตาราง 3 แถว 1: {{หัวข้อกลุ่ม:มาตรการ}} ใช้ได้ในย่อหน้าที่อยู่ติดเหนือตาราง ไม่ใช่ในช่องของตาราง'),
    ]);
  });

  it('with no record take the heading and the table out, leaving the paragraphs around them', () => {
    const h = seededHarness();
    // The analysis of 2566 carries 2567's measures: none in the sample.
    template(h, 'analysis', ['ก่อน', '{{หัวข้อกลุ่ม:มาตรการ}}{{กลุ่ม}}', [['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']], 'หลัง', [['{{แถวซ้ำ:ตัวชี้วัด}}{{คะแนน}}']]]);
    const r = ok(api<ReportDone>(h, 'generateReport', { kind: 'analysis', fiscalYear: 2566, digits: 'thai', pdf: false }));
    const texts = docOf(h, r.url).body.children.map((c) => (c instanceof FakeTable ? 'T' : c.getText()));
    expect(texts.filter((t) => t !== '')).toEqual(['ก่อน', 'หลัง', 'T']);
  });
});

describe('table widths (issue 11)', () => {
  it('narrow a template’s table wider than the page’s text to it, keeping the columns’ proportions', () => {
    const h = seededHarness();
    const t = template(h, 'progress', ['ตาราง', MEASURES.map((r) => [...r, 'อื่น'])]);
    const table = t.body.children.find((c): c is FakeTable => c instanceof FakeTable)!;
    table.getRow(0).getCell(0).setWidth(400);
    table.getRow(0).getCell(1).setWidth(200);
    const out = docOf(h, ok(generate(h, 'progress')).url).body.children.find((c): c is FakeTable => c instanceof FakeTable)!;
    const widths = out.getRow(0).cells.map((c) => c.width!);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(451.3);
    expect(widths[0]! / widths[1]!).toBeCloseTo(2, 2);
    expect(out.rows.every((r) => r.cells[0]!.width === widths[0])).toBe(true);
  });

  it('leave a table alone when a column’s width is not known (Docs shares the rest of the page)', () => {
    const h = seededHarness();
    const t = template(h, 'progress', ['ตาราง', MEASURES.map((r) => [...r, 'อื่น'])]);
    t.body.children.find((c): c is FakeTable => c instanceof FakeTable)!.getRow(0).getCell(0).setWidth(600);
    const out = docOf(h, ok(generate(h, 'progress')).url).body.children.find((c): c is FakeTable => c instanceof FakeTable)!;
    expect(out.getRow(0).cells.map((c) => c.width)).toEqual([600, undefined]);
  });
});
