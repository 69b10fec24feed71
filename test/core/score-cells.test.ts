// The one reader of a score cell (parseScoreCell) and the number text it accepts (issue 9).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumeric, parseScoreCell } from '../../src/core/cells';
import { isItaError } from '../../src/core/errors';

const problemOf = (v: unknown): string => {
  const r = parseScoreCell(v);
  if (!isItaError(r)) throw new Error(`expected an error for ${String(v)}, got ${String(r)}`);
  return r.en;
};

describe('parseScoreCell', () => {
  it('reads numbers 0–100 and their text in Thai or Arabic digits, with spaces around', () => {
    expect(parseScoreCell(86.19)).toBe(86.19);
    expect(parseScoreCell('๘๖.๑๙')).toBe(86.19);
    expect(parseScoreCell(' 86 ')).toBe(86);
    expect(parseScoreCell('\u00a095.5\t')).toBe(95.5);
    expect(parseScoreCell('+0')).toBe(0);
    expect(parseScoreCell('100')).toBe(100);
  });

  it('answers undefined for a blank cell, a stray space included, never 0', () => {
    for (const blank of ['', ' ', '   ', null, undefined]) expect(parseScoreCell(blank)).toBeUndefined();
  });

  it('refuses TRUE, "1e1", "0,086", dates and out-of-range scores with the functions’ message', () => {
    expect(problemOf(true)).toBe('must be a number, got true');
    expect(problemOf('TRUE')).toBe('must be a number, got "TRUE"');
    expect(problemOf('1e1')).toBe('must be a number, got "1e1"');
    expect(problemOf('0,086')).toBe('must be a number, got "0,086"');
    expect(problemOf(new Date(2025, 0, 1))).toBe('must be a number, got วันที่/date');
    expect(problemOf(120)).toBe('must be between 0 and 100, got 120');
    expect(problemOf('1,234.5')).toBe('must be between 0 and 100, got 1234.5');
    expect(problemOf(NaN)).toBe('must be a number, got NaN');
    const r = parseScoreCell(true);
    expect(isItaError(r) && r.th).toBe('ต้องเป็นตัวเลข แต่พบ true');
  });

  it('passes an error text of another ITA function on with its message unchanged', () => {
    const text = 'ITA_SCORE: อาร์กิวเมนต์ indicators แถวที่ 3 — x | y | ITA_SCORE: argument indicators, row 3 — x | y';
    const r = parseScoreCell(`⚠ ${text}`);
    expect(isItaError(r) && r.message).toBe(text);
  });
});

describe('text with thousands commas', () => {
  it('reads "0,086" as no number at all, never as 86', () => {
    expect(parseNumeric('0,086')).toBeUndefined();
    expect(parseNumeric('00,086')).toBeUndefined();
    expect(parseNumeric('-0,086.5')).toBeUndefined();
    expect(parseNumeric('1,234.5')).toBe(1234.5);
    expect(parseNumeric('-๑,๒๓๔,๕๖๗')).toBe(-1234567);
    expect(parseNumeric('12,34')).toBeUndefined();
    expect(parseNumeric('1,2345')).toBeUndefined();
    expect(parseNumeric('1234,567')).toBeUndefined();
    expect(parseNumeric(',123')).toBeUndefined();
  });

  it('counts only when the commas group the whole number as it is written: 1–3 digits not starting with 0, then groups of 3', () => {
    const digits = fc.stringMatching(/^\d{1,12}$/);
    const commas = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 });
    fc.assert(
      fc.property(digits, commas, fc.option(fc.stringMatching(/^\d{1,4}$/)), (int, at, frac) => {
        const withCommas = [...int].map((d, i) => (at.includes(i) && i > 0 ? `,${d}` : d)).join('');
        const text = frac === null ? withCommas : `${withCommas}.${frac}`;
        const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
        const value = Number(frac === null ? int : `${int}.${frac}`);
        const hasComma = withCommas.includes(',');
        const valid = !hasComma || (withCommas === grouped && int[0] !== '0');
        expect(parseNumeric(text)).toBe(valid ? value : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
