// Findings of the hostile review of issue 9 (custom functions, report
// templates and score reading), each a test named for the behaviour. Each
// failed before its fix.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import { FakeParagraph, type FakeDocument } from '../harness/document';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeRichTextValue } from '../harness/spreadsheet';

let h: Harness;
beforeAll(() => {
  h = loadBundle();
});
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};
const api = <T>(hh: Harness, method: string, req: unknown = {}): T => hh.call('sidebarCall', method, req) as T;
const docOf = (hh: Harness, url: string): FakeDocument => hh.drive.docs.get(url.split('/d/')[1]!.split('/')[0]!)!;
const gen = (hh: Harness, over: Record<string, unknown> = {}) => api<ReportDone>(hh, 'generateReport', { kind: 'analysis', fiscalYear: 2568, digits: 'thai', pdf: false, ...over });
function ok(r: ReportDone): Extract<ReportDone, { ok: true }> {
  if (!r.ok) throw new Error(`${r.message.th}\n${r.problems.join('\n')}`);
  return r;
}
const scoresSheet = (hh: Harness) => hh.spreadsheet.getSheetByName('คะแนน ITA')!;
const S80 = [80, 80, 80, 80, 80, 80, 80, 80, 80, 80];
const allArabic = (hh: Harness) => docOf(hh, ok(gen(hh, { digits: 'arabic' })).url).body.getText();

describe('the custom functions (hostile review, issue 9)', () => {
  it('refuse, in that row only, a blank cell of a year column on a row that has scores, rather than take it as the default year', () => {
    const out = h.call('ITA_LABEL', [S80, S80], [[2565], ['']]) as unknown[][];
    expect(out[0]).toEqual(['B']);
    expect(out[1]![0]).toMatch(/^⚠ ITA_LABEL: .*fiscal_year, row 2, column 1 of the range — the fiscal year of this row is blank/);
    expect(h.call('ITA_LABEL', [S80, ['', '', '', '', '', '', '', '', '', '']], [[2565], ['']])).toEqual([['B'], ['']]);
  });

  it('say a year range must be one column when it is wider, not "the same 2 rows … but it has 2"', () => {
    const msg = errorOf(() => h.call('ITA_SCORE', [S80, S80], [[2565, 2566], [2565, 2566]]));
    expect(msg).toContain('must be one value, or one column (one year per row), but the range has 2 columns');
  });

  it('name ITA_OIT’s own argument sub_indicators, not "values", when met has another shape', () => {
    const msg = errorOf(() => h.call('ITA_OIT', [['9.1'], ['10.1']], [[1, 0]]));
    expect(msg).not.toContain('values');
    expect(msg).toContain('must be the same size as sub_indicators (2 × 1), but it is 1 × 2');
  });

  it('pass on an error text in ITA_WEIGHTED’s weights unchanged, even beside a blank value', () => {
    expect(errorOf(() => h.call('ITA_WEIGHTED', [[80, '']], [[1, '⚠ upstream | upstream']]))).toBe('upstream | upstream');
  });
});

describe('the reports (hostile review, issue 9)', () => {
  it('never chart ten 0.00 bars for a year without scores: the analysis of that year is refused and no Doc made', () => {
    const hh = seededHarness();
    const before = hh.drive.files.size;
    const r = gen(hh, { fiscalYear: 2569 });
    expect(r.ok).toBe(false);
    expect(hh.drive.files.size).toBe(before);
    // and a report that does chart, for a year with scores, draws the real ones
    const images = docOf(hh, ok(gen(hh)).url).body.children.flatMap((c) => (c instanceof FakeParagraph ? c.images : []));
    expect(images.map((i) => String(i.blob.data)).find((svg) => svg.includes('คะแนนรายตัวชี้วัดเทียบกับเกณฑ์ผ่าน'))).toBeDefined();
  });

  it('print every score with two decimals, as the published documents do (๗๐.๐๐, ๘๕.๐๐)', () => {
    const hh = seededHarness();
    const sheet = scoresSheet(hh);
    const values = sheet.getDataRange().getValues();
    const yearCol = values[0]!.indexOf('ปีงบประมาณ');
    const row = values.findIndex((r) => Number(r[yearCol]) === 2568) + 1;
    sheet.getRange(row, values[0]!.indexOf('ตัวชี้วัด 1') + 1, 1, 10).setValues([[85, 85, 85, 85, 85, 85, 85, 85, 85, 85]]);
    const text = docOf(hh, ok(gen(hh)).url).body.getText();
    expect(text).toContain('ได้คะแนนรวม ๘๕.๐๐ คะแนน');
    expect(text).toContain('IIT ๘๕.๐๐ คะแนน EIT ๘๕.๐๐ และ OIT ๘๕.๐๐ คะแนน');
    expect(allArabic(hh)).toContain('ได้คะแนนรวม 85.00 คะแนน');
  });

  it('name each unreadable score cell of a refused report in English too, for whoever helps the unit', () => {
    const hh = seededHarness();
    const sheet = scoresSheet(hh);
    sheet.getRange('C4').setRichTextValue(new FakeRichTextValue('85%') as unknown as GoogleAppsScript.Spreadsheet.RichTextValue);
    const r = gen(hh);
    if (r.ok) throw new Error('not refused');
    expect(r.problems.join('\n')).toMatch(/แผ่นงาน "คะแนน ITA" เซลล์ C4/);
    expect((r.problemsEn ?? []).join('\n')).toMatch(/Sheet "คะแนน ITA" cell C4/);
  });

  it('do not refuse the analysis for a note typed in the year column of a row without scores', () => {
    const hh = seededHarness();
    scoresSheet(hh).getRange('A8').setValue('หมายเหตุ: คะแนนจากประกาศ ป.ป.ช.');
    expect(ok(gen(hh)).url).toContain('docs.google.com');
  });

  it('refuse a template whose placeholder is broken over two paragraphs of a table cell, before any file is made', () => {
    const hh = seededHarness();
    const t = hh.drive.addDocument('แม่แบบ');
    t.body.appendParagraph('รายงาน');
    t.body.appendTable([['หน่วยงาน: {{ชื่อหน่วยงาน']]).getRow(0).getCell(0).appendParagraph('}}');
    t.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    hh.properties.document.setProperty('ita.template.progress', t.id);
    const before = hh.drive.files.size;
    const r = gen(hh, { kind: 'progress', fiscalYear: 2569 });
    expect(r).toMatchObject({ ok: false, problems: [expect.stringContaining('ตาราง 1 แถว 1: "{{" ไม่มี "}}" ปิด')] });
    expect(hh.drive.files.size).toBe(before);
  });

  it('list a filter put on a chart or a repeat marker, which would be dropped silently', () => {
    const hh = seededHarness();
    const t = hh.drive.addDocument('แม่แบบ');
    t.body.appendParagraph('{{กราฟ:คะแนนรวมรายปี|ตัวหนา}}');
    t.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ|เลขไทยย}}{{มาตรการ/แนวทาง}}']]);
    hh.properties.document.setProperty('ita.template.progress', t.id);
    const r = gen(hh, { kind: 'progress', fiscalYear: 2569 });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('{{กราฟ:คะแนนรวมรายปี|ตัวหนา}} ใส่ตัวกรองไม่ได้'), expect.stringContaining('{{แถวซ้ำ:มาตรการ|เลขไทยย}} ใส่ตัวกรองไม่ได้')]),
    );
  });
});
