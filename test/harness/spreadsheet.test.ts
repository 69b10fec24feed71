// The spreadsheet fake plays what Google documents, and each undocumented
// behaviour as its switch says (test/harness/assumptions.ts).
import { describe, expect, it } from 'vitest';
import { everyCombination, resolve, type Variants } from './assumptions';
import { inProcessZone } from './clock';
import { FakeSession, FakeUtilities } from './fakes';
import { FakeRichTextValueBuilder, FakeSpreadsheet, wallClock, type FakeRange } from './spreadsheet';

function cell(assume: Variants = {}, format = '', zone = 'Asia/Bangkok', locale = 'th_TH'): FakeRange {
  const ss = new FakeSpreadsheet('ทดสอบ', zone, locale);
  ss.assume = resolve(assume);
  const r = ss.insertSheet('แผ่น').getRange('B2');
  if (format) r.setNumberFormat(format);
  return r;
}

const written = (v: unknown, assume: Variants = {}, format = '', zone?: string, locale?: string) => {
  const r = cell(assume, format, zone, locale).setValue(v);
  return { value: r.getValue(), formula: r.getFormulas()[0]![0] };
};

/** The wall-clock time a Date shows in a zone, as "YYYY-MM-DD HH:mm:ss". */
const wall = (d: unknown, zone: string) => new Date(wallClock((d as Date).getTime(), zone)).toISOString().slice(0, 19).replace('T', ' ');

describe('a string a script writes into a cell that is not plain text', () => {
  const asTyped: Variants = { scriptParsing: 'as typed' };
  it('is parsed as Sheets parses typed input when scripts are parsed as typed', () => {
    expect(written('50%', asTyped).value).toBe(0.5);
    expect(written('฿100', asTyped).value).toBe(100);
    expect(written('$2.99', asTyped).value).toBe(2.99);
    expect(written('TRUE', asTyped).value).toBe(true);
    expect(written('false', asTyped).value).toBe(false);
    expect(written('1e5', asTyped).value).toBe(100000);
    expect(written('1,000,000', asTyped).value).toBe(1000000);
    expect(written('001', asTyped).value).toBe(1);
    expect(written('-2.5', asTyped).value).toBe(-2.5);
    expect(written("'abc", asTyped).value).toBe('abc');
    expect(written("'001", asTyped).value).toBe('001');
    expect(written('+66 81', asTyped).value).toBe('+66 81');
    expect(written('จัดประชุม 4 ครั้ง', asTyped).value).toBe('จัดประชุม 4 ครั้ง');
  });
  it('reads a time as the Date of that time on 30 December 1899 in the spreadsheet’s zone', () => {
    expect(wall(written('10:30', asTyped).value, 'Asia/Bangkok')).toBe('1899-12-30 10:30:00');
    expect(wall(written('2:05 PM', asTyped, '', 'America/New_York').value, 'America/New_York')).toBe('1899-12-30 14:05:00');
  });
  it('reads a date typed as text per the spreadsheet’s locale, at midnight in its zone', () => {
    expect(wall(written('2025-10-01', asTyped).value, 'Asia/Bangkok')).toBe('2025-10-01 00:00:00');
    expect(wall(written('1/10/2025', asTyped).value, 'Asia/Bangkok')).toBe('2025-10-01 00:00:00');
    expect(wall(written('1/10/2025', asTyped, '', 'America/New_York', 'en_US').value, 'America/New_York')).toBe('2025-01-10 00:00:00');
    expect(wall(written('2026-01-15 09:41:07', asTyped, '', 'UTC').value, 'UTC')).toBe('2026-01-15 09:41:07');
    expect(written('2026-02-30', asTyped).value).toBe('2026-02-30');
  });
  it('is kept as given, but for a formula, when scripts are not parsed', () => {
    for (const s of ['50%', '฿100', '10:30', 'TRUE', '1e5', '001', "'abc", '2025-10-01']) expect(written(s, { scriptParsing: 'as given' }).value).toBe(s);
  });
  it('beginning with "=" is a formula in every variant: getValues answers its result, getFormulas the formula', () => {
    for (const scriptParsing of ['as typed', 'as given'] as const) {
      const ss = new FakeSpreadsheet();
      ss.assume = resolve({ scriptParsing });
      ss.evaluator = (f) => (f === '=1+1' ? 2 : '#NAME?');
      const r = ss.insertSheet('แผ่น').getRange('A1').setValue('=1+1');
      expect(r.getValue()).toBe(2);
      expect(r.getFormulas()).toEqual([['=1+1']]);
    }
  });
});

describe('a string a script writes into a plain-text ("@") cell', () => {
  it('follows the switches: quote prefix dropped or kept, "=" text or formula, typed-looking text kept or parsed', () => {
    expect(written("'abc", { apostropheInPlainText: 'dropped' }, '@').value).toBe('abc');
    expect(written("'abc", { apostropheInPlainText: 'kept' }, '@').value).toBe("'abc");
    expect(written('=1+1', { formulaInPlainText: 'text' }, '@')).toEqual({ value: '=1+1', formula: '' });
    expect(written('=1+1', { formulaInPlainText: 'formula' }, '@').formula).toBe('=1+1');
    expect(written('50%', { typedInPlainText: 'text' }, '@').value).toBe('50%');
    expect(written('50%', { typedInPlainText: 'parsed' }, '@').value).toBe(0.5);
  });
});

