// Report templates: placeholders in the text of a document the unit can
// restyle. `{{name}}` or `{{ name | filter | filter }}`; names may be Thai and
// may hold any character but "|" and braces, matched literally (a name with
// "." or "(" is just a name). Spaces around names and filters are ignored.
//   {{แถวซ้ำ:มาตรการ}}  in a table row: the row is copied once per record
//   {{แถวกลุ่ม:มาตรการ}} in the row above it: copied once per group of records
//                       (records that share the value of "กลุ่ม"), before them
//   {{หัวข้อกลุ่ม:มาตรการ}} in a paragraph right above a table with a repeating
//                       row of that collection: the paragraph and the table are
//                       copied once per group of records, each table holding its
//                       group's records (a heading above each group's table,
//                       as published documents set them; Docs cannot merge cells)
//   {{กราฟ:ชื่อ}}        alone in a paragraph: replaced by the chart image

export type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly name: string; readonly filters: readonly string[]; readonly raw: string }
  | { readonly kind: 'repeat'; readonly collection: string; readonly raw: string }
  | { readonly kind: 'group'; readonly collection: string; readonly raw: string }
  | { readonly kind: 'heading'; readonly collection: string; readonly raw: string }
  | { readonly kind: 'chart'; readonly name: string; readonly raw: string };

export const REPEAT_PREFIX = 'แถวซ้ำ:';
export const GROUP_PREFIX = 'แถวกลุ่ม:';
export const HEADING_PREFIX = 'หัวข้อกลุ่ม:';
/** The field whose value groups a collection's records. */
export const GROUP_FIELD = 'กลุ่ม';
export const CHART_PREFIX = 'กราฟ:';

export interface Tokenized {
  readonly tokens: readonly Token[];
  /** Unclosed "{{" and empty names, as Thai text. */
  readonly problems: readonly string[];
}

/** Splits a text into literal text and placeholders. */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const problems: string[] = [];
  let at = 0; // start of the literal text not yet emitted
  let from = 0; // where to look for the next "{{"
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      problems.push(`"{{" ไม่มี "}}" ปิด: ${excerpt(text, open)}`);
      from = open + 2; // the "{{" stays as text
      continue;
    }
    if (open > at) tokens.push({ kind: 'text', text: text.slice(at, open) });
    const raw = text.slice(open, close + 2);
    const [head = '', ...filters] = text.slice(open + 2, close).split('|').map((s) => s.trim());
    if (head === '') problems.push(`ช่องแทนค่าไม่มีชื่อ: ${raw}`);
    else if (filters.length && [REPEAT_PREFIX, GROUP_PREFIX, HEADING_PREFIX, CHART_PREFIX].some((p) => head.startsWith(p))) {
      problems.push(`${raw} ใส่ตัวกรองไม่ได้ (ตัวกรองใช้กับช่องแทนค่าที่แสดงค่า) ลบ "|${filters.join('|')}" ออก`);
    }
    if (head === '') {
      // named above
    } else if (head.startsWith(REPEAT_PREFIX)) tokens.push({ kind: 'repeat', collection: head.slice(REPEAT_PREFIX.length).trim(), raw });
    else if (head.startsWith(GROUP_PREFIX)) tokens.push({ kind: 'group', collection: head.slice(GROUP_PREFIX.length).trim(), raw });
    else if (head.startsWith(HEADING_PREFIX)) tokens.push({ kind: 'heading', collection: head.slice(HEADING_PREFIX.length).trim(), raw });
    else if (head.startsWith(CHART_PREFIX)) tokens.push({ kind: 'chart', name: head.slice(CHART_PREFIX.length).trim(), raw });
    else tokens.push({ kind: 'field', name: head, filters, raw });
    at = from = close + 2;
  }
  if (at < text.length) tokens.push({ kind: 'text', text: text.slice(at) });
  return { tokens, problems };
}

function excerpt(text: string, at: number): string {
  const s = text.slice(at, at + 30);
  return `"${s}${text.length > at + 30 ? '…' : ''}"`;
}

/** A score: always shown with two decimals ("๗๐.๐๐"), as published documents print them, unless a filter says otherwise. */
export interface ScoreValue {
  readonly score: number;
}

