/**
 * A MinHash sketch of word 3-shingles for near-duplicate candidate retrieval, by one-permutation hashing
 * (Li, Owen & Zhang 2012) with optimal densification (Shrivastava 2017): each shingle is hashed once,
 * the top bits pick one of `SKETCH_BINS` bins and each bin keeps its smallest hash; empty bins borrow the
 * value of a non-empty bin chosen by a fixed probe sequence. The share of equal bins of two sketches
 * estimates the Jaccard index of the shingle sets, like src/similarity/minhash.ts (`jaccardEstimate`),
 * whose k-hash `minhashSignature` costs ~3 ms for a 3,000-character article at k = 64; this costs one hash
 * per shingle. Bins hold 16 bits (a remix of the bin's minimum), enough for equality tests and LSH bands.
 */

/** Number of bins (= sketch length). */
export const SKETCH_BINS = 64;
const BIN_SHIFT = 26; // 32 − log2(SKETCH_BINS)
const LOW_MASK = (1 << BIN_SHIFT) - 1;

/** murmur3's 32-bit finaliser. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of the shingle (a, b, c) of three token ids. */
export function shingleHash(a: number, b: number, c: number): number {
  return mix32(Math.imul(mix32(Math.imul(mix32(a), 31) ^ b), 31) ^ c);
}

/** Accumulates shingle hashes into bins. */
export class SketchBuilder {
  private readonly mins = new Int32Array(SKETCH_BINS).fill(-1);
  private count = 0;

  add(hash: number): void {
    const bin = hash >>> BIN_SHIFT;
    const low = hash & LOW_MASK;
    const current = this.mins[bin]!;
    if (current < 0 || low < current) this.mins[bin] = low;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** The sketch (empty when no shingle was added). */
  finish(): Uint16Array {
    const out = new Uint16Array(this.count === 0 ? 0 : SKETCH_BINS);
    this.finishInto(out);
    return out;
  }

  /** Writes the sketch into `out` (SKETCH_BINS long; nothing when no shingle was added). */
  finishInto(out: Uint16Array): void {
    if (this.count === 0) return;
    for (let i = 0; i < SKETCH_BINS; i++) {
      let source = i;
      // Optimal densification: probe bins by a fixed per-bin sequence until a non-empty one.
      for (let attempt = 1; this.mins[source]! < 0; attempt++) source = mix32(Math.imul(i + 1, 0x9e3779b1) ^ attempt) % SKETCH_BINS;
      out[i] = mix32(this.mins[source]! + source * 0x4000000) & 0xffff;
    }
  }
}

/** Share of equal bins of two sketches: an estimate of the Jaccard index of their shingle sets (0 when either is empty). */
export function sketchSimilarity(a: Uint16Array, b: Uint16Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}
