/**
 * Word tokens with offsets, a small English stopword list and a light stemmer.
 * Every later measure (weights, shingles, alignment, roles) works on these tokens, so "the same word"
 * means the same thing everywhere.
 */

/** A word token of a text: `start`/`end` are UTF-16 offsets into the string given to `tokenize`. */
export interface Token {
  start: number;
  end: number;
  /** Lower-cased, diacritics folded, possessive 's removed, curly apostrophes straightened. */
  norm: string;
  /** Light stem of `norm` (plural/-ed/-ing folded); numbers keep their digits without separators. */
  stem: string;
  /** True for stopwords (function words), which carry no content. */
  stop: boolean;
  /** True when the token is a number ("1,200", "6.4", "1st"). */
  numeric: boolean;
}

/** Function words: articles, pronouns, auxiliaries, prepositions, conjunctions, light adverbs. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here ' +
    'of in on at to for from by with without within into onto upon about above below over under ' +
    'across along around after before during since until till through throughout between among against ' +
    'toward towards via per as like near off out up down ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
    'who whom whose which what when where why how whether while ' +
    'is are was were be been being am do does did doing done have has had having ' +
    'will would shall should can could may might must ' +
    'not no never none nothing neither ' +
    'all any both each either every few more most much many other others some such ' +
    'also just only very too quite rather even still already again ever ' +
    'own same one s t'
  ).split(/\s+/),
);

/** Negation words (used for negation parity and scopes). */
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', "n't", 'cannot', 'without']);

const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*(?:\p{L}+)?|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*/gu;
/** A copy of TOKEN_RE for exec loops (its lastIndex is reset before each scan). */
const WORD_RE = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);

/** Folds case and diacritics; straightens apostrophes; drops a trailing possessive. */
export function normaliseToken(raw: string): string {
  let t = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/’/g, "'");
  if (t.endsWith("'s")) t = t.slice(0, -2);
  else if (t.endsWith("n't")) t = t.slice(0, -3);
  return t;
}

/** A light, deterministic suffix stemmer (plurals, -ed, -ing, -ly); numbers lose their separators. */
export function stem(norm: string): string {
  if (/^\p{N}/u.test(norm)) {
    // "1,200" → "1200"; "6.4" stays; ordinals "1st" → "1".
    const m = /^(\p{N}+(?:[.,]\p{N}+)*)/u.exec(norm);
    const digits = m ? m[1]! : norm;
    return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.');
  }
  let w = norm;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|us|is)$/.test(w)) {
    /* keep: "process", "status", "crisis" */
  } else if (/(ches|shes|xes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Tokens of `text`; offsets are shifted by `offset` (pass a sentence's start to get article offsets). */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  // The matches of text.matchAll(TOKEN_RE), without its iterator (WORD_RE is a copy of TOKEN_RE; no match is empty).
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const raw = m[0];
    const start = m.index + offset;
    const word = wordOf(raw);
    if (word.norm === '') continue;
    out.push({ start, end: start + raw.length, norm: word.norm, stem: word.stem, stop: word.stop, numeric: word.numeric });
  }
  return out;
}

/** What tokenize gives for one token besides its offsets. */
export type TokenWord = Pick<Token, 'norm' | 'stem' | 'stop' | 'numeric'>;
type Word = TokenWord;


/**
 * The tokens of `text` without their offsets, in order: for each token of `tokenize(text)` its norm, stem, stop
 * and numeric (the same matches, the same words), as shared objects (do not mutate). For callers that need no
 * offsets: it allocates no token objects.
 */
export function tokenWords(text: string): TokenWord[] {
  const out: TokenWord[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const word = wordOf(m[0]);
    if (word.norm !== '') out.push(word);
  }
  return out;
}
/** What a raw word normalises to, by raw word (a pure function; cleared when it grows past WORD_CACHE_MAX). */
const wordCache = new Map<string, Word>();
const WORD_CACHE_MAX = 200_000;

function wordOf(raw: string): Word {
  const hit = wordCache.get(raw);
  if (hit) return hit;
  const norm = normaliseToken(raw);
  const numeric = /^\p{N}/u.test(norm);
  const word: Word = { norm, stem: norm === '' ? '' : stem(norm), stop: !numeric && STOPWORDS.has(norm), numeric };
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(raw, word);
  return word;
}

/** Stems of the content (non-stopword) tokens of a text, in order. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => t.stem);
}

/** All normalised tokens of a text (stopwords included), for surface (near-verbatim) comparison. */
export function surfaceTokens(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

/** The tokens just before and just after a span (undefined at the sentence start or end). */
export interface TokensAround {
  before: Token | undefined;
  after: Token | undefined;
}

/** The tokens just before and just after the span [start, end) of `tokens`. */
export function tokensAround(tokens: readonly Token[], start: number, end: number): TokensAround {
  let before: Token | undefined;
  for (const t of tokens) {
    if (t.end <= start) before = t;
    else if (t.start >= end) return { before, after: t };
  }
  return { before, after: undefined };
}

/**
 * Two spans in the same frame: the same word before each and the same word after each (no word on both sides counts as
 * one; "a" and "an" are one word). `numbersAlike`: a number on both sides counts as the same word, for a rewrite that
 * changed a number next to the span as well ("40 civilians were killed" / "25 soldiers were killed": two changes, each
 * of which must still show).
 */
export function sameFrame(x: TokensAround, y: TokensAround, numbersAlike = false): boolean {
  return sameWord(x.before, y.before, numbersAlike) && sameWord(x.after, y.after, numbersAlike);
}

function sameWord(x: Token | undefined, y: Token | undefined, numbersAlike: boolean): boolean {
  return article(x?.norm) === article(y?.norm) || (numbersAlike && x !== undefined && y !== undefined && x.numeric && y.numeric);
}

/** "an" as "a": the article before a changed word follows that word's first sound ("an invasion" / "a liberation"). */
function article(norm: string | undefined): string | undefined {
  return norm === 'an' ? 'a' : norm;
}

/** The words (norms) of the first two tokens at or after offset `end`, joined by a space: a wider frame than `tokensAround`. */
function wordsAfter(tokens: readonly Token[], end: number): string {
  const i = tokens.findIndex((t) => t.start >= end);
  return i < 0 ? '' : tokens.slice(i, i + 2).map((t) => t.norm).join(' ');
}

/** Offsets of a stretch of text. */
type Stretch = { start: number; end: number };

/**
 * The frame opposite phrases ask for: the same frame (`sameFrame`, a number as any number) and the same two words after
 * (`wordsAfter`): "23 points against the Kelso Hawks" / "23 points for the Dorrow Owls" share the word on each side of the
 * phrase and are about two teams.
 */
export function sameWideFrame(xs: readonly Token[], a: Stretch, ys: readonly Token[], b: Stretch): boolean {
  return sameFrame(tokensAround(xs, a.start, a.end), tokensAround(ys, b.start, b.end), true) && wordsAfter(xs, a.end) === wordsAfter(ys, b.end);
}

/**
 * Dice of the content stems of two token lists outside one stretch of each (a name, a word, a hedge): how nearly the
 * rest of two sentences is the same.
 */
export function overlapOutside(xs: readonly Token[], p: Stretch, ys: readonly Token[], q: Stretch): number {
  const rest = (ts: readonly Token[], r: Stretch): Set<string> => new Set(ts.filter((t) => !t.stop && (t.end <= r.start || t.start >= r.end)).map((t) => t.stem));
  const a = rest(xs, p);
  const b = rest(ys, q);
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}
