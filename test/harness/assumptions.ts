// Behaviours of Google's services that Google's reference does not document.
// The fakes never pick one silently: each reads its switch here, and the suite
// runs under every variant: npm test runs it once with every switch at its
// first variant (at UTC), once at its last (at Asia/Bangkok), and the flows that
// hang on a family of switches run under every combination of that family
// (test/bundle/text.test.ts for the spreadsheet's, docs.test.ts for the
// documents'). What real Google does is settled by the development build's
// self-check (src/dev/probes.ts; README "The development build and its self-check").

export interface Assumption {
  /** The question Google's reference leaves open. */
  readonly question: string;
  /** The plausible answers; the first is the one we think likelier. */
  readonly variants: readonly [string, ...string[]];
  /** Where we looked and found nothing (or only a hint). */
  readonly looked: string;
}

export const ASSUMPTIONS = {
  apostropheInPlainText: {
    question: "Does a leading ' written by setValues into a cell formatted as plain text (\"@\") stay in the value?",
    variants: ['dropped', 'kept'],
    looked: 'reference/spreadsheet/range#setValues(Object), #setNumberFormat(String): silent on quote prefixes',
  },
  formulaInPlainText: {
    question: 'Does setValues("=1+1") into a plain-text cell store the text, or a formula?',
    variants: ['text', 'formula'],
    looked: 'reference/spreadsheet/range#setValues(Object): silent on plain-text formats',
  },
  typedInPlainText: {
    question: 'Does setValues("50%" / "001" / "TRUE" / "2026-01-15 09:41:07") into a plain-text ("@") cell store the text as given, or parse it as typed input?',
    variants: ['text', 'parsed'],
    looked:
      'reference/spreadsheet/range#setNumberFormat(String) (patterns "described in the Sheets API documentation"); sheets/api/guides/formats: "@" only says how text input is displayed; nothing on how a script-written string is read',
  },
  scriptParsing: {
    question: 'Outside plain-text cells, does setValues parse a string as Sheets parses typed input ("50%" → 0.5, "10:30" → a time, "\'abc" → abc), or store it as given (only "=" making a formula)?',
    variants: ['as typed', 'as given'],
    looked:
      'reference/spreadsheet/range#setValues(Object) documents only "=" (its example writes "2.000", "1,000,000", "$2.99"); the typed-input rules are documented for the UI and the Sheets API\'s USER_ENTERED (sheets/api/reference/rest/v4/ValueInputOption), not for Apps Script',
  },
  insertTextAtEnd: {
    question: 'Can Text.insertText(offset, text) take an offset equal to the text length (appending)?',
    variants: ['allowed', 'throws'],
    looked: 'reference/document/text#insertText(Integer,String): "offset — the character offset at which to insert"; no bound stated',
  },
  insertStyle: {
    question: 'What formatting (bold, font, size, colour) does text added by Text.insertText or appendText take: that of the character before it, or of the one after it?',
    variants: ['preceding', 'following'],
    looked: 'reference/document/text#insertText(Integer,String), #appendText(String): "Inserts the specified text at the given character offset" — nothing on attributes; the Docs API\'s InsertTextRequest: "Text styles for inserted text will be determined automatically, generally preserving the styling of neighboring text. In most cases, the text style for the inserted text will match the text immediately before the insertion index" (docs/api/reference/rest/v1/documents/request#InsertTextRequest)',
  },
  replaceStyle: {
    question: 'What formatting does the text that replaceText puts in place take: that of the matched text (its first character), or of the character before it?',
    variants: ['match', 'preceding'],
    looked: 'reference/document/body#replaceText(String,String), text#replaceText(String,String): "Replaces all occurrences of a given text pattern with a given replacement string, using regular expressions" — nothing on attributes; Google\'s Docs-from-a-template samples fill {{placeholders}} with it',
  },
  newHeaderParagraph: {
    question: 'Does a header or footer made by addHeader()/addFooter() start with one empty paragraph?',
    variants: ['empty paragraph', 'no child'],
    looked: 'reference/document/document#addHeader(): "Adds a document header section, if none exists"; its children are not described',
  },
  removeLastParagraph: {
    question: "Can the last paragraph of a body, header, footer or cell be removed (removeFromParent, removeChild) when a paragraph comes before it?",
    variants: ['throws', 'allowed after a paragraph'],
    looked:
      'reference/document/paragraph#removeFromParent(), body#removeChild(Element): silent. The Docs API refuses only "Deleting the last newline character of a Body, Header, Footer, Footnote, TableCell" (docs/api/reference/rest/v1/documents/request#DeleteContentRangeRequest); scripts in the field quote "Can\'t remove the last paragraph in a document section."',
  },
  newlineInText: {
    question: 'Does a "\\n" in text given to Text.insertText/appendText (or Paragraph.setText) stay a line break in the paragraph, or start a new paragraph?',
    variants: ['line break', 'new paragraph'],
    looked: 'reference/document/text#insertText(Integer,String), #appendText(String): silent; the Docs API starts a new paragraph ("Inserting a newline character implicitly creates a Paragraph", docs/api/concepts/rules-behavior)',
  },
  insertTableParagraph: {
    question: 'Does Body/HeaderSection/FooterSection/TableCell.insertTable(childIndex, table) add an empty paragraph of its own, and where?',
    variants: ['none', 'one after', 'one before'],
    looked:
      'reference/document/body#insertTable(Integer,Table): "Inserts the given Table at the specified index" — nothing more; appendTable adds one after ("Google Docs documents cannot end with a table"); the Docs API\'s InsertTableRequest inserts "a newline character … before the inserted table" (docs/api/reference/rest/v1/documents/request#InsertTableRequest)',
  },
  openTrashedDoc: {
    question: 'Does DocumentApp.openById open a Doc that is in the trash (not yet deleted for good)?',
    variants: ['opens', 'throws'],
    looked:
      'reference/document/document-app#openById(String): "Returns the document with the specified ID" — silent on the trash; a trashed file still exists and its owner can open it (workspace/drive/api/guides/delete: trashed files stay until emptied)',
  },
  fetchAllFailure: {
    question:
      'When one request of UrlFetchApp.fetchAll fails below HTTP (DNS failure, refused connection, timeout), does the whole call throw once every request has ended, or at once — and either way, are the other responses lost?',
    variants: ['throws after every request ends', 'throws at once'],
    looked:
      'reference/url-fetch/url-fetch-app#fetchAll(Object): answers "An array of HTTP response data from each input request", nothing on a failed one; muteHttpExceptions covers only "the response code indicates failure" (#fetch(String,Object)); field reports quote "DNS error: …" and "Timeout: …" thrown by the call',
  },
  fetchDeadline: {
    question: 'How long does a fetch wait for a host that does not answer before it throws?',
    variants: ['60 s', '30 s'],
    looked: 'reference/url-fetch/url-fetch-app#fetch(String,Object): no timeout among the advanced parameters; developers.google.com/apps-script/quotas lists no per-fetch time',
  },
  headerCase: {
    question: 'Are the keys of HTTPResponse.getHeaders() the header names as the server sent them, or lower case?',
    variants: ['as sent', 'lower case'],
    looked: 'reference/url-fetch/http-response#getHeaders(): "Returns an attribute/value map of headers for the HTTP response" — the case of the keys is not stated',
  },
  triggerSpreadsheet: {
    question: "In an editor add-on's time-driven trigger, does SpreadsheetApp.getActive() answer the spreadsheet the trigger was made in, or null?",
    variants: ['active', 'none'],
    looked:
      'reference/spreadsheet/spreadsheet-app#getActive(): "Returns the currently active spreadsheet, or null if there is none"; workspace/add-ons/concepts/editor-triggers ties an add-on\'s triggers to a document ("one trigger of each type, per user, per document") but does not say what is active when a time-driven one fires; field reports of standalone scripts get null',
  },
  docQuotaError: {
    question: 'What does a spent daily quota for creating documents throw, when the document is a Drive files.copy?',
    variants: ['apps script', 'drive api'],
    looked:
      'guides/services/quotas: "an exception message indicating the specific limit exceeded or service invoked too many times"; workspace/drive/api/guides/handle-errors: 403 userRateLimitExceeded / 429; whether files.copy through the Advanced Drive service counts against "Documents created" is not stated',
  },
  sortText: {
    question: "In what order does the SORT function put text: the spreadsheet locale's collation (Thai by its consonants, a leading vowel such as โ or เ aside), or by code point?",
    variants: ['locale', 'code point'],
    looked: 'support.google.com/docs/answer/3093150 (SORT): "Sorts the rows of a given array or range by the values in one or more columns" — nothing on how text compares; the dashboard sorts text only for its district dropdown',
  },
} as const satisfies Record<string, Assumption>;

