import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

const line = (id: string, text: string): string => JSON.stringify({ id, title: null, text });

test('corroborate cluster: one line per story, a bad line reported with its number and skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-cluster-'));
  const file = join(dir, 'stories.articles.jsonl');
  writeFileSync(
    file,
    [
      line('flood-a', 'The Arden River flooded Kessington and residents of Millbrook were evacuated. Fire crews rescued 40 people from flooded homes by boat.'),
      line('fire-a', 'A warehouse fire in Dunmore burned through the night. Firefighters contained the warehouse blaze near the harbour.'),
      '{"id": "broken", "text": ',
      line('flood-b', 'Residents of Millbrook in Kessington were evacuated after the Arden River flooded. Crews used boats to rescue 40 people from homes.'),
      line('fire-b', 'Firefighters in Dunmore fought a warehouse blaze near the harbour overnight; the fire burned until dawn.'),
    ].join('\n') + '\n',
  );
  const result = runCli(['cluster', file, '--no-encoder']);
  assert.equal(result.status, 0, result.stderr);
  const stories = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { story: string; articles: string[] });
  assert.deepEqual(
    stories.map((s) => s.articles),
    [
      ['fire-a', 'fire-b'],
      ['flood-a', 'flood-b'],
    ],
  );
  for (const s of stories) assert.match(s.story, /^s-[0-9a-f]{12}$/);
  assert.match(result.stderr, /stories\.articles\.jsonl:3: line is not valid JSON/);
  assert.match(result.stderr, /1 input skipped/);
});
