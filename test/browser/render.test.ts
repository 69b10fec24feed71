// What we publish, page by page: each report the demo makes, rendered as the
// A4 model of its Doc (test/harness/a4), printed by Chromium, split into PNG
// pages in test-artifacts/pages/ (page counts in test-artifacts/pages.json),
// and checked for what would spoil a printed page (test/harness/render). First
// the checks themselves, on small Docs made with the fakes: each can fail.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REPORTS, demoReport } from '../../scripts/preview';
import { runDistrictBatch } from '../../scripts/district';
import { FakeBlob, FakeDocument, FakeTable, renderHtml } from '../harness/document';
import { faults, renderPages, type Rendered } from '../harness/render';
import { launch } from './chromium';

const DIR = 'test-artifacts/pages';
const SUMMARY = 'test-artifacts/pages.json';

let browser: Browser;
const pages: Record<string, number> = {};

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (!Object.keys(pages).length) return;
  const before = existsSync(SUMMARY) ? (JSON.parse(readFileSync(SUMMARY, 'utf8')) as Record<string, number>) : {};
  writeFileSync(SUMMARY, `${JSON.stringify({ ...before, ...pages }, null, 2)}\n`);
});

const render = (doc: FakeDocument, name: string): Promise<Rendered> => renderPages(renderHtml(doc), { dir: DIR, name, browser });

/** A Doc as the add-on writes one: Sarabun 16 pt, a table at 14 pt with the given column widths. */
function docWith(name: string, widths: readonly number[], cells: readonly string[] = widths.map(() => 'ผ่าน')): { doc: FakeDocument; table: FakeTable } {
  const doc = new FakeDocument(`doc-${name}`, name);
  doc.body.appendParagraph('ผลการประเมิน').setAttributes({ FONT_SIZE: 16 });
  const table = doc.body.appendTable([widths.map((_, k) => `หัว ${k + 1}`), [...cells]]);
  table.editAsText().setAttributes({ FONT_SIZE: 14 });
  widths.forEach((w, k) => table.getRow(0).getCell(k).setWidth(w));
  // The paragraph appendTable adds after the table holds the signature, as the templates do.
  table.getNextSibling()!.asParagraph().setText('ลงชื่อ ..............................');
  return { doc, table };
}

/** An SVG image of the given size in pixels, as the fake's charts are. */
const image = (width: number, height: number) => new FakeBlob(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#1a73e8"/></svg>`, 'image/png', 'chart.png', { width, height });

describe('the page checks', () => {
  it('pass a good Doc: a table exactly the text width (451.3 pt), an image as wide as the add-on sets charts, two pages, header and footer', async () => {
    const { doc } = docWith('good', [200, 251.3], ['การปฏิบัติหน้าที่', 'การเปิดเผยข้อมูล https://www.example.go.th/ita/o1']);
    // The add-on's chart width: the text width in pixels, 96 to the inch (src/gas/reports.ts).
    doc.body.appendParagraph('').appendInlineImage(image(Math.floor((451.3 * 96) / 72), 300));
    doc.body.appendPageBreak();
    doc.body.appendParagraph('หน้าสอง');
    doc.addHeader().appendParagraph('องค์การบริหารส่วนตำบลห้วยเตย').setAttributes({ FONT_SIZE: 12 });
    doc.addFooter().appendParagraph('รายงานทดสอบ').setAttributes({ FONT_SIZE: 12 });
    const r = await render(doc, 'check-good');
    expect(r.problems).toEqual([]);
    expect(r.pages).toBe(2);
    expect(r.pngs).toEqual([`${DIR}/check-good-1.png`, `${DIR}/check-good-2.png`]);
    expect([r.paper.width, r.paper.height].map(Math.round)).toEqual([595, 842]);
  });

  it('find a table wider than the text: 505 pt of columns on 451.3 pt', async () => {
    const r = await render(docWith('wide', [40, 170, 80, 95, 120]).doc, 'check-wide-table');
    expect(faults(r)).toEqual([expect.objectContaining({ check: 'table-overflow', table: 1, by: expect.closeTo(53.7, 0) })]);
  });

  it('find a cell too narrow for a word of "การปฏิบัติหน้าที่", naming table, row, cell and the word', async () => {
    const r = await render(docWith('narrow', [30, 421.3], ['การปฏิบัติหน้าที่', 'ผ่าน']).doc, 'check-narrow-cell');
    expect(faults(r)).toEqual([expect.objectContaining({ check: 'narrow-cell', table: 1, row: 2, cell: 1, word: expect.stringMatching(/^(ปฏิบัติ|หน้าที่)$/) })]);
  });

  it('find a placeholder left in the text, in the body and in the footer', async () => {
    const { doc } = docWith('placeholder', [451.3]);
    doc.body.appendParagraph('เรียน {{ชื่อ}}');
    doc.addFooter().appendParagraph('หน้า {{หน้า');
    const r = await render(doc, 'check-placeholder');
    expect(faults(r)).toEqual([
      expect.objectContaining({ check: 'placeholder', paragraph: 3, text: '{{ชื่อ}}' }),
      expect.objectContaining({ check: 'placeholder', section: 'footer', text: '{{หน้า' }),
    ]);
  });

  it('find an image wider than the text: 700 px is 525 pt', async () => {
    const { doc } = docWith('image', [451.3]);
    doc.body.appendParagraph('').appendInlineImage(image(700, 200));
    const r = await render(doc, 'check-wide-image');
    expect(faults(r)).toEqual([expect.objectContaining({ check: 'image-overflow', image: 1, by: expect.closeTo(525 - 451.3, 0) })]);
  });

  it('note, without failing, an empty paragraph left between a table and a heading', async () => {
    const doc = new FakeDocument('doc-stray', 'stray');
    doc.body.appendTable([['ก', 'ข']]);
    doc.body.appendParagraph('หัวข้อถัดไป').setHeading('HEADING1');
    const r = await render(doc, 'check-stray');
    expect(faults(r)).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ check: 'stray-paragraph', fatal: false, table: 1 })]);
  });
});


describe('every report the demo makes prints with no table or image past the margin, no word wider than its cell, no placeholder left', () => {
  for (const [kind, year] of DEMO_REPORTS) {
    it(`the ${kind} report (${year})`, async () => {
      const r = await render(demoReport(kind, year).doc, kind);
      pages[kind] = r.pages;
      expect(r.pngs).toHaveLength(r.pages);
      expect(faults(r).map((p) => p.message)).toEqual([]);
    });
  }
  it('a unit’s report of the district batch, from the office’s default template (issue 12)', async () => {
    const { h } = runDistrictBatch({ dialogSteps: 0 });
    const made = [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed && f.name.startsWith('รายงานการวิเคราะห์ผลการประเมิน ITA ปี 2569 '));
    expect(made.length).toBeGreaterThan(20);
    const r = await render(h.drive.docs.get(made[0]!.id)!, 'district-unit');
    pages['district-unit'] = r.pages;
    expect(r.pngs).toHaveLength(r.pages);
    expect(faults(r).map((p) => p.message)).toEqual([]);
  }, 120_000);
});
