// The OIT checklist: one sheet per fiscal year, seeded with the best item list
// known for that year; the sidebar follows it and marks items done.
import type { OitAnswer, OitItemView, OitSaved } from '../core/api';
import { oitListFor } from '../core/data/oit';
import { frameworkFor, latestYear } from '../core/framework';
import { isWebUrl } from '../core/measures/schema';
import { headerIndex } from '../core/measures/table';
import { oitScores, readMet } from '../core/oit';
import { labelFor, letterFor } from '../core/rating';
import { roundTo } from '../core/round';
import { columnLetters as letters } from '../core/columns';
import { oitNeeded, totalWithOit, withoutOit, type WithoutOit } from '../core/scoring';
import { OIT_HEADERS, OIT_STATUSES, oitSheetName } from '../core/workbook';
import { readScores } from './scores';
import { BUSY, currentUser, readAll, settingsYear, sheetNamed, withDocumentLock, writeLiterally } from './sheets';
import { isDate, isItaError } from '../core/errors';
import { isoOfDay } from '../core/thai';
import { cellDateOf, dayOfCell, today, zoneFrom } from './time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;



/**
 * Creates the checklist sheet of the settings' year, or adds the items its list
 * has and the sheet lacks (found by code); never changes an existing row, and
 * never adds back an item the user removed (the codes once seeded are kept in
 * the document's properties).
 */
export function ensureOitSheet(year = settingsYear()): string[] {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const name = oitSheetName(year);
    const report: string[] = [];
    let sheet = ss.getSheetByName(name);
    if (!sheet) {
      sheet = ss.insertSheet(name);
      sheet.getRange(1, 1, 1, OIT_HEADERS.length).setValues([[...OIT_HEADERS]]);
      sheet.getRange(1, 1, 1, OIT_HEADERS.length).setFontWeight('bold').setBackground('#e8f0fe');
      sheet.setFrozenRows(1);
      const body = (h: string) => sheet!.getRange(2, OIT_HEADERS.indexOf(h as (typeof OIT_HEADERS)[number]) + 1, sheet!.getMaxRows() - 1, 1);
      body('สถานะ').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList([...OIT_STATUSES], true).setAllowInvalid(false).build());
      body('วันที่ตรวจ').setNumberFormat('d mmmm yyyy');
      for (const h of ['รหัส', 'รายการ', 'ตัวชี้วัดย่อย', 'ผู้รับผิดชอบ', 'ลิงก์หลักฐาน', 'หมายเหตุ']) body(h).setNumberFormat('@');
      // Live scores from the checklist, with our own function.
      const sub = letters(OIT_HEADERS.indexOf('ตัวชี้วัดย่อย') + 1);
      const status = letters(OIT_HEADERS.indexOf('สถานะ') + 1);
      const at = OIT_HEADERS.length + 2;
      sheet.getRange(1, at, 1, 3).setValues([['ตัวชี้วัดที่ 9', 'ตัวชี้วัดที่ 10', 'คะแนน OIT']]).setFontWeight('bold');
      sheet.getRange(2, at).setFormula(`=ITA_OIT(${sub}2:${sub}, ${status}2:${status})`);
      sheet.getRange(2, at, 1, 3).setNumberFormat('0.00');
      report.push(`สร้างแผ่นงาน "${name}"`);
    }
    const known = oitListFor(year);
    if (!known) return report;
    const values = readAll(sheet);
    const index = headerIndex(values[0] ?? []);
    const codeCol = index.get('รหัส') ?? 0;
    const have = new Set(values.slice(1).map((r) => String(r[codeCol]).trim()).filter(Boolean));
    const props = PropertiesService.getDocumentProperties();
    const seededKey = `ita.oit.seeded.${year}`;
    const seeded = new Set<string>(JSON.parse(props.getProperty(seededKey) ?? '[]') as string[]);
    // Only the checklist's own columns: the score formula beside them stays.
    const width = Math.max(...OIT_HEADERS.map((h) => index.get(h) ?? -1)) + 1;
    const rows = known.list.subIndicators.flatMap((s) =>
      s.items.filter(([code]) => !have.has(code) && !seeded.has(code)).map(([code, item]) => {
        const row = new Array<unknown>(width).fill('');
        const put = (h: string, v: unknown) => {
          const i = index.get(h);
          if (i !== undefined) row[i] = v;
        };
        put('รหัส', code);
        put('รายการ', item);
        put('ตัวชี้วัดย่อย', s.code);
        put('สถานะ', OIT_STATUSES[0]);
        return row;
      }),
    );
    if (rows.length) {
      const last = Math.max(1, values.filter((r) => r.slice(0, width).some((c) => c !== '')).length);
      writeLiterally(sheet.getRange(last + 1, 1, rows.length, rows[0]!.length), rows);
      report.push(`เพิ่ม ${rows.length} รายการจากรายการตรวจ OIT ปี ${known.year}${known.list.coverage === 'partial' ? ' (ทราบเพียงบางข้อ กรุณาเพิ่มข้อที่ขาดเอง)' : ''}`);
    }
    const all = known.list.subIndicators.flatMap((s) => s.items.map(([code]) => code));
    props.setProperty(seededKey, JSON.stringify([...new Set([...seeded, ...all])]));
    return report;
  });
}

