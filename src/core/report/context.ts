// What a report shows, worked out from the workbook: the unit's settings, its
// scores by year and its measures (ITA-METHOD.md §6).
import { parseScoreCell } from '../cells';
import { explanationFor } from '../data/explanations';
import { frameworkNear } from '../framework';
import type { Measure } from '../measures/model';
import { letterFor, passes, resultFor } from '../rating';
import { roundTo } from '../round';
import { toolScores, totalScore } from '../scoring';
import { oitScores } from '../oit';
import { fromThaiDigits, thaiDate, thaiMonths, toBuddhistEra, toThaiDigits, type CalendarDay } from '../thai';
import { formatter } from './format';
import { measuresYearOf, servedItem } from './served';
import { signersOf } from './signers';
import { scope, tokenize, type Scope, type ScoreValue, type TemplateSpec, type TemplateText, type Value } from './template';

/** A score as reports print it: rounded to the hundredth, shown with two decimals. */
const score = (x: number): ScoreValue => ({ score: roundTo(x, 2) });

export type ReportKind = 'analysis' | 'progress' | 'oit' | 'memo' | 'announcement';

/** An OIT checklist item as the report shows it. */
export interface OitReportItem {
  readonly code: string;
  readonly item: string;
  readonly sub: string;
  readonly responsible: string;
  readonly status: string;
  readonly evidenceUrl: string;
  readonly note: string;
  readonly checkedAt: string;
}

export interface ReportInput {
  /** Settings by their key in the settings sheet (ชื่อหน่วยงาน, อำเภอ, …). */
  readonly settings: Readonly<Record<string, Value>>;
  /** Ten indicator scores per fiscal year, from the scores sheet. */
  readonly scores: ReadonlyMap<number, readonly number[]>;
  readonly measures: readonly Measure[];
  /** The report's fiscal year (Buddhist Era). */
  readonly fiscalYear: number;
  /** Today in the spreadsheet's time zone. */
  readonly today: CalendarDay;
  /** Digits of numbers and dates in the report. */
  readonly digits: 'thai' | 'arabic';
  /** The report; only the analysis needs the year's scores. */
  readonly kind?: ReportKind;
  /** The OIT checklist of the year, for the OIT report. */
  readonly oitItems?: readonly OitReportItem[];
  /** Sub-indicator names by code, from the year's known list. */
  readonly oitSubNames?: ReadonlyMap<string, string>;
  /** The progress report of the year a memo refers to, from the log of generated reports. */
  readonly attached?: { readonly name: string; readonly url: string };
}

export interface ReportData {
  readonly scope: Scope;
  /** Records of each collection, for repeating rows. */
  readonly collections: ReadonlyMap<string, readonly Scope[]>;
  /** Chart data: indicator scores against the pass mark, totals over the years. */
  readonly charts: {
    readonly indicators: readonly { readonly label: string; readonly score: number }[];
    readonly passMark: number;
    readonly totals: readonly { readonly year: number; readonly total: number }[];
  };
  /** Why parts of the report will be empty, in Thai. */
  readonly notes: readonly string[];
}

const TOOL_IDS = ['IIT', 'EIT', 'OIT'] as const;

/** Each tool's score a year before, the change and a sentence saying it. */
const TOOL_CHANGE_FIELDS = TOOL_IDS.flatMap((t) => [`คะแนน ${t} ปีก่อน`, `ผลต่าง ${t}`, `การเปลี่ยนแปลง ${t}`, `สรุปการเปลี่ยนแปลง ${t}`]);

/** The ten indicators, 2562 on: a template may speak of one by its number. */
const INDEXED = 10;
const INDEXED_FIELDS = ['คะแนนตัวชี้วัดที่', 'ความหมายตัวชี้วัดที่', 'อันดับตัวชี้วัดที่'].flatMap((name) =>
  Array.from({ length: INDEXED }, (_, i) => `${name} ${i + 1}`),
);

