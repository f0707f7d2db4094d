import type { Quote, Sentence, Span } from '../types.js';

/** A Span of `text` from `start` to `end` (UTF-16 indices, end exclusive). */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Shrinks [start, end) so that it neither starts nor ends with white space. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return spanOf(text, s, e);
}

/** `at`, or `at − 1` when `at` falls between the two halves of a surrogate pair (a cut there would split a character). */
export function codePointBoundary(text: string, at: number): number {
  return at > 0 && /[\uD800-\uDBFF]/.test(text[at - 1] ?? '') ? at - 1 : at;
}

/** Index of the sentence containing `offset` (binary search; sentences sorted by start). -1 when none. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  // Offsets in the white space between sentences belong to the following sentence.
  return lo < sentences.length ? lo : sentences.length - 1;
}

/** The quoted words of a quote: the parts of a quotation broken by its reporting clause joined by a space, else its text. */
export function quotedWords(q: Pick<Quote, 'text' | 'fragments'>): string {
  return q.fragments ? q.fragments.map((f) => f.text).join(' ') : q.text;
}

/** Whether `text` holds `words` as whole words (no letter or digit right before or after them). */
export function hasWholeWords(text: string, words: string): boolean {
  if (words === '') return false;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + words.length] ?? '')) return true;
  }
  return false;
}
