/**
 * The paraphrase classifier's shape and its forward pass (pure). The weights are fitted by
 * scripts/train-paraphrase.ts, written to models/paraphrase.json and mirrored into
 * paraphrase-weights.ts (generated) so that the library needs no file I/O.
 */

/** A logistic-regression head over standardised features. */
export interface ParaphraseHead {
  /** Feature names, in input order. */
  features: string[];
  /** Per-feature mean and standard deviation on the training part (x' = (x − mean) / std). */
  mean: number[];
  std: number[];
  weights: number[];
  /**
   * Intercept. The decision threshold chosen by cross-validation has been folded in, so that
   * `paraphrase ⇔ score ≥ 0.5`.
   */
  bias: number;
  /** L2 strength used in training (for the record). */
  l2: number;
  /** The cross-validated threshold on the unshifted probability (for the record). */
  tunedThreshold: number;
}

export interface ParaphraseModel {
  /** Used when sentence vectors are available. */
  encoder: ParaphraseHead;
  /** Used with --no-encoder (or when a vector is missing): lexical features only. */
  lexical: ParaphraseHead;
  /** How the model was trained: data file, split, seed. */
  trainedOn: string;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The head's probability for a raw (unstandardised) feature vector in `head.features` order. */
export function headScore(head: ParaphraseHead, x: readonly number[]): number {
  let z = head.bias;
  for (let i = 0; i < head.weights.length; i++) {
    const sd = head.std[i] ?? 1;
    z += head.weights[i]! * (((x[i] ?? 0) - (head.mean[i] ?? 0)) / (sd > 0 ? sd : 1));
  }
  return sigmoid(z);
}

/** Narrows parsed JSON to a model (throws with the first problem). */
export function parseParaphraseModel(value: unknown): ParaphraseModel {
  const rec = value as Record<string, unknown> | null;
  if (typeof rec !== 'object' || rec === null) throw new TypeError('paraphrase model: not an object');
  const head = (name: string): ParaphraseHead => {
    const h = rec[name] as Record<string, unknown> | null | undefined;
    if (typeof h !== 'object' || h === null) throw new TypeError(`paraphrase model: no "${name}" head`);
    const nums = (k: string): number[] => {
      const v = h[k];
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new TypeError(`paraphrase model: ${name}.${k} is not a number list`);
      return v as number[];
    };
    const features = h['features'];
    if (!Array.isArray(features) || !features.every((x) => typeof x === 'string')) throw new TypeError(`paraphrase model: ${name}.features`);
    const out: ParaphraseHead = {
      features: features as string[],
      mean: nums('mean'),
      std: nums('std'),
      weights: nums('weights'),
      bias: Number(h['bias']),
      l2: Number(h['l2']),
      tunedThreshold: Number(h['tunedThreshold']),
    };
    if (out.mean.length !== out.features.length || out.std.length !== out.features.length || out.weights.length !== out.features.length) {
      throw new TypeError(`paraphrase model: ${name} lengths differ`);
    }
    return out;
  };
  return { encoder: head('encoder'), lexical: head('lexical'), trainedOn: String(rec['trainedOn'] ?? '') };
}
