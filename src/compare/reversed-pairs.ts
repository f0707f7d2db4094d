/**
 * Two numbers written as a pair whose order a rewrite turned round: "approved in a 7-2 vote" / "in a 2-7 vote", "won
 * 3-1" / "won 1-3", "rose from 12 to 40" / "rose from 40 to 12". Both sentences hold the same two numbers, so the number
 * slots agree and the ledger would count the pair as corroborated; the order is what says who won, or which way a
 * figure moved.
 *
 * A pair is two numbers of one to three digits joined by a dash or "to" (no years, times, decimals or dates: a digit,
 * dot, comma, colon or slash next to the pair rules it out). A conflict needs one order in one sentence and only the
 * other order in the other, in the same frame: the same word just before and just after the pair (the sentence start or
 * end counts as one), as opposite words need (./antonym-flips.ts). It is a conflict of meaning, not of number: both
 * numbers are stated alike, and their claims stay corroborated.
 */
import { sameFrame, tokensAround } from '../similarity/tokens.js';
import { sideAt, type SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';

const PAIR = /(?<![\p{N}.,:/])(\p{N}{1,3})(?:\s*[-–—]\s*|\s+to\s+)(\p{N}{1,3})(?![\p{N}:/]|[.,]\p{N})/gu;

interface NumberPair {
  first: string;
  second: string;
  start: number;
  end: number;
}

/** The number pairs of a sentence, with article offsets. */
function pairsOf(s: SentenceInfo): NumberPair[] {
  const out: NumberPair[] = [];
  for (const m of s.sentence.text.matchAll(PAIR)) {
    const start = s.sentence.start + m.index;
    out.push({ first: String(Number(m[1])), second: String(Number(m[2])), start, end: start + m[0].length });
  }
  return out;
}

/** The first pair of x whose order y turned round (and that y never writes in x's order), as a conflict of meaning; else null. */
export function reversedPair(x: SentenceInfo, y: SentenceInfo): LinkConflict | null {
  const px = pairsOf(x);
  if (px.length === 0) return null;
  const py = pairsOf(y);
  for (const a of px) {
    if (a.first === a.second || py.some((b) => b.first === a.first && b.second === a.second)) continue;
    for (const b of py) {
      if (b.first !== a.second || b.second !== a.first || px.some((c) => c.first === b.first && c.second === b.second)) continue;
      if (!sameFrame(tokensAround(x.tokens, a.start, a.end), tokensAround(y.tokens, b.start, b.end))) continue;
      const sa = sideAt(x, a.start, a.end);
      const sb = sideAt(y, b.start, b.end);
      return { type: 'meaning', key: `order:${a.first}|${a.second}`, summary: `Order turned round: ${sa.value} vs ${sb.value}`, a: sa, b: sb };
    }
  }
  return null;
}
