// The docs layer's plan (src/gas/docs.ts planTemplate/fillPlanned): a template
// read once and its Drive copy filled without reading it again. A planned fill
// must give the very document a fill that reads the copy afresh gives, under
// every variant of Google's undocumented Document behaviours; the template's
// formatting must stay; and a report must cost few Document calls.
import { describe, expect, it } from 'vitest';
import type { ReportKind } from '../../src/core/report/context';
import { everyCombination, resolve, type AssumptionId, type Variants } from '../harness/assumptions';
import { FakeDocument, FakeParagraph, FakeTable } from '../harness/document';
import type { Harness } from '../harness/harness';
import { at, boldOf, copyAs, harness, make, report, scanCopies, structure, STYLE_COMBINATIONS } from './docs-fixture';

const DOC_SERVICES = new Set(['DocumentApp', 'Document', 'Container', 'TableCell', 'Paragraph', 'Text', 'Table', 'TableRow', 'InlineImage', 'PageBreak']);
const DOCUMENT_SWITCHES: readonly AssumptionId[] = ['insertTextAtEnd', 'newHeaderParagraph', 'removeLastParagraph', 'newlineInText', 'insertTableParagraph'];
const base = resolve();
const ALL = everyCombination().filter((c) => (Object.keys(c) as AssumptionId[]).every((k) => DOCUMENT_SWITCHES.includes(k) || c[k] === base[k]));
const COMBINATIONS = Number(process.env.ITA_FAKE_VARIANT ?? 0) > 0 ? ALL.filter((_, i) => i % 5 === 0 || i === ALL.length - 1) : ALL;
const name = (v: Required<Variants>) => DOCUMENT_SWITCHES.map((k) => `${k}=${v[k]}`).join(', ');

const REPORTS: readonly [ReportKind, number][] = [
  ['analysis', 2568],
  ['progress', 2569],
  ['oit', 2569],
  ['memo', 2569],
  ['announcement', 2569],
];

describe('the analysis report’s cost', () => {
  it('stays at or under 1,000 Document service calls for the demo unit under every run’s variants, template read and check included', () => {
    const h = harness();
    h.call('sidebarCall', 'createTemplate', { kind: 'analysis' });
    h.log.length = 0;
    report(h, 'analysis', 2568);
    expect(h.log.filter((c) => DOC_SERVICES.has(c.service)).length).toBeLessThanOrEqual(1000);
  });

  it('costs fewer Document calls planned than read afresh', () => {
    const count = (scan: boolean) => {
      const h = harness();
      h.call('sidebarCall', 'createTemplate', { kind: 'analysis' });
      if (scan) scanCopies();
      h.log.length = 0;
      report(h, 'analysis', 2568);
      FakeDocument.prototype.copyAs = copyAs;
      return h.log.filter((c) => DOC_SERVICES.has(c.service)).length;
    };
    expect(count(false)).toBeLessThan(count(true));
  });
});

describe('a planned fill', () => {
  it('gives the same document as a fill that reads the copy afresh, for every kind of report', () => {
    for (const [kind, year] of REPORTS) {
      const planned = structure(report(harness(), kind, year));
      scanCopies();
      const scanned = structure(report(harness(), kind, year));
      FakeDocument.prototype.copyAs = copyAs;
      expect(planned, kind).toEqual(scanned);
    }
  });
});

