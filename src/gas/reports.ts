// The report commands: default templates, a template by URL, and generation
// (template copied, never changed; a half-made report removed on failure).
import type { NotDone, ReportDone, ReportFolder, ReportRequest, ReportState, TemplateDone, TemplateInfo } from '../core/api';
import { isItaError, type Bilingual } from '../core/errors';
import { CHART_INDICATORS, readsScores, reportData, templateSpec, type ReportKind } from '../core/report/context';
import { defaultTemplate, REPORT_KINDS, REPORT_TITLES } from '../core/report/default-templates';
import { formatter } from '../core/report/format';
import { checkTemplate, fill, tokenize, type TemplateText, type Value } from '../core/report/template';
import { REPORT_LOG_HEADERS, SHEET } from '../core/workbook';
import { toThaiDigits } from '../core/thai';
import { toFixedText } from '../core/round';
import type { Measure } from '../core/measures/model';
import { allMeasures } from './measures';
import { checklistSheetYears } from './oit';
import { copyDoc, createDoc, createFile, createFolder, inTrash, isLive, liveFolder, trash } from './drive';
import { copyDocument, fillPlanned, planTemplate, writeTemplate, type TemplatePlan } from './docs';
import { oitReportInput } from './oit';
import { nowLocalText, today } from './time';
import { readScores, type ScoreSheet } from './scores';
import { currentUser, readAll, readFiscalYear, settingsYear, sheetNamed, withDocumentLock } from './sheets';
import { appendRecord, openTable } from './table';

const templateKey = (kind: ReportKind) => `ita.template.${kind}`;
const RUNNING = 'ita.report.running';
/** A generation older than this is taken as dead (the execution limit is 6 minutes). */
const STALE_MS = 7 * 60 * 1000;

const notDone = (message: Bilingual, problems: readonly string[] = [], problemsEn?: readonly string[]): NotDone => ({ ok: false, message, problems, ...(problemsEn ? { problemsEn } : {}) });

/** The Doc id in a Google Docs URL, or the text itself if it is an id. */
export function docIdFromUrl(url: string): string | undefined {
  const m = /\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{10,})/.exec(url) ?? /^([A-Za-z0-9_-]{10,})$/.exec(url.trim());
  return m?.[1];
}

function settings(): Record<string, Value> {
  const sheet = sheetNamed(SHEET.settings);
  const out: Record<string, Value> = {};
  if (sheet) for (const [k, v] of readAll(sheet)) out[String(k).trim()] = v as Value;
  return out;
}

function info(kind: ReportKind, doc: GoogleAppsScript.Document.Document): TemplateInfo {
  return { kind, id: doc.getId(), url: doc.getUrl(), name: doc.getName() };
}

/**
 * Where the add-on remembers a user's own things in this spreadsheet: its
 * folders and default templates live in that user's Drive, which drive.file
 * lets only that user's runs of the add-on reach, so each user has their own
 * (user properties are "only the current user … within this script", hence the
 * spreadsheet's id in the key). A template set by its link is the unit's,
 * shared in the document's properties.
 */
let spreadsheetId: string | undefined;
const own = (what: string) => `ita.${what}.${(spreadsheetId ??= SpreadsheetApp.getActive().getId())}`;
const folderKey = (year: number) => own(`folder.${year}`);
const ownTemplateKey = (kind: ReportKind) => own(`template.${kind}`);

/** The unit's name from the settings sheet (one read). */
const unitName = (): string => String(settings()['ชื่อหน่วยงาน'] ?? '').trim();

/** The name of a year's report folder: the unit and the fiscal year. */
function folderName(year: number, unit = unitName()): string {
  return `รายงาน ITA ${unit ? `${unit} ` : ''}ปีงบประมาณ ${year}`;
}

/** The year's folder if this user's add-on made one and it is still there (not trashed), with the name it was made with. */
function knownFolder(year: number): (ReportFolder & { id: string }) | undefined {
  const saved = PropertiesService.getUserProperties().getProperty(folderKey(year));
  if (!saved) return undefined;
  const { id, name } = JSON.parse(saved) as { id: string; name: string };
  const live = liveFolder(id);
  return live && { year, name, ...live };
}

