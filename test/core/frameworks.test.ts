import { describe, expect, it } from 'vitest';
import { array, length, literal, number, object, optional, string, tuple, union, enum as zEnum, int, minimum, maximum } from 'zod/mini';
import { evidenceYear, oitListFor, oitListOf } from '../../src/core/data/oit';
import { calendarFor, daysBetween } from '../../src/core/data/calendar';
import { defaultYear, frameworkFor, frameworks, lastYear, latestYear, supportedYear } from '../../src/core/framework';

// Schemas for the data, so a mistyped year or item fails here, not in a user's sheet.
function oitSchema() {
  return object({
    coverage: zEnum(['complete', 'partial']),
    provenance: zEnum(['seed', 'checked', 'inferred']),
    grouping: zEnum(['seed', 'checked', 'inferred']),
    provisional: optional(object({ basedOn: int() })),
    subIndicators: array(
      object({
        code: string(),
        name: string(),
        items: array(
          union([
            tuple([string(), string()]),
            tuple([string(), string(), object({ notSeen: optional(literal(true)), evidence: optional(zEnum(['current', 'previous'])), evidenceStated: optional(literal(true)) })]),
          ]),
        ),
      }),
    ),
  });
}

function frameworkSchema() {
  const tool = zEnum(['IIT', 'EIT', 'OIT']);
  return object({
    year: int().check(minimum(2562), maximum(2600)),
    indicators: array(object({ no: int(), name: string(), tool })).check(length(10)),
    tools: array(object({ id: tool, name: string(), weight: number() })),
    rating: union([
      object({ kind: literal('letters'), bands: array(object({ min: number(), letter: string() })) }),
      object({
        kind: literal('labels'),
        rules: array(object({ label: string(), minTotal: number(), minEachTool: optional(number()) })),
      }),
    ]),
    passMark: number(),
    provenance: object({ weights: zEnum(['seed', 'checked', 'inferred']), rating: zEnum(['seed', 'checked', 'inferred']) }),
    provisional: optional(object({ basedOn: int() })),
  });
}

