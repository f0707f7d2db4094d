/**
 * One shared, lazily used compromise parse per text: word tokens with exact UTF-16 offsets and
 * part-of-speech tags.
 *
 * Speed: the full compromise pipeline (`nlp(text)`) costs ~30–60 ms for a 5,000-character article,
 * most of it in the contextual post-tagger. We run only tokenisation + lexicon + pre-tagger
 * (~5–10 ms for a whole article), which gives the lexicon tags (Person, FirstName, LastName, City,
 * Country, Demonym, Organization, Determiner, Preposition, Verb, ...) that the entity and number rules need.
 *
 * Sentence by sentence: compromise splits the text into its own sentences first, and tokenisation,
 * contractions, lexicon and pre-tagger all work within one sentence (nothing looks across a sentence
 * boundary), and a term's offset is the running total of `pre + text + post` over all terms before it.
 * So we split the text with compromise's own splitter, parse each of its sentences alone (giving exactly
 * the terms and tags the whole-text parse gives), and shift their offsets by the running total. Parsed
 * sentences are kept in a bounded LRU cache keyed by the sentence string, so that sentences re-used
 * verbatim by other articles (wire copy and its light rewrites) are not parsed again. A sentence that
 * compromise would split differently on its own (never seen in practice) sends the whole text through the
 * whole-text parse instead. The last few whole-text results are cached too, so `extractEntities` and
 * `extractNumbers` on the same text do the work once. The caches only save time: the result is a pure
 * function of the text.
 */
import nlp from 'compromise';
import { BoundedCache } from '../text/bounded-cache.js';

export interface NlpTerm {
  /** UTF-16 offsets into the parsed text; `text === source.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** compromise's normal form (lower case, no punctuation). */
  normal: string;
  tags: ReadonlySet<string>;
  /** Punctuation/white space compromise attached before/after the word. */
  pre: string;
  post: string;
  /**
   * Which parsed term this is: terms with one uid have the same text, normal form, tags, pre and post (each
   * term of a parse gets its own; a cached sentence's terms keep theirs).
   */
  uid: number;
}

let nextUid = 0;

interface RawTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags?: Set<string>;
  offset?: { start: number; length: number };
}

function isRawTerm(x: unknown): x is RawTerm {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  return typeof t.text === 'string' && typeof t.pre === 'string' && typeof t.post === 'string';
}

const EMPTY_TAGS: ReadonlySet<string> = new Set<string>();
const CACHE_SIZE = 4;
const cache: { text: string; terms: NlpTerm[] }[] = [];

/** A term of one compromise sentence, offsets relative to the sentence's first character. */
interface LocalTerm {
  /** Offset compromise reports (relative to the sentence). */
  start: number;
  uid: number;
  text: string;
  normal: string;
  tags: ReadonlySet<string>;
  pre: string;
  post: string;
}

interface ParsedSentence {
  terms: LocalTerm[];
  /** Sum of `pre + text + post` lengths over all of the sentence's terms (compromise's offset step). */
  length: number;
  /**
   * The sentence ends in a kept term with a letter or digit in it (and no white space after it): the same
   * sentence followed by white space parses the same but for that white space in the last term's `post`.
   */
  wordEnd: boolean;
}

/** Parsed sentences by sentence string, the ~4,096 most recently used. */
const sentenceCache = new BoundedCache<ParsedSentence>(4096);

type SplitFn = (text: string, world: unknown) => unknown;
let splitter: SplitFn | null | undefined;

/** compromise's own sentence splitter (the first step of `nlp.tokenize`), or null if not reachable. */
function compromiseSplitter(): SplitFn | null {
  if (splitter === undefined) {
    const methods = nlp.methods() as { one?: { tokenize?: { splitSentences?: unknown } } };
    const fn = methods.one?.tokenize?.splitSentences;
    splitter = typeof fn === 'function' ? (fn as SplitFn) : null;
  }
  return splitter;
}

/** The raw compromise parse of `text`: sentences of raw terms (tokenise + lexicon + pre-tagger + offsets). */
function rawParse(text: string): unknown[][] {
  const doc = nlp.tokenize(text);
  doc.compute(['lexicon', 'preTagger', 'offset']);
  const document: unknown = doc.document;
  if (!Array.isArray(document)) return [];
  return (document as unknown[]).map((s) => (Array.isArray(s) ? (s as unknown[]) : []));
}

/** Parse one compromise sentence alone; null when compromise would not keep it as one sentence. */
function parseSentence(sentence: string): ParsedSentence | null {
  const doc = rawParse(sentence);
  if (doc.length !== 1) return null;
  const terms: LocalTerm[] = [];
  let length = 0;
  let wordEnd = false;
  for (const raw of doc[0]!) {
    if (!isRawTerm(raw)) return null;
    length += raw.pre.length + raw.text.length + raw.post.length;
    wordEnd = false;
    if (!raw.offset || raw.text === '') continue;
    wordEnd = /[\p{L}\p{N}]/u.test(raw.text) && !/\s$/.test(raw.post);
    terms.push({
      start: raw.offset.start,
      uid: nextUid++,
      text: raw.text,
      normal: typeof raw.normal === 'string' ? raw.normal : raw.text.toLowerCase(),
      tags: raw.tags ?? EMPTY_TAGS,
      pre: raw.pre,
      post: raw.post,
    });
  }
  return { terms, length, wordEnd };
}

