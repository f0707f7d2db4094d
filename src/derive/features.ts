/**
 * Text-reuse features of a (source, derived) pair, all "how much of `derived` comes from `source`",
 * each in 0..1 and normalised by the derived text's length:
 *  - containment(n): share of the derived text's distinct word n-grams (surface tokens, stopwords kept)
 *    that the source also has, n = 1..5 (Clough & Stevenson's n-gram containment);
 *  - lcs: longest common subsequence of the two token sequences / derived tokens;
 *  - tiling: share of derived tokens covered by Greedy String Tiling with tiles of ≥ MIN_TILE tokens
 *    (each source and derived token used at most once; longest shared runs first);
 *  - stemContainment: share of the derived text's distinct content-stem bigrams found in the source
 *    (word order within the bigram kept, stopwords and inflection ignored: survives heavy revision).
 * Pure and deterministic.
 */
import { contentStems, surfaceTokens } from '../similarity/tokens.js';
import { wordShingles } from '../similarity/minhash.js';
import { containment } from '../similarity/weights.js';

/** Shortest run of shared tokens that counts as a tile in Greedy String Tiling. */
export const MIN_TILE = 3;

export interface DerivationFeatures {
  /** containment[n-1] = word n-gram containment, n = 1..5. */
  containment: [number, number, number, number, number];
  lcs: number;
  tiling: number;
  stemContainment: number;
  /** Tokens of the derived text (0 → every feature is 0). */
  derivedTokens: number;
}

export function derivationFeatures(source: string, derived: string): DerivationFeatures {
  const s = surfaceTokens(source);
  const d = surfaceTokens(derived);
  const c = [1, 2, 3, 4, 5].map((n) => (d.length === 0 ? 0 : containment(wordShingles(d, n), wordShingles(s, n))));
  const ds = contentStems(derived);
  const ss = contentStems(source);
  return {
    containment: [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!],
    lcs: d.length === 0 ? 0 : lcsLength(d, s) / d.length,
    tiling: d.length === 0 ? 0 : tiledTokens(d, s, MIN_TILE) / d.length,
    stemContainment: ds.length === 0 ? 0 : containment(wordShingles(ds, 2), wordShingles(ss, 2)),
    derivedTokens: d.length,
  };
}

/** Length of the longest common subsequence of two token lists (O(|a|·|b|) time, O(|b|) memory). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ai === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Greedy String Tiling (Wise 1993): repeatedly take the longest maximal runs of identical unmarked
 * tokens shared by `a` and `b` (at least `minTile` long), mark them, until none is left. Returns the
 * number of `a` tokens covered by tiles. Ties are taken in (a position, b position) order.
 */
export function tiledTokens(a: readonly string[], b: readonly string[], minTile: number): number {
  const markedA = new Uint8Array(a.length);
  const markedB = new Uint8Array(b.length);
  // Positions of each token in b, for candidate starts.
  const where = new Map<string, number[]>();
  b.forEach((t, j) => {
    const list = where.get(t);
    if (list) list.push(j);
    else where.set(t, [j]);
  });
  let covered = 0;
  for (;;) {
    let best = minTile - 1;
    let matches: [number, number][] = [];
    for (let i = 0; i < a.length; i++) {
      if (markedA[i]) continue;
      for (const j of where.get(a[i]!) ?? []) {
        if (markedB[j]) continue;
        // Only maximal runs: a run that extends to the left was (or will be) measured from its start.
        if (i > 0 && j > 0 && !markedA[i - 1] && !markedB[j - 1] && a[i - 1] === b[j - 1]) continue;
        let k = 0;
        while (i + k < a.length && j + k < b.length && !markedA[i + k] && !markedB[j + k] && a[i + k] === b[j + k]) k++;
        if (k > best) {
          best = k;
          matches = [[i, j]];
        } else if (k === best && k >= minTile) matches.push([i, j]);
      }
    }
    if (matches.length === 0) return covered;
    for (const [i, j] of matches) {
      // An earlier tile of this round may overlap: skip it (it is found again next round if still long).
      let free = true;
      for (let k = 0; k < best; k++) if (markedA[i + k] || markedB[j + k]) free = false;
      if (!free) continue;
      for (let k = 0; k < best; k++) {
        markedA[i + k] = 1;
        markedB[j + k] = 1;
      }
      covered += best;
    }
  }
}
