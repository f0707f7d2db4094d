import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustedRandIndex, bCubed } from '../eval/metrics/clustering.js';
import { withSingletons } from '../eval/clustering.js';
import { urlDate, withUrlDates } from '../eval/allsides.js';

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

test('AllSides: an article is dated by its URL when the URL carries a valid date, else keeps the roundup date', () => {
  assert.equal(urlDate('https://www.cnn.com/2021/09/09/politics/biden-vaccine-mandate/index.html'), '2021-09-09');
  assert.equal(urlDate('https://example.org/news/2021-9-8-senate-vote'), '2021-09-08');
  assert.equal(urlDate('https://www.foxnews.com/politics/biden-vaccine-mandate'), null);
  assert.equal(urlDate('https://example.org/2021/02/30/no-such-day'), null);
  assert.equal(urlDate('https://example.org/id/20210909123/'), null);
  assert.equal(urlDate(null), null);
  const article = (url: string | null) => ({ id: 'a', title: null, text: 't', source: null, url, published: '2021-09-10T08:00:00-07:00', language: 'en', byline: null, origin: 'a' });
  const [dated, undated] = withUrlDates([
    { article: article('https://www.cnn.com/2021/09/09/politics/x'), story: '1', tuning: true },
    { article: article('https://www.foxnews.com/politics/x'), story: '1', tuning: true },
  ]);
  assert.equal(dated!.article.published, '2021-09-09');
  assert.equal(undated!.article.published, '2021-09-10T08:00:00-07:00');
});
