/**
 * Scores over cross-lingual units (./crosslingual.ts). A sentence is its units, each weighted by the highest
 * IDF (over the story's sentences) among its terms, plus the set of all its terms. A unit of x is matched in y
 * when one of its terms is among y's terms.
 * - crossScore(x, y): (matched weight of x + matched weight of y) / (total weight of x + total of y) — a Dice over
 *   words, where a Russian word with four English glosses counts once.
 * - crossCoverage(x, y): matched weight of x / total weight of x — how much of x (a quotation) y states.
 */
import type { CrossUnit } from './crosslingual.js';

export interface CrossSentence {
  /** Unit weights, in unit order. */
  readonly weights: Float64Array;
  /** Term ids of each unit. */
  readonly units: readonly Int32Array[];
  /** Every term id of the sentence. */
  readonly terms: ReadonlySet<number>;
  readonly total: number;
}

/** Document frequencies of terms over a story's sentences, and the weighted sentences made with them. */
export class CrossWeights {
  private readonly ids = new Map<string, number>();
  private df: number[] = [];
  private docs = 0;

  /** Counts one sentence's terms (each once). */
  add(units: readonly CrossUnit[]): void {
    this.docs++;
    const seen = new Set<number>();
    for (const u of units) for (const t of u) seen.add(this.id(t));
    for (const id of seen) this.df[id] = (this.df[id] ?? 0) + 1;
  }

  private id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      this.df.push(0);
    }
    return id;
  }

  /** Smoothed IDF of a term id. */
  private idf(id: number): number {
    return Math.log((this.docs + 1) / ((this.df[id] ?? 0) + 1)) + 1;
  }

  sentence(units: readonly CrossUnit[]): CrossSentence {
    const ids = units.map((u) => Int32Array.from(u, (t) => this.id(t)));
    const weights = Float64Array.from(ids, (u) => u.reduce((w, id) => Math.max(w, this.idf(id)), 0));
    const terms = new Set<number>();
    for (const u of ids) for (const id of u) terms.add(id);
    return { weights, units: ids, terms, total: weights.reduce((a, b) => a + b, 0) };
  }
}

/** Weight of x's units matched in y, and how many of them. */
function matched(x: CrossSentence, y: CrossSentence): { weight: number; count: number } {
  let weight = 0;
  let count = 0;
  x.units.forEach((u, k) => {
    for (const id of u) {
      if (y.terms.has(id)) {
        weight += x.weights[k]!;
        count++;
        return;
      }
    }
  });
  return { weight, count };
}

/** Dice over words (see the module comment), and the number of x's words matched in y. */
export function crossScore(x: CrossSentence, y: CrossSentence): { score: number; shared: number } {
  if (x.total === 0 || y.total === 0) return { score: 0, shared: 0 };
  const mx = matched(x, y);
  const my = matched(y, x);
  return { score: (mx.weight + my.weight) / (x.total + y.total), shared: Math.min(mx.count, my.count) };
}

/** Share of x's word weight matched in y. */
export function crossCoverage(x: CrossSentence, y: CrossSentence): number {
  return x.total === 0 ? 0 : matched(x, y).weight / x.total;
}
