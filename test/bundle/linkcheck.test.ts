// The evidence link check (menu ตรวจลิงก์หลักฐาน OIT, the tab's button), from
// the built bundle over the fake UrlFetchApp's scripted sites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OitAnswer, OitLinkCheck } from '../../src/core/api';
import { FETCH_ALLOWLIST } from '../../src/core/linkcheck';
import { seededHarness } from '../../scripts/preview';
import { everyCombination, resolve, type Variants } from '../harness/assumptions';
import { ROOT, type Harness } from '../harness/harness';
import { VirtualClock, type Site } from '../harness/urlfetch';

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const START = '2026-11-23T02:00:00Z'; // 09:00 in Bangkok

function sample(assume: Variants = {}): Harness {
  return seededHarness(undefined, { clock: new VirtualClock(START), assume });
}

/** The checklist's rows as header → value records. */
function rows(h: Harness, year = 2569): Record<string, string>[] {
  const values = h.spreadsheet.getSheetByName(`OIT ${year}`)!.getDataRange().getValues();
  const head = values[0]!.map(String);
  return values.slice(1).filter((r) => r[0] !== '' || r[1] !== '').map((r) => Object.fromEntries(head.map((k, i) => [k, String(r[i] ?? '')])));
}

function check(h: Harness, year?: number): Extract<OitLinkCheck, { ok: true }> {
  h.clock.startExecution();
  const a = api<OitLinkCheck>(h, 'oitCheckLinks', year === undefined ? {} : { fiscalYear: year });
  if (!a.ok) throw new Error(a.message.th);
  return a;
}

