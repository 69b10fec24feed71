// The scores sheet, read for the sidebar's projection and the reports.
import { SHEET } from '../core/workbook';
import { readAll, sheetNamed } from './sheets';

/**
 * The scores sheet by fiscal year: indicators 1–10 (NaN where a cell is blank
 * or not a score), columns found by header name.
 */
export function readScores(): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const sheet = sheetNamed(SHEET.scores);
  if (!sheet) return out;
  const [header = [], ...rows] = readAll(sheet);
  const names = header.map((h) => String(h).trim());
  const year = names.indexOf('ปีงบประมาณ');
  const cols = Array.from({ length: 10 }, (_, i) => names.indexOf(`ตัวชี้วัด ${i + 1}`));
  if (year < 0 || cols.some((c) => c < 0)) return out;
  for (const r of rows) {
    const y = Number(r[year]);
    const s = cols.map((c) => (r[c] === '' ? NaN : Number(r[c]))).map((x) => (x >= 0 && x <= 100 ? x : NaN));
    if (Number.isInteger(y) && y > 0) out.set(y, s);
  }
  return out;
}
