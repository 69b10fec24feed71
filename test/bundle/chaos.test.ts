// The chaos test (issue 9): random edits a person makes in the sheets — sort,
// insert and delete rows and columns, add columns of their own with values,
// formulas and array formulas, rename headers, clear cells, copy rows, type
// values the add-on cannot read — interleaved with the add-on's own actions
// (list, save a new measure, edit one, delete, recover, copy to the next year,
// follow and mark the OIT checklist, seed it again). After each action:
// - nothing a person typed changed, except the cells the action was asked to
//   change (a measure's changed fields and stamps, its new row, the recycle
//   sheet's new row, an OIT item's status, link, day and note, ids of rows
//   typed by hand or copied);
// - every formula still stands, and no array formula stopped expanding;
// - the action reached the row the sidebar meant — the one row that still
//   holds what the sidebar loaded — or was refused with a message (and then
//   nothing changed at all).
// Runs from the built bundle over the in-memory spreadsheet; the fake plays
// each edit as Sheets does (test/harness/spreadsheet.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeletedView, ListAnswer, OitAnswer, OitItemView, OitSaved, Saved } from '../../src/core/api';
import { measureColumns, type Measure, type MeasureInput } from '../../src/core/measures/model';
import { headerIndex, rowFingerprint } from '../../src/core/measures/table';
import { OIT_EXTRA_HEADERS, OIT_HEADERS } from '../../src/core/workbook';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet, wallClock, type FakeSheet } from '../harness/spreadsheet';

const MEASURES = 'มาตรการ';
const BIN = 'มาตรการที่ลบ';
const OIT = 'OIT 2569';
const HEADERS = measureColumns().map((c) => c.header);
const STAMPS = ['แก้ไขล่าสุด', 'แก้ไขโดย'];
/** The cells that say which row a form means: all but the stamps, which every save rewrites (a person's =NOW() there recalculates). */
const MEANT = HEADERS.filter((hd) => !STAMPS.includes(hd));
const FORM: readonly (keyof MeasureInput)[] = ['fiscalYear', 'indicators', 'issue', 'measure', 'method', 'responsible', 'startDate', 'endDate', 'followUp', 'status', 'result', 'outcome', 'suggestion', 'problems', 'evidenceUrl'];
const header = (f: keyof MeasureInput) => measureColumns().find((c) => c.field === f)!.header;

/** Sequences per vitest project: all at the first variants (utc), half at the last (bangkok), to keep each project well under a minute. */
const FIRST = (process.env.ITA_FAKE_VARIANT ?? '0') === '0';
const RUNS = FIRST ? 2000 : 1000;
const SEED = 915_2569;

// ---------------------------------------------------------------- values

const TEXTS = ['', 'ข้อความ', '=1+1', "'abc", '001', '50%', 'TRUE', '2566-10-01', 'ทดสอบ ๑๒๓', ' เว้นวรรค ', '+66 81', '@กอง'] as const;
const TITLES = ['มาตรการ ก', '=SUM(A1)', 'มาตรการ ข', "'001", 'มาตรการ ค'] as const;
const VALUES: Record<keyof MeasureInput, readonly unknown[]> = {
  fiscalYear: [2569, 2570],
  indicators: [[1], [9], [1, 9], [10], [2, 3, 4]],
  issue: TEXTS,
  measure: TITLES,
  method: TEXTS,
  responsible: TEXTS,
  startDate: ['', '2025-10-01', '2026-02-28'],
  endDate: ['', '2026-02-28', '2026-09-30'],
  followUp: TEXTS,
  status: ['ยังไม่ได้ดำเนินการ', 'กำลังดำเนินการ', 'ดำเนินการแล้ว'],
  result: TEXTS,
  outcome: TEXTS,
  suggestion: TEXTS,
  problems: TEXTS,
  evidenceUrl: ['', 'https://www.example.go.th/a', 'javascript:alert(1)'],
};
/** What a person types into a cell: the add-on cannot read some of it. */
const TYPED = ['ภายใน ธ.ค. 2568', 'รอดำเนินการ', '9 และ 10', 'ข้อความของฉัน', '12', 'ดำเนินการแล้ว', '2569', 'ผ่าน', '=ITA_THAI_DIGITS(3)'] as const;
/** Formulas a person puts in: one value, arrays down and right, and an array of "" that looks empty. */
const FORMULAS = ['=ITA_THAI_DIGITS(5)', '=SEQUENCE(3)', '=SEQUENCE(1, 3)', '=ARRAYFORMULA(IF(SEQUENCE(4), ""))', '=ITA_INDICATOR_NAME(9)'] as const;
const ARRAYS = new Set<string>(FORMULAS.slice(1, 4));

// ---------------------------------------------------------------- steps

