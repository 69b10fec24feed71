// The custom functions as a sheet calls them: through the built bundle.
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_000, SEED_001, SEED_003 } from '../fixtures/seeds';
import { loadBundle, type Harness } from '../harness/harness';

let h: Harness;
beforeAll(() => {
  h = loadBundle();
});

const row = (s: readonly number[]) => [[...s]];
const column = (s: readonly number[]) => s.map((x) => [x]);
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('ITA_SCORE', () => {
  it('gives the seeds’ published totals', () => {
    expect(h.call('ITA_SCORE', row(SEED_000.scores), 2565)).toBeCloseTo(86.19, 1);
    expect(h.call('ITA_SCORE', row(SEED_001.scores), 2568)).toBeCloseTo(80.765, 10);
    expect(h.call('ITA_SCORE', row(SEED_003.scores), 2565)).toBeCloseTo(87.9854, 10);
  });

  it('answers one value per row of a many-row range', () => {
    const out = h.call('ITA_SCORE', [[...SEED_000.scores], [...SEED_003.scores]], 2565) as number[][];
    expect(out).toHaveLength(2);
    expect(out[0]).toHaveLength(1);
    expect(out[1]![0]).toBeCloseTo(87.9854, 10);
  });

  it('reads a 10×1 column as one unit', () => {
    expect(h.call('ITA_SCORE', column(SEED_003.scores), 2565)).toBeCloseTo(87.9854, 10);
  });

  it('uses the latest year when the year is left out', () => {
    expect(h.call('ITA_LABEL', row(SEED_001.scores))).toBe('ต้องปรับปรุง');
  });

  it('accepts a Common-Era year and Thai-digit text', () => {
    const thai = SEED_003.scores.map((s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d))));
    expect(h.call('ITA_SCORE', [thai], 2022)).toBeCloseTo(87.9854, 10);
    expect(h.call('ITA_SCORE', row(SEED_003.scores), '๒๕๖๕')).toBeCloseTo(87.9854, 10);
  });

  it('takes one year per row from a column', () => {
    const out = h.call('ITA_LABEL', [[...SEED_003.scores], [...SEED_003.scores]], [[2565], [2566]]) as string[][];
    expect(out).toEqual([['A'], ['ผ่าน']]);
  });

  it('answers blank for a blank row', () => {
    expect(h.call('ITA_SCORE', [Array(10).fill('')])).toBe('');
    expect(h.call('ITA_SCORE', [Array(10).fill(''), [...SEED_003.scores]], 2565)).toEqual([[''], [expect.closeTo(87.9854, 10)]]);
  });

  it('names the function, argument, cell and problem of a bad score, in Thai and English', () => {
    const bad = [...SEED_003.scores];
    bad[3] = 120;
    const msg = errorOf(() => h.call('ITA_SCORE', [bad]));
    expect(msg).toContain('ITA_SCORE: อาร์กิวเมนต์ indicators แถวที่ 1 คอลัมน์ที่ 4');
    expect(msg).toContain('ต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120');
    expect(msg).toContain('ITA_SCORE: argument indicators, row 1, column 4 of the range — must be between 0 and 100, got 120');
  });

  it('refuses text that is not a number, and a partly blank row', () => {
    const text = [...SEED_003.scores] as unknown[];
    text[0] = 'abc';
    expect(errorOf(() => h.call('ITA_SCORE', [text]))).toContain('must be a number, got "abc"');
    const part = [...SEED_003.scores] as unknown[];
    part[9] = '';
    expect(errorOf(() => h.call('ITA_SCORE', [part]))).toContain('column 10 of the range — this cell is blank');
  });

  it('refuses 9 indicators where 10 are needed', () => {
    expect(errorOf(() => h.call('ITA_SCORE', [SEED_003.scores.slice(0, 9)]))).toContain('the range is 1 × 9');
    expect(errorOf(() => h.call('ITA_SCORE', 87))).toContain('needs the 10 indicator scores');
  });

  it('refuses an unknown year', () => {
    expect(errorOf(() => h.call('ITA_SCORE', row(SEED_003.scores), 2591))).toContain(
      'ITA_SCORE: argument fiscal_year — the fiscal year must be a Buddhist-Era year 2562–2590',
    );
    expect(errorOf(() => h.call('ITA_SCORE', row(SEED_003.scores), 2561))).toContain('got 2561');
    expect(errorOf(() => h.call('ITA_SCORE', row(SEED_003.scores), 'last year'))).toContain('got "last year"');
  });

  it('shows a bad row’s error in that row and keeps the good rows', () => {
    const bad = [...SEED_003.scores];
    bad[1] = -5;
    const out = h.call('ITA_SCORE', [[...SEED_003.scores], bad, [...SEED_000.scores]], 2565) as unknown[][];
    expect(out[0]![0]).toBeCloseTo(87.9854, 10);
    expect(out[1]![0]).toMatch(/^⚠ ITA_SCORE: อาร์กิวเมนต์ indicators แถวที่ 2 คอลัมน์ที่ 2 .*\| ITA_SCORE: argument indicators, row 2, column 2/);
    expect(out[2]![0]).toBeCloseTo(86.1844, 10);
  });

  it('shows a bad year in a year column in that row only', () => {
    const out = h.call('ITA_SCORE', [[...SEED_003.scores], [...SEED_003.scores]], [[2565], [1999]]) as unknown[][];
    expect(out[0]![0]).toBeCloseTo(87.9854, 10);
    expect(out[1]![0]).toMatch(/^⚠ .*argument fiscal_year, row 2, column 1 of the range/);
  });

  it('refuses a year column whose length differs from the scores', () => {
    expect(errorOf(() => h.call('ITA_SCORE', [[...SEED_003.scores], [...SEED_003.scores]], [[2565], [2566], [2567]]))).toContain(
      'the same 2 rows as the scores, but it has 3',
    );
  });
});

