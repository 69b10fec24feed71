// Batch reports: one analysis report per unit of the units sheet, in slices
// under the execution limit, carried on by the progress dialog while it is open
// and by an hourly trigger when it is not, until every unit is done.
//
// - A unit is claimed under the document lock (its status written กำลังทำ), its
//   report made without the lock, and recorded under the lock again (เสร็จ, the
//   link, the time) — found by its row id each time, so a sort or an inserted
//   row between the two never sends a report to another unit's row. Two
//   executions at once claim different units.
// - A claim older than an execution can last was left by one that was stopped:
//   the file it had begun goes to the trash and the unit is made again.
// - A unit that cannot be reported (unreadable scores) is recorded ผิดพลาด with
//   the reason; any other failure of one unit too; the others go on. A spent
//   quota stops the run where it is: the unit goes back to รอ and the run goes
//   on when Google allows it again.
import type { BatchStartRequest, BatchState } from '../core/api';
import { accountOf, cannotReport, dayKey, historyOf, inRun, newRowId, planRun, progressOf, rowState, SLICE_MS, failureKind, type BatchRun, type RowState } from '../core/batch';
import { itaError, type Bilingual } from '../core/errors';
import { reportData, templateSpec } from '../core/report/context';
import { unitsAnalysisTemplate } from '../core/report/templates/analysis';
import { formatter } from '../core/report/format';
import { fill, tokenize, type Value } from '../core/report/template';
import { cellText, indicatorCol, REPORT_STATUS, UNIT_COL, UNIT_STATUS_HEADERS, UNITS_SHEET, type UnitRow, readUnitRow, unitKey } from '../core/units';
import { readYear } from '../core/cells';
import { blockedCell, isBlank } from '../core/table';
import { writeTemplate, type TemplatePlan } from './docs';
import { copyDoc, createDoc, createFolder, filesNamed, isLive, trash } from './drive';
import { failed, fillReport, isNotDone, Made, openChecked } from './reports';
import { currentUser, withDocumentLock } from './sheets';
import { addColumns, grid, openTable, writeCells, writeRow, type CellWrite, type Table, type TableSpec } from './table';
import { nowLocalText, today } from './time';
import { addHourlyTrigger, hasTrigger, removeTrigger } from './triggers';

const RUN_KEY = 'ita.batch.run';
/** What the batch trigger saw last, and the last quota message met: for the development build's self-check (user properties). */
export const TRIGGER_SAW = 'ita.batch.triggerSaw';
export const QUOTA_SAW = 'ita.batch.quotaSaw';

/** Notes a fact for the self-check; never worth failing a run for. */
function saw(key: string, what: string): void {
  try {
    PropertiesService.getUserProperties().setProperty(key, `${new Date().toISOString()} ${what}`);
  } catch {
    // only the self-check reads it
  }
}
const claimKey = (rowId: string) => `ita.batch.claim.${rowId}`;

interface Stored extends BatchRun {
  readonly triggerUid?: string;
  readonly notes: readonly string[];
}

interface Claim {
  readonly at: number;
  /** The unit claimed: its key and year, checked before its report is linked on the row (a sort of the typed columns only moves them). */
  readonly unit?: string;
  /** The report's name and folder, known before Drive is asked: a file made by a call the limit cut short is found by them. */
  readonly name?: string;
  readonly folderId?: string;
  /** The report's file, once Drive made it. */
  readonly fileId?: string;
}

const claimedUnit = (x: Pick<UnitRow, 'name' | 'district' | 'province' | 'year'>): string => `${unitKey(x)}|${x.year ?? ''}`;

/** This user's default units template in this spreadsheet (user properties: "only the current user … within this script"). */
const ownUnitsKey = () => `ita.template.units.${SpreadsheetApp.getActive().getId()}`;
/** The office's own template given by its link, for everyone in the spreadsheet. */
const UNITS_TEMPLATE_KEY = 'ita.template.units';

/** The template of a run: the office's by link, else this user's default one while it is not in the trash. */
function unitsTemplateId(): string | undefined {
  const shared = props().getProperty(UNITS_TEMPLATE_KEY);
  if (shared) return shared;
  const own = PropertiesService.getUserProperties().getProperty(ownUnitsKey());
  return own && isLive(own) ? own : undefined;
}

/** An office's template of a unit's analysis: the unit has no measures in the units sheet, so none is required. */
const templateOfUnits = () => ({ ...templateSpec('analysis'), requiredRepeats: [] });

/** The typed columns a unit's report needs: found by header, so a renamed one is missing. */
const NEEDED = [UNIT_COL.name, UNIT_COL.year, ...Array.from({ length: 10 }, (_, i) => indicatorCol(i + 1))];

function missingHeaders(t: Table): string[] {
  return NEEDED.filter((h) => !t.index.has(h));
}

function missingMessage(lacking: readonly string[]): Bilingual {
  return {
    th: `ไม่มีคอลัมน์ ${lacking.join(', ')} ในแผ่นงาน "${UNITS_SHEET}" (หาคอลัมน์จากชื่อหัวตาราง ชื่อต้องตรงทุกตัวอักษร) แก้ชื่อหัวตารางหรือเลือกเมนู ตั้งค่าหลายหน่วยงาน แล้วเริ่มใหม่ ยังไม่ได้สร้างรายงานใด ๆ`,
    en: `The sheet "${UNITS_SHEET}" has no column headed ${lacking.join(', ')} (columns are found by their header, letter for letter); no report was made`,
  };
}