/**
 * The folder a year's reports go into: one the add-on made (drive.file reaches
 * nothing else), named for the unit and year, remembered for this user and
 * made again if the user trashed it. A folder made here is in `made` until it is remembered.
 */
function reportFolder(year: number, made: Made): ReportFolder & { id: string } {
  const known = knownFolder(year);
  if (known) return known;
  const name = folderName(year);
  const folder = createFolder(name);
  made.add(name, folder);
  PropertiesService.getUserProperties().setProperty(folderKey(year), JSON.stringify({ id: folder.id, name }));
  return { year, name, ...folder };
}

/**
 * Files made during one command, so that a failure removes them — and says
 * which it could not remove, with their links, instead of claiming it did —
 * and names what it keeps on purpose (a default template made on the way).
 */
export class Made {
  private readonly files: { name: string; url: string; id: string }[] = [];
  private readonly kept: { name: string; url: string }[] = [];
  /** A file asked of Drive whose answer has not come: Drive may have made it even if the call then fails. */
  private asked: { name: string; where: string } | undefined;
  /** Says a file is being made (its name and folder), until add() records it. */
  ask(name: string, where: string): void {
    this.asked = { name, where };
  }
  add(name: string, file: { id: string; url: string }): void {
    this.files.push({ name, ...file });
    this.asked = undefined;
  }
  /** Keeps every file made so far (a template, and the folder that holds it). */
  keepAll(): void {
    this.kept.push(...this.files.splice(0));
  }
  /** Trashes every file made (inner files first); answers the failure message. */
  undo(why: string): Bilingual {
    const made = this.files.length;
    const left = [...this.files].reverse().filter((f) => !trash(f.id));
    const keptTh = this.kept.length ? ` (เก็บไว้ใช้ต่อ: ${this.kept.map((f) => `"${f.name}" ${f.url}`).join(', ')})` : '';
    const keptEn = this.kept.length ? ` (kept for later: ${this.kept.map((f) => `"${f.name}" ${f.url}`).join(', ')})` : '';
    // A call that failed after Drive may have made its file: say where to look, never that nothing is left.
    const asked = this.asked;
    if (asked) {
      const rest = left.length ? ` และลบไฟล์เหล่านี้ไม่ได้: ${left.map((f) => `"${f.name}" ${f.url}`).join(', ')}` : made ? ' ไฟล์อื่นที่สร้างค้างไว้ลบแล้ว' : '';
      const restEn = left.length ? ` and could not trash: ${left.map((f) => `"${f.name}" ${f.url}`).join(', ')}` : made ? ' The other half-made files were trashed.' : '';
      return {
        th: `${why} Google อาจสร้างไฟล์ "${asked.name}" ไว้แล้วแม้จะตอบว่าไม่สำเร็จ ถ้าพบในโฟลเดอร์ ${asked.where} กรุณาลบทิ้ง${rest}${keptTh}`,
        en: `${why} Google may have made the file "${asked.name}" although it answered with a failure; if it is in the folder ${asked.where}, please delete it.${restEn}${keptEn}`,
      };
    }
    if (!made) return { th: `${why} ไม่มีไฟล์ที่สร้างค้างไว้${keptTh}`, en: `${why} No half-made file was left.${keptEn}` };
    if (!left.length) return { th: `${why} ได้ลบไฟล์ที่สร้างค้างไว้แล้ว${keptTh}`, en: `${why} The half-made files were moved to the trash.${keptEn}` };
    const list = left.reverse().map((f) => `"${f.name}" ${f.url}`).join(', ');
    return {
      th: `${why} ลบไฟล์ที่สร้างค้างไว้ไม่ได้ กรุณาลบเองใน Google ไดรฟ์: ${list}${keptTh}`,
      en: `${why} Could not trash the half-made files; please delete them in Google Drive: ${list}${keptEn}`,
    };
  }
}

