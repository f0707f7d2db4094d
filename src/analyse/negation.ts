/**
 * Negation cues: not, n't, never, no, none, nobody, nothing, neither, nor, without, and the verbs
 * deny/refuse/fail to (any inflection). Span = the cue word (for contractions, the "n't"/"n’t" part; for
 * "cannot", the whole word). Not cues: "No." as an abbreviation ("No. 5"), "not only" (adds rather than
 * negates), "no doubt" (affirms).
 */
import type { Negation, Sentence } from '../types.js';
import { sentenceIndexAt } from '../text/spans.js';

const WORDS = /\b(not|never|no|none|nobody|nothing|neither|nor|without|cannot|nowhere|denie[sd]|deny(?:ing)?|refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?(?=\s+to\b))\b/giu;
const NT = /[\p{L}](n['’]t)\b/gu;

export function findNegations(text: string, sentences: Sentence[]): Negation[] {
  const out: Negation[] = [];
  for (const m of text.matchAll(WORDS)) {
    const w = m[1]!;
    const start = m.index ?? 0;
    const lower = w.toLowerCase();
    const after = text.slice(start + w.length, start + w.length + 8);
    if (lower === 'no' && /^\.\s*\d/.test(after)) continue; // "No. 5"
    if (lower === 'not' && /^\s+only\b/i.test(after)) continue; // "not only … but also"
    if (lower === 'no' && /^\s+doubt\b/i.test(after)) continue; // "no doubt" affirms
    out.push({ start, end: start + w.length, text: w, sentence: sentenceIndexAt(sentences, start) });
  }
  for (const m of text.matchAll(NT)) {
    const start = (m.index ?? 0) + 1;
    const w = m[1]!;
    // "won't", "can't": the cue is the whole contraction's negative part.
    out.push({ start, end: start + w.length, text: w, sentence: sentenceIndexAt(sentences, start) });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
