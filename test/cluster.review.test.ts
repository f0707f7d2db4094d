import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageLinkClusters } from '../src/cluster/average-link.js';
import { attachSmallGroups } from '../src/cluster/small-groups.js';
import { copyGroups, REVIEW_DEFAULTS, reviewPartition, type ReviewModel } from '../src/cluster/review.js';
import { OnlineClusterer, type OnlineModel } from '../src/cluster/online.js';

/** A toy model (as in cluster.online.test.ts): an article is a set of words; link = Jaccard; keys = the words. */
type Sig = ReadonlySet<string>;
const sig = (text: string): Sig => new Set(text.split(' '));
const key = (w: string): number => [...w].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) | 0;
const jaccard = (a: Sig, b: Sig): number => [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;

/** The toy model, counting its work: pairs linked one by one, and pairs in the link matrices it was asked for. */
function countingModel(threshold = 0.4, rescueThreshold = 0.2, rescueMaxSize = 1): OnlineModel<Sig> & { links: number; matrixPairs: number } {
  return {
    links: 0,
    matrixPairs: 0,
    candidateKeys: (s) => [...s].map(key),
    link(a, b) {
      this.links++;
      return jaccard(a, b);
    },
    linkMatrix(signatures) {
      const n = signatures.length;
      this.matrixPairs += (n * (n - 1)) / 2;
      return signatures.map((a, i) => Float64Array.from(signatures, (b, j) => (i === j ? 1 : jaccard(a, b))));
    },
    observe() {},
    threshold,
    rescueThreshold,
    rescueMaxSize,
  };
}

/** The batch decision on the full matrix (what a review must reproduce). */
function batch(sigs: readonly Sig[], model: ReviewModel<Sig>): string[] {
  const m = sigs.map((a, i) => Float64Array.from(sigs, (b, j) => (i === j ? 1 : jaccard(a, b))));
  return canon(attachSmallGroups(averageLinkClusters(m, model.threshold), m, model.rescueThreshold, model.rescueMaxSize));
}
const canon = (groups: readonly (readonly number[])[]): string[] => groups.map((g) => [...g].sort((x, y) => x - y).join(',')).sort();

/** Event e, source s: words of the event, of the source, and (variant v) a few of the copy's own. */
function copy(e: number, s: number, v: number, own = 0): string {
  const words = [`e${e}a`, `e${e}b`, `e${e}c`, `e${e}d`, `s${e}-${s}a`, `s${e}-${s}b`, `s${e}-${s}c`];
  for (let k = 0; k < own; k++) words.push(`v${e}-${s}-${v}-${k}`);
  return words.join(' ');
}

test('weighted average link: an item of weight k gives the clusters of k identical items merged first', () => {
  // Item 0 stands for three identical articles (0, 1, 2 in the full matrix).
  const row = (xs: number[]) => Float64Array.from(xs);
  const collapsed = [row([1, 0.6, 0.1, 0.3]), row([0.6, 1, 0.2, 0.05]), row([0.1, 0.2, 1, 0.7]), row([0.3, 0.05, 0.7, 1])];
  const expand = [0, 0, 0, 1, 2, 3];
  const full = expand.map((a, i) => Float64Array.from(expand, (b, j) => (i === j || a === b ? 1 : collapsed[a]![b]!)));
  for (const t of [0.2, 0.35, 0.5, 0.65]) {
    const weighted = averageLinkClusters(collapsed, t, [3, 1, 1, 1]).map((g) => g.flatMap((x) => expand.flatMap((y, i) => (y === x ? [i] : []))));
    assert.deepEqual(canon(weighted), canon(averageLinkClusters(full, t)), `threshold ${t}`);
  }
  // The rescue counts articles: an item of weight 2 is no lone article.
  const m = [row([1, 0.9, 0.3]), row([0.9, 1, 0.3]), row([0.3, 0.3, 1])];
  assert.deepEqual(attachSmallGroups([[0, 1], [2]], m, 0.2, 1), [[0, 1, 2]]);
  assert.deepEqual(attachSmallGroups([[0, 1], [2]], m, 0.2, 1, [1, 1, 2]), [[0, 1], [2]]);
  assert.deepEqual(attachSmallGroups([[0], [1, 2]], m, 0.2, 1, [1, 1, 1]), [[0, 1, 2]]);
});

test('copy groups: copies of one source together, other sources of the event apart', () => {
  const texts = [copy(0, 0, 0), copy(0, 1, 0), copy(0, 0, 1), copy(1, 0, 0), copy(0, 1, 1), copy(0, 0, 2), copy(0, 0, 3, 1)];
  const model = countingModel();
  assert.deepEqual(copyGroups(texts.map(sig), model, 0.999), [[0, 2, 5], [1, 4], [3], [6]]);
  // Each article is linked with at most a few founders.
  assert.ok(model.links <= 3 * texts.length, `${model.links} links`);
  assert.deepEqual(copyGroups(texts.map(sig), model, 0.8), [[0, 2, 5, 6], [1, 4], [3]]);
  assert.deepEqual(copyGroups(texts.map(sig), model, 1.5), texts.map((_, i) => [i]), 'a copy link above 1: no groups');
});

test('a review gives the groups of the full matrix: without copies exactly, with exact copies too', () => {
  // Overlapping word sets (no two alike): the review is the batch decision on the full matrix.
  const words = 'a b c d e f g h i j k l m n o p'.split(' ');
  const texts = [...new Set(Array.from({ length: 40 }, (_, i) => words.filter((_, w) => (i * 7 + w * 3) % 11 < 4 + (i % 3) || w === i % 16).join(' ')))];
  const sigs = texts.map(sig);
  for (const model of [countingModel(0.4, 0.2), countingModel(0.25, 0.1), countingModel(0.6, 0.3, 2)]) {
    const review = reviewPartition(sigs, model);
    assert.equal(review.copyGroups, texts.length);
    assert.deepEqual(canon(review.groups), batch(sigs, model));
  }
  // Three events of four sources, each source copied 1–6 times, interleaved: copies are grouped and sampled, the
  // groups are the full matrix's.
  const copies: string[] = [];
  for (let k = 0; k < 6; k++) for (let e = 0; e < 3; e++) for (let s = 0; s < 4; s++) if (k <= (e + s) % 6) copies.push(copy(e, s, k));
  copies.push('lone article about something else', `e1a e1b lone words here ${'x '.repeat(3)}`.trim());
  const csigs = copies.map(sig);
  for (const model of [countingModel(0.4, 0.2), countingModel(0.25, 0.1), countingModel(0.3, 0.05)]) {
    const review = reviewPartition(csigs, model);
    assert.ok(review.copyGroups < copies.length, `${review.copyGroups} groups of ${copies.length}`);
    assert.ok(review.sampled < copies.length);
    assert.deepEqual(canon(review.groups), batch(csigs, model));
  }
});

/** `events` events × `sources` sources, each source published `copies` times (light variants), interleaved in time. */
function bigStory(events: number, sources: number, copies: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < copies; k++) for (let e = 0; e < events; e++) for (let s = 0; s < sources; s++) out.push(copy(e, s, k));
  return out;
}