type Step =
  | { kind: 'sort'; sheet: number; col: number; asc: boolean }
  | { kind: 'insertRows'; sheet: number; at: number; n: number }
  | { kind: 'deleteRows'; sheet: number; at: number; n: number }
  | { kind: 'addColumn'; sheet: number; at: number; rows: number[] }
  | { kind: 'deleteOwnColumn'; sheet: number; k: number }
  | { kind: 'formula'; sheet: number; row: number; col: number; f: number }
  | { kind: 'rename'; sheet: number; col: number }
  | { kind: 'renameBack'; sheet: number }
  | { kind: 'clear'; sheet: number; row: number; col: number; n: number }
  | { kind: 'copyRow'; sheet: number; from: number; to: number }
  | { kind: 'type'; sheet: number; row: number; col: number; text: number }
  | { kind: 'typeRow'; row: number }
  | { kind: 'list'; year: number }
  | { kind: 'saveNew'; form: number[] }
  | { kind: 'edit'; k: number; changes: [number, number][]; fresh: boolean; aim: boolean }
  | { kind: 'remove'; k: number; fresh: boolean }
  | { kind: 'recover'; k: number }
  | { kind: 'duplicate'; k: number }
  | { kind: 'oitList' }
  | { kind: 'oitMark'; k: number; done: boolean; url: number; fresh: boolean }
  | { kind: 'reseed'; k: number };

const nat = fc.nat({ max: 997 });
const sheetArb = fc.constantFrom(0, 1);
const userStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('sort' as const), sheet: sheetArb, col: nat, asc: fc.boolean() }),
  fc.record({ kind: fc.constant('insertRows' as const), sheet: sheetArb, at: nat, n: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('deleteRows' as const), sheet: sheetArb, at: nat, n: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('addColumn' as const), sheet: sheetArb, at: nat, rows: fc.array(nat, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('deleteOwnColumn' as const), sheet: sheetArb, k: nat }),
  fc.record({ kind: fc.constant('formula' as const), sheet: sheetArb, row: nat, col: nat, f: fc.nat({ max: FORMULAS.length - 1 }) }),
  fc.record({ kind: fc.constant('rename' as const), sheet: sheetArb, col: nat }),
  fc.record({ kind: fc.constant('renameBack' as const), sheet: sheetArb }),
  fc.record({ kind: fc.constant('clear' as const), sheet: sheetArb, row: nat, col: nat, n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('copyRow' as const), sheet: sheetArb, from: nat, to: nat }),
  fc.record({ kind: fc.constant('type' as const), sheet: sheetArb, row: nat, col: nat, text: fc.nat({ max: TYPED.length - 1 }) }),
  fc.record({ kind: fc.constant('typeRow' as const), row: nat }),
);
const formArb = fc.array(nat, { minLength: FORM.length, maxLength: FORM.length });
const addonStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('list' as const), year: fc.constantFrom(2569, 2570) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('saveNew' as const), form: formArb }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('edit' as const), k: nat, changes: fc.array(fc.tuple(fc.nat({ max: FORM.length - 1 }), nat), { minLength: 1, maxLength: 3 }), fresh: fc.boolean(), aim: fc.boolean() }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), k: nat, fresh: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('recover' as const), k: nat }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate' as const), k: nat }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'oitList' as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('oitMark' as const), k: nat, done: fc.boolean(), url: fc.nat({ max: 2 }), fresh: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('reseed' as const), k: nat }), weight: 1 },
);
const stepsArb = fc.array(fc.oneof({ arbitrary: userStep, weight: 1 }, { arbitrary: addonStep, weight: 1 }), { minLength: 1, maxLength: 14 });

// ---------------------------------------------------------------- the workbook

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;

/** A small workbook, set up, with three measures and the OIT checklist of 2569: made once, put back before each sequence. */
function start(): { h: Harness; state: ReturnType<FakeSpreadsheet['save']>; props: Map<string, string> } {
  const ss = new FakeSpreadsheet();
  ss.newSheetSize = { rows: 16, cols: 22 };
  const h = loadBundle({ spreadsheet: ss, email: 'staff@huaytoei.go.th' });
  h.call('setupWorkbook');
  const settings = ss.getSheetByName('ตั้งค่า ITA')!;
  settings.getRange(settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1, 2).setValue(2569);
  for (const [i, measure] of ['มาตรการเดิม ๑', 'มาตรการเดิม ๒', 'มาตรการเดิม ๓'].entries()) {
    const r = api<Saved>(h, 'save', { input: { ...form(FORM.map(() => i)), measure, startDate: '', endDate: '', evidenceUrl: '' } });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  h.call('setupOitChecklist');
  const oit = ss.getSheetByName(OIT);
  if (!oit) throw new Error('no OIT sheet');
  // Six items, as a person who removed the rest (set-up never brings them back), in a sheet of 16 rows: every action compares every cell.
  oit.deleteRows(8, oit.getMaxRows() - 16);
  return { h, state: ss.save(), props: new Map(h.properties.document.map) };
}

function form(picks: readonly number[]): MeasureInput {
  return Object.fromEntries(FORM.map((f, i) => [f, VALUES[f][picks[i]! % VALUES[f].length]])) as unknown as MeasureInput;
}

// ---------------------------------------------------------------- what the sheets hold

type Raw = Map<string, { value: unknown; formula: string }>;
interface Seen {
  readonly raw: Map<string, Raw>;
  /** Each formula's value by sheet and "row,col": an array that stopped expanding shows #REF!. */
  readonly results: Map<string, Map<string, unknown>>;
}
const SHEETS = [MEASURES, BIN, OIT];

function seen(ss: FakeSpreadsheet): Seen {
  const raw = new Map<string, Raw>();
  const results = new Map<string, Map<string, unknown>>();
  for (const name of SHEETS) {
    const sheet = ss.getSheetByName(name)!;
    const cells = sheet.rawCells() as Raw;
    raw.set(name, cells);
    const spills = sheet.spills();
    results.set(name, new Map([...cells].filter(([, c]) => c.formula).map(([k]) => [k, spills.get(k)])));
  }
  return { raw, results };
}

const rc = (key: string) => key.split(',').map(Number) as [number, number];
const same = (a: { value: unknown; formula: string } | undefined, b: { value: unknown; formula: string } | undefined) => a?.value === b?.value && a?.formula === b?.formula;

/** Keys of cells that differ between two reads of a sheet. */
function changed(a: Raw, b: Raw): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => !same(a.get(k), b.get(k)));
}