/** A value a placeholder can show. */
export type Value = string | number | Date | ScoreValue | null | undefined;

export const isScoreValue = (v: unknown): v is ScoreValue => typeof v === 'object' && v !== null && typeof (v as { score?: unknown }).score === 'number';

/** Values by name; a record of a repeating row looks its own names up first. */
export interface Scope {
  get(name: string): Value;
  has(name: string): boolean;
}

export function scope(values: Readonly<Record<string, Value>>, parent?: Scope): Scope {
  return {
    get: (name) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : parent?.get(name)),
    has: (name) => Object.prototype.hasOwnProperty.call(values, name) || (parent?.has(name) ?? false),
  };
}

/** How a value becomes text: the report's defaults, and the filters a placeholder names. */
export interface Formatter {
  readonly filters: ReadonlySet<string>;
  format(value: Value, filters: readonly string[]): string;
}

/** Fills a text's placeholders (repeat and chart markers become empty). */
export function fill(tokens: readonly Token[], s: Scope, f: Formatter): string {
  return tokens.map((t) => (t.kind === 'text' ? t.text : t.kind === 'field' ? f.format(s.get(t.name), t.filters) : '')).join('');
}

/** What a report offers its template. */
export interface TemplateSpec {
  /** Names known anywhere. */
  readonly fields: ReadonlySet<string>;
  /** Collections a repeating row may name, with the names each record adds. */
  readonly collections: ReadonlyMap<string, ReadonlySet<string>>;
  /** Collections the template must repeat somewhere. */
  readonly requiredRepeats: readonly string[];
  readonly charts: ReadonlySet<string>;
}

/** A piece of template text and where it is, for messages ("ตาราง 2 แถว 3"). */
export interface TemplateText {
  readonly where: string;
  readonly text: string;
  /**
   * The collection of the repeating or group row this text lies in, for a
   * text given without `row` (with `row`, the row's own marker says it).
   */
  readonly repeat?: string;
  /** The table row the text lies in: a key naming its table, and the row's 0-based index. None outside tables. */
  readonly row?: { readonly table: string; readonly index: number };
  /** For a paragraph right above a table: that table's key (as in `row.table`). */
  readonly above?: string;
}

/**
 * Every problem of a template, in one list: unknown names and filters,
 * unclosed braces, unknown collections or charts, a required repeating row
 * missing, record names used outside their repeating row, and repeat or group
 * markers that would silently repeat nothing: outside a table row, two in one
 * row, or a group row not right above a repeating row of its collection.
 */
