// The measures sidebar. Every piece of user text reaches the page through
// textContent or a form value, never as HTML.
import type { DeletedView, ListAnswer, MeasureView, Refused } from '../src/core/api';
import { blankMeasure, fieldLabels, STATUSES, type Measure, type MeasureField, type MeasureInput } from '../src/core/measures/model';
import { checkMeasureInput, type FieldErrors } from '../src/core/measures/schema';
import { parseIndicators } from '../src/core/measures/table';
import { beSlashDate, DATE_YEARS_BE, dayOfIso, fromThaiDigits, parseBeDate, thaiDate, toCommonEra } from '../src/core/thai';
import { h } from './dom';
import { renderOit } from './oit-view';
import { call } from './server';

const app = document.getElementById('app')!;
const live = document.getElementById('live')!;
const toast = document.getElementById('toast')!;
const LABELS = fieldLabels();

let data: ListAnswer | undefined;
let query = '';

let toastTimer = 0;

/**
 * Tells what happened: on screen as a toast (a success fades after 6 s, a
 * problem stays until the next message or a click on it) and to screen
 * readers through the live region (the toast itself is aria-hidden).
 */
function announce(text: string, tone: 'ok' | 'error' = 'ok'): void {
  live.textContent = '';
  window.setTimeout(() => (live.textContent = text), 30);
  window.clearTimeout(toastTimer);
  toast.textContent = text;
  toast.className = `toast ${tone}`;
  showToast(true);
  if (tone === 'ok') toastTimer = window.setTimeout(() => showToast(false), 6000);
}
/** The toast, and room below the page for it, so it never hides the end of the page. */
function showToast(on: boolean): void {
  toast.hidden = !on;
  app.style.paddingBottom = on ? `${toast.offsetHeight + 16}px` : '';
}
toast.addEventListener('click', () => showToast(false));

function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m || 'เกิดข้อผิดพลาดที่ไม่ทราบสาเหตุ';
}

function refusalText(r: Refused): string {
  return r.kind === 'invalid' ? 'ข้อมูลบางช่องไม่ถูกต้อง กรุณาแก้ไขตามข้อความใต้ช่องนั้น' : r.message.th;
}

const badgeClass = (s: string) => (s === 'ดำเนินการแล้ว' ? 'done' : s === 'กำลังดำเนินการ' ? 'doing' : 'todo');

function formatDay(iso: string, month: 'abbr' | 'full' = 'abbr'): string {
  const day = dayOfIso(iso);
  return day ? thaiDate(day, { month, digits: 'arabic' }) : iso;
}

// ------------------------------------------------------------------ list

async function loadList(fiscalYear?: number): Promise<void> {
  app.setAttribute('aria-busy', 'true');
  try {
    data = await call('list', fiscalYear === undefined ? {} : { fiscalYear });
    renderList();
  } catch (e) {
    renderFatal(messageOf(e));
  } finally {
    app.removeAttribute('aria-busy');
  }
}

/** The two views of the sidebar, as tabs. */
function tabs(active: 'measures' | 'oit'): HTMLElement {
  const tab = (id: 'measures' | 'oit', label: string, go: () => void) =>
    h('button', { type: 'button', role: 'tab', class: 'tab', id: `tab-${id}`, 'aria-selected': active === id ? 'true' : 'false', onClick: go }, label);
  return h(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': 'มุมมอง' },
    tab('measures', 'มาตรการ', () => renderList()),
    tab('oit', 'รายการตรวจ OIT', () => void renderOit(app, tabs('oit'), data?.fiscalYear, announce)),
  );
}

function renderFatal(text: string): void {
  app.replaceChildren(
    h('div', { class: 'alert', role: 'alert' }, text),
    h('button', { type: 'button', class: 'btn', onClick: () => void loadList() }, 'ลองใหม่'),
  );
}

/**
 * Search over the measure's text and its indicators' names, Thai digits as
 * Arabic; a number 1–10 alone also finds the measures of that indicator
 * ("1" finds indicator 1, not 10).
 */