describe('ITA_TOOL_SCORE', () => {
  it('gives each tool’s mean, for any case of the tool name', () => {
    expect(h.call('ITA_TOOL_SCORE', row(SEED_003.scores), 'IIT', 2565)).toBeCloseTo(86.018, 10);
    expect(h.call('ITA_TOOL_SCORE', row(SEED_003.scores), ' eit ', 2565)).toBeCloseTo(81.1733333, 6);
    expect(h.call('ITA_TOOL_SCORE', row(SEED_003.scores), 'Oit')).toBeCloseTo(94.57, 10);
  });
  it('refuses an unknown tool', () => {
    expect(errorOf(() => h.call('ITA_TOOL_SCORE', row(SEED_003.scores), 'XIT'))).toContain(
      'ITA_TOOL_SCORE: argument tool — must be "IIT", "EIT" or "OIT", got "XIT"',
    );
  });
});

describe('ITA_GRADE and ITA_PASS', () => {
  it('grade one score, and a range into the same shape', () => {
    expect(h.call('ITA_GRADE', 86.19)).toBe('A');
    expect(h.call('ITA_GRADE', [[84.995, 94.995], [49.99, '']])).toEqual([['A', 'AA'], ['F', '']]);
  });
  it('grade text numbers with a thousands comma or Thai digits', () => {
    expect(h.call('ITA_GRADE', '๘๖.๑๙')).toBe('A');
    expect(h.call('ITA_GRADE', ' 95 ')).toBe('AA');
  });
  it('refuse "0,086" rather than read it as 86, and still read "1,234.5" as a number', () => {
    expect(errorOf(() => h.call('ITA_GRADE', '0,086'))).toContain('ITA_GRADE: argument score — must be a number, got "0,086"');
    expect(errorOf(() => h.call('ITA_GRADE', '1,234.5'))).toContain('must be between 0 and 100, got 1234.5');
    expect(h.call('ITA_THAI_DIGITS', '1,234.5', 2)).toBe('๑๒๓๔.๕๐');
  });
  it('refuse 120 and booleans with a located message', () => {
    expect(errorOf(() => h.call('ITA_GRADE', 120))).toContain('ITA_GRADE: argument score — must be between 0 and 100, got 120');
    expect(h.call('ITA_GRADE', [[90], [true]])).toEqual([['A'], [expect.stringContaining('row 2, column 1 of the range — must be a number, got true')]]);
  });
  it('answer blank for a blank cell', () => {
    expect(h.call('ITA_GRADE', '')).toBe('');
    expect(h.call('ITA_PASS', '')).toBe('');
  });
  it('pass at 85 by default, on the rounded score, or at a chosen mark', () => {
    expect(h.call('ITA_PASS', [[84.99], [84.995], [85]])).toEqual([[false], [true], [true]]);
    expect(h.call('ITA_PASS', 80, 80)).toBe(true);
    expect(errorOf(() => h.call('ITA_PASS', 80, [[80, 85]]))).toContain('ITA_PASS: argument pass_mark — must be a single value');
  });
  it('pass an error text of another ITA function on unchanged', () => {
    const out = h.call('ITA_SCORE', [[...SEED_003.scores], Array(9).fill(50).concat(['x'])], 2565) as unknown[][];
    const graded = h.call('ITA_GRADE', out) as unknown[][];
    expect(graded[0]).toEqual(['A']);
    expect(graded[1]![0]).toBe(out[1]![0]);
  });
});

