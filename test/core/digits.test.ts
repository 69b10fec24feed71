// One number style (issue 11): what changes and what stays when a text takes the report's digits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDigits, digitEdits } from '../../src/core/report/digits';
import { formatter } from '../../src/core/report/format';

describe('a text taking the report’s digits', () => {
  it('changes the digits of numbers, years and dates in Thai prose', () => {
    expect(convertDigits('ปี 2569 ร้อยละ 30 หมู่ 5 ภายใน 15 วัน', 'thai')).toBe('ปี ๒๕๖๙ ร้อยละ ๓๐ หมู่ ๕ ภายใน ๑๕ วัน');
    expect(convertDigits('๑) ร้อยละ ๓๐ ณ วันที่ ๑๓ มีนาคม ๒๕๖๖', 'arabic')).toBe('1) ร้อยละ 30 ณ วันที่ 13 มีนาคม 2566');
  });

  it('leaves links, e-mail addresses, codes such as O12 and telephone numbers as typed', () => {
    const kept = ['https://www.example.go.th/ita/2569/plan-1.pdf', 'www.abt2.go.th/news/12', 'saraban2569@abt.go.th', 'O12', 'O9.1', 'ITA2569', 'MOI-2569', '02-123-4567', '081 234 5678', '0451234567', '๐๘๑-๒๓๔-๕๖๗๘'];
    for (const k of kept) expect(convertDigits(`ดู ${k} แล้ว 12`, 'thai'), k).toBe(`ดู ${k} แล้ว ๑๒`);
  });

  it('keeps telephone numbers as units type them: with the country code, an area code in brackets, two side by side, a hotline after its word', () => {
    for (const k of ['+66 2 123 4567', '(043) 711234', '043-711234 081-2345678', 'สายด่วน 1111', 'โทร. 045-123456'])
      expect(convertDigits(`ติดต่อ ${k} ภายใน 7 วัน`, 'thai'), k).toBe(`ติดต่อ ${k} ภายใน ๗ วัน`);
  });

  it('keeps web addresses typed without https://, and converts a Thai government letter number (มท ๐๘๐๘.๒/ว ๑๒๓๔, as seed 000 prints its own)', () => {
    expect(convertDigits('ดู facebook.com/abt/posts/12345 ภายใน 30 วัน', 'thai')).toBe('ดู facebook.com/abt/posts/12345 ภายใน ๓๐ วัน');
    expect(convertDigits('ที่ มท 0808.2/ว 1234', 'thai')).toBe('ที่ มท ๐๘๐๘.๒/ว ๑๒๓๔');
  });

  it('does not take a year or an amount for a telephone number', () => {
    expect(convertDigits('งบ 100000 บาท ปี 2568 2569', 'thai')).toBe('งบ ๑๐๐๐๐๐ บาท ปี ๒๕๖๘ ๒๕๖๙');
  });

  it('changes nothing else: the text outside the digits stays, and converting twice is converting once', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab O1 23-4 5.6 ก ข ๗๘๙ /:@'.split('')), maxLength: 40 }), fc.constantFrom('thai' as const, 'arabic' as const), (s, to) => {
        const once = convertDigits(s, to);
        expect(convertDigits(once, to)).toBe(once);
        expect(once.replace(/[0-9๐-๙]/g, '#')).toBe(s.replace(/[0-9๐-๙]/g, '#'));
        for (const e of digitEdits(s, to)) expect(e.value.length).toBe(e.length);
      }),
    );
  });
});

describe('typed values in a report', () => {
  it('take the report’s digits when asked, and keep theirs when not', () => {
    const v = 'ภายใน 30 วัน โทร 02-123-4567 ดู O12';
    expect(formatter({ digits: 'thai', typedDigits: true }).format(v, [])).toBe('ภายใน ๓๐ วัน โทร 02-123-4567 ดู O12');
    expect(formatter({ digits: 'thai' }).format(v, [])).toBe(v);
    expect(formatter({ digits: 'arabic', typedDigits: true }).format('ภายใน ๓๐ วัน', [])).toBe('ภายใน 30 วัน');
    // A filter converts a value typed either way, and still leaves links, codes and telephone numbers (a link with Thai digits leads nowhere).
    expect(formatter({ digits: 'arabic' }).format('ภายใน 30 วัน ข้อ O12', ['เลขไทย'])).toBe('ภายใน ๓๐ วัน ข้อ O12');
    expect(formatter({ digits: 'thai' }).format('https://abt.go.th/2569', ['เลขไทย'])).toBe('https://abt.go.th/2569');
  });
});