describe('a Rich Text value', () => {
  it('is stored as its text under every combination of the switches, in any format', () => {
    // The spreadsheet's switches only: the others (documents, fetch, triggers) do not touch a cell.
    const keys = ['apostropheInPlainText', 'formulaInPlainText', 'typedInPlainText', 'scriptParsing'] as const;
    const combos = [...new Map(everyCombination().map((c) => [keys.map((k) => c[k]).join('|'), c])).values()];
    expect(combos).toHaveLength(16);
    for (const assume of combos) {
      for (const format of ['', '@', '0.00', 'd mmmm yyyy']) {
        for (const text of ['=1+1', "'abc", '50%', '10:30', 'TRUE', '1e5', '001', '+66 81', '฿100', '2025-10-01']) {
          const r = cell(assume, format).setRichTextValue(new FakeRichTextValueBuilder().setText(text).build() as never);
          expect(r.getValue(), `${text} ${format}`).toBe(text);
          expect(r.getFormulas()[0]![0]).toBe('');
        }
      }
    }
  });
});

describe('dates in cells', () => {
  const MOMENT = new Date('2025-09-30T20:00:00Z'); // 1 October 03:00 in Bangkok, 30 September 16:00 in New York

  for (const scriptZone of ['UTC', 'Asia/Bangkok', 'America/New_York']) {
    it(`keep the wall-clock time the Date has in the spreadsheet’s zone, whatever the script’s (${scriptZone})`, () => {
      inProcessZone(scriptZone, () => {
        for (const zone of ['Asia/Bangkok', 'America/New_York', 'UTC']) {
          const r = cell({}, 'd mmmm yyyy', zone).setValue(MOMENT);
          const back = r.getValue() as Date;
          expect(Object.prototype.toString.call(back)).toBe('[object Date]');
          expect(back.getTime()).toBe(MOMENT.getTime());
          expect(r.getDisplayValues()[0]![0]).toBe(zone === 'Asia/Bangkok' ? '1 ตุลาคม 2568' : '30 กันยายน 2568');
        }
      });
    });
  }

  it('keep their wall-clock time when the spreadsheet’s zone changes, so the moment they answer moves', () => {
    const r = cell({}, 'yyyy-mm-dd hh:mm', 'Asia/Bangkok').setValue(MOMENT);
    r.getSheet().spreadsheet.setSpreadsheetTimeZone('America/New_York');
    expect(r.getDisplayValues()[0]![0]).toBe('2025-10-01 03:00');
    expect(wall(r.getValue(), 'America/New_York')).toBe('2025-10-01 03:00:00');
  });

  it('read as numbers under a number format, and a number under a date format reads as a date', () => {
    const r = cell({}, '', 'UTC').setValue(new Date('2025-10-01T00:00:00Z'));
    r.setNumberFormat('0');
    expect(r.getValue()).toBe(45931);
    const n = cell({}, 'yyyy-mm-dd', 'UTC').setValue(45931);
    expect(wall(n.getValue(), 'UTC')).toBe('2025-10-01 00:00:00');
    expect(n.getDisplayValues()[0]![0]).toBe('2025-10-01');
  });

  it('are empty strings when the cell is empty', () => {
    expect(cell().getValues()).toEqual([['']]);
  });
});

describe('the sheet', () => {
  it('has one row fewer after deleteRow, the rows below moving up', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.insertSheet('แผ่น');
    sheet.getRange(1, 1, 3, 1).setValues([[1], [2], [3]]);
    sheet.deleteRow(2);
    expect(sheet.getMaxRows()).toBe(999);
    expect(sheet.getDataRange().getValues()).toEqual([[1], [3]]);
  });
});

describe('Utilities.formatDate and Session.getScriptTimeZone', () => {
  const u = new FakeUtilities();
  const d = new Date('2026-01-14T18:30:05.042Z') as unknown as GoogleAppsScript.Base.Date;
  it('format a moment’s fields in the given zone, with SimpleDateFormat letters and quoted text', () => {
    expect(u.formatDate(d, 'Asia/Bangkok', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-01-15 01:30:05');
    expect(u.formatDate(d, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toBe('2026-01-14T13:30:05.042-0500');
    expect(u.formatDate(d, 'GMT', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-01-14T18:30:05Z');
    expect(u.formatDate(d, 'Asia/Kolkata', 'Z XXX h:mm a EEE MMM yy')).toBe('+0530 +05:30 12:00 AM Thu Jan 26');
    expect(u.formatDate(d, 'UTC', "'o''clock' H")).toBe("o'clock 18");
    expect(() => u.formatDate(d, 'UTC', 'G')).toThrow(/not done/);
  });
  it('answers the process’s zone as the script’s', () => {
    inProcessZone('America/New_York', () => expect(new FakeSession().getScriptTimeZone()).toBe('America/New_York'));
    inProcessZone('Asia/Bangkok', () => expect(new FakeSession().getScriptTimeZone()).toBe('Asia/Bangkok'));
  });
});
