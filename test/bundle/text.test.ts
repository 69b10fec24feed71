// What a user typed is stored as that text — never a formula, number, date or
// boolean — and read back exactly, under every combination of the variants of
// Google's undocumented behaviours (test/harness/assumptions.ts).
import { describe, expect, it } from 'vitest';
import type { ListAnswer, OitAnswer, OitSaved, Saved } from '../../src/core/api';
import { measureColumns, type Measure, type MeasureInput } from '../../src/core/measures/model';
import { ASSUMPTIONS, everyCombination, type Variants } from '../harness/assumptions';
import { loadBundle, type Harness } from '../harness/harness';

/** Texts Sheets would otherwise take for something else (formula, quote prefix, percent, time, boolean, number, phone, currency, date). */
const TRICKY = ['=1+1', "'abc", '50%', '10:30', 'TRUE', '1e5', '001', '+66 81', '฿100', '2566-10-01', '-', '@สำนักปลัด', ' 12 ', "''", '1,000'] as const;

/** The text fields of a measure, each given one tricky text. */
const FIELDS = ['issue', 'measure', 'method', 'responsible', 'followUp', 'result', 'outcome', 'suggestion', 'problems'] as const;

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
const name = (v: Required<Variants>) => Object.entries(v).map(([k, x]) => `${k}=${x}`).join(' ');

/** Only the spreadsheet's switches change what these flows do; the others stay at the run's default. */
const SPREADSHEET_SWITCHES = ['apostropheInPlainText', 'formulaInPlainText', 'typedInPlainText', 'scriptParsing'] as const;
const combos = [...new Map(everyCombination().map((c) => [SPREADSHEET_SWITCHES.map((k) => c[k]).join('|'), c])).values()];

function input(texts: readonly string[], over: Partial<MeasureInput> = {}): MeasureInput {
  const fields = Object.fromEntries(FIELDS.map((f, i) => [f, texts[i % texts.length]!])) as Record<(typeof FIELDS)[number], string>;
  return { fiscalYear: 2569, indicators: [1, 9], startDate: '2025-10-01', endDate: '2026-09-30', status: 'กำลังดำเนินการ', evidenceUrl: '', ...fields, ...over };
}

function saved(r: Saved): Measure {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.measure;
}

/** The measures sheet's row of a measure, as getValues answers it, by header. */
function rowOf(h: Harness, id: string): Record<string, unknown> {
  const values = h.spreadsheet.getSheetByName('มาตรการ')!.getDataRange().getValues();
  const header = values[0] as string[];
  const row = values.find((r) => r[header.indexOf('รหัส')] === id)!;
  return Object.fromEntries(header.map((hd, i) => [hd, row[i]]));
}

