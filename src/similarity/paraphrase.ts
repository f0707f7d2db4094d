/**
 * Sentence paraphrase scoring: a logistic-regression head over lexical overlap features (n-grams of
 * surface tokens and content stems, character n-grams, LCS, number / capitalised-name agreement,
 * length, negation parity) plus, when both sentence vectors are available, the USE-lite cosine.
 * Trained on MRPC (news) by scripts/train-paraphrase.ts; weights in paraphrase-weights.ts (generated,
 * = models/paraphrase.json). `paraphrase` ⇔ `score ≥ 0.5` (the tuned threshold is folded into the bias).
 */
import type { SentenceVectors } from '../types.js';
import { encoderFeatures, lexicalFeatures } from './paraphrase-features.js';
import { headScore, type ParaphraseModel } from './paraphrase-model.js';
import { PARAPHRASE_MODEL } from './paraphrase-weights.js';

export interface ParaphraseScore {
  /** Probability-like score in 0..1. */
  score: number;
  paraphrase: boolean;
  /** Which head scored the pair: with sentence vectors ('encoder') or lexical features only. */
  head: 'encoder' | 'lexical';
}

/**
 * Scores one pair. `vectors` (from embedTexts over both sentences) selects the encoder head; without
 * them, or when either sentence has no vector, the lexical-only head is used.
 */
export function scoreParaphrase(a: string, b: string, vectors: SentenceVectors | null = null, model: ParaphraseModel = PARAPHRASE_MODEL): ParaphraseScore {
  const lex = lexicalFeatures(a, b);
  const va = vectors?.get(a);
  const vb = vectors?.get(b);
  if (va && vb) {
    const score = headScore(model.encoder, [...lex, ...encoderFeatures(va, vb)]);
    return { score, paraphrase: score >= 0.5, head: 'encoder' };
  }
  const score = headScore(model.lexical, lex);
  return { score, paraphrase: score >= 0.5, head: 'lexical' };
}

export { PARAPHRASE_MODEL };
export type { ParaphraseModel, ParaphraseHead } from './paraphrase-model.js';
export { LEXICAL_FEATURES, ENCODER_FEATURES, lexicalFeatures, encoderFeatures } from './paraphrase-features.js';
