/** A message in both languages: Thai first, English second. */
export interface Bilingual {
  readonly th: string;
  readonly en: string;
}

/** Where a bad value was found: function, argument, and 1-based cell of the range. */
export interface Where {
  readonly fn: string;
  readonly arg: string;
  readonly row?: number;
  readonly col?: number;
}

/** Prefix of an error written into one cell of a many-cell answer. */
export const CELL_ERROR_PREFIX = '⚠ ';

/**
 * An input error with a Thai and an English message. `message` holds both,
 * Thai first, so Sheets shows the whole text in the #ERROR! tooltip. A parser
 * throws it unlocated (`fail`); the caller that knows the cell locates it.
 * A plain Error with fields, not a subclass: no class is built at load time.
 */
export interface ItaError extends Error, Bilingual {
  readonly ita: true;
  readonly located: boolean;
}

export function itaError(text: Bilingual, located = true): ItaError {
  return Object.assign(new Error(`${text.th} | ${text.en}`), { name: 'ItaError', ita: true as const, th: text.th, en: text.en, located });
}

export function isItaError(e: unknown): e is ItaError {
  return typeof e === 'object' && e !== null && (e as { ita?: unknown }).ita === true;
}

/** Throws a problem whose place the caller adds (see `locate`). */
export function fail(problem: Bilingual): never {
  throw itaError(problem, false);
}

/** An unlocated ItaError placed at `where`; anything else as it is. */
export function locate(e: unknown, where: Where): unknown {
  return isItaError(e) && !e.located ? inputError(where, e) : e;
}

/** Runs `f`, placing any problem it fails with at `where`. */
export function at<T>(where: Where, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw locate(e, where);
  }
}

function place(w: Where): Bilingual {
  const thCell =
    w.row !== undefined && w.col !== undefined ? ` แถวที่ ${w.row} คอลัมน์ที่ ${w.col} ของช่วง` : w.row !== undefined ? ` แถวที่ ${w.row} ของช่วง` : '';
  const enCell =
    w.row !== undefined && w.col !== undefined ? `, row ${w.row}, column ${w.col} of the range` : w.row !== undefined ? `, row ${w.row} of the range` : '';
  return { th: `${w.fn}: อาร์กิวเมนต์ ${w.arg}${thCell}`, en: `${w.fn}: argument ${w.arg}${enCell}` };
}

/** Builds the error for a problem at a place. */
export function inputError(where: Where, problem: Bilingual): ItaError {
  const p = place(where);
  return itaError({ th: `${p.th} — ${problem.th}`, en: `${p.en} — ${problem.en}` });
}

/** Shows a user's value in a message, shortened and quoted. */
export function shown(value: unknown): string {
  if (typeof value === 'string') {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `"${s}"`;
  }
  if (isDate(value)) return 'วันที่/date';
  return String(value);
}

/** Cross-realm Date check (Sheets hands dates to custom functions as Date objects). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The problems the functions report, in both languages (built on first error). */
let problemTexts: ReturnType<typeof buildProblems> | undefined;
export const problems = (): ReturnType<typeof buildProblems> => (problemTexts ??= buildProblems());

