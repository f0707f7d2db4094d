/**
 * HTML pages (.html, .htm, optionally gzipped): article extraction with Mozilla Readability 0.6.0 on a
 * linkedom document.
 *
 * Metadata is read from the page before Readability runs (it changes the DOM):
 * - title: og:title, else Readability's title (which reads JSON-LD, meta and <title>), else the first <h1>
 *   (in <article> first); a " | Site" (or " - Site", " — Site", ...) suffix or "Site | " prefix is removed
 *   only when it equals the site name.
 * - byline: <meta name="author"> (not a URL), else Readability's byline, without a leading "By ".
 * - source: og:site_name, else Readability's siteName, else application-name, else the host of `url`
 *   (without "www.").
 * - url: <link rel="canonical">, else og:url (absolute http(s) only; a relative canonical is resolved
 *   against og:url).
 * - published (first that normalises, see published.ts): article:published_time and similar metas,
 *   JSON-LD datePublished, Readability's publishedTime, then a <time datetime> (inside <article>/<main>
 *   first). The <time> element comes last because pages often carry several (related items, comments).
 * - language: <html lang> (primary subtag), else Content-Language / og:locale, else detected.
 *
 * `text` is the article body as plain text, one paragraph per block element of Readability's content
 * (p, h1-h6, li, blockquote, pre, dd/dt, div or section with direct text, ...), joined with a
 * blank line; inline white space collapsed to single spaces (<pre> keeps its lines); <br> breaks a
 * paragraph. Dropped: figures and their captions; paragraphs that are (almost) all link text
 * (MAX_BLOCK_LINK_SHARE); whole-line furniture ("Advertisement", "Skip to content", "Read more", ...);
 * leading paragraphs that repeat the title, a byline-only line ("By X, date"), or a date-only line (or the
 * text of a <time> element).
 *
 * Quality (scratch/zyte-f1.ts, Zyte article-extraction benchmark, 90 pages, token-shingle F1 as in
 * /work/shared/data/README.md): 0.966 (P 0.951, R 0.981), against 0.952 for Readability's own textContent
 * under the same metric; Readability alone with this paragraph walk: 0.957.
 *
 * No article: Readability finds nothing, the text is shorter than MIN_ARTICLE_CHARS, or more than
 * MAX_LINK_DENSITY of it is link text (a navigation page) → InputProblem "no article text found".
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, InputProblem } from '../types.js';
import type { DecodedInput } from './files.js';
import { detectLanguage, normaliseLanguageTag } from './language.js';
import { problem } from './problem.js';
import { normalisePublished } from './published.js';
import { absoluteUrl, cleanText, hostOf } from './fields.js';

/** Shorter extracted text than this is not an article (a short news brief of two sentences passes). */
export const MIN_ARTICLE_CHARS = 80;
/** Share of the extracted text inside links above which the page is navigation, not an article. */
export const MAX_LINK_DENSITY = 0.5;
/**
 * A paragraph with more of its characters inside links than this is a link list item ("Read more: ...",
 * related stories, breadcrumbs) and is dropped. Chosen on the Zyte benchmark as a round, conservative value:
 * 0.5-0.95 all score within 0.001 F1 there.
 */
export const MAX_BLOCK_LINK_SHARE = 0.8;

export interface ExtractedPage {
  title: string | null;
  byline: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  /** Two-letter code from the page's markup, or null (detection happens in readHtml). */
  language: string | null;
  /** Paragraphs joined by "\n\n". */
  text: string;
}

/** Elements whose content is not article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'option', 'textarea', 'input',
  'iframe', 'object', 'embed', 'canvas', 'audio', 'video', 'source', 'picture', 'img', 'head', 'title', 'meta', 'link',
  // Images with their captions and credits: not body text.
  'figure', 'figcaption',
]);

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead',
  'tr', 'ul',
]);

/** Table cells: inline, but never glued to their neighbours. */
const CELL = new Set(['td', 'th']);

