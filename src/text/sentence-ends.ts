/**
 * Where English sentences end inside a stretch of text: the boundary rule of the sentence splitter
 * (src/analyse/sentences.ts), here so that later stages read a sentence end the same way without reaching back
 * into analysis (compare/roles.ts: an insertion that runs over a sentence end adds a sentence, it does not change
 * the meaning of one).
 *
 * A boundary: `.`, `!`, `?`, `…` (runs of them), followed by any closing quotes or brackets, then white space, then
 * something that can start a sentence (an upper-case letter, a digit, or an opening quote/bracket). Not a boundary:
 * titles and abbreviations that never end a sentence (Mr., Dr., Sen., …), initials ("J. K. Rowling"), "No. 5";
 * dotted abbreviations (U.S., a.m.) and ambiguous ones (Jan., St., Inc., etc.) unless the next word is a common
 * sentence opener; decimals and anything followed by a lower-case word.
 *
 * The abbreviation lists are English. In Russian or French text (analysed by their own splitter: analyse/foreign.ts)
 * a dot after one of their abbreviations ("2020 г. Путин", "M. Dupont") reads as a sentence end here; the callers
 * only use an end to stop a scope or a search early, so such text at worst gets a shorter one.
 */

const NEVER_END = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'col', 'lt', 'sgt',
  'capt', 'cmdr', 'adm', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'maj', 'cpl', 'pvt', 'gens', 'fr',
  'vs', 'v', 'cf', 'approx', 'dept', 'univ', 'assn', 'mt', 'ft', 'pp', 'vol', 'fig', 'nos', 'ca', 'rs',
]);
const AMBIGUOUS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'st', 'ave', 'blvd', 'rd', 'inc', 'corp', 'co', 'ltd', 'llc', 'jr', 'sr', 'bros', 'etc', 'no', 'est', 'al',
]);
/** Words that commonly open a sentence: after an ambiguous abbreviation they signal a real end. */
const OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my',
  'this', 'that', 'these', 'those', 'there', 'but', 'and', 'or', 'so', 'yet', 'however', 'in', 'on', 'at',
  'for', 'as', 'after', 'before', 'when', 'while', 'if', 'since', 'although', 'though', 'meanwhile',
  'still', 'also', 'officials', 'some', 'many', 'most', 'no', 'not', 'one', 'what', 'who', 'why', 'how',
  'where', 'during', 'by', 'with', 'from', 'to', 'of', 'about', 'under', 'over', 'earlier', 'later',
  'then', 'now', 'today', 'yesterday', 'both', 'all', 'each', 'every', 'such', 'mr', 'mrs', 'ms', 'dr',
]);

const CLOSERS = /[”’"»›)\]'}]/;
const OPENING = /[“‘"«‹(\[']/;

/** The word (letters and inner dots) ending just before offset `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

function wordAfter(text: string, at: number): string {
  const m = /^[“‘"«‹(\[']*([\p{L}\p{N}]+)/u.exec(text.slice(at, at + 40));
  return m?.[1] ?? '';
}

/** Is the terminal run text[i..j) followed at `next` by a real sentence end? */
function isBoundary(text: string, i: number, runEnd: number, next: number): boolean {
  const after = text[next];
  if (after === undefined) return true;
  if (/\p{Ll}/u.test(after)) return false;
  const upperOrDigit = /[\p{Lu}\p{N}]/u.test(after);
  const afterMark = after === "'" && text[next + 1] === "'" ? next + 2 : next + 1;
  const opening = OPENING.test(after) && /[\p{Lu}\p{N}“‘"]/u.test(text[afterMark] ?? '');
  if (!upperOrDigit && !opening) return false;
  const run = text.slice(i, runEnd);
  if (run !== '.') return true; // !, ?, ellipses and mixed runs
  const w = wordBefore(text, i);
  if (w === '') return true;
  const lower = w.toLowerCase();
  const nextWord = wordAfter(text, next);
  const opener = OPENERS.has(nextWord.toLowerCase()) && /^\p{Lu}/u.test(nextWord);
  if (/^\p{Lu}$/u.test(w)) return false; // an initial: "J. K. Rowling", "George W. Bush"
  if (NEVER_END.has(lower)) return false;
  if (lower === 'no' && /\p{N}/u.test(after)) return false;
  if (w.includes('.')) return opener; // U.S., a.m., p.m., e.g.
  if (AMBIGUOUS.has(lower)) return opener && !/\p{N}/u.test(after);
  return true;
}

/** Whether text[i] ends a sentence (. ! ? …), read as a character code: this runs over every character of a text. */
function isTerminalAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/**
 * Offsets in text[from, to) where a sentence starts after a boundary (after the closing quotes or brackets that
 * belong to the sentence before; the white space is not skipped). A terminal run at `to` (or followed only by white
 * space up to it) is not counted: the end of the stretch is its caller's business.
 */
export function sentenceBreaks(text: string, from: number, to: number): number[] {
  const breaks: number[] = [];
  for (let i = from; i < to; i++) {
    if (!isTerminalAt(text, i)) continue;
    let j = i;
    while (j < to && isTerminalAt(text, j)) j++;
    let k = j;
    while (k < to && CLOSERS.test(text[k]!)) k++;
    if (k < to && !/\s/.test(text[k]!)) {
      i = j - 1;
      continue;
    }
    let n = k;
    while (n < to && /\s/.test(text[n]!)) n++;
    if (n >= to) {
      i = j - 1;
      continue; // the segment end is a boundary anyway
    }
    if (isBoundary(text, i, j, n)) breaks.push(k);
    i = j - 1;
  }
  return breaks;
}

/**
 * Does a sentence end between two words: in text[from, to), where `to` is where the next word starts (or the end of
 * the text)? Unlike `sentenceBreaks`, a boundary whose next sentence starts right at `to` counts: "party. Violations"
 * with `to` at "Violations".
 */
export function sentenceEndWithin(text: string, from: number, to: number): boolean {
  return breaksBefore(text, from, to).length > 0;
}

/** The sentence breaks in text[from, to) counting one whose next sentence starts right at `to` (see `sentenceEndWithin`). */
function breaksBefore(text: string, from: number, to: number): number[] {
  return sentenceBreaks(text, from, Math.min(text.length, to + 1));
}

/** Marks that end a clause inside a sentence. */
const CLAUSE_MARKS = /[,;:—–()]/g;

/**
 * How many clauses end between two words, in text[from, to) with `to` where the next word starts: the clause marks
 * (, ; : — – parentheses) and the sentence ends there (`sentenceEndWithin`; an aligned sentence can hold several: a
 * quoted passage is kept whole with its reporting clause).
 */
export function clauseEndsBetween(text: string, from: number, to: number): number {
  const marks = text.slice(from, to).match(CLAUSE_MARKS)?.length ?? 0;
  return marks + breaksBefore(text, from, to).length;
}