describe('the evidence link check', () => {
  it('records status, final address, content type and time, and flags what looks wrong, over the sample workbook', () => {
    const h = sample();
    const statuses = rows(h).map((r) => r['สถานะ']);
    const a = check(h);
    expect(a).toMatchObject({ done: true, checked: 26, total: 26 });
    const by = new Map(rows(h).map((r) => [r['รหัส'], r]));
    expect(by.get('O1')).toMatchObject({ ผลตรวจลิงก์: '200', ที่อยู่ปลายทาง: 'https://www.example.go.th/ita/structure', ชนิดเนื้อหา: 'text/html; charset=utf-8', ตรวจลิงก์เมื่อ: expect.stringMatching(/^2026-11-23 09:0\d:\d\d$/), ข้อสังเกตลิงก์: '' });
    expect(by.get('O4')).toMatchObject({ ผลตรวจลิงก์: '200', ที่อยู่ปลายทาง: 'https://www.example.go.th/news/' }); // a relative Location, followed by hand
    expect(by.get('O12')).toMatchObject({ ผลตรวจลิงก์: '200', ที่อยู่ปลายทาง: 'https://drive.google.com/file/d/1AbC/view', ชนิดเนื้อหา: 'application/pdf', ข้อสังเกตลิงก์: '' }); // the file is named for 2568, the year O12 covers
    expect(by.get('O3')!['ข้อสังเกตลิงก์']).toContain('http://');
    expect(by.get('O3')!['ผลตรวจลิงก์']).toBe('ไม่ได้ตรวจ');
    expect(by.get('O5')!['ข้อสังเกตลิงก์']).toContain('เว็บไซต์ตอบ 404');
    expect(by.get('O10')!['ข้อสังเกตลิงก์']).toContain('นอกโดเมนที่ส่วนเสริมตรวจได้');
    expect(by.get('O17')).toMatchObject({ ผลตรวจลิงก์: 'เปิดไม่ได้', ข้อสังเกตลิงก์: expect.stringContaining('DNS') });
    expect(by.get('O6')!['ข้อสังเกตลิงก์']).toBe('ใช้ลิงก์เดียวกับข้อ O18');
    expect(by.get('O18')!['ข้อสังเกตลิงก์']).toContain('ใช้ลิงก์เดียวกับข้อ O6');
    expect(by.get('O18')!['ข้อสังเกตลิงก์']).toContain('ระบุปี 2569 ไม่ใช่ปี 2568'); // statistics of the year before
    expect(by.get('O14')!['ข้อสังเกตลิงก์']).toContain('ระบุปี 2567 ไม่ใช่ปี 2568');
    expect(by.get('O2')).toMatchObject({ ผลตรวจลิงก์: 'ไม่มีลิงก์', ข้อสังเกตลิงก์: 'ไม่มีลิงก์หลักฐาน' });
    // Never marks an item done or undone.
    expect(rows(h).map((r) => r['สถานะ'])).toEqual(statuses);
    expect(a.findings.map((f) => f.code)).toContain('O17');
  });

  it('sends GET requests only, with nothing of the user’s, never to an address outside the manifest’s allowlist', () => {
    const h = sample();
    check(h);
    expect(h.urlFetch.sent.length).toBeGreaterThan(0);
    for (const r of h.urlFetch.sent) {
      expect(r.params).toEqual({ method: 'get', followRedirects: false, muteHttpExceptions: true, validateHttpsCertificates: true });
      expect(r.url).toMatch(/^https:\/\//);
    }
    expect(h.urlFetch.sent.map((r) => r.url)).not.toContain('https://www.facebook.com/huaytoei');
  });

  it('keeps its allowlist equal to the manifest’s urlFetchWhitelist (https prefixes only)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as { urlFetchWhitelist: string[]; oauthScopes: string[] };
    expect(manifest.urlFetchWhitelist).toEqual([...FETCH_ALLOWLIST]);
    for (const p of manifest.urlFetchWhitelist) expect(p).toMatch(/^https:\/\/[^/]+\/.*$/);
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.external_request');
  });

  it('finds the same under every variant of what UrlFetchApp leaves undocumented', () => {
    const base = resolve();
    const combos = everyCombination().filter((c) =>
      (Object.keys(c) as (keyof typeof c)[]).every((k) => ['fetchAllFailure', 'fetchDeadline', 'headerCase'].includes(k) || c[k] === base[k]),
    );
    expect(combos).toHaveLength(8);
    let first: string | undefined;
    for (const assume of combos) {
      const h = sample(assume);
      check(h);
      const seen = JSON.stringify(rows(h).map((r) => [r['รหัส'], r['ผลตรวจลิงก์'], r['ที่อยู่ปลายทาง'], r['ชนิดเนื้อหา'], r['ข้อสังเกตลิงก์']]));
      first ??= seen;
      expect(seen, JSON.stringify(assume)).toBe(first);
    }
  });

  it('leaves a person’s formula in its columns as it is', () => {
    const h = sample();
    const sheet = h.spreadsheet.getSheetByName('OIT 2569')!;
    const head = sheet.getDataRange().getValues()[0]!.map(String);
    sheet.getRange(2, head.indexOf('ชนิดเนื้อหา') + 1).setFormula('=1+1');
    check(h);
    expect(sheet.getRange(2, head.indexOf('ชนิดเนื้อหา') + 1).getFormulas()[0]![0]).toBe('=1+1');
    expect(rows(h)[0]!['ผลตรวจลิงก์']).toBe('200');
  });
});

/** A checklist of `n` items, each with its own link on a scripted site. */
function manyLinks(n: number, site: (i: number) => Site): Harness {
  const h = sample();
  const sheet = h.spreadsheet.getSheetByName('OIT 2569')!;
  const head = sheet.getDataRange().getValues()[0]!.map(String);
  const width = head.indexOf('วันที่ตรวจ') + 1;
  const extra = Array.from({ length: n - 26 }, (_, i) => [`X${i + 1}`, `ข้อเพิ่ม ${i + 1}`, '9.5', '', 'ยังไม่ได้ดำเนินการ', '', '', '']);
  sheet.getRange(28, 1, extra.length, width).setValues(extra);
  const linkCol = head.indexOf('ลิงก์หลักฐาน') + 1;
  h.urlFetch.sites.clear();
  for (let i = 0; i < n; i++) {
    const url = `https://www.example.go.th/ita/doc-2569-${i}`;
    sheet.getRange(i + 2, linkCol).setValue(url);
    h.urlFetch.sites.set(url, site(i));
  }
  return h;
}

