/**
 * Word lists looked up in a sentence's tokens: the opposite phrases, targets and framings of ./antonym-flips.ts, the
 * hedges of ./hedges.ts and the magnitudes of ./magnitudes.ts. A table is entries of sides of phrases (lower-case
 * words); its hits in a token list are found through an index by first word and kept per token list (a sentence is in
 * many links of its story), so each sentence is read once per table.
 */
import type { Token } from '../similarity/tokens.js';

/** One phrase of the table found in a token list. */
export interface PhraseHit {
  /** Index of the entry and of its side. */
  entry: number;
  side: number;
  /** Token index of the first word and after the last. */
  from: number;
  to: number;
  /** Offsets of the first word's start and the last word's end. */
  start: number;
  end: number;
}

export class PhraseTable {
  private readonly byFirst = new Map<string, { words: readonly string[]; entry: number; side: number }[]>();
  private readonly memo = new WeakMap<readonly Token[], readonly PhraseHit[]>();

  /** `entries[e][s]` lists the phrases of side s of entry e ("under control", "out of control"). */
  constructor(entries: readonly (readonly (readonly string[])[])[]) {
    entries.forEach((sides, entry) =>
      sides.forEach((phrases, side) => {
        for (const phrase of phrases) {
          const words = phrase.split(' ');
          const list = this.byFirst.get(words[0]!);
          if (list) list.push({ words, entry, side });
          else this.byFirst.set(words[0]!, [{ words, entry, side }]);
        }
      }),
    );
  }

  /** Every phrase of the table in `tokens`, by first token, then in the table's order (entries, sides, phrases). */
  hits(tokens: readonly Token[]): readonly PhraseHit[] {
    const known = this.memo.get(tokens);
    if (known) return known;
    const out: PhraseHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!.norm);
      if (!candidates) continue;
      for (const { words, entry, side } of candidates) {
        if (i + words.length > tokens.length) continue;
        let k = 1;
        while (k < words.length && tokens[i + k]!.norm === words[k]) k++;
        if (k === words.length) out.push({ entry, side, from: i, to: i + k, start: tokens[i]!.start, end: tokens[i + k - 1]!.end });
      }
    }
    this.memo.set(tokens, out);
    return out;
  }
}
