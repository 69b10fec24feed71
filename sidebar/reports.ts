// The reports dialog: generate a report, or manage the templates. User text
// and links reach the page through textContent and href only.
import type { NotDone, ReportState } from '../src/core/api';
import { COMMENTERS, placeholderGuide, templateSpec, type ReportKind } from '../src/core/report/context';
import { REPORT_KINDS, REPORT_TITLES } from '../src/core/report/default-templates';
import { COMMENT_CHAIN_KEY } from '../src/core/report/signers';
import { servedItem } from '../src/core/report/served';
import { filterGuide } from '../src/core/report/format';
import { call } from './server';
import { h, webLink } from './dom';

declare global {
  interface Window {
    ITA_MODE?: 'report' | 'template';
  }
}

const app = document.getElementById('app')!;
const KINDS = REPORT_KINDS;
let state: ReportState | undefined;

const link = webLink;

function failure(r: NotDone | Error): HTMLElement {
  const msg = r instanceof Error ? r.message : r.message.th;
  const problems = r instanceof Error ? [] : r.problems;
  // English for whoever helps the unit (a consultant, Google support), folded away.
  const en = r instanceof Error ? [] : [r.message.en, ...(r.problemsEn ?? [])].filter(Boolean);
  return h(
    'div',
    { class: 'alert', role: 'alert' },
    msg,
    problems.length ? h('ul', {}, ...problems.map((p) => h('li', {}, p))) : null,
    en.length ? h('details', { class: 'english' }, h('summary', {}, 'English'), h('ul', {}, ...en.map((p) => h('li', {}, p)))) : null,
  );
}

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  const id = `${name}-${value}`;
  return h('div', { class: 'choice' }, h('input', { type: 'radio', name, id, value, checked }), h('label', { for: id }, label));
}

const picked = (name: string) => (document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '');

