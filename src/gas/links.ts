// The evidence link check of an OIT checklist: fetch every evidence link
// (src/gas/fetch.ts), record per item the HTTP status, final address, content
// type, when it was checked and what looks wrong, in the check's own columns.
// It never touches an item's status, link or anything a person typed.
//
// Each execution may run 6 minutes; a round of checks is kept in the
// document's properties, so the next run (the sidebar calls again at once,
// the menu when chosen again) checks only the items this round has not.
import type { OitLinkCheck, OitLinkFinding } from '../core/api';
import { isItaError } from '../core/errors';
import { evidenceYear, oitListFor } from '../core/data/oit';
import { advance, BATCH_SIZE, canStart, checkedKey, checkedStamp, formulaNote, reusedLinks, startLink, yearHint, type HopAnswer, type LinkState } from '../core/linkcheck';
import { OIT_EVIDENCE_YEAR, OIT_EXTRA_HEADERS, OIT_LINK_HEADERS } from '../core/workbook';
import { fromThaiDigits } from '../core/thai';
import { fetchEach, type FetchRun } from './fetch';
import { oitSpec } from './oit';
import { BUSY, settingsYear, withDocumentLock } from './sheets';
import { addColumns, grid, isWriteFailure, missingColumns, openTable, renamedColumns, writeCells, type CellWrite, type Table } from './table';
import { localTextOf, nowLocalText, zoneFrom } from './time';

export type LinkCheckAnswer = OitLinkCheck;
type LinkFinding = OitLinkFinding;

/** A round older than this starts again from the first item. */
const ROUND_MS = 6 * 3_600_000;

interface Round {
  /** When it started, as the local text written in ตรวจลิงก์เมื่อ (compared as text). */
  readonly started: string;
  readonly at: number;
  /**
   * The items this round checked, as checkedKey(code, title, link): an item
   * whose link changed since it was checked is checked again; an item whose
   * ตรวจลิงก์เมื่อ holds a person's formula (no time can be written there) is
   * checked once a round.
   */
  readonly keys: Set<string>;
}

const roundKey = (year: number) => `ita.oit.links.${year}`;
/** Keys go into properties of this many characters: "Properties value size 9kB / val" (developers.google.com/apps-script/quotas). */
const CHUNK = 8_000;

type Props = GoogleAppsScript.Properties.Properties;

/** The round under way of a year, or null; a round saved before keys were kept has none. */
function readRound(props: Props, year: number): Round | null {
  const saved = JSON.parse(props.getProperty(roundKey(year)) ?? 'null') as { started: string; at: number; chunks?: number } | null;
  if (!saved) return null;
  let keys = '';
  for (let i = 0; i < (saved.chunks ?? 0); i++) keys += props.getProperty(`${roundKey(year)}.${i}`) ?? '';
  return { started: saved.started, at: saved.at, keys: new Set(keys.split(' ').filter(Boolean)) };
}

function saveRound(props: Props, year: number, round: Round): void {
  const all = [...round.keys].join(' ');
  const chunks: string[] = [];
  for (let i = 0; i < all.length; i += CHUNK) chunks.push(all.slice(i, i + CHUNK));
  chunks.forEach((c, i) => props.setProperty(`${roundKey(year)}.${i}`, c));
  props.setProperty(roundKey(year), JSON.stringify({ started: round.started, at: round.at, chunks: chunks.length }));
}

function dropRound(props: Props, year: number): void {
  const saved = JSON.parse(props.getProperty(roundKey(year)) ?? 'null') as { chunks?: number } | null;
  for (let i = 0; i < (saved?.chunks ?? 0); i++) props.deleteProperty(`${roundKey(year)}.${i}`);
  props.deleteProperty(roundKey(year));
}

interface LinkItem {
  readonly row: number;
  readonly code: string;
  readonly item: string;
  readonly url: string;
  /** ตรวจลิงก์เมื่อ read as the check's local time text; undefined when it holds anything else. */
  readonly checkedAt: string | undefined;
  /** ตรวจลิงก์เมื่อ holds a person's formula: the check cannot write when it checked. */
  readonly stampFormula: boolean;
  /** Some cell of the check's columns holds a person's formula (left as it is: the result is not recorded whole). */
  readonly formula: boolean;
  readonly evidenceYear: number;
}

const text = (t: Table, r: readonly unknown[], h: string): string => {
  const i = t.index.get(h);
  return i === undefined ? '' : String(r[i] ?? '').trim();
};

