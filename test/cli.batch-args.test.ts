import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

test('one-file batch commands reject extra inputs and --pairs elsewhere', () => {
  assert.equal(runCli(['align', '--pairs', 'a.jsonl', 'b.jsonl']).status, 2);
  assert.equal(runCli(['compare', '--pairs', 'a.jsonl']).status, 2);
  const missing = runCli(['align', '--pairs', join(tmpdir(), 'no-such-pairs.jsonl')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no-such-pairs\.jsonl: .*(not exist|no such)/i);
});
