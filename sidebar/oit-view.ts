// The OIT view of the sidebar: progress per sub-indicator, quick status
// changes (an evidence link required before "done"), and the projection.
import type { OitAnswer, OitItemView } from '../src/core/api';
import { formulaNote } from '../src/core/linkcheck';
import { isWebUrl } from '../src/core/measures/schema';
import { dayOfIso, thaiDate, toThaiDigits } from '../src/core/thai';
import { h, webLink } from './dom';
import { call, type Answer } from './server';

const DONE = 'ดำเนินการแล้ว';
const TODO = 'ยังไม่ได้ดำเนินการ';

const pct = (n: number, d: number) => (d ? Math.round((100 * n) / d) : 0);
const f2 = (n: number) => n.toFixed(2);

function projectionPanel(a: OitAnswer): HTMLElement {
  const p = a.projection;
  const done = a.items.filter((i) => i.status === DONE).length;
  if (!p) {
    const bad = a.scoreProblems;
    return h(
      'section',
      { class: 'panel', 'aria-label': 'คะแนนที่คาด' },
      h('p', {}, `ดำเนินการแล้ว ${done} จาก ${a.items.length} ข้อ`),
      bad.length
        ? h('div', { class: 'alert', role: 'alert', id: 'score-problems' }, h('p', {}, 'คำนวณคะแนนที่คาดไม่ได้ เพราะอ่านคะแนนในเซลล์ต่อไปนี้ไม่ได้ แก้แล้วเปิดแท็บนี้อีกครั้ง'), h('ul', {}, ...bad.map((t) => h('li', {}, t))))
        : h('p', { class: 'guide' }, 'กรอกคะแนนตัวชี้วัด 1–8 ในแผ่นงาน "คะแนน ITA" และให้มีข้อของตัวชี้วัดที่ 9 และ 10 เพื่อดูคะแนนที่คาด'),
    );
  }
  const need = (goal: number, n: number | null) =>
    n === null ? `ถึง ${goal} ไม่ได้แม้ OIT ได้ 100` : n <= p.oit ? `ถึง ${goal} แล้ว` : `ถึง ${goal}: ต้องได้ OIT ${f2(n)} (ขาดอีก ${f2(n - p.oit)})`;
  return h(
    'section',
    { class: 'panel', 'aria-label': 'คะแนนที่คาด', id: 'projection' },
    h('div', { class: 'big' }, `คะแนนรวมที่คาด ${f2(p.total)}`),
    h('div', {}, `ผลการประเมินที่คาด ${p.label}`), // the label (a letter only for years rated by letters): no letter from 2566
    p.rules ? h('p', { class: 'provisional', id: 'rules-note' }, `เกณฑ์ปี ${a.fiscalYear}: ${p.rules}`) : null,
    h('div', {}, `OIT ${f2(p.oit)} (ตัวชี้วัดที่ 9: ${f2(p.ind9)}, ที่ 10: ${f2(p.ind10)}) · ดำเนินการแล้ว ${done}/${a.items.length} ข้อ`),
    h('ul', {}, h('li', {}, need(85, p.neededFor85)), h('li', {}, need(95, p.neededFor95))),
    h('p', { class: 'guide' }, `ถ้าข้อที่ทำเครื่องหมายไว้ได้รับการยอมรับทั้งหมด ใช้ IIT และ EIT ของปี ${p.scoresYear}`),
  );
}

/** "30 เม.ย. 2570" from "2027-04-30". */
const shortDate = (iso: string) => {
  const d = dayOfIso(iso);
  return d ? thaiDate(d, { month: 'abbr', digits: 'arabic' }) : iso;
};
const span = (from: string, to: string) => (from === to ? shortDate(from) : `${shortDate(from)} – ${shortDate(to)}`);

