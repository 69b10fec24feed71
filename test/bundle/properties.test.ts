// Properties of the custom functions, checked on the built bundle against the core.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScoreCell } from '../../src/core/cells';
import { isItaError } from '../../src/core/errors';
import { frameworkFor } from '../../src/core/framework';
import { letterFor, resultFor } from '../../src/core/rating';
import { roundTo } from '../../src/core/round';
import { totalScore } from '../../src/core/scoring';
import { toThaiDigits } from '../../src/core/thai';
import { referenceFixed, tie } from '../core/decimal-reference';
import { SEED_001, SEED_003 } from '../fixtures/seeds';
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

const thrown = (f: () => unknown): { threw: true; message: string } | { threw: false; value: unknown } => {
  try {
    return { threw: false, value: f() };
  } catch (e) {
    return { threw: true, message: (e as Error).message };
  }
};

describe('ITA_NEEDED', () => {
  const hundredth = fc.integer({ min: 0, max: 10000 }).map((k) => k / 100);
  const target = fc.oneof(fc.integer({ min: 0, max: 100 }), hundredth, score);
  it('answers the lowest hundredth whose total, rounded to 2 decimals, reaches the target: a reaches it, a − 0.01 does not', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(score, hundredth), { minLength: 8, maxLength: 8 }), target, year, (eight, goal, y) => {
        const a = h.call('ITA_NEEDED', [[...eight, '', '']], goal, y);
        const rounded = (oit: number) => roundTo(h.call('ITA_SCORE', [[...eight, oit, oit]], y) as number, 2);
        if (typeof a === 'string') {
          expect(rounded(100)).toBeLessThan(goal);
          return;
        }
        expect(typeof a).toBe('number');
        const k = Math.round((a as number) * 100);
        expect(k / 100).toBe(a);
        expect(rounded(k / 100)).toBeGreaterThanOrEqual(goal);
        if (k > 0) expect(rounded((k - 1) / 100)).toBeLessThan(goal);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('ITA_THAI_DIGITS', () => {
  const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
  const decimals = fc.integer({ min: 0, max: 10 });
  it('writes every finite double to 0–10 decimals as a BigInt reference rounds its decimal value, half away from zero', () => {
    const ties = fc.tuple(fc.integer({ min: 0, max: 2 ** 53 - 1 }), decimals, fc.boolean()).map(([m, d, neg]) => [tie(m, d, neg), d] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(anyDouble, decimals), ties), ([x, d]) => {
        expect(h.call('ITA_THAI_DIGITS', x, d)).toBe(toThaiDigits(referenceFixed(x, d)));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes every finite double without decimals as plain Thai digits, never "NaN" or an exponent', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        expect(h.call('ITA_THAI_DIGITS', x)).toMatch(/^-?[๐-๙]+(\.[๐-๙]+)?$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ITA_WEIGHTED', () => {
  it('gives the same mean whatever power of two scales the weights, from subnormal to near the largest double', () => {
    // Scores that are not subnormal: their products with the weights stay exact under any scaling.
    const pair = fc.tuple(fc.oneof(fc.constant(0), fc.double({ min: 1e-290, max: 100, noNaN: true })), fc.integer({ min: 0, max: 100 }));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 6 }), fc.integer({ min: -1066, max: 1016 }), (pairs, k) => {
        fc.pre(pairs.some(([, w]) => w > 0));
        const values = [pairs.map(([v]) => v)];
        const plain = h.call('ITA_WEIGHTED', values, [pairs.map(([, w]) => w)]) as number;
        expect(h.call('ITA_WEIGHTED', values, [pairs.map(([, w]) => w * 2 ** k)])).toBe(plain);
        const exact = pairs.reduce((s, [v, w]) => s + v * w, 0) / pairs.reduce((s, [, w]) => s + w, 0);
        expect(plain).toBeCloseTo(exact, 9);
      }),
      { numRuns: 2000 },
    );
  });
});

/** An error text another ITA function wrote in a cell, with digits and " | " that must survive. */
const warning = fc
  .oneof(
    fc.string(),
    fc.tuple(fc.string(), fc.string(), fc.string()).map((parts) => parts.join(' | ')),
    fc.constant('ITA_SCORE: อาร์กิวเมนต์ indicators แถวที่ 3 คอลัมน์ที่ 4 ของช่วง — ต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120 | ITA_SCORE: argument indicators, row 3, column 4 of the range — must be between 0 and 100, got 120'),
  )
  .map((text) => ({ text, cell: `⚠ ${text}` }));

describe('an error text of another ITA function, in any argument of any ITA function', () => {
  const s = [...SEED_003.scores];
  const at4 = (w: unknown) => [...s.slice(0, 3), w, ...s.slice(4)];
  const needs = [...SEED_001.scores.slice(0, 8), '', ''];
  /** [what, arguments with the warning w in them, where it comes back in a many-cell answer (else thrown)]. */
  const cases: [string, (w: string) => unknown[], [number, number]?][] = [
    ['ITA_SCORE', (w) => [[at4(w)], 2565]],
    ['ITA_SCORE', (w) => [[at4(w), s], 2565], [0, 0]],
    ['ITA_SCORE', (w) => [[s], w]],
    ['ITA_SCORE', (w) => [[s, s], [[2565], [w]]], [1, 0]],
    ['ITA_TOOL_SCORE', (w) => [[s], w]],
    ['ITA_TOOL_SCORE', (w) => [[s, at4(w)], 'OIT'], [1, 0]],
    ['ITA_TOOL_SCORE', (w) => [[s], 'eit', w]],
    ['ITA_LABEL', (w) => [[at4(w)]]],
    ['ITA_LABEL', (w) => [[s, s], [[w], [2566]]], [0, 0]],
    ['ITA_GRADE', (w) => [w]],
    ['ITA_GRADE', (w) => [[[90], [w]]], [1, 0]],
    ['ITA_PASS', (w) => [w]],
    ['ITA_PASS', (w) => [[[w, 90]]], [0, 0]],
    ['ITA_PASS', (w) => [90, w]],
    ['ITA_WEIGHTED', (w) => [[[80, w]], [[1, 1]]]],
    ['ITA_WEIGHTED', (w) => [[[80, 90]], [[1, w]]]],
    ['ITA_THAI_DIGITS', (w) => [w]],
    ['ITA_THAI_DIGITS', (w) => [w, 2]],
    ['ITA_THAI_DIGITS', (w) => [[[1, w]]], [0, 1]],
    ['ITA_THAI_DIGITS', (w) => [[[1, w]], 2], [0, 1]],
    ['ITA_THAI_DIGITS', (w) => [1, w]],
    ['ITA_INDICATOR_NAME', (w) => [w]],
    ['ITA_INDICATOR_NAME', (w) => [[[1], [w]]], [1, 0]],
    ['ITA_INDICATOR_NAME', (w) => [9, w]],
    ['ITA_OIT', (w) => [[['9.1'], [w]], [[1], [1]]]],
    ['ITA_OIT', (w) => [[['9.1'], ['10.1']], [[w], [1]]]],
    ['ITA_NEEDED', (w) => [[at4(w)]]],
    ['ITA_NEEDED', (w) => [[needs, at4(w)]], [1, 0]],
    ['ITA_NEEDED', (w) => [[needs], w]],
    ['ITA_NEEDED', (w) => [[needs], 85, w]],
    ['ITA_PROJECT', (w) => [[at4(w)], [['9.1'], ['10.1']], [[1], [0]]]],
    ['ITA_PROJECT', (w) => [[needs], [[w], ['10.1']], [[1], [0]]]],
    ['ITA_PROJECT', (w) => [[needs], [['9.1'], ['10.1']], [[1], [w]]]],
    ['ITA_PROJECT', (w) => [[needs, needs], [['9.1'], ['10.1']], [[1], [0]], [[w], [2568]]], [0, 0]],
  ];
  it.each(cases.map(([fn, args, cell], i) => [`${fn} #${i + 1}`, fn, args, cell] as const))('%s passes it on unchanged', (_name, fn, args, cell) => {
    fc.assert(
      fc.property(warning, ({ text, cell: w }) => {
        const out = thrown(() => h.call(fn, ...args(w)));
        if (cell) {
          expect(out.threw).toBe(false);
          expect(out.threw ? undefined : (out.value as unknown[][])[cell[0]]![cell[1]]).toBe(w);
        } else {
          expect(out).toEqual({ threw: true, message: text });
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('a score cell', () => {
  const cell = fc.oneof(
    score,
    garbage,
    fc.constantFrom(' ', ' 86 ', '\t90\u00a0', true, false, 'TRUE', '1e1', '๘๖.๑๙', '0,086', '1,234.5', NaN, -1, 100.5, '⚠ a | b', '+5', '.5', '5.'),
  );
  it('is read by ITA_SCORE exactly as parseScoreCell reads it: a number, blank, or its error', () => {
    fc.assert(
      fc.property(cell, fc.integer({ min: 0, max: 9 }), (c, i) => {
        const cells: unknown[] = [...SEED_003.scores];
        cells[i] = c;
        const parsed = parseScoreCell(c);
        const out = thrown(() => h.call('ITA_SCORE', [cells], 2566));
        if (typeof parsed === 'number') {
          const scores = [...SEED_003.scores];
          scores[i] = parsed;
          expect(out).toEqual({ threw: false, value: totalScore(scores, frameworkFor(2566)) });
        } else if (parsed === undefined) {
          expect(out.threw && out.message).toContain(`column ${i + 1} of the range — this cell is blank`);
        } else if (isItaError(parsed) && parsed.located) {
          expect(out).toEqual({ threw: true, message: parsed.message });
        } else {
          expect(out.threw && out.message).toContain(`คอลัมน์ที่ ${i + 1} ของช่วง — ${parsed.th} | `);
          expect(out.threw && out.message).toContain(`column ${i + 1} of the range — ${parsed.en}`);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
