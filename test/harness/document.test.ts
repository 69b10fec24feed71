// The Document and Charts fakes behave as Google's reference documents, and
// play each variant of what it leaves undocumented (./assumptions).
import { describe, expect, it } from 'vitest';
import { resolve, type Variants } from './assumptions';
import { FakeBlob, FakeCharts, FakeContainer, FakeDataTableBuilder, FakeDocument, FakeDocumentApp, FakeListItem, FakeParagraph, FakeTable, renderHtml } from './document';

/** A new Doc as Google makes one: a body of one empty paragraph, no header or footer. */
function newDoc(assume: Variants = {}): FakeDocument {
  const d = new FakeDocument('d1', 'ทดสอบ');
  d.assume = resolve(assume);
  d.body.appendParagraph('');
  return d;
}

const image = (width = 720, height = 400) => new FakeBlob('<svg/>', 'image/png', 'chart.png', { width, height });
const shape = (c: FakeContainer) => c.children.map((b) => (b instanceof FakeTable ? 'T' : b.text === '' ? '·' : b.text));

function sample(): FakeDocument {
  const d = newDoc({ newHeaderParagraph: 'no child' });
  d.getBody().appendParagraph('หัวเรื่อง {{ปี}}').setHeading('HEADING1').setAlignment('CENTER');
  const t = d.getBody().appendTable([
    ['ลำดับ', 'มาตรการ'],
    ['{{แถวซ้ำ:มาตรการ}}{{ลำดับ}}', '{{มาตรการ}}'],
  ]);
  t.getRow(1).getCell(0).setWidth(40).setBackgroundColor('#eeeeee');
  d.addFooter().appendParagraph('ท้าย {{ปี}}');
  return d;
}

describe('a section and appendTable', () => {
  it('appends an empty paragraph after a table appended to a body, header or footer, since a document cannot end with a table', () => {
    const d = newDoc({ newHeaderParagraph: 'no child' });
    for (const section of [d.getBody(), d.addHeader(), d.addFooter()]) {
      const t = section.appendTable([['ก']]);
      expect(t.getNextSibling()).toBeInstanceOf(FakeParagraph);
      expect((t.getNextSibling() as FakeParagraph).getText()).toBe('');
      expect(section.getChild(section.getNumChildren() - 1)).toBe(t.getNextSibling());
    }
    expect(shape(d.body)).toEqual(['·', 'T', '·']);
  });

  it('appends a copied table, and refuses a table that still has a parent', () => {
    const d = newDoc();
    const t = d.body.appendTable([['ก', 'ข']]);
    expect(() => d.body.appendTable(t)).toThrow('Element must be detached.');
    const c = d.body.appendTable(t.copy());
    expect(c.getText()).toBe('ก\tข');
    expect(shape(d.body)).toEqual(['·', 'T', '·', 'T', '·']);
  });

  it('does not fake a table appended to a cell (Google does not say whether a paragraph follows)', () => {
    const t = newDoc().body.appendTable([['ก']]);
    expect(() => t.getRow(0).getCell(0).appendTable([['ข']])).toThrow('not faked');
  });

  it('inserts a table with no paragraph, one after or one before it, as the insertTableParagraph switch says', () => {
    for (const [how, expected] of [['none', ['P', 'T', 'P']], ['one after', ['P', 'T', '·', 'P']], ['one before', ['P', '·', 'T', 'P']]] as const) {
      const d = newDoc({ insertTableParagraph: how });
      d.body.getChild(0).asParagraph().setText('ก');
      d.body.appendParagraph('ข');
      const t = d.body.insertTable(1, FakeTable.of([['x']]));
      expect(shape(d.body).map((s) => (s === '·' ? '·' : s === 'T' ? 'T' : 'P')), how).toEqual(expected);
      expect(t.getText()).toBe('x');
    }
  });

  it('puts a body page break in a paragraph of its own, and refuses one in a table cell', () => {
    const d = newDoc();
    const pb = d.body.appendPageBreak();
    expect(pb.getParent()).toBe(d.body.getChild(1));
    const cellParagraph = d.body.appendTable([['ก']]).getRow(0).getCell(0).getChild(0) as FakeParagraph;
    expect(() => cellParagraph.appendPageBreak()).toThrow();
  });
});

