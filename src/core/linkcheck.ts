// The evidence link check, decided here; src/gas/links.ts fetches and writes.
//
// Each link is fetched by GET without following redirects, one hop at a time,
// so the final address is known (a followed redirect's address is not exposed);
// only https addresses under the manifest's urlFetchWhitelist can be fetched by
// a published add-on (developers.google.com/apps-script/manifest/allowlist-url:
// "Each prefix must use https://, not http://"), so a plain-http link, or one
// elsewhere, is reported without being fetched.
import { isDate } from './errors';
import { fromThaiDigits } from './thai';

/**
 * URL prefixes the add-on may fetch: equal to appsscript.json's
 * urlFetchWhitelist (a test keeps them equal). Thai public bodies' sites are
 * under go.th; evidence is often a Google Drive, Docs or Sites link.
 */
export const FETCH_ALLOWLIST: readonly string[] = [
  'https://*.go.th/',
  'https://drive.google.com/',
  'https://docs.google.com/',
  'https://sites.google.com/',
];

/** Apps Script's limit on one execution ("Script runtime: 6 min / execution", developers.google.com/apps-script/quotas). */
export const EXECUTION_LIMIT_MS = 360_000;
/** The longest one fetch is taken to wait (no timeout option exists; assumption fetchDeadline). */
export const FETCH_DEADLINE_MS = 60_000;
/** A batch starts only if it could end by this much after the execution began: time is left to write. */
export const FETCH_BUDGET_MS = 280_000;
/** Requests per fetchAll call. */
export const BATCH_SIZE = 20;
/** Redirects followed before giving up. */
export const MAX_HOPS = 5;

/** A URL in parts (Apps Script has no URL class). */
interface Parts {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly query: string;
}

function parts(url: string): Parts | undefined {
  const m = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i.exec(url.trim());
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), path: m[3] || '/', query: m[4] ?? '' };
}

/** Whether a prefix of the allowlist admits a URL: Google's rules (allowlist-url, "Use wildcards"). */
export function allowed(url: string, prefixes: readonly string[] = FETCH_ALLOWLIST): boolean {
  const u = parts(url);
  if (!u || u.scheme !== 'https') return false;
  const rest = `${u.path}${u.query}`;
  return prefixes.some((p) => {
    const q = parts(p);
    if (!q) return false;
    const hostOk = q.host.startsWith('*.') ? u.host.endsWith(q.host.slice(1)) && u.host.length > q.host.length - 1 : u.host === q.host;
    // "Path matching is case-sensitive"; the URL matches when it equals the prefix or is a child of it.
    return hostOk && (rest === q.path || rest.startsWith(q.path.endsWith('/') ? q.path : `${q.path}/`) || rest.startsWith(`${q.path}?`) || rest.startsWith(`${q.path}#`));
  });
}

