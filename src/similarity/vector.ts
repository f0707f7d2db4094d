/** Dense-vector helpers for sentence embeddings. */

/** Cosine similarity of two vectors (0 when either is all zeros or the lengths differ). */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** A unit-length copy (so that cosine = dot product). */
export function normalised(a: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += a[i]! * a[i]!;
  const out = new Float32Array(a.length);
  if (n === 0) return out;
  const inv = 1 / Math.sqrt(n);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! * inv;
  return out;
}

/** Dot product (cosine for unit vectors). */
export function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/** An empty SentenceVectors-compatible lookup. */
export const NO_VECTORS = { get: (_text: string): Float32Array | undefined => undefined };

/** A SentenceVectors from a map (for tests and callers that computed vectors themselves). */
export function vectorsFromMap(map: ReadonlyMap<string, Float32Array>): { get(text: string): Float32Array | undefined } {
  return { get: (text: string) => map.get(text) };
}
