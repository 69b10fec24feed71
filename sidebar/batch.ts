// The batch reports dialog (issue 12): one analysis report per unit of the
// units sheet, made in slices. While the dialog is open and a run is active it
// asks for the next slice as soon as the last one returns — one call at a time,
// each its own Apps Script execution with its own time limit — and stops on
// finish, cancel, a spent quota, a pause the server explains, or an error.
// User text and links reach the page through textContent and href only.
import type { BatchProgress, BatchState } from '../src/core/api';
import type { Bilingual } from '../src/core/errors';
import { UNITS_SHEET } from '../src/core/units';
import { call, type Request } from './server';
import { h, webLink } from './dom';

declare const google: { script: { host: { close(): void } } };

type BatchMethod = 'batchState' | 'batchStart' | 'batchStep' | 'batchCancel';

/** Lists longer than this open folded. */
const FOLD_AFTER = 5;
/**
 * Answers in a row that change no count before the loop stops by itself. The
 * server makes at least one unit per slice or says why it stopped, so this only
 * guards against calling Apps Script for ever.
 */
const STILL_ANSWERS = 3;

const app = document.getElementById('app')!;
const live = document.getElementById('live')!;

let state: BatchState | undefined;
/** A call is on its way: no other is sent until it returns. */
let inFlight = false;
/** The dialog carries the run on: each answer is followed by the next step. */
let looping = false;
/** Cancel was confirmed while a call was on its way: sent once it returns. */
let cancelAsked = false;
let error: Error | undefined;
/** Why the loop stopped on the page's side (no progress), in Thai. */
let stoppedWhy: string | undefined;
/** The year and district shown: the run's while one is active, else the person's choice. */
let choice = { year: 0, district: '' };

const districtName = (d: string): string => (d ? `อำเภอ${d.replace(/^อ(?:ำเภอ|\.)\s*/, '')}` : 'ทุกอำเภอ');

// ---------------------------------------------------------------------------
// The page, built once and updated in place (focus, folded lists and the
// confirmation stay as they are while the counts move).

const year = h('select', { id: 'year', onChange: () => choose() });
const district = h('select', { id: 'district', onChange: () => choose() });
const redo = h('input', { type: 'checkbox', id: 'redo', onChange: () => update() });
const plan = h('p', { id: 'plan', class: 'guide' });
const nothing = h('p', { id: 'nothing', class: 'guide', hidden: true });
const choices = h(
  'fieldset',
  { id: 'choices' },
  h('legend', {}, 'ชุดรายงาน'),
  h('div', { class: 'pair' }, h('div', { class: 'field' }, h('label', { for: 'year' }, 'ปีงบประมาณ'), year), h('div', { class: 'field' }, h('label', { for: 'district' }, 'อำเภอ'), district)),
  h('div', { class: 'choice' }, redo, h('label', { for: 'redo' }, 'สร้างใหม่ทั้งหมด รวมที่เสร็จแล้ว')),
  plan,
  nothing,
);

const headline = h('p', { id: 'headline', class: 'headline' });
const bar = h('progress', { id: 'progress', max: 1, value: 0 });
const counts = h('ul', { id: 'counts', class: 'counts' });
const mode = h('p', { id: 'mode', class: 'guide' });
const folder = h('p', { id: 'folder' });
const progressBox = h('section', { id: 'run', class: 'panel', 'aria-label': 'ความคืบหน้า' }, headline, bar, counts, mode, folder);

const message = h('div', { id: 'message' });

/** A list under a summary, folded when long unless the person opened or closed it. */
function foldList(id: string, title: string): { el: HTMLElement; set(items: readonly string[]): void } {
  const summary = h('summary', {});
  const list = h('ul', {});
  const el = h('details', { id, class: 'fold' }, summary, list);
  let touched = false;
  summary.addEventListener('click', () => (touched = true));
  return {
    el,
    set(items) {
      el.hidden = items.length === 0;
      summary.textContent = `${title} (${items.length})`;
      list.replaceChildren(...items.map((t) => h('li', {}, t)));
      if (!touched) el.open = items.length <= FOLD_AFTER;
    },
  };
}
const problems = foldList('problems', 'หน่วยงานที่สร้างรายงานไม่ได้');
const notes = foldList('notes', 'หมายเหตุ');

