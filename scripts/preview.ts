// npm run preview: the built sidebar on localhost, its google.script.run wired
// to the real server code (dist/ita.js in the Apps Script sandbox) over the
// in-memory spreadsheet, seeded from examples/unit-workbook.json.
//
//   GET  /            the sidebar (dist/sidebar.html) with a google.script.run stand-in
//   GET  /reports     the reports dialog (?mode=template for the template tab)
//   GET  /__docs      the Google Docs the add-on made in the fake Drive; /__docs/ID one of them as HTML
//   POST /__run/NAME  calls the top-level function NAME with the JSON array of arguments
//   GET  /__sheets    the fake workbook: each sheet's displayed values and formulas
//   POST /__control   for tests: {"failNext": "message"} (with "times": n, the next n calls), {"lockHeld": true}, {"latencyMs": 300}, {"reset": true}
//   POST /__edit      for tests: another person types into the sheet: {"id", "header", "value"}
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { renderHtml } from '../test/harness/document';
import { DIST, loadBundle, ROOT, type Harness, type HarnessOptions } from '../test/harness/harness';
import type { Site } from '../test/harness/urlfetch';

interface UnitWorkbook {
  readonly settings: Record<string, string | number>;
  readonly scores: readonly (readonly [number, readonly number[]])[];
  readonly measures: readonly unknown[];
  /** OIT items already published, with their evidence link. */
  readonly oitDone?: Readonly<Record<string, string>>;
  /** OIT items with an evidence link, not yet marked done. */
  readonly oitLinks?: Readonly<Record<string, string>>;
  /** What the unit's web pages answer, for the evidence link check (the fake UrlFetchApp's sites). */
  readonly web?: Readonly<Record<string, Site>>;
}

/** A fresh workbook: set up by the add-on, then filled from the example as a person would. */
export function seededHarness(file = join(ROOT, 'examples', 'unit-workbook.json'), options: HarnessOptions = {}): Harness {
  const example = JSON.parse(readFileSync(file, 'utf8')) as UnitWorkbook;
  const h = loadBundle({ email: 'staff@huaytoei.go.th', ...options });
  h.call('setupWorkbook');
  const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
  const keys = settings.getDataRange().getValues().map((r) => String(r[0]));
  for (const [key, value] of Object.entries(example.settings)) {
    const row = keys.indexOf(key) + 1;
    if (row > 0) settings.getRange(row, 2).setValue(value);
  }
  const scores = h.spreadsheet.getSheetByName('คะแนน ITA')!;
  scores.getRange(2, 1, example.scores.length, 11).setValues(example.scores.map(([y, s]) => [y, ...s]));
  for (const input of example.measures) {
    const r = h.call('sidebarCall', 'save', { input }) as { ok: boolean };
    if (!r.ok) throw new Error(`example measure refused: ${JSON.stringify(r)}`);
  }
  h.call('setupOitChecklist');
  const oit = h.spreadsheet.getSheetByName(`OIT ${example.settings['ปีงบประมาณ']}`);
  const rows = oit?.getDataRange().getValues() ?? [];
  for (const [code, url] of Object.entries(example.oitDone ?? {})) {
    const row = rows.findIndex((r) => r[0] === code) + 1;
    if (row > 1) oit!.getRange(row, 5, 1, 2).setValues([['ดำเนินการแล้ว', url]]);
  }
  for (const [code, url] of Object.entries(example.oitLinks ?? {})) {
    const row = rows.findIndex((r) => r[0] === code) + 1;
    if (row > 1) oit!.getRange(row, 6).setValue(url);
  }
  for (const [url, site] of Object.entries(example.web ?? {})) h.urlFetch.sites.set(url, site);
  h.log.length = 0;
  return h;
}

/** The stand-in for google.script.run: each call is a POST, answered asynchronously. */
const STAND_IN = `<script>
(function () {
  function runner(ok, fail) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
      if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/__run/' + encodeURIComponent(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (r) { return r.json().then(function (body) { return { r: r, body: body }; }); })
          .then(function (x) { if (x.r.ok) { ok && ok(x.body.value); } else { fail && fail(new Error(x.body.error)); } })
          .catch(function (e) { fail && fail(e); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () { document.body.textContent = '(ปิดหน้าต่างแล้ว)'; } } } };
  // Links to Google Docs open the fake Drive's rendering instead.
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest && e.target.closest('a[href*="docs.google.com/document/d/"]');
    if (a) { e.preventDefault(); window.open('/__docs/' + a.href.split('/d/')[1].split('/')[0], '_blank'); }
  });
})();
</script>`;

/** True when a value holds something google.script.run cannot carry (a Date, a function). */
function notJsonSafe(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return typeof v === 'function';
  if (Object.prototype.toString.call(v) === '[object Date]') return true;
  return Object.values(v as Record<string, unknown>).some(notJsonSafe);
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** Why a request is refused (Host, Origin, content type), or undefined. */
export function refuse(req: IncomingMessage, origins: readonly string[]): { status: number; why: string } | undefined {
  const host = `http://${req.headers.host ?? ''}`;
  if (!origins.includes(host)) return { status: 403, why: 'foreign Host' };
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) return { status: 403, why: 'foreign Origin' };
  if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return { status: 415, why: 'POST must be application/json' };
  if (req.method !== 'GET' && req.method !== 'POST') return { status: 405, why: 'GET or POST only' };
  return undefined;
}