describe('ITA_LABEL', () => {
  it('gives the label from 2566 and the letter before', () => {
    expect(h.call('ITA_LABEL', row(SEED_001.scores), 2568)).toBe('ต้องปรับปรุง');
    expect(h.call('ITA_LABEL', row(SEED_003.scores), 2565)).toBe('A');
    expect(h.call('ITA_LABEL', row([96, 96, 96, 96, 96, 96, 96, 96, 96, 96]), 2566)).toBe('ผ่านดีเยี่ยม');
  });
});

describe('fiscal years 2569 onward (issue 10)', () => {
  const fns = (y: unknown) => [
    h.call('ITA_SCORE', row(SEED_001.scores), y),
    h.call('ITA_TOOL_SCORE', row(SEED_001.scores), 'OIT', y),
    h.call('ITA_LABEL', row(SEED_001.scores), y),
    h.call('ITA_INDICATOR_NAME', 9, y),
    h.call('ITA_NEEDED', [[...SEED_001.scores.slice(0, 8), '', '']], 85, y),
  ];
  it('work in every function for 2569, 2570 and, provisionally, 2571, with 2568’s rules', () => {
    const y2568 = fns(2568);
    for (const y of [2569, 2570, 2571, '๒๕๗๐', 2027]) expect(fns(y), String(y)).toEqual(y2568);
    expect(y2568).toEqual([expect.closeTo(80.765, 10), 60, 'ต้องปรับปรุง', 'การเปิดเผยข้อมูล', 70.58]);
  });

  it('take a whole column of years 2568–2571, one per row', () => {
    const out = h.call('ITA_LABEL', [[...SEED_001.scores], [...SEED_001.scores], [...SEED_001.scores], [...SEED_001.scores]], [[2568], [2569], [2570], [2571]]);
    expect(out).toEqual([['ต้องปรับปรุง'], ['ต้องปรับปรุง'], ['ต้องปรับปรุง'], ['ต้องปรับปรุง']]);
  });
});

