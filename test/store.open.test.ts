import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { openStore, StoreError } from '../src/store/index.js';
import { MIGRATIONS, type Migration } from '../src/store/migrations.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Article } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-open-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function article(id: string, text: string): Article {
  return { id, title: null, text, source: 'Velmora Courier', url: null, published: '2026-11-02', language: 'en', byline: null, origin: id };
}

/** Asserts a StoreError with `code` whose message is one line naming `path`. */
function rejects(fn: () => unknown, code: string, path: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StoreError, `expected StoreError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.includes(path), `message names the path: ${e.message}`);
    assert.ok(!e.message.includes('\n'));
    return true;
  });
}

test('a new store: WAL mode, foreign keys, current schema version', () => {
  const path = join(dir, 'new.db');
  const store = openStore(path);
  assert.equal(store.stats().schemaVersion, MIGRATIONS.length);
  assert.equal(store.location, path);
  assert.equal(store.readonly, false);
  store.close();
  store.close(); // twice is harmless
  const raw = new Database(path, { readonly: true });
  try {
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(raw.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal(raw.pragma('application_id', { simple: true }), 0x436f7272);
  } finally {
    raw.close();
  }
});

test('bad paths are typed errors with a one-line message naming the path', () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  rejects(() => openStore(folder), 'is-directory', folder);

  const jsonl = join(dir, 'corpus.jsonl');
  const content = '{"id":"x","text":"Not a database, a corpus file given to --db by mistake. '.padEnd(400, '.') + '"}\n';
  writeFileSync(jsonl, content);
  rejects(() => openStore(jsonl), 'not-a-database', jsonl);
  assert.equal(readFileSync(jsonl, 'utf8'), content, 'the file is left untouched');

  const missingDir = join(dir, 'no-such-dir', 'news.db');
  rejects(() => openStore(missingDir), 'unwritable', missingDir);
  const underFile = join(jsonl, 'news.db');
  rejects(() => openStore(underFile), 'unwritable', underFile);
  const missing = join(dir, 'missing.db');
  rejects(() => openStore(missing, { readonly: true }), 'missing', missing);

  const foreign = join(dir, 'foreign.db');
  const raw = new Database(foreign);
  raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
  raw.close();
  rejects(() => openStore(foreign), 'not-a-store', foreign);
});

test('migrations: an older store is upgraded in place; a newer one is refused', () => {
  const path = join(dir, 'versions.db');
  const v1 = openSqliteStore(path, { migrations: MIGRATIONS });
  v1.putArticle(article('m1', 'Kept across the upgrade.'));
  v1.close();

  const next: Migration = { version: MIGRATIONS.length + 1, description: 'test: a new table', sql: 'CREATE TABLE later_feature (x TEXT)' };
  // Read-only cannot upgrade: a clear message.
  rejects(() => openSqliteStore(path, { readonly: true, migrations: [...MIGRATIONS, next] }), 'needs-upgrade', path);

  const v2 = openSqliteStore(path, { migrations: [...MIGRATIONS, next] });
  assert.equal(v2.stats().schemaVersion, MIGRATIONS.length + 1);
  assert.equal(v2.getArticle('m1')?.text, 'Kept across the upgrade.');
  v2.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'later_feature'`).pluck().get(), 1);
  raw.close();

  // This code's schema is now older than the file's.
  rejects(() => openStore(path), 'too-new', path);
  rejects(() => openStore(path, { readonly: true }), 'too-new', path);

  const broken: Migration = { version: MIGRATIONS.length + 1, description: 'fails', sql: 'CREATE TABLE articles (x)' };
  const path2 = join(dir, 'broken-upgrade.db');
  openStore(path2).close();
  assert.throws(() => openSqliteStore(path2, { migrations: [...MIGRATIONS, broken] }));
  const again = openStore(path2);
  assert.equal(again.stats().schemaVersion, MIGRATIONS.length, 'a failed migration leaves the previous version');
  again.close();
});

test('WAL: a reader sees committed data only, and reads while the writer holds a transaction', () => {
  const path = join(dir, 'shared.db');
  const writer = openStore(path);
  const reader = openStore(path, { readonly: true });
  try {
    writer.putArticle(article('w1', 'First, committed.'));
    writer.createStory('st', ['w1']);
    assert.equal(reader.getArticle('w1')?.story, 'st');

    writer.transaction(() => {
      writer.putArticle(article('w2', 'Second, not yet committed.'));
      writer.assign('w2', 'st');
      // The reader is not blocked and sees the last committed state.
      assert.equal(reader.getArticle('w2'), null);
      assert.equal(reader.getStory('st')?.size, 1);
      assert.equal(reader.stats().articles, 1);
    });
    assert.equal(reader.getArticle('w2')?.story, 'st');
    assert.equal(reader.getStory('st')?.size, 2);

    assert.equal(reader.readonly, true);
    assert.throws(() => reader.putArticle(article('r1', 'Readers cannot write.')), (e: unknown) => e instanceof StoreError && e.code === 'unwritable');
  } finally {
    reader.close();
    writer.close();
  }
});

test('a second writer waits for the lock, then fails with a typed busy error', () => {
  const path = join(dir, 'locked.db');
  const first = openStore(path);
  const second = openStore(path, { busyTimeoutMs: 50 });
  try {
    first.transaction(() => {
      first.putArticle(article('l1', 'Holding the write lock.'));
      rejects(() => second.putArticle(article('l2', 'Must wait.')), 'busy', path);
    });
    assert.equal(second.putArticle(article('l2', 'Now it can write.')).status, 'new');
  } finally {
    second.close();
    first.close();
  }
});