function renderReport(s: ReportState): void {
  const result = h('div', { id: 'result' });
  const go = h('button', { type: 'submit', class: 'btn primary', id: 'generate' }, 'สร้างรายงาน');
  const year = h('select', { id: 'year' });
  const serves = h('p', { class: 'guide', id: 'serves' });
  // The analysis is of a year's results, with the measures of the year after; it needs that year's scores.
  // The others are of a year's measures (the progress report, its memo, the announcement) or of its OIT checklist.
  const yearsFor = (k: ReportKind): { years: readonly number[]; chosen: number | undefined; label: (y: number) => string } => {
    if (k === 'analysis') return { years: s.scoredYears, chosen: s.scoredYears[0], label: (y) => `ผลการประเมิน พ.ศ. ${y} · มาตรการปี ${y + 1}` };
    const years = k === 'oit' ? s.checklistYears : s.measureYears;
    return { years, chosen: years.includes(s.fiscalYear) ? s.fiscalYear : years[0], label: (y) => `พ.ศ. ${y}` };
  };
  const showServes = () => {
    const kind = picked('kind') as ReportKind;
    const item = year.value ? servedItem(kind, Number(year.value)) : undefined;
    serves.replaceChildren(
      item
        ? `ใช้เป็นหลักฐาน OIT ข้อ ${item.code} ${item.title} ของการประเมินปี ${item.ita}${item.provisional ? ' (ตามรายการล่าสุดที่ทราบ ป.ป.ช. ยังไม่ประกาศรายการของปีนั้น)' : ''}`
        : '',
    );
  };
  const pdf = h('input', { type: 'checkbox', id: 'pdf' });
  // Typed text (measures, settings) follows the digit choice by default with Thai digits; links, codes and telephone numbers never change.
  const typed = h('input', { type: 'checkbox', id: 'typed-digits', checked: true });
  // The memo carries the progress report up the chain (seed 000): both made in one go when asked.
  const withProgress = h('input', { type: 'checkbox', id: 'with-progress', checked: true });
  const attach = h('div', { class: 'choice', hidden: true }, withProgress, h('label', { for: 'with-progress' }, 'สร้างรายงานผลตามมาตรการของปีเดียวกันแนบไปด้วย (ทำพร้อมกันสองฉบับ)'));
  // The add-on reaches only files and folders it made itself (drive.file), so
  // each year's reports go into a folder it makes for the unit and says so.
  const where = h('p', { class: 'guide', id: 'folder' });
  const folders = new Map(s.folders.map((f) => [f.year, f]));
  const showFolder = () => {
    const f = folders.get(Number(year.value));
    if (!f) return void where.replaceChildren();
    where.replaceChildren(
      ...(f.url
        ? ['รายงานจะบันทึกในโฟลเดอร์ ', link(f.url, f.name), ' ที่ส่วนเสริมสร้างไว้']
        : [`รายงานจะบันทึกในโฟลเดอร์ "${f.name}" ที่ส่วนเสริมจะสร้างใน "ไดรฟ์ของฉัน" (ส่วนเสริมเข้าถึงได้เฉพาะไฟล์และโฟลเดอร์ที่ตนสร้าง ย้ายไฟล์ไปที่อื่นได้ภายหลังใน Google ไดรฟ์)`]),
    );
  };
  const noYears = h('p', { class: 'warn', id: 'no-years', hidden: true });
  const NONE: Readonly<Record<ReportKind, string>> = {
    analysis: 'ยังไม่มีปีใดที่มีคะแนนครบ 10 ตัวชี้วัดในแผ่นงาน "คะแนน ITA" กรอกคะแนนที่ ป.ป.ช. ประกาศก่อน จึงจะวิเคราะห์ผลได้',
    progress: 'ยังไม่มีมาตรการในแผ่นงาน "มาตรการ" บันทึกมาตรการในแถบบันทึกมาตรการก่อน',
    oit: 'ยังไม่มีรายการตรวจ OIT สร้างจากเมนู "รายการตรวจ OIT" หรือแท็บรายการตรวจ OIT ก่อน',
    memo: 'ยังไม่มีมาตรการในแผ่นงาน "มาตรการ" บันทึกมาตรการในแถบบันทึกมาตรการก่อน จึงจะเสนอผลการดำเนินการได้',
    announcement: 'ยังไม่มีมาตรการในแผ่นงาน "มาตรการ" บันทึกมาตรการของปีในแถบบันทึกมาตรการก่อน จึงจะประกาศได้',
  };
  const fillYears = () => {
    const kind = (picked('kind') || 'analysis') as ReportKind;
    const { years, chosen, label } = yearsFor(kind);
    year.replaceChildren(...years.map((y) => h('option', { value: y, selected: y === chosen }, label(y))));
    noYears.textContent = NONE[kind];
    noYears.hidden = years.length > 0;
    go.disabled = years.length === 0;
    showFolder();
    showServes();
  };
  year.addEventListener('change', () => {
    showFolder();
    showServes();
  });
  const templates = { ...s.templates };
  const templateLine = (k: ReportKind) => {
    const t = templates[k];
    if (t) return h('span', {}, 'แม่แบบ: ', link(t.url, t.name));
    if (s.unreachable.includes(k)) return h('span', { class: 'warn' }, 'แม่แบบที่ตั้งไว้เปิดด้วยบัญชีนี้ไม่ได้ (ถูกลบ หรือยังไม่ได้แชร์ให้) สร้างแม่แบบของคุณเองในแท็บแม่แบบรายงาน');
    return h('span', {}, 'ยังไม่มีแม่แบบ จะสร้างแม่แบบมาตรฐานให้');
  };
  const guides = new Map(KINDS.map((k) => [k, h('div', { class: 'guide' }, templateLine(k))]));
  const form = h(
    'form',
    { novalidate: true },
    h('fieldset', {}, h('legend', {}, 'รายงาน'), ...KINDS.map((k, i) => h('div', {}, radio('kind', k, REPORT_TITLES[k], i === 0), guides.get(k)!))),
    h('div', { class: 'field' }, h('label', { for: 'year' }, 'ปีงบประมาณ'), year, noYears, serves),
    h(
      'fieldset',
      {},
      h('legend', {}, 'ตัวเลขในรายงาน'),
      radio('digits', 'thai', 'เลขไทย (๘๐.๗๗)', true),
      radio('digits', 'arabic', 'เลขอารบิก (80.77)', false),
      h('div', { class: 'choice' }, typed, h('label', { for: 'typed-digits' }, 'ใช้แบบเดียวกันกับตัวเลขในข้อความที่พิมพ์ไว้ (มาตรการ ค่าตั้งค่า) ยกเว้นลิงก์ รหัสเช่น O12 และเบอร์โทรศัพท์')),
    ),
    attach,
    h('div', { class: 'choice' }, pdf, h('label', { for: 'pdf' }, 'บันทึกเป็น PDF ด้วย')),
    where,
    h('div', { class: 'buttons' }, go, h('button', { type: 'button', class: 'btn', onClick: () => google.script.host.close() }, 'ปิด')),
    result,
  );
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'kind') {
      fillYears();
      attach.hidden = picked('kind') !== 'memo';
    }
    if ((e.target as HTMLInputElement).name === 'digits') typed.checked = picked('digits') !== 'arabic';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (go.disabled) return;
    go.disabled = true;
    go.textContent = 'กำลังสร้างรายงาน…';
    result.replaceChildren(h('p', { class: 'loading' }, 'กำลังสร้างเอกสาร อาจใช้เวลาสักครู่'));
    try {
      const r = await call('generateReport', { kind: picked('kind') as ReportKind, fiscalYear: Number(year.value), digits: picked('digits') === 'arabic' ? 'arabic' : 'thai', typedDigits: typed.checked, withProgress: picked('kind') === 'memo' && withProgress.checked, pdf: pdf.checked });
      if (!r.ok) return void result.replaceChildren(failure(r));
      // The year's folder and the template exist now: the lines above say so.
      folders.set(r.folder.year, r.folder);
      showFolder();
      const kind = picked('kind') as ReportKind;
      templates[kind] = r.template;
      guides.get(kind)!.replaceChildren(templateLine(kind));
      result.replaceChildren(
        h(
          'div',
          { class: 'result ok', role: 'status' },
          h('div', {}, 'สร้างรายงานแล้ว: ', link(r.url, r.name)),
          r.pdfUrl ? h('div', {}, link(r.pdfUrl, 'เปิดไฟล์ PDF')) : null,
          h('div', {}, 'โฟลเดอร์: ', link(r.folder.url, r.folder.name)),
          r.notes.length ? h('ul', {}, ...r.notes.map((n) => h('li', {}, n))) : null,
        ),
      );
    } catch (err) {
      result.replaceChildren(failure(err as Error));
    } finally {
      go.disabled = false;
      go.textContent = 'สร้างรายงาน';
    }
  });
  app.replaceChildren(form);
  fillYears();
  go.focus();
}