describe('removing elements', () => {
  it('never removes the paragraph right before a table', () => {
    const d = newDoc();
    d.body.appendTable([['ก']]);
    expect(() => d.body.getChild(0).removeFromParent()).toThrow("Can't remove the paragraph before a table.");
    expect(shape(d.body)).toEqual(['·', 'T', '·']);
  });

  it('never leaves a section without its last paragraph: not after a table, not the only one', () => {
    for (const removeLastParagraph of ['throws', 'allowed after a paragraph'] as const) {
      const d = newDoc({ removeLastParagraph });
      expect(() => d.body.getChild(0).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
      d.body.appendTable([['ก']]);
      expect(() => d.body.removeChild(d.body.getChild(2))).toThrow("Can't remove the last paragraph in a document section.");
      const cell = (d.body.getChild(1) as FakeTable).getRow(0).getCell(0);
      expect(() => cell.getChild(0).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    }
  });

  it('removes a last paragraph that follows a paragraph only under removeLastParagraph "allowed after a paragraph"', () => {
    const strict = newDoc({ removeLastParagraph: 'throws' });
    strict.body.appendParagraph('ท้าย');
    expect(() => strict.body.getChild(1).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    const lenient = newDoc({ removeLastParagraph: 'allowed after a paragraph' });
    lenient.body.appendParagraph('ท้าย').removeFromParent();
    expect(shape(lenient.body)).toEqual(['·']);
  });

  it('removes any other paragraph, and a whole table', () => {
    const d = newDoc();
    d.body.appendParagraph('ก');
    const t = d.body.appendTable([['ข']]);
    d.body.getChild(0).removeFromParent();
    t.removeFromParent();
    expect(shape(d.body)).toEqual(['ก', '·']);
    expect(t.getParent()).toBeNull();
  });
});

describe('Text', () => {
  it('edits by UTF-16 offsets in place', () => {
    const p = sample().getBody().getChild(1) as FakeParagraph;
    const t = p.editAsText();
    const at = p.getText().indexOf('{{ปี}}');
    t.insertText(at, '๒๕๖๘');
    t.deleteText(at + 4, at + 4 + '{{ปี}}'.length - 1);
    expect(p.getText()).toBe('หัวเรื่อง ๒๕๖๘');
  });

  it('refuses offsets outside the text', () => {
    const t = new FakeParagraph('ก').editAsText();
    expect(() => t.deleteText(0, 1)).toThrow('out of bounds');
    expect(() => t.deleteText(-1, 0)).toThrow('out of bounds');
    expect(() => t.insertText(2, 'x')).toThrow('out of bounds');
    expect(() => t.setLinkUrl(0, 1, 'https://x.th')).toThrow('out of bounds');
  });

  it('inserts at the very end only under insertTextAtEnd "allowed"; appendText always adds at the end', () => {
    for (const insertTextAtEnd of ['allowed', 'throws'] as const) {
      const p = newDoc({ insertTextAtEnd }).body.appendParagraph('ก');
      const t = p.editAsText();
      if (insertTextAtEnd === 'allowed') t.insertText(1, 'ข');
      else expect(() => t.insertText(1, 'ข')).toThrow('out of bounds');
      t.appendText('ค');
      expect(p.getText()).toBe(insertTextAtEnd === 'allowed' ? 'กขค' : 'กค');
    }
  });

  it('refuses to split a surrogate pair', () => {
    const t = new FakeParagraph('a😀b').editAsText();
    expect(() => t.deleteText(1, 1)).toThrow('surrogate');
    expect(() => t.insertText(2, 'x')).toThrow('surrogate');
    t.deleteText(1, 2);
    expect(t.getText()).toBe('ab');
  });

  it('keeps links on their text as text is inserted and deleted before them', () => {
    const p = new FakeParagraph('ดู {{ลิงก์}} ที่นี่');
    const t = p.editAsText();
    t.setLinkUrl(p.text.indexOf('ที่นี่'), p.text.length - 1, 'https://a.th');
    t.deleteText(3, 11);
    t.insertText(3, 'https://b.th');
    t.setLinkUrl(3, 14, 'https://b.th');
    expect(p.links).toEqual([
      { start: 3, end: 14, url: 'https://b.th' },
      { start: 16, end: 21, url: 'https://a.th' },
    ]);
    expect(renderHtml(Object.assign(newDoc(), { body: Object.assign(new FakeContainer('BODY_SECTION'), { children: [p] }) }))).toContain('<a href="https://b.th">https://b.th</a> <a href="https://a.th">ที่นี่</a>');
  });

  it('holds a link as each character’s: a range set again takes the new URL, and touching runs of one URL are one link', () => {
    const p = new FakeParagraph('ABCDEFGHIJ');
    const t = p.editAsText();
    t.setLinkUrl(0, 5, 'https://a.th');
    t.setLinkUrl(3, 7, 'https://b.th');
    expect(p.links).toEqual([
      { start: 0, end: 2, url: 'https://a.th' },
      { start: 3, end: 7, url: 'https://b.th' },
    ]);
    t.setLinkUrl(8, 9, 'https://b.th');
    expect(p.links).toEqual([
      { start: 0, end: 2, url: 'https://a.th' },
      { start: 3, end: 9, url: 'https://b.th' },
    ]);
    expect([t.getLinkUrl(2), t.getLinkUrl(9)]).toEqual(['https://a.th', 'https://b.th']);
  });

  it('reads a cell of several paragraphs as their texts joined by a newline, and edits each in place', () => {
    const cell = newDoc().body.appendTable([['ก{{x}}']]).getRow(0).getCell(0);
    cell.appendParagraph('ข{{y}}');
    const t = cell.editAsText();
    expect(t.getText()).toBe('ก{{x}}\nข{{y}}');
    t.deleteText(8, 12);
    t.appendText('2');
    t.deleteText(1, 5);
    t.insertText(1, '1');
    expect(cell.getText()).toBe('ก1\nข2');
    expect(() => t.deleteText(1, 3)).toThrow('not faked');
  });

  it('keeps a "\\n" as a line break, or starts a new paragraph with the same formatting, by newlineInText', () => {
    const one = newDoc({ newlineInText: 'line break' }).body.appendParagraph('ก');
    one.editAsText().appendText('\nข');
    expect(one.getParent()!.kids()).toHaveLength(2);
    expect(one.getText()).toBe('ก\nข');
    const d = newDoc({ newlineInText: 'new paragraph' });
    const p = d.body.appendParagraph('ก-ค').setAlignment('CENTER');
    p.appendInlineImage(image());
    p.editAsText().insertText(1, '\nข\n');
    expect(shape(d.body)).toEqual(['·', 'ก', 'ข', '-ค']);
    const last = d.body.getChild(3) as FakeParagraph;
    expect([last.getAlignment(), last.images.length, p.images.length]).toEqual(['CENTER', 1, 0]);
  });
});

describe('Paragraph', () => {
  it('clears images, links and a page break when its text is set', () => {
    const d = newDoc();
    const p = d.body.appendParagraph('ก');
    p.appendInlineImage(image());
    p.editAsText().setLinkUrl(0, 0, 'https://a.th');
    p.appendPageBreak();
    p.setText('ข');
    expect([p.images.length, p.links.length, p.pageBreak]).toEqual([0, 0, undefined]);
  });

  it('makes an inline image at the size of the image, child of the paragraph', () => {
    const p = newDoc().body.appendParagraph('');
    const img = p.appendInlineImage(image(720, 520));
    expect([img.getWidth(), img.getHeight(), img.getParent()]).toEqual([720, 520, p]);
    expect(() => p.appendInlineImage(new FakeBlob('x', 'text/plain'))).toThrow();
  });

  it('copies detached and deep, and sets BOLD, FONT_FAMILY and FONT_SIZE from attributes', () => {
    const p = newDoc().body.appendParagraph('ก').setAttributes({ BOLD: true, FONT_FAMILY: 'Sarabun', FONT_SIZE: 16 });
    p.appendInlineImage(image());
    const c = p.copy();
    expect(c.getParent()).toBeNull();
    expect([c.style, c.images.length, c.images[0] === p.images[0]]).toEqual([{ bold: true, fontFamily: 'Sarabun', fontSize: 16 }, 1, false]);
  });
});

describe('ListItem', () => {
  it('is appended to a body, header, footer or cell as a LIST_ITEM, and casts as a list item only', () => {
    const d = newDoc({ newHeaderParagraph: 'no child' });
    const cell = d.body.appendTable([['ก']]).getRow(0).getCell(0);
    for (const c of [d.body, d.addHeader(), d.addFooter(), cell]) {
      const li = c.appendListItem('ข้อ {{ปี}}');
      expect([li.getType(), li.getText(), li.getParent(), li.getNestingLevel(), c.getChild(c.getNumChildren() - 1)]).toEqual(['LIST_ITEM', 'ข้อ {{ปี}}', c, 0, li]);
      expect(li.asListItem()).toBe(li);
      expect(() => li.asParagraph()).toThrow('Cannot cast LIST_ITEM to PARAGRAPH.');
    }
    expect(() => d.body.getChild(0).asListItem()).toThrow('Cannot cast PARAGRAPH to LIST_ITEM.');
    expect(String(new FakeDocumentApp(undefined as never).ElementType.LIST_ITEM)).toBe('LIST_ITEM');
  });

  it('edits its text in place, and turns a new-line character into a line break whatever newlineInText says', () => {
    for (const newlineInText of ['line break', 'new paragraph'] as const) {
      const d = newDoc({ newlineInText });
      const li = d.body.appendListItem('ก {{x}} ข');
      li.editAsText().deleteText(2, 6).insertText(2, 'หนึ่ง\nสอง');
      expect([li.getText(), d.body.getNumChildren()]).toEqual(['ก หนึ่ง\rสอง ข', 2]);
      expect(d.body.appendListItem('ค\nง').getText()).toBe('ค\rง');
    }
  });

  it('copies detached and deep with its glyph and nesting level, and is appended as a copy', () => {
    const d = newDoc();
    const li = d.body.appendListItem('ก').setGlyphType('NUMBER').setNestingLevel(1);
    li.appendInlineImage(image());
    const c = li.copy();
    expect(c).toBeInstanceOf(FakeListItem);
    expect([c.getParent(), c.getGlyphType(), c.getNestingLevel(), c.images.length, c.images[0] === li.images[0]]).toEqual([null, 'NUMBER', 1, 1, false]);
    expect(() => d.body.appendListItem(li)).toThrow('Element must be detached.');
    expect(d.body.appendListItem(c).getParent()).toBe(d.body);
    expect(renderHtml(d)).toContain('list-style-type:decimal');
  });
});

describe('tables', () => {
  it('copies a table row with its cells’ formatting, inserts it and removes the template row', () => {
    const table = sample().getBody().getChild(2) as FakeTable;
    const row = table.getRow(1);
    for (let i = 0; i < 3; i++) expect(table.insertTableRow(1 + i, row.copy()).getParent()).toBe(table);
    expect(table.removeRow(4)).toBe(row);
    expect(table.getNumRows()).toBe(4);
    expect(table.getRow(3).getCell(0).width).toBe(40);
    expect(table.getRow(3).getCell(0).background).toBe('#eeeeee');
    expect(table.getRow(2).getText()).toBe('{{แถวซ้ำ:มาตรการ}}{{ลำดับ}}\t{{มาตรการ}}');
  });

  it('sets the width of a whole column from one cell', () => {
    const t = newDoc().body.appendTable([
      ['ก', 'ข'],
      ['ค', 'ง'],
    ]);
    t.getRow(0).getCell(1).setWidth(120);
    expect(t.rows.map((r) => r.cells.map((c) => c.width))).toEqual([
      [undefined, 120],
      [undefined, 120],
    ]);
  });

  it('sets its border width in points, keeps it in a copy, and draws a table of width 0 without rules', () => {
    const d = newDoc();
    const t = d.body.appendTable([['ความเห็น'], ['(ลงชื่อ)']]);
    expect(t.getBorderWidth()).toBe(1);
    expect(t.setBorderWidth(0)).toBe(t);
    expect(t.copy().getBorderWidth()).toBe(0);
    expect(() => t.setBorderWidth(-1)).toThrow('Invalid border width');
    expect(renderHtml(d)).toMatch(/<table data-table="1" class="plain"/);
    d.saveAndClose();
    expect(() => t.setBorderWidth(1)).toThrow('Document is closed');
  });

  it('refuses to remove a table’s last row, and a row that still has a parent', () => {
    const t = newDoc().body.appendTable([['ก']]);
    expect(() => t.removeRow(0)).toThrow("Can't remove the last row of a table.");
    expect(() => t.insertTableRow(0, t.getRow(0))).toThrow('Element must be detached.');
  });

  it('formats a whole row or table through its Text, and copies a cell with its nested content', () => {
    const t = newDoc().body.appendTable([
      ['ก', 'ข'],
      ['ค', 'ง'],
    ]);
    t.editAsText().setAttributes({ FONT_SIZE: 14 });
    t.getRow(0).editAsText().setBold(true);
    const p = (r: number, k: number) => t.getRow(r).getCell(k).getChild(0) as FakeParagraph;
    expect([p(0, 1).style, p(1, 0).style]).toEqual([{ fontSize: 14, bold: true }, { fontSize: 14 }]);
    expect(() => t.getRow(0).editAsText().deleteText(0, 0)).toThrow('not faked');
  });
});

describe('Document and DocumentApp', () => {
  it('answers no header or footer before one is added; addHeader answers the one there is', () => {
    const d = newDoc();
    expect([d.getHeader(), d.getFooter()]).toEqual([null, null]);
    const h = d.addHeader();
    expect(d.addHeader()).toBe(h);
    expect(d.getHeader()).toBe(h);
  });

  it('starts a new header or footer with one empty paragraph, or none, by newHeaderParagraph', () => {
    expect(shape(newDoc({ newHeaderParagraph: 'empty paragraph' }).addHeader())).toEqual(['·']);
    expect(shape(newDoc({ newHeaderParagraph: 'no child' }).addFooter())).toEqual([]);
  });

  it('refuses edits once saved and closed, and still reads', () => {
    const d = sample();
    d.saveAndClose();
    expect(() => d.body.appendParagraph('x')).toThrow('Document is closed');
    expect(() => (d.body.getChild(1) as FakeParagraph).editAsText().appendText('x')).toThrow('Document is closed');
    expect(() => d.addHeader()).toThrow('Document is closed');
    expect(d.body.getText()).toContain('หัวเรื่อง');
  });

  it('copies a document detached from its template', () => {
    const t = sample();
    const c = t.copyAs('c1', 'สำเนา');
    (c.getBody().getChild(1) as FakeParagraph).setText('เปลี่ยน');
    expect(t.getBody().getChild(1).getText()).toBe('หัวเรื่อง {{ปี}}');
    expect(c.getFooter()?.getText()).toBe('ท้าย {{ปี}}');
    expect(c.body.document()).toBe(c);
  });

  it('lists every member of the enums the add-on reads, each printing as its name', () => {
    const app = new FakeDocumentApp(undefined as never);
    expect(Object.keys(app.ElementType)).toHaveLength(25);
    expect(String(app.ElementType.PARAGRAPH)).toBe('PARAGRAPH');
    expect(Object.keys(app.ParagraphHeading)).toEqual(['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE']);
    expect(app.Attribute.FONT_SIZE).toBe('FONT_SIZE');
  });

  it('renders as HTML, user text as text', () => {
    const d = newDoc();
    d.getBody().appendParagraph('<img src=x onerror=alert(1)>');
    const html = renderHtml(d);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });
});

describe('Charts', () => {
  const charts = new FakeCharts();
  const table = () => charts.newDataTable().addColumn(charts.ColumnType.STRING, 'ปี').addColumn(charts.ColumnType.NUMBER, 'คะแนน').addRow(['2567', 74.93]);

  it('takes the data table as it is when set: later rows do not reach the chart', () => {
    const builder = table();
    const chart = charts.newColumnChart().setDataTable(builder).setDimensions(720, 400);
    builder.addRow(['2568', 80.77]);
    expect(chart.build().getAs('image/png').getDataAsString()).not.toContain('2568');
  });

  it('refuses to build an empty or malformed data table', () => {
    expect(() => charts.newDataTable().addColumn(charts.ColumnType.STRING, 'ปี').build()).toThrow('empty');
    expect(() => new FakeDataTableBuilder().addColumn(charts.ColumnType.NUMBER, 'x').addRow(['ไม่ใช่ตัวเลข']).build()).toThrow('malformed');
    expect(() => charts.newBarChart().setDataTable(charts.newDataTable())).toThrow('empty');
  });

  it('grows the range to take in every data point', () => {
    const svg = charts.newBarChart().setDataTable(table().addRow(['2568', 130])).setRange(0, 100).setDimensions(400, 300).build().getAs('image/png').getDataAsString();
    // The axis's numbers run on past 100 (every 20, as numbers: no value is written on a bar).
    expect(svg).toContain('>120<');
    expect(svg).not.toContain('130.00');
    expect(svg).not.toMatch(/width="-/);
  });

  it('labels the value axis with the ticks given through setOption, "f" for the label', () => {
    const ticks = [0, 50, 100].map((v) => ({ v, f: `ค่า${v}` }));
    const bar = charts.newBarChart().setDataTable(table()).setOption('hAxis.ticks', ticks).build().getAs('image/png').getDataAsString();
    expect(bar).toContain('>ค่า50<');
    expect(bar).not.toContain('>20<');
    // A column chart's value axis is vAxis: hAxis ticks leave it alone.
    const column = charts.newColumnChart().setDataTable(table()).setOption('hAxis.ticks', ticks).build().getAs('image/png').getDataAsString();
    expect(column).toContain('>20<');
  });

  it('converts to the image types Google lists, at the chart’s dimensions', () => {
    const chart = charts.newColumnChart().setDataTable(table()).setDimensions(720, 400).build();
    const png = chart.getAs('image/png');
    expect([png.getContentType(), png.image]).toEqual(['image/png', { width: 720, height: 400 }]);
    expect(chart.getBlob().getContentType()).toBe('image/png');
    expect(chart.getAs('image/jpeg').getContentType()).toBe('image/jpeg');
    expect(() => chart.getAs('image/svg+xml')).toThrow('not supported');
  });
});
