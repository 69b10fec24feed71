// The report commands: default templates, a template by URL, and generation
// (template copied, never changed; a half-made report removed on failure).
import type { NotDone, ReportDone, ReportFolder, ReportRequest, ReportState, TemplateDone, TemplateInfo } from '../core/api';
import { isItaError, type Bilingual } from '../core/errors';
import { CHART_INDICATORS, reportData, templateSpec, type ReportKind } from '../core/report/context';
import { defaultTemplate, REPORT_TITLES } from '../core/report/default-templates';
import { formatter } from '../core/report/format';
import { checkTemplate, fill, tokenize, type Value } from '../core/report/template';
import { REPORT_LOG_HEADERS, SHEET } from '../core/workbook';
import { allMeasures } from './measures';
import { createDoc, createFile, createFolder, liveFolder, trash } from './drive';
import { copyDocument, documentTexts, fillDocument, writeTemplate } from './docs';
import { oitReportInput } from './oit';
import { nowLocalText, today } from './time';
import { readScores } from './scores';
import { currentUser, readAll, settingsYear, sheetNamed, withDocumentLock, writeLiterally } from './sheets';

const templateKey = (kind: ReportKind) => `ita.template.${kind}`;
const RUNNING = 'ita.report.running';
/** A generation older than this is taken as dead (the execution limit is 6 minutes). */
const STALE_MS = 7 * 60 * 1000;

const notDone = (message: Bilingual, problems: readonly string[] = []): NotDone => ({ ok: false, message, problems });

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

const folderKey = (year: number) => `ita.folder.${year}`;

/** The name of a year's report folder: the unit and the fiscal year. */
function folderName(year: number): string {
  const unit = String(settings()['ชื่อหน่วยงาน'] ?? '').trim();
  return `รายงาน ITA ${unit ? `${unit} ` : ''}ปีงบประมาณ ${year}`;
}

/** The year's folder if the add-on made one and it is still there (not trashed). */
function knownFolder(year: number): ReportFolder | undefined {
  const id = PropertiesService.getDocumentProperties().getProperty(folderKey(year));
  const live = id ? liveFolder(id) : undefined;
  return live && { year, name: folderName(year), url: live.url };
}

/**
 * The folder a year's reports go into: one the add-on made (drive.file reaches
 * nothing else), named for the unit and year, remembered in the document's
 * properties and made again if the user trashed it.
 */
function reportFolder(year: number): ReportFolder & { id: string } {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(folderKey(year));
  const live = id ? liveFolder(id) : undefined;
  if (live) return { year, name: folderName(year), ...live };
  const made = createFolder(folderName(year));
  props.setProperty(folderKey(year), made.id);
  return { year, name: folderName(year), ...made };
}

/**
 * Files made during one command, so that a failure removes them — and says
 * which it could not remove, with their links, instead of claiming it did.
 */
class Made {
  private readonly files: { name: string; url: string; id: string }[] = [];
  add(name: string, file: { id: string; url: string }): void {
    this.files.push({ name, ...file });
  }
  /** Trashes every file made; answers the failure message. */
  undo(why: string): Bilingual {
    const left = this.files.filter((f) => !trash(f.id));
    if (!this.files.length) return { th: `${why} ยังไม่ได้สร้างไฟล์ใด ๆ`, en: `${why} No file was created.` };
    if (!left.length) return { th: `${why} ได้ลบไฟล์ที่สร้างค้างไว้แล้ว`, en: `${why} The half-made files were moved to the trash.` };
    const list = left.map((f) => `"${f.name}" ${f.url}`).join(', ');
    return {
      th: `${why} ลบไฟล์ที่สร้างค้างไว้ไม่ได้ กรุณาลบเองใน Google ไดรฟ์: ${list}`,
      en: `${why} Could not trash the half-made files; please delete them in Google Drive: ${list}`,
    };
  }
}

/** Writes a default template into a new Doc in the folder; the Doc is listed in `made`. */
function makeTemplate(kind: ReportKind, folderId: string, made: Made): TemplateInfo {
  const t = defaultTemplate(kind);
  const file = createDoc(t.name, folderId);
  made.add(t.name, file);
  const doc = DocumentApp.openById(file.id);
  writeTemplate(doc, t);
  doc.saveAndClose();
  PropertiesService.getDocumentProperties().setProperty(templateKey(kind), file.id);
  return { kind, id: file.id, url: file.url, name: t.name };
}

