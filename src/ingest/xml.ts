/**
 * A small, strict XML 1.0 parser for feed files: well-formed XML → an element tree with namespaces
 * resolved, or the first well-formedness error (with its line). Read whole; no I/O, no DTD processing.
 *
 * Checked: one root element; start and end tags match; attribute values quoted, no `<` in them, no
 * duplicate attributes; character references valid (`&#8217;`, `&#x2019;`); comments, processing instructions and CDATA sections terminated; no text outside the root; no
 * characters outside XML 1.0's Char production (control characters other than tab, LF, CR).
 *
 * Lenient on purpose where feeds in the wild commonly break XML: a bare `&` and an undeclared entity such as
 * `&nbsp;` are kept as written (predefined entities and those declared with a literal value in the DOCTYPE's
 * internal subset are decoded), so one stray HTML entity does not lose a whole feed.
 *
 * Safe by construction: external entities and DTDs are never read, declared entity values are inserted as
 * text (not re-parsed, so no entity expansion bombs), and the tree is built without recursion.
 *
 * Namespaces: `xmlns` / `xmlns:p` declarations are resolved per element; a prefix used without a
 * declaration gets the usual URI for a few prefixes common in feeds (content, dc, atom, rdf, ...), else
 * `urn:undeclared:<prefix>` (accepted rather than rejected: such feeds are common and otherwise readable).
 */
import { lookupTable } from '../text/lookup-table.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Usual namespace URIs of prefixes feeds often use without declaring them. */
const KNOWN_PREFIXES = lookupTable<string>({
  xml: XML_NS,
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  media: 'http://search.yahoo.com/mrss/',
});

export interface XmlAttribute {
  /** Qualified name as written (`xml:lang`). */
  name: string;
  local: string;
  /** Namespace URI; '' for an unprefixed attribute. */
  ns: string;
  value: string;
}

export interface XmlElement {
  kind: 'element';
  /** Qualified name as written (`content:encoded`). */
  name: string;
  local: string;
  /** Namespace URI, or '' when none. */
  ns: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

export interface XmlText {
  kind: 'text';
  /** Character data with references decoded (CDATA sections are text too). */
  text: string;
}

export type XmlNode = XmlElement | XmlText;

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; line: number; message: string };

const PREDEFINED = lookupTable<string>({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });

const NAME_START = 'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\uD800-\\uDBFF\\uDC00-\\uDFFF';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** A Name at the sticky position. */
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'y');
const WS = /[ \t\r\n]*/y;
/** Characters not allowed anywhere in an XML 1.0 document (lone surrogates are left to the decoder). */
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

class XmlError extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

function lineAt(src: string, at: number): number {
  let line = 1;
  for (let i = src.indexOf('\n'); i !== -1 && i < at; i = src.indexOf('\n', i + 1)) line++;
  return line;
}

interface OpenElement {
  element: XmlElement;
  /** Namespace bindings in force inside the element. */
  scope: ReadonlyMap<string, string>;
}

/** Parses a whole XML document. Never throws. */
export function parseXml(src: string): XmlResult {
  try {
    return { ok: true, root: new Parser(src).document() };
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, line: lineAt(src, err.at), message: err.message };
    return { ok: false, line: 1, message: err instanceof Error ? err.message : 'cannot parse' };
  }
}

class Parser {
  private pos = 0;
  private readonly entities = new Map<string, string>();

  constructor(private readonly src: string) {}

  document(): XmlElement {
    const src = this.src;
    const bad = BAD_CHAR.exec(src);
    if (bad) throw new XmlError(bad.index, `control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (not allowed in XML)`);
    this.skipWs();
    if (src.startsWith('<?xml', this.pos) && /[\s?]/.test(src[this.pos + 5] ?? '')) this.pi();
    let root: XmlElement | null = null;
    let doctype = false;
    const stack: OpenElement[] = [];
    while (this.pos < src.length) {
      if (stack.length === 0) {
        this.skipWs();
        if (this.pos >= src.length) break;
        if (src[this.pos] !== '<') throw new XmlError(this.pos, root ? 'text after the root element' : 'text before the root element');
      }
      const at = this.pos;
      if (src[at] !== '<') {
        const end = src.indexOf('<', at);
        const raw = src.slice(at, end === -1 ? src.length : end);
        this.pos = at + raw.length;
        this.append(stack, this.decode(raw, at));
        continue;
      }
      if (src.startsWith('<!--', at)) {
        const end = src.indexOf('-->', at + 4);
        if (end === -1) throw new XmlError(at, 'unterminated comment');
        this.pos = end + 3;
      } else if (src.startsWith('<?', at)) {
        this.pi();
      } else if (src.startsWith('<![CDATA[', at)) {
        if (stack.length === 0) throw new XmlError(at, 'CDATA section outside the root element');
        const end = src.indexOf(']]>', at + 9);
        if (end === -1) throw new XmlError(at, 'unterminated CDATA section');
        this.append(stack, src.slice(at + 9, end));
        this.pos = end + 3;
      } else if (src.startsWith('<!DOCTYPE', at)) {
        if (doctype || root !== null || stack.length > 0) throw new XmlError(at, 'misplaced DOCTYPE');
        doctype = true;
        this.doctype();
      } else if (src.startsWith('</', at)) {
        this.pos = at + 2;
        const name = this.name('end tag');
        this.skipWs();
        if (src[this.pos] !== '>') throw new XmlError(this.pos, `malformed end tag </${name}>`);
        this.pos++;
        const open = stack.pop();
        if (open === undefined) throw new XmlError(at, `end tag </${name}> without a start tag`);
        if (open.element.name !== name) throw new XmlError(at, `end tag </${name}> does not match <${open.element.name}>`);
      } else {
        if (stack.length === 0 && root !== null) throw new XmlError(at, 'a second root element');
        const { open, selfClosing } = this.startTag(stack[stack.length - 1]?.scope ?? null);
        if (stack.length === 0) root = open.element;
        else stack[stack.length - 1]!.element.children.push(open.element);
        if (!selfClosing) stack.push(open);
      }
    }
    const unclosed = stack[stack.length - 1];
    if (unclosed !== undefined) throw new XmlError(src.length, `<${unclosed.element.name}> is not closed`);
    if (root === null) throw new XmlError(src.length, 'no root element');
    return root;
  }

