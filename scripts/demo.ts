// npm run demo: the built add-on, run in the Apps Script sandbox of test/harness
// over the sample workbook in examples/, as a sheet would call it.
import { readFileSync } from 'node:fs';
import { loadBundle } from '../test/harness/harness';
import { findColumns, readWorkbook, type SheetData } from './workbook';

/** Columns a terminal draws for a string: Thai vowel and tone marks take none. */
function width(s: string): number {
  return [...s].filter((c) => !/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(c)).length;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

function scoresTable(sheet: SheetData): void {
  const h = loadBundle();
  const cols = findColumns(sheet, ['หน่วยงาน', 'ปีงบประมาณ', ...Array.from({ length: 10 }, (_, i) => `ตัวชี้วัด ${i + 1}`)]);
  const published = findColumns(sheet, ['คะแนนรวมที่ประกาศ', 'ผลที่ประกาศ']);
  const rows = sheet.values.slice(1);
  // As in a sheet: one formula per column over the whole range, e.g. =ITA_SCORE(E2:N13, D2:D13).
  const indicators = rows.map((r) => cols.slice(2).map((c) => r[c]));
  const years = rows.map((r) => [r[cols[1]!]]);
  const column = (name: string, ...args: unknown[]) => (h.call(name, ...args) as unknown[][]).map((r) => r[0]);
  const iit = column('ITA_TOOL_SCORE', indicators, 'IIT', years);
  const eit = column('ITA_TOOL_SCORE', indicators, 'EIT', years);
  const oit = column('ITA_TOOL_SCORE', indicators, 'OIT', years);
  const total = column('ITA_SCORE', indicators, years);
  const grade = column('ITA_GRADE', total.map((t) => [t]));
  const label = column('ITA_LABEL', indicators, years);
  const shown = column('ITA_THAI_DIGITS', total.map((t) => [t]), 2);

  const f2 = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v));
  const head = [pad('หน่วยงาน', 34), 'ปี  ', '   IIT', '   EIT', '   OIT', '   รวม', pad(' เลขไทย', 8), 'ระดับ', pad(' ผลตามเกณฑ์ปีนั้น', 22), 'ที่ประกาศ'];
  console.log(head.join(' '));
  console.log('-'.repeat(126));
  rows.forEach((r, i) => {
    const pub = r[published[0]!] === '' ? '' : `${f2(r[published[0]!])} ${String(r[published[1]!])}`;
    const match = pub === '' ? '' : Math.abs(Number(total[i]) - Number(r[published[0]!])) <= 0.01 ? ' ✓' : ' ✗';
    console.log(
      [
        pad(String(r[cols[0]!]), 34),
        String(r[cols[1]!]),
        padStart(f2(iit[i]), 6),
        padStart(f2(eit[i]), 6),
        padStart(f2(oit[i]), 6),
        padStart(f2(total[i]), 6),
        pad(` ${String(shown[i])}`, 8),
        pad(String(grade[i]), 5),
        pad(` ${String(label[i])}`, 22),
        pub + match,
      ].join(' '),
    );
  });
  console.log(`\nService calls made by the custom functions: ${h.log.length} (custom functions may not use services that need authorisation)`);
}

function main(): void {
  const file = process.argv[2] ?? 'examples/sample-workbook.json';
  const workbook = readWorkbook(JSON.parse(readFileSync(file, 'utf8')));
  console.log(`ITA Sheets demo — ${workbook.name} (${file}), computed by dist/ in the Apps Script sandbox\n`);
  scoresTable(workbook.sheet('คะแนน ITA'));
  console.log('\nรวม = IIT×30% + EIT×30% + OIT×40% ที่ความละเอียดเต็ม; ระดับและผลใช้คะแนนที่ปัดเป็นทศนิยม 2 ตำแหน่ง');
  console.log('✓ = ตรงกับคะแนนที่หน่วยงานประกาศ (±0.01: คะแนนตัวชี้วัดที่ประกาศถูกปัดเศษแล้ว)');
}

main();
