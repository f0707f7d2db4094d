/**
 * The PostgreSQL store: the same contract, ids, seqs and outcomes as the SQLite store (./sqlite.ts), over one
 * connection used synchronously (./pg-bridge.ts). A store is one PostgreSQL schema (`?schema=NAME` in the URL, our
 * own parameter, default `public`); its tables are ./pg-schema.ts.
 *
 * Writers are serialised like SQLite's: every write transaction starts by taking a transaction-level advisory lock
 * of the store (its schema), waiting up to `busyTimeoutMs` (`lock_timeout`), then StoreError 'busy'. Holding it, the
 * store numbers articles and story events itself (max + 1, as SQLite's rowids do), so the numbers depend only on
 * the order of the calls, and a rolled-back transaction leaves no gap. Readers never wait (MVCC).
 *
 * Speed: each call is one round trip where it can be (~200 µs each through the bridge): `putArticle` is one
 * statement for a new article, `assign` two (article and live story read together; the move, both stories'
 * bookkeeping and the event written together).
 */
import type { Article } from '../types.js';
import { contentHash, sameContent } from './content-hash.js';
import { StoreError } from './errors.js';
import { SECRET_PARAMS, shownLocation } from './location.js';
import { APPLICATION_ID } from './migrations.js';
import { PgConnection, PgError } from './pg-bridge.js';
import { PG_BASE_VERSION, PG_META_TABLE, PG_SCHEMA_SQL, PG_SCHEMA_VERSION, PG_UPGRADES, PG_VERSION_KEY, checkPgSchema } from './pg-schema.js';
import { decodeReport, encodeReport } from './report-codec.js';
import { reportSummary } from './report-summary.js';
import { searchWords, storyListing, type ListingRow } from './search.js';
import { META_REPORTS_WRITTEN } from './types.js';
import {
  ARTICLE_COLUMNS,
  ARTICLE_FROM,
  firstMemberSeq,
  LISTED,
  MAX_MERGE_CHAIN,
  META_CONFLICTS,
  META_DOCUMENTS,
  META_DUPLICATES,
  META_SEARCH_SEQ,
  SEARCH_BATCH,
  SIGNATURE_COLUMNS,
  STALE,
  STORY_COLUMNS,
  articleRecord as articleOf,
  keysetPages,
  positiveInt,
  signatureRecord as signatureOf,
  storyRecord,
  type ArticleRow as Row,
  type EventRow,
  type MemberRow,
  type SignatureRow as SigRow,
  type StoryRow,
} from './rows.js';
import type {
  ArticleRecord,
  DigestInput,
  ListStoriesOptions,
  OpenStoreOptions,
  OutletCount,
  PutResult,
  ReportSummary,
  SearchStoriesOptions,
  SignatureRecord,
  Store,
  StoredAnalysis,
  StoredDigest,
  StoredReport,
  StoreStats,
  StoryEvent,
  StoryEventKind,
  StoryPage,
  StoryRecord,
} from './types.js';
import { HEADLINE_SOURCE_CHARS } from '../text/headline.js';

/** The rows as this driver reads them (blobs as Uint8Array), and their records. */
type ArticleRow = Row<Uint8Array>;
type SignatureRow = SigRow<Uint8Array>;
const articleRecord = (row: ArticleRow): ArticleRecord => articleOf(row, fromBytes);
const signatureRecord = (row: SignatureRow): SignatureRecord => signatureOf(row, fromBytes);

interface SummaryRow {
  seq: number;
  single_source_quotes: number | null;
  conflicts: number | null;
  corroborated: number | null;
}

/** STORY_COLUMNS qualified, for queries that join other tables to `stories`. */
const STORY_COLUMNS_QUALIFIED = STORY_COLUMNS.split(', ').map((c) => `stories.${c}`).join(', ');
/** SQLite's `last_published DESC` (NULLs are smallest there, so last). */
const NEWEST = 'last_published DESC NULLS LAST, id';
const BIGGEST = 'size DESC, last_published DESC NULLS LAST, id';

/** PostgreSQL refuses a tsvector lexeme of 2 KiB or more, and a tsvector of 1 MiB or more. */
const MAX_LEXEME_BYTES = 2046;
const MAX_INDEX_BYTES = 1_000_000;

/**
 * The live story id `param` resolves to (following merges, at most MAX_MERGE_CHAIN hops), as a scalar subquery:
 * one round trip instead of one per hop.
 */
function liveId(param: string): string {
  return `(WITH RECURSIVE chain (id, merged_into, status, hops) AS (
      SELECT id, merged_into, status, 0 FROM stories WHERE id = ${param}
      UNION ALL
      SELECT s.id, s.merged_into, s.status, c.hops + 1 FROM chain c JOIN stories s ON s.id = c.merged_into
      WHERE c.status = 'merged' AND c.hops <= ${MAX_MERGE_CHAIN})
    SELECT id FROM chain ORDER BY hops DESC LIMIT 1)`;
}

