import { describe, expect, it } from 'vitest';
import { measuresYearOf, servedItem } from '../../src/core/report/served';

describe('the OIT item a report serves (ITA-METHOD.md §5)', () => {
  it('is O42 for analyses read in 2563–2566, O27 in 2568 and O25 from 2569, the year after the results analysed', () => {
    expect(servedItem('analysis', 2565)).toMatchObject({ ita: 2566, code: 'O42' });
    expect(servedItem('analysis', 2567)).toMatchObject({ ita: 2568, code: 'O27' });
    expect(servedItem('analysis', 2568)).toMatchObject({ ita: 2569, code: 'O25', provisional: false });
    expect(servedItem('analysis', 2569)).toMatchObject({ ita: 2570, code: 'O25', provisional: true });
    expect(servedItem('analysis', 2566)).toBeUndefined(); // 2567's list is not known
  });

  it('is O43 of the same year through 2566, and O26 of the next year from 2569 (a report on the year before)', () => {
    expect(servedItem('progress', 2566)).toMatchObject({ ita: 2566, code: 'O43' });
    expect(servedItem('progress', 2568)).toMatchObject({ ita: 2569, code: 'O26' });
    expect(servedItem('progress', 2567)).toBeUndefined();
    expect(servedItem('oit', 2569)).toBeUndefined();
    // ITA-METHOD §5 names no item for the memo or the announcement: none is claimed.
    for (const year of [2566, 2568, 2569, 2570]) expect([servedItem('memo', year), servedItem('announcement', year)]).toEqual([undefined, undefined]);
  });

  it('sets the measures of the year after the results for an analysis, the same year otherwise', () => {
    expect(measuresYearOf('analysis', 2568)).toBe(2569);
    expect(measuresYearOf('progress', 2569)).toBe(2569);
  });
});
