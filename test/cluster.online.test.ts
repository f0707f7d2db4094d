import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnlineClusterer, type OnlineModel } from '../src/cluster/online.js';

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

test('online: the rescue lets a weaker match join a story bigger than rescueMaxSize, never a lone article', () => {
  // Link of "a b c x" with each of the story's "a b c d" members = 3/5 ≥ 0.5; "a b y z" with them = 2/6 ≈ 0.33: rescue.
  const { placements } = run(['a b c d', 'a b c d', 'a b y z']);
  assert.deepEqual(placements.map((p) => p.story), ['s-h0', 's-h0', 's-h0']);
  // Against a lone article (size 1 = rescueMaxSize) the same weak match founds a new story.
  const lone = run(['a b c d', 'a b y z']);
  assert.deepEqual(lone.placements.map((p) => p.story), ['s-h0', 's-h1']);
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
