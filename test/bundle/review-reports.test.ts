// Review of issue 11 ("documents a unit can publish as they come out"): what an
// ordinary unit's templates, settings and sheets do to the reports. Each test
// states the correct behaviour; each failed when written (review11 branch).
import { describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import { FakeListItem, FakeParagraph, FakeTable, type FakeContainer, type FakeDocument } from '../harness/document';
import { FakeFiles } from '../harness/drive';
import type { Harness } from '../harness/harness';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const idOf = (url: string) => url.split('/d/')[1]!.split('/')[0]!;
const docOf = (h: Harness, url: string): FakeDocument => h.drive.docs.get(idOf(url))!;
const allText = (d: FakeDocument) => [d.header?.getText() ?? '', d.body.getText(), d.footer?.getText() ?? ''].join('\n');
const tables = (c: FakeContainer) => c.children.filter((b): b is FakeTable => b instanceof FakeTable);
/** The paragraphs (and list items) standing right above a table. */
const above = (c: FakeContainer) => c.children.flatMap((b, i) => (b instanceof FakeParagraph && c.children[i + 1] instanceof FakeTable ? [b.text] : []));

function generate(h: Harness, kind: string, over: Record<string, unknown> = {}): ReportDone {
  return api<ReportDone>(h, 'generateReport', { kind, fiscalYear: kind === 'analysis' ? 2568 : 2569, digits: 'thai', pdf: false, ...over });
}
function ok(r: ReportDone): Extract<ReportDone, { ok: true }> {
  if (!r.ok) throw new Error(`${r.message.th}\n${r.problems.join('\n')}`);
  return r;
}

type Block = string | { li: string } | string[][];
/** A template of the unit's own (set by its link), of paragraphs, list items and tables. */
function template(h: Harness, kind: string, body: Block[]): FakeDocument {
  const doc = h.drive.addDocument('แม่แบบของหน่วยงาน');
  for (const b of body) {
    if (typeof b === 'string') doc.body.appendParagraph(b);
    else if (Array.isArray(b)) doc.body.appendTable(b);
    else doc.body.appendListItem(b.li);
  }
  h.properties.document.setProperty(`ita.template.${kind}`, doc.id);
  return doc;
}

function setSetting(h: Harness, key: string, value: unknown): void {
  const sheet = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
  const row = sheet.getDataRange().getValues().findIndex((r) => r[0] === key) + 1;
  if (row < 1) throw new Error(`no setting ${key}`);
  sheet.getRange(row, 2).setValue(value);
}

/** Sets one column of every measure row of the sheet. */
function setMeasures(h: Harness, header: string, value: (row: number) => unknown): void {
  const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
  const values = sheet.getDataRange().getValues();
  const col = values[0]!.indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  for (let r = 1; r < values.length; r++) sheet.getRange(r + 1, col + 1).setValue(value(r));
}

const MEASURES: string[][] = [['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']];

describe('group headings in templates a unit writes', () => {
  it('a group heading typed as a bulleted or numbered paragraph heads each group’s own table, or the template is refused saying so', () => {
    const h = seededHarness();
    // A unit numbers its headings with Docs' list button: the check lets it through today…
    template(h, 'progress', ['มาตรการตามตัวชี้วัด', { li: '{{หัวข้อกลุ่ม:มาตรการ}}{{กลุ่ม}}' }, MEASURES]);
    const r = generate(h, 'progress');
    if (!r.ok) {
      expect(r.problems.join('\n')).toContain('หัวข้อกลุ่ม');
      return;
    }
    // …and the fill ignores it: one empty list item, then one table of all five measures.
    const doc = docOf(h, r.url);
    expect(doc.body.children.filter((c): c is FakeListItem => c instanceof FakeListItem).map((li) => li.text)).toEqual([
      'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่',
      'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ',
      'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร',
      'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล',
      'ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต',
    ]);
    expect(tables(doc.body)).toHaveLength(5);
  });

  it('the OIT report sets each sub-indicator’s heading once, in the list’s order, however the unit sorted its checklist sheet', () => {
    const h = seededHarness();
    const expected = above(docOf(h, ok(generate(h, 'oit')).url).body).filter((t) => /^[๐-๙]+\.[๐-๙]/.test(t));
    expect(expected).toHaveLength(7);
    // The unit sorts the sheet by status (Data › Sort range), to see what is left to do.
    const sheet = h.spreadsheet.getSheetByName('OIT 2569')!;
    const values = sheet.getDataRange().getValues();
    const head = values.findIndex((r) => r.includes('สถานะ'));
    const col = values[head]!.indexOf('สถานะ');
    const rows = values.slice(head + 1).sort((a, b) => String(a[col]).localeCompare(String(b[col])));
    sheet.getRange(head + 2, 1, rows.length, values[0]!.length).setValues(rows);
    const headings = above(docOf(h, ok(generate(h, 'oit')).url).body).filter((t) => /^[๐-๙]+\.[๐-๙]/.test(t));
    expect(headings).toEqual(expected); // today: ๙.๒, ๙.๓ and ๑๐.๒ twice each, out of order
  });
});

describe('one number style: what units type keeps what is not a number to read', () => {
  it('telephone numbers as units type them keep their digits in a Thai report: +66 2 123 4567, (043) 711234, two numbers side by side', () => {
    const h = seededHarness();
    const typed = 'ติดต่อ +66 2 123 4567 หรือ (043) 711234 หรือ โทร 043-711234 081-2345678';
    setMeasures(h, 'วิธีการดำเนินการ', () => typed);
    const text = allText(docOf(h, ok(generate(h, 'progress')).url));
    expect(text).toContain('+66 2 123 4567'); // today +๖๖ ๒ ๑๒๓ ๔๕๖๗
    expect(text).toContain('(043) 711234'); // today (๐๔๓) ๗๑๑๒๓๔
    expect(text).toContain('043-711234 081-2345678'); // today every digit Thai: the two numbers read as one cluster of 19 digits
  });

  it('web addresses typed without https:// keep their digits: facebook.com/…/posts/12345, huaytoei.go.th/news/123', () => {
    const h = seededHarness();
    setMeasures(h, 'วิธีการดำเนินการ', () => 'เผยแพร่ที่ facebook.com/abt.huaytoei/posts/12345 และ huaytoei.go.th/news/123 ภายใน 30 วัน');
    const text = allText(docOf(h, ok(generate(h, 'progress')).url));
    expect(text).toContain('ภายใน ๓๐ วัน');
    expect(text).toContain('facebook.com/abt.huaytoei/posts/12345'); // today …/posts/๑๒๓๔๕: an address nobody can type back
    expect(text).toContain('huaytoei.go.th/news/123');
  });

  it('a value shown with the เลขไทย filter never becomes a link to an address with Thai digits', () => {
    const h = seededHarness();
    setMeasures(h, 'ลิงก์หลักฐาน', () => 'https://www.huaytoei.go.th/news/2569');
    template(h, 'progress', ['หลักฐาน', [['หลักฐาน'], ['{{แถวซ้ำ:มาตรการ}}{{ลิงก์หลักฐาน|เลขไทย}}']]]);
    const doc = docOf(h, ok(generate(h, 'progress')).url);
    const links = tables(doc.body).flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => c.children.flatMap((p) => (p instanceof FakeParagraph ? p.links : [])))));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.url).not.toMatch(/[๐-๙]/); // today https://www.huaytoei.go.th/news/๒๕๖๙, a dead link
  });

  it('a linked text of the template keeps its link over every character when its digits take the report’s style', () => {
    const h = seededHarness();
    const doc = template(h, 'progress', ['คู่มือการประเมิน ITA 2569', MEASURES]);
    const p = doc.body.children.find((c): c is FakeParagraph => c instanceof FakeParagraph && c.text.startsWith('คู่มือ'))!;
    p.editAsText().setLinkUrl(0, p.text.length - 1, 'https://itas.nacc.go.th/manual');
    const out = docOf(h, ok(generate(h, 'progress')).url).body.children.find((c): c is FakeParagraph => c instanceof FakeParagraph && c.text.startsWith('คู่มือ'))!;
    // Either the link's text keeps its digits or the new digits stay inside the link; today "๒๕๖๙" falls out of it.
    expect(out.links).toEqual([{ start: 0, end: out.text.length - 1, url: 'https://itas.nacc.go.th/manual' }]);
  });
});

