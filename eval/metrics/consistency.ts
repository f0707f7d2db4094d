/**
 * Span-level scoring of unsupported content (FaithBench, as the data README defines it): character
 * overlap between the predicted spans and the union of the gold `Unwanted*` spans of each sample,
 * summed over samples (micro): precision = |pred ∩ gold| / |pred|, recall = |pred ∩ gold| / |gold|,
 * F1 = 2PR / (P + R). Overlapping spans within one side count each character once. Empty denominators
 * give 0.
 */

export interface CharRange {
  start: number;
  end: number;
}

export interface SpanSample {
  predicted: readonly CharRange[];
  gold: readonly CharRange[];
}

export interface SpanOverlap {
  /** Characters in both the predicted and the gold union. */
  overlap: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Character offsets covered by the ranges (each counted once). */
export function coveredChars(ranges: readonly CharRange[]): Set<number> {
  const out = new Set<number>();
  for (const r of ranges) for (let i = r.start; i < r.end; i++) out.add(i);
  return out;
}

export function spanOverlap(samples: readonly SpanSample[]): SpanOverlap {
  let overlap = 0;
  let predicted = 0;
  let gold = 0;
  for (const s of samples) {
    const p = coveredChars(s.predicted);
    const g = coveredChars(s.gold);
    predicted += p.size;
    gold += g.size;
    for (const i of p) if (g.has(i)) overlap++;
  }
  const precision = predicted === 0 ? 0 : overlap / predicted;
  const recall = gold === 0 ? 0 : overlap / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { overlap, predicted, gold, precision, recall, f1 };
}
