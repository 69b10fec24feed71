// The spreadsheet fake plays what a person does to a sheet as Sheets does it
// (each behaviour cited in test/harness/spreadsheet.ts): arrays that spill or
// stop at data, rows and columns inserted, deleted, sorted and copied, and the
// developer metadata that follows columns.
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from './spreadsheet';

const sheet = () => new FakeSpreadsheet().insertSheet('แผ่น');

describe('array formulas in the fake', () => {
  it('spill SEQUENCE down and right, and show #REF! where a value is in the way, expanding again once it goes', () => {
    const s = sheet();
    s.getRange('B2').setFormula('=SEQUENCE(3)');
    s.getRange('D2').setFormula('=SEQUENCE(1, 3)');
    expect(s.getRange('B2:B4').getValues().map((r) => r[0])).toEqual([1, 2, 3]);
    expect(s.getRange('D2:F2').getValues()[0]).toEqual([1, 2, 3]);
    s.getRange('B4').setValue('ของฉัน');
    expect(s.getRange('B2').getValue()).toBe('#REF!');
    expect(s.getRange('B3').getValue()).toBe('');
    s.getRange('B4').setValue('');
    expect(s.getRange('B3').getValue()).toBe(2);
    expect(s.spillCells()).toEqual(new Set(['3,2', '4,2', '2,5', '2,6']));
  });

  it('spill "" that looks empty, which a value written into stops', () => {
    const s = sheet();
    s.getRange('C2').setFormula('=ARRAYFORMULA(IF(SEQUENCE(4), ""))');
    expect(s.getRange('C2:C5').getValues().map((r) => r[0])).toEqual(['', '', '', '']);
    s.getRange('C4').setValue('x');
    expect(s.getRange('C2').getValue()).toBe('#REF!');
  });

  it('answer a number under a date format as a date, as a stored one', () => {
    const s = sheet();
    s.getRange('A2:A4').setNumberFormat('d mmmm yyyy');
    s.getRange('A2').setFormula('=SEQUENCE(3)');
    expect(Object.prototype.toString.call(s.getRange('A3').getValue())).toBe('[object Date]');
  });
});

describe('rows and columns in the fake', () => {
  it('move with inserts and deletes, named ranges and column metadata with them', () => {
    const ss = new FakeSpreadsheet();
    const s = ss.insertSheet('แผ่น');
    s.getRange('A1:C1').setValues([['ก', 'ข', 'ค']]);
    ss.setNamedRange('ช่วง', s.getRange('A:C') as unknown as GoogleAppsScript.Spreadsheet.Range);
    s.getRange('C:C').addDeveloperMetadata('ita.column', 'ค');
    s.insertColumnsBefore(1, 1);
    expect(ss.getRangeByName('ช่วง')!.getA1Notation()).toBe(`B1:D${s.getMaxRows()}`);
    expect(s.createDeveloperMetadataFinder().withKey('ita.column').find()[0]!.getLocation().getColumn()!.getColumn()).toBe(4);
    s.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('ช่วง')!.getNumRows()).toBe(s.getMaxRows());
    expect(s.getRange('D3').getValue()).toBe('ค');
    s.deleteColumns(4, 1);
    expect(s.createDeveloperMetadataFinder().withKey('ita.column').find()).toEqual([]);
    expect(ss.getRangeByName('ช่วง')!.getNumColumns()).toBe(2);
    s.deleteRows(1, 2);
    expect(s.getRange('B1:C1').getValues()[0]).toEqual(['ก', 'ข']);
    expect(() => s.getRange('A1').addDeveloperMetadata('k', 'v')).toThrow(/entire row or column/);
  });

  it('sort whole rows of a range as wide as the sheet, and copy a row with its formulas', () => {
    const s = sheet();
    s.getRange('A2:B4').setValues([['ค', 3], ['ก', 1], ['ข', 2]]);
    s.getRange('C3').setFormula('=SEQUENCE(1)');
    s.getRange(2, 1, 3, s.getMaxColumns()).sort({ column: 2, ascending: true });
    expect(s.getRange('A2:B4').getValues()).toEqual([['ก', 1], ['ข', 2], ['ค', 3]]);
    expect(s.getRange('C2').getFormulas()[0]![0]).toBe('=SEQUENCE(1)');
    s.copyRow(2, 6);
    expect(s.getRange('A6:C6').getValues()[0]).toEqual(['ก', 1, 1]);
    expect(s.getRange('C6').getFormulas()[0]![0]).toBe('=SEQUENCE(1)');
  });
});
