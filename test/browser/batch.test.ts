// The batch reports dialog (dist/batch.html) in Debian's Chromium against a
// scripted server: a google.script.run stand-in whose every call waits until
// the test answers it, so each state the page passes through is seen, and a
// second call sent while one is on its way is caught.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BatchProgress, BatchState } from '../../src/core/api';
import { DIST } from '../harness/harness';
import { launch } from './chromium';

type Run = NonNullable<BatchState['run']>;

interface Pending {
  readonly method: string;
  readonly request: unknown;
  answer(value: BatchState): void;
  fail(message: string): void;
}

/** The server side, scripted: calls wait in `pending` until answered. */
class Server {
  readonly pending: Pending[] = [];
  readonly log: { method: string; request: unknown }[] = [];
  open = 0;
  maxOpen = 0;

  handle(method: string, request: unknown): Promise<{ ok: true; value: BatchState } | { ok: false; error: string }> {
    this.log.push({ method, request });
    this.open++;
    this.maxOpen = Math.max(this.maxOpen, this.open);
    return new Promise((resolve) => {
      const done = (r: { ok: true; value: BatchState } | { ok: false; error: string }) => {
        this.pending.splice(this.pending.indexOf(p), 1);
        this.open--;
        resolve(r);
      };
      const p: Pending = { method, request, answer: (value) => done({ ok: true, value }), fail: (error) => done({ ok: false, error }) };
      this.pending.push(p);
    });
  }

  /** The next call, which must be `method`; fails when none comes within 5 s. */
  async next(method: string): Promise<Pending> {
    for (let t = 0; t < 250 && this.pending.length === 0; t++) await sleep(20);
    expect(this.pending.map((p) => p.method), 'the calls on their way').toEqual([method]);
    return this.pending[0]!;
  }

  /** Answers the next call, which must be `method`; returns its request. */
  async answer(method: string, value: BatchState): Promise<unknown> {
    const p = await this.next(method);
    p.answer(value);
    return p.request;
  }