function linkItems(t: Table, year: number): LinkItem[] {
  const known = oitListFor(year);
  const data = new Map((known?.list.subIndicators ?? []).flatMap((s) => s.items.map((it) => [it[0], it] as const)));
  const { formulas } = grid(t);
  return t.values
    .map((r, i) => ({ r, row: i + 1 }))
    .slice(t.header + 1)
    .filter(({ r }) => text(t, r, 'รหัส') || text(t, r, 'รายการ'))
    .map(({ r, row }) => {
      const code = text(t, r, 'รหัส');
      const typed = Number(fromThaiDigits(text(t, r, OIT_EVIDENCE_YEAR)));
      const fromData = data.get(code);
      const ev = Number.isInteger(typed) && typed >= 2500 && typed <= 2700 ? typed : fromData ? evidenceYear(fromData, year).year : year;
      const stamp = t.index.get('ตรวจลิงก์เมื่อ');
      const formulaAt = (h: string) => {
        const c = t.index.get(h);
        return c !== undefined && (formulas[row - 1]?.[c] ?? '') !== '';
      };
      return {
        row,
        code,
        item: text(t, r, 'รายการ'),
        url: text(t, r, 'ลิงก์หลักฐาน'),
        checkedAt: stamp === undefined ? undefined : checkedStamp(r[stamp], localTextOf),
        stampFormula: formulaAt('ตรวจลิงก์เมื่อ'),
        formula: OIT_LINK_HEADERS.some(formulaAt),
        evidenceYear: ev,
      };
    });
}

/**
 * Whether an item was checked in this round, with the link it has now: the
 * round kept its key, and its ตรวจลิงก์เมื่อ reads a time since the round
 * began (a person who typed over it, "รอตรวจ", asks for it again) — or holds a
 * person's formula, where no time could be written.
 */
const checkedIn = (round: Round) => (i: LinkItem) => round.keys.has(checkedKey(i.code, i.item, i.url)) && (i.stampFormula || (i.checkedAt !== undefined && i.checkedAt >= round.started));

const keyOf = (i: { code: string; item: string; url: string }) => `${i.code}\u0000${i.item}\u0000${i.url}`;

/** The check's flags of an item, from its link's state and the sheet's other links. */
function flagsOf(state: LinkState, it: LinkItem, reused: string[] | undefined): string[] {
  const flags = [...state.problems];
  if (reused?.length) flags.push(`ใช้ลิงก์เดียวกับข้อ ${reused.join(', ')}`);
  const hint = yearHint(state, it.item, it.evidenceYear);
  if (hint) flags.push(hint);
  return flags;
}

/**
 * Writes the results of the items whose link is done, under the lock, to the
 * rows that still hold them, and adds them to the round's keys.
 */
function writeDone(year: number, round: Round, states: ReadonlyMap<string, LinkState>, keys: ReadonlySet<string>): number {
  return withDocumentLock(() => {
    const t = openTable(oitSpec(year));
    if (!t || missingColumns(t, [...OIT_LINK_HEADERS]).length) return 0;
    const items = linkItems(t, year);
    const reused = reusedLinks(items);
    const at = nowLocalText();
    const cells: CellWrite[] = [];
    let n = 0;
    items.forEach((it, k) => {
      if (!keys.has(keyOf(it))) return;
      const state = states.get(it.url);
      if (!state?.done) return;
      n += 1;
      const values: Record<(typeof OIT_LINK_HEADERS)[number], string> = {
        ผลตรวจลิงก์: state.status || (it.url ? '' : 'ไม่มีลิงก์'),
        ที่อยู่ปลายทาง: state.finalUrl,
        ชนิดเนื้อหา: state.contentType,
        ตรวจลิงก์เมื่อ: at,
        ข้อสังเกตลิงก์: flagsOf(state, it, reused.get(k)).join(' · '),
      };
      for (const h of OIT_LINK_HEADERS) cells.push({ r: it.row - 1, c: t.index.get(h)!, v: values[h] });
    });
    // A cell of the check's columns that holds a person's formula is left as it is.
    writeCells(t, cells, () => true);
    if (n) {
      // Another execution (a second sidebar) may have added keys meanwhile: merge under the lock.
      const props = PropertiesService.getDocumentProperties();
      const now = readRound(props, year);
      const merged = now && now.started === round.started ? now.keys : round.keys;
      items.forEach((it) => {
        if (keys.has(keyOf(it)) && states.get(it.url)?.done) merged.add(checkedKey(it.code, it.item, it.url));
      });
      for (const k of merged) round.keys.add(k);
      saveRound(props, year, round);
    }
    return n;
  });
}

function findings(year: number): LinkFinding[] {
  const t = openTable(oitSpec(year));
  if (!t) return [];
  return t.values
    .map((r, i) => ({ r, row: i + 1 }))
    .slice(t.header + 1)
    .map(({ r, row }) => ({ row, code: text(t, r, 'รหัส'), item: text(t, r, 'รายการ'), flags: text(t, r, 'ข้อสังเกตลิงก์').split(' · ').filter(Boolean) }))
    .filter((f) => (f.code || f.item) && f.flags.length);
}

/**
 * One execution of the check of a year's checklist: continues the round under
 * way (or starts one), fetches within the time budget, writes after each batch.
 */
