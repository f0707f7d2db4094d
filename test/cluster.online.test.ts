import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnlineClusterer, type OnlineModel } from '../src/cluster/online.js';
import { averageLinkClusters } from '../src/cluster/average-link.js';
import { attachSmallGroups } from '../src/cluster/small-groups.js';
import { topTerms } from '../src/cluster/online-model.js';

/** A toy model: an article is a set of words; link = Jaccard; keys = the words' codes. */
type Sig = ReadonlySet<string>;
const sig = (text: string): Sig => new Set(text.split(' '));
const key = (w: string): number => [...w].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) | 0;
function toyModel(threshold = 0.5, rescueThreshold = 0.3, rescueMaxSize = 1): OnlineModel<Sig> & { observed: number } {
  return {
    observed: 0,
    candidateKeys: (s) => [...s].map(key),
    link: (a, b) => [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size,
    observe() {
      this.observed++;
    },
    threshold,
    rescueThreshold,
    rescueMaxSize,
  };
}

function run(texts: string[], model = toyModel(), published: number[] = []) {
  const sigs = texts.map(sig);
  const c = new OnlineClusterer(model, (seq) => sigs[seq]!);
  const placements = texts.map((_, seq) => c.place({ seq, signature: sigs[seq]!, published: published[seq] ?? NaN, hash: `h${seq}` }));
  return { c, placements, model };
}

test('online: similar articles join one story, an unrelated one founds its own; ids come from the founder', () => {
  const { c, placements, model } = run(['flood river town rescue', 'flood river town boats', 'fire warehouse harbour night', 'flood river town rescue boats']);
  assert.deepEqual(
    placements.map((p) => [p.story, p.created]),
    [
      ['s-h0', true],
      ['s-h0', false],
      ['s-h2', true],
      ['s-h0', false],
    ],
  );
  assert.deepEqual([...c.liveStories()].map((s) => [s.id, [...s.members]]), [
    ['s-h0', [0, 1, 3]],
    ['s-h2', [2]],
  ]);
  assert.equal(model.observed, 4);
});

test('online: no rescue at placement (a lone article\'s partner may come later); the review rescues into a bigger story', () => {
  // Link of "a b y z" with each "a b c d" member = 2/6 ≈ 0.33: below the threshold, above the rescue threshold.
  const { c, placements } = run(['a b c d', 'a b c d', 'a b y z']);
  assert.deepEqual(placements.map((p) => p.story), ['s-h0', 's-h0', 's-h2']);
  assert.deepEqual(c.recluster(['s-h0', 's-h2'], 100).merged, [{ from: 's-h2', into: 's-h0' }]);
  assert.equal(c.resolve('s-h2'), 's-h0');
  // Against a lone article (size 1 = rescueMaxSize) nothing is rescued.
  const lone = run(['a b c d', 'a b y z']);
  assert.deepEqual(lone.c.recluster(['s-h0', 's-h1'], 100).merged, []);
});

test('online: an article that bridges two close stories merges them into the older one, and the merge is reported', () => {
  // s-h0 = {a b c d e f}, s-h1 = {a b c g h i}: link 3/9 < 0.35, apart. The bridge links both at 6/9; then the
  // stories' average link (s-h0 now holds the bridge) is (3/9 + 6/9) / 2 = 0.5 ≥ 0.35: merged.
  const model = toyModel(0.35, 0.9, 0);
  const { c, placements } = run(['a b c d e f', 'a b c g h i', 'a b c d e f g h i'], model);
  assert.equal(placements[1]!.created, true);
  assert.deepEqual(placements[2], { story: 's-h0', created: false, merged: ['s-h1'], score: placements[2]!.score });
  assert.equal(c.resolve('s-h1'), 's-h0');
  assert.deepEqual([...c.liveStories()].map((s) => [s.id, [...s.members]]), [['s-h0', [0, 1, 2]]]);
});

test('online: a story that has gone cold takes no more articles (both dates known)', () => {
  const day = 86_400_000;
  const { placements } = run(['flood river town rescue', 'flood river town rescue'], toyModel(), [0, 30 * day]);
  assert.deepEqual(placements.map((p) => p.created), [true, true]);
  const undated = run(['flood river town rescue', 'flood river town rescue'], toyModel(), [0, NaN]);
  assert.deepEqual(undated.placements.map((p) => p.created), [true, false]);
});

test('online: the same input in the same order gives the same stories', () => {
  const texts = ['a b c', 'a b d', 'x y z', 'a b c d', 'x y w', 'q r s'];
  const one = run(texts).placements;
  const two = run(texts).placements;
  assert.deepEqual(one, two);
});

test('online: recluster gives the batch partition of the neighbourhood and keeps the ids of the stories it matches', () => {
  const texts = ['a b c d', 'x y z w', 'a b c e', 'x y z q', 'a b y z', 'a b c d e', 'x y w q', 'm n o p', 'a c d e'];
  const model = toyModel(0.4, 0.3, 1);
  const { c } = run(texts, model);
  const before = new Map([...c.liveStories()].map((s) => [s.id, [...s.members]]));
  const change = c.recluster([...before.keys()], 100);
  assert.equal(change.articles, texts.length);
  // The batch decision on the same links.
  const sigs = texts.map(sig);
  const m = sigs.map((a) => Float64Array.from(sigs, (b) => (a === b ? 1 : model.link(a, b))));
  const batch = attachSmallGroups(averageLinkClusters(m, 0.4), m, 0.3, 1).map((g) => [...g].sort((x, y) => x - y));
  const after = [...c.liveStories()].map((s) => [...s.members]);
  const canon = (groups: number[][]) => groups.map((g) => g.join(',')).sort();
  assert.deepEqual(canon(after), canon(batch));
  // Every move landed where it says; merged ids resolve to live stories; live stories keep old ids where matched.
  for (const { seq, to } of change.moved) assert.ok([...c.liveStories()].find((s) => s.id === to)!.members.includes(seq));
  for (const { from, into } of change.merged) assert.equal(c.resolve(from), c.resolve(into));
  const live = new Set([...c.liveStories()].map((s) => s.id));
  for (const id of live) assert.ok(before.has(id) || change.created.some((x) => x.id === id), id);
  // Idempotent: a second recluster changes nothing.
  const again = c.recluster([...live], 100);
  assert.deepEqual([again.created, again.moved, again.merged], [[], [], []]);
});

test('topTerms: the k highest weights in one pass, highest first, ties to the smaller id (as a full sort gives)', () => {
  const ids = Uint32Array.from([50, 10, 40, 20, 30, 60, 70]);
  const weights = Float64Array.from([0.5, 0.9, 0.5, 0.1, 0.9, 0.3, 0.5]);
  assert.deepEqual(topTerms({ ids, weights }, 4), [10, 30, 40, 50]);
  assert.deepEqual(topTerms({ ids, weights }, 10), [10, 30, 40, 50, 70, 60, 20]);
  assert.deepEqual(topTerms({ ids: new Uint32Array(0), weights: new Float64Array(0) }, 3), []);
  // Against a full sort on a pseudo-random bag with many ties.
  const n = 300;
  const rids = Uint32Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 0);
  const rw = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 13) / 13);
  const sorted = Array.from(rids.keys()).sort((a, b) => rw[b]! - rw[a]! || rids[a]! - rids[b]!).map((i) => rids[i]!);
  assert.deepEqual(topTerms({ ids: rids, weights: rw }, 6), sorted.slice(0, 6));
});
