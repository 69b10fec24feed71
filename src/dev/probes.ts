// What the self-check tries in real Google: each behaviour the code depends on
// that Google does not document (or that no test here can prove), with what the
// code expects. The README's self-check list is checked against this one.
import { createDoc, trash, liveFolder, createFolder } from '../gas/drive';
import { QUOTA_SAW, TRIGGER_SAW } from '../gas/batch';
import { literal } from '../gas/docs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One probe: what we depend on, what the code expects, and how to see it. */
export interface Probe {
  readonly behaviour: string;
  readonly expected: string;
  /** What was seen, and whether it is what the code needs ('look' = a person must look). */
  readonly run: (s: Scratch) => { seen: string; pass: boolean | 'look' };
}

/** The scratch sheet and Doc the probes use, and the files they make: all removed at the end. */
export interface Scratch {
  readonly sheet: Sheet;
  /** The sheet the results go to (the chart probe puts its image there). */
  readonly results: Sheet;
  doc(): GoogleAppsScript.Document.Document;
  /** Notes a file a probe made, so that it is trashed even if the probe fails. */
  made<T extends { id: string; url: string }>(name: string, file: T): T;
}

export const RESULTS = 'ตรวจสอบกับ Google';

function cellAfter(s: Scratch, a1: string, format: string, value: unknown): { value: unknown; formula: string } {
  const r = s.sheet.getRange(a1);
  r.setNumberFormat(format);
  r.setValues([[value]]);
  SpreadsheetApp.flush();
  return { value: r.getValues()[0]![0], formula: r.getFormulas()[0]![0]! };
}

