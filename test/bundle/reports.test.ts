// Report generation, from the built bundle over the fake spreadsheet and Docs.
import { describe, expect, it } from 'vitest';
import type { ReportDone, ReportState, TemplateDone } from '../../src/core/api';
import { measureColumns } from '../../src/core/measures/model';
import { seededHarness } from '../../scripts/preview';
import { FakeParagraph, FakeTable, renderHtml, type FakeDocument } from '../harness/document';
import { MIME } from '../harness/drive';
import type { Harness } from '../harness/harness';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const docOf = (h: Harness, url: string): FakeDocument => h.drive.docs.get(url.split('/d/')[1]!.split('/')[0]!)!;
const tables = (d: FakeDocument) => d.body.children.filter((c): c is FakeTable => c instanceof FakeTable);
const allText = (d: FakeDocument) => [d.header?.getText() ?? '', d.body.getText(), d.footer?.getText() ?? ''].join('\n');

function generate(h: Harness, over: Record<string, unknown> = {}): ReportDone {
  return api<ReportDone>(h, 'generateReport', { kind: 'analysis', fiscalYear: 2568, digits: 'thai', pdf: false, ...over });
}

function ok(r: ReportDone): Extract<ReportDone, { ok: true }> {
  if (!r.ok) throw new Error(`${r.message.th}\n${r.problems.join('\n')}`);
  return r;
}

/** The texts of the paragraphs right above the body's tables that follow a group heading: the group headings. */
function headingsAbove(doc: FakeDocument): string[] {
  const kids = doc.body.children;
  return kids.flatMap((c, i) => (c instanceof FakeParagraph && kids[i + 1] instanceof FakeTable && /^(ตัวชี้วัดที่ |๙\.|๑๐\.|9\.|10\.)/.test(c.text) ? [c.text] : []));
}

/** A template Doc of the user's own, with the given paragraphs. */
function ownTemplate(h: Harness, kind: 'analysis' | 'progress', paragraphs: string[], table?: string[][]): string {
  const doc = h.drive.addDocument('แม่แบบของหน่วยงาน');
  for (const p of paragraphs) doc.body.appendParagraph(p);
  if (table) doc.body.appendTable(table);
  h.properties.document.setProperty(`ita.template.${kind}`, doc.id);
  return doc.id;
}

function addMeasures(h: Harness, n: number, year = 2569, text = (i: number) => `มาตรการทดสอบ ${i}`): void {
  const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
  const headers = measureColumns().map((c) => c.header);
  const rows = Array.from({ length: n }, (_, i) => headers.map((c) => (c === 'รหัส' ? `t-${i}` : c === 'ปีงบประมาณ' ? year : c === 'ตัวชี้วัด' ? String((i % 10) + 1) : c === 'มาตรการ/แนวทาง' ? text(i) : c === 'สถานะ' ? 'กำลังดำเนินการ' : '')));
  const start = sheet.getLastRow() + 1;
  sheet.ensureSize(start + n + 10, headers.length);
  sheet.getRange(start, 1, n, headers.length).setValues(rows);
}

describe('the default templates', () => {
  it('are written as Sarabun 16 pt Docs and remembered as this user’s own templates', () => {
    const h = seededHarness();
    const r = api<TemplateDone>(h, 'createTemplate', { kind: 'analysis' });
    if (!r.ok) throw new Error('template refused');
    expect(h.properties.getUserProperties().getProperty('ita.template.analysis.fake-spreadsheet-id')).toBe(r.template.id);
    const doc = h.drive.docs.get(r.template.id)!;
    const paragraphs = doc.body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph && c.text !== '');
    expect(paragraphs.every((p) => p.style.fontFamily === 'Sarabun')).toBe(true);
    expect(paragraphs.filter((p) => p.style.fontSize === 16).length).toBeGreaterThan(10);
    expect(doc.body.getText()).toContain('{{แถวซ้ำ:มาตรการ}}');
    expect(h.drive.folderNameOf(r.template.id)).toMatch(/^รายงาน ITA องค์การบริหารส่วนตำบลห้วยเตย ปีงบประมาณ 25\d\d$/);
  });
});