function renderTemplates(s: ReportState): void {
  const sections = KINDS.map((k) => {
    const result = h('div', {});
    const url = h('input', { type: 'url', id: `url-${k}`, placeholder: 'https://docs.google.com/document/d/…' });
    const run = async (button: HTMLButtonElement, f: () => ReturnType<typeof call<'createTemplate'>>) => {
      button.disabled = true;
      try {
        const r = await f();
        if (!r.ok) return void result.replaceChildren(failure(r));
        state = { ...s, templates: { ...s.templates, [k]: r.template } };
        result.replaceChildren(
          h('div', { class: 'result ok', role: 'status' }, 'ใช้แม่แบบ ', link(r.template.url, r.template.name), ' แล้ว', r.notes.length ? h('ul', {}, ...r.notes.map((n) => h('li', {}, n))) : null),
        );
      } catch (err) {
        result.replaceChildren(failure(err as Error));
      } finally {
        button.disabled = false;
      }
    };
    const create = h('button', { type: 'button', class: 'btn', onClick: () => void run(create, () => call('createTemplate', { kind: k })) }, 'สร้างแม่แบบมาตรฐาน');
    const use = h('button', { type: 'button', class: 'btn', onClick: () => void run(use, () => call('setTemplate', { kind: k, url: url.value })) }, 'ใช้แม่แบบนี้');
    const t = s.templates[k];
    return h(
      'fieldset',
      {},
      h('legend', {}, REPORT_TITLES[k]),
      h('p', {}, t ? h('span', {}, 'แม่แบบปัจจุบัน: ', link(t.url, t.name)) : 'ยังไม่มีแม่แบบ'),
      create,
      h('div', { class: 'field' }, h('label', { for: url.id }, 'หรือใช้ Google เอกสารของหน่วยงานเอง (ลิงก์)'), url),
      use,
      result,
    );
  });
  const names = placeholderGuide(templateSpec('analysis'));
  const guide = h(
    'details',
    { class: 'guide' },
    h('summary', {}, 'ช่องแทนค่าที่ใช้ในแม่แบบได้'),
    h('p', {}, 'พิมพ์ชื่อในวงเล็บปีกกาคู่ เช่น ', h('code', {}, '{{ชื่อหน่วยงาน}}'), ' หรือใส่ตัวกรอง ', h('code', {}, '{{คะแนนรวม|เลขไทย}}')),
    h('p', {}, names.fields.join(' ')),
    h('p', {}, 'แถวของตารางที่มี ', h('code', {}, '{{แถวซ้ำ:มาตรการ}}'), ' จะถูกคัดลอกทีละมาตรการ ในแถวนั้นใช้ชื่อของแต่ละรายการได้ด้วย:'),
    ...names.collections.map(([c, own]) => h('p', { class: 'repeat' }, h('code', {}, `{{แถวซ้ำ:${c}}}`), REPEAT_NOTES[c] ? ` ${REPEAT_NOTES[c]} ` : ' ', own.join(' '))),
    h(
      'p',
      {},
      'หัวข้อแยกตามกลุ่ม: ย่อหน้าที่มี ',
      h('code', {}, '{{หัวข้อกลุ่ม:มาตรการ}}{{กลุ่ม}}'),
      ' ซึ่งอยู่ติดเหนือตารางที่มีแถวซ้ำของรายการเดียวกัน จะได้หัวข้อและตารางแยกทีละกลุ่ม (มาตรการตามตัวชี้วัด รายการ OIT ตามตัวชี้วัดย่อย) ในย่อหน้านั้นใช้ชื่อของรายการแรกของกลุ่มได้ หรือใช้แถวกลุ่มแบบเดิม ',
      h('code', {}, '{{แถวกลุ่ม:มาตรการ}}{{กลุ่ม}}'),
      ' ในแถวที่อยู่ติดเหนือแถวซ้ำ',
    ),
    h('p', {}, 'กราฟ (ย่อหน้าของตัวเอง กว้างเท่าหน้ากระดาษ): ', h('code', {}, '{{กราฟ:คะแนนตัวชี้วัด}}'), ' ', h('code', {}, '{{กราฟ:คะแนนรวมรายปี}}')),
    h('p', {}, 'ตัวกรอง: ', filterGuide().map(([n, w]) => `${n} = ${w}`).join(' · ')),
    h(
      'p',
      {},
      'เลขหน้า: ส่วนเสริมแทรกเลขหน้าเองไม่ได้ (Google ไม่มีคำสั่งให้สคริปต์แทรกเลขหน้า) ให้ใส่ในแม่แบบของคุณครั้งเดียว ที่เมนู แทรก › เลขหน้า แล้วเลือกแบบที่ไม่แสดงในหน้าแรก รายงานที่สร้างจากแม่แบบของคุณจะมีเลขหน้าตามนั้น (ตัวเลขของเลขหน้าเป็นแบบที่ Google เอกสารแสดง)',
    ),
    h('p', {}, 'ตารางที่กว้างเกินหน้ากระดาษจะถูกย่อให้พอดีระยะขอบโดยคงสัดส่วนของคอลัมน์'),
    h(
      'p',
      {},
      'ไม่ให้หัวข้อกลุ่มค้างท้ายหน้าหรือลายมือชื่อแยกหน้า: ส่วนเสริมตั้งค่าให้เองไม่ได้ ในแม่แบบให้เลือกย่อหน้านั้นแล้วเปิด รูปแบบ › การเว้นบรรทัดและย่อหน้า › เก็บไว้กับย่อหน้าถัดไป (หรือ เก็บบรรทัดไว้ด้วยกัน) รายงานที่สร้างจากแม่แบบจะคงค่านี้ไว้',
    ),
  );
  app.replaceChildren(...sections, guide);
}

/** What each repeating row repeats over, where it is not plain from its name. */
const REPEAT_NOTES: Readonly<Record<string, string>> = {
  มาตรการ: '(มาตรการของปี)',
  'รายการ OIT': '(รายการตรวจ OIT ของปี)',
  [COMMENTERS]: `(ผู้ให้ความเห็นท้ายบันทึกข้อความ ตามลำดับในรายการ "${COMMENT_CHAIN_KEY}" ของแผ่นงานตั้งค่า)`,
};

declare const google: { script: { host: { close(): void } } };

async function main(): Promise<void> {
  try {
    state = await call('reportState', {});
    if (window.ITA_MODE === 'template') renderTemplates(state);
    else renderReport(state);
    document.documentElement.dataset.readyAt = String(Math.round(performance.now()));
  } catch (e) {
    app.replaceChildren(failure(e as Error));
  }
}

void main();
