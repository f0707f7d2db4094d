/**
 * What the PostgreSQL store does beyond the shared contract tests (test/store.*.test.ts run on both backends):
 * its clean-up triggers, opening errors (one line, no password), reader isolation, read-only and busy, nested
 * transactions after a refused statement, and the same results as the SQLite store for a mixed run of calls.
 * Runs when CORROBORATE_TEST_PG names a database (`.ci/run` starts one); skipped otherwise.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { PgConnection } from '../src/store/pg-bridge.js';
import { StoreError } from '../src/store/errors.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import type { Store } from '../src/store/types.js';
import type { Article } from '../src/types.js';
import { TEST_PG_URL } from './store-backends.js';

const skip = TEST_PG_URL ? false : 'CORROBORATE_TEST_PG is not set (no PostgreSQL to test against)';
const BASE = TEST_PG_URL ?? 'postgres://unused@127.0.0.1/unused';
/** The test database's password, if its URL has one: no message may show it. */
const PASSWORD = TEST_PG_URL ? new URL(TEST_PG_URL).password : '';
/** `BASE` with another database name, port or password. */
function variant(change: (u: URL) => void): string {
  const u = new URL(BASE);
  change(u);
  return u.toString();
}
let k = 0;
const schemas: string[] = [];
const url = (): string => {
  const s = `x_${process.pid}_${++k}`;
  schemas.push(s);
  return `${BASE}${BASE.includes('?') ? '&' : '?'}schema=${s}`;
};
const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-pg-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  if (!TEST_PG_URL || schemas.length === 0) return;
  const admin = new PgConnection(BASE);
  try {
    for (const s of schemas) admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    admin.close();
  }
});
const article = (id: string, text: string): Article => ({ id, title: `About ${id}`, text, source: 'Velmora Courier', url: null, published: '2026-11-02', language: 'en', byline: null, origin: id });
/** A StoreError of `c` whose one-line message names `inc` and never the password. */
const code = (c: string, inc?: string) => (e: unknown) => {
  assert.ok(e instanceof StoreError, String(e));
  assert.equal(e.code, c, e.message);
  if (inc) assert.ok(e.message.includes(inc), e.message);
  assert.ok(!e.message.includes('\n'), e.message);
  if (PASSWORD) assert.ok(!e.message.includes(`:${PASSWORD}@`), e.message);
  return true;
};

test('analyses removed by raw edits (triggers), seq reused after delete', { skip }, () => {
  const u = url();
  const schema = schemas.at(-1)!;
  const store = openPgStore(u);
  const ids = ['a1', 'a2', 'a3', 'a4', 'a5'];
  ids.forEach((id, i) => store.putArticle(article(id, `Article number ${i} about the ferry.`)));
  store.saveAnalyses(ids.map((id) => ({ id, version: 1, data: Uint8Array.from([7]) })));
  store.createStory('s1', ['a1', 'a2']);
  store.createStory('s2', ['a3']);
  store.mergeStories('s2', 's1');
  store.setSignature('a1', Uint8Array.from([5, 5]));
  assert.equal(store.getAnalyses(ids, 1).size, 5);
  store.close();
  const raw = new PgConnection(BASE);
  raw.query(`SET search_path TO "${schema}"`);
  raw.query(`UPDATE article_texts SET text = 'Another text.' WHERE seq = (SELECT seq FROM articles WHERE id = 'a1')`);
  raw.query(`UPDATE articles SET published = '2027-01-01' WHERE id = 'a2'`);
  raw.query(`UPDATE articles SET hash = 'changed' WHERE id = 'a3'`);
  raw.query(`DELETE FROM article_texts WHERE seq = (SELECT seq FROM articles WHERE id = 'a5')`);
  raw.query(`DELETE FROM articles WHERE id = 'a5'`);
  assert.equal(raw.query<{ n: number }>(`SELECT count(*) AS n FROM article_analyses`).rows[0]!.n, 1);
  raw.close();
  const again = openPgStore(u);
  assert.deepEqual([...again.getAnalyses(ids, 1).keys()], ['a4']);
  assert.deepEqual(again.putArticle(article('a6', 'A new article after a deletion.')), { status: 'new', seq: 5, id: 'a6' });
  assert.equal(again.getAnalyses(['a6'], 1).size, 0);
  again.close();
});

test('open: version, location without password, twice close, missing read-only, too-new, not-a-store, bad connection', { skip }, () => {
  const u = url();
  const schema = schemas.at(-1)!;
  assert.throws(() => openPgStore(u, { readonly: true }), code('missing', '127.0.0.1'));
  const s = openPgStore(u);
  assert.equal(s.stats().schemaVersion, MIGRATIONS.length);
  if (PASSWORD) assert.ok(!s.location.includes(`:${PASSWORD}@`), s.location);
  s.close();
  s.close();
  const admin = new PgConnection(BASE);
  admin.query(`UPDATE "${schema}".corroborate_meta SET value = '99' WHERE key = 'schema-version'`);
  assert.throws(() => openPgStore(u), code('too-new', schema));
  assert.throws(() => openPgStore(u, { readonly: true }), code('too-new'));
  const other = url();
  const os = schemas.at(-1)!;
  admin.query(`CREATE SCHEMA "${os}"; CREATE TABLE "${os}".invoices (id int)`);
  admin.close();
  assert.throws(() => openPgStore(other), code('not-a-store'));
  const unreachable = variant((u) => {
    u.port = '1';
    u.password = 'secretpw';
  });
  assert.throws(() => openPgStore(unreachable), (e: unknown) => code('unwritable', '127.0.0.1:1')(e) && !(e as Error).message.includes('secretpw'));
  const inQuery = `${variant((u) => (u.port = '1'))}${BASE.includes('?') ? '&' : '?'}password=querysecret`;
  assert.throws(() => openPgStore(inQuery), (e: unknown) => code('unwritable', '127.0.0.1:1')(e) && !(e as Error).message.includes('querysecret'));
  assert.throws(() => openPgStore(variant((u) => (u.pathname = '/nodb'))), code('missing', 'nodb'));
});