describe('the analysis report', () => {
  it('reads like the published analyses: scores, tools, strengths, measures, charts, header and footer', () => {
    const h = seededHarness();
    const r = ok(generate(h));
    expect(r.name).toBe('รายงานการวิเคราะห์ผลการประเมิน ITA ปี 2568 และมาตรการปี 2569 องค์การบริหารส่วนตำบลห้วยเตย');
    const doc = docOf(h, r.url);
    const text = allText(doc);
    expect(text).not.toContain('{{');
    expect(text).toContain('ได้คะแนนรวม ๘๐.๗๗ คะแนน ผลการประเมิน ต้องปรับปรุง (ไม่ผ่านเกณฑ์ ๘๕ คะแนน)'); // no letter from 2566 (issue 10)
    expect(text).toContain('ผลการประเมินประจำปีงบประมาณ พ.ศ. ๒๕๖๘ และมาตรการประจำปีงบประมาณ พ.ศ. ๒๕๖๙');
    expect(text).toContain('๔. มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙');
    expect(text).toContain('เมื่อเทียบกับปี ๒๕๖๗ ซึ่งได้ ๗๔.๙๓ คะแนน เพิ่มขึ้น ๕.๘๔ คะแนน');
    expect(doc.header?.getText()).toBe('องค์การบริหารส่วนตำบลห้วยเตย');
    expect(doc.footer?.getText()).toContain('๒๕๖๘');
    const [indicators, , strengths, weaknesses, measures] = tables(doc); // the second: indicators by rank (report-depth.test.ts)
    expect(indicators!.getNumRows()).toBe(11);
    expect(indicators!.getRow(9).getText()).toBe('๙\tOIT\tการเปิดเผยข้อมูล\t๗๐.๐๐\tไม่ผ่านเกณฑ์'); // two decimals, as the seeds print ๗๐.๐๐
    expect(strengths!.getNumRows()).toBe(1 + 8); // threshold 85 in the example settings
    expect(weaknesses!.getNumRows()).toBe(1 + 2);
    // The analysis of 2568 carries the five measures of 2569 (issue 10), not 2568's one: a heading and a table per first indicator (issue 11).
    expect(measures!.getNumRows()).toBe(1 + 1);
    expect(tables(doc)).toHaveLength(4 + 5);
    expect(headingsAbove(doc)).toEqual(['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', 'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', 'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล', 'ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต']);
    expect(text).not.toContain('เผยแพร่รายงานผลการจัดซื้อจัดจ้างประจำปีภายในเดือนตุลาคม');
    const images = doc.body.children.flatMap((c) => (c instanceof FakeParagraph ? c.images : []));
    expect(images).toHaveLength(2);
    expect(images[0]!.getWidth()).toBe(601) // 451 pt of text width, in pixels (96 per inch);
    expect(images[0]!.blob.data).toContain('<svg');
    expect(images[0]!.blob.data).toContain('การเปิดเผยข้อมูล');
    // Chart labels follow the digit choice (issue 11): Thai here, Arabic when asked.
    expect(images[0]!.blob.data).toContain('๙. การเปิดเผยข้อมูล');
    expect(images[1]!.blob.data).toContain('๒๕๖๘');
    // Every number drawn follows it too: the values in the labels, and the axis's ticks (no Arabic digit in any text of the image).
    const drawn = (svg: string) => [...svg.matchAll(/>([^<]+)</g)].map((m) => m[1]!).join(' ');
    expect(drawn(images[0]!.blob.data)).toContain('๙. การเปิดเผยข้อมูล (๗๐.๐๐)');
    expect(drawn(images[0]!.blob.data)).toContain('๑๐๐');
    expect(drawn(images[1]!.blob.data)).toContain('๒๕๖๘ (๘๐.๗๗)');
    for (const i of images) expect(drawn(i.blob.data)).not.toMatch(/[0-9]/);
    const arabic = docOf(h, ok(generate(h, { digits: 'arabic' })).url).body.children.flatMap((c) => (c instanceof FakeParagraph ? c.images : []));
    expect(arabic[0]!.blob.data).toContain('9. การเปิดเผยข้อมูล (70.00)');
    expect(arabic[1]!.blob.data).toContain('2568');
    for (const i of arabic) expect(drawn(i.blob.data)).not.toMatch(/[๐-๙]/);
  });

  it('is refused for a year without scores, naming the sheet and the year, and no Doc is made (issue 10)', () => {
    const h = seededHarness();
    const files = h.drive.files.size;
    const r = generate(h, { fiscalYear: 2569 });
    expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('ยังไม่มีคะแนนของปีงบประมาณ 2569 ในแผ่นงาน "คะแนน ITA"') } });
    expect(r.ok ? '' : r.message.th).toContain('ปีที่มีคะแนนแล้ว: 2568, 2567, 2566');
    expect(h.drive.files.size).toBe(files);
  });

  it('offers in the dialog the years with scores, latest first (issue 10)', () => {
    const h = seededHarness();
    expect(api<ReportState>(h, 'reportState', {})).toMatchObject({ scoredYears: [2568, 2567, 2566] });
  });

  it('keeps each copied row’s formatting', () => {
    const h = seededHarness();
    const doc = docOf(h, ok(generate(h)).url);
    const rows = tables(doc)[0]!.rows;
    // 177 of the template's 451 relative points, on 451.3 pt of text width (A4, 72 pt margins), rounded down to a tenth.
    expect(rows.slice(1).every((r) => r.cells[2]!.width === rows[1]!.cells[2]!.width && r.cells[2]!.width === 177.1)).toBe(true);
  });

  it('can use Arabic digits', () => {
    const h = seededHarness();
    expect(allText(docOf(h, ok(generate(h, { digits: 'arabic' })).url))).toContain('ได้คะแนนรวม 80.77 คะแนน');
  });
});

