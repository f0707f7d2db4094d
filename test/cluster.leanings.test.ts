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
import { articleStoryFeatures, STORY_SIMILARITY, storyLinkMatrix, storyLinkProbability } from '../src/cluster/similarity-matrix.js';
import { headlineNamesDisagree, timeGap, titleTerm } from '../src/cluster/signature-decision.js';
import { storySignature } from '../src/cluster/signature.js';
import { fnv1a } from '../src/similarity/minhash.js';
import { stem } from '../src/similarity/tokens.js';
import { BRIDGE_REPAIRS, BRIDGE_TOLL, DISTRACTORS, LATE_COPY, LATER_EVENT, VELLAN_STRIKE, VELLAN_STRIKE_HARDER } from './fixtures/cluster/leanings.js';

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

test('headlines: two tellings that share little but their headline are one story (batch clustering)', () => {
  const stories = clusterArticles([...VELLAN_STRIKE, ...DISTRACTORS, ...BRIDGE_TOLL].map((a) => analyse(a)), noVectors).map((s) => [...s.articles].sort());
  assert.ok(stories.some((s) => s.join() === ids(BRIDGE_TOLL).sort().join()), JSON.stringify(stories));
  assert.ok(stories.some((s) => s.join() === ids(VELLAN_STRIKE).sort().join()), JSON.stringify(stories));
  assertDistractorsAlone(stories);
});

test('the title term is what links the two toll tellings; a headline word the text names (the place) is left to the names', () => {
  const articles = [...VELLAN_STRIKE, ...DISTRACTORS, ...BRIDGE_TOLL, BRIDGE_REPAIRS];
  const features = articleStoryFeatures(articles);
  const at = (id: string) => features[articles.findIndex((a) => a.id === id)]!;
  const [left, right, repairs] = [at('toll-left'), at('toll-right'), at('bridge-repairs')];
  const untitled = { ...STORY_SIMILARITY, titleWeight: 0 };
  assert.ok(storyLinkProbability(left, right, untitled) < STORY_SIMILARITY.threshold, 'their texts alone do not link them');
  assert.ok(storyLinkProbability(left, right) >= STORY_SIMILARITY.threshold, 'their headlines do');
  // Another event at the same bridge: its headline shares "bridge" with theirs, not enough to link it to either.
  assert.ok(titleTerm(left, right, STORY_SIMILARITY) > titleTerm(left, repairs, STORY_SIMILARITY));
  for (const toll of [left, right]) assert.ok(storyLinkProbability(toll, repairs) < STORY_SIMILARITY.threshold);
  // The repairs report names the Orsk bridge in its text: "orsk" is a name there, not a headline word.
  const term = (word: string): number => fnv1a(stem(word));
  const repairsTitle = storySignature(BRIDGE_REPAIRS).bags.title.ids;
  assert.ok(repairsTitle.includes(term('lane')) && !repairsTitle.includes(term('orsk')), 'title bag: lane, closed, repairs, bridge');
  // One side without a title: no evidence either way (not a penalty, whatever the centre).
  const [bare] = articleStoryFeatures([{ ...BRIDGE_TOLL[0]!, title: null }]);
  assert.equal(titleTerm(bare!, right, { ...STORY_SIMILARITY, titleCenter: 0.2 }), 0);
  assert.ok(titleTerm(left, right, { ...STORY_SIMILARITY, titleCenter: 0.2 }) < titleTerm(left, right, STORY_SIMILARITY));
});

test('headlines that name different places are different events: the same words about another town add nothing', () => {
  // One wire template, two towns, the same day: only the names (and numbers) tell the two closures apart.
  const closure = (id: string, town: string, engineer: string, metres: number): Article => ({
    id,
    title: `${town} bridge closed`,
    text:
      `The old stone bridge at ${town} was closed on Thursday after inspectors found a crack ${metres} metres long, ${engineer} said. ` +
      `"Nobody crosses the ${town} bridge until the pier is braced," ${engineer} said. Repairs at ${town} are expected to take a month.`,
    source: 'Wire Desk',
    url: null,
    published: '2031-06-05T09:00:00Z',
    language: 'en',
    byline: null,
    origin: `fixture:${id}`,
  });
  const articles = [closure('quarn', 'Quarnvel', 'Maro Tesk', 3), closure('dell', 'Dellmoor', 'Ilsa Brun', 5), ...BRIDGE_TOLL];
  const [quarn, dell, left, right] = articleStoryFeatures(articles);
  assert.ok(headlineNamesDisagree(quarn!, dell!), 'Quarnvel and Dellmoor: each headline names a town its text names, not the same one');
  assert.equal(titleTerm(quarn!, dell!, STORY_SIMILARITY), 0, 'though "bridge closed" is the whole of both headlines');
  assert.ok(storyLinkProbability(quarn!, dell!) < STORY_SIMILARITY.threshold);
  // Headlines without names of their texts do not disagree: the toll tellings keep their term.
  assert.ok(!headlineNamesDisagree(left!, right!));
  assert.ok(titleTerm(left!, right!, STORY_SIMILARITY) > 0);
  // The batch matrix decides as the pairwise link, the headline names included.
  const matrix = storyLinkMatrix([quarn!, dell!, left!, right!]);
  const all = [quarn!, dell!, left!, right!];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) assert.equal(matrix[i]![j], storyLinkProbability(all[i]!, all[j]!), `${i}-${j}`);
});