/** Writes a default template into a new Doc in the folder, as this user's own template of that kind. */
export function makeTemplate(kind: ReportKind, folderId: string, made: Made): TemplateInfo {
  const t = defaultTemplate(kind);
  const file = createDoc(t.name, folderId);
  made.add(t.name, file);
  const doc = DocumentApp.openById(file.id);
  writeTemplate(doc, t);
  doc.saveAndClose();
  PropertiesService.getUserProperties().setProperty(ownTemplateKey(kind), file.id);
  return { kind, id: file.id, url: file.url, name: t.name };
}

/**
 * The template a report of that kind uses: this user's own default template,
 * unless it is gone or in the trash; else the unit's template set by its link.
 * `shared` is set when the unit's template cannot be opened by this user.
 */
export function templateOf(kind: ReportKind): { id?: string; gone?: 'own' | 'shared' } {
  const ownId = PropertiesService.getUserProperties().getProperty(ownTemplateKey(kind));
  // The user's own template is a file the add-on made for them: Drive sees it unless it was deleted for good.
  if (ownId && isLive(ownId)) return { id: ownId };
  const shared = PropertiesService.getDocumentProperties().getProperty(templateKey(kind));
  if (shared) return { id: shared };
  return ownId ? { gone: 'own' } : {};
}

const TEMPLATE_UNREACHABLE =
  'แม่แบบที่ตั้งไว้สำหรับรายงานนี้เปิดด้วยบัญชีนี้ไม่ได้ (ถูกลบ หรือเจ้าของยังไม่ได้แชร์สิทธิ์ดูให้) ขอให้เจ้าของแชร์ หรือสร้างแม่แบบมาตรฐานของคุณเองในแท็บแม่แบบรายงาน';

function reportState(): ReportState {
  const templates: Partial<Record<ReportKind, TemplateInfo>> = {};
  const unreachable: ReportKind[] = [];
  for (const kind of REPORT_KINDS) {
    try {
      const { id } = templateOf(kind);
      if (id) templates[kind] = info(kind, DocumentApp.openById(id));
    } catch {
      unreachable.push(kind);
    }
  }
  const fiscalYear = settingsYear();
  // One sheet that cannot be read leaves the dialog usable.
  const tryList = <T>(f: () => Iterable<T>): T[] => {
    try {
      return [...f()];
    } catch {
      return [];
    }
  };
  const scoreYears = tryList(() => readScores());
  const scored = scoredYears(new Map(scoreYears));
  // The analysis of year N carries N+1's measures: that year's folder and measures are offered too.
  const measureYears = [...new Set(tryList(() => allMeasures().map((m) => m.fiscalYear)).filter((y) => y > 2500))].sort((a, b) => b - a);
  const checklists = tryList(() => checklistSheetYears());
  const years = [...new Set<number>([fiscalYear, ...scoreYears.map(([y]) => y), ...measureYears, ...checklists])].filter((y) => y > 2500).sort((a, b) => b - a);
  const unit = unitName();
  const folders = years.map((year): ReportFolder => {
    try {
      const known = knownFolder(year);
      if (known) return { year, name: known.name, url: known.url };
    } catch {
      // shown as still to be made
    }
    return { year, name: folderName(year, unit), url: '' };
  });
  return { fiscalYear, years, scoredYears: scored, measureYears, checklistYears: checklists, templates, unreachable, folders };
}

/** The Thai of an add-on error, else the error's own message (an error from a service may not be an instance of this realm's Error). */
export const failed = (e: unknown): string => (isItaError(e) ? e.th : typeof (e as { message?: unknown } | null)?.message === 'string' ? (e as { message: string }).message : String(e));

function createTemplate(req: { kind: ReportKind }): TemplateDone {
  const made = new Made();
  try {
    const folder = reportFolder(settingsYear(), made);
    const template = makeTemplate(req.kind, folder.id, made);
    return { ok: true, template, notes: [`แม่แบบอยู่ในโฟลเดอร์ "${folder.name}" ที่ส่วนเสริมสร้างไว้: ${folder.url}`] };
  } catch (e) {
    return notDone(made.undo(`สร้างแม่แบบไม่สำเร็จ (${failed(e)})`));
  }
}

