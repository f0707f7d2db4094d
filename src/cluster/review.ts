/**
 * The batch decision over a review's neighbourhood (src/cluster/online.ts `recluster`) in about linear time
 * when stories are made of near-copies: average link at the clustering threshold, then the small-group rescue,
 * as `cluster` does — but over copy groups instead of articles.
 *
 * 1. Copy groups: articles are taken in order; each joins the first of the (at most `COPY_CHECKS`) groups that
 *    share the most candidate keys with it whose founding article it links to at ≥ `copyLink`, else founds a
 *    group. Near-copies (republished wire copy, light rewrites) link at ~1.0 with each other: on the
 *    real-derived corpus (first 4,000 articles) 99.8% of same-source pairs link at ≥ 0.999, no pair of
 *    different events does (of ~6 million); in ECB+ the 502 pairs at ≥ 0.999 are all of one gold story.
 *    Average link would merge such articles first anyway (they are each other's nearest neighbours far above
 *    the threshold), so a group is merged in advance.
 * 2. The link of two groups is the average link of their articles, estimated on up to `sample` articles of
 *    each (evenly spread over the group, the founder first); exact when both groups have at most `sample`
 *    articles. Copies link alike to everything else, so a few stand for all of them.
 * 3. Average link and the rescue on the groups, weighted by their articles (a group of k articles counts as k
 *    articles merged beforehand: the same cluster averages), then the groups' articles.
 * The link matrix is that of the samples: (groups × sample)² instead of articles² pairs; without copies
 * (every group one article) it is the full matrix and the result is the batch decision's exactly.
 * Deterministic: no clocks, no random numbers; ties as in `averageLinkClusters`.
 */
import { averageLinkClusters } from './average-link.js';
import { attachSmallGroups } from './small-groups.js';

/** What the review needs of the online model (a subset of `OnlineModel`). */
export interface ReviewModel<S> {
  candidateKeys(signature: S): readonly number[];
  link(a: S, b: S): number;
  linkMatrix?(signatures: readonly S[]): Float64Array[];
  threshold: number;
  rescueThreshold: number;
  rescueMaxSize: number;
}

export interface ReviewOptions {
  /** Link with a group's founder at or above which an article joins the group in advance (above 1: no groups). */
  copyLink: number;
  /** Articles per group in the estimate of group-to-group links. */
  sample: number;
  /**
   * Articles per story (spread over the story) in the story-to-story link that decides whether a neighbouring
   * story joins a review's neighbourhood (src/cluster/online.ts `recluster`).
   */
  storySample: number;
}

/**
 * Chosen on the real-derived corpus (bench/real-corpus.ts, 20,000 articles, B³ F1 against the true events) and
 * on ECB+ through ingest (held-out topics, file order and 15 shuffles; `npm run eval -- --only clustering` shows 4):
 * - copyLink 0.999: at 0.98 different outlets' retellings of an ECB+ event are grouped too and the ECB+ F1 in
 *   file order drops 0.007; at 0.999 the mean over the 16 orders is 0.9556 (0.9561 without copy groups);
 * - sample 2: real-derived B³ F1 0.938 (3: 0.935, 1: 0.929; ±0.004 between nearby settings is noise), ECB+
 *   mean 0.9556 (3: 0.9559, every article: 0.9564), with 4/9 of the link pairs of 3;
 * - storySample 4: real-derived B³ as with 12, ECB+ mean 0.9556 (12: 0.9563; the eval's 4 orders the same), with
 *   7 times fewer links.
 * (Before copy groups, with the full matrix and 12 members per story: ECB+ mean 0.9568, real-derived 0.934.)
 */
export const REVIEW_DEFAULTS: ReviewOptions = { copyLink: 0.999, sample: 2, storySample: 4 };

/** Groups an article is checked against (those sharing the most candidate keys with it). */
const COPY_CHECKS = 3;

/** What a review computed. */
export interface ReviewResult {
  /** The partition of the articles (indices into the input), each sorted, ordered by first article. */
  groups: number[][];
  /** Copy groups formed (= articles when there are no near-copies). */
  copyGroups: number;
  /** Articles in the sampled link matrix. */
  sampled: number;
}

/**
 * The batch decision on `signatures` (see the module comment). `groups`: the copy groups when the caller has them
 * (indices into `signatures`, each ascending, groups ordered by their first index; e.g. each story's own, kept
 * while the story does not change), else `copyGroups` of all.
 */