const SQL = {
  // articles
  /**
   * One statement for a new article: the stored articles with the same hash (for the caller to compare content),
   * and unless there are some (or `$13`: they were compared and differ), the article and its text inserted, its seq
   * the next one; `id_seq` is the seq of an article already stored under the id (a conflict), else null.
   */
  putArticle: `WITH dup AS (
      SELECT a.seq, a.id, t.text, a.source FROM ${ARTICLE_FROM} WHERE a.hash = $2::text),
    ins AS (
      INSERT INTO articles (seq, id, hash, title, source, url, published, language, byline, origin, signature, ingested_at)
      SELECT (SELECT coalesce(max(seq), 0) + 1 FROM articles), $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::bytea, $11::text
      WHERE $13::boolean OR NOT EXISTS (SELECT 1 FROM dup)
      ON CONFLICT (id) DO NOTHING RETURNING seq),
    txt AS (INSERT INTO article_texts (seq, text) SELECT seq, $12::text FROM ins)
    SELECT (SELECT seq FROM ins) AS new_seq, (SELECT seq FROM articles WHERE id = $1::text) AS id_seq,
      CASE WHEN $13::boolean THEN '[]'::json ELSE (SELECT coalesce(json_agg(dup ORDER BY dup.seq), '[]'::json) FROM dup) END AS dups`,
  articleById: `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id = $1::text`,
  articleBySeq: `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.seq = $1::bigint`,
  memberById: `SELECT seq, id, story, published FROM articles WHERE id = $1::text`,
  memberBySeq: `SELECT seq, id, story, published FROM articles WHERE seq = $1::bigint`,
  setSignatureById: `UPDATE articles SET signature = $1::bytea WHERE id = $2::text`,
  setSignatureBySeq: `UPDATE articles SET signature = $1::bytea WHERE seq = $2::bigint`,
  signaturesByIds: `SELECT ${SIGNATURE_COLUMNS} FROM articles WHERE id = ANY($1::text[])`,
  signaturesBySeqs: `SELECT ${SIGNATURE_COLUMNS} FROM articles WHERE seq = ANY($1::bigint[])`,
  signaturePage: `SELECT ${SIGNATURE_COLUMNS} FROM articles WHERE seq > $1::bigint ORDER BY seq LIMIT $2::bigint`,
  moveMembers: `UPDATE articles SET story = $1::text WHERE story = $2::text`,
  articlesOf: `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.story = $1::text ORDER BY a.seq`,
  memberIds: `SELECT id FROM articles WHERE story = $1::text ORDER BY seq`,

  // stories
  story: `SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1::text`,
  live: `SELECT ${STORY_COLUMNS} FROM stories WHERE id = ${liveId('$1::text')}`,
  /** An article (by id or seq) and the live story of `$2`, for `assign`: one round trip. */
  memberAndLiveById: `SELECT (SELECT row_to_json(m) FROM (SELECT seq, id, story, published FROM articles WHERE id = $1::text) m) AS member,
      (SELECT row_to_json(s) FROM (SELECT ${STORY_COLUMNS} FROM stories WHERE id = ${liveId('$2::text')}) s) AS story`,
  memberAndLiveBySeq: `SELECT (SELECT row_to_json(m) FROM (SELECT seq, id, story, published FROM articles WHERE seq = $1::bigint) m) AS member,
      (SELECT row_to_json(s) FROM (SELECT ${STORY_COLUMNS} FROM stories WHERE id = ${liveId('$2::text')}) s) AS story`,
  insertStory: `INSERT INTO stories (id, created_seq, updated_seq, size, status) VALUES ($1::text, $2::bigint, $2::bigint, 0, 'active')`,
  /**
   * Moves article `$6` (published `$7`) from story `$3` (or none) into live story `$2` at tick `$1`, with its
   * `joined` event when `$5` (article id `$4`); returns the story joined. The story left recomputes its range from
   * its other members (the statement's snapshot still counts the article in it).
   */
  place: `WITH ev AS (
      INSERT INTO events (seq, kind, story, other, article) SELECT $1::bigint, 'joined', $2::text, $3::text, $4::text WHERE $5::boolean),
    mv AS (UPDATE articles SET story = $2::text WHERE seq = $6::bigint),
    lft AS (
      UPDATE stories SET size = size - 1, updated_seq = $1::bigint,
        first_published = (SELECT min(published) FROM articles WHERE story = $3::text AND seq <> $6::bigint),
        last_published  = (SELECT max(published) FROM articles WHERE story = $3::text AND seq <> $6::bigint)
      WHERE id = $3::text),
    jnd AS (
      UPDATE stories SET size = size + 1, updated_seq = $1::bigint,
        first_published = CASE WHEN $7::text IS NOT NULL AND (first_published IS NULL OR $7::text < first_published) THEN $7::text ELSE first_published END,
        last_published  = CASE WHEN $7::text IS NOT NULL AND (last_published IS NULL OR $7::text > last_published) THEN $7::text ELSE last_published END
      WHERE id = $2::text RETURNING ${STORY_COLUMNS})
    SELECT ${STORY_COLUMNS} FROM jnd`,
  storyAbsorbed: `UPDATE stories SET size = size + (SELECT size FROM stories WHERE id = $2::text), updated_seq = $3::bigint,
      first_published = (SELECT min(first_published) FROM stories WHERE id IN ($1::text, $2::text)),
      last_published  = (SELECT max(last_published) FROM stories WHERE id IN ($1::text, $2::text))
    WHERE id = $1::text`,
  storyMerged: `UPDATE stories SET status = 'merged', merged_into = $1::text, size = 0, updated_seq = $3::bigint WHERE id = $2::text`,
  redirectMerged: `UPDATE stories SET merged_into = $1::text WHERE merged_into = $2::text`,
  setStorySignature: `INSERT INTO story_signatures (story, signature) VALUES ($1::text, $2::bytea)
    ON CONFLICT (story) DO UPDATE SET signature = excluded.signature`,
  deleteStorySignature: `DELETE FROM story_signatures WHERE story = $1::text`,
  storySignature: `SELECT signature FROM story_signatures WHERE story = $1::text`,
  list: (order: string, since: boolean) =>
    `SELECT ${STORY_COLUMNS} FROM stories WHERE ${LISTED}${since ? ' AND last_published >= $2::text' : ''} ORDER BY ${order} LIMIT $1::bigint`,

  // events
  lastTick: `SELECT coalesce(max(seq), 0) AS seq FROM events`,
  insertEvent: `INSERT INTO events (seq, kind, story, other, article) VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::text)`,
  eventsOf: `SELECT seq, kind, story, other, article FROM events WHERE story = $1::text
    UNION SELECT seq, kind, story, other, article FROM events WHERE other = $1::text ORDER BY seq`,

  // reports
  /** The story (exact id) and its stored report's tick, for `saveReport`. */
  storyReportSeq: `SELECT s.id, r.seq FROM stories s LEFT JOIN reports r ON r.story = s.id WHERE s.id = $1::text`,
  /** The report with its counts, the digest with it (or deleted), the reports-written counter and the story's report tick. */
  saveReport: `WITH rep AS (
      INSERT INTO reports (story, seq, json, single_source_quotes, conflicts, corroborated) VALUES ($1::text, $2::bigint, $3::bytea, $4::int, $5::int, $6::int)
      ON CONFLICT (story) DO UPDATE SET seq = excluded.seq, json = excluded.json, single_source_quotes = excluded.single_source_quotes,
        conflicts = excluded.conflicts, corroborated = excluded.corroborated),
    dd AS (DELETE FROM report_digests WHERE story = $1::text AND $7::int IS NULL),
    du AS (
      INSERT INTO report_digests (story, seq, version, digest) SELECT $1::text, $2::bigint, $7::int, $8::bytea WHERE $7::int IS NOT NULL
      ON CONFLICT (story) DO UPDATE SET seq = excluded.seq, version = excluded.version, digest = excluded.digest),
    m AS (
      INSERT INTO meta (key, value) VALUES ($9::text, '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text),
    st AS (UPDATE stories SET report_seq = $2::bigint WHERE id = $1::text)
    SELECT 1`,
  report: `SELECT s.id, s.status, s.merged_into, s.updated_seq, r.seq, r.json
    FROM stories s LEFT JOIN reports r ON r.story = s.id WHERE s.id = ${liveId('$1::text')}`,
  /** The report's tick and the digest only if it was made from that report (never reads the report's bytes). */
  reportDigest: `SELECT s.id, s.status, s.merged_into, s.updated_seq, r.seq, d.version, d.digest
    FROM stories s JOIN reports r ON r.story = s.id LEFT JOIN report_digests d ON d.story = r.story AND d.seq = r.seq
    WHERE s.id = ${liveId('$1::text')}`,
  /** Keeps a digest only beside the report computed at `$2`. */
  setReportDigest: `INSERT INTO report_digests (story, seq, version, digest)
    SELECT $1::text, $2::bigint, $3::int, $4::bytea WHERE EXISTS (SELECT 1 FROM reports WHERE story = $1::text AND seq = $2::bigint)
    ON CONFLICT (story) DO UPDATE SET seq = excluded.seq, version = excluded.version, digest = excluded.digest`,
  toDigest: `SELECT r.story FROM reports r JOIN stories s ON s.id = r.story LEFT JOIN report_digests d ON d.story = r.story
    WHERE s.status = 'active' AND (d.story IS NULL OR d.seq <> r.seq OR d.version <> $1::int) ORDER BY r.story`,
  stale: `SELECT id FROM stories WHERE ${STALE} ORDER BY created_seq LIMIT $1::bigint`,

  // analyses
  analyses: `SELECT a.id, x.data FROM articles a JOIN article_analyses x ON x.seq = a.seq WHERE a.id = ANY($1::text[]) AND x.version = $2::int`,
  seqsOfIds: `SELECT seq, id FROM articles WHERE id = ANY($1::text[])`,
  upsertAnalyses: `INSERT INTO article_analyses (seq, version, data) SELECT * FROM unnest($1::bigint[], $2::int[], $3::bytea[])
    ON CONFLICT (seq) DO UPDATE SET version = excluded.version, data = excluded.data`,

  // search
  unindexed: `SELECT a.seq, a.title, t.text FROM ${ARTICLE_FROM} WHERE a.seq > $1::bigint ORDER BY a.seq LIMIT $2::bigint`,
  countUnindexed: `SELECT count(*) AS n FROM articles WHERE seq > $1::bigint`,
  /** `$1`: JSON [[seq, [word, …]], …]. */
  index: `INSERT INTO article_search (seq, words)
    SELECT (e->>0)::bigint, array_to_tsvector(ARRAY(SELECT jsonb_array_elements_text(e->1))) FROM jsonb_array_elements($1::jsonb) e
    ON CONFLICT (seq) DO UPDATE SET words = excluded.words`,
  outlets: `SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY source`,

  // meta and term counts
  getMeta: `SELECT value FROM meta WHERE key = $1::text`,
  setMeta: `INSERT INTO meta (key, value) VALUES ($1::text, $2::text) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  addMeta: `INSERT INTO meta (key, value) VALUES ($1::text, ($2::bigint)::text) ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + $2::bigint)::text`,
  addTerms: `INSERT INTO term_counts (term, count) SELECT * FROM unnest($1::text[], $2::bigint[])
    ON CONFLICT (term) DO UPDATE SET count = term_counts.count + excluded.count`,
  termCounts: `SELECT term, count FROM term_counts WHERE term = ANY($1::text[])`,
  termPage: `SELECT term, count FROM term_counts WHERE term > $1::text ORDER BY term LIMIT $2::bigint`,
  termPageFirst: `SELECT term, count FROM term_counts ORDER BY term LIMIT $1::bigint`,

  stats: `SELECT (SELECT count(*) FROM articles) AS articles,
      count(*) FILTER (WHERE ${LISTED}) AS listed,
      count(*) FILTER (WHERE status = 'merged') AS merged,
      coalesce(sum(size) FILTER (WHERE status = 'active'), 0) AS members,
      count(*) FILTER (WHERE ${STALE}) AS stale,
      (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM reports) AS reports,
      (SELECT value FROM meta WHERE key = '${META_DUPLICATES}') AS duplicates,
      (SELECT value FROM meta WHERE key = '${META_CONFLICTS}') AS conflicts
    FROM stories`,
} as const;

/** Where a store is: the URL to connect to (without our `schema` parameter), its schema, and its name for messages. */
interface PgTarget {
  connect: string;
  schema: string;
  /** The URL with its passwords masked (messages, `Store.location`; ./location.ts). */
  location: string;
  /** Every password the URL carries (its user part, `?password=`, `?sslpassword=`), to mask in server messages. */
  secrets: string[];
}

function parseTarget(url: string): PgTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const location = shownLocation(url);
    throw new StoreError('unwritable', `cannot open store ${location}: not a valid postgres:// URL`, location);
  }
  const secrets = [parsed.password, ...SECRET_PARAMS.map((k) => parsed.searchParams.get(k) ?? '')].flatMap((p) => {
    let decoded = p;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      // not percent-encoded: as written
    }
    return [p, decoded].filter((x) => x !== '');
  });
  const schema = parsed.searchParams.get('schema') ?? 'public';
  const location = shownLocation(url);
  if (schema === '' || Buffer.byteLength(schema) > 63) {
    throw new StoreError('unwritable', `cannot open store ${location}: the schema name must have 1 to 63 bytes`, location);
  }
  parsed.searchParams.delete('schema');
  return { connect: parsed.href, schema, location, secrets };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** One line of a PostgreSQL message, never with a password in it. */
