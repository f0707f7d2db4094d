import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractionScores, extractionTokens, scorePage, shingleCounts } from '../eval/metrics/extraction.js';

test('tokens are \\w runs with case kept; shingles are 4-token windows counted as a multiset', () => {
  assert.deepEqual(extractionTokens('Café au-lait, 2 € each_day!'), ['Café', 'au', 'lait', '2', 'each_day']);
  assert.deepEqual([...shingleCounts(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']).values()], [2, 1, 1, 1]);
  // Fewer than 4 tokens: one shorter shingle; none for an empty text.
  assert.equal(shingleCounts(['x', 'y']).size, 1);
  assert.equal(shingleCounts([]).size, 0);
});

test('page scores computed by hand', () => {
  // truth shingles {a b c d, b c d e}, predicted {a b c d, b c d x} → TP 1, FP 1, FN 1.
  assert.deepEqual(scorePage('a b c d e', 'a b c d x'), { tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, exact: false });
  // Repeated shingle: truth has "a b c d" twice and three others, predicted it once → TP 1, FP 0, FN 4.
  const r = scorePage('a b c d a b c d', 'a b c d');
  assert.equal(r.precision, 1);
  assert.equal(r.recall, 0.2);
  // Punctuation is not a token: identical token lists.
  assert.equal(scorePage('Hello, world', 'Hello world!').exact, true);
  // Case is kept.
  assert.equal(scorePage('The cat', 'the cat').recall, 0);
  // Nothing predicted: precision 0 (TP = FP = 0), recall 0.
  assert.deepEqual(scorePage('one two', ''), { tp: 0, fp: 0, fn: 1, precision: 0, recall: 0, exact: false });
  // Both empty: FP = FN = 0 → 1 and 1.
  assert.deepEqual(scorePage('', ''), { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, exact: true });
});

test('set scores: means over the pages where each ratio is defined, then F1 of the means', () => {
  const s = extractionScores([
    { truth: 'a b c d e', predicted: 'a b c d x' }, // P 0.5, R 0.5
    { truth: 'Hello, world', predicted: 'Hello world!' }, // P 1, R 1, exact
    { truth: 'one two', predicted: '' }, // TP+FP = 0: not in the precision mean; R 0
    { truth: '', predicted: '' }, // in neither mean; exact
  ]);
  assert.equal(s.precision, 0.75); // (0.5 + 1) / 2
  assert.equal(s.recall, 0.5); // (0.5 + 1 + 0) / 3
  assert.ok(Math.abs(s.f1 - 0.6) < 1e-12); // 2·0.75·0.5 / 1.25
  assert.equal(s.accuracy, 0.5); // 2 of 4 pages
  assert.equal(s.pages, 4);
});