/** A Location header resolved against the address that sent it. */
export function resolveLocation(base: string, location: string): string | undefined {
  const loc = location.trim();
  if (/^https?:\/\//i.test(loc)) return loc;
  const b = parts(base);
  if (!b) return undefined;
  if (loc.startsWith('//')) return `${b.scheme}:${loc}`;
  const origin = `${b.scheme}://${b.host}`;
  if (loc.startsWith('/')) return origin + loc;
  if (loc.startsWith('?')) return origin + b.path + loc;
  const dir = b.path.slice(0, b.path.lastIndexOf('/') + 1);
  const segs: string[] = [];
  for (const s of (dir + loc).split('/')) {
    if (s === '..') segs.pop();
    else if (s !== '.') segs.push(s);
  }
  return origin + segs.join('/');
}

/** How a link stands before anything is fetched. */
export type LinkKind = 'none' | 'invalid' | 'http' | 'outside' | 'fetch';

export function linkKind(url: string): LinkKind {
  const s = url.trim();
  if (!s) return 'none';
  const u = parts(s);
  if (!u) return 'invalid';
  if (u.scheme === 'http') return 'http';
  return allowed(s) ? 'fetch' : 'outside';
}

/** What one fetch of one address answered. */
export interface HopAnswer {
  readonly status?: number;
  readonly location?: string;
  readonly contentType?: string;
  /** The HTML page's <title>, or the file name from Content-Disposition. */
  readonly name?: string;
  /** The failure below HTTP (DNS, timeout…), as the service said it. */
  readonly error?: string;
}

/** Where one link stands: the address to fetch next, or its result. */
export interface LinkState {
  readonly url: string;
  current: string;
  hops: number;
  done: boolean;
  status: string;
  code?: number;
  finalUrl: string;
  contentType: string;
  name: string;
  /** Problems found while fetching (Thai). */
  readonly problems: string[];
}

export function startLink(url: string): LinkState {
  const s = url.trim();
  const state: LinkState = { url: s, current: s, hops: 0, done: true, status: '', finalUrl: '', contentType: '', name: '', problems: [] };
  switch (linkKind(s)) {
    case 'none':
      state.problems.push('ไม่มีลิงก์หลักฐาน');
      break;
    case 'invalid':
      state.status = 'ไม่ได้ตรวจ';
      state.problems.push(invalidWhy(s));
      break;
    case 'http':
      state.status = 'ไม่ได้ตรวจ';
      state.problems.push('ใช้ http:// ที่ไม่เข้ารหัส ควรเป็น https:// (ส่วนเสริมเปิดลิงก์ http ไม่ได้)');
      break;
    case 'outside':
      state.status = 'ไม่ได้ตรวจ';
      state.problems.push('อยู่นอกโดเมนที่ส่วนเสริมตรวจได้ (*.go.th และ Google Drive/Docs/Sites)');
      break;
    case 'fetch':
      state.done = false;
  }
  return state;
}

/**
 * Why a cell that is no web address is not one, in Thai: two links in one
 * cell (a newline or a space between them), an address with a space in it (a
 * name pasted unencoded), or no http(s):// at its start.
 */
export function invalidWhy(cell: string): string {
  const s = cell.trim();
  if ((s.match(/https?:\/\//gi) ?? []).length > 1) return 'มีหลายลิงก์ในช่องเดียว (ใส่ลิงก์เดียวต่อข้อ ส่วนเสริมจึงยังไม่ได้ตรวจ)';
  if (/^https?:\/\/\S/i.test(s) && /\s/.test(s)) return 'มีช่องว่างในลิงก์ (คัดลอกลิงก์จากแถบที่อยู่ของเบราว์เซอร์มาใหม่ หรือแทนช่องว่างด้วย %20)';
  return 'ไม่ใช่ที่อยู่เว็บ (ต้องขึ้นต้นด้วย https://)';
}

/** Short Thai words for a failure below HTTP. */
function failure(error: string): string {
  if (/dns/i.test(error)) return 'หาชื่อโดเมนไม่พบ (DNS)';
  if (/time ?out|timed out|deadline/i.test(error)) return 'รอนานเกินไป (หมดเวลา)';
  if (/ssl|certificate|handshake/i.test(error)) return 'ใบรับรองความปลอดภัย (SSL) มีปัญหา';
  return `เปิดไม่ได้ (${error.slice(0, 120)})`;
}

/** Takes one fetch's answer into a link's state: done, or the next hop to fetch. */
export function advance(state: LinkState, answer: HopAnswer): void {
  state.hops += 1;
  if (answer.error !== undefined) {
    state.done = true;
    state.status = 'เปิดไม่ได้';
    state.finalUrl = state.current;
    state.problems.push(failure(answer.error));
    return;
  }
  const code = answer.status ?? 0;
  state.code = code;
  state.status = String(code);
  state.finalUrl = state.current;
  state.contentType = answer.contentType ?? '';
  state.name = answer.name ?? '';
  if (code >= 300 && code < 400 && code !== 304 && answer.location) {
    const next = resolveLocation(state.current, answer.location);
    if (!next) {
      state.done = true;
      state.problems.push(`ส่งต่อไปยังที่อยู่ที่อ่านไม่ได้ (${answer.location.slice(0, 100)})`);
      return;
    }
    state.finalUrl = next;
    state.contentType = '';
    if (state.hops > MAX_HOPS) {
      state.done = true;
      state.problems.push(`ส่งต่อเกิน ${MAX_HOPS} ครั้ง`);
      return;
    }
    const kind = linkKind(next);
    if (kind !== 'fetch') {
      state.done = true;
      state.problems.push(kind === 'http' ? 'ส่งต่อไปยังที่อยู่ http:// ที่ไม่เข้ารหัส (ไม่ได้ตรวจต่อ)' : 'ส่งต่อไปนอกโดเมนที่ส่วนเสริมตรวจได้ (ไม่ได้ตรวจต่อ)');
      return;
    }
    state.current = next;
    return;
  }
  state.done = true;
  if (code >= 400) state.problems.push(`เว็บไซต์ตอบ ${code}${code === 404 ? ' (ไม่พบหน้า)' : code >= 500 ? ' (เซิร์ฟเวอร์ขัดข้อง)' : ''}`);
}

/** Plausible fiscal years: Buddhist Era 2550–2600, or Common Era 2007–2057 (taken as BE). */
function asFiscalYear(n: number): number | undefined {
  if (n >= 2550 && n <= 2600) return n;
  if (n >= 2007 && n <= 2057) return n + 543;
  return undefined;
}

/** Four-digit plausible years written in a name (Thai digits too), standing apart from other digits: "แผน 2569", "plan-2026.pdf". */
function yearsInName(text: string, out: Set<number>): void {
  const re = /(^|\D)(\d{4})(?!\d)/g;
  const s = fromThaiDigits(text);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const y = asFiscalYear(Number(m[2]));
    if (y !== undefined) out.add(y);
    re.lastIndex = m.index + m[0].length;
  }
}

/**
 * Years an address names. A path segment or query value with letters in it is
 * read as a name ("plan-2569", "report_2025.pdf"). One of digits alone is
 * usually an id (/news/detail/2045, ?id=2045), so it is read as a year only
 * when it is a Buddhist-Era year (/ita/2569, the way Thai sites name a year's
 * page), or a Common-Era year that is a folder with more path after it (the
 * date folders /2025/03/slug), or the value of a query key naming a year
 * (?year=2025, ?ปี=2569). A page number such as 2045 is not a fiscal year.
 */
function yearsInAddress(url: string, out: Set<number>): void {
  const u = parts(url);
  const path = u ? u.path : url;
  const decode = (x: string) => {
    try {
      return decodeURIComponent(x);
    } catch {
      return x;
    }
  };
  const segments = path.split('/').map(decode);
  segments.forEach((seg, i) => {
    const digits = fromThaiDigits(seg.trim());
    if (!/^\d+$/.test(digits)) return yearsInName(seg, out);
    const y = digits.length === 4 ? asFiscalYear(Number(digits)) : undefined;
    const folder = segments.slice(i + 1).some((x) => x !== '');
    if (y !== undefined && (Number(digits) >= 2550 || folder)) out.add(y);
  });
  for (const pair of (u?.query ?? '').replace(/^\?/, '').split('&')) {
    const [k = '', v = ''] = pair.split('=').map((x) => decode(x.replace(/\+/g, ' ')));
    const digits = fromThaiDigits(v.trim());
    if (!/^\d+$/.test(digits)) yearsInName(v, out);
    else if (/year|ปี|^fy$/i.test(k) || Number(digits) >= 2550) {
      const y = digits.length === 4 ? asFiscalYear(Number(digits)) : undefined;
      if (y !== undefined) out.add(y);
    }
  }
}

/** Item titles that name a yearly document: their evidence should say its year. */
const YEARLY = /ประจำปี|แผน|รายงาน|สรุปผล|สถิติ/;

/**
 * A hint (not a verdict) when the page or file names never mention the fiscal
 * year the evidence must cover: the link, the final address, the page title or
 * file name. Items that are not yearly documents get a hint only when another
 * year is named instead.
 */
export function yearHint(state: LinkState, title: string, year: number): string | undefined {
  // Only of a page or file that was there: a missing or failing one is flagged already.
  if (!state.url || state.code === undefined || state.code < 200 || state.code >= 300) return undefined;
  const seen = new Set<number>();
  yearsInAddress(state.url, seen);
  yearsInAddress(state.finalUrl, seen);
  yearsInName(state.name, seen);
  if (seen.has(year)) return undefined;
  const others = [...seen].sort();
  if (others.length) return `ชื่อหน้าหรือไฟล์ระบุปี ${others.join(', ')} ไม่ใช่ปี ${year} ที่หลักฐานต้องครอบคลุม (ข้อสังเกต ควรตรวจเอง)`;
  return YEARLY.test(title) ? `ชื่อหน้าหรือไฟล์ไม่ได้ระบุปี ${year} (ข้อสังเกต ควรตรวจเอง)` : undefined;
}

/** The <title> of an HTML page, short, entities of the common kinds decoded. */
export function htmlTitle(html: string): string | undefined {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 200_000));
  if (!m) return undefined;
  return m[1]!
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** The file name a Content-Disposition header gives (RFC 6266: filename*=UTF-8''… before filename=). */
export function dispositionName(header: string): string | undefined {
  const star = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      return star[1]!.trim();
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1]!).trim() : undefined;
}

