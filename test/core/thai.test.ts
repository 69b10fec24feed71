import { describe, expect, it } from 'vitest';
import { plainText, roundTo, toFixedText } from '../../src/core/round';
import {
  beSlashDate,
  dayOfIso,
  parseBeDate,
  fiscalQuarterOf,
  fiscalYearOf,
  fiscalYearRange,
  fromThaiDigits,
  isoOfDay,
  thaiDate,
  toBuddhistEra,
  toCommonEra,
  toThaiDigits,
} from '../../src/core/thai';

describe('Thai digits', () => {
  it('convert both ways', () => {
    expect(toThaiDigits('86.19')).toBe('๘๖.๑๙');
    expect(toThaiDigits(2566)).toBe('๒๕๖๖');
    expect(fromThaiDigits('๘๖.๑๙')).toBe('86.19');
    expect(fromThaiDigits('ข้อ ๑๐')).toBe('ข้อ 10');
  });
  it('round-trip every digit', () => {
    expect(fromThaiDigits(toThaiDigits('0123456789'))).toBe('0123456789');
  });
});

describe('years and fiscal years', () => {
  it('Buddhist Era is CE + 543', () => {
    expect(toBuddhistEra(2023)).toBe(2566);
    expect(toCommonEra(2566)).toBe(2023);
  });
  it('fiscal year N runs 1 October N−1 to 30 September N', () => {
    expect(fiscalYearOf({ year: 2022, month: 9, day: 30 })).toBe(2565);
    expect(fiscalYearOf({ year: 2022, month: 10, day: 1 })).toBe(2566);
    expect(fiscalYearOf(new Date(2023, 2, 13))).toBe(2566);
    expect(fiscalYearRange(2566)).toEqual({ start: { year: 2022, month: 10, day: 1 }, end: { year: 2023, month: 9, day: 30 } });
  });
  it('quarters start in October', () => {
    expect([10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((month) => fiscalQuarterOf({ year: 2023, month, day: 1 }))).toEqual([
      1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4,
    ]);
  });
});

describe('calendar days as "YYYY-MM-DD"', () => {
  it('are written with four-digit years and two-digit months and days', () => {
    expect(isoOfDay({ year: 2025, month: 10, day: 1 })).toBe('2025-10-01');
    expect(isoOfDay({ year: 99, month: 1, day: 2 })).toBe('0099-01-02');
  });
  it('are read only when they name a real day, in no time zone', () => {
    expect(dayOfIso('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(dayOfIso(' 2025-10-01 ')).toEqual({ year: 2025, month: 10, day: 1 });
    expect(dayOfIso('2026-02-30')).toBeUndefined();
    expect(dayOfIso('2025-13-01')).toBeUndefined();
    expect(dayOfIso('1/10/2025')).toBeUndefined();
    expect(dayOfIso('0099-01-02')).toEqual({ year: 99, month: 1, day: 2 });
  });
});

describe('Thai dates', () => {
  it('read day, month name and Buddhist-Era year in Thai digits', () => {
    expect(thaiDate({ year: 2023, month: 3, day: 13 })).toBe('๑๓ มีนาคม ๒๕๖๖');
  });
  it('can use month abbreviations and Arabic digits', () => {
    expect(thaiDate({ year: 2022, month: 10, day: 1 }, { month: 'abbr', digits: 'arabic' })).toBe('1 ต.ค. 2565');
    expect(thaiDate(new Date(2024, 1, 29), { month: 'abbr' })).toBe('๒๙ ก.พ. ๒๕๖๗');
  });
});

describe('rounding', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(roundTo(84.995, 2)).toBe(85);
    expect(roundTo(94.995, 2)).toBe(95);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(80.765, 2)).toBe(80.77);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
  });
  it('drops binary noise before rounding', () => {
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(84.99499999999999, 2)).toBe(85);
    expect(roundTo(84.9949, 2)).toBe(84.99);
  });
  it('writes fixed and plain text without exponents', () => {
    expect(toFixedText(86.185, 2)).toBe('86.19');
    expect(toFixedText(100, 2)).toBe('100.00');
    expect(plainText(87.98539999999998)).toBe('87.9854');
    expect(plainText(1e-7)).toBe('0.0000001');
  });
});

