// The fetch layer: UrlFetchApp for evidence links, in batches. GET only, no
// payload, no header of ours: nothing of the user's is sent anywhere.
//
// - fetchAll(requests) "Makes multiple requests to fetch multiple URLs using
//   optional advanced parameters" and answers "An array of HTTP response data
//   from each input request" (reference/url-fetch/url-fetch-app#fetchAll(Object)).
// - followRedirects false: "the fetch doesn't automatically follow HTTP
//   redirects; it returns the original HTTP response" — with its Location
//   header, so each hop's address is known; muteHttpExceptions true: a 4xx/5xx
//   "doesn't throw an exception … and instead returns the HTTPResponse"
//   (url-fetch-app#fetch(String,Object), advanced parameters).
// - A failure below HTTP (DNS, refused, timeout) still throws, and what it does
//   to the rest of a fetchAll batch is not documented (assumption
//   fetchAllFailure): a batch that throws is fetched again one by one.
// - No per-fetch timeout can be set (none among the advanced parameters): the
//   budget takes each batch to last up to FETCH_DEADLINE_MS (assumption fetchDeadline).
// - getHeaders() "Returns an attribute/value map of headers for the HTTP
//   response" (url-fetch/http-response#getHeaders()); the case of its keys is
//   not stated, so they are read in any case.
// - Quota: "URL Fetch calls 20,000 / day" (consumer) and 100,000 (Workspace)
//   (developers.google.com/apps-script/quotas); whether fetchAll counts once or
//   per request is not stated: a check of 200 links may spend about 200.
import { dispositionName, htmlTitle, type HopAnswer } from '../core/linkcheck';

type Response = GoogleAppsScript.URL_Fetch.HTTPResponse;

const PARAMS = { method: 'get', followRedirects: false, muteHttpExceptions: true, validateHttpsCertificates: true } as const;

/** A header of a response, whatever the case of its name. */
function header(headers: Record<string, unknown>, name: string): string {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : headers[key];
  return Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v);
}

function answerOf(r: Response): HopAnswer {
  const headers = (r.getHeaders() ?? {}) as Record<string, unknown>;
  const contentType = header(headers, 'content-type');
  const status = r.getResponseCode();
  const location = header(headers, 'location');
  let name = dispositionName(header(headers, 'content-disposition'));
  // A page's title names it; only HTML is read as text (a PDF is not decoded).
  if (!name && status >= 200 && status < 300 && /html/i.test(contentType)) name = htmlTitle(r.getContentText());
  return { status, contentType, ...(location ? { location } : {}), ...(name ? { name } : {}) };
}

const messageOf = (e: unknown): string => (typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e));

/** What a fetch of each address answered; undefined where `mayStart()` said no time was left to start it. */
export interface FetchRun {
  /** UrlFetchApp calls made. */
  calls: number;
}

/**
 * Fetches addresses in batches of `size`: one fetchAll per batch; a batch
 * that throws is fetched one by one, each failure its own answer. Before each
 * call `mayStart()` is asked; answers are handed to `done` batch by batch, so a
 * run cut off by the execution limit keeps what it had.
 */
export function fetchEach(urls: readonly string[], size: number, mayStart: () => boolean, done: (answers: ReadonlyMap<string, HopAnswer>) => void, run: FetchRun): boolean {
  for (let i = 0; i < urls.length; i += size) {
    if (!mayStart()) return false;
    const batch = urls.slice(i, i + size);
    const answers = new Map<string, HopAnswer>();
    try {
      run.calls += 1;
      const responses = UrlFetchApp.fetchAll(batch.map((url) => ({ url, ...PARAMS })));
      batch.forEach((url, k) => answers.set(url, answerOf(responses[k]!)));
    } catch {
      for (const url of batch) {
        if (!mayStart()) {
          done(answers);
          return false;
        }
        try {
          run.calls += 1;
          answers.set(url, answerOf(UrlFetchApp.fetch(url, PARAMS)));
        } catch (e) {
          answers.set(url, { error: messageOf(e) });
        }
      }
    }
    done(answers);
  }
  return true;
}
