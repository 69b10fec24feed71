// The fake's evaluator of Sheets' own functions (formula.ts): each behaviour
// the dashboard relies on, as the function's page states it.
import { describe, expect, it } from 'vitest';
import { evaluateForTest, evaluateFormula, SheetsError } from './formula';
import { FakeSpreadsheet } from './spreadsheet';

function sheetWith(values: unknown[][]) {
  const ss = new FakeSpreadsheet();
  const sheet = ss.insertSheet('ข้อมูล');
  sheet.getRange(1, 1, values.length, values[0]!.length).setValues(values);
  // Formulas in cells go through the same evaluator (the harness installs it with the bundle's functions).
  ss.evaluator = (formula, s) => evaluateFormula(formula, { spreadsheet: ss, sheet: s, custom: () => undefined });
  const run = (formula: string) => evaluateForTest(formula, { spreadsheet: ss, sheet, custom: () => undefined });
  const value = (formula: string) => {
    const g = run(formula);
    return g.length === 1 && g[0]!.length === 1 ? g[0]![0] : g;
  };
  return { ss, sheet, run, value };
}

const DATA = [
  ['ก', 'เมือง', 2569, 90, 'ผ่านดี'],
  ['ข', 'เมือง', 2569, '⚠ ITA_SCORE: อ่านไม่ได้', '⚠ ITA_LABEL: อ่านไม่ได้'],
  ['ค', 'นาดี', 2569, 80, 'ต้องปรับปรุง'],
  ['ง', 'นาดี', 2568, 95, 'ผ่านดีเยี่ยม'],
];

describe('the evaluator of Sheets functions', () => {
  it('counts by COUNTIFS criteria: a number, a comparison that skips text, wildcards, without regard to case', () => {
    const { value } = sheetWith(DATA);
    expect(value('=COUNTIFS(C1:C4, 2569)')).toBe(3);
    expect(value('=COUNTIFS(C1:C4, 2569, D1:D4, ">=0")')).toBe(2);
    expect(value('=COUNTIFS(E1:E4, "ผ่าน*")')).toBe(2);
    expect(value('=COUNTIFS(D1:D4, "⚠*")')).toBe(1);
    expect(value('=COUNTIFS(E1:E4, "ผ่านดี")')).toBe(1);
    expect(value('=COUNTIFS(C1:C4, 2569, B1:B5, "เมือง")')).toEqual(new SheetsError('#VALUE!', 'criteria ranges of different sizes'));
  });

  it('averages only the numbers of rows that match, and answers #DIV/0! when none does', () => {
    const { value } = sheetWith(DATA);
    expect(value('=AVERAGEIFS(D1:D4, C1:C4, 2569)')).toBe(85);
    expect((value('=AVERAGEIFS(D1:D4, C1:C4, 2570)') as SheetsError).code).toBe('#DIV/0!');
    expect(value('=MEDIAN(D1:D4)')).toBe(90);
  });

  it('filters rows by columns of conditions, answers #N/A when nothing passes, and sorts by a column', () => {
    const { value } = sheetWith(DATA);
    expect(value('=FILTER(A1:A4, C1:C4=2569, ISNUMBER(D1:D4))')).toEqual([['ก'], ['ค']]);
    expect(value('=FILTER(A1:A4, ((B1:B4="นาดี")+(B1:B4="ไม่มี"))>0)')).toEqual([['ค'], ['ง']]);
    expect((value('=FILTER(A1:A4, C1:C4=2570)') as SheetsError).code).toBe('#N/A');
    expect(value('=SORT(FILTER({A1:A4, D1:D4}, ISNUMBER(D1:D4)), 2, FALSE)')).toEqual([['ง', 95], ['ก', 90], ['ค', 80]]);
    expect(value('=ARRAY_CONSTRAIN(SORT(A1:D4, 1, FALSE), 2, 1)')).toEqual([['ง'], ['ค']]);
  });

  it('refuses an operator over a range outside an array context, and maps it inside ARRAYFORMULA', () => {
    const { value } = sheetWith(DATA);
    expect((value('=C1:C4+1') as SheetsError).code).toBe('#VALUE!');
    expect(value('=ARRAYFORMULA(IF(ISNUMBER(D1:D4), D1:D4+1, ""))')).toEqual([[91], [''], [81], [96]]);
  });

  it('computes only the branch IF takes, and IFERROR replaces each error of an array', () => {
    const { value } = sheetWith(DATA);
    expect(value('=IF(TRUE, 1, 1/0)')).toBe(1);
    expect(value('=IFERROR(1/0, "x")')).toBe('x');
    expect(value('=IFERROR(ARRAYFORMULA(1/(C1:C4-2569)), "")')).toEqual([[''], [''], [''], [-1]]);
  });

  it('looks up the first exact match of each key, without regard to case, #N/A when missing', () => {
    const { value } = sheetWith([
      ['A|x', 1],
      ['a|X', 2],
      ['b|y', 3],
    ]);
    expect(value('=VLOOKUP("a|x", A1:B3, 2, FALSE)')).toBe(1);
    expect(value('=IFERROR(VLOOKUP("c", A1:B3, 2, FALSE), "none")')).toBe('none');
    expect(value('=ARRAYFORMULA(IFERROR(VLOOKUP({"b|Y"; "z"}, A1:B3, 2, FALSE), ""))')).toEqual([[3], ['']]);
  });

  it('joins ranges side by side and one under another in an array literal, and trims repeated spaces', () => {
    const { value } = sheetWith([
      ['  ก   ข ', 1],
      ['ค', 2],
    ]);
    expect(value('={A1:A2, B1:B2}')).toEqual([['  ก   ข ', 1], ['ค', 2]]);
    expect(value('={A1; B2}')).toEqual([['  ก   ข '], [2]]);
    expect(value('=TRIM(A1)')).toBe('ก ข');
    expect((value('={A1:A2, B1}') as SheetsError).code).toBe('#VALUE!');
  });

  it('gives a formula the final value of a formula it reads that comes later in the sheet, and recomputes after a change', () => {
    const { sheet } = sheetWith([[1, 2]]);
    sheet.getRange('A3').setFormula('=SUM(B3:B4)');
    sheet.getRange('B3').setFormula('=A1*10');
    sheet.getRange('B4').setFormula('=B1*10');
    expect(sheet.getRange('A3').getValue()).toBe(30);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('A3').getValue()).toBe(70);
  });
});