describe('ITA_LABEL and ITA_SCORE from the three tool scores (issue 10)', () => {
  const tools = (s: readonly number[], y: number) => (['IIT', 'EIT', 'OIT'] as const).map((t) => h.call('ITA_TOOL_SCORE', row(s), t, y) as number);

  it('give a total of 94.64 with EIT below 85 the label ผ่าน, not ผ่านดี', () => {
    expect(h.call('ITA_SCORE', [[99, 84.9, 98.675]], 2568)).toBeCloseTo(94.64, 10);
    expect(h.call('ITA_LABEL', [[99, 84.9, 98.675]], 2568)).toBe('ผ่าน');
    expect(h.call('ITA_LABEL', [[99, 85, 98.675]], 2568)).toBe('ผ่านดี');
    expect(h.call('ITA_LABEL', [[95, 95, 95]], 2569)).toBe('ผ่านดีเยี่ยม');
  });

  it('agree with the ten indicators for the seeds’ units', () => {
    for (const seed of [SEED_000, SEED_001, SEED_003]) {
      const t = tools(seed.scores, seed.year);
      expect(h.call('ITA_SCORE', [t], seed.year)).toBeCloseTo(h.call('ITA_SCORE', row(seed.scores), seed.year) as number, 10);
      expect(h.call('ITA_LABEL', [t], seed.year), seed.seed).toBe(seed.result);
      expect(h.call('ITA_LABEL', t.map((x) => [x]), seed.year), `${seed.seed} as a column`).toBe(seed.result);
    }
  });

  it('read a range of tool-score rows, and name a blank tool cell', () => {
    const out = h.call('ITA_LABEL', [[99, 84.9, 98.675], ['', '', ''], [80, '', 70]], 2568) as string[][];
    expect(out[0]).toEqual(['ผ่าน']);
    expect(out[1]).toEqual(['']);
    expect(out[2]![0]).toMatch(/^⚠ ITA_LABEL: อาร์กิวเมนต์ indicators แถวที่ 3 คอลัมน์ที่ 2 ของช่วง — ช่องนี้ว่าง แต่ต้องมีคะแนนครบทั้ง 3 เครื่องมือ/);
  });

  it('ITA_NEEDED takes IIT and EIT with the OIT cell blank', () => {
    expect(h.call('ITA_NEEDED', [[80, 80, '']], 85, 2569)).toBe(92.49);
  });
});

describe('ITA_LABEL from a total alone (issue 10)', () => {
  it('gives the letter through 2565 and, from 2566, a label the tools cannot change', () => {
    expect(h.call('ITA_LABEL', 86.19, 2565)).toBe('A');
    expect(h.call('ITA_LABEL', 80.77, 2568)).toBe('ต้องปรับปรุง');
    expect(h.call('ITA_LABEL', 69.99, 2569)).toBe('ต้องปรับปรุงโดยด่วน');
    expect(h.call('ITA_LABEL', 84.995, 2565)).toBe('A'); // rounded to 85.00
  });

  it('says the tool scores are needed from 2566 once the total reaches 85', () => {
    expect(errorOf(() => h.call('ITA_LABEL', 94.64, 2568))).toContain('คะแนนรวม 94.64 ถึง 85 แล้ว ผลการประเมินปี 2568');
    expect(errorOf(() => h.call('ITA_LABEL', 84.995, 2568))).toContain('give the IIT, EIT and OIT scores');
  });

  it('reads a column of totals, one per row with its year, even of 3 or 10 rows', () => {
    expect(h.call('ITA_LABEL', [[86.19], [80.77], [60]], [[2565], [2568], [2569]])).toEqual([['A'], ['ต้องปรับปรุง'], ['ต้องปรับปรุงโดยด่วน']]);
    const ten = Array.from({ length: 10 }, (_, i) => [50 + i]);
    expect(h.call('ITA_LABEL', ten, ten.map(() => [2564]))).toEqual(ten.map(([t]) => [t! >= 55 ? 'D' : 'E']));
    expect(h.call('ITA_LABEL', [[70], [75]], 2565)).toEqual([['C'], ['B']]);
  });

  it('leaves ITA_SCORE refusing a total alone', () => {
    expect(errorOf(() => h.call('ITA_SCORE', [[86.19], [80.77]], 2565))).toContain('needs the 10 indicator scores');
  });
});

