import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, balancedAccuracy, binaryMetrics, confusion, f1Positive } from '../eval/metrics/classification.js';

const T = true;
const F = false;

test('confusion counts each gold/predicted combination', () => {
  // gold:      T T T F F F F
  // predicted: T T F T F F F  → tp 2, fn 1, fp 1, tn 3
  const c = confusion([T, T, T, F, F, F, F], [T, T, F, T, F, F, F]);
  assert.deepEqual(c, { tp: 2, fp: 1, fn: 1, tn: 3 });
});

test('accuracy, F1 of the positive class and balanced accuracy computed by hand', () => {
  const gold = [T, T, T, F, F, F, F];
  const pred = [T, T, F, T, F, F, F];
  assert.equal(accuracy(gold, pred), 5 / 7);
  // P = 2/3, R = 2/3 → F1 = 2/3
  assert.ok(Math.abs(f1Positive(gold, pred) - 2 / 3) < 1e-12);
  // recall+ = 2/3, recall- = 3/4 → (2/3 + 3/4) / 2 = 17/24
  assert.ok(Math.abs(balancedAccuracy(gold, pred) - 17 / 24) < 1e-12);
});

test('precision and recall differ: F1 is their harmonic mean', () => {
  // gold T T T T F; pred T F F F T → tp 1, fn 3, fp 1, tn 0
  const m = binaryMetrics([T, T, T, T, F], [T, F, F, F, T]);
  assert.equal(m.precision, 1 / 2);
  assert.equal(m.recall, 1 / 4);
  assert.ok(Math.abs(m.f1 - 1 / 3) < 1e-12); // 2·(1/2)(1/4)/(3/4) = 1/3
  assert.equal(m.specificity, 0);
  assert.equal(m.balancedAccuracy, 1 / 8);
  assert.equal(m.accuracy, 1 / 5);
  assert.equal(m.n, 5);
});

test('always predicting the majority (positive) class', () => {
  // 3 positives of 4: accuracy 0.75, P 0.75, R 1 → F1 = 6/7; balanced accuracy 0.5
  const m = binaryMetrics([T, T, T, F], [T, T, T, T]);
  assert.equal(m.accuracy, 0.75);
  assert.ok(Math.abs(m.f1 - 6 / 7) < 1e-12);
  assert.equal(m.balancedAccuracy, 0.5);
});

test('no positive predictions and empty input give 0, not NaN', () => {
  const m = binaryMetrics([T, F], [F, F]);
  assert.equal(m.precision, 0);
  assert.equal(m.f1, 0);
  assert.equal(m.balancedAccuracy, 0.5);
  const e = binaryMetrics([], []);
  assert.equal(e.accuracy, 0);
  assert.equal(e.f1, 0);
});

test('mismatched lengths throw', () => {
  assert.throws(() => accuracy([T], [T, F]), RangeError);
});
