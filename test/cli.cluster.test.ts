import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

test('cluster prints one {story, articles} line per story and reports bad lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-cluster-'));
  const file = join(dir, 'mixed.articles.jsonl');
  const lines = [
    { id: 'flood-1', text: 'The Arden River flooded Kessington on Tuesday and 1,200 residents of Millbrook were evacuated by fire crews.' },
    { id: 'fire-1', text: 'A warehouse fire in Dunmore burned through the night before firefighters contained the blaze near the harbour.' },
    'this line is not json',
    { id: 'flood-2', text: 'Fire crews evacuated 1,200 Millbrook residents after the Arden River flooded Kessington on Tuesday.' },
    { id: 'fire-2', text: 'Firefighters in Dunmore contained a warehouse blaze near the harbour after it burned through the night.' },
  ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const r = runCli(['cluster', file, '--no-encoder']);
  assert.equal(r.status, 0, r.stderr);
  const stories = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { story: string; articles: string[] });
  assert.deepEqual(
    stories.map((s) => s.articles),
    [
      ['flood-1', 'flood-2'],
      ['fire-1', 'fire-2'],
    ],
  );
  assert.ok(stories.every((s) => /^s-[0-9a-f]{12}$/.test(s.story)));
  assert.match(r.stderr, /mixed\.articles\.jsonl:3: line is not valid JSON/);
  assert.match(r.stderr, /1 input skipped/);
});

test('one-file batch commands reject extra inputs and --pairs elsewhere', () => {
  assert.equal(runCli(['align', '--pairs', 'a.jsonl', 'b.jsonl']).status, 2);
  assert.equal(runCli(['compare', '--pairs', 'a.jsonl']).status, 2);
  const missing = runCli(['align', '--pairs', join(tmpdir(), 'no-such-pairs.jsonl')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no-such-pairs\.jsonl: .*(not exist|no such)/i);
});