export const PROBES: readonly Probe[] = [
  {
    behaviour: "setValues(\"'abc\") into a plain-text (@) cell: is the ' kept? [apostropheInPlainText]",
    expected: 'either; the code is right under both (tests run both variants) — record which',
    run: (s) => {
      const v = String(cellAfter(s, 'A1', '@', "'abc").value);
      return { seen: v === 'abc' ? 'dropped' : v === "'abc" ? 'kept' : `other: ${v}`, pass: v === 'abc' || v === "'abc" };
    },
  },
  {
    behaviour: 'setValues("=1+1") into a plain-text (@) cell: text or formula? [formulaInPlainText]',
    expected: 'either; record which',
    run: (s) => {
      const c = cellAfter(s, 'A2', '@', '=1+1');
      const seen = c.formula ? 'formula' : c.value === '=1+1' ? 'text' : `other: ${String(c.value)}`;
      return { seen, pass: seen === 'text' || seen === 'formula' };
    },
  },
  {
    behaviour: 'setValues of "50%", "10:30", "TRUE", "1e5", "\'abc" into an automatic-format cell [scriptParsing]',
    expected: 'either: parsed as typed (0.5, a time, true, 100000, abc) or kept as given — record which',
    run: (s) => {
      const got = ['50%', '10:30', 'TRUE', '1e5', "'abc"].map((v, i) => cellAfter(s, `B${i + 1}`, 'General', v).value);
      const [pct, time, bool, exp, quoted] = got;
      const typed = pct === 0.5 && Object.prototype.toString.call(time) === '[object Date]' && bool === true && exp === 100000 && quoted === 'abc';
      const given = pct === '50%' && time === '10:30' && bool === 'TRUE' && exp === '1e5' && quoted === "'abc";
      return { seen: `${typed ? 'as typed' : given ? 'as given' : 'mixed'}: ${got.map((v) => `${typeof v}:${String(v)}`).join(' · ')}`, pass: typed || given };
    },
  },
  {
    behaviour: 'setValues of "50%", "001", "2026-01-15 09:41:07" into a plain-text (@) cell [typedInPlainText]',
    expected: 'either: kept as text or parsed — record which',
    run: (s) => {
      const got = ['50%', '001', '2026-01-15 09:41:07'].map((v, i) => cellAfter(s, `D${i + 1}`, '@', v).value);
      const text = got[0] === '50%' && got[1] === '001' && got[2] === '2026-01-15 09:41:07';
      return { seen: `${text ? 'text' : 'parsed'}: ${got.map((v) => `${typeof v}:${String(v)}`).join(' · ')}`, pass: true };
    },
  },
  {
    behaviour: 'setRichTextValue stores text literally (the add-on’s mechanism for what users type)',
    expected: '"=1+1", "\'abc", "001", "50%", "2025-10-01" read back as those strings, with no formula, in automatic and @ cells',
    run: (s) => {
      const texts = ['=1+1', "'abc", '001', '50%', '2025-10-01'];
      const bad: string[] = [];
      for (const [col, format] of [[5, 'General'], [6, '@']] as const) {
        texts.forEach((t, i) => {
          const r = s.sheet.getRange(i + 1, col);
          r.setNumberFormat(format);
          r.setRichTextValue(SpreadsheetApp.newRichTextValue().setText(t).build());
        });
        SpreadsheetApp.flush();
        const r = s.sheet.getRange(1, col, texts.length, 1);
        const values = r.getValues().map((x) => x[0]);
        const formulas = r.getFormulas().map((x) => x[0]);
        texts.forEach((t, i) => {
          if (values[i] !== t || formulas[i]) bad.push(`${format} ${t} → ${typeof values[i]}:${String(values[i])}${formulas[i] ? ` (formula ${formulas[i]})` : ''}`);
        });
      }
      return { seen: bad.length ? bad.join(' · ') : 'all literal', pass: !bad.length };
    },
  },
  {
    behaviour: 'getValues right after setValues (no flush) answers what was just written',
    expected: 'the written values (the add-on reads back to find text Sheets changed)',
    run: (s) => {
      const r = s.sheet.getRange('G1:G2');
      r.setValues([['ก'], [42]]);
      const back = r.getValues();
      return { seen: JSON.stringify(back), pass: back[0]![0] === 'ก' && back[1]![0] === 42 };
    },
  },
  {
    behaviour: 'Sheet.deleteRow leaves the sheet one row shorter',
    expected: 'getMaxRows() one less',
    run: (s) => {
      const before = s.sheet.getMaxRows();
      s.sheet.deleteRow(before);
      return { seen: `${before} → ${s.sheet.getMaxRows()}`, pass: s.sheet.getMaxRows() === before - 1 };
    },
  },
  {
    behaviour: 'SORT orders Thai text by the spreadsheet locale or by code point [sortText]',
    expected: 'either; record which (the dashboard sorts text only for its district dropdown)',
    run: (s) => {
      s.sheet.getRange('P1:P3').setValues([['นาบัวหลวง'], ['เมืองศรีสำราญ'], ['โคกสำโรงใต้']]);
      s.sheet.getRange('Q1').setFormula('=SORT(P1:P3, 1, TRUE)');
      SpreadsheetApp.flush();
      const got = s.sheet.getRange('Q1:Q3').getValues().map((r) => String(r[0]));
      const seen = got[0] === 'โคกสำโรงใต้' ? 'locale' : got[0] === 'นาบัวหลวง' ? 'code point' : 'other';
      return { seen: `${seen}: ${got.join(' · ')}`, pass: seen !== 'other' };
    },
  },
  {
    behaviour: 'The dashboard\'s array forms: FILTER of {TRIM(range), range} with an OR-sum condition, sorted and constrained, needs no ARRAYFORMULA; VLOOKUP of joined keys inside ARRAYFORMULA answers one value per row',
    expected: 'a 80 · d 70, then 80 · 90 · x · 70 (what the fake\'s evaluator, test/harness/formula.ts, answers)',
    run: (s) => {
      s.sheet.getRange('R1:T4').setValues([
        [' a ', 'ก', 80],
        ['b', 'ข', 90],
        ['c', 'ก', 'x'],
        ['d', 'ก', 70],
      ]);
      s.sheet.getRange('U1').setFormula('=IFERROR(ARRAY_CONSTRAIN(SORT(FILTER({TRIM(R1:R4), T1:T4}, ISNUMBER(T1:T4), ((S1:S4="")+(S1:S4="ก"))>0), 2, FALSE), 2, 2), "ไม่มี")');
      s.sheet.getRange('W1').setFormula('=ARRAYFORMULA(IFERROR(VLOOKUP(R1:R4&"|"&S1:S4, {R1:R4&"|"&S1:S4, T1:T4}, 2, FALSE), ""))');
      SpreadsheetApp.flush();
      const list = s.sheet.getRange('U1:V2').getValues().map((r) => r.join(' ')).join(' · ');
      const looked = s.sheet.getRange('W1:W4').getValues().map((r) => String(r[0])).join(' · ');
      return { seen: `${list}, then ${looked}`, pass: list === 'a 80 · d 70' && looked === '80 · 90 · x · 70' };
    },
  },
  {
    behaviour: 'A date under "d mmmm yyyy" in a th_TH spreadsheet shows the Buddhist-Era year (display only)',
    expected: '"15 มกราคม 2569" — record what is shown',
    run: (s) => {
      const r = s.sheet.getRange('H1');
      r.setNumberFormat('d mmmm yyyy');
      r.setValues([[new Date(2026, 0, 15, 12)]]);
      SpreadsheetApp.flush();
      const shown = r.getDisplayValues()[0]![0]!;
      return { seen: `${shown} (locale ${SpreadsheetApp.getActive().getSpreadsheetLocale()})`, pass: 'look' };
    },
  },
  {
    behaviour: 'A date written as a Date at midnight in the spreadsheet zone shows that day',
    expected: 'the same calendar day in getDisplayValues (format yyyy-mm-dd)',
    run: (s) => {
      const tz = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
      const offset = Utilities.formatDate(new Date(Date.UTC(2026, 0, 15, 12)), tz, 'Z');
      const sign = offset.startsWith('-') ? -1 : 1;
      const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
      const r = s.sheet.getRange('C1');
      r.setNumberFormat('yyyy-mm-dd');
      r.setValues([[new Date(Date.UTC(2026, 0, 15) - minutes * 60_000)]]);
      SpreadsheetApp.flush();
      const shown = r.getDisplayValues()[0]![0]!;
      return { seen: `${shown} (zone ${tz} ${offset})`, pass: shown === '2026-01-15' };
    },
  },
  {
    behaviour: 'A named range of whole columns (A:B) grows with insertRowsAfter',
    expected: 'getRangeByName(...).getNumRows() equals the sheet’s new getMaxRows()',
    run: (s) => {
      const ss = SpreadsheetApp.getActive();
      const name = 'ITA_SELFCHECK';
      ss.setNamedRange(name, s.sheet.getRange('A:B'));
      s.sheet.insertRowsAfter(s.sheet.getMaxRows(), 25);
      const rows = ss.getRangeByName(name)?.getNumRows() ?? 0;
      ss.removeNamedRange(name);
      return { seen: `${rows} of ${s.sheet.getMaxRows()}`, pass: rows === s.sheet.getMaxRows() };
    },
  },
  {
    behaviour: 'HtmlOutput.append adds to the end of the content',
    expected: '<p>a</p><p>b</p>',
    run: () => {
      const seen = HtmlService.createHtmlOutput('<p>a</p>').append('<p>b</p>').getContent();
      return { seen, pass: seen === '<p>a</p><p>b</p>' };
    },
  },
  {
    behaviour: 'Text.insertText at offset = text length [insertTextAtEnd]',
    expected: 'either; record which',
    run: (s) => {
      const t = s.doc().getBody().appendParagraph('abc').editAsText();
      try {
        t.insertText(3, 'd');
        return { seen: `allowed (${t.getText()})`, pass: t.getText() === 'abcd' };
      } catch (e) {
        return { seen: `throws: ${(e as Error).message}`, pass: true };
      }
    },
  },
  {
    behaviour: 'The formatting of text put in by Text.insertText [insertStyle]',
    expected: 'either: the character before it, or the one after it — record which (a filled value keeps its placeholder’s formatting under both)',
    run: (s) => {
      const t = s.doc().getBody().appendParagraph('ab').editAsText();
      t.setBold(false).setBold(0, 0, true);
      t.insertText(1, 'x');
      return { seen: `${t.getText()}: ${t.isBold(1) ? 'preceding (bold, as "a")' : 'following (not bold, as "b")'}`, pass: t.getText() === 'axb' };
    },
  },
  {
    behaviour: 'replaceText of a placeholder as the add-on escapes it, and the formatting and link of what it puts in [replaceStyle]',
    expected: '"ก องค์การ"; the value bold (the match’s) or not (the character before’s) — record which, and for a placeholder that is a whole linked bold paragraph whether bold and link stay (the add-on fills such a text by offsets)',
    run: (s) => {
      const body = s.doc().getBody();
      const p = body.appendParagraph('ก {{ชื่อ|ทศนิยม 2}}');
      const t = p.editAsText();
      t.setBold(false).setBold(2, t.getText().length - 1, true);
      p.replaceText(literal('{{ชื่อ|ทศนิยม 2}}'), 'องค์การ');
      const whole = body.appendParagraph('{{ชื่อ}}');
      const w = whole.editAsText();
      w.setBold(true).setLinkUrl(0, w.getText().length - 1, 'https://www.google.com/');
      whole.replaceText(literal('{{ชื่อ}}'), 'องค์การ');
      const text = t.getText();
      const seen = `${text}: ${t.isBold(2) ? 'match (bold)' : 'preceding (not bold)'}; whole paragraph: ${w.getText()}, ${w.isBold(0) ? 'bold' : 'not bold'}, link ${w.getLinkUrl(0) ?? 'none'}`;
      return { seen, pass: text === 'ก องค์การ' && w.getText() === 'องค์การ' };
    },
  },
  {
    behaviour: 'Text.getTextAttributeIndices: a paragraph of one formatting reads as one run; a bold character starts a run and ends one',
    expected: '[0] then [0,1,2]',
    run: (s) => {
      const t = s.doc().getBody().appendParagraph('abc').editAsText();
      t.setBold(false);
      const one = t.getTextAttributeIndices().join(',');
      t.setBold(1, 1, true);
      const three = t.getTextAttributeIndices().join(',');
      return { seen: `[${one}] then [${three}]`, pass: one === '0' && three === '0,1,2' };
    },
  },
  {
    behaviour: 'A new header from addHeader() starts with [newHeaderParagraph]',
    expected: 'one empty paragraph, or no child — record which',
    run: (s) => {
      const d = s.doc();
      const header = d.getHeader() ?? d.addHeader();
      const n = header.getNumChildren();
      const seen = n === 0 ? 'no child' : n === 1 && header.getChild(0).asParagraph().getText() === '' ? 'empty paragraph' : `${n} children`;
      return { seen, pass: seen === 'no child' || seen === 'empty paragraph' };
    },
  },
  {
    behaviour: 'Body.appendTable adds an empty paragraph after the table (documented)',
    expected: 'the body ends with an empty paragraph after the table',
    run: (s) => {
      const body = s.doc().getBody();
      const before = body.getNumChildren();
      body.appendTable([['a']]);
      const after = body.getNumChildren();
      const last = body.getChild(after - 1);
      const seen = `${after - before} children added; last is ${String(last.getType())}`;
      return { seen, pass: after - before === 2 && last.getType() === DocumentApp.ElementType.PARAGRAPH };
    },
  },
  {
    behaviour: 'Removing the last paragraph of a body when a paragraph comes before it [removeLastParagraph]',
    expected: 'either: throws, or allowed — record which',
    run: (s) => {
      const body = s.doc().getBody();
      body.appendParagraph('x');
      const last = body.appendParagraph('y');
      try {
        last.removeFromParent();
        return { seen: 'allowed after a paragraph', pass: true };
      } catch (e) {
        return { seen: `throws: ${(e as Error).message}`, pass: true };
      }
    },
  },
  {
    behaviour: 'Body.insertTable(childIndex, table) between two paragraphs [insertTableParagraph]',
    expected: 'either: no paragraph added, one after the table, or one before it — record which',
    run: (s) => {
      const body = s.doc().getBody();
      body.appendParagraph('a');
      const b = body.appendParagraph('b');
      const t = body.appendTable([['x']]);
      const at = body.getChildIndex(b);
      const before = body.getNumChildren();
      body.insertTable(at, t.copy());
      const added = body.getNumChildren() - before - 1;
      const seen = added === 0 ? 'none' : body.getChild(at).getType() === DocumentApp.ElementType.TABLE ? 'one after' : 'one before';
      return { seen: `${seen} (${added} paragraph added)`, pass: added <= 1 };
    },
  },
  {
    behaviour: 'TableCell.getWidth() of a column never given a width',
    expected: 'null, or a positive number of points — record which (anything else is read as "not known")',
    run: (s) => {
      const t = s.doc().getBody().appendTable([['x', 'y']]);
      const w = t.getRow(0).getCell(0).getWidth();
      return { seen: String(w), pass: w === null || (typeof w === 'number' && w > 0) };
    },
  },
  {
    behaviour: 'A "\\n" given to Text.appendText [newlineInText]',
    expected: 'either: a line break in the paragraph, or a new paragraph — record which',
    run: (s) => {
      const body = s.doc().getBody();
      const before = body.getNumChildren();
      body.appendParagraph('a').editAsText().appendText('\nb');
      const added = body.getNumChildren() - before;
      return { seen: added === 1 ? 'line break' : `new paragraph (${added} added)`, pass: true };
    },
  },
  {
    behaviour: 'A Doc made by the Advanced Drive service holds one empty paragraph',
    expected: 'getNumChildren() = 1 and getText() = ""',
    run: (s) => {
      const made = s.made('ITA self-check empty doc', createDoc('ITA self-check empty doc'));
      const body = DocumentApp.openById(made.id).getBody();
      const seen = `${body.getNumChildren()} children, text "${body.getText()}"`;
      return { seen, pass: body.getNumChildren() === 1 && body.getText() === '' };
    },
  },
  {
    behaviour: 'DocumentApp.openById of a Doc in the trash [openTrashedDoc]',
    expected: 'either: opens, or throws — record which',
    run: (s) => {
      const made = s.made('ITA self-check trashed doc', createDoc('ITA self-check trashed doc'));
      trash(made.id);
      try {
        DocumentApp.openById(made.id).getBody();
        return { seen: 'opens', pass: true };
      } catch (e) {
        return { seen: `throws: ${(e as Error).message}`, pass: true };
      }
    },
  },
  {
    behaviour: 'Advanced Drive on a Doc the add-on made: create in its folder, open, read, trash (drive.file)',
    expected: 'every step works',
    run: (s) => {
      const steps: string[] = [];
      const folder = s.made('ITA self-check folder', createFolder('ITA self-check (ลบได้)'));
      steps.push('folder');
      const doc = s.made('ITA self-check doc', createDoc('ITA self-check doc', folder.id));
      steps.push('doc');
      DocumentApp.openById(doc.id).getBody().appendParagraph('ทดสอบ');
      steps.push('opened');
      const seenFolder = liveFolder(folder.id) !== undefined;
      steps.push(seenFolder ? 'folder seen' : 'folder NOT seen');
      const pdf = DocumentApp.openById(doc.id).getAs('application/pdf');
      steps.push(`pdf ${pdf.getBytes().length} bytes`);
      const trashed = trash(doc.id) && trash(folder.id);
      steps.push(trashed ? 'trashed' : 'NOT trashed');
      return { seen: steps.join(' → '), pass: seenFolder && trashed };
    },
  },
  {
    behaviour: 'Thai text in a chart PNG (Charts service)',
    expected: 'the image in this sheet shows Thai words, not boxes — look at it',
    run: (s) => {
      const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ตัวชี้วัด').addColumn(Charts.ColumnType.NUMBER, 'คะแนน');
      table.addRow(['การเปิดเผยข้อมูล', 80]).addRow(['การป้องกันการทุจริต', 90]);
      const png = Charts.newBarChart().setDataTable(table).setTitle('คะแนนรายตัวชี้วัด').setDimensions(480, 240).build().getAs('image/png');
      s.results.insertImage(png, 6, 2);
      return { seen: `${png.getContentType()} ${png.getBytes().length} bytes, inserted at F2 of "${RESULTS}"`, pass: 'look' };
    },
  },
  {
    behaviour: 'A chart drawn with hAxis.ticks labelled in Thai digits (setOption)',
    expected: 'the image in this sheet shows the axis as ๐ ๒๐ ๔๐ ๖๐ ๘๐ ๑๐๐, not 0 20 40 … — look at it',
    run: (s) => {
      const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'ตัวชี้วัด').addColumn(Charts.ColumnType.NUMBER, 'คะแนน');
      table.addRow(['การเปิดเผยข้อมูล (๘๐.๐๐)', 80]);
      const ticks = [0, 20, 40, 60, 80, 100].map((v) => ({ v, f: '๐๒๔๖๘'[v / 20] ?? '๑๐๐' }));
      const png = Charts.newBarChart().setDataTable(table).setRange(0, 100).setOption('hAxis.ticks', ticks).setDimensions(480, 160).build().getAs('image/png');
      s.results.insertImage(png, 6, 20);
      return { seen: `${png.getContentType()} ${png.getBytes().length} bytes, inserted at F20 of "${RESULTS}"`, pass: 'look' };
    },
  },
  {
    behaviour: 'UrlFetchApp.fetchAll with one address that does not resolve: the whole call throws [fetchAllFailure]',
    expected: 'throws (the code then fetches the batch one by one) — record the message and how long it took',
    run: () => {
      const t0 = Date.now();
      try {
        UrlFetchApp.fetchAll([
          { url: 'https://drive.google.com/', method: 'get', followRedirects: false, muteHttpExceptions: true },
          { url: 'https://ita-sheets-selfcheck-no-such-host.go.th/', method: 'get', followRedirects: false, muteHttpExceptions: true },
        ]);
        return { seen: `answered without throwing after ${Date.now() - t0} ms`, pass: false };
      } catch (e) {
        return { seen: `throws after ${Date.now() - t0} ms: ${(e as Error).message}`, pass: true };
      }
    },
  },
  {
    behaviour: 'How long UrlFetchApp waits for a host that never answers [fetchDeadline]',
    expected: 'at most 60 s (the budget assumes 60); no host here is known never to answer, so this times a failed DNS lookup — time a dead evidence link in the Executions log and record it',
    run: () => {
      const t0 = Date.now();
      try {
        UrlFetchApp.fetch('https://ita-sheets-selfcheck-no-such-host.go.th/', { method: 'get', followRedirects: false, muteHttpExceptions: true });
        return { seen: `answered after ${Date.now() - t0} ms`, pass: 'look' };
      } catch (e) {
        return { seen: `threw after ${Date.now() - t0} ms: ${(e as Error).message}`, pass: 'look' };
      }
    },
  },
  {
    behaviour: 'A redirect fetched with followRedirects false answers its 3xx and Location; the case of getHeaders() keys [headerCase]',
    expected: 'a 3xx with a Location header (drive.google.com redirects) — record whether keys are as sent or lower case',
    run: () => {
      const r = UrlFetchApp.fetch('https://drive.google.com/', { method: 'get', followRedirects: false, muteHttpExceptions: true });
      const keys = Object.keys(r.getHeaders() as Record<string, unknown>);
      const location = keys.find((k) => k.toLowerCase() === 'location');
      const code = r.getResponseCode();
      const kase = keys.some((k) => k !== k.toLowerCase()) ? 'as sent' : 'lower case';
      return { seen: `${code}, ${location ? `${location}: ${String((r.getHeaders() as Record<string, unknown>)[location])}` : 'no Location'}; keys ${kase}`, pass: code >= 300 && code < 400 && location !== undefined };
    },
  },
  {
    behaviour: "What an add-on's hourly trigger of a batch run saw: the spreadsheet active, or none [triggerSpreadsheet]",
    expected: 'either; the code is right under both (without it the trigger removes itself and the dialog carries the run on) — record which, from an installed (not test) add-on after a batch run: "Installable triggers aren’t supported when testing"',
    run: () => {
      const saw = PropertiesService.getUserProperties().getProperty(TRIGGER_SAW);
      return { seen: saw ?? 'no batch trigger has run for this user yet', pass: 'look' };
    },
  },
  {
    behaviour: "The message of a spent daily quota of documents, when a batch run met one [docQuotaError]",
    expected: 'either: Apps Script\'s "Service invoked too many times for one day: …" or the Drive API\'s rate-limit error — record which (the code stops the run on both)',
    run: () => {
      const saw = PropertiesService.getUserProperties().getProperty(QUOTA_SAW);
      return { seen: saw ?? 'no batch run has met the quota for this user yet', pass: 'look' };
    },
  },
];

