import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, StoreError, type Store } from '../src/store/index.js';
import type { Article } from '../src/types.js';
import { storeBackends } from './store-backends.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-stories-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function article(id: string, published: string | null): Article {
  return { id, title: null, text: `Fictional dispatch ${id} about the Velmora bridge.`, source: 'Velmora Courier', url: null, published, language: 'en', byline: null, origin: id };
}

const storeError = (code: string) => (e: unknown) => e instanceof StoreError && e.code === code;

for (const backend of storeBackends(dir)) {
  /** A store with articles a1..a6 (published on Nov 1..6, a6 undated). */
  function seeded(): Store {
    const store = openStore(backend.location());
    store.transaction(() => {
      for (let i = 1; i <= 6; i++) store.putArticle(article(`a${i}`, i === 6 ? null : `2026-11-0${i}`));
    });
    return store;
  }

  test(`${backend.prefix}create and assign: size, published range, change clock, events`, () => {
    const store = seeded();
    try {
      const created = store.createStory('bridge', ['a3']);
      assert.deepEqual(
        { ...created },
        { id: 'bridge', createdSeq: 1, updatedSeq: 1, size: 1, firstPublished: '2026-11-03', lastPublished: '2026-11-03', status: 'active', mergedInto: null, reportSeq: null, reportStale: true },
      );
      assert.equal(store.getArticle('a3')?.story, 'bridge');
      const joined = store.assign('a1', 'bridge');
      assert.equal(joined.size, 2);
      assert.equal(joined.updatedSeq, 2);
      assert.equal(joined.firstPublished, '2026-11-01');
      assert.equal(joined.lastPublished, '2026-11-03');
      const undated = store.assign(6, 'bridge');
      assert.equal(undated.lastPublished, '2026-11-03', 'an undated article leaves the range alone');
      assert.equal(store.assign('a1', 'bridge').updatedSeq, 3, 'assigning again is a no-op');
      assert.deepEqual(store.memberIds('bridge'), ['a1', 'a3', 'a6']);
      assert.deepEqual(store.articlesOf('bridge').map((a) => a.seq), [1, 3, 6]);
      assert.deepEqual(store.events('bridge'), [
        { seq: 1, kind: 'created', story: 'bridge', other: null, article: 'a3' },
        { seq: 2, kind: 'joined', story: 'bridge', other: null, article: 'a1' },
        { seq: 3, kind: 'joined', story: 'bridge', other: null, article: 'a6' },
      ]);

      assert.throws(() => store.createStory('bridge'), storeError('story-exists'));
      assert.throws(() => store.assign('a9', 'bridge'), storeError('no-such-article'));
      assert.throws(() => store.assign('a2', 'nowhere'), storeError('no-such-story'));
      assert.throws(() => store.createStory('other', ['a2', 'a9']), storeError('no-such-article'));
      assert.equal(store.getStory('other'), null, 'a failed call leaves nothing');
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}moving an article records where it came from and fixes both stories`, () => {
    const store = seeded();
    try {
      store.createStory('s1', ['a1', 'a2']);
      store.createStory('s2', ['a3']);
      const moved = store.assign('a2', 's2');
      assert.equal(moved.size, 2);
      const s1 = store.getStory('s1');
      assert.equal(s1?.size, 1);
      assert.equal(s1?.lastPublished, '2026-11-01');
      assert.equal(s1?.updatedSeq, moved.updatedSeq);
      assert.deepEqual(store.events('s2').at(-1), { seq: moved.updatedSeq, kind: 'joined', story: 's2', other: 's1', article: 'a2' });
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}merge: members move, the old id follows to the live story, chains stay short, history is kept`, () => {
    const store = seeded();
    try {
      store.createStory('s1', ['a1', 'a2']);
      store.createStory('s2', ['a3', 'a4']);
      store.createStory('s3', ['a5']);
      const merged = store.mergeStories('s1', 's2');
      assert.equal(merged.id, 's2');
      assert.equal(merged.size, 4);
      assert.equal(merged.firstPublished, '2026-11-01');
      assert.equal(merged.lastPublished, '2026-11-04');
      assert.deepEqual(store.memberIds('s2'), ['a1', 'a2', 'a3', 'a4']);
      assert.deepEqual(store.memberIds('s1'), []);
      assert.equal(store.getArticle('a1')?.story, 's2');
      assert.equal(store.getStory('s1')?.id, 's2');
      const old = store.getStoryRecord('s1');
      assert.equal(old?.status, 'merged');
      assert.equal(old?.mergedInto, 's2');
      assert.equal(old?.size, 0);

      // Assigning to a merged id goes to the live story.
      assert.equal(store.assign('a6', 's1').id, 's2');

      // s2 into s3: s1's pointer is redirected to s3.
      store.mergeStories('s2', 's3');
      assert.equal(store.getStoryRecord('s1')?.mergedInto, 's3');
      assert.equal(store.getStory('s1')?.id, 's3');
      assert.equal(store.getStory('s3')?.size, 6);
      // Merging a story into itself (through an old id) is a no-op.
      assert.equal(store.mergeStories('s1', 's3').size, 6);

      const kinds = store.events('s1').map((e) => `${e.kind}:${e.story}<-${e.other ?? ''}`);
      assert.deepEqual(kinds, ['created:s1<-', 'joined:s1<-', 'merged:s2<-s1']);
      assert.deepEqual(store.events('s3').filter((e) => e.kind === 'merged').map((e) => e.other), ['s2']);
      const stats = store.stats();
      assert.equal(stats.stories, 1);
      assert.equal(stats.mergedStories, 2);
      assert.equal(stats.unassigned, 0);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}split: chosen members move to a new story, recorded on both`, () => {
    const store = seeded();
    try {
      store.createStory('s1', ['a1', 'a2', 'a3', 'a4']);
      const split = store.splitStory('s1', 's1b', ['a4', 'a2']);
      assert.equal(split.size, 2);
      assert.equal(split.firstPublished, '2026-11-02');
      assert.equal(split.lastPublished, '2026-11-04');
      const rest = store.getStory('s1');
      assert.equal(rest?.size, 2);
      assert.equal(rest?.firstPublished, '2026-11-01');
      assert.equal(rest?.lastPublished, '2026-11-03');
      assert.deepEqual(store.memberIds('s1b'), ['a2', 'a4']);
      const splitEvent = store.events('s1').find((e) => e.kind === 'split');
      assert.deepEqual(splitEvent, { seq: split.createdSeq, kind: 'split', story: 's1', other: 's1b', article: null });
      assert.deepEqual(store.events('s1b').filter((e) => e.kind === 'joined').map((e) => [e.article, e.other]), [['a4', 's1'], ['a2', 's1']]);
      assert.throws(() => store.splitStory('s1', 's1c', ['a2']), storeError('no-such-article'));
      assert.throws(() => store.splitStory('s1', 's1b', ['a1']), storeError('story-exists'));
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}listStories: newest or biggest, since (ISO compare), limit; merged and empty stories left out`, () => {
    const store = seeded();
    try {
      store.createStory('early', ['a1', 'a2']); // Nov 1..2
      store.createStory('late', ['a5']); // Nov 5
      store.createStory('mid', ['a3', 'a4']); // Nov 3..4
      store.createStory('undated', ['a6']);
      store.createStory('empty');
      const ids = (o?: Parameters<Store['listStories']>[0]) => store.listStories(o).map((s) => s.id);
      assert.deepEqual(ids(), ['late', 'mid', 'early', 'undated']);
      assert.deepEqual(ids({ order: 'biggest' }), ['mid', 'early', 'late', 'undated']);
      assert.deepEqual(ids({ since: '2026-11-04' }), ['late', 'mid']);
      assert.deepEqual(ids({ since: '2026-11-04T12:00' }), ['late']);
      assert.deepEqual(ids({ since: '2026-11-02', order: 'biggest', limit: 2 }), ['mid', 'early']);
      assert.deepEqual(ids({ limit: 0 }), []);
      store.mergeStories('late', 'early');
      assert.deepEqual(ids(), ['early', 'mid', 'undated']);
      assert.equal(store.getStory('early')?.lastPublished, '2026-11-05');
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}reports: stored with the change tick, stale after any change, older saves ignored`, () => {
    const store = seeded();
    try {
      const s1 = store.createStory('s1', ['a1']);
      const s2 = store.createStory('s2', ['a2']);
      assert.deepEqual(store.staleStories(), ['s1', 's2']);
      assert.equal(store.getReport('s1'), null);

      store.saveReport('s1', '{"id":"s1","v":1}', s1.updatedSeq);
      assert.deepEqual(store.getReport('s1'), { story: 's1', seq: s1.updatedSeq, json: '{"id":"s1","v":1}', stale: false });
      assert.equal(store.getStory('s1')?.reportStale, false);
      assert.deepEqual(store.staleStories(), ['s2']);

      const grown = store.assign('a3', 's1');
      assert.equal(store.getReport('s1')?.stale, true);
      assert.deepEqual(store.staleStories(), ['s1', 's2']);
      assert.deepEqual(store.staleStories(1), ['s1']);

      store.saveReport('s1', '{"v":2}', grown.updatedSeq);
      store.saveReport('s1', '{"v":"old"}', s1.updatedSeq);
      assert.equal(store.getReport('s1')?.json, '{"v":2}');

      // After a merge the surviving story is stale, and the old id finds its report.
      store.saveReport('s2', '{"v":"s2"}', s2.updatedSeq);
      store.mergeStories('s1', 's2');
      const viaOld = store.getReport('s1');
      assert.equal(viaOld?.story, 's2');
      assert.equal(viaOld?.stale, true);
      assert.deepEqual(store.staleStories(), ['s2']);
      assert.throws(() => store.saveReport('nope', '{}', 1), storeError('no-such-story'));
      const stats = store.stats();
      assert.equal(stats.reports, 2);
      assert.equal(stats.staleReports, 1);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}story signatures are kept apart and replaceable`, () => {
    const store = seeded();
    try {
      store.createStory('s1', ['a1']);
      assert.equal(store.storySignature('s1'), null);
      store.setStorySignature('s1', new Uint8Array([1, 2, 3]));
      store.setStorySignature('s1', new Uint8Array([4, 5]));
      assert.deepEqual(store.storySignature('s1'), new Uint8Array([4, 5]));
      store.setStorySignature('s1', null);
      assert.equal(store.storySignature('s1'), null);
      assert.throws(() => store.setStorySignature('nope', new Uint8Array([1])), storeError('no-such-story'));
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}same calls in the same order give the same store (ids, seqs, events)`, () => {
    const run = () => {
      const store = seeded();
      try {
        store.createStory('x', ['a1', 'a2', 'a3']);
        store.createStory('y', ['a4']);
        store.mergeStories('y', 'x');
        store.splitStory('x', 'z', ['a2']);
        return { stories: store.listStories(), events: ['x', 'y', 'z'].map((id) => store.events(id)), stats: store.stats() };
      } finally {
        store.close();
      }
    };
    assert.deepEqual(run(), run());
  });
}
