/**
 * Opposite words in two aligned sentences: "prices rose 12%" / "prices fell 12 percent", "the authority approved the
 * contract" / "the authority rejected the contract", "more passengers" / "fewer passengers". A rewrite that swaps one
 * word for its opposite keeps every other word, so the two sentences align as the same statement; without this check
 * the ledger would count them as corroborating each other.
 *
 * A flip is a word of one sentence whose antonym (../similarity/antonyms.ts, by stem) stands in the other, where neither
 * sentence has both words, in the same frame: the words before and after it are the same in both sentences, or (for
 * a content word) one of them is, and it is a content word ("prices rose" / "prices fell"). "The old bridge" and "the
 * new ferry" share only "the": no frame, left alone.
 */
import { antonymsOf } from '../similarity/antonyms.js';
import type { Token } from '../similarity/tokens.js';
import type { SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';

/** The first pair of opposite words of two aligned sentences of one language, as a conflict of meaning; else null. */
export function antonymFlip(x: SentenceInfo, y: SentenceInfo): LinkConflict | null {
  const xs = x.tokens;
  const ys = y.tokens;
  const stemsX = new Set(xs.map((t) => t.stem));
  const stemsY = new Set(ys.map((t) => t.stem));
  for (let i = 0; i < xs.length; i++) {
    const t = xs[i]!;
    if (t.numeric || stemsY.has(t.stem)) continue;
    for (const opposite of antonymsOf(t.stem)) {
      if (!stemsY.has(opposite) || stemsX.has(opposite)) continue;
      for (let j = 0; j < ys.length; j++) {
        const u = ys[j]!;
        if (u.stem !== opposite) continue;
        const before = i > 0 && j > 0 && xs[i - 1]!.norm === ys[j - 1]!.norm ? xs[i - 1]! : null;
        const after = i + 1 < xs.length && j + 1 < ys.length && xs[i + 1]!.norm === ys[j + 1]!.norm ? xs[i + 1]! : null;
        const framed = before !== null && after !== null ? true : t.stop || u.stop ? false : (before !== null && !before.stop) || (after !== null && !after.stop);
        if (!framed) continue;
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
