/**
 * IDF-weighted term sets and the overlap measures over them (weighted Dice, containment, TF-IDF cosine).
 *
 * Documents are token lists (usually the content stems of one sentence). A term seen in every document
 * of the collection weighs little; a rare term (a name, a number) weighs a lot, so two sentences that
 * share "Kessington", "1,200" and "evacuated" score higher than two that share "said" and "town".
 */
import { countSharedSorted } from '../text/sorted.js';

export class TermWeights {
  private readonly df = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  private docs = 0;

  constructor(docs: Iterable<readonly string[]> = []) {
    for (const d of docs) this.add(d);
  }

  /** Adds one document (its distinct terms count once). */
  add(doc: readonly string[]): void {
    this.addDistinct(new Set(doc));
  }

  /** Adds one document given as its distinct terms (what `add` counts, for callers that have them). */
  addDistinct(terms: Iterable<string>): void {
    this.docs++;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  get documentCount(): number {
    return this.docs;
  }

  /** Number of term ids handed out so far (every id is below it). */
  get termCount(): number {
    return this.ids.size;
  }

  /** Smoothed IDF: ln(1 + (N + 1) / (df + 0.5)); unseen terms get the rarest weight. Always > 0. */
  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.docs + 1) / (df + 0.5));
  }

  /** A dense integer id for a term (stable within this instance), for fast sorted-array sets. */
  id(term: string): number {
    let i = this.ids.get(term);
    if (i === undefined) {
      i = this.ids.size;
      this.ids.set(term, i);
    }
    return i;
  }

  /** The distinct terms of `doc` as a weighted set. */
  set(doc: readonly string[]): WeightedSet {
    const uniq = [...new Set(doc)].map((t) => ({ id: this.id(t), w: this.idf(t) }));
    uniq.sort((a, b) => a.id - b.id);
    const ids = new Int32Array(uniq.length);
    const w = new Float64Array(uniq.length);
    let total = 0;
    uniq.forEach((u, k) => {
      ids[k] = u.id;
      w[k] = u.w;
      total += u.w;
    });
    return { ids, w, total };
  }
}

/** A set of term ids (sorted ascending) with a weight each and their sum. */
export interface WeightedSet {
  ids: Int32Array;
  w: Float64Array;
  total: number;
}

/** Sum of the weights of the terms the two sets share (each term's weight taken from `a`). */
export function sharedWeight(a: WeightedSet, b: WeightedSet): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      s += a.w[i]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Weighted Dice coefficient 2·|a∩b| / (|a| + |b|), in 0..1. */
export function weightedDice(a: WeightedSet, b: WeightedSet): number {
  const d = a.total + b.total;
  return d === 0 ? 0 : (2 * sharedWeight(a, b)) / d;
}

/** Weighted containment |a∩b| / |a|: how much of `a` is found in `b`, in 0..1. */
export function weightedContainment(a: WeightedSet, b: WeightedSet): number {
  return a.total === 0 ? 0 : sharedWeight(a, b) / a.total;
}

/** Number of shared terms. */
export function sharedCount(a: WeightedSet, b: WeightedSet): number {
  return countSharedSorted(a.ids, b.ids);
}


/** Cosine of the TF-IDF vectors of two token lists (term frequency counts, IDF from `weights`). */
export function tfidfCosine(a: readonly string[], b: readonly string[], weights: TermWeights): number {
  const va = tfidf(a, weights);
  const vb = tfidf(b, weights);
  let dot = 0;
  for (const [t, x] of va) {
    const y = vb.get(t);
    if (y !== undefined) dot += x * y;
  }
  const na = norm(va);
  const nb = norm(vb);
  return na === 0 || nb === 0 ? 0 : dot / (na * nb);
}

function tfidf(doc: readonly string[], weights: TermWeights): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of doc) m.set(t, (m.get(t) ?? 0) + 1);
  for (const [t, c] of m) m.set(t, c * weights.idf(t));
  return m;
}

function norm(v: Map<string, number>): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** Plain (unweighted) Dice over distinct items. */
export function dice<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = asSet(a);
  const sb = asSet(b);
  if (sa.size + sb.size === 0) return 0;
  return (2 * intersectionSize(sa, sb)) / (sa.size + sb.size);
}

/** Plain containment |a∩b| / |a| over distinct items. */
export function containment<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = asSet(a);
  const sb = asSet(b);
  if (sa.size === 0) return 0;
  return intersectionSize(sa, sb) / sa.size;
}

/** A set as it is (not copied: these measures are hot in compare), anything else collected into one. */
function asSet<T>(items: Iterable<T>): ReadonlySet<T> {
  return items instanceof Set ? (items as ReadonlySet<T>) : new Set(items);
}

/** Whether a and b share an element, iterating the smaller set (stops at the first). */
export function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) return true;
  return false;
}

/** |a ∩ b|, iterating the smaller set. */
export function intersectionSize<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n;
}
