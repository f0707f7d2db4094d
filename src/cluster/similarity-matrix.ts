import type { AnalysedArticle, SentenceVectors } from '../types.js';
import {
  documentTerms,
  documentVector,
  entityTerms,
  leadNumberTerms,
  leadTerms,
  numberTerms,
  personTerms,
  yearTerms,
  type TermCounts,
} from './document-features.js';
import { STORY_MODEL } from './story-model.js';
import { inverseDocumentFrequencies, sparseCosine, tfidfVector, type SparseVector } from './tfidf.js';

/**
 * The pairwise story decision: a logistic blend of TF-IDF cosines of several bags of each article (each
 * bag with its own batch IDF; an empty slot bag — entities, numbers, years, people, lead numbers — on either side takes the
 * whole-text cosine instead, so a missing slot is no evidence either way).
 *
 * The weights and the threshold are fitted by scripts/train-clustering.ts and imported from the generated
 * mirror ./story-model.ts (= models/clustering.json): logistic regression on all article pairs of the ECB+
 * dev topics (2, 5, 12, 18, 21, 23, 34, 35; label = same gold story), deterministic full-batch gradient
 * descent from zero weights (fixed steps, step size and L2; see the script), IDF over all articles of the
 * file; the average-link threshold is the one with the best B³ F1 on the dev topics clustered alone, then
 * the small-group rescue (src/cluster/small-groups.ts) likewise with that threshold fixed.
 * The numbers measured with it are in models/clustering.json (`report`) and `npm run eval -- --only clustering`.
 *
 * Online use (issue 4): `storyLinkProbability` needs only two articles' features, and the features need
 * only the per-bag document frequencies, which an online store can keep as running counts.
 * The encoder's document vectors rate same-type different events close, so they are not in the decision
 * (`semanticWeight` 0: not fitted).
 */
export const STORY_SIMILARITY = STORY_MODEL;

/** What the decision needs: a bias, one weight per feature (`<name>Weight`), the threshold. */
export interface StoryModel {
  readonly bias: number;
  /** Whole text: content stems, entity keys, counted numbers, day dates (`documentTerms`). */
  readonly lexicalWeight: number;
  /** Entity keys and their words. */
  readonly entityWeight: number;
  /** Number tokens. */
  readonly numberWeight: number;
  /** Years written in the text. */
  readonly yearWeight: number;
  /** Headline and first 600 characters. */
  readonly leadWeight: number;
  /** Words of people's names. */
  readonly personWeight: number;
  /** Number tokens of the headline and first 600 characters. */
  readonly leadNumberWeight: number;
  /** Cosine of mean sentence vectors, when the encoder ran (0: not used). */
  readonly semanticWeight: number;
  /** Average-link link probability at or above which two groups are one story (chosen on the dev topics). */
  readonly threshold: number;
  /** Average link probability at or above which a small group joins a larger story (small-groups.ts; chosen on the dev topics after `threshold`). */
  readonly rescueThreshold: number;
  /** Largest group (articles) that the rescue moves. */
  readonly rescueMaxSize: number;
}

/** The bags of one article. */
const BAGS = {
  lexical: documentTerms,
  entities: entityTerms,
  numbers: numberTerms,
  years: yearTerms,
  lead: leadTerms,
  persons: personTerms,
  leadNumbers: leadNumberTerms,
} as const satisfies Record<string, (doc: AnalysedArticle) => TermCounts>;

export type StoryBag = keyof typeof BAGS;
const BAG_NAMES = Object.keys(BAGS) as StoryBag[];

/**
 * The pairwise features in model order: which bag's cosine, whether an empty bag on either side falls
 * back to the whole-text cosine, and the model field holding the weight.
 */
export const STORY_FEATURES = [
  { name: 'lexical', bag: 'lexical', slot: false, weight: 'lexicalWeight' },
  { name: 'entity', bag: 'entities', slot: true, weight: 'entityWeight' },
  { name: 'number', bag: 'numbers', slot: true, weight: 'numberWeight' },
  { name: 'year', bag: 'years', slot: true, weight: 'yearWeight' },
  { name: 'lead', bag: 'lead', slot: false, weight: 'leadWeight' },
  { name: 'person', bag: 'persons', slot: true, weight: 'personWeight' },
  { name: 'leadNumber', bag: 'leadNumbers', slot: true, weight: 'leadNumberWeight' },
] as const satisfies readonly { name: string; bag: StoryBag; slot: boolean; weight: keyof StoryModel }[];