/** A sheet read as it is after `row` is deleted (the rows below move up). */
function withoutRow(raw: Raw, row: number): Raw {
  const out: Raw = new Map();
  for (const [k, c] of raw) {
    const [r, col] = rc(k);
    if (r !== row) out.set(`${r > row ? r - 1 : r},${col}`, c);
  }
  return out;
}

/** 1-based column of each header in a sheet's first row. */
function columns(sheet: FakeSheet): Map<string, number> {
  const index = headerIndex(sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]!);
  return new Map([...index].map(([h, i]) => [h, i + 1]));
}

/** A cell as a comparable key: a date by its moment. */
const norm = (v: unknown): unknown => (Object.prototype.toString.call(v) === '[object Date]' ? `date:${(v as Date).getTime()}` : v);

/** The add-on's cells of a row as read, keyed for comparison (a header gone reads as missing). */
function ownedKey(sheet: FakeSheet, row: number, headers: readonly string[]): string {
  const cols = columns(sheet);
  const values = sheet.getRange(row, 1, 1, sheet.getMaxColumns()).getValues()[0]!;
  return JSON.stringify(headers.map((h) => (cols.has(h) ? norm(values[cols.get(h)! - 1]) : '∅')));
}

/** The last row holding anything in the given columns (1-based), 1 when none. */
function lastUsed(raw: Raw, cols: ReadonlySet<number>): number {
  let last = 1;
  for (const [k, c] of raw) {
    const [r, col] = rc(k);
    if (r > 1 && cols.has(col) && (c.formula || (typeof c.value === 'string' ? c.value.trim() !== '' : c.value !== ''))) last = Math.max(last, r);
  }
  return last;
}

// ---------------------------------------------------------------- the sidebar's view

interface ListedMeasure {
  readonly measure: Measure;
  /** The rows it was read from (their cells, keyed): the row the sidebar means is the one that still holds this. */
  readonly keys: ReadonlySet<string>;
}
interface ListedItem {
  readonly item: OitItemView;
  readonly key: string;
}
interface World {
  h: Harness;
  ss: FakeSpreadsheet;
  measures: ListedMeasure[];
  items: ListedItem[];
  bin: DeletedView[];
}

/** Counts of each action's outcomes over the whole run, so that a run where every action is refused fails. */
const outcomes = new Map<string, { ok: number; refused: number }>();
const count = (kind: string, ok: boolean) => {
  const o = outcomes.get(kind) ?? { ok: 0, refused: 0 };
  if (ok) o.ok += 1;
  else o.refused += 1;
  outcomes.set(kind, o);
};

/** An OIT item as readItems shows it, from a row's cells (trimmed text, a date as its day in the spreadsheet's zone). */
function itemKey(ss: FakeSpreadsheet, sheet: FakeSheet, row: number): string {
  const cols = columns(sheet);
  const values = sheet.getRange(row, 1, 1, sheet.getMaxColumns()).getValues()[0]!;
  return JSON.stringify(
    OIT_HEADERS.map((h) => {
      const v = cols.has(h) ? values[cols.get(h)! - 1] : '';
      if (Object.prototype.toString.call(v) === '[object Date]') return new Date(wallClock((v as Date).getTime(), ss.getSpreadsheetTimeZone())).toISOString().slice(0, 10);
      return String(v ?? '').trim();
    }),
  );
}
const viewKey = (i: OitItemView) => JSON.stringify([i.code, i.item, i.sub, i.responsible, i.status, i.evidenceUrl, i.note, i.checkedAt]);

// ---------------------------------------------------------------- a person's edits

