/**
 * The PostgreSQL schema of the store: the tables, indexes and triggers of the SQLite migrations 1–6
 * (./migrations.ts) in PostgreSQL's dialect, created at once at the latest version. Everything is created in
 * the current schema, unqualified (a store lives in one PostgreSQL schema, chosen with `?schema=` in its URL).
 *
 * Differences from SQLite, none visible through the Store interface:
 * - BYTEA for blobs; BIGINT for seqs and counts (INTEGER in SQLite is 64-bit).
 * - Every text column that is compared or sorted is COLLATE "C": byte order of UTF-8, i.e. code-point order, like
 *   SQLite's BINARY collation, whatever the database's locale.
 * - The full-text index is a table of `tsvector`s (one row per article: its title's and text's words, split and
 *   folded by `indexWords` in ./postgres.ts exactly as a query is, ./search.ts) with a GIN index, instead of FTS5.
 * - The analysis clean-up triggers call one trigger function.
 * - The schema version is kept in `corroborate_meta` ('schema-version'), not in `PRAGMA user_version`.
 *
 * Rules for a new version: append to PG_UPGRADES (never edit PG_SCHEMA_SQL once released: stores created by it
 * exist), in step with a new SQLite migration, so PG_SCHEMA_VERSION always equals MIGRATIONS.length.
 */
import { MIGRATIONS } from './migrations.js';

/** The table that marks a schema as a Corroborate store and holds its schema version. */
export const PG_META_TABLE = 'corroborate_meta';
export const PG_VERSION_KEY = 'schema-version';

/** The version PG_SCHEMA_SQL creates: the SQLite migrations it covers (1–6). */
export const PG_BASE_VERSION = 6;