function matches(v: MeasureView, query: string, names: readonly string[]): boolean {
  const q = fromThaiDigits(query).trim().toLowerCase();
  if (!q) return true;
  const m = v.measure;
  const number = /^\d+$/.test(q);
  if (number && m.indicators.includes(Number(q))) return true;
  const indicators = number ? [] : m.indicators.map((n) => `ตัวชี้วัดที่ ${n} ${names[n - 1] ?? ''}`);
  return fromThaiDigits([m.measure, m.issue, m.method, m.responsible, m.status, m.result, m.outcome, m.followUp, ...indicators].join('\n'))
    .toLowerCase()
    .includes(q);
}

function renderList(): void {
  if (!data) return;
  const d = data;
  const count = (s: string) => d.measures.filter((v) => v.measure.status === s).length;

  const yearSelect = h(
    'select',
    { id: 'year', onChange: (e) => void loadList(Number((e.target as HTMLSelectElement).value)) },
    ...d.years.map((y) => h('option', { value: y, selected: y === d.fiscalYear }, `พ.ศ. ${y}`)),
  );
  const search = h('input', {
    id: 'search',
    type: 'search',
    placeholder: 'ค้นหามาตรการ ตัวชี้วัด ผู้รับผิดชอบ',
    value: query,
    onInput: (e) => {
      query = (e.target as HTMLInputElement).value;
      renderGroups();
    },
  });
  const groups = h('div', { id: 'groups' });

  function renderGroups(): void {
    const visible = d.measures.filter((v) => matches(v, query, d.indicatorNames));
    const byIndicator = new Map<number, MeasureView[]>();
    for (const v of visible) for (const n of v.measure.indicators.length ? v.measure.indicators : [0]) byIndicator.set(n, [...(byIndicator.get(n) ?? []), v]);
    const order = [...byIndicator.keys()].sort((a, b) => (a || 99) - (b || 99));
    groups.replaceChildren(
      ...(visible.length
        ? order.map((n) =>
            h(
              'section',
              { class: 'group', 'aria-label': n ? `ตัวชี้วัดที่ ${n}` : 'ไม่ระบุตัวชี้วัด' },
              h('h2', {}, n ? `ตัวชี้วัดที่ ${n} ${d.indicatorNames[n - 1] ?? ''}` : 'ไม่ระบุตัวชี้วัด', h('span', { class: 'count' }, ` (${byIndicator.get(n)!.length})`)),
              h('ul', { class: 'items' }, ...byIndicator.get(n)!.map(item)),
            ),
          )
        : [h('p', { class: 'empty' }, d.measures.length ? 'ไม่พบมาตรการที่ตรงกับคำค้น' : `ยังไม่มีมาตรการของปี ${d.fiscalYear} กด "เพิ่มมาตรการ" เพื่อเริ่ม`)]),
    );
    summary.textContent = `${visible.length === d.measures.length ? '' : `แสดง ${visible.length} จาก `}${d.measures.length} มาตรการ`;
  }

  const summary = h('p', { class: 'summary', id: 'summary' });
  app.replaceChildren(
    tabs('measures'),
    h(
      'header',
      { class: 'bar' },
      h('label', { for: 'year', class: 'sr-only' }, 'ปีงบประมาณ'),
      yearSelect,
      h('button', { type: 'button', class: 'btn primary', id: 'add', onClick: () => openForm(undefined) }, '+ เพิ่มมาตรการ'),
    ),
    h(
      'div',
      { class: 'stats', role: 'group', 'aria-label': 'จำนวนตามสถานะ' },
      ...STATUSES.map((s) => h('span', { class: `badge ${badgeClass(s)}` }, `${s} ${count(s)}`)),
    ),
    h('label', { for: 'search', class: 'sr-only' }, 'ค้นหา'),
    search,
    summary,
    groups,
    h(
      'footer',
      { class: 'foot' },
      h('button', { type: 'button', class: 'link', id: 'show-deleted', onClick: () => void openDeleted() }, 'มาตรการที่ลบ (กู้คืนได้)'),
    ),
  );
  renderGroups();
}

