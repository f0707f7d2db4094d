import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash, openStore, type SignatureRecord, type Store } from '../src/store/index.js';
import type { Article } from '../src/types.js';
import { storeBackends } from './store-backends.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-articles-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, title: null, text, source: 'Tidewater Gazette', url: null, published: null, language: 'en', byline: null, origin: `${id}.txt`, ...extra };
}

const FERRY = 'The Marlow ferry resumed service on Tuesday after a storm closed the harbour for three days.';

test('contentHash: same normalised text and source, whatever the id, title, or whitespace', () => {
  const base = contentHash(article('a', FERRY));
  assert.match(base, /^[0-9a-f]{12}$/);
  assert.equal(contentHash(article('b', `  ${FERRY.replace(/ /g, '\n ')}\r\n`, { title: 'Other' })), base);
  assert.equal(contentHash(article('a', FERRY, { source: ' tidewater  GAZETTE ' })), base);
  assert.notEqual(contentHash(article('a', FERRY, { source: 'Harbour Post' })), base);
  assert.notEqual(contentHash(article('a', FERRY.replace('three', 'four'))), base);
  // NFC: a decomposed é is the same text as the composed one.
  assert.equal(contentHash(article('a', 'Caf\u00e9 reopened.')), contentHash(article('a', 'Cafe\u0301 reopened.')));
});