/** The batch's own columns: the only ones it writes. */
const OWNED = [UNIT_COL.id, ...UNIT_STATUS_HEADERS];
/** The units sheet, its header row found by the typed columns too (a sheet pasted from ITAS has none of ours yet). */
const SPEC: TableSpec = { sheet: UNITS_SHEET, columns: [...OWNED, UNIT_COL.name, UNIT_COL.year, UNIT_COL.district] };

const props = () => PropertiesService.getDocumentProperties();

function loadRun(): Stored | undefined {
  const text = props().getProperty(RUN_KEY);
  return text ? (JSON.parse(text) as Stored) : undefined;
}

/** Notes kept with a run: a property value holds at most 9 kB (guides/services/quotas, "Properties value size"). */
const MAX_NOTES = 15;

function saveRun(run: Stored): void {
  props().setProperty(RUN_KEY, JSON.stringify(run));
}

/** The run's notes with new ones added once each; past MAX_NOTES the oldest make way and are counted. */
function withNotes(run: Stored, added: readonly string[]): Stored {
  const all = [...new Set([...run.notes, ...added])];
  const more = all.filter((n) => !n.startsWith(MORE_NOTES));
  const dropped = (Number(/\d+/.exec(all.find((n) => n.startsWith(MORE_NOTES)) ?? '')?.[0] ?? 0) || 0) + Math.max(0, more.length - MAX_NOTES);
  const kept = more.slice(-MAX_NOTES).map((n) => (n.length > 400 ? `${n.slice(0, 400)}…` : n));
  return { ...run, notes: dropped ? [`${MORE_NOTES} ${dropped} เรื่อง`, ...kept] : kept };
}
const MORE_NOTES = 'หมายเหตุก่อนหน้านี้อีก';

function loadClaim(rowId: string): Claim | undefined {
  const text = props().getProperty(claimKey(rowId));
  return text ? (JSON.parse(text) as Claim) : undefined;
}

const isActive = (r: Stored): boolean => !r.cancelled && r.finishedAt === undefined;
const active = (r: Stored | undefined): r is Stored => !!r && isActive(r);

/**
 * A row of the units sheet as read: its table row (0-based), the few cells a
 * run looks at for every row, and the whole record, parsed only when asked
 * (a claim reads the sheet: a thousand rows' scores are not parsed each time).
 */
interface Read {
  readonly r: number;
  readonly id: string;
  readonly name: string;
  readonly district: string;
  readonly province: string;
  readonly year: number | undefined;
  readonly status: string;
  readonly row: UnitRow;
}

function readOf(t: Table, r: number, id?: string): Read {
  const cells = t.values[r]!;
  const cell = (h: string): unknown => {
    const c = t.index.get(h);
    return c === undefined ? '' : cells[c];
  };
  let full: UnitRow | undefined;
  const y = cell(UNIT_COL.year);
  let year: number | undefined;
  try {
    year = isBlank(y) ? undefined : readYear(y);
  } catch {
    year = undefined;
  }
  return {
    r,
    id: id ?? cellText(cell(UNIT_COL.id)),
    name: cellText(cell(UNIT_COL.name)),
    district: cellText(cell(UNIT_COL.district)),
    province: cellText(cell(UNIT_COL.province)),
    year,
    status: cellText(cell(UNIT_COL.status)),
    get row(): UnitRow {
      full ??= { ...readUnitRow(cell), ...(id ? { id } : {}) };
      return full;
    },
  };
}

/** The units sheet read once; undefined without a sheet or a header row. */
function readUnits(): { t: Table; rows: Read[] } | undefined {
  const t = openTable(SPEC);
  if (!t || t.header < 0 || !t.index.has(UNIT_COL.name)) return undefined;
  const rows: Read[] = [];
  for (let r = t.header + 1; r < t.values.length; r++) {
    if (t.values[r]!.every((v) => isBlank(v))) continue;
    const x = readOf(t, r);
    // A row with neither a name nor a year is not a unit (a note, a total line).
    if (!x.name && isBlank(t.values[r]![t.index.get(UNIT_COL.year) ?? -1])) continue;
    rows.push(x);
  }
  return { t, rows };
}

/**
 * Gives every unit row without an id one (the id column is the add-on's), in
 * one write; a row copied with its id (a person duplicated a row) gets a new
 * one, the first keeps it; rows whose id cell holds a formula are left out.
 */