function send(res: ServerResponse, status: number, type: string, payload: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(payload);
}

export interface Preview {
  readonly url: string;
  harness: Harness;
  close(): Promise<void>;
}

/** Starts the preview server (port 0 = any free port). */
export async function startPreview(port = Number(process.env.PORT ?? 5173), host = '127.0.0.1'): Promise<Preview> {
  let h = seededHarness();
  let failNext: string | undefined;
  let failTimes = 0;
  let latencyMs = 0;
  const page = (file: string, extra = '') => readFileSync(join(DIST, file), 'utf8').replace('<script>', `${STAND_IN}${extra}<script>`);

  let origins: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // Only this machine's pages may drive the fake workbook: a foreign Host is a
      // DNS-rebinding page, a foreign Origin a cross-site request, and a POST that
      // is not JSON could come from a plain form on any site.
      const refusal = refuse(req, origins);
      if (refusal) return send(res, refusal.status, 'text/plain', refusal.why);
      try {
        if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) return send(res, 200, 'text/html', page('sidebar.html'));
        if (req.method === 'GET' && url.pathname === '/reports') {
          const mode = url.searchParams.get('mode') === 'template' ? 'template' : 'report';
          return send(res, 200, 'text/html', page('reports.html', `<script>window.ITA_MODE=${JSON.stringify(mode)};</script>`));
        }
        if (req.method === 'GET' && url.pathname === '/__docs') {
          const docs = [...h.drive.docs.values()].map((d) => ({ id: d.id, name: d.name, trashed: h.drive.files.get(d.id)?.trashed ?? false }));
          return send(res, 200, 'application/json', JSON.stringify({ docs }));
        }
        if (req.method === 'GET' && url.pathname.startsWith('/__docs/')) {
          const doc = h.drive.docs.get(decodeURIComponent(url.pathname.slice('/__docs/'.length)));
          return doc ? send(res, 200, 'text/html', renderHtml(doc)) : send(res, 404, 'text/plain', 'no such document');
        }
        if (req.method === 'GET' && url.pathname === '/__sheets') {
          return send(res, 200, 'application/json', JSON.stringify({ sheets: h.spreadsheet.getSheets().map((s) => s.snapshot()) }));
        }
        if (req.method === 'POST' && url.pathname.startsWith('/__run/')) {
          const fn = decodeURIComponent(url.pathname.slice('/__run/'.length));
          const args = (await body(req)) as unknown[];
          if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
          if (failNext !== undefined) {
            const message = failNext;
            failTimes -= 1;
            if (failTimes <= 0) failNext = undefined;
            return send(res, 500, 'application/json', JSON.stringify({ error: message }));
          }
          if (notJsonSafe(args)) return send(res, 500, 'application/json', JSON.stringify({ error: 'Illegal value: a Date cannot be sent to the server' }));
          try {
            const value = h.call(fn, ...args);
            if (notJsonSafe(value)) throw new Error(`${fn} answered a value google.script.run cannot carry`);
            return send(res, 200, 'application/json', JSON.stringify({ value }));
          } catch (e) {
            return send(res, 500, 'application/json', JSON.stringify({ error: (e as Error).message }));
          }
        }
        if (req.method === 'POST' && url.pathname === '/__control') {
          const c = (await body(req)) as { failNext?: string; times?: number; lockHeld?: boolean; latencyMs?: number; reset?: boolean };
          if (c.reset) {
            h = seededHarness();
            preview.harness = h;
            failNext = undefined;
            failTimes = 0;
            latencyMs = 0;
          }
          if (c.failNext !== undefined) {
            failNext = c.failNext;
            failTimes = c.times ?? 1;
          }
          if (c.lockHeld !== undefined) h.locks.lock.heldElsewhere = c.lockHeld;
          if (c.latencyMs !== undefined) latencyMs = c.latencyMs;
          return send(res, 200, 'application/json', '{}');
        }
        if (req.method === 'POST' && url.pathname === '/__edit') {
          const e = (await body(req)) as { id: string; header: string; value: unknown };
          const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
          const values = sheet.getDataRange().getValues();
          const header = values[0]!.map(String);
          const row = values.findIndex((r) => r[header.indexOf('รหัส')] === e.id);
          if (row < 1) return send(res, 404, 'application/json', '{"error":"no such id"}');
          sheet.getRange(row + 1, header.indexOf(e.header) + 1).setValue(e.value);
          return send(res, 200, 'application/json', '{}');
        }
        return send(res, 404, 'text/plain', 'not found');
      } catch (e) {
        return send(res, 500, 'application/json', JSON.stringify({ error: (e as Error).message }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  origins = ['127.0.0.1', 'localhost', '[::1]'].map((name) => `http://${name}:${actual}`);
  const preview: Preview = {
    url: `http://${host}:${actual}/`,
    harness: h,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return preview;
}

if (process.argv[1]?.endsWith('preview.mjs')) {
  const p = await startPreview();
  console.log(`ITA Sheets sidebar preview: ${p.url}  (the fake workbook: ${p.url}__sheets)`);
  console.log('Ctrl+C to stop.');
}