const GLOBAL_FIELDS = [
  'ชื่อหน่วยงาน', 'ประเภทหน่วยงาน', 'อำเภอ', 'จังหวัด', 'ปีงบประมาณ', 'ชื่อผู้บริหาร', 'ตำแหน่งผู้บริหาร', 'เกณฑ์จุดแข็ง', 'เกณฑ์ผ่าน',
  'คะแนนรวม', 'ระดับ', 'ผลการประเมิน', 'ผ่านเกณฑ์', 'คะแนน IIT', 'คะแนน EIT', 'คะแนน OIT',
  'ปีก่อน', 'คะแนนรวมปีก่อน', 'ผลต่างคะแนนรวม', 'การเปลี่ยนแปลง', 'สรุปการเปลี่ยนแปลง', ...TOOL_CHANGE_FIELDS, ...INDEXED_FIELDS,
  'วันที่จัดทำ', 'จำนวนมาตรการ', 'จำนวนดำเนินการแล้ว',
  'จำนวนข้อ OIT', 'จำนวนข้อ OIT ที่ดำเนินการแล้ว', 'ร้อยละข้อ OIT ที่ดำเนินการแล้ว', 'คะแนน OIT ที่คาด',
  'ปีมาตรการ', 'ปีประเมินถัดไป', 'ข้อ OIT ที่ใช้', 'ชื่อข้อ OIT ที่ใช้',
  // The memo and the announcement (ITA-METHOD.md §9).
  'ส่วนราชการ', 'เลขที่หนังสือ', 'ชื่อปลัด', 'ตำแหน่งปลัด', 'ชื่อหัวหน้าส่วนราชการ', 'ตำแหน่งหัวหน้าส่วนราชการ', 'ชื่อผู้จัดทำรายงาน', 'ตำแหน่งผู้จัดทำรายงาน',
  'วันจัดทำ', 'เดือนจัดทำ', 'ปีจัดทำ', 'ปีผลการประเมิน', 'ตัวชี้วัดที่ต้องพัฒนา', 'สรุปผลการประเมินที่ผ่านมา', 'ชื่อรายงานแนบ', 'ลิงก์รายงานแนบ',
] as const;

/** A record of the chain of comments under a memo: one per level, in the settings' order. */
const COMMENTER_FIELDS = ['ลำดับ', 'ชื่อ', 'ตำแหน่ง'] as const;
export const COMMENTERS = 'ผู้ให้ความเห็น';

const OIT_FIELDS = ['ลำดับ', 'รหัส', 'รายการ', 'ตัวชี้วัดย่อย', 'ผู้รับผิดชอบ', 'สถานะ', 'ช่องสถานะ', 'ลิงก์หลักฐาน', 'หมายเหตุ', 'วันที่ตรวจ', 'กลุ่ม'] as const;

const INDICATOR_FIELDS = [
  'ลำดับ', 'ตัวชี้วัดที่', 'ชื่อตัวชี้วัด', 'เครื่องมือ', 'คะแนน', 'ผลเทียบเกณฑ์', 'ระดับตัวชี้วัด', 'คะแนนปีก่อน', 'ผลต่าง',
  'อันดับ', 'คำอธิบาย', 'ความหมายของคะแนน', 'ผลเทียบเกณฑ์จุดแข็ง', 'ประเด็นที่ต้องแก้ไข',
] as const;

const MEASURE_FIELDS = [
  'ลำดับ', 'ตัวชี้วัด', 'ชื่อตัวชี้วัด', 'ประเด็น', 'มาตรการ/แนวทาง', 'วิธีการดำเนินการ', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'วันที่เริ่ม', 'วันที่สิ้นสุด',
  'การติดตามผล', 'สถานะ', 'ผลการดำเนินการ', 'ผลลัพธ์หรือความสำเร็จ', 'ข้อเสนอแนะ', 'ปัญหาอุปสรรค', 'ลิงก์หลักฐาน', 'กลุ่ม',
] as const;

