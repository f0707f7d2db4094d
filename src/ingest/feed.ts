/**
 * RSS and Atom feed files (.rss, .atom, .xml, .feed, optionally gzipped; other files are sniffed, see
 * looksLikeFeed): each item or entry is one Article. Linked pages are never fetched.
 *
 * Formats: RSS 2.0 (and 0.9x) `<rss><channel><item>`, RSS 1.0 / 0.90 `<rdf:RDF><item>`, Atom 1.0 (and
 * 0.3) `<feed><entry>`. The file must be well-formed XML (xml.ts, strict); a file that is not, or whose
 * root is none of these, is one problem naming the file. A feed without items is a problem too.
 *
 * Per item (first present and usable wins):
 * - title: `title` (RSS titles may carry escaped HTML; Atom honours `type`), on one line.
 * - text: `content:encoded` > Atom `content` > `description` / Atom `summary`, converted to plain text
 *   (htmlToText: paragraphs joined by a blank line, entities decoded, white space collapsed). RSS bodies
 *   are HTML; Atom bodies follow `type` (text, html, xhtml or a MIME type; out-of-line `src` content is
 *   not fetched). An item with a title but no body has its title as text; with neither it is a problem
 *   `item N: no title and no text` (N 1-based; feeds are not line-oriented, so `line` stays unset).
 * - url: RSS `link`, else a permalink `guid`, else RSS 1.0 `rdf:about`; Atom `link` with rel=alternate
 *   (or no rel; text/html preferred), else the first `link href`. Absolute http(s) only; a relative one is
 *   resolved against the channel's link.
 * - published: `pubDate`, `dc:date`, Atom `published`, `updated` (0.3: `issued`, `modified`), the first
 *   that normalises (published.ts); RFC 822 North American zone names (EST, PDT, ...) are understood. An item
 *   whose dates are given but none reads is kept undated, marked for a note naming the first (./problem.ts).
 * - byline: `author` (`jane@example.org (Jane Doe)` → `Jane Doe`; a bare e-mail address is dropped),
 *   `dc:creator`, Atom `author/name` (else the feed's authors, as Atom specifies); several joined by ", ".
 * - source: the channel / feed title, else the host of the item's link, else of the channel's link.
 * - language: item `dc:language` / `xml:lang` (Atom: also on `content`), else the channel's `language` /
 *   `dc:language` / `xml:lang`, else detected (language.ts).
 * - id: `guid` / Atom `id`, else the url, else `<file stem>#<N>`; control and format characters removed so
 *   an id prints on one line. origin: `<path>#<N>`.
 *
 * Encoding: UTF-8 (BOM optional), UTF-16 with a BOM, or the encoding named in the XML declaration.
 */
import { parseHTML } from 'linkedom';
import type { Article, InputProblem } from '../types.js';
import { decodeText, hasBom, type DecodedInput } from './files.js';
import { languageOf, normaliseLanguageTag } from './language.js';
import { markUnreadDate, problem } from './problem.js';
import { normalisePublished, shownValue } from './published.js';
import { attribute, attributeNs, childElement, childElements, innerHtml, parseXml, textContent, XML_NS, type XmlElement } from './xml.js';
import { absoluteUrl, cleanText, hostOf } from './fields.js';
import { lookupTable } from '../text/lookup-table.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const ATOM03 = 'http://purl.org/atom/ns#';
const RSS1 = 'http://purl.org/rss/1.0/';
const RSS090 = 'http://my.netscape.com/rdf/simple/0.9/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DC = new Set(['http://purl.org/dc/elements/1.1/']);
const CONTENT = new Set(['http://purl.org/rss/1.0/modules/content/']);
const RSS_NS = new Set(['', RSS1, RSS090]);

/** One item or entry of a feed, before it becomes an Article. */
export interface FeedItem {
  /** 1-based position among the feed's items. */
  number: number;
  /** `guid` / Atom `id` (cleaned), or null. */
  guid: string | null;
  title: string | null;
  /** Plain-text body; '' when the item has none. */
  text: string;
  url: string | null;
  published: string | null;
  /** The item's date as given when none of its dates reads (`published` is then null), else null. */
  unreadDate: string | null;
  byline: string | null;
  /** Declared language (two-letter code), item first then channel; null when none is declared. */
  language: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'rdf' | 'atom';
  /** Channel / feed title. */
  title: string | null;
  /** Channel / feed link (the site). */
  link: string | null;
  items: FeedItem[];
}

