/**
 * One shared, lazily used compromise parse per text: word tokens with exact UTF-16 offsets and
 * part-of-speech tags.
 *
 * Speed: the full compromise pipeline (`nlp(text)`) costs ~30–60 ms for a 5,000-character article,
 * most of it in the contextual post-tagger. We run only tokenisation + lexicon + pre-tagger
 * (~8–10 ms warm), which gives the lexicon tags (Person, FirstName, LastName, City, Country, Demonym,
 * Organization, Determiner, Preposition, Verb, ...) that the entity and number rules need.
 *
 * The last few parses are cached by text, so `extractEntities` and `extractNumbers` on the same text
 * parse it once. The cache only saves time: the parse is a pure function of the text.
 */
import nlp from 'compromise';

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
}

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

function parse(text: string): NlpTerm[] {
  const doc = nlp.tokenize(text);
  doc.compute(['lexicon', 'preTagger', 'offset']);
  const out: NlpTerm[] = [];
  const document: unknown = doc.document;
  if (!Array.isArray(document)) return out;
  for (const sentence of document as unknown[]) {
    if (!Array.isArray(sentence)) continue;
    for (const raw of sentence as unknown[]) {
      if (!isRawTerm(raw) || !raw.offset || raw.text === '') continue;
      const start = raw.offset.start;
      const end = start + raw.offset.length;
      // Guard the offset contract: re-anchor near the reported offset if compromise drifted.
      let s = start;
      if (text.slice(start, end) !== raw.text) {
        const found = text.indexOf(raw.text, Math.max(0, start - 8));
        if (found < 0 || found > start + 64) continue;
        s = found;
      }
      out.push({
        start: s,
        end: s + raw.text.length,
        text: raw.text,
        normal: typeof raw.normal === 'string' ? raw.normal : raw.text.toLowerCase(),
        tags: raw.tags ?? EMPTY_TAGS,
        pre: raw.pre,
        post: raw.post,
      });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Word tokens of `text` in order, with offsets and tags (cached for the last few texts). */
export function parseTerms(text: string): readonly NlpTerm[] {
  for (const c of cache) if (c.text === text) return c.terms;
  const terms = parse(text);
  cache.unshift({ text, terms });
  if (cache.length > CACHE_SIZE) cache.pop();
  return terms;
}

let lexicon: Record<string, unknown> | null = null;

/** The tag compromise's lexicon gives a lower-case word ("moscow" → "City"), or undefined. */
export function lexiconTag(word: string): string | undefined {
  if (lexicon === null) {
    const model: unknown = nlp.model();
    const one = (model as { one?: { lexicon?: unknown } }).one;
    lexicon = typeof one?.lexicon === 'object' && one.lexicon !== null ? (one.lexicon as Record<string, unknown>) : {};
  }
  const tag = lexicon[word];
  return typeof tag === 'string' ? tag : undefined;
}

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