function ensureIds(u: { t: Table; rows: Read[] }): Read[] {
  const taken = new Set(u.rows.map((x) => x.id).filter(Boolean));
  const first = new Map<string, Read>();
  for (const x of u.rows) if (x.id && !first.has(x.id)) first.set(x.id, x);
  const col = u.t.index.get(UNIT_COL.id);
  const g = grid(u.t);
  const now = Date.now();
  let n = 0;
  const out: Read[] = [];
  const cells: CellWrite[] = [];
  for (const x of u.rows) {
    // A person's formula in the id cell (=ROW() moves with a sort): the row is left out (the dialog lists it, see progressOfRun).
    if (col === undefined || blockedCell(g, x.r, col)) continue;
    if (x.id && first.get(x.id) === x) {
      out.push(x);
      continue;
    }
    const id = newRowId(now, n++, taken);
    taken.add(id);
    cells.push({ r: x.r, c: col, v: id });
    // A row copied with its id (last year's row copied to start this year's) brings that row's status and
    // link: they are the other row's, so they go.
    if (x.id) {
      for (const h of UNIT_STATUS_HEADERS) {
        const c = u.t.index.get(h);
        if (c !== undefined && !blockedCell(g, x.r, c) && !isBlank(u.t.values[x.r]![c])) cells.push({ r: x.r, c, v: '' });
      }
    }
    out.push(x.id ? { ...readOf(u.t, x.r, id), status: '' } : readOf(u.t, x.r, id));
  }
  if (cells.length) writeCells(u.t, cells);
  return out;
}

const unitLabel = (row: Pick<UnitRow, 'name' | 'district' | 'year'>): string => `${row.name || '(ไม่มีชื่อ)'}${row.district ? ` อ.${row.district}` : ''}${row.year !== undefined ? ` ปี ${row.year}` : ''}`;

/** Writes a row's status cells; false when a cell of them holds a person's formula (nothing is written then). */
function setStatus(t: Table, r: number, status: string, note: string, link?: string): boolean {
  const record = new Map<string, unknown>([
    [UNIT_COL.status, status],
    [UNIT_COL.at, nowLocalText()],
    [UNIT_COL.note, note],
  ]);
  if (link !== undefined) record.set(UNIT_COL.link, link);
  return writeRow(t, r, record).ok;
}

function stateOf(x: Read, now: number): RowState {
  const claim = x.status === REPORT_STATUS.working ? loadClaim(x.id) : undefined;
  return rowState(x.status, claim?.at, now);
}

/** The rows of a run, by state; the rows that cannot be reported, named. */
/**
 * The rows of a run, by state; and the rows that cannot be reported, named —
 * read from the sheet each time (not kept with the run: there may be hundreds):
 * scores that cannot be read, and a person's formula in the add-on's id or
 * status cells (the add-on writes neither over it, so that row is left out).
 */
function progressOfRun(u: { t: Table; rows: readonly Read[] }, run: Pick<BatchRun, 'year' | 'district'>): { progress: ReturnType<typeof progressOf>; problems: string[] } {
  const now = Date.now();
  const mine = u.rows.filter((x) => inRun(x, run));
  const lacking = missingHeaders(u.t);
  if (lacking.length) return { progress: progressOf(mine.map((x) => stateOf(x, now))), problems: [missingMessage(lacking).th] };
  const g = grid(u.t);
  const cols = [UNIT_COL.id, UNIT_COL.status].map((h) => u.t.index.get(h)).filter((c): c is number => c !== undefined);
  const problems = mine.flatMap((x) => {
    const why = cannotReport(x.row);
    if (why) return [`${unitLabel(x)}: ${why}`];
    const blocked = cols.filter((c) => blockedCell(g, x.r, c)).map((c) => String(u.t.values[u.t.header]![c]));
    return blocked.length ? [`${unitLabel(x)}: ช่อง ${blocked.join(', ')} มีสูตรของผู้ใช้ จึงไม่ได้สร้างรายงานของแถวนี้ (ลบสูตรออกแล้วเริ่มใหม่)`] : [];
  });
  return { progress: progressOf(mine.map((x) => stateOf(x, now))), problems };
}

interface Claimed {
  readonly id: string;
  readonly row: UnitRow;
  readonly history: Map<number, readonly number[]>;
}

type Next = { kind: 'units'; units: Claimed[] } | { kind: 'none' } | { kind: 'wait' } | { kind: 'stopped' };

/**
 * Claims the next units of the run (up to `count`: one read of the sheet for
 * several) under the lock; records on the way the units that cannot be reported.
 */
function claimNext(runId: string, count: number): Next {
  return withDocumentLock((): Next => {
    const run = loadRun();
    if (!active(run) || run.id !== runId) return { kind: 'stopped' };
    const u = readUnits();
    if (!u) throw itaError({ th: `ไม่พบแผ่นงาน "${UNITS_SHEET}" หรือหัวตารางของแผ่นงานนั้น`, en: `The sheet "${UNITS_SHEET}" or its header row is gone` });
    const rows = ensureIds(u);
    const now = Date.now();
    let busy = false;
    const units: Claimed[] = [];
    for (const x of rows) {
      if (units.length >= count) break;
      if (!inRun(x, run)) continue;
      const state = stateOf(x, now);
      // Another execution is making it (or was stopped making it, less than an execution ago).
      if (state === 'working') busy = true;
      if (state !== 'todo' && state !== 'stale') continue;
      if (state === 'stale') {
        // The execution that claimed it was stopped: its half-made file goes, found by its id or, when the
        // limit cut Drive's answer short, by the name and folder it was asked for.
        const left = loadClaim(x.id);
        if (left?.fileId) trash(left.fileId);
        else if (left?.name && left.folderId) for (const f of filesNamed(left.name, left.folderId)) trash(f);
        props().deleteProperty(claimKey(x.id));
      }
      const why = cannotReport(x.row);
      if (why) {
        setStatus(u.t, x.r, REPORT_STATUS.failed, why);
        continue;
      }
      // A person's formula in its status cells: left out (the dialog lists it, see progressOfRun).
      if (!setStatus(u.t, x.r, REPORT_STATUS.working, '')) continue;
      props().setProperty(claimKey(x.id), JSON.stringify({ at: now, unit: claimedUnit(x) } satisfies Claim));
      // The unit's history: its rows of other years (same name, district and province).
      const key = unitKey(x);
      units.push({ id: x.id, row: x.row, history: historyOf(rows.filter((y) => unitKey(y) === key).map((y) => y.row), x.row) });
    }

    if (units.length) return { kind: 'units', units };
    return busy ? { kind: 'wait' } : { kind: 'none' };
  });
}