/** Menu: รายการตรวจ OIT. */
export function setupOitChecklist(): void {
  const ss = SpreadsheetApp.getActive();
  try {
    const report = ensureOitSheet();
    ss.toast(report.length ? report.join('\n') : 'รายการตรวจ OIT ครบแล้ว ไม่มีการเปลี่ยนแปลง', 'รายการตรวจ OIT', 8);
  } catch (e) {
    if (isItaError(e) && e.th === BUSY.th) return ss.toast(BUSY.th, 'รายการตรวจ OIT', 8);
    throw e;
  }
}

function readItems(sheet: Sheet): { items: OitItemView[]; values: unknown[][]; index: Map<string, number> } {
  const values = readAll(sheet);
  const index = headerIndex(values[0] ?? []);
  const get = (r: readonly unknown[], h: string) => {
    const i = index.get(h);
    const v = i === undefined ? '' : r[i];
    // A date cell holds a moment in the spreadsheet's zone: its day there.
    return isDate(v) ? isoOfDay(dayOfCell(v)) : String(v ?? '').trim();
  };
  const items = values
    .map((r, i) => ({ r, row: i + 1 }))
    .slice(1)
    .filter(({ r }) => get(r, 'รหัส') || get(r, 'รายการ'))
    .map(({ r, row }) => ({
      row,
      code: get(r, 'รหัส'),
      item: get(r, 'รายการ'),
      sub: get(r, 'ตัวชี้วัดย่อย'),
      responsible: get(r, 'ผู้รับผิดชอบ'),
      status: get(r, 'สถานะ'),
      evidenceUrl: get(r, 'ลิงก์หลักฐาน'),
      note: get(r, 'หมายเหตุ'),
      checkedAt: get(r, 'วันที่ตรวจ'),
    }));
  return { items, values, index };
}

/** IIT and EIT of the year, or of the latest earlier year with them, for the projection. */
function iitEit(year: number): (WithoutOit & { year: number }) | undefined {
  const best = [...readScores()].filter(([y, s]) => y <= year && s.slice(0, 8).every((x) => !isNaN(x))).sort(([a], [b]) => b - a)[0];
  if (!best) return undefined;
  return { year: best[0], ...withoutOit(best[1], frameworkFor(Math.min(Math.max(best[0], 2562), latestYear()))) };
}

function oitList(req: { fiscalYear?: number }): OitAnswer {
  const year = req.fiscalYear ?? settingsYear();
  const sheet = sheetNamed(oitSheetName(year));
  if (!sheet) return { fiscalYear: year, sheet: '', items: [], projection: undefined };
  const { items } = readItems(sheet);
  const scores = oitScores(items.filter((i) => i.sub).map((i) => ({ sub: i.sub, met: readMet(i.status) === true })));
  const base = iitEit(year);
  const fw = frameworkFor(Math.min(Math.max(year, 2562), latestYear()));
  let projection: OitAnswer['projection'];
  if (base && scores.oit !== undefined) {
    const total = totalWithOit(base, scores.oit);
    projection = {
      scoresYear: base.year,
      total: roundTo(total, 2),
      rating: letterFor(total),
      label: fw.rating.kind === 'labels' ? labelFor(total, { IIT: base.iit, EIT: base.eit, OIT: scores.oit }, fw.rating.rules) : letterFor(total),
      oit: roundTo(scores.oit, 2),
      ind9: roundTo(scores.ind9!, 2),
      ind10: roundTo(scores.ind10!, 2),
      neededFor85: oitNeeded(base, 85),
      neededFor95: oitNeeded(base, 95),
    };
  }
  return { fiscalYear: year, sheet: sheet.getName(), items, projection };
}