describe('the memo and the announcement with ordinary settings', () => {
  it('the memo links the year’s latest progress report still in Drive, not one the unit moved to the trash', () => {
    const h = seededHarness();
    const kept = ok(generate(h, 'progress'));
    const binned = ok(generate(h, 'progress'));
    h.drive.files.get(idOf(binned.url))!.trashed = true; // a draft the unit threw away
    const memo = allText(docOf(h, ok(generate(h, 'memo')).url));
    expect(memo).not.toContain(binned.url);
    expect(memo).toContain(kept.url);
  });

  it('a เทศบาล whose name is typed as ทต.นาดี is addressed as นายกเทศมนตรีตำบลนาดี, and no position reads นายกทต. or ปลัดทต.', () => {
    const h = seededHarness();
    setSetting(h, 'ชื่อหน่วยงาน', 'ทต.นาดี');
    setSetting(h, 'ประเภทหน่วยงาน', 'เทศบาลตำบล');
    setSetting(h, 'ตำแหน่งผู้บริหาร', '');
    const text = allText(docOf(h, ok(generate(h, 'memo')).url));
    expect(text).toContain('เรียน  นายกเทศมนตรีตำบลนาดี'); // today "เรียน  นายกทต.นาดี"
    expect(text).not.toMatch(/นายกทต\.|ปลัดทต\./);
  });

  it('the chain of comments takes นายก, the word seed 000 and units use, for the head of the unit', () => {
    const h = seededHarness();
    setSetting(h, 'ลำดับผู้ให้ความเห็น', 'หัวหน้าส่วนราชการ, ปลัด, นายก');
    const r = ok(generate(h, 'memo'));
    expect(allText(docOf(h, r.url))).toContain('ความเห็นของนายกองค์การบริหารส่วนตำบลห้วยเตย'); // today left out, with a note
  });

  it('the announcement of a year whose previous year has no scores prints no dash for a score or a result', () => {
    const h = seededHarness();
    const sheet = h.spreadsheet.getSheetByName('คะแนน ITA')!;
    const row = sheet.getDataRange().getValues().findIndex((r) => r[0] === 2568) + 1;
    sheet.getRange(row, 1, 1, 11).setValues([Array(11).fill('')]);
    const r = generate(h, 'announcement');
    if (!r.ok) return; // refusing, saying which scores to enter, is fine too
    const text = allText(docOf(h, r.url));
    expect(text).not.toMatch(/คะแนนรวม - คะแนน|ผลการประเมิน -|ได้แก่ -/); // today all three are published
  });

  it('the announcement of a unit with no indicator under the strength threshold neither lists "ได้แก่ -" nor speaks of fixing weaknesses', () => {
    const h = seededHarness();
    const sheet = h.spreadsheet.getSheetByName('คะแนน ITA')!;
    const row = sheet.getDataRange().getValues().findIndex((r) => r[0] === 2568) + 1;
    sheet.getRange(row, 2, 1, 10).setValues([Array(10).fill(95)]);
    const text = allText(docOf(h, ok(generate(h, 'announcement')).url));
    expect(text).not.toContain('ได้แก่ -');
    expect(text).not.toContain('เพื่อแก้ไขจุดอ่อนดังกล่าว');
  });
});