export function checkTemplate(texts: readonly TemplateText[], spec: TemplateSpec, formatter: Formatter): string[] {
  const problems: string[] = [];
  const repeated = new Set<string>();
  const parsed = texts.map((t) => ({ t, ...tokenize(t.text) }));
  // The markers of each table row, in order, by table and index.
  const rows = new Map<string, { where: string; table: string; index: number; markers: (Token & { kind: 'repeat' | 'group' })[] }>();
  const rowKey = (table: string, index: number) => `${table}#${index}`;
  for (const { t, tokens } of parsed) {
    if (!t.row) continue;
    const key = rowKey(t.row.table, t.row.index);
    const row = rows.get(key) ?? { where: t.where, ...t.row, markers: [] };
    rows.set(key, row);
    for (const tok of tokens) if (tok.kind === 'repeat' || tok.kind === 'group') row.markers.push(tok);
  }
  const repeatsIn = (table: string, collection: string) => [...rows.values()].some((r) => r.table === table && r.markers.length === 1 && r.markers[0]!.kind === 'repeat' && r.markers[0]!.collection === collection);
  for (const { t, tokens, problems: p } of parsed) {
    for (const msg of p) problems.push(`${t.where}: ${msg}`);
    // The collection whose names the text may use: its row's (first) marker's, or its group heading's, as the fill takes it.
    const heading = t.row ? undefined : tokens.find((k): k is Token & { kind: 'heading' } => k.kind === 'heading');
    const repeat = t.row ? rows.get(rowKey(t.row.table, t.row.index))!.markers[0]?.collection : (heading?.collection ?? t.repeat);
    for (const tok of tokens) {
      if (tok.kind === 'repeat' || tok.kind === 'group') {
        const known = spec.collections.has(tok.collection);
        if (!known) problems.push(`${t.where}: ไม่รู้จักรายการที่ให้ทำซ้ำ ${tok.raw} (มี: ${[...spec.collections.keys()].join(', ')})`);
        if (t.row) continue; // checked by row, below
        if (t.repeat === undefined) problems.push(`${t.where}: ${tok.raw} ใช้ได้เฉพาะในแถวของตาราง ในย่อหน้าจะไม่มีสิ่งใดถูกทำซ้ำ`);
        else if (known && tok.kind === 'repeat') repeated.add(tok.collection);
      } else if (tok.kind === 'heading') {
        const known = spec.collections.has(tok.collection);
        if (!known) problems.push(`${t.where}: ไม่รู้จักรายการที่ให้ทำซ้ำ ${tok.raw} (มี: ${[...spec.collections.keys()].join(', ')})`);
        else if (t.row) problems.push(`${t.where}: ${tok.raw} ใช้ได้ในย่อหน้าที่อยู่ติดเหนือตาราง ไม่ใช่ในช่องของตาราง`);
        else if (tok !== heading) problems.push(`${t.where}: ย่อหน้าเดียวมีหัวข้อกลุ่มได้อันเดียว`);
        else if (t.above === undefined || !repeatsIn(t.above, tok.collection)) {
          problems.push(`${t.where}: ${tok.raw} ต้องอยู่ในย่อหน้าที่ติดเหนือตารางซึ่งมีแถวซ้ำ {{${REPEAT_PREFIX}${tok.collection}}} ที่นี่จะไม่มีสิ่งใดถูกทำซ้ำ`);
        } else repeated.add(tok.collection);
      } else if (tok.kind === 'chart') {
        if (!spec.charts.has(tok.name)) problems.push(`${t.where}: ไม่รู้จักกราฟ ${tok.raw} (มี: ${[...spec.charts].join(', ')})`);
      } else if (tok.kind === 'field') {
        const own = repeat ? spec.collections.get(repeat) : undefined;
        if (!spec.fields.has(tok.name) && !own?.has(tok.name)) {
          const elsewhere = [...spec.collections].find(([, names]) => names.has(tok.name));
          problems.push(
            elsewhere
              ? `${t.where}: ${tok.raw} ใช้ได้เฉพาะในแถวซ้ำ {{${REPEAT_PREFIX}${elsewhere[0]}}}`
              : `${t.where}: ไม่รู้จักช่องแทนค่า ${tok.raw}`,
          );
        }
        for (const f of tok.filters) if (!formatter.filters.has(f)) problems.push(`${t.where}: ไม่รู้จักตัวกรอง "${f}" ใน ${tok.raw} (มี: ${[...formatter.filters].join(', ')})`);
      }
    }
  }
  for (const row of rows.values()) {
    const [m, ...more] = row.markers;
    if (more.length) {
      problems.push(`${row.where}: แถวเดียวมีเครื่องหมายแถวซ้ำหรือแถวกลุ่ม ${row.markers.length} อัน (${row.markers.map((x) => x.raw).join(' ')}) ใช้ได้แถวละอันเดียว แยกไว้คนละแถวหรือคนละตาราง`);
    } else if (!m || !spec.collections.has(m.collection)) continue;
    else if (m.kind === 'repeat') repeated.add(m.collection);
    else {
      const below = rows.get(rowKey(row.table, row.index + 1))?.markers;
      if (below?.length !== 1 || below[0]!.kind !== 'repeat' || below[0]!.collection !== m.collection) {
        problems.push(`${row.where}: แถวกลุ่ม ${m.raw} ต้องอยู่ติดเหนือแถวซ้ำ {{${REPEAT_PREFIX}${m.collection}}} ในตารางเดียวกัน ที่นี่แถวนี้จะไม่ถูกทำซ้ำและไม่มีข้อมูล`);
      }
    }
  }
  for (const c of spec.requiredRepeats) {
    if (!repeated.has(c)) problems.push(`ไม่มีแถวซ้ำของ "${c}": ใส่ {{${REPEAT_PREFIX}${c}}} ในแถวของตารางที่ต้องการให้ทำซ้ำทีละรายการ`);
  }
  return problems;
}
