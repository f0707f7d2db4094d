import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustedRandIndex, bCubed } from '../eval/metrics/clustering.js';
import { withSingletons } from '../eval/clustering.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

test('B³ of a hand-worked example', () => {
  // gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
  // precision per doc: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → (11/3) / 5 = 11/15
  // recall per doc:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → 11/3 / 5 = 11/15
  const r = bCubed(['x', 'x', 'y', 'y', 'y'], ['1', '1', '1', '2', '2']);
  close(r.precision, 11 / 15);
  close(r.recall, 11 / 15);
  close(r.f1, 11 / 15);
});

test('B³: all in one cluster and all singletons', () => {
  // gold {a,b} {c}, one predicted cluster: P per doc a 2/3, b 2/3, c 1/3 → 5/9; R = 1.
  const one = bCubed([0, 0, 0], ['g', 'g', 'h']);
  close(one.precision, 5 / 9);
  close(one.recall, 1);
  const singles = bCubed([0, 1, 2], ['g', 'g', 'h']);
  close(singles.precision, 1);
  close(singles.recall, (1 / 2 + 1 / 2 + 1) / 3);
  assert.deepEqual(bCubed([1, 1, 2], ['g', 'g', 'h']), { precision: 1, recall: 1, f1: 1 });
});

test('ARI of a hand-worked example', () => {
  // Same partitions as above. Cells: (x,1)=2, (y,1)=1, (y,2)=2 → Σ C(n_ij,2) = 1 + 0 + 1 = 2.
  // Rows a = 2, 3 → 1 + 3 = 4; columns b = 3, 2 → 3 + 1 = 4; C(5,2) = 10; E = 16/10 = 1.6.
  // ARI = (2 − 1.6) / (4 − 1.6) = 0.4 / 2.4 = 1/6.
  close(adjustedRandIndex(['x', 'x', 'y', 'y', 'y'], ['1', '1', '1', '2', '2']), 1 / 6);
});

test('ARI is 1 for the same partition under other names and can go below 0', () => {
  close(adjustedRandIndex([5, 5, 7, 7], ['a', 'a', 'b', 'b']), 1);
  // predicted {a,c} {b,d} vs gold {a,b} {c,d}: Σ cells = 0, sumA = sumB = 2, E = 4/6; ARI = (0 − 2/3)/(2 − 2/3) = −1/2.
  close(adjustedRandIndex([1, 2, 1, 2], ['a', 'a', 'b', 'b']), -0.5);
});

test('metrics refuse arrays of different lengths', () => {
  assert.throws(() => bCubed([1], [1, 2]), RangeError);
  assert.throws(() => adjustedRandIndex([1], [1, 2]), RangeError);
});

test('withSingletons keeps every other story (sorted by name) whole and cuts the rest to their first article', () => {
  const stories = ['b', 'a', 'b', 'c', 'a', 'c', 'b'];
  // sorted names a, b, c: a and c stay whole, b keeps only its first article (position 0).
  assert.deepEqual(withSingletons(stories), [0, 1, 3, 4, 5]);
  assert.deepEqual(withSingletons([]), []);
});
