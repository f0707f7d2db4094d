/**
 * A count given in words of another order of magnitude: "Dozens of people were evacuated" / "Hundreds of people were
 * evacuated", "thousands of homes" / "tens of thousands of homes". No number is written, so the number slots have
 * nothing to compare, and the two sentences corroborate each other while one multiplies the count.
 *
 * Each entry of MAGNITUDES is one order (its phrases as lower-case words; the longest phrase at a place is read, so
 * "hundreds of thousands" is not "hundreds"). A conflict is a phrase of one order in one sentence and of another order in
 * the other, neither sentence holding a phrase of the other's order, in the same frame (the word before, a number
 * counting as any number) with the same two words after it, in sentences that share most of their content words
 * (FLIP_MIN_LEXICAL), as for opposite words (./antonym-flips.ts).
 */
import { sameWideFrame, type Token } from '../similarity/tokens.js';
import { sideAt, type SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';
import { FLIP_MIN_LEXICAL } from './thresholds.js';
import { PhraseTable, type PhraseHit } from './phrase-table.js';

const MAGNITUDES = new PhraseTable([
  [['a few', 'a handful of', 'several']],
  [['dozens', 'dozens of', 'scores of']],
  [['hundreds', 'hundreds of']],
  [['thousands', 'thousands of']],
  [['tens of thousands', 'tens of thousands of']],
  [['hundreds of thousands', 'hundreds of thousands of']],
  [['millions', 'millions of']],
]);

/** The phrases of MAGNITUDES in `tokens`, the longest at each place, none overlapping ("hundreds of thousands" is not "hundreds"). */
function magnitudesIn(tokens: readonly Token[]): PhraseHit[] {
  const out: PhraseHit[] = [];
  let next = 0;
  for (const h of MAGNITUDES.hits(tokens)) {
    if (h.from < next) {
      const last = out[out.length - 1];
      // A longer phrase at the same place replaces the one taken.
      if (last && last.from === h.from && h.to > last.to) {
        out[out.length - 1] = h;
        next = h.to;
      }
      continue;
    }
    out.push(h);
    next = h.to;
  }
  return out;
}

/** The first count of x given at another order of magnitude in y, as a number conflict; else null. */
export function magnitudeChanged(x: SentenceInfo, y: SentenceInfo, lexical: number): LinkConflict | null {
  if (lexical < FLIP_MIN_LEXICAL) return null;
  const mx = magnitudesIn(x.tokens);
  if (mx.length === 0) return null;
  const my = magnitudesIn(y.tokens);
  // An entry of MAGNITUDES is one order of magnitude.
  for (const a of mx) {
    if (my.some((b) => b.entry === a.entry)) continue;
    for (const b of my) {
      if (mx.some((c) => c.entry === b.entry)) continue;
      if (!sameWideFrame(x.tokens, a, y.tokens, b)) continue;
      const sa = span(x, a);
      const sb = span(y, b);
      return { type: 'number', key: `magnitude:${a.entry}|${b.entry}`, summary: `Order of magnitude: ${sa.value} vs ${sb.value}`, a: sa, b: sb };
    }
  }
  return null;
}

/** The words of a found phrase but a last "of" ("Dozens", not "Dozens of"). */
function span(s: SentenceInfo, h: PhraseHit): LinkConflict['a'] {
  const last = h.to - 1 > h.from && s.tokens[h.to - 1]!.norm === 'of' ? h.to - 2 : h.to - 1;
  return sideAt(s, h.start, s.tokens[last]!.end);
}