describe.each(COMBINATIONS.map((v) => [name(v), v] as const))('under %s', (_, assume) => {
  // Every kind under the default variants (below); here the two that repeat rows and groups the most.
  it('gives the same analysis and OIT report planned as read afresh', () => {
    for (const [kind, year] of REPORTS.filter(([k]) => k === 'analysis' || k === 'oit')) {
      const planned = structure(report(harness(assume), kind, year));
      scanCopies();
      const scanned = structure(report(harness(assume), kind, year));
      FakeDocument.prototype.copyAs = copyAs;
      expect(planned, kind).toEqual(scanned);
    }
  });

  it('keeps the template’s formatting on and around placeholders, in a paragraph, a cell and every repeated row', () => {
    const build = (_: Harness, own: FakeDocument) => {
      const first = own.body.getChild(0).asParagraph();
      first.setText('ดูเว็บไซต์ {{ชื่อหน่วยงาน}} ปี {{ปีงบประมาณ}} ต่อ');
      // A bold, centred heading of 18 pt, indented; a link before the placeholder and one after it.
      Object.assign(first, { heading: 'HEADING1', align: 'CENTER', style: { bold: true, fontFamily: 'Sarabun', fontSize: 18 }, indentFirstLine: 36, indentStart: 12, spacingBefore: 10 });
      first.links.push({ start: 2, end: 8, url: 'https://www.example.go.th/' }, { start: first.text.length - 3, end: first.text.length - 1, url: 'https://www.example.go.th/next' });
      const t = own.body.appendTable([
        ['มาตรการ', 'ผู้รับผิดชอบ'],
        ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}', 'โดย {{ผู้รับผิดชอบ}} (ลิงก์)'],
      ]);
      for (const cell of t.rows[1]!.cells) {
        const p = cell.children[0] as FakeParagraph;
        Object.assign(p, { align: 'RIGHT', style: { bold: true, fontFamily: 'Sarabun', fontSize: 14 } });
      }
      const linked = t.rows[1]!.cells[1]!.children[0] as FakeParagraph;
      linked.links.push({ start: linked.text.length - 7, end: linked.text.length - 1, url: 'https://www.example.go.th/link' });
      own.body.appendParagraph('จบ');
    };
    const d = make(assume, build);
    const p = d.body.children[0] as FakeParagraph;
    expect(p.text).toBe('ดูเว็บไซต์ องค์การบริหารส่วนตำบลห้วยเตย ปี ๒๕๖๙ ต่อ');
    expect([p.heading, p.align, p.style, p.indentFirstLine, p.indentStart, p.spacingBefore]).toEqual(['HEADING1', 'CENTER', { bold: true, fontFamily: 'Sarabun', fontSize: 18 }, 36, 12, 10]);
    expect(p.links).toEqual([
      { start: 2, end: 8, url: 'https://www.example.go.th/' },
      { start: p.text.length - 3, end: p.text.length - 1, url: 'https://www.example.go.th/next' },
    ]);
    const table = d.body.children.find((b): b is FakeTable => b instanceof FakeTable)!;
    expect(table.getNumRows()).toBe(1 + 5);
    for (const row of table.rows.slice(1)) {
      for (const cell of row.cells) {
        const q = cell.children[0] as FakeParagraph;
        expect(q.text).not.toContain('{{');
        expect([q.align, q.style]).toEqual(['RIGHT', { bold: true, fontFamily: 'Sarabun', fontSize: 14 }]);
      }
      const q = row.cells[1]!.children[0] as FakeParagraph;
      expect(q.text.startsWith('โดย ')).toBe(true);
      expect(q.links).toEqual([{ start: q.text.length - 7, end: q.text.length - 1, url: 'https://www.example.go.th/link' }]);
    }
    expect(structure(d)).toEqual(structure(make(assume, build, true)));
  });
});

describe('a template with formatting inside its paragraphs', () => {
  for (const combo of STYLE_COMBINATIONS) {
    const assume = resolve(combo);
    it(`gives each value its placeholder’s formatting and the text around it its own (insertStyle=${combo.insertStyle}, replaceStyle=${combo.replaceStyle})`, () => {
      const build = (_: Harness, own: FakeDocument) => {
        const body = own.body;
        const label = body.getChild(0).asParagraph();
        label.setText('หน่วยงาน {{ชื่อหน่วยงาน}} ปี {{ปีงบประมาณ}}');
        label.editAsText().setBold(...at(label, 'หน่วยงาน '), true).setBold(...at(label, ' ปี '), true); // the words bold, the placeholders not
        const lead = body.appendParagraph('{{ชื่อหน่วยงาน}} รายงาน');
        lead.editAsText().setBold(...at(lead, '{{ชื่อหน่วยงาน}}'), true); // the placeholder bold, the rest not
        const plain = body.appendParagraph('{{ชื่อหน่วยงาน}}');
        plain.editAsText().setBold(true); // one run: filled by replaceText over the body
        const digits = body.appendParagraph('ปี 2569 ข้อ 5 ตาม');
        const five = digits.text.indexOf(' 5 ') + 1;
        digits.editAsText().setBold(...at(digits, '2569'), true).setBold(five, five, true); // the template's own digits bold, a run of four and one alone
        const linked = body.appendParagraph('{{ชื่อหน่วยงาน}}');
        linked.editAsText().setLinkUrl(0, linked.text.length - 1, 'https://www.example.go.th/'); // all one linked placeholder
        const inner = body.appendParagraph('ดู {{ปีงบประมาณ}} ต่อ');
        inner.editAsText().setLinkUrl(...at(inner, '{{ปีงบประมาณ}}'), 'https://www.example.go.th/year'); // a linked placeholder among words
        const t = body.appendTable([['มาตรการ', 'ผู้รับผิดชอบ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}', 'โดย {{ผู้รับผิดชอบ}}']]);
        (t.rows[1]!.cells[1]!.children[0] as FakeParagraph).editAsText().setBold(0, 3, true); // "โดย " bold
        body.appendParagraph('จบ');
      };
      const d = make(assume, build);
      const [p1, p2, p3, p4, p5, p6] = d.body.children as FakeParagraph[];
      const name = 'องค์การบริหารส่วนตำบลห้วยเตย';
      const dash = (n: number) => '-'.repeat(n);
      const bold = (n: number) => 'B'.repeat(n);
      expect(p1!.text).toBe(`หน่วยงาน ${name} ปี ๒๕๖๙`);
      expect(boldOf(p1!)).toBe(bold(9) + dash(name.length) + bold(4) + dash(4));
      expect(p2!.text).toBe(`${name} รายงาน`);
      expect(boldOf(p2!)).toBe(bold(name.length) + dash(7));
      expect([p3!.text, boldOf(p3!)]).toEqual([name, bold(name.length)]);
      expect(p4!.text).toBe('ปี ๒๕๖๙ ข้อ ๕ ตาม');
      expect(boldOf(p4!)).toBe(dash(3) + bold(4) + dash(5) + 'B' + dash(4));
      expect([p5!.text, p5!.links]).toEqual([name, [{ start: 0, end: name.length - 1, url: 'https://www.example.go.th/' }]]);
      expect([p6!.text, p6!.links]).toEqual(['ดู ๒๕๖๙ ต่อ', [{ start: 3, end: 6, url: 'https://www.example.go.th/year' }]]);
      const table = d.body.children.find((b): b is FakeTable => b instanceof FakeTable)!;
      for (const row of table.rows.slice(1)) {
        const q = row.cells[1]!.children[0] as FakeParagraph;
        expect(q.text.startsWith('โดย ')).toBe(true);
        expect(boldOf(q)).toBe(bold(4) + dash(q.text.length - 4));
      }
      expect(structure(d)).toEqual(structure(make(assume, build, true)));
    });
  }
});