const start = h('button', { type: 'button', class: 'btn primary', id: 'start', onClick: () => void begin() }, 'เริ่ม');
const resume = h('button', { type: 'button', class: 'btn primary', id: 'resume', onClick: () => void carryOn(() => send('batchStep', {})) }, 'ทำต่อ');
const cancel = h('button', { type: 'button', class: 'btn danger', id: 'cancel', onClick: () => askCancel() }, 'ยกเลิก');
const close = h('button', { type: 'button', class: 'btn', id: 'close', onClick: () => google.script.host.close() }, 'ปิด');
const yes = h('button', { type: 'button', class: 'btn danger', id: 'cancel-yes', onClick: () => void confirmCancel() }, 'ยืนยันยกเลิก');
const no = h('button', { type: 'button', class: 'btn', id: 'cancel-no', onClick: () => dropCancel() }, 'ไม่ยกเลิก');
const confirmBox = h(
  'div',
  { class: 'confirm', id: 'confirm', role: 'group', 'aria-labelledby': 'confirm-text', hidden: true },
  h('span', { id: 'confirm-text' }, 'ยกเลิกชุดนี้? รายงานที่สร้างแล้วยังอยู่ในโฟลเดอร์ หน่วยงานที่ยังไม่ได้ทำจะคงสถานะ "รอ" ไว้ เริ่มใหม่ภายหลังได้'),
  yes,
  no,
);
const buttons = h('div', { class: 'buttons' }, start, resume, cancel, close, confirmBox);

// ---------------------------------------------------------------------------
// Calls.

/** Sends one call unless one is on its way; false when none was sent or it failed. */
async function send<M extends BatchMethod>(method: M, request: Request<M>): Promise<boolean> {
  if (inFlight) return false;
  inFlight = true;
  update();
  try {
    const s = (await call(method, request)) as BatchState;
    error = undefined;
    // The server shows the active run whatever was asked; else the year asked, else the last run.
    const asked = (request as { year?: number }).year;
    if (s.run && (s.run.active || asked === undefined)) choice = { year: s.run.year, district: s.run.district };
    else if (asked === undefined) choice = { year: s.years[0] ?? 0, district: '' };
    state = s;
    return true;
  } catch (e) {
    error = e instanceof Error ? e : new Error(String(e));
    return false;
  } finally {
    inFlight = false;
    update();
  }
}

/** Whether the answer lets the dialog ask for the next slice at once. */
const goesOn = (s: BatchState): boolean => !!s.run && s.run.active && !s.run.waitingForQuota && !s.message;

const countsKey = (p: BatchProgress | undefined): string => (p ? [p.total, p.done, p.failed, p.working, p.todo].join('/') : '');

/** Runs the first call, then one step after another while the run goes on. */
async function carryOn(first: () => Promise<boolean>): Promise<void> {
  if (inFlight || looping) return;
  looping = true;
  stoppedWhy = undefined;
  let last = countsKey(state?.progress);
  let still = 0;
  let ok = await first();
  while (ok && looping && state && goesOn(state)) {
    const now = countsKey(state.progress);
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= STILL_ANSWERS) {
      stoppedWhy = 'หยุดไว้ก่อน: หลายรอบล่าสุดไม่มีความคืบหน้า กด "ทำต่อ" เพื่อลองอีกครั้ง';
      break;
    }
    ok = await send('batchStep', {});
  }
  looping = false;
  if (cancelAsked) {
    cancelAsked = false;
    await send('batchCancel', {});
  }
  update();
}

function begin(): void {
  if (inFlight || looping) return;
  void carryOn(() => send('batchStart', { year: choice.year, district: choice.district, redo: redo.checked }));
}

