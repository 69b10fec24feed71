// The OIT checklist: one sheet per fiscal year, seeded with the best item list
// known for that year; the sidebar follows it and marks items done.
import type { OitAnswer, OitCreated, OitItemView, OitSaved } from '../core/api';
import { calendarFor, daysBetween } from '../core/data/calendar';
import { evidenceYear, oitListFor } from '../core/data/oit';
import { firstYear, frameworkNear, rulesNote } from '../core/framework';
import { isWebUrl } from '../core/measures/schema';
import { oitScores, readMet } from '../core/oit';
import { labelFor, letterFor } from '../core/rating';
import { roundTo } from '../core/round';
import { columnLetters as letters } from '../core/columns';
import { lowestOitReaching, totalWithOit, withoutOit, type WithoutOit } from '../core/scoring';
import { OIT_EVIDENCE_YEAR, OIT_EXTRA_HEADERS, OIT_HEADERS, OIT_STATUSES, oitSheetName } from '../core/workbook';
import { readScores } from './scores';
import { SetupUndo, setupFailure } from './setup';
import { BUSY, currentUser, settingsYear, withDocumentLock } from './sheets';
import { addColumns, appendRows, undoAppend, isWriteFailure, missingColumns, openTable, writeRow, type Table, type TableSpec } from './table';
import { isDate, isItaError } from '../core/errors';
import { DATE_YEARS_BE, fromThaiDigits, isoOfDay } from '../core/thai';
import { cellDateOf, dayOfCell, today, zoneFrom } from './time';

/** An OIT checklist sheet as a table: its own columns (the live score beside them is not one). */
export const oitSpec = (year: number): TableSpec => ({ sheet: oitSheetName(year), columns: [...OIT_HEADERS, ...OIT_EXTRA_HEADERS] });

/** The columns seeding needs. */
const SEED_COLUMNS = ['รหัส', 'รายการ', 'ตัวชี้วัดย่อย', 'สถานะ'];

/**
 * Creates the checklist sheet of the settings' year, or adds the items its list
 * has and the sheet lacks (found by code); never changes an existing row, and
 * never adds back an item the user removed (the codes once seeded are kept in
 * the document's properties).
 */
export function ensureOitSheet(year = settingsYear()): string[] {
  return withDocumentLock(() => {
    const undo = new SetupUndo();
    try {
      return seedOitSheet(year, undo);
    } catch (e) {
      // A sheet made by this run is taken back whole: the next run makes it with its score formula and items.
      throw setupFailure(e, undo.undo());
    }
  });
}