// ───────────────────────────── HTML and text ─────────────────────────────

/** Elements whose content is not body text (images and their captions included). */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'option', 'textarea', 'input',
  'iframe', 'object', 'embed', 'canvas', 'audio', 'video', 'source', 'picture', 'img', 'head', 'title', 'meta', 'link',
  'figure', 'figcaption',
]);

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** The part of linkedom's DOM used here (the project compiles without lib.dom). */
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}
interface DomElement extends DomNode {
  innerHTML: string;
  textContent: string | null;
}
interface DomDocument {
  body: DomElement | null;
  createElement(name: string): DomElement;
}

let scratchDocument: DomDocument | null = null;

function parseFragment(html: string): DomDocument {
  return (parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`) as unknown as { document: DomDocument }).document;
}

/** HTML character references (`&rsquo;`, `&#8217;`, `&nbsp;`) decoded in text that has no tags. */
function decodeHtmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  scratchDocument ??= parseFragment('');
  const div = scratchDocument.createElement('div');
  div.innerHTML = s.replace(/</g, '&lt;');
  return div.textContent ?? s;
}

/** Paragraphs of plain text: split at blank lines, white space collapsed inside each. */
function paragraphs(text: string, decode: boolean): string {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => (decode ? decodeHtmlEntities(p) : p).replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

const HAS_TAG = /<(?:[A-Za-z][^<>]*|\/[A-Za-z][^<>]*|!--[\s\S]*?--)>/;

/**
 * Plain text of an HTML fragment: one paragraph per block element (and per `<br>`), joined by a blank
 * line; entities decoded; inline white space collapsed; scripts, styles, images and figures dropped.
 * Text without tags keeps its own blank-line paragraphs.
 */
export function htmlToText(html: string): string {
  if (!HAS_TAG.test(html)) return paragraphs(html, true);
  const body = parseFragment(html).body;
  if (body === null) return '';
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t !== '') out.push(t);
    buf = '';
  };
  const visit = (node: DomNode, depth: number): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) {
        buf += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1 || depth > 200) continue;
      const tag = child.localName ?? '';
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        flush();
      } else if (tag === 'td' || tag === 'th') {
        buf += ' ';
        visit(child, depth + 1);
        buf += ' ';
      } else if (BLOCK.has(tag)) {
        flush();
        visit(child, depth + 1);
        flush();
      } else {
        visit(child, depth + 1);
      }
    }
  };
  visit(body, 0);
  flush();
  return out.join('\n\n');
}