/**
 * Records a unit's outcome on its row, found by its id — when that row still
 * holds the unit claimed (a sort of the typed columns alone leaves the ids
 * where they were): 'moved' when it does not, 'gone' when the row is. The
 * claim goes only once the row is written, so an execution stopped on the way
 * leaves it for the next slice to take up.
 */
function record(id: string, status: string, note: string, link?: string): 'done' | 'moved' | 'gone' {
  return withDocumentLock(() => {
    const claim = loadClaim(id);
    const u = readUnits();
    const x = u?.rows.find((y) => y.id === id);
    let out: 'done' | 'moved' | 'gone' = 'gone';
    if (u && x) {
      if (claim?.unit && claim.unit !== claimedUnit(x)) {
        setStatus(u.t, x.r, REPORT_STATUS.waiting, 'ข้อมูลในแถวนี้เปลี่ยนระหว่างสร้างรายงาน (เรียงข้อมูลเฉพาะบางคอลัมน์?) จึงจะสร้างใหม่');
        out = 'moved';
      } else out = setStatus(u.t, x.r, status, note, link) ? 'done' : 'gone';
    }
    props().deleteProperty(claimKey(id));
    return out;
  });
}

/** What a unit's report says of it: its name, kind and place, as the settings sheet of a single unit would. */
function unitSettings(row: UnitRow): Record<string, Value> {
  return { ชื่อหน่วยงาน: row.name, ประเภทหน่วยงาน: row.kind, อำเภอ: row.district, จังหวัด: row.province };
}

/** The office's template, read once per execution: every report of the slice is filled from its plan. */
interface Template {
  readonly id: string;
  readonly doc: GoogleAppsScript.Document.Document;
  readonly plan: TemplatePlan;
}

/** Makes one unit's report in its district's folder; a failure trashes what it made and is thrown. */
function makeReport(run: Stored, tpl: Template, unit: Claimed): { name: string; url: string; id: string } {
  const made = new Made();
  try {
    const data = reportData({
      settings: unitSettings(unit.row),
      scores: unit.history,
      measures: [],
      fiscalYear: run.year,
      today: today(),
      digits: run.digits,
      kind: 'analysis',
    });
    const fmt = formatter({ digits: run.digits, typedDigits: run.digits === 'thai' });
    const name = fill(tokenize(unitsAnalysisTemplate().reportName).tokens, data.scope, fmt).trim();
    const folderId = run.folders[unit.row.district] ?? run.rootFolderId;
    props().setProperty(claimKey(unit.id), JSON.stringify({ at: Date.now(), unit: claimedUnit(unit.row), name, folderId } satisfies Claim));
    made.ask(name, run.rootFolderUrl);
    const whole = copyDoc(tpl.id, name, folderId);
    const file = whole ?? createDoc(name, folderId);
    made.add(name, file);
    props().setProperty(claimKey(unit.id), JSON.stringify({ at: Date.now(), unit: claimedUnit(unit.row), name, folderId, fileId: file.id } satisfies Claim));
    fillReport(file.id, !whole, tpl.doc, tpl.plan, data, fmt, run.digits);
    return { name, url: file.url, id: file.id };
  } catch (e) {
    made.undo('');
    throw e;
  }
}

/** What one slice did. */
export interface Slice {
  readonly made: number;
  readonly failed: number;
  readonly stopped?: 'quota' | 'storage' | 'template' | 'sheet' | 'owner';
  readonly finished: boolean;
  readonly message?: Bilingual;
}

/**
 * One slice of the run: units one after another until the next would not end
 * within SLICE_MS of the slice's start (the longest unit so far taken as the
 * next one's time), the run is done, stopped or cancelled.
 */