function seedOitSheet(year: number, undo: SetupUndo): string[] {
  const ss = SpreadsheetApp.getActive();
  const name = oitSheetName(year);
  const report: string[] = [];
  let sheet = ss.getSheetByName(name);
  const created = !sheet;
  if (!sheet) {
    const made = ss.insertSheet(name);
    undo.add(`แผ่นงาน "${name}"`, () => ss.deleteSheet(made));
    sheet = made;
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
  let t = openTable(oitSpec(year), ss);
  // The evidence year and the link check's columns, after what the sheet holds.
  if (t && missingColumns(t, SEED_COLUMNS).length === 0 && missingColumns(t, [...OIT_EXTRA_HEADERS]).length) {
    const added = addColumns(t, OIT_EXTRA_HEADERS);
    if (!created && added.length) report.push(`เพิ่มคอลัมน์ ${added.map((h) => `"${h}"`).join(', ')} ในแผ่นงาน "${name}"`);
    t = openTable(oitSpec(year), ss);
  }
  const lacking = t ? missingColumns(t, SEED_COLUMNS) : SEED_COLUMNS;
  if (!t || lacking.length) {
    report.push(`แผ่นงาน "${name}" ไม่มีคอลัมน์ ${lacking.map((h) => `"${h}"`).join(', ')} จึงไม่ได้เพิ่มรายการ`);
    return report;
  }
  if (!t) return report;
  const codeCol = t.index.get('รหัส')!;
  const have = new Set(t.values.slice(t.header + 1).map((r) => String(r[codeCol] ?? '').trim()).filter(Boolean));
  const props = PropertiesService.getDocumentProperties();
  const seededKey = `ita.oit.seeded.${year}`;
  // Items a person removed are not brought back — from the sheet they removed them from: a new sheet (the
  // old one deleted or renamed) gets the whole list.
  const seeded = new Set<string>(created ? [] : (JSON.parse(props.getProperty(seededKey) ?? '[]') as string[]));
  const records = known.list.subIndicators.flatMap((s) =>
    s.items
      .filter(([code]) => !have.has(code) && !seeded.has(code))
      .map((it) => new Map<string, unknown>([['รหัส', it[0]], ['รายการ', it[1]], ['ตัวชี้วัดย่อย', s.code], ['สถานะ', OIT_STATUSES[0]], [OIT_EVIDENCE_YEAR, String(evidenceYear(it, year).year)]])),
  );
  const notSeen = new Set(known.list.subIndicators.flatMap((s) => s.items.filter((it) => it[2]?.notSeen).map((it) => it[0])));
  if (records.length) {
    // After the last used row of the checklist's columns; the score formula beside them is not written.
    const res = appendRows(t, records);
    if (!res.ok) {
      report.push(`ไม่ได้เพิ่มรายการ: ${res.blocked.map((b) => `คอลัมน์ "${b.header}" แถว ${b.r + 1}`).join(', ')} เป็นสูตรหรืออยู่ในผลลัพธ์ของสูตรอาร์เรย์`);
      return report;
    }
    const into = t;
    undo.add(`รายการที่เพิ่มในแผ่นงาน "${name}"`, () => {
      if (!undoAppend(into, res.at, records.length)) throw new Error('not emptied');
    });
    // A title not seen in any source says so in a note on its cell (notes never reach a report).
    const itemCol = t.index.get('รายการ');
    records.forEach((rec, k) => {
      if (itemCol !== undefined && notSeen.has(String(rec.get('รหัส'))))
        t!.range.offset(res.at + k, itemCol, 1, 1).setNote(`ยังไม่พบชื่อข้อนี้ในเอกสารที่เผยแพร่${rec.get('รายการ') ? ' ชื่อที่ใส่ไว้เป็นชื่อที่น่าจะเป็น' : ''} กรุณาตรวจกับคู่มือการประเมิน ITA ปี ${year}`);
    });
    // The sheet says it too, where a person looks: a note on the header of the sub-indicator column.
    const subCol = t.index.get('ตัวชี้วัดย่อย');
    const standing = [
      known.list.provisional ? `รายการข้อปี ${year} เป็นรายการชั่วคราว ใช้รายการปี ${known.list.provisional.basedOn} จนกว่า ป.ป.ช. จะประกาศ` : '',
      known.list.grouping === 'inferred' ? 'การจัดข้อเข้าตัวชี้วัดย่อยและชื่อตัวชี้วัดย่อยเป็นการอนุมาน ยังไม่พบในเอกสารที่เผยแพร่' : '',
    ].filter(Boolean);
    if (standing.length && subCol !== undefined) t.range.offset(t.header, subCol, 1, 1).setNote(standing.join('\n'));
    const caveat = known.list.provisional
      ? ` (ชั่วคราว: ใช้รายการปี ${known.list.provisional.basedOn} จนกว่า ป.ป.ช. จะประกาศรายการปี ${year})`
      : known.list.coverage === 'partial'
        ? ' (ทราบเพียงบางข้อ กรุณาเพิ่มข้อที่ขาดเอง)'
        : '';
    report.push(`เพิ่ม ${records.length} รายการจากรายการตรวจ OIT ปี ${known.list.provisional?.basedOn ?? known.year}${caveat}${known.list.grouping === 'inferred' ? ' การจัดกลุ่มตัวชี้วัดย่อยเป็นการอนุมาน' : ''}`);
  }
  const all = known.list.subIndicators.flatMap((s) => s.items.map((it) => it[0]));
  props.setProperty(seededKey, JSON.stringify([...new Set([...seeded, ...all])]));
  return report;
}

/** Menu: รายการตรวจ OIT. */
export function setupOitChecklist(): void {
  const ss = SpreadsheetApp.getActive();
  try {
    const report = ensureOitSheet();
    ss.toast(report.length ? report.join('\n') : 'รายการตรวจ OIT ครบแล้ว ไม่มีการเปลี่ยนแปลง', 'รายการตรวจ OIT', 8);
  } catch (e) {
    if (isItaError(e) && (e.th === BUSY.th || isWriteFailure(e))) return ss.toast(e.th, 'รายการตรวจ OIT', 8);
    throw e;
  }
}

/** The checklist's items (a row with a code or an item), each with its sheet row; `year` adds what the list knows of each. */
function readItems(t: Table, year?: number): OitItemView[] {
  if (t.header < 0) return [];
  const get = (r: readonly unknown[], h: string) => {
    const i = t.index.get(h);
    const v = i === undefined ? '' : r[i];
    // A date cell holds a moment in the spreadsheet's zone: its day there.
    return isDate(v) ? isoOfDay(dayOfCell(v)) : String(v ?? '').trim();
  };
  const known = year === undefined ? undefined : oitListFor(year);
  const data = new Map((known?.list.subIndicators ?? []).flatMap((s) => s.items.map((it) => [it[0], it] as const)));
  return t.values
    .map((r, i) => ({ r, row: i + 1 }))
    .slice(t.header + 1)
    .filter(({ r }) => get(r, 'รหัส') || get(r, 'รายการ'))
    .map(({ r, row }) => {
      const base = {
        row,
        code: get(r, 'รหัส'),
        item: get(r, 'รายการ'),
        sub: get(r, 'ตัวชี้วัดย่อย'),
        responsible: get(r, 'ผู้รับผิดชอบ'),
        status: get(r, 'สถานะ'),
        evidenceUrl: get(r, 'ลิงก์หลักฐาน'),
        note: get(r, 'หมายเหตุ'),
        checkedAt: get(r, 'วันที่ตรวจ'),
      };
      if (year === undefined) return base;
      const it = data.get(base.code);
      const typed = Number(fromThaiDigits(get(r, OIT_EVIDENCE_YEAR)));
      const fromData = it && evidenceYear(it, year);
      const evidence: OitItemView['evidence'] =
        Number.isInteger(typed) && typed >= 2500 && typed <= 2700 && (!fromData || typed !== fromData.year)
          ? { year: typed, how: 'sheet' }
          : fromData
            ? { year: fromData.year, how: fromData.stated ? 'stated' : 'inferred' }
            : undefined;
      const checked = get(r, 'ตรวจลิงก์เมื่อ');
      const link = checked
        ? { status: get(r, 'ผลตรวจลิงก์'), finalUrl: get(r, 'ที่อยู่ปลายทาง'), contentType: get(r, 'ชนิดเนื้อหา'), checkedAt: checked, flags: get(r, 'ข้อสังเกตลิงก์').split(' · ').filter(Boolean) }
        : undefined;
      // The guess is flagged only while the row still holds it.
      const notSeen = it?.[2]?.notSeen === true && base.item === it[1];
      return { ...base, ...(evidence ? { evidence } : {}), ...(link ? { link } : {}), ...(notSeen ? { titleNotSeen: true } : {}) };
    });
}

const ITEM_FIELDS = ['code', 'item', 'sub', 'responsible', 'status', 'evidenceUrl', 'note', 'checkedAt'] as const;

/** The same item as the sidebar loaded: every field equal (its row may have moved). */
const sameItem = (a: OitItemView, b: OitItemView): boolean => ITEM_FIELDS.every((f) => a[f] === String(b[f] ?? ''));

/**
 * IIT and EIT of the year, or of the latest earlier year with them, for the
 * projection — unless a cell of indicators 1–8 of that year or a later one up
 * to `year` (or a year cell) cannot be read: then no year is guessed past it,
 * and the cells are named.
 */
function iitEit(year: number): { base: (WithoutOit & { year: number }) | undefined; problems: string[] } {
  const sheet = readScores();
  const best = [...sheet].filter(([y, s]) => y <= year && s.slice(0, 8).every((x) => !isNaN(x))).sort(([a], [b]) => b - a)[0];
  const problems = sheet.problems
    .filter((p) => (p.indicator === undefined || p.indicator <= 8) && (p.year === undefined || (p.year <= year && (!best || p.year >= best[0]))))
    .map((p) => p.th);
  if (!best || problems.length) return { base: undefined, problems };
  return { base: { year: best[0], ...withoutOit(best[1], frameworkNear(best[0])) }, problems };
}

/** Years the tab offers: those with a checklist sheet, the settings' year, the one before and the one after. */
function checklistYears(settings: number): number[] {
  return [...new Set([settings - 1, settings, settings + 1, ...checklistSheetYears()])].sort((a, b) => a - b);
}

/** The years that have a checklist sheet ("OIT 2569"), latest first. */
export function checklistSheetYears(): number[] {
  const years: number[] = [];
  for (const sh of SpreadsheetApp.getActive().getSheets()) {
    const m = /^OIT (\d{4})$/.exec(sh.getName());
    if (m) years.push(Number(m[1]));
  }
  return years.sort((a, b) => b - a);
}

/** What the tab shows of the year's list and calendar. */
function yearContext(year: number): Pick<OitAnswer, 'list' | 'calendar' | 'indicatorNames'> {
  const known = oitListFor(year);
  const cal = calendarFor(year);
  const d = today();
  const todayIso = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const fw = frameworkNear(year);
  return {
    list: known && {
      year: known.list.provisional?.basedOn ?? known.year,
      provisional: known.list.provisional !== undefined,
      groupingInferred: known.list.grouping === 'inferred',
      subNames: Object.fromEntries(known.list.subIndicators.map((s) => [s.code, s.name])),
    },
    calendar: { provisional: cal.provisional, dates: cal.dates, oitCloses: cal.oitCloses, today: todayIso, daysLeft: daysBetween(todayIso, cal.oitCloses) },
    indicatorNames: { '9': fw.indicators[8]!.name, '10': fw.indicators[9]!.name },
  };
}

function oitList(req: { fiscalYear?: number }): OitAnswer {
  const settings = settingsYear();
  const year = req.fiscalYear ?? settings;
  const t = openTable(oitSpec(year));
  const context = { years: checklistYears(settings), ...yearContext(year) };
  if (!t) return { fiscalYear: year, sheet: '', items: [], projection: undefined, scoreProblems: [], ...context };
  const items = readItems(t, year);
  const scores = oitScores(items.filter((i) => i.sub).map((i) => ({ sub: i.sub, met: readMet(i.status) === true })));
  const { base, problems } = iitEit(year);
  const fw = frameworkNear(year);
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
      neededFor85: lowestOitReaching(base, 85),
      neededFor95: lowestOitReaching(base, 95),
      rules: rulesNote(fw)?.th ?? '',
    };
  }
  return { fiscalYear: year, sheet: oitSheetName(year), items, projection, scoreProblems: problems, ...context };
}

