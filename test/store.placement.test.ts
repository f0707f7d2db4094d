/**
 * One placement lane per store (`Store.tryLockPlacement`, held by every ingest run): a second ingester waits
 * while another holds the lock, and a holder that dies (kill -9) does not keep it. Both backends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { repoRoot } from './helpers/paths.js';
import { storeBackends } from './store-backends.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-placement-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const holder = fileURLToPath(new URL('./helpers/placement-holder.ts', import.meta.url));
const entry = fileURLToPath(new URL('./helpers/cli-entry.ts', import.meta.url));

/** Starts a process that takes the lock; resolves once it says whether it got it. */
function startHolder(db: string): Promise<{ child: ChildProcess; got: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', holder, db], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve({ child, got: out.trim() });
    });
    child.on('close', (code) => {
      if (!out.includes('\n')) reject(new Error(`holder exited ${code}: ${err}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('close', () => resolve());
    child.kill('SIGKILL');
  });
}

for (const backend of storeBackends(dir)) {
  test(`${backend.prefix}placement lock: one holder at a time, released on release, twice harmless`, () => {
    const db = backend.location();
    const a = openStore(db);
    const b = openStore(db);
    try {
      const releaseA = a.tryLockPlacement();
      assert.ok(releaseA, 'the first takes it');
      assert.equal(a.tryLockPlacement(), null, 'not twice on one store object');
      assert.equal(b.tryLockPlacement(), null, 'another connection waits');
      releaseA();
      releaseA();
      const releaseB = b.tryLockPlacement();
      assert.ok(releaseB, 'free again after release');
      releaseB();
    } finally {
      a.close();
      b.close();
    }
  });

  test(`${backend.prefix}placement lock: a holder killed with -9 leaves it to the next; an ingest waits for a live holder`, { timeout: 120_000 }, async () => {
    const db = backend.location();
    openStore(db).close();
    const first = await startHolder(db);
    assert.equal(first.got, 'locked');
    const second = await startHolder(db);
    assert.equal(second.got, 'held', 'a live holder keeps it');
    await new Promise<void>((resolve) => second.child.on('close', () => resolve()));

    // An ingest started now waits (and says so) until the holder is gone.
    const input = join(dir, `one-${backend.name}.jsonl`);
    writeFileSync(input, `${JSON.stringify({ id: 'w1', text: 'The Arden ferry resumed service on Tuesday after a storm closed the harbour.', source: 'Arden Post', published: '2031-04-08' })}\n`);
    const ingest = spawn(process.execPath, ['--import', 'tsx', entry, 'ingest', input, '--db', db, '--no-ledgers'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    ingest.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const ingestDone = new Promise<number | null>((resolve) => ingest.on('close', (code) => resolve(code)));
    const until = Date.now() + 60_000;
    while (!stderr.includes('waiting for it to finish') && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    assert.match(stderr, /another ingest is placing articles in .*; waiting for it to finish/);
    await killed(first.child);
    assert.equal(await ingestDone, 0, stderr);
    const store = openStore(db, { readonly: true });
    try {
      assert.equal(store.getArticle('w1')?.story !== null, true, 'placed once the lock was free');
    } finally {
      store.close();
    }
    const third = await startHolder(db);
    assert.equal(third.got, 'locked', 'the ingest released it');
    await killed(third.child);
  });
}

test('placement lock on SQLite: a mark left by a holder elsewhere is kept within its lease and taken over after it; closing the store gives the lock up', () => {
  const db = join(dir, 'lease.db');
  const store = openStore(db);
  store.close();
  const mark = (at: number): string => JSON.stringify({ host: 'another-machine', pid: 4242, n: 1, at });
  const raw = new Database(db);
  const put = raw.prepare(`INSERT INTO meta (key, value) VALUES ('store.placing', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  try {
    put.run(mark(Date.now() - 60_000));
    let s = openStore(db);
    assert.equal(s.tryLockPlacement(), null, 'a holder elsewhere that wrote a minute ago keeps it');
    s.close();
    put.run(mark(Date.now() - 11 * 60_000));
    s = openStore(db);
    const release = s.tryLockPlacement();
    assert.ok(release, 'taken over after 10 minutes without a write');
    // Closed without releasing: the lock goes with the store, and this same process can take it again.
    s.close();
    s = openStore(db);
    const again = s.tryLockPlacement();
    assert.ok(again, 'given up when its store closed');
    again();
    release();
    s.close();
  } finally {
    raw.close();
  }
});