function reason(error: unknown, secrets: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]!.trim();
  return secrets.reduce((text, secret) => text.split(secret).join('***'), line);
}

/** PostgreSQL errors a user can cause → StoreError; anything else passes through unchanged (a bug). */
function toStoreError(error: unknown, location: string): unknown {
  if (!(error instanceof PgError)) return error;
  const why = error.message.split('\n')[0]!;
  // No SQLSTATE: the connection itself failed (the server went away, the bridge's thread stopped, a timeout).
  if (error.code === null) {
    if (/not queryable|Connection terminated|connection thread stopped|no answer within|ECONNRESET|EPIPE|socket/i.test(why)) {
      return new StoreError('unwritable', `store ${location}: connection lost (${why})`, location);
    }
    return error;
  }
  const code = error.code;
  if (code === '55P03') return new StoreError('busy', `store ${location} is locked by another writer (try again when it finishes)`, location);
  if (code === '25006') return new StoreError('unwritable', `store ${location} is read-only`, location);
  if (code === '42501') return new StoreError('unwritable', `store ${location}: permission denied (${why})`, location);
  if (code === '53100') return new StoreError('unwritable', `store ${location}: disk full`, location);
  if (code === '3D000') return new StoreError('missing', `store ${location}: the database does not exist`, location);
  if (code === '22021') return new StoreError('unwritable', `store ${location}: PostgreSQL refused a text (${why})`, location);
  if (code.startsWith('08') || code.startsWith('57P') || code === 'ECONNRESET' || code === 'EPIPE') {
    return new StoreError('unwritable', `store ${location}: connection lost (${why})`, location);
  }
  return error;
}