function userEdit(w: World, s: Extract<Step, { sheet?: number }> | Step): void {
  const ss = w.ss;
  const sheet = ss.getSheetByName('sheet' in s && s.sheet === 1 ? OIT : MEASURES)!;
  const last = Math.max(2, sheet.getLastRow());
  const lastCol = Math.max(1, sheet.getLastColumn());
  const isMeasures = sheet.getName() === MEASURES;
  switch (s.kind) {
    case 'sort':
      if (last > 2) sheet.getRange(2, 1, last - 1, sheet.getMaxColumns()).sort({ column: 1 + (s.col % lastCol), ascending: s.asc });
      return;
    case 'insertRows':
      sheet.insertRowsBefore(2 + (s.at % (last - 1)), s.n);
      return;
    case 'deleteRows': {
      const at = 2 + (s.at % (last - 1));
      sheet.deleteRows(at, Math.min(s.n, sheet.getMaxRows() - at));
      return;
    }
    case 'addColumn': {
      // Not before column A of the measures sheet: the named range would move right of it (a limit: README).
      const at = (isMeasures ? 2 : 1) + (s.at % lastCol);
      sheet.insertColumnsBefore(at, 1);
      sheet.getRange(1, at).type(`ผู้ใช้ ${at}`);
      for (const r of s.rows) sheet.getRange(2 + (r % last), at).type(`ค่าของผู้ใช้ ${r}`);
      return;
    }
    case 'deleteOwnColumn': {
      const own = [...columns(sheet)].filter(([h]) => h.startsWith('ผู้ใช้'));
      if (own.length) sheet.deleteColumns(own[s.k % own.length]![1], 1);
      return;
    }
    case 'formula':
      sheet.getRange(2 + (s.row % (last + 1)), 1 + (s.col % (lastCol + 1))).type(FORMULAS[s.f]!);
      return;
    case 'rename': {
      const c = 1 + (s.col % lastCol);
      const h = String(sheet.getRange(1, c).getValue());
      if (h && !h.endsWith(' (แก้)')) sheet.getRange(1, c).type(`${h} (แก้)`);
      return;
    }
    case 'renameBack':
      for (const [h, c] of columns(sheet)) if (h.endsWith(' (แก้)')) sheet.getRange(1, c).type(h.slice(0, -' (แก้)'.length));
      return;
    case 'clear': {
      const c = 1 + (s.col % lastCol);
      sheet.getRange(2 + (s.row % (last - 1)), c, 1, Math.min(s.n, sheet.getMaxColumns() - c + 1)).type('');
      return;
    }
    case 'copyRow': {
      const from = 2 + (s.from % (last - 1));
      const to = 2 + (s.to % last);
      sheet.insertRowsBefore(to, 1);
      sheet.copyRow(from >= to ? from + 1 : from, to);
      return;
    }
    case 'type':
      sheet.getRange(2 + (s.row % (last - 1)), 1 + (s.col % lastCol)).type(TYPED[s.text]!);
      return;
    case 'typeRow': {
      const measures = ss.getSheetByName(MEASURES)!;
      const cols = columns(measures);
      const row = 2 + (s.row % Math.max(2, measures.getLastRow()));
      const put = (h: string, v: string) => cols.has(h) && measures.getRange(row, cols.get(h)!).type(v);
      measures.insertRowsBefore(row, 1);
      put('ปีงบประมาณ', '2569');
      put('มาตรการ/แนวทาง', `พิมพ์เองแถว ${row}`);
      put('ตัวชี้วัด', '9');
      return;
    }
    default:
      throw new Error(`not a person's edit: ${s.kind}`);
  }
}

// ---------------------------------------------------------------- the add-on's actions, checked

/** Every formula still there (unless its row went), and none that expanded before shows #REF! now. */
function checkFormulas(before: Seen, after: Seen, sheet: string, deletedRow: number | undefined, what: string): void {
  const now = after.raw.get(sheet)!;
  for (const [k, v] of before.results.get(sheet)!) {
    const [r, c] = rc(k);
    if (r === deletedRow) continue;
    const k2 = deletedRow !== undefined && r > deletedRow ? `${r - 1},${c}` : k;
    expect(now.get(k2)?.formula, `${what}: formula at ${sheet} ${k} gone`).toBe(before.raw.get(sheet)!.get(k)!.formula);
    if (v !== '#REF!') expect(after.results.get(sheet)!.get(k2), `${what}: the array at ${sheet} ${k} stopped expanding`).not.toBe('#REF!');
  }
}

/** A refusal tells why, in Thai and English (or under the form's fields), and changes nothing. */
function checkRefused(before: Seen, after: Seen, answer: { ok: boolean; kind?: string; message?: { th: string; en: string }; errors?: object }, what: string): void {
  if (answer.kind === 'invalid') expect(Object.keys(answer.errors ?? {}).length, what).toBeGreaterThan(0);
  else {
    expect(answer.message?.th.trim(), what).toBeTruthy();
    expect(answer.message?.en.trim(), what).toBeTruthy();
  }
  for (const name of SHEETS) expect(changed(before.raw.get(name)!, after.raw.get(name)!), `${what} was refused but changed ${name}`).toEqual([]);
}

/** Changes only in one new row after the last used row of the add-on's columns, in those columns, where nothing was. */
function checkAppended(before: Raw, after: Raw, owned: ReadonlySet<number>, what: string): number {
  const keys = changed(before, after);
  if (!keys.length) return -1;
  const rows = new Set(keys.map((k) => rc(k)[0]));
  expect(rows.size, `${what}: more than one row changed: ${keys.join(' ')}`).toBe(1);
  const [row] = [...rows];
  expect(row, `${what}: not after the last used row`).toBeGreaterThan(lastUsed(before, owned));
  for (const k of keys) {
    expect(owned.has(rc(k)[1]), `${what}: wrote a person's column at ${k}`).toBe(true);
    expect(before.get(k), `${what}: wrote over ${k}`).toBeUndefined();
  }
  return row!;
}

