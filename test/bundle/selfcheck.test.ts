// The development build's self-check: only in dist-dev/, listed in the README,
// and able to run through on the fakes, leaving nothing behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBES, RESULTS } from '../../src/dev/probes';
import { ASSUMPTIONS } from '../harness/assumptions';
import { MIME } from '../harness/drive';
import { DIST, loadBundle, ROOT } from '../harness/harness';

const DEV = join(ROOT, 'dist-dev');

describe('the self-check', () => {
  it('is never in the production bundle', () => {
    const prod = readFileSync(join(DIST, 'ita.js'), 'utf8');
    expect(prod).not.toContain('runSelfCheck');
    expect(prod).not.toContain(RESULTS);
    const h = loadBundle();
    h.call('onOpen');
    expect(h.ui.menus[0]!.items.map((i) => (typeof i === 'object' && 'caption' in i ? i.caption : ''))).not.toContain('ตรวจสอบกับ Google (self-check)');
  });

  it('is one more item in the development build’s menu', () => {
    const h = loadBundle({ dist: DEV });
    h.call('onOpen');
    const items = h.ui.menus[0]!.items.filter((i): i is { caption: string; functionName: string } => typeof i === 'object' && 'caption' in i);
    expect(items.at(-1)).toEqual({ caption: 'ตรวจสอบกับ Google (self-check)', functionName: 'runSelfCheck' });
  });

  it('writes one row per probe and removes its scratch sheet, Doc and folder', () => {
    const h = loadBundle({ dist: DEV });
    h.urlFetch.sites.set('https://drive.google.com/', { status: 302, headers: { Location: 'https://www.google.com/drive/' } });
    const sheetsBefore = h.spreadsheet.getSheets().length;
    h.call('runSelfCheck');
    const results = h.spreadsheet.getSheets().find((s) => s.getName().startsWith(RESULTS))!;
    const rows = results.getDataRange().getValues();
    expect(rows[0]).toEqual(['behaviour', 'expected', 'seen', 'pass/fail']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(PROBES.map((p) => p.behaviour));
    // On the fakes every probe passes: they play the first variant of each switch and the documented behaviour.
    expect(rows.slice(1).filter((r) => !['PASS', 'LOOK'].includes(String(r[3])))).toEqual([]);
    expect(results.images).toHaveLength(2); // the Thai chart and the Thai-digit axis, to look at
    expect(h.spreadsheet.getSheets().length).toBe(sheetsBefore + 1);
    const left = [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed);
    expect(left.map((f) => `${f.name} ${f.mimeType === MIME.folder ? '(folder)' : ''}`)).toEqual([]);
  });

  it('tries every undocumented behaviour the fakes switch on', () => {
    for (const id of Object.keys(ASSUMPTIONS)) expect(PROBES.map((p) => p.behaviour).join('\n'), id).toContain(`[${id}]`);
  });

  it('is listed in the README, probe for probe', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const list = readme.split('<!-- self-check list')[1]!.split('<!-- end of self-check list')[0]!;
    for (const p of PROBES) expect(list).toContain(p.behaviour);
  });

  it('leaves no scratch sheet or file unnamed, and keeps the last results, whichever call fails', () => {
    const clean = loadBundle({ dist: DEV });
    clean.log.fault = { at: Number.POSITIVE_INFINITY, seen: 0 };
    clean.call('runSelfCheck');
    const calls = clean.log.fault.seen;
    expect(calls).toBeGreaterThan(100);
    for (let at = 1; at <= calls; at++) {
      const h = loadBundle({ dist: DEV });
      // The results of an earlier run, which a failed run must not lose.
      h.spreadsheet.insertSheet(RESULTS).getRange(1, 1).setValue('ผลครั้งก่อน');
      h.log.fault = { at, seen: 0 };
      try {
        h.call('runSelfCheck');
      } catch {
        // a failure at the very start or end is the user's to see
      }
      const where = `${h.log.fault.hit?.service}.${h.log.fault.hit?.method} (call ${at})`;
      const shown = h.spreadsheet.getSheets().map((s) => s.getDataRange().getValues().flat().join(' ')).join(' ');
      for (const f of [...h.drive.files.values()].filter((f) => f.byApp && !f.trashed)) expect(shown, `${where}: ${f.name}`).toContain(f.id);
      for (const s of h.spreadsheet.getSheets().filter((s) => s.getName().startsWith('ITA self-check'))) expect(shown, `${where}: ${s.getName()}`).toContain(s.getName());
      expect(h.spreadsheet.getSheets().some((s) => s.getName().startsWith(RESULTS)), where).toBe(true);
    }
  });
});
