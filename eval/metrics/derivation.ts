/**
 * Multi-class metrics for graded derivation (pure): accuracy and macro-F1 over a fixed label set.
 * Per class c: F1 = 2·|gold c ∧ predicted c| / (|gold c| + |predicted c|), 0 when the class is neither
 * in gold nor predicted; macro-F1 = mean over all classes of the label set (absent classes count as 0, so
 * pass only the classes that the gold data has).
 */

export function multiclassAccuracy<L>(gold: readonly L[], predicted: readonly L[]): number {
  if (gold.length !== predicted.length) throw new RangeError(`gold has ${gold.length} labels but predicted has ${predicted.length}`);
  if (gold.length === 0) return 0;
  let n = 0;
  gold.forEach((g, i) => {
    if (predicted[i] === g) n++;
  });
  return n / gold.length;
}

export function perClassF1<L>(gold: readonly L[], predicted: readonly L[], labels: readonly L[]): Map<L, number> {
  if (gold.length !== predicted.length) throw new RangeError(`gold has ${gold.length} labels but predicted has ${predicted.length}`);
  const out = new Map<L, number>();
  for (const c of labels) {
    let both = 0;
    let g = 0;
    let p = 0;
    gold.forEach((x, i) => {
      if (x === c) g++;
      if (predicted[i] === c) p++;
      if (x === c && predicted[i] === c) both++;
    });
    out.set(c, g + p === 0 ? 0 : (2 * both) / (g + p));
  }
  return out;
}

export function macroF1<L>(gold: readonly L[], predicted: readonly L[], labels: readonly L[]): number {
  if (labels.length === 0) return 0;
  let sum = 0;
  for (const v of perClassF1(gold, predicted, labels).values()) sum += v;
  return sum / labels.length;
}
