import { describe, expect, it } from 'vitest';
import { frameworkFor } from '../../src/core/framework';
import { resultFor } from '../../src/core/rating';
import { roundTo } from '../../src/core/round';
import { toolScores, totalScore } from '../../src/core/scoring';
import { SEED_000, SEED_001, SEED_003 } from '../fixtures/seeds';

describe('the published seeds reproduce', () => {
  it('seed 000 (2565) totals 86.19 within 0.01 and rates A', () => {
    const fw = frameworkFor(SEED_000.year);
    const total = totalScore(SEED_000.scores, fw);
    expect(Math.abs(total - SEED_000.total)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(roundTo(total, 2)).toBe(86.18); // recomputed from rounded indicators (ITA-METHOD §3)
    expect(resultFor(SEED_000.scores, fw)).toBe('A');
  });

  it('seed 001 (2568) totals 80.77 and is labelled ต้องปรับปรุง', () => {
    const fw = frameworkFor(SEED_001.year);
    expect(roundTo(totalScore(SEED_001.scores, fw), 2)).toBe(80.77);
    expect(resultFor(SEED_001.scores, fw)).toBe('ต้องปรับปรุง');
  });

  it('seed 003 (2565) totals 87.99 and rates A', () => {
    const fw = frameworkFor(SEED_003.year);
    expect(roundTo(totalScore(SEED_003.scores, fw), 2)).toBe(87.99);
    expect(resultFor(SEED_003.scores, fw)).toBe('A');
  });

  it('seed 003 tool scores are the means of their indicators', () => {
    const t = toolScores(SEED_003.scores, frameworkFor(2565));
    expect(t.IIT).toBeCloseTo(86.018, 10);
    expect(t.EIT).toBeCloseTo(81.17333333333333, 10);
    expect(t.OIT).toBeCloseTo(94.57, 10);
  });
});