describe('filling by replaceText', () => {
  it('fills a value every repeated row shares once, before the rows are copied, and each row’s own value in its copy', () => {
    const h = harness();
    const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
    const head = sheet.getDataRange().getValues()[0]!;
    const rows = sheet.getLastRow() - 1;
    sheet.getRange(2, head.indexOf('สถานะ') + 1, rows, 1).setValues(Array.from({ length: rows }, () => ['กำลังดำเนินการ']));
    const own = h.drive.addDocument('แม่แบบของหน่วยงาน');
    own.body.getChild(0).asParagraph().setText('รายงาน');
    own.body.appendTable([['มาตรการ', 'สถานะ'], ['{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}', ''], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}', '{{สถานะ}}']]);
    own.body.appendParagraph('จบ');
    h.properties.document.setProperty('ita.template.progress', own.id);
    h.log.length = 0;
    const d = report(h, 'progress', 2569);
    const table = d.body.children.find((b): b is FakeTable => b instanceof FakeTable)!;
    const made = table.rows.slice(1).map((r) => r.cells.map((c) => c.getText()));
    const measures = made.filter((r) => r[1] === 'กำลังดำเนินการ');
    const groups = made.filter((r) => r[1] === '');
    expect(measures.length).toBeGreaterThan(2);
    expect(groups.length).toBeGreaterThan(1);
    expect(new Set(measures.map((r) => r[0])).size).toBe(measures.length);
    for (const r of made) expect(r.join('')).not.toContain('{{');
    // Shared: the two markers and the status, once each; then each copy's own name or group.
    const replaced = h.log.filter((c) => c.service === 'TableRow' && c.method === 'replaceText').length;
    expect(replaced).toBe(3 + measures.length + groups.length);
  });

  it('fills a placeholder found in a plain paragraph and in a repeated row with each one’s own value', () => {
    const d = make(resolve(), (_, own) => {
      own.body.getChild(0).asParagraph().setText('{{ชื่อหน่วยงาน}} ปี {{ปีงบประมาณ}}');
      own.body.appendTable([['ผู้รับผิดชอบ'], ['{{แถวซ้ำ:มาตรการ}}{{ผู้รับผิดชอบ}} ({{ชื่อหน่วยงาน}})']]);
      own.body.appendParagraph('จบ');
    });
    const table = d.body.children.find((b): b is FakeTable => b instanceof FakeTable)!;
    const cells = table.rows.slice(1).map((r) => r.cells[0]!.getText());
    expect(cells.length).toBeGreaterThan(1);
    for (const c of cells) expect(c).toMatch(/^\S.* \(องค์การบริหารส่วนตำบลห้วยเตย\)$/);
    expect(new Set(cells).size).toBeGreaterThan(1);
    expect((d.body.children[0] as FakeParagraph).text).not.toContain('{{');
  });

  it('writes a value holding "$", "\\" or a placeholder’s own text as it is, and fills nothing inside it', () => {
    const odd = ['ค่าใช้จ่าย $1 ต่อคน', 'เส้นทาง C:\\ita\\2569', 'ข้อความ {{ชื่อหน่วยงาน}} ตามที่พิมพ์'];
    const d = make(resolve(), (h, own) => {
      const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
      const values = sheet.getDataRange().getValues();
      const col = values[0]!.indexOf('มาตรการ/แนวทาง');
      odd.forEach((v, i) => sheet.getRange(i + 2, col + 1).setValue(v));
      own.body.getChild(0).asParagraph().setText('{{ชื่อหน่วยงาน}}');
      own.body.appendTable([['มาตรการ'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
      own.body.appendParagraph('{{ชื่อหน่วยงาน}} จบ');
    });
    const table = d.body.children.find((b): b is FakeTable => b instanceof FakeTable)!;
    const cells = table.rows.slice(1).map((r) => r.cells[0]!.getText());
    for (const v of odd) expect(cells).toContain(v.replace(/[0-9]/g, (c) => '๐๑๒๓๔๕๖๗๘๙'[Number(c)]!));
    expect((d.body.children[0] as FakeParagraph).text).toBe('องค์การบริหารส่วนตำบลห้วยเตย');
  });
});
