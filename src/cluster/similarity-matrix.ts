import type { AnalysedArticle, Article, SentenceVectors } from '../types.js';
import { storySignature } from './signature.js';
import {
  batchFrequencies,
  SIGNATURE_FEATURES,
  signatureLinkMatrix,
  signatureLinkProbability,
  signaturePairFeatures,
  weighSignature,
  type SignatureModel,
  type WeightedSignature,
} from './signature-decision.js';
import { STORY_MODEL } from './story-model.js';

/**
 * The story decision used by batch `cluster`/`compare` and by online assignment alike: the signature
 * decision of ./signature-decision.ts on story signatures of the raw articles (./signature.ts; no
 * `analyse()` needed), IDF per bag over the batch.
 *
 * The weights and thresholds are fitted by scripts/train-clustering.ts and imported from the generated
 * mirror ./story-model.ts (= models/clustering.json): logistic regression on all article pairs of the ECB+
 * dev topics (2, 5, 12, 18, 21, 23, 34, 35; label = same gold story), deterministic full-batch gradient
 * descent from zero weights, IDF over all articles of the file; the average-link threshold is the one with
 * the best B³ F1 on the dev topics clustered alone, then the small-group rescue (./small-groups.ts) likewise
 * with that threshold fixed. The time weight (`timeGap`: articles more than a day apart need stronger evidence)
 * is chosen on the tuning half of the AllSides headline roundups (eval/allsides.ts: dated events told by a left, a
 * centre and a right outlet; ECB+ is mostly undated), and so are the title term's weight and centre (`titleTerm`:
 * ECB+ has no titles). The numbers measured with it are in models/clustering.json (`report`) and
 * `npm run eval -- --only clustering`.
 *
 * `semanticWeight` is 0 (the encoder's document vectors rate same-type different events close; not in the
 * decision): callers may skip the encoder.
 */
export const STORY_SIMILARITY: StoryModel = STORY_MODEL;

export type StoryModel = SignatureModel;
export type StoryFeatures = WeightedSignature;
export const STORY_FEATURES = SIGNATURE_FEATURES;

/** Weighted signatures of raw articles, IDF per bag over these articles. */
export function articleStoryFeatures(articles: readonly Article[]): StoryFeatures[] {
  const signatures = articles.map(storySignature);
  const frequencies = batchFrequencies(signatures);
  return signatures.map((s) => weighSignature(s, frequencies));
}

/** Weighted signatures of analysed articles (only `doc.article` is read; the vectors are not used). */
export function storyFeatures(docs: readonly AnalysedArticle[], _vectors?: SentenceVectors): StoryFeatures[] {
  return articleStoryFeatures(docs.map((d) => d.article));
}

/** The feature values of two articles, in `STORY_FEATURES` order (what the model weighs; the fitting script's rows). */
export function storyPairFeatures(a: StoryFeatures, b: StoryFeatures): number[] {
  return signaturePairFeatures(a, b);
}

/** Probability that two articles report the same event. */
export function storyLinkProbability(a: StoryFeatures, b: StoryFeatures, model: StoryModel = STORY_SIMILARITY): number {
  return signatureLinkProbability(a, b, model);
}

/** Pairwise story link probabilities (symmetric, diagonal 1): the same numbers as `storyLinkProbability` on every pair. */
export function storyLinkMatrix(features: readonly StoryFeatures[], model: StoryModel = STORY_SIMILARITY): Float64Array[] {
  return signatureLinkMatrix(features, model);
}

/** Pairwise story link probabilities of the articles (IDF over this batch). */
export function storySimilarityMatrix(docs: readonly AnalysedArticle[], _vectors?: SentenceVectors, model: StoryModel = STORY_SIMILARITY): Float64Array[] {
  return storyLinkMatrix(storyFeatures(docs), model);
}
