// The fault sweep over the add-on's own sheets (issue 9): each service call of
// a measure save (new, and an edit that writes two ranges and Rich Text), a
// delete, a recovery and an OIT status change is made to throw, once, in
// turn. After each: nothing is half-written — the sheets hold either all of
// the change or none of it, never an id twice — and the answer says which:
// "ok" only when all of it is there, a refusal saying nothing was saved only
// when none of it is.
import { describe, expect, it } from 'vitest';
import type { ListAnswer, OitAnswer, OitSaved, Saved } from '../../src/core/api';
import { measureColumns, type Measure, type MeasureInput } from '../../src/core/measures/model';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet } from '../harness/spreadsheet';

const SHEETS = ['มาตรการ', 'มาตรการที่ลบ', 'OIT 2569'];
const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;

function input(over: Partial<MeasureInput> = {}): MeasureInput {
  return {
    fiscalYear: 2569, indicators: [9], issue: 'ประเด็นเดิม', measure: 'มาตรการเดิม', method: 'วิธีเดิม', responsible: 'สำนักปลัด', startDate: '2025-10-01', endDate: '',
    followUp: '', status: 'ยังไม่ได้ดำเนินการ', result: '', outcome: 'ผลลัพธ์เดิม', suggestion: '', problems: '', evidenceUrl: '', ...over,
  };
}
const FORM = ['fiscalYear', 'indicators', 'issue', 'measure', 'method', 'responsible', 'startDate', 'endDate', 'followUp', 'status', 'result', 'outcome', 'suggestion', 'problems', 'evidenceUrl'] as const;
const formOf = (m: Measure, over: Partial<MeasureInput> = {}): MeasureInput => ({ ...(Object.fromEntries(FORM.map((f) => [f, m[f]])) as unknown as MeasureInput), ...over });

/** A small workbook with two measures, one deleted measure and the OIT checklist of 2569; saved to put back before each run. */
function workbook(): { h: Harness; put: () => void } {
  const ss = new FakeSpreadsheet();
  ss.newSheetSize = { rows: 12, cols: 22 };
  const h = loadBundle({ spreadsheet: ss, email: 'staff@huaytoei.go.th' });
  h.call('setupWorkbook');
  const settings = ss.getSheetByName('ตั้งค่า ITA')!;
  settings.getRange(settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1, 2).setValue(2569);
  for (const measure of ['มาตรการเดิม', 'มาตรการที่จะลบ']) {
    const r = api<Saved>(h, 'save', { input: input({ measure }) });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  const gone = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.find((v) => v.measure.measure === 'มาตรการที่จะลบ')!.measure;
  expect(api<{ ok: boolean }>(h, 'remove', { base: gone }).ok).toBe(true);
  h.call('setupOitChecklist');
  const state = ss.save();
  const props = new Map(h.properties.document.map);
  return {
    h,
    put: () => {
      ss.restore(state);
      h.properties.document.map.clear();
      for (const [k, v] of props) h.properties.document.map.set(k, v);
      h.log.length = 0;
    },
  };
}

type Raw = Map<string, Map<string, { value: unknown; formula: string }>>;
const read = (h: Harness): Raw => new Map(SHEETS.map((n) => [n, h.spreadsheet.getSheetByName(n)!.rawCells()]));
function same(a: Raw, b: Raw): boolean {
  for (const n of SHEETS) {
    const [x, y] = [a.get(n)!, b.get(n)!];
    if (x.size !== y.size) return false;
    for (const [k, c] of x) if (y.get(k)?.value !== c.value || y.get(k)?.formula !== c.formula) return false;
  }
  return true;
}

interface Answer {
  readonly ok: boolean;
  readonly kind?: string;
  readonly message?: { th: string; en: string };
}

/**
 * Runs `act` with the `at`-th service call failing; answers what it answered
 * and the sheets before and after. A run with no fault gives the full change.
 */
function run(h: Harness, act: () => Answer, at: number): { answer: Answer | Error; before: Raw; after: Raw; calls: number; hit: string } {
  const before = read(h);
  h.log.fault = { at, seen: 0 };
  let answer: Answer | Error;
  try {
    answer = act();
  } catch (e) {
    answer = e as Error;
  }
  const fault = h.log.fault;
  h.log.fault = undefined;
  return { answer, before, after: read(h), calls: fault.seen, hit: fault.hit ? `${fault.hit.service}.${fault.hit.method}` : 'no fault' };
}

interface Sweep {
  readonly name: string;
  /** What the sidebar loaded before (no fault there). */
  readonly load?: (h: Harness) => unknown;
  /** The action, on the workbook as put back, from what was loaded. */
  readonly act: (h: Harness, loaded: unknown) => Answer;
}

/**
 * Sweeps a fault over every call of an action: after each, the sheets are as
 * before (and the answer says nothing was done) or as after a run with no
 * fault (and the answer is ok). Answers how many faults were injected.
 */
function sweep({ load, act }: Sweep): number {
  const { h, put } = workbook();
  put();
  let loaded = load?.(h);
  const clean = run(h, () => act(h, loaded), Number.POSITIVE_INFINITY);
  expect(clean.answer, 'the action with no fault').toMatchObject({ ok: true });
  const done = clean.after;
  let injected = 0;
  for (let at = 1; at <= clean.calls; at++) {
    put();
    loaded = load?.(h);
    h.log.length = 0;
    const r = run(h, () => act(h, loaded), at);
    injected += 1;
    const where = `fault at call ${at} (${r.hit})`;
    expect(r.answer, `${where}: threw instead of answering`).not.toBeInstanceOf(Error);
    const answer = r.answer as Answer;
    if (answer.ok) {
      expect(same(r.after, done) || sameButStamps(r.after, done), `${where}: answered ok but the change is not all there`).toBe(true);
    } else {
      expect(same(r.after, r.before), `${where}: answered "${answer.message?.th}" but changed the sheets`).toBe(true);
      expect(answer.message?.th, where).toMatch(/ไม่ได้บันทึก|ไม่ได้ลบ|ยังเหมือนเดิม|กรุณารอ/);
      expect(answer.message?.en.length, where).toBeGreaterThan(0);
    }
    // Told it was not done, the person tries again: it works. Either way no id is on two rows.
    if (!answer.ok) expect(act(h, load?.(h)).ok, `${where}: retry`).toBe(true);
    const sheet = h.spreadsheet.getSheetByName('มาตรการ')!;
    const ids = sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).getValues().map((v) => String(v[0])).filter(Boolean);
    expect(new Set(ids).size, `${where}: an id twice`).toBe(ids.length);
  }
  return injected;
}

