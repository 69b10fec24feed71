// The measures sidebar as a person uses it: Debian's Chromium against
// `npm run preview`'s server (the real server code over the fake spreadsheet).
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../scripts/preview';
import { launch } from './chromium';

let preview: Preview;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  preview = await startPreview(0);
  browser = await launch();
  mkdirSync('test-artifacts', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

beforeEach(async () => {
  await control({ reset: true });
  dialogs.length = 0;
  errors.length = 0;
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(preview.url);
  await page.locator('#add').waitFor();
});

afterEach(async () => {
  expect(errors, 'no script error on the page').toEqual([]);
  await page.close();
});

async function control(c: Record<string, unknown>): Promise<void> {
  await fetch(`${preview.url}__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
}

interface SheetSnapshot {
  name: string;
  values: string[][];
  formulas: string[][];
}

async function sheet(name = 'มาตรการ'): Promise<SheetSnapshot> {
  const r = (await (await fetch(`${preview.url}__sheets`)).json()) as { sheets: SheetSnapshot[] };
  return r.sheets.find((s) => s.name === name)!;
}

async function rowOf(text: string): Promise<{ values: string[]; formulas: string[]; header: string[] } | undefined> {
  const s = await sheet();
  const header = s.values[0]!;
  const i = s.values.findIndex((r) => r[header.indexOf('มาตรการ/แนวทาง')] === text);
  return i < 0 ? undefined : { values: s.values[i]!, formulas: s.formulas[i]!, header };
}

async function addMeasure(measure: string, indicators = '2'): Promise<void> {
  await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
  await page.getByLabel('มาตรการ/แนวทาง').fill(measure);
  await page.getByLabel('ตัวชี้วัด', { exact: true }).fill(indicators);
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await page.locator('#add').waitFor();
}

describe('the measures sidebar', () => {
  it('lists the year’s measures grouped by indicator, with status badges, counts and search', async () => {
    await expect(page.locator('.group h2').allTextContents()).resolves.toEqual([
      expect.stringContaining('ตัวชี้วัดที่ 1'),
      expect.stringContaining('ตัวชี้วัดที่ 3'),
      expect.stringContaining('ตัวชี้วัดที่ 4'),
      expect.stringContaining('ตัวชี้วัดที่ 7'),
      expect.stringContaining('ตัวชี้วัดที่ 9'),
      expect.stringContaining('ตัวชี้วัดที่ 10'),
    ]);
    await expect(page.locator('#summary').textContent()).resolves.toBe('5 มาตรการ');
    await expect(page.locator('.stats').textContent()).resolves.toContain('ดำเนินการแล้ว 2');
    await page.getByLabel('ค้นหา').fill('กองคลัง');
    await expect(page.locator('#summary').textContent()).resolves.toBe('แสดง 1 จาก 5 มาตรการ');
    await page.screenshot({ path: 'test-artifacts/sidebar.png' });
  });

  it('labels every form field with a <label> tied to its input', async () => {
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    const labels = ['มาตรการ/แนวทาง', 'ตัวชี้วัด', 'ประเด็น', 'วิธีการดำเนินการ', 'ผู้รับผิดชอบ', 'วันที่เริ่ม', 'วันที่สิ้นสุด', 'การติดตามผล', 'สถานะ', 'ผลการดำเนินการ', 'ผลลัพธ์หรือความสำเร็จ', 'ข้อเสนอแนะ', 'ปัญหาอุปสรรค', 'ลิงก์หลักฐาน'];
    for (const l of labels) await expect(page.getByLabel(l, { exact: true }).count(), l).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'บันทึก' }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'test-artifacts/sidebar-form.png', fullPage: true });
  });

  it('adds a measure, which lands in the sheet', async () => {
    await addMeasure('อบรมบุคลากรเรื่องการใช้งบประมาณอย่างโปร่งใส', '2, 5');
    await expect(page.locator('.item .title', { hasText: 'อบรมบุคลากรเรื่องการใช้งบประมาณอย่างโปร่งใส' }).count()).resolves.toBe(2); // under indicators 2 and 5
    const row = await rowOf('อบรมบุคลากรเรื่องการใช้งบประมาณอย่างโปร่งใส');
    expect(row?.values[row.header.indexOf('ตัวชี้วัด')]).toBe('2, 5');
    expect(row?.values[row.header.indexOf('ปีงบประมาณ')]).toBe('2569');
    await expect(page.locator('#toast').innerText()).resolves.toBe('บันทึก "อบรมบุคลากรเรื่องการใช้งบประมาณอย่างโปร่งใส" แล้ว');
    await expect(page.locator('#toast').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-artifacts/sidebar-toast.png' });
  });

  it('edits a measure', async () => {
    const item = page.locator('.item', { hasText: 'ใช้แบบฟอร์มยืม–คืนพัสดุ' });
    await item.getByRole('button', { name: 'แก้ไข' }).click();
    await page.getByLabel('ผลลัพธ์หรือความสำเร็จ').fill('ไม่มีทรัพย์สินสูญหายในปีนี้');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('#add').waitFor();
    const row = await rowOf('ใช้แบบฟอร์มยืม–คืนพัสดุและเผยแพร่แนวปฏิบัติการใช้ทรัพย์สินของราชการ');
    expect(row?.values[row.header.indexOf('ผลลัพธ์หรือความสำเร็จ')]).toBe('ไม่มีทรัพย์สินสูญหายในปีนี้');
  });

  it('shows errors beside their fields in Thai and sends nothing', async () => {
    const before = await sheet();
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.getByLabel('ลิงก์หลักฐาน').fill('www.example.go.th');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect(page.locator('#e-measure').textContent()).resolves.toBe('กรุณากรอกช่องนี้');
    await expect(page.locator('#e-indicators').textContent()).resolves.toContain('เลือกตัวชี้วัด');
    await expect(page.locator('#e-evidenceUrl').textContent()).resolves.toContain('http://');
    await expect(page.getByLabel('มาตรการ/แนวทาง').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-measure');
    expect(await sheet()).toEqual(before);
  });

  it('keeps everything typed when the server fails, and saves on the next try', async () => {
    await control({ failNext: 'Exception: Service Spreadsheets timed out while accessing document' });
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.getByLabel('มาตรการ/แนวทาง').fill('มาตรการที่ต้องไม่หาย');
    await page.getByLabel('ตัวชี้วัด', { exact: true }).fill('6');
    await page.getByLabel('ปัญหาอุปสรรค').fill('ข้อความยาว\nหลายบรรทัด');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('#form-alert', { hasText: 'บันทึกไม่สำเร็จ' }).waitFor(); // the answer arrives asynchronously
    await expect(page.locator('#form-alert').textContent()).resolves.toContain('timed out');
    await expect(page.locator('#form-alert').textContent()).resolves.toContain('Google แจ้งว่า'); // Google's English, said in Thai
    await expect(page.getByLabel('มาตรการ/แนวทาง').inputValue()).resolves.toBe('มาตรการที่ต้องไม่หาย');
    await expect(page.getByLabel('ปัญหาอุปสรรค').inputValue()).resolves.toBe('ข้อความยาว\nหลายบรรทัด');
    await expect(page.getByRole('button', { name: 'บันทึก' }).isEnabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('#add').waitFor();
    expect(await rowOf('มาตรการที่ต้องไม่หาย')).toBeDefined();
  });

  it('disables the save button while a save is in flight', async () => {
    await control({ latencyMs: 600 });
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.getByLabel('มาตรการ/แนวทาง').fill('กดซ้ำไม่บันทึกซ้ำ');
    await page.getByLabel('ตัวชี้วัด', { exact: true }).fill('8');
    await page.locator('#save').click();
    await expect(page.locator('#save').isDisabled()).resolves.toBe(true);
    await page.locator('#save').click({ force: true }).catch(() => undefined);
    await page.locator('#add').waitFor();
    const s = await sheet();
    expect(s.values.filter((r) => r.includes('กดซ้ำไม่บันทึกซ้ำ'))).toHaveLength(1);
  });

  it('refuses a stale edit and overwrites nothing', async () => {
    const item = page.locator('.item', { hasText: 'ประเมินความเสี่ยงการให้หรือรับสินบน' });
    const id = await item.getAttribute('data-id');
    await item.getByRole('button', { name: /^แก้ไข/ }).click();
    const s = await sheet();
    const header = s.values[0]!;
    const target = s.values.find((r) => r[header.indexOf('รหัส')] === id)!;
    await fetch(`${preview.url}__edit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, header: 'ผู้รับผิดชอบ', value: 'กองช่าง (แก้โดยผู้อื่น)' }) });
    await page.getByLabel('ผู้รับผิดชอบ').fill('ของฉัน');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('#form-alert', { hasText: 'ถูกแก้ไขหลังจากที่คุณเปิดฟอร์ม' }).waitFor();
    const after = await sheet();
    const row = after.values.find((r) => r[header.indexOf('รหัส')] === target[header.indexOf('รหัส')])!;
    expect(row[header.indexOf('ผู้รับผิดชอบ')]).toBe('กองช่าง (แก้โดยผู้อื่น)');
    await expect(page.getByLabel('ผู้รับผิดชอบ').inputValue()).resolves.toBe('ของฉัน');
  });

  it('shows hostile text as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await addMeasure(hostile);
    await expect(page.locator('.item .title', { hasText: hostile }).textContent()).resolves.toBe(hostile);
    await expect(page.locator('#app img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('stores =1+1 as text, not a formula', async () => {
    await addMeasure('=1+1');
    const row = await rowOf('=1+1');
    expect(row?.values[row.header.indexOf('มาตรการ/แนวทาง')]).toBe('=1+1');
    expect(row?.formulas.every((f) => f === '')).toBe(true);
  });

  it('deletes after a confirmation, and recovers from the recycle sheet', async () => {
    const text = 'เปิดช่องทางถาม–ตอบออนไลน์และตอบทุกคำถามภายใน 3 วันทำการ';
    const item = page.locator('.item', { hasText: text });
    await item.getByRole('button', { name: `ลบ ${text}` }).click();
    await expect(item.getByRole('alertdialog').count()).resolves.toBe(1);
    await item.getByRole('button', { name: 'ยืนยันการลบ' }).click();
    await page.locator('.item', { hasText: text }).waitFor({ state: 'detached' });
    expect(await rowOf(text)).toBeUndefined();
    expect((await sheet('มาตรการที่ลบ')).values.some((r) => r.includes(text))).toBe(true);
    await expect(page.locator('#toast').innerText()).resolves.toMatch(/^ลบ ".*" แล้ว กู้คืนได้จาก "มาตรการที่ลบ"$/);
    await page.getByRole('button', { name: /มาตรการที่ลบ/ }).click(); // not hidden by the toast
    await page.getByRole('button', { name: `กู้คืน ${text}` }).click();
    await page.locator('.item', { hasText: text }).first().waitFor();
    expect(await rowOf(text)).toBeDefined();
    await expect(page.locator('#toast').innerText()).resolves.toMatch(/^กู้คืน ".*" แล้ว \(ปีงบประมาณ 2569\)$/);
    await expect(page.locator('#toast').isVisible()).resolves.toBe(true);
  });

  it('copies a measure into the next fiscal year', async () => {
    const text = 'จัดทำปฏิทินการเผยแพร่ข้อมูลสาธารณะตามรายการ OIT และตรวจทานทุกเดือน';
    await page.locator('.item', { hasText: text }).getByRole('button', { name: /คัดลอกไปปี 2570/ }).click();
    await page.locator('#year').locator('option:checked', { hasText: '2570' }).waitFor({ state: 'attached' });
    await expect(page.locator('.item .title').allTextContents()).resolves.toEqual([text]);
    await expect(page.locator('#toast').innerText()).resolves.toMatch(/^คัดลอก ".*" ไปปีงบประมาณ 2570 แล้ว$/);
    await expect(page.locator('#toast').isVisible()).resolves.toBe(true);
  });

  it('warns before copying a measure the next year already holds, and copies again only when confirmed', async () => {
    const text = 'จัดทำปฏิทินการเผยแพร่ข้อมูลสาธารณะตามรายการ OIT และตรวจทานทุกเดือน';
    const copy = () => page.locator('.item', { hasText: text }).getByRole('button', { name: /คัดลอกไปปี 2570/ }).click();
    const inSheet = async () => (await sheet()).values.filter((r) => r.includes(text)).length;
    await copy();
    await page.locator('#year').locator('option:checked', { hasText: '2570' }).waitFor({ state: 'attached' });
    await page.locator('#year').selectOption('2569');
    await page.locator('#year').locator('option:checked', { hasText: '2569' }).waitFor({ state: 'attached' });
    await copy();
    const ask = page.locator('.item', { hasText: text }).getByRole('alertdialog');
    await ask.waitFor();
    await expect(ask.innerText()).resolves.toContain('ปีงบประมาณ 2570 มีมาตรการนี้อยู่แล้ว');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('ไม่คัดลอก');
    await ask.getByRole('button', { name: 'ไม่คัดลอก' }).click();
    await expect(ask.count()).resolves.toBe(0);
    expect(await inSheet()).toBe(2);
    await copy();
    await ask.getByRole('button', { name: 'คัดลอกอีกครั้ง' }).click();
    await page.locator('#year').locator('option:checked', { hasText: '2570' }).waitFor({ state: 'attached' });
    await expect(page.locator('.item .title').allTextContents()).resolves.toEqual([text, text]);
    expect(await inSheet()).toBe(3);
  });

  it('finds measures by indicator number, in Arabic or Thai digits, and by indicator name', async () => {
    const titles = () => page.locator('.item .title').allTextContents();
    for (const q of ['9', '๙', 'การเปิดเผยข้อมูล', 'ตัวชี้วัดที่ 9']) {
      await page.getByLabel('ค้นหา').fill(q);
      await expect(page.locator('#summary').textContent(), q).resolves.toBe('แสดง 1 จาก 5 มาตรการ');
      await expect(titles(), q).resolves.toEqual(['จัดทำปฏิทินการเผยแพร่ข้อมูลสาธารณะตามรายการ OIT และตรวจทานทุกเดือน']);
    }
    await page.getByLabel('ค้นหา').fill('๑๐'); // a number alone: that indicator, or the number in a measure's own text
    await expect(titles()).resolves.toEqual([expect.stringContaining('ประเมินความเสี่ยงการให้หรือรับสินบน')]);
  });

  it('takes a พ.ศ. date typed in Thai or Arabic digits, stores the real day and shows it in พ.ศ.', async () => {
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.getByLabel('มาตรการ/แนวทาง').fill('มาตรการมีวันที่ พ.ศ.');
    await page.getByLabel('ตัวชี้วัด', { exact: true }).fill('9');
    await page.getByLabel('วันที่เริ่ม', { exact: true }).fill('๑๕/๐๑/๒๕๖๙');
    await expect(page.locator('#h-startDate').textContent()).resolves.toBe('= 15 มกราคม 2569');
    await page.getByLabel('วันที่สิ้นสุด', { exact: true }).fill('30/9/2569');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('#add').waitFor();
    const row = (await rowOf('มาตรการมีวันที่ พ.ศ.'))!;
    expect(row.values[row.header.indexOf('วันที่เริ่ม')]).toBe('15 มกราคม 2569'); // a real date, shown by the sheet's Thai format
    expect(row.values[row.header.indexOf('วันที่สิ้นสุด')]).toBe('30 กันยายน 2569');
    const item = page.locator('.item', { hasText: 'มาตรการมีวันที่ พ.ศ.' });
    await expect(item.locator('.meta').innerText()).resolves.toContain('ถึง 30 ก.ย. 2569');
    await item.getByRole('button', { name: /^แก้ไข/ }).click();
    await expect(page.getByLabel('วันที่เริ่ม', { exact: true }).inputValue()).resolves.toBe('15/01/2569');
    await expect(page.getByLabel('วันที่สิ้นสุด', { exact: true }).inputValue()).resolves.toBe('30/09/2569');
    await page.keyboard.press('Escape'); // unchanged: closes at once
    await page.locator('#add').waitFor();
  });

  it('picks a date from the calendar button and writes it in พ.ศ.', async () => {
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.getByLabel('วันที่เริ่ม', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('pick-startDate'); // the button, next by keyboard
    await expect(page.getByRole('button', { name: 'เลือกวันที่เริ่มจากปฏิทิน' }).count()).resolves.toBe(1);
    await page.keyboard.press('Enter'); // opens the browser's picker; its choice arrives as the change below
    await page.locator('#pick-startDate ~ input[type="date"]').fill('2026-03-08');
    await expect(page.getByLabel('วันที่เริ่ม', { exact: true }).inputValue()).resolves.toBe('08/03/2569');
    await expect(page.locator('#h-startDate').textContent()).resolves.toBe('= 8 มีนาคม 2569');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-startDate');
  });

  it('refuses a half-typed date and an impossible one under their fields, keeps them as typed and stores nothing', async () => {
    const before = await sheet();
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.getByLabel('มาตรการ/แนวทาง').fill('วันที่พิมพ์ไม่ครบ');
    await page.getByLabel('ตัวชี้วัด', { exact: true }).fill('9');
    await page.getByLabel('วันที่เริ่ม', { exact: true }).fill('15/01/');
    await page.getByLabel('วันที่สิ้นสุด', { exact: true }).fill('31/02/2569');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect(page.locator('#e-startDate').textContent()).resolves.toBe('วันที่ไม่ครบหรือรูปแบบไม่ถูกต้อง: "15/01/" — พิมพ์ วัน/เดือน/ปี พ.ศ. เช่น 15/01/2569');
    await expect(page.locator('#e-endDate').textContent()).resolves.toBe('ไม่มีวันที่ 31 ในกุมภาพันธ์ พ.ศ. 2569');
    await expect(page.locator('#form-alert').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-startDate');
    await expect(page.getByLabel('วันที่เริ่ม', { exact: true }).inputValue()).resolves.toBe('15/01/');
    await page.getByLabel('วันที่เริ่ม', { exact: true }).fill('15/01/2026');
    await page.getByLabel('วันที่สิ้นสุด', { exact: true }).fill('15/01/3112');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect(page.locator('#e-startDate').textContent()).resolves.toBe('ปี 2026 ดูเหมือนปี ค.ศ. ช่องนี้ใช้ปี พ.ศ. (ค.ศ. 2026 คือ พ.ศ. 2569)');
    await expect(page.locator('#e-endDate').textContent()).resolves.toBe('ปี พ.ศ. 3112 อยู่นอกช่วงที่รับได้ (พ.ศ. 2500–2700)');
    await page.screenshot({ path: 'test-artifacts/sidebar-form-dates.png', fullPage: true });
    expect(await sheet()).toEqual(before);
    await page.getByLabel('วันที่เริ่ม', { exact: true }).fill('15/01/2569');
    await page.getByLabel('วันที่สิ้นสุด', { exact: true }).fill('');
    await expect(page.locator('#e-startDate').textContent()).resolves.toBe(''); // cleared as soon as it reads
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('#add').waitFor();
    const row = (await rowOf('วันที่พิมพ์ไม่ครบ'))!;
    expect([row.values[row.header.indexOf('วันที่เริ่ม')], row.values[row.header.indexOf('วันที่สิ้นสุด')]]).toEqual(['15 มกราคม 2569', '']);
  });

  it('asks before Esc or ยกเลิก discards typed data, and closes an untouched form at once', async () => {
    const before = await sheet();
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.keyboard.press('Escape');
    await page.locator('#add').waitFor();
    await page.getByRole('button', { name: '+ เพิ่มมาตรการ' }).click();
    await page.getByLabel('มาตรการ/แนวทาง').fill('ข้อความที่พิมพ์ไว้');
    await page.getByLabel('วันที่เริ่ม', { exact: true }).fill('1/10/2568');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('alertdialog', { name: 'ทิ้งข้อมูลที่กรอก' });
    await expect(ask.innerText()).resolves.toContain('ต้องการทิ้งข้อมูลนี้หรือไม่');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('กลับไปแก้ไข');
    await page.screenshot({ path: 'test-artifacts/sidebar-form-discard.png' });
    await page.keyboard.press('Escape'); // Esc again: back to the form, nothing lost
    await expect(ask.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-startDate');
    await expect(page.getByLabel('มาตรการ/แนวทาง').inputValue()).resolves.toBe('ข้อความที่พิมพ์ไว้');
    await page.getByRole('button', { name: 'ยกเลิก' }).click();
    await ask.getByRole('button', { name: 'กลับไปแก้ไข' }).click();
    await expect(page.getByLabel('วันที่เริ่ม', { exact: true }).inputValue()).resolves.toBe('1/10/2568');
    await page.getByRole('button', { name: 'ยกเลิก' }).click();
    await ask.getByRole('button', { name: 'ทิ้งข้อมูล' }).click();
    await page.locator('#add').waitFor();
    expect(await sheet()).toEqual(before);
    // An edit form whose text is put back as it was counts as unchanged.
    await page.locator('.item', { hasText: 'ใช้แบบฟอร์มยืม–คืนพัสดุ' }).getByRole('button', { name: /^แก้ไข/ }).click();
    const title = page.getByLabel('มาตรการ/แนวทาง');
    const was = await title.inputValue();
    await title.fill(`${was} เพิ่ม`);
    await title.fill(was);
    await page.getByRole('button', { name: 'ยกเลิก' }).click();
    await page.locator('#add').waitFor();
  });

  it('works with the keyboard alone', async () => {
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.id)) !== 'add'; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('add');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-measure');
    await page.keyboard.type('ใช้แป้นพิมพ์อย่างเดียว');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    for (let i = 0; i < 60; i++) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'save') break;
      await page.keyboard.press('Tab');
    }
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('save');
    await page.keyboard.press('Enter');
    await page.locator('#add').waitFor();
    expect(await rowOf('ใช้แป้นพิมพ์อย่างเดียว')).toBeDefined();
  });
});