const ownedCols = (sheet: FakeSheet, headers: readonly string[]) => new Set([...columns(sheet)].filter(([h]) => headers.includes(h)).map(([, c]) => c));

function rowsMeant(w: World, listed: ListedMeasure): number[] {
  const sheet = w.ss.getSheetByName(MEASURES)!;
  const out: number[] = [];
  for (let r = 2; r <= sheet.getLastRow(); r++) if (listed.keys.has(ownedKey(sheet, r, MEANT))) out.push(r);
  return out;
}

function addonAction(w: World, s: Step): void {
  const { h, ss } = w;
  const measures = ss.getSheetByName(MEASURES)!;
  const oit = ss.getSheetByName(OIT)!;
  const bin = ss.getSheetByName(BIN)!;
  const before = seen(ss);
  const what = JSON.stringify(s);
  const beforeOwned = ownedCols(measures, HEADERS);
  const result = (): Seen => seen(ss);
  switch (s.kind) {
    case 'list': {
      let answer: ListAnswer;
      try {
        answer = api<ListAnswer>(h, 'list', { fiscalYear: s.year });
      } catch (e) {
        count('list', false);
        expect((e as Error).message, what).toMatch(/[ก-๙]/);
        const after = result();
        for (const name of SHEETS) expect(changed(before.raw.get(name)!, after.raw.get(name)!), `${what} threw but changed ${name}`).toEqual([]);
        w.measures = [];
        return;
      }
      count('list', true);
      const after = result();
      // Only ids, of rows typed by hand or copied.
      const idCol = columns(measures).get('รหัส')!;
      const keys = changed(before.raw.get(MEASURES)!, after.raw.get(MEASURES)!);
      const ids = new Map<string, number>();
      for (let r = 2; r <= measures.getLastRow(); r++) {
        const id = String(before.raw.get(MEASURES)!.get(`${r},${idCol}`)?.value ?? '').trim();
        if (id && !ids.has(id)) ids.set(id, r);
      }
      for (const k of keys) {
        const [r, c] = rc(k);
        expect(c, `${what}: list wrote ${k}, not an id`).toBe(idCol);
        const was = String(before.raw.get(MEASURES)!.get(k)?.value ?? '').trim();
        expect(was === '' || ids.get(was)! < r, `${what}: list replaced the id of ${k}`).toBe(true);
      }
      for (const name of [BIN, OIT]) expect(changed(before.raw.get(name)!, after.raw.get(name)!), what).toEqual([]);
      checkFormulas(before, after, MEASURES, undefined, what);
      // What the list shows is what rows hold.
      const index = headerIndex(measures.getRange(1, 1, 1, measures.getMaxColumns()).getValues()[0]!);
      const rows = measures.getRange(1, 1, measures.getMaxRows(), measures.getMaxColumns()).getValues();
      w.measures = answer.measures.map(({ measure }) => {
        const keys = new Set<string>();
        rows.forEach((cells, i) => {
          if (i > 0 && String(cells[index.get('รหัส')!] ?? '').trim() === measure.id && rowFingerprint(cells, index, measureColumns()) === measure.rev) keys.add(ownedKey(measures, i + 1, MEANT));
        });
        expect(keys.size, `${what}: listed measure ${measure.id} is in no row`).toBeGreaterThan(0);
        return { measure, keys };
      });
      return;
    }
    case 'saveNew': {
      const input = form(s.form);
      const answer = api<Saved>(h, 'save', { input });
      const after = result();
      count('saveNew', answer.ok);
      if (!answer.ok) return checkRefused(before, after, answer, what);
      const row = checkAppended(before.raw.get(MEASURES)!, after.raw.get(MEASURES)!, beforeOwned, what);
      expect(row, `${what}: nothing written`).toBeGreaterThan(0);
      expect(answer.measure.measure, what).toBe(input.measure);
      for (const f of ['issue', 'method', 'result'] as const) {
        const v = measures.getRange(row, columns(measures).get(header(f))!).getValue();
        if (input[f] !== '') expect(v, `${what}: ${f} not stored as typed`).toBe(input[f]);
      }
      for (const name of [BIN, OIT]) expect(changed(before.raw.get(name)!, after.raw.get(name)!), what).toEqual([]);
      checkFormulas(before, after, MEASURES, undefined, what);
      return;
    }
    case 'edit':
    case 'remove':
    case 'duplicate': {
      // A person who reopens the sidebar first (fresh) acts on what the sheet holds now.
      if (s.kind !== 'duplicate' && s.fresh) addonAction(w, { kind: 'list', year: 2569 });
      if (!w.measures.length) return;
      return measureAction(w, s, seen(ss), ownedCols(measures, HEADERS));
    }
    case 'recover': {
      w.bin = api<DeletedView[]>(h, 'deleted');
      if (!w.bin.length) return;
      const id = w.bin[s.k % w.bin.length]!.measure.id;
      const mid = seen(ss);
      const answer = api<Saved>(h, 'recover', { id });
      const after = result();
      count('recover', answer.ok);
      if (!answer.ok) return checkRefused(mid, after, answer, what);
      const idCol = columns(bin).get('รหัส')!;
      const binRows = [...mid.raw.get(BIN)!].filter(([k, c]) => rc(k)[1] === idCol && String(c.value).trim() === id).map(([k]) => rc(k)[0]);
      const gone = binRows.filter((r) => changed(withoutRow(mid.raw.get(BIN)!, r), after.raw.get(BIN)!).length === 0);
      const emptied = binRows.filter((r) => changed(mid.raw.get(BIN)!, after.raw.get(BIN)!).every((k) => rc(k)[0] === r));
      expect(gone.length + emptied.length, `${what}: the recycle sheet's row of ${id} not taken out`).toBeGreaterThan(0);
      const row = checkAppended(mid.raw.get(MEASURES)!, after.raw.get(MEASURES)!, ownedCols(measures, HEADERS), what);
      expect(row, what).toBeGreaterThan(0);
      checkFormulas(mid, after, MEASURES, undefined, what);
      expect(changed(mid.raw.get(OIT)!, after.raw.get(OIT)!), what).toEqual([]);
      return;
    }
    case 'oitList': {
      const answer = api<OitAnswer>(h, 'oitList', { fiscalYear: 2569 });
      count('oitList', true);
      for (const name of SHEETS) expect(changed(before.raw.get(name)!, seen(ss).raw.get(name)!), what).toEqual([]);
      w.items = answer.items.map((item) => {
        expect(itemKey(ss, oit, item.row), `${what}: item at row ${item.row} is not what the row holds`).toBe(viewKey(item));
        return { item, key: viewKey(item) };
      });
      return;
    }
    case 'oitMark': {
      if (s.fresh) addonAction(w, { kind: 'oitList' });
      if (!w.items.length) return;
      const { item, key } = w.items[s.k % w.items.length]!;
      const url = ['https://www.example.go.th/ita/x', item.evidenceUrl || 'https://www.example.go.th/ita/y', ''][s.url]!;
      const meant: number[] = [];
      for (let r = 2; r <= oit.getLastRow(); r++) if (itemKey(ss, oit, r) === key) meant.push(r);
      const answer = api<OitSaved>(h, 'oitSetStatus', { fiscalYear: 2569, code: item.code, status: s.done ? 'ดำเนินการแล้ว' : 'ยังไม่ได้ดำเนินการ', evidenceUrl: url, base: item });
      const after = result();
      count('oitMark', answer.ok);
      if (!answer.ok) return checkRefused(before, after, answer, what);
      expect(meant, `${what}: marked though the item meant is not on one row`).toHaveLength(1);
      const cols = columns(oit);
      const allowed = new Set(['สถานะ', 'ลิงก์หลักฐาน', 'วันที่ตรวจ', 'หมายเหตุ'].map((hd) => cols.get(hd)));
      for (const k of changed(before.raw.get(OIT)!, after.raw.get(OIT)!)) {
        expect(rc(k)[0], `${what}: wrote row ${rc(k)[0]}, meant ${meant[0]}`).toBe(meant[0]);
        expect(allowed.has(rc(k)[1]), `${what}: wrote ${k}`).toBe(true);
      }
      for (const name of [MEASURES, BIN]) expect(changed(before.raw.get(name)!, after.raw.get(name)!), what).toEqual([]);
      checkFormulas(before, after, OIT, undefined, what);
      return;
    }
    case 'reseed': {
      // As if the year's list gained the items the sheet lacks now (rows a person deleted or cleared), and one more.
      const key = 'ita.oit.seeded.2569';
      const seeded = JSON.parse(h.properties.document.getProperty(key) ?? '[]') as string[];
      const codeCol = columns(oit).get('รหัส');
      const have = new Set(codeCol ? oit.getRange(1, codeCol, oit.getMaxRows(), 1).getValues().map((r) => String(r[0]).trim()) : []);
      h.properties.document.setProperty(key, JSON.stringify(seeded.filter((c, i) => have.has(c) && i !== s.k % seeded.length)));
      const owned = ownedCols(oit, [...OIT_HEADERS, ...OIT_EXTRA_HEADERS]);
      const widthBefore = Math.max(0, ...[...before.raw.get(OIT)!.keys()].map((k) => rc(k)[1]));
      h.call('setupOitChecklist');
      const after = result();
      // Set-up may add a column of its own that went missing: its header, after everything the sheet held.
      const added = new Set(
        [...after.raw.get(OIT)!]
          .filter(([k, c]) => rc(k)[0] === 1 && rc(k)[1] > widthBefore && (OIT_EXTRA_HEADERS as readonly unknown[]).includes(c.value))
          .map(([k]) => rc(k)[1]),
      );
      for (const c of added) owned.add(c);
      const keys = changed(before.raw.get(OIT)!, after.raw.get(OIT)!).filter((k) => !(rc(k)[0] === 1 && added.has(rc(k)[1])));
      count('reseed', keys.length > 0);
      if (keys.length) {
        const rows = [...new Set(keys.map((k) => rc(k)[0]))];
        const last = lastUsed(before.raw.get(OIT)!, owned);
        for (const k of keys) {
          expect(rc(k)[0], `${what}: seeded over row ${rc(k)[0]} (last used ${last})`).toBeGreaterThan(last);
          expect(owned.has(rc(k)[1]), `${what}: wrote ${k}`).toBe(true);
          expect(before.raw.get(OIT)!.get(k), `${what}: wrote over ${k}`).toBeUndefined();
        }
        expect(rows.length, what).toBeGreaterThan(0);
      }
      for (const name of [MEASURES, BIN]) expect(changed(before.raw.get(name)!, after.raw.get(name)!), what).toEqual([]);
      checkFormulas(before, after, OIT, undefined, what);
      return;
    }
    default:
      throw new Error(`not an action: ${s.kind}`);
  }
}


