/**
 * The story signature of an article: what the story decision needs, computed from the raw Article alone
 * (title, text, published) in one pass of the shared tokenizer (src/similarity/tokens.ts, through the
 * memoised scan of ./signature-tokens.ts) — no `analyse()`, ~0.1–0.2 ms for 3,000 characters.
 *
 * Term bags (sorted 32-bit term ids = fnv1a of the term, with counts):
 * - words: content stems (stopwords, numbers and words under 3 letters dropped) of title and text; title
 *   words count twice.
 * - names: name-like capitalised word sequences standing in for entities — each multi-word name as one key
 *   ("tara reid") plus the stems of its words; leading titles (Mr, President, ...) dropped; weekdays and
 *   months are not names; a sentence-initial single capitalised word counts only when the same word is
 *   also capitalised inside a sentence somewhere in the article.
 * - people: the word stems of multi-word names (a stand-in for people's names).
 * - numbers: number tokens; counted: a number with the content word right after it ("214 passenger");
 *   years: four-digit numbers 1900–2099.
 * - lead / leadNumbers: content stems / number tokens of the title and the first `LEAD_CHARS` characters.
 * - glosses (Russian and French articles): the English words the bilingual lexicon gives for its content words
 *   (src/lang/lexicon/), as English stems, weighted like words: what its words meet in an English article's words
 *   bag (or in another language's glosses). Only the decision between articles of different languages reads it.
 * - anchors: the names again, as language-independent anchor keys (src/lang/anchor.ts: each name's words'
 *   keys joined, and each word's key), so that "Пескова" in a Russian article and "Peskov" in its English
 *   rewrite are one term. Only the decision between articles of different languages reads it.
 * - title: the content stems of the title that the text does not write as names (a capitalised word inside a
 *   sentence, or a run of two or more; empty without a title): what happened, in the few words of a headline, which
 *   outlets of different leanings keep when they frame their opening paragraphs apart (signature-decision.ts
 *   `titleTerm`). Names are left to the names bag: two events at one place on one day share the place in their
 *   headlines.
 * - titleNames: the title's content stems that the text writes as names: who or where the headline is about. Two
 *   headlines that each name someone or somewhere and share none of them are about different events (the title term
 *   is then 0: "Quarn bridge closed", "Dell bridge closed").
 * Plus `sketch`, a MinHash sketch of the word 3-shingles (./signature-sketch.ts), and `day`, the
 * publication day (days since 1970-01-01) or null.
 * Deterministic: a pure function of the article.
 */
import type { Article } from '../types.js';
import { fnv1a } from '../similarity/minhash.js';
import { anchorKey } from '../lang/anchor.js';
import { analysisLanguage } from '../lang/language.js';
import { glossWords } from '../similarity/crosslingual.js';
import { stem as englishStem } from '../similarity/tokens.js';
import { scanTokens, type TokenInfo } from './signature-tokens.js';
import { shingleHash, SKETCH_BINS, SketchBuilder } from './signature-sketch.js';
import { SIGNATURE_BAGS, type SignatureBag, type StorySignature, type TermBag } from './signature-types.js';

export { decodeSignature, encodeSignature } from './signature-codec.js';
export { SIGNATURE_BAGS, type SignatureBag, type StorySignature, type TermBag } from './signature-types.js';

/** How much of the text counts as the lead (after the title). */
export const LEAD_CHARS = 600;

/** Lower-case words that may join two capitalised words into one name ("Bank of England"). */
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'de', 'del', 'der', 'van', 'von', 'la', 'le', 'da', 'du', 'al', 'bin']);
/** Capitalised words that are not names. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december today yesterday tomorrow mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
/** Titles dropped from the start of a name ("President Barack Obama" → "barack obama"). */
const TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady president vice prime minister senator sen rep gov governor gen general col ' +
    'capt captain lt sgt officer judge justice chief king queen prince princess pope rev father bishop mayor chairman ' +
    'secretary coach detective inspector sheriff deputy'
  ).split(' '),
);

const YEAR_RE = /^(19|20)\d\d$/;

/** What the signature makes of a token, cached in `TokenInfo.role` (bits). */
const CONTENT = 1;
const NAMEABLE = 2;
const CONNECTOR = 4;
const YEAR = 8;

function roleOf(t: TokenInfo): number {
  if (t.role >= 0) return t.role;
  let role = 0;
  if (t.numeric) {
    if (YEAR_RE.test(t.norm)) role |= YEAR;
  } else {
    if (!t.stop && t.norm.length >= 3) role |= CONTENT;
    if (t.capitalised && !t.stop && !NOT_NAMES.has(t.norm)) role |= NAMEABLE;
    if (!t.capitalised && CONNECTORS.has(t.norm)) role |= CONNECTOR;
  }
  t.role = role;
  return role;
}

/**
 * Term ids as they come; `sort()` sorts them and returns how many are distinct, `bag()` writes the ids with
 * their counts of repeats (cheaper than a Map of 32-bit keys).
 */
