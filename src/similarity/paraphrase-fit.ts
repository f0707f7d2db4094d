/**
 * Fitting the paraphrase heads (pure, deterministic): L2-regularised logistic regression by Newton's
 * method (IRLS) on standardised features, cross-validated choice of the L2 strength and the decision
 * threshold. Used by scripts/train-paraphrase.ts; nothing here runs at scoring time.
 */
import { headScore, sigmoid, type ParaphraseHead } from './paraphrase-model.js';

export interface LabelledRow {
  x: number[];
  y: boolean;
  /** Cross-validation fold, 0..folds-1. */
  fold: number;
}

export function standardise(rows: readonly number[][]): { mean: number[]; std: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += r[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) std[j]! += (r[j]! - mean[j]!) ** 2 / rows.length;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  return { mean, std };
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]!;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/** Logistic regression on already-standardised rows; returns [bias, ...weights]. L2 on weights only. */
export function fitLogistic(xs: readonly number[][], ys: readonly boolean[], l2: number, iterations = 25): number[] {
  const d = (xs[0]?.length ?? 0) + 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    xs.forEach((x, i) => {
      const z = w[0]! + x.reduce((s, v, j) => s + v * w[j + 1]!, 0);
      const p = sigmoid(z);
      const g = p - (ys[i] ? 1 : 0);
      const h = Math.max(p * (1 - p), 1e-9);
      const row = [1, ...x];
      for (let a = 0; a < d; a++) {
        grad[a]! += g * row[a]!;
        const ha = h * row[a]!;
        for (let b = a; b < d; b++) H[a]![b]! += ha * row[b]!;
      }
    });
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) H[a]![b] = H[b]![a]!;
      if (a > 0) {
        grad[a]! += l2 * w[a]!;
        H[a]![a]! += l2;
      }
    }
    const step = solve(H, grad);
    const next = w.map((v, j) => v - step[j]!);
    const change = step.reduce((s, v) => s + Math.abs(v), 0);
    w = next;
    if (change < 1e-8) break;
  }
  return w;
}

/** A head fitted on `rows` (standardised on them) with the given L2 and threshold folded into the bias. */
export function fitHead(features: readonly string[], rows: readonly LabelledRow[], l2: number, threshold = 0.5): ParaphraseHead {
  const { mean, std } = standardise(rows.map((r) => r.x));
  const xs = rows.map((r) => r.x.map((v, j) => (v - mean[j]!) / std[j]!));
  const w = fitLogistic(xs, rows.map((r) => r.y), l2);
  const logit = Math.log(threshold / (1 - threshold));
  return { features: [...features], mean, std, weights: w.slice(1), bias: w[0]! - logit, l2, tunedThreshold: threshold };
}

/** Out-of-fold probabilities (unshifted) for each row, in row order. */
export function crossValidatedScores(features: readonly string[], rows: readonly LabelledRow[], l2: number, folds: number): number[] {
  const out = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((r) => r.fold !== f);
    const head = fitHead(features, train, l2);
    rows.forEach((r, i) => {
      if (r.fold === f) out[i] = headScore(head, r.x);
    });
  }
  return out;
}

/** The threshold (grid 0.20..0.80 by 0.005) that maximises accuracy; ties → the one nearest 0.5. */
export function bestThreshold(scores: readonly number[], ys: readonly boolean[]): { threshold: number; accuracy: number } {
  let best = { threshold: 0.5, accuracy: -1 };
  for (let k = 40; k <= 160; k++) {
    const t = k / 200;
    let correct = 0;
    scores.forEach((s, i) => {
      if (s >= t === ys[i]) correct++;
    });
    const acc = correct / scores.length;
    if (acc > best.accuracy + 1e-12 || (Math.abs(acc - best.accuracy) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best.threshold - 0.5))) {
      best = { threshold: t, accuracy: acc };
    }
  }
  return best;
}

/** Chooses L2 (from `grid`) and the threshold by cross-validated accuracy, then fits on all rows. */
export function trainHead(
  features: readonly string[],
  rows: readonly LabelledRow[],
  options: { grid: readonly number[]; folds: number },
): { head: ParaphraseHead; cvAccuracy: number } {
  let best = { l2: options.grid[0] ?? 1, threshold: 0.5, accuracy: -1 };
  for (const l2 of options.grid) {
    const scores = crossValidatedScores(features, rows, l2, options.folds);
    const t = bestThreshold(scores, rows.map((r) => r.y));
    if (t.accuracy > best.accuracy + 1e-12) best = { l2, threshold: t.threshold, accuracy: t.accuracy };
  }
  return { head: fitHead(features, rows, best.l2, best.threshold), cvAccuracy: best.accuracy };
}
