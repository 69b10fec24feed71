// The table layer's decisions (src/core/table.ts), from values and formulas alone.
import { describe, expect, it } from 'vitest';
import { arrayExtent, blockedCell, columnRuns, findHeaderRow, fingerprint, lastUsedRow, rowTouchesArray, type Grid } from '../../src/core/table';

const grid = (values: unknown[][], formulas: string[][] = values.map((r) => r.map(() => ''))): Grid => ({ values, formulas });

describe('the header row', () => {
  it('is the row among the first ten naming the most headers, a title row above it passed by', () => {
    const values = [['มาตรการ ITA ปี 2569'], [], ['รหัส', 'ปีงบประมาณ', 'ของฉัน'], ['m-1', 2569, '']];
    expect(findHeaderRow(values, ['รหัส', 'ปีงบประมาณ', 'สถานะ'])).toEqual({ row: 2, index: new Map([['รหัส', 0], ['ปีงบประมาณ', 1], ['ของฉัน', 2]]) });
    expect(findHeaderRow([['อื่น']], ['รหัส'])).toBeUndefined();
  });
});

describe('the last used row', () => {
  it('counts a formula that answers "" and passes by a row emptied higher up', () => {
    const g = grid([['h'], ['a'], [''], [''], ['']], [[''], [''], [''], ['=IF(1,"",1)'], ['']]);
    expect(lastUsedRow(g, [0], 0)).toBe(3);
    expect(lastUsedRow(grid([['h'], [''], ['']]), [0], 0)).toBe(0);
  });
});

describe('cells the add-on never writes', () => {
  it('knows which formulas can answer an array, and which way', () => {
    expect(arrayExtent('=ITA_THAI_DIGITS(5)')).toBeUndefined();
    expect(arrayExtent('=SUM(A2:A9)')).toBeUndefined();
    expect(arrayExtent('=ARRAYFORMULA(IF(A2:A="", "", 1))')).toEqual({ down: true, right: false });
    expect(arrayExtent('=SEQUENCE(3, 2)')).toEqual({ down: true, right: true, rows: 3, cols: 2 });
    expect(arrayExtent('=ITA_OIT(C2:C, E2:E)')).toEqual({ down: false, right: true, rows: 1, cols: 3 });
    expect(arrayExtent('=SPLIT(A2, ",")')).toEqual({ down: false, right: true });
    expect(arrayExtent('=A2:C9')).toMatchObject({ down: true, right: true });
    expect(arrayExtent('={"ลำดับ"; ARRAYFORMULA(ROW(A2:A))}')).toMatchObject({ down: true });
  });

  it('are a formula, or a cell an array above or to the left may reach', () => {
    const f = [
      ['', '=ARRAYFORMULA(IF(A2:A="","",1))', '', ''],
      ['', '', '=SEQUENCE(2)', ''],
      ['=SPLIT("a,b", ",")', '', '', ''],
      ['', '', '', ''],
    ];
    const g = grid(f.map((r) => r.map(() => '')), f);
    expect(blockedCell(g, 1, 2)).toBe('formula');
    expect(blockedCell(g, 3, 1)).toBe('spill'); // ARRAYFORMULA above, open-ended
    expect(blockedCell(g, 2, 2)).toBe('spill'); // SEQUENCE(2) one row down
    expect(blockedCell(g, 3, 2)).toBeUndefined(); // past SEQUENCE(2)
    expect(blockedCell(g, 2, 3)).toBe('spill'); // SPLIT to the left
    expect(blockedCell(g, 3, 0)).toBeUndefined();
    expect(rowTouchesArray(g, 2)).toBe(true);
    expect(rowTouchesArray(grid([['a', 'b']], [['=ITA_THAI_DIGITS(1)', '']]), 0)).toBe(false);
  });
});

describe('writes', () => {
  it('group columns into runs, joined over cells that may be bridged', () => {
    expect(columnRuns([5, 1, 2, 9])).toEqual([[1, 2], [5, 5], [9, 9]]);
    expect(columnRuns([1, 4], (c) => c === 2 || c === 3)).toEqual([[1, 4]]);
    expect(columnRuns([1, 4], (c) => c === 2)).toEqual([[1, 1], [4, 4]]);
  });

  it('fingerprint every change to a row, one no reader parses included', () => {
    const row = ['m-1', 2569, 'ภายใน ธ.ค. 2568', new Date(Date.UTC(2025, 9, 1))];
    expect(fingerprint(row)).toBe(fingerprint([...row]));
    expect(fingerprint(row)).not.toBe(fingerprint(['m-1', 2569, 'ภายใน ธ.ค. 2569', row[3]]));
    expect(fingerprint(['1'])).not.toBe(fingerprint([1]));
    expect(fingerprint([''])).toBe(fingerprint([undefined]));
  });
});
