import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCounts, EMPTY_COUNTS, quoteMetrics, scoreArticle, speakerMatches, type GoldQuote, type PredictedQuote } from '../eval/metrics/quotes.js';
import { evaluate, goldDirectQuotes } from '../eval/quotes.js';
import { DataMissing } from '../eval/types.js';

// 0         1         2         3         4         5         6
// 0123456789012345678901234567890123456789012345678901234567890123
const TEXT = 'Ivo Karsk said: “We will rebuild.” Later “Not now,” he added.';

test('overlap and exact matching, computed by hand', () => {
  // gold contents include the marks (PolNeAR); ours are the words inside them.
  const gold: GoldQuote[] = [
    { pieces: [[16, 34]], source: { start: 0, end: 9, text: 'Ivo Karsk' } }, // “We will rebuild.”
    { pieces: [[41, 51]], source: { start: 52, end: 54, text: 'he' } }, // “Not now,”
  ];
  const predicted: PredictedQuote[] = [
    { pieces: [[17, 33]], speaker: { start: 4, end: 9, name: 'Ivo Karsk' } }, // exact after trimming marks
    { pieces: [[42, 46]], speaker: { start: 0, end: 3, name: 'Someone Else' } }, // overlaps, not exact
    { pieces: [[55, 60]], speaker: null }, // no gold
  ];
  const c = scoreArticle(TEXT, predicted, gold);
  // One-to-one at 50%: [17,33] ~ gold 1 (same words); [42,46] is “Not” once trimmed: 3 of the 8 characters of
  // “Not now,” — under half, no match.
  assert.deepEqual(c, { predicted: 3, gold: 2, matchedPredicted: 2, matchedGold: 2, exactPredicted: 1, exactGold: 1, oneToOne: 1, speakerScored: 2, speakerCorrect: 1 });
  const m = quoteMetrics(c);
  // P = 2/3, R = 1, F1 = 0.8; exact P = 1/3, R = 1/2, F1 = 0.4; speaker 1/2.
  assert.ok(Math.abs(m['overlap P']! - 2 / 3) < 1e-12);
  assert.equal(m['overlap R'], 1);
  assert.ok(Math.abs(m['overlap F1']! - 0.8) < 1e-12);
  assert.ok(Math.abs(m['exact F1']! - 0.4) < 1e-12);
  assert.equal(m['speaker accuracy'], 0.5);
  assert.ok(Math.abs(m['one-to-one@50% F1']! - 0.4) < 1e-12); // P 1/3, R 1/2
});

test('one-to-one at 50%: a quotation split in two, or two merged into one, counts once; a sliver does not count', () => {
  const text = 'x'.repeat(200);
  const gold: GoldQuote[] = [{ pieces: [[0, 100]], source: null }];
  // Split 60/40: the 60 half shares 60% of the gold and all of itself; the 40 half shares 40% — not a match.
  const split = scoreArticle(text, [{ pieces: [[0, 60]], speaker: null }, { pieces: [[60, 100]], speaker: null }], gold);
  assert.equal(split.oneToOne, 1);
  assert.equal(split.matchedPredicted, 2, 'the lenient overlap match counts both halves');
  // Two quotations of 50 and 30 characters predicted as one of 80: 50/80 ≥ 0.5 matches the first, 30/80 not.
  const two: GoldQuote[] = [{ pieces: [[0, 50]], source: null }, { pieces: [[50, 80]], source: null }];
  assert.equal(scoreArticle(text, [{ pieces: [[0, 80]], speaker: null }], two).oneToOne, 1);
  // Pieces of a broken quotation compare piece by piece: the same two pieces match.
  const broken: GoldQuote[] = [{ pieces: [[0, 40], [60, 100]], source: null }];
  assert.equal(scoreArticle(text, [{ pieces: [[0, 40], [60, 100]], speaker: null }], broken).oneToOne, 1);
  assert.equal(scoreArticle(text, [{ pieces: [[0, 100]], speaker: null }], broken).oneToOne, 1, '80 of 100 predicted characters are the gold pieces');
  assert.equal(scoreArticle(text, [{ pieces: [[0, 20]], speaker: null }], gold).oneToOne, 0, '20% of the gold');
});

