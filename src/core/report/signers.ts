// Who signs the memo and the announcement, from the settings sheet
// (ITA-METHOD.md §9): the writer, the division head, the clerk (ปลัด) and the
// head of the unit, and the chain of comments under a memo. A blank name
// leaves a dotted line to sign by hand; a blank position is worked out from
// the unit's name (ปลัดองค์การบริหารส่วนตำบลห้วยเตย), else a dotted line too.
import type { Value } from './template';

/** A line to fill by hand: a name, a position, a document number. */
export const DOTTED = '.'.repeat(40);

/** The levels that may comment on a memo, by the name the setting uses. */
export const COMMENT_ROLES = ['หัวหน้าส่วนราชการ', 'ปลัด', 'ผู้บริหาร'] as const;
export type CommentRole = (typeof COMMENT_ROLES)[number];

/** The setting that orders the chain, and its value in a new workbook (and in one set up before it existed). */
export const COMMENT_CHAIN_KEY = 'ลำดับผู้ให้ความเห็น';
export const DEFAULT_COMMENT_CHAIN = COMMENT_ROLES.join(', ');

export interface Signer {
  readonly name: string;
  readonly position: string;
}

export interface Signers {
  /** The division that writes the memo (ส่วนราชการ). */
  readonly division: string;
  /** The memo's number, or a dotted line. */
  readonly number: string;
  readonly writer: Signer;
  readonly roles: Readonly<Record<CommentRole, Signer>>;
  /** The chain of comments, in the settings' order. */
  readonly chain: readonly Signer[];
  /** Names in the chain's setting that are no level, in Thai and English. */
  readonly unknown: readonly string[];
}

/**
 * What set-up once wrote as the head's position in every new workbook, before
 * the unit's name was known: taken as blank, so the position carries the name.
 */
const OLD_HEAD_DEFAULT = 'นายกองค์การบริหารส่วนตำบล';

const text = (v: Value): string => (v === null || v === undefined ? '' : String(v).trim());

const MUNICIPAL = 'เทศบาล';
/** Names of local governments as units write them in full or in short (อบต.ห้วยเตย, ทต.…). */
const LOCAL = /^(องค์การบริหารส่วน|เทศบาล|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.)/;

/**
 * The unit's full name: the name as typed when it already says what the unit
 * is, else the kind of unit before it ("เทศบาลตำบล" + "ห้วยเตย").
 */
export function fullUnitName(name: string, kind: string): string {
  if (!name) return '';
  // A short form is written out: documents name the unit in full (อบต.ห้วยเตย → องค์การบริหารส่วนตำบลห้วยเตย).
  const short = SHORT.find(([s]) => name.startsWith(s));
  if (short) return short[1] + name.slice(short[0].length).trim();
  if (LOCAL.test(name) || !kind || kind === 'อื่น ๆ' || name.startsWith(kind)) return name;
  return kind + name;
}

/** Short forms of local governments' kinds, as units type them. */
const SHORT: readonly (readonly [string, string])[] = [
  ['อบต.', 'องค์การบริหารส่วนตำบล'],
  ['อบจ.', 'องค์การบริหารส่วนจังหวัด'],
  ['ทต.', 'เทศบาลตำบล'],
  ['ทม.', 'เทศบาลเมือง'],
  ['ทน.', 'เทศบาลนคร'],
];

/** Words units use for the levels of the chain (seed 000: หัวหน้าสำนักปลัด → ปลัด → นายก). */
const ROLE_WORDS: Readonly<Record<string, CommentRole>> = {
  นายก: 'ผู้บริหาร',
  นายกฯ: 'ผู้บริหาร',
  นายกเทศมนตรี: 'ผู้บริหาร',
  หัวหน้าหน่วยงาน: 'ผู้บริหาร',
  ปลัดฯ: 'ปลัด',
  หัวหน้าสำนักปลัด: 'หัวหน้าส่วนราชการ',
  ผู้อำนวยการกอง: 'หัวหน้าส่วนราชการ',
  'ผอ.กอง': 'หัวหน้าส่วนราชการ',
};