function item(v: MeasureView): HTMLLIElement {
  const m = v.measure;
  const li = h(
    'li',
    { class: 'item', 'data-id': m.id },
    h('div', { class: 'title' }, m.measure || '(ไม่มีชื่อมาตรการ)'),
    h(
      'div',
      { class: 'meta' },
      h('span', { class: `badge ${badgeClass(m.status)}` }, m.status),
      m.responsible ? h('span', {}, m.responsible) : null,
      m.endDate ? h('span', {}, `ถึง ${formatDay(m.endDate)}`) : null,
    ),
    v.notes.length ? h('div', { class: 'note', role: 'note' }, `⚠ ${v.notes.join(' · ')}`) : null,
  );
  const actions = h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', class: 'btn small', onClick: () => openForm(m), 'aria-label': `แก้ไข ${m.measure}` }, 'แก้ไข'),
    h('button', { type: 'button', class: 'btn small', onClick: () => void duplicate(li, m, false), 'aria-label': `คัดลอกไปปี ${m.fiscalYear + 1}: ${m.measure}` }, `คัดลอกไปปี ${m.fiscalYear + 1}`),
    h('button', { type: 'button', class: 'btn small danger', onClick: () => confirmDelete(li, m), 'aria-label': `ลบ ${m.measure}` }, 'ลบ'),
  );
  li.append(actions);
  return li;
}

function confirmDelete(li: HTMLLIElement, m: Measure): void {
  li.querySelector('.confirm')?.remove();
  const no = h('button', { type: 'button', class: 'btn small', onClick: () => box.remove() }, 'ยกเลิก');
  const yes = h(
    'button',
    {
      type: 'button',
      class: 'btn small danger',
      onClick: async () => {
        yes.disabled = true;
        try {
          const r = await call('remove', { base: m });
          if (!r.ok) {
            box.replaceChildren(h('span', { role: 'alert' }, refusalText(r)), no);
            return;
          }
          announce(`ลบ "${short(m.measure)}" แล้ว กู้คืนได้จาก "มาตรการที่ลบ"`);
          await loadList(data?.fiscalYear);
        } catch (e) {
          box.replaceChildren(h('span', { role: 'alert' }, messageOf(e)), no);
        }
      },
    },
    'ยืนยันการลบ',
  );
  const box = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': 'ยืนยันการลบ' }, h('span', {}, 'ลบมาตรการนี้? ย้ายไปแผ่นงาน "มาตรการที่ลบ" และกู้คืนได้'), yes, no);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') box.remove();
  });
  li.append(box);
  no.focus();
}

/** A measure's title, shortened for a message. */
const short = (t: string) => (t.length > 60 ? `${t.slice(0, 60)}…` : t || '(ไม่มีชื่อมาตรการ)');

/** Copies a measure into the next year; when that year seems to hold a copy already, asks first (beside the item). */
async function duplicate(li: HTMLLIElement, m: Measure, again: boolean): Promise<void> {
  try {
    const r = await call('duplicate', { id: m.id, base: m, again }); // the row as shown: a copy of it, or refused when it changed since
    if (!r.ok && r.kind === 'copied') return askAgain(li, m, r.message.th);
    if (!r.ok) return announce(refusalText(r), 'error');
    await loadList(r.measure.fiscalYear);
    announce(`คัดลอก "${short(m.measure)}" ไปปีงบประมาณ ${r.measure.fiscalYear} แล้ว`);
  } catch (e) {
    announce(messageOf(e), 'error');
  }
}

function askAgain(li: HTMLLIElement, m: Measure, why: string): void {
  li.querySelector('.confirm')?.remove();
  const no = h('button', { type: 'button', class: 'btn small', onClick: () => box.remove() }, 'ไม่คัดลอก');
  const yes = h(
    'button',
    {
      type: 'button',
      class: 'btn small',
      onClick: () => {
        box.remove();
        void duplicate(li, m, true);
      },
    },
    'คัดลอกอีกครั้ง',
  );
  const box = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': 'คัดลอกซ้ำ' }, h('span', {}, why), yes, no);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') box.remove();
  });
  li.append(box);
  no.focus();
}

// ------------------------------------------------------------------ form

const TEXTAREAS: readonly MeasureField[] = ['measure', 'issue', 'method', 'followUp', 'result', 'outcome', 'suggestion', 'problems'];

