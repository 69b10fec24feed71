// The one registry of Apps Script entry points. The build generates, from this
// list, a top-level `function` for each entry (with JSDoc for custom functions)
// and the help page. Implementations are bound by name in src/main.ts, whose
// type requires one for every entry here. Docs stay out of the runtime bundle.

import { BUNDLE_GLOBAL, HELP_FILE, menuItems } from './menu';

export interface Text {
  readonly th: string;
  readonly en: string;
}

export interface ParamDoc extends Text {
  readonly name: string;
  /** JSDoc type, e.g. "number|number[][]". */
  readonly type: string;
  readonly optional?: boolean;
}

export interface CustomFunctionEntry extends Text {
  readonly kind: 'custom';
  readonly name: string;
  readonly params: readonly ParamDoc[];
  readonly returns: Text & { readonly type: string };
  /** A formula a user can type, and what it gives. */
  readonly example: { readonly formula: string; readonly result: string };
}

export interface TriggerEntry {
  readonly kind: 'trigger';
  readonly name: string;
  readonly params: readonly string[];
}

/** A function the sidebar calls through google.script.run. */
export interface ServerEntry {
  readonly kind: 'server';
  readonly name: string;
  readonly params: readonly string[];
}

export interface MenuEntry {
  readonly kind: 'menu';
  readonly name: string;
  /** Caption in the add-on menu (Thai). */
  readonly caption: string;
}

export type Entry = CustomFunctionEntry | TriggerEntry | ServerEntry | MenuEntry;

const INDICATORS: ParamDoc = {
  name: 'indicators',
  type: 'number[][]',
  th: 'คะแนนตัวชี้วัดที่ 1–10 เรียงตามลำดับ: แถวละหนึ่งหน่วยงาน (10 คอลัมน์) หรือคอลัมน์เดียว 10 แถว',
  en: 'Scores of indicators 1–10 in order: one row of 10 columns per unit, or one column of 10 rows',
};

const FISCAL_YEAR: ParamDoc = {
  name: 'fiscal_year',
  type: 'number|number[][]',
  optional: true,
  th: 'ปีงบประมาณ พ.ศ. ตั้งแต่ 2562 (รับ ค.ศ. ได้; ปีหลัง 2570 ใช้เกณฑ์ล่าสุดแบบชั่วคราว) ค่าเดียวหรือหนึ่งปีต่อแถว ไม่ใส่ = 2569',
  en: 'Fiscal year in the Buddhist Era, from 2562 (a CE year is converted; after 2570, the latest rules, provisional), one value or one per row; default 2569',
};

const SCORES_OR_TOOLS: ParamDoc = {
  name: 'indicators',
  type: 'number[][]',
  th: 'คะแนนตัวชี้วัดที่ 1–10 (10 คอลัมน์ต่อหน่วยงาน หรือคอลัมน์เดียว 10 แถว) หรือคะแนน IIT, EIT, OIT ตามที่ ITAS แสดง (3 คอลัมน์ หรือคอลัมน์เดียว 3 แถว) หรือ 13 คอลัมน์ต่อหน่วยงาน ตัวชี้วัด 1–10 แล้ว IIT, EIT, OIT แบบแผ่นงานหน่วยงาน ITA (แต่ละแถวใช้ 10 ตัวชี้วัดเมื่อครบ ไม่ครบจึงใช้ 3 เครื่องมือ)',
  en: 'Scores of indicators 1–10 (10 columns per unit, or one column of 10 rows), or the IIT, EIT and OIT scores as ITAS shows them (3 columns, or one column of 3 rows), or 13 columns per unit: indicators 1–10 then IIT, EIT, OIT as in the units sheet (each row uses the ten indicators when all are there, else the three tool scores)',
};

const SCORE: ParamDoc = {
  name: 'score',
  type: 'number|number[][]',
  th: 'คะแนน 0–100 ช่องเดียวหรือช่วง',
  en: 'A score 0–100, one cell or a range',
};