function buildProblems() {
  return {
  notNumber: (v: unknown): Bilingual => ({
    th: `ต้องเป็นตัวเลข แต่พบ ${shown(v)}`,
    en: `must be a number, got ${shown(v)}`,
  }),
  outOfRange: (v: number, min: number, max: number): Bilingual => ({
    th: `ต้องอยู่ระหว่าง ${min} ถึง ${max} แต่พบ ${v}`,
    en: `must be between ${min} and ${max}, got ${v}`,
  }),
  blankIndicator: (): Bilingual => ({
    th: 'ช่องนี้ว่าง แต่ต้องมีคะแนนครบทั้ง 10 ตัวชี้วัดในแถว',
    en: 'this cell is blank, but the row needs all 10 indicator scores',
  }),
  wrongShape: (rows: number, cols: number, accept: { tools?: boolean; totals?: boolean; wide?: boolean } = {}): Bilingual => ({
    th: `ต้องเป็นคะแนน 10 ตัวชี้วัด (ช่วง 10 คอลัมน์ต่อหน่วยงาน หรือคอลัมน์เดียว 10 แถว)${accept.tools ? ' หรือคะแนน IIT, EIT, OIT (ช่วง 3 คอลัมน์ หรือคอลัมน์เดียว 3 แถว)' : ''}${accept.wide ? ' หรือ 13 คอลัมน์ต่อหน่วยงาน (ตัวชี้วัด 1–10 แล้ว IIT, EIT, OIT)' : ''}${accept.totals ? ' หรือคะแนนรวม (คอลัมน์เดียว)' : ''} แต่ช่วงที่ให้มี ${rows} แถว × ${cols} คอลัมน์`,
    en: `needs the 10 indicator scores (10 columns per unit, or one column of 10 rows)${accept.tools ? ', or the IIT, EIT and OIT scores (3 columns, or one column of 3 rows)' : ''}${accept.wide ? ', or 13 columns per unit (indicators 1–10, then IIT, EIT, OIT)' : ''}${accept.totals ? ', or totals (one column)' : ''}, but the range is ${rows} × ${cols} (rows × columns)`,
  }),
  blankTool: (): Bilingual => ({
    th: 'ช่องนี้ว่าง แต่ต้องมีคะแนนครบทั้ง 3 เครื่องมือ (IIT, EIT, OIT) ในแถว',
    en: 'this cell is blank, but the row needs all 3 tool scores (IIT, EIT, OIT)',
  }),
  labelNeedsTools: (total: string, year: number): Bilingual => ({
    th: `คะแนนรวม ${total} ถึง 85 แล้ว ผลการประเมินปี ${year} (ผ่าน ผ่านดี หรือผ่านดีเยี่ยม) ขึ้นกับคะแนนรายเครื่องมือ ให้ใส่ช่วงคะแนน IIT, EIT, OIT หรือคะแนน 10 ตัวชี้วัดแทนคะแนนรวม`,
    en: `the total ${total} reaches 85, so the ${year} result (ผ่าน, ผ่านดี or ผ่านดีเยี่ยม) depends on the tool scores; give the IIT, EIT and OIT scores or the 10 indicator scores instead of the total`,
  }),
  single: (): Bilingual => ({
    th: 'ต้องเป็นค่าเดียว ไม่ใช่ช่วงหลายช่อง',
    en: 'must be a single value, not a range',
  }),
  yearRows: (rows: number, expected: number): Bilingual => ({
    th: `ต้องเป็นค่าเดียว หรือคอลัมน์ที่มี ${expected} แถวเท่ากับคะแนน แต่มี ${rows} แถว`,
    en: `must be one value, or a column with the same ${expected} rows as the scores, but it has ${rows}`,
  }),
  unknownYear: (v: unknown, first: number, last: number): Bilingual => ({
    th: `ปีงบประมาณต้องเป็น พ.ศ. ${first}–${last} (หรือ ค.ศ. ${first - 543}–${last - 543}) แต่พบ ${shown(v)}`,
    en: `the fiscal year must be a Buddhist-Era year ${first}–${last} (or ${first - 543}–${last - 543} CE), got ${shown(v)}`,
  }),
  unknownTool: (v: unknown): Bilingual => ({
    th: `ต้องเป็น "IIT", "EIT" หรือ "OIT" แต่พบ ${shown(v)}`,
    en: `must be "IIT", "EIT" or "OIT", got ${shown(v)}`,
  }),
  indicatorNumber: (v: unknown): Bilingual => ({
    th: `ต้องเป็นเลขตัวชี้วัด 1–10 แต่พบ ${shown(v)}`,
    en: `must be an indicator number 1–10, got ${shown(v)}`,
  }),
  decimals: (v: unknown): Bilingual => ({
    th: `จำนวนตำแหน่งทศนิยมต้องเป็นจำนวนเต็ม 0–10 แต่พบ ${shown(v)}`,
    en: `the number of decimals must be a whole number 0–10, got ${shown(v)}`,
  }),
  sameShape: (vr: number, vc: number, wr: number, wc: number, other = 'values'): Bilingual => ({
    th: `ต้องมีขนาดเท่ากับ ${other} (${vr} × ${vc}) แต่มีขนาด ${wr} × ${wc}`,
    en: `must be the same size as ${other} (${vr} × ${vc}), but it is ${wr} × ${wc}`,
  }),
  yearColumn: (cols: number): Bilingual => ({
    th: `ต้องเป็นค่าเดียว หรือคอลัมน์เดียว (หนึ่งปีต่อแถว) แต่ช่วงที่ให้มี ${cols} คอลัมน์`,
    en: `must be one value, or one column (one year per row), but the range has ${cols} columns`,
  }),
  blankYear: (): Bilingual => ({
    th: 'ช่องปีงบประมาณของแถวนี้ว่าง แต่แถวนี้มีคะแนน',
    en: 'the fiscal year of this row is blank, but the row has scores',
  }),
  missingWeight: (): Bilingual => ({
    th: 'ช่องน้ำหนักนี้ว่าง แต่ค่าคู่กันไม่ว่าง',
    en: 'this weight is blank but its value is not',
  }),
  negativeWeight: (v: number): Bilingual => ({
    th: `น้ำหนักต้องไม่ติดลบ แต่พบ ${v}`,
    en: `a weight must not be negative, got ${v}`,
  }),
  zeroWeights: (): Bilingual => ({
    th: 'ผลรวมน้ำหนักของค่าที่ไม่ว่างเป็นศูนย์ จึงหาค่าเฉลี่ยถ่วงน้ำหนักไม่ได้',
    en: 'the weights of the non-blank values add up to zero, so there is no weighted mean',
  }),
  subIndicator: (v: unknown): Bilingual => ({
    th: `ตัวชี้วัดย่อยต้องเป็นของตัวชี้วัดที่ 9 หรือ 10 เช่น "9.1" หรือ "10.2" แต่พบ ${shown(v)}`,
    en: `a sub-indicator must belong to indicator 9 or 10, e.g. "9.1" or "10.2", got ${shown(v)}`,
  }),
  met: (v: unknown): Bilingual => ({
    th: `สถานะต้องเป็น ดำเนินการแล้ว/ยังไม่ได้ดำเนินการ, TRUE/FALSE หรือ 1/0 แต่พบ ${shown(v)}`,
    en: `the state must be ดำเนินการแล้ว/ยังไม่ได้ดำเนินการ, TRUE/FALSE or 1/0, got ${shown(v)}`,
  }),
  pairBlank: (): Bilingual => ({
    th: 'ช่องนี้ว่าง แต่ช่องคู่กันในอีกช่วงไม่ว่าง',
    en: 'this cell is blank but its pair in the other range is not',
  }),
  missingIndicator: (n: number): Bilingual => ({
    th: `รายการตรวจยังไม่มีข้อใดของตัวชี้วัดที่ ${n}`,
    en: `the checklist has no item of indicator ${n}`,
  }),
  notText: (v: unknown): Bilingual => ({
    th: `ต้องเป็นตัวเลข ข้อความ หรือวันที่ แต่พบ ${shown(v)}`,
    en: `must be a number, text or a date, got ${shown(v)}`,
  }),
  } as const;
}