function choose(): void {
  if (inFlight) return;
  choice = { year: Number(year.value), district: district.value };
  void send('batchState', { year: choice.year, district: choice.district });
}

function askCancel(): void {
  confirmBox.hidden = false;
  update();
  no.focus();
}

function dropCancel(): void {
  confirmBox.hidden = true;
  update();
  cancel.focus();
}

async function confirmCancel(): Promise<void> {
  confirmBox.hidden = true;
  if (looping) {
    // A step is on its way (or about to be): it is let finish, then the cancel goes.
    cancelAsked = true;
    looping = false;
    update();
    return;
  }
  if (inFlight) return;
  await send('batchCancel', {});
  cancel.focus();
}

// ---------------------------------------------------------------------------
// Showing the state.

function note(kind: 'alert' | 'notice', th: string, en?: string): HTMLElement {
  const extra = en && en !== th ? h('details', { class: 'english' }, h('summary', {}, 'English'), h('p', {}, en)) : null;
  return h('div', kind === 'alert' ? { class: 'alert', role: 'alert' } : { class: 'notice', role: 'status' }, h('p', {}, th), extra);
}

function setOptions(select: HTMLSelectElement, options: readonly (readonly [string, string])[], value: string): void {
  const key = JSON.stringify(options);
  if (select.dataset.options !== key) {
    select.replaceChildren(...options.map(([v, label]) => h('option', { value: v }, label)));
    select.dataset.options = key;
  }
  select.value = value;
}

let said = '';

function update(): void {
  const s = state;
  if (!s) return;
  const run = s.run;
  const active = !!run?.active;
  // The run shown: the active one, or the last one when it is of the year and district shown.
  const shown = run && (active || (run.year === choice.year && run.district === choice.district)) ? run : undefined;
  const p: BatchProgress = s.progress ?? { total: 0, done: 0, failed: 0, working: 0, todo: 0 };

  const years = [...s.years];
  if (choice.year && !years.includes(choice.year)) years.push(choice.year);
  setOptions(year, years.map((y) => [String(y), `พ.ศ. ${y}`] as const), String(choice.year));
  const districts = [...s.districts];
  if (choice.district && !districts.includes(choice.district)) districts.push(choice.district);
  setOptions(district, [['', 'ทุกอำเภอ'] as const, ...districts.map((d) => [d, d] as const)], choice.district);
  const none = s.years.length === 0 && !active;
  choices.hidden = none;
  progressBox.hidden = none;
  year.disabled = district.disabled = inFlight || active || looping;
  redo.disabled = inFlight || active || looping;
  plan.textContent = s.plan?.th ?? '';
  const idle = p.total === 0 ? `ไม่มีหน่วยงานของปี ${choice.year} ${districtName(choice.district)} ในแผ่นงาน "${UNITS_SHEET}"` : p.todo + p.failed === 0 && !redo.checked ? 'ทุกหน่วยงานของชุดนี้สร้างรายงานแล้ว เลือก "สร้างใหม่ทั้งหมด" เพื่อทำใหม่' : '';
  nothing.textContent = idle;
  nothing.hidden = active || !idle;

  const made = p.done + p.failed;
  bar.max = Math.max(p.total, 1);
  bar.value = made;
  bar.setAttribute('aria-label', `ความคืบหน้า: ทำแล้ว ${made} จาก ${p.total} หน่วยงาน`);
  counts.replaceChildren(
    ...(
      [
        ['done', 'เสร็จ', p.done],
        ['todo', 'รอ', p.todo],
        ['failed', 'ผิดพลาด', p.failed],
        ['working', 'กำลังทำ', p.working],
      ] as const
    ).map(([k, label, n]) => h('li', { class: `count-${k}` }, `${label} `, h('b', {}, String(n)))),
    h('li', { class: 'count-total' }, `จาก ${p.total} หน่วยงาน`),
  );

  headline.textContent = headlineOf(s, shown);
  if (headline.textContent !== said) live.textContent = said = headline.textContent;
  mode.textContent = !active || !run ? '' : run.automatic ? 'ปิดหน้าต่างนี้ได้ ระบบจะทำต่อเองทุกชั่วโมง' : run.waitingForQuota ? 'ระบบทำต่อเองไม่ได้ เมื่อโควตาคืน (ภายใน 24 ชั่วโมง) ให้เปิดหน้าต่างนี้อีกครั้ง' : 'เปิดหน้าต่างนี้ค้างไว้จนกว่าจะเสร็จ หากปิด จะทำต่อเมื่อเปิดหน้าต่างนี้อีกครั้ง';
  mode.hidden = !mode.textContent;
  folder.replaceChildren(...(shown?.folderUrl ? ['รายงานของชุดนี้อยู่ในโฟลเดอร์ ', webLink(shown.folderUrl, 'เปิดใน Google ไดรฟ์')] : []));
  folder.hidden = !shown?.folderUrl;

  const boxes: HTMLElement[] = [];
  if (error) boxes.push(note('alert', active ? `${error.message}\nกด "ทำต่อ" เพื่อลองอีกครั้ง` : error.message));
  if (s.message) boxes.push(note(s.ok ? 'notice' : 'alert', s.message.th, s.message.en));
  else if (active && run?.waitingForQuota && !looping) boxes.push(note('notice', quotaWait.th, quotaWait.en));
  if (stoppedWhy) boxes.push(note('notice', stoppedWhy));
  message.replaceChildren(...boxes);

  problems.set(s.problems);
  notes.set(s.notes);

  start.hidden = active || none;
  start.disabled = inFlight || looping || none || p.total === 0 || (p.todo + p.failed === 0 && !redo.checked);
  resume.hidden = !active || looping || cancelAsked;
  resume.disabled = inFlight;
  cancel.hidden = !active && !cancelAsked;
  cancel.disabled = cancelAsked || !confirmBox.hidden || (inFlight && !looping);
  if (!active && !looping) confirmBox.hidden = true;
  yes.disabled = cancelAsked;
}

