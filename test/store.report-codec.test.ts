/** Reports are kept compressed in the store; stores written before that (JSON text) read back unchanged. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { decodeReport, encodeReport, openStore } from '../src/store/index.js';
import { deflateTagged } from '../src/store/tagged-text.js';
import type { Article } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-report-codec-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const article = (id: string): Article => ({
  id, title: null, text: `Text of ${id}. The bridge at Arden reopened.`, source: `Outlet ${id}`, url: null,
  published: '2026-11-02', language: 'en', byline: null, origin: 'test',
});

/** A report-like JSON text that repeats its sentences, as reports do (alignments, ledgers). */
const reportJson = JSON.stringify({
  schemaVersion: 3,
  stories: [{ id: 's1', alignments: Array.from({ length: 200 }, (_, i) => ({ a: { text: 'The bridge at Arden reopened on Monday after 87 days.' }, b: { text: `Arden’s bridge reopened, ${i} said — “über” ✓.` } })) }],
});

test('encodeReport / decodeReport round-trip any JSON text, non-ASCII included, and compress a repetitive one', () => {
  const bytes = encodeReport(reportJson);
  assert.equal(decodeReport(bytes), reportJson);
  assert.ok(bytes.length * 5 < Buffer.byteLength(reportJson), `${bytes.length} bytes for ${reportJson.length} characters`);
  assert.equal(decodeReport(encodeReport('')), '');
  assert.equal(decodeReport('{"plain":true}'), '{"plain":true}');
  assert.throws(() => decodeReport(new Uint8Array([9, 1, 2])), /unknown format byte 9/);
});

test('a report encoded with raw DEFLATE (format 1, written before brotli) reads back; new ones are brotli (format 2) and smaller', () => {
  const deflated = deflateTagged(1, reportJson, 1);
  assert.equal(decodeReport(deflated), reportJson);
  const now = encodeReport(reportJson);
  assert.equal(now[0], 2);
  assert.ok(now.length < deflated.length, `brotli ${now.length} bytes, DEFLATE ${deflated.length}`);
});

test('the store keeps a report compressed, gives back its JSON text, whether saved as text or as encoded bytes', () => {
  const path = join(dir, 'a.db');
  const store = openStore(path);
  for (const id of ['a1', 'a2', 'a3']) store.putArticle(article(id));
  const s1 = store.createStory('s1', ['a1', 'a2']);
  const s2 = store.createStory('s2', ['a3']);
  store.saveReport('s1', reportJson, s1.updatedSeq);
  store.saveReport('s2', encodeReport(reportJson.replace('s1', 's2')), s2.updatedSeq);
  assert.equal(store.getReport('s1')?.json, reportJson);
  assert.equal(store.getReport('s2')?.json, reportJson.replace('s1', 's2'));
  store.close();
  const db = new Database(path, { readonly: true });
  const rows = db.prepare('SELECT story, typeof(json) AS type, length(json) AS bytes FROM reports ORDER BY story').all() as { story: string; type: string; bytes: number }[];
  db.close();
  assert.deepEqual(rows.map((r) => r.type), ['blob', 'blob']);
  for (const r of rows) assert.ok(r.bytes * 5 < reportJson.length, `${r.story}: ${r.bytes} bytes stored`);
});

test('a report stored as JSON text by an earlier version reads back as it was', () => {
  const path = join(dir, 'b.db');
  let store = openStore(path);
  store.putArticle(article('a1'));
  const s1 = store.createStory('s1', ['a1']);
  store.saveReport('s1', reportJson, s1.updatedSeq);
  store.close();
  const db = new Database(path);
  db.prepare('UPDATE reports SET json = ? WHERE story = ?').run('{"old":"text"}', 's1');
  db.close();
  store = openStore(path, { readonly: true });
  assert.equal(store.getReport('s1')?.json, '{"old":"text"}');
  store.close();
});
