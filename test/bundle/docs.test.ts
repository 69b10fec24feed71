// The docs layer (src/gas/docs.ts) from the built bundle, under every variant of
// Google's undocumented behaviours (test/harness/assumptions.ts): default
// templates and reports hold exactly what their template holds — no empty
// paragraph after a table or at the top that the template did not have,
// headers and footers as the template's, every placeholder filled.
import { describe, expect, it } from 'vitest';
import type { ReportDone, TemplateDone } from '../../src/core/api';
import type { ReportKind } from '../../src/core/report/context';
import { defaultTemplate, type TemplateDoc } from '../../src/core/report/default-templates';
import { measureColumns } from '../../src/core/measures/model';
import { seededHarness } from '../../scripts/preview';
import { everyCombination, resolve, type AssumptionId, type Variants } from '../harness/assumptions';
import { FakeParagraph, FakeTable, type FakeContainer, type FakeDocument } from '../harness/document';
import type { Harness } from '../harness/harness';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const docOf = (h: Harness, url: string): FakeDocument => h.drive.docs.get(url.split('/d/')[1]!.split('/')[0]!)!;
const name = (v: Required<Variants>) => DOCUMENT_SWITCHES.map((k) => `${k}=${v[k]}`).join(', ');

function harness(assume: Required<Variants>): Harness {
  const h = seededHarness(undefined, { assume });
  // The documents the add-on makes and opens play the harness's variants.
  (h.context as unknown as { DocumentApp: { assume: Required<Variants> } }).DocumentApp.assume = h.assumptions;
  const make = h.drive.makeDocument.bind(h.drive);
  h.drive.makeDocument = (...args: Parameters<typeof make>) => Object.assign(make(...args), { assume: h.assumptions });
  return h;
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

/** What a paragraph shows: 'P' text, an image or a page break; '·' nothing. A table: 'T'. */
const isEmpty = (p: FakeParagraph) => p.text === '' && !p.images.length && !p.pageBreak;
const shape = (c: FakeContainer) => c.children.map((b) => (b instanceof FakeTable ? 'T' : isEmpty(b) ? '·' : 'P'));

/** Every text of a document, cells included, and its sections' paragraphs with their formatting. */
function texts(d: FakeDocument): string[] {
  const of = (c: FakeContainer): string[] => c.children.flatMap((b) => (b instanceof FakeTable ? b.rows.flatMap((r) => r.cells.flatMap(of)) : [b.text]));
  return [...of(d.body), ...(d.header ? of(d.header) : []), ...(d.footer ? of(d.footer) : [])];
}
const format = (b: FakeContainer['children'][number]) => (b instanceof FakeTable ? 'T' : { align: b.align, heading: b.heading, style: b.style });
const formatting = (c: FakeContainer | null) => c?.children.map(format);

/** The body a default template is written as: one element per block, and the paragraph appendTable adds after a last table. */
function expectedShape(t: TemplateDoc): string[] {
  const out = t.body.map((b) => (b.kind === 'table' ? 'T' : (b.kind === 'paragraph' || b.kind === 'title' || b.kind === 'heading') && b.text === '' ? '·' : 'P'));
  return out[out.length - 1] === 'T' ? [...out, '·'] : out;
}

/** A report mirrors its template: the same elements in order; an empty paragraph only where the template's was empty or held only placeholders. */
function expectMirrors(report: FakeContainer | null, template: FakeContainer | null, where: string): void {
  expect(report === null, where).toBe(template === null);
  if (!report || !template) return;
  const children = aligned(report, template);
  expect(children.map((b) => b.type), where).toEqual(template.children.map((b) => b.type));
  children.forEach((b, i) => {
    const t = template.children[i]!;
    if (b instanceof FakeParagraph && isEmpty(b)) expect(t.getText() === '' || t.getText().replace(/\{\{[^}]*\}\}/g, '') === '', `${where} ${i}`).toBe(true);
  });
  expect(children.map(format), where).toEqual(formatting(template));
}

/**
 * A report's elements lined up with its template's: a group heading and its
 * table ({{หัวข้อกลุ่ม:…}} above a table) stand for every heading-and-table
 * pair the report made of them, each of which must look as the template's.
 */
