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
      out[i] = this.id(t);
    });
    return out;
  }

  /** The id of one token. */
  id(token: string): number {
    let id = this.table.get(token);
    if (id === undefined) {
      id = this.table.size;
      this.table.set(token, id);
    }
    return id;
  }
}

// Scratch arrays reused across calls (grown on demand): the hot loop of compare's derivation grading.
let headOf = new Int32Array(0);
let nextInB = new Int32Array(0);
let markA = new Uint8Array(0);
let markB = new Uint8Array(0);

/** Bucket of the q-gram of `ids` at `at` (q = 1..3) in a table of mask + 1 buckets. */
function gramHash(ids: Int32Array, at: number, q: number, mask: number): number {
  let h = Math.imul(ids[at]!, 0x9e3779b1);
  if (q > 1) h = Math.imul(h ^ ids[at + 1]!, 0x85ebca77);
  if (q > 2) h = Math.imul(h ^ ids[at + 2]!, 0xc2b2ae3d);
  return (h ^ (h >>> 15)) & mask;
}

/**
 * `tiledTokens` over integer token ids (TokenIds): the same tiles in the same order, without rescanning every
 * token pair each round. The runs a round can take are the unmarked stretches of the maximal diagonal runs
 * (a[i+t] = b[j+t]) of the unmarked texts, and marking only cuts those: so the maximal runs of ≥ minTile tokens
 * are found once, and the rounds take them longest first (takeTiles). A run of ≥ minTile tokens starting at
 * (i, j) has the same first q = min(minTile, 3) tokens on both sides, so only the positions j of `b` whose q-gram
 * falls in the hash bucket of a's q-gram at i are tried (the positions of each bucket as a linked list,
 * headOf → nextInB, ascending: the runs come in (i, j) order); a colliding q-gram fails the run's length test.
 */
export function tiledIds(a: Int32Array, b: Int32Array, minTile: number): number {
  const q = Math.min(Math.max(minTile, 1), 3);
  if (a.length < q || b.length < q) return 0;
  let size = 16;
  while (size < 2 * b.length) size *= 2;
  const mask = size - 1;
  if (headOf.length < size) headOf = new Int32Array(size).fill(-1);
  if (nextInB.length < b.length) nextInB = new Int32Array(Math.max(b.length, nextInB.length * 2));
  if (markA.length < a.length) markA = new Uint8Array(Math.max(a.length, markA.length * 2));
  if (markB.length < b.length) markB = new Uint8Array(Math.max(b.length, markB.length * 2));
  markA.fill(0, 0, a.length);
  markB.fill(0, 0, b.length);
  // Maximal diagonal runs of at least minTile tokens, in (i, j) order, into the length buckets of takeTiles.
  const longest = Math.min(a.length, b.length);
  resetPieces(longest);
  for (let j = b.length - q; j >= 0; j--) {
    const h = gramHash(b, j, q, mask);
    nextInB[j] = headOf[h]!;
    headOf[h] = j;
  }
  try {
    for (let i = 0; i + q <= a.length; i++) {
      for (let j = headOf[gramHash(a, i, q, mask)]!; j >= 0; j = nextInB[j]!) {
        if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) continue;
        let k = 0;
        while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
        if (k >= minTile && k > 0) addPiece(i, j, k);
      }
    }
  } finally {
    for (let j = 0; j + q <= b.length; j++) headOf[gramHash(b, j, q, mask)] = -1;
  }
  return takeTiles(longest, minTile);
}

// The pieces of takeTiles (pooled across calls): a piece is a stretch of a diagonal run, starting at pieceA in `a`
// and pieceB in `b`; the pieces of one length form a list (headOfLength → pieceNext, appended at tailOfLength).
let pieceA = new Int32Array(256);
let pieceB = new Int32Array(256);
let pieceNext = new Int32Array(256);
let pieces = 0;
let headOfLength = new Int32Array(0);
let tailOfLength = new Int32Array(0);
/** 1 when pieces were appended to a length's list out of (i, j) order. */
let unsortedLength = new Uint8Array(0);
const bucket: number[] = [];

function resetPieces(longest: number): void {
  pieces = 0;
  if (headOfLength.length <= longest) {
    const size = Math.max(longest + 1, headOfLength.length * 2);
    headOfLength = new Int32Array(size).fill(-1);
    tailOfLength = new Int32Array(size);
    unsortedLength = new Uint8Array(size);
  }
  headOfLength.fill(-1, 0, longest + 1);
  unsortedLength.fill(0, 0, longest + 1);
}

function addPiece(i: number, j: number, len: number): void {
  if (pieces === pieceA.length) {
    const grow = (x: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const y = new Int32Array(x.length * 2);
      y.set(x);
      return y;
    };
    pieceA = grow(pieceA);
    pieceB = grow(pieceB);
    pieceNext = grow(pieceNext);
  }
  const p = pieces++;
  pieceA[p] = i;
  pieceB[p] = j;
  pieceNext[p] = -1;
  if (headOfLength[len]! < 0) headOfLength[len] = p;
  else pieceNext[tailOfLength[len]!] = p;
  tailOfLength[len] = p;
}

/**
 * The greedy rounds over the maximal runs (added by length, each length's list in (i, j) order): returns the tokens
 * covered. Each round takes the longest pieces in (i, j) order while they are free and then cuts every piece into its
 * free stretches, so it strictly lowers the longest length. Here the pieces wait in lists by length and are cut only
 * when their length comes up (longest first): a piece still free then is a maximal free stretch (marks only grow), a
 * piece that is not is cut into its free stretches of ≥ minTile tokens, which join shorter lists; every longer list
 * is empty by then, so a list holds exactly the pieces of that length a round would see (plus stale ones, which are
 * not free and are cut), and they are taken in the same (i, j) order: the same tiles. Leaves every list empty.
 */
function takeTiles(longest: number, minTile: number): number {
  let covered = 0;
  for (let len = longest; len >= 1 && len >= minTile; len--) {
    let first = headOfLength[len]!;
    if (first < 0) continue;
    headOfLength[len] = -1;
    bucket.length = 0;
    for (let p = first; p >= 0; p = pieceNext[p]!) bucket.push(p);
    if (unsortedLength[len]) {
      bucket.sort((x, y) => pieceA[x]! - pieceA[y]! || pieceB[x]! - pieceB[y]!);
      unsortedLength[len] = 0;
    }
    first = -1;
    for (const p of bucket) {
      const i = pieceA[p]!;
      const j = pieceB[p]!;
      let free = true;
      for (let k = 0; k < len && free; k++) if (markA[i + k] || markB[j + k]) free = false;
      if (free) {
        markA.fill(1, i, i + len);
        markB.fill(1, j, j + len);
        covered += len;
        continue;
      }
      // Cut into its free stretches of at least minTile tokens (all shorter than len).
      let from = -1;
      for (let k = 0; k <= len; k++) {
        const f = k < len && !markA[i + k] && !markB[j + k];
        if (f && from < 0) from = k;
        else if (!f && from >= 0) {
          const l = k - from;
          if (l >= minTile) {
            addPiece(i + from, j + from, l);
            unsortedLength[l] = 1;
          }
          from = -1;
        }
      }
    }
  }
  return covered;
}