describe('the progress report', () => {
  it('lists every measure of the year with its progress, grouped by indicator', () => {
    const h = seededHarness();
    const r = ok(generate(h, { kind: 'progress', fiscalYear: 2569 }));
    const doc = docOf(h, r.url);
    const [t] = tables(doc);
    // Per indicator 1, 4, 7, 9, 10 a bold heading, then a table of its measures (issue 11: no group row squeezed into a narrow cell).
    expect(tables(doc).map((x) => x.getNumRows())).toEqual([2, 2, 2, 2, 2]);
    expect(headingsAbove(doc)).toEqual([
      'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่',
      'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ',
      'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร',
      'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล',
      'ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต',
    ]);
    expect(doc.body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph && c.text.startsWith('ตัวชี้วัดที่ ')).every((p) => p.style.bold)).toBe(true);
    expect(doc.body.getPageWidth()).toBe(841.9); // the wide table is set across the page, as the template is
    expect(t!.getRow(0).getText()).toContain('สรุปผลการดำเนินการ');
    expect(allText(doc)).toContain('จำนวน ๕ มาตรการ ขณะนี้ดำเนินการแล้ว ๒ มาตรการ');
    expect(r.notes.join(' ')).not.toContain('ยังไม่มีคะแนน');
  });

  it('makes the analysis of a year whose next year has no measures yet, saying why the table is empty', () => {
    const h = seededHarness();
    const r = ok(generate(h, { fiscalYear: 2566 })); // carries 2567's measures: none in the sample
    // The indicators, ranked, strengths and weaknesses tables; the measures' heading and table went, the note says why.
    expect(tables(docOf(h, r.url))).toHaveLength(4);
    expect(allText(docOf(h, r.url))).not.toContain('{{');
    expect(r.notes.join(' ')).toContain('ยังไม่มีมาตรการของปี 2567');
  });

  it('handles 500 measures and a text of 5,000 characters', () => {
    const h = seededHarness();
    const long = 'ก'.repeat(4990) + 'สุดท้าย';
    addMeasures(h, 500, 2569, (i) => (i === 0 ? long : `มาตรการทดสอบ ${i}`));
    const doc = docOf(h, ok(generate(h, { kind: 'progress', fiscalYear: 2569 })).url);
    // Ten indicator groups, each a heading and a table; every measure once.
    expect(tables(doc)).toHaveLength(10);
    expect(tables(doc).reduce((n, t) => n + t.getNumRows() - 1, 0)).toBe(505);
    expect(tables(doc)[0]!.getText()).toContain(long);
  });
});

describe('the OIT progress report', () => {
  it('lists the checklist by sub-indicator with responsible unit, status boxes and evidence links', () => {
    const h = seededHarness();
    const r = ok(generate(h, { kind: 'oit', fiscalYear: 2569 }));
    expect(r.notes.join(' ')).not.toContain('คะแนน');
    const doc = docOf(h, r.url);
    expect(allText(doc)).toContain('จากรายการตรวจการเปิดเผยข้อมูลสาธารณะ ๒๖ ข้อ หน่วยงานดำเนินการแล้ว ๓ ข้อ (ร้อยละ ๑๑.๕๔)');
    // Seven sub-indicators, each a heading and a table; the 2569 list's 26 items.
    expect(tables(doc)).toHaveLength(7);
    expect(tables(doc).reduce((n, x) => n + x.getNumRows() - 1, 0)).toBe(26);
    expect(headingsAbove(doc)[0]).toBe('๙.๑ ข้อมูลพื้นฐาน');
    const t = tables(doc).find((x) => x.getText().includes('\nO6\t'))!;
    const o6 = [...Array(t.getNumRows()).keys()].find((r) => t.getRow(r).getCell(0).getText() === 'O6')!;
    // The table fits the page's 451 pt of text (it was 505 pt: issue 11).
    expect(t.getRow(0).cells.reduce((w, c) => w + c.width!, 0)).toBeLessThanOrEqual(451.3);
    expect(t.getRow(o6).getText()).toBe('O6\tแผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี\t\t☑ ดำเนินการแล้ว\thttps://www.example.go.th/ita/plan-2569');
    expect(t.getRow(o6 + 1).getCell(3).getText()).toBe('☐ ยังไม่ได้ดำเนินการ');
    // What the sheet and the tab flag (provisional lists, inferred groupings, titles not seen) never reaches the document.
    expect(allText(doc)).not.toMatch(/ทราบเพียง|ชั่วคราว|อนุมาน|ยังไม่พบชื่อ|provisional|inferred/);
    const evidence = t.getRow(o6).getCell(4).children[0] as FakeParagraph;
    expect(evidence.links).toEqual([{ start: 0, end: evidence.text.length - 1, url: 'https://www.example.go.th/ita/plan-2569' }]);
  });
});