describe('rounding agrees with decimal rounding', () => {
  it('for every hundredth-and-a-half from 0 to 100', () => {
    for (let i = 0; i <= 100000; i += 1) {
      const x = i / 1000; // 0.000 … 100.000, ties at every …5
      const expected = Number((Math.round(Number(`${x}e2`)) + 'e-2'));
      expect(roundTo(x, 2)).toBe(expected);
    }
  });
});

describe('dates typed in the Buddhist Era', () => {
  const iso = (t: string) => {
    const p = parseBeDate(t);
    return p.ok ? p.iso : `refused: ${p.th}`;
  };
  it('read day/month/year พ.ศ. with Arabic or Thai digits, one or two digits for day and month', () => {
    expect(iso('15/01/2569')).toBe('2026-01-15');
    expect(iso('๑๕/๐๑/๒๕๖๙')).toBe('2026-01-15');
    expect(iso('5/1/2569')).toBe('2026-01-05');
    expect(iso(' 5-1-2569 ')).toBe('2026-01-05');
    expect(iso('29/02/2567')).toBe('2024-02-29');
  });
  it('read a Thai month name or abbreviation', () => {
    expect(iso('15 ม.ค. 2569')).toBe('2026-01-15');
    expect(iso('๑๕ มกราคม ๒๕๖๙')).toBe('2026-01-15');
    expect(iso('1 ธค 2568')).toBe('2025-12-01');
  });
  it('read a date pasted from an official letter, with "พ.ศ." before the year (issue 10 review)', () => {
    expect(iso('15 มกราคม พ.ศ. 2569')).toBe('2026-01-15');
    expect(iso('๑๕ ม.ค. พ.ศ. ๒๕๖๙')).toBe('2026-01-15');
    expect(iso('15/01/พ.ศ.2569')).toBe('2026-01-15');
  });
  it('take blank as no date', () => {
    expect(iso('')).toBe('');
    expect(iso('   ')).toBe('');
  });
  it('refuse a half-typed date, saying what to type', () => {
    expect(iso('15/01/')).toMatch(/^refused: วันที่ไม่ครบ.*"15\/01\/".*15\/01\/2569/);
    expect(iso('15')).toMatch(/^refused: วันที่ไม่ครบ/);
    expect(iso('15/01/69')).toMatch(/^refused: ปีต้องเป็นปี พ.ศ. 4 หลัก/);
  });
  it('refuse a Common-Era year, naming its Buddhist-Era equivalent, and a year out of range', () => {
    expect(iso('15/01/2026')).toBe('refused: ปี 2026 ดูเหมือนปี ค.ศ. ช่องนี้ใช้ปี พ.ศ. (ค.ศ. 2026 คือ พ.ศ. 2569)');
    expect(iso('15/01/3112')).toBe('refused: ปี พ.ศ. 3112 อยู่นอกช่วงที่รับได้ (พ.ศ. 2500–2700)');
    expect(iso('1/1/2500')).toBe('1957-01-01');
    expect(iso('31/12/2700')).toBe('2157-12-31');
    expect(iso('31/12/2499')).toMatch(/^refused: /);
  });
  it('refuse a day that does not exist and an unknown month', () => {
    expect(iso('31/02/2569')).toBe('refused: ไม่มีวันที่ 31 ในกุมภาพันธ์ พ.ศ. 2569');
    expect(iso('29/02/2569')).toMatch(/^refused: ไม่มีวันที่ 29/);
    expect(iso('15/13/2569')).toMatch(/^refused: เดือนต้องเป็น 1–12/);
    expect(iso('15 มกรา 2569')).toMatch(/^refused: ไม่รู้จักชื่อเดือน "มกรา"/);
  });
  it('are shown as dd/mm/yyyy พ.ศ., and read back the same', () => {
    expect(beSlashDate('2026-01-05')).toBe('05/01/2569');
    expect(beSlashDate('')).toBe('');
    expect(iso(beSlashDate('2025-10-01'))).toBe('2025-10-01');
  });
});
