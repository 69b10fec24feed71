// Score cells as the reports read them (issue 9): through the custom
// functions' own parser, so a report never prints a number the sheet's
// =ITA_SCORE refuses, and a year it cannot read is refused, each cell named.
import { describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import { FakeRichTextValue } from '../harness/spreadsheet';
import type { FakeDocument } from '../harness/document';
import type { Harness } from '../harness/harness';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const docOf = (h: Harness, url: string): FakeDocument => h.drive.docs.get(url.split('/d/')[1]!.split('/')[0]!)!;
const scores = (h: Harness) => h.spreadsheet.getSheetByName('คะแนน ITA')!;
/** Text in a cell, kept as text whatever the cell's format. */
const typeText = (h: Harness, a1: string, text: string) => scores(h).getRange(a1).setRichTextValue(new FakeRichTextValue(text) as unknown as GoogleAppsScript.Spreadsheet.RichTextValue);

function generate(h: Harness, over: Record<string, unknown> = {}): ReportDone {
  return api<ReportDone>(h, 'generateReport', { kind: 'analysis', fiscalYear: 2568, digits: 'thai', pdf: false, ...over });
}

function ok(r: ReportDone): Extract<ReportDone, { ok: true }> {
  if (!r.ok) throw new Error(`${r.message.th}\n${r.problems.join('\n')}`);
  return r;
}

/** The refusal's problems, no file having been made (not even a default template). */
function refused(h: Harness, over: Record<string, unknown> = {}): readonly string[] {
  const before = h.drive.files.size;
  const r = generate(h, over);
  expect(h.drive.files.size).toBe(before);
  if (r.ok) throw new Error(`not refused: ${r.url}`);
  expect(r.message.th).toContain('ยังไม่ได้สร้างไฟล์ใด ๆ');
  return r.problems;
}

describe('score cells in reports (issue 9)', () => {
  it('refuse a year whose scores the functions cannot read — a lone space, TRUE, "1e1" — naming each cell, and make no Doc', () => {
    const h = seededHarness();
    // Row 4 holds 2568; columns B–K indicators 1–10.
    typeText(h, 'C4', ' ');
    scores(h).getRange('D4').setValue(true);
    typeText(h, 'E4', '1e1');
    expect(refused(h)).toEqual([
      'แผ่นงาน "คะแนน ITA" เซลล์ C4 (แถวที่ 4 ปีงบประมาณ 2568 ตัวชี้วัด 2): ช่องนี้ว่าง แต่ต้องมีคะแนนครบทั้ง 10 ตัวชี้วัดในแถว',
      'แผ่นงาน "คะแนน ITA" เซลล์ D4 (แถวที่ 4 ปีงบประมาณ 2568 ตัวชี้วัด 3): ต้องเป็นตัวเลข แต่พบ true',
      'แผ่นงาน "คะแนน ITA" เซลล์ E4 (แถวที่ 4 ปีงบประมาณ 2568 ตัวชี้วัด 4): ต้องเป็นตัวเลข แต่พบ "1e1"',
    ]);
    // The year before is read as it was: its report is made.
    expect(ok(generate(h, { fiscalYear: 2567 })).url).toContain('docs.google.com');
  });

  it('read Thai-digit scores and years as the functions do', () => {
    const h = seededHarness();
    const row = scores(h).getRange('A4:K4').getValues()[0]!;
    const thai = (v: unknown) => String(v).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!);
    row.forEach((v, i) => typeText(h, `${'ABCDEFGHIJK'[i]}4`, thai(v)));
    const r = ok(generate(h));
    expect(r.notes.join(' ')).not.toContain('ยังไม่มีคะแนน');
    expect(docOf(h, r.url).body.getText()).toContain('ได้คะแนนรวม ๘๐.๗๗ คะแนน');
  });

  it('refuse scores without a readable year, and a year typed twice, naming the cell; a later year the functions refuse does not matter', () => {
    const h = seededHarness();
    const sheet = scores(h);
    sheet.getRange('A5:K7').setValues([
      ['', 90, 90, 90, 90, 90, 90, 90, 90, 90, 90],
      [2567, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90],
      [2599, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90],
    ]);
    expect(refused(h)).toEqual([
      'แผ่นงาน "คะแนน ITA" เซลล์ A5 (แถวที่ 5 ช่องปีงบประมาณ): ไม่มีปีงบประมาณ แต่แถวนี้มีคะแนน',
      'แผ่นงาน "คะแนน ITA" เซลล์ A6 (แถวที่ 6 ปีงบประมาณ 2567 ช่องปีงบประมาณ): ปีงบประมาณ 2567 ซ้ำกับแถวที่ 3',
    ]);
    expect(refused(h, { fiscalYear: 2599 })).toContainEqual(expect.stringMatching(/^แผ่นงาน "คะแนน ITA" เซลล์ A7 \(แถวที่ 7 ปีงบประมาณ 2599 ช่องปีงบประมาณ\): ปีงบประมาณต้องเป็น พ\.ศ\. 2562–\d{4} .* แต่พบ 2599$/));
  });

  it('refuse a progress report over unreadable scores only when its template shows a score', () => {
    const h = seededHarness();
    typeText(h, 'C4', '1e1');
    expect(ok(generate(h, { kind: 'progress' })).url).toContain('docs.google.com');
    const doc = h.drive.addDocument('แม่แบบของหน่วยงาน');
    doc.body.appendParagraph('คะแนนรวม {{คะแนนรวม}}');
    doc.body.appendTable([['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    // Set as the unit's template by its link (which takes the place of the default one made above).
    expect(h.call('sidebarCall', 'setTemplate', { kind: 'progress', url: `https://docs.google.com/document/d/${doc.id}/edit` })).toMatchObject({ ok: true });
    expect(refused(h, { kind: 'progress' })).toEqual([expect.stringContaining('เซลล์ C4 (แถวที่ 4 ปีงบประมาณ 2568 ตัวชี้วัด 2)')]);
  });
});
