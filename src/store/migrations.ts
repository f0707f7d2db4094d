/**
 * The SQLite schema, as an ordered list of migrations. `PRAGMA user_version` holds the number of migrations
 * applied; opening an older database applies the missing ones (each in its own transaction, together with the
 * version bump, so a crash mid-upgrade leaves the previous version intact); a database with a higher version
 * than this code knows is refused (StoreError 'too-new') rather than misread.
 *
 * Rules for adding one: append, never edit or reorder a released migration; keep each self-contained SQL.
 */
import type Database from 'better-sqlite3';
import { StoreError } from './errors.js';

export interface Migration {
  /** 1-based, equal to its position in the list. */
  version: number;
  description: string;
  sql: string;
}

/** Marks a database as a Corroborate store (`PRAGMA application_id`, "Corr"). */
export const APPLICATION_ID = 0x436f7272;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, stories, story events, reports, meta, term counts',
    sql: `
      CREATE TABLE stories (
        id              TEXT PRIMARY KEY,
        created_seq     INTEGER NOT NULL,
        updated_seq     INTEGER NOT NULL,
        size            INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
        first_published TEXT,
        last_published  TEXT,
        status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged')),
        merged_into     TEXT REFERENCES stories(id),
        report_seq      INTEGER
      );
      -- One index for listing (newest first, --since). 'biggest' and stale-report queries sort or scan the
      -- narrow story rows instead: an index on size or updated_seq would be rewritten on every join.
      CREATE INDEX stories_newest ON stories(last_published DESC, id) WHERE status = 'active' AND size > 0;
      CREATE INDEX stories_merged_into ON stories(merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE articles (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        hash        TEXT NOT NULL,
        title       TEXT,
        source      TEXT,
        url         TEXT,
        published   TEXT,
        language    TEXT,
        byline      TEXT,
        origin      TEXT NOT NULL,
        story       TEXT REFERENCES stories(id),
        signature   BLOB,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_hash ON articles(hash);
      CREATE INDEX articles_story ON articles(story, seq) WHERE story IS NOT NULL;

      -- Texts apart from the article rows: story bookkeeping and index rebuilds (signatures) then read and
      -- rewrite small rows only, never the 3 KB texts.
      CREATE TABLE article_texts (
        seq  INTEGER PRIMARY KEY REFERENCES articles(seq),
        text TEXT NOT NULL
      );

      CREATE TABLE events (
        seq     INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL CHECK (kind IN ('created', 'joined', 'merged', 'split')),
        story   TEXT NOT NULL REFERENCES stories(id),
        other   TEXT REFERENCES stories(id),
        article TEXT -- an article id (no foreign key: the log is written once, and the check costs per join)
      );
      CREATE INDEX events_story ON events(story, seq);
      CREATE INDEX events_other ON events(other, seq) WHERE other IS NOT NULL;

      -- The clusterer's story-level state (centroid, sketch): apart, so story rows stay small.
      CREATE TABLE story_signatures (
        story     TEXT PRIMARY KEY REFERENCES stories(id),
        signature BLOB NOT NULL
      );

      CREATE TABLE reports (
        story TEXT PRIMARY KEY REFERENCES stories(id),
        seq   INTEGER NOT NULL,
        json  TEXT NOT NULL
      );

      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE term_counts (
        term  TEXT PRIMARY KEY,
        count INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'full-text search index of articles; report summary counts',
    sql: `
      -- Contentless (the texts stay in article_texts): rowid = articles.seq. Filled by indexForSearch (the
      -- server), never on the ingest path; meta 'store.search-seq' is the highest seq indexed.
      CREATE VIRTUAL TABLE article_search USING fts5(title, text, content = '', tokenize = 'unicode61 remove_diacritics 2', detail = column);

      -- The counts a story list shows, computed when a report is saved (backfilled here for stored reports).
      ALTER TABLE reports ADD COLUMN single_source_quotes INTEGER;
      ALTER TABLE reports ADD COLUMN conflicts INTEGER;
      ALTER TABLE reports ADD COLUMN corroborated INTEGER;
      UPDATE reports SET
        single_source_quotes = (
          SELECT count(*) FROM json_each(reports.json, '$.stories') s, json_each(s.value, '$.claims') c
          WHERE json_extract(c.value, '$.kind') = 'quote' AND json_extract(c.value, '$.status') = 'single-source'),
        conflicts = (SELECT count(*) FROM json_each(reports.json, '$.stories') s, json_each(s.value, '$.conflicts')),
        corroborated = (
          SELECT count(*) FROM json_each(reports.json, '$.stories') s, json_each(s.value, '$.claims') c
          WHERE json_extract(c.value, '$.status') = 'corroborated')
      WHERE json_valid(json);

      -- The outlet list and the outlet filter.
      CREATE INDEX articles_source ON articles(source, story) WHERE source IS NOT NULL;
    `,
  },
  {
    version: 3,
    description: 'stored article analyses',
    sql: `
      -- Each article's analysis (sentences, entities, quotes, …), computed once and read by every later report
      -- of its story. version: the analyser's version it was computed with (the reader asks for its own and
      -- computes any other again); data: opaque bytes (src/corpus/analysis-codec.ts). Apart from the article
      -- rows, like the texts. An analysis never outlives its article's content: deleted with the article, and
      -- deleted when the text or a field the analysis may read changes.
      CREATE TABLE article_analyses (
        seq     INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        data    BLOB NOT NULL
      );
      CREATE TRIGGER article_analyses_article_changed AFTER UPDATE OF hash, title, published, language ON articles
      BEGIN
        DELETE FROM article_analyses WHERE seq = old.seq;
      END;
      CREATE TRIGGER article_analyses_text_changed AFTER UPDATE OF text ON article_texts
      BEGIN
        DELETE FROM article_analyses WHERE seq = old.seq;
      END;
      CREATE TRIGGER article_analyses_text_deleted AFTER DELETE ON article_texts
      BEGIN
        DELETE FROM article_analyses WHERE seq = old.seq;
      END;
    `,
  },
  {
    version: 4,
    description: 'reports stored compressed',
    sql: `
      -- From this version on reports.json holds the report's JSON text compressed (a BLOB, src/store/report-codec.ts);
      -- rows written before stay JSON text and read back unchanged. No table changes: the version makes a build
      -- from before refuse a store whose reports it would misread.
      SELECT 1;
    `,
  },
  {
    version: 5,
    description: 'outlet digests of reports',
    sql: `
      -- What the outlet and network view reads of a report (src/outlets/digest.ts), compressed like the report and
      -- written with it: the report's tick it was made from (seq) and the digest format's version. Reports stored
      -- before have none (the view reads the report itself until \`corroborate ingest\` backfills them). A table of
      -- its own: reading a digest never walks the pages of the report beside it.
      CREATE TABLE report_digests (
        story   TEXT PRIMARY KEY REFERENCES stories(id),
        seq     INTEGER NOT NULL,
        version INTEGER NOT NULL,
        digest  BLOB NOT NULL
      );
    `,
  },
  {
    version: 6,
    description: 'reports and digests compressed with brotli',
    sql: `
      -- From this version on reports and outlet digests are written compressed with brotli (src/store/report-codec.ts,
      -- format byte 2); rows written before (DEFLATE, or JSON text) read back unchanged. No table changes: the
      -- version makes a build from before refuse a store whose reports it could not read.
      SELECT 1;
    `,
  },
];