describe('what the OIT report publishes', () => {
  it('prints no item without its name: an item whose title is not known (O7 of 2569) gets a note asking the unit to type it', () => {
    const h = seededHarness();
    const r = ok(generate(h, 'oit'));
    const doc = docOf(h, r.url);
    const nameless = tables(doc.body).flatMap((t) => t.rows.slice(1).filter((row) => row.getCell(1).getText().trim() === '').map((row) => row.getCell(0).getText()));
    expect(nameless).toEqual(['O7']); // the row as published today: "O7 | (blank) | | ☐ ยังไม่ได้ดำเนินการ |"
    expect(r.notes.join('\n')).toContain('O7');
  });
});

describe('templates and Drive failures', () => {
  it('makes the default template again when the user’s own one was deleted for good, as it does for one in the trash', () => {
    const h = seededHarness();
    const t = api<{ ok: true; template: { id: string } }>(h, 'createTemplate', { kind: 'progress' });
    h.drive.files.delete(t.template.id); // emptied from the trash
    h.drive.docs.delete(t.template.id);
    const r = ok(generate(h, 'progress')); // today refused: "ask the owner to share it"
    expect(r.notes.join(' ')).toContain('สร้างแม่แบบมาตรฐาน');
  });

  it('does not say no file was left when Drive made the copy of the template but its answer failed', () => {
    const h = seededHarness();
    ok(generate(h, 'progress')); // the year's folder and the user's default template exist
    const before = new Set(h.drive.files.keys());
    const copy = FakeFiles.prototype.copy;
    FakeFiles.prototype.copy = function (this: FakeFiles, ...args: Parameters<FakeFiles['copy']>) {
      copy.apply(this, args); // Drive made it…
      throw new Error('API call to drive.files.copy failed with error: Internal Error'); // …and the answer was lost (a 500)
    };
    let r: ReportDone;
    try {
      r = generate(h, 'progress');
    } finally {
      FakeFiles.prototype.copy = copy;
    }
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const left = [...h.drive.files.values()].filter((f) => !before.has(f.id) && !f.trashed);
    // Today: one copy full of {{…}} sits in the report folder, and the message says "ไม่มีไฟล์ที่สร้างค้างไว้".
    if (left.length) expect(r.message.th).not.toContain('ไม่มีไฟล์ที่สร้างค้างไว้');
  });
});