/** Names, and collections, whose values come from the scores sheet. */
const SCORE_FIELDS = new Set([
  'คะแนนรวม', 'ระดับ', 'ผลการประเมิน', 'ผ่านเกณฑ์', 'คะแนน IIT', 'คะแนน EIT', 'คะแนน OIT', 'ปีก่อน', 'คะแนนรวมปีก่อน', 'ผลต่างคะแนนรวม', 'การเปลี่ยนแปลง',
  'สรุปการเปลี่ยนแปลง', ...TOOL_CHANGE_FIELDS, ...INDEXED_FIELDS, 'ตัวชี้วัดที่ต้องพัฒนา', 'สรุปผลการประเมินที่ผ่านมา',
]);
const SCORE_COLLECTIONS = new Set(['ตัวชี้วัด', 'ตัวชี้วัดเรียงคะแนน', 'จุดแข็ง', 'จุดที่ต้องพัฒนา']);

/** Whether a report shows scores: the analysis always, another when its template names a score, a chart or an indicator row. */
export function readsScores(kind: ReportKind, texts: readonly TemplateText[]): boolean {
  if (kind === 'analysis') return true;
  return texts.some((t) =>
    tokenize(t.text).tokens.some((k) => (k.kind === 'field' ? SCORE_FIELDS.has(k.name) : k.kind === 'chart' || (k.kind !== 'text' && SCORE_COLLECTIONS.has(k.collection)))),
  );
}

export const CHART_INDICATORS = 'คะแนนตัวชี้วัด';
export const CHART_TOTALS = 'คะแนนรวมรายปี';

/** The names, collections and charts a report's template may use. */
export function templateSpec(kind: ReportKind): TemplateSpec {
  const indicator = new Set<string>(INDICATOR_FIELDS);
  return {
    fields: new Set<string>(GLOBAL_FIELDS),
    collections: new Map([
      ['ตัวชี้วัด', indicator],
      ['ตัวชี้วัดเรียงคะแนน', indicator],
      ['จุดแข็ง', indicator],
      ['จุดที่ต้องพัฒนา', indicator],
      ['มาตรการ', new Set<string>(MEASURE_FIELDS)],
      ['รายการ OIT', new Set<string>(OIT_FIELDS)],
      [COMMENTERS, new Set<string>(COMMENTER_FIELDS)],
    ]),
    // The memo stands alone: its figures are totals, its chain of comments may be left out.
    requiredRepeats: kind === 'analysis' ? ['ตัวชี้วัด', 'มาตรการ'] : kind === 'oit' ? ['รายการ OIT'] : kind === 'memo' ? [] : ['มาตรการ'],
    charts: new Set([CHART_INDICATORS, CHART_TOTALS]),
  };
}

/**
 * The template guide's lists (the dialog's template tab): every name as
 * `{{name}}`, names numbered 1 to n shown as one range, and each collection
 * with the names its repeating row adds.
 */
export function placeholderGuide(spec: TemplateSpec): { fields: string[]; collections: [collection: string, names: string[]][] } {
  const show = (names: Iterable<string>) => {
    const out: string[] = [];
    const numbered = new Map<string, number[]>();
    for (const n of names) {
      const m = /^(.*) (\d+)$/.exec(n);
      if (!m) out.push(`{{${n}}}`);
      else if (numbered.has(m[1]!)) numbered.get(m[1]!)!.push(Number(m[2]));
      else {
        numbered.set(m[1]!, [Number(m[2])]);
        out.push(m[1]!); // replaced below, in place
      }
    }
    return out.map((x) => {
      const nums = numbered.get(x);
      if (!nums) return x;
      const [lo, hi] = [Math.min(...nums), Math.max(...nums)];
      return nums.length > 2 ? `{{${x} ${lo}}} … {{${x} ${hi}}}` : nums.map((k) => `{{${x} ${k}}}`).join(' ');
    });
  };
  return { fields: show(spec.fields), collections: [...spec.collections].map(([c, names]) => [c, show(names)]) };
}