/**
 * Brings `db` to the last version of `migrations` (default: MIGRATIONS). Returns the schema version.
 * `readonly`: only checks (a read-only connection cannot upgrade).
 */
export function migrate(db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS, readonly = false): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`store migrations out of order: position ${i + 1} has version ${m.version}`);
  });
  const target = migrations.length;
  const current = pragmaNumber(db, 'user_version');
  const appId = pragmaNumber(db, 'application_id');
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new StoreError('not-a-store', `${path} is an SQLite database of another application, not a Corroborate store`, path);
  }
  if (current > target) {
    throw new StoreError('too-new', `${path} was written by a newer version of Corroborate (store schema ${current}; this version knows up to ${target})`, path);
  }
  if (current === 0) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).get() as { n: number };
    if (tables.n > 0) throw new StoreError('not-a-store', `${path} is an SQLite database with other tables, not a Corroborate store`, path);
  }
  if (current === target) return current;
  if (readonly) {
    throw new StoreError('needs-upgrade', `${path} uses an older store schema (${current}; now ${target}): open it once for writing (e.g. ingest) to upgrade`, path);
  }
  for (const m of migrations.slice(current)) {
    // BEGIN IMMEDIATE: two processes opening an old database at once upgrade one after the other.
    const step = db.transaction(() => {
      const now = pragmaNumber(db, 'user_version');
      if (now >= m.version) return; // another process did it while we waited for the lock
      db.exec(m.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    });
    step.immediate();
  }
  return target;
}

function pragmaNumber(db: Database.Database, name: string): number {
  const v = db.pragma(name, { simple: true });
  return typeof v === 'number' ? v : Number(v);
}
