/**
 * Rescue of small groups after average-link clustering: a group of at most `maxSize` items (a lone
 * article, a pair) joins the larger group (more than `maxSize` items) with which its average link over all
 * cross pairs is highest, when that average reaches `threshold` (lower than the clustering threshold).
 * The groups are those average link formed — one rescue does not change the averages of another — so the
 * result does not depend on the order of the groups.
 * Online analogue: a new article joins an existing story of more than `maxSize` articles at average link
 * ≥ `threshold`, and a story of at most `maxSize` articles is merged into such a story at the same
 * average; stories of that size pair up with each other only at the clustering threshold.
 * Input groups as `averageLinkClusters` returns them; output groups sorted the same way.
 * `weights` (default all 1): as in `averageLinkClusters`, items standing for several articles; sizes and
 * averages are then over articles.
 */
export function attachSmallGroups(
  groups: readonly (readonly number[])[],
  similarity: readonly Float64Array[],
  threshold: number,
  maxSize: number,
  weights?: readonly number[],
): number[][] {
  const out = groups.map((g) => [...g]);
  const w = (i: number): number => (weights ? weights[i]! : 1);
  const sizeOf = (g: readonly number[]): number => (weights ? g.reduce((sum, i) => sum + w(i), 0) : g.length);
  const sizes = groups.map(sizeOf);
  const targets = groups.map((g, k) => ({ g, k })).filter(({ k }) => sizes[k]! > maxSize);
  const moved: { from: number; to: number }[] = [];
  groups.forEach((g, from) => {
    if (sizes[from]! > maxSize || targets.length === 0) return;
    let best = -1;
    let bestAverage = -Infinity;
    for (const { g: members, k } of targets) {
      let sum = 0;
      for (const i of g) {
        const row = similarity[i]!;
        if (weights) for (const m of members) sum += w(i) * w(m) * row[m]!;
        else for (const m of members) sum += row[m]!;
      }
      const average = sum / (sizes[k]! * sizes[from]!);
      if (average > bestAverage) {
        bestAverage = average;
        best = k;
      }
    }
    if (bestAverage >= threshold) moved.push({ from, to: best });
  });
  for (const { from, to } of moved) {
    out[to]!.push(...out[from]!);
    out[from] = [];
  }
  return out
    .filter((g) => g.length > 0)
    .map((g) => g.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
}