/** Items (by index) sharing one link with an item of another code; a link is compared without its #fragment and trailing slash. */
export function reusedLinks(items: readonly { code: string; item: string; url: string }[]): Map<number, string[]> {
  const key = (u: string) => u.trim().replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
  const by = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (!it.url.trim()) return;
    by.set(key(it.url), [...(by.get(key(it.url)) ?? []), i]);
  });
  const out = new Map<number, string[]>();
  for (const list of by.values()) {
    for (const i of list) {
      const others = list.filter((j) => j !== i && (items[j]!.code !== items[i]!.code || items[j]!.item !== items[i]!.item)).map((j) => items[j]!.code || items[j]!.item);
      if (others.length) out.set(i, [...new Set(others)]);
    }
  }
  return out;
}

/** Whether a batch may start now: it could end within the budget. */
export function canStart(elapsedMs: number, worstMs: number = FETCH_DEADLINE_MS): boolean {
  return elapsedMs + worstMs <= FETCH_BUDGET_MS;
}

/** The text the check writes in ตรวจลิงก์เมื่อ: local time "yyyy-MM-dd HH:mm:ss" (src/gas/time.ts nowLocalText). */
const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * When a ตรวจลิงก์เมื่อ cell says the item was checked, as the check's own
 * local-time text (comparable as text), or undefined when the cell holds
 * anything else (blank, "รอตรวจ", a note): such an item is not checked. A Date
 * (the cell was typed as a date-time or formatted so) is read through `textOf`,
 * its local text in the spreadsheet's zone.
 */
