/**
 * A small logistic regression (standardised features, class-balanced L2-regularised log loss, full-batch
 * gradient descent from zero: deterministic). Shipped as JSON in models/consistency.json.
 */

export interface LogisticModel {
  /** Per-feature mean and scale used to standardise inputs. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Decision threshold on the probability of the positive class, chosen on the tuning split. */
  threshold: number;
}

export interface FitOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /** Feature indices forced to weight 0 (e.g. the encoder cosine for the lexical-only variant). */
  disabled?: readonly number[];
  /**
   * Per-row weights, in place of the default balance (each class weighing half): e.g. every data set and every
   * class within it weighing the same.
   */
  rowWeights?: readonly number[];
}

/** Probability of the positive class. */
export function predictProbability(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * (((x[j] ?? 0) - model.mean[j]!) / model.scale[j]!);
  return 1 / (1 + Math.exp(-z));
}

/** Fits on rows `xs` with labels `ys` (1 = positive); threshold 0.5 (set it afterwards with `bestThreshold`). */
export function fitLogistic(xs: readonly number[][], ys: readonly number[], options: FitOptions = {}): LogisticModel {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 2000;
  const rate = options.learningRate ?? 0.5;
  const d = xs[0]?.length ?? 0;
  const n = xs.length;
  const disabled = new Set(options.disabled ?? []);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (const x of xs) s += x[j]!;
    mean[j] = n ? s / n : 0;
    let v = 0;
    for (const x of xs) v += (x[j]! - mean[j]!) ** 2;
    const sd = n ? Math.sqrt(v / n) : 0;
    scale[j] = sd > 1e-9 ? sd : 1;
  }
  const z = xs.map((x) => x.map((v, j) => (disabled.has(j) ? 0 : (v - mean[j]!) / scale[j]!)));
  const pos = ys.filter((y) => y === 1).length;
  const neg = n - pos;
  const cw = (y: number): number => (y === 1 ? (pos ? n / (2 * pos) : 0) : neg ? n / (2 * neg) : 0);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * row[j]!;
      const p = 1 / (1 + Math.exp(-s));
      const e = (p - ys[i]!) * (options.rowWeights ? options.rowWeights[i]! : cw(ys[i]!));
      for (let j = 0; j < d; j++) g[j]! += e * row[j]!;
      gb += e;
    }
    for (let j = 0; j < d; j++) w[j] = disabled.has(j) ? 0 : w[j]! - rate * (g[j]! / n + l2 * w[j]!);
    b -= rate * (gb / n);
  }
  return { mean, scale, weights: w, bias: b, threshold: 0.5 };
}

/**
 * The threshold on `probs` (positive when prob ≥ threshold) that maximises balanced accuracy; candidates
 * are the midpoints between consecutive distinct probabilities (ties: the lowest).
 */
export function bestThreshold(probs: readonly number[], ys: readonly number[]): number {
  const distinct = [...new Set(probs)].sort((a, b) => a - b);
  const candidates = distinct.map((p, k) => (k === 0 ? p : (p + distinct[k - 1]!) / 2));
  let best = 0.5;
  let bestScore = -1;
  const pos = ys.filter((y) => y === 1).length;
  const neg = ys.length - pos;
  for (const t of candidates) {
    let tp = 0;
    let tn = 0;
    probs.forEach((p, i) => {
      if (p >= t && ys[i] === 1) tp++;
      if (p < t && ys[i] === 0) tn++;
    });
    const score = (pos ? tp / pos : 0) / 2 + (neg ? tn / neg : 0) / 2;
    if (score > bestScore + 1e-12) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}