function openForm(base: Measure | undefined): void {
  if (!data) return;
  const values: MeasureInput = base ?? blankMeasure(data.fiscalYear);
  const errors = new Map<MeasureField, HTMLElement>();
  const inputs = new Map<MeasureField, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();

  const field = (f: MeasureField, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: string) => {
    control.id = `f-${f}`;
    control.name = f;
    const err = h('div', { class: 'error', id: `e-${f}` });
    errors.set(f, err);
    inputs.set(f, control);
    control.setAttribute('aria-describedby', `e-${f}${hint ? ` h-${f}` : ''}`);
    return h('div', { class: 'field' }, h('label', { for: control.id }, LABELS[f]), control, hint ? h('div', { class: 'hint', id: `h-${f}` }, hint) : null, err);
  };
  const text = (f: MeasureField, v: string) =>
    TEXTAREAS.includes(f) ? h('textarea', { rows: f === 'measure' ? 3 : 2, value: v }) : h('input', { type: 'text', value: v });

  const indicatorInput = h('input', { type: 'text', value: values.indicators.join(', '), inputmode: 'numeric', autocomplete: 'off' });
  const chips = h(
    'div',
    { class: 'chips', role: 'group', 'aria-label': 'เลือกตัวชี้วัด' },
    ...data.indicatorNames.map((name, i) => {
      const n = i + 1;
      const chip = h('button', { type: 'button', class: 'chip', title: name, 'aria-pressed': values.indicators.includes(n) ? 'true' : 'false', 'aria-label': `ตัวชี้วัดที่ ${n} ${name}` }, String(n));
      chip.addEventListener('click', () => {
        const set = new Set(parseIndicators(indicatorInput.value).indicators);
        if (set.has(n)) set.delete(n);
        else set.add(n);
        indicatorInput.value = [...set].sort((a, b) => a - b).join(', ');
        syncChips();
      });
      return chip;
    }),
  );
  const syncChips = () => {
    const set = new Set(parseIndicators(indicatorInput.value).indicators);
    chips.querySelectorAll<HTMLButtonElement>('.chip').forEach((c, i) => c.setAttribute('aria-pressed', set.has(i + 1) ? 'true' : 'false'));
  };
  indicatorInput.addEventListener('input', syncChips);

  const years = [...new Set([...data.years, data.fiscalYear + 1, values.fiscalYear])].sort((a, b) => b - a);
  const status = h('select', {}, ...STATUSES.map((s) => h('option', { value: s, selected: s === values.status }, s)));
  const yearSel = h('select', {}, ...years.map((y) => h('option', { value: y, selected: y === values.fiscalYear }, String(y))));
  const alert = h('div', { class: 'alert', role: 'alert', id: 'form-alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn primary', id: 'save' }, 'บันทึก');
  const cancel = h('button', { type: 'button', class: 'btn', id: 'cancel', onClick: () => leave() }, 'ยกเลิก');
  const buttons = h('div', { class: 'buttons' }, save, cancel);

  /**
   * A date typed in the Buddhist Era (parseBeDate), with a calendar button:
   * the browser's own date picker behind it, its Common-Era day written back
   * as พ.ศ. Below, the day as understood ("15 มกราคม 2569").
   */
  const dateField = (f: 'startDate' | 'endDate') => {
    const input = h('input', { type: 'text', value: beSlashDate(values[f]), placeholder: 'วว/ดด/ปปปป (พ.ศ.)', autocomplete: 'off' });
    const picker = h('input', { type: 'date', class: 'picker', tabindex: -1, 'aria-hidden': 'true', min: `${toCommonEra(DATE_YEARS_BE.min)}-01-01`, max: `${toCommonEra(DATE_YEARS_BE.max)}-12-31` });
    const button = h('button', { type: 'button', class: 'btn pick', id: `pick-${f}`, 'aria-label': `เลือก${LABELS[f]}จากปฏิทิน` }, 'ปฏิทิน');
    const wrap = field(f, input, ' ');
    const hint = wrap.querySelector<HTMLElement>('.hint')!;
    const explain = () => {
      const p = parseBeDate(input.value);
      hint.textContent = p.ok && p.iso ? `= ${formatDay(p.iso, 'full')}` : 'วัน/เดือน/ปี พ.ศ. เช่น 15/01/2569';
      if (p.ok) {
        errors.get(f)!.textContent = '';
        input.removeAttribute('aria-invalid');
      }
    };
    input.addEventListener('input', explain);
    input.addEventListener('change', () => {
      const p = parseBeDate(input.value);
      if (!p.ok) {
        errors.get(f)!.textContent = p.th;
        input.setAttribute('aria-invalid', 'true');
      }
    });
    button.addEventListener('click', () => {
      const p = parseBeDate(input.value);
      picker.value = p.ok ? p.iso : '';
      try {
        picker.showPicker();
      } catch {
        // No showPicker (older browsers) or not allowed: the picker itself, shown.
        picker.classList.add('shown');
        picker.removeAttribute('aria-hidden');
        picker.setAttribute('aria-label', `${LABELS[f]} (ปฏิทิน ค.ศ.)`);
        picker.tabIndex = 0;
        picker.focus();
      }
    });
    picker.addEventListener('change', () => {
      if (!dayOfIso(picker.value)) return;
      input.value = beSlashDate(picker.value);
      explain();
      input.focus();
    });
    const row = h('div', { class: 'date-row' });
    input.replaceWith(row);
    row.append(input, button, picker);
    explain();
    return wrap;
  };

  /** What each control holds now, to tell a changed form from an untouched one. */
  const snapshot = () => JSON.stringify([...form.querySelectorAll<HTMLInputElement>('input:not(.picker), textarea, select')].map((c) => c.value));

  /** Leaves the form: at once when nothing was changed, else after asking. */
  const leave = () => {
    if (snapshot() === initial) return renderList();
    if (discard.isConnected) return keep.focus();
    const from = document.activeElement as HTMLElement | null;
    discard.replaceChildren(h('span', {}, 'มีข้อมูลที่กรอกหรือแก้ไขไว้ ต้องการทิ้งข้อมูลนี้หรือไม่'), drop, keep);
    keep.onclick = () => {
      discard.remove();
      (from && from.isConnected ? from : save).focus();
    };
    buttons.prepend(discard);
    keep.focus();
  };
  const discard = h('div', { class: 'confirm', role: 'alertdialog', id: 'discard', 'aria-label': 'ทิ้งข้อมูลที่กรอก' });
  const drop = h('button', { type: 'button', class: 'btn small danger', onClick: () => renderList() }, 'ทิ้งข้อมูล');
  const keep = h('button', { type: 'button', class: 'btn small' }, 'กลับไปแก้ไข');

  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'form-title' },
    h('h2', { id: 'form-title' }, base ? 'แก้ไขมาตรการ' : 'เพิ่มมาตรการ'),
    alert,
    field('measure', text('measure', values.measure)),
    h('div', { class: 'field-wrap' }, field('indicators', indicatorInput, 'พิมพ์เลข เช่น 1, 9 หรือกดปุ่มด้านล่าง'), chips),
    field('issue', text('issue', values.issue)),
    field('method', text('method', values.method)),
    field('responsible', h('input', { type: 'text', value: values.responsible, list: 'divisions' })),
    h('datalist', { id: 'divisions' }, ...['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา ศาสนาและวัฒนธรรม', 'กองสวัสดิการสังคม'].map((d) => h('option', { value: d }))),
    dateField('startDate'),
    dateField('endDate'),
    field('followUp', text('followUp', values.followUp)),
    field('status', status),
    field('fiscalYear', yearSel),
    field('result', text('result', values.result)),
    field('outcome', text('outcome', values.outcome)),
    field('suggestion', text('suggestion', values.suggestion)),
    field('problems', text('problems', values.problems)),
    field('evidenceUrl', h('input', { type: 'url', value: values.evidenceUrl, placeholder: 'https://', inputmode: 'url' })),
    buttons,
  );
  const initial = snapshot();

  /** The form's input, dates as "YYYY-MM-DD"; a date that cannot be read goes as "" and its message in `dateErrors`. */
  const read = (dateErrors: FieldErrors): Record<string, unknown> => {
    const v = (f: MeasureField) => inputs.get(f)!.value;
    const dates = { startDate: '', endDate: '' };
    for (const f of ['startDate', 'endDate'] as const) {
      const p = parseBeDate(v(f));
      if (p.ok) dates[f] = p.iso;
      else dateErrors[f] = p.th;
    }
    const ind = parseIndicators(v('indicators'));
    return {
      fiscalYear: Number(v('fiscalYear')),
      indicators: ind.unreadable.length ? [0] : ind.indicators,
      issue: v('issue'),
      measure: v('measure'),
      method: v('method'),
      responsible: v('responsible'),
      startDate: dates.startDate,
      endDate: dates.endDate,
      followUp: v('followUp'),
      status: v('status'),
      result: v('result'),
      outcome: v('outcome'),
      suggestion: v('suggestion'),
      problems: v('problems'),
      evidenceUrl: v('evidenceUrl'),
    };
  };

  const showErrors = (errs: FieldErrors) => {
    let first: HTMLElement | undefined;
    for (const [f, el] of errors) {
      const msg = errs[f] ?? '';
      el.textContent = msg;
      const input = inputs.get(f)!;
      if (msg) {
        input.setAttribute('aria-invalid', 'true');
        first ??= input;
      } else input.removeAttribute('aria-invalid');
    }
    first?.focus();
  };
  const showAlert = (text: string) => {
    alert.textContent = text;
    alert.hidden = !text;
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    showAlert('');
    const dateErrors: FieldErrors = {};
    const input = read(dateErrors);
    const checked = checkMeasureInput(input);
    if (!checked.ok || Object.keys(dateErrors).length) {
      // A date typed but not readable (half-typed, no such day) is refused here, never sent as blank.
      showErrors({ ...(checked.ok ? {} : checked.errors), ...dateErrors });
      showAlert('ข้อมูลบางช่องไม่ถูกต้อง กรุณาแก้ไขตามข้อความใต้ช่องนั้น');
      return;
    }
    showErrors({});
    save.disabled = true;
    save.setAttribute('aria-busy', 'true');
    save.textContent = 'กำลังบันทึก…';
    try {
      const r = await call('save', base ? { input: checked.value, base } : { input: checked.value });
      if (!r.ok) {
        if (r.kind === 'invalid') showErrors(r.errors);
        showAlert(refusalText(r));
        return;
      }
      query = '';
      await loadList(r.measure.fiscalYear);
      announce(`บันทึก "${short(r.measure.measure)}" แล้ว`);
      app.querySelector<HTMLElement>(`[data-id="${CSS.escape(r.measure.id)}"] .title`)?.setAttribute('tabindex', '-1');
    } catch (err) {
      showAlert(`บันทึกไม่สำเร็จ: ${messageOf(err)} — ข้อมูลที่กรอกยังอยู่ครบ ลองบันทึกอีกครั้งได้`);
    } finally {
      save.disabled = false;
      save.removeAttribute('aria-busy');
      save.textContent = 'บันทึก';
    }
  });
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    if (discard.isConnected) keep.click();
    else leave();
  });

  app.replaceChildren(form);
  inputs.get('measure')!.focus();
}