describe('the frameworks', () => {
  it('cover every fiscal year 2562–2570 and fit the schema', () => {
    const schema = frameworkSchema();
    expect(frameworks().map((f) => f.year)).toEqual([2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569, 2570]);
    for (const f of frameworks()) expect(schema.safeParse(f).success, `year ${f.year}`).toBe(true);
  });

  it('have OIT lists that fit their schema', () => {
    for (const y of [2563, 2564, 2565, 2566, 2568, 2569, 2570]) expect(oitSchema().safeParse(oitListOf(y)).success, `year ${y}`).toBe(true);
  });

  it('weigh IIT 30, EIT 30 and OIT 40 with 5, 3 and 2 indicators', () => {
    for (const f of frameworks()) {
      expect(f.tools.map((t) => [t.id, t.weight])).toEqual([['IIT', 30], ['EIT', 30], ['OIT', 40]]);
      expect(f.indicators.map((i) => i.tool).join(',')).toBe('IIT,IIT,IIT,IIT,IIT,EIT,EIT,EIT,OIT,OIT');
    }
  });

  it('use letters through 2565 and labels from 2566', () => {
    expect(frameworks().map((f) => f.rating.kind)).toEqual(['letters', 'letters', 'letters', 'letters', 'labels', 'labels', 'labels', 'labels', 'labels']);
  });

  it('accept Common-Era years and refuse unsupported ones', () => {
    expect(supportedYear(2022)).toBe(2565);
    expect(supportedYear(2565)).toBe(2565);
    expect(supportedYear(2018)).toBeUndefined();
    expect(supportedYear(2569)).toBe(2569);
    expect(supportedYear(2026)).toBe(2569);
    expect(supportedYear(2565.5)).toBeUndefined();
    expect(latestYear()).toBe(2570);
  });

  it('score 2569 as 2568, take 2570 as 2569’s rules marked provisional, and never lock a later year out', () => {
    const rules = (y: number) => { const f = frameworkFor(y); return JSON.stringify([f.indicators, f.tools, f.rating, f.passMark]); };
    expect(rules(2569)).toBe(rules(2568));
    expect(rules(2570)).toBe(rules(2569));
    expect(frameworkFor(2569).provisional).toBeUndefined();
    expect(frameworkFor(2570).provisional).toEqual({ basedOn: 2569 });
    expect(frameworkFor(2571)).toMatchObject({ year: 2571, provisional: { basedOn: 2569 } });
    expect(supportedYear(2571)).toBe(2571);
    expect(lastYear()).toBe(2590);
    expect(supportedYear(2591)).toBeUndefined(); // 25691-like typos stay refused
    expect(() => frameworkFor(2591)).toThrow(RangeError);
    expect(defaultYear()).toBe(2569); // a blank year is the latest whose rules are published
  });

  it('list 43 OIT items for 2566 in sub-indicators of 10, 8, 4, 4, 4, 8 and 5', () => {
    const oit = oitListOf(2566)!;
    expect(oit.subIndicators.map((s) => s.items.length)).toEqual([10, 8, 4, 4, 4, 8, 5]);
    const codes = oit.subIndicators.flatMap((s) => s.items.map((i) => i[0]));
    expect(codes).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
  });

  it('list 43 OIT items for 2563–2565 in sub-indicators of 9, 8, 7, 4, 5, 8 and 2', () => {
    for (const y of [2563, 2564, 2565]) {
      const oit = oitListOf(y)!;
      expect(oit.subIndicators.map((s) => s.items.length)).toEqual([9, 8, 7, 4, 5, 8, 2]);
      expect(oit.subIndicators.flatMap((s) => s.items.map((i) => i[0]))).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    }
  });

  it('list 27 OIT items for 2568 and 26 for 2569, in seven sub-indicators, grouping marked inferred', () => {
    const codes = (n: number) => Array.from({ length: n }, (_, i) => `O${i + 1}`);
    const l68 = oitListOf(2568)!;
    const l69 = oitListOf(2569)!;
    expect(l68.subIndicators.flatMap((s) => s.items.map((i) => i[0]))).toEqual(codes(27));
    expect(l69.subIndicators.flatMap((s) => s.items.map((i) => i[0]))).toEqual(codes(26));
    expect(l68.subIndicators.map((s) => s.items.length)).toEqual([4, 7, 2, 3, 4, 4, 3]);
    expect(l69.subIndicators.map((s) => s.items.length)).toEqual([4, 6, 2, 3, 4, 3, 4]);
    for (const l of [l68, l69]) {
      expect(l.grouping).toBe('inferred');
      expect(l.provisional).toBeUndefined();
      // Names a report prints carry no caveat: those live in the data's marks.
      for (const s of l.subIndicators) expect(s.name).not.toMatch(/\(|ทราบ|อนุมาน|ชั่วคราว/);
    }
  });

  it('mark the titles not seen: O2 and O7 in 2568, O2, O6 and O7 in 2569', () => {
    const notSeen = (y: number) => oitListOf(y)!.subIndicators.flatMap((s) => s.items.filter((i) => i[2]?.notSeen).map((i) => i[0]));
    expect(notSeen(2568)).toEqual(['O2', 'O7']);
    expect(notSeen(2569)).toEqual(['O2', 'O6', 'O7']);
  });

  it('make 2570 a provisional copy of 2569, and any later year the latest list, provisional', () => {
    const l70 = oitListFor(2570)!;
    expect(l70.year).toBe(2570);
    expect(l70.list.provisional).toEqual({ basedOn: 2569 });
    expect(l70.list.subIndicators).toEqual(oitListOf(2569)!.subIndicators);
    expect(oitListFor(2575)!.list.provisional).toEqual({ basedOn: 2569 });
    expect(oitListFor(2569)!.list.provisional).toBeUndefined();
    expect(oitListFor(2567)).toMatchObject({ year: 2566, list: { provisional: { basedOn: 2566 } } });
    expect(oitListOf(2562)).toBeUndefined();
    expect(oitListFor(2562)?.year).toBe(2563);
  });

  it('give each item the fiscal year its evidence must cover: stated for 2569 where §5 marks it, else by §8’s rule', () => {
    const items = new Map(oitListOf(2569)!.subIndicators.flatMap((s) => s.items.map((i) => [i[0], i] as const)));
    const of = (code: string) => evidenceYear(items.get(code)!, 2570);
    for (const code of ['O12', 'O14', 'O18', 'O22', 'O24', 'O26']) expect(of(code), code).toEqual({ year: 2569, stated: true });
    expect(of('O11')).toEqual({ year: 2570, stated: true });
    expect(of('O23')).toEqual({ year: 2570, stated: false }); // a plan: the assessment year
    const l68 = new Map(oitListOf(2568)!.subIndicators.flatMap((s) => s.items.map((i) => [i[0], i] as const)));
    expect(evidenceYear(l68.get('O13')!, 2568)).toEqual({ year: 2567, stated: false }); // an annual report: the year before
    expect(evidenceYear(l68.get('O6')!, 2568)).toEqual({ year: 2568, stated: false });
  });

  it('keep the NACC calendar as data, provisional after 2568, the OIT window closing at the end of April', () => {
    const c70 = calendarFor(2570);
    expect(c70.provisional).toBe(true);
    expect(c70.oitCloses).toBe('2027-04-30');
    expect(calendarFor(2568)).toMatchObject({ provisional: false, oitCloses: '2025-04-30' });
    expect(calendarFor(2568).dates.at(-1)).toMatchObject({ from: '2025-08-15', to: '2025-08-15' });
    expect(calendarFor(2572).dates.find((d) => d.what.startsWith('ลงทะเบียน'))).toMatchObject({ from: '2029-01-01', to: '2029-02-28' });
    expect(daysBetween('2026-11-23', '2027-04-30')).toBe(158);
    expect(daysBetween('2027-05-01', '2027-04-30')).toBe(-1);
  });
});
