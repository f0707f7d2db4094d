import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../src/store/index.js';
import { repoRoot } from './helpers/paths.js';
import { writerArticle, writerSignature } from './helpers/store-writer.js';
import { storeBackends } from './store-backends.js';

const writer = fileURLToPath(new URL('./helpers/store-writer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Articles the writer writes: fewer on PostgreSQL, where each statement is a round trip. */
const N = { sqlite: 4000, postgres: 1500 } as const;

/** Starts the writer and SIGKILLs it once it has reported `killAfter` committed batches. */
function runAndKill(db: string, n: number, killAfter: number): Promise<{ committed: number; signal: NodeJS.Signals | null; sawDone: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, db, String(n)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let batches = 0;
    let committed = 0;
    let sawDone = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const m = /^committed (\d+)/.exec(line);
        if (m) {
          committed = Number(m[1]);
          if (++batches === killAfter) child.kill('SIGKILL');
        } else if (line === 'done') sawDone = true;
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`writer failed (${code}): ${stderr}`));
      else resolve({ committed, signal, sawDone });
    });
  });
}

function checkConsistent(db: string, store: Store, sqlite: boolean): void {
  if (sqlite) {
    const raw = new Database(db, { readonly: true });
    try {
      assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(raw.pragma('foreign_key_check'), []);
    } finally {
      raw.close();
    }
  }
  const stats = store.stats();
  assert.equal(stats.unassigned, 0, 'every stored article has its story');
  let members = 0;
  for (const story of store.listStories()) {
    const ids = store.memberIds(story.id);
    assert.equal(story.size, ids.length, `size of ${story.id}`);
    members += ids.length;
  }
  assert.equal(members, stats.articles);
  // Every stored article is complete: its text, signature and story, exactly as written.
  for (const page of store.allSignatures(500)) {
    for (const rec of page) {
      const i = Number(rec.id.slice(1));
      assert.equal(rec.seq, i + 1, 'articles are stored in order, without gaps');
      assert.deepEqual(rec.signature, writerSignature(i));
      assert.ok(rec.story);
    }
  }
  if (stats.articles > 0) {
    const last = store.getArticle(stats.articles);
    assert.ok(last);
    assert.equal(last.text, writerArticle(stats.articles - 1).text);
  }
}

for (const backend of storeBackends(dir)) {
  test(`${backend.prefix}kill -9 mid-ingest: the database is consistent and a re-run completes it without duplicates`, async () => {
    const n = N[backend.name];
    const sqlite = backend.name === 'sqlite';
    const db = backend.location();
    const killed = await runAndKill(db, n, 5);
    assert.equal(killed.signal, 'SIGKILL');
    assert.equal(killed.sawDone, false);

    const store = openStore(db);
    try {
      const partial = store.stats().articles;
      // Whole batches only: at least the 5 reported, and not all of them.
      assert.ok(partial >= killed.committed, `${partial} >= ${killed.committed}`);
      assert.ok(partial < n, `killed before the end (${partial} < ${n})`);
      assert.equal(partial % 50, 0, 'a batch is all there or not at all');
      checkConsistent(db, store, sqlite);
    } finally {
      store.close();
    }

    const rerun = spawnSync(process.execPath, ['--import', 'tsx', writer, db, String(n)], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stdout, /done\n$/);

    const reference = backend.location();
    const clean = spawnSync(process.execPath, ['--import', 'tsx', writer, reference, String(n)], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);

    const after = openStore(db);
    const expected = openStore(reference, { readonly: true });
    try {
      const stats = after.stats();
      assert.equal(stats.articles, n);
      assert.equal(stats.conflicts, 0);
      checkConsistent(db, after, sqlite);
      // The interrupted-then-resumed store equals an uninterrupted run: same stories, members, merges, events.
      const shape = (s: Store) =>
        s.listStories({ order: 'biggest' }).map((story) => ({ id: story.id, size: story.size, members: s.memberIds(story.id), events: s.events(story.id) }));
      assert.deepEqual(shape(after), shape(expected));
      assert.equal(stats.mergedStories, expected.stats().mergedStories);
      assert.ok(stats.mergedStories > 0, 'the run included merges');
    } finally {
      after.close();
      expected.close();
    }
  });
}