  private append(stack: OpenElement[], text: string): void {
    if (text === '') return;
    const parent = stack[stack.length - 1]!.element;
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text') last.text += text;
    else parent.children.push({ kind: 'text', text });
  }

  private skipWs(): void {
    WS.lastIndex = this.pos;
    WS.exec(this.src);
    this.pos = WS.lastIndex;
  }

  private name(what: string): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) throw new XmlError(this.pos, `expected a name in ${what}`);
    this.pos = NAME.lastIndex;
    return m[0];
  }

  private pi(): void {
    const end = this.src.indexOf('?>', this.pos + 2);
    if (end === -1) throw new XmlError(this.pos, 'unterminated processing instruction');
    this.pos = end + 2;
  }

  /** Skips a DOCTYPE, keeping internal-subset general entities declared with a literal value. */
  private doctype(): void {
    const src = this.src;
    const at = this.pos;
    let i = at + 9;
    let quote: string | null = null;
    let subset = false;
    for (; i < src.length; i++) {
      const c = src[i]!;
      if (quote !== null) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '[' && !subset) {
        subset = true;
        const close = this.subsetEnd(i + 1);
        this.declareEntities(src.slice(i + 1, close));
        i = close;
      } else if (c === '>') {
        break;
      }
    }
    if (i >= src.length) throw new XmlError(at, 'unterminated DOCTYPE');
    this.pos = i + 1;
  }

  private subsetEnd(from: number): number {
    const src = this.src;
    let quote: string | null = null;
    for (let i = from; i < src.length; i++) {
      const c = src[i]!;
      if (quote !== null) {
        if (c === quote) quote = null;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end === -1) break;
        i = end + 2;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === ']') {
        return i;
      }
    }
    throw new XmlError(from, 'unterminated DOCTYPE internal subset');
  }

  private declareEntities(subset: string): void {
    const decl = /<!ENTITY\s+([^\s%"'<>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
    for (let m = decl.exec(subset); m !== null; m = decl.exec(subset)) {
      const name = m[1]!;
      if (!this.entities.has(name)) this.entities.set(name, decodeCharRefs(m[2] ?? m[3] ?? ''));
    }
  }

  private startTag(parentScope: ReadonlyMap<string, string> | null): { open: OpenElement; selfClosing: boolean } {
    const src = this.src;
    const at = this.pos;
    this.pos++;
    const name = this.name('start tag');
    const raw: Array<{ name: string; value: string }> = [];
    let selfClosing = false;
    for (;;) {
      const before = this.pos;
      this.skipWs();
      const c = src[this.pos];
      if (c === undefined) throw new XmlError(at, `unterminated start tag <${name}>`);
      if (c === '>') {
        this.pos++;
        break;
      }
      if (c === '/' && src[this.pos + 1] === '>') {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (this.pos === before) throw new XmlError(this.pos, `malformed start tag <${name}>`);
      const attr = this.name(`start tag <${name}>`);
      this.skipWs();
      if (src[this.pos] !== '=') throw new XmlError(this.pos, `attribute ${attr} without a value`);
      this.pos++;
      this.skipWs();
      const q = src[this.pos];
      if (q !== '"' && q !== "'") throw new XmlError(this.pos, `unquoted value of attribute ${attr}`);
      const end = src.indexOf(q, this.pos + 1);
      if (end === -1) throw new XmlError(this.pos, `unterminated value of attribute ${attr}`);
      const rawValue = src.slice(this.pos + 1, end);
      if (rawValue.includes('<')) throw new XmlError(this.pos, `'<' in the value of attribute ${attr}`);
      if (raw.some((a) => a.name === attr)) throw new XmlError(this.pos, `duplicate attribute ${attr}`);
      raw.push({ name: attr, value: this.decode(rawValue, this.pos + 1).replace(/[\t\n\r]/g, ' ') });
      this.pos = end + 1;
    }

    let scope = parentScope ?? new Map<string, string>();
    const declared = raw.filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'));
    if (declared.length > 0) {
      const next = new Map(scope);
      for (const d of declared) next.set(d.name === 'xmlns' ? '' : d.name.slice(6), d.value);
      scope = next;
    }
    const [prefix, local] = splitName(name);
    const element: XmlElement = {
      kind: 'element',
      name,
      local,
      ns: resolve(scope, prefix, true),
      attributes: raw.map((a) => {
        const [p, l] = splitName(a.name);
        return { name: a.name, local: l, ns: p === '' ? '' : resolve(scope, p, false), value: a.value };
      }),
      children: [],
    };
    return { open: { element, scope }, selfClosing };
  }

  /** Decodes entity and character references in character data; a bare `&` is an error. */
  private decode(raw: string, at: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&<\s]*)(;?)/g, (whole, ref: string, semi: string, offset: number) => {
      const where = at + offset;
      // Lenient where real feeds commonly break the rule: a bare `&` ("Fish & chips") stays as written.
      if (semi !== ';' || ref === '') return whole;
      if (ref.startsWith('#')) {
        const ch = charRef(ref);
        if (ch === null) throw new XmlError(where, `invalid character reference ${whole}`);
        return ch;
      }
      const value = PREDEFINED[ref] ?? this.entities.get(ref);
      // An HTML entity such as `&nbsp;` (undeclared in XML) stays as written; HTML-to-text decodes it later.
      return value ?? whole;
    });
  }
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon > 0 ? [name.slice(0, colon), name.slice(colon + 1)] : ['', name];
}

