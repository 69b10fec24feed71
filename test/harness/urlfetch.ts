// A fake of UrlFetchApp over scripted web sites, and a virtual clock that its
// requests move, so the execution time limit can be tested without waiting.
// Every behaviour is cited to Google's reference; what the reference leaves
// open is a switch of assumptions.ts (fetchAllFailure, fetchDeadline, headerCase).
import type { Faked } from './fakes';
import type { Variants } from './assumptions';

/** What an address answers. */
export interface Site {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** How long the answer takes (default 400 ms). */
  readonly latencyMs?: number;
  /** A failure below HTTP: the name does not resolve, nothing answers, or the connection is refused. */
  readonly fail?: 'dns' | 'timeout' | 'refused';
}

/**
 * Apps Script's execution limit: "Script runtime 6 min / execution"
 * (developers.google.com/apps-script/quotas); past it the run stops with
 * "Exceeded maximum execution time" (the message the editor's execution log shows).
 */
export const EXECUTION_LIMIT_MS = 360_000;

/** Time in the sandbox: `new Date()` and `Date.now()` answer `now`, which requests move forward. */
export class VirtualClock {
  now: number;
  /** When the current execution began (startExecution). */
  began: number;
  /** `enforced`: the limit stops a run (only a clock installed in a sandbox enforces it). */
  constructor(
    at: string | Date | number,
    readonly enforced = true,
  ) {
    this.now = this.began = new Date(at).getTime();
  }
  /** A new execution (a menu command, a sidebar call) begins now. */
  startExecution(): void {
    this.began = this.now;
  }
  /** Time passes; an execution that runs past its limit is stopped, as Apps Script stops it. */
  advance(ms: number): void {
    this.now += ms;
    if (this.enforced && this.now - this.began > EXECUTION_LIMIT_MS) throw new Error('Exceeded maximum execution time');
  }
}

/** A request as the add-on sent it. */
export interface SentRequest {
  readonly url: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * HTTPResponse (reference/url-fetch/http-response): getResponseCode() "the
 * HTTP response code (for example, 200 for OK)"; getHeaders() "an
 * attribute/value map of headers" (key case: assumption headerCase);
 * getAllHeaders() the same "with headers that have multiple values returned as
 * arrays"; getContentText() "the content of an HTTP response encoded as a string".
 */
export class FakeHTTPResponse
  implements Faked<GoogleAppsScript.URL_Fetch.HTTPResponse, 'getResponseCode' | 'getHeaders' | 'getAllHeaders' | 'getContentText'>
{
  constructor(
    private readonly code: number,
    private readonly headers: Readonly<Record<string, string>>,
    private readonly body: string,
  ) {}
  getResponseCode(): number {
    return this.code;
  }
  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this.headers };
  }
  getContentText(): string {
    return this.body;
  }
}

/**
 * Whether an allowlist admits a URL, by manifest/allowlist-url: prefixes are
 * https; "Path matching is case-sensitive"; a URL matches "if the URL is
 * identical to the prefix" or "a child of the prefix"; a single leading
 * wildcard matches subdomains, and "at least one subdomain must be present".
 */