function aligned(report: FakeContainer, template: FakeContainer): FakeContainer['children'][number][] {
  const out: FakeContainer['children'][number][] = [];
  let j = 0;
  template.children.forEach((t, i) => {
    const groups = t instanceof FakeParagraph && t.text.includes('{{หัวข้อกลุ่ม:') && template.children[i + 1] instanceof FakeTable;
    if (!groups) {
      out.push(report.children[j++]!);
      return;
    }
    // The pairs after the first one must look as the first: heading formatting, then a table.
    const first = report.children[j]!;
    out.push(first);
    j += 1;
    while (report.children[j + 1] instanceof FakeParagraph && report.children[j + 2] instanceof FakeTable && report.children[j] instanceof FakeTable) {
      expect(format(report.children[j + 1]!)).toEqual(format(first));
      j += 2;
    }
  });
  return out.concat(report.children.slice(j));
}

/**
 * The switches the Document fake reads. The flows run under every combination
 * of them; the spreadsheet's switches stay at the run's default (first variant
 * in one vitest project, last in the other), as the documents' shape does not
 * hang on them.
 */
const DOCUMENT_SWITCHES: readonly AssumptionId[] = ['insertTextAtEnd', 'newHeaderParagraph', 'removeLastParagraph', 'newlineInText', 'insertTableParagraph'];
const base = resolve();
const ALL = everyCombination().filter((c) => (Object.keys(c) as AssumptionId[]).every((k) => DOCUMENT_SWITCHES.includes(k) || c[k] === base[k]));
// The UTC run plays every combination (48); the Bangkok run (ITA_FAKE_VARIANT=1) a spread sample and the
// last, as the documents' shape does not hang on the time zone — CI's time is spent once.
const COMBINATIONS = Number(process.env.ITA_FAKE_VARIANT ?? 0) > 0 ? ALL.filter((_, i) => i % 5 === 0 || i === ALL.length - 1) : ALL;

const REPORTS: readonly [ReportKind, number][] = [
  ['analysis', 2568],
  ['progress', 2569],
  ['oit', 2569],
  ['memo', 2569],
  ['announcement', 2569],
];