function resolve(scope: ReadonlyMap<string, string>, prefix: string, element: boolean): string {
  if (prefix === '') return element ? (scope.get('') ?? '') : '';
  if (prefix === 'xml') return XML_NS;
  if (prefix === 'xmlns') return 'http://www.w3.org/2000/xmlns/';
  return scope.get(prefix) ?? KNOWN_PREFIXES[prefix] ?? `urn:undeclared:${prefix}`;
}

/** The character of `#123` / `#x7B`, or null when it is not a valid XML character. */
function charRef(ref: string): string | null {
  const hex = /^#x([0-9a-fA-F]{1,6})$/.exec(ref);
  const dec = /^#([0-9]{1,7})$/.exec(ref);
  const code = hex ? parseInt(hex[1]!, 16) : dec ? Number(dec[1]) : NaN;
  const valid =
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return valid ? String.fromCodePoint(code) : null;
}

function decodeCharRefs(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) =>
    ref.startsWith('#') ? (charRef(ref) ?? whole) : (PREDEFINED[ref] ?? whole),
  );
}

// ───────────────────────────── reading the tree ─────────────────────────────

/** Child elements of `el` with this local name, in one of the namespaces (any when `ns` is omitted). */
export function childElements(el: XmlElement, local: string, ns?: ReadonlySet<string>): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'element' && c.local === local && (ns === undefined || ns.has(c.ns))) out.push(c);
  return out;
}

/** The first such child element, or null. */
export function childElement(el: XmlElement, local: string, ns?: ReadonlySet<string>): XmlElement | null {
  for (const c of el.children) if (c.kind === 'element' && c.local === local && (ns === undefined || ns.has(c.ns))) return c;
  return null;
}

/** All character data inside `el`, in document order. */
export function textContent(el: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'text') out += node.text;
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** An attribute's value by qualified name as written (`href`, `xml:lang`), or null. */
export function attribute(el: XmlElement, name: string): string | null {
  for (const a of el.attributes) if (a.name === name) return a.value;
  return null;
}

/** An attribute's value by namespace and local name (`xml:lang` under any prefix binding), or null. */
export function attributeNs(el: XmlElement, ns: string, local: string): string | null {
  for (const a of el.attributes) if (a.ns === ns && a.local === local) return a.value;
  return null;
}

const VOID_HTML = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The children of `el` written out as HTML (for Atom `type="xhtml"` content): local names, escaped text. */
export function innerHtml(el: XmlElement): string {
  let out = '';
  const visit = (node: XmlNode, depth: number): void => {
    if (node.kind === 'text') {
      out += escapeHtml(node.text);
      return;
    }
    if (depth > 200) return;
    const attrs = node.attributes
      .filter((a) => a.ns === '')
      .map((a) => ` ${a.local}="${escapeHtml(a.value).replace(/"/g, '&quot;')}"`)
      .join('');
    out += `<${node.local}${attrs}>`;
    if (VOID_HTML.has(node.local)) return;
    for (const c of node.children) visit(c, depth + 1);
    out += `</${node.local}>`;
  };
  for (const c of el.children) visit(c, 0);
  return out;
}
