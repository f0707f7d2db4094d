import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachSmallGroups } from '../src/cluster/small-groups.js';
import { averageLinkClusters } from '../src/cluster/average-link.js';

const matrix = (rows: number[][]) => rows.map((r) => Float64Array.from(r));

// 0,1 and 3,4 are pairs; 2 leans to {0,1} (average (0.3 + 0.1) / 2 = 0.2) more than to {3,4} (0.05);
// 5 is far from everything (average 0.02 and 0.01).
const M = matrix([
  [1, 0.9, 0.3, 0.0, 0.0, 0.02],
  [0.9, 1, 0.1, 0.0, 0.0, 0.02],
  [0.3, 0.1, 1, 0.05, 0.05, 0.0],
  [0.0, 0.0, 0.05, 1, 0.8, 0.01],
  [0.0, 0.0, 0.05, 0.8, 1, 0.01],
  [0.02, 0.02, 0.0, 0.01, 0.01, 1],
]);

test('a lone item joins the group with the highest average link when it reaches the threshold', () => {
  const groups = averageLinkClusters(M, 0.5);
  assert.deepEqual(groups, [[0, 1], [2], [3, 4], [5]]);
  assert.deepEqual(attachSmallGroups(groups, M, 0.15, 1), [[0, 1, 2], [3, 4], [5]]);
  // 0.2 is the average with {0,1}: at the threshold it joins; just above it stays alone.
  assert.deepEqual(attachSmallGroups(groups, M, 0.2, 1), [[0, 1, 2], [3, 4], [5]]);
  assert.deepEqual(attachSmallGroups(groups, M, 0.21, 1), groups);
  // Very low threshold: 5 joins {0,1} (0.02 > 0.01), and the averages are those before any attachment.
  assert.deepEqual(attachSmallGroups(groups, M, 0.01, 1), [[0, 1, 2, 5], [3, 4]]);
});

test('lone items never pair up with each other, and nothing changes without groups of two', () => {
  const lone = matrix([
    [1, 0.4],
    [0.4, 1],
  ]);
  assert.deepEqual(attachSmallGroups([[0], [1]], lone, 0.1, 1), [[0], [1]]);
  assert.deepEqual(attachSmallGroups([], lone, 0.1, 1), []);
});

test('with maxSize 2 a pair joins the larger group it is closest to on average over all cross pairs', () => {
  // {0,1,2} a triple; {3,4} a pair whose cross average with the triple is (0.3+0.1+0.2+0.2+0.1+0.1)/6 = 1/6;
  // {5} lone, average 0.05 with the triple and never joins the pair.
  const m = matrix([
    [1, 0.9, 0.9, 0.3, 0.2, 0.05],
    [0.9, 1, 0.9, 0.1, 0.1, 0.05],
    [0.9, 0.9, 1, 0.2, 0.1, 0.05],
    [0.3, 0.1, 0.2, 1, 0.9, 0.3],
    [0.2, 0.1, 0.1, 0.9, 1, 0.3],
    [0.05, 0.05, 0.05, 0.3, 0.3, 1],
  ]);
  const groups = averageLinkClusters(m, 0.5);
  assert.deepEqual(groups, [[0, 1, 2], [3, 4], [5]]);
  assert.deepEqual(attachSmallGroups(groups, m, 0.15, 2), [[0, 1, 2, 3, 4], [5]]);
  assert.deepEqual(attachSmallGroups(groups, m, 0.17, 2), groups);
  // maxSize 1: the pair is a target, and 5 joins it (0.3 > 0.05).
  assert.deepEqual(attachSmallGroups(groups, m, 0.15, 1), [[0, 1, 2], [3, 4, 5]]);
  assert.deepEqual(attachSmallGroups(groups, m, 0.04, 2), [[0, 1, 2, 3, 4, 5]]);
});