describe('the link check within Apps Script’s 6-minute limit', () => {
  it('checks 200 links in one execution with time to spare, in 10 fetchAll calls', () => {
    const h = manyLinks(200, (i) => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<title>ok</title>', latencyMs: 300 + (i % 7) * 400 }));
    const began = h.clock.now;
    const a = check(h);
    expect(a).toMatchObject({ done: true, checked: 200, total: 200, calls: 10 });
    expect(h.clock.now - began).toBeLessThan(60_000);
  });

  it('continues where it stopped when dead hosts use up an execution, never fetching again a link it recorded', () => {
    // Every tenth host never answers: each batch throws and is fetched one by one.
    const h = manyLinks(200, (i) => (i % 10 === 3 ? { fail: 'timeout' } : { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<title>ok</title>' }));
    const runs: Extract<OitLinkCheck, { ok: true }>[] = [];
    for (let k = 0; k < 10 && !runs.at(-1)?.done; k++) {
      const began = h.clock.now;
      const recorded = new Set(rows(h).filter((r) => r['ตรวจลิงก์เมื่อ']).map((r) => r['ลิงก์หลักฐาน']));
      const from = h.urlFetch.sent.length;
      runs.push(check(h)); // the fake throws if an execution passes 6 minutes
      expect(h.clock.now - began).toBeLessThanOrEqual(300_000);
      expect(h.urlFetch.sent.slice(from).filter((r) => recorded.has(r.url))).toEqual([]);
    }
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.at(-1)).toMatchObject({ done: true, checked: 200, total: 200 });
    expect(runs.every((r) => r.written > 0)).toBe(true);
    const flagged = rows(h).filter((r) => (r['ข้อสังเกตลิงก์'] ?? '').includes('หมดเวลา'));
    expect(flagged).toHaveLength(20);
  });

  it('keeps what it wrote when an execution is cut off, and the next one finishes the rest', () => {
    // A host that trickles its answer for 200 s, past the deadline the budget assumes.
    const h = manyLinks(60, (i) => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<title>2569</title>', latencyMs: i === 25 ? 200_000 : 1_000 }));
    h.clock.startExecution();
    h.clock.began -= 200_000; // the execution had already run 200 s: the second batch is cut off by the limit
    expect(() => h.call('sidebarCall', 'oitCheckLinks', {})).toThrow(/Exceeded maximum execution time/);
    expect(rows(h).filter((r) => r['ตรวจลิงก์เมื่อ'])).toHaveLength(20); // the first batch, written before the second began
    const sentBefore = h.urlFetch.sent.length;
    const a = check(h);
    expect(a).toMatchObject({ done: true, checked: 60 });
    expect(h.urlFetch.sent.length - sentBefore).toBe(60 - 20);
  });

  it('is shown in the OIT tab: each item’s check, and the check’s answer as findings', () => {
    const h = sample();
    check(h);
    const tab = api<OitAnswer>(h, 'oitList', { fiscalYear: 2569 });
    expect(tab.items.find((i) => i.code === 'O17')!.link).toMatchObject({ status: 'เปิดไม่ได้', checkedAt: expect.stringMatching(/^2026-11-23 09:0\d:\d\d$/) });
    expect(tab.items.find((i) => i.code === 'O2')!.link?.flags).toEqual(['ไม่มีลิงก์หลักฐาน']);
  });

  it('can be run from the menu, and says how far it got', () => {
    const h = sample();
    h.clock.startExecution();
    h.call('checkOitLinks');
    expect(h.spreadsheet.toasts.at(-1)?.msg).toMatch(/^ตรวจแล้ว 26 จาก 26 ข้อ · พบข้อสังเกต \d+ ข้อ/);
  });
});
