/**
 * Candidates by shared heavy terms, with bounded work per item: the retrieval step of the big-story comparison,
 * for articles (pairs.ts, nearest neighbours) and for sentences (sentence-links.ts, story-wide links).
 *
 * Each item (an article or a sentence, by its position in story order) has a few heavy term ids; an item's
 * candidates are the other items sharing at least one of its terms, counted by how many they share. A term's
 * posting list is read only in the `window` story positions nearest the item, so a term that every copy of a
 * wire carries costs a bounded amount (copies of one text are many and alike, and their neighbours link them
 * anyway). Candidates come most-shared first, then nearest in story order, then by position: deterministic.
 */
import { lowerBound } from '../text/sorted.js';

export class TermCandidates {
  private readonly postings = new Map<number, number[]>();
  private readonly shared: Int32Array;

  constructor(
    private readonly terms: readonly (readonly number[])[],
    private readonly window: number,
  ) {
    terms.forEach((ts, i) => {
      for (const t of ts) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
    this.shared = new Int32Array(terms.length);
  }

  /**
   * The candidates of item `i`, leaving out those `skip` rejects (e.g. the item itself); with `limit`, only the first
   * `limit` of them (the same ones, in the same order).
   */
  of(i: number, skip: (j: number) => boolean, limit = Infinity): number[] {
    const shared = this.shared;
    let candidates: number[] = [];
    let most = 0;
    for (const t of this.terms[i]!) {
      const list = this.postings.get(t)!;
      let from = 0;
      let to = list.length;
      if (list.length > this.window) [from, to] = windowAround(list, i, this.window);
      for (let p = from; p < to; p++) {
        const j = list[p]!;
        if (skip(j)) continue;
        if (shared[j] === 0) candidates.push(j);
        if (++shared[j]! > most) most = shared[j]!;
      }
    }
    if (candidates.length > limit) candidates = mostShared(candidates, shared, most, limit);
    sortCandidates(candidates, shared, i);
    for (const j of candidates) shared[j] = 0;
    // Counts of the candidates left out by mostShared are cleared there.
    return candidates.length > limit ? candidates.slice(0, limit) : candidates;
  }
}

function candidateBefore(x: number, y: number, shared: Int32Array, i: number): boolean {
  if (shared[x] !== shared[y]) return shared[x]! > shared[y]!;
  const dx = Math.abs(x - i);
  const dy = Math.abs(y - i);
  return dx !== dy ? dx < dy : x < y;
}

/** Most shared first, then nearest to `i`, then by position (a strict order: any sort gives the same list). */
function sortCandidates(list: number[], shared: Int32Array, i: number): void {
  if (list.length > 32) {
    list.sort((x, y) => shared[y]! - shared[x]! || Math.abs(x - i) - Math.abs(y - i) || x - y);
    return;
  }
  // Short lists (most): insertion sort, in place.
  for (let k = 1; k < list.length; k++) {
    const x = list[k]!;
    let at = k;
    while (at > 0 && candidateBefore(x, list[at - 1]!, shared, i)) {
      list[at] = list[at - 1]!;
      at--;
    }
    list[at] = x;
  }
}

/**
 * The candidates sharing at least the count of the limit-th most shared one (clearing the counts of the others):
 * the order sorts by count first, so the first `limit` are among them.
 */
function mostShared(candidates: readonly number[], shared: Int32Array, most: number, limit: number): number[] {
  const atLeast = new Int32Array(most + 2);
  for (const j of candidates) atLeast[shared[j]!]!++;
  let floor = most;
  let count = atLeast[most]!;
  while (count < limit && floor > 1) count += atLeast[--floor]!;
  const kept: number[] = [];
  for (const j of candidates) {
    if (shared[j]! >= floor) kept.push(j);
    else shared[j] = 0;
  }
  return kept;
}

/** The index range [from, to) of at most `size` entries of the ascending `list` nearest to the value `i`. */
export function windowAround(list: readonly number[], i: number, size: number): [number, number] {
  if (list.length <= size) return [0, list.length];
  const from = Math.min(Math.max(0, lowerBound(list, i) - (size >> 1)), list.length - size);
  return [from, from + size];
}