export type AssumptionId = keyof typeof ASSUMPTIONS;
export type Variant<K extends AssumptionId> = (typeof ASSUMPTIONS)[K]['variants'][number];

/** A choice of variant per assumption (missing: the run's default). */
export type Variants = { [K in AssumptionId]?: Variant<K> };

/**
 * The run's default: ITA_FAKE_VARIANT=N picks each assumption's N-th variant
 * (its last when it has fewer); unset, the first.
 */
export function defaultVariant<K extends AssumptionId>(id: K): Variant<K> {
  const n = Number(process.env.ITA_FAKE_VARIANT ?? 0) || 0;
  const vs = ASSUMPTIONS[id].variants;
  return vs[Math.min(n, vs.length - 1)] as Variant<K>;
}

/** Every combination of every assumption's variants (for the flows that run under all). */
export function everyCombination(): Required<Variants>[] {
  let out: Record<string, string>[] = [{}];
  for (const [id, a] of Object.entries(ASSUMPTIONS)) out = out.flatMap((c) => a.variants.map((v) => ({ ...c, [id]: v })));
  return out as Required<Variants>[];
}

/** A resolved choice: the given variants, the run's default for the rest. */
export function resolve(given: Variants = {}): Required<Variants> {
  const out: Record<string, string> = {};
  for (const id of Object.keys(ASSUMPTIONS) as AssumptionId[]) out[id] = given[id] ?? defaultVariant(id);
  return out as Required<Variants>;
}