export function checkLinks(year: number): LinkCheckAnswer {
  const began = Date.now();
  const ss = SpreadsheetApp.getActive();
  zoneFrom(ss);
  let t = openTable(oitSpec(year), ss);
  if (!t) return { ok: false, message: { th: `ยังไม่มีแผ่นงาน "OIT ${year}" กรุณาสร้างรายการตรวจ OIT ของปีนี้ก่อน`, en: `No checklist sheet "OIT ${year}" yet` } };
  if (!t.index.has('ลิงก์หลักฐาน')) return { ok: false, message: { th: `แผ่นงาน "OIT ${year}" ไม่มีคอลัมน์ "ลิงก์หลักฐาน"`, en: `Sheet "OIT ${year}" has no "ลิงก์หลักฐาน" column` } };
  if (missingColumns(t, [...OIT_LINK_HEADERS]).length) {
    withDocumentLock(() => {
      const fresh = openTable(oitSpec(year), ss);
      if (fresh) addColumns(fresh, OIT_EXTRA_HEADERS);
    });
    t = openTable(oitSpec(year), ss)!;
    const lacking = missingColumns(t, [...OIT_LINK_HEADERS]);
    if (lacking.length) {
      const renamed = renamedColumns(t);
      const named = lacking.map((h) => (renamed.has(h) ? `"${h}" (ตอนนี้ชื่อ "${renamed.get(h)}")` : `"${h}"`)).join(', ');
      return {
        ok: false,
        message: { th: `แผ่นงาน "OIT ${year}" ไม่มีคอลัมน์ ${named} จึงยังไม่ได้ตรวจลิงก์ กรุณาเปลี่ยนชื่อหัวคอลัมน์กลับเป็นชื่อเดิม`, en: `Sheet "OIT ${year}" lacks the link check's columns ${lacking.join(', ')} (renamed?); nothing was checked` },
      };
    }
  }
  const props = PropertiesService.getDocumentProperties();
  const saved = readRound(props, year);
  const round: Round = saved && began - saved.at < ROUND_MS ? saved : { started: nowLocalText(), at: began, keys: new Set() };
  if (round !== saved) saveRound(props, year, round);

  const items = linkItems(t, year);
  const pending = items.filter((i) => !checkedIn(round)(i));
  const states = new Map<string, LinkState>();
  for (const i of pending) if (!states.has(i.url)) states.set(i.url, startLink(i.url));
  let written = 0;
  // Items that need no fetch (no link, plain http, elsewhere) first.
  written += writeDone(year, round, states, new Set(pending.filter((i) => states.get(i.url)!.done).map(keyOf)));
  const run: FetchRun = { calls: 0 };
  let finished = true;
  for (;;) {
    const open = [...states.values()].filter((s) => !s.done);
    if (!open.length) break;
    const byAddress = new Map<string, LinkState[]>();
    for (const s of open) byAddress.set(s.current, [...(byAddress.get(s.current) ?? []), s]);
    const complete = fetchEach(
      [...byAddress.keys()],
      BATCH_SIZE,
      () => canStart(Date.now() - began),
      (answers: ReadonlyMap<string, HopAnswer>) => {
        const now: string[] = [];
        for (const [address, answer] of answers) {
          for (const s of byAddress.get(address) ?? []) {
            advance(s, answer);
            if (s.done) now.push(s.url);
          }
        }
        const doneUrls = new Set(now);
        if (doneUrls.size) written += writeDone(year, round, states, new Set(pending.filter((i) => doneUrls.has(i.url)).map(keyOf)));
      },
      run,
    );
    if (!complete) {
      finished = false;
      break;
    }
  }
  const after = openTable(oitSpec(year), ss);
  const all = after ? linkItems(after, year) : items;
  const checked = all.filter(checkedIn(round)).length;
  const done = finished && checked >= all.length;
  if (done) dropRound(props, year);
  const formulaCells = all.filter((i) => i.formula).map((i) => i.code || i.item);
  return { ok: true, fiscalYear: year, done, checked, total: all.length, written, calls: run.calls, findings: findings(year), formulaCells };
}

/** The sidebar's call: one execution of the check of that year. */
export function oitCheckLinks(req: { fiscalYear?: number }): LinkCheckAnswer {
  try {
    return checkLinks(req.fiscalYear ?? settingsYear());
  } catch (e) {
    if (isItaError(e) && (e.th === BUSY.th || isWriteFailure(e))) return { ok: false, message: { th: e.th, en: e.en } };
    throw e;
  }
}

/** Menu: ตรวจลิงก์หลักฐาน OIT (the settings' year). */
export function checkOitLinksFromMenu(): void {
  const ss = SpreadsheetApp.getActive();
  const a = oitCheckLinks({});
  if (!a.ok) return ss.toast(a.message.th, 'ตรวจลิงก์หลักฐาน OIT', 10);
  const found = a.findings.length ? `พบข้อสังเกต ${a.findings.length} ข้อ ดูคอลัมน์ "ข้อสังเกตลิงก์"` : 'ไม่พบข้อสังเกต';
  const more = a.done ? '' : ' · ยังตรวจไม่ครบ เลือกเมนูนี้อีกครั้งเพื่อตรวจต่อจากที่ค้างไว้';
  const formulas = a.formulaCells.length ? ` · ${formulaNote(a.formulaCells)}` : '';
  ss.toast(`ตรวจแล้ว ${a.checked} จาก ${a.total} ข้อ · ${found}${more}${formulas}`, 'ตรวจลิงก์หลักฐาน OIT', 10);
}