/** Edit, delete or copy a listed measure, and check what it did. */
function measureAction(w: World, s: Extract<Step, { kind: 'edit' | 'remove' | 'duplicate' }>, before: Seen, beforeOwned: ReadonlySet<number>): void {
  const { h, ss } = w;
  const measures = ss.getSheetByName(MEASURES)!;
  const bin = ss.getSheetByName(BIN)!;
  const what = JSON.stringify(s);
  const listed = w.measures[s.k % w.measures.length]!;
  const meant = rowsMeant(w, listed);
  const base = listed.measure;
  if (s.kind === 'edit') {
    const input = { ...(Object.fromEntries(FORM.map((f) => [f, base[f]])) as unknown as MeasureInput) };
    const changes = [...s.changes];
    // Aimed: change a field whose cell holds a formula or lies under one (when the row has one).
    if (s.aim && meant.length === 1) {
      const cols = columns(measures);
      const formulas = measures.getRange(1, 1, meant[0]!, measures.getMaxColumns()).getFormulas();
      const hit = FORM.findIndex((f) => cols.has(header(f)) && formulas.some((row) => row[cols.get(header(f))! - 1]));
      if (hit >= 0) changes.push([hit, s.k + 1]);
    }
    for (const [f, v] of changes) (input as Record<string, unknown>)[FORM[f]!] = VALUES[FORM[f]!][v % VALUES[FORM[f]!].length];
    const answer = api<Saved>(h, 'save', { input, base });
    const after = seen(ss);
    count('edit', answer.ok);
    if (!answer.ok) return checkRefused(before, after, answer, what);
    expect(meant, `${what}: saved though the row meant is not one row`).toHaveLength(1);
    const sameField = (f: keyof MeasureInput) => JSON.stringify(f === 'indicators' ? [...new Set(input.indicators)].sort((a, b) => a - b) : input[f]) === JSON.stringify(base[f]);
    const allowed = new Set([...FORM.filter((f) => !sameField(f)).map(header), ...STAMPS].map((hd) => columns(measures).get(hd)));
    for (const k of changed(before.raw.get(MEASURES)!, after.raw.get(MEASURES)!)) {
      const [r, c] = rc(k);
      expect(r, `${what}: wrote row ${r}, meant ${meant[0]}`).toBe(meant[0]);
      expect(allowed.has(c), `${what}: wrote ${k}, a cell the form did not change`).toBe(true);
    }
    for (const name of [BIN, OIT]) expect(changed(before.raw.get(name)!, after.raw.get(name)!), what).toEqual([]);
    checkFormulas(before, after, MEASURES, undefined, what);
    expect(answer.measure.id, what).toBe(base.id);
    return;
  }
  if (s.kind === 'remove') {
    const answer = api<{ ok: boolean; kind?: string; message?: { th: string; en: string } }>(h, 'remove', { base });
    const after = seen(ss);
    count('remove', answer.ok);
    if (!answer.ok) return checkRefused(before, after, answer, what);
    expect(meant, `${what}: deleted though the row meant is not one row`).toHaveLength(1);
    const row = meant[0]!;
    const deleted = changed(withoutRow(before.raw.get(MEASURES)!, row), after.raw.get(MEASURES)!).length === 0;
    if (!deleted) {
      for (const k of changed(before.raw.get(MEASURES)!, after.raw.get(MEASURES)!)) {
        expect(rc(k)[0], `${what}: emptied row ${rc(k)[0]}, meant ${row}`).toBe(row);
        expect(beforeOwned.has(rc(k)[1]) && !after.raw.get(MEASURES)!.has(k), `${what}: ${k} not an add-on cell emptied`).toBe(true);
      }
    }
    checkFormulas(before, after, MEASURES, deleted ? row : undefined, what);
    // A row holding a person's array formula is not deleted (that would delete the array): its add-on cells are emptied instead.
    if (deleted) {
      for (const [k, c] of before.raw.get(MEASURES)!) if (rc(k)[0] === row) expect(ARRAYS.has(c.formula), `${what}: deleted the array formula at ${k}`).toBe(false);
    }
    const binRow = checkAppended(before.raw.get(BIN)!, after.raw.get(BIN)!, ownedCols(bin, [...HEADERS, 'ลบเมื่อ', 'ลบโดย']), what);
    expect(binRow, `${what}: nothing in the recycle sheet`).toBeGreaterThan(0);
    expect(ownedKey(bin, binRow, MEANT), `${what}: the recycle sheet holds other cells than the row`).toBe([...listed.keys][0]);
    expect(changed(before.raw.get(OIT)!, after.raw.get(OIT)!), what).toEqual([]);
    return;
  }
  const answer = api<Saved>(h, 'duplicate', { id: base.id });
  const after = seen(ss);
  count('duplicate', answer.ok);
  if (!answer.ok) return checkRefused(before, after, answer, what);
  const idCol = columns(measures).get('รหัส')!;
  const withId = [...before.raw.get(MEASURES)!].filter(([k, c]) => rc(k)[1] === idCol && String(c.value).trim() === base.id);
  expect(withId, `${what}: copied though the id is not on one row`).toHaveLength(1);
  const row = checkAppended(before.raw.get(MEASURES)!, after.raw.get(MEASURES)!, beforeOwned, what);
  expect(row, what).toBeGreaterThan(0);
  expect(answer.measure.fiscalYear, what).toBe(Number(measures.getRange(rc(withId[0]![0])[0], columns(measures).get('ปีงบประมาณ')!).getValue()) + 1);
  checkFormulas(before, after, MEASURES, undefined, what);
}

