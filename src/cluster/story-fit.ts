/**
 * Fitting the story decision's logistic weights (pure, deterministic; used by scripts/train-clustering.ts,
 * nothing here runs at clustering time): full-batch gradient descent on the mean log-loss from zero
 * weights, a fixed number of steps of a fixed size, L2 on the weights (not the bias). Rows are used in the
 * order given and the sums run in that order, so the same rows always give the same weights.
 */

export interface GradientDescentOptions {
  steps: number;
  stepSize: number;
  l2: number;
}

export interface LogisticFit {
  bias: number;
  weights: number[];
  /** Mean log-loss of the fitted model on the rows (without the L2 term). */
  loss: number;
}

export function fitLogisticGradientDescent(xs: readonly (readonly number[])[], ys: readonly boolean[], options: GradientDescentOptions): LogisticFit {
  if (xs.length !== ys.length) throw new RangeError(`${xs.length} rows but ${ys.length} labels`);
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  if (n === 0) return { bias, weights, loss: 0 };
  for (let step = 0; step < options.steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let r = 0; r < n; r++) {
      const x = xs[r]!;
      let z = bias;
      for (let k = 0; k < d; k++) z += weights[k]! * x[k]!;
      const e = 1 / (1 + Math.exp(-z)) - (ys[r] ? 1 : 0);
      for (let k = 0; k < d; k++) grad[k]! += e * x[k]!;
      gradBias += e;
    }
    for (let k = 0; k < d; k++) weights[k]! -= options.stepSize * (grad[k]! / n + options.l2 * weights[k]!);
    bias -= options.stepSize * (gradBias / n);
  }
  let loss = 0;
  for (let r = 0; r < n; r++) {
    let z = bias;
    for (let k = 0; k < d; k++) z += weights[k]! * xs[r]![k]!;
    const p = 1 / (1 + Math.exp(-z));
    loss -= Math.log(Math.max(ys[r] ? p : 1 - p, 1e-15));
  }
  return { bias, weights, loss: loss / n };
}