export function reviewPartition<S>(
  signatures: readonly S[],
  model: ReviewModel<S>,
  options: ReviewOptions = REVIEW_DEFAULTS,
  groups?: readonly (readonly number[])[],
): ReviewResult {
  const n = signatures.length;
  const copies = groups ?? copyGroups(signatures, model, options.copyLink);
  const m = copies.length;
  // Samples: indices into `signatures`, per group a slice of `sampled`.
  const sampleStart = new Int32Array(m + 1);
  const sampled: number[] = [];
  copies.forEach((group, g) => {
    sampleStart[g] = sampled.length;
    const k = Math.min(options.sample, group.length);
    for (let j = 0; j < k; j++) sampled.push(group[Math.floor((j * group.length) / k)]!);
  });
  sampleStart[m] = sampled.length;
  const sigs = sampled.map((i) => signatures[i]!);
  const links = model.linkMatrix ? model.linkMatrix(sigs) : pairwise(sigs, (a, b) => model.link(a, b));
  let similarity: Float64Array[];
  let weights: number[] | undefined;
  if (m === n) {
    // No copies: the articles' own matrix (the samples are the articles, in order).
    similarity = links;
  } else {
    similarity = Array.from({ length: m }, () => new Float64Array(m));
    for (let a = 0; a < m; a++) {
      similarity[a]![a] = 1;
      for (let b = a + 1; b < m; b++) {
        let sum = 0;
        for (let i = sampleStart[a]!; i < sampleStart[a + 1]!; i++) {
          const row = links[i]!;
          for (let j = sampleStart[b]!; j < sampleStart[b + 1]!; j++) sum += row[j]!;
        }
        const average = sum / ((sampleStart[a + 1]! - sampleStart[a]!) * (sampleStart[b + 1]! - sampleStart[b]!));
        similarity[a]![b] = average;
        similarity[b]![a] = average;
      }
    }
    weights = copies.map((g) => g.length);
  }
  const { threshold, rescueThreshold, rescueMaxSize } = model;
  const clusters = attachSmallGroups(averageLinkClusters(similarity, threshold, weights), similarity, rescueThreshold, rescueMaxSize, weights);
  const partition = m === n ? clusters : clusters.map((c) => c.flatMap((g) => copies[g]!).sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
  return { groups: partition, copyGroups: m, sampled: sampled.length };
}

/**
 * Copy groups (indices into `signatures`, each in input order; groups in order of their founders). An
 * article's candidates are the groups of the latest articles before it with one of its candidate keys.
 */
export function copyGroups<S>(signatures: readonly S[], model: Pick<ReviewModel<S>, 'candidateKeys' | 'link'>, copyLink: number): number[][] {
  if (copyLink > 1) return signatures.map((_, i) => [i]);
  const groups: number[][] = [];
  // Per key, the group of the latest article that had it.
  const groupOfKey = new Map<number, number>();
  const candidates: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < signatures.length; i++) {
    const signature = signatures[i]!;
    const keys = model.candidateKeys(signature);
    candidates.length = 0;
    counts.length = 0;
    for (const key of keys) {
      const g = groupOfKey.get(key);
      if (g === undefined) continue;
      const at = candidates.indexOf(g);
      if (at >= 0) counts[at]!++;
      else {
        candidates.push(g);
        counts.push(1);
      }
    }
    let chosen = -1;
    // Most shared keys first, then the older group (a selection: candidates are few).
    for (let r = 0; r < COPY_CHECKS && candidates.length > 0; r++) {
      let best = 0;
      for (let c = 1; c < candidates.length; c++) if (counts[c]! > counts[best]! || (counts[c] === counts[best] && candidates[c]! < candidates[best]!)) best = c;
      const g = candidates[best]!;
      if (model.link(signature, signatures[groups[g]![0]!]!) >= copyLink) {
        chosen = g;
        break;
      }
      candidates[best] = candidates[candidates.length - 1]!;
      counts[best] = counts[counts.length - 1]!;
      candidates.pop();
      counts.pop();
    }
    if (chosen < 0) {
      chosen = groups.length;
      groups.push([i]);
    } else groups[chosen]!.push(i);
    for (const key of keys) groupOfKey.set(key, chosen);
  }
  return groups;
}

function pairwise<S>(signatures: readonly S[], link: (a: S, b: S) => number): Float64Array[] {
  const n = signatures.length;
  const m = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    m[i]![i] = 1;
    for (let j = i + 1; j < n; j++) m[i]![j] = m[j]![i] = link(signatures[i]!, signatures[j]!);
  }
  return m;
}
