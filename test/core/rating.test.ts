import { describe, expect, it } from 'vitest';
import { labelRules } from '../../src/core/data/indicators';

const LABEL_RULES = labelRules();
import { frameworkFor } from '../../src/core/framework';
import { labelFor, letterFor, passes, resultFor } from '../../src/core/rating';

describe('letter ratings apply to the total rounded to 2 decimals', () => {
  it.each([
    [0, 'F'],
    [49.99, 'F'],
    [49.994, 'F'],
    [49.995, 'E'],
    [50, 'E'],
    [54.99, 'E'],
    [55, 'D'],
    [64.99, 'D'],
    [65, 'C'],
    [74.99, 'C'],
    [75, 'B'],
    [84.99, 'B'],
    [84.994, 'B'],
    [84.995, 'A'],
    [85, 'A'],
    [94.99, 'A'],
    [94.995, 'AA'],
    [95, 'AA'],
    [100, 'AA'],
  ])('%s rates %s', (score, letter) => {
    expect(letterFor(score)).toBe(letter);
  });
});

describe('the pass mark', () => {
  it('is 85 by default and applies to the rounded score', () => {
    expect(passes(84.99)).toBe(false);
    expect(passes(84.995)).toBe(true);
    expect(passes(85)).toBe(true);
  });
  it('can be set', () => {
    expect(passes(80, 80)).toBe(true);
    expect(passes(79.99, 80)).toBe(false);
  });
});

describe('labels from 2566', () => {
  const tools = (IIT: number, EIT: number, OIT: number) => ({ IIT, EIT, OIT });
  it('ผ่านดีเยี่ยม needs a total of 95 and every tool at 95', () => {
    expect(labelFor(96, tools(95, 95, 97.5), LABEL_RULES)).toBe('ผ่านดีเยี่ยม');
    expect(labelFor(96, tools(94.99, 96, 97), LABEL_RULES)).toBe('ผ่านดี');
  });
  it('ผ่านดี needs a total of 85 and every tool at 85', () => {
    expect(labelFor(85, tools(85, 85, 85), LABEL_RULES)).toBe('ผ่านดี');
    expect(labelFor(90, tools(84.99, 90, 93), LABEL_RULES)).toBe('ผ่าน');
  });
  it('ผ่าน needs a total of 85 only', () => {
    expect(labelFor(85, tools(100, 100, 62.5), LABEL_RULES)).toBe('ผ่าน');
    expect(labelFor(84.995, tools(100, 100, 62.49), LABEL_RULES)).toBe('ผ่าน');
  });
  it('ต้องปรับปรุง covers 70 up to 85', () => {
    expect(labelFor(84.99, tools(90, 90, 77.5), LABEL_RULES)).toBe('ต้องปรับปรุง');
    expect(labelFor(70, tools(70, 70, 70), LABEL_RULES)).toBe('ต้องปรับปรุง');
  });
  it('ต้องปรับปรุงโดยด่วน is below 70', () => {
    expect(labelFor(69.99, tools(70, 70, 69.98), LABEL_RULES)).toBe('ต้องปรับปรุงโดยด่วน');
    expect(labelFor(0, tools(0, 0, 0), LABEL_RULES)).toBe('ต้องปรับปรุงโดยด่วน');
  });
  it('a tool score of 94.995 counts as 95', () => {
    expect(labelFor(96, tools(94.995, 96, 97), LABEL_RULES)).toBe('ผ่านดีเยี่ยม');
  });
});

describe('the result of a year', () => {
  const all95 = [95, 95, 95, 95, 95, 95, 95, 95, 95, 95];
  it('is a letter through 2565', () => {
    expect(resultFor(all95, frameworkFor(2562))).toBe('AA');
    expect(resultFor(all95, frameworkFor(2565))).toBe('AA');
  });
  it('is a label from 2566', () => {
    expect(resultFor(all95, frameworkFor(2566))).toBe('ผ่านดีเยี่ยม');
    expect(resultFor(all95, frameworkFor(2568))).toBe('ผ่านดีเยี่ยม');
  });
});