function reportState(): ReportState {
  const props = PropertiesService.getDocumentProperties();
  const templates: Partial<Record<ReportKind, TemplateInfo>> = {};
  for (const kind of ['analysis', 'progress', 'oit'] as const) {
    const id = props.getProperty(templateKey(kind));
    if (!id) continue;
    try {
      templates[kind] = info(kind, DocumentApp.openById(id));
    } catch {
      // A template that cannot be opened any more is shown as none.
    }
  }
  const fiscalYear = settingsYear();
  const years = [...new Set<number>([fiscalYear, ...readScores().keys(), ...allMeasures().map((m) => m.fiscalYear)])].filter((y) => y > 2500).sort((a, b) => b - a);
  const folders = years.map((year) => knownFolder(year) ?? { year, name: folderName(year), url: '' });
  return { fiscalYear, years, templates, folders };
}

const failed = (e: unknown) => (isItaError(e) ? e.th : e instanceof Error ? e.message : String(e));

function createTemplate(req: { kind: ReportKind }): TemplateDone {
  const made = new Made();
  try {
    const folder = reportFolder(settingsYear());
    const template = makeTemplate(req.kind, folder.id, made);
    return { ok: true, template, notes: [`แม่แบบอยู่ในโฟลเดอร์ "${folder.name}" ที่ส่วนเสริมสร้างไว้: ${folder.url}`] };
  } catch (e) {
    return notDone(made.undo(`สร้างแม่แบบไม่สำเร็จ (${failed(e)})`));
  }
}

/** Opens a template and checks it; every problem in one answer. */
function openChecked(kind: ReportKind, id: string): GoogleAppsScript.Document.Document | NotDone {
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(id);
  } catch {
    return notDone({
      th: 'เปิดแม่แบบรายงานไม่ได้ อาจถูกลบ หรือบัญชีนี้ไม่มีสิทธิ์ดู กรุณาสร้างแม่แบบใหม่หรือตั้งแม่แบบจากลิงก์อีกครั้ง',
      en: 'The report template cannot be opened (deleted, or no access); create a new one or set one by its link',
    });
  }
  const problems = checkTemplate(documentTexts(doc), templateSpec(kind), formatter({ digits: 'thai' }));
  if (problems.length) {
    return notDone({ th: `แม่แบบ "${doc.getName()}" มีจุดที่ต้องแก้ ${problems.length} จุด ยังไม่ได้สร้างไฟล์ใด ๆ`, en: `The template has ${problems.length} problems; no file was created` }, problems);
  }
  return doc;
}

const isNotDone = (x: unknown): x is NotDone => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

function setTemplate(req: { kind: ReportKind; url: string }): TemplateDone {
  const id = docIdFromUrl(req.url);
  if (!id) return notDone({ th: 'ลิงก์นี้ไม่ใช่ลิงก์ของ Google เอกสาร (https://docs.google.com/document/d/…)', en: 'Not a Google Docs link' });
  const doc = openChecked(req.kind, id);
  if (isNotDone(doc)) return doc;
  PropertiesService.getDocumentProperties().setProperty(templateKey(req.kind), id);
  return { ok: true, template: info(req.kind, doc), notes: [] };
}

/**
 * The two charts, drawn with Apps Script's chart builders; none without data
 * (DataTableBuilder.build() "throws an error if the data table is empty").
 */
function chartBlob(name: string, data: ReturnType<typeof reportData>): GoogleAppsScript.Base.Blob | undefined {
  if (name === CHART_INDICATORS) {
    if (!data.charts.indicators.length) return undefined;
    const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ตัวชี้วัด').addColumn(Charts.ColumnType.NUMBER, 'คะแนน').addColumn(Charts.ColumnType.NUMBER, `เกณฑ์ผ่าน ${data.charts.passMark}`);
    for (const i of data.charts.indicators) table.addRow([i.label, i.score, data.charts.passMark]);
    return Charts.newBarChart().setDataTable(table).setTitle('คะแนนรายตัวชี้วัดเทียบกับเกณฑ์ผ่าน').setRange(0, 100).setColors(['#1a73e8', '#d93025']).setDimensions(720, 520).build().getAs('image/png');
  }
  if (!data.charts.totals.length) return undefined;
  const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ปีงบประมาณ').addColumn(Charts.ColumnType.NUMBER, 'คะแนนรวม');
  for (const t of data.charts.totals) table.addRow([String(t.year), t.total]);
  return Charts.newColumnChart().setDataTable(table).setTitle('คะแนนรวมรายปี').setRange(0, 100).setColors(['#1a73e8']).setDimensions(720, 400).build().getAs('image/png');
}

