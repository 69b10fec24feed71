// The default report templates, as data: what "สร้างแม่แบบรายงาน" writes into a
// new Google Doc, which the unit may then restyle freely. Formal Thai
// government documents (Sarabun 16 pt), in our own words; the tables are the
// ones the published documents use (ITA-METHOD.md §6). One file per kind in templates/.
import type { ReportKind } from './context';
import type { TemplateText } from './template';
import { cellParagraphs, type TemplateDoc } from './templates/blocks';
import { analysisTemplate } from './templates/analysis';
import { announcementTemplate } from './templates/announcement';
import { memoTemplate } from './templates/memo';
import { oitTemplate } from './templates/oit';
import { progressTemplate } from './templates/progress';

export { FONT, REPORT_KINDS, REPORT_TITLES, cellParagraphs, type Block, type TemplateDoc } from './templates/blocks';

const TEMPLATES: Readonly<Record<ReportKind, () => TemplateDoc>> = {
  analysis: analysisTemplate,
  progress: progressTemplate,
  oit: oitTemplate,
  memo: memoTemplate,
  announcement: announcementTemplate,
};

/** The default template of each report. */
export function defaultTemplate(kind: ReportKind): TemplateDoc {
  return TEMPLATES[kind]();
}

/** Every text of a template with where it is, for checkTemplate. */
export function templateTexts(t: TemplateDoc): TemplateText[] {
  const out: TemplateText[] = [
    { where: 'ชื่อรายงาน', text: t.reportName },
    { where: 'หัวกระดาษ', text: t.header },
    { where: 'ท้ายกระดาษ', text: t.footer },
  ];
  let table = 0;
  t.body.forEach((b, i) => {
    const next = t.body[i + 1];
    if (b.kind === 'table') {
      table += 1;
      const at = (index: number) => ({ table: `ตาราง ${table}`, index });
      // A table without a header starts with its group or repeating row.
      let r = 0;
      if (b.header.length) {
        b.header.forEach((text) => out.push({ where: `ตาราง ${table} แถว 1`, text, row: at(0) }));
        r = 1;
      }
      if (b.group) out.push({ where: `ตาราง ${table} แถวกลุ่ม`, text: b.group, row: at(r++) });
      for (const c of b.row) for (const p of cellParagraphs(c)) out.push({ where: `ตาราง ${table} แถวซ้ำ`, text: p.text, row: at(r) });
    } else if (b.kind === 'chart') out.push({ where: `ย่อหน้า ${i + 1}`, text: `{{กราฟ:${b.name}}}` });
    else if (b.kind !== 'pageBreak') out.push({ where: `ย่อหน้า ${i + 1}`, text: b.text, ...(next?.kind === 'table' ? { above: `ตาราง ${table + 1}` } : {}) });
  });
  return out;
}