/** The year switch, the list's standing and the year's key dates. */
function yearPanel(a: OitAnswer, go: (year: number) => void): HTMLElement {
  const select = h('select', { id: 'oit-year', 'aria-label': 'ปีงบประมาณของรายการตรวจ OIT' }, ...a.years.map((y) => h('option', { value: y, selected: y === a.fiscalYear }, `ปีงบประมาณ ${y}`)));
  select.addEventListener('change', () => go(Number(select.value)));
  const c = a.calendar;
  const left =
    c.daysLeft >= 0
      ? `เหลืออีก ${c.daysLeft} วัน ก่อนปิดการเผยแพร่และตอบแบบ OIT (${shortDate(c.oitCloses)})`
      : `ปิดการเผยแพร่และตอบแบบ OIT แล้วเมื่อ ${shortDate(c.oitCloses)}`;
  const notes: string[] = [];
  if (a.list?.provisional) notes.push(`ป.ป.ช. ยังไม่ประกาศรายการข้อ OIT ของปี ${a.fiscalYear} รายการนี้ใช้ของปี ${a.list.year} ไปก่อน (ชั่วคราว)`);
  if (a.list?.groupingInferred) notes.push('การจัดข้อเข้าตัวชี้วัดย่อยและชื่อตัวชี้วัดย่อยเป็นการอนุมาน ยังไม่พบในเอกสารที่เผยแพร่');
  return h(
    'section',
    { class: 'panel', 'aria-label': 'ปีและกำหนดการ', id: 'oit-year-panel' },
    h('label', { for: 'oit-year' }, 'ปีงบประมาณ '),
    select,
    ...notes.map((n) => h('p', { class: 'provisional', role: 'note' }, n)),
    h('p', { class: 'big', id: 'days-left' }, left),
    h(
      'details',
      { id: 'oit-dates' },
      h('summary', {}, c.provisional ? `กำหนดการปี ${a.fiscalYear} (ชั่วคราว จนกว่า ป.ป.ช. จะประกาศ)` : `กำหนดการปี ${a.fiscalYear}`),
      h('ul', {}, ...c.dates.map((d) => h('li', {}, `${span(d.from, d.to)}: ${d.what}`))),
    ),
  );
}

/** Calls in a row that may fail (an execution cut off by Apps Script) before the check stops. */
const LINK_CALL_RETRIES = 3;

/**
 * Thai words for a google.script.run failure of the check: Apps Script stops
 * an execution past its limit ("Exceeded maximum execution time",
 * developers.google.com/apps-script/guides/support/troubleshooting) and the
 * failure handler gets Google's English message.
 */
const cutOff = (message: string) =>
  /exceeded maximum execution time|execution time/i.test(message) ? 'การทำงานรอบหนึ่งเกินเวลาที่ Google ให้ทำงานต่อครั้ง' : 'การทำงานรอบหนึ่งถูกหยุดกลางคัน';

/**
 * The link check's button and its progress: one server call per execution,
 * until every item is checked. It calls again after a failed call (a bounded
 * number of times in a row: the check keeps what each execution wrote), and
 * stops when a call makes no progress.
 */
function linkCheckPanel(a: OitAnswer, reload: () => Promise<void>, announce: (t: string) => void): HTMLElement {
  const status = h('p', { id: 'link-progress', role: 'status', class: 'guide' });
  const button = h('button', { type: 'button', class: 'btn small', id: 'check-links' }, 'ตรวจลิงก์หลักฐาน');
  button.addEventListener('click', () => {
    button.disabled = true;
    void (async () => {
      let last = -1;
      let failed = 0;
      for (;;) {
        if (!failed) status.textContent = 'กำลังตรวจลิงก์หลักฐาน…';
        let r: Answer<'oitCheckLinks'>;
        try {
          r = await call('oitCheckLinks', { fiscalYear: a.fiscalYear });
        } catch (e) {
          failed += 1;
          const why = cutOff((e as Error).message);
          if (failed <= LINK_CALL_RETRIES) {
            status.textContent = `${why} กำลังตรวจต่อจากที่ค้างไว้…`;
            continue;
          }
          status.textContent = `${why} ${LINK_CALL_RETRIES + 1} ครั้งติดกัน จึงหยุดตรวจ ผลที่ตรวจแล้วบันทึกไว้ กดปุ่มอีกครั้งเพื่อตรวจต่อ`;
          break;
        }
        failed = 0;
        if (!r.ok) {
          status.textContent = r.message.th;
          break;
        }
        status.textContent = `ตรวจแล้ว ${r.checked} จาก ${r.total} ข้อ`;
        // Progress: this call wrote results and more items stand checked than after the last call.
        const progressed = r.written > 0 && r.checked > last;
        last = r.checked;
        if (r.done || !progressed) {
          const found = r.findings.length ? `มีข้อสังเกต ${r.findings.length} ข้อ` : 'ไม่พบข้อสังเกต';
          const formulas = r.formulaCells.length ? ` · ${formulaNote(r.formulaCells)}` : '';
          const msg = `${r.done ? 'ตรวจลิงก์ครบแล้ว' : `ตรวจต่อไม่ได้ (ตรวจแล้ว ${r.checked} จาก ${r.total} ข้อ)`}: ${found}${formulas}`;
          announce(msg);
          await reload();
          document.getElementById('link-progress')!.textContent = msg;
          return;
        }
      }
      button.disabled = false;
    })();
  });
  return h(
    'section',
    { class: 'panel', 'aria-label': 'ตรวจลิงก์หลักฐาน' },
    button,
    h('p', { class: 'guide' }, 'เปิดลิงก์หลักฐานทุกข้อ (อ่านอย่างเดียว) แล้วบันทึกผลในแผ่นงาน ไม่เปลี่ยนสถานะของข้อใด'),
    status,
  );
}