export function runSlice(byTrigger: boolean, began = Date.now()): Slice {
  const first = loadRun();
  if (!first) return { made: 0, failed: 0, finished: true };
  if (!isActive(first)) {
    if (first.triggerUid) tryRemoveTrigger(first);
    return { made: 0, failed: 0, finished: true };
  }
  // Only the account that started the run carries it on: the folders and files it made are its own (drive.file).
  const me = currentUser();
  if (first.startedBy && me && me !== first.startedBy) {
    const message: Bilingual = {
      th: `ชุดรายงานนี้เริ่มโดย ${first.startedBy} จึงทำต่อได้เฉพาะบัญชีนั้น (ส่วนเสริมเข้าถึงได้เฉพาะโฟลเดอร์และไฟล์ที่บัญชีนั้นสร้าง) ให้ผู้เริ่มเปิดหน้าต่างนี้ หรือรอให้ระบบทำต่อเอง`,
      en: `This run was started by ${first.startedBy}; only that account can carry it on (the add-on reaches only the folders and files that account made)`,
    };
    return { made: 0, failed: 0, stopped: 'owner', finished: false, message };
  }
  withDocumentLock(() => {
    const run = loadRun();
    if (active(run)) saveRun({ ...run, executions: run.executions + 1, resumptions: run.resumptions + (byTrigger ? 1 : 0) });
  });
  const opened = openChecked('analysis', first.templateId, templateOfUnits());
  if (isNotDone(opened)) {
    const message: Bilingual = { th: `หยุดไว้ก่อน: ${opened.message.th} ${opened.problems.join('; ')}`.trim(), en: `Paused: ${opened.message.en}` };
    note(first.id, message.th);
    return { made: 0, failed: 0, stopped: 'template', finished: false, message };
  }
  const tpl: Template = { id: first.templateId, doc: opened.doc, plan: opened.plan };
  let made = 0;
  let failedCount = 0;
  let longest = 0;
  const queue: Claimed[] = [];
  // Units claimed and not begun go back to รอ when the slice ends.
  const release = () => {
    if (queue.length) releaseClaims(queue.splice(0).map((c) => c.id));
  };
  try {
    for (;;) {
      const elapsed = Date.now() - began;
      if (elapsed + longest * 1.5 > SLICE_MS && made + failedCount > 0) break;
      if (!queue.length) {
        // As many as should fit in what is left of the slice (the first guess: half a minute a unit), ten at most.
        const per = Math.max(longest, 30_000) * 1.5;
        const count = Math.max(1, Math.min(10, Math.floor((SLICE_MS - elapsed) / per)));
        let next: Next;
        try {
          next = claimNext(first.id, count);
        } catch (e) {
          const message: Bilingual = { th: `หยุดไว้ก่อน: ${failed(e)}`, en: `Paused: ${failed(e)}` };
          return { made, failed: failedCount, stopped: 'sheet', finished: false, message };
        }
        if (next.kind === 'stopped') return { made, failed: failedCount, finished: true };
        if (next.kind === 'wait') {
          // Only units another execution holds are left (the other dialog, the trigger, or one that was stopped).
          if (made + failedCount) return { made, failed: failedCount, finished: false };
          const message: Bilingual = {
            th: 'หน่วยงานที่เหลือกำลังทำอยู่ในอีกหน้าต่างหรือโดยการทำต่ออัตโนมัติ หรือค้างจากครั้งที่ถูกหยุดกลางคัน ระบบจะทำต่อให้ได้เองภายใน 7 นาที กด "ทำต่อ" อีกครั้งภายหลัง',
            en: 'The units left are being made by another execution, or were left by one that was stopped; they can be taken up again within 7 minutes',
          };
          return { made, failed: failedCount, finished: false, message };
        }
        if (next.kind === 'none') {
          finish(first.id);
          return { made, failed: failedCount, finished: true };
        }
        queue.push(...next.units);
      }
      // Cancelled meanwhile (the menu, another window): nothing more is begun.
      if (queue.length && !active(loadRun())) return { made, failed: failedCount, finished: true };
      const unit = queue.shift()!;
      const t0 = Date.now();
      let report: { name: string; url: string; id: string };
      try {
        report = makeReport(loadRun() ?? first, tpl, unit);
      } catch (e) {
        const why = failed(e);
        const kind = failureKind(why);
        if (kind !== 'unit') {
          saw(QUOTA_SAW, why);
          // Google's limit, not the unit's: back to รอ, the run waits.
          record(unit.id, REPORT_STATUS.waiting, kind === 'quota' ? 'รอโควตาการสร้างเอกสารของ Google (คืนภายใน 24 ชั่วโมง)' : 'พื้นที่ Google ไดรฟ์เต็ม');
          const automatic = byTrigger || triggerAlive(loadRun() ?? first);
          const message: Bilingual =
            kind === 'quota'
              ? automatic
                ? { th: `ถึงโควตาการสร้างเอกสารต่อวันของ Google แล้ว (${why}) ระบบจะทำต่อเองเมื่อโควตาคืน (ภายใน 24 ชั่วโมง)`, en: `Google's daily quota for creating documents is spent (${why}); the hourly trigger carries the run on when it returns (within 24 hours)` }
                : { th: `ถึงโควตาการสร้างเอกสารต่อวันของ Google แล้ว (${why}) โควตาจะคืนภายใน 24 ชั่วโมง แล้วเปิดหน้าต่างนี้กด "ทำต่อ"`, en: `Google's daily quota for creating documents is spent (${why}); it returns within 24 hours: then open this dialog and continue` }
              : { th: `พื้นที่ Google ไดรฟ์เต็ม (${why}) ลบไฟล์ที่ไม่ใช้แล้วกด "ทำต่อ"`, en: `Google Drive is full (${why}); free some space, then continue` };
          withDocumentLock(() => {
            const run = loadRun();
            if (run?.id === first.id) saveRun({ ...run, quotaAt: Date.now() });
          });
          return { made, failed: failedCount, stopped: kind, finished: false, message };
        }
        record(unit.id, REPORT_STATUS.failed, `สร้างไม่สำเร็จ: ${why}`);
        failedCount++;
        longest = Math.max(longest, Date.now() - t0);
        continue;
      }
      try {
        const where = record(unit.id, REPORT_STATUS.done, '', report.url);
        if (where === 'gone') note(first.id, `${unitLabel(unit.row)}: แถวถูกลบหรือย้ายออกระหว่างสร้าง รายงานอยู่ที่ ${report.url}`);
        if (where === 'moved') {
          // Its row now holds another unit: the report is not linked there, and goes; the unit is made again from its own row.
          trash(report.id);
          longest = Math.max(longest, Date.now() - t0);
          continue;
        }
      } catch (e) {
        // Not recorded, so not kept: a report the sheet does not link would be made again.
        trash(report.id);
        record(unit.id, REPORT_STATUS.failed, `สร้างแล้วแต่บันทึกสถานะไม่ได้ จึงนำรายงานออก (${failed(e)}) เริ่มใหม่เพื่อทำอีกครั้ง`);
        failedCount++;
        longest = Math.max(longest, Date.now() - t0);
        continue;
      }
      try {
        countMade(first.id);
      } catch {
        // only a count for the dialog
      }
      made++;
      longest = Math.max(longest, Date.now() - t0);
    }
    return { made, failed: failedCount, finished: false };
  } finally {
    release();
  }
}