test('speaker: span overlap only (README); the resolved name is not used; null is wrong; gold without source is not scored', () => {
  assert.equal(speakerMatches({ start: 4, end: 9, name: 'Ivo Karsk' }, { start: 0, end: 9, text: 'Mr. Karsk' }), true);
  assert.equal(speakerMatches({ start: 8, end: 12, name: 'Ivo Karsk' }, { start: 0, end: 9, text: 'Mr. Karsk' }), true);
  assert.equal(speakerMatches({ start: 9, end: 12, name: 'Ivo Karsk' }, { start: 0, end: 9, text: 'Mr. Karsk' }), false); // touching, no shared character
  // Same person, another mention: not a match any more.
  assert.equal(speakerMatches({ start: 100, end: 105, name: 'Ivo Karsk' }, { start: 0, end: 9, text: 'Mr. Karsk' }), false);
  assert.equal(speakerMatches({ start: 100, end: 105, name: 'Karsk' }, { start: 0, end: 9, text: 'Ivo Karsk' }), false);
  assert.equal(speakerMatches({ start: 100, end: 105, name: 'Ivo Karsk' }, { start: 0, end: 2, text: 'he' }), false);
  assert.equal(speakerMatches({ start: 0, end: 2, name: 'Ivo Karsk' }, { start: 0, end: 2, text: 'he' }), true);
  assert.equal(speakerMatches(null, { start: 0, end: 2, text: 'he' }), false);
  const c = scoreArticle(TEXT, [{ pieces: [[17, 33]], speaker: null }], [{ pieces: [[16, 34]], source: null }]);
  assert.equal(c.speakerScored, 0);
  assert.equal(quoteMetrics(c)['speaker accuracy'], 0);
});

test('fragments are compared piece by piece; counts add up over articles', () => {
  const gold: GoldQuote[] = [{ pieces: [[0, 10], [30, 40]], source: null }];
  const miss = scoreArticle('x'.repeat(50), [{ pieces: [[12, 28]], speaker: null }], gold);
  assert.equal(miss.matchedGold, 0);
  const hit = scoreArticle('x'.repeat(50), [{ pieces: [[35, 45]], speaker: null }], gold);
  assert.equal(hit.matchedGold, 1);
  const sum = addCounts(addCounts(EMPTY_COUNTS, miss), hit);
  assert.equal(sum.predicted, 2);
  assert.equal(quoteMetrics(sum)['overlap R'], 0.5);
});

test('the evaluator scores only direct gold attributions, honours sample, and reports a missing file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-quotes-'));
  await assert.rejects(evaluate({ dataDir: dir, encoder: false, cacheDir: null }), DataMissing);
  mkdirSync(join(dir, 'quotes'));
  const record = {
    id: 'a1',
    text: TEXT,
    gold: {
      attributions: [
        { source: { start: 0, end: 9, text: 'Ivo Karsk' }, cue: { start: 10, end: 14, text: 'said' }, content: { start: 16, end: 34, text: '“We will rebuild.”' }, direct: true, partial_quote: false },
        { source: { start: 52, end: 54, text: 'he' }, cue: { start: 55, end: 60, text: 'added' }, content: { start: 41, end: 51, text: '“Not now,”' }, direct: true, partial_quote: false },
        { source: null, cue: null, content: { start: 35, end: 40, text: 'Later' }, direct: false, partial_quote: false },
      ],
    },
  };
  assert.equal(goldDirectQuotes(record).length, 2);
  const other = { id: 'a2', text: 'Nothing was quoted here.', gold: { attributions: [] } };
  writeFileSync(join(dir, 'quotes', 'polnear.dev.articles.jsonl'), `${JSON.stringify(record)}\n${JSON.stringify(other)}\n`);
  const rows = await evaluate({ dataDir: dir, encoder: false, cacheDir: null, sample: 1 });
  assert.equal(rows.length, 1);
  const m = rows[0]!.metrics;
  // “Not now,” follows the word "Later", so our rules call it a partial quote (direct: false): a miss.
  assert.equal(m['overlap R'], 0.5);
  assert.equal(m['overlap P'], 1);
  assert.ok(Math.abs(m['exact F1']! - 2 / 3) < 1e-12);
  assert.equal(m['speaker accuracy'], 1);
  assert.match(rows[0]!.split, /1 articles, 2 gold direct quotes/);
});
