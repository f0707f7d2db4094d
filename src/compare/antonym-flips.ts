/**
 * Opposite words in two aligned sentences: "prices rose 12%" / "prices fell 12 percent", "the authority approved the
 * contract" / "the authority rejected the contract", "more passengers" / "fewer passengers". A rewrite that swaps one
 * word for its opposite keeps every other word, so the two sentences align as the same statement; without this check
 * the ledger would count them as corroborating each other.
 *
 * A flip is a word of one sentence whose antonym (../similarity/antonyms.ts, by stem) stands in the other, where neither
 * sentence has both words, in the same frame: the words before and after it are the same in both sentences ("prices
 * rose 12%" / "prices fell 12 percent"), and the sentences share most of their content words (FLIP_MIN_LEXICAL).
 * Reports of one event told apart pair opposite words about other things ("a 63-year-old woman and two men" / "a
 * 47-year-old man and a 48-year-old man"); those fail one of the two.
 */
import { antonymsOf, stemPairTable } from '../similarity/antonyms.js';
import { sameFrame, tokensAround, type Token } from '../similarity/tokens.js';
import type { SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';
import { FLIP_MIN_LEXICAL } from './thresholds.js';

/**
 * Outcomes that exclude each other though they are no antonyms: a report that turns the injured into the dead changes
 * the story as much as one that turns "rose" into "fell". Read here only, not by `check`, whose model was fitted on the
 * antonym table alone.
 */
const OUTCOMES: readonly (readonly [string, string])[] = [
  ['killed', 'injured'], ['killed', 'wounded'], ['killed', 'hurt'], ['dead', 'injured'], ['dead', 'wounded'],
  ['deaths', 'injuries'], ['died', 'survived'], ['convicted', 'charged'], ['arrested', 'questioned'],
  // Who was hit, how it came about, and what was decided, as rewrites of war and policy news turn them.
  ['civilians', 'soldiers'], ['civilians', 'troops'], ['civilians', 'militants'], ['civilians', 'fighters'], ['civilian', 'military'],
  ['deliberately', 'accidentally'], ['intentionally', 'accidentally'], ['deliberate', 'accidental'],
  ['cut', 'create'], ['agreed', 'rejected'], ['accepted', 'refused'], ['agreed', 'refused'],
  ['lifted', 'imposed'], ['ease', 'tighten'], ['eased', 'tightened'], ['raise', 'cut'], ['raised', 'cut'],
];
const OUTCOME_TABLE = stemPairTable(OUTCOMES);

/** The stems opposite `wordStem`: its antonyms, and the outcomes that exclude it. */
function oppositesOf(wordStem: string): Iterable<string> {
  const outcomes = OUTCOME_TABLE.get(wordStem);
  return outcomes ? [...antonymsOf(wordStem), ...outcomes] : antonymsOf(wordStem);
}

/** The first pair of opposite words of two aligned sentences of one language, as a conflict of meaning; else null. */
export function antonymFlip(x: SentenceInfo, y: SentenceInfo, lexical: number): LinkConflict | null {
  if (lexical < FLIP_MIN_LEXICAL) return null;
  const xs = x.tokens;
  const ys = y.tokens;
  const stemsX = new Set(xs.map((t) => t.stem));
  const stemsY = new Set(ys.map((t) => t.stem));
  for (const t of xs) {
    if (t.numeric || stemsY.has(t.stem)) continue;
    for (const opposite of oppositesOf(t.stem)) {
      if (!stemsY.has(opposite) || stemsX.has(opposite)) continue;
      for (const u of ys) {
        if (u.stem !== opposite) continue;
        // The same word before and after it (the sentence start or end counts as one).
        if (!sameFrame(tokensAround(xs, t.start, t.end), tokensAround(ys, u.start, u.end))) continue;
        const a = side(x, t);
        const b = side(y, u);
        return { type: 'meaning', key: `${t.stem}|${u.stem}`, summary: `Opposite words: “${a.value}” vs “${b.value}”`, a, b };
      }
    }
  }
  return null;
}

function side(s: SentenceInfo, t: Token): LinkConflict['a'] {
  const text = s.slots.articleText.slice(t.start, t.end);
  return { start: t.start, end: t.end, text, value: text };
}
