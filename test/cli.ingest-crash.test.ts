import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.js';
import { runCli, repoRoot } from './helpers/cli.js';

const entry = fileURLToPath(new URL('./helpers/cli-entry.ts', import.meta.url));
const STORIES = 300;
const PER_STORY = 4;

/** Our own synthetic wire items: STORIES events, each reported PER_STORY times with small rewordings. */
function corpusLines(): string[] {
  const lines: string[] = [];
  for (let s = 0; s < STORIES; s++) {
    const place = `Vel${s.toString(36)}ora`;
    const person = `Mara Quin${s.toString(36)}`;
    for (let k = 0; k < PER_STORY; k++) {
      const verb = ['said', 'told reporters', 'confirmed', 'announced'][k]!;
      const text =
        `The harbour authority of ${place} closed berth ${s} after a crane collapsed on pier ${s % 7}, ${person} ${verb}. ` +
        `Crews from ${place} worked through the night; ${10 + s} containers were moved and ${s % 5} workers were treated for minor injuries. ` +
        `${person} expects the berth at ${place} to reopen within ${2 + (s % 4)} days.`;
      lines.push(JSON.stringify({ id: `s${s}-${k}`, text, source: `Outlet ${k}`, published: new Date(Date.UTC(2031, 0, 1) + s * 3_600_000 + k * 60_000).toISOString() }));
    }
  }
  return lines;
}

function articleCount(db: string): number {
  try {
    const store = openStore(db, { readonly: true });
    try {
      return store.stats().articles;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

test('kill -9 during ingest, then the same ingest again: nothing lost, nothing duplicated, stories consistent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-crash-'));
  const file = join(dir, 'wire.jsonl');
  const lines = corpusLines();
  writeFileSync(file, `${lines.join('\n')}\n`);
  const db = join(dir, 'news.db');

  // A real `corroborate ingest` process, killed with SIGKILL once some batches are committed.
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'ingest', file, '--db', db, '--no-encoder', '--no-ledgers'], { cwd: repoRoot, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  let seen = 0;
  for (let i = 0; i < 600 && seen === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    seen = articleCount(db);
  }
  child.kill('SIGKILL');
  const how = await exited;
  const committed = articleCount(db);
  assert.ok(seen > 0, 'the ingest committed something before it was killed');
  if (how === 'SIGKILL') assert.ok(committed < lines.length, `killed mid-way (${committed} of ${lines.length} stored)`);

  // Whatever was committed is whole: every stored article has its story, every story's size is its members.
  const check = (): { articles: number; members: number } => {
    const store = openStore(db, { readonly: true });
    try {
      const stats = store.stats();
      assert.equal(stats.unassigned, 0);
      let members = 0;
      for (const s of store.listStories()) {
        const ids = store.memberIds(s.id);
        assert.equal(s.size, ids.length, s.id);
        members += ids.length;
      }
      return { articles: stats.articles, members };
    } finally {
      store.close();
    }
  };
  const partial = check();
  assert.equal(partial.members, partial.articles);

  // The same ingest again finishes the job.
  const again = runCli(['ingest', file, '--db', db, '--no-encoder', '--no-ledgers']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, new RegExp(`${lines.length - committed} new, ${committed} duplicate`));
  const done = check();
  assert.deepEqual(done, { articles: lines.length, members: lines.length });

  // And the stories are those of an uninterrupted run.
  const clean = join(dir, 'clean.db');
  assert.equal(runCli(['ingest', file, '--db', clean, '--no-encoder', '--no-ledgers']).status, 0);
  const groups = (path: string): string[] => {
    const out = runCli(['stories', '--db', path, '--format', 'jsonl']).stdout.trim().split('\n');
    return out.map((l) => (JSON.parse(l) as { articles: string[] }).articles.join(',')).sort();
  };
  assert.deepEqual(groups(db), groups(clean));
  // (The decision itself: nearly one story per synthetic event; its quality is measured on ECB+ in eval/.)
  assert.ok(groups(clean).length >= STORIES * 0.95 && groups(clean).length <= STORIES, `${groups(clean).length} stories`);
});