function day(iso: string): Date | '' {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** "1 ต.ค. 2568 – 30 ก.ย. 2569", or one end, or "". */
function period(start: string, end: string, digits: 'thai' | 'arabic'): string {
  const show = (iso: string) => {
    const d = day(iso);
    return d === '' ? '' : thaiDate(d, { month: 'abbr', digits });
  };
  return [show(start), show(end)].filter(Boolean).join(' – ');
}


/**
 * The settings' strength threshold, read as the functions read a score (0 is
 * a threshold; Thai digits are fine); blank is 80, and so, with a note, is a
 * value that is not a score.
 */
function strengthThreshold(v: Value, notes: string[]): number {
  const t = parseScoreCell(v);
  if (typeof t === 'number') return t;
  if (t) notes.push(`อ่านค่า "เกณฑ์จุดแข็ง" ในแผ่นงานตั้งค่าไม่ได้ (${t.th}) จึงใช้ 80`);
  return 80;
}

/**
 * Each score's rank, highest first, as printed (to the hundredth): scores that
 * print alike share a rank and the next one skips (1, 2, 2, 4); no score, no rank.
 */
export function ranks(scores: readonly (number | undefined)[]): (number | undefined)[] {
  const shown = scores.map((s) => (s === undefined ? undefined : roundTo(s, 2)));
  return shown.map((s) => (s === undefined ? undefined : 1 + shown.filter((o) => o !== undefined && o > s).length));
}

const changeWord = (d: number) => (d > 0 ? 'เพิ่มขึ้น' : d < 0 ? 'ลดลง' : 'เท่าเดิม');

/** Works out every value of a report. */
export function reportData(input: ReportInput): ReportData {
  const notes: string[] = [];
  const kind = input.kind ?? 'analysis';
  const analysis = kind === 'analysis';
  // The announcement of year N's measures rests on the results of N−1 (ITA-METHOD.md §8); every other report shows its own year's.
  const scoreYear = kind === 'announcement' ? input.fiscalYear - 1 : input.fiscalYear;
  const fw = frameworkNear(scoreYear);
  const scores = input.scores.get(scoreYear);
  const previousYear = [...input.scores.keys()].filter((y) => y < scoreYear).sort((a, b) => b - a)[0];
  const previous = previousYear === undefined ? undefined : input.scores.get(previousYear);
  // The analysis of year N sets the measures of N+1; the other reports follow their own year's.
  const measuresYear = measuresYearOf(kind, input.fiscalYear);
  const served = servedItem(kind, input.fiscalYear);
  // Letters only where the year was rated by letters (through 2565): the NACC publishes labels since.
  const letters = fw.rating.kind === 'letters';
  const threshold = strengthThreshold(input.settings['เกณฑ์จุดแข็ง'], analysis || kind === 'announcement' ? notes : []);
  if (!scores && analysis) notes.push(`ยังไม่มีคะแนนของปี ${input.fiscalYear} ในแผ่นงาน "คะแนน ITA" ตารางคะแนนจะว่าง`);
  if (!scores && kind === 'announcement') notes.push(`ยังไม่มีคะแนนของปี ${scoreYear} ในแผ่นงาน "คะแนน ITA" ประกาศจึงกล่าวว่ายังไม่มีผลการประเมินของปีนั้น`);
  const signers = signersOf(input.settings);
  if (kind === 'memo') notes.push(...signers.unknown);

  const total = scores ? totalScore(scores, fw) : undefined;
  const tools = scores ? toolScores(scores, fw) : undefined;
  const prevTotal = previous && previousYear !== undefined ? totalScore(previous, frameworkNear(previousYear)) : undefined;
  const change = total !== undefined && prevTotal !== undefined ? roundTo(total, 2) - roundTo(prevTotal, 2) : undefined;
  const prevTools = previous && previousYear !== undefined ? toolScores(previous, frameworkNear(previousYear)) : undefined;
  if (analysis && scores && !previous) notes.push(`ไม่มีคะแนนของปีก่อนปี ${input.fiscalYear} ในแผ่นงาน "คะแนน ITA" ส่วนที่เทียบกับปีก่อนจะว่าง`);
  // Sentences are text: their numbers are formatted here, as the report formats a placeholder.
  const fmt = formatter({ digits: input.digits });
  const text = (v: Value) => fmt.format(v, []);
  const measures = input.measures
    .filter((m) => m.fiscalYear === measuresYear)
    .slice()
    .sort((a, b) => (a.indicators[0] ?? 99) - (b.indicators[0] ?? 99));

  const globals: Record<string, Value> = {
    ...Object.fromEntries(['ชื่อหน่วยงาน', 'ประเภทหน่วยงาน', 'อำเภอ', 'จังหวัด'].map((k) => [k, (input.settings[k] ?? '') as Value])),
    // Signers: a blank name is a dotted line to sign by hand, a blank position the unit's usual one (signers.ts).
    ชื่อผู้บริหาร: signers.roles.ผู้บริหาร.name,
    ตำแหน่งผู้บริหาร: signers.roles.ผู้บริหาร.position,
    ชื่อปลัด: signers.roles.ปลัด.name,
    ตำแหน่งปลัด: signers.roles.ปลัด.position,
    ชื่อหัวหน้าส่วนราชการ: signers.roles.หัวหน้าส่วนราชการ.name,
    ตำแหน่งหัวหน้าส่วนราชการ: signers.roles.หัวหน้าส่วนราชการ.position,
    ชื่อผู้จัดทำรายงาน: signers.writer.name,
    ตำแหน่งผู้จัดทำรายงาน: signers.writer.position,
    ส่วนราชการ: signers.division,
    เลขที่หนังสือ: signers.number,
    วันจัดทำ: input.today.day,
    เดือนจัดทำ: thaiMonths()[input.today.month - 1],
    ปีจัดทำ: toBuddhistEra(input.today.year),
    ปีผลการประเมิน: scoreYear,
    ชื่อรายงานแนบ: input.attached?.name ?? '',
    ลิงก์รายงานแนบ: input.attached?.url ?? '',
    ปีงบประมาณ: input.fiscalYear,
    เกณฑ์จุดแข็ง: threshold,
    เกณฑ์ผ่าน: fw.passMark,
    คะแนนรวม: total === undefined ? '' : score(total),
    ระดับ: total === undefined || !letters ? '' : letterFor(total),
    ผลการประเมิน: scores ? resultFor(scores, fw) : '',
    ผ่านเกณฑ์: total === undefined ? '' : passes(total, fw.passMark) ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์',
    'คะแนน IIT': tools ? score(tools.IIT) : '',
    'คะแนน EIT': tools ? score(tools.EIT) : '',
    'คะแนน OIT': tools ? score(tools.OIT) : '',
    ปีก่อน: previousYear ?? '',
    คะแนนรวมปีก่อน: prevTotal === undefined ? '' : score(prevTotal),
    ผลต่างคะแนนรวม: change === undefined ? '' : score(Math.abs(change)),
    การเปลี่ยนแปลง: change === undefined ? '' : changeWord(change),
    // A Date whose local calendar day is that day, as day() below makes for measures.
    วันที่จัดทำ: new Date(input.today.year, input.today.month - 1, input.today.day),
    จำนวนมาตรการ: measures.length,
    จำนวนดำเนินการแล้ว: measures.filter((m) => m.status === 'ดำเนินการแล้ว').length,
    ปีมาตรการ: measuresYear,
    ปีประเมินถัดไป: input.fiscalYear + 1,
    'ข้อ OIT ที่ใช้': served?.code ?? '',
    'ชื่อข้อ OIT ที่ใช้': served?.title ?? '',
  };
  const toolSentences: string[] = [];
  for (const id of TOOL_IDS) {
    const now = tools?.[id];
    const before = prevTools?.[id];
    const d = now === undefined || before === undefined ? undefined : roundTo(now, 2) - roundTo(before, 2);
    const sentence =
      d === undefined || now === undefined || before === undefined
        ? ''
        : d === 0
          ? `คะแนน ${id} เท่าเดิม (${text(score(now))} คะแนน)`
          : `คะแนน ${id} ${changeWord(d)} ${text(score(Math.abs(d)))} คะแนน (จาก ${text(score(before))} เป็น ${text(score(now))} คะแนน)`;
    if (sentence) toolSentences.push(sentence);
    Object.assign(globals, {
      [`คะแนน ${id} ปีก่อน`]: before === undefined ? '' : score(before),
      [`ผลต่าง ${id}`]: d === undefined ? '' : score(Math.abs(d)),
      [`การเปลี่ยนแปลง ${id}`]: d === undefined ? '' : changeWord(d),
      [`สรุปการเปลี่ยนแปลง ${id}`]: sentence,
    });
  }
  const last = toolSentences.pop();
  globals['สรุปการเปลี่ยนแปลง'] =
    last === undefined ? '' : `เมื่อเทียบกับปีงบประมาณ พ.ศ. ${text(previousYear)} ${[...toolSentences, ...(toolSentences.length ? [`และ${last}`] : [last])].join(' ')}`;
  const top = scope(globals);

  const rank = ranks(fw.indicators.map((_, i) => scores?.[i]));
  const indicatorRecords = fw.indicators.map((ind, i) => {
    const s = scores?.[i];
    const p = previous?.[i];
    const strong = s === undefined ? undefined : roundTo(s, 2) >= threshold;
    const explained = explanationFor(fw.year, ind.no);
    const meaning =
      s === undefined
        ? ''
        : strong
          ? `ได้ ${text(score(s))} คะแนน ซึ่งถึงเกณฑ์จุดแข็ง (ตั้งแต่ ${text(threshold)} คะแนนขึ้นไป) จึงเป็นจุดแข็ง`
          : `ได้ ${text(score(s))} คะแนน ซึ่งต่ำกว่าเกณฑ์จุดแข็ง (${text(threshold)} คะแนน) จึงเป็นจุดที่ต้องพัฒนา`;
    return {
      no: ind.no,
      score: s,
      scope: scope(
        {
          ลำดับ: i + 1,
          ตัวชี้วัดที่: ind.no,
          ชื่อตัวชี้วัด: ind.name,
          เครื่องมือ: ind.tool,
          คะแนน: s === undefined ? '' : score(s),
          ผลเทียบเกณฑ์: s === undefined ? '' : passes(s, fw.passMark) ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์',
          ระดับตัวชี้วัด: s === undefined || !letters ? '' : letterFor(s),
          คะแนนปีก่อน: p === undefined ? '' : score(p),
          ผลต่าง: s === undefined || p === undefined ? '' : score(roundTo(s, 2) - roundTo(p, 2)),
          อันดับ: rank[i] ?? '',
          คำอธิบาย: explained?.measures ?? '',
          ความหมายของคะแนน: meaning,
          ผลเทียบเกณฑ์จุดแข็ง: strong === undefined ? '' : strong ? 'จุดแข็ง' : 'จุดที่ต้องพัฒนา',
          // One line an issue; a "\n" in a value is filled as a new line (src/gas/docs.ts).
          ประเด็นที่ต้องแก้ไข: strong === false && explained ? explained.issues.map((x) => `- ${x}`).join('\n') : '',
        },
        top,
      ),
    };
  });
  for (let n = 1; n <= INDEXED; n++) {
    const r = indicatorRecords.find((x) => x.no === n)?.scope;
    globals[`คะแนนตัวชี้วัดที่ ${n}`] = r?.get('คะแนน') ?? '';
    globals[`ความหมายตัวชี้วัดที่ ${n}`] = r?.get('ความหมายของคะแนน') ?? '';
    globals[`อันดับตัวชี้วัดที่ ${n}`] = r?.get('อันดับ') ?? '';
  }
  const names = (m: Measure) => m.indicators.map((n) => fw.indicators[n - 1]?.name ?? String(n)).join(', ');
  const digitsOf = (s: string) => (input.digits === 'thai' ? toThaiDigits(s) : s);
  const group = (m: Measure) => {
    const n = m.indicators[0];
    return n === undefined ? 'ไม่ระบุตัวชี้วัด' : digitsOf(`ตัวชี้วัดที่ ${n} ${fw.indicators[n - 1]?.name ?? ''}`).trim();
  };
  const measureRecords = measures.map((m, i) =>
    scope(
      {
        กลุ่ม: group(m),
        ลำดับ: i + 1,
        ตัวชี้วัด: digitsOf(m.indicators.join(', ')),
        ชื่อตัวชี้วัด: names(m),
        ประเด็น: m.issue,
        'มาตรการ/แนวทาง': m.measure,
        วิธีการดำเนินการ: m.method,
        ผู้รับผิดชอบ: m.responsible,
        ระยะเวลา: period(m.startDate, m.endDate, input.digits),
        วันที่เริ่ม: day(m.startDate),
        วันที่สิ้นสุด: day(m.endDate),
        การติดตามผล: m.followUp,
        สถานะ: m.status,
        ผลการดำเนินการ: m.result,
        ผลลัพธ์หรือความสำเร็จ: m.outcome,
        ข้อเสนอแนะ: m.suggestion,
        ปัญหาอุปสรรค: m.problems,
        ลิงก์หลักฐาน: m.evidenceUrl,
      },
      top,
    ),
  );
  if (!measures.length && input.kind !== 'oit') notes.push(`ยังไม่มีมาตรการของปี ${measuresYear} ตารางมาตรการจะว่าง`);

  // By sub-indicator in the list's order (9.1 … 10.2), however the unit sorted its sheet: one heading per group.
  const subOrder = (sub: string) => (/^\d+(\.\d+)*$/.test(sub.trim()) ? sub.trim().split('.').map(Number) : [Infinity]);
  const bySub = (a: string, b: string) => {
    const [x, y] = [subOrder(a), subOrder(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
    return 0;
  };
  const oitItems = (input.oitItems ?? []).map((it, k) => ({ it, k })).sort((a, b) => bySub(fromThaiDigits(a.it.sub), fromThaiDigits(b.it.sub)) || a.k - b.k).map(({ it }) => it);
  const nameless = oitItems.filter((it) => it.code && !it.item.trim()).map((it) => it.code);
  if (input.kind === 'oit' && nameless.length) {
    notes.push(`ข้อ ${nameless.join(', ')} ยังไม่มีชื่อรายการในแผ่นงาน "OIT ${input.fiscalYear}" จึงพิมพ์เป็นช่องว่าง กรอกชื่อรายการตามคู่มือของปีนั้นแล้วสร้างรายงานใหม่ก่อนเผยแพร่`);
  }
  if (input.kind === 'oit' && !oitItems.length) notes.push(`ยังไม่มีรายการตรวจ OIT ของปี ${input.fiscalYear} (เมนู "รายการตรวจ OIT")`);
  const isDone = (s: string) => s.trim() === 'ดำเนินการแล้ว';
  const oitRecords = oitItems.map((it, i) =>
    scope(
      {
        กลุ่ม: `${digitsOf(it.sub)} ${input.oitSubNames?.get(it.sub) ?? ''}`.trim(),
        ลำดับ: i + 1,
        รหัส: it.code,
        รายการ: it.item,
        ตัวชี้วัดย่อย: it.sub,
        ผู้รับผิดชอบ: it.responsible,
        สถานะ: it.status,
        ช่องสถานะ: isDone(it.status) ? '☑ ดำเนินการแล้ว' : '☐ ยังไม่ได้ดำเนินการ',
        ลิงก์หลักฐาน: it.evidenceUrl,
        หมายเหตุ: it.note,
        วันที่ตรวจ: day(it.checkedAt),
      },
      top,
    ),
  );
  const oitDone = oitItems.filter((it) => isDone(it.status)).length;
  const oit = oitScores(oitItems.filter((it) => it.sub).map((it) => ({ sub: it.sub, met: isDone(it.status) })));
  Object.assign(globals, {
    'จำนวนข้อ OIT': oitItems.length,
    'จำนวนข้อ OIT ที่ดำเนินการแล้ว': oitDone,
    'ร้อยละข้อ OIT ที่ดำเนินการแล้ว': oitItems.length ? roundTo((100 * oitDone) / oitItems.length, 2) : '',
    'คะแนน OIT ที่คาด': oit.oit === undefined ? '' : score(oit.oit),
  });

  const scored = indicatorRecords.filter((r) => r.score !== undefined);
  const weak = scored.filter((r) => roundTo(r.score!, 2) < threshold);
  const weakNames = weak.map((r) => digitsOf(`ตัวชี้วัดที่ ${String(r.scope.get('ตัวชี้วัดที่'))} ${String(r.scope.get('ชื่อตัวชี้วัด'))}`));
  // "ก, ข และค": Thai joins the last with และ.
  globals['ตัวชี้วัดที่ต้องพัฒนา'] = weakNames.length > 1 ? `${weakNames.slice(0, -1).join(', ')} และ${weakNames[weakNames.length - 1]!}` : (weakNames[0] ?? '');
  // The announcement's account of the year's results, whole sentences for each case: no score, no
  // weakness, or weaknesses named (a dash for a missing score has no place in a signed announcement).
  const unit = String(input.settings['ชื่อหน่วยงาน'] ?? '').trim();
  const yearText = text(scoreYear);
  globals['สรุปผลการประเมินที่ผ่านมา'] =
    total === undefined
      ? `${unit}ยังไม่มีผลการประเมินประจำปีงบประมาณ พ.ศ. ${yearText} จึงกำหนดมาตรการตามแนวทางการประเมินของสำนักงาน ป.ป.ช. เพื่อให้ทุกตัวชี้วัดได้คะแนนตั้งแต่ ${text(fw.passMark)} คะแนนขึ้นไป`
      : `ในการประเมินประจำปีงบประมาณ พ.ศ. ${yearText} ${unit}ได้คะแนนรวม ${text(score(total))} คะแนน ผลการประเมิน ${String(globals['ผลการประเมิน'])} ` +
        (weakNames.length
          ? `ตัวชี้วัดที่ได้คะแนนต่ำกว่า ${text(threshold)} คะแนนซึ่งต้องเร่งปรับปรุง ได้แก่ ${String(globals['ตัวชี้วัดที่ต้องพัฒนา'])}`
          : `และทุกตัวชี้วัดได้คะแนนตั้งแต่ ${text(threshold)} คะแนนขึ้นไป มาตรการของปีนี้จึงมุ่งรักษาและพัฒนาผลการดำเนินงานให้ดียิ่งขึ้น`);
  const commenters = signers.chain.map((c, i) => scope({ ลำดับ: i + 1, ชื่อ: c.name, ตำแหน่ง: c.position }, top));
  // Highest first; scores that print alike keep the indicators' order. ลำดับ is the place in this list.
  const ranked = scored
    .map((r, k) => ({ r, k, rank: r.scope.get('อันดับ') as number }))
    .sort((a, b) => a.rank - b.rank || a.k - b.k)
    .map(({ r }, k) => scope({ ลำดับ: k + 1 }, r.scope));
  return {
    scope: top,
    collections: new Map([
      ['ตัวชี้วัด', indicatorRecords.map((r) => r.scope)],
      ['ตัวชี้วัดเรียงคะแนน', ranked],
      ['จุดแข็ง', scored.filter((r) => roundTo(r.score!, 2) >= threshold).map((r) => r.scope)],
      ['จุดที่ต้องพัฒนา', weak.map((r) => r.scope)],
      ['มาตรการ', measureRecords],
      ['รายการ OIT', oitRecords],
      [COMMENTERS, commenters],
    ]),
    charts: {
      // No scores, no bars: a chart of ten 0.00 would print a wrong number.
      indicators: scores ? fw.indicators.map((ind, i) => ({ label: `${ind.no}. ${ind.name}`, score: scores[i]! })) : [],
      passMark: fw.passMark,
      totals: [...input.scores]
        .filter(([y]) => y <= scoreYear)
        .sort(([a], [b]) => a - b)
        .map(([year, s]) => ({ year, total: roundTo(totalScore(s, frameworkNear(year)), 2) })),
    },
    notes,
  };
}
