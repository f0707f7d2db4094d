import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/paths.js';
import { assertValidReport } from './helpers/schema.js';

const line = (id: string, text: string, published: string): string => JSON.stringify({ id, text, published, source: `${id.split('-')[0]} news` });

function corpus(): { dir: string; db: string; first: string; second: string } {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-corpus-'));
  const first = join(dir, 'first.jsonl');
  writeFileSync(
    first,
    [
      line('flood-a', 'The Arden River flooded Kessington on Tuesday and 1,200 residents of Millbrook were evacuated by fire crews.', '2031-04-08'),
      line('fire-a', 'A warehouse fire in Dunmore burned through the night before firefighters contained the blaze near the harbour.', '2031-04-09'),
      'not json at all',
    ].join('\n') + '\n',
  );
  const second = join(dir, 'second.jsonl');
  writeFileSync(
    second,
    [
      line('flood-b', 'Fire crews evacuated 1,200 Millbrook residents after the Arden River flooded Kessington on Tuesday.', '2031-04-08'),
      line('fire-b', 'Firefighters in Dunmore contained a warehouse blaze near the harbour after it burned through the night.', '2031-04-10'),
    ].join('\n') + '\n',
  );
  return { dir, db: join(dir, 'news.db'), first, second };
}

test('ingest → stories → story: incremental, idempotent, stories in the cluster shape, the stored report valid', () => {
  const { db, first, second } = corpus();
  const one = runCli(['ingest', first, '--db', db, '--no-encoder']);
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stderr, /first\.jsonl:3: line is not valid JSON/);
  assert.match(one.stderr, /2 read .* 2 new, 0 duplicate, 0 conflicting id, 1 skipped; 2 stories created/);
  const two = runCli(['ingest', second, '--db', db, '--no-encoder']);
  assert.equal(two.status, 0, two.stderr);
  assert.match(two.stderr, /2 new, 0 duplicate.*0 stories created/);
  assert.match(two.stderr, /2 ledgers updated/);
  // The same files again: nothing new, nothing changed.
  const again = runCli(['ingest', first, second, '--db', db, '--no-encoder']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /0 new, 4 duplicate.*0 stories created, 0 changed, 0 merged, 0 split.*0 ledgers updated/);

  const listed = runCli(['stories', '--db', db, '--format', 'jsonl']);
  assert.equal(listed.status, 0, listed.stderr);
  const stories = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { story: string; articles: string[]; lastPublished: string });
  // Newest first: the fire story's newest article is 2031-04-10.
  assert.deepEqual(stories.map((s) => s.articles), [['fire-a', 'fire-b'], ['flood-a', 'flood-b']]);
  for (const s of stories) assert.match(s.story, /^s-[0-9a-f]{12}$/);
  // Batch `cluster` on the same articles agrees line for line on the groups.
  const batch = runCli(['cluster', first, second, '--no-encoder']);
  const groups = batch.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { articles: string[] }).articles.join(','));
  assert.deepEqual(new Set(groups), new Set(stories.map((s) => s.articles.join(','))));
  const since = runCli(['stories', '--db', db, '--format', 'jsonl', '--since', '2031-04-10']);
  assert.equal(since.stdout.trim().split('\n').length, 1);
  // The text listing heads each story as the story list and page do: no article has a title, so the start of the
  // earliest article's text.
  const rows = runCli(['stories', '--db', db]).stdout.trim().split('\n');
  assert.equal(rows.length, 3);
  assert.match(rows[1]!, new RegExp(`^${stories[0]!.story}\\s+2\\s+2031-04-10\\s+A warehouse fire in Dunmore burned`));
  assert.match(rows[2]!, new RegExp(`^${stories[1]!.story}\\s+2\\s+2031-04-08\\s+The Arden River flooded Kessington`));

  const report = runCli(['story', stories[1]!.story, '--db', db, '--format', 'json', '--no-encoder']);
  assert.equal(report.status, 0, report.stderr);
  const parsed: unknown = JSON.parse(report.stdout);
  assertValidReport(parsed);
  const text = runCli(['story', stories[1]!.story, '--db', db, '--no-encoder']);
  assert.match(text.stdout, /1,200/);
});

test('corpus commands: an unknown story, a --db that is a directory, flags in the wrong place', () => {
  const { db, first } = corpus();
  assert.equal(runCli(['ingest', first, '--db', db, '--no-encoder', '--no-ledgers']).status, 0);
  const unknown = runCli(['story', 's-000000000000', '--db', db]);
  assert.equal(unknown.status, 4);
  assert.match(unknown.stderr, /^corroborate: no story 's-000000000000' in .*news\.db/);
  // A store that does not exist is an error for the commands that read one, and is not created.
  const missing = join(db, '..', 'missing.db');
  for (const args of [['story', 's-000000000000'], ['stories'], ['outlets']]) {
    const r = runCli([...args, '--db', missing]);
    assert.equal(r.status, 4, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /^corroborate: database .*missing\.db does not exist\n$/);
    assert.equal(existsSync(missing), false, `${args[0]} created the store`);
  }
  const dir = runCli(['stories', '--db', repoRoot]);
  assert.equal(dir.status, 4);
  assert.doesNotMatch(dir.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(runCli(['compare', first, '--db', db]).status, 2);
  assert.equal(runCli(['stories', '--db', db, '--since', 'yesterday']).status, 2);
  assert.equal(runCli(['story', '--db', db]).status, 2);
});