/** The head of a unit: นายกองค์การบริหารส่วนตำบล…, นายกเทศมนตรีตำบล…, else หัวหน้า…. */
export function headPosition(unit: string): string {
  if (!unit) return '';
  if (unit.startsWith(MUNICIPAL)) return `นายกเทศมนตรี${unit.slice(MUNICIPAL.length)}`;
  return LOCAL.test(unit) ? `นายก${unit}` : `หัวหน้า${unit}`;
}

/** The head of a division: ผู้อำนวยการกอง… and of a สำนัก other than the clerk's, หัวหน้า… otherwise (หัวหน้าสำนักปลัด…). */
export function divisionHeadPosition(division: string): string {
  if (!division) return '';
  if (/^(สำนักปลัด|สำนักงานปลัด)/.test(division)) return `หัวหน้า${division}`;
  return /^(กอง|สำนัก)/.test(division) ? `ผู้อำนวยการ${division}` : `หัวหน้า${division}`;
}

/** The signers and the chain of comments, from the settings by key. */
export function signersOf(settings: Readonly<Record<string, Value>>): Signers {
  const get = (k: string) => {
    const v = text(settings[k]);
    return k === 'ตำแหน่งผู้บริหาร' && v === OLD_HEAD_DEFAULT ? '' : v;
  };
  const unit = fullUnitName(get('ชื่อหน่วยงาน'), get('ประเภทหน่วยงาน'));
  const division = get('ส่วนราชการ') || (unit ? `สำนักปลัด${unit}` : '');
  const signer = (name: string, position: string, fallback: string): Signer => ({
    name: get(name) || DOTTED,
    position: get(position) || fallback || DOTTED,
  });
  const roles: Record<CommentRole, Signer> = {
    หัวหน้าส่วนราชการ: signer('ชื่อหัวหน้าส่วนราชการ', 'ตำแหน่งหัวหน้าส่วนราชการ', divisionHeadPosition(division)),
    ปลัด: signer('ชื่อปลัด', 'ตำแหน่งปลัด', unit && `ปลัด${unit}`),
    ผู้บริหาร: signer('ชื่อผู้บริหาร', 'ตำแหน่งผู้บริหาร', headPosition(unit)),
  };
  // A workbook set up before the setting existed has the default chain; a blank one has none.
  const raw = settings[COMMENT_CHAIN_KEY];
  const wanted = (raw === undefined ? DEFAULT_COMMENT_CHAIN : text(raw))
    .split(/[,，、;\n→>]+/)
    .map((s) => s.replace(/\s+/g, ''))
    .filter(Boolean);
  const chain: Signer[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const typed of wanted) {
    const w = ROLE_WORDS[typed] ?? typed;
    if (!(COMMENT_ROLES as readonly string[]).includes(w)) unknown.push(typed);
    else if (!seen.has(w)) {
      seen.add(w);
      chain.push(roles[w as CommentRole]);
    }
  }
  return {
    division: division || DOTTED,
    number: get('เลขที่หนังสือ') || DOTTED,
    writer: signer('ชื่อผู้จัดทำรายงาน', 'ตำแหน่งผู้จัดทำรายงาน', ''),
    roles,
    chain,
    unknown: unknown.length
      ? [
          `ไม่รู้จัก ${unknown.map((u) => `"${u}"`).join(', ')} ในรายการ "${COMMENT_CHAIN_KEY}" ของแผ่นงานตั้งค่า จึงข้ามไป (ใช้ได้: ${COMMENT_ROLES.join(', ')} เรียงตามลำดับ คั่นด้วยจุลภาค)` +
            ` | Unknown ${unknown.map((u) => `"${u}"`).join(', ')} in the setting "${COMMENT_CHAIN_KEY}", left out of the chain of comments (known: ${COMMENT_ROLES.join(', ')}, in order, separated by commas)`,
        ]
      : [],
  };
}
