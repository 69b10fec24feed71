// Batch reports for many units: what a run is, which row goes next, how long a
// run takes under Google's quotas, and what a failure means. Pure: the adapter
// (src/gas/batch.ts) reads the sheet, takes the lock, makes the documents.
//
// Google's numbers (developers.google.com/apps-script/guides/services/quotas,
// "Current quotas" / "Current limitations"): Documents created 250 / day for
// consumer accounts (gmail.com), 1,500 / day for Google Workspace; triggers'
// total runtime 90 min / day and 6 h / day; script runtime 6 min / execution;
// "Quotas are per user and reset 24 hours after the first request". An add-on's
// time-driven trigger runs "at most once per hour"
// (developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers).

import { REPORT_STATUS, unitKey, type UnitRow } from './units';

export type Account = 'consumer' | 'workspace';

export const QUOTA = {
  consumer: { docsPerDay: 250, triggerMsPerDay: 90 * 60_000 },
  workspace: { docsPerDay: 1_500, triggerMsPerDay: 6 * 3_600_000 },
} as const;

/** One execution's limit (quotas page: script runtime 6 min / execution). */
export const EXECUTION_MS = 6 * 60_000;
/** Stop taking new units past this much of an execution: the rest is margin for the last one and the sheet. */
export const SLICE_MS = 4.5 * 60_000;
/** A unit marked กำลังทำ longer than an execution can last was left by one that was stopped. */
export const STALE_CLAIM_MS = EXECUTION_MS + 60_000;
/** Hours between the continuing trigger's runs (the add-on minimum). */
export const TRIGGER_HOURS = 1;

/** The account kind from the address the run is made under: consumer unless a domain of its own. */
export function accountOf(email: string): Account {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  return domain === '' || domain === 'gmail.com' || domain === 'googlemail.com' ? 'consumer' : 'workspace';
}

/** What a run is: saved in the document's properties while it lasts. */
export interface BatchRun {
  readonly id: string;
  readonly year: number;
  /** "" = every district. */
  readonly district: string;
  readonly startedAt: number;
  readonly startedBy: string;
  readonly account: Account;
  /** District → folder id, made when the run starts. */
  readonly folders: Readonly<Record<string, string>>;
  readonly rootFolderId: string;
  readonly rootFolderUrl: string;
  readonly templateId: string;
  readonly digits: 'thai' | 'arabic';
  /** Documents made, by the day (yyyy-mm-dd in the spreadsheet's zone) they were made. */
  readonly made: Readonly<Record<string, number>>;
  /** When a quota stopped the run last (ms), until a later report goes through. */
  readonly quotaAt?: number;
  readonly executions: number;
  /** Executions begun by the trigger (resumptions without the dialog). */
  readonly resumptions: number;
  readonly cancelled?: boolean;
  readonly finishedAt?: number;
}

/** Whether a row belongs to the run: its year and, when one is chosen, its district. */
export function inRun(row: Pick<UnitRow, 'year' | 'district'>, run: Pick<BatchRun, 'year' | 'district'>): boolean {
  return row.year === run.year && (run.district === '' || row.district === run.district);
}

/** What a row of the run still needs. */
export type RowState = 'todo' | 'working' | 'stale' | 'done' | 'failed';

export function rowState(status: string, at: number | undefined, now: number): RowState {
  if (status === REPORT_STATUS.done) return 'done';
  if (status === REPORT_STATUS.failed) return 'failed';
  if (status === REPORT_STATUS.working) return at !== undefined && now - at < STALE_CLAIM_MS ? 'working' : 'stale';
  return 'todo';
}

/** Counts of the run's rows by state, for the plan and the progress. */
export interface Progress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly working: number;
  readonly todo: number;
}

export function progressOf(states: readonly RowState[]): Progress {
  const n = (s: RowState) => states.filter((x) => x === s).length;
  return { total: states.length, done: n('done'), failed: n('failed'), working: n('working'), todo: n('todo') + n('stale') };
}

/** Cost model for planning (and the bench): Document service calls per report and time per call. */
export interface Costs {
  /** Document service calls for one unit's report. */
  readonly docCalls: number;
  /** Milliseconds one Document service call is taken to cost. */
  readonly msPerCall: number;
  /** Fixed time per report besides (Drive copy, opening, the sheet's writes). */
  readonly fixedMs: number;
}

export const DEFAULT_COSTS: Costs = { docCalls: 1_000, msPerCall: 20, fixedMs: 6_000 };

export interface Plan {
  readonly todo: number;
  readonly perExecution: number;
  readonly executions: number;
  readonly docsPerDay: number;
  /** Days at the account's quotas (documents and the trigger's runtime). */
  readonly days: number;
  /** Reports a day by the hourly trigger alone. */
  readonly byTrigger: number;
  readonly th: string;
  readonly en: string;
}

