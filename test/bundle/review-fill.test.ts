// A review of filling by replaceText (src/gas/docs.ts replaceShared, fillRow,
// replaceIn): templates and data an officer might really have, each report
// checked for its values and formatting, planned fill against a fill that
// reads the copy afresh.
import { describe, expect, it } from 'vitest';
import { resolve, type Variants } from '../harness/assumptions';
import { FakeDocument, FakeParagraph, FakeTable } from '../harness/document';
import type { Harness } from '../harness/harness';
import { at, boldOf, make, structure, STYLE_COMBINATIONS } from './docs-fixture';

/** Sets a column of the measures sheet, row by row. */
function setMeasures(h: Harness, header: string, values: readonly string[]): void {
  const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
  const col = sheet.getDataRange().getValues()[0]!.indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  values.forEach((v, i) => sheet.getRange(i + 2, col + 1).setValue(v));
}

/** Sets a value in the settings sheet by its key. */
function setSetting(h: Harness, key: string, value: string): void {
  const sheet = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
  const row = sheet.getDataRange().getValues().findIndex((r) => r[0] === key) + 1;
  if (row < 1) throw new Error(`no setting ${key}`);
  sheet.getRange(row, 2).setValue(value);
}

const label = (a: Required<Variants>) => `insertStyle=${a.insertStyle}, replaceStyle=${a.replaceStyle}`;
const UNIT = 'องค์การบริหารส่วนตำบลห้วยเตย';


const NEWLINES = ['line break', 'new paragraph'] as const;
/** The styling switches, each with each way a "\n" in inserted text may go. */
const ALL = STYLE_COMBINATIONS.flatMap((a) => NEWLINES.map((n) => resolve({ insertStyle: a.insertStyle, replaceStyle: a.replaceStyle, newlineInText: n })));
const name = (a: Required<Variants>) => `${label(a)}, newlineInText=${a.newlineInText}`;
const tableOf = (d: FakeDocument, n = 0): FakeTable => d.body.children.filter((b): b is FakeTable => b instanceof FakeTable)[n]!;

describe('one placeholder in every kind of place', () => {
  it('is filled once with its own value in a paragraph, a header, a footer, a plain table, a repeated row, a group heading, a group table and a cell of two paragraphs, planned as read afresh', () => {
    for (const a of ALL) {
      const build = (_: Harness, own: FakeDocument) => {
        own.body.getChild(0).asParagraph().setText('{{ชื่อหน่วยงาน}} ปี {{ปีงบประมาณ}}');
        own.body.appendTable([['หน่วยงาน', 'ปี'], ['{{ชื่อหน่วยงาน}}', '{{ปีงบประมาณ}}']]);
        own.body.appendParagraph('หมวด {{หัวข้อกลุ่ม:มาตรการ}}{{กลุ่ม}} ของ {{ชื่อหน่วยงาน}}');
        own.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}} {{ชื่อหน่วยงาน}}']]);
        own.body.appendParagraph('ตาราง');
        const t = own.body.appendTable([['{{ชื่อหน่วยงาน}}', 'x'], ['{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}', ''], ['{{แถวซ้ำ:มาตรการ}}{{ผู้รับผิดชอบ}}', '{{ชื่อหน่วยงาน}}']]);
        t.getRow(0).getCell(1).appendParagraph('{{ชื่อหน่วยงาน}} ล่าง');
        own.body.appendParagraph('จบ {{ชื่อหน่วยงาน}}');
        own.addHeader().appendParagraph('{{ชื่อหน่วยงาน}}');
        own.addFooter().appendParagraph('ปี {{ปีงบประมาณ}}');
      };
      const d = make(a, build);
      const all = [d.header!.getText(), d.body.getText(), d.footer!.getText()].join('\n');
      expect(all, name(a)).not.toMatch(/[{}]/);
      expect((d.body.children[0] as FakeParagraph).text).toBe(`${UNIT} ปี ๒๕๖๙`);
      expect(tableOf(d, 0).getRow(1).getCell(1).getText()).toBe('๒๕๖๙');
      expect(tableOf(d, 0).getRow(1).getCell(0).getText()).toBe(UNIT);
      for (const row of tableOf(d, 1).rows.slice(1)) expect(row.getText().endsWith(` ${UNIT}`)).toBe(true);
      const last = d.body.children.filter((b): b is FakeTable => b instanceof FakeTable).at(-1)!;
      expect(last.getRow(0).getCell(1).getText()).toBe(`x\n${UNIT} ล่าง`);
      expect(structure(d), name(a)).toEqual(structure(make(a, build, true)));
    }
  });
});

