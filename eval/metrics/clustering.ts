/**
 * Document-clustering metrics exactly as the shared data README defines them (pure).
 * Inputs are parallel arrays: predicted[d] and gold[d] are the cluster labels of document d.
 * - B³: P = mean over d of |C(d) ∩ G(d)| / |C(d)|; R = mean over d of |C(d) ∩ G(d)| / |G(d)|; F1 = 2PR/(P+R).
 * - ARI over the contingency table n_ij (row sums a_i, column sums b_j, n documents):
 *   (Σ C(n_ij,2) − E) / (½[Σ C(a_i,2) + Σ C(b_j,2)] − E), E = Σ C(a_i,2) · Σ C(b_j,2) / C(n,2).
 */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

function checkLengths(predicted: readonly unknown[], gold: readonly unknown[]): void {
  if (predicted.length !== gold.length) throw new RangeError(`predicted has ${predicted.length} labels but gold has ${gold.length}`);
}

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

export function bCubed<P, G>(predicted: readonly P[], gold: readonly G[]): BCubed {
  checkLengths(predicted, gold);
  const n = gold.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0 };
  const predictedSize = countBy(predicted);
  const goldSize = countBy(gold);
  // |C(d) ∩ G(d)| is the contingency cell of d's (predicted, gold) pair.
  const cells = new Map<P, Map<G, number>>();
  predicted.forEach((p, d) => {
    const row = cells.get(p) ?? new Map<G, number>();
    row.set(gold[d]!, (row.get(gold[d]!) ?? 0) + 1);
    cells.set(p, row);
  });
  let precision = 0;
  let recall = 0;
  predicted.forEach((p, d) => {
    const inter = cells.get(p)!.get(gold[d]!)!;
    precision += inter / predictedSize.get(p)!;
    recall += inter / goldSize.get(gold[d]!)!;
  });
  precision /= n;
  recall /= n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const pairs = (k: number): number => (k * (k - 1)) / 2;

export function adjustedRandIndex<P, G>(predicted: readonly P[], gold: readonly G[]): number {
  checkLengths(predicted, gold);
  const n = gold.length;
  const cells = countBy(predicted.map((p, d) => JSON.stringify([String(p), String(gold[d])])));
  // Keys by value: two labels that print the same are one label (labels are ids or numbers in practice).
  const rows = countBy(predicted.map(String));
  const cols = countBy(gold.map(String));
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let sumA = 0;
  for (const a of rows.values()) sumA += pairs(a);
  let sumB = 0;
  for (const b of cols.values()) sumB += pairs(b);
  const total = pairs(n);
  const expected = total === 0 ? 0 : (sumA * sumB) / total;
  const max = (sumA + sumB) / 2;
  // Both partitions trivial in the same way (all singletons or one cluster each): identical, ARI 1.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