/** Opens a template, reads it once (its plan) and checks it; every problem in one answer. Answers the Doc, its texts and its plan. */
export function openChecked(kind: ReportKind, id: string, spec = templateSpec(kind)): { doc: GoogleAppsScript.Document.Document; texts: readonly TemplateText[]; plan: TemplatePlan } | NotDone {
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(id);
  } catch {
    return notDone({ th: `เปิดแม่แบบรายงานไม่ได้: ${TEMPLATE_UNREACHABLE}`, en: 'The report template cannot be opened with this account (deleted, or not shared); ask its owner, or create your own default template' });
  }
  const plan = planTemplate(doc);
  const texts = plan.texts;
  const problems = checkTemplate(texts, spec, formatter({ digits: 'thai' }));
  if (problems.length) {
    return notDone({ th: `แม่แบบ "${doc.getName()}" มีจุดที่ต้องแก้ ${problems.length} จุด ยังไม่ได้สร้างไฟล์ใด ๆ`, en: `The template has ${problems.length} problems; no file was created` }, problems);
  }
  return { doc, texts, plan };
}

/**
 * The refusal of a report whose scores cannot all be read: every unreadable
 * cell of the year or of an earlier year (the previous year and the totals
 * chart read those), or of a row whose year cannot be read, named.
 */
function unreadScores(scores: ScoreSheet, year: number): NotDone | undefined {
  const bad = scores.problems.filter((p) => p.year === undefined || p.year <= year);
  if (!bad.length) return undefined;
  return notDone(
    {
      th: `อ่านคะแนนในแผ่นงาน "${SHEET.scores}" ไม่ได้ ${bad.length} ช่อง ซึ่งรายงานปีงบประมาณ ${year} ต้องใช้ (ปีนั้นหรือปีก่อนหน้าที่นำมาเทียบ) แก้ตามรายการแล้วสร้างใหม่ ยังไม่ได้สร้างไฟล์ใด ๆ`,
      en: `${bad.length} cells of the sheet "${SHEET.scores}" cannot be read (fiscal year ${year} or an earlier year the report compares with); no file was created`,
    },
    bad.map((p) => p.th),
    bad.map((p) => p.en),
  );
}

/** Years whose ten scores can all be read, latest first. */
const scoredYears = (scores: ReadonlyMap<number, readonly number[]>): number[] => [...scores].filter(([, s]) => s.length === 10 && s.every((x) => !isNaN(x))).map(([y]) => y).sort((a, b) => b - a);

/** The refusal of an analysis of a year without scores: no Doc is made. */
function noScores(year: number, scored: readonly number[]): NotDone {
  const others = scored.length ? ` (ปีที่มีคะแนนแล้ว: ${scored.join(', ')})` : '';
  return notDone(
    {
      th: `ยังไม่มีคะแนนของปีงบประมาณ ${year} ในแผ่นงาน "${SHEET.scores}" จึงยังไม่ได้สร้างรายงาน กรอกคะแนนตัวชี้วัดทั้ง 10 ของปีนั้นตามที่ ป.ป.ช. ประกาศ หรือเลือกปีที่มีคะแนนแล้ว${others}`,
      en: `The sheet "${SHEET.scores}" has no scores for fiscal year ${year}, so no report was made: enter that year's 10 indicator scores as the NACC published them, or choose a year that has them${scored.length ? ` (${scored.join(', ')})` : ''}`,
    },
    [],
  );
}

/** Reports of a year's measures: refused, as a report of nothing, for a year without any. */
const OF_MEASURES: readonly ReportKind[] = ['progress', 'memo', 'announcement'];

