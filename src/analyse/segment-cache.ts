/**
 * Reuse of sentence-local findings across articles. Wire copy and its rewrites repeat most sentences
 * verbatim, so a pass that reads one sentence at a time (the chrono date parser, the number reader) is run
 * once per distinct sentence and its findings, kept with offsets relative to the sentence, are shifted into
 * each article that repeats it. A cache only saves time: the key holds everything the pass reads (the
 * sentence's text, plus the reference day or the sentence's part-of-speech terms), so a hit returns exactly
 * what the pass would compute.
 */
import type { Sentence } from '../types.js';
import type { NlpTerm } from './nlp-doc.js';

/** A stretch of the article a sentence-local pass reads on its own. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * The article cut into the stretches sentence-local passes read: its sentences, and any text between or
 * around them that is not white space (so nothing the splitter left out is skipped). No sentences: the whole
 * text is one segment.
 */
export function sentenceSegments(text: string, sentences: readonly Sentence[]): Segment[] {
  if (sentences.length === 0) return text.trim() === '' ? [] : [{ start: 0, end: text.length }];
  const out: Segment[] = [];
  let at = 0;
  for (const s of sentences) {
    if (s.start > at && /\S/.test(text.slice(at, s.start))) out.push({ start: at, end: s.start });
    out.push({ start: s.start, end: s.end });
    at = Math.max(at, s.end);
  }
  if (at < text.length && /\S/.test(text.slice(at))) out.push({ start: at, end: text.length });
  return out;
}

/** The terms of a segment as `segmentTerms` gives them: each term's uid and its offset in the segment. */
export interface SegmentTerms {
  uids: Float64Array;
  offsets: Float64Array;
}

/** The index after the last term of `seg`, whose first term is terms[first]. */
export function segmentEnd(terms: readonly NlpTerm[], first: number, seg: Segment): number {
  let next = first;
  while (next < terms.length && terms[next]!.end <= seg.end) next++;
  return next;
}

/**
 * The terms terms[first, next) of a segment starting at `start`: equal for two segments (`sameTerms`) exactly when
 * their terms are (each term's uid and its offset in the segment).
 */
export function segmentTerms(terms: readonly NlpTerm[], first: number, next: number, start: number): SegmentTerms {
  const uids = new Float64Array(next - first);
  const offsets = new Float64Array(next - first);
  for (let k = first; k < next; k++) {
    uids[k - first] = terms[k]!.uid;
    offsets[k - first] = terms[k]!.start - start;
  }
  return { uids, offsets };
}

/** Whether terms[first, next) of a segment starting at `start` are the terms `known` holds. */
export function sameTerms(terms: readonly NlpTerm[], first: number, next: number, start: number, known: SegmentTerms): boolean {
  if (next - first !== known.uids.length) return false;
  for (let k = first; k < next; k++) {
    const t = terms[k]!;
    if (known.uids[k - first] !== t.uid || known.offsets[k - first] !== t.start - start) return false;
  }
  return true;
}

/** The terms of terms[first, next) shifted to offsets relative to `start`. */
export function localTerms(terms: readonly NlpTerm[], first: number, next: number, start: number): NlpTerm[] {
  const out: NlpTerm[] = [];
  for (let k = first; k < next; k++) {
    const t = terms[k]!;
    out.push({ ...t, start: t.start - start, end: t.end - start });
  }
  return out;
}