/** Sets a value in the settings sheet by its key. */
function setSetting(h: Harness, key: string, value: string): void {
  const sheet = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
  const row = sheet.getDataRange().getValues().findIndex((r) => r[0] === key) + 1;
  if (row < 1) throw new Error(`no setting ${key}`);
  sheet.getRange(row, 2).setValue(value);
}

/** Each cell's paragraphs of a borderless table (the memo's chain of comments), one list per row. */
const chainOf = (d: FakeDocument) => tables(d).filter((t) => t.getBorderWidth() === 0).flatMap((t) => t.rows.map((r) => r.getCell(0).getText().split('\n')));

describe('the memo (บันทึกข้อความ)', () => {
  it('reports the year’s progress to the head of the unit in Thai digits and Buddhist-Era dates, every placeholder filled, signed and commented on', () => {
    const h = seededHarness();
    const r = ok(generate(h, { kind: 'memo', fiscalYear: 2569 }));
    expect(r.name).toBe('บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ ITA ปี 2569 องค์การบริหารส่วนตำบลห้วยเตย');
    const doc = docOf(h, r.url);
    const text = allText(doc);
    expect(text).not.toContain('{{');
    const lines = doc.body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph).map((p) => p.text);
    expect(lines.slice(0, 4)).toEqual([
      'บันทึกข้อความ',
      'ส่วนราชการ  สำนักปลัดองค์การบริหารส่วนตำบลห้วยเตย',
      // No number in the settings: a line to fill by hand; ที่ and วันที่ share a line, as the form sets them.
      expect.stringMatching(new RegExp(`^ที่  ${'\\.'.repeat(40)} +วันที่ {2}[๑-๙][๐-๙]? [\u0e01-\u0e4e]+ ๒๕[๖-๙][๐-๙]$`)),
      'เรื่อง  รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙',
    ]);
    expect(lines).toContain('เรียน  นายกองค์การบริหารส่วนตำบลห้วยเตย');
    expect(text).toContain('จากมาตรการทั้งหมด ๕ มาตรการ ดำเนินการแล้วเสร็จ ๒ มาตรการ');
    expect(lines).toContain('จึงเรียนมาเพื่อโปรดทราบ');
    // The writer's block, name in brackets, position below (ITA-METHOD §9).
    const writer = lines.indexOf('(นางสาวตัวอย่าง ตั้งใจ)');
    expect(lines.slice(writer - 1, writer + 2)).toEqual(['(ลงชื่อ) ........................................', '(นางสาวตัวอย่าง ตั้งใจ)', 'นักวิเคราะห์นโยบายและแผน']);
    // The default chain: the division head, the clerk, the head of the unit, positions worked out from the unit's name.
    expect(chainOf(doc)).toEqual([
      ['ความเห็นของหัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลห้วยเตย', expect.stringMatching(/^\.+$/), expect.stringMatching(/^\.+$/), '(ลงชื่อ) ........................................', '(นางตัวอย่าง รอบคอบ)', 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลห้วยเตย', ''],
      expect.arrayContaining(['ความเห็นของปลัดองค์การบริหารส่วนตำบลห้วยเตย', '(นายตัวอย่าง มั่นคง)']),
      expect.arrayContaining(['ความเห็นของนายกองค์การบริหารส่วนตำบลห้วยเตย', '(นายตัวอย่าง ใจดี)']),
    ]);
    expect(doc.body.getPageWidth()).toBe(595.3); // portrait A4
    const log = h.spreadsheet.getSheetByName('รายงานที่สร้าง')!.getDataRange().getValues();
    expect(log.at(-1)!.slice(2, 4)).toEqual(['บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ', 2569]);
  });

  it('links the year’s progress report when the log holds one, and reads as well without it', () => {
    const h = seededHarness();
    const without = docOf(h, ok(generate(h, { kind: 'memo', fiscalYear: 2569 })).url);
    const body = (d: FakeDocument) => d.body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph);
    const before = body(without).findIndex((p) => p.text === 'จึงเรียนมาเพื่อโปรดทราบ');
    expect(body(without)[before - 1]!.text).toBe(''); // the link's line, empty
    expect(body(without)[before - 2]!.text).toMatch(/ที่แนบมาพร้อมนี้$/);
    const progress = ok(generate(h, { kind: 'progress', fiscalYear: 2569 }));
    ok(generate(h, { kind: 'progress', fiscalYear: 2568 })); // another year's: not this memo's
    const withLink = docOf(h, ok(generate(h, { kind: 'memo', fiscalYear: 2569 })).url);
    const link = body(withLink).find((p) => p.text === progress.url)!;
    expect(link.links).toEqual([{ start: 0, end: progress.url.length - 1, url: progress.url }]);
  });

  it('chains the comments in the setting’s order and subset, leaving a dotted line for a blank name', () => {
    const h = seededHarness();
    setSetting(h, 'ลำดับผู้ให้ความเห็น', 'ผู้บริหาร, หัวหน้าส่วนราชการ');
    setSetting(h, 'ชื่อหัวหน้าส่วนราชการ', '');
    setSetting(h, 'ตำแหน่งหัวหน้าส่วนราชการ', 'ผู้อำนวยการกองคลัง');
    const doc = docOf(h, ok(generate(h, { kind: 'memo', fiscalYear: 2569 })).url);
    expect(chainOf(doc).map((c) => [c[0], c[4], c[5]])).toEqual([
      ['ความเห็นของนายกองค์การบริหารส่วนตำบลห้วยเตย', '(นายตัวอย่าง ใจดี)', 'นายกองค์การบริหารส่วนตำบลห้วยเตย'],
      ['ความเห็นของผู้อำนวยการกองคลัง', `(${'.'.repeat(40)})`, 'ผู้อำนวยการกองคลัง'],
    ]);
  });

  it('leaves the chain out when the setting is blank, and names an unknown level in Thai and English without failing', () => {
    const h = seededHarness();
    setSetting(h, 'ลำดับผู้ให้ความเห็น', '');
    const none = docOf(h, ok(generate(h, { kind: 'memo', fiscalYear: 2569 })).url);
    expect(chainOf(none)).toEqual([]);
    expect(allText(none)).not.toContain('ความเห็นของ');
    setSetting(h, 'ลำดับผู้ให้ความเห็น', 'ปลัด, รองนายก');
    const r = ok(generate(h, { kind: 'memo', fiscalYear: 2569 }));
    expect(chainOf(docOf(h, r.url))).toHaveLength(1);
    expect(r.notes).toContainEqual(expect.stringMatching(/ไม่รู้จัก "รองนายก".*\| Unknown "รองนายก"/));
  });
});