const ADDON = new Set(['list', 'saveNew', 'edit', 'remove', 'recover', 'duplicate', 'oitList', 'oitMark', 'reseed']);

function runSequence(world: ReturnType<typeof start>, steps: readonly Step[]): void {
  const { h, state, props } = world;
  h.spreadsheet.restore(state);
  h.properties.document.map.clear();
  for (const [k, v] of props) h.properties.document.map.set(k, v);
  const w: World = { h, ss: h.spreadsheet, measures: [], items: [], bin: [] };
  // The sidebar opens on the list and the checklist; then anything may happen.
  for (const s of [{ kind: 'list', year: 2569 }, { kind: 'oitList' }, ...steps] as Step[]) {
    if (ADDON.has(s.kind)) addonAction(w, s);
    else userEdit(w, s);
    h.log.length = 0;
  }
}

/** Counterexamples runs found (seeds 1 and 3, 4,000 sequences each), kept as fixed cases: each failed before its fix. */
const REGRESSIONS: { name: string; steps: Step[]; then: (ss: FakeSpreadsheet) => void }[] = [
  {
    // Found: the measure's row was emptied around =SEQUENCE(3) in its วันที่เริ่ม cell, leaving the array
    // (and a ghost row) behind, and the array's number under a date format was read as a number (fake fixed:
    // a formula's number under a date format reads as a date). Now the delete is refused, naming the cell.
    name: 'deleting a measure whose วันที่เริ่ม cell holds a person’s =SEQUENCE(3) is refused and changes nothing',
    steps: [{ kind: 'formula', sheet: 0, row: 0, col: 976, f: 1 }, { kind: 'remove', k: 0, fresh: true }],
    then: (ss) => {
      const sheet = ss.getSheetByName(MEASURES)!;
      expect(sheet.getRange(2, columns(sheet).get('วันที่เริ่ม')!).getFormulas()[0]![0]).toBe('=SEQUENCE(3)');
      expect(sheet.getRange(2, 1, 3, 1).getValues().every((r) => String(r[0]).length === 36)).toBe(true);
      expect(ss.getSheetByName(BIN)!.getLastRow()).toBe(1);
    },
  },
  {
    // Found: =SEQUENCE(3) in a person's column right of the named range ITA_MEASURES, unseen by the
    // table read through it, was deleted with the row. Now removal is decided on the whole sheet.
    name: 'deleting a measure keeps a person’s array formula in a column right of the add-on’s columns',
    steps: [
      { kind: 'formula', sheet: 0, row: 0, col: 854, f: 1 },
      { kind: 'remove', k: 0, fresh: false },
      { kind: 'edit', k: 0, changes: [[0, 0]], fresh: false, aim: false },
    ],
    then: (ss) => {
      const sheet = ss.getSheetByName(MEASURES)!;
      const at = sheet.getRange(2, 1, 1, sheet.getMaxColumns()).getFormulas()[0]!.indexOf('=SEQUENCE(3)') + 1;
      expect(at).toBeGreaterThan(HEADERS.length);
      expect(sheet.getRange(2, at, 3, 1).getValues().map((r) => r[0])).toEqual([1, 2, 3]);
      expect(ss.getSheetByName(BIN)!.getLastRow()).toBe(2);
    },
  },
];

describe('the chaos test: a person’s edits between the add-on’s actions', () => {
  const world = start();

  for (const r of REGRESSIONS) {
    it(`regression: ${r.name}`, () => {
      runSequence(world, r.steps);
      r.then(world.h.spreadsheet);
    });
  }

  it(`keeps what people typed, every formula and array, and reaches the row meant or refuses, over ${RUNS} sequences (seed ${SEED})`, () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        runSequence(world, steps);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    // Each action both went ahead and was refused somewhere in the run: the checks saw both paths.
    for (const kind of ['list', 'saveNew', 'edit', 'remove', 'recover', 'duplicate', 'oitMark', 'reseed']) {
      const o = outcomes.get(kind);
      expect(o?.ok ?? 0, `${kind} went ahead too seldom: ${JSON.stringify(o)}`).toBeGreaterThan(kind === 'reseed' ? 0 : RUNS / 50);
    }
    for (const kind of ['edit', 'remove', 'oitMark']) expect(outcomes.get(kind)?.refused ?? 0, `${kind} never refused`).toBeGreaterThan(0);
  });
});
