/**
 * Tiny DOM helpers. They only create elements, set attributes and text (`textContent` / text nodes):
 * never innerHTML, so nothing from the data is ever parsed as HTML.
 */

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Appends children; strings become text nodes, null/undefined/false are skipped. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Sets attributes: `true` → empty attribute, false/null/undefined → not set. */
function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (/^on/i.test(k) || k.toLowerCase() === 'style') throw new Error(`dom: attribute ${k} is not allowed`);
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Creates an HTML element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element (createElementNS) with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

/** A text node. */
export function text(s: string): Text {
  return document.createTextNode(s);
}

/** Removes all children of `el` and appends the new ones. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, ...children);
}

/**
 * A link for a URL taken from data: an <a> only for http(s) URLs (opened without referrer or opener),
 * else the URL as plain text. The visible text is always the URL itself.
 */
export function externalUrl(url: string): HTMLElement {
  if (/^https?:\/\//i.test(url.trim())) {
    return h('a', { href: url.trim(), rel: 'noopener noreferrer', target: '_blank', class: 'url' }, url);
  }
  return h('span', { class: 'url' }, url);
}

/** A <button type="button"> with a click handler. */
export function button(label: Child, onClick: (ev: MouseEvent) => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