// ------------------------------------------------------------------ deleted

async function openDeleted(): Promise<void> {
  let rows: readonly DeletedView[];
  try {
    rows = await call('deleted', {});
  } catch (e) {
    return announce(messageOf(e), 'error');
  }
  const back = h('button', { type: 'button', class: 'btn', id: 'back', onClick: () => renderList() }, '← กลับ');
  app.replaceChildren(
    h('header', { class: 'bar' }, back, h('h2', {}, 'มาตรการที่ลบ')),
    rows.length
      ? h(
          'ul',
          { class: 'items' },
          ...rows.map((d) =>
            h(
              'li',
              { class: 'item', 'data-id': d.measure.id },
              h('div', { class: 'title' }, d.measure.measure || '(ไม่มีชื่อมาตรการ)'),
              h('div', { class: 'meta' }, h('span', {}, `ปี ${d.measure.fiscalYear}`), d.deletedBy ? h('span', {}, `ลบโดย ${d.deletedBy}`) : null),
              h(
                'div',
                { class: 'actions' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'btn small',
                    'aria-label': `กู้คืน ${d.measure.measure}`,
                    onClick: async () => {
                      try {
                        const r = await call('recover', { id: d.measure.id });
                        if (!r.ok) return announce(refusalText(r), 'error');
                        await loadList(r.measure.fiscalYear);
                        announce(`กู้คืน "${short(r.measure.measure)}" แล้ว (ปีงบประมาณ ${r.measure.fiscalYear})`);
                      } catch (e) {
                        announce(messageOf(e), 'error');
                      }
                    },
                  },
                  'กู้คืน',
                ),
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'ไม่มีมาตรการที่ลบ'),
  );
  back.focus();
}

void loadList().then(() => {
  // For the load-time figure of npm run bench: the moment the list can be used.
  document.documentElement.dataset.readyAt = String(Math.round(performance.now()));
});