test('a big story of near-copies is reviewed with link computations bounded by its size (counted through the model)', () => {
  const work = (events: number, sources: number, copies: number) => {
    const texts = bigStory(events, sources, copies);
    const sigs = texts.map(sig);
    const model = countingModel();
    const c = new OnlineClusterer(model, (seq) => sigs[seq]!);
    texts.forEach((_, seq) => c.place({ seq, signature: sigs[seq]!, published: NaN, hash: `h${seq}` }));
    model.links = 0;
    model.matrixPairs = 0;
    const ids = [...c.liveStories()].map((s) => s.id);
    const change = c.recluster(ids, 100_000);
    const stories = [...c.liveStories()].map((s) => s.members.length).sort((a, b) => b - a);
    return { n: texts.length, computed: model.links + model.matrixPairs, articles: change.articles, stories };
  };
  // 2 events × 10 sources × 30 copies: 600 articles, the full matrix would be 179,700 pairs.
  const big = work(2, 10, 30);
  assert.equal(big.articles, 600);
  assert.deepEqual(big.stories, [300, 300], 'one story per event');
  assert.ok(big.computed < 6 * big.n, `${big.computed} links for ${big.n} articles`);
  // Twice the copies, twice the work (not four times).
  const bigger = work(2, 10, 60);
  assert.deepEqual(bigger.stories, [600, 600]);
  assert.ok(bigger.computed < 2.5 * big.computed, `${bigger.computed} vs ${big.computed}`);
  assert.ok(REVIEW_DEFAULTS.sample >= 1 && REVIEW_DEFAULTS.copyLink <= 1);
});

test('a second review of a neighbourhood that has not changed reuses its story-to-story links', () => {
  // Two events that share two words: neighbouring stories (link ~0.14, above the rescue threshold 0.1), not one.
  const texts = bigStory(2, 4, 5).map((t) => (t.startsWith('e1a') ? `${t} e0a e0b` : t));
  const sigs = texts.map(sig);
  const model = countingModel(0.4, 0.1);
  const c = new OnlineClusterer(model, (seq) => sigs[seq]!);
  texts.forEach((_, seq) => c.place({ seq, signature: sigs[seq]!, published: NaN, hash: `h${seq}` }));
  const first = [...c.liveStories()][0]!.id;
  assert.equal(c.recluster([first], 1000).stories.length, 2, 'the neighbour is in the review');
  model.links = 0;
  c.recluster([first], 1000);
  const again = model.links;
  // Only the copy groups' founder checks are linked again (one per article at most), not the 4 × 4 story samples.
  c.forgetLinks();
  model.links = 0;
  c.recluster([first], 1000);
  assert.ok(again < model.links, `${again} links with the cache, ${model.links} without`);
});

test('a story that changes is linked again: the cached story-to-story link follows its members', () => {
  // A and B share one word: story link 1/11 ≈ 0.09, under the floor of the widening (the rescue threshold 0.1).
  const texts = ['a1 a2 a3 a4 a5 x', 'a1 a2 a3 a4 a5 x', 'a1 a2 a3 a4 a5 x', 'a1 a2 a3 a4 a5 x', 'b1 b2 b3 b4 b5 x', 'b1 b2 b3 b4 b5 x', 'b1 b2 b3 b4 b5 x', 'b1 b2 b3 b4 b5 x'];
  const later = 'a1 a2 a3 a4 a5 x b1';
  const sigs = [...texts, later].map(sig);
  const model = countingModel(0.4, 0.1);
  const c = new OnlineClusterer(model, (seq) => sigs[seq]!);
  texts.forEach((_, seq) => c.place({ seq, signature: sigs[seq]!, published: NaN, hash: `h${seq}` }));
  assert.deepEqual(c.recluster(['s-h0'], 100).stories, ['s-h0'], 'B is not in A\'s neighbourhood');
  assert.equal(c.place({ seq: 8, signature: sigs[8]!, published: NaN, hash: 'h8' }).story, 's-h0');
  // A's spread sample now holds the new article: (3 × 1/11 + 2/11) / 4 ≈ 0.11 ≥ 0.1.
  assert.deepEqual(c.recluster(['s-h0'], 100).stories.sort(), ['s-h0', 's-h4']);
});
