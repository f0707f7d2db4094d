/**
 * Binary classification metrics (pure). `gold[i]` and `predicted[i]` are the true and predicted labels of
 * item i; `true` is the positive class (paraphrase, supported, derived, ...). Empty input gives 0 for every
 * rate; a ratio whose denominator is 0 is 0 (e.g. precision with no positive predictions).
 */

export interface ConfusionCounts {
  /** gold true, predicted true */
  tp: number;
  /** gold false, predicted true */
  fp: number;
  /** gold true, predicted false */
  fn: number;
  /** gold false, predicted false */
  tn: number;
}

export interface BinaryMetrics extends ConfusionCounts {
  n: number;
  accuracy: number;
  /** Precision of the positive class: tp / (tp + fp). */
  precision: number;
  /** Recall of the positive class (sensitivity): tp / (tp + fn). */
  recall: number;
  /** F1 of the positive class: 2PR / (P + R). */
  f1: number;
  /** Recall of the negative class: tn / (tn + fp). */
  specificity: number;
  /** Mean of the recall of each class: (recall + specificity) / 2. */
  balancedAccuracy: number;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

function checkLengths(gold: readonly boolean[], predicted: readonly boolean[]): void {
  if (gold.length !== predicted.length) {
    throw new RangeError(`gold has ${gold.length} labels but predicted has ${predicted.length}`);
  }
}

export function confusion(gold: readonly boolean[], predicted: readonly boolean[]): ConfusionCounts {
  checkLengths(gold, predicted);
  const c: ConfusionCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  gold.forEach((g, i) => {
    const p = predicted[i] === true;
    if (g && p) c.tp++;
    else if (!g && p) c.fp++;
    else if (g && !p) c.fn++;
    else c.tn++;
  });
  return c;
}

export function accuracy(gold: readonly boolean[], predicted: readonly boolean[]): number {
  const c = confusion(gold, predicted);
  return ratio(c.tp + c.tn, gold.length);
}

/** F1 of the positive class. */
export function f1Positive(gold: readonly boolean[], predicted: readonly boolean[]): number {
  return binaryMetrics(gold, predicted).f1;
}

/** (recall of positives + recall of negatives) / 2. */
export function balancedAccuracy(gold: readonly boolean[], predicted: readonly boolean[]): number {
  return binaryMetrics(gold, predicted).balancedAccuracy;
}

export function binaryMetrics(gold: readonly boolean[], predicted: readonly boolean[]): BinaryMetrics {
  const c = confusion(gold, predicted);
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const specificity = ratio(c.tn, c.tn + c.fp);
  return {
    ...c,
    n: gold.length,
    accuracy: ratio(c.tp + c.tn, gold.length),
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    specificity,
    balancedAccuracy: (recall + specificity) / 2,
  };
}