  /** No call comes for a while. */
  async quiet(ms = 400): Promise<void> {
    const before = this.log.length;
    await sleep(ms);
    expect(this.log.slice(before).map((c) => c.method), 'no further call').toEqual([]);
    expect(this.pending, 'no call waiting').toEqual([]);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const YEARS = [2569, 2568];
const DISTRICTS = ['เมืองนครราชสีมา', 'ปักธงชัย', 'สูงเนิน'];
const FOLDER = 'https://drive.google.com/drive/folders/run-folder';

function progress(p: Partial<BatchProgress>): BatchProgress {
  const base = { done: 0, failed: 0, working: 0, todo: 0, ...p };
  return { ...base, total: p.total ?? base.done + base.failed + base.working + base.todo };
}

function state(p: Partial<BatchProgress>, run?: Partial<Run>, extra: Partial<BatchState> = {}): BatchState {
  const pr = progress(p);
  return {
    ok: true,
    years: YEARS,
    districts: DISTRICTS,
    ...(run
      ? {
          run: {
            year: 2569,
            district: '',
            active: true,
            cancelled: false,
            finished: false,
            waitingForQuota: false,
            executions: 1,
            resumptions: 0,
            folderUrl: FOLDER,
            automatic: true,
            ...run,
          },
        }
      : {}),
    progress: pr,
    plan: { th: `${pr.todo} หน่วยงาน: เสร็จภายในวันเดียวตามโควตาของบัญชี Google ทั่วไป`, en: `${pr.todo} units`, days: 1, executions: 1, perExecution: 10 },
    problems: [],
    notes: [],
    ...extra,
  };
}

const HTML = readFileSync(join(DIST, 'batch.html'), 'utf8');

let browser: Browser;
let page: Page;
let server: Server;
const errors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  mkdirSync('test-artifacts', { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  expect(server.maxOpen, 'never two calls on their way at once').toBeLessThanOrEqual(1);
  for (const c of server.log) expect(JSON.parse(JSON.stringify(c.request)), `${c.method} carries plain JSON (no Date)`).toEqual(c.request);
  expect(errors, 'no script error on the page').toEqual([]);
  expect(dialogs, 'no window.confirm or alert').toEqual([]);
  await page.close();
});

/** Opens the dialog at a width; its first call (batchState) is left for the test to answer. */
async function open(width = 460): Promise<void> {
  server = new Server();
  errors.length = 0;
  dialogs.length = 0;
  page = await browser.newPage({ viewport: { width, height: 560 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeFunction('__serve', (method: string, request: unknown) => server.handle(method, request));
  await page.addInitScript(() => {
    type Handler = (v: unknown) => void;
    type Answer = { ok: true; value: unknown } | { ok: false; error: string };
    const w = window as unknown as { __serve(m: string, r: unknown): Promise<Answer>; google: unknown };
    // google.script.run: a runner per chain; the handlers are called later, never at once.
    const runner = (ok: Handler, fail: Handler): unknown =>
      new Proxy(
        {},
        {
          get: (_t, k) =>
            k === 'withSuccessHandler'
              ? (f: Handler) => runner(f, fail)
              : k === 'withFailureHandler'
                ? (f: Handler) => runner(ok, f)
                : (method: string, request: unknown) => {
                    if (k !== 'sidebarCall') throw new Error(`unknown server function ${String(k)}`);
                    void w.__serve(method, request).then((r) => (r.ok ? ok(r.value) : fail(new Error(r.error))));
                  },
        },
      );
    w.google = { script: { run: runner(() => undefined, () => undefined), host: { close: () => undefined } } };
  });
  // A page of its own origin, as Apps Script serves it (setContent would skip the stand-in).
  await page.route('https://ita.test/batch', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: HTML }));
  await page.goto('https://ita.test/batch');
}

const text = (selector: string) => page.locator(selector).innerText();
const bar = () => page.getByRole('progressbar', { name: /ความคืบหน้า/ });
const button = (name: string) => page.getByRole('button', { name, exact: true });

describe('the batch reports dialog', () => {
  it('starts a run of the chosen year and district and carries it on, step after step, until it is finished', async () => {
    await open();
    expect(await server.answer('batchState', state({ todo: 5 }))).toEqual({});
    await page.locator('#choices').waitFor();
    await expect(page.getByLabel('ปีงบประมาณ').locator('option').allInnerTexts()).resolves.toEqual(['พ.ศ. 2569', 'พ.ศ. 2568']);
    await expect(page.getByLabel('อำเภอ').locator('option').allInnerTexts()).resolves.toEqual(['ทุกอำเภอ', ...DISTRICTS]);
    await expect(text('#plan')).resolves.toBe('5 หน่วยงาน: เสร็จภายในวันเดียวตามโควตาของบัญชี Google ทั่วไป');
    await expect(text('#headline')).resolves.toBe('ยังไม่ได้เริ่ม');

    // Another district: its counts and plan.
    await page.getByLabel('อำเภอ').selectOption('ปักธงชัย');
    expect(await server.answer('batchState', state({ todo: 3 }))).toEqual({ year: 2569, district: 'ปักธงชัย' });
    await expect(text('#plan')).resolves.toContain('3 หน่วยงาน');

    await page.getByLabel('สร้างใหม่ทั้งหมด รวมที่เสร็จแล้ว').check();
    await button('เริ่ม').click();
    const started = await server.next('batchStart');
    expect(started.request).toEqual({ year: 2569, district: 'ปักธงชัย', redo: true });
    await expect(button('เริ่ม').isDisabled()).resolves.toBe(true);
    await expect(text('#headline')).resolves.toContain('กำลังเริ่ม');
    started.answer(state({ done: 1, todo: 2 }, { district: 'ปักธงชัย' }));

    // Each answer is followed at once by the next step, the counts growing.
    await server.next('batchStep');
    await expect(text('#counts')).resolves.toMatch(/เสร็จ 1\s+รอ 2\s+ผิดพลาด 0\s+กำลังทำ 0\s+จาก 3 หน่วยงาน/);
    await expect(bar().evaluate((e: HTMLProgressElement) => [e.value, e.max])).resolves.toEqual([1, 3]);
    await expect(bar().getAttribute('aria-label')).resolves.toBe('ความคืบหน้า: ทำแล้ว 1 จาก 3 หน่วยงาน');
    await expect(text('#headline')).resolves.toBe('กำลังสร้างรายงาน ปี 2569 อำเภอปักธงชัย…');
    await expect(text('#mode')).resolves.toBe('ปิดหน้าต่างนี้ได้ ระบบจะทำต่อเองทุกชั่วโมง');
    await expect(page.getByRole('link', { name: 'เปิดใน Google ไดรฟ์' }).getAttribute('href')).resolves.toBe(FOLDER);
    await expect(page.getByLabel('ปีงบประมาณ').isDisabled()).resolves.toBe(true);
    await expect(button('ยกเลิก').isVisible()).resolves.toBe(true);
    await expect(button('ทำต่อ').isVisible()).resolves.toBe(false);
    await expect(button('เริ่ม').isVisible()).resolves.toBe(false);
    await server.answer('batchStep', state({ done: 2, todo: 1 }, { district: 'ปักธงชัย', executions: 2 }));
    await server.next('batchStep');
    await expect(text('#counts')).resolves.toMatch(/เสร็จ 2\s+รอ 1/);
    await expect(bar().evaluate((e: HTMLProgressElement) => e.value)).resolves.toBe(2);

    // While a step is on its way, nothing the page offers sends another call.
    await page.evaluate(() => {
      for (const id of ['start', 'resume']) document.getElementById(id)!.click();
      const d = document.getElementById('district') as HTMLSelectElement;
      d.value = '';
      d.dispatchEvent(new Event('change'));
    });
    await sleep(200);
    expect(server.pending.map((p) => p.method)).toEqual(['batchStep']);

    await server.answer(
      'batchStep',
      state({ done: 2, failed: 1 }, { district: 'ปักธงชัย', active: false, finished: true, executions: 3 }, { problems: ['อบต.หนองบัว อ.ปักธงชัย ปี 2569: อ่านคะแนนไม่ได้ (ตัวชี้วัดที่ 3 ว่าง)'] }),
    );
    await server.quiet();
    await expect(text('#headline')).resolves.toBe('ชุดปี 2569 อำเภอปักธงชัย เสร็จแล้ว สร้างไม่ได้ 1 หน่วยงาน');
    await expect(bar().evaluate((e: HTMLProgressElement) => [e.value, e.max])).resolves.toEqual([3, 3]);
    await expect(text('#problems')).resolves.toContain('อบต.หนองบัว อ.ปักธงชัย ปี 2569: อ่านคะแนนไม่ได้');
    await expect(page.locator('#problems li').isVisible()).resolves.toBe(true); // a short list is open
    await expect(button('ยกเลิก').isVisible()).resolves.toBe(false);
    await expect(button('ทำต่อ').isVisible()).resolves.toBe(false);
    await expect(button('เริ่ม').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('อำเภอ').inputValue()).resolves.toBe('ปักธงชัย');
    await expect(page.locator('#live').innerText()).resolves.toContain('เสร็จแล้ว');
    expect(server.log.map((c) => c.method)).toEqual(['batchState', 'batchState', 'batchStart', 'batchStep', 'batchStep']);
  });

  it('carries on a run left active when it opens; a quota stops it, with Google’s reason, until ทำต่อ', async () => {
    await open();
    await server.answer('batchState', state({ done: 4, todo: 6 }, { automatic: false }));
    await server.next('batchStep');
    await expect(text('#mode')).resolves.toContain('เปิดหน้าต่างนี้ค้างไว้');
    const quota = { th: 'ถึงโควตาการสร้างเอกสารต่อวันของ Google แล้ว (Service invoked too many times for one day: docs create.) จะทำต่อเองเมื่อโควตาคืน (ภายใน 24 ชั่วโมง)', en: "Google's daily quota for creating documents is spent" };
    await server.answer('batchStep', state({ done: 5, todo: 5 }, { automatic: false, waitingForQuota: true }, { message: quota }));
    await server.quiet();
    await expect(page.getByRole('status').filter({ hasText: 'ถึงโควตา' }).innerText()).resolves.toContain(quota.th);
    await expect(page.locator('#message details').getAttribute('open')).resolves.toBeNull(); // English folded away
    await expect(text('#headline')).resolves.toBe('ชุดปี 2569 ทุกอำเภอ หยุดรอโควตาของ Google');
    await expect(text('#mode')).resolves.toContain('ระบบทำต่อเองไม่ได้');
    await expect(button('ทำต่อ').isVisible()).resolves.toBe(true);

    await button('ทำต่อ').click();
    await server.answer('batchStep', state({ done: 6, todo: 4 }, { automatic: false }));
    await server.answer('batchStep', state({ done: 10 }, { automatic: false, active: false, finished: true }));
    await server.quiet();
    await expect(text('#headline')).resolves.toBe('ชุดปี 2569 ทุกอำเภอ เสร็จแล้ว');
    await expect(page.locator('#message').innerText()).resolves.toBe('');
  });

  it('asks inside the page before cancelling, and lets the step on its way finish first', async () => {
    await open();
    await server.answer('batchState', state({ done: 1, todo: 9 }, {}));
    await server.next('batchStep');
    await button('ยกเลิก').click();
    const confirm = page.getByRole('group', { name: /ยกเลิกชุดนี้/ });
    await expect(confirm.isVisible()).resolves.toBe(true);
    await expect(button('ไม่ยกเลิก').evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await button('ไม่ยกเลิก').click();
    await expect(confirm.isVisible()).resolves.toBe(false);

    await button('ยกเลิก').click();
    await button('ยืนยันยกเลิก').click();
    await expect(text('#headline')).resolves.toContain('กำลังยกเลิก');
    await sleep(200);
    expect(server.pending.map((p) => p.method), 'the cancel waits for the step').toEqual(['batchStep']);
    await server.answer('batchStep', state({ done: 2, todo: 8 }, {}));
    const cancelled = { th: 'ยกเลิกแล้ว หน่วยงานที่ยังไม่ได้ทำคงสถานะ รอ ไว้ เริ่มใหม่ได้เมื่อต้องการ', en: 'Cancelled; the units not yet done stay waiting' };
    expect(await server.answer('batchCancel', state({ done: 2, todo: 8 }, { active: false, cancelled: true }, { message: cancelled }))).toEqual({});
    await server.quiet();
    await expect(text('#headline')).resolves.toBe('ยกเลิกชุดปี 2569 ทุกอำเภอแล้ว');
    await expect(text('#message')).resolves.toContain(cancelled.th);
    await expect(button('เริ่ม').isVisible()).resolves.toBe(true);
    await expect(button('ยกเลิก').isVisible()).resolves.toBe(false);
  });

  it('cancels a paused run at once once confirmed', async () => {
    await open();
    await server.answer('batchState', state({ todo: 9 }, { waitingForQuota: true }));
    await server.quiet(); // waiting for the quota: no step on opening
    await expect(text('#message')).resolves.toContain('หยุดรอโควตาของ Google');
    await button('ยกเลิก').click();
    await button('ยืนยันยกเลิก').click();
    await server.answer('batchCancel', state({ todo: 9 }, { active: false, cancelled: true }));
    await server.quiet();
    await expect(text('#headline')).resolves.toContain('ยกเลิก');
  });

  it('shows a failed call in Thai, stops, and tries again on ทำต่อ', async () => {
    await open();
    await server.answer('batchState', state({ done: 3, todo: 7 }, {}));
    (await server.next('batchStep')).fail('Exceeded maximum execution time');
    await server.quiet();
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain('ทำไม่สำเร็จ Google แจ้งว่า "Exceeded maximum execution time"');
    await expect(alert.innerText()).resolves.toContain('กด "ทำต่อ" เพื่อลองอีกครั้ง');
    await expect(text('#headline')).resolves.toContain('หยุดไว้');
    await button('ทำต่อ').dblclick(); // one step, not two
    (await server.next('batchStep')).fail('ล็อกเอกสารไม่ว่าง มีผู้อื่นกำลังบันทึก ลองอีกครั้ง');
    await server.quiet();
    await expect(alert.innerText()).resolves.toContain('ล็อกเอกสารไม่ว่าง มีผู้อื่นกำลังบันทึก');
    await button('ทำต่อ').click();
    await server.answer('batchStep', state({ done: 4, todo: 6 }, {}));
    await expect(alert.count()).resolves.toBe(0);
    await server.answer('batchStep', state({ done: 10 }, { active: false, finished: true }));
    await server.quiet();
  });

  it('stops when the server pauses the run with a reason, and after answers that change nothing', async () => {
    await open();
    await server.answer('batchState', state({ todo: 4 }));
    await button('เริ่ม').click();
    const paused = { th: 'หยุดไว้ก่อน: เปิดแม่แบบไม่ได้', en: 'Paused: the template cannot be opened' };
    await server.answer('batchStart', state({ todo: 4 }, {}, { message: paused }));
    await server.quiet();
    await expect(text('#message')).resolves.toContain(paused.th);
    await button('ทำต่อ').click();
    for (let i = 0; i < 3; i++) await server.answer('batchStep', state({ todo: 4 }, {}));
    await server.quiet();
    await expect(text('#message')).resolves.toContain('ไม่มีความคืบหน้า');
    await expect(button('ทำต่อ').isVisible()).resolves.toBe(true);
  });

  it('says what is missing without a units sheet, in Thai with the English folded', async () => {
    await open();
    const none = { th: 'ยังไม่มีแผ่นงาน "หน่วยงาน ITA" เลือกเมนู ตั้งค่าหลายหน่วยงาน', en: 'There is no sheet "หน่วยงาน ITA"' };
    await server.answer('batchState', { ok: false, message: none, years: [], districts: [], problems: [], notes: [] });
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toContain(none.th);
    await expect(page.locator('#choices').isVisible()).resolves.toBe(false);
    await expect(button('เริ่ม').isVisible()).resolves.toBe(false);
    await expect(button('ปิด').isVisible()).resolves.toBe(true);
  });

  for (const width of [300, 460]) {
    it(`fits ${width} px: nothing wider than the dialog, Thai text wrapping, a long list folded`, async () => {
      await open(width);
      const problems = Array.from({ length: 12 }, (_, i) => `องค์การบริหารส่วนตำบลหนองบัวศาลาใหม่${i + 1} อ.เมืองนครราชสีมา ปี 2569: อ่านคะแนนไม่ได้ (ตัวชี้วัดที่ 3 ว่าง)`);
      const notes = ['แถวที่ 14 ของแผ่นงาน "หน่วยงาน ITA": ช่อง รหัสแถว มีสูตร จึงไม่ได้สร้างรายงานของแถวนี้', 'อบต.หนองบัว: แถวถูกลบหรือย้ายออกระหว่างสร้าง รายงานอยู่ที่ https://docs.google.com/document/d/1aVeryLongDocumentIdWithoutAnySpacesAtAll/edit'];
      const message = { th: 'ถึงโควตาการสร้างเอกสารต่อวันของ Google แล้ว (Service invoked too many times for one day: docs create.) จะทำต่อเองเมื่อโควตาคืน (ภายใน 24 ชั่วโมง)', en: 'quota' };
      await server.answer('batchState', state({ done: 120, failed: 12, todo: 180 }, { district: 'เมืองนครราชสีมา', waitingForQuota: true, automatic: false }, { problems, notes, message }));
      await page.locator('#choices').waitFor();
      await expect(page.locator('#problems').getAttribute('open')).resolves.toBeNull(); // 12 problems: folded
      await page.locator('#problems summary').click();
      await page.locator('#message details summary').click();
      const wide = await page.evaluate(() => {
        const out: string[] = [];
        const vw = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth > vw) out.push(`page ${document.documentElement.scrollWidth} > ${vw}`);
        for (const e of Array.from(document.querySelectorAll<HTMLElement>('#app *'))) {
          const r = e.getBoundingClientRect();
          if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) out.push(`${e.tagName}#${e.id}.${e.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
        return out;
      });
      expect(wide).toEqual([]);
      // The headline and the plan wrap onto more lines rather than widen the page.
      const lines = await page.locator('#plan').evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));
      expect(lines).toBeGreaterThanOrEqual(width === 300 ? 2 : 1);
      await page.screenshot({ path: `test-artifacts/batch-dialog-${width}.png`, fullPage: true });
    });
  }
});