function oitSetStatus(req: { fiscalYear: number; code: string; status: string; evidenceUrl: string; base: OitItemView }): OitSaved {
  if (!(OIT_STATUSES as readonly string[]).includes(req.status)) return { ok: false, message: { th: `สถานะต้องเป็น ${OIT_STATUSES.join(' / ')}`, en: 'unknown status' } };
  const url = String(req.evidenceUrl ?? '').trim();
  if (req.status === 'ดำเนินการแล้ว' && !isWebUrl(url)) {
    return { ok: false, message: { th: 'ต้องใส่ลิงก์หลักฐาน (http:// หรือ https://) ที่ถูกต้องก่อนทำเครื่องหมายว่าดำเนินการแล้ว', en: 'A well-formed http(s) evidence link is needed before marking an item done' } };
  }
  if (url && !isWebUrl(url)) return { ok: false, message: { th: 'ลิงก์หลักฐานต้องขึ้นต้นด้วย http:// หรือ https:// และเป็นที่อยู่เว็บที่ถูกต้อง', en: 'The evidence link must be a well-formed http(s) address' } };
  try {
    return withDocumentLock(() => {
      const ss = SpreadsheetApp.getActive();
      zoneFrom(ss);
      const sheet = ss.getSheetByName(oitSheetName(req.fiscalYear));
      if (!sheet) return { ok: false as const, message: { th: 'ยังไม่มีแผ่นงานรายการตรวจ OIT ของปีนี้ กรุณาเลือกเมนู "รายการตรวจ OIT"', en: 'No OIT checklist sheet for this year yet' } };
      const { items, values, index } = readItems(sheet);
      const current = items.find((i) => i.code === req.code);
      if (!current) return { ok: false as const, message: { th: 'ไม่พบรายการนี้ในแผ่นงานแล้ว กรุณาโหลดใหม่', en: 'This item is no longer in the sheet; reload' } };
      if (current.status !== req.base.status || current.evidenceUrl !== req.base.evidenceUrl) {
        return { ok: false as const, message: { th: 'รายการนี้ถูกแก้ไขหลังจากที่คุณเปิด จึงยังไม่บันทึก กรุณาโหลดใหม่', en: 'This item changed after you opened it; nothing was saved' } };
      }
      // Only the span of the cells this changes: the other columns (and the
      // live ITA_OIT formula beside the list) are not written; a user's formula
      // inside the span, the note's included, is written back as it is.
      const row = values[current.row - 1]!;
      const changes = new Map<number, unknown>();
      const put = (h: string, v: unknown) => {
        const i = index.get(h);
        if (i !== undefined) changes.set(i, v);
      };
      put('สถานะ', req.status);
      put('ลิงก์หลักฐาน', url);
      put('วันที่ตรวจ', cellDateOf(today()));
      const noteAt = index.get('หมายเหตุ');
      const who = currentUser();
      if (noteAt !== undefined && who && req.status === 'ดำเนินการแล้ว') {
        const noted = row[noteAt];
        const note = isDate(noted) ? isoOfDay(dayOfCell(noted)) : String(noted ?? '');
        if (!note.includes(who)) changes.set(noteAt, `${note ? `${note} · ` : ''}ตรวจโดย ${who}`);
      }
      if (!changes.has(index.get('สถานะ') ?? -1)) return { ok: false as const, message: { th: 'แผ่นงานไม่มีคอลัมน์ "สถานะ"', en: 'The sheet has no "สถานะ" column' } };
      const cols = [...changes.keys()];
      const from = Math.min(...cols);
      const target = sheet.getRange(current.row, from + 1, 1, Math.max(...cols) - from + 1);
      const formulas = target.getFormulas()[0] ?? [];
      const out = formulas.map((f, k) => (f && (!changes.has(from + k) || from + k === noteAt) ? f : changes.has(from + k) ? changes.get(from + k) : (row[from + k] ?? '')));
      writeLiterally(target, [out], (_r, c) => out[c] === formulas[c] && formulas[c] !== '');
      return { ok: true as const };
    });
  } catch (e) {
    if (isItaError(e) && e.th === BUSY.th) return { ok: false, message: BUSY };
    throw e;
  }
}

/** The year's checklist items and sub-indicator names, for the OIT report. */
export function oitReportInput(year: number): { items: OitItemView[]; subNames: Map<string, string> } {
  const sheet = sheetNamed(oitSheetName(year));
  const known = oitListFor(year);
  const subNames = new Map((known?.list.subIndicators ?? []).map((s) => [s.code, s.name]));
  return { items: sheet ? readItems(sheet).items : [], subNames };
}

export const oitApi = { oitList, oitSetStatus };
