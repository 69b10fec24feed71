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

const api = <T>(h: Harness, method: string, req: unknown = {}): T => h.call('sidebarCall', method, req) as T;
type State = { templates: Record<string, { id: string }>; unreachable: string[]; folders: { year: number; name: string; url: string }[] };

describe('two people in one workbook', () => {
  it('each get a folder of their own, and neither replaces the other’s', () => {
    const h = seededHarness();
    const a = generate(h);
    h.session.email = 'second@huaytoei.go.th';
    expect(api<State>(h, 'reportState').folders.find((f) => f.year === 2568)?.url).toBe('');
    const b = generate(h);
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(b.folder.url).not.toBe(a.folder.url);
    h.session.email = 'staff@huaytoei.go.th';
    const again = generate(h, 'progress');
    expect(again.ok && again.folder.url).toBe(a.folder.url);
    expect(folders(h)).toHaveLength(2);
  });

  it('see a template the other made but did not share as one that cannot be opened, and the report says so', () => {
    const h = seededHarness();
    const doc = h.drive.addDocument('แม่แบบของผู้อื่น');
    doc.body.appendParagraph('{{ชื่อหน่วยงาน}}');
    doc.body.appendTable([['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    expect(api(h, 'setTemplate', { kind: 'progress', url: `https://docs.google.com/document/d/${doc.id}/edit` })).toMatchObject({ ok: true });
    h.drive.forbidden.add(doc.id); // not shared with the second person
    h.session.email = 'second@huaytoei.go.th';
    expect(api<State>(h, 'reportState').unreachable).toEqual(['progress']);
    expect(generate(h, 'progress')).toMatchObject({ ok: false, message: { th: expect.stringContaining('เปิดด้วยบัญชีนี้ไม่ได้') } });
    expect(api(h, 'createTemplate', { kind: 'progress' })).toMatchObject({ ok: true });
    expect(generate(h, 'progress')).toMatchObject({ ok: true });
  });
});

describe('failures around the folder and the template', () => {
  it('removes a folder made for a template that then failed, and says so', () => {
    const h = seededHarness();
    h.log.fault = { at: 2, seen: 0, where: (c) => c.method === 'setProperty' };
    const r = api<{ ok: boolean; message?: { th: string } }>(h, 'createTemplate', { kind: 'analysis' });
    expect(r.ok).toBe(false);
    expect(r.message?.th).toContain('ได้ลบไฟล์ที่สร้างค้างไว้แล้ว');
    expect([...h.drive.files.values()].filter((f) => f.byApp && !f.trashed)).toEqual([]);
  });

  it('names the default template it keeps when the report itself then fails', () => {
    const h = seededHarness();
    // The folder and the template are made; the report, Drive's copy of the template, fails.
    h.log.fault = { at: 1, seen: 0, where: (c) => c.service === 'Files' && c.method === 'copy' };
    const r = generate(h);
    expect(r.ok).toBe(false);
    const template = [...h.drive.files.values()].find((f) => f.byApp && !f.trashed && f.mimeType === MIME.doc)!;
    expect(!r.ok && r.message.th).toContain('เก็บไว้ใช้ต่อ');
    expect(!r.ok && r.message.th).toContain(`"${template.name}" https://docs.google.com/document/d/${template.id}/edit`);
    expect(!r.ok && r.message.th).not.toContain('ยังไม่ได้สร้างไฟล์ใด');
  });

  it('makes a new default template when the user trashed their own, and says why', () => {
    for (const openTrashedDoc of ['opens', 'throws'] as const) {
      const h = seededHarness(undefined, { assume: { openTrashedDoc } });
      const first = generate(h);
      if (!first.ok) throw new Error('refused');
      h.run(`Drive.Files.update({ trashed: true }, ${JSON.stringify(first.template.id)})`);
      const r = generate(h);
      expect(r.ok && r.template.id, openTrashedDoc).not.toBe(first.template.id);
      expect(r.ok && r.notes.join(' '), openTrashedDoc).toContain('แม่แบบเดิมอยู่ในถังขยะหรือถูกลบ');
    }
  });
});

describe('the report log', () => {
  it('says when the log sheet is missing, or has none of its headers, instead of writing nothing silently', () => {
    const h = seededHarness();
    const log = h.spreadsheet.getSheetByName('รายงานที่สร้าง')!;
    log.getRange(1, 1, 1, log.getLastColumn()).setValues([Array.from({ length: log.getLastColumn() }, (_, i) => `คอลัมน์ ${i + 1}`)]);
    const renamed = generate(h);
    expect(renamed.ok && renamed.notes.join(' ')).toContain('จึงไม่ได้บันทึกรายงานนี้ไว้');
    expect(log.getLastRow()).toBe(1);
    h.spreadsheet.deleteSheet(log as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    const missing = generate(h, 'progress');
    expect(missing.ok && missing.notes.join(' ')).toContain('ไม่มีชีต "รายงานที่สร้าง"');
  });
});

describe('how a report is made from its template (issue 11)', () => {
  it('is Drive’s whole copy of the user’s own template, so what the Document service cannot make (page numbers, a first page’s own header) stays', () => {
    const h = seededHarness();
    const first = generate(h);
    if (!first.ok) throw new Error('refused');
    const template = h.drive.docs.get(first.template.id)!;
    // A line only the template has, as a page-number field would be: the copy carries it without the add-on reading it.
    template.footer!.appendParagraph('หน้า ๑');
    const before = h.log.length;
    const r = generate(h);
    if (!r.ok) throw new Error('refused');
    const made = h.log.slice(before);
    expect(made.filter((c) => c.service === 'Files' && c.method === 'copy')).toHaveLength(1);
    expect(made.filter((c) => c.service === 'Files' && c.method === 'create')).toHaveLength(0);
    expect(h.drive.docs.get(r.url.split('/d/')[1]!.split('/')[0]!)!.footer!.getText()).toContain('หน้า ๑');
  });

  it('is copied element by element from a unit’s template shared by link, which Drive does not let the add-on copy', () => {
    const h = seededHarness();
    const own = h.drive.addDocument('แม่แบบของหน่วยงาน');
    own.body.getChild(0).asParagraph().setText('{{ชื่อหน่วยงาน}}');
    own.body.appendTable([['{{แถวซ้ำ:ตัวชี้วัด}}{{คะแนน}}'], ['{{แถวซ้ำ:มาตรการ}}{{มาตรการ/แนวทาง}}']]);
    h.properties.document.setProperty('ita.template.analysis', own.id);
    const before = h.log.length;
    const r = generate(h);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const made = h.log.slice(before);
    // Drive's copy is tried once (404 under drive.file), then a new Doc is filled from the template.
    expect(made.filter((c) => c.service === 'Files' && c.method === 'copy')).toHaveLength(1);
    expect(made.filter((c) => c.service === 'Files' && c.method === 'create').length).toBeGreaterThan(0);
    expect([...h.drive.files.values()].filter((f) => f.byApp && f.mimeType === MIME.doc && !f.trashed)).toHaveLength(1);
    expect(h.drive.docs.get(r.url.split('/d/')[1]!.split('/')[0]!)!.body.getText()).toContain('องค์การบริหารส่วนตำบลห้วยเตย');
  });
});
