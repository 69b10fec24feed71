// The OIT view of the sidebar: progress per sub-indicator, quick status
// changes (an evidence link required before "done"), and the projection.
import type { OitAnswer, OitItemView } from '../src/core/api';
import { isWebUrl } from '../src/core/measures/schema';
import { h, webLink } from './dom';
import { call } from './server';

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
    h('div', {}, `ระดับ ${p.rating} · ${p.label}`),
    h('div', {}, `OIT ${f2(p.oit)} (ตัวชี้วัดที่ 9: ${f2(p.ind9)}, ที่ 10: ${f2(p.ind10)}) · ดำเนินการแล้ว ${done}/${a.items.length} ข้อ`),
    h('ul', {}, h('li', {}, need(85, p.neededFor85)), h('li', {}, need(95, p.neededFor95))),
    h('p', { class: 'guide' }, `ถ้าข้อที่ทำเครื่องหมายไว้ได้รับการยอมรับทั้งหมด ใช้ IIT และ EIT ของปี ${p.scoresYear}`),
  );
}

export async function renderOit(app: HTMLElement, tabs: HTMLElement, fiscalYear: number | undefined, announce: (t: string) => void): Promise<void> {
  let a: OitAnswer;
  try {
    a = await call('oitList', fiscalYear === undefined ? {} : { fiscalYear });
  } catch (e) {
    app.replaceChildren(tabs, h('div', { class: 'alert', role: 'alert' }, (e as Error).message));
    return;
  }
  if (!a.sheet) {
    app.replaceChildren(tabs, h('p', { class: 'empty' }, `ยังไม่มีรายการตรวจ OIT ของปี ${a.fiscalYear} เลือกเมนู "รายการตรวจ OIT" เพื่อสร้าง`));
    return;
  }
  const reload = () => renderOit(app, tabs, a.fiscalYear, announce);
  const bySub = new Map<string, OitItemView[]>();
  for (const i of a.items) bySub.set(i.sub || '(ไม่ระบุ)', [...(bySub.get(i.sub || '(ไม่ระบุ)') ?? []), i]);

  const item = (i: OitItemView): HTMLLIElement => {
    const done = i.status === DONE;
    const li = h(
      'li',
      { class: 'item', 'data-code': i.code },
      h('div', { class: 'title' }, `${i.code} ${i.item}`),
      h('div', { class: 'meta' }, h('span', { class: `badge ${done ? 'done' : 'todo'}` }, i.status || TODO), i.responsible ? h('span', {}, i.responsible) : null),
      i.evidenceUrl ? h('div', { class: 'meta' }, webLink(i.evidenceUrl, 'หลักฐาน')) : null,
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

  app.replaceChildren(
    tabs,
    projectionPanel(a),
    ...[...bySub].map(([sub, items]) => {
      const met = items.filter((i) => i.status === DONE).length;
      return h(
        'section',
        { class: 'group', 'aria-label': `ตัวชี้วัดย่อย ${sub}` },
        h('h2', {}, `${sub} `, h('span', { class: 'count' }, `${met}/${items.length} (${pct(met, items.length)}%)`)),
        h('div', { class: 'bar-track', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct(met, items.length), 'aria-label': `ความก้าวหน้า ${sub}` }, h('div', { class: 'bar-fill', style: `width:${pct(met, items.length)}%` })),
        h('ul', { class: 'items' }, ...items.map(item)),
      );
    }),
  );
}