/** The schema at PG_BASE_VERSION, as one multi-statement string (no parameters). */
export const PG_SCHEMA_SQL = `
  CREATE TABLE ${PG_META_TABLE} (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE stories (
    id              TEXT COLLATE "C" PRIMARY KEY,
    created_seq     BIGINT NOT NULL,
    updated_seq     BIGINT NOT NULL,
    size            INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
    first_published TEXT COLLATE "C",
    last_published  TEXT COLLATE "C",
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged')),
    merged_into     TEXT COLLATE "C" REFERENCES stories(id),
    report_seq      BIGINT
  );
  -- SQLite sorts NULLs first ascending, so last DESC: the listing queries say NULLS LAST, and so does the index.
  CREATE INDEX stories_newest ON stories (last_published DESC NULLS LAST, id) WHERE status = 'active' AND size > 0;
  CREATE INDEX stories_merged_into ON stories (merged_into) WHERE merged_into IS NOT NULL;

  CREATE TABLE articles (
    seq         BIGINT PRIMARY KEY,
    id          TEXT COLLATE "C" NOT NULL UNIQUE,
    hash        TEXT COLLATE "C" NOT NULL,
    title       TEXT,
    source      TEXT COLLATE "C",
    url         TEXT,
    published   TEXT COLLATE "C",
    language    TEXT,
    byline      TEXT,
    origin      TEXT NOT NULL,
    story       TEXT COLLATE "C" REFERENCES stories(id),
    signature   BYTEA,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_hash ON articles (hash);
  CREATE INDEX articles_story ON articles (story, seq) WHERE story IS NOT NULL;
  CREATE INDEX articles_source ON articles (source, story) WHERE source IS NOT NULL;

  -- Texts apart from the article rows, as in SQLite: story bookkeeping rewrites small rows only.
  CREATE TABLE article_texts (
    seq  BIGINT PRIMARY KEY REFERENCES articles(seq),
    text TEXT NOT NULL
  );

  CREATE TABLE events (
    seq     BIGINT PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('created', 'joined', 'merged', 'split')),
    story   TEXT COLLATE "C" NOT NULL REFERENCES stories(id),
    other   TEXT COLLATE "C" REFERENCES stories(id),
    article TEXT COLLATE "C"
  );
  CREATE INDEX events_story ON events (story, seq);
  CREATE INDEX events_other ON events (other, seq) WHERE other IS NOT NULL;

  CREATE TABLE story_signatures (
    story     TEXT COLLATE "C" PRIMARY KEY REFERENCES stories(id),
    signature BYTEA NOT NULL
  );

  -- json: the report encoded by encodeReport (./report-codec.ts), always bytes here.
  CREATE TABLE reports (
    story                TEXT COLLATE "C" PRIMARY KEY REFERENCES stories(id),
    seq                  BIGINT NOT NULL,
    json                 BYTEA NOT NULL,
    single_source_quotes INTEGER,
    conflicts            INTEGER,
    corroborated         INTEGER
  );

  CREATE TABLE report_digests (
    story   TEXT COLLATE "C" PRIMARY KEY REFERENCES stories(id),
    seq     BIGINT NOT NULL,
    version INTEGER NOT NULL,
    digest  BYTEA NOT NULL
  );

  CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE term_counts (
    term  TEXT COLLATE "C" PRIMARY KEY,
    count BIGINT NOT NULL
  );

  -- The full-text index: seq = articles.seq, words = the article's title and text words. Filled by indexForSearch
  -- (the server), never on the ingest path; meta 'store.search-seq' is the highest seq indexed.
  CREATE TABLE article_search (
    seq   BIGINT PRIMARY KEY,
    words TSVECTOR NOT NULL
  );
  CREATE INDEX article_search_words ON article_search USING GIN (words);

  -- An analysis never outlives its article's content: deleted with the article, and when the text or a field the
  -- analysis may read changes (the triggers fire on any UPDATE naming those columns, as SQLite's do).
  CREATE TABLE article_analyses (
    seq     BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    data    BYTEA NOT NULL
  );
  -- search_path fixed at creation: the function finds this schema's table whoever fires it.
  CREATE FUNCTION article_analyses_forget() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
  BEGIN
    DELETE FROM article_analyses WHERE seq = OLD.seq;
    RETURN NULL;
  END
  $$;
  CREATE TRIGGER article_analyses_article_changed AFTER UPDATE OF hash, title, published, language ON articles
    FOR EACH ROW EXECUTE FUNCTION article_analyses_forget();
  CREATE TRIGGER article_analyses_text_changed AFTER UPDATE OF text ON article_texts
    FOR EACH ROW EXECUTE FUNCTION article_analyses_forget();
  CREATE TRIGGER article_analyses_text_deleted AFTER DELETE ON article_texts
    FOR EACH ROW EXECUTE FUNCTION article_analyses_forget();
`;

export interface PgUpgrade {
  /** PG_BASE_VERSION + its position (1-based), equal to the SQLite migration it follows. */
  version: number;
  description: string;
  /** Multi-statement SQL, no parameters. */
  sql: string;
}

/** Upgrades after PG_BASE_VERSION, in order (none yet). */
export const PG_UPGRADES: readonly PgUpgrade[] = [];

/** The schema version this code writes. */
export const PG_SCHEMA_VERSION = PG_BASE_VERSION + PG_UPGRADES.length;

/** Throws when the PostgreSQL schema lags behind (or runs ahead of) the SQLite migrations: a bug, not user input. */
export function checkPgSchema(): void {
  PG_UPGRADES.forEach((u, i) => {
    if (u.version !== PG_BASE_VERSION + i + 1) throw new Error(`PostgreSQL upgrades out of order: position ${i + 1} has version ${u.version}`);
  });
  if (PG_SCHEMA_VERSION !== MIGRATIONS.length) {
    throw new Error(`PostgreSQL store schema is version ${PG_SCHEMA_VERSION} but the SQLite migrations reach ${MIGRATIONS.length}: add the missing PG_UPGRADES`);
  }
}