describe('the OIT view', () => {
  it('shows progress per sub-indicator and the projected total, and marks an item done only with a link', async () => {
    await page.getByRole('tab', { name: 'รายการตรวจ OIT' }).click();
    await page.locator('#projection').waitFor();
    await expect(page.locator('#projection').innerText()).resolves.toContain('คะแนนรวมที่คาด');
    await expect(page.locator('#projection').innerText()).resolves.toContain('ดำเนินการแล้ว 3/26 ข้อ');
    await page.getByRole('heading', { name: 'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล' }).waitFor();
    await page.getByRole('heading', { name: /^9\.1 ข้อมูลพื้นฐาน/ }).waitFor();
    await expect(page.locator('#days-left').innerText()).resolves.toMatch(/ก่อนปิดการเผยแพร่และตอบแบบ OIT|ปิดการเผยแพร่และตอบแบบ OIT แล้ว/);
    await expect(page.locator('#oit-year-panel').innerText()).resolves.toContain('การจัดข้อเข้าตัวชี้วัดย่อยและชื่อตัวชี้วัดย่อยเป็นการอนุมาน');
    await expect(page.locator('.item[data-code="O12"] .evidence-year').innerText()).resolves.toBe('หลักฐานปี 2568 (ตามคู่มือ)');
    await expect(page.locator('.item[data-code="O7"] .not-seen').innerText()).resolves.toContain('ยังไม่พบชื่อข้อนี้');
    const item = page.locator('.item[data-code="O13"]');
    await item.getByRole('button', { name: /ทำเครื่องหมายว่าดำเนินการแล้ว O13/ }).click();
    await item.getByRole('button', { name: 'บันทึก' }).click();
    await expect(item.locator('.confirm .error').innerText()).resolves.toContain('ต้องใส่ลิงก์หลักฐาน');
    await item.getByLabel('ลิงก์หลักฐาน').fill('https://www.example.go.th/ita/o13');
    await item.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('.item[data-code="O13"]').locator('.badge.done').waitFor();
    await expect(page.locator('#projection').innerText()).resolves.toContain('ดำเนินการแล้ว 4/26 ข้อ');
    const s = await sheet('OIT 2569');
    expect(s.values.find((r) => r[0] === 'O13')?.slice(4, 6)).toEqual(['ดำเนินการแล้ว', 'https://www.example.go.th/ita/o13']);
    await page.screenshot({ path: 'test-artifacts/sidebar-oit.png', fullPage: true });
  });

  it('checks the evidence links from its button and shows what it found under each item', async () => {
    await page.getByRole('tab', { name: 'รายการตรวจ OIT' }).click();
    await page.locator('#check-links').click();
    await page.waitForFunction(() => /ตรวจลิงก์ครบแล้ว: มีข้อสังเกต \d+ ข้อ/.test(document.getElementById('link-progress')?.textContent ?? ''));
    await expect(page.locator('.item[data-code="O5"] .link-flags').innerText()).resolves.toContain('เว็บไซต์ตอบ 404');
    await expect(page.locator('.item[data-code="O3"] .link-flags').innerText()).resolves.toContain('http://');
    await page.screenshot({ path: 'test-artifacts/sidebar-oit-links.png', fullPage: true });
  });

  it('stops calling the server when a person’s formula holds an item’s ตรวจลิงก์เมื่อ, and names that item', async () => {
    let checks = 0;
    page.on('request', (r) => {
      if (r.url().includes('/__run/') && (r.postData() ?? '').includes('oitCheckLinks')) checks += 1;
    });
    const oit = preview.harness.spreadsheet.getSheetByName('OIT 2569')!;
    const head = oit.getDataRange().getValues()[0]!.map(String);
    oit.getRange(2, head.indexOf('ตรวจลิงก์เมื่อ') + 1).setFormula('=ITA_WEIGHTED(1, 1)'); // O1's row
    await page.getByRole('tab', { name: 'รายการตรวจ OIT' }).click();
    await page.locator('#check-links').click();
    await page.waitForFunction(() => /ตรวจลิงก์ครบแล้ว/.test(document.getElementById('link-progress')?.textContent ?? ''));
    await page.waitForTimeout(1_000);
    expect(checks).toBeLessThanOrEqual(3);
    await expect(page.locator('#link-progress').innerText()).resolves.toContain('ช่องผลตรวจลิงก์ของข้อ O1 เป็นสูตร');
  });

  it('continues, in Thai, after an execution is cut off by Apps Script’s time limit', async () => {
    await page.getByRole('tab', { name: 'รายการตรวจ OIT' }).click();
    await page.locator('#check-links').waitFor();
    await control({ failNext: 'Exceeded maximum execution time' });
    await page.locator('#check-links').click();
    await page.waitForFunction(() => /ตรวจลิงก์ครบแล้ว/.test(document.getElementById('link-progress')?.textContent ?? ''));
    await expect(page.locator('#link-progress').innerText()).resolves.not.toContain('Exceeded');
  });

  it('stops, in Thai, after a few executions in a row are cut off, and the button checks on from there', async () => {
    await page.getByRole('tab', { name: 'รายการตรวจ OIT' }).click();
    await page.locator('#check-links').waitFor();
    await control({ failNext: 'Exceeded maximum execution time', times: 4 });
    await page.locator('#check-links').click();
    await page.waitForFunction(() => /ครั้งติดกัน จึงหยุดตรวจ/.test(document.getElementById('link-progress')?.textContent ?? ''));
    await expect(page.locator('#link-progress').innerText()).resolves.toContain('เกินเวลาที่ Google ให้ทำงานต่อครั้ง');
    await expect(page.locator('#link-progress').innerText()).resolves.not.toContain('Exceeded');
    await page.locator('#check-links').click();
    await page.waitForFunction(() => /ตรวจลิงก์ครบแล้ว/.test(document.getElementById('link-progress')?.textContent ?? ''));
  });

  it('switches to another year and creates its checklist, flagged provisional', async () => {
    await page.getByRole('tab', { name: 'รายการตรวจ OIT' }).click();
    await page.locator('#oit-year').selectOption('2570');
    await page.locator('#create-oit').click();
    await page.locator('.item[data-code="O26"]').waitFor();
    await expect(page.locator('#oit-year-panel').innerText()).resolves.toContain('รายการนี้ใช้ของปี 2569 ไปก่อน (ชั่วคราว)');
    await expect(page.locator('#oit-dates summary').innerText()).resolves.toContain('ชั่วคราว');
    expect((await sheet('OIT 2570')).values.filter((r) => /^O\d+$/.test(String(r[0])))).toHaveLength(26);
  });

  it('never renders a co-editor\'s javascript: evidence cell as a link', async () => {
    const oit = preview.harness.spreadsheet.getSheetByName('OIT 2569')!;
    const values = oit.getDataRange().getValues();
    const col = values[0]!.map(String).indexOf('ลิงก์หลักฐาน') + 1;
    const row = values.findIndex((r) => r[0] === 'O13') + 1;
    oit.getRange(row, col).setValue('javascript:alert(document.domain)');
    await page.getByRole('tab', { name: 'รายการตรวจ OIT' }).click();
    await page.locator('#oit-year').selectOption('2569');
    const item = page.locator('.item[data-code="O13"]');
    await item.locator('.not-link').waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await expect(item.locator('.not-link').innerText()).resolves.toContain('ลิงก์ไม่ถูกต้อง');
    expect(dialogs).toEqual([]);
  });
});
