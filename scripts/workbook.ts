// The sample workbook format of examples/: named sheets of 2-D values, first
// row headers. Columns are found by header name, never by position.

export interface SheetData {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
}

export interface Workbook {
  readonly name: string;
  readonly sheets: readonly SheetData[];
  sheet(name: string): SheetData;
}

export function readWorkbook(json: unknown): Workbook {
  const w = json as { name?: unknown; sheets?: unknown };
  if (typeof w?.name !== 'string' || !Array.isArray(w.sheets)) throw new Error('not a workbook: needs "name" and "sheets"');
  const sheets = w.sheets as SheetData[];
  for (const s of sheets) {
    if (typeof s.name !== 'string' || !Array.isArray(s.values) || !s.values.every(Array.isArray)) {
      throw new Error(`sheet ${String(s.name)}: "values" must be rows of cells`);
    }
  }
  return {
    name: w.name,
    sheets,
    sheet(name) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet named ${name}`);
      return s;
    },
  };
}

/** 0-based column of each header, by name; a missing header is an error naming it. */
export function findColumns(sheet: SheetData, headers: readonly string[]): number[] {
  const row = (sheet.values[0] ?? []).map((h) => String(h).trim());
  return headers.map((h) => {
    const i = row.indexOf(h);
    if (i < 0) throw new Error(`sheet ${sheet.name}: no column headed "${h}"`);
    return i;
  });
}
