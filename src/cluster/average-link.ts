/**
 * Average-link agglomerative clustering cut at a similarity threshold, by the nearest-neighbour-chain
 * algorithm: O(n²) time over a precomputed similarity matrix, deterministic (ties go to the lower index).
 * Returns groups of item indices, each sorted, groups ordered by their first item.
 *
 * `weights` (default all 1): items that stand for several articles each (groups merged beforehand, e.g.
 * near-copies: ./review.ts), with `similarity` between two items the average over their articles' pairs;
 * the cluster-to-cluster averages are then those of the articles, as if each item's articles had merged first.
 */
export function averageLinkClusters(similarity: readonly Float64Array[], threshold: number, weights?: readonly number[]): number[][] {
  const n = similarity.length;
  // Working copy of cluster-to-cluster average similarities, updated by Lance–Williams.
  const sim = similarity.map((row) => Float64Array.from(row));
  const size = weights ? Array.from({ length: n }, (_, i) => weights[i]!) : new Array<number>(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const active = new Set<number>(Array.from({ length: n }, (_, i) => i));
  const done: number[][] = [];
  const chain: number[] = [];

  while (active.size > 0) {
    if (active.size === 1) {
      const [last] = active;
      done.push(members[last!]!);
      break;
    }
    if (chain.length === 0) chain.push(Math.min(...active));
    const c = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let best = -1;
    let bestSim = -Infinity;
    for (const x of active) {
      if (x === c) continue;
      const s = sim[c]![x]!;
      if (s > bestSim || (s === bestSim && (x === previous || (best !== previous && x < best)))) {
        best = x;
        bestSim = s;
      }
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    // c and previous are reciprocal nearest neighbours.
    chain.pop();
    chain.pop();
    if (bestSim < threshold) {
      // Reducibility: neither can reach the threshold with anything else any more.
      for (const k of [c, previous]) {
        active.delete(k);
        done.push(members[k]!);
      }
      chain.length = 0;
      continue;
    }
    const [keep, drop] = c < previous ? [c, previous] : [previous, c];
    for (const x of active) {
      if (x === keep || x === drop) continue;
      const merged = (size[keep]! * sim[keep]![x]! + size[drop]! * sim[drop]![x]!) / (size[keep]! + size[drop]!);
      sim[keep]![x] = merged;
      sim[x]![keep] = merged;
    }
    size[keep] = size[keep]! + size[drop]!;
    members[keep] = members[keep]!.concat(members[drop]!);
    active.delete(drop);
  }
  return done.map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}