/**
 * compromise's sentences keep the white space after them ("…fire.\n\n", "…fire. "), so one sentence comes in
 * several forms. A form with trailing white space is read off the parse of the sentence without it when that
 * ends in a word (`wordEnd`): compromise then only adds the white space to the last term's `post` (checked on
 * every distinct sentence of 3,000 real-derived articles; a sentence ending in punctuation alone can take the
 * white space into the term's text, so it is parsed as it is). Saves ~18% of the parses.
 */
function cachedSentence(sentence: string): ParsedSentence | null {
  const hit = sentenceCache.get(sentence);
  if (hit) return hit;
  const body = sentence.trimEnd();
  const base = body !== sentence && body !== '' ? cachedSentence(body) : null;
  const parsed = base?.wordEnd ? withTail(base, sentence.slice(body.length)) : parseSentence(sentence);
  if (!parsed) return null;
  sentenceCache.set(sentence, parsed);
  return parsed;
}

/** `base` followed by the white space `tail`: the last term's `post` gets it (a new term, so a new uid). */
function withTail(base: ParsedSentence, tail: string): ParsedSentence {
  const terms = base.terms.slice();
  const last = terms[terms.length - 1]!;
  terms[terms.length - 1] = { ...last, post: last.post + tail, uid: nextUid++ };
  return { terms, length: base.length + tail.length, wordEnd: false };
}

/** Add a term at compromise's reported offset, guarding the offset contract against `text`. */
function pushTerm(out: NlpTerm[], text: string, start: number, t: { text: string; normal: string; tags: ReadonlySet<string>; pre: string; post: string; uid: number }): void {
  // Re-anchor near the reported offset if compromise drifted (startsWith: the check without a slice per term).
  let s = start;
  if (start < 0 || !text.startsWith(t.text, start)) {
    const found = text.indexOf(t.text, Math.max(0, start - 8));
    if (found < 0 || found > start + 64) return;
    s = found;
  }
  out.push({ start: s, end: s + t.text.length, text: t.text, normal: t.normal, tags: t.tags, pre: t.pre, post: t.post, uid: t.uid });
}

/** The whole-text parse (the reference the sentence-wise parse reproduces). */
function parseWhole(text: string): NlpTerm[] {
  const out: NlpTerm[] = [];
  for (const sentence of rawParse(text)) {
    for (const raw of sentence) {
      if (!isRawTerm(raw) || !raw.offset || raw.text === '') continue;
      pushTerm(out, text, raw.offset.start, {
        text: raw.text,
        normal: typeof raw.normal === 'string' ? raw.normal : raw.text.toLowerCase(),
        tags: raw.tags ?? EMPTY_TAGS,
        pre: raw.pre,
        post: raw.post,
        uid: nextUid++,
      });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Sentence by sentence through the sentence cache; null when a sentence does not parse alone. */
function parseBySentence(text: string): NlpTerm[] | null {
  const split = compromiseSplitter();
  if (!split) return null;
  const sentences = split(text, nlp.world());
  if (!Array.isArray(sentences)) return null;
  const parsed: ParsedSentence[] = [];
  for (const s of sentences as unknown[]) {
    if (typeof s !== 'string') return null;
    const p = cachedSentence(s);
    if (!p) return null;
    parsed.push(p);
  }
  const out: NlpTerm[] = [];
  let elapsed = 0;
  for (const p of parsed) {
    for (const t of p.terms) pushTerm(out, text, elapsed + t.start, t);
    elapsed += p.length;
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function parse(text: string): NlpTerm[] {
  return parseBySentence(text) ?? parseWhole(text);
}

/** Word tokens of `text` in order, with offsets and tags (cached for the last few texts). */
export function parseTerms(text: string): readonly NlpTerm[] {
  for (const c of cache) if (c.text === text) return c.terms;
  const terms = parse(text);
  cache.unshift({ text, terms });
  if (cache.length > CACHE_SIZE) cache.pop();
  return terms;
}

/** For tests: the whole-text parse, bypassing the sentence cache. */
export function parseTermsUncached(text: string): readonly NlpTerm[] {
  return parseWhole(text);
}

/** For tests: empty the caches. */
export function clearParseCaches(): void {
  cache.length = 0;
  sentenceCache.clear();
}
export { lexiconTag } from '../lang/demonyms.js';

/** Index of the first term whose start is >= offset (binary search). */
export function termIndexAt(terms: readonly NlpTerm[], offset: number): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
