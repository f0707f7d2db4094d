import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

const SOURCE =
  'The Marrow Creek footbridge reopened on Tuesday after a four-month repair paid for by the county. Engineers ' +
  'replaced the rotten oak deck with recycled steel planks and added lights along both railings.';
const INDEPENDENT = 'Walkers in the valley have a new way across the water, and cyclists say the crossing feels safer at night now.';

test('derive --pairs: one line out per good line, a bad line reported with its number and skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-derive-'));
  const file = join(dir, 'pairs.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({ id: 'copy', source: SOURCE, derived: SOURCE }),
      '{"id": "broken", ',
      JSON.stringify({ id: 'own', source: SOURCE, derived: INDEPENDENT }),
      JSON.stringify({ id: 'nosource', derived: INDEPENDENT }),
    ].join('\n') + '\n',
  );
  const r = runCli(['derive', '--pairs', file]);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; derived: boolean; level: string; score: number });
  assert.deepEqual(out.map((o) => o.id), ['copy', 'own']);
  assert.deepEqual(out[0], { id: 'copy', derived: true, level: 'cut', score: 1 });
  assert.equal(out[1]!.level, 'non');
  assert.equal(out[1]!.derived, false);
  assert.ok(out[1]!.score >= 0 && out[1]!.score < 0.3);
  assert.match(r.stderr, /:2\b/);
  assert.match(r.stderr, /:4\b.*"source"/);
});
