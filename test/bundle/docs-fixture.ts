// The helpers shared by the tests of filling Docs (docs-plan, review-fill): a
// harness whose Docs follow its variants, copies filled by reading them afresh,
// reports generated, templates built, and a Doc's structure and bold compared.
import { afterEach } from 'vitest';
import type { ReportDone } from '../../src/core/api';
import type { ReportKind } from '../../src/core/report/context';
import { seededHarness } from '../../scripts/preview';
import { resolve, type Variants } from '../harness/assumptions';
import { FakeDocument, FakeListItem, FakeParagraph, FakeTable, type FakeContainer } from '../harness/document';
import type { Harness } from '../harness/harness';

/** The seeded harness, its Docs (DocumentApp and every Doc made) under its variants. */
export function harness(assume: Required<Variants> = resolve()): Harness {
  const h = seededHarness(undefined, { assume });
  (h.context as unknown as { DocumentApp: { assume: Required<Variants> } }).DocumentApp.assume = h.assumptions;
  const make = h.drive.makeDocument.bind(h.drive);
  h.drive.makeDocument = (...args: Parameters<typeof make>) => Object.assign(make(...args), { assume: h.assumptions });
  return h;
}

/** The fake's own copyAs, put back after each test (and by `make`). */
export const copyAs = FakeDocument.prototype.copyAs;

/**
 * Makes each Drive copy of a Doc look unlike its template to the plan's check
 * (its body's text reads otherwise once), so that the fill reads the copy
 * afresh: the scanning fill, to compare the planned one with.
 */
export function scanCopies(): void {
  FakeDocument.prototype.copyAs = function (this: FakeDocument, id: string, n: string) {
    const d = copyAs.call(this, id, n);
    const real = d.body.getText.bind(d.body);
    let first = true;
    d.body.getText = () => (first ? ((first = false), `${real()}·`) : real());
    return d;
  };
}
afterEach(() => {
  FakeDocument.prototype.copyAs = copyAs;
});

/** The report of a kind, with Thai digits and no PDF; the year 2568 for the analysis, else 2569. */
export function report(h: Harness, kind: ReportKind = 'progress', fiscalYear = kind === 'analysis' ? 2568 : 2569): FakeDocument {
  const r = h.call('sidebarCall', 'generateReport', { kind, fiscalYear, digits: 'thai', pdf: false }) as ReportDone;
  if (!r.ok) throw new Error(`${r.message.th}\n${r.problems.join('\n')}`);
  return h.drive.docs.get(r.url.split('/d/')[1]!.split('/')[0]!)!;
}

/** A report of a template `build` writes, planned (and, with `scan`, read afresh). */
export function make(assume: Required<Variants>, build: (h: Harness, own: FakeDocument) => void, scan = false, kind: ReportKind = 'progress'): FakeDocument {
  const h = harness(assume);
  const own = h.drive.addDocument('แม่แบบของหน่วยงาน');
  build(h, own);
  h.properties.document.setProperty(`ita.template.${kind}`, own.id);
  if (scan) scanCopies();
  const d = report(h, kind);
  FakeDocument.prototype.copyAs = copyAs;
  return d;
}

/** Everything a Doc shows: each element's type, text, formatting, links, images, page break; tables row by row. */
export function structure(d: FakeDocument): unknown {
  const of = (c: FakeContainer | null): unknown =>
    c?.children.map((b) =>
      b instanceof FakeTable
        ? { table: b.rows.map((r) => r.cells.map((cell) => ({ width: cell.getWidth(), children: of(cell) }))), border: b.getBorderWidth() }
        : {
            type: b.type,
            text: b.text,
            heading: b.heading,
            align: b.align,
            style: b.style,
            indents: [b.indentFirstLine, b.indentStart, b.spacingBefore],
            links: b.links,
            marks: b.marks ?? null,
            images: b.images.map((i) => [i.getWidth(), i.getHeight()]),
            pageBreak: Boolean(b.pageBreak),
            ...(b instanceof FakeListItem ? { glyph: b.glyph, nesting: b.nesting } : {}),
          },
    ) ?? null;
  return { body: of(d.body), header: of(d.header), footer: of(d.footer), page: [d.body.getPageWidth(), d.body.getPageHeight()] };
}

/** Every combination of how Docs may style text put in by insertText and by replaceText (undocumented). */
export const STYLE_COMBINATIONS = (['preceding', 'following'] as const).flatMap((insertStyle) => (['match', 'preceding'] as const).map((replaceStyle) => ({ insertStyle, replaceStyle })));

/** The bold of each character of a paragraph, as a string of "B" and "-". */
export const boldOf = (p: FakeParagraph): string => Array.from({ length: p.text.length }, (_, i) => (p.styleAt(i).bold ? 'B' : '-')).join('');

/** The first and last offsets of a part of a paragraph's text, for editAsText. */
export const at = (q: FakeParagraph, part: string) => [q.text.indexOf(part), q.text.indexOf(part) + part.length - 1] as const;
