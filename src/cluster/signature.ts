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
 *
 * Speed: after the lead, the text is read sentence by sentence (`Piece`: a stretch that starts after a sentence end or
 * a line break), each distinct sentence once per thread (a bounded cache): wire copy and its rewrites repeat most
 * sentences verbatim. The result is the token-by-token reading's, bit for bit (test/cluster.signature.test.ts; the
 * 20,000-article real-derived corpus, ECB+, PolNeAR and NTREX French and Russian documents give identical bytes).
 */
import type { Article } from '../types.js';
import { fnv1a } from '../similarity/minhash.js';
import { anchorKey } from '../lang/anchor.js';
import { analysisLanguage } from '../lang/language.js';
import { glossWords } from '../similarity/crosslingual.js';
import { stem as englishStem } from '../similarity/tokens.js';
import { scanTokens, type TokenInfo } from './signature-tokens.js';
import { shingleHash, SKETCH_BINS, SketchBuilder } from './signature-sketch.js';
import { BoundedCache } from '../text/bounded-cache.js';
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
  /** Adds ids[from, to). */
  addRange(ids: Uint32Array, from: number, to: number): void {
    for (let i = from; i < to; i++) this.add(ids[i]!);
  }
  /** How many ids were added (repeats included). */
  get added(): number {
    return this.n;
  }
  /** Copies the ids added so far, in order, into `out` at `at`. */
  copyTo(out: Uint32Array, at: number): void {
    out.set(this.ids.subarray(0, this.n), at);
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

/** Where a scan's shingle hashes go: a document's sketch, or a piece's list. */
interface ShingleSink {
  add(hash: number): void;
}

/**
 * The token pass of `storySignature` with all its state: the bags' counters, the shingle window, pending names and
 * numbers, the names written inside sentences and the sentence-initial singles waiting for one. A document's scan
 * reads its title and the start of its text token by token (`segment`), then takes the rest piece by piece
 * (`takePiece`, see `pieceOf`).
 */
class SignatureScan {
  /**
   * Shingle window over all tokens' norm ids, and the first two tokens' (read off a piece's scan: its shingles with
   * what came before it).
   */
  w1 = 0;
  w2 = 0;
  seen = 0;
  first0 = 0;
  first1 = 0;
  private name: NameWord[] = [];
  private nameInitial = false;
  readonly capitalisedInside = new Set<number>();
  /** The stems of the names the text itself writes (not the title): what the title bag leaves out. */
  readonly textNames = new Set<number>();
  readonly initialSingles: TokenInfo[] = [];
  inTitle = false;
  /** Counted numbers: the number waiting for its noun. */
  private pendingNumber: TokenInfo | null = null;
  readonly titleStems: number[] = [];

  constructor(
    readonly c: Record<SignatureBag, Counter>,
    private readonly shingles: ShingleSink,
    private readonly glossing: 'ru' | 'fr' | null,
  ) {}

  emit(words: readonly NameWord[]): void {
    const c = this.c;
    const real = words.filter((w) => !w.connector);
    if (!this.inTitle) for (const w of real) if (w.token.norm.length > 2) this.textNames.add(w.token.stemId);
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
  }

  private flush(): void {
    const name = this.name;
    if (name.length === 0) return;
    while (name.length > 0 && name[name.length - 1]!.connector) name.pop();
    let k = 0;
    while (k < name.length && TITLES.has(name[k]!.token.norm)) k++;
    const words = name.slice(k);
    if (words.length > 0) {
      const initial = this.nameInitial && k === 0;
      if (!initial) for (const w of words) if (!w.connector) this.capitalisedInside.add(w.token.normId);
      if (initial && words.length === 1) this.initialSingles.push(words[0]!.token);
      else this.emit(words);
    }
    this.name = [];
  }

  /**
   * Reads `text` token by token. `echoEnd`: the text opens with the title on a line of its own (extracted pages
   * often do); its words are the title's, not names the text gives them (a title-case headline would make every word
   * a name).
   */
  segment(text: string, weight: number, leadEnd: number, title: boolean, echoEnd = 0): void {
    const c = this.c;
    const { words, lead, numbers, leadNumbers, years, counted } = c;
    const glossing = this.glossing;
    this.inTitle = title || echoEnd > 0;
    let prevEnd = -1;
    scanTokens(text, (t, start, end) => {
      if (this.inTitle && !title && start >= echoEnd) {
        // The line break after the echo ends any name in it (as the next token would).
        this.flush();
        this.inTitle = false;
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

      if (this.seen >= 2) this.shingles.add(shingleHash(this.w1, this.w2, t.normId));
      else if (this.seen === 0) this.first0 = t.normId;
      else this.first1 = t.normId;
      this.w1 = this.w2;
      this.w2 = t.normId;
      this.seen++;

      const role = roleOf(t);
      if (t.numeric) {
        numbers.add(t.stemId);
        if (inLead) leadNumbers.add(t.stemId);
        if (role & YEAR) years.add(t.stemId);
        this.pendingNumber = t;
        if (this.name.length > 0) this.flush();
        return;
      }
      if (role & CONTENT) {
        words.add(t.stemId, weight);
        if (inLead) lead.add(t.stemId);
        if (title) this.titleStems.push(t.stemId);
        if (glossing !== null) for (const id of glossIds(t, text.slice(start, end), glossing)) c.glosses.add(id, weight);
        if (this.pendingNumber && space) counted.add(fnv1a(`${this.pendingNumber.stem} ${t.stem}`));
      }
      this.pendingNumber = null;

      if (role & NAMEABLE) {
        if (this.name.length > 0 && space) this.name.push({ token: t, connector: false });
        else {
          this.flush();
          this.name = [{ token: t, connector: false }];
          this.nameInitial = initial;
        }
      } else if (this.name.length > 0 && space && role & CONNECTOR) {
        this.name.push({ token: t, connector: true });
      } else if (this.name.length > 0) this.flush();
    });
    this.flush();
    this.pendingNumber = null;
  }

  /**
   * What `segment` would do with a piece's tokens here (`pieceOf`): its terms, its shingles with the
   * two tokens before it and its own, the window moved on, its names' sets and singles.
   */
  takePiece(p: Piece): void {
    const n = p.tokens;
    if (n === 0) return;
    if (this.seen >= 2) this.shingles.add(shingleHash(this.w1, this.w2, p.first0));
    if (n >= 2 && this.seen >= 1) this.shingles.add(shingleHash(this.w2, p.first0, p.first1));
    for (let i = 0; i < p.shingles.length; i++) this.shingles.add(p.shingles[i]!);
    if (n === 1) {
      this.w1 = this.w2;
      this.w2 = p.first0;
    } else {
      this.w1 = p.last0;
      this.w2 = p.last1;
    }
    this.seen += n;
    for (let k = 0, from = 0; k < SIGNATURE_BAGS.length; k++) {
      const to = p.ends[k]!;
      if (to > from) this.c[SIGNATURE_BAGS[k]!].addRange(p.ids, from, to);
      from = to;
    }
    for (const id of p.capitalisedInside) this.capitalisedInside.add(id);
    for (const id of p.textNames) this.textNames.add(id);
    for (const t of p.initialSingles) this.initialSingles.push(t);
  }
}

/**
 * A stretch of text after the lead that starts a sentence, read on its own: everything `segment` adds for its tokens,
 * whatever came before. Exact because a piece starts after a gap holding a sentence end or a line break, which makes
 * its first token sentence-initial and not space-joined (as a first token is), and ends any pending name or number
 * (`segment` ends them at its end); the only things that reach across are the two shingles that end at its first two
 * tokens, which `takePiece` forms from them and the window.
 */
interface Piece {
  /** The ids the piece adds, repeats included, bag after bag in SIGNATURE_BAGS order; bag k's end at `ends[k]`. */
  ids: Uint32Array;
  ends: Uint32Array;
  /** Hashes of the shingles within the piece (those ending at its third token and later). */
  shingles: Uint32Array;
  tokens: number;
  first0: number;
  first1: number;
  last0: number;
  last1: number;
  capitalisedInside: readonly number[];
  textNames: readonly number[];
  initialSingles: TokenInfo[];
}

/** An empty list, shared by the pieces without names. */
const NONE: readonly number[] = Object.freeze([]);
/** The counters a piece is read into (reset for each). */
const PIECE_COUNTERS = Object.fromEntries(SIGNATURE_BAGS.map((b) => [b, new Counter()])) as Record<SignatureBag, Counter>;
/** Pieces by text (and language when not English): wire copy and its rewrites repeat most sentences verbatim. */
const pieces = new BoundedCache<Piece>(40_000);

/** The piece `text` (a sentence or more after the lead, see `Piece`), read once per distinct text and language. */
function pieceOf(text: string, glossing: 'ru' | 'fr' | null): Piece {
  const key = glossing === null ? text : `${glossing}\u0001${text}`;
  let p = pieces.get(key);
  if (p === undefined) {
    for (const b of SIGNATURE_BAGS) PIECE_COUNTERS[b].reset();
    const hashes: number[] = [];
    const scan = new SignatureScan(PIECE_COUNTERS, { add: (h) => hashes.push(h) }, glossing);
    scan.segment(text, 1, 0, false);
    const ends = new Uint32Array(SIGNATURE_BAGS.length);
    let total = 0;
    SIGNATURE_BAGS.forEach((b, k) => (ends[k] = total += PIECE_COUNTERS[b].added));
    const ids = new Uint32Array(total);
    SIGNATURE_BAGS.forEach((b, k) => PIECE_COUNTERS[b].copyTo(ids, k === 0 ? 0 : ends[k - 1]!));
    p = {
      ids,
      ends,
      shingles: Uint32Array.from(hashes),
      tokens: scan.seen,
      first0: scan.first0,
      first1: scan.first1,
      last0: scan.w1,
      last1: scan.w2,
      capitalisedInside: scan.capitalisedInside.size === 0 ? NONE : [...scan.capitalisedInside],
      textNames: scan.textNames.size === 0 ? NONE : [...scan.textNames],
      initialSingles: scan.initialSingles,
    };
    pieces.set(key, p);
  }
  return p;
}

/**
 * Where pieces may start: after a sentence end followed by white space, or after a line break (and the white space
 * after either). A piece never splits a token: neither the mark before the white space (a decimal point or an
 * apostrophe goes on only with a digit or a letter) nor white space is part of one.
 */
const PIECE_BREAK = /[.!?][ \t\r\u00a0]+|\n/g;

/** The offset at which the first piece at or after `from` starts (`text.length` when none does). */
function nextPieceStart(text: string, from: number): number {
  PIECE_BREAK.lastIndex = from;
  const m = PIECE_BREAK.exec(text);
  if (m === null) return text.length;
  let at = m.index + m[0].length;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** The story signature of an article (see the module comment). */
export function storySignature(article: Article): StorySignature {
  return signatureOf(article, true);
}

/** For tests: the signature read token by token throughout, without pieces (the same signature, slower). */
export function storySignatureTokenByToken(article: Article): StorySignature {
  return signatureOf(article, false);
}

function signatureOf(article: Article, byPieces: boolean): StorySignature {
  const c = COUNTERS;
  for (const b of SIGNATURE_BAGS) c[b].reset();
  const sketch = new SketchBuilder();
  const language = analysisLanguage(article);
  const glossing = language === 'en' ? null : language;
  const scan = new SignatureScan(c, sketch, glossing);
  if (article.title) scan.segment(article.title, 2, Infinity, true);
  // The text: token by token up to the first sentence that starts after the lead (and after a title echo), then
  // sentence by sentence through the piece cache.
  const text = article.text;
  const echo = titleEcho(article.title, text);
  let at = byPieces ? nextPieceStart(text, Math.max(LEAD_CHARS, echo)) : text.length;
  scan.segment(at < text.length ? text.slice(0, at) : text, 1, LEAD_CHARS, false, echo);
  while (at < text.length) {
    const next = nextPieceStart(text, at);
    const piece = text.slice(at, next).trimEnd();
    if (piece !== '') scan.takePiece(pieceOf(piece, glossing));
    at = next;
  }
  const { seen, w1, w2 } = scan;
  // Fewer than 3 tokens: one shingle of them all (as `wordShingles`).
  if (seen === 1) sketch.add(shingleHash(0, 0, w2));
  else if (seen === 2) sketch.add(shingleHash(0, w1, w2));
  // A sentence-initial word counts as a name when it is capitalised inside a sentence elsewhere; that other use, if in
  // the text, already made its stem a name of the text.
  scan.inTitle = true;
  for (const t of scan.initialSingles) if (scan.capitalisedInside.has(t.normId)) scan.emit([{ token: t, connector: false }]);
  scan.inTitle = false;
  for (const id of scan.titleStems) (scan.textNames.has(id) ? c.titleNames : c.title).add(id);
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
