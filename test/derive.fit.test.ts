import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitThresholds, type LabelledScores } from '../src/derive/index.js';

test('fitThresholds separates derived from non, then orders heavy < light < cut', () => {
  const items: LabelledScores[] = [
    { copy: 0.02, reuse: 0.1, level: 'non' },
    { copy: 0.05, reuse: 0.2, level: 'non' },
    { copy: 0.3, reuse: 0.3, level: 'heavy' },
    { copy: 0.4, reuse: 0.4, level: 'heavy' },
    { copy: 0.6, reuse: 0.6, level: 'light' },
    { copy: 0.7, reuse: 0.7, level: 'light' },
    { copy: 0.9, reuse: 0.9, level: 'cut' },
    { copy: 0.95, reuse: 1, level: 'cut' },
  ];
  // Step 1: only the midpoint 0.175 between 0.05 and 0.3 gives F1 = 1.
  // Step 2: heavy/light between 0.4 and 0.6 → 0.5; light/cut between 0.7 and 0.9 → 0.8 (unique best).
  assert.deepEqual(fitThresholds(items), { derivedMin: 0.175, lightMin: 0.5, cutMin: 0.8 });
});

test('ties between equally good thresholds take the middle candidate', () => {
  // Derived vs non: thresholds 0.15 and 0.25 both give F1 = 2·1/(2·1+1) (one derived item missed or one
  // non item called derived); candidates with the best F1 are taken in order and the middle one kept.
  const items: LabelledScores[] = [
    { copy: 0.1, reuse: 0, level: 'non' },
    { copy: 0.2, reuse: 0, level: 'heavy' },
    { copy: 0.3, reuse: 0, level: 'non' },
  ];
  // Candidates: 0.1−1e−6 (F1 2·1/(2+2)=0.5), 0.15 (0.667), 0.25 (0), 0.3+1e−6 (0). Best: 0.15 alone.
  assert.equal(fitThresholds(items).derivedMin, 0.15);
});