/** Adds the report's row to the log sheet (after the report is complete). */
function logReport(req: ReportRequest, name: string, url: string, pdfUrl: string): void {
  const sheet = sheetNamed(SHEET.reports);
  if (!sheet) return;
  withDocumentLock(() => {
    const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0]!.map((h) => String(h).trim());
    // Local time of the spreadsheet's zone, as text (one form whatever the cell's format).
    const values: Record<string, string | number> = {
      เวลา: nowLocalText(),
      ผู้สร้าง: currentUser(),
      รายงาน: REPORT_TITLES[req.kind],
      ปีงบประมาณ: req.fiscalYear,
      ชื่อไฟล์: name,
      ลิงก์: url,
      PDF: pdfUrl,
    };
    const row = header.map((h) => (REPORT_LOG_HEADERS.includes(h as (typeof REPORT_LOG_HEADERS)[number]) ? values[h] ?? '' : ''));
    writeLiterally(sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length), [row]);
  });
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
    return busy ?? generate(req, made);
  } catch (e) {
    return notDone(made.undo(`สร้างรายงานไม่สำเร็จ (${failed(e)})`));
  } finally {
    if (mine) release();
  }
}

function generate(req: ReportRequest, made: Made): ReportDone {
  const notes: string[] = [];
  toast('กำลังตรวจแม่แบบรายงาน…');
  const props = PropertiesService.getDocumentProperties();
  // The folder is made only once a file goes into it (a refused template makes nothing).
  let year: ReturnType<typeof reportFolder> | undefined;
  const folder = () => (year ??= reportFolder(req.fiscalYear));
  let templateId = props.getProperty(templateKey(req.kind));
  if (!templateId) {
    // A default template made on the way is kept even if the report fails: it is the unit's to restyle.
    const templateMade = new Made();
    try {
      templateId = makeTemplate(req.kind, folder().id, templateMade).id;
    } catch (e) {
      return notDone(templateMade.undo(`สร้างแม่แบบไม่สำเร็จ (${failed(e)})`));
    }
    notes.push(`ยังไม่มีแม่แบบ จึงสร้างแม่แบบมาตรฐาน "${defaultTemplate(req.kind).name}" ให้ แก้รูปแบบได้ใน Google เอกสาร`);
  }
  const template = openChecked(req.kind, templateId);
  if (isNotDone(template)) return template;

  const s = settings();
  const oit = req.kind === 'oit' ? oitReportInput(req.fiscalYear) : undefined;
  const data = reportData({
    settings: s,
    scores: new Map([...readScores()].filter(([, s]) => s.every((x) => !isNaN(x)))),
    measures: req.kind === 'oit' ? [] : allMeasures(),
    fiscalYear: req.fiscalYear,
    today: today(),
    digits: req.digits,
    kind: req.kind,
    ...(oit ? { oitItems: oit.items, oitSubNames: oit.subNames } : {}),
  });
  notes.push(...data.notes);
  const fmt = formatter({ digits: req.digits });
  const name = fill(tokenize(defaultTemplate(req.kind).reportName).tokens, data.scope, fmt).trim();

  toast('กำลังสร้างเอกสาร…');
  const { id: folderId, ...where } = folder();
  const file = createDoc(name, folderId);
  made.add(name, file);
  const doc = DocumentApp.openById(file.id);
  copyDocument(template, doc);
  const body = doc.getBody();
  fillDocument(doc, {
    scope: data.scope,
    collections: data.collections,
    formatter: fmt,
    chart: (chart) => chartBlob(chart, data),
    // Page sizes are in points, image sizes in pixels (reference/document/body#getPageWidth(),
    // inline-image#setWidth(Integer)); Docs draws 96 pixels to the inch, 72 points.
    imageWidth: Math.floor(((body.getPageWidth() - body.getMarginLeft() - body.getMarginRight()) * 96) / 72),
  });
  doc.saveAndClose();
  let pdfUrl = '';
  if (req.pdf) {
    toast('กำลังบันทึก PDF…');
    // Document.getAs needs only the documents scope; the closed Doc is opened again to read it.
    const pdf = createFile(`${name}.pdf`, DocumentApp.openById(file.id).getAs('application/pdf'), folderId);
    made.add(`${name}.pdf`, pdf);
    pdfUrl = pdf.url;
  }
  // The report is complete: from here nothing is undone, and a failure is only a note.
  try {
    logReport(req, name, file.url, pdfUrl);
  } catch (e) {
    notes.push(`รายงานเสร็จแล้ว แต่บันทึกลงชีต "${SHEET.reports}" ไม่ได้ (${failed(e)})`);
  }
  toast('สร้างรายงานเสร็จแล้ว');
  return { ok: true, name, url: file.url, ...(pdfUrl ? { pdfUrl } : {}), folder: where, notes };
}

export const reportApi = { reportState, createTemplate, setTemplate, generateReport };

/** Menu: สร้างรายงาน / สร้างแม่แบบรายงาน — the reports dialog, on the chosen tab. */
export function openReportDialog(mode: 'report' | 'template' = 'report'): void {
  const html = HtmlService.createHtmlOutputFromFile('reports').setWidth(460).setHeight(600);
  html.append(`<script>window.ITA_MODE=${JSON.stringify(mode)};</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, mode === 'report' ? 'สร้างรายงาน ITA' : 'แม่แบบรายงาน ITA');
}