export const ENTRIES: readonly Entry[] = [
  {
    kind: 'custom',
    name: 'ITA_SCORE',
    th: 'คะแนนรวม ITA: IIT 30% + EIT 30% + OIT 40% ของปีนั้น (ความละเอียดเต็ม ปัดเศษเฉพาะตอนแสดงผล)',
    en: "The ITA total: IIT 30% + EIT 30% + OIT 40% of that year's framework, at full precision",
    params: [SCORES_OR_TOOLS, FISCAL_YEAR],
    returns: { type: 'number|number[][]', th: 'คะแนนรวม หนึ่งค่าต่อแถว', en: 'The total, one per row' },
    example: { formula: '=ITA_SCORE(B2:K2, 2565)', result: '87.9854' },
  },
  {
    kind: 'custom',
    name: 'ITA_TOOL_SCORE',
    th: 'คะแนนรายเครื่องมือ IIT, EIT หรือ OIT (ค่าเฉลี่ยของตัวชี้วัดในเครื่องมือนั้น)',
    en: 'The IIT, EIT or OIT tool score (mean of its indicators)',
    params: [
      {
        ...INDICATORS,
        th: `${INDICATORS.th} หรือ 13 คอลัมน์ต่อหน่วยงาน ตัวชี้วัด 1–10 แล้ว IIT, EIT, OIT (ใช้ 10 ตัวชี้วัดเมื่อครบ ไม่ครบจึงใช้คะแนนเครื่องมือนั้นตามที่ใส่ไว้)`,
        en: `${INDICATORS.en}; or 13 columns per unit, indicators 1–10 then IIT, EIT, OIT (the ten indicators when all are there, else the tool score as typed)`,
      },
      { name: 'tool', type: 'string', th: '"IIT", "EIT" หรือ "OIT" (ตัวพิมพ์ใดก็ได้)', en: '"IIT", "EIT" or "OIT", any case' },
      FISCAL_YEAR,
    ],
    returns: { type: 'number|number[][]', th: 'คะแนนเครื่องมือ หนึ่งค่าต่อแถว', en: 'The tool score, one per row' },
    example: { formula: '=ITA_TOOL_SCORE(B2:K2, "OIT")', result: '94.57' },
  },
  {
    kind: 'custom',
    name: 'ITA_GRADE',
    th: 'ระดับผลการประเมิน AA, A, B, C, D, E หรือ F ของคะแนนที่ปัดเป็นทศนิยม 2 ตำแหน่ง',
    en: 'The rating AA, A, B, C, D, E or F of the score rounded to 2 decimals',
    params: [SCORE],
    returns: { type: 'string|string[][]', th: 'ระดับ ขนาดเท่ากับข้อมูล', en: 'The rating, same shape as the input' },
    example: { formula: '=ITA_GRADE(86.19)', result: 'A' },
  },
  {
    kind: 'custom',
    name: 'ITA_PASS',
    th: 'ผ่านเกณฑ์หรือไม่ (TRUE/FALSE) เมื่อปัดคะแนนเป็นทศนิยม 2 ตำแหน่ง',
    en: 'TRUE when the score rounded to 2 decimals reaches the pass mark',
    params: [
      SCORE,
      { name: 'pass_mark', type: 'number', optional: true, th: 'เกณฑ์ผ่าน ไม่ใส่ = 85', en: 'Pass mark, default 85' },
    ],
    returns: { type: 'boolean|boolean[][]', th: 'TRUE หรือ FALSE ขนาดเท่ากับข้อมูล', en: 'TRUE or FALSE, same shape as the input' },
    example: { formula: '=ITA_PASS(84.995)', result: 'TRUE' },
  },
  {
    kind: 'custom',
    name: 'ITA_LABEL',
    th: 'ผลการประเมินตามเกณฑ์ของปีนั้น: ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน ตั้งแต่ 2566 หรือระดับ AA–F ก่อนหน้านั้น จากคะแนน 10 ตัวชี้วัด คะแนน 3 เครื่องมือ หรือคะแนนรวม (เมื่อคะแนนรวมตัดสินได้)',
    en: "The year's result: ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน from 2566, the letter AA–F before; from 10 indicators, the 3 tool scores, or a total where it decides",
    params: [
      {
        ...SCORES_OR_TOOLS,
        th: `${SCORES_OR_TOOLS.th} หรือคะแนนรวม (ช่องเดียว หรือคอลัมน์ที่มีปีงบประมาณหนึ่งปีต่อแถว): ก่อน 2566 ได้เสมอ ตั้งแต่ 2566 เฉพาะเมื่อต่ำกว่า 85`,
        en: `${SCORES_OR_TOOLS.en}; or a total (one cell, or a column with one fiscal year per row): always before 2566, from 2566 only below 85`,
      },
      FISCAL_YEAR,
    ],
    returns: { type: 'string|string[][]', th: 'ผลการประเมิน หนึ่งค่าต่อแถว', en: 'The result, one per row' },
    example: { formula: '=ITA_LABEL(B2:K2, 2568)', result: 'ต้องปรับปรุง' },
  },
  {
    kind: 'custom',
    name: 'ITA_RULES',
    th: 'ความแน่นอนของเกณฑ์ปีนั้น: ว่างเมื่อเกณฑ์มีที่มาครบ บอกส่วนที่อนุมาน หรือบอกว่าเป็นเกณฑ์ชั่วคราวเมื่อ ป.ป.ช. ยังไม่ประกาศ',
    en: "How sure the year's rules are: blank when sourced, the parts only inferred, or provisional when the NACC has published nothing yet",
    params: [{ ...FISCAL_YEAR, optional: false, th: 'ปีงบประมาณ พ.ศ. ช่องเดียวหรือช่วง', en: 'Fiscal year (BE), one cell or a range' }],
    returns: { type: 'string|string[][]', th: 'ข้อความ ขนาดเท่ากับข้อมูล', en: 'Text, same shape as the input' },
    example: { formula: '=ITA_RULES(2570)', result: 'ชั่วคราว: ป.ป.ช. ยังไม่ประกาศเกณฑ์ปี 2570 ใช้เกณฑ์ปี 2569 | …' },
  },
  {
    kind: 'custom',
    name: 'ITA_VALUE',
    th: 'คะแนนแต่ละช่องเป็นตัวเลขตามที่ ITA_SCORE อ่าน (เลขไทย ข้อความที่เป็นตัวเลข มีช่องว่างหน้าหลัง) เพื่อให้ฟังก์ชันของชีต เช่น AVERAGEIFS ซึ่งข้ามข้อความ นับคะแนนเดียวกับ ITA_SCORE ช่องว่างคงว่าง',
    en: 'Each cell as the score ITA_SCORE reads from it (Thai digits, text of a number, spaces around), so that Sheets functions such as AVERAGEIFS, which pass text by, count what ITA_SCORE counts; blank stays blank',
    params: [{ name: 'values', type: 'number|string|number[][]', th: 'คะแนน 0–100 ช่องเดียวหรือช่วง', en: 'Scores 0–100, one cell or a range' }],
    returns: { type: 'number|number[][]', th: 'ตัวเลข ขนาดเท่ากับข้อมูล', en: 'Numbers, same shape as the input' },
    example: { formula: '=ITA_VALUE("๘๖.๑๙")', result: '86.19' },
  },
  {
    kind: 'custom',
    name: 'ITA_YEAR',
    th: 'ปีงบประมาณ พ.ศ. ของแต่ละช่องตามที่ ITA_SCORE อ่าน (เลขไทย หรือ ค.ศ. แปลงเป็น พ.ศ.) ช่องว่างคงว่าง',
    en: 'Each cell as the Buddhist-Era fiscal year ITA_SCORE reads from it (Thai digits; a CE year converted); blank stays blank',
    params: [{ ...FISCAL_YEAR, optional: false, th: 'ปีงบประมาณ ช่องเดียวหรือช่วง', en: 'Fiscal year, one cell or a range' }],
    returns: { type: 'number|number[][]', th: 'ปี พ.ศ. ขนาดเท่ากับข้อมูล', en: 'The BE year, same shape as the input' },
    example: { formula: '=ITA_YEAR(2026)', result: '2569' },
  },
  {
    kind: 'custom',
    name: 'ITA_WEIGHTED',
    th: 'ค่าเฉลี่ยถ่วงน้ำหนัก Σ ค่า×น้ำหนัก / Σ น้ำหนัก เฉพาะค่าที่ไม่ว่าง',
    en: 'Weighted mean Σ value×weight / Σ weight over the non-blank values',
    params: [
      { name: 'values', type: 'number[][]', th: 'คะแนน 0–100', en: 'Scores 0–100' },
      { name: 'weights', type: 'number[][]', th: 'น้ำหนัก ขนาดเท่ากับ values', en: 'Weights, same size as values' },
    ],
    returns: { type: 'number', th: 'ค่าเฉลี่ยถ่วงน้ำหนัก', en: 'The weighted mean' },
    example: { formula: '=ITA_WEIGHTED({80,90,100}, {30,30,40})', result: '91' },
  },
  {
    kind: 'custom',
    name: 'ITA_THAI_DIGITS',
    th: 'แสดงตัวเลขเป็นเลขไทย (วันที่แสดงเป็นวันที่ไทย พ.ศ.)',
    en: 'The value as text in Thai digits (a date as a Thai Buddhist-Era date)',
    params: [
      { name: 'value', type: 'number|string|number[][]', th: 'ตัวเลข ข้อความ หรือวันที่', en: 'A number, text or date' },
      { name: 'decimals', type: 'number', optional: true, th: 'จำนวนทศนิยม 0–10 ไม่ใส่ = ตามค่าเดิม', en: 'Decimals 0–10; default as the value is' },
    ],
    returns: { type: 'string|string[][]', th: 'ข้อความเลขไทย', en: 'Text in Thai digits' },
    example: { formula: '=ITA_THAI_DIGITS(86.19, 2)', result: '๘๖.๑๙' },
  },
  {
    kind: 'custom',
    name: 'ITA_INDICATOR_NAME',
    th: 'ชื่อตัวชี้วัดที่ 1–10 ภาษาไทย',
    en: 'The Thai name of indicator 1–10',
    params: [
      { name: 'number', type: 'number|number[][]', th: 'เลขตัวชี้วัด 1–10', en: 'Indicator number 1–10' },
      { ...FISCAL_YEAR, type: 'number', th: 'ปีงบประมาณ พ.ศ. ไม่ใส่ = ปีล่าสุด', en: 'Fiscal year (BE); default the latest' },
    ],
    returns: { type: 'string|string[][]', th: 'ชื่อตัวชี้วัด', en: 'The indicator name' },
    example: { formula: '=ITA_INDICATOR_NAME(9)', result: 'การเปิดเผยข้อมูล' },
  },
  {
    kind: 'custom',
    name: 'ITA_OIT',
    th: 'คะแนนตัวชี้วัดที่ 9, 10 และคะแนน OIT จากรายการตรวจ: ข้อที่ดำเนินการแล้วได้ 100 ตัวชี้วัดย่อย = ค่าเฉลี่ยของข้อ ตัวชี้วัด = ค่าเฉลี่ยของตัวชี้วัดย่อย',
    en: 'Indicators 9 and 10 and the OIT score from a checklist: a met item scores 100, a sub-indicator is the mean of its items, an indicator the mean of its sub-indicators',
    params: [
      { name: 'sub_indicators', type: 'string[][]', th: 'ตัวชี้วัดย่อยของแต่ละข้อ เช่น 9.1, 10.2', en: 'Each item’s sub-indicator, e.g. 9.1, 10.2' },
      { name: 'met', type: 'string[][]', th: 'สถานะของแต่ละข้อ: ดำเนินการแล้ว/ยังไม่ได้ดำเนินการ, TRUE/FALSE หรือ 1/0', en: 'Each item’s state: ดำเนินการแล้ว/ยังไม่ได้ดำเนินการ, TRUE/FALSE or 1/0' },
    ],
    returns: { type: 'number[][]', th: 'หนึ่งแถว: ตัวชี้วัดที่ 9, ตัวชี้วัดที่ 10, OIT', en: 'One row: indicator 9, indicator 10, OIT' },
    example: { formula: '=ITA_OIT(C2:C44, E2:E44)', result: '70 | 50 | 60' },
  },
  {
    kind: 'custom',
    name: 'ITA_NEEDED',
    th: 'คะแนน OIT ต่ำสุด (ทศนิยม 2 ตำแหน่ง) ที่ทำให้คะแนนรวมเมื่อปัดเป็นทศนิยม 2 ตำแหน่งถึงเป้าหมาย จากคะแนน IIT และ EIT ในแถว',
    en: 'The lowest OIT score (to the hundredth) whose total, rounded to 2 decimals, reaches the target, given the IIT and EIT indicators in the row',
    params: [
      { ...INDICATORS, th: 'คะแนนตัวชี้วัดที่ 1–10 (ตัวชี้วัดที่ 9–10 เว้นว่างได้) หรือคะแนน IIT, EIT, OIT (OIT เว้นว่างได้)', en: 'Indicators 1–10 (9 and 10 may be blank), or the IIT, EIT and OIT scores (OIT may be blank)' },
      { name: 'target', type: 'number', optional: true, th: 'คะแนนรวมเป้าหมาย ไม่ใส่ = 85', en: 'Target total, default 85' },
      FISCAL_YEAR,
    ],
    returns: { type: 'number|string', th: 'คะแนน OIT ที่ต้องได้ หรือข้อความเมื่อแม้ได้ 100 ก็ไม่ถึง', en: 'The OIT score needed, or a message when even 100 is not enough' },
    example: { formula: '=ITA_NEEDED(B2:K2, 85, 2568)', result: '70.58' },
  },
  {
    kind: 'custom',
    name: 'ITA_PROJECT',
    th: 'คะแนนรวมที่คาดว่าจะได้ เมื่อคะแนน OIT มาจากรายการตรวจ (ข้อที่ดำเนินการแล้วได้รับการยอมรับทั้งหมด)',
    en: 'The projected total when the OIT part comes from the checklist (every item marked done accepted)',
    params: [
      { ...INDICATORS, th: 'คะแนนตัวชี้วัดที่ 1–10 (ตัวชี้วัดที่ 9–10 เว้นว่างได้)', en: 'Indicators 1–10 (9 and 10 may be blank)' },
      { name: 'sub_indicators', type: 'string[][]', th: 'ตัวชี้วัดย่อยของแต่ละข้อในรายการตรวจ', en: 'Each checklist item’s sub-indicator' },
      { name: 'met', type: 'string[][]', th: 'สถานะของแต่ละข้อ', en: 'Each item’s state' },
      FISCAL_YEAR,
    ],
    returns: { type: 'number', th: 'คะแนนรวมที่คาด', en: 'The projected total' },
    example: { formula: "=ITA_PROJECT(B2:K2, 'OIT 2569'!C2:C44, 'OIT 2569'!E2:E44)", result: '86.40' },
  },
  { kind: 'trigger', name: 'onOpen', params: ['e'] },
  { kind: 'trigger', name: 'onInstall', params: ['e'] },
  // The hourly time-driven trigger that carries a batch run on (src/gas/triggers.ts).
  { kind: 'trigger', name: 'continueBatchReports', params: ['e'] },
  { kind: 'server', name: 'sidebarCall', params: ['method', 'request'] },
  ...menuItems().map((m): MenuEntry => ({ kind: 'menu', name: m.fn, caption: m.caption })),
];

export { BUNDLE_GLOBAL, HELP_FILE };
