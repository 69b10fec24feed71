// The row-wise functions over the units sheet's 13 columns (indicators 1–10,
// then IIT, EIT, OIT), through the built bundle, alone and as a whole-column
// formula in the fake sheet.
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_001, SEED_003 } from '../fixtures/seeds';
import { loadBundle, type Harness } from '../harness/harness';
import { FakeSpreadsheet } from '../harness/spreadsheet';

let h: Harness;
beforeAll(() => {
  h = loadBundle();
});

const blank3 = ['', '', ''];
const blank10 = Array<string>(10).fill('');
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('ITA_SCORE, ITA_LABEL and ITA_TOOL_SCORE over 13 columns', () => {
  it('use the ten indicators when all ten are there, whatever the tool cells hold', () => {
    expect(h.call('ITA_SCORE', [[...SEED_003.scores, ...blank3]], 2565)).toBeCloseTo(87.9854, 10);
    // Tool scores typed beside the indicators do not change the total: the indicators decide.
    expect(h.call('ITA_SCORE', [[...SEED_003.scores, 50, 50, 50]], 2565)).toBeCloseTo(87.9854, 10);
    expect(h.call('ITA_LABEL', [[...SEED_001.scores, ...blank3]], 2568)).toBe('ต้องปรับปรุง');
    expect(h.call('ITA_TOOL_SCORE', [[...SEED_003.scores, 1, 2, 3]], 'OIT', 2565)).toBeCloseTo(94.57, 2);
  });

  it('use the three tool scores when the indicators are blank or incomplete', () => {
    // The NACC's 2568 clarification: 94.64 with EIT below 85 is ผ่าน.
    expect(h.call('ITA_LABEL', [[...blank10, 99, 84.9, 98.675]], 2568)).toBe('ผ่าน');
    expect(h.call('ITA_SCORE', [[...blank10, 80, 90, 100]], 2568)).toBeCloseTo(91, 10);
    const some = [88, 90, ...Array<string>(8).fill('')];
    expect(h.call('ITA_SCORE', [[...some, 80, 90, 100]], 2568)).toBeCloseTo(91, 10);
    expect(h.call('ITA_TOOL_SCORE', [[...blank10, 80, 90, 100]], 'eit', 2568)).toBe(90);
  });

  it('answer blank for a blank row and name the blank cell of a part begun', () => {
    expect(h.call('ITA_SCORE', [[...blank10, ...blank3]])).toBe('');
    const some = [88, 90, ...Array<string>(8).fill('')];
    expect(errorOf(() => h.call('ITA_SCORE', [[...some, ...blank3]]))).toContain('row 1, column 3 of the range — this cell is blank, but the row needs all 10 indicator scores');
    expect(errorOf(() => h.call('ITA_SCORE', [[...blank10, 80, '', 100]]))).toContain('row 1, column 12 of the range — this cell is blank, but the row needs all 3 tool scores');
  });

  it('refuse an unreadable cell in either part, naming its column', () => {
    const row = [...SEED_003.scores, 'ไม่มีข้อมูล', '', ''] as unknown[];
    expect(errorOf(() => h.call('ITA_SCORE', [row], 2565))).toContain('row 1, column 11 of the range — must be a number, got "ไม่มีข้อมูล"');
    const ind = [...SEED_003.scores, 80, 90, 100] as unknown[];
    ind[4] = 'ไม่มีข้อมูล';
    expect(errorOf(() => h.call('ITA_LABEL', [ind], 2565))).toContain('column 5');
  });

  it('answer per row, one bad row showing its error while the others keep theirs', () => {
    const out = h.call(
      'ITA_LABEL',
      [[...SEED_003.scores, ...blank3], [...blank10, 99, 84.9, 98.675], [...blank10, ...blank3], [...blank10, 'ไม่มีข้อมูล', 80, 80]],
      [[2566], [2568], [''], [2569]],
    ) as string[][];
    expect(out.slice(0, 3)).toEqual([['ผ่าน'], ['ผ่าน'], ['']]);
    expect(out[3]![0]).toMatch(/^⚠ ITA_LABEL: อาร์กิวเมนต์ indicators แถวที่ 4 คอลัมน์ที่ 11/);
  });

  it('refuse 12 or 14 columns, naming the 13-column form', () => {
    expect(errorOf(() => h.call('ITA_SCORE', [Array(12).fill(80)]))).toContain('or 13 columns per unit (indicators 1–10, then IIT, EIT, OIT), but the range is 1 × 12');
    expect(errorOf(() => h.call('ITA_SCORE', [Array(14).fill(80)]))).toContain('the range is 1 × 14');
  });

  it('fill a whole column from =ITA_SCORE(G2:S, F2:F) with blank rows below the data', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.insertSheet('หน่วยงาน');
    loadBundle({ spreadsheet: ss });
    sheet.getRange(2, 6, 3, 14).setValues([
      [2565, ...SEED_003.scores, '', '', ''],
      [2568, ...blank10, 99, 84.9, 98.675],
      [2569, ...blank10, 86, 90, 100],
    ]);
    sheet.getRange('T2').setFormula('=ITA_SCORE(G2:S, F2:F)');
    sheet.getRange('U2').setFormula('=ITA_LABEL(G2:S, F2:F)');
    const values = sheet.getRange('T2:U6').getValues();
    expect(values[0]![0]).toBeCloseTo(87.9854, 10);
    expect(values[1]).toEqual([expect.closeTo(94.64, 10), 'ผ่าน']);
    expect(values[2]).toEqual([expect.closeTo(92.8, 10), 'ผ่านดี']);
    expect(values.slice(3)).toEqual([['', ''], ['', '']]);
  });
});
