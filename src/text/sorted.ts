/** Searches over ascending lists of numbers, and the top of a weighted list. */

/** The index of the first entry of the ascending `list` that is not below `x` (list.length when none). */
export function lowerBound(list: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values two ascending lists without repeats have in common (a merge walk). */
export function countSharedSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * Ids of the `k` highest weights, highest first (ties: the smaller id first), deterministic; one pass (insertion
 * into a list of at most k).
 */
export function topTerms(bag: { readonly ids: ArrayLike<number>; readonly weights: ArrayLike<number> }, k: number): number[] {
  const best: number[] = []; // indices into bag, best first
  const before = (i: number, j: number): boolean => bag.weights[i]! > bag.weights[j]! || (bag.weights[i] === bag.weights[j] && bag.ids[i]! < bag.ids[j]!);
  for (let i = 0; i < bag.ids.length; i++) {
    if (best.length === k && !before(i, best[k - 1]!)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && before(i, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  return best.map((i) => bag.ids[i]!);
}