describe('ITA_WEIGHTED', () => {
  it('averages the non-blank values by their weights', () => {
    expect(h.call('ITA_WEIGHTED', [[80, 90, 100]], [[30, 30, 40]])).toBeCloseTo(91, 10);
    expect(h.call('ITA_WEIGHTED', [[80, '', 100]], [[30, 30, 40]])).toBeCloseTo((80 * 30 + 100 * 40) / 70, 10);
    expect(h.call('ITA_WEIGHTED', [['', '']], [[1, 1]])).toBe('');
  });
  it('refuses mismatched shapes, missing and negative weights', () => {
    expect(errorOf(() => h.call('ITA_WEIGHTED', [[80, 90]], [[1, 2, 3]]))).toContain('must be the same size as values (1 × 2)');
    expect(errorOf(() => h.call('ITA_WEIGHTED', [[80, 90]], [[1, '']]))).toContain('argument weights, row 1, column 2 of the range — this weight is blank');
    expect(errorOf(() => h.call('ITA_WEIGHTED', [[80, 90]], [[1, -2]]))).toContain('must not be negative, got -2');
    expect(errorOf(() => h.call('ITA_WEIGHTED', [[80, 90]], [[0, 0]]))).toContain('add up to zero');
  });
  it('stays finite and right for the largest weights a cell can hold', () => {
    expect(h.call('ITA_WEIGHTED', [[80, 90]], [[1e308, 1e308]])).toBe(85);
    expect(h.call('ITA_WEIGHTED', [[80, 90, 100]], [[3e306, 3e306, 4e306]])).toBeCloseTo(91, 10);
    expect(h.call('ITA_WEIGHTED', [[80, 90]], [[Number.MAX_VALUE, 0]])).toBe(80);
    expect(h.call('ITA_WEIGHTED', [[80, 90]], [[3e-320, 3e-320]])).toBe(85);
  });
});

describe('ITA_THAI_DIGITS', () => {
  it('writes numbers, text and dates in Thai digits', () => {
    expect(h.call('ITA_THAI_DIGITS', 86.19)).toBe('๘๖.๑๙');
    expect(h.call('ITA_THAI_DIGITS', 87.9854, 2)).toBe('๘๗.๙๙');
    expect(h.call('ITA_THAI_DIGITS', 100, 2)).toBe('๑๐๐.๐๐');
    expect(h.call('ITA_THAI_DIGITS', 'ปี 2566')).toBe('ปี ๒๕๖๖');
    expect(h.call('ITA_THAI_DIGITS', new Date(2023, 2, 13))).toBe('๑๓ มีนาคม ๒๕๖๖');
    expect(h.call('ITA_THAI_DIGITS', [[1, ''], ['2', 3.5]], 1)).toEqual([['๑.๐', ''], ['๒.๐', '๓.๕']]);
  });
  it('never answers "NaN" or exponent text for a finite number: 0.0000005 to 6 places, 1e19 to 2, 1e21', () => {
    expect(h.call('ITA_THAI_DIGITS', 0.0000005, 6)).toBe('๐.๐๐๐๐๐๑');
    expect(h.call('ITA_THAI_DIGITS', 1e19, 2)).toBe(`๑${'๐'.repeat(19)}.๐๐`);
    expect(h.call('ITA_THAI_DIGITS', 1e21)).toBe(`๑${'๐'.repeat(21)}`);
    expect(h.call('ITA_THAI_DIGITS', 1e21, 0)).toBe(`๑${'๐'.repeat(21)}`);
    expect(h.call('ITA_THAI_DIGITS', 1.5e-7)).toBe('๐.๐๐๐๐๐๐๑๕');
  });
  it('rounds ties half away from zero on the decimal value, also past 8.6e9 × 10^decimals', () => {
    expect(h.call('ITA_THAI_DIGITS', 591107371.675, 2)).toBe('๕๙๑๑๐๗๓๗๑.๖๘');
    expect(h.call('ITA_THAI_DIGITS', -5354938298.105, 2)).toBe('-๕๓๕๔๙๓๘๒๙๘.๑๑');
    expect(h.call('ITA_THAI_DIGITS', 84.995, 2)).toBe('๘๕.๐๐');
    expect(h.call('ITA_THAI_DIGITS', 84.99499999999999, 2)).toBe('๘๕.๐๐'); // as ITA_GRADE reads it: A
  });
  it('refuses bad decimals', () => {
    expect(errorOf(() => h.call('ITA_THAI_DIGITS', 1, 2.5))).toContain('ITA_THAI_DIGITS: argument decimals — the number of decimals must be a whole number 0–10');
  });
});

