// The development build's self-check (menu: ตรวจสอบกับ Google). In the user's
// real spreadsheet it runs every probe of ./probes on a scratch sheet and a
// scratch Doc that it removes afterwards, and writes what it saw to a sheet.
// Never in the production build (scripts/build.mjs --dev only).
import { createDoc, trash } from '../gas/drive';
import { PROBES, RESULTS, type Scratch } from './probes';

/** Menu (development build only): ตรวจสอบกับ Google. */
export function runSelfCheck(): void {
  const ss = SpreadsheetApp.getActive();
  const old = ss.getSheetByName(RESULTS);
  if (old) ss.deleteSheet(old);
  const results = ss.insertSheet(RESULTS);
  const sheet = ss.insertSheet(`ITA self-check ${Date.now()}`);
  let docId = '';
  const scratch: Scratch = {
    sheet,
    doc: () => DocumentApp.openById(docId || (docId = createDoc('ITA self-check scratch').id)),
  };
  const rows: string[][] = [['behaviour', 'expected', 'seen', 'pass/fail']];
  try {
    for (const p of PROBES) {
      try {
        const r = p.run(scratch);
        rows.push([p.behaviour, p.expected, r.seen, r.pass === 'look' ? 'LOOK' : r.pass ? 'PASS' : 'FAIL']);
      } catch (e) {
        rows.push([p.behaviour, p.expected, `threw: ${(e as Error).message}`, 'FAIL']);
      }
    }
  } finally {
    ss.deleteSheet(sheet);
    if (docId && !trash(docId)) rows.push(['clean-up', 'scratch Doc trashed', `NOT trashed: https://docs.google.com/document/d/${docId}/edit`, 'FAIL']);
  }
  const range = results.getRange(1, 1, rows.length, 4);
  range.setNumberFormat('@');
  range.setValues(rows);
  results.setFrozenRows(1);
  ss.toast(`${rows.filter((r) => r[3] === 'FAIL').length} FAIL, ${rows.filter((r) => r[3] === 'LOOK').length} to look at`, 'ตรวจสอบกับ Google', 10);
}