function nothingToReport(req: ReportRequest, measures: readonly Measure[]): NotDone | undefined {
  if (OF_MEASURES.includes(req.kind) && !measures.some((m) => m.fiscalYear === req.fiscalYear)) {
    return notDone(
      {
        th: `ยังไม่มีมาตรการของปีงบประมาณ ${req.fiscalYear} ในแผ่นงาน "${SHEET.measures}" จึงยังไม่ได้สร้างรายงาน บันทึกมาตรการของปีนั้นในแถบบันทึกมาตรการก่อน หรือเลือกปีที่มีมาตรการ`,
        en: `The sheet "${SHEET.measures}" has no measures for fiscal year ${req.fiscalYear}, so no report was made`,
      },
      [],
    );
  }
  if (req.kind === 'oit' && !checklistSheetYears().includes(req.fiscalYear)) {
    return notDone(
      {
        th: `ยังไม่มีรายการตรวจ OIT ของปีงบประมาณ ${req.fiscalYear} (แผ่นงาน "OIT ${req.fiscalYear}") จึงยังไม่ได้สร้างรายงาน สร้างรายการตรวจของปีนั้นจากแท็บรายการตรวจ OIT ก่อน`,
        en: `There is no OIT checklist for fiscal year ${req.fiscalYear} (sheet "OIT ${req.fiscalYear}"), so no report was made`,
      },
      [],
    );
  }
  return undefined;
}

export const isNotDone = (x: unknown): x is NotDone => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

function setTemplate(req: { kind: ReportKind; url: string }): TemplateDone {
  const id = docIdFromUrl(req.url);
  if (!id) return notDone({ th: 'ลิงก์นี้ไม่ใช่ลิงก์ของ Google เอกสาร (https://docs.google.com/document/d/…)', en: 'Not a Google Docs link' });
  const checked = openChecked(req.kind, id);
  if (isNotDone(checked)) return checked;
  // The unit's template, for everyone; this user's own default no longer stands before it.
  PropertiesService.getDocumentProperties().setProperty(templateKey(req.kind), id);
  PropertiesService.getUserProperties().deleteProperty(ownTemplateKey(req.kind));
  return { ok: true, template: info(req.kind, checked.doc), notes: [] };
}

/**
 * The two charts, drawn with Apps Script's chart builders; none without data
 * (DataTableBuilder.build() "throws an error if the data table is empty").
 * Every number a reader sees follows the report's digits: the labels carry
 * each value, and the value axis gets its ticks with labels of our own
 * (Google Charts' `ticks` option: objects with "v" and the label "f"), which
 * setOption passes on ("has no effect if the given option is invalid"); a
 * self-check probe looks at whether the drawn image honours them.
 */
export function chartBlob(name: string, data: ReturnType<typeof reportData>, digits: 'thai' | 'arabic'): GoogleAppsScript.Base.Blob | undefined {
  const d = (t: string) => (digits === 'thai' ? toThaiDigits(t) : t);
  const two = (x: number) => d(toFixedText(x, 2));
  const ticks = [0, 20, 40, 60, 80, 100].map((v) => ({ v, f: d(String(v)) }));
  if (name === CHART_INDICATORS) {
    if (!data.charts.indicators.length) return undefined;
    const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ตัวชี้วัด').addColumn(Charts.ColumnType.NUMBER, 'คะแนน').addColumn(Charts.ColumnType.NUMBER, d(`เกณฑ์ผ่าน ${data.charts.passMark}`));
    for (const i of data.charts.indicators) table.addRow([`${d(i.label)} (${two(i.score)})`, i.score, data.charts.passMark]);
    return Charts.newBarChart().setDataTable(table).setTitle('คะแนนรายตัวชี้วัดเทียบกับเกณฑ์ผ่าน').setRange(0, 100).setOption('hAxis.ticks', ticks).setColors(['#1a73e8', '#d93025']).setDimensions(720, 520).build().getAs('image/png');
  }
  if (!data.charts.totals.length) return undefined;
  const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ปีงบประมาณ').addColumn(Charts.ColumnType.NUMBER, 'คะแนนรวม');
  for (const t of data.charts.totals) table.addRow([`${d(String(t.year))} (${two(t.total)})`, t.total]);
  return Charts.newColumnChart().setDataTable(table).setTitle('คะแนนรวมรายปี').setRange(0, 100).setOption('vAxis.ticks', ticks).setColors(['#1a73e8']).setDimensions(720, 400).build().getAs('image/png');
}

/**
 * Adds the report's row to the log sheet (after the report is complete),
 * through the table layer: after the last used row, only its own columns.
 * Answers why nothing was logged, if so.
 */