/** Why the connection could not be made, as a StoreError naming the store. */
function connectError(error: unknown, target: PgTarget): StoreError {
  if (error instanceof StoreError) return error;
  const code = error instanceof PgError ? error.code : null;
  const why = reason(error, target.secrets);
  if (code === '3D000') return new StoreError('missing', `store ${target.location}: the database does not exist (${why})`, target.location);
  return new StoreError('unwritable', `cannot connect to store ${target.location}: ${why}`, target.location);
}

/** A plain, compact Uint8Array of bytes read from PostgreSQL (the bridge's views may share a larger buffer). */
function fromBytes(bytes: Uint8Array | null): Uint8Array | null {
  if (!bytes) return null;
  if (bytes.constructor === Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return Uint8Array.prototype.slice.call(bytes);
}

/** Bytes to send: a view on a larger buffer is copied (the bridge would otherwise send the whole buffer). */
function toBytes(bytes: Uint8Array | null | undefined): Uint8Array | null {
  if (!bytes) return null;
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
}

function validKey(key: string | number): boolean {
  return typeof key === 'string' || Number.isSafeInteger(key);
}

/** LIMIT of an optional count (null: no limit, like SQLite's -1). */
function limitOf(n: number | undefined): number | null {
  return n === undefined ? null : Math.max(0, Math.floor(n));
}

/**
 * The words of an article for the full-text index: exactly as `searchWords` (./search.ts) splits a query (runs of
 * letters and digits, lower-cased, diacritics removed), of the title and the text, without its limit on the
 * number of words. Words PostgreSQL cannot index (2 KiB or longer; past ~1 MB of words) are left out.
 */
function indexWords(title: string | null, text: string): string[] {
  const words = new Set<string>();
  let bytes = 0;
  for (const part of [title ?? '', text]) {
    for (const m of part.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = m[0];
      if (words.has(word)) continue;
      const size = Buffer.byteLength(word);
      if (size > MAX_LEXEME_BYTES) continue;
      bytes += size + 8;
      if (bytes > MAX_INDEX_BYTES) return [...words];
      words.add(word);
    }
  }
  return [...words];
}

/**
 * Opens the store at `url` (postgres:// or postgresql://, optional `?schema=NAME`), creating its schema and tables
 * when missing (unless read-only). Throws StoreError with a one-line message naming the URL (without its password)
 * when it cannot be a store (no connection, newer schema, another application's tables).
 */
export function openPgStore(url: string, options: OpenStoreOptions = {}): PgStore {
  checkPgSchema();
  const readonly = options.readonly ?? false;
  const target = parseTarget(url);
  let conn: PgConnection;
  try {
    conn = new PgConnection(target.connect);
  } catch (error) {
    throw connectError(error, target);
  }
  try {
    const busy = Math.max(1, Math.floor(options.busyTimeoutMs ?? 5000));
    conn.query(
      `SET search_path TO ${quoteIdent(target.schema)}; SET lock_timeout = ${busy}; SET client_min_messages = warning` +
        (readonly ? '; SET default_transaction_read_only = on' : ''),
    );
    const key = conn.query<{ k: number }>('SELECT hashtext($1::text) AS k', [target.schema]).rows[0]!.k;
    const lock = `SELECT pg_advisory_xact_lock(${APPLICATION_ID}, ${key})`;
    // The placement lock: a session lock with one 64-bit key (a key space apart from the write lock's two 32-bit keys).
    // As text: a 64-bit value does not survive the trip as a JS number.
    const placement = conn.query<{ k: string }>('SELECT hashtextextended($1::text, 0)::text AS k', [`corroborate placement ${target.schema}`]).rows[0]!.k;
    const version = prepareSchema(conn, target, readonly, lock);
    return new PgStore(conn, target.location, readonly, version, options.now ?? (() => new Date().toISOString()), lock, BigInt(placement).toString());
  } catch (error) {
    try {
      conn.close();
    } catch {
      // the connection is gone already
    }
    const mapped = toStoreError(error, target.location);
    if (mapped instanceof PgError) throw new StoreError('unwritable', `cannot open store ${target.location}: ${reason(mapped, target.secrets)}`, target.location);
    throw mapped;
  }
}

interface SchemaState {
  /** The stored schema version, or null when the schema has no store. */
  version: number | null;
  /** Tables and views in the schema. */
  tables: number;
}

function inspectSchema(conn: PgConnection, schema: string): SchemaState {
  const row = conn.query<{ tables: number; has_meta: boolean }>(
    `SELECT count(*) AS tables, coalesce(bool_or(c.relname = '${PG_META_TABLE}' AND c.relkind = 'r'), false) AS has_meta
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1::text AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [schema],
  ).rows[0]!;
  if (!row.has_meta) return { version: null, tables: row.tables };
  const v = conn.query<{ value: string }>(`SELECT value FROM ${PG_META_TABLE} WHERE key = $1::text`, [PG_VERSION_KEY]).rows[0];
  return { version: v ? Number(v.value) : 0, tables: row.tables };
}

function checkState(state: SchemaState, location: string): void {
  if (state.version === null) {
    if (state.tables > 0) throw new StoreError('not-a-store', `${location}: the schema has other tables, not a Corroborate store`, location);
    return;
  }
  if (!Number.isInteger(state.version) || state.version < PG_BASE_VERSION) {
    throw new StoreError('not-a-store', `${location}: ${PG_META_TABLE} holds no valid schema version, not a Corroborate store`, location);
  }
  if (state.version > PG_SCHEMA_VERSION) {
    throw new StoreError('too-new', `${location} was written by a newer version of Corroborate (store schema ${state.version}; this version knows up to ${PG_SCHEMA_VERSION})`, location);
  }
}

/**
 * Brings the store's schema to PG_SCHEMA_VERSION, creating it when missing, in one transaction under the store's
 * advisory lock (two processes opening a new store at once create it once). Returns the schema version.
 */
function prepareSchema(conn: PgConnection, target: PgTarget, readonly: boolean, lock: string): number {
  const { location } = target;
  let state = inspectSchema(conn, target.schema);
  checkState(state, location);
  if (state.version === PG_SCHEMA_VERSION) return PG_SCHEMA_VERSION;
  if (readonly) {
    if (state.version === null) throw new StoreError('missing', `store ${location} does not exist`, location);
    throw new StoreError('needs-upgrade', `${location} uses an older store schema (${state.version}; now ${PG_SCHEMA_VERSION}): open it once for writing (e.g. ingest) to upgrade`, location);
  }
  try {
    // The lock first: two first opens at once must not both try to create the schema.
    conn.query(`BEGIN; ${lock}; CREATE SCHEMA IF NOT EXISTS ${quoteIdent(target.schema)}`);
    state = inspectSchema(conn, target.schema); // another process may have created it while we waited
    checkState(state, location);
    if (state.version === null) {
      conn.query(PG_SCHEMA_SQL);
      conn.query(`INSERT INTO ${PG_META_TABLE} (key, value) VALUES ('application', 'corroborate'), ($1::text, $2::text)`, [PG_VERSION_KEY, String(PG_BASE_VERSION)]);
      state = { version: PG_BASE_VERSION, tables: 0 };
    }
    for (const upgrade of PG_UPGRADES.slice(state.version! - PG_BASE_VERSION)) {
      conn.query(upgrade.sql);
      conn.query(`UPDATE ${PG_META_TABLE} SET value = $2::text WHERE key = $1::text`, [PG_VERSION_KEY, String(upgrade.version)]);
    }
    conn.query('COMMIT');
  } catch (error) {
    try {
      conn.query('ROLLBACK');
    } catch {
      // the connection is gone: nothing was committed
    }
    throw error;
  }
  return PG_SCHEMA_VERSION;
}

export class PgStore implements Store {
  /** Open transactions and savepoints (0: none). */
  private depth = 0;
  /** A statement failed inside the open transaction and nothing rolled it back yet: it cannot commit. */
  private aborted = false;
  /**
   * The last change-clock tick, known while this connection holds the write lock (read once per outermost
   * transaction instead of once per event; forgotten when a transaction starts or fails).
   */
  private tick: number | null = null;
  /** Starts an outermost transaction: with the store's write lock unless read-only. */
  private readonly begin: string;
  private closed = false;
  /** This store object holds the placement lock (`tryLockPlacement`; a session lock, so it is also re-entrant). */
  private placing = false;

  constructor(
    private readonly conn: PgConnection,
    readonly location: string,
    readonly readonly: boolean,
    private readonly schemaVersion: number,
    private readonly now: () => string,
    lock: string,
    /** The placement lock's key (decimal). */
    private readonly placementKey: string,
  ) {
    this.begin = readonly ? 'BEGIN' : `BEGIN; ${lock}`;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.conn.close();
  }

  /** Runs one statement; its failure marks the open transaction as unable to commit. */
  private all<T>(sql: string, params: readonly unknown[] = []): T[] {
    return this.exec<T>(sql, params).rows;
  }

  private get<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.exec<T>(sql, params).rows[0];
  }

  private exec<T>(sql: string, params: readonly unknown[] = []): { rows: T[]; rowCount: number } {
    try {
      return this.conn.query<T>(sql, params);
    } catch (error) {
      if (this.depth > 0) this.aborted = true;
      throw toStoreError(error, this.location);
    }
  }

  /** Ends the transaction or savepoint level being left after a failure, without throwing. */
  private undo(outer: boolean, savepoint: string): void {
    try {
      if (outer) {
        this.conn.query('ROLLBACK');
        this.aborted = false;
      } else {
        this.conn.query(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
        this.aborted = false;
      }
    } catch {
      // the connection is gone (nothing commits), or the outer transaction is aborted (it will roll back)
    }
  }

  transaction<T>(fn: () => T): T {
    const outer = this.depth === 0;
    if (outer) this.tick = null;
    // Inside an outer transaction this is a savepoint: a failing inner call undoes only its own writes.
    const savepoint = `corroborate_${this.depth}`;
    try {
      this.conn.query(outer ? this.begin : `SAVEPOINT ${savepoint}`);
    } catch (error) {
      if (outer) this.undo(true, savepoint);
      else this.aborted = true;
      throw toStoreError(error, this.location);
    }
    this.depth++;
    let result: T;
    try {
      result = fn();
      // A statement failed and `fn` caught its error: PostgreSQL would turn the COMMIT into a ROLLBACK silently.
      if (this.aborted) throw new Error(`store ${this.location}: a statement failed inside the transaction (its error was caught); the transaction is rolled back`);
    } catch (error) {
      this.depth--;
      this.tick = null;
      this.undo(outer, savepoint);
      throw toStoreError(error, this.location);
    }
    this.depth--;
    try {
      this.conn.query(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
    } catch (error) {
      this.tick = null;
      this.undo(outer, savepoint);
      throw toStoreError(error, this.location);
    }
    return result;
  }

  /**
   * One method's writes as a unit: its own transaction, or part of the caller's. Inside a caller's
   * transaction no savepoint is taken (one more round trip per call), so every method checks everything that can
   * fail (unknown ids, taken ids) BEFORE its first write: a StoreError leaves no trace.
   */
  private write<T>(fn: () => T): T {
    return this.depth > 0 ? fn() : this.transaction(fn);
  }

  /** Several reads that must see one snapshot. */
  private read<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.exec('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    this.depth++;
    try {
      const result = fn();
      this.depth--;
      this.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.depth > 0) this.depth--;
      this.undo(true, '');
      throw error;
    } finally {
      this.aborted = false;
    }
  }

  // ── articles ──

  putArticle(article: Article, signature: Uint8Array | null = null, hash: string = contentHash(article)): PutResult {
    return this.write(() => {
      const params = [
        article.id,
        hash,
        article.title,
        article.source,
        article.url,
        article.published,
        article.language,
        article.byline,
        article.origin,
        toBytes(signature),
        this.now(),
        article.text,
        false,
      ];
      type PutRow = { new_seq: number | null; id_seq: number | null; dups: Array<{ seq: number; id: string; text: string; source: string | null }> };
      let row = this.get<PutRow>(SQL.putArticle, params)!;
      if (row.dups.length > 0) {
        for (const dup of row.dups) {
          if (sameContent(dup, article)) {
            this.exec(SQL.addMeta, [META_DUPLICATES, 1]);
            return { status: 'duplicate', seq: dup.seq, id: dup.id };
          }
        }
        // Only a hash collision: insert after all.
        params[12] = true;
        row = this.get<PutRow>(SQL.putArticle, params)!;
      }
      if (row.new_seq === null) {
        if (row.id_seq === null) throw new Error(`article ${article.id}: insert ignored but no row with that id`);
        this.exec(SQL.addMeta, [META_CONFLICTS, 1]);
        return { status: 'conflict', seq: row.id_seq, id: article.id };
      }
      return { status: 'new', seq: row.new_seq, id: article.id };
    });
  }

  getArticle(key: string | number): ArticleRecord | null {
    if (!validKey(key)) return null;
    const row = this.get<ArticleRow>(typeof key === 'number' ? SQL.articleBySeq : SQL.articleById, [key]);
    return row ? articleRecord(row) : null;
  }

  setSignature(key: string | number, signature: Uint8Array | null): boolean {
    if (!validKey(key)) return false;
    const bytes = toBytes(signature);
    const info = this.write(() => this.exec(typeof key === 'number' ? SQL.setSignatureBySeq : SQL.setSignatureById, [bytes, key]));
    return info.rowCount > 0;
  }

  signatures(ids: readonly string[]): Map<string, SignatureRecord> {
    const out = new Map<string, SignatureRecord>();
    if (ids.length === 0) return out;
    for (const row of this.all<SignatureRow>(SQL.signaturesByIds, [ids])) out.set(row.id, signatureRecord(row));
    return out;
  }

  signaturesBySeq(seqs: readonly number[]): Map<number, SignatureRecord> {
    const out = new Map<number, SignatureRecord>();
    if (seqs.length === 0) return out;
    for (const row of this.all<SignatureRow>(SQL.signaturesBySeqs, [seqs.filter((s) => Number.isSafeInteger(s))])) out.set(row.seq, signatureRecord(row));
    return out;
  }

  *allSignatures(batchSize = 1000): Iterable<SignatureRecord[]> {
    const pages = keysetPages(positiveInt(batchSize, 1000), (r: SignatureRow) => r.seq, (after, n) => this.all<SignatureRow>(SQL.signaturePage, [after ?? 0, n]));
    for (const rows of pages) yield rows.map(signatureRecord);
  }

  // ── stories ──

  /** The next change-clock tick (called inside a write transaction, which holds the lock until it ends). */
  private nextTick(): number {
    this.tick ??= this.get<{ seq: number }>(SQL.lastTick)?.seq ?? 0;
    return ++this.tick;
  }

  private event(kind: StoryEventKind, story: string, other: string | null, article: string | null): number {
    const tick = this.nextTick();
    this.exec(SQL.insertEvent, [tick, kind, story, other, article]);
    return tick;
  }

  private noSuchArticle(key: string | number): StoreError {
    return new StoreError('no-such-article', `no article ${typeof key === 'number' ? `with seq ${key}` : key} in ${this.location}`);
  }

  private member(key: string | number): MemberRow {
    if (!validKey(key)) throw this.noSuchArticle(key);
    const row = this.get<MemberRow>(typeof key === 'number' ? SQL.memberBySeq : SQL.memberById, [key]);
    if (!row) throw this.noSuchArticle(key);
    return row;
  }

  /** A story row read by `liveId`: still merged means the chain did not end. */
  private checkLive<R extends { status: string; merged_into: string | null }>(row: R | undefined, id: string): R | null {
    if (row && row.status === 'merged' && row.merged_into !== null) throw new Error(`story ${id}: merge chain does not end`);
    return row ?? null;
  }

  /** The live story `id` resolves to (following merges), or null. */
  private live(id: string): StoryRow | null {
    return this.checkLive(this.get<StoryRow>(SQL.live, [id]), id);
  }

  private requireLive(id: string): StoryRow {
    const row = this.live(id);
    if (!row) throw new StoreError('no-such-story', `no story ${id} in ${this.location}`);
    return row;
  }

  private requireStory(id: string): StoryRow {
    const row = this.get<StoryRow>(SQL.story, [id]);
    if (!row) throw new StoreError('no-such-story', `no story ${id} in ${this.location}`);
    return row;
  }

  /**
   * Moves one article into a live story at `tick`, recording its `joined` event when `joined` (else the caller
   * records the event). Returns the story joined.
   */
  private place(article: MemberRow, story: string, tick: number, joined: boolean): StoryRow {
    const row = this.get<StoryRow>(SQL.place, [tick, story, article.story, article.id, joined, article.seq, article.published]);
    if (!row) throw new Error(`story ${story} vanished while placing article ${article.id}`);
    return row;
  }

  createStory(id: string, articles: readonly (string | number)[] = []): StoryRecord {
    return this.write(() => {
      if (this.get(SQL.story, [id])) throw new StoreError('story-exists', `story ${id} already exists in ${this.location}`);
      const members = articles.map((key) => this.member(key));
      const tick = this.nextTick();
      this.exec(SQL.insertStory, [id, tick]);
      this.exec(SQL.insertEvent, [tick, 'created', id, null, members[0]?.id ?? null]);
      let row: StoryRow | null = null;
      for (const [i, m] of members.entries()) {
        if (members.findIndex((o) => o.seq === m.seq) !== i) continue; // listed twice
        // The founder is recorded by the `created` event; any other member (or a founder that moves from
        // another story) by its own `joined` event.
        row = i === 0 && m.story === null ? this.place(m, id, tick, false) : this.place(m, id, this.nextTick(), true);
      }
      return storyRecord(row ?? this.requireStory(id));
    });
  }

  assign(article: string | number, storyId: string): StoryRecord {
    return this.write(() => {
      if (!validKey(article)) throw this.noSuchArticle(article);
      const both = this.get<{ member: MemberRow | null; story: StoryRow | null }>(typeof article === 'number' ? SQL.memberAndLiveBySeq : SQL.memberAndLiveById, [
        article,
        storyId,
      ])!;
      if (!both.member) throw this.noSuchArticle(article);
      const story = this.checkLive(both.story ?? undefined, storyId);
      if (!story) throw new StoreError('no-such-story', `no story ${storyId} in ${this.location}`);
      if (both.member.story === story.id) return storyRecord(story);
      return storyRecord(this.place(both.member, story.id, this.nextTick(), true));
    });
  }

  mergeStories(from: string, into: string): StoryRecord {
    return this.write(() => {
      const source = this.requireLive(from);
      const target = this.requireLive(into);
      if (source.id === target.id) return storyRecord(target);
      const tick = this.event('merged', target.id, source.id, null);
      this.exec(SQL.moveMembers, [target.id, source.id]);
      this.exec(SQL.storyAbsorbed, [target.id, source.id, tick]);
      this.exec(SQL.storyMerged, [target.id, source.id, tick]);
      // Keep every merge chain one hop long.
      this.exec(SQL.redirectMerged, [target.id, source.id]);
      return storyRecord(this.requireStory(target.id));
    });
  }

  splitStory(from: string, newId: string, articles: readonly (string | number)[]): StoryRecord {
    return this.write(() => {
      const source = this.requireLive(from);
      if (this.get(SQL.story, [newId])) throw new StoreError('story-exists', `story ${newId} already exists in ${this.location}`);
      const members = articles.map((key) => this.member(key));
      for (const m of members) {
        if (m.story !== source.id) throw new StoreError('no-such-article', `article ${m.id} is not in story ${source.id}`);
      }
      const tick = this.nextTick();
      this.exec(SQL.insertStory, [newId, tick]);
      this.exec(SQL.insertEvent, [tick, 'split', source.id, newId, null]);
      const seen = new Set<number>();
      let row: StoryRow | null = null;
      for (const m of members) {
        if (seen.has(m.seq)) continue;
        seen.add(m.seq);
        row = this.place(m, newId, this.nextTick(), true);
      }
      return storyRecord(row ?? this.requireStory(newId));
    });
  }

  setStorySignature(storyId: string, signature: Uint8Array | null): void {
    const bytes = toBytes(signature);
    this.write(() => {
      this.requireStory(storyId);
      if (bytes) this.exec(SQL.setStorySignature, [storyId, bytes]);
      else this.exec(SQL.deleteStorySignature, [storyId]);
    });
  }

  storySignature(storyId: string): Uint8Array | null {
    return fromBytes(this.get<{ signature: Uint8Array }>(SQL.storySignature, [storyId])?.signature ?? null);
  }

  getStory(id: string): StoryRecord | null {
    const row = this.live(id);
    return row ? storyRecord(row) : null;
  }

  getStoryRecord(id: string): StoryRecord | null {
    const row = this.get<StoryRow>(SQL.story, [id]);
    return row ? storyRecord(row) : null;
  }

  articlesOf(storyId: string): ArticleRecord[] {
    return this.all<ArticleRow>(SQL.articlesOf, [storyId]).map(articleRecord);
  }

  memberIds(storyId: string): string[] {
    return this.all<{ id: string }>(SQL.memberIds, [storyId]).map((r) => r.id);
  }

  events(storyId: string): StoryEvent[] {
    return this.all<EventRow>(SQL.eventsOf, [storyId]).map((r) => ({ seq: r.seq, kind: r.kind, story: r.story, other: r.other, article: r.article }));
  }

  listStories(options: ListStoriesOptions = {}): StoryRecord[] {
    const order = options.order === 'biggest' ? BIGGEST : NEWEST;
    const limit = limitOf(options.limit);
    const rows =
      options.since === undefined ? this.all<StoryRow>(SQL.list(order, false), [limit]) : this.all<StoryRow>(SQL.list(order, true), [limit, options.since]);
    return rows.map(storyRecord);
  }

  // ── reports ──

  saveReport(storyId: string, report: string | Uint8Array, atSeq: number, summary?: ReportSummary, digest?: DigestInput): void {
    this.write(() => {
      const existing = this.get<{ id: string; seq: number | null }>(SQL.storyReportSeq, [storyId]);
      if (!existing) throw new StoreError('no-such-story', `no story ${storyId} in ${this.location}`);
      if (existing.seq !== null && existing.seq > atSeq) return;
      const counts = summary ?? reportSummary(typeof report === 'string' ? report : decodeReport(report));
      const bytes = (x: string | Uint8Array): Uint8Array => toBytes(typeof x === 'string' ? encodeReport(x) : x)!;
      // The digest goes with the report it was made from (none given: none kept, never an older one).
      this.exec(SQL.saveReport, [
        storyId,
        atSeq,
        bytes(report),
        counts.singleSourceQuotes,
        counts.conflicts,
        counts.corroborated,
        digest === undefined ? null : digest.version,
        digest === undefined ? null : bytes(digest.data),
        META_REPORTS_WRITTEN,
      ]);
    });
  }

  getReport(storyId: string): StoredReport | null {
    type Row = { id: string; status: string; merged_into: string | null; updated_seq: number; seq: number | null; json: Uint8Array | null };
    const row = this.checkLive(this.get<Row>(SQL.report, [storyId]), storyId);
    if (!row || row.seq === null || row.json === null) return null;
    return { story: row.id, seq: row.seq, json: decodeReport(row.json), stale: row.updated_seq > row.seq };
  }

  getReportDigest(storyId: string): StoredDigest | null {
    type Row = { id: string; status: string; merged_into: string | null; updated_seq: number; seq: number; version: number | null; digest: Uint8Array | null };
    const row = this.checkLive(this.get<Row>(SQL.reportDigest, [storyId]), storyId);
    if (!row) return null;
    return { story: row.id, seq: row.seq, digest: row.digest === null ? null : decodeReport(row.digest), version: row.version, stale: row.updated_seq > row.seq };
  }

  reportsToDigest(version: number): string[] {
    return this.all<{ story: string }>(SQL.toDigest, [version]).map((r) => r.story);
  }

  setReportDigest(storyId: string, atSeq: number, digest: DigestInput): boolean {
    // Only for the report it was made from: one written since (at this tick too) has its own digest.
    const data = toBytes(typeof digest.data === 'string' ? encodeReport(digest.data) : digest.data);
    return this.write(() => this.exec(SQL.setReportDigest, [storyId, atSeq, digest.version, data]).rowCount > 0);
  }

  staleStories(limit?: number): string[] {
    return this.all<{ id: string }>(SQL.stale, [limitOf(limit)]).map((r) => r.id);
  }

  // ── analyses ──

  getAnalyses(ids: readonly string[], version: number): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    if (ids.length === 0) return out;
    for (const row of this.all<{ id: string; data: Uint8Array }>(SQL.analyses, [ids, version])) out.set(row.id, fromBytes(row.data)!);
    return out;
  }

  saveAnalyses(analyses: readonly StoredAnalysis[]): void {
    if (analyses.length === 0) return;
    this.write(() => {
      // Every id checked before the first write (see `write`).
      const seqs = new Map(this.all<{ seq: number; id: string }>(SQL.seqsOfIds, [[...new Set(analyses.map((a) => a.id))]]).map((r) => [r.id, r.seq]));
      const unknown = analyses.find((a) => !seqs.has(a.id));
      if (unknown) throw new StoreError('no-such-article', `no article ${unknown.id} in ${this.location}`);
      // One row per article, the last given winning (as one upsert after the other would).
      const last = new Map<number, StoredAnalysis>();
      for (const a of analyses) last.set(seqs.get(a.id)!, a);
      const rows = [...last];
      this.exec(SQL.upsertAnalyses, [rows.map(([seq]) => seq), rows.map(([, a]) => a.version), rows.map(([, a]) => toBytes(a.data))]);
    });
  }

  // ── search ──

  indexForSearch(limit?: number): number {
    if (this.readonly) return 0;
    const max = limit === undefined ? Infinity : Math.max(0, Math.floor(limit));
    let done = 0;
    while (done < max) {
      const n = this.transaction(() => {
        const rows = this.all<{ seq: number; title: string | null; text: string }>(SQL.unindexed, [this.metaNumber(META_SEARCH_SEQ), Math.min(SEARCH_BATCH, max - done)]);
        const last = rows[rows.length - 1];
        if (!last) return 0;
        this.exec(SQL.index, [JSON.stringify(rows.map((r) => [r.seq, indexWords(r.title, r.text)]))]);
        this.exec(SQL.setMeta, [META_SEARCH_SEQ, String(last.seq)]);
        return rows.length;
      });
      done += n;
      if (n < SEARCH_BATCH) break;
    }
    return done;
  }

  unindexedArticles(): number {
    return this.get<{ n: number }>(SQL.countUnindexed, [this.metaNumber(META_SEARCH_SEQ)])?.n ?? 0;
  }

  searchStories(options: SearchStoriesOptions = {}): StoryPage {
    const params: unknown[] = [];
    const where = searchFilter(options, params);
    const order = options.order === 'biggest' ? BIGGEST : NEWEST;
    const limit = options.limit === undefined ? 50 : Math.max(0, Math.floor(options.limit));
    const offset = options.offset === undefined ? 0 : Math.max(0, Math.floor(options.offset));
    type Row = StoryRow & { sources: string[]; title: string | null; start: string | null; r_seq: number | null } & Omit<SummaryRow, 'seq'>;
    return this.read(() => {
      const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM stories WHERE ${where}`, params)?.n ?? 0;
      const rows =
        limit === 0 || offset >= total
          ? []
          : this.all<Row>(
              `SELECT ${STORY_COLUMNS_QUALIFIED},
                 ARRAY(SELECT DISTINCT a.source FROM articles a WHERE a.story = stories.id AND a.source IS NOT NULL ORDER BY a.source) AS sources,
                 f.title, f.start, r.seq AS r_seq, r.single_source_quotes, r.conflicts, r.corroborated
               FROM stories
                 LEFT JOIN LATERAL (SELECT a.title, substr(t.text, 1, ${HEADLINE_SOURCE_CHARS}) AS start FROM ${ARTICLE_FROM} WHERE a.seq = ${firstMemberSeq('stories.id')}) f ON true
                 LEFT JOIN reports r ON r.story = stories.id
               WHERE ${where} ORDER BY ${order} LIMIT $${params.length + 1}::bigint OFFSET $${params.length + 2}::bigint`,
              [...params, limit, offset],
            );
      const stories = rows.map((row) => {
        const story = storyRecord(row);
        const report: SummaryRow | null =
          row.r_seq === null ? null : { seq: row.r_seq, single_source_quotes: row.single_source_quotes, conflicts: row.conflicts, corroborated: row.corroborated };
        const listing: ListingRow = {
          sources: row.sources,
          title: row.title ?? null,
          start: row.start ?? '',
          report,
        };
        return storyListing(story, listing);
      });
      return { total, stories };
    });
  }

  outlets(): OutletCount[] {
    return this.all<{ source: string; n: number }>(SQL.outlets).map((r) => ({ source: r.source, articles: r.n }));
  }

  // ── placement ──

  tryLockPlacement(): (() => void) | null {
    if (this.readonly) throw new StoreError('unwritable', `store ${this.location} is read-only`, this.location);
    if (this.placing) return null;
    const taken = this.get<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${this.placementKey}::bigint) AS ok`)?.ok === true;
    if (!taken) return null;
    this.placing = true;
    return () => {
      if (!this.placing) return;
      this.placing = false;
      try {
        if (!this.closed) this.get(`SELECT pg_advisory_unlock(${this.placementKey}::bigint) AS ok`);
      } catch {
        // The connection is gone: so is its session lock.
      }
    };
  }

  // ── clusterer state ──

  getMeta(key: string): string | null {
    return this.get<{ value: string }>(SQL.getMeta, [key])?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    if (key.startsWith('store.')) throw new Error(`meta key ${key}: the store. prefix is reserved for the store's counters`);
    this.write(() => this.exec(SQL.setMeta, [key, value]));
  }

  addTermCounts(counts: ReadonlyMap<string, number>, documents = 0): void {
    const terms: string[] = [];
    const ns: number[] = [];
    for (const [term, n] of counts) {
      if (n === 0) continue;
      terms.push(term);
      ns.push(n);
    }
    if (terms.length === 0 && documents === 0) return;
    this.write(() => {
      if (terms.length > 0) this.exec(SQL.addTerms, [terms, ns]);
      if (documents !== 0) this.exec(SQL.addMeta, [META_DOCUMENTS, documents]);
    });
  }

  termCounts(terms: Iterable<string>): Map<string, number> {
    const list = [...new Set(terms)];
    const out = new Map<string, number>();
    if (list.length === 0) return out;
    for (const row of this.all<{ term: string; count: number }>(SQL.termCounts, [list])) out.set(row.term, row.count);
    return out;
  }

  *allTermCounts(batchSize = 10000): Iterable<Array<[string, number]>> {
    type TermRow = { term: string; count: number };
    const pages = keysetPages(
      positiveInt(batchSize, 10000),
      (r: TermRow) => r.term,
      (after, n) => (after === null ? this.all<TermRow>(SQL.termPageFirst, [n]) : this.all<TermRow>(SQL.termPage, [after, n])),
    );
    for (const rows of pages) yield rows.map((r): [string, number] => [r.term, r.count]);
  }

  documentCount(): number {
    return this.metaNumber(META_DOCUMENTS);
  }

  private metaNumber(key: string): number {
    const v = this.getMeta(key);
    return v === null ? 0 : Number(v);
  }

  stats(): StoreStats {
    const row = this.get<{
      articles: number;
      listed: number;
      merged: number;
      members: number;
      stale: number;
      events: number;
      reports: number;
      duplicates: string | null;
      conflicts: string | null;
    }>(SQL.stats)!;
    return {
      articles: row.articles,
      stories: row.listed,
      mergedStories: row.merged,
      unassigned: row.articles - row.members,
      duplicates: row.duplicates === null ? 0 : Number(row.duplicates),
      conflicts: row.conflicts === null ? 0 : Number(row.conflicts),
      events: row.events,
      reports: row.reports,
      staleReports: row.stale,
      schemaVersion: this.schemaVersion,
    };
  }
}

