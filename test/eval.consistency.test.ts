import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coveredChars, spanOverlap } from '../eval/metrics/consistency.js';
import { SETS, splitOf, type ConsistencyItem } from '../eval/consistency.js';

test('character overlap: hand-computed precision, recall and F1 over two samples', () => {
  // Sample 1: predicted [0,10), gold [5,15) ∪ [8,12) = [5,15) → overlap 5, pred 10, gold 10.
  // Sample 2: predicted [0,4), no gold → overlap 0, pred 4, gold 0.
  const r = spanOverlap([
    { predicted: [{ start: 0, end: 10 }], gold: [{ start: 5, end: 15 }, { start: 8, end: 12 }] },
    { predicted: [{ start: 0, end: 4 }], gold: [] },
  ]);
  assert.equal(r.overlap, 5);
  assert.equal(r.predicted, 14);
  assert.equal(r.gold, 10);
  assert.equal(r.precision, 5 / 14);
  assert.equal(r.recall, 0.5);
  assert.ok(Math.abs(r.f1 - (2 * (5 / 14) * 0.5) / (5 / 14 + 0.5)) < 1e-12);
});

test('character overlap: nothing predicted and nothing gold gives zeros, not NaN', () => {
  assert.deepEqual(spanOverlap([{ predicted: [], gold: [] }]), { overlap: 0, predicted: 0, gold: 0, precision: 0, recall: 0, f1: 0 });
  assert.equal(coveredChars([{ start: 2, end: 4 }, { start: 3, end: 6 }]).size, 4);
});

test('the article split is deterministic, by article, and alternates', () => {
  const item = (id: string, doc: string): ConsistencyItem => ({ id, family: 'qags', article: doc, claim: id, unsupported: false, doc });
  const items = ['d1', 'd2', 'd3', 'd4', 'd1'].map((d, k) => item(`i${k}`, d));
  const a = splitOf(items);
  assert.equal(a.size, 4);
  assert.deepEqual([...splitOf([...items].reverse())].sort(), [...a].sort());
  assert.equal([...a.values()].filter((s) => s === 'tune').length, 2);
});

test('each set is scored with the CLI model of the input field its texts would arrive in', () => {
  assert.deepEqual(
    SETS.map((s) => `${s.family}:${s.field}`),
    ['qags:claim', 'summedits:summary', 'faithbench:summary'],
  );
});

test('fitSupportModel: learns a separable feature, picks a threshold on the rows, and leaves the cosine out without the encoder', async () => {
  const { fitSupportModel } = await import('../eval/consistency.js');
  const { FEATURE_NAMES, predictProbability } = await import('../src/check/index.js');
  const cos = FEATURE_NAMES.indexOf('maxCosine');
  const rows = Array.from({ length: 60 }, (_, k) => {
    const y = k % 2;
    const x = FEATURE_NAMES.map((_n, j) => (j === 0 ? (y ? 0.1 : 0.9) + (k % 5) * 0.01 : j === cos ? (y ? 0.2 : 0.8) : 0.5));
    return { x, y };
  });
  for (const encoder of [true, false]) {
    const model = fitSupportModel([rows], encoder);
    const right = rows.filter((r) => (predictProbability(model, r.x) >= model.threshold ? 1 : 0) === r.y).length;
    assert.equal(right, rows.length, `encoder ${encoder}`);
    if (!encoder) assert.equal(model.weights[cos], 0);
  }
});

test('fitSupportModel over groups: a small set weighs as much as a big one (its own evidence is learnt, not drowned)', async () => {
  const { fitSupportModel } = await import('../eval/consistency.js');
  const { FEATURE_NAMES, predictProbability } = await import('../src/check/index.js');
  const d = FEATURE_NAMES.length;
  const row = (f0: number, f1: number, y: number) => ({ x: Array.from({ length: d }, (_, j) => (j === 0 ? f0 : j === 1 ? f1 : 0.5)), y });
  // Big set: feature 0 decides, feature 1 leans the other way. Small set: feature 0 says nothing, feature 1 decides.
  const big = Array.from({ length: 400 }, (_, k) => row(k % 2 ? 0.9 : 0.1, k % 2 ? (k % 10 < 5 ? 0.3 : 0.6) : (k % 10 < 5 ? 0.7 : 0.4), k % 2));
  const small = Array.from({ length: 20 }, (_, k) => row(0.5, k % 2 ? 0.9 : 0.1, k % 2));
  const accuracy = (model: ReturnType<typeof fitSupportModel>, rows: typeof big) => rows.filter((r) => (predictProbability(model, r.x) >= model.threshold ? 1 : 0) === r.y).length / rows.length;
  const grouped = fitSupportModel([big, small], false);
  assert.ok(accuracy(grouped, small) >= 0.9, `small set ${accuracy(grouped, small)}`);
  assert.ok(accuracy(grouped, big) >= 0.9, `big set ${accuracy(grouped, big)}`);
  const pooled = fitSupportModel([[...big, ...small]], false);
  // Pooled as one set, the small set's evidence (feature 1) counts for less against the big set's lean.
  assert.ok(grouped.weights[1]! > pooled.weights[1]! + 0.1, `feature 1: grouped ${grouped.weights[1]}, pooled ${pooled.weights[1]}`);
});
