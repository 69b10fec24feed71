// The analysis report with the depth of the published ones (issue 11, part 4):
// each indicator explained with what its score means, the indicators by rank,
// the issues each weakness fixes, and year over year for every tool. From the
// built bundle over the fake spreadsheet and Docs.
import { describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { explanationFor } from '../../src/core/data/explanations';
import { seededHarness } from '../../scripts/preview';
import { FakeTable, type FakeDocument } from '../harness/document';
import type { Harness } from '../harness/harness';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const docOf = (h: Harness, url: string): FakeDocument => h.drive.docs.get(url.split('/d/')[1]!.split('/')[0]!)!;
const tables = (d: FakeDocument) => d.body.children.filter((c): c is FakeTable => c instanceof FakeTable);

function generate(h: Harness, over: Record<string, unknown> = {}): FakeDocument {
  const r = api<ReportDone>(h, 'generateReport', { kind: 'analysis', fiscalYear: 2568, digits: 'thai', pdf: false, ...over });
  if (!r.ok) throw new Error(`${r.message.th}\n${r.problems.join('\n')}`);
  return docOf(h, r.url);
}

/** The body's text from the paragraph after `from` up to `to`. */
function between(d: FakeDocument, from: string, to: string): string {
  const text = d.body.getText();
  const start = text.indexOf('\n', text.indexOf(from)) + 1;
  return text.slice(start, text.indexOf(to, start));
}

/** A table found by its header's first cell. */
const tableHeaded = (d: FakeDocument, first: string) => tables(d).find((t) => t.getRow(0).getCell(0).getText() === first)!;

describe('the default analysis report, in depth', () => {
  it('explains each indicator and what its score means, in Thai digits with two decimals, and leaves no placeholder', () => {
    const h = seededHarness();
    const doc = generate(h);
    const text = doc.body.getText();
    expect(text).not.toContain('{{');
    const section = between(doc, '๒.๑ ผลการประเมินรายตัวชี้วัด', '๒.๒ ลำดับคะแนนรายตัวชี้วัด');
    expect(section).toContain('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ได้ ๙๔.๔๑ คะแนน');
    expect(section).toContain(
      `ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ${explanationFor(2569, 9)!.measures} ผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๘ ตัวชี้วัดนี้ได้ ๗๐.๐๐ คะแนน ซึ่งต่ำกว่าเกณฑ์จุดแข็ง (๘๕ คะแนน) จึงเป็นจุดที่ต้องพัฒนา (อันดับที่ ๙ จาก ๑๐ ตัวชี้วัด)`,
    );
    expect(section).toContain('ตัวชี้วัดที่ ๓ การใช้อำนาจ');
    expect(section).toContain('ได้ ๙๙.๔๙ คะแนน ซึ่งถึงเกณฑ์จุดแข็ง (ตั้งแต่ ๘๕ คะแนนขึ้นไป) จึงเป็นจุดแข็ง (อันดับที่ ๑ จาก ๑๐ ตัวชี้วัด)');
    expect(section).not.toMatch(/[0-9]/); // every number in the report's digits
    const decimals = section.match(/[๐-๙]+\.[๐-๙]+/g)!;
    expect(decimals).toHaveLength(3 + 10); // the tools' scores and the indicators'
    expect(decimals.filter((n) => !/\.[๐-๙]{2}$/.test(n))).toEqual([]); // scores always with two decimals
  });

  it('ranks the indicators highest first in a table of rank, indicator, tool and score', () => {
    const doc = generate(seededHarness());
    const ranked = tableHeaded(doc, 'อันดับ');
    expect(ranked.getRow(0).getText()).toBe('อันดับ\tตัวชี้วัด\tเครื่องมือ\tคะแนน');
    expect(ranked.getNumRows()).toBe(11);
    expect(ranked.getRow(1).getText()).toBe('๑\tตัวชี้วัดที่ ๓ การใช้อำนาจ\tIIT\t๙๙.๔๙');
    expect(ranked.getRow(10).getText()).toBe('๑๐\tตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต\tOIT\t๕๐.๐๐');
  });

  it('names the threshold and gives each weakness its issues to fix, one a line', () => {
    const doc = generate(seededHarness());
    expect(doc.body.getText()).toContain('ตัวชี้วัดที่ต่ำกว่าเกณฑ์จุดแข็ง ๘๕ คะแนน และประเด็นที่มักทำให้คะแนนต่ำ ซึ่งหน่วยงานต้องตรวจสอบและแก้ไข มีดังนี้');
    const weak = tableHeaded(doc, 'จุดที่ต้องพัฒนา');
    expect(weak.getNumRows()).toBe(1 + 2);
    expect(weak.getRow(1).getCell(0).getText()).toBe('ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล');
    expect(weak.getRow(1).getCell(1).getText()).toBe('๗๐.๐๐');
    const lines = weak.getRow(1).getCell(2).getText().split(/[\n\r]/);
    expect(lines).toEqual(explanationFor(2568, 9)!.issues.map((x) => `- ${x}`));
    expect(weak.getRow(2).getCell(2).getText()).toContain('No Gift Policy');
    expect(tableHeaded(doc, 'จุดแข็ง').getNumRows()).toBe(1 + 8);
  });

  it('compares every tool with the year before', () => {
    const text = generate(seededHarness()).body.getText();
    expect(text).toContain(
      'เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ คะแนน IIT เพิ่มขึ้น ๑.๒๗ คะแนน (จาก ๙๓.๑๔ เป็น ๙๔.๔๑ คะแนน) คะแนน EIT เพิ่มขึ้น ๑.๕๑ คะแนน (จาก ๙๓.๓๐ เป็น ๙๔.๘๑ คะแนน) และคะแนน OIT เพิ่มขึ้น ๑๒.๕๐ คะแนน (จาก ๔๗.๕๐ เป็น ๖๐.๐๐ คะแนน)',
    );
  });

  it('prints the same in Arabic digits when asked', () => {
    const doc = generate(seededHarness(), { digits: 'arabic' });
    expect(doc.body.getText()).toContain('ได้ 70.00 คะแนน ซึ่งต่ำกว่าเกณฑ์จุดแข็ง (85 คะแนน) จึงเป็นจุดที่ต้องพัฒนา (อันดับที่ 9 จาก');
    expect(tableHeaded(doc, 'อันดับ').getRow(1).getText()).toBe('1\tตัวชี้วัดที่ 3 การใช้อำนาจ\tIIT\t99.49');
  });

  it('keeps its tables within the A4 portrait text width (451 pt)', () => {
    const h = seededHarness();
    const t = api<{ ok: boolean; template: { id: string } }>(h, 'createTemplate', { kind: 'analysis' });
    const widths = tables(h.drive.docs.get(t.template.id)!).map((table) => table.getRow(0).cells.reduce((sum, c) => sum + (c.width ?? 0), 0));
    expect(widths.length).toBeGreaterThanOrEqual(5);
    for (const w of widths) expect(w).toBeGreaterThan(400);
    for (const w of widths) expect(w).toBeLessThanOrEqual(451.3) // A4 less 72 pt margins, as the Doc says;
  });
});

describe('templates made before the analysis had this depth', () => {
  it('still make the report, with none of the new placeholders', () => {
    const h = seededHarness();
    const doc = h.drive.addDocument('แม่แบบเดิมของหน่วยงาน');
    doc.body.appendParagraph('{{ชื่อหน่วยงาน}} ได้คะแนนรวม {{คะแนนรวม}} คะแนน {{การเปลี่ยนแปลง}} {{ผลต่างคะแนนรวม}} คะแนน');
    doc.body.appendTable([['ตัวชี้วัด', 'คะแนน'], ['{{แถวซ้ำ:ตัวชี้วัด}}{{ชื่อตัวชี้วัด}}', '{{คะแนน}}']]);
    doc.body.appendParagraph('');
    doc.body.appendTable([['จุดที่ต้องพัฒนา', 'คะแนน'], ['{{แถวซ้ำ:จุดที่ต้องพัฒนา}}{{ชื่อตัวชี้วัด}}', '{{คะแนน}}']]);
    doc.body.appendParagraph('');
    doc.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    h.properties.document.setProperty('ita.template.analysis', doc.id);
    const out = generate(h);
    expect(out.body.getText()).not.toContain('{{');
    expect(out.body.getText()).toContain('ได้คะแนนรวม ๘๐.๗๗ คะแนน เพิ่มขึ้น ๕.๘๔ คะแนน');
    const [indicators, weak] = tables(out);
    expect(indicators!.getNumRows()).toBe(11);
    expect(weak!.getRow(2).getText()).toBe('การป้องกันการทุจริต\t๕๐.๐๐');
  });

  it('may use the new names in another report’s template, which then reads the scores', () => {
    const h = seededHarness();
    const doc = h.drive.addDocument('แม่แบบรายงานผลของหน่วยงาน');
    doc.body.appendParagraph('{{สรุปการเปลี่ยนแปลง IIT}} / {{คะแนนตัวชี้วัดที่ 9}}');
    doc.body.appendTable([['ตัวชี้วัด'], ['{{แถวซ้ำ:ตัวชี้วัดเรียงคะแนน}}{{อันดับ}} {{ชื่อตัวชี้วัด}} {{ผลเทียบเกณฑ์จุดแข็ง}}']]);
    doc.body.appendParagraph('');
    doc.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    h.properties.document.setProperty('ita.template.progress', doc.id);
    // The progress report of 2569 reads 2569's scores: none in the sample, so ask for 2568's.
    const out = generate(h, { kind: 'progress', fiscalYear: 2568 });
    expect(out.body.getText()).toContain('คะแนน IIT เพิ่มขึ้น ๑.๒๗ คะแนน (จาก ๙๓.๑๔ เป็น ๙๔.๔๑ คะแนน) / ๗๐.๐๐');
    expect(tables(out)[0]!.getRow(1).getText()).toBe('๑ การใช้อำนาจ จุดแข็ง');
  });
});
