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

  /** The candidates of item `i`, leaving out those `skip` rejects (e.g. the item itself). */
  of(i: number, skip: (j: number) => boolean): number[] {
    const shared = this.shared;
    const candidates: number[] = [];
    for (const t of this.terms[i]!) {
      const list = this.postings.get(t)!;
      const [from, to] = windowAround(list, i, this.window);
      for (let p = from; p < to; p++) {
        const j = list[p]!;
        if (skip(j)) continue;
        if (shared[j] === 0) candidates.push(j);
        shared[j]!++;
      }
    }
    candidates.sort((x, y) => shared[y]! - shared[x]! || Math.abs(x - i) - Math.abs(y - i) || x - y);
    for (const j of candidates) shared[j] = 0;
    return candidates;
  }
}

/** The index range [from, to) of at most `size` entries of the ascending `list` nearest to the value `i`. */
export function windowAround(list: readonly number[], i: number, size: number): [number, number] {
  if (list.length <= size) return [0, list.length];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.min(Math.max(0, lo - (size >> 1)), list.length - size);
  return [from, from + size];
}