export function admitted(url: string, prefixes: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:') return false;
  return prefixes.some((p) => {
    const wild = p.startsWith('https://*.');
    const q = new URL(wild ? p.replace('*.', 'wildcard.') : p);
    const host = wild ? u.hostname.endsWith(q.hostname.slice('wildcard'.length)) && u.hostname.length > q.hostname.length - 'wildcard'.length : u.hostname === q.hostname;
    const rest = u.pathname + u.search;
    return host && (rest === q.pathname || (q.pathname.endsWith('/') ? rest.startsWith(q.pathname) : rest.startsWith(`${q.pathname}/`) || rest.startsWith(`${q.pathname}?`)));
  });
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * UrlFetchApp (reference/url-fetch/url-fetch-app) over `sites` (exact URL →
 * answer; an address not there does not resolve). Every request is logged in
 * `sent`; the clock moves by each answer's latency (fetchAll: its requests run
 * together, so by the slowest).
 *
 * - fetch(url, params): "Makes a request to fetch a URL … This works over HTTP
 *   as well as HTTPS." Advanced parameters: method ("get, delete, patch, post,
 *   or put. The default is get"); followRedirects ("If false the fetch doesn't
 *   automatically follow HTTP redirects; it returns the original HTTP response.
 *   The default is true" — a followed fetch answers the last response and no
 *   address); muteHttpExceptions ("If true the fetch doesn't throw an exception
 *   if the response code indicates failure, and instead returns the
 *   HTTPResponse. The default is false").
 * - fetchAll(requests): "Makes multiple requests … An array of HTTP response
 *   data from each input request"; a request is a URL or an object with `url`.
 * - A failure below HTTP throws: "DNS error: <url>", "Timeout: <url>",
 *   "Address unavailable: <url>" are the messages field reports quote (not
 *   documented); in fetchAll, assumption fetchAllFailure.
 * - The manifest's urlFetchWhitelist (manifest/allowlist-url): "script
 *   projects can't access URLs that have not been added to the allowlist" —
 *   `allowlist` set, any other URL throws (the message is not documented).
 */
export class FakeUrlFetchApp implements Faked<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll'> {
  readonly sites = new Map<string, Site>();
  readonly sent: SentRequest[] = [];
  /** Calls of fetch and fetchAll. */
  calls = 0;
  allowlist: readonly string[] | undefined;
  constructor(
    readonly clock: VirtualClock,
    readonly assume: Required<Variants>,
  ) {}

  private deadline(): number {
    return this.assume.fetchDeadline === '30 s' ? 30_000 : 60_000;
  }

  /** One request, without moving the clock: its answer or failure, and how long it took. */
  private one(url: string, params: Record<string, unknown>): { ms: number; response?: FakeHTTPResponse; error?: Error } {
    this.sent.push({ url, params: { ...params } });
    if (this.allowlist && !admitted(url, this.allowlist)) return { ms: 0, error: new Error(`Exception: URL not in the manifest's urlFetchWhitelist: ${url}`) };
    let at = url;
    let ms = 0;
    for (let hop = 0; ; hop++) {
      const site = this.sites.get(at);
      const latency = site?.latencyMs ?? 400;
      if (!site || site.fail === 'dns') return { ms: ms + Math.min(latency, 200), error: new Error(`DNS error: ${at}`) };
      if (site.fail === 'timeout') return { ms: ms + this.deadline(), error: new Error(`Timeout: ${at}`) };
      if (site.fail === 'refused') return { ms: ms + latency, error: new Error(`Address unavailable: ${at}`) };
      ms += latency;
      const status = site.status ?? 200;
      const location = Object.entries(site.headers ?? {}).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (params['followRedirects'] !== false && REDIRECT.has(status) && location && hop < 10) {
        at = /^https?:\/\//i.test(location) ? location : new URL(location, at).toString();
        continue;
      }
      if (status >= 400 && params['muteHttpExceptions'] !== true) {
        return { ms, error: new Error(`Request failed for ${at} returned code ${status}. Truncated server response: ${(site.body ?? '').slice(0, 100)}`) };
      }
      const headers = Object.fromEntries(Object.entries(site.headers ?? {}).map(([k, v]) => [this.assume.headerCase === 'lower case' ? k.toLowerCase() : k, v]));
      return { ms, response: new FakeHTTPResponse(status, headers, site.body ?? '') };
    }
  }

  fetch(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}): FakeHTTPResponse {
    this.calls += 1;
    const r = this.one(url, { ...params });
    this.clock.advance(r.ms);
    if (r.error) throw r.error;
    return r.response!;
  }

  fetchAll(requests: unknown[]): FakeHTTPResponse[] {
    this.calls += 1;
    const answers = requests.map((q) => {
      const { url, ...params } = typeof q === 'string' ? { url: q } : (q as { url: string } & Record<string, unknown>);
      return this.one(url, params);
    });
    const failed = answers.find((a) => a.error);
    if (failed && this.assume.fetchAllFailure === 'throws at once') {
      this.clock.advance(failed.ms);
      throw failed.error!;
    }
    this.clock.advance(Math.max(0, ...answers.map((a) => a.ms)));
    if (failed) throw failed.error!;
    return answers.map((a) => a.response!);
  }
}

/**
 * Puts the clock into a sandbox: its Date answers `clock.now` for `new Date()`
 * and `Date.now()`; every other use of Date is JavaScript's own.
 */
export function installClock(run: (code: string) => unknown, context: Record<string, unknown>, clock: VirtualClock): void {
  context['__itaClockNow'] = () => clock.now;
  run(`(() => {
    const read = globalThis.__itaClockNow;
    delete globalThis.__itaClockNow;
    const Real = Date;
    class ClockDate extends Real {
      constructor(...args) { if (args.length === 0) super(read()); else super(...args); }
      static now() { return read(); }
    }
    globalThis.Date = ClockDate;
  })();`);
}