describe('ITA_VALUE and ITA_YEAR (the dashboard reads the units sheet through them)', () => {
  it('reads each score cell as ITA_SCORE does: Thai digits and text of a number; blank stays blank; an unreadable cell shows why', () => {
    const out = h.call('ITA_VALUE', [['๘๖.๑๙', 90], [' 70 ', ''], ['ไม่มีข้อมูล', 120]]) as unknown[][];
    expect(out.slice(0, 2)).toEqual([[86.19, 90], [70, '']]);
    expect(out[2]!.map((v) => String(v).startsWith('⚠'))).toEqual([true, true]);
    expect(h.call('ITA_VALUE', '๙๕')).toBe(95);
    expect(h.call('ITA_SCORE', [['๙๐', '๙๐', '๙๐', '๙๐', '๙๐', '๘๐', '๘๐', '๘๐', '๑๐๐', '๑๐๐']], 2569)).toBeCloseTo(91, 10);
  });

  it('reads each year cell as ITA_SCORE does: Thai digits, a Common-Era year as its fiscal year BE; blank stays blank', () => {
    const out = h.call('ITA_YEAR', [[2569], ['๒๕๖๙'], [2026], [''], ['ปีนี้']]) as unknown[][];
    expect(out.slice(0, 4)).toEqual([[2569], [2569], [2569], ['']]);
    expect(String(out[4]![0])).toMatch(/^⚠/);
  });
});

describe('ITA_INDICATOR_NAME', () => {
  it('names indicators 1–10', () => {
    expect(h.call('ITA_INDICATOR_NAME', 9)).toBe('การเปิดเผยข้อมูล');
    expect(h.call('ITA_INDICATOR_NAME', [[1], ['๑๐']], 2565)).toEqual([['การปฏิบัติหน้าที่'], ['การป้องกันการทุจริต']]);
  });
  it('refuses 11 and 2.5', () => {
    expect(errorOf(() => h.call('ITA_INDICATOR_NAME', 11))).toContain('must be an indicator number 1–10, got 11');
    expect(errorOf(() => h.call('ITA_INDICATOR_NAME', 2.5))).toContain('got 2.5');
  });
});

describe('ITA_OIT', () => {
  it('averages items into sub-indicators, sub-indicators into indicators 9 and 10, and those into OIT', () => {
    const subs = [['9.1'], ['9.1'], ['9.2'], ['10.1'], ['10.2'], ['']];
    const met = [['ดำเนินการแล้ว'], [false], [1], ['TRUE'], ['ยังไม่ได้ดำเนินการ'], ['']];
    expect(h.call('ITA_OIT', subs, met)).toEqual([[75, 50, 62.5]]);
  });

  it('reproduces seed 001’s OIT: 70 and 50', () => {
    const subs = [...Array(10).fill(['9.1']), ...Array(2).fill(['10.1'])];
    const met = [...Array.from({ length: 10 }, (_, i) => [i < 7]), [true], [false]];
    expect(h.call('ITA_OIT', subs, met)).toEqual([[70, 50, 60]]);
  });

  it('leaves OIT blank while an indicator has no item', () => {
    expect(h.call('ITA_OIT', [['9.1']], [[true]])).toEqual([[100, '', '']]);
  });

  it('names the cell of a bad sub-indicator or state', () => {
    expect(errorOf(() => h.call('ITA_OIT', [['9.1'], ['8.1']], [[1], [1]]))).toContain('ITA_OIT: argument sub_indicators, row 2, column 1 of the range — a sub-indicator must belong to indicator 9 or 10');
    expect(errorOf(() => h.call('ITA_OIT', [['9.1'], ['9.2']], [[1], ['maybe']]))).toContain('argument met, row 2, column 1 of the range — the state must be');
    expect(errorOf(() => h.call('ITA_OIT', [['9.1'], ['']], [[1], [1]]))).toContain('its pair in the other range is not');
  });
});

