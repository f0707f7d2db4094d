import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

test('extract FILE.articles.jsonl --format jsonl: direct and partial quotes with speakers; a bad line is reported and skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-quotes-cli-'));
  const file = join(dir, 'a.articles.jsonl');
  const text = 'Dam holds\n\nIvo Karsk said: “We will rebuild the levee.” The council called it “a reckless gamble.”';
  writeFileSync(file, `${JSON.stringify({ id: 'k1', text })}\nnot json\n`);
  const r = runCli(['extract', file, '--format', 'jsonl']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /a\.articles\.jsonl:2/);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const out = JSON.parse(lines[0]!) as { id: string; quotes: Array<{ start: number; end: number; text: string; direct: boolean; partial?: boolean; speaker: { name: string; start: number; end: number } | null }> };
  assert.equal(out.id, 'k1');
  const [full, partial] = out.quotes;
  assert.ok(full && partial);
  assert.deepEqual([full.text, full.direct, full.partial], ['We will rebuild the levee.', true, undefined]);
  assert.equal(text.slice(full.start, full.end), full.text);
  assert.equal(full.speaker!.name, 'Ivo Karsk');
  assert.equal(text.slice(full.speaker!.start, full.speaker!.end), 'Ivo Karsk');
  assert.deepEqual([partial.text, partial.direct, partial.partial], ['a reckless gamble.', false, true]);
});
