/**
 * Graded derivation of a (source, derived) text pair: cut (near copy), light or heavy revision, or non
 * (written independently), with a 0..1 score of how much of `derived` comes from `source`.
 *
 * Two scores from features.ts, both normalised by the derived text's length:
 *  - copy  = stem-bigram containment: share of the derived text's content-stem bigrams (stopwords and
 *            inflection ignored) that the source has. Decides derived vs non: independent answers on the
 *            same topic share words but few ordered content-word pairs; even heavy rewrites keep many.
 *  - reuse = Greedy-String-Tiling coverage: share of the derived text's tokens inside runs of ≥ MIN_TILE
 *            (3) words shared with the source, each source word used once. Grades a derived pair:
 *            cut ≥ cutMin > light ≥ lightMin > heavy. It is also the reported `score`.
 * (LCS and the n-gram containments are computed too; on the corpus, tiling alone grades at least as well as
 * (tiling + LCS) / 2 under cross-validation, and stem-bigram containment separates derived from non best.)
 * The thresholds (model.ts, = models/derivation.json) were fitted by scripts/train-derivation.ts on the
 * Clough & Stevenson corpus (fit.ts explains the search). Pure and deterministic.
 */
import { tokenWords } from '../similarity/tokens.js';
import { countSharedSorted } from '../text/sorted.js';
import { derivationFeatures, MIN_TILE, tiledIds, TokenIds, type DerivationFeatures } from './features.js';
import { levelOfReuse } from './fit.js';
import { DERIVATION_THRESHOLDS } from './model.js';
import type { DerivationResult, DerivationThresholds } from './types.js';

export type { DerivationFeatures } from './features.js';
export type { DerivationLevel, DerivationResult, DerivationThresholds } from './types.js';
export { derivationFeatures, lcsLength, tiledTokens, tiledIds, TokenIds, MIN_TILE } from './features.js';
export { fitThresholds, levelOfReuse, type LabelledScores } from './fit.js';
export { DERIVATION_THRESHOLDS } from './model.js';

export interface DerivationScores {
  copy: number;
  reuse: number;
}

export function derivationScores(f: DerivationFeatures): DerivationScores {
  return { copy: f.stemContainment, reuse: f.tiling };
}

/** A text prepared once for many pairings (compare grades every article pair of a story both ways). */
export interface RevisionText {
  /** Surface tokens as ids of the TokenIds table shared by the texts paired with each other. */
  ids: Int32Array;
  /**
   * The distinct content-stem bigrams (wordShingles(stems, 2)) as numbers, ascending: stem ids of the same table,
   * first · 2^26 + second for a bigram, −1 − id for the single stem of a one-stem text (wordShingles' whole join).
   * One number per bigram string and back (ids are below 2^24, the most entries a Map holds).
   */
  stemBigrams: Float64Array;
}

const PAIR_BASE = 2 ** 26;

/** A text prepared for pairing; texts paired with each other must share `ids` (the default is a table of its own). */
export function revisionText(text: string, ids: TokenIds = new TokenIds()): RevisionText {
  // One tokenization for both (surfaceTokens and contentStems read the same tokens).
  const words = tokenWords(text);
  const surface = new Int32Array(words.length);
  const stems: number[] = [];
  words.forEach((w, k) => {
    surface[k] = ids.id(w.norm);
    if (!w.stop) stems.push(ids.id(w.stem));
  });
  return revisionTextOfIds(surface, stems);
}

/**
 * The RevisionText of a text from the ids of its surface tokens (norms) and of its content stems, in text order,
 * under one TokenIds table (what revisionText computes after tokenizing). Only which ids are equal matters.
 */
export function revisionTextOfIds(surface: Int32Array, stems: ArrayLike<number>): RevisionText {
  const bigrams = new Float64Array(stems.length === 1 ? 1 : Math.max(0, stems.length - 1));
  if (stems.length === 1) bigrams[0] = -1 - stems[0]!;
  else for (let k = 0; k + 1 < stems.length; k++) bigrams[k] = stems[k]! * PAIR_BASE + stems[k + 1]!;
  return { ids: surface, stemBigrams: distinctSorted(bigrams) };
}

/** The distinct values of `xs`, ascending (sorts `xs` in place). */
function distinctSorted(xs: Float64Array): Float64Array {
  const sorted = xs.sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[n - 1]) sorted[n++] = sorted[k]!;
  return sorted.subarray(0, n);
}


/** The two scores of a pair from prepared texts: the values `derivationScores(derivationFeatures(…))` gives, without the unused features. */
export function revisionScores(source: RevisionText, derived: RevisionText): DerivationScores {
  const d = derived.ids;
  return {
    // containment(derived bigrams, source bigrams): shared distinct bigrams / the derived text's distinct bigrams.
    copy: derived.stemBigrams.length === 0 ? 0 : countSharedSorted(derived.stemBigrams, source.stemBigrams) / derived.stemBigrams.length,
    reuse: d.length === 0 ? 0 : tiledIds(d, source.ids, MIN_TILE) / d.length,
  };
}

/** The level of a pair from its two scores. */
export function classifyDerivation(scores: DerivationScores, thresholds: DerivationThresholds = DERIVATION_THRESHOLDS): DerivationResult {
  const score = Math.round(scores.reuse * 1000) / 1000;
  if (scores.copy < thresholds.derivedMin) return { derived: false, level: 'non', score };
  return { derived: true, level: levelOfReuse(scores.reuse, thresholds.lightMin, thresholds.cutMin), score };
}

/** How much of `derived` was taken from `source`. */
export function deriveLevel(source: string, derived: string, thresholds: DerivationThresholds = DERIVATION_THRESHOLDS): DerivationResult {
  return classifyDerivation(derivationScores(derivationFeatures(source, derived)), thresholds);
}