describe('the announcement (ประกาศ)', () => {
  it('adopts the year’s measures on last year’s results, dated and signed by the head, with the measures by indicator attached', () => {
    const h = seededHarness();
    const r = ok(generate(h, { kind: 'announcement', fiscalYear: 2569 }));
    expect(r.name).toBe('ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี 2569 องค์การบริหารส่วนตำบลห้วยเตย');
    const doc = docOf(h, r.url);
    const text = allText(doc);
    expect(text).not.toContain('{{');
    const lines = doc.body.children.filter((c): c is FakeParagraph => c instanceof FakeParagraph).map((p) => p.text);
    expect(lines.slice(0, 2)).toEqual(['ประกาศองค์การบริหารส่วนตำบลห้วยเตย', 'เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙']);
    expect(text).toContain('ในการประเมินประจำปีงบประมาณ พ.ศ. ๒๕๖๘ องค์การบริหารส่วนตำบลห้วยเตยได้คะแนนรวม ๘๐.๗๗ คะแนน ผลการประเมิน ต้องปรับปรุง');
    expect(text).toContain('ได้แก่ ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต');
    expect(lines).toContain('จึงประกาศให้ทราบโดยทั่วกัน');
    expect(lines).toContainEqual(expect.stringMatching(/^ประกาศ ณ วันที่ [๑-๙][๐-๙]? เดือน [\u0e01-\u0e4e]+ พ\.ศ\. ๒๕[๖-๙][๐-๙]$/));
    const head = lines.indexOf('(นายตัวอย่าง ใจดี)');
    expect(lines.slice(head - 1, head + 2)).toEqual(['(ลงชื่อ) ........................................', '(นายตัวอย่าง ใจดี)', 'นายกองค์การบริหารส่วนตำบลห้วยเตย']);
    // The attachment starts on a page of its own.
    const attachment = doc.body.children.findIndex((c) => c instanceof FakeParagraph && c.text === 'แนบท้ายประกาศองค์การบริหารส่วนตำบลห้วยเตย');
    expect(doc.body.children.slice(0, attachment).some((c) => c instanceof FakeParagraph && c.pageBreak)).toBe(true);
    // One table per indicator, its heading above it (the group headings of seed 002).
    const ts = tables(doc);
    expect(ts.map((t) => t.getNumRows())).toEqual([2, 2, 2, 2, 2]);
    expect(ts.every((t) => t.getRow(0).getText() === 'ลำดับ\tมาตรการที่ต้องดำเนินการ\tผู้รับผิดชอบ')).toBe(true);
    const heading = (t: FakeTable) => (doc.body.children[doc.body.children.indexOf(t) - 1] as FakeParagraph).text;
    expect(ts.map(heading)).toEqual(['ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', 'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ', 'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร', 'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล', 'ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต']);
    expect(ts[3]!.getRow(1).getText()).toBe('๔\tจัดทำปฏิทินการเผยแพร่ข้อมูลสาธารณะตามรายการ OIT และตรวจทานทุกเดือน\tสำนักปลัด');
    expect(doc.body.getPageWidth()).toBe(595.3);
  });

  it('can use Arabic digits', () => {
    const h = seededHarness();
    const text = allText(docOf(h, ok(generate(h, { kind: 'announcement', fiscalYear: 2569, digits: 'arabic' })).url));
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. 2569');
    expect(text).toMatch(/ประกาศ ณ วันที่ \d{1,2} เดือน [\u0e01-\u0e4e]+ พ\.ศ\. 25\d\d/);
  });
});