describe('an officer’s own data', () => {
  it('is written as typed: "$", "\\", line breaks, web addresses, a placeholder’s text, emoji and long texts, in the measures and the settings', () => {
    for (const a of ALL) {
      const build = (h: Harness, own: FakeDocument) => {
        setMeasures(h, 'มาตรการ/แนวทาง', ['ค่า $1 และ $&', 'C:\\ita\\$0', 'บรรทัด 1\nบรรทัด 2', 'https://www.example.go.th/a?b=1', 'ข้อ {{ชื่อหน่วยงาน}} 😀 '.repeat(50)]);
        setMeasures(h, 'ผู้รับผิดชอบ', ['นาย $1', '😀👍🏽 กอง', '{{ปีงบประมาณ}}', 'ก\\nข', 'https://x.go.th']);
        setSetting(h, 'อำเภอ', 'อำเภอ $1 \\ 😀');
        own.body.getChild(0).asParagraph().setText('{{ชื่อหน่วยงาน}} {{อำเภอ}}');
        own.body.appendTable([['มาตรการ', 'ผู้'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}', '{{ผู้รับผิดชอบ}} {{อำเภอ}}']]);
        own.body.appendParagraph('{{ปีงบประมาณ}} {{อำเภอ}}');
      };
      const d = make(a, build);
      const cells = tableOf(d).rows.slice(1).map((r) => r.cells.map((c) => c.getText()).join(' | '));
      expect(cells, name(a)).toContain('ค่า $๑ และ $& | นาย $๑ อำเภอ $๑ \\ 😀');
      expect(cells).toContain('C:\\ita\\$๐ | 😀👍🏽 กอง อำเภอ $๑ \\ 😀');
      expect(cells).toContain('บรรทัด ๑\nบรรทัด ๒ | {{ปีงบประมาณ}} อำเภอ $๑ \\ 😀');
      expect(cells).toContain(`${'ข้อ {{ชื่อหน่วยงาน}} 😀 '.repeat(50)} | https://x.go.th อำเภอ $๑ \\ 😀`);
      expect((d.body.children[0] as FakeParagraph).text).toBe(`${UNIT} อำเภอ $๑ \\ 😀`);
      expect(structure(d), name(a)).toEqual(structure(make(a, build, true)));
    }
  });

  it('keeps braces two settings make side by side as typed, not filled as a placeholder', () => {
    const d = make(resolve(), (h, own) => {
      setSetting(h, 'อำเภอ', 'เมือง{');
      setSetting(h, 'จังหวัด', '{ปีงบประมาณ}} ตามที่พิมพ์');
      own.body.getChild(0).asParagraph().setText('{{อำเภอ}}{{จังหวัด}}');
      own.body.appendParagraph('ปี {{ปีงบประมาณ}}');
      own.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    });
    expect((d.body.children[0] as FakeParagraph).text).toBe('เมือง{{ปีงบประมาณ}} ตามที่พิมพ์');
    expect((d.body.children[1] as FakeParagraph).text).toBe('ปี ๒๕๖๙');
  });
});

describe('a template with formatting inside its texts', () => {
  it('converts a template digit in a cell of several formatting runs whose measure text holds a line break, keeping the digit’s formatting', () => {
    for (const a of ALL) {
      const build = (h: Harness, own: FakeDocument) => {
        setMeasures(h, 'มาตรการ/แนวทาง', ['บรรทัด 1\nบรรทัด 2', 'ก', 'ข', 'ค', 'ง']);
        own.body.getChild(0).asParagraph().setText('{{ชื่อหน่วยงาน}}');
        const t = own.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}ข้อ 5 {{มาตรการ/แนวทาง}}']]);
        const q = t.rows[1]!.cells[0]!.children[0] as FakeParagraph;
        q.editAsText().setBold(...at(q, 'ข้อ'), true);
      };
      const d = make(a, build);
      const cells = tableOf(d).rows.slice(1).map((r) => r.cells[0]!);
      const lines = cells.find((c) => c.getText().includes('บรรทัด'))!;
      expect(lines.getText(), name(a)).toBe('ข้อ ๕ บรรทัด ๑\nบรรทัด ๒');
      const first = lines.children[0] as FakeParagraph;
      expect(boldOf(first).slice(0, 6), name(a)).toBe('BBB---');
      expect(structure(d), name(a)).toEqual(structure(make(a, build, true)));
    }
  });

  it('keeps the bold of a paragraph or cell that is nothing but its placeholder when the value holds "$", a line break or a web address', () => {
    for (const a of ALL) {
      const build = (h: Harness, own: FakeDocument) => {
        setSetting(h, 'อำเภอ', 'อำเภอ $เมือง');
        setMeasures(h, 'มาตรการ/แนวทาง', ['บรรทัด 1\nบรรทัด 2', 'ก\nข', 'ค\nง', 'จ\nฉ', 'ช\nซ']);
        setMeasures(h, 'ลิงก์หลักฐาน', ['https://www.huaytoei.go.th/1', 'https://www.huaytoei.go.th/2', 'https://www.huaytoei.go.th/3', 'https://www.huaytoei.go.th/4', 'https://www.huaytoei.go.th/5']);
        const p = own.body.getChild(0).asParagraph();
        p.setText('{{อำเภอ}}');
        p.editAsText().setBold(0, p.text.length - 1, true);
        const t = own.body.appendTable([['ลำดับ', 'มาตรการ', 'หลักฐาน'], ['{{แถวซ้ำ:มาตรการ}}{{ลำดับ}}', '{{มาตรการ/แนวทาง}}', '{{ลิงก์หลักฐาน}}']]);
        for (const cell of t.rows[1]!.cells.slice(1)) {
          const q = cell.children[0] as FakeParagraph;
          q.editAsText().setBold(0, q.text.length - 1, true);
        }
      };
      const d = make(a, build);
      const p = d.body.children[0] as FakeParagraph;
      expect([p.text, boldOf(p)], name(a)).toEqual(['อำเภอ $เมือง', 'B'.repeat(12)]);
      for (const row of tableOf(d).rows.slice(1)) {
        for (const cell of row.cells.slice(1)) {
          for (const q of cell.children as FakeParagraph[]) expect([q.text, boldOf(q)], name(a)).toEqual([q.text, 'B'.repeat(q.text.length)]);
        }
        const link = row.cells[2]!.children[0] as FakeParagraph;
        expect(link.links, name(a)).toEqual([{ start: 0, end: link.text.length - 1, url: link.text }]);
      }
      expect(tableOf(d).rows.some((r) => r.cells[1]!.getText() === 'บรรทัด ๑\nบรรทัด ๒')).toBe(true);
      expect(structure(d), name(a)).toEqual(structure(make(a, build, true)));
    }
  });
});
