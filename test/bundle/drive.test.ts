// The drive layer under drive.file: the year's folder is made once, a passing
// Drive failure never makes a second one, and trashing a folder trashes what
// is in it (as Drive does).
import { describe, expect, it } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import { seededHarness } from '../../scripts/preview';
import { MIME } from '../harness/drive';
import type { Harness } from '../harness/harness';

const generate = (h: Harness, kind = 'analysis'): ReportDone => h.call('sidebarCall', 'generateReport', { kind, fiscalYear: 2568, digits: 'thai', pdf: false }) as ReportDone;
const folders = (h: Harness) => [...h.drive.files.values()].filter((f) => f.mimeType === MIME.folder && f.byApp && !f.trashed);

describe('the report folder', () => {
  it('is not made a second time when Drive fails while checking it', () => {
    const h = seededHarness();
    expect(generate(h)).toMatchObject({ ok: true });
    h.log.fault = { at: 1, seen: 0, where: (c) => c.service === 'Files' && c.method === 'get' };
    const failed = generate(h, 'progress');
    expect(failed).toMatchObject({ ok: false });
    expect(generate(h, 'progress')).toMatchObject({ ok: true });
    expect(folders(h)).toHaveLength(1);
  });

  it('takes what is in it to the trash when the user trashes it, and is made again', () => {
    const h = seededHarness();
    const r = generate(h);
    if (!r.ok) throw new Error(r.message.th);
    const id = r.folder.url.split('/folders/')[1]!;
    h.run(`Drive.Files.update({ trashed: true }, ${JSON.stringify(id)})`);
    expect(h.drive.childrenOf(id)).toEqual([]);
    expect(generate(h, 'progress')).toMatchObject({ ok: true });
    expect(folders(h)).toHaveLength(1);
  });
});