test('reader isolation, read-only writes refused, busy', { skip }, () => {
  const u = url();
  const writer = openPgStore(u);
  const reader = openPgStore(u, { readonly: true });
  const second = openPgStore(u, { busyTimeoutMs: 50 });
  writer.putArticle(article('w1', 'First, committed.'));
  writer.createStory('st', ['w1']);
  assert.equal(reader.getArticle('w1')?.story, 'st');
  writer.transaction(() => {
    writer.putArticle(article('w2', 'Second.'));
    writer.assign('w2', 'st');
    assert.equal(reader.getArticle('w2'), null);
    assert.equal(reader.getStory('st')?.size, 1);
    assert.equal(reader.stats().articles, 1);
    const t = Date.now();
    assert.throws(() => second.putArticle(article('l2', 'Must wait.')), code('busy'));
    assert.ok(Date.now() - t >= 40);
  });
  assert.equal(second.putArticle(article('l2', 'Now it can write.')).status, 'new');
  assert.equal(reader.getStory('st')?.size, 2);
  assert.throws(() => reader.putArticle(article('r1', 'no')), code('unwritable'));
  assert.throws(() => reader.setMeta('x', '1'), code('unwritable'));
  assert.throws(() => reader.createStory('x'), code('unwritable'));
  assert.equal(reader.indexForSearch(), 0);
  assert.equal(reader.getArticle('l2')?.seq, 3);
  reader.close(); writer.close(); second.close();
});

test('a caught PG error inside a transaction: savepoint undo, outer commit refused when aborted', { skip }, () => {
  const store = openPgStore(url());
  store.putArticle(article('a1', 'one'));
  // nested: error inside nested tx caught by outer -> outer commits rest
  store.transaction(() => {
    store.putArticle(article('a2', 'two'));
    assert.throws(() => store.transaction(() => { store.putArticle(article('a3', 'three')); throw new Error('inner'); }));
    store.putArticle(article('a4', 'four'));
  });
  assert.deepEqual(['a1', 'a2', 'a3', 'a4'].map((id) => store.getArticle(id)?.seq ?? null), [1, 2, null, 3]);
  // a story error inside an outer transaction leaves no trace
  store.transaction(() => {
    store.createStory('s', ['a1']);
    assert.throws(() => store.createStory('s'), code('story-exists'));
    assert.throws(() => store.assign('nope', 's'), code('no-such-article'));
    store.assign('a2', 's');
  });
  assert.equal(store.getStory('s')?.size, 2);
  // triple nesting
  store.transaction(() => store.transaction(() => store.transaction(() => store.setMeta('k', 'v'))));
  assert.equal(store.getMeta('k'), 'v');
  store.close();
});

test('same store content as SQLite for a mixed sequence', { skip }, () => {
  const run = (store: Store): unknown[] => {
    const out: unknown[] = [];
    store.transaction(() => { for (let i = 0; i < 30; i++) out.push(store.putArticle({ ...article(`a${i}`, `Text ${i % 25} here.`), published: i % 7 === 0 ? null : `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`, source: i % 3 ? `S${i % 4}` : null }, Uint8Array.from([i]))); });
    try { store.transaction(() => { store.putArticle(article('rolled', 'gone')); throw new Error('x'); }); } catch { /* */ }
    out.push(store.putArticle(article('after', 'after rollback')));
    for (let i = 0; i < 25; i++) out.push(store.createStory(`s${i % 6}-${i}`, [i, i + 1].map((x) => `a${x}`)));
    out.push(store.mergeStories('s0-0', 's1-1'), store.mergeStories('s1-1', 's2-2'), store.splitStory('s2-2', 'sp', ['a0']));
    out.push(store.listStories(), store.listStories({ order: 'biggest', limit: 5 }), store.listStories({ since: '2026-11-10' }), store.stats(), store.staleStories(), store.outlets());
    out.push(['s0-0', 's2-2', 'sp'].map((id) => store.events(id)));
    store.saveReport('sp', '{"a":1}', 3, undefined, { version: 2, data: '{"d":1}' });
    store.saveReport('s3-3', '{"a":2}', store.getStory('s3-3')!.updatedSeq);
    out.push(store.getReport('sp'), store.getReportDigest('sp'), store.getReportDigest('s3-3'), store.reportsToDigest(2), store.setReportDigest('s3-3', store.getStory('s3-3')!.updatedSeq, { version: 2, data: 'x' }), store.reportsToDigest(2), store.setReportDigest('sp', 1, { version: 2, data: 'y' }));
    out.push(Number(store.getMeta('store.reports-written')));
    store.indexForSearch();
    out.push(store.searchStories({ q: 'text here' }), store.searchStories({ order: 'biggest', limit: 3, offset: 2, until: '2026-11-15' }));
    out.push([...store.allSignatures(7)]);
    out.push(store.articlesOf('s4-4'));
    return out;
  };
  const a = openSqliteStore(join(dir, 'x.db'), { now: () => 'T' });
  const b = openPgStore(url(), { now: () => 'T' });
  const ra = run(a); const rb = run(b);
  a.close(); b.close();
  assert.deepEqual(rb, ra);
});
