// Review of issue 11, on printed pages: the reports of the sample unit (and of
// a unit with an ordinary long division name) rendered to A4 in Chromium with
// Sarabun (test/harness/render), read back per page with pdftotext (Debian's
// poppler-utils). Each test states the correct behaviour; each failed when written.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { demoReport, seededHarness } from '../../scripts/preview';
import { FakeParagraph, FakeTable, renderHtml, type FakeDocument } from '../harness/document';
import { faults, renderPages } from '../harness/render';
import { launch } from './chromium';

const DIR = 'test-artifacts/review';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Word {
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}
interface Page {
  readonly height: number;
  readonly words: readonly Word[];
}

/** Each printed page's words with their place (pdftotext -bbox), and its height in points. */
async function pagesOf(doc: FakeDocument, name: string): Promise<Page[]> {
  const r = await renderPages(renderHtml(doc), { dir: DIR, name, browser, png: false });
  const xml = execFileSync('pdftotext', ['-bbox', r.pdf, '-'], { encoding: 'utf8' });
  return xml.split('<page ').slice(1).map((chunk) => ({
    height: Number(/height="([\d.]+)"/.exec(chunk)![1]),
    words: [...chunk.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[3]!, yMin: Number(m[1]), yMax: Number(m[2]) })),
  }));
}

/** The lines of a page, words joined by a space, top to bottom. */
const linesOf = (p: Page): string[] => {
  const rows = new Map<number, string[]>();
  for (const w of p.words) rows.set(Math.round(w.yMin), [...(rows.get(Math.round(w.yMin)) ?? []), w.text]);
  return [...rows].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws.join(' '));
};

/** The body's group headings: non-empty paragraphs right above a table. */
const groupHeadings = (d: FakeDocument) => d.body.children.flatMap((b, i) => (b instanceof FakeParagraph && b.text && d.body.children[i + 1] instanceof FakeTable ? [b.text] : []));

describe('printed pages a Thai officer would sign', () => {
  for (const kind of ['progress', 'oit'] as const) {
    it(`no group heading is left alone at the foot of a page, its table on the next: the ${kind} report of the sample unit`, async () => {
      const { doc } = demoReport(kind, 2569);
      const headings = groupHeadings(doc);
      const pages = await pagesOf(doc, `heading-${kind}`);
      const stranded = pages.flatMap((page, i) => {
        if (i === pages.length - 1) return [];
        // The text area ends 72 pt above the paper's foot (the templates' margin); the footer is below it.
        const bottom = page.height - 72;
        return headings.flatMap((heading) => {
          const first = heading.split(' ')[0];
          const line = page.words.find((w) => w.text === first && page.words.filter((x) => Math.abs(x.yMin - w.yMin) < 1).map((x) => x.text).join(' ') === heading);
          if (!line) return [];
          const below = page.words.some((w) => w.yMin > line.yMax + 1 && w.yMax < bottom);
          return below ? [] : [`page ${i + 1}: ${heading}`];
        });
      });
      // Today: progress page 3 ends with "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", OIT page 1 with "๙.๒ การบริหารงาน".
      expect(stranded).toEqual([]);
    });
  }

  it('a signature block keeps the signer’s name and position on one page: the memo of the sample unit', async () => {
    const { doc } = demoReport('memo', 2569);
    const pages = (await pagesOf(doc, 'signature-memo')).map(linesOf);
    const pageOf = (line: string) => pages.findIndex((p) => p.includes(line)) + 1;
    // Today the writer's name ends page 1 and "นักวิเคราะห์นโยบายและแผน" opens page 2.
    expect(pageOf('นักวิเคราะห์นโยบายและแผน')).toBe(pageOf('(นางสาวตัวอย่าง ตั้งใจ)'));
  });

  it('the analysis’s measures table holds the division กองการศึกษา ศาสนาและวัฒนธรรม with no word wider than its cell', async () => {
    const h = seededHarness();
    const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
    const values = sheet.getDataRange().getValues();
    const col = values[0]!.indexOf('ผู้รับผิดชอบ');
    for (let r = 1; r < values.length; r++) sheet.getRange(r + 1, col + 1).setValue('กองการศึกษา ศาสนาและวัฒนธรรม');
    const r = h.call('sidebarCall', 'generateReport', { kind: 'analysis', fiscalYear: 2568, digits: 'thai', pdf: false }) as ReportDone;
    if (!r.ok) throw new Error(r.message.th);
    const doc = h.drive.docs.get(r.url.split('/d/')[1]!.split('/')[0]!)!;
    const rendered = await renderPages(renderHtml(doc), { dir: DIR, name: 'division-analysis', browser, png: false });
    // Today: "วัฒนธรรม" is 57.4 pt wide in a 54.2 pt column, in each of the five measures tables.
    expect(faults(rendered).map((p) => p.message)).toEqual([]);
  });

  it('column headings of the default tables do not break inside ตัวชี้วัด, เครื่องมือ or ผู้รับผิดชอบ', async () => {
    const broken: string[] = [];
    for (const [kind, year] of [['analysis', 2568], ['progress', 2569]] as const) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      try {
        await page.emulateMedia({ media: 'print' });
        await page.setContent(renderHtml(demoReport(kind, year).doc), { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready');
        const found = (await page.evaluate(`(() => {
          const out = [];
          for (const td of document.querySelectorAll('td[data-row="1"]')) {
            const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              for (const w of ['ตัวชี้วัด', 'เครื่องมือ', 'ผู้รับผิดชอบ']) {
                const at = n.data.indexOf(w);
                if (at < 0) continue;
                const r = document.createRange();
                r.setStart(n, at);
                r.setEnd(n, at + w.length);
                const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
                if (tops.size > 1) out.push('table ' + td.closest('table').dataset.table + ': ' + w);
              }
            }
          }
          return [...new Set(out)];
        })()`)) as string[];
        broken.push(...found.map((f) => `${kind} ${f}`));
      } finally {
        await page.close();
      }
    }
    // Today: analysis table 1 prints "ตัวชี้ / วัด" and "เครื่อง / มือ"; the measures and progress tables "ผู้รับผิด / ชอบ".
    expect(broken).toEqual([]);
  });
});
