import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, runCli } from './helpers/cli.js';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'align', 'pairs.jsonl');

interface AlignLine {
  id: string;
  score: number;
  paraphrase: boolean;
}

function parseOutput(stdout: string): AlignLine[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as AlignLine);
}

function checkOutput(out: AlignLine[]): void {
  assert.deepEqual(out.map((o) => o.id), ['same-story', 'other-story', '7']);
  for (const o of out) {
    assert.deepEqual(Object.keys(o), ['id', 'score', 'paraphrase']);
    assert.ok(o.score >= 0 && o.score <= 1, `score ${o.score} in 0..1`);
    assert.equal(Math.round(o.score * 1e4) / 1e4, o.score, 'rounded to 4 decimals');
    assert.equal(o.paraphrase, o.score >= 0.5);
  }
  const [same, other, identical] = out;
  assert.equal(same!.paraphrase, true);
  assert.equal(other!.paraphrase, false);
  assert.equal(identical!.paraphrase, true);
  assert.ok(other!.score < 0.2, `unrelated sentences score low (${other!.score})`);
  assert.ok(identical!.score >= same!.score, 'identical sentences score at least as high as a reworded pair');
}

test('align --pairs --no-encoder: one line per good pair, bad lines reported with their numbers and skipped', () => {
  const r = runCli(['align', '--pairs', FIXTURE, '--no-encoder']);
  assert.equal(r.status, 0, r.stderr);
  checkOutput(parseOutput(r.stdout));
  assert.match(r.stderr, /pairs\.jsonl:3: .*"b"/);
  assert.match(r.stderr, /pairs\.jsonl:4\b/);
});

test('align --pairs with the sentence encoder gives the same decisions on the fixture', () => {
  const r = runCli(['align', '--pairs', FIXTURE]);
  checkOutput(parseOutput(r.stdout));
  assert.match(r.stderr, /pairs\.jsonl:3: /);
});
