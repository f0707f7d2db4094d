/**
 * Fitting the derivation thresholds on labelled pairs (used by scripts/train-derivation.ts and by the
 * cross-validation in eval/derivation.ts). Two steps, each an exhaustive search over the midpoints
 * between the observed scores:
 *  1. `derivedMin` on the copy score (stem-bigram containment): maximises the F1 of derived (cut, light,
 *     heavy) vs non;
 *  2. `lightMin` ≤ `cutMin` on the reuse score (Greedy-String-Tiling coverage), among the pairs step 1 calls
 *     derived: maximises the number of correct levels (heavy < lightMin ≤ light < cutMin ≤ cut).
 * Ties between equally good thresholds take the middle one of the tied candidates (in sorted order), so
 * the result is deterministic and sits away from the training points.
 */
import type { DerivationLevel, DerivationThresholds } from './types.js';

export interface LabelledScores {
  copy: number;
  reuse: number;
  level: DerivationLevel;
}

/** Candidate thresholds: below the smallest value, every midpoint, above the largest. */
function midpoints(values: readonly number[]): number[] {
  const u = [...new Set(values)].sort((a, b) => a - b);
  if (u.length === 0) return [0.5];
  const out = [u[0]! - 1e-6];
  for (let i = 1; i < u.length; i++) out.push((u[i - 1]! + u[i]!) / 2);
  out.push(u[u.length - 1]! + 1e-6);
  return out;
}

function middle<T>(xs: readonly T[]): T {
  return xs[Math.floor((xs.length - 1) / 2)]!;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function fitThresholds(items: readonly LabelledScores[]): DerivationThresholds {
  // Step 1: derived vs non on the copy score.
  let bestF1 = -1;
  let ties: number[] = [];
  for (const t of midpoints(items.map((x) => x.copy))) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const x of items) {
      const predicted = x.copy >= t;
      const gold = x.level !== 'non';
      if (predicted && gold) tp++;
      else if (predicted) fp++;
      else if (gold) fn++;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      ties = [t];
    } else if (Math.abs(f1 - bestF1) <= 1e-12) ties.push(t);
  }
  const derivedMin = middle(ties);
  // Step 2: heavy / light / cut on the reuse score among the pairs called derived.
  const called = items.filter((x) => x.copy >= derivedMin);
  const cands = midpoints(called.map((x) => x.reuse));
  let bestCorrect = -1;
  let pairs: [number, number][] = [];
  for (let i = 0; i < cands.length; i++) {
    for (let j = i; j < cands.length; j++) {
      const lightMin = cands[i]!;
      const cutMin = cands[j]!;
      let correct = 0;
      for (const x of called) if (levelOfReuse(x.reuse, lightMin, cutMin) === x.level) correct++;
      if (correct > bestCorrect) {
        bestCorrect = correct;
        pairs = [[lightMin, cutMin]];
      } else if (correct === bestCorrect) pairs.push([lightMin, cutMin]);
    }
  }
  const [lightMin, cutMin] = middle(pairs);
  return { derivedMin: round6(derivedMin), lightMin: round6(lightMin), cutMin: round6(cutMin) };
}

/** The level of a pair already called derived, from its reuse score. */
export function levelOfReuse(reuse: number, lightMin: number, cutMin: number): Exclude<DerivationLevel, 'non'> {
  return reuse >= cutMin ? 'cut' : reuse >= lightMin ? 'light' : 'heavy';
}
