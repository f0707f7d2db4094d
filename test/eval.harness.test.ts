import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderEvaluationMarkdown } from '../eval/markdown.js';
import { runEvaluations } from '../eval/run.js';
import type { EvalResult } from '../eval/types.js';
import { repoRoot } from './helpers/paths.js';

const row: EvalResult = {
  task: 'story clustering',
  set: 'ECB+ (clustering/x.jsonl)',
  split: 'held-out | topics',
  metrics: { 'B³ F1': 0.9123, ARI: 0.8 },
  items: 120,
  target: 'B³ F1 ≥ 0.95',
  met: false,
  reference: 'TF-IDF ≈ 0.86',
  command: 'npm run eval -- --only clustering',
  notes: 'tuned on dev topics',
};

test('EVALUATION.md lists every row with its numbers, target, verdict and command', () => {
  const md = renderEvaluationMarkdown([row, { ...row, split: 'dev', met: true, notes: undefined }], ['quotes: no data']);
  assert.match(md, /^# Evaluation/);
  assert.match(md, /\| story clustering \| ECB\+ \(clustering\/x\.jsonl\) \| held-out \\\| topics \| 120 \| B³ F1 0\.912<br>ARI 0\.800 \| B³ F1 ≥ 0\.95 \| \*\*no\*\* \|/);
  assert.match(md, /\| dev \| 120 \| .* \| yes \|/);
  assert.match(md, /`npm run eval -- --only clustering`/);
  assert.match(md, /tuned on dev topics/);
  assert.match(md, /## Skipped\n\n- quotes: no data/);
});

const dataDir = join(repoRoot, '..', 'shared', 'data');
test('every evaluator scores a small sample of its shared set', { skip: !existsSync(dataDir) && 'needs ../shared/data' }, async () => {
  const names = ['clustering', 'quotes', 'paraphrase', 'consistency', 'derivation', 'extraction'];
  const { rows, skipped } = await runEvaluations(names, { dataDir, sample: 12, encoder: false, cacheDir: null }, () => {});
  assert.deepEqual(skipped, []);
  const tasks = new Set(rows.map((r) => r.task));
  assert.equal(tasks.size, names.length, `one task per evaluator: ${[...tasks].join(', ')}`);
  for (const r of rows) {
    assert.ok(Object.keys(r.metrics).length > 0, `${r.task}: no metrics`);
    for (const [name, value] of Object.entries(r.metrics)) {
      assert.ok(Number.isFinite(value), `${r.task} ${name} = ${value}`);
      assert.ok(value >= -1 && value <= 1, `${r.task} ${name} = ${value} is not a proportion`);
    }
    assert.match(r.command, /npm run eval|corroborate/);
  }
});

test('without the shared data folder, the sets that ship in the repo are still scored (and EVALUATION.md is not rewritten)', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'eval', 'run.ts'), '--data', join(repoRoot, 'no-such-data-folder'), '--no-encoder'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /no data folder at .*no-such-data-folder; scoring only alignment/);
  assert.match(r.stdout, /alignment: 1 row\(s\)/);
  assert.match(r.stdout, /claim F1 \d\.\d{3}/);
  assert.doesNotMatch(r.stdout, /wrote docs\/EVALUATION\.md/);
});