/**
 * The same change but for what differs run to run: the time stamped (a
 * second may pass), the ids made, the signed-in user withheld (Session
 * failing answers ""), today in the checklist. Compared by the cells' places.
 */
function sameButStamps(a: Raw, b: Raw): boolean {
  for (const n of SHEETS) {
    const [x, y] = [a.get(n)!, b.get(n)!];
    const keys = new Set([...x.keys(), ...y.keys()]);
    for (const k of keys) {
      const [p, q] = [x.get(k), y.get(k)];
      if (p?.value === q?.value && p?.formula === q?.formula) continue;
      const loose = (v: unknown) => v === undefined || (typeof v === 'string' && (/^[0-9a-f-]{36}$/.test(v) || /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v) || /@|^ตรวจโดย/.test(v) || v === ''));
      if (p?.formula || q?.formula || !(loose(p?.value) && loose(q?.value))) return false;
    }
  }
  return true;
}

const listed = (h: Harness, title: string): Measure => api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.find((v) => v.measure.measure === title)!.measure;
const HEADERS = measureColumns().map((c) => c.header);

const SWEEPS: Sweep[] = [
  { name: 'a new measure', act: (h) => api<Saved>(h, 'save', { input: input({ measure: 'มาตรการใหม่', issue: '=1+1', result: "'001" }) }) },
  {
    name: 'an edit that writes two ranges, one of them as Rich Text',
    load: (h) => listed(h, 'มาตรการเดิม'),
    act: (h, base) => api<Saved>(h, 'save', { input: formOf(base as Measure, { issue: '=ประเด็นใหม่', result: '+66 81 234 5678', status: 'กำลังดำเนินการ' }), base }),
  },
  { name: 'a delete', load: (h) => listed(h, 'มาตรการเดิม'), act: (h, base) => api<Answer>(h, 'remove', { base }) },
  { name: 'a recovery', load: (h) => api<{ measure: Measure }[]>(h, 'deleted')[0]!.measure.id, act: (h, id) => api<Saved>(h, 'recover', { id }) },
  {
    name: 'an OIT status change',
    load: (h) => api<OitAnswer>(h, 'oitList', { fiscalYear: 2569 }).items[0]!,
    act: (h, item) =>
      api<OitSaved>(h, 'oitSetStatus', { fiscalYear: 2569, code: (item as { code: string }).code, status: 'ดำเนินการแล้ว', evidenceUrl: 'https://www.example.go.th/ita/o6', base: item }),
  },
];

describe('the fault sweep over the add-on’s sheets', () => {
  let total = 0;
  for (const s of SWEEPS) {
    it(`leaves all or nothing of ${s.name} and says which, when any one call fails`, () => {
      const n = sweep(s);
      total += n;
      expect(n).toBeGreaterThan(8);
    });
  }
  it('covers every call of each action', () => {
    expect(total).toBeGreaterThan(80);
    expect(HEADERS).toHaveLength(18);
  });
});