function logReport(req: ReportRequest, name: string, url: string, pdfUrl: string): string | undefined {
  const logged = appendRecord(
    { sheet: SHEET.reports, columns: REPORT_LOG_HEADERS },
    {
      // Local time of the spreadsheet's zone, as text (one form whatever the cell's format).
      เวลา: nowLocalText(),
      ผู้สร้าง: currentUser(),
      รายงาน: REPORT_TITLES[req.kind],
      ปีงบประมาณ: req.fiscalYear,
      ชื่อไฟล์: name,
      ลิงก์: url,
      PDF: pdfUrl,
    },
  );
  return logged ? undefined : `ไม่มีชีต "${SHEET.reports}" หรือหัวคอลัมน์ของชีตนี้ (${REPORT_LOG_HEADERS.join(', ')}) จึงไม่ได้บันทึกรายงานนี้ไว้ (เรียก ตั้งค่าสมุดงาน ITA เพื่อสร้างใหม่)`;
}

/**
 * The latest progress report of a year in the log of generated reports, which
 * a memo of that year refers to; none when the log holds none (or cannot be
 * read: the memo then reads without it).
 */
function loggedProgressReport(year: number): { name: string; url: string } | undefined {
  let t: ReturnType<typeof openTable>;
  try {
    t = openTable({ sheet: SHEET.reports, columns: REPORT_LOG_HEADERS });
  } catch {
    return undefined;
  }
  const [kind, y, name, link] = ['รายงาน', 'ปีงบประมาณ', 'ชื่อไฟล์', 'ลิงก์'].map((h) => t?.index.get(h));
  if (!t || kind === undefined || y === undefined || link === undefined) return undefined;
  for (let r = t.values.length - 1; r > t.header; r--) {
    const row = t.values[r]!;
    const url = String(row[link] ?? '').trim();
    if (String(row[kind] ?? '').trim() !== REPORT_TITLES.progress || readFiscalYear(row[y]) !== year || !/^https?:\/\/\S+$/.test(url)) continue;
    // A draft the unit moved to the trash is not the report it sends (one Drive cannot show this user is taken as it is).
    const id = docIdFromUrl(url);
    if (id && inTrash(id)) continue;
    return { name: name === undefined ? '' : String(row[name] ?? '').trim(), url };
  }
  return undefined;
}

/** Logs a complete report; a failure is only a note (nothing is undone once a report is complete). */
function logCompleted(req: ReportRequest, name: string, url: string, pdfUrl: string, notes: string[]): void {
  try {
    const why = logReport(req, name, url, pdfUrl);
    if (why) notes.push(why);
  } catch (e) {
    notes.push(`รายงานเสร็จแล้ว แต่การบันทึกลงชีต "${SHEET.reports}" อาจไม่ครบ กรุณาตรวจแถวล่าสุดของชีต (${failed(e)})`);
  }
}

/** Marks a generation as running (then calls `claimed`); refuses when another one is. */
function claim(claimed: () => void): NotDone | undefined {
  return withDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    const since = Number(props.getProperty(RUNNING));
    if (since && Date.now() - since < STALE_MS) {
      return notDone({ th: 'กำลังสร้างรายงานอีกฉบับอยู่ กรุณารอให้เสร็จก่อน', en: 'Another report is being generated; wait for it to finish' });
    }
    props.setProperty(RUNNING, String(Date.now()));
    claimed();
    return undefined;
  });
}

/** Clears the running mark, trying twice: a mark left behind refuses every report for minutes. */
function release(): void {
  for (let i = 0; i < 2; i++) {
    try {
      PropertiesService.getDocumentProperties().deleteProperty(RUNNING);
      return;
    } catch {
      // try once more
    }
  }
}

/** A progress message in the corner; never worth failing a report for. */
function toast(text: string): void {
  try {
    SpreadsheetApp.getActive().toast(text, 'สร้างรายงาน', 5);
  } catch {
    // the report goes on
  }
}