/** The small part of the DOM (as linkedom implements it) used here; the project compiles without lib.dom. */
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}
interface DomParent {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomElement extends DomNode, DomParent {
  localName: string;
  getAttribute(name: string): string | null;
}
interface DomDocument extends DomParent {
  documentElement: DomElement | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** One paragraph of extracted text and how much of it sits inside links. */
interface Block {
  text: string;
  /** Share of the paragraph's non-space characters inside <a>. */
  linkShare: number;
}

/** Plain-text paragraphs of an element, in document order. */
function blockTexts(root: DomNode): Block[] {
  const out: Block[] = [];
  let buf = '';
  let linked = 0;
  let inLink = 0;
  const flush = (): void => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t !== '') {
      const chars = t.replace(/\s+/g, '').length;
      out.push({ text: t, linkShare: chars === 0 ? 0 : Math.min(1, linked / chars) });
    }
    buf = '';
    linked = 0;
  };
  const visit = (node: DomNode): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const v = child.nodeValue ?? '';
        buf += v;
        if (inLink > 0) linked += v.replace(/\s+/g, '').length;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as DomElement;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        flush();
      } else if (tag === 'pre') {
        flush();
        const t = (el.textContent ?? '').replace(/[ \t\u00a0]+$/gm, '').replace(/\n{2,}/g, '\n').replace(/^\n+/, '').trimEnd();
        if (t.trim() !== '') out.push({ text: t, linkShare: 0 });
      } else if (BLOCK.has(tag)) {
        flush();
        visit(el);
        flush();
      } else if (CELL.has(tag)) {
        buf += ' ';
        visit(el);
        buf += ' ';
      } else if (tag === 'a') {
        inLink++;
        visit(el);
        inLink--;
      } else {
        visit(el);
      }
    }
  };
  visit(root);
  flush();
  return out;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}


function metaValues(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = cleanText(el.getAttribute('content'));
    if (content === null) continue;
    const keys = [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('itemprop'), el.getAttribute('http-equiv')];
    for (const attr of keys) {
      for (const key of (attr ?? '').toLowerCase().split(/\s+/)) {
        if (key !== '' && !map.has(key)) map.set(key, content);
      }
    }
  }
  return map;
}

/** `datePublished` values from JSON-LD blocks, in document order. */
function jsonLdDates(doc: DomDocument): string[] {
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const rec = v as Record<string, unknown>;
    const d = rec['datePublished'];
    if (typeof d === 'string') out.push(d);
    if (rec['@graph'] !== undefined) walk(rec['@graph'], depth + 1);
    if (rec['mainEntity'] !== undefined) walk(rec['mainEntity'], depth + 1);
  };
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      walk(JSON.parse(el.textContent ?? '') as unknown, 0);
    } catch {
      // A broken JSON-LD block is ignored.
    }
  }
  return out;
}



const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' / ', ' : ', ' » '];

/** Removes " | Site" / "Site | " when the removed part equals the site name. */
export function stripSiteName(title: string, site: string | null): string {
  if (site === null) return title;
  const s = norm(site);
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at > 0 && norm(title.slice(at + sep.length)) === s) return title.slice(0, at).trim();
    const first = title.indexOf(sep);
    if (first > 0 && norm(title.slice(0, first)) === s) return title.slice(first + sep.length).trim();
  }
  return title;
}

/** "By", and its equivalent in a few languages, before a name. */
const BYLINE_PREFIX = /^(?:by|von|par|por|door)[:\s]\s*/i;

function cleanByline(byline: string | null | undefined): string | null {
  const b = cleanText(byline);
  if (b === null || /^https?:/i.test(b)) return null;
  const t = b.replace(BYLINE_PREFIX, '').trim();
  return t === '' || t.length > 120 ? null : t;
}

/** Whole-line furniture that Readability sometimes keeps. */
const BOILERPLATE = /^(?:advert(?:isement)?|ad|sponsored|skip to (?:main )?content|comments?|share(?: this)?(?: article| story)?|subscribe|sign in|log in|close|caption|read more|related(?: articles| stories)?|this slideshow requires javascript\.?|image \d+ of \d+)$/i;

