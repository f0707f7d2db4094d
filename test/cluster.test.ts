import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageLinkClusters } from '../src/cluster/average-link.js';
import { clusterArticles } from '../src/cluster/index.js';
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
  assert.deepEqual(
    stories.map((s) => s.articles),
    [
      ['flood-a', 'flood-b'],
      ['fire-a', 'fire-b'],
    ],
  );
  assert.deepEqual(clusterArticles(docs, noVectors), stories);
  assert.match(stories[0]!.id, /^s-[0-9a-f]{12}$/);
});