describe('ITA_NEEDED and ITA_PROJECT', () => {
  const iitEit = [...SEED_001.scores.slice(0, 8), '', ''];
  it('give the lowest OIT that reaches the target, to the hundredth', () => {
    expect(h.call('ITA_NEEDED', [iitEit], 85, 2568)).toBe(70.58); // total 84.997 → 85.00
    expect(h.call('ITA_NEEDED', [iitEit], 95, 2568)).toBe(95.58);
    const needed = h.call('ITA_NEEDED', [iitEit], 85, 2568) as number;
    const scores = [...SEED_001.scores.slice(0, 8), needed, needed];
    expect(h.call('ITA_LABEL', [scores], 2568)).not.toBe('ต้องปรับปรุง');
    expect(h.call('ITA_PASS', h.call('ITA_SCORE', [scores], 2568))).toBe(true); // 84.997 → 85.00
  });

  it('answer 92.49, not 92.5, for IIT = EIT = 80: the total 84.996 rounds to 85.00', () => {
    expect(h.call('ITA_NEEDED', [[80, 80, 80, 80, 80, 80, 80, 80, '', '']], 85, 2568)).toBe(92.49);
    expect(h.call('ITA_GRADE', h.call('ITA_SCORE', [[80, 80, 80, 80, 80, 80, 80, 80, 92.49, 92.49]], 2565))).toBe('A');
  });

  it('say when even 100 is not enough, and answer 0 when any OIT will do', () => {
    expect(h.call('ITA_NEEDED', [[50, 50, 50, 50, 50, 50, 50, 50, '', '']])).toContain('ไม่ถึง 85: แม้ OIT ได้ 100 คะแนนรวมสูงสุด 70.00');
    expect(h.call('ITA_NEEDED', [[100, 100, 100, 100, 100, 100, 100, 100, '', '']], 50)).toBe(0);
  });

  it('project the total from the checklist', () => {
    expect(h.call('ITA_PROJECT', [iitEit], [['9.1'], ['10.1']], [[1], [0]], 2568)).toBeCloseTo(76.765, 10);
    expect(errorOf(() => h.call('ITA_PROJECT', [iitEit], [['9.1']], [[1]]))).toContain('the checklist has no item of indicator 10');
  });
});

describe('an error text of another ITA function', () => {
  const text =
    'ITA_SCORE: อาร์กิวเมนต์ indicators แถวที่ 3 คอลัมน์ที่ 4 ของช่วง — ต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120 | ITA_SCORE: argument indicators, row 3, column 4 of the range — must be between 0 and 100, got 120';
  const cell = `⚠ ${text}`;
  it('is passed on unchanged by ITA_THAI_DIGITS, not digit-converted', () => {
    expect(h.call('ITA_THAI_DIGITS', [[cell], [86.19]], 2)).toEqual([[cell], ['๘๖.๑๙']]);
    expect(h.call('ITA_THAI_DIGITS', [[cell], [1]])).toEqual([[cell], ['๑']]);
    expect(errorOf(() => h.call('ITA_THAI_DIGITS', cell))).toBe(text);
    expect(errorOf(() => h.call('ITA_THAI_DIGITS', 1, cell))).toBe(text);
  });
  it('is passed on unchanged by ITA_INDICATOR_NAME, not re-wrapped', () => {
    expect(h.call('ITA_INDICATOR_NAME', [[9], [cell]])).toEqual([['การเปิดเผยข้อมูล'], [cell]]);
    expect(errorOf(() => h.call('ITA_INDICATOR_NAME', cell))).toBe(text);
  });
  it('is passed on unchanged by ITA_OIT and ITA_PROJECT', () => {
    expect(errorOf(() => h.call('ITA_OIT', [['9.1'], [cell]], [[1], [1]]))).toBe(text);
    expect(errorOf(() => h.call('ITA_OIT', [['9.1'], ['10.1']], [[1], [cell]]))).toBe(text);
    expect(errorOf(() => h.call('ITA_PROJECT', [[...SEED_001.scores]], [['9.1'], ['10.1']], [[cell], [1]]))).toBe(text);
  });
  it('is passed on unchanged by ITA_TOOL_SCORE as its tool', () => {
    expect(errorOf(() => h.call('ITA_TOOL_SCORE', row(SEED_003.scores), cell))).toBe(text);
  });
  it('keeps every " | " of its text', () => {
    expect(errorOf(() => h.call('ITA_GRADE', '⚠ a | b | c'))).toBe('a | b | c');
    expect(h.call('ITA_GRADE', [['⚠ no bar 1'], [90]])).toEqual([['⚠ no bar 1'], ['A']]);
  });
});