/** A short line that is only a byline ("By Priya Anand, 17 November 2026"). */
function isBylineLine(para: string, byline: string | null): boolean {
  if (para.length > 120) return false;
  if (byline !== null && (norm(para) === norm(byline) || norm(para) === norm(`by ${byline}`))) return true;
  return /^(?:By|BY|by|Von|von|Par|par|Por|por|Door|door)\s+\p{Lu}/u.test(para) && !/[.!?]["”’]?$/.test(para.replace(/\b\p{Lu}\.$/u, ''));
}

/** A short line that is only a date stamp ("17 November 2026", "Updated 10:30 GMT, 17 Nov 2026"). */
function isDateLine(para: string): boolean {
  if (para.length > 80) return false;
  if (normalisePublished(para) !== null) return true;
  return /^(?:updated|published|posted|last updated)\b[^.!?]*\d/i.test(para);
}

function linkDensity(root: DomElement): number {
  const total = (root.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 1;
  let linked = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / total;
}

function parseDocument(html: string): DomDocument {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(wrapped) as { document: DomDocument }).document;
}

/**
 * Extracts the article and its metadata from a page. Returns null when the page holds no article.
 * Pure apart from the DOM it builds; the language is only the declared one (see readHtml).
 */
export function extractArticle(html: string): ExtractedPage | null {
  const doc = parseDocument(html);
  if (doc.documentElement === null) return null;
  const meta = metaValues(doc);
  const htmlLang = doc.documentElement.getAttribute('lang');
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  const ogUrl = absoluteUrl(meta.get('og:url'));
  const url = absoluteUrl(canonical, ogUrl) ?? ogUrl;
  const timeEl =
    doc.querySelector('article time[datetime]') ?? doc.querySelector('main time[datetime]') ?? doc.querySelector('time[datetime]');
  const timeValue = timeEl?.getAttribute('datetime') ?? null;
  const ldDates = jsonLdDates(doc);
  const h1 = cleanText((doc.querySelector('article h1') ?? doc.querySelector('h1'))?.textContent);
  const timeTexts = new Set(Array.from(doc.querySelectorAll('time')).map((t) => norm(t.textContent ?? '')));

  let content: unknown = null;
  // Readability's typings name lib.dom's Document; linkedom's document is that DOM for its purposes.
  const parsed = new Readability<string>(doc as ConstructorParameters<typeof Readability>[0], {
    serializer: (node: unknown): string => {
      content = node;
      return '';
    },
  }).parse();
  const root = content as DomElement | null;
  if (parsed === null || root === null) return null;

  const source = cleanText(meta.get('og:site_name')) ?? cleanText(parsed.siteName) ?? cleanText(meta.get('application-name')) ?? hostOf(url);
  const rawTitle = cleanText(meta.get('og:title')) ?? cleanText(parsed.title) ?? cleanText(meta.get('twitter:title')) ?? h1;
  const title = rawTitle === null ? null : stripSiteName(rawTitle, source);
  const byline = cleanByline(meta.get('author')) ?? cleanByline(parsed.byline);
  const published =
    [
      meta.get('article:published_time'),
      meta.get('og:published_time'),
      meta.get('datepublished'),
      ...ldDates,
      parsed.publishedTime ?? undefined,
      meta.get('pubdate'),
      meta.get('publishdate'),
      meta.get('dc.date.issued'),
      meta.get('dc.date'),
      meta.get('date'),
      timeValue ?? undefined,
    ]
      .map((v) => normalisePublished(v))
      .find((v) => v !== null) ?? null;
  const language =
    normaliseLanguageTag(htmlLang) ??
    normaliseLanguageTag(parsed.lang) ??
    normaliseLanguageTag(meta.get('content-language')) ??
    normaliseLanguageTag(meta.get('og:locale'));

  const paras = blockTexts(root)
    .filter((b) => b.linkShare <= MAX_BLOCK_LINK_SHARE && !BOILERPLATE.test(b.text))
    .map((b) => b.text);
  for (let i = 0; i < 4 && paras.length > 0; i++) {
    const first = paras[0]!;
    const header =
      (title !== null && norm(first) === norm(title)) || isBylineLine(first, byline) || isDateLine(first) || timeTexts.has(norm(first));
    if (header) paras.shift();
    else break;
  }
  const text = paras.join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS || linkDensity(root) > MAX_LINK_DENSITY) return null;
  return { title, byline, source, url, published, language, text };
}

export async function* readHtml(src: DecodedInput): AsyncGenerator<Article | InputProblem> {
  let page: ExtractedPage | null;
  try {
    page = extractArticle(src.content);
  } catch (err) {
    // The parser or Readability failed on this page: report it, go on with the rest.
    yield problem(src.input, `could not parse HTML (${err instanceof Error ? err.message.split('\n')[0] : 'unknown error'})`);
    return;
  }
  if (page === null) {
    yield problem(src.input, 'no article text found');
    return;
  }
  yield {
    id: src.stem,
    title: page.title,
    text: page.text,
    source: page.source,
    url: page.url,
    published: page.published,
    language: page.language ?? (await detectLanguage(page.text)),
    byline: page.byline,
    origin: src.origin,
  };
}
