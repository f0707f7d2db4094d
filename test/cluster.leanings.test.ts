import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../src/analyse/index.js';
import { clusterArticles } from '../src/cluster/index.js';
import { CorpusIngester } from '../src/corpus/ingest.js';
import { openStore } from '../src/store/index.js';
import type { Article } from '../src/types.js';
import { articleStoryFeatures, STORY_SIMILARITY, storyLinkProbability } from '../src/cluster/similarity-matrix.js';
import { timeGap } from '../src/cluster/signature-decision.js';
import { DISTRACTORS, LATE_COPY, LATER_EVENT, VELLAN_STRIKE, VELLAN_STRIKE_HARDER } from './fixtures/cluster/leanings.js';

const noVectors = { get: () => undefined };
const ids = (list: readonly Article[]): string[] => list.map((a) => a.id);

/** The same kind of event elsewhere, and another event in the same place and day: each a story of its own. */
function assertDistractorsAlone(stories: readonly string[][]): void {
  for (const d of DISTRACTORS) assert.ok(stories.some((s) => s.join() === d.id), `${d.id} alone: ${JSON.stringify(stories)}`);
}

test('one event told by five outlets from left to right, in their own words and frames, is one story (batch clustering)', () => {
  const analysed = [...VELLAN_STRIKE, ...DISTRACTORS].map((a) => analyse(a));
  const stories = clusterArticles(analysed, noVectors).map((s) => [...s.articles].sort());
  assert.ok(stories.some((s) => s.join() === ids(VELLAN_STRIKE).sort().join()), JSON.stringify(stories));
  assertDistractorsAlone(stories);
});

test('an opinion piece that names almost no slot, a one-line brief and a next-day follow-up join the same story', () => {
  const all = [...VELLAN_STRIKE, ...VELLAN_STRIKE_HARDER];
  const analysed = [...all, ...DISTRACTORS].map((a) => analyse(a));
  const stories = clusterArticles(analysed, noVectors).map((s) => [...s.articles].sort());
  assert.ok(stories.some((s) => s.join() === ids(all).sort().join()), JSON.stringify(stories));
  assertDistractorsAlone(stories);
});

test('corpus ingest places every telling (the harder ones too) in one story and keeps the distractors out of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-leanings-'));
  try {
    const store = openStore(join(dir, 'news.db'));
    // Publication order, the distractors in between (as a feed would bring them).
    const order = [...VELLAN_STRIKE, ...VELLAN_STRIKE_HARDER, ...DISTRACTORS].sort((a, b) => (a.published! < b.published! ? -1 : 1));
    async function* items(): AsyncGenerator<Article> {
      yield* order;
    }
    await new CorpusIngester(store).ingest(items());
    const storyOf = new Map<string, string>();
    for (const s of store.listStories({ limit: 100 })) for (const a of store.articlesOf(s.id)) storyOf.set(a.id, s.id);
    assert.equal(storyOf.size, VELLAN_STRIKE.length + VELLAN_STRIKE_HARDER.length + DISTRACTORS.length);
    const strike = new Set([...VELLAN_STRIKE, ...VELLAN_STRIKE_HARDER].map((a) => storyOf.get(a.id)));
    assert.equal(strike.size, 1, JSON.stringify(Object.fromEntries(storyOf)));
    for (const d of DISTRACTORS) assert.ok(!strike.has(storyOf.get(d.id)), `${d.id} kept apart`);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('publication time: the same topic a week later is a new story, and a near-copy told four days late joins its event', () => {
  const all = [...VELLAN_STRIKE, ...VELLAN_STRIKE_HARDER, LATE_COPY];
  const stories = clusterArticles([...all, LATER_EVENT, ...DISTRACTORS].map((a) => analyse(a)), noVectors).map((s) => [...s.articles].sort());
  assert.ok(stories.some((s) => s.join() === ids(all).sort().join()), JSON.stringify(stories));
  assert.ok(stories.some((s) => s.join() === LATER_EVENT.id), `the pay deal alone: ${JSON.stringify(stories)}`);
  assertDistractorsAlone(stories);
});

test('the time term is what separates the later event: without it the pay deal links to the strike reports', () => {
  const articles = [VELLAN_STRIKE[2]!, LATER_EVENT, LATE_COPY];
  const [wire, deal, copy] = articleStoryFeatures(articles);
  const untimed = { ...STORY_SIMILARITY, timeWeight: 0 };
  assert.ok(storyLinkProbability(wire!, deal!, untimed) >= STORY_SIMILARITY.threshold, 'without time the shared slots link them');
  assert.ok(storyLinkProbability(wire!, deal!) < STORY_SIMILARITY.threshold, 'a week apart they do not');
  assert.ok(storyLinkProbability(wire!, copy!) > 0.9, 'the near-copy four days late still links');
  // Within a day of each other nothing changes; an article without a date gives no evidence either way.
  assert.equal(timeGap(10, 11, STORY_SIMILARITY), 0);
  assert.equal(timeGap(null, 40, STORY_SIMILARITY), 0);
  assert.equal(timeGap(10, 13, STORY_SIMILARITY), STORY_SIMILARITY.timeWeight * Math.log(3));
});