/** One article's weighted bags, ready for the pairwise decision. */
export type StoryFeatures = Record<StoryBag, SparseVector> & { vector: Float32Array | null };

/** Features of every article, IDF per bag over the batch (an online mode can keep these IDFs as running counts). */
export function storyFeatures(docs: readonly AnalysedArticle[], vectors: SentenceVectors): StoryFeatures[] {
  const weighted = {} as Record<StoryBag, SparseVector[]>;
  for (const name of BAG_NAMES) {
    const counts = docs.map(BAGS[name]);
    const idf = inverseDocumentFrequencies(counts);
    weighted[name] = counts.map((c) => tfidfVector(c, idf));
  }
  return docs.map((doc, i) => {
    const f = { vector: documentVector(doc, vectors) } as StoryFeatures;
    for (const name of BAG_NAMES) f[name] = weighted[name][i]!;
    return f;
  });
}

/** The feature values of a pair, in `STORY_FEATURES` order, from the bags' cosines. */
function pairValues(a: StoryFeatures, b: StoryFeatures, cosine: (bag: StoryBag) => number): number[] {
  const lexical = cosine('lexical');
  return STORY_FEATURES.map((f) => (f.slot && (a[f.bag].terms.length === 0 || b[f.bag].terms.length === 0) ? lexical : cosine(f.bag)));
}

/** The feature values of two articles, in `STORY_FEATURES` order (what the model weighs; the fitting script's rows). */
export function storyPairFeatures(a: StoryFeatures, b: StoryFeatures): number[] {
  return pairValues(a, b, (bag) => sparseCosine(a[bag], b[bag]));
}

function linkProbability(model: StoryModel, values: readonly number[], a: StoryFeatures, b: StoryFeatures): number {
  let z = model.bias;
  STORY_FEATURES.forEach((f, k) => {
    z += model[f.weight] * values[k]!;
  });
  if (model.semanticWeight !== 0 && a.vector && b.vector) z += model.semanticWeight * dense(a.vector, b.vector);
  return 1 / (1 + Math.exp(-z));
}

/** Probability that two articles report the same event. */
export function storyLinkProbability(a: StoryFeatures, b: StoryFeatures, model: StoryModel = STORY_SIMILARITY): number {
  return linkProbability(model, storyPairFeatures(a, b), a, b);
}

/** All pairwise cosines of one bag at once, through an inverted index (only shared terms cost time). */
function cosineMatrix(vectors: readonly SparseVector[]): Float64Array[] {
  const n = vectors.length;
  const postings = new Map<string, { doc: number; weight: number }[]>();
  vectors.forEach((v, doc) => {
    v.terms.forEach((term, k) => {
      const list = postings.get(term);
      const entry = { doc, weight: v.weights[k]! };
      if (list) list.push(entry);
      else postings.set(term, [entry]);
    });
  });
  const out = Array.from({ length: n }, () => new Float64Array(n));
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const x = list[a]!;
      const row = out[x.doc]!;
      for (let b = a + 1; b < list.length; b++) row[list[b]!.doc]! += x.weight * list[b]!.weight;
    }
  }
  return out;
}

/**
 * Pairwise story link probabilities of articles whose features are given (symmetric, diagonal 1): the
 * same numbers as `storyLinkProbability` on every pair, computed bag by bag for speed.
 */
export function storyLinkMatrix(features: readonly StoryFeatures[], model: StoryModel = STORY_SIMILARITY): Float64Array[] {
  const n = features.length;
  const cosines = {} as Record<StoryBag, Float64Array[]>;
  for (const name of BAG_NAMES) cosines[name] = cosineMatrix(features.map((f) => f[name]));
  const matrix = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    matrix[i]![i] = 1;
    const fi = features[i]!;
    for (let j = i + 1; j < n; j++) {
      const fj = features[j]!;
      const p = linkProbability(model, pairValues(fi, fj, (bag) => cosines[bag][i]![j]!), fi, fj);
      matrix[i]![j] = p;
      matrix[j]![i] = p;
    }
  }
  return matrix;
}

/** Pairwise story link probabilities of the articles (features with IDF over this batch). */
export function storySimilarityMatrix(docs: readonly AnalysedArticle[], vectors: SentenceVectors, model: StoryModel = STORY_SIMILARITY): Float64Array[] {
  return storyLinkMatrix(storyFeatures(docs, vectors), model);
}

function dense(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let k = 0; k < a.length; k++) dot += a[k]! * b[k]!;
  return dot;
}
