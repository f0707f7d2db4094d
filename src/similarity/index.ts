/** The shared similarity measures: one place, so clustering, alignment, checking and derivation agree. */
export { STOPWORDS, NEGATORS, tokenize, stem, normaliseToken, contentStems, surfaceTokens, type Token } from './tokens.js';
export {
  TermWeights,
  sharedWeight,
  sharedCount,
  weightedDice,
  weightedContainment,
  tfidfCosine,
  dice,
  containment,
  type WeightedSet,
} from './weights.js';
export { wordShingles, charShingles, fnv1a, minhashSignature, jaccardEstimate, jaccard } from './minhash.js';
export { cosine, normalised, dot, NO_VECTORS, vectorsFromMap } from './vector.js';
export {
  sentenceSlots,
  compareSlots,
  entityKeys,
  sameEntity,
  numberKey,
  numberValue,
  type SentenceSlots,
  type SlotComparison,
  type SlotConflict,
  type SlotConflictKind,
  type SlotSide,
  type EntityRef,
  type NegationRef,
} from './slots.js';
export { sameSpeaker, speakerKeys } from './speakers.js';