/** An id safe to print on one line: control, format and line/paragraph-separator characters removed. */
export function cleanId(s: string | null): string | null {
  if (s === null) return null;
  const t = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

// ───────────────────────────── feed fields ─────────────────────────────

function childText(el: XmlElement, local: string, ns: ReadonlySet<string>): string | null {
  const c = childElement(el, local, ns);
  return c === null ? null : cleanText(textContent(c));
}

function childTexts(el: XmlElement, local: string, ns: ReadonlySet<string>): string[] {
  return childElements(el, local, ns)
    .map((c) => cleanText(textContent(c)))
    .filter((t): t is string => t !== null);
}

/** How an Atom text construct or content element is to be read, or null when it cannot be (binary, src). */
function atomType(el: XmlElement): 'text' | 'html' | 'xhtml' | null {
  if (attribute(el, 'src') !== null) return null;
  const type = (attribute(el, 'type') ?? 'text').trim().toLowerCase();
  const mode = (attribute(el, 'mode') ?? '').trim().toLowerCase(); // Atom 0.3
  if (mode === 'base64') return null;
  if (type === 'text' || type === 'text/plain') return mode === 'escaped' ? 'html' : 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return mode === 'escaped' ? 'html' : 'xhtml';
  if (type.startsWith('text/')) return 'text';
  if (type.endsWith('+xml') || type.endsWith('/xml')) return 'text';
  return null;
}

/** Plain text of an Atom text construct / content element ('' when there is none). */
function atomText(el: XmlElement | null): string {
  if (el === null) return '';
  switch (atomType(el)) {
    case 'html':
      return htmlToText(textContent(el));
    case 'xhtml':
      return htmlToText(innerHtml(el));
    case 'text':
      return paragraphs(textContent(el), false);
    default:
      return '';
  }
}



/** RFC 822 zone names that published.ts does not read, as offsets. */
const ZONES = lookupTable<string>({
  EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700',
});

/** A feed date in ISO-8601 (see published.ts), or null. */
export function feedDate(value: string | null): string | null {
  if (value === null) return null;
  const direct = normalisePublished(value);
  if (direct !== null) return direct;
  const m = /^(.*\d:\d{2}(?::\d{2})?)\s*([A-Z]{3})$/.exec(value.trim());
  const zone = m ? ZONES[m[2]!] : undefined;
  return m && zone !== undefined ? normalisePublished(`${m[1]} ${zone}`) : null;
}

/** A person named in an RSS `author` / `dc:creator` / Atom `name`, without e-mail address or "By". */
export function personName(value: string): string | null {
  let v = value.replace(/\s+/g, ' ').trim();
  const paren = /^\S+@\S+\s*\(([^()]+)\)$/.exec(v);
  if (paren) v = paren[1]!.trim();
  else v = v.replace(/\s*<[^<>@\s]+@[^<>\s]+>$/, '').trim();
  if (/^(?:mailto:)?[^\s@]+@[^\s@]+$/.test(v) || /^https?:/i.test(v)) return null;
  v = v.replace(/^by[:\s]\s*/i, '').trim();
  return v === '' || v.length > 200 ? null : v;
}

function joinNames(values: string[]): string | null {
  const names: string[] = [];
  for (const v of values) {
    const n = personName(v);
    if (n !== null && !names.includes(n)) names.push(n);
  }
  return names.length === 0 ? null : names.join(', ');
}

/** The first of `values` that reads as a date, or (`unreadDate`) the first given when none does. */
function firstDate(values: Array<string | null>): Pick<FeedItem, 'published' | 'unreadDate'> {
  for (const v of values) {
    const d = feedDate(v);
    if (d !== null) return { published: d, unreadDate: null };
  }
  return { published: null, unreadDate: values.find((v) => v !== null && v.trim() !== '') ?? null };
}

function firstLanguage(values: Array<string | null>): string | null {
  for (const v of values) {
    const l = normaliseLanguageTag(v);
    if (l !== null) return l;
  }
  return null;
}

function xmlLang(el: XmlElement | null): string | null {
  return el === null ? null : attributeNs(el, XML_NS, 'lang');
}

function firstNonEmpty(values: Array<() => string>): string {
  for (const f of values) {
    const t = f();
    if (t !== '') return t;
  }
  return '';
}

// ───────────────────────────── RSS ─────────────────────────────

function rssItem(item: XmlElement, number: number, channel: { link: string | null; language: string | null }): FeedItem {
  const rawTitle = childText(item, 'title', RSS_NS);
  const title = rawTitle === null ? null : cleanText(htmlToText(rawTitle));
  const html = (el: XmlElement | null): string => (el === null ? '' : htmlToText(textContent(el)));
  const text = firstNonEmpty([
    () => html(childElement(item, 'encoded', CONTENT)),
    () => html(childElement(item, 'description', RSS_NS)),
  ]);
  const guidEl = childElement(item, 'guid', RSS_NS);
  const guid = guidEl === null ? null : cleanId(textContent(guidEl));
  const permalink = guidEl !== null && (attribute(guidEl, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false' ? guid : null;
  const url =
    absoluteUrl(childText(item, 'link', RSS_NS), channel.link) ??
    absoluteUrl(permalink, null) ??
    absoluteUrl(attributeNs(item, RDF, 'about'), null);
  return {
    number,
    guid,
    title,
    text,
    url,
    ...firstDate([childText(item, 'pubDate', RSS_NS), ...childTexts(item, 'date', DC)]),
    byline: joinNames([...childTexts(item, 'author', RSS_NS), ...childTexts(item, 'creator', DC)]),
    language: firstLanguage([childText(item, 'language', DC), xmlLang(item), channel.language]),
  };
}

function readRss(root: XmlElement, kind: 'rss' | 'rdf'): ParsedFeed | string {
  const channel = childElement(root, 'channel', RSS_NS);
  if (channel === null) return `not an RSS or Atom feed (<${root.name}> without <channel>)`;
  const rootItems = childElements(root, 'item', RSS_NS);
  const items = rootItems.length > 0 ? rootItems : childElements(channel, 'item', RSS_NS);
  const rawTitle = childText(channel, 'title', RSS_NS);
  const title = rawTitle === null ? null : cleanText(htmlToText(rawTitle));
  const link = absoluteUrl(childText(channel, 'link', RSS_NS), null);
  const language = firstLanguage([childText(channel, 'language', RSS_NS), childText(channel, 'language', DC), xmlLang(channel), xmlLang(root)]);
  return { kind, title, link, items: items.map((item, i) => rssItem(item, i + 1, { link, language })) };
}

// ───────────────────────────── Atom ─────────────────────────────

/** The alternate (or first) link of an Atom feed or entry. */
function atomLink(el: XmlElement, ns: ReadonlySet<string>, base: string | null): string | null {
  const links = childElements(el, 'link', ns).filter((l) => attribute(l, 'href') !== null);
  const alternates = links.filter((l) => (attribute(l, 'rel') ?? 'alternate').trim() === 'alternate');
  const html = alternates.find((l) => /^(?:text\/html|application\/xhtml\+xml)?$/i.test((attribute(l, 'type') ?? '').trim()));
  const chosen = html ?? alternates[0] ?? links[0];
  return chosen === undefined ? null : absoluteUrl(attribute(chosen, 'href'), base);
}

function atomAuthors(el: XmlElement, ns: ReadonlySet<string>): string[] {
  return childElements(el, 'author', ns).flatMap((a) => childTexts(a, 'name', ns));
}

function readAtom(root: XmlElement): ParsedFeed {
  const ns = new Set([root.ns]);
  const title = cleanText(atomText(childElement(root, 'title', ns)));
  const link = atomLink(root, ns, null);
  const feedAuthors = atomAuthors(root, ns);
  const feedLanguage = firstLanguage([xmlLang(root)]);
  const items = childElements(root, 'entry', ns).map((entry, i): FeedItem => {
    const content = childElement(entry, 'content', ns);
    const text = firstNonEmpty([() => atomText(content), () => atomText(childElement(entry, 'summary', ns))]);
    const authors = atomAuthors(entry, ns);
    return {
      number: i + 1,
      guid: cleanId(childText(entry, 'id', ns)),
      title: cleanText(atomText(childElement(entry, 'title', ns))),
      text,
      url: atomLink(entry, ns, link),
      ...firstDate(['published', 'updated', 'issued', 'modified', 'created'].map((n) => childText(entry, n, ns))),
      byline: joinNames(authors.length > 0 ? authors : feedAuthors),
      language: firstLanguage([xmlLang(entry), xmlLang(content), feedLanguage]),
    };
  });
  return { kind: 'atom', title, link, items };
}

// ───────────────────────────── whole files ─────────────────────────────

/** Parses a feed document. Returns a one-line problem message when it is not well-formed XML or not a feed. */
export function parseFeed(xml: string): ParsedFeed | string {
  const doc = parseXml(xml);
  if (!doc.ok) return `not well-formed XML (line ${doc.line}: ${doc.message})`;
  const root = doc.root;
  if (root.local === 'rss' && root.ns === '') return readRss(root, 'rss');
  if (root.local === 'RDF' && root.ns === RDF) return readRss(root, 'rdf');
  if (root.local === 'feed' && (root.ns === ATOM || root.ns === ATOM03 || root.ns === '')) return readAtom(root);
  return `not an RSS or Atom feed (root element <${root.name}>)`;
}

/** The root element's qualified name after the XML prolog (declaration, PIs, comments, DOCTYPE), if found. */
function rootName(head: string): string | null {
  const prolog = /\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]*\[[\s\S]*?\])?[^>]*>)/iy;
  let pos = 0;
  for (;;) {
    prolog.lastIndex = pos;
    if (!prolog.test(head)) break;
    pos = prolog.lastIndex;
  }
  return /^\s*<([^\s/>!?]+)/.exec(head.slice(pos))?.[1] ?? null;
}

