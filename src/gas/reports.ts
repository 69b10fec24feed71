// The report commands: default templates, a template by URL, and generation
// (template copied, never changed; a half-made report removed on failure).
import type { NotDone, ReportDone, ReportRequest, ReportState, TemplateDone, TemplateInfo } from '../core/api';
import type { Bilingual } from '../core/errors';
import { CHART_INDICATORS, reportData, templateSpec, type ReportKind } from '../core/report/context';
import { defaultTemplate, REPORT_TITLES } from '../core/report/default-templates';
import { formatter } from '../core/report/format';
import { checkTemplate, fill, tokenize, type Value } from '../core/report/template';
import { REPORT_LOG_HEADERS, SHEET } from '../core/workbook';
import { allMeasures } from './measures';
import { copyDocument, documentTexts, fillDocument, writeTemplate } from './docs';
import { oitReportInput } from './oit';
import { currentUser, readAll, readScores, settingsYear, sheetNamed, withDocumentLock } from './sheets';

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

/**
 * Moves a new file beside the spreadsheet. Drive may not let the add-on see the
 * spreadsheet's folder (with the drive.file scope it sees only files it made);
 * then the file stays in the user's My Drive and a note says so.
 */
function placeBesideSpreadsheet(fileId: string, notes: string[], folderUrl = ''): void {
  const folderId = /\/folders\/([A-Za-z0-9_-]{10,})/.exec(folderUrl)?.[1];
  if (folderId) {
    try {
      DriveApp.getFileById(fileId).moveTo(DriveApp.getFolderById(folderId));
      return;
    } catch {
      notes.push('เข้าถึงโฟลเดอร์ที่เลือกไม่ได้ (ส่วนเสริมเข้าถึงได้เฉพาะไฟล์และโฟลเดอร์ที่ตนสร้าง) จึงวางไว้ข้างสมุดงานแทน');
    }
  } else if (folderUrl.trim()) notes.push('ลิงก์โฟลเดอร์ไม่ถูกต้อง จึงวางไว้ข้างสมุดงานแทน');
  try {
    const parents = DriveApp.getFileById(SpreadsheetApp.getActive().getId()).getParents();
    if (parents.hasNext()) DriveApp.getFileById(fileId).moveTo(parents.next());
  } catch {
    notes.push('ไฟล์อยู่ใน "ไดรฟ์ของฉัน" เพราะส่วนเสริมไม่มีสิทธิ์เข้าถึงโฟลเดอร์ของสมุดงานนี้');
  }
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
  const years = new Set<number>([settingsYear(), ...readScores().keys(), ...allMeasures().map((m) => m.fiscalYear)]);
  return { fiscalYear: settingsYear(), years: [...years].filter((y) => y > 2500).sort((a, b) => b - a), templates };
}

function createTemplate(req: { kind: ReportKind }): TemplateDone {
  const t = defaultTemplate(req.kind);
  const doc = DocumentApp.create(t.name);
  const notes: string[] = [];
  try {
    writeTemplate(doc, t);
    doc.saveAndClose();
  } catch (e) {
    DriveApp.getFileById(doc.getId()).setTrashed(true);
    throw e;
  }
  placeBesideSpreadsheet(doc.getId(), notes);
  PropertiesService.getDocumentProperties().setProperty(templateKey(req.kind), doc.getId());
  return { ok: true, template: info(req.kind, doc), notes };
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

/** The two charts, drawn with Apps Script's chart builders. */
function chartBlob(name: string, data: ReturnType<typeof reportData>): GoogleAppsScript.Base.Blob {
  if (name === CHART_INDICATORS) {
    const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ตัวชี้วัด').addColumn(Charts.ColumnType.NUMBER, 'คะแนน').addColumn(Charts.ColumnType.NUMBER, `เกณฑ์ผ่าน ${data.charts.passMark}`);
    for (const i of data.charts.indicators) table.addRow([i.label, i.score, data.charts.passMark]);
    return Charts.newBarChart().setDataTable(table).setTitle('คะแนนรายตัวชี้วัดเทียบกับเกณฑ์ผ่าน').setRange(0, 100).setColors(['#1a73e8', '#d93025']).setDimensions(720, 520).build().getAs('image/png');
  }
  const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ปีงบประมาณ').addColumn(Charts.ColumnType.NUMBER, 'คะแนนรวม');
  for (const t of data.charts.totals) table.addRow([String(t.year), t.total]);
  return Charts.newColumnChart().setDataTable(table).setTitle('คะแนนรวมรายปี').setRange(0, 100).setColors(['#1a73e8']).setDimensions(720, 400).build().getAs('image/png');
}

function logReport(req: ReportRequest, name: string, url: string, pdfUrl: string): void {
  const sheet = sheetNamed(SHEET.reports);
  if (!sheet) return;
  withDocumentLock(() => {
    const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0]!.map((h) => String(h).trim());
    const values: Record<string, string> = {
      เวลา: `'${new Date().toISOString()}`,
      ผู้สร้าง: currentUser(),
      รายงาน: REPORT_TITLES[req.kind],
      ปีงบประมาณ: `'${req.fiscalYear}`,
      ชื่อไฟล์: name,
      ลิงก์: url,
      PDF: pdfUrl,
    };
    const row = header.map((h) => (REPORT_LOG_HEADERS.includes(h as (typeof REPORT_LOG_HEADERS)[number]) ? values[h] ?? '' : ''));
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
  });
}