/** Puts claimed units not begun back to รอ (one read, one write). */
function releaseClaims(ids: readonly string[]): void {
  withDocumentLock(() => {
    for (const id of ids) props().deleteProperty(claimKey(id));
    const u = readUnits();
    if (!u) return;
    const wanted = new Set(ids);
    const g = grid(u.t);
    const cells: CellWrite[] = [];
    for (const x of u.rows) {
      if (!wanted.has(x.id) || x.status !== REPORT_STATUS.working) continue;
      for (const [h, v] of [[UNIT_COL.status, REPORT_STATUS.waiting], [UNIT_COL.note, '']] as const) {
        const c = u.t.index.get(h);
        if (c !== undefined && !blockedCell(g, x.r, c)) cells.push({ r: x.r, c, v });
      }
    }
    if (cells.length) writeCells(u.t, cells);
  });
}

function countMade(runId: string): void {
  withDocumentLock(() => {
    const run = loadRun();
    if (run?.id !== runId) return;
    const d = today();
    const key = dayKey(d.year, d.month, d.day);
    // A report went through: the quota is no longer in the way.
    const rest: Stored = { ...run, made: { [key]: (run.made[key] ?? 0) + 1 } };
    delete (rest as { quotaAt?: number }).quotaAt;
    saveRun(rest);
  });
}

function note(runId: string, text: string): void {
  withDocumentLock(() => {
    const run = loadRun();
    if (run?.id === runId && !run.notes.includes(text)) saveRun(withNotes(run, [text]));
  });
}


/** Whether the run's hourly trigger is still there (false when it cannot be asked). */
function triggerAlive(run: Stored): boolean {
  try {
    return !!run.triggerUid && hasTrigger(run.triggerUid);
  } catch {
    return false;
  }
}

function tryRemoveTrigger(run: Stored): void {
  try {
    removeTrigger(run.triggerUid);
  } catch {
    // the trigger finds the run over and removes itself next time
  }
}

function finish(runId: string): void {
  const run = withDocumentLock(() => {
    const r = loadRun();
    if (r?.id !== runId || !active(r)) return undefined;
    const done = { ...r, finishedAt: Date.now() };
    saveRun(done);
    return done;
  });
  if (run) tryRemoveTrigger(run);
}

// ---------------------------------------------------------------------------
// The dialog's calls.

function years(rows: readonly Read[]): number[] {
  return [...new Set(rows.map((x) => x.year).filter((y): y is number => y !== undefined))].sort((a, b) => b - a);
}

function districts(rows: readonly Read[]): string[] {
  return [...new Set(rows.map((x) => x.district).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'th'));
}

const NO_SHEET: Bilingual = {
  th: `ยังไม่มีแผ่นงาน "${UNITS_SHEET}" เลือกเมนู ตั้งค่าหลายหน่วยงาน แล้ววางผลคะแนนจาก ITAS หนึ่งแถวต่อหน่วยงานต่อปี`,
  en: `There is no sheet "${UNITS_SHEET}": choose the menu to set up many units, then paste the ITAS results, one row per unit and year`,
};