/** How a run of `todo` reports goes at the account's quotas. */
export function planRun(todo: number, account: Account, costs: Costs = DEFAULT_COSTS): Plan {
  const perReport = costs.docCalls * costs.msPerCall + costs.fixedMs;
  const perExecution = Math.max(1, Math.floor(SLICE_MS / perReport));
  const executions = Math.ceil(todo / perExecution);
  const q = QUOTA[account];
  // With the dialog open, executions follow one another and only the documents' quota binds.
  const days = todo === 0 ? 0 : Math.ceil(todo / q.docsPerDay);
  // The trigger alone: its runs a day are bound by its daily runtime (one slice each) and by one an hour.
  const slicesPerDay = Math.min(24 / TRIGGER_HOURS, Math.floor(q.triggerMsPerDay / EXECUTION_MS));
  const byTrigger = Math.min(q.docsPerDay, slicesPerDay * perExecution);
  const who = account === 'consumer' ? 'บัญชี Google ทั่วไป' : 'บัญชี Google Workspace';
  const whoEn = account === 'consumer' ? 'a consumer Google account' : 'a Google Workspace account';
  const th =
    todo === 0
      ? 'ไม่มีรายงานที่ต้องสร้าง'
      : `${todo} หน่วยงาน: ${days <= 1 ? 'เสร็จภายในวันเดียว' : `ประมาณ ${days} วัน`}ตามโควตาของ${who} (สร้างเอกสารได้ ${q.docsPerDay.toLocaleString('en-US')} ฉบับต่อวัน ครั้งละประมาณ ${perExecution} ฉบับ) หากปิดหน้าต่างนี้ ระบบทำต่อเองได้ประมาณ ${byTrigger} ฉบับต่อวัน`;
  const en =
    todo === 0
      ? 'No report to make'
      : `${todo} units: ${days <= 1 ? 'within a day' : `about ${days} days`} at the quotas of ${whoEn} (${q.docsPerDay} documents a day, about ${perExecution} per execution); with the dialog closed, the hourly trigger makes about ${byTrigger} a day`;
  return { todo, perExecution, executions, docsPerDay: q.docsPerDay, days, byTrigger, th, en };
}

/** Why a report failed: Google's daily limits stop the run; anything else is the unit's alone. */
export type FailureKind = 'quota' | 'storage' | 'unit';

/**
 * Google's words for a spent quota: Apps Script's "Service invoked too many
 * times for one day: …" (quotas page: "Reaching a quota or limitation will
 * result in an exception message indicating the specific limit exceeded or
 * service invoked too many times"), the Drive API's 403 "User rate limit
 * exceeded" / "Rate Limit Exceeded" and 429 (workspace/drive/api/guides/handle-errors),
 * and a full Drive ("The user's Drive storage quota has been exceeded", 403 storageQuotaExceeded).
 */
export function failureKind(message: string): FailureKind {
  if (/storage ?quota|storageQuotaExceeded|พื้นที่.*เต็ม/i.test(message)) return 'storage';
  if (/too many times|rate ?limit|quota|\b429\b|userRateLimitExceeded|dailyLimitExceeded/i.test(message)) return 'quota';
  return 'unit';
}

/** Why a row cannot have a report, in Thai (undefined when it can). */
export function cannotReport(row: UnitRow): string | undefined {
  if (row.problems.length) return row.problems.join('; ');
  if (!row.indicators) return 'มีเฉพาะคะแนนรายเครื่องมือ (IIT, EIT, OIT) รายงานการวิเคราะห์ต้องใช้คะแนนตัวชี้วัดทั้ง 10 ตัว';
  return undefined;
}

/** The unit's scored years from every row of the same unit: year → ten indicators (a year's first readable row). */
export function historyOf(rows: readonly UnitRow[], unit: UnitRow): Map<number, readonly number[]> {
  const key = unitKey(unit);
  const out = new Map<number, readonly number[]>();
  for (const r of rows) if (r.year !== undefined && r.indicators && !r.problems.length && unitKey(r) === key && !out.has(r.year)) out.set(r.year, r.indicators);
  // The row itself wins for its own year (two rows of one unit and year: the one being reported).
  if (unit.year !== undefined && unit.indicators) out.set(unit.year, unit.indicators);
  return out;
}

/** A new row id: the run's clock and a counter, short and unique in the sheet. */
export function newRowId(now: number, n: number, taken: ReadonlySet<string>): string {
  for (let k = n; ; k++) {
    const id = `U${now.toString(36).toUpperCase()}${k.toString(36).toUpperCase()}`;
    if (!taken.has(id)) return id;
  }
}

/** The day (yyyy-mm-dd) a moment falls on, from its calendar fields in the spreadsheet's zone. */
export const dayKey = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