const EVIDENCE_HOW = { stated: 'ตามคู่มือ', inferred: 'อนุมาน', sheet: 'ตามแผ่นงาน' } as const;

export async function renderOit(app: HTMLElement, tabs: HTMLElement, fiscalYear: number | undefined, announce: (t: string) => void): Promise<void> {
  let a: OitAnswer;
  try {
    a = await call('oitList', fiscalYear === undefined ? {} : { fiscalYear });
  } catch (e) {
    app.replaceChildren(tabs, h('div', { class: 'alert', role: 'alert' }, (e as Error).message));
    return;
  }
  const go = (year: number) => void renderOit(app, tabs, year, announce);
  if (!a.sheet) {
    const err = h('div', { class: 'error', role: 'alert' });
    const create = h('button', { type: 'button', class: 'btn primary', id: 'create-oit' }, `สร้างรายการตรวจ OIT ปี ${a.fiscalYear}`);
    create.addEventListener('click', () => {
      create.disabled = true;
      void call('oitCreate', { fiscalYear: a.fiscalYear })
        .then((r) => {
          if (!r.ok) throw new Error(r.message.th);
          announce(`สร้างรายการตรวจ OIT ปี ${a.fiscalYear} แล้ว`);
          go(a.fiscalYear);
        })
        .catch((e: Error) => {
          err.textContent = e.message;
          create.disabled = false;
        });
    });
    app.replaceChildren(tabs, yearPanel(a, go), h('p', { class: 'empty' }, `ยังไม่มีรายการตรวจ OIT ของปี ${a.fiscalYear}`), create, err);
    return;
  }
  const reload = () => renderOit(app, tabs, a.fiscalYear, announce);
  const bySub = new Map<string, OitItemView[]>();
  for (const i of a.items) bySub.set(i.sub || '(ไม่ระบุ)', [...(bySub.get(i.sub || '(ไม่ระบุ)') ?? []), i]);

  const item = (i: OitItemView): HTMLLIElement => {
    const done = i.status === DONE;
    const link = i.link;
    const li = h(
      'li',
      { class: 'item', 'data-code': i.code },
      h('div', { class: 'title' }, `${i.code} ${i.item}`, i.titleNotSeen || !i.item ? h('span', { class: 'not-seen' }, i.item ? ' (ชื่อข้อนี้ยังไม่พบในเอกสาร เป็นชื่อที่น่าจะเป็น)' : ' (ยังไม่พบชื่อข้อนี้ในเอกสาร)') : null),
      h(
        'div',
        { class: 'meta' },
        h('span', { class: `badge ${done ? 'done' : 'todo'}` }, i.status || TODO),
        i.evidence ? h('span', { class: 'evidence-year' }, `หลักฐานปี ${i.evidence.year} (${EVIDENCE_HOW[i.evidence.how]})`) : null,
        i.responsible ? h('span', {}, i.responsible) : null,
      ),
      i.evidenceUrl ? h('div', { class: 'meta' }, webLink(i.evidenceUrl, 'หลักฐาน')) : null,
      link
        ? h(
            'div',
            { class: 'link-check' },
            h('div', { class: 'meta' }, `ตรวจลิงก์ ${link.checkedAt}: ${link.status || '-'}${link.contentType ? ` · ${link.contentType.split(';')[0]}` : ''}`),
            link.flags.length ? h('ul', { class: 'link-flags' }, ...link.flags.map((f) => h('li', {}, f))) : null,
          )
        : null,
    );
    const save = async (status: string, url: string, box: HTMLElement) => {
      const r = await call('oitSetStatus', { fiscalYear: a.fiscalYear, code: i.code, status, evidenceUrl: url, base: i }).catch((e: Error) => ({ ok: false as const, message: { th: e.message, en: '' } }));
      if (!r.ok) {
        box.querySelector('.error')!.textContent = r.message.th;
        return;
      }
      announce(status === DONE ? `${i.code} ดำเนินการแล้ว` : `${i.code} ยังไม่ได้ดำเนินการ`);
      await reload();
    };
    const open = () => {
      li.querySelector('.confirm')?.remove();
      const url = h('input', { type: 'url', id: `url-${i.row}`, value: i.evidenceUrl, placeholder: 'https://' });
      const err = h('div', { class: 'error', id: `err-${i.row}`, role: 'alert' });
      url.setAttribute('aria-describedby', err.id);
      const ok = h('button', { type: 'button', class: 'btn small primary' }, 'บันทึก');
      const box = h('div', { class: 'confirm' }, h('label', { for: url.id }, 'ลิงก์หลักฐาน'), url, err, ok, h('button', { type: 'button', class: 'btn small', onClick: () => box.remove() }, 'ยกเลิก'));
      ok.addEventListener('click', () => {
        if (!isWebUrl(url.value)) {
          err.textContent = 'ต้องใส่ลิงก์หลักฐาน (http:// หรือ https://) ที่ถูกต้องก่อนทำเครื่องหมายว่าดำเนินการแล้ว';
          url.setAttribute('aria-invalid', 'true');
          url.focus();
          return;
        }
        ok.disabled = true;
        void save(DONE, url.value, box).finally(() => (ok.disabled = false));
      });
      li.append(box);
      url.focus();
    };
    li.append(
      h(
        'div',
        { class: 'actions' },
        done
          ? h('button', { type: 'button', class: 'btn small', 'aria-label': `ยกเลิกสถานะดำเนินการแล้วของ ${i.code}`, onClick: () => void save(TODO, i.evidenceUrl, li) }, 'ยกเลิกสถานะ')
          : h('button', { type: 'button', class: 'btn small', 'aria-label': `ทำเครื่องหมายว่าดำเนินการแล้ว ${i.code}`, onClick: open }, 'ดำเนินการแล้ว…'),
      ),
      h('div', { class: 'error' }),
    );
    return li;
  };

  const section = (sub: string, items: OitItemView[]) => {
    const met = items.filter((i) => i.status === DONE).length;
    const name = a.list?.subNames[sub];
    return h(
      'section',
      { class: 'group', 'aria-label': `ตัวชี้วัดย่อย ${sub}` },
      h('h3', {}, `${sub}${name ? ` ${name}` : ''} `, h('span', { class: 'count' }, `${met}/${items.length} (${pct(met, items.length)}%)`)),
      h('div', { class: 'bar-track', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct(met, items.length), 'aria-label': `ความก้าวหน้า ${sub}` }, h('div', { class: 'bar-fill', style: `width:${pct(met, items.length)}%` })),
      h('ul', { class: 'items' }, ...items.map(item)),
    );
  };
  // Sub-indicators under their indicator: "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล".
  const indicatorOf = (sub: string) => /^\s*(9|10)(\.|$)/.exec(sub)?.[1];
  const groups = new Map<string, [string, OitItemView[]][]>();
  for (const entry of bySub) {
    const k = indicatorOf(entry[0]) ?? '';
    groups.set(k, [...(groups.get(k) ?? []), entry]);
  }
  app.replaceChildren(
    tabs,
    yearPanel(a, go),
    projectionPanel(a),
    linkCheckPanel(a, reload, announce),
    ...[...groups].map(([ind, subs]) =>
      h(
        'section',
        { class: 'indicator', 'aria-label': ind ? `ตัวชี้วัดที่ ${ind}` : 'ไม่ระบุตัวชี้วัด' },
        h('h2', {}, ind ? `ตัวชี้วัดที่ ${toThaiDigits(ind)} ${a.indicatorNames[ind] ?? ''}` : 'ข้อที่ไม่ระบุตัวชี้วัด'),
        ...subs.map(([sub, items]) => section(sub, items)),
      ),
    ),
  );
}