function stateFor(req: { year?: number; district?: string }, message?: Bilingual): BatchState {
  const u = readUnits();
  const run = loadRun();
  if (!u) return { ok: false, message: message ?? NO_SHEET, years: [], districts: [], problems: [], notes: [] };
  const ys = years(u.rows);
  const chosen = run && (active(run) || req.year === undefined) ? { year: run.year, district: run.district } : { year: req.year ?? ys[0] ?? 0, district: req.district ?? '' };
  const { progress, problems } = progressOfRun(u, chosen);
  const account = accountOf(run?.startedBy ?? currentUser());
  const plan = planRun(progress.todo, account);
  const automatic = active(run) && triggerAlive(run);
  return {
    ok: true,
    ...(message ? { message } : {}),
    years: ys,
    districts: districts(u.rows),
    ...(run
      ? {
          run: {
            year: run.year,
            district: run.district,
            active: active(run),
            cancelled: run.cancelled === true,
            finished: run.finishedAt !== undefined,
            waitingForQuota: active(run) && run.quotaAt !== undefined,
            executions: run.executions,
            resumptions: run.resumptions,
            folderUrl: run.rootFolderUrl,
            automatic,
          },
        }
      : {}),
    progress,
    plan: { th: plan.th, en: plan.en, days: plan.days, executions: plan.executions, perExecution: plan.perExecution },
    problems,
    notes: run ? [...run.notes] : [],
  };
}

function batchState(req: { year?: number; district?: string }): BatchState {
  return stateFor(req);
}

/** The folder of a district's reports inside the run's folder. */
const districtFolderName = (district: string): string => (district ? `อำเภอ${district.replace(/^อ(?:ำเภอ|\.)\s*/, '')}` : 'ไม่ระบุอำเภอ');

function batchStart(req: BatchStartRequest): BatchState {
  const began = Date.now();
  const current = loadRun();
  const currentId = current?.id;
  if (active(current)) {
    if (current.year === req.year && current.district === (req.district ?? '')) return batchStep({});
    return stateFor(req, {
      th: `กำลังสร้างรายงานของปี ${current.year}${current.district ? ` อำเภอ${current.district}` : ''} อยู่ ยกเลิกก่อนจึงเริ่มชุดใหม่ได้`,
      en: `A run for ${current.year} is in progress; cancel it before starting another`,
    });
  }
  const u = readUnits();
  if (!u) return stateFor(req, NO_SHEET);
  const lacking = missingHeaders(u.t);
  if (lacking.length) return stateFor(req, missingMessage(lacking));
  const district = req.district ?? '';
  const run0 = { year: req.year, district };
  const mine = u.rows.filter((x) => inRun(x, run0));
  if (!mine.length) return stateFor(req, { th: `ไม่มีหน่วยงานของปี ${req.year}${district ? ` อำเภอ${district}` : ''} ในแผ่นงาน`, en: `No unit of ${req.year} in the sheet` });
  const made = new Made();
  try {
    withDocumentLock(() => {
      const t = openTable(SPEC);
      if (t && t.header >= 0) addColumns(t, OWNED.filter((h) => !t.index.has(h)));
    });
    // The folders first: the run's, then one per district, all made by the add-on (drive.file).
    const rootName = `รายงาน ITA ปีงบประมาณ ${req.year} หลายหน่วยงาน${district ? ` อำเภอ${district}` : ''}`;
    const root = createFolder(rootName);
    made.add(rootName, root);
    const folders: Record<string, string> = {};
    for (const d of new Set(mine.map((x) => x.district))) {
      const name = districtFolderName(d);
      const f = createFolder(name, root.id);
      made.add(name, f);
      folders[d] = f.id;
    }
    const notes: string[] = [];
    let templateId = unitsTemplateId();
    if (!templateId) {
      // The office's default template, kept even if the run fails: theirs to restyle.
      const t = unitsAnalysisTemplate();
      // In My Drive, not in the run's folder: clearing out an old run's reports must not take it.
      const file = createDoc(t.name);
      made.add(t.name, file);
      const doc = DocumentApp.openById(file.id);
      writeTemplate(doc, t);
      doc.saveAndClose();
      PropertiesService.getUserProperties().setProperty(ownUnitsKey(), file.id);
      templateId = file.id;
      made.keepAll();
      notes.push(`สร้างแม่แบบ "${t.name}" ไว้ในไดรฟ์ของฉัน ${file.url} แก้รูปแบบได้ใน Google เอกสาร รายงานชุดต่อไปจะใช้แม่แบบนี้`);
    }
    const opened = openChecked('analysis', templateId, templateOfUnits());
    if (isNotDone(opened)) {
      const undone = made.undo('');
      return stateFor(req, { th: `${opened.message.th} ${opened.problems.join('; ')}${undone.th}`.trim(), en: opened.message.en });
    }
    const id = `B${Date.now().toString(36)}`;
    const won = withDocumentLock(() => {
      // Started meanwhile in another window (and perhaps already over): that run stands, this one's folders go.
      const other = loadRun();
      if (other && other.id !== currentId) return false;
      const again = readUnits();
      if (!again) throw itaError(NO_SHEET);
      const rows = ensureIds(again);
      const now = Date.now();
      const cells: CellWrite[] = [];
      const g = grid(again.t);
      const col = (h: string) => again.t.index.get(h);
      for (const x of rows) {
        if (!inRun(x, run0)) continue;
        const state = stateOf(x, now);
        const reset = x.status !== REPORT_STATUS.waiting && (state === 'todo' || state === 'failed' || (req.redo === true && state === 'done'));
        if (!reset) continue;
        const record: [string, unknown][] = [
          [UNIT_COL.status, REPORT_STATUS.waiting],
          [UNIT_COL.at, nowLocalText()],
          [UNIT_COL.note, ''],
          ...(state === 'done' ? ([[UNIT_COL.link, '']] as [string, unknown][]) : []),
        ];
        for (const [h, v] of record) {
          const c = col(h);
          if (c !== undefined && !blockedCell(g, x.r, c)) cells.push({ r: x.r, c, v });
        }
      }
      if (cells.length) writeCells(again.t, cells);
      saveRun({
        id,
        year: req.year,
        district,
        startedAt: now,
        startedBy: currentUser(),
        account: accountOf(currentUser()),
        folders,
        rootFolderId: root.id,
        rootFolderUrl: root.url,
        templateId: templateId!,
        digits: req.digits ?? 'thai',
        made: {},
        executions: 0,
        resumptions: 0,
        notes,
      });
      return true;
    });
    if (!won) {
      made.undo('');
      return batchStep({});
    }
    made.keepAll();
    // The hourly trigger carries the run on when the dialog is closed; without it the dialog still can.
    try {
      const uid = addHourlyTrigger();
      withDocumentLock(() => {
        const run = loadRun();
        if (run?.id === id) saveRun({ ...run, triggerUid: uid });
      });
    } catch (e) {
      note(id, `ตั้งให้ทำต่อเองทุกชั่วโมงไม่ได้ (${failed(e)}) เปิดหน้าต่างนี้ค้างไว้จนเสร็จ หรือกด "ทำต่อ" ภายหลัง`);
    }
    // The first slice in this same execution: its setup counts against the slice's time.
    return stateFor({}, runSlice(false, began).message);
  } catch (e) {
    const why = failed(e);
    const undone = made.undo('');
    const said: Bilingual =
      failureKind(why) === 'quota'
        ? { th: `เริ่มสร้างรายงานไม่ได้: ถึงโควตาการสร้างเอกสารต่อวันของ Google แล้ว (${why}) โควตาจะคืนภายใน 24 ชั่วโมง แล้วกด เริ่ม อีกครั้ง`, en: `Could not start: Google's daily quota for creating documents is spent (${why}); it returns within 24 hours, then start again` }
        : { th: `เริ่มสร้างรายงานไม่สำเร็จ (${why})`, en: `Could not start the run (${why})` };
    return stateFor(req, { th: `${said.th}${undone.th}`, en: `${said.en}${undone.en}` });
  }
}