const quotaWait: Bilingual = {
  th: 'หยุดรอโควตาของ Google อยู่ จะทำต่อเมื่อโควตาคืน (ภายใน 24 ชั่วโมงนับจากครั้งแรกที่ใช้) หรือกด "ทำต่อ" เพื่อลองตอนนี้',
  en: "Waiting for Google's daily quota (it returns within 24 hours of its first use); continue to try now",
};

function headlineOf(s: BatchState, run: BatchState['run']): string {
  if (cancelAsked) return 'กำลังยกเลิก… รอให้รอบที่กำลังทำจบก่อน';
  if (looping && !s.run?.active) return 'กำลังเริ่ม… สร้างโฟลเดอร์และรายงานฉบับแรก';
  if (!run) return s.years.length ? 'ยังไม่ได้เริ่ม' : '';
  const which = `ปี ${run.year} ${districtName(run.district)}`;
  if (run.cancelled) return `ยกเลิกชุด${which}แล้ว`;
  if (run.finished) return `ชุด${which} เสร็จแล้ว${s.progress?.failed ? ` สร้างไม่ได้ ${s.progress.failed} หน่วยงาน` : ''}`;
  if (looping) return `กำลังสร้างรายงาน ${which}…`;
  if (run.waitingForQuota) return `ชุด${which} หยุดรอโควตาของ Google`;
  return `ชุด${which} หยุดไว้ กด "ทำต่อ" เพื่อสร้างต่อ`;
}

async function main(): Promise<void> {
  const ok = await send('batchState', {});
  if (!state) {
    app.replaceChildren(note('alert', error?.message ?? 'เปิดหน้าต่างนี้ไม่สำเร็จ'), h('div', { class: 'buttons' }, close));
    return;
  }
  app.replaceChildren(choices, progressBox, message, buttons, problems.el, notes.el);
  update();
  document.documentElement.dataset.readyAt = String(Math.round(performance.now()));
  // A run left active goes on while the dialog is open.
  if (ok && goesOn(state)) void carryOn(() => send('batchStep', {}));
}

void main();
