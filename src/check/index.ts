/**
 * Claim support: which parts of a claim (or a summary) an article does not support.
 *
 * The claim is split into sentences; each is aligned to its best-supporting article sentences and
 * described by features (features.ts); a logistic model gives each sentence a probability of being
 * unsupported; the claim's verdict comes from its sentences' features aggregated (discrete flags by their
 * maximum, graded measures by their mean: summaryFeatures).
 * The unsupported spans are the evidence-carrying words of the sentences judged unsupported (the whole sentence
 * when none of its words carries the evidence).
 */
import type { SentenceVectors, Span } from '../types.js';
import { prepareArticle, sentenceSpans, type PreparedArticle } from './article.js';
import { sentenceEvidence, summaryFeatures, FEATURE_NAMES, type SentenceEvidence } from './features.js';
import { predictProbability, type LogisticModel } from './logistic.js';

export { prepareArticle, sentenceSpans, type PreparedArticle } from './article.js';
export { FEATURE_NAMES, PAIR_WINDOW, sentenceEvidence, summaryFeatures, unsupportedPairs, mergeSpans, fragments, type SentenceEvidence, type Fragments } from './features.js';
export { fitLogistic, predictProbability, bestThreshold, type LogisticModel } from './logistic.js';
export { antonymsOf } from '../similarity/antonyms.js';

/**
 * The model file (models/consistency.json): one model pair per data family (`qags`, `summedits`,
 * `faithbench`), the two the CLI uses (`claim`, `summary`: see modelKeyFor) and `default` (all pooled).
 */
export interface ConsistencyModels {
  version: 1;
  features: string[];
  /** family → {encoder: model using the cosine feature, lexical: model without it}. */
  families: Record<string, { encoder: LogisticModel; lexical: LogisticModel }>;
  notes?: string;
}

export interface CheckResult {
  supported: boolean;
  /** Support score in 0..1 (1 − probability of unsupported content). */
  score: number;
  /** Claim substrings the article does not support (UTF-16 offsets into the claim). */
  unsupported: Span[];
}

/** Per-claim evidence: the sentences' evidence and the aggregated feature vector (summaryFeatures). */
export interface ClaimEvidence {
  sentences: SentenceEvidence[];
  features: number[];
}

/** The texts whose encoder vectors the check reads (claim sentences and the aligned article sentences). */
export function embeddingTextsFor(article: string | PreparedArticle, claim: string): string[] {
  const prepared = typeof article === 'string' ? prepareArticle(article) : article;
  const out = prepared.sentences.map((s) => s.text);
  for (const s of sentenceSpans(claim)) out.push(s.text);
  return out;
}

/** Evidence for a whole claim/summary against a prepared article. */
export function claimEvidence(article: PreparedArticle, claim: string, vectors: SentenceVectors): ClaimEvidence {
  const sentences = sentenceSpans(claim).map((s) => sentenceEvidence(claim, s, article, vectors));
  return { sentences, features: summaryFeatures(sentences.map((s) => s.features)) };
}

/** Verdict, score and unsupported spans from the evidence and a model. */
export function judge(evidence: ClaimEvidence, model: LogisticModel): CheckResult {
  const p = predictProbability(model, evidence.features);
  const supported = p < model.threshold;
  let unsupported: Span[] = [];
  if (!supported) {
    const probs = evidence.sentences.map((s) => predictProbability(model, s.features));
    const flagged = evidence.sentences.filter((_, i) => probs[i]! >= model.threshold);
    let chosen = flagged;
    if (chosen.length === 0 && evidence.sentences.length > 0) {
      let worst = 0;
      probs.forEach((q, i) => {
        if (q > probs[worst]!) worst = i;
      });
      chosen = [evidence.sentences[worst]!];
    }
    // A sentence judged unsupported as a whole, with no word to blame, is itself the span: a verdict always points
    // at text.
    unsupported = chosen.flatMap((s) => (s.spans.length > 0 ? s.spans : [s.sentence]));
  }
  return { supported, score: round(1 - p), unsupported };
}

/** Checks one claim against one article text (prepare the article once when checking many claims). */
export function checkClaim(article: string | PreparedArticle, claim: string, model: LogisticModel, vectors: SentenceVectors): CheckResult {
  const prepared = typeof article === 'string' ? prepareArticle(article) : article;
  return judge(claimEvidence(prepared, claim, vectors), model);
}

/** Which field of a `check` input line held the text: a one-sentence `claim` or a multi-sentence `summary`. */
export type ClaimField = 'claim' | 'summary';

/**
 * The model `corroborate check` uses for an input line, chosen only from its field (deterministic and
 * documented): `claim` → the model trained on sentence-level claims, `summary` → the one trained on whole
 * summaries. Older model files without these keys fall back to `default` (see pickModel).
 */
export function modelKeyFor(field: ClaimField): string {
  return field;
}

/** The model for a family and encoder setting (falls back to `default`). */
export function pickModel(models: ConsistencyModels, family: string, encoder: boolean): LogisticModel {
  const pair = models.families[family] ?? models.families['default'];
  if (!pair) throw new Error(`consistency model has no family '${family}' and no default`);
  return encoder ? pair.encoder : pair.lexical;
}

/** Narrows parsed JSON to the model file's shape (throws with a message when it is not). */
export function parseModels(value: unknown): ConsistencyModels {
  const rec = value as Partial<ConsistencyModels> | null;
  if (!rec || rec.version !== 1 || !Array.isArray(rec.features) || typeof rec.families !== 'object' || rec.families === null) {
    throw new Error('not a consistency model file (version 1)');
  }
  if (rec.features.join(',') !== FEATURE_NAMES.join(',')) throw new Error('consistency model was trained on different features; retrain it (scripts/train-consistency.ts)');
  return rec as ConsistencyModels;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
