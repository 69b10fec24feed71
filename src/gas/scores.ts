// The scores sheet, read for the reports and the sidebar's projection through
// the custom functions' own parsers (src/core/cells.ts): a cell the sheet's
// =ITA_SCORE refuses is never a number here, and each one is named.
import { isBlank, parseNumeric, parseScoreCell, readYear } from '../core/cells';
import { columnLetters } from '../core/columns';
import { isItaError, problems as texts, type Bilingual } from '../core/errors';
import { BE_OFFSET } from '../core/thai';
import { SHEET } from '../core/workbook';
import { readAll, sheetNamed } from './sheets';

/** A cell of the scores sheet that could not be read, and the whole message naming it (`th`, `en`). */
export interface ScoreProblem extends Bilingual {
  readonly sheet: string;
  /** 1-based row and column of the sheet, and the cell as A1. */
  readonly row: number;
  readonly column: number;
  readonly a1: string;
  /** The row's fiscal year (Buddhist Era), even one the functions do not support; undefined when no year can be read. */
  readonly year: number | undefined;
  /** The indicator (1–10) of a score cell; undefined for the year cell. */
  readonly indicator: number | undefined;
  /** A blank score in a row that has others: the functions refuse the row, a reader of a few indicators may not mind. */
  readonly blank: boolean;
}

/**
 * Ten indicator scores per fiscal year (NaN where a cell is blank or cannot be
 * read), and every cell that could not be read. A year is that of its first
 * row; a row without a readable year is left out (and named in `problems`).
 */
export type ScoreSheet = Map<number, number[]> & { readonly problems: readonly ScoreProblem[] };

/** The scores sheet by fiscal year; columns found by header name. */
export function readScores(): ScoreSheet {
  const problems: ScoreProblem[] = [];
  const out = Object.assign(new Map<number, number[]>(), { problems });
  const sheet = sheetNamed(SHEET.scores);
  if (!sheet) return out;
  const [header = [], ...rows] = readAll(sheet);
  const names = header.map((h) => String(h).trim());
  const yearCol = names.indexOf('ปีงบประมาณ');
  const cols = Array.from({ length: 10 }, (_, i) => names.indexOf(`ตัวชี้วัด ${i + 1}`));
  if (yearCol < 0 || cols.some((c) => c < 0)) return out;
  const firstRow = new Map<number, number>();
  rows.forEach((r, i) => {
    const row = i + 2;
    const problem = (col: number, year: number | undefined, indicator: number | undefined, what: Bilingual, blank = false) => {
      const a1 = `${columnLetters(col + 1)}${row}`;
      const at = [`แถวที่ ${row}`, year === undefined ? '' : `ปีงบประมาณ ${year}`, indicator === undefined ? 'ช่องปีงบประมาณ' : `ตัวชี้วัด ${indicator}`].filter(Boolean);
      const en = [`row ${row}`, year === undefined ? '' : `fiscal year ${year}`, indicator === undefined ? 'fiscal year cell' : `indicator ${indicator}`].filter(Boolean);
      problems.push({
        sheet: SHEET.scores, row, column: col + 1, a1, year, indicator, blank,
        th: `แผ่นงาน "${SHEET.scores}" เซลล์ ${a1} (${at.join(' ')}): ${what.th}`,
        en: `Sheet "${SHEET.scores}" cell ${a1} (${en.join(', ')}): ${what.en}`,
      });
    };
    const cells = cols.map((c) => r[c]);
    const empty = cells.every(isBlank);
    let year: number | undefined;
    if (isBlank(r[yearCol])) {
      if (!empty) problem(yearCol, undefined, undefined, { th: 'ไม่มีปีงบประมาณ แต่แถวนี้มีคะแนน', en: 'no fiscal year, but the row has scores' });
      return;
    }
    try {
      year = readYear(r[yearCol]);
    } catch (e) {
      if (!isItaError(e)) throw e;
      // A note typed in the year column of a row without scores is not a score row.
      if (empty) return;
      // A whole year the functions do not support (2561, 2570) still tells which reports it concerns.
      const n = parseNumeric(r[yearCol]);
      problem(yearCol, n !== undefined && Number.isInteger(n) ? (n < 2400 ? n + BE_OFFSET : n) : undefined, undefined, e);
      return;
    }
    const first = firstRow.get(year);
    if (first !== undefined) {
      problem(yearCol, year, undefined, { th: `ปีงบประมาณ ${year} ซ้ำกับแถวที่ ${first}`, en: `fiscal year ${year} repeats row ${first}` });
      return;
    }
    firstRow.set(year, row);
    out.set(
      year,
      cells.map((v, k) => {
        const s = parseScoreCell(v);
        if (typeof s === 'number') return s;
        if (s !== undefined) problem(cols[k]!, year, k + 1, s);
        else if (!empty) problem(cols[k]!, year, k + 1, texts().blankIndicator(), true);
        return NaN;
      }),
    );
  });
  return out;
}
