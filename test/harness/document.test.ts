// The Document fake behaves like DocumentApp for the calls the report code makes.
import { describe, expect, it } from 'vitest';
import { FakeDocument, FakeParagraph, FakeTable, renderHtml } from './document';

function sample(): FakeDocument {
  const d = new FakeDocument('t1', 'แม่แบบ');
  d.getBody().appendParagraph('หัวเรื่อง {{ปี}}').setHeading('HEADING1').setAlignment('CENTER');
  const t = d.getBody().appendTable([
    ['ลำดับ', 'มาตรการ'],
    ['{{แถวซ้ำ:มาตรการ}}{{ลำดับ}}', '{{มาตรการ}}'],
  ]);
  t.getRow(1).getCell(0).setWidth(40).setBackgroundColor('#eeeeee');
  d.addFooter().appendParagraph('ท้าย {{ปี}}');
  return d;
}

describe('the Document fake', () => {
  it('copies a document detached from its template', () => {
    const t = sample();
    const c = t.copyAs('c1', 'สำเนา');
    (c.getBody().getChild(0) as FakeParagraph).setText('เปลี่ยน');
    expect(t.getBody().getChild(0).getText()).toBe('หัวเรื่อง {{ปี}}');
    expect(c.getFooter()?.getText()).toBe('ท้าย {{ปี}}');
  });

  it('copies a table row with its cells’ formatting, inserts it and removes the template row', () => {
    const table = sample().getBody().getChild(1) as FakeTable;
    const row = table.getRow(1);
    for (let i = 0; i < 3; i++) table.insertTableRow(1 + i, row.copy());
    table.removeRow(4);
    expect(table.getNumRows()).toBe(4);
    expect(table.getRow(3).getCell(0).width).toBe(40);
    expect(table.getRow(3).getCell(0).background).toBe('#eeeeee');
    expect(table.getRow(2).getText()).toBe('{{แถวซ้ำ:มาตรการ}}{{ลำดับ}}\t{{มาตรการ}}');
  });

  it('edits text by UTF-16 offsets in place', () => {
    const p = sample().getBody().getChild(0) as FakeParagraph;
    const t = p.editAsText();
    const at = p.getText().indexOf('{{ปี}}');
    t.deleteText(at, at + '{{ปี}}'.length - 1);
    t.insertText(at, '๒๕๖๘');
    expect(p.getText()).toBe('หัวเรื่อง ๒๕๖๘');
    expect(() => t.deleteText(5, 100)).toThrow('out of bounds');
  });

  it('renders as HTML, user text as text', () => {
    const d = new FakeDocument('x', 'ทดสอบ');
    d.getBody().appendParagraph('<img src=x onerror=alert(1)>');
    const html = renderHtml(d);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });
});