class Counter {
  private ids = new Uint32Array(64);
  private n = 0;
  /** Empties it (the array is kept for the next article). */
  reset(): this {
    this.n = 0;
    return this;
  }
  add(id: number, weight = 1): void {
    for (let k = 0; k < weight; k++) {
      if (this.n === this.ids.length) {
        const grown = new Uint32Array(this.n * 2);
        grown.set(this.ids);
        this.ids = grown;
      }
      this.ids[this.n++] = id;
    }
  }
  sort(): number {
    const sorted = this.ids.subarray(0, this.n).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    return distinct;
  }
  /** The bag (after `sort`), in `ids` and `counts` of the distinct length. */
  bag(ids: Uint32Array, counts: Uint16Array): TermBag {
    const sorted = this.ids.subarray(0, this.n);
    let at = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) ids[++at] = sorted[i]!;
      if (counts[at]! < 0xffff) counts[at]!++;
    }
    return { ids, counts };
  }
}

/** The counters of `storySignature`, reused from one article to the next (it runs start to end, never nested). */
const COUNTERS = Object.fromEntries(SIGNATURE_BAGS.map((b) => [b, new Counter()])) as Record<SignatureBag, Counter>;

/** The anchor key of a name token (kept on the memoised token, so each distinct word is keyed once). */
const anchors = new WeakMap<TokenInfo, { key: string; id: number }>();
function anchorEntry(t: TokenInfo): { key: string; id: number } {
  let e = anchors.get(t);
  if (!e) {
    const key = anchorKey(t.norm);
    e = { key, id: fnv1a(`@${key}`) };
    anchors.set(t, e);
  }
  return e;
}
const anchorOf = (t: TokenInfo): string => anchorEntry(t).key;
const anchorIdOf = (t: TokenInfo): number => anchorEntry(t).id;

/** The term ids of the English glosses of a Russian or French word (kept per token and language). */
const glossCaches = { ru: new WeakMap<TokenInfo, Uint32Array>(), fr: new WeakMap<TokenInfo, Uint32Array>() };
function glossIds(t: TokenInfo, raw: string, language: 'ru' | 'fr'): Uint32Array {
  const cache = glossCaches[language];
  let ids = cache.get(t);
  if (!ids) {
    ids = Uint32Array.from(new Set(glossWords(raw, language).map((w) => fnv1a(englishStem(w)))));
    cache.set(t, ids);
  }
  return ids;
}

/** A word of a pending name. */
interface NameWord {
  token: TokenInfo;
  connector: boolean;
}