for (const backend of storeBackends(dir)) {
  const fresh = (): Store => openStore(backend.location(), { now: () => '2026-12-01T00:00:00.000Z' });

  test(`${backend.prefix}putArticle: new, duplicate (same content under any id), conflict (same id, other content)`, () => {
    const store = fresh();
    try {
      const sig = new Uint8Array([9, 8, 7, 255]);
      const a = article('ferry-1', FERRY, { title: 'Ferry back', url: 'https://example.test/ferry', published: '2026-11-03', byline: 'R. Ames' });
      assert.deepEqual(store.putArticle(a, sig), { status: 'new', seq: 1, id: 'ferry-1' });
      assert.deepEqual(store.putArticle(article('ferry-1', `${FERRY}\n`)), { status: 'duplicate', seq: 1, id: 'ferry-1' });
      assert.deepEqual(store.putArticle(article('copy-of-ferry', FERRY)), { status: 'duplicate', seq: 1, id: 'ferry-1' });
      assert.deepEqual(store.putArticle(article('ferry-1', 'A different story about a bakery.')), { status: 'conflict', seq: 1, id: 'ferry-1' });
      assert.deepEqual(store.putArticle(article('ferry-2', FERRY, { source: 'Harbour Post' })), { status: 'new', seq: 2, id: 'ferry-2' });

      const stored = store.getArticle('ferry-1');
      assert.ok(stored);
      assert.deepEqual(stored, {
        ...a,
        seq: 1,
        hash: contentHash(a),
        story: null,
        signature: sig,
        ingestedAt: '2026-12-01T00:00:00.000Z',
      });
      assert.deepEqual(store.getArticle(2)?.id, 'ferry-2');
      assert.equal(store.getArticle('nope'), null);
      assert.equal(store.getArticle(99), null);

      const stats = store.stats();
      assert.equal(stats.articles, 2);
      assert.equal(stats.duplicates, 2);
      assert.equal(stats.conflicts, 1);
      assert.equal(stats.unassigned, 2);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}a hash collision is not a duplicate: content is compared, not only the hash`, () => {
    const store = fresh();
    try {
      assert.equal(store.putArticle(article('x1', 'First text.'), null, 'cafecafecafe').status, 'new');
      // Same (forced) hash, different content: stored as new, not dropped.
      assert.deepEqual(store.putArticle(article('x2', 'Second text.'), null, 'cafecafecafe'), { status: 'new', seq: 2, id: 'x2' });
      assert.deepEqual(store.putArticle(article('x3', 'Second text.'), null, 'cafecafecafe'), { status: 'duplicate', seq: 2, id: 'x2' });
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}transaction: all or nothing`, () => {
    const store = fresh();
    try {
      assert.throws(
        () =>
          store.transaction(() => {
            store.putArticle(article('t1', 'One.'));
            store.putArticle(article('t2', 'Two.'));
            throw new Error('abort');
          }),
        /abort/,
      );
      assert.equal(store.stats().articles, 0);
      const seqs = store.transaction(() => [store.putArticle(article('t1', 'One.')), store.putArticle(article('t2', 'Two.'))].map((r) => r.seq));
      assert.deepEqual(seqs, [1, 2]);
      // A nested transaction that fails is undone alone (savepoint) when the outer one catches it.
      store.transaction(() => {
        store.putArticle(article('t3', 'Three.'));
        assert.throws(() =>
          store.transaction(() => {
            store.putArticle(article('t4', 'Four.'));
            throw new Error('inner');
          }),
        );
      });
      assert.ok(store.getArticle('t3'));
      assert.equal(store.getArticle('t4'), null);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}signatures: batch by id or seq, replace, and page through all in seq order`, () => {
    const store = fresh();
    try {
      store.transaction(() => {
        for (let i = 0; i < 25; i++) {
          store.putArticle(article(`s${i}`, `Item ${i} of the list.`, { published: `2026-11-${String(i + 1).padStart(2, '0')}` }), i % 4 === 3 ? null : new Uint8Array([i, i + 1]));
        }
      });
      const byId = store.signatures(['s2', 's3', 'missing', 's2']);
      assert.deepEqual([...byId.keys()].sort(), ['s2', 's3']);
      assert.deepEqual(byId.get('s2'), { seq: 3, id: 's2', story: null, published: '2026-11-03', signature: new Uint8Array([2, 3]) });
      assert.equal(byId.get('s3')?.signature, null);
      const bySeq = store.signaturesBySeq([1, 25, 26]);
      assert.deepEqual([...bySeq.keys()].sort((a, b) => a - b), [1, 25]);
      assert.equal(bySeq.get(25)?.id, 's24');
      assert.equal(store.signatures([]).size, 0);

      assert.equal(store.setSignature('s3', new Uint8Array([42])), true);
      assert.equal(store.setSignature(5, null), true);
      assert.equal(store.setSignature('missing', null), false);
      assert.deepEqual(store.signatures(['s3']).get('s3')?.signature, new Uint8Array([42]));
      assert.equal(store.getArticle(5)?.signature, null);

      const pages = [...store.allSignatures(10)];
      assert.deepEqual(pages.map((p) => p.length), [10, 10, 5]);
      assert.deepEqual(pages.flat().map((r) => r.seq), Array.from({ length: 25 }, (_, i) => i + 1));
      // Pages are independent queries: writing between pages is allowed and later rows show up.
      const it = store.allSignatures(20)[Symbol.iterator]();
      const page = (): SignatureRecord[] | undefined => {
        const next = it.next();
        return next.done ? undefined : next.value;
      };
      assert.equal(page()?.length, 20);
      store.putArticle(article('late', 'Arrived while paging.'));
      assert.deepEqual(page()?.map((r) => r.id), ['s20', 's21', 's22', 's23', 's24', 'late']);
      assert.equal(page(), undefined);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}meta and term counts`, () => {
    const store = fresh();
    try {
      assert.equal(store.getMeta('clusterer.version'), null);
      store.setMeta('clusterer.version', '3');
      store.setMeta('clusterer.version', '4');
      assert.equal(store.getMeta('clusterer.version'), '4');

      assert.equal(store.documentCount(), 0);
      store.addTermCounts(new Map([['harbour', 2], ['ferry', 1]]), 2);
      store.addTermCounts(new Map([['harbour', 1], ['storm', 3], ['zero', 0]]), 3);
      assert.equal(store.documentCount(), 5);
      assert.deepEqual(store.termCounts(['harbour', 'storm', 'absent', 'zero']), new Map([['harbour', 3], ['storm', 3]]));
      assert.deepEqual([...store.allTermCounts(2)], [[['ferry', 1], ['harbour', 3]], [['storm', 3]]]);
      assert.deepEqual(store.termCounts([]), new Map());
    } finally {
      store.close();
    }
  });
}
