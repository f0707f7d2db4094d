import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageLinkClusters } from '../src/cluster/average-link.js';
import { clusterArticles } from '../src/cluster/index.js';
import { STORY_SIMILARITY, storyFeatures, storyLinkProbability, storySimilarityMatrix } from '../src/cluster/similarity-matrix.js';
import { minimalAnalysed } from './helpers/minimal-article.js';

const noVectors = { get: () => undefined };

test('average link merges reciprocal neighbours above the threshold only', () => {
  const m = [
    [1, 0.9, 0.1, 0.0],
    [0.9, 1, 0.2, 0.1],
    [0.1, 0.2, 1, 0.6],
    [0.0, 0.1, 0.6, 1],
  ].map((r) => Float64Array.from(r));
  assert.deepEqual(averageLinkClusters(m, 0.5), [[0, 1], [2, 3]]);
  assert.deepEqual(averageLinkClusters(m, 0.7), [[0, 1], [2], [3]]);
  assert.deepEqual(averageLinkClusters(m, 0.05), [[0, 1, 2, 3]]);
});

test('average link uses the average, not the single best link', () => {
  // 2 is close to 0 but far from 1: average (0.8 + 0.0) / 2 = 0.4 < 0.5 keeps it apart.
  const m = [
    [1, 0.9, 0.8],
    [0.9, 1, 0.0],
    [0.8, 0.0, 1],
  ].map((r) => Float64Array.from(r));
  assert.deepEqual(averageLinkClusters(m, 0.5), [[0, 1], [2]]);
});

test('articles about two different events form two stories, deterministically', () => {
  const docs = [
    minimalAnalysed('flood-a', 'The Arden River flooded Kessington and residents of Millbrook were evacuated. Fire crews rescued people from flooded homes by boat.'),
    minimalAnalysed('fire-a', 'A warehouse fire in Dunmore burned through the night. Firefighters contained the warehouse blaze near the harbour.'),
    minimalAnalysed('flood-b', 'Residents of Millbrook in Kessington were evacuated after the Arden River flooded. Crews used boats to rescue people from homes.'),
    minimalAnalysed('fire-b', 'Firefighters in Dunmore fought a warehouse blaze near the harbour overnight; the fire burned until dawn.'),
  ];
  const stories = clusterArticles(docs, noVectors);
  // Stories of one size come in the canonical order of their first article (undated: by id).
  assert.deepEqual(
    stories.map((s) => s.articles),
    [
      ['fire-a', 'fire-b'],
      ['flood-a', 'flood-b'],
    ],
  );
  assert.deepEqual(clusterArticles(docs, noVectors), stories);
  assert.deepEqual(clusterArticles([...docs].reverse(), noVectors), stories, 'the input order changes nothing');
  assert.match(stories[0]!.id, /^s-[0-9a-f]{12}$/);
});

// Two fictional events of the same type (two ferry fires), each told by two outlets: names, places and
// numbers tell them apart.
const FERRY_VESTA_A =
  'Ferry Vesta catches fire off Harlow Point\n\nThe ferry Vesta caught fire off Harlow Point on Tuesday with 214 passengers on board. Captain Ilse Marrow ordered the evacuation and the Harlow coastguard took 214 people off the burning ferry. Fire crews said the blaze started in the engine room.';
const FERRY_VESTA_B =
  'Coastguard rescues 214 from burning ferry Vesta\n\nAll 214 passengers were taken off the ferry Vesta after a fire broke out in its engine room near Harlow Point, the Harlow coastguard said. Captain Ilse Marrow praised the crew. The fire on the ferry was put out by evening.';
const FERRY_ORLA_A =
  'Ferry Orla burns near Kestrel Bay\n\nA fire broke out on the ferry Orla near Kestrel Bay on Sunday and 38 passengers were rescued. Captain Tomas Wren said the fire began in the galley. The Kestrel coastguard sent two boats to the burning ferry.';
const FERRY_ORLA_B =
  'Kestrel coastguard rescues 38 from ferry Orla fire\n\nThe Kestrel coastguard rescued 38 passengers from the ferry Orla after a galley fire near Kestrel Bay. Captain Tomas Wren told reporters the crew fought the fire for an hour before the ferry was evacuated.';

test('two events of the same type stay apart when their names, places and numbers differ', async () => {
  const { analyse } = await import('../src/analyse/index.js');
  const article = (id: string, text: string) => ({ id, title: null, text, source: null, url: null, published: null, language: 'en', byline: null, origin: id });
  const docs = [
    analyse(article('vesta-a', FERRY_VESTA_A)),
    analyse(article('orla-a', FERRY_ORLA_A)),
    analyse(article('vesta-b', FERRY_VESTA_B)),
    analyse(article('orla-b', FERRY_ORLA_B)),
  ];
  assert.deepEqual(
    clusterArticles(docs, noVectors).map((s) => s.articles),
    [
      ['orla-a', 'orla-b'],
      ['vesta-a', 'vesta-b'],
    ],
  );
  // The matrix is the pairwise decision applied to every pair (what an online mode would call).
  const features = storyFeatures(docs, noVectors);
  const matrix = storySimilarityMatrix(docs, noVectors);
  for (let i = 0; i < docs.length; i++)
    for (let j = 0; j < docs.length; j++)
      if (i !== j) assert.ok(Math.abs(matrix[i]![j]! - storyLinkProbability(features[i]!, features[j]!)) < 1e-12);
  // Same event above the threshold, same type of event below it.
  assert.ok(matrix[0]![2]! >= STORY_SIMILARITY.threshold, `same event ${matrix[0]![2]}`);
  assert.ok(matrix[0]![1]! < STORY_SIMILARITY.threshold, `other ferry ${matrix[0]![1]}`);
});

test('a slot bag empty on one side is no evidence: it takes the whole-text cosine', () => {
  // No names, numbers or years anywhere: the decision is the text and lead cosines alone.
  const docs = [
    minimalAnalysed('a', 'residents were evacuated after the river flooded the town.'),
    minimalAnalysed('b', 'the river flooded the town and residents were evacuated.'),
  ];
  const [fa, fb] = storyFeatures(docs, noVectors);
  const w = STORY_SIMILARITY;
  const p = storyLinkProbability(fa!, fb!);
  // Same word bag → whole-text and lead cosines are 1; the empty slots (names, people, numbers, counted, years, lead numbers) take 1 too.
  const z = w.bias + w.wordsWeight + w.namesWeight + w.peopleWeight + w.numbersWeight + w.countedWeight + w.yearsWeight + w.leadWeight + w.leadNumbersWeight;
  assert.ok(Math.abs(p - 1 / (1 + Math.exp(-z))) < 1e-9, `p ${p}`);
});