function generateReport(req: ReportRequest): ReportDone {
  const made = new Made();
  let mine = false;
  try {
    const busy = claim(() => (mine = true));
    if (busy) return busy;
    return req.kind === 'memo' && req.withProgress ? memoWithProgress(req, made) : generate(req, made);
  } catch (e) {
    return notDone(made.undo(`สร้างรายงานไม่สำเร็จ (${failed(e)})`));
  } finally {
    if (mine) release();
  }
}

/**
 * The memo that carries the progress report up the chain (seed 000): the
 * progress report of the year first, then the memo naming and linking it,
 * both or neither — a memo refused or failed takes the report with it — and
 * both logged once both are complete.
 */
function memoWithProgress(req: ReportRequest, made: Made): ReportDone {
  const progress = generate({ ...req, kind: 'progress' }, made, { log: false });
  if (!progress.ok) return progress;
  const memo = generate(req, made, { log: false, attached: { name: progress.name, url: progress.url } });
  if (!memo.ok) {
    const undone = made.undo('');
    return {
      ...memo,
      message: { th: `บันทึกข้อความ: ${memo.message.th} — รายงานผลการดำเนินการที่สร้างคู่กัน:${undone.th}`, en: `The memo: ${memo.message.en} — the progress report made with it:${undone.en}` },
    };
  }
  const notes = [...progress.notes.filter((n) => !memo.notes.includes(n)), ...memo.notes, `แนบรายงานผลการดำเนินการตามมาตรการ "${progress.name}": ${progress.url}`];
  for (const [kind, r] of [['progress', progress], ['memo', memo]] as const) logCompleted({ ...req, kind }, r.name, r.url, r.pdfUrl ?? '', notes);
  return { ...memo, notes };
}

function generate(req: ReportRequest, made: Made, how: { log?: boolean; attached?: { name: string; url: string } } = {}): ReportDone {
  const notes: string[] = [];
  toast('กำลังตรวจแม่แบบรายงาน…');
  // The analysis reads the scores whatever its template: refused before anything is made.
  const scores = readScores();
  const unread = req.kind === 'analysis' ? unreadScores(scores, req.fiscalYear) : undefined;
  if (unread) return unread;
  const scored = scoredYears(scores);
  if (req.kind === 'analysis' && !scored.includes(req.fiscalYear)) return noScores(req.fiscalYear, scored);
  // The measures sheet is read once, for the check below and for the report.
  const measures = req.kind === 'oit' ? [] : allMeasures();
  // A report of nothing is not made: the progress of a year without measures, the OIT progress of a year without a checklist.
  const empty = nothingToReport(req, measures);
  if (empty) return empty;
  // The folder is made only once a file goes into it (a refused template makes nothing).
  let year: ReturnType<typeof reportFolder> | undefined;
  const folder = () => (year ??= reportFolder(req.fiscalYear, made));
  const chosen = templateOf(req.kind);
  let templateId = chosen.id;
  if (!templateId) {
    // A default template made on the way is kept even if the report fails: it is the unit's to restyle.
    templateId = makeTemplate(req.kind, folder().id, made).id;
    made.keepAll();
    notes.push(
      chosen.gone === 'own'
        ? `แม่แบบเดิมอยู่ในถังขยะหรือถูกลบ จึงสร้างแม่แบบมาตรฐาน "${defaultTemplate(req.kind).name}" ใหม่ให้`
        : `ยังไม่มีแม่แบบ จึงสร้างแม่แบบมาตรฐาน "${defaultTemplate(req.kind).name}" ให้ แก้รูปแบบได้ใน Google เอกสาร`,
    );
  }
  const checked = openChecked(req.kind, templateId);
  if (isNotDone(checked)) return checked;
  const { doc: template, texts, plan } = checked;
  // Read now: after the report is complete nothing may fail it.
  const used = info(req.kind, template);
  // Another report reads them when its template shows a score.
  const unreadHere = req.kind !== 'analysis' && readsScores(req.kind, texts) ? unreadScores(scores, req.fiscalYear) : undefined;
  if (unreadHere) return unreadHere;

  const s = settings();
  const oit = req.kind === 'oit' ? oitReportInput(req.fiscalYear) : undefined;
  const attached = req.kind === 'memo' ? (how.attached ?? loggedProgressReport(req.fiscalYear)) : undefined;
  const data = reportData({
    settings: s,
    scores: new Map([...scores].filter(([, s]) => s.every((x) => !isNaN(x)))),
    measures,
    fiscalYear: req.fiscalYear,
    today: today(),
    digits: req.digits,
    kind: req.kind,
    ...(oit ? { oitItems: oit.items, oitSubNames: oit.subNames } : {}),
    ...(attached ? { attached } : {}),
  });
  notes.push(...data.notes);
  // Typed text takes the report's digits too unless the unit says not (by default only with Thai digits).
  const fmt = formatter({ digits: req.digits, typedDigits: req.typedDigits ?? req.digits === 'thai' });
  const name = fill(tokenize(defaultTemplate(req.kind).reportName).tokens, data.scope, fmt).trim();

  toast('กำลังสร้างเอกสาร…');
  const { id: folderId, ...where } = folder();
  // The template copied whole by Drive when the add-on may reach it (the user's own default template):
  // page numbers, a first page's own header and the styles the unit set stay, which no Document
  // service method can copy or make; a unit's template shared by link is copied element by element.
  made.ask(name, where.url);
  const whole = copyDoc(templateId, name, folderId);
  const file = whole ?? createDoc(name, folderId);
  made.add(name, file);
  fillReport(file.id, !whole, template, plan, data, fmt, req.digits);
  let pdfUrl = '';
  if (req.pdf) {
    toast('กำลังบันทึก PDF…');
    // Document.getAs needs only the documents scope; the closed Doc is opened again to read it.
    const blob = DocumentApp.openById(file.id).getAs('application/pdf');
    made.ask(`${name}.pdf`, where.url);
    const pdf = createFile(`${name}.pdf`, blob, folderId);
    made.add(`${name}.pdf`, pdf);
    pdfUrl = pdf.url;
  }
  // The report is complete: from here nothing is undone, and a failure is only a note.
  if (how.log !== false) logCompleted(req, name, file.url, pdfUrl, notes);
  toast('สร้างรายงานเสร็จแล้ว');
  return { ok: true, name, url: file.url, ...(pdfUrl ? { pdfUrl } : {}), folder: where, template: used, notes };
}