/**
 * Whether content is a feed by its start: `<rss`, `<feed` or `<rdf:RDF`, or an XML declaration `<?xml`
 * (unless the root element turns out to be `html`: an XHTML page stays HTML).
 */
export function looksLikeFeed(content: string): boolean {
  const s = content.replace(/^\uFEFF/, '').trimStart();
  if (/^<(?:rss|feed|rdf:RDF)[\s>/]/.test(s)) return true;
  if (!s.startsWith('<?xml')) return false;
  const root = rootName(s);
  return root === null || !/^(?:[\w.-]+:)?html$/i.test(root);
}

const SNIFF_BYTES = 4096;

/** looksLikeFeed on the first bytes of a file (UTF-16 with a BOM, else read as ASCII-compatible). */
export function looksLikeFeedBytes(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES));
  const encoding = utf16Bom(bytes);
  const text = encoding !== null ? new TextDecoder(encoding).decode(head) : head.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  return looksLikeFeed(text);
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The encoding named in an XML declaration when it is not UTF-8 and the platform knows it, else null. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (label === undefined || label === 'utf-8' || label === 'utf8' || label.startsWith('utf-16')) return null;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}

/**
 * Decodes a feed file's bytes: UTF-16 by its BOM, a single-byte or legacy encoding named in the XML
 * declaration, else as every other input (files.ts decodeText: strict UTF-8, BOM, NUL, CRLF→LF, empty).
 */