describe('the memo with its progress report (issue 11: the memo carries the report up the chain)', () => {
  const logged = (h: Harness) => h.spreadsheet.getSheetByName('รายงานที่สร้าง')!.getDataRange().getValues().slice(1).map((r) => String(r[2]));

  it('makes the year’s progress report and the memo in one go, the memo naming and linking it, both logged', () => {
    const h = seededHarness();
    const before = logged(h).length;
    const r = ok(generate(h, { kind: 'memo', fiscalYear: 2569, withProgress: true }));
    const progress = [...h.drive.docs.values()].find((d) => d.name.startsWith('รายงานผลการดำเนินการตามมาตรการ ITA ปี 2569'))!;
    expect(progress).toBeDefined();
    const memo = allText(docOf(h, r.url));
    expect(memo).toContain(`https://docs.google.com/document/d/${progress.id}/edit`);
    expect(r.notes.join(' ')).toContain(progress.id);
    expect(logged(h).slice(before)).toEqual(['รายงานผลการดำเนินการตามมาตรการ', 'บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ']);
  });

  it('takes the progress report back when the memo is then refused, and says so', () => {
    const h = seededHarness();
    // A memo template of the unit's own with an unknown name: refused after the progress report is made.
    const own = h.drive.addDocument('บันทึกของหน่วยงาน');
    own.body.getChild(0).asParagraph().setText('{{ชื่อที่ไม่มี}}');
    h.properties.document.setProperty('ita.template.memo', own.id);
    const before = logged(h).length;
    const r = generate(h, { kind: 'memo', fiscalYear: 2569, withProgress: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.th).toContain('รายงานผลการดำเนินการที่สร้างคู่กัน');
    expect(r.message.th).toContain('ได้ลบไฟล์ที่สร้างค้างไว้แล้ว');
    const live = [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed && f.name.startsWith('รายงานผลการดำเนินการตามมาตรการ ITA'));
    expect(live).toEqual([]);
    expect(logged(h).length).toBe(before);
  });

  it('takes both back when the memo’s own copy fails half-way', () => {
    const h = seededHarness();
    ok(generate(h, { kind: 'memo', fiscalYear: 2569 })); // the default templates exist
    ok(generate(h, { kind: 'progress', fiscalYear: 2569 }));
    const live = () => [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed).length;
    const files = live();
    const before = logged(h).length;
    // The second Drive copy is the memo's (the first is the progress report's).
    h.log.fault = { at: 2, seen: 0, where: (c) => c.service === 'Files' && c.method === 'copy' };
    const r = generate(h, { kind: 'memo', fiscalYear: 2569, withProgress: true });
    expect(r.ok).toBe(false);
    expect(live()).toBe(files);
    expect(logged(h).length).toBe(before);
  });
});

describe('the memo and the announcement of a year without measures', () => {
  for (const kind of ['memo', 'announcement'] as const) {
    it(`are refused, naming the sheet and the year, and no Doc is made: the ${kind}`, () => {
      const h = seededHarness();
      const files = h.drive.files.size;
      const r = generate(h, { kind, fiscalYear: 2570 });
      expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('ยังไม่มีมาตรการของปีงบประมาณ 2570 ในแผ่นงาน "มาตรการ"') } });
      expect(h.drive.files.size).toBe(files);
    });
  }

  it('are offered for the years with measures, as the progress report', () => {
    const h = seededHarness();
    expect(api<ReportState>(h, 'reportState', {})).toMatchObject({ measureYears: [2569, 2568] });
  });
});

