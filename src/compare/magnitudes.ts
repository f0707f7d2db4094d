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
import { sameFrame, tokensAround, wordsAfter, type Token } from '../similarity/tokens.js';
import type { SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';
import { FLIP_MIN_LEXICAL } from './thresholds.js';
import { PhraseTable } from './phrase-table.js';

const MAGNITUDES = new PhraseTable([
  [['a few', 'a handful of', 'several']],
  [['dozens', 'dozens of', 'scores of']],
  [['hundreds', 'hundreds of']],
  [['thousands', 'thousands of']],
  [['tens of thousands', 'tens of thousands of']],
  [['hundreds of thousands', 'hundreds of thousands of']],
  [['millions', 'millions of']],
]);

interface Found {
  order: number;
  /** Token index of the first word and after the last. */
  from: number;
  to: number;
}

/** The phrases of MAGNITUDES in `tokens`, the longest at each place, none overlapping ("hundreds of thousands" is not "hundreds"). */
function magnitudesIn(tokens: readonly Token[]): Found[] {
  const out: Found[] = [];
  let next = 0;
  for (const h of MAGNITUDES.hits(tokens)) {
    if (h.from < next) {
      const last = out[out.length - 1];
      // A longer phrase at the same place replaces the one taken.
      if (last && last.from === h.from && h.to > last.to) {
        out[out.length - 1] = { order: h.entry, from: h.from, to: h.to };
        next = h.to;
      }
      continue;
    }
    out.push({ order: h.entry, from: h.from, to: h.to });
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
  for (const a of mx) {
    if (my.some((b) => b.order === a.order)) continue;
    for (const b of my) {
      if (mx.some((c) => c.order === b.order)) continue;
      const wa = words(x, a);
      const wb = words(y, b);
      if (!sameFrame(tokensAround(x.tokens, wa.start, wa.end), tokensAround(y.tokens, wb.start, wb.end), true)) continue;
      if (wordsAfter(x.tokens, wa.end) !== wordsAfter(y.tokens, wb.end)) continue;
      const sa = span(x, a);
      const sb = span(y, b);
      return { type: 'number', key: `magnitude:${a.order}|${b.order}`, summary: `Order of magnitude: ${sa.value} vs ${sb.value}`, a: sa, b: sb };
    }
  }
  return null;
}

/** The offsets of a found phrase, all its words. */
function words(s: SentenceInfo, f: Found): { start: number; end: number } {
  return { start: s.tokens[f.from]!.start, end: s.tokens[f.to - 1]!.end };
}

/** The words of a found phrase but a last "of" ("Dozens", not "Dozens of"). */
function span(s: SentenceInfo, f: Found): LinkConflict['a'] {
  const start = s.tokens[f.from]!.start;
  const last = f.to - 1 > f.from && s.tokens[f.to - 1]!.norm === 'of' ? f.to - 2 : f.to - 1;
  const end = s.tokens[last]!.end;
  const text = s.slots.articleText.slice(start, end);
  return { start, end, text, value: text };
}
