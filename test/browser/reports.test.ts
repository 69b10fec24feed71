// The reports as a person sees them: both generated reports rendered in
// Chromium (screenshots in test-artifacts/), and the reports dialog in use.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REPORTS, demoReport, startPreview, type Preview } from '../../scripts/preview';
import { renderHtml } from '../harness/document';
import { launch } from './chromium';
import { templateSpec } from '../../src/core/report/context';
import { REPORT_KINDS } from '../../src/core/report/default-templates';

let browser: Browser;
let preview: Preview;

beforeAll(async () => {
  mkdirSync('test-artifacts', { recursive: true });
  browser = await launch();
  preview = await startPreview(0);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function open(url: string, width = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1200 } });
  await page.goto(url);
  return page;
}

describe('the generated reports', () => {
  for (const [kind, year] of DEMO_REPORTS) {
    it(`render in Chromium: the ${kind} report`, async () => {
      const file = resolve(`test-artifacts/report-${kind}.html`);
      writeFileSync(file, renderHtml(demoReport(kind, year).doc));
      const page = await open(pathToFileURL(file).href);
      const text = await page.locator('body').innerText();
      expect(text).toContain('องค์การบริหารส่วนตำบลห้วยเตย');
      expect(text).not.toContain('{{');
      expect(await page.locator('table').count()).toBeGreaterThan(0);
      if (kind === 'analysis') {
        expect(await page.locator('img').count()).toBe(2);
        expect(await page.locator('img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      }
      await page.screenshot({ path: `test-artifacts/report-${kind}.png`, fullPage: true });
      await page.close();
    });
  }
});

describe('the reports dialog', () => {
  it('generates the chosen report and links to it', async () => {
    await fetch(`${preview.url}__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reset: true }) });
    const page = await open(`${preview.url}reports`, 460);
    await page.getByLabel('รายงานผลการดำเนินการตามมาตรการ').check();
    await page.getByLabel('ปีงบประมาณ').selectOption('2569');
    await page.getByRole('button', { name: 'สร้างรายงาน' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByRole('status').innerText()).resolves.toContain('รายงานผลการดำเนินการตามมาตรการ ITA ปี 2569');
    const docs = (await (await fetch(`${preview.url}__docs`)).json()) as { docs: { name: string }[] };
    expect(docs.docs.map((d) => d.name)).toContain('รายงานผลการดำเนินการตามมาตรการ ITA ปี 2569 องค์การบริหารส่วนตำบลห้วยเตย');
    await page.screenshot({ path: 'test-artifacts/reports-dialog.png', fullPage: true });
    await page.close();
  });

  it('preselects the latest year with scores for the analysis, names both years and the OIT item it serves (issue 10)', async () => {
    await fetch(`${preview.url}__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reset: true }) });
    const page = await open(`${preview.url}reports`, 460);
    const year = page.getByLabel('ปีงบประมาณ');
    await expect(year.inputValue()).resolves.toBe('2568');
    await expect(year.locator('option').allInnerTexts()).resolves.toEqual(['ผลการประเมิน พ.ศ. 2568 · มาตรการปี 2569', 'ผลการประเมิน พ.ศ. 2567 · มาตรการปี 2568', 'ผลการประเมิน พ.ศ. 2566 · มาตรการปี 2567']);
    await expect(page.locator('#serves').innerText()).resolves.toContain('ใช้เป็นหลักฐาน OIT ข้อ O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ของการประเมินปี 2569');
    await page.getByLabel('รายงานผลการดำเนินการตามมาตรการ').check();
    await expect(year.inputValue()).resolves.toBe('2569'); // the settings' year: the measures being carried out
    await expect(page.locator('#serves').innerText()).resolves.toContain('O26');
    await page.close();
  });

  it('offers, for the memo only, to make the year’s progress report with it, and makes both', async () => {
    await fetch(`${preview.url}__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reset: true }) });
    const page = await open(`${preview.url}reports`, 460);
    const box = page.getByLabel('สร้างรายงานผลตามมาตรการของปีเดียวกันแนบไปด้วย');
    await expect(box.isVisible()).resolves.toBe(false);
    await page.getByLabel('บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ').check();
    await expect(box.isVisible()).resolves.toBe(true);
    await expect(box.isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'สร้างรายงาน' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByRole('status').innerText()).resolves.toContain('แนบรายงานผลการดำเนินการตามมาตรการ');
    const docs = (await (await fetch(`${preview.url}__docs`)).json()) as { docs: { name: string }[] };
    const names = docs.docs.map((d) => d.name);
    expect(names).toContain('รายงานผลการดำเนินการตามมาตรการ ITA ปี 2569 องค์การบริหารส่วนตำบลห้วยเตย');
    expect(names).toContain('บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ ITA ปี 2569 องค์การบริหารส่วนตำบลห้วยเตย');
    await page.close();
  });

  it('offers the memo and the announcement for the years with measures, the settings’ year first', async () => {
    await fetch(`${preview.url}__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reset: true }) });
    const page = await open(`${preview.url}reports`, 460);
    const year = page.getByLabel('ปีงบประมาณ');
    for (const label of ['บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ', 'ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส']) {
      await page.getByLabel(label).check();
      await expect(year.locator('option').allInnerTexts()).resolves.toEqual(['พ.ศ. 2569', 'พ.ศ. 2568']);
      await expect(year.inputValue()).resolves.toBe('2569');
      await expect(page.locator('#serves').innerText()).resolves.toBe(''); // ITA-METHOD names no OIT item for either
    }
    await page.getByRole('button', { name: 'สร้างรายงาน' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByRole('status').innerText()).resolves.toContain('ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี 2569');
    await page.close();
  });

  it('lists in the template guide each repeating row with its placeholders, the memo’s chain of comments among them', async () => {
    const page = await open(`${preview.url}reports?mode=template`, 460);
    await expect(page.locator('legend').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['บันทึกข้อความเสนอผลการดำเนินการตามมาตรการ', 'ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส']));
    await page.getByText('ช่องแทนค่าที่ใช้ในแม่แบบได้').click();
    await expect(page.locator('p.repeat', { hasText: '{{แถวซ้ำ:ผู้ให้ความเห็น}}' }).innerText()).resolves.toContain('{{ลำดับ}} {{ชื่อ}} {{ตำแหน่ง}}');
    const guide = await page.locator('details.guide').innerText();
    for (const name of ['{{ส่วนราชการ}}', '{{เลขที่หนังสือ}}', '{{ตำแหน่งปลัด}}', '{{ชื่อผู้จัดทำรายงาน}}', '{{วันจัดทำ}}', '{{ลิงก์รายงานแนบ}}', '{{ตัวชี้วัดที่ต้องพัฒนา}}']) expect(guide).toContain(name);
    // Every name of every kind (numbered names are shown as one range), every repeating row, group heading and row, chart (issue 11).
    for (const kind of REPORT_KINDS) {
      const spec = templateSpec(kind);
      for (const f of spec.fields) if (!/\d$/.test(f)) expect(guide, kind).toContain(`{{${f}}}`);
      for (const [c, own] of spec.collections) {
        expect(guide, kind).toContain(`{{แถวซ้ำ:${c}}}`);
        for (const f of own) expect(guide, `${kind} ${c}`).toContain(`{{${f}}}`);
      }
      for (const c of spec.charts) expect(guide, kind).toContain(`{{กราฟ:${c}}}`);
    }
    for (const marker of ['{{หัวข้อกลุ่ม:มาตรการ}}{{กลุ่ม}}', '{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}', 'เลขหน้า']) expect(guide).toContain(marker);
    await page.screenshot({ path: 'test-artifacts/reports-template-guide.png', fullPage: true });
    await page.close();
  });

  it('creates a default template, and refuses a link that is not a Google Doc', async () => {
    const page = await open(`${preview.url}reports?mode=template`, 460);
    const section = page.locator('fieldset', { hasText: 'วิเคราะห์ผลการประเมินและมาตรการ' });
    await section.getByRole('button', { name: 'สร้างแม่แบบมาตรฐาน' }).click();
    await section.getByRole('status').waitFor();
    await expect(section.getByRole('status').innerText()).resolves.toContain('แม่แบบรายงานการวิเคราะห์ผลการประเมิน ITA');
    const other = page.locator('fieldset', { hasText: 'รายงานผลการดำเนินการตามมาตรการ' });
    await other.getByLabel(/ลิงก์/).fill('https://example.com/not-a-doc');
    await other.getByRole('button', { name: 'ใช้แม่แบบนี้' }).click();
    await other.getByRole('alert').waitFor();
    await expect(other.getByRole('alert').innerText()).resolves.toContain('ไม่ใช่ลิงก์ของ Google เอกสาร');
    await page.close();
  });
});
