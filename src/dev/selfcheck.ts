// The development build's self-check (menu: ตรวจสอบกับ Google). In the user's
// real spreadsheet it runs every probe of ./probes on a scratch sheet and a
// scratch Doc that it removes afterwards, and writes what it saw to a sheet.
// Never in the production build (scripts/build.mjs --dev only).
import { createDoc, trash } from '../gas/drive';
import { writeLiterally } from '../gas/sheets';
import { nowLocalText } from '../gas/time';
import { PROBES, RESULTS, type Scratch } from './probes';

type Row = [behaviour: string, expected: string, seen: string, result: string];

/**
 * Menu (development build only): ตรวจสอบกับ Google. Whatever fails, the scratch
 * sheet and every file a probe made are removed (or named, with their links, in
 * the results), and the previous results stay until the new ones are written.
 */
export function runSelfCheck(): void {
  const ss = SpreadsheetApp.getActive();
  // Each run's results get a sheet of their own; earlier ones are removed only once these are written.
  const results = ss.insertSheet(`${RESULTS} ${nowLocalText().replace(/:/g, '.')}`);
  const rows: Row[] = [['behaviour', 'expected', 'seen', 'pass/fail']];
  const files: { name: string; id: string; url: string }[] = [];
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined;
  let doc: { id: string; url: string } | undefined;
  try {
    sheet = ss.insertSheet(`ITA self-check ${Date.now()}`);
    const scratch: Scratch = {
      sheet,
      results,
      doc: () => DocumentApp.openById((doc ??= scratch.made('ITA self-check scratch', createDoc('ITA self-check scratch'))).id),
      made: (name, file) => (files.push({ name, ...file }), file),
    };
    for (const p of PROBES) {
      try {
        const r = p.run(scratch);
        rows.push([p.behaviour, p.expected, r.seen, r.pass === 'look' ? 'LOOK' : r.pass ? 'PASS' : 'FAIL']);
      } catch (e) {
        rows.push([p.behaviour, p.expected, `threw: ${(e as Error).message}`, 'FAIL']);
      }
    }
  } catch (e) {
    rows.push(['the self-check itself', 'runs to the end', `threw: ${(e as Error).message}`, 'FAIL']);
  } finally {
    cleanUp(ss, sheet, files, rows);
  }
  writeLiterally(results.getRange(1, 1, rows.length, 4), rows);
  results.setFrozenRows(1);
  for (const old of ss.getSheets()) if (old.getName().startsWith(RESULTS) && old.getSheetId() !== results.getSheetId()) ss.deleteSheet(old);
  ss.toast(`${rows.filter((r) => r[3] === 'FAIL').length} FAIL, ${rows.filter((r) => r[3] === 'LOOK').length} to look at`, 'ตรวจสอบกับ Google', 10);
}

/** Removes the scratch sheet and trashes each file made; what cannot be removed becomes a FAIL row with its link. */
function cleanUp(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined, files: readonly { name: string; id: string; url: string }[], rows: Row[]): void {
  if (sheet) {
    try {
      ss.deleteSheet(sheet);
    } catch (e) {
      rows.push(['clean-up', 'scratch sheet removed', `NOT removed: "${sheet.getName()}" (${(e as Error).message})`, 'FAIL']);
    }
  }
  // Inner files first: trashing a folder would take them along, but say so for each.
  for (const f of [...files].reverse()) {
    if (!trash(f.id)) rows.push(['clean-up', `"${f.name}" trashed`, `NOT trashed: ${f.url}`, 'FAIL']);
  }
}