/** Marks a generation as running; refuses when another one is. */
function claim(): NotDone | undefined {
  return withDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    const since = Number(props.getProperty(RUNNING));
    if (since && Date.now() - since < STALE_MS) {
      return notDone({ th: 'กำลังสร้างรายงานอีกฉบับอยู่ กรุณารอให้เสร็จก่อน', en: 'Another report is being generated; wait for it to finish' });
    }
    props.setProperty(RUNNING, String(Date.now()));
    return undefined;
  });
}

function generateReport(req: ReportRequest): ReportDone {
  const busy = claim();
  if (busy) return busy;
  const ss = SpreadsheetApp.getActive();
  const props = PropertiesService.getDocumentProperties();
  const notes: string[] = [];
  let created: string[] = [];
  try {
    ss.toast('กำลังตรวจแม่แบบรายงาน…', 'สร้างรายงาน', 5);
    let templateId = props.getProperty(templateKey(req.kind));
    if (!templateId) {
      const made = createTemplate({ kind: req.kind });
      if (!made.ok) return made;
      templateId = made.template.id;
      notes.push(`ยังไม่มีแม่แบบ จึงสร้างแม่แบบมาตรฐาน "${made.template.name}" ให้ แก้รูปแบบได้ใน Google เอกสาร`);
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
      today: new Date(),
      digits: req.digits,
      kind: req.kind,
      ...(oit ? { oitItems: oit.items, oitSubNames: oit.subNames } : {}),
    });
    notes.push(...data.notes);
    const fmt = formatter({ digits: req.digits });
    const name = fill(tokenize(defaultTemplate(req.kind).reportName).tokens, data.scope, fmt).trim();

    ss.toast('กำลังสร้างเอกสาร…', 'สร้างรายงาน', 5);
    const doc = DocumentApp.create(name);
    created = [doc.getId()];
    copyDocument(template, doc);
    const body = doc.getBody();
    fillDocument(doc, {
      scope: data.scope,
      collections: data.collections,
      formatter: fmt,
      chart: (chart) => chartBlob(chart, data),
      imageWidth: Math.round(body.getPageWidth() - body.getMarginLeft() - body.getMarginRight()),
    });
    doc.saveAndClose();
    placeBesideSpreadsheet(doc.getId(), notes, req.folderUrl);
    let pdfUrl = '';
    if (req.pdf) {
      ss.toast('กำลังบันทึก PDF…', 'สร้างรายงาน', 5);
      const file = DriveApp.getFileById(doc.getId());
      const pdf = DriveApp.createFile(file.getAs('application/pdf').setName(`${name}.pdf`));
      created.push(pdf.getId());
      placeBesideSpreadsheet(pdf.getId(), [], req.folderUrl);
      pdfUrl = pdf.getUrl();
    }
    logReport(req, name, doc.getUrl(), pdfUrl);
    ss.toast('สร้างรายงานเสร็จแล้ว', 'สร้างรายงาน', 5);
    return { ok: true, name, url: doc.getUrl(), ...(pdfUrl ? { pdfUrl } : {}), notes };
  } catch (e) {
    for (const id of created) {
      try {
        DriveApp.getFileById(id).setTrashed(true);
      } catch {
        // already gone
      }
    }
    const why = e instanceof Error ? e.message : String(e);
    return notDone({ th: `สร้างรายงานไม่สำเร็จ และได้ลบไฟล์ที่สร้างค้างไว้แล้ว: ${why}`, en: `The report failed and the half-made file was removed: ${why}` });
  } finally {
    props.deleteProperty(RUNNING);
  }
}

export const reportApi = { reportState, createTemplate, setTemplate, generateReport };

/** Menu: สร้างรายงาน / สร้างแม่แบบรายงาน — the reports dialog, on the chosen tab. */
export function openReportDialog(mode: 'report' | 'template' = 'report'): void {
  const html = HtmlService.createHtmlOutputFromFile('reports').setWidth(460).setHeight(600);
  html.append(`<script>window.ITA_MODE=${JSON.stringify(mode)};</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, mode === 'report' ? 'สร้างรายงาน ITA' : 'แม่แบบรายงาน ITA');
}