describe('text typed in the sidebar', () => {
  it('covers every combination of the spreadsheet switches', () => {
    expect(combos).toHaveLength(SPREADSHEET_SWITCHES.reduce((n, k) => n * ASSUMPTIONS[k].variants.length, 1));
  });

  for (const assume of combos) {
    it(`is stored as text and read back exactly, in the sheet and in the sidebar: ${name(assume)}`, () => {
      const h = loadBundle({ assume });
      h.call('setupWorkbook');
      const columns = measureColumns();
      for (let shift = 0; shift < TRICKY.length; shift += FIELDS.length) {
        const texts = [...TRICKY.slice(shift), ...TRICKY.slice(0, shift)];
        const m = saved(api<Saved>(h, 'save', { input: input(texts) }));
        const row = rowOf(h, m.id);
        const formulas = h.spreadsheet.getSheetByName('มาตรการ')!.getDataRange().getFormulas();
        expect(formulas.flat().filter(Boolean)).toEqual([]);
        for (const f of FIELDS) expect(row[columns.find((c) => c.field === f)!.header], f).toBe(m[f]);
        expect(FIELDS.map((f) => m[f])).toEqual(FIELDS.map((_, i) => texts[i % texts.length]));
        expect(row['ตัวชี้วัด']).toBe('1, 9');
        expect(row['แก้ไขล่าสุด']).toBe(m.updatedAt);
        const listed = api<ListAnswer>(h, 'list', { fiscalYear: 2569 }).measures.find((v) => v.measure.id === m.id)!;
        expect(listed.measure).toEqual(m);
        expect(listed.notes).toEqual([]);
        // An edit based on what the list answered is not taken for someone else's change.
        const again = saved(api<Saved>(h, 'save', { input: input(texts, { status: 'ดำเนินการแล้ว' }), base: listed.measure }));
        expect(FIELDS.map((f) => again[f])).toEqual(FIELDS.map((f) => m[f]));
      }
    });

    it(`survives the recycle sheet and back, and a copy into the next year: ${name(assume)}`, () => {
      const h = loadBundle({ assume });
      h.call('setupWorkbook');
      const m = saved(api<Saved>(h, 'save', { input: input(TRICKY) }));
      expect(api<{ ok: boolean }>(h, 'remove', { base: m }).ok).toBe(true);
      const [bin] = api<{ measure: Measure; deletedAt: string }[]>(h, 'deleted');
      expect(FIELDS.map((f) => bin!.measure[f])).toEqual(FIELDS.map((f) => m[f]));
      expect(bin!.deletedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      const back = saved(api<Saved>(h, 'recover', { id: m.id }));
      expect(FIELDS.map((f) => back[f])).toEqual(FIELDS.map((f) => m[f]));
      const copy = saved(api<Saved>(h, 'duplicate', { id: m.id }));
      expect(copy.followUp).toBe(m.followUp);
      expect(copy.measure).toBe(m.measure);
      const listed = api<ListAnswer>(h, 'list', { fiscalYear: 2570 }).measures.map((v) => v.measure);
      expect(listed).toEqual([copy]);
    });

    it(`keeps what a user typed in the OIT checklist when an item is marked done: ${name(assume)}`, () => {
      const h = loadBundle({ assume, email: 'staff@huaytoei.go.th' });
      h.call('setupWorkbook');
      const settings = h.spreadsheet.getSheetByName('ตั้งค่า ITA')!;
      const yearRow = settings.getDataRange().getValues().findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
      settings.getRange(yearRow, 2).setValue(2566);
      h.call('setupOitChecklist');
      const sheet = h.spreadsheet.getSheetByName('OIT 2566')!;
      const codes = sheet.getDataRange().getValues().slice(1, 10).map((r) => r[2]);
      expect(codes.every((c) => typeof c === 'string' && /^\d+\.\d+$/.test(c))).toBe(true);
      sheet.getRange(2, 4).type("'001"); // ผู้รับผิดชอบ, typed by a person into a plain-text cell
      sheet.getRange(2, 7).type('=1+1'); // หมายเหตุ: a formula or text, as Sheets takes it
      const before = sheet.getRange(2, 1, 1, 8);
      const [values, formulas] = [before.getValues()[0]!, before.getFormulas()[0]!];
      const item = api<OitAnswer>(h, 'oitList', { fiscalYear: 2566 }).items[0]!;
      expect(item.responsible).toBe(String(values[3]));
      const r = api<OitSaved>(h, 'oitSetStatus', { fiscalYear: 2566, code: item.code, status: 'ดำเนินการแล้ว', evidenceUrl: 'https://www.example.go.th/ita/o1', base: item });
      expect(r).toEqual({ ok: true });
      const after = sheet.getRange(2, 1, 1, 8);
      expect(after.getFormulas()[0]).toEqual(formulas); // a user's formula stays, and none is made
      expect(after.getValues()[0]![3]).toBe(values[3]);
      expect(after.getValues()[0]![5]).toBe('https://www.example.go.th/ita/o1');
      if (!formulas[6]) expect(after.getValues()[0]![6]).toBe(`${String(values[6])} · ตรวจโดย staff@huaytoei.go.th`);
      expect(sheet.getRange(2, 10).getFormulas()[0]![0]).toMatch(/^=ITA_OIT\(/); // the live score stays a formula
    });
  }
});