function batchStep(_req: Record<string, never>): BatchState {
  const slice = runSlice(false);
  return stateFor({}, slice.message);
}

function batchCancel(_req: Record<string, never>): BatchState {
  const run = withDocumentLock(() => {
    const r = loadRun();
    if (!active(r)) return undefined;
    const c = { ...r, cancelled: true };
    saveRun(c);
    return c;
  });
  if (run) tryRemoveTrigger(run);
  return stateFor({}, run ? { th: 'ยกเลิกแล้ว หน่วยงานที่ยังไม่ได้ทำคงสถานะ รอ ไว้ เริ่มใหม่ได้เมื่อต้องการ', en: 'Cancelled; the units not yet done stay waiting' } : { th: 'ไม่มีการสร้างรายงานที่กำลังทำอยู่', en: 'No run in progress' });
}

export const batchApi = { batchState, batchStart, batchStep, batchCancel };

/**
 * The hourly trigger. Without the spreadsheet (a trigger may run with none
 * active: SpreadsheetApp.getActive() then answers null) it removes itself —
 * by the event's triggerUid — and the dialog carries the run on.
 */
export function continueBatchReports(e?: GoogleAppsScript.Events.TimeDriven): void {
  const active = SpreadsheetApp.getActive();
  saw(TRIGGER_SAW, active ? `active: ${active.getName()}` : 'none');
  if (!active) {
    try {
      if (e?.triggerUid) removeTrigger(e.triggerUid);
    } catch {
      // nothing more can be done without the document
    }
    return;
  }
  try {
    const slice = runSlice(true);
    // A trigger no run holds (its id was lost, or the run is over): it removes itself.
    const run = loadRun();
    if (slice.finished && e?.triggerUid && (!run || !isActive(run) || run.triggerUid !== e.triggerUid)) removeTrigger(e.triggerUid);
  } catch (err) {
    // A busy lock (another execution at work) or an outage: the next hour tries again.
    console.warn(`ITA batch: ${failed(err)}`);
  }
}

/** Menu: สร้างรายงานหลายหน่วยงาน. */
export function openBatchDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('batch').setWidth(460).setHeight(560);
  SpreadsheetApp.getUi().showModelessDialog(html, 'สร้างรายงานหลายหน่วยงาน');
}

/** Menu: ยกเลิกการสร้างรายงานหลายหน่วยงาน. */
export function cancelBatchFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const s = batchCancel({});
  ui.alert(s.message?.th ?? 'ยกเลิกแล้ว');
}
