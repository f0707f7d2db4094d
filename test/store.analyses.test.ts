/** The store's per-article analyses: by id and version, replaced on save, never outliving the article's content. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { openStore, StoreError } from '../src/store/index.js';
import type { Article } from '../src/types.js';
import { storeBackends } from './store-backends.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-analyses-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function article(id: string, text: string): Article {
  return { id, title: `About ${id}`, text, source: 'Velmora Courier', url: null, published: '2026-11-02', language: 'en', byline: null, origin: id };
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

for (const backend of storeBackends(dir)) {
  test(`${backend.prefix}analyses: read by id for one version, replaced on save, empty lists harmless`, () => {
    const store = openStore(backend.location());
    try {
      store.putArticle(article('a1', 'The ferry ran aground.'));
      store.putArticle(article('a2', 'The council met on Monday.'));
      assert.equal(store.getAnalyses([], 1).size, 0);
      store.saveAnalyses([]);
      store.saveAnalyses([
        { id: 'a1', version: 1, data: bytes(1, 2, 3) },
        { id: 'a2', version: 2, data: bytes(4) },
      ]);
      assert.deepEqual([...store.getAnalyses(['a1', 'a2', 'nope'], 1)], [['a1', bytes(1, 2, 3)]]);
      assert.deepEqual([...store.getAnalyses(['a1', 'a2'], 2)], [['a2', bytes(4)]]);
      store.saveAnalyses([{ id: 'a1', version: 2, data: bytes(9, 9) }]);
      assert.equal(store.getAnalyses(['a1'], 1).size, 0, 'one analysis per article: the new version replaced the old');
      assert.deepEqual(store.getAnalyses(['a1'], 2).get('a1'), bytes(9, 9));
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}analyses: an unknown article id is a typed error and nothing of the batch is written`, () => {
    const store = openStore(backend.location());
    try {
      store.putArticle(article('a1', 'The ferry ran aground.'));
      assert.throws(
        () => store.saveAnalyses([{ id: 'a1', version: 1, data: bytes(1) }, { id: 'ghost', version: 1, data: bytes(2) }]),
        (e: unknown) => e instanceof StoreError && e.code === 'no-such-article' && e.message.includes('ghost'),
      );
      assert.equal(store.getAnalyses(['a1'], 1).size, 0);
    } finally {
      store.close();
    }
  });
}

test('analyses: removed when the article is deleted or its content changes, kept when only its story changes', () => {
  const path = join(dir, `a${++n}.db`);
  const store = openStore(path);
  const ids = ['a1', 'a2', 'a3', 'a4', 'a5'];
  try {
    ids.forEach((id, i) => store.putArticle(article(id, `Article number ${i} about the ferry.`)));
    store.saveAnalyses(ids.map((id) => ({ id, version: 1, data: bytes(7) })));
    store.createStory('s1', ['a1', 'a2']);
    store.createStory('s2', ['a3']);
    store.mergeStories('s2', 's1');
    store.setSignature('a1', bytes(5, 5));
    assert.equal(store.getAnalyses(ids, 1).size, 5, 'story moves and signatures leave analyses alone');
  } finally {
    store.close();
  }
  // The store never edits or deletes an article; a later tool (or a person with sqlite3) might.
  const raw = new Database(path);
  try {
    raw.pragma('foreign_keys = ON');
    raw.prepare(`UPDATE article_texts SET text = 'Another text.' WHERE seq = (SELECT seq FROM articles WHERE id = 'a1')`).run();
    raw.prepare(`UPDATE articles SET published = '2027-01-01' WHERE id = 'a2'`).run();
    raw.prepare(`UPDATE articles SET hash = 'changed' WHERE id = 'a3'`).run();
    raw.prepare(`DELETE FROM article_texts WHERE seq = (SELECT seq FROM articles WHERE id = 'a5')`).run();
    raw.prepare(`DELETE FROM articles WHERE id = 'a5'`).run();
    assert.equal(raw.prepare(`SELECT count(*) FROM article_analyses`).pluck().get(), 1);
  } finally {
    raw.close();
  }
  const again = openStore(path);
  try {
    assert.deepEqual([...again.getAnalyses(ids, 1).keys()], ['a4']);
    // A new article that takes the deleted one's seq starts without an analysis.
    again.putArticle(article('a6', 'A new article after a deletion.'));
    assert.equal(again.getAnalyses(['a6'], 1).size, 0);
  } finally {
    again.close();
  }
});