describe('templates and failures', () => {
  it('lists every problem of a broken template in one message and creates no file', () => {
    const h = seededHarness();
    ownTemplate(h, 'analysis', ['{{ชื่อหน่วยงาน}} {{คะแนนรวมม}}', '{{ปีงบประมาณ|ตัวเอียง}}', 'ผลรวม {{คะแนนรวม'], [['{{แถวซ้ำ:ตัวชี้วัด}}{{คะแนน}}']]);
    const before = h.drive.files.size;
    const r = generate(h);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.th).toContain('มีจุดที่ต้องแก้ 4 จุด');
    expect(r.problems).toEqual([
      expect.stringContaining('ไม่รู้จักช่องแทนค่า {{คะแนนรวมม}}'),
      expect.stringContaining('ไม่รู้จักตัวกรอง "ตัวเอียง"'),
      expect.stringContaining('"{{" ไม่มี "}}" ปิด'),
      expect.stringContaining('ไม่มีแถวซ้ำของ "มาตรการ"'),
    ]);
    expect(h.drive.files.size).toBe(before);
  });

  it('says when a template cannot be opened, and creates no file', () => {
    const h = seededHarness();
    const id = ownTemplate(h, 'progress', ['{{แถวซ้ำ:มาตรการ}}']);
    h.drive.forbidden.add(id);
    const before = h.drive.files.size;
    const r = generate(h, { kind: 'progress' });
    expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('เปิดแม่แบบรายงานไม่ได้') } });
    expect(h.drive.files.size).toBe(before);
  });

  it('removes the half-made report when something fails midway, and alters neither template nor measures', () => {
    const h = seededHarness();
    const t = api<TemplateDone>(h, 'createTemplate', { kind: 'analysis' });
    if (!t.ok) throw new Error('template refused');
    const template = renderHtml(h.drive.docs.get(t.template.id)!);
    const measures = h.spreadsheet.getSheetByName('มาตรการ')!.snapshot();
    h.charts.failNext = 'Service invoked too many times: charts';
    const r = generate(h);
    expect(r).toMatchObject({ ok: false, message: { th: expect.stringContaining('ได้ลบไฟล์ที่สร้างค้างไว้แล้ว') } });
    const live = [...h.drive.files.values()].filter((f) => !f.trashed && f.mimeType === MIME.doc && f.byApp && f.id !== t.template.id);
    expect(live).toEqual([]);
    expect(renderHtml(h.drive.docs.get(t.template.id)!)).toBe(template);
    expect(h.spreadsheet.getSheetByName('มาตรการ')!.snapshot()).toEqual(measures);
    expect(ok(generate(h)).url).toContain('docs.google.com');
  });

  it('refuses a second run while one is going', () => {
    const h = seededHarness();
    h.properties.document.setProperty('ita.report.running', String(Date.now()));
    expect(generate(h)).toMatchObject({ ok: false, message: { th: expect.stringContaining('กำลังสร้างรายงานอีกฉบับอยู่') } });
  });

  it('sets a template by its Doc URL after checking it', () => {
    const h = seededHarness();
    const doc = h.drive.addDocument('แม่แบบย่อ');
    doc.body.appendParagraph('รายงาน {{ชื่อหน่วยงาน}} ปี {{ปีงบประมาณ}}');
    doc.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}} ({{สถานะ}})']]);
    expect(api<TemplateDone>(h, 'setTemplate', { kind: 'progress', url: 'https://example.com/x' })).toMatchObject({ ok: false });
    const r = api<TemplateDone>(h, 'setTemplate', { kind: 'progress', url: `https://docs.google.com/document/d/${doc.id}/edit?usp=sharing` });
    expect(r.ok).toBe(true);
    const out = docOf(h, ok(generate(h, { kind: 'progress', fiscalYear: 2569 })).url);
    expect(out.body.getText()).toContain('รายงาน องค์การบริหารส่วนตำบลห้วยเตย ปี ๒๕๖๙');
    expect(doc.body.getText()).toContain('{{แถวซ้ำ:มาตรการ}}'); // the template is not changed
  });

  it("puts a year's reports in the add-on's own folder, named for the unit and year, and makes it again once trashed", () => {
    const h = seededHarness();
    const before = api<{ folders: { year: number; name: string; url: string }[] }>(h, 'reportState');
    const name = 'รายงาน ITA องค์การบริหารส่วนตำบลห้วยเตย ปีงบประมาณ 2568';
    expect(before.folders.find((f) => f.year === 2568)).toEqual({ year: 2568, name, url: '' });
    const r = ok(generate(h));
    expect(r.folder).toEqual({ year: 2568, name, url: expect.stringContaining('drive.google.com/drive/folders/') });
    const folderId = r.folder.url.split('/folders/')[1]!;
    expect(h.drive.childrenOf(folderId).map((f) => f.name)).toContain(r.name);
    expect(api<typeof before>(h, 'reportState').folders.find((f) => f.year === 2568)).toEqual(r.folder);
    const again = ok(generate(h, { kind: 'progress' }));
    expect(again.folder.url).toBe(r.folder.url);
    h.drive.files.get(folderId)!.trashed = true;
    const fresh = ok(generate(h, { kind: 'progress' }));
    expect(fresh.folder.url).not.toBe(r.folder.url);
    expect(h.drive.folderNameOf(fresh.url.split('/d/')[1]!.split('/')[0]!)).toBe(name);
  });

  it('says, with their links, which half-made files it could not remove', () => {
    const h = seededHarness();
    ok(generate(h));
    h.charts.failNext = 'Service invoked too many times: charts';
    h.log.fault = { at: 1, seen: 0, where: (c) => c.service === 'Files' && c.method === 'update' };
    const r = generate(h);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.th).toContain('ลบไฟล์ที่สร้างค้างไว้ไม่ได้');
    expect(r.message.th).not.toContain('ได้ลบไฟล์ที่สร้างค้างไว้แล้ว');
    const left = [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed && f.mimeType === MIME.doc && !f.name.startsWith('แม่แบบ'));
    expect(left).toHaveLength(2);
    expect(r.message.th).toContain(`https://docs.google.com/document/d/${left[1]!.id}/edit`);
  });

  it('saves a PDF on request and logs the report with time, user and links', () => {
    const h = seededHarness();
    const r = ok(generate(h, { pdf: true }));
    expect(h.serviceGlobals).not.toContain('DriveApp');
    const pdfId = r.pdfUrl!.split('/file/d/')[1]!.split('/')[0]!;
    expect(h.drive.files.get(pdfId)).toMatchObject({ name: `${r.name}.pdf`, mimeType: 'application/pdf', trashed: false });
    expect(h.drive.folderNameOf(pdfId)).toBe(r.folder.name);
    const log = h.spreadsheet.getSheetByName('รายงานที่สร้าง')!.getDataRange().getValues();
    expect(log).toHaveLength(2);
    expect(log[1]).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), 'staff@huaytoei.go.th', 'วิเคราะห์ผลการประเมินและมาตรการ', 2568, r.name, r.url, r.pdfUrl]);
  });
});

