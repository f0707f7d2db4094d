import type { TermCounts } from './document-features.js';

/** A unit-length sparse vector: parallel arrays sorted by term. */
export interface SparseVector {
  terms: string[];
  weights: Float64Array;
}

/** Smoothed IDF over the batch: log((N + 1) / (df + 1)) + 1. */
export function inverseDocumentFrequencies(docs: readonly TermCounts[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log((n + 1) / (count + 1)) + 1);
  return idf;
}

/** Sublinear TF × IDF, L2-normalised. */
export function tfidfVector(counts: TermCounts, idf: ReadonlyMap<string, number>): SparseVector {
  const terms = [...counts.keys()].sort();
  const weights = new Float64Array(terms.length);
  let norm = 0;
  terms.forEach((term, i) => {
    const w = (1 + Math.log(counts.get(term)!)) * (idf.get(term) ?? 1);
    weights[i] = w;
    norm += w * w;
  });
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { terms, weights };
}

/** Cosine of two unit sparse vectors (merge over the sorted term lists). */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) dot += a.weights[i++]! * b.weights[j++]!;
    else if (ta < tb) i++;
    else j++;
  }
  return dot;
}
