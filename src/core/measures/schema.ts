// One schema for a measure, used by the sidebar (before sending) and by the
// server (before writing). Built on first use, never at load time. In the Apps
// Script bundle this whole module, zod/mini included, is wrapped to initialise
// on first call (scripts/build.mjs), so it exports functions only.
import * as z from 'zod/mini';
import { DATE_YEARS_BE, isPlausibleCeYear } from '../thai';
import { CELL_LIMIT, STATUSES, type MeasureField, type MeasureInput } from './model';

/** Field messages (Thai). */
export function messages() {
  return {
  required: 'กรุณากรอกช่องนี้',
  tooLong: `ข้อความยาวเกิน ${CELL_LIMIT.toLocaleString('en-US')} ตัวอักษร ซึ่งเป็นขีดจำกัดของเซลล์`,
  text: 'ต้องเป็นข้อความ',
  year: 'ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2569',
  indicators: 'เลือกตัวชี้วัดอย่างน้อย 1 ตัว (1–10)',
  date: 'วันที่ไม่ถูกต้อง: ต้องเป็นวันที่มีจริง (ส่งเป็น ค.ศ. รูปแบบ ปปปป-ดด-วว)',
  dateYear: `ปีของวันที่ต้องอยู่ในช่วง พ.ศ. ${DATE_YEARS_BE.min}–${DATE_YEARS_BE.max} จึงไม่บันทึก`,
  dateOrder: 'วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม',
  status: `สถานะต้องเป็น ${STATUSES.join(' / ')}`,
  url: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https:// และเป็นที่อยู่เว็บที่ถูกต้อง',
  };
}

/** "YYYY-MM-DD" naming a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * Text with nothing visible in it: white space, and the invisible format
 * characters a paste can bring (zero-width space, joiners, word joiner,
 * byte-order mark, soft hyphen, Mongolian vowel separator).
 */
export function isEmptyText(s: string): boolean {
  return s.replace(/[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g, '') === '';
}

/** An http(s) address with a host name. */
export function isWebUrl(s: string): boolean {
  return /^https?:\/\/[^\s/?#:@]+(\.[^\s/?#:@]+)*(:\d{1,5})?([/?#][^\s]*)?$/i.test(s.trim());
}

function buildSchema() {
  const msg = messages();
  const text = z.string(msg.text).check(z.maxLength(CELL_LIMIT, msg.tooLong));
  // A real day whose year is plausible: a Buddhist-Era year sent as Common Era (2569-01-15) never reaches the sheet.
  const date = z.string(msg.date).check(
    z.refine((s) => s === '' || isIsoDate(s), msg.date),
    z.refine((s) => !isIsoDate(s) || isPlausibleCeYear(Number(s.slice(0, 4))), msg.dateYear),
  );
  return z
    .object({
      fiscalYear: z.number(msg.year).check(z.int(msg.year), z.gte(2500, msg.year), z.lte(2700, msg.year)),
      indicators: z
        .array(z.number(msg.indicators).check(z.int(msg.indicators), z.gte(1, msg.indicators), z.lte(10, msg.indicators)), msg.indicators)
        .check(z.minLength(1, msg.indicators)),
      issue: text,
      measure: text.check(z.refine((s) => !isEmptyText(s), msg.required)),
      method: text,
      responsible: text,
      startDate: date,
      endDate: date,
      followUp: text,
      status: z.enum(STATUSES, msg.status),
      result: text,
      outcome: text,
      suggestion: text,
      problems: text,
      evidenceUrl: z.string(msg.url).check(z.maxLength(2000, msg.url), z.refine((s) => s.trim() === '' || isWebUrl(s), msg.url)),
    })
    .check(
      z.refine((m) => m.startDate === '' || m.endDate === '' || m.startDate <= m.endDate, {
        message: msg.dateOrder,
        path: ['endDate'],
      }),
    );
}

let schema: ReturnType<typeof buildSchema> | undefined;

export type FieldErrors = Partial<Record<MeasureField, string>>;

export type Checked = { readonly ok: true; readonly value: MeasureInput } | { readonly ok: false; readonly errors: FieldErrors };

/** Checks a form's input; on failure, one Thai message per field. */
export function checkMeasureInput(input: unknown): Checked {
  schema ??= buildSchema();
  const r = schema.safeParse(input);
  if (r.success) {
    const v = r.data;
    const value: MeasureInput = {
      ...v,
      indicators: [...new Set(v.indicators)].sort((a, b) => a - b),
      evidenceUrl: v.evidenceUrl.trim(),
    };
    return { ok: true, value };
  }
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = (issue.path[0] ?? 'measure') as MeasureField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
