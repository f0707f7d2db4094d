import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { openStore, reportSummary, summarizeReport, type Store } from '../src/store/index.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { searchWords } from '../src/store/search.js';
import type { Article } from '../src/types.js';
import { storeBackends } from './store-backends.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-search-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function article(id: string, source: string | null, published: string | null, title: string | null, text: string): Article {
  return { id, title, text, source, url: null, published, language: 'en', byline: null, origin: id };
}

test('searchWords: letters and digits, lower-cased, no diacritics, de-duplicated', () => {
  assert.deepEqual(searchWords('  Café MARLOW’s 87-km  café '), ['cafe', 'marlow', 's', '87', 'km']);
  assert.deepEqual(searchWords('!!! -- "'), []);
});

for (const backend of storeBackends(dir)) {
  /**
   * Three fictional stories: ferry (3 articles, 2 outlets), orchard (1), library (2, one undated title-less).
   */
  function seeded(): Store {
    const store = openStore(backend.location());
    store.transaction(() => {
      store.putArticle(article('f1', 'Valley Courier', '2026-11-02T08:00:00Z', 'Ferry Halvard runs aground near Tessel', 'The ferry Halvard ran aground near Tessel on Monday, the harbour master Ines Marlow said.'));
      store.putArticle(article('f2', 'Northshore Daily', '2026-11-03T09:30:00Z', 'Tessel ferry stuck', 'Passengers of the Halvard waited six hours. Marlow blamed low water.'));
      store.putArticle(article('f3', 'Valley Courier', '2026-11-03T18:00:00Z', null, 'Tugs freed the Halvard at dusk.'));
      store.putArticle(article('o1', 'Metro Ledger', '2026-11-01', 'Orchard fire in Brannock', 'A fire destroyed the Brannock orchard; no one was hurt. Café owners helped.'));
      store.putArticle(article('l1', 'Metro Ledger', '2026-10-20', 'Library reopens', 'The Quillon library reopened after repairs.'));
      store.putArticle(article('l2', null, null, null, '   The Quillon   library\nnow opens on Sundays, a long line of readers said that morning in front of the old building near the river bank.'));
      store.createStory('ferry', ['f1', 'f2', 'f3']);
      store.createStory('orchard', ['o1']);
      store.createStory('library', ['l1', 'l2']);
    });
    return store;
  }

  test(`${backend.prefix}indexForSearch: catches up from the last indexed seq, in order, idempotent`, () => {
    const store = seeded();
    try {
      assert.equal(store.unindexedArticles(), 6);
      assert.equal(store.searchStories({ q: 'Halvard' }).total, 0, 'nothing is found before indexing');
      assert.equal(store.indexForSearch(2), 2);
      assert.equal(store.unindexedArticles(), 4);
      assert.equal(store.indexForSearch(), 4);
      assert.equal(store.indexForSearch(), 0);
      store.putArticle(article('x1', 'Metro Ledger', '2026-11-05', 'Zeppelin show', 'A zeppelin show over Brannock drew crowds.'));
      store.createStory('zeppelin', ['x1']);
      assert.equal(store.searchStories({ q: 'zeppelin' }).total, 0, 'ingest does not index');
      assert.equal(store.indexForSearch(), 1);
      assert.deepEqual(store.searchStories({ q: 'zeppelin' }).stories.map((s) => s.id), ['zeppelin']);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}searchStories: words all in one article (title or text), case and accents ignored; filters; order; paging`, () => {
    const store = seeded();
    try {
      store.indexForSearch();
      const ids = (o: Parameters<Store['searchStories']>[0]) => store.searchStories(o).stories.map((s) => s.id);
      assert.deepEqual(ids({}), ['ferry', 'orchard', 'library'], 'newest first; undated members do not matter');
      assert.deepEqual(ids({ order: 'biggest' }), ['ferry', 'library', 'orchard']);
      assert.deepEqual(ids({ q: 'marlow' }), ['ferry']);
      assert.deepEqual(ids({ q: 'MARLOW harbour' }), ['ferry'], 'both words in f1');
      assert.deepEqual(ids({ q: 'marlow dusk' }), [], 'words in different articles do not match');
      assert.deepEqual(ids({ q: 'stuck' }), ['ferry'], 'titles are searched');
      assert.deepEqual(ids({ q: 'cafe' }), ['orchard'], 'diacritics ignored');
      assert.deepEqual(ids({ q: 'Brannock' }), ['orchard']);
      assert.deepEqual(ids({ q: 'marl' }), [], 'whole words');
      assert.deepEqual(ids({ q: '"; DROP TABLE stories; --' }), [], 'query syntax is never interpreted');
      assert.deepEqual(ids({ q: '***' }), ['ferry', 'orchard', 'library'], 'a query without words does not filter');
      assert.deepEqual(ids({ since: '2026-11-01' }), ['ferry', 'orchard']);
      assert.deepEqual(ids({ since: '2026-11-03T12:00:00Z' }), ['ferry']);
      assert.deepEqual(ids({ until: '2026-11-01' }), ['orchard', 'library'], 'until a date includes the whole day');
      assert.deepEqual(ids({ until: '2026-11-03' }), ['ferry', 'orchard', 'library']);
      assert.deepEqual(ids({ until: '2026-11-02' }), ['orchard', 'library']);
      assert.deepEqual(ids({ since: '2026-10-25', until: '2026-11-02' }), ['orchard']);
      assert.deepEqual(ids({ outlet: 'Northshore Daily' }), ['ferry']);
      assert.deepEqual(ids({ outlet: 'Metro Ledger' }), ['orchard', 'library']);
      assert.deepEqual(ids({ outlet: 'metro ledger' }), [], 'exact source');
      assert.deepEqual(ids({ outlet: 'Metro Ledger', q: 'quillon' }), ['library']);

      const page = store.searchStories({ limit: 2, offset: 1 });
      assert.equal(page.total, 3);
      assert.deepEqual(page.stories.map((s) => s.id), ['orchard', 'library']);
      assert.deepEqual(store.searchStories({ limit: 2, offset: 3 }), { total: 3, stories: [] });
      assert.equal(store.searchStories({ limit: 0 }).total, 3);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}searchStories rows: sources, headline, report counts only while fresh`, () => {
    const store = seeded();
    try {
      const row = (id: string) => store.searchStories({}).stories.find((s) => s.id === id)!;
      const ferry = row('ferry');
      assert.deepEqual(ferry.sources, ['Northshore Daily', 'Valley Courier']);
      assert.equal(ferry.headline, 'Ferry Halvard runs aground near Tessel');
      assert.equal(ferry.size, 3);
      assert.equal(ferry.firstPublished, '2026-11-02T08:00:00Z');
      assert.equal(ferry.lastPublished, '2026-11-03T18:00:00Z');
      assert.equal(ferry.summary, null);
      const library = row('library');
      assert.deepEqual(library.sources, ['Metro Ledger']);
      assert.equal(library.headline, 'Library reopens');

      const report = {
        stories: [
          {
            claims: [
              { kind: 'quote', status: 'single-source' },
              { kind: 'quote', status: 'corroborated' },
              { kind: 'number', status: 'single-source' },
              { kind: 'date', status: 'corroborated' },
              { kind: 'number', status: 'conflicting' },
            ],
            conflicts: [{ id: 'c1' }],
          },
        ],
      };
      store.saveReport('ferry', JSON.stringify(report), ferry.updatedSeq);
      assert.deepEqual(row('ferry').summary, { singleSourceQuotes: 1, conflicts: 1, corroborated: 2 });
      store.putArticle(article('f4', 'Valley Courier', '2026-11-04', 'Ferry back', 'The Halvard sailed again.'));
      store.assign('f4', 'ferry');
      assert.equal(row('ferry').summary, null, 'a stale report has no counts');
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}headline from the text when the first member has no title`, () => {
    const store = openStore(backend.location());
    try {
      const long = `${'Word '.repeat(40)}end.\nSecond line.`;
      store.putArticle(article('t1', null, null, null, '\n  Short first line here.\nMore text.'));
      store.putArticle(article('t2', null, null, null, long));
      store.createStory('a', ['t1']);
      store.createStory('b', ['t2']);
      const rows = store.searchStories({}).stories;
      assert.equal(rows.find((s) => s.id === 'a')!.headline, 'Short first line here.');
      const b = rows.find((s) => s.id === 'b')!.headline;
      assert.ok(b.endsWith('…') && b.length <= 121 && b.startsWith('Word Word'), b);
      // A page's stamp alone on the first line is no headline: the next line is.
      store.putArticle(article('t3', null, null, null, '8/2/13 at 1:30 PM\n\nUpdated: Friday, August 2, 2013 2:05 PM EDT\n\nDorrow ferry runs aground on Tessel sandbar'));
      store.putArticle(article('t4', null, null, null, 'March 4 crash: 3 hurt at Dorrow junction'));
      store.createStory('c', ['t3']);
      store.createStory('d', ['t4']);
      const more = store.searchStories({}).stories;
      assert.equal(more.find((s) => s.id === 'c')!.headline, 'Dorrow ferry runs aground on Tessel sandbar');
      assert.equal(more.find((s) => s.id === 'd')!.headline, 'March 4 crash: 3 hurt at Dorrow junction');
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}headline: the first member in the canonical order (earliest published, undated last, then id), not the first stored`, () => {
    const store = openStore(backend.location());
    try {
      // Ids that sort against the dates: the first stored, the smallest id and the earliest published all differ.
      store.putArticle(article('z-early', 'Valley Courier', '2026-11-03', 'Early report (z)', 'The Halvard sailed again on Tuesday.'));
      store.putArticle(article('a-late', 'Metro Ledger', '2026-11-05', 'Late rewrite', 'The Halvard sailed again on Thursday.'));
      store.putArticle(article('b-undated', 'Coast Herald', null, 'Undated copy', 'The Halvard sailed again.'));
      store.putArticle(article('y-early', 'Northshore Daily', '2026-11-03', 'Early report (y)', 'On Tuesday the Halvard sailed again.'));
      store.createStory('s', ['z-early', 'a-late', 'b-undated', 'y-early']);
      assert.equal(store.searchStories({}).stories[0]!.headline, 'Early report (y)', 'earliest published, ties by id');
      store.putArticle(article('a-only-undated', null, null, 'Only undated', 'A lone undated note.'));
      store.putArticle(article('b-dated', null, '2026-11-09', 'Dated', 'A dated note.'));
      store.createStory('u', ['a-only-undated', 'b-dated']);
      assert.equal(store.searchStories({}).stories.find((r) => r.id === 'u')!.headline, 'Dated', 'undated members come last');
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}outlets: distinct sources with article counts, by name`, () => {
    const store = seeded();
    try {
      assert.deepEqual(store.outlets(), [
        { source: 'Metro Ledger', articles: 2 },
        { source: 'Northshore Daily', articles: 1 },
        { source: 'Valley Courier', articles: 2 },
      ]);
    } finally {
      store.close();
    }
  });

  test(`${backend.prefix}a read-only store searches but does not index`, () => {
    const path = backend.location();
    const w = openStore(path);
    w.putArticle(article('f1', 'Valley Courier', '2026-11-02', 'Ferry', 'The Halvard ran aground.'));
    w.createStory('ferry', ['f1']);
    w.close();
    const ro = openStore(path, { readonly: true });
    try {
      assert.equal(ro.indexForSearch(), 0);
      assert.equal(ro.searchStories({}).total, 1);
      assert.equal(ro.searchStories({ q: 'halvard' }).total, 0);
    } finally {
      ro.close();
    }
  });
}

test('reportSummary: counts over every story; not-a-report counts zero', () => {
  const json = JSON.stringify({
    stories: [
      { claims: [{ kind: 'quote', status: 'single-source' }, { kind: 'quote', status: 'single-source' }], conflicts: [] },
      { claims: [{ kind: 'entity', status: 'corroborated' }, 'junk'], conflicts: [{}, {}] },
    ],
  });
  assert.deepEqual(reportSummary(json), { singleSourceQuotes: 2, conflicts: 2, corroborated: 1 });
  assert.deepEqual(reportSummary('not json'), { singleSourceQuotes: 0, conflicts: 0, corroborated: 0 });
  assert.deepEqual(reportSummary('{"stories": 3}'), { singleSourceQuotes: 0, conflicts: 0, corroborated: 0 });
  // The same counts from the object (what report workers hand the store instead of having it parse the JSON).
  assert.deepEqual(summarizeReport(JSON.parse(json)), reportSummary(json));
});

test('upgrade from schema 1: stored reports get their counts, the search index starts empty', () => {
  const path = join(dir, `old${++n}.db`);
  const v1 = openSqliteStore(path, { migrations: MIGRATIONS.slice(0, 1) });
  v1.putArticle(article('f1', 'Valley Courier', '2026-11-02', 'Ferry', 'The Halvard ran aground.'));
  v1.createStory('ferry', ['f1']);
  const raw = new Database(path);
  raw.prepare(`INSERT INTO reports (story, seq, json) VALUES ('ferry', 1, ?)`).run(
    JSON.stringify({ stories: [{ claims: [{ kind: 'quote', status: 'single-source' }, { kind: 'number', status: 'corroborated' }], conflicts: [{}] }] }),
  );
  raw.prepare(`UPDATE stories SET report_seq = 1 WHERE id = 'ferry'`).run();
  raw.close();
  v1.close();
  const store = openStore(path);
  try {
    assert.equal(store.stats().schemaVersion, MIGRATIONS.length);
    assert.deepEqual(store.searchStories({}).stories[0]!.summary, { singleSourceQuotes: 1, conflicts: 1, corroborated: 1 });
    assert.equal(store.unindexedArticles(), 1);
    assert.equal(store.indexForSearch(), 1);
    assert.equal(store.searchStories({ q: 'halvard' }).total, 1);
  } finally {
    store.close();
  }
});
