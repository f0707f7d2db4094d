import { test } from 'node:test';
import assert from 'node:assert/strict';
import { macroF1, multiclassAccuracy, perClassF1 } from '../eval/metrics/derivation.js';
import { crossValidate, derivationMetrics, type ScoredPair } from '../eval/derivation.js';

test('accuracy and macro-F1 over the four levels, computed by hand', () => {
  const gold = ['cut', 'cut', 'light', 'heavy', 'non', 'non'] as const;
  const pred = ['cut', 'light', 'light', 'non', 'non', 'non'] as const;
  assert.equal(multiclassAccuracy(gold, pred), 4 / 6);
  // cut: 2·1/(2+1) = 2/3; light: 2·1/(1+2) = 2/3; heavy: 0/(1+0) = 0; non: 2·2/(2+3) = 4/5.
  const f = perClassF1(gold, pred, ['cut', 'light', 'heavy', 'non']);
  assert.ok(Math.abs(f.get('cut')! - 2 / 3) < 1e-12);
  assert.equal(f.get('heavy'), 0);
  assert.ok(Math.abs(f.get('non')! - 0.8) < 1e-12);
  assert.ok(Math.abs(macroF1(gold, pred, ['cut', 'light', 'heavy', 'non']) - (2 / 3 + 2 / 3 + 0 + 0.8) / 4) < 1e-12);
});

test('derivationMetrics: binary derived-vs-non from the levels', () => {
  const m = derivationMetrics(['cut', 'heavy', 'non', 'non'], ['light', 'non', 'non', 'heavy']);
  // derived: gold T T F F, predicted T F F T → tp 1, fp 1, fn 1 → F1 0.5, accuracy 2/4.
  assert.equal(m['derived F1'], 0.5);
  assert.equal(m['binary accuracy'], 0.5);
  assert.equal(m['4-level accuracy'], 0.25);
});

test('crossValidate refits without the held-out fold', () => {
  const p = (id: string, task: string, copy: number, reuse: number, level: ScoredPair['level']): ScoredPair => ({ id, task, copy, reuse, level });
  const items = [
    p('1', 'a', 0.0, 0.1, 'non'), p('2', 'a', 0.5, 0.95, 'cut'),
    p('3', 'b', 0.1, 0.1, 'non'), p('4', 'b', 0.5, 0.9, 'cut'),
    p('5', 'c', 0.05, 0.2, 'non'), p('6', 'c', 0.6, 1, 'cut'),
  ];
  // Held-out task b: trained on a and c, whose cut pairs have reuse 0.95 and 1, the thresholds put cut at
  // ≥ 0.95 − 1e-6, so b's cut pair (reuse 0.9) is graded heavy — it would be cut had it been in training.
  assert.deepEqual(crossValidate(items, (x) => x.task), ['non', 'cut', 'non', 'heavy', 'non', 'cut']);
});