/** The tab's "create": the checklist of any year, seeded as the menu seeds the settings' year. */
function oitCreate(req: { fiscalYear: number }): OitCreated {
  const year = Number(req.fiscalYear);
  const [from, to] = [firstYear(), DATE_YEARS_BE.max];
  if (!Number.isInteger(year) || year < from || year > to) {
    return { ok: false, message: { th: `ปีงบประมาณ "${String(req.fiscalYear)}" ไม่ถูกต้อง ต้องเป็นปี พ.ศ. ${from}–${to}`, en: `Fiscal year "${String(req.fiscalYear)}" is not a Buddhist-Era year ${from}–${to}` } };
  }
  try {
    return { ok: true, notes: ensureOitSheet(year) };
  } catch (e) {
    if (isItaError(e) && (e.th === BUSY.th || isWriteFailure(e))) return { ok: false, message: { th: e.th, en: e.en } };
    throw e;
  }
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
      const t = openTable(oitSpec(req.fiscalYear), ss);
      if (!t) return { ok: false as const, message: { th: 'ยังไม่มีแผ่นงานรายการตรวจ OIT ของปีนี้ กรุณาเลือกเมนู "รายการตรวจ OIT"', en: 'No OIT checklist sheet for this year yet' } };
      if (!t.index.has('สถานะ')) return { ok: false as const, message: { th: 'แผ่นงานไม่มีคอลัมน์ "สถานะ"', en: 'The sheet has no "สถานะ" column' } };
      const items = readItems(t);
      // The item the sidebar showed: by everything it showed, not by its code
      // (a person's own items may repeat a code or have none).
      const same = items.filter((i) => sameItem(i, req.base));
      if (same.length > 1) {
        const rows = same.map((i) => i.row).join(', ');
        return { ok: false as const, message: { th: `มีรายการนี้เหมือนกันทุกช่อง ${same.length} แถว (แถว ${rows}) จึงไม่รู้ว่าหมายถึงแถวใดและยังไม่ได้บันทึก กรุณาแก้แถวที่ซ้ำในแผ่นงานให้ต่างกันแล้วโหลดใหม่`, en: `This item is on ${same.length} identical rows (rows ${rows}); which one is meant is unknown, so nothing was saved. Make them differ, then reload.` } };
      }
      const item = same[0];
      if (!item) {
        const moved = items.some((i) => i.code === String(req.base?.code ?? '') && i.item === String(req.base?.item ?? ''));
        return moved
          ? { ok: false as const, message: { th: 'รายการนี้ถูกแก้ไขหลังจากที่คุณเปิด จึงยังไม่บันทึก กรุณาโหลดใหม่', en: 'This item changed after you opened it; nothing was saved' } }
          : { ok: false as const, message: { th: 'ไม่พบรายการนี้ในแผ่นงานแล้ว กรุณาโหลดใหม่', en: 'This item is no longer in the sheet; reload' } };
      }
      // Only the cells this changes: the status and link when they change, the
      // day checked and who checked (left as they are where a person's formula is).
      const r = item.row - 1;
      const cells = new Map<string, unknown>();
      if (req.status !== item.status) cells.set('สถานะ', req.status);
      if (url !== item.evidenceUrl) cells.set('ลิงก์หลักฐาน', url);
      cells.set('วันที่ตรวจ', cellDateOf(today()));
      const who = currentUser();
      if (who && req.status === 'ดำเนินการแล้ว' && !item.note.includes(who)) {
        const noted = t.values[r]![t.index.get('หมายเหตุ') ?? -1];
        const note = isDate(noted) ? isoOfDay(dayOfCell(noted)) : String(noted ?? '');
        cells.set('หมายเหตุ', `${note ? `${note} · ` : ''}ตรวจโดย ${who}`);
      }
      const res = writeRow(t, r, cells, new Set(['วันที่ตรวจ', 'หมายเหตุ']));
      if (!res.ok) {
        const th = res.blocked.map((b) => `"${b.header}"`).join(', ');
        return { ok: false as const, message: { th: `ไม่ได้บันทึก: ช่อง ${th} ของรายการนี้ในแผ่นงานเป็นสูตร (หรือผลลัพธ์ของสูตรอาร์เรย์) ส่วนเสริมจึงไม่เขียนทับ กรุณาแก้ในแผ่นงาน`, en: `Nothing was saved: ${th} of this item holds a formula (or an array formula's output), which the add-on never overwrites; edit it in the sheet` } };
      }
      return { ok: true as const };
    });
  } catch (e) {
    if (isItaError(e) && (e.th === BUSY.th || isWriteFailure(e))) return { ok: false, message: { th: e.th, en: e.en } };
    const why = typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e);
    return { ok: false, message: { th: `ไม่ได้บันทึก: เกิดข้อผิดพลาด (${why}) ข้อมูลในแผ่นงานยังเหมือนเดิม ลองอีกครั้งได้`, en: `Nothing was saved: an error occurred (${why}); the sheet is as it was` } };
  }
}

/** The year's checklist items and sub-indicator names, for the OIT report. */
export function oitReportInput(year: number): { items: OitItemView[]; subNames: Map<string, string> } {
  const t = openTable(oitSpec(year));
  const known = oitListFor(year);
  const subNames = new Map((known?.list.subIndicators ?? []).map((s) => [s.code, s.name]));
  return { items: t ? readItems(t) : [], subNames };
}

export const oitApi = { oitList, oitSetStatus, oitCreate };
