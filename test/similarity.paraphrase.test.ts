import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEXICAL_FEATURES, lcsLength, lexicalFeatures, ngramOverlap } from '../src/similarity/paraphrase-features.js';
import { bestThreshold, fitHead, fitLogistic } from '../src/similarity/paraphrase-fit.js';
import { headScore, parseParaphraseModel, sigmoid, type ParaphraseHead } from '../src/similarity/paraphrase-model.js';
import { PARAPHRASE_MODEL, scoreParaphrase } from '../src/similarity/paraphrase.js';
import { repoRoot } from './helpers/paths.js';

const feature = (name: (typeof LEXICAL_FEATURES)[number], a: string, b: string): number =>
  lexicalFeatures(a, b)[LEXICAL_FEATURES.indexOf(name)]!;

test('n-gram overlap: clipped counts, F and min/max of precision and recall', () => {
  const u = ngramOverlap(['a', 'b', 'c', 'd'], ['a', 'b', 'x'], 1); // overlap 2: P 2/4, R 2/3
  assert.ok(Math.abs(u.f - 4 / 7) < 1e-12);
  assert.equal(u.min, 0.5);
  assert.equal(u.max, 2 / 3);
  const bi = ngramOverlap(['a', 'b', 'c', 'd'], ['a', 'b', 'x'], 2); // {ab bc cd} vs {ab bx}: P 1/3, R 1/2
  assert.ok(Math.abs(bi.f - 0.4) < 1e-12);
  const clipped = ngramOverlap(['a', 'a', 'a'], ['a'], 1); // min(3, 1) = 1: P 1/3, R 1
  assert.equal(clipped.min, 1 / 3);
  assert.equal(clipped.max, 1);
});

test('longest common subsequence of token lists', () => {
  assert.equal(lcsLength(['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'e', 'x']), 3);
  assert.equal(lcsLength([], ['a']), 0);
});

test('lexical features are symmetric and catch numbers, names and negation', () => {
  const a = 'The Ferncastle mill employed 300 workers in 2019, the union said.';
  const b = 'According to the union, 320 people worked at the Dunmore mill.';
  assert.deepEqual(lexicalFeatures(a, b), lexicalFeatures(b, a));
  assert.equal(lexicalFeatures(a, b).length, LEXICAL_FEATURES.length);
  assert.equal(feature('numbers_mismatch', 'Rangers sold 300 tickets.', 'Rangers sold 400 tickets.'), 1);
  assert.equal(feature('numbers_mismatch', 'Rangers sold 300 tickets.', 'The Rangers sold 300 tickets.'), 0);
  assert.equal(feature('numbers_all_match', 'Rangers sold 300 tickets.', 'The Rangers sold 300 tickets.'), 1);
  assert.equal(feature('negation_mismatch', 'The mayor did not approve the plan.', 'The mayor approved the plan.'), 1);
  assert.equal(feature('negation_mismatch', "The mayor didn't approve the plan.", 'The mayor never approved the plan.'), 0);
  assert.equal(feature('caps_dice', 'Officials in Dunmore met Ferncastle police.', 'Police from Ferncastle met officials in Dunmore.'), 1);
  assert.equal(feature('caps_dice', 'Officials in Dunmore met Ferncastle police.', 'Police from Ferncastle met officials in Halby.'), 0.5);
});

test('a head standardises its inputs: z = bias + w·(x − mean)/std', () => {
  const head: ParaphraseHead = { features: ['x'], mean: [1], std: [2], weights: [2], bias: 0.5, l2: 0, tunedThreshold: 0.5 };
  assert.equal(headScore(head, [3]), sigmoid(2.5));
  assert.ok(Math.abs(sigmoid(0) - 0.5) < 1e-15);
});

test('logistic fit separates a separable toy set and the threshold search maximises accuracy', () => {
  const xs = [[-2], [-1], [1], [2]];
  const ys = [false, false, true, true];
  const w = fitLogistic(xs, ys, 0.1);
  assert.ok(w[1]! > 0, 'positive slope');
  const head = fitHead(['x'], xs.map((x, i) => ({ x, y: ys[i]!, fold: 0 })), 0.1, 0.5);
  assert.ok(headScore(head, [2]) > 0.5 && headScore(head, [-2]) < 0.5);
  // scores 0.3 0.4 0.6 0.7 with labels F F T T: every threshold in (0.4, 0.6] is perfect; nearest 0.5 is 0.5
  assert.deepEqual(bestThreshold([0.3, 0.4, 0.6, 0.7], ys), { threshold: 0.5, accuracy: 1 });
  // labels F T T T: thresholds ≤ 0.3 give 3/4, those in (0.3, 0.4] give 4/4 → 0.4 is the smallest-distance best
  assert.deepEqual(bestThreshold([0.3, 0.4, 0.6, 0.7], [false, true, true, true]), { threshold: 0.4, accuracy: 1 });
});

test('the shipped weights mirror models/paraphrase.json', () => {
  const json = JSON.parse(readFileSync(join(repoRoot, 'models', 'paraphrase.json'), 'utf8')) as unknown;
  const parsed = parseParaphraseModel(json);
  assert.deepEqual(parsed.encoder, PARAPHRASE_MODEL.encoder);
  assert.deepEqual(parsed.lexical, PARAPHRASE_MODEL.lexical);
  assert.deepEqual(PARAPHRASE_MODEL.lexical.features, [...LEXICAL_FEATURES]);
});

test('scoring: a reworded sentence is a paraphrase, an unrelated one is not, a changed number lowers the score', () => {
  const a = 'The Alder Street bridge will reopen on Friday after a 12-week repair, the county said.';
  const reworded = 'The county said the Alder Street bridge would reopen on Friday after a 12-week repair.';
  const renumbered = 'The county said the Alder Street bridge would reopen on Friday after a 30-week repair.';
  const unrelated = 'Two goats escaped from the Marlow fair and were found eating roses in a churchyard.';
  const r = scoreParaphrase(a, reworded);
  assert.equal(r.head, 'lexical');
  assert.equal(r.paraphrase, true);
  assert.equal(scoreParaphrase(a, unrelated).paraphrase, false);
  assert.ok(scoreParaphrase(a, renumbered).score < r.score);
  assert.equal(scoreParaphrase(a, reworded).score, scoreParaphrase(reworded, a).score);
});

test('with both sentence vectors the encoder head scores, and a higher cosine raises the score', () => {
  const a = 'Hallam Rovers beat the league leaders on Saturday.';
  const b = 'The league leaders lost to Hallam Rovers at the weekend.';
  const unit = (i: number): Float32Array => {
    const v = new Float32Array(512);
    v[i] = 1;
    return v;
  };
  const same = new Map([[a, unit(0)], [b, unit(0)]]);
  const orthogonal = new Map([[a, unit(0)], [b, unit(1)]]);
  const close = scoreParaphrase(a, b, { get: (t) => same.get(t) });
  const far = scoreParaphrase(a, b, { get: (t) => orthogonal.get(t) });
  assert.equal(close.head, 'encoder');
  assert.ok(close.score > far.score, `${close.score} > ${far.score}`);
  assert.equal(scoreParaphrase(a, b, { get: (t) => (t === a ? unit(0) : undefined) }).head, 'lexical');
});