/** The story signature of an article (see the module comment). */
export function storySignature(article: Article): StorySignature {
  const c = COUNTERS;
  for (const b of SIGNATURE_BAGS) c[b].reset();
  const { words, lead, numbers, leadNumbers, years, counted } = c;
  const sketch = new SketchBuilder();
  // Shingle window over all tokens' norm ids.
  let w1 = 0;
  let w2 = 0;
  let seen = 0;
  // Names: the pending sequence, and single sentence-initial words waiting for a capitalised use elsewhere.
  let name: NameWord[] = [];
  let nameInitial = false;
  const capitalisedInside = new Set<number>();
  // The stems of the names the text itself writes (not the title): what the title bag leaves out.
  const textNames = new Set<number>();
  const initialSingles: TokenInfo[] = [];
  let inTitle = false;
  const emit = (words: readonly NameWord[]): void => {
    const real = words.filter((w) => !w.connector);
    if (!inTitle) for (const w of real) if (w.token.norm.length > 2) textNames.add(w.token.stemId);
    if (real.length >= 2) {
      c.names.add(fnv1a(words.map((w) => w.token.norm).join(' ')));
      c.anchors.add(fnv1a(real.map((w) => anchorOf(w.token)).join(' ')));
      for (const w of real) if (w.token.norm.length > 2) c.people.add(w.token.stemId);
    }
    for (const w of real) {
      if (w.token.norm.length <= 2) continue;
      c.names.add(w.token.stemId);
      c.anchors.add(anchorIdOf(w.token));
    }
  };
  const flush = (): void => {
    if (name.length === 0) return;
    while (name.length > 0 && name[name.length - 1]!.connector) name.pop();
    let k = 0;
    while (k < name.length && TITLES.has(name[k]!.token.norm)) k++;
    const words = name.slice(k);
    if (words.length > 0) {
      const initial = nameInitial && k === 0;
      if (!initial) for (const w of words) if (!w.connector) capitalisedInside.add(w.token.normId);
      if (initial && words.length === 1) initialSingles.push(words[0]!.token);
      else emit(words);
    }
    name = [];
  };
  // Counted numbers: the number waiting for its noun.
  let pendingNumber: TokenInfo | null = null;

  const language = analysisLanguage(article);
  const glossing = language === 'en' ? null : language;
  const titleStems: number[] = [];
  // `echoEnd`: the text opens with the title on a line of its own (extracted pages often do); its words are the
  // title's, not names the text gives them (a title-case headline would make every word a name).
  const segment = (text: string, weight: number, leadEnd: number, title: boolean, echoEnd = 0): void => {
    inTitle = title || echoEnd > 0;
    let prevEnd = -1;
    scanTokens(text, (t, start, end) => {
      if (inTitle && !title && start >= echoEnd) {
        // The line break after the echo ends any name in it (as the next token would).
        flush();
        inTitle = false;
      }
      // Gap since the previous token: sentence start? plain space (names and counted numbers continue)?
      let initial = prevEnd < 0;
      let space = prevEnd >= 0;
      for (let i = prevEnd < 0 ? 0 : prevEnd; i < start; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 32 || ch === 0xa0) continue;
        space = false;
        if (ch === 46 || ch === 33 || ch === 63 || ch === 58 || ch === 10 || ch === 34 || ch === 0x201c || ch === 40 || ch === 0x2018 || ch === 39) initial = true;
      }
      prevEnd = end;
      const inLead = start < leadEnd;

      if (seen >= 2) sketch.add(shingleHash(w1, w2, t.normId));
      w1 = w2;
      w2 = t.normId;
      seen++;

      const role = roleOf(t);
      if (t.numeric) {
        numbers.add(t.stemId);
        if (inLead) leadNumbers.add(t.stemId);
        if (role & YEAR) years.add(t.stemId);
        pendingNumber = t;
        if (name.length > 0) flush();
        return;
      }
      if (role & CONTENT) {
        words.add(t.stemId, weight);
        if (inLead) lead.add(t.stemId);
        if (title) titleStems.push(t.stemId);
        if (glossing !== null) for (const id of glossIds(t, text.slice(start, end), glossing)) c.glosses.add(id, weight);
        if (pendingNumber && space) counted.add(fnv1a(`${pendingNumber.stem} ${t.stem}`));
      }
      pendingNumber = null;

      if (role & NAMEABLE) {
        if (name.length > 0 && space) name.push({ token: t, connector: false });
        else {
          flush();
          name = [{ token: t, connector: false }];
          nameInitial = initial;
        }
      } else if (name.length > 0 && space && role & CONNECTOR) {
        name.push({ token: t, connector: true });
      } else if (name.length > 0) flush();
    });
    flush();
    pendingNumber = null;
  };
  if (article.title) segment(article.title, 2, Infinity, true);
  segment(article.text, 1, LEAD_CHARS, false, titleEcho(article.title, article.text));
  // Fewer than 3 tokens: one shingle of them all (as `wordShingles`).
  if (seen === 1) sketch.add(shingleHash(0, 0, w2));
  else if (seen === 2) sketch.add(shingleHash(0, w1, w2));
  // A sentence-initial word counts as a name when it is capitalised inside a sentence elsewhere; that other use, if in
  // the text, already made its stem a name of the text.
  inTitle = true;
  for (const t of initialSingles) if (capitalisedInside.has(t.normId)) emit([{ token: t, connector: false }]);
  inTitle = false;
  for (const id of titleStems) (textNames.has(id) ? c.titleNames : c.title).add(id);
  // All arrays of the signature in one buffer: one allocation, and one buffer to copy to another thread.
  const distinct = SIGNATURE_BAGS.map((b) => c[b].sort());
  const sketchBins = sketch.size === 0 ? 0 : SKETCH_BINS;
  let bytes = sketchBins * 2;
  for (const d of distinct) bytes += d * 4 + ((d * 2 + 3) & ~3);
  const buffer = new ArrayBuffer(bytes);
  let offset = 0;
  const bags = {} as Record<SignatureBag, TermBag>;
  SIGNATURE_BAGS.forEach((b, k) => {
    const d = distinct[k]!;
    const ids = new Uint32Array(buffer, offset, d);
    offset += d * 4;
    const counts = new Uint16Array(buffer, offset, d);
    offset += (d * 2 + 3) & ~3;
    bags[b] = c[b].bag(ids, counts);
  });
  const bins = new Uint16Array(buffer, offset, sketchBins);
  sketch.finishInto(bins);
  return { bags, sketch: bins, day: publicationDay(article.published), language };
}
/** Where the title's line ends when the text opens with it (white space before it and case aside), else 0. */
function titleEcho(title: string | null, text: string): number {
  const head = title?.trim();
  if (!head) return 0;
  const at = text.length - text.trimStart().length;
  if (text.slice(at, at + head.length).toLowerCase() !== head.toLowerCase()) return 0;
  const end = at + head.length;
  return /^[ \t]*\r?\n/.test(text.slice(end, end + 8)) ? end : 0;
}

/** Days since 1970-01-01 of an ISO date or date-time's date part, or null. */
export function publicationDay(published: string | null): number | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}
