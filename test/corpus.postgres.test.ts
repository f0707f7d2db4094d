/**
 * Corpus mode on PostgreSQL end to end, through the CLI as a user runs it: the shipped examples ingested into a
 * PostgreSQL store give the same stories and the same story report as into an SQLite store, and the other corpus
 * commands read it. Runs when CORROBORATE_TEST_PG names a database (`.ci/run` starts one); skipped otherwise.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/paths.js';
import { assertValidReport } from './helpers/schema.js';
import { storeBackends, TEST_PG_URL } from './store-backends.js';

const skip = TEST_PG_URL ? false : 'CORROBORATE_TEST_PG is not set (no PostgreSQL to test against)';
const dir = mkdtempSync(join(tmpdir(), 'corroborate-pg-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const examples = ['valley-courier.txt', 'northshore-daily.html', 'metro-ledger.md'].map((f) => join(repoRoot, 'examples', f));

/** What a user sees of a store after ingesting the examples: the story list and the biggest story's report. */
function runOn(db: string): { stories: string; report: string; outlets: string } {
  const ingest = runCli(['ingest', ...examples, '--db', db, '--no-encoder']);
  assert.equal(ingest.status, 0, ingest.stderr);
  const password = db.startsWith('postgres') ? new URL(db).password : '';
  if (password !== '') assert.ok(!ingest.stderr.includes(`:${password}@`), `no password shown: ${ingest.stderr}`);
  const stories = runCli(['stories', '--db', db, '--format', 'jsonl', '--sort', 'biggest']);
  assert.equal(stories.status, 0, stories.stderr);
  const biggest = (JSON.parse(stories.stdout.split('\n')[0]!) as { story: string }).story;
  const story = runCli(['story', biggest, '--db', db, '--format', 'json', '--no-encoder']);
  assert.equal(story.status, 0, story.stderr);
  const outlets = runCli(['outlets', '--db', db, '--format', 'json']);
  assert.equal(outlets.status, 0, outlets.stderr);
  return { stories: stories.stdout, report: story.stdout, outlets: outlets.stdout };
}

/** A report without what differs between runs by design (when and by what it was made). */
function comparable(json: string): unknown {
  const report = JSON.parse(json) as Record<string, unknown>;
  delete report.generatedAt;
  delete report.generator;
  return report;
}

test('the examples ingested into PostgreSQL give the stories, report and outlets an SQLite store gives', { skip }, () => {
  const [sqlite, postgres] = storeBackends(dir);
  const a = runOn(sqlite!.location());
  const b = runOn(postgres!.location());
  assert.equal(b.stories, a.stories);
  assertValidReport(JSON.parse(b.report));
  assert.deepEqual(comparable(b.report), comparable(a.report));
  assert.equal(b.outlets, a.outlets);
});

test('ingest with no input on PostgreSQL: reports brought up to date in an existing store, none created in an empty schema', { skip }, () => {
  const [, postgres] = storeBackends(dir);
  const db = postgres!.location();
  const none = runCli(['ingest', '--db', db]);
  assert.equal(none.status, 4, none.stderr);
  assert.match(none.stderr, /no store at postgres:\/\//);
  assert.equal(runCli(['ingest', examples[0]!, '--db', db, '--no-ledgers']).status, 0);
  const update = runCli(['ingest', '--db', db]);
  assert.equal(update.status, 0, update.stderr);
});

test('a PostgreSQL server that cannot be reached: exit 4, one line naming it, no password', { skip }, () => {
  const r = runCli(['stories', '--db', 'postgres://someone:secret-word@127.0.0.1:1/nothing']);
  assert.equal(r.status, 4, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /127\.0\.0\.1:1/);
  assert.ok(!r.stderr.includes('secret-word'), r.stderr);
});
