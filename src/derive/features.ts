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
  const ids = new TokenIds();
  return tiledIds(ids.of(a), ids.of(b), minTile);
}

/** Dense integer ids for tokens (one table shared by the texts that are tiled against each other). */
export class TokenIds {
  private readonly table = new Map<string, number>();

  of(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      let id = this.table.get(t);
      if (id === undefined) {
        id = this.table.size;
        this.table.set(t, id);
      }
      out[i] = id;
    });
    return out;
  }
}

// Scratch arrays reused across calls (grown on demand): the hot loop of compare's derivation grading.
let firstInB = new Int32Array(0);
let nextInB = new Int32Array(0);
let markA = new Uint8Array(0);
let markB = new Uint8Array(0);

/**
 * `tiledTokens` over integer token ids (TokenIds): the same tiles in the same order, without rescanning every
 * token pair each round. The runs a round can take are the unmarked stretches of the maximal diagonal runs
 * (a[i+t] = b[j+t]) of the unmarked texts, and marking only cuts those: so the maximal runs of ≥ minTile tokens
 * are found once (the positions of each id in `b` as a linked list, firstInB → nextInB, ascending), and each
 * round takes the longest pieces in (a position, b position) order, marks those still free, and cuts the
 * pieces that touch a marked token into their free stretches.
 */
export function tiledIds(a: Int32Array, b: Int32Array, minTile: number): number {
  let maxId = -1;
  for (const t of b) if (t > maxId) maxId = t;
  if (firstInB.length <= maxId) firstInB = new Int32Array(Math.max(maxId + 1, firstInB.length * 2)).fill(-1);
  if (nextInB.length < b.length) nextInB = new Int32Array(Math.max(b.length, nextInB.length * 2));
  if (markA.length < a.length) markA = new Uint8Array(Math.max(a.length, markA.length * 2));
  if (markB.length < b.length) markB = new Uint8Array(Math.max(b.length, markB.length * 2));
  markA.fill(0, 0, a.length);
  markB.fill(0, 0, b.length);
  // Maximal diagonal runs of at least minTile tokens, in (i, j) order.
  let pi: number[] = [];
  let pj: number[] = [];
  let pk: number[] = [];
  for (let j = b.length - 1; j >= 0; j--) {
    nextInB[j] = firstInB[b[j]!]!;
    firstInB[b[j]!] = j;
  }
  try {
    for (let i = 0; i < a.length; i++) {
      const t = a[i]!;
      if (t > maxId) continue;
      for (let j = firstInB[t]!; j >= 0; j = nextInB[j]!) {
        if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) continue;
        let k = 1;
        while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
        if (k >= minTile) {
          pi.push(i);
          pj.push(j);
          pk.push(k);
        }
      }
    }
  } finally {
    for (const t of b) firstInB[t] = -1;
  }
  let covered = 0;
  while (pi.length > 0) {
    let best = 0;
    for (const k of pk) if (k > best) best = k;
    // The longest pieces are already in (i, j) order: take each that is still free.
    for (let p = 0; p < pi.length; p++) {
      if (pk[p] !== best) continue;
      const i = pi[p]!;
      const j = pj[p]!;
      let free = true;
      for (let k = 0; k < best && free; k++) if (markA[i + k] || markB[j + k]) free = false;
      if (!free) continue;
      markA.fill(1, i, i + best);
      markB.fill(1, j, j + best);
      covered += best;
    }
    // Cut every piece into its free stretches of at least minTile tokens, then back into (i, j) order.
    const ni: number[] = [];
    const nj: number[] = [];
    const nk: number[] = [];
    for (let p = 0; p < pi.length; p++) {
      const i = pi[p]!;
      const j = pj[p]!;
      const len = pk[p]!;
      let from = -1;
      for (let k = 0; k <= len; k++) {
        const free = k < len && !markA[i + k] && !markB[j + k];
        if (free && from < 0) from = k;
        else if (!free && from >= 0) {
          if (k - from >= minTile) {
            ni.push(i + from);
            nj.push(j + from);
            nk.push(k - from);
          }
          from = -1;
        }
      }
    }
    const order = ni.map((_, q) => q).sort((x, y) => ni[x]! - ni[y]! || nj[x]! - nj[y]!);
    pi = order.map((q) => ni[q]!);
    pj = order.map((q) => nj[q]!);
    pk = order.map((q) => nk[q]!);
  }
  return covered;
}