/**
 * The WHERE clause of a story search over `stories` (unaliased, so the partial index applies), its parameters
 * appended to `params`.
 */
function searchFilter(options: SearchStoriesOptions, params: unknown[]): string {
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}::text`;
  };
  const terms = [LISTED];
  const words = searchWords(options.q ?? '');
  if (words.length > 0) {
    if (words.some((w) => Buffer.byteLength(w) > MAX_LEXEME_BYTES)) {
      terms.push('false'); // never indexed (indexWords)
    } else {
      // Each word a quoted lexeme (words hold letters and digits only), all required; cast, not parsed, so the
      // words are matched exactly as indexWords stored them.
      const query = words.map((w) => `'${w}'`).join(' & ');
      terms.push(`id IN (SELECT a.story FROM articles a WHERE a.story IS NOT NULL AND a.seq IN (SELECT seq FROM article_search WHERE words @@ (${p(query)})::tsquery))`);
    }
  }
  if (options.since !== undefined) terms.push(`last_published >= ${p(options.since)}`);
  if (options.until !== undefined) {
    // Compared at the precision given: until=2026-11-03 includes the whole day.
    const until = p(options.until);
    terms.push(`substr(last_published, 1, length(${until})) <= ${until}`);
  }
  if (options.outlet !== undefined) terms.push(`EXISTS (SELECT 1 FROM articles a WHERE a.source = ${p(options.outlet)} AND a.story = stories.id)`);
  return terms.join(' AND ');
}
