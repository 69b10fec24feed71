// Building the page: elements from attributes and children, user text as text.
import { isWebUrl } from '../src/core/measures/schema';

type Attrs = Record<string, string | boolean | number | ((e: Event) => void) | undefined>;
type Child = Node | string | null | undefined | false;

/** Makes an element; strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'value') (el as HTMLInputElement).value = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}


/**
 * A link opening in a new tab — only to an http(s) address. Anything else a
 * co-editor could type into a cell (javascript:, data:, a typo) stays plain
 * text, marked as not a web link.
 */
export function webLink(href: string, text: string): HTMLElement {
  return isWebUrl(href)
    ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text)
    : h('span', { class: 'not-link', title: `ไม่ใช่ลิงก์เว็บ (http/https): ${href}` }, `${text} (ลิงก์ไม่ถูกต้อง)`);
}