export function decodeFeed(input: string, bytes: Uint8Array): string | InputProblem {
  const utf16 = utf16Bom(bytes);
  const label = utf16 ?? (hasBom(bytes) ? null : declaredEncoding(bytes));
  if (label === null) return decodeText(input, bytes);
  if (utf16 === null && bytes.includes(0)) return problem(input, 'binary content (NUL bytes); not a text file');
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: utf16 !== null }).decode(bytes.subarray(utf16 !== null ? 2 : 0));
  } catch {
    return problem(input, `invalid ${label.toUpperCase()}`);
  }
  if (text.trim() === '') return problem(input, 'empty file');
  return text.replace(/\r\n?/g, '\n');
}

/** Articles of one decoded feed file, and problems for the file or for items without text. */
export async function* readFeed(src: DecodedInput): AsyncGenerator<Article | InputProblem> {
  let feed: ParsedFeed | string;
  try {
    feed = parseFeed(src.content);
  } catch (err) {
    yield problem(src.input, `could not read feed (${err instanceof Error ? (err.message.split('\n')[0] ?? '') : 'unknown error'})`);
    return;
  }
  if (typeof feed === 'string') {
    yield problem(src.input, feed);
    return;
  }
  if (feed.items.length === 0) {
    yield problem(src.input, 'feed has no items');
    return;
  }
  for (const item of feed.items) {
    const text = item.text !== '' ? item.text : (item.title ?? '');
    if (text === '') {
      yield problem(src.input, `item ${item.number}: no title and no text`);
      continue;
    }
    const article: Article = {
      id: item.guid ?? cleanId(item.url) ?? `${src.stem}#${item.number}`,
      title: item.title,
      text,
      source: feed.title ?? hostOf(item.url) ?? hostOf(feed.link),
      url: item.url,
      published: item.published,
      language: await languageOf(item.language, text),
      byline: item.byline,
      origin: `${src.origin}#${item.number}`,
    };
    // No date of the item read (feedDate above), so the first one given is shown as it is.
    yield markUnreadDate(article, item.unreadDate === null ? null : shownValue(item.unreadDate));
  }
}