export function checkedStamp(cell: unknown, textOf: (d: Date) => string): string | undefined {
  if (isDate(cell)) return Number.isNaN(cell.getTime()) ? undefined : textOf(cell);
  const s = typeof cell === 'string' ? cell.trim() : '';
  return STAMP.test(s) ? s : undefined;
}

/**
 * A short fingerprint of an item as it was checked (code, title, link): a
 * round keeps those of the items it checked, so an item whose link a person
 * changed since is checked again. FNV-1a, 32 bits, base 36 (at most 7 characters).
 */
export function checkedKey(code: string, item: string, url: string): string {
  let h = 0x811c9dc5;
  const s = `${code}\u0000${item}\u0000${url}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Thai words naming the items whose check cells hold a person's formula (the sidebar and the menu say it). */
export function formulaNote(items: readonly string[]): string {
  const named = items.length > 10 ? `${items.slice(0, 10).join(', ')} และอีก ${items.length - 10} ข้อ` : items.join(', ');
  return `ช่องผลตรวจลิงก์ของข้อ ${named} เป็นสูตรที่มีคนใส่ไว้ ส่วนเสริมไม่เขียนทับ จึงบันทึกผลตรวจของข้อนั้นได้ไม่ครบ (ลบสูตรออกหากต้องการให้บันทึก)`;
}
