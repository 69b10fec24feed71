// Properties of the custom functions, checked on the built bundle against the core.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkFor } from '../../src/core/framework';
import { letterFor, resultFor } from '../../src/core/rating';
import { totalScore } from '../../src/core/scoring';
import { loadBundle, type Harness } from '../harness/harness';

let h: Harness;
beforeAll(() => {
  h = loadBundle();
});

const score = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });
const indicatorRow = fc.array(score, { minLength: 10, maxLength: 10 });
const year = fc.integer({ min: 2562, max: 2568 });
/** The message shape every input error has: Thai, then English, both naming the function. */
const DOCUMENTED = /^ITA_[A-Z_]+: อาร์กิวเมนต์ \w+.* — .+ \| ITA_[A-Z_]+: argument \w+.* — .+$/s;

describe('ITA_SCORE', () => {
  it('lies between the smallest and the largest indicator', () => {
    fc.assert(
      fc.property(indicatorRow, year, (s, y) => {
        const t = h.call('ITA_SCORE', [s], y) as number;
        expect(t).toBeGreaterThanOrEqual(Math.min(...s) - 1e-9);
        expect(t).toBeLessThanOrEqual(Math.max(...s) + 1e-9);
      }),
    );
  });

  it('never falls when one indicator rises', () => {
    fc.assert(
      fc.property(indicatorRow, fc.integer({ min: 0, max: 9 }), score, year, (s, i, x, y) => {
        const raised = [...s];
        raised[i] = Math.max(s[i]!, x);
        expect(h.call('ITA_SCORE', [raised], y) as number).toBeGreaterThanOrEqual((h.call('ITA_SCORE', [s], y) as number) - 1e-9);
      }),
    );
  });

  it('gives the same answers as the core, total and result', () => {
    fc.assert(
      fc.property(fc.array(indicatorRow, { minLength: 1, maxLength: 20 }), year, (rows, y) => {
        const fw = frameworkFor(y);
        const totals = h.call('ITA_SCORE', rows, y);
        const labels = h.call('ITA_LABEL', rows, y);
        const expected = rows.map((r) => [totalScore(r, fw)]);
        expect(rows.length === 1 ? [[totals]] : totals).toEqual(expected);
        expect(rows.length === 1 ? [[labels]] : labels).toEqual(rows.map((r) => [resultFor(r, fw)]));
      }),
    );
  });

  it('answers one value per row', () => {
    fc.assert(
      fc.property(fc.array(indicatorRow, { minLength: 2, maxLength: 30 }), (rows) => {
        const out = h.call('ITA_SCORE', rows) as unknown[][];
        expect(out).toHaveLength(rows.length);
        for (const r of out) expect(r).toHaveLength(1);
      }),
    );
  });
});

describe('element-wise functions', () => {
  it('keep the shape of their input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (rows, cols) => {
        fc.pre(rows * cols > 1);
        const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => 90));
        for (const name of ['ITA_GRADE', 'ITA_PASS', 'ITA_THAI_DIGITS']) {
          const out = h.call(name, grid) as unknown[][];
          expect(out).toHaveLength(rows);
          for (const r of out) expect(r).toHaveLength(cols);
        }
      }),
    );
  });

  it('grade as the core does', () => {
    fc.assert(
      fc.property(score, (s) => {
        expect(h.call('ITA_GRADE', s)).toBe(letterFor(s));
      }),
    );
  });
});

/** Anything a cell could hold, most of it wrong. */
const garbage = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom('', ' ', 'abc', '1,2,3', '12,34', '๑๒๐', '-0', '1e2', 'NaN', 'Infinity', '#N/A', '=1+1', 100.0001, -0.0001),
  fc.date({ noInvalidDate: true }),
);

describe('random garbage', () => {
  it('gets the documented error or the correct total, never a wrong number', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(score, garbage), { minLength: 10, maxLength: 10 }), (cells) => {
        let out: unknown;
        try {
          out = h.call('ITA_SCORE', [cells], 2566);
        } catch (e) {
          expect((e as Error).message).toMatch(DOCUMENTED);
          return;
        }
        if (out === '') {
          expect(cells.every((c) => typeof c === 'string' && c.trim() === '')).toBe(true);
          return;
        }
        // It answered: then every cell must have been a score, by number or by text.
        const parsed = cells.map((c) => (typeof c === 'number' ? c : Number(String(c).trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)))));
        for (const p of parsed) expect(p >= 0 && p <= 100).toBe(true);
        expect(out).toBe(totalScore(parsed, frameworkFor(2566)));
      }),
      { numRuns: 500 },
    );
  });

  it('in a many-row range, marks each bad row and answers each good one', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(score, garbage), { minLength: 10, maxLength: 10 }), indicatorRow, (bad, good) => {
        const out = h.call('ITA_SCORE', [bad, good], 2566) as unknown[][];
        expect(out[1]![0]).toBe(totalScore(good, frameworkFor(2566)));
        const first = out[0]![0];
        if (typeof first === 'string' && first !== '') expect(first.slice(2)).toMatch(DOCUMENTED);
      }),
      { numRuns: 300 },
    );
  });

  it('in ITA_GRADE gets the documented error or the core’s letter', () => {
    fc.assert(
      fc.property(garbage, (v) => {
        try {
          const out = h.call('ITA_GRADE', v);
          if (out !== '') expect(['AA', 'A', 'B', 'C', 'D', 'E', 'F']).toContain(out);
        } catch (e) {
          expect((e as Error).message).toMatch(DOCUMENTED);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('ITA_OIT', () => {
  const item = fc.record({ sub: fc.constantFrom('9.1', '9.2', '9.3', '10.1', '10.2'), met: fc.boolean() });
  it('stays within 0–100', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 60 }), (items) => {
        const [row] = h.call('ITA_OIT', items.map((i) => [i.sub]), items.map((i) => [i.met])) as unknown[][];
        for (const v of row!) {
          if (v === '') continue;
          expect(v as number).toBeGreaterThanOrEqual(0);
          expect(v as number).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('never falls when an item is marked done', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 2, maxLength: 60 }), fc.nat(), (items, k) => {
        const i = k % items.length;
        const done = items.map((x, j) => (j === i ? { ...x, met: true } : x));
        const oit = (xs: typeof items) => (h.call('ITA_OIT', xs.map((x) => [x.sub]), xs.map((x) => [x.met])) as unknown[][])[0]!;
        const [b9, b10, bo] = oit(items);
        const [a9, a10, ao] = oit(done);
        if (b9 !== '') expect(a9 as number).toBeGreaterThanOrEqual(b9 as number);
        if (b10 !== '') expect(a10 as number).toBeGreaterThanOrEqual(b10 as number);
        if (bo !== '') expect(ao as number).toBeGreaterThanOrEqual(bo as number);
      }),
    );
  });
});