/**
 * Fills a report's new Doc: the template copied into it element by element
 * when Drive could not copy it whole, then filled from the template's plan
 * (the copy holds what the template held where it held it, so it is not read
 * again), and closed.
 */
export function fillReport(
  fileId: string,
  copyInto: boolean,
  template: GoogleAppsScript.Document.Document,
  plan: TemplatePlan,
  data: ReturnType<typeof reportData>,
  fmt: ReturnType<typeof formatter>,
  digits: 'thai' | 'arabic',
): void {
  const doc = DocumentApp.openById(fileId);
  if (copyInto) copyDocument(template, doc);
  const body = doc.getBody();
  // The template's page, as copied: tables wider than its text are narrowed to it.
  const textWidth = body.getPageWidth() - body.getMarginLeft() - body.getMarginRight();
  fillPlanned(doc, plan, {
    scope: data.scope,
    collections: data.collections,
    formatter: fmt,
    chart: (chart) => chartBlob(chart, data, digits),
    // Page sizes are in points, image sizes in pixels (reference/document/body#getPageWidth(),
    // inline-image#setWidth(Integer)); Docs draws 96 pixels to the inch, 72 points.
    imageWidth: Math.floor((textWidth * 96) / 72),
    textWidth,
    digits,
  });
  doc.saveAndClose();
}

export const reportApi = { reportState, createTemplate, setTemplate, generateReport };

/** Menu: สร้างรายงาน / สร้างแม่แบบรายงาน — the reports dialog, on the chosen tab. */
export function openReportDialog(mode: 'report' | 'template' = 'report'): void {
  const html = HtmlService.createHtmlOutputFromFile('reports').setWidth(460).setHeight(600);
  html.append(`<script>window.ITA_MODE=${JSON.stringify(mode)};</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, mode === 'report' ? 'สร้างรายงาน ITA' : 'แม่แบบรายงาน ITA');
}