describe.each(COMBINATIONS.map((v) => [name(v), v] as const))('under %s', (_, assume) => {
  it('writes each default template block for block: no empty first paragraph, none after a table, one header and one footer paragraph', () => {
    const h = harness(assume);
    for (const [kind] of REPORTS) {
      const t = defaultTemplate(kind);
      const doc = h.drive.docs.get(ok(api<TemplateDone>(h, 'createTemplate', { kind })).template.id)!;
      expect(shape(doc.body), kind).toEqual(expectedShape(t));
      const bodyTexts = doc.body.children.filter((b): b is FakeParagraph => b instanceof FakeParagraph && !b.pageBreak).map((p) => p.text);
      expect(bodyTexts, kind).toEqual(t.body.flatMap((b) => (b.kind === 'table' || b.kind === 'pageBreak' ? [] : [b.kind === 'chart' ? `{{กราฟ:${b.name}}}` : b.text])).concat(shape(doc.body).at(-2) === 'T' ? [''] : []));
      expect([doc.header?.getText(), doc.footer?.getText()], kind).toEqual([t.header, t.footer]);
      expect([doc.header?.getNumChildren(), doc.footer?.getNumChildren()], kind).toEqual([1, 1]);
    }
  });

  it('makes each report hold exactly what its default template holds, every placeholder filled', () => {
    const h = harness(assume);
    for (const [kind, fiscalYear] of REPORTS) {
      const r = ok(api<ReportDone>(h, 'generateReport', { kind, fiscalYear, digits: 'thai', pdf: false }));
      const report = docOf(h, r.url);
      const template = h.drive.docs.get(h.properties.getUserProperties().getProperty(`ita.template.${kind}.fake-spreadsheet-id`)!)!;
      expectMirrors(report.body, template.body, `${kind} body`);
      expectMirrors(report.header, template.header, `${kind} header`);
      expectMirrors(report.footer, template.footer, `${kind} footer`);
      expect(shape(report.body)[0], kind).toBe('P');
      expect(texts(report).filter((s) => s.includes('{{')), kind).toEqual([]);
      expect(report.body.getPageWidth(), kind).toBe(template.body.getPageWidth());
    }
  });

  it('copies a template of the unit’s own as it is: its empty paragraphs, tables in header and footer, placeholders at the ends of texts and multi-line values', () => {
    const h = harness(assume);
    const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
    const values = sheet.getDataRange().getValues();
    const method = measureColumns().findIndex((c) => c.header === 'วิธีการดำเนินการ');
    sheet.getRange(2, method + 1, values.length - 1, 1).setValues(values.slice(1).map(() => ['ขั้นที่ ๑\nขั้นที่ ๒']));
    // A placeholder whose value is empty, right at the end of a text, after another one.
    const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
    const keys = settings.getDataRange().getValues().map((r) => String(r[0]));
    // (Not a signer's: a blank name or position is a dotted line or the usual one.)
    settings.getRange(keys.indexOf('อำเภอ') + 1, 2).setValue('');
    const own = h.drive.addDocument('แม่แบบของหน่วยงาน');
    own.body.getChild(0).asParagraph().setText('{{ชื่อหน่วยงาน}}');
    own.body.appendParagraph('ปี {{ปีงบประมาณ}}{{อำเภอ}}');
    own.body.appendTable([
      ['มาตรการ', 'วิธี'],
      ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}', '{{วิธีการดำเนินการ}}'],
    ]);
    own.body.appendParagraph('');
    own.body.appendTable([['ลงชื่อ'], ['{{ชื่อผู้บริหาร}}']]);
    own.body.appendParagraph('สิ้นสุด {{วันที่จัดทำ}}');
    const header = own.addHeader();
    header.appendTable([['{{ชื่อหน่วยงาน}}', 'ปี {{ปีงบประมาณ}}']]);
    header.appendParagraph('{{จังหวัด}}');
    own.addFooter().appendParagraph('หน้า {{ชื่อหน่วยงาน}}');
    h.properties.document.setProperty('ita.template.progress', own.id);
    const report = docOf(h, ok(api<ReportDone>(h, 'generateReport', { kind: 'progress', fiscalYear: 2569, digits: 'thai', pdf: false })).url);
    expectMirrors(report.body, own.body, 'body');
    expectMirrors(report.header, own.header, 'header');
    expectMirrors(report.footer, own.footer, 'footer');
    const all = texts(report).join('\n');
    expect(all).not.toContain('{{');
    expect(all).toContain('ขั้นที่ ๑');
    expect(all).toContain('ขั้นที่ ๒');
    expect(report.body.children[0]!.getText()).toBe('องค์การบริหารส่วนตำบลห้วยเตย');
    expect(report.body.children[1]!.getText()).toBe('ปี ๒๕๖๙');
    expect((report.body.children[2] as FakeTable).getNumRows()).toBe(1 + 5);
  });
});

describe('a table of nothing but a repeating row', () => {
  it('goes as a whole when there is no record, leaving the paragraphs around it as they were', () => {
    const h = harness(resolve());
    const own = h.drive.addDocument('แม่แบบของหน่วยงาน');
    // The analysis of 2566 carries 2567's measures: none in the sample (a progress report of no measures is refused).
    own.body.getChild(0).asParagraph().setText('ตัวชี้วัด');
    own.body.appendTable([['{{แถวซ้ำ:ตัวชี้วัด}}{{ตัวชี้วัดที่}}']]);
    own.body.appendParagraph('มาตรการปี {{ปีมาตรการ}}');
    own.body.appendTable([['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    own.body.appendParagraph('จบ');
    h.properties.document.setProperty('ita.template.analysis', own.id);
    const report = docOf(h, ok(api<ReportDone>(h, 'generateReport', { kind: 'analysis', fiscalYear: 2566, digits: 'thai', pdf: false })).url);
    expect(report.body.children.map((b) => (b instanceof FakeTable ? 'T' : b.text))).toEqual(['ตัวชี้วัด', 'T', '', 'มาตรการปี ๒๕๖๗', '', 'จบ']);
  });
});
