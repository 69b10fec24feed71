import { describe, expect, it } from 'vitest';
import { array, length, literal, number, object, optional, string, tuple, union, enum as zEnum, int, minimum, maximum } from 'zod/mini';
import { oitListFor, oitListOf } from '../../src/core/data/oit';
import { defaultYear, frameworkFor, frameworks, lastYear, latestYear, supportedYear } from '../../src/core/framework';

// Schemas for the data, so a mistyped year or item fails here, not in a user's sheet.
function oitSchema() {
  return object({
    coverage: zEnum(['complete', 'partial']),
    provenance: zEnum(['seed', 'checked', 'inferred']),
    subIndicators: array(object({ code: string(), name: string(), items: array(tuple([string(), string()])) })),
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
    for (const y of [2563, 2564, 2565, 2566, 2568]) expect(oitSchema().safeParse(oitListOf(y)).success, `year ${y}`).toBe(true);
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

  it('mark the 2568 OIT list as partial', () => {
    expect(oitListOf(2568)?.coverage).toBe('partial');
    expect(oitListOf(2562)).toBeUndefined();
    expect(oitListFor(2570)?.year).toBe(2568);
    expect(oitListFor(2562)?.year).toBe(2563);
  });
});