describe('one number style (issue 11)', () => {
  it('puts the template’s own digits in the report’s style, leaving codes and links as written', () => {
    const h = seededHarness();
    ownTemplate(h, 'progress', ['ร้อยละ 30 ของ 5 มาตรการ ตามข้อ O12 ที่ https://www.example.go.th/2569', 'ปี {{ปีงบประมาณ}}'], [['ลำดับ 1'], ['{{แถวซ้ำ:มาตรการ}}{{ลำดับ}}']]);
    const thai = allText(docOf(h, ok(generate(h, { kind: 'progress', fiscalYear: 2569 })).url));
    expect(thai).toContain('ร้อยละ ๓๐ ของ ๕ มาตรการ ตามข้อ O12 ที่ https://www.example.go.th/2569');
    expect(thai).toContain('ลำดับ ๑');
    const arabic = allText(docOf(h, ok(generate(h, { kind: 'progress', fiscalYear: 2569, digits: 'arabic' })).url));
    expect(arabic).toContain('ร้อยละ 30 ของ 5 มาตรการ');
    expect(arabic).toContain('ปี 2569');
  });

  it('prints the default templates’ Thai-digit headings in Arabic digits when Arabic is chosen', () => {
    const h = seededHarness();
    const text = allText(docOf(h, ok(generate(h, { digits: 'arabic' })).url));
    expect(text).toContain('1. หลักการประเมิน');
    expect(text).toContain('น้ำหนักร้อยละ 30');
    expect(text).not.toMatch(/[๐-๙]/);
  });

  it('puts typed text in the report’s digits by default with Thai digits, and leaves it when the unit says not', () => {
    const h = seededHarness();
    const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
    const headers = sheet.getDataRange().getValues()[0]!.map(String);
    const col = headers.indexOf('วิธีการดำเนินการ') + 1;
    sheet.getRange(2, col).setValue('ภายใน 30 วัน โทร 02-123-4567 ดู O12');
    const year = Number(sheet.getRange(2, headers.indexOf('ปีงบประมาณ') + 1).getValue());
    const made = (typedDigits?: boolean) => allText(docOf(h, ok(generate(h, { kind: 'progress', fiscalYear: year, ...(typedDigits === undefined ? {} : { typedDigits }) })).url));
    expect(made()).toContain('ภายใน ๓๐ วัน โทร 02-123-4567 ดู O12');
    expect(made(false)).toContain('ภายใน 30 วัน โทร 02-123-4567 ดู O12');
    expect(allText(docOf(h, ok(generate(h, { kind: 'progress', fiscalYear: year, digits: 'arabic' })).url))).toContain('ภายใน 30 วัน');
  });
});
