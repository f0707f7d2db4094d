import type { AnalysedArticle, SentenceVectors } from '../types.js';
import { documentTerms, documentVector } from './document-features.js';
import { inverseDocumentFrequencies, sparseCosine, tfidfVector } from './tfidf.js';

/**
 * How the story decision weighs its two signals. Chosen on the ECB+ dev topics (see docs/EVALUATION.md);
 * the encoder's document vectors alone rate same-type different events too close, so they only nudge.
 */
export const STORY_SIMILARITY = {
  /** Weight of the TF-IDF cosine (terms, entities, counted numbers, dates). */
  lexicalWeight: 0.8,
  /** Weight of the cosine of mean sentence vectors, when the encoder ran. */
  semanticWeight: 0.2,
  /** Average-link similarity at or above which two groups are one story. */
  threshold: 0.3,
} as const;

/** Pairwise story similarity of the articles (symmetric, diagonal 1). */
export function storySimilarityMatrix(docs: readonly AnalysedArticle[], vectors: SentenceVectors): Float64Array[] {
  const counts = docs.map(documentTerms);
  const idf = inverseDocumentFrequencies(counts);
  const sparse = counts.map((c) => tfidfVector(c, idf));
  const dense = docs.map((d) => documentVector(d, vectors));
  const n = docs.length;
  const matrix = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    matrix[i]![i] = 1;
    for (let j = i + 1; j < n; j++) {
      const lexical = sparseCosine(sparse[i]!, sparse[j]!);
      const a = dense[i];
      const b = dense[j];
      let sim = lexical;
      if (a && b) {
        let dot = 0;
        for (let k = 0; k < a.length; k++) dot += a[k]! * b[k]!;
        sim = STORY_SIMILARITY.lexicalWeight * lexical + STORY_SIMILARITY.semanticWeight * dot;
      }
      matrix[i]![j] = sim;
      matrix[j]![i] = sim;
    }
  }
  return matrix;
}
