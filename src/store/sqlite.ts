/**
 * The SQLite store (better-sqlite3): one file, WAL mode, so any number of readers (other processes included)
 * read while one writer writes; a second writer waits up to `busyTimeoutMs` for the lock.
 *
 * Durability: every `transaction()` is atomic; a process killed at any moment (kill -9) leaves each
 * transaction either fully committed or absent. See the `synchronous` pragma below for power loss.
 *
 * Speed: statements are prepared once per connection; callers batch writes in `transaction()` (one commit,
 * one WAL append per batch instead of one per article).
 */
import Database from 'better-sqlite3';
import { accessSync, constants, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Article } from '../types.js';
import { contentHash, sameContent } from './content-hash.js';
import { StoreError } from './errors.js';
import { MIGRATIONS, migrate, type Migration } from './migrations.js';
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
  ListStoriesOptions,
  OpenStoreOptions,
  OutletCount,
  PutResult,
  ReportSummary,
  SearchStoriesOptions,
  SignatureRecord,
  Store,
  StoredAnalysis,
  DigestInput,
  StoredDigest,
  StoredReport,
  StoreStats,
  StoryEvent,
  StoryEventKind,
  StoryPage,
  StoryRecord,
} from './types.js';
import { HEADLINE_SOURCE_CHARS } from '../text/headline.js';

/** The rows as this driver reads them (blobs as Buffer), and their records. */
type ArticleRow = Row<Buffer>;
type SignatureRow = SigRow<Buffer>;
const articleRecord = (row: ArticleRow): ArticleRecord => articleOf(row, fromBlob);
const signatureRecord = (row: SignatureRow): SignatureRecord => signatureOf(row, fromBlob);

/** Who holds the placement lock: `{host, pid, n, at}` as JSON (`tryLockPlacement`; `at`: when it last wrote, ms). */
const META_PLACING = 'store.placing';
/** Placement locks taken by this process (part of the holder's mark, so two ingesters of one process differ). */
let placementLocks = 0;
/** The marks (`pid:n`) of the placement locks this process holds now. */
const heldMarks = new Set<string>();
/**
 * A placement lock whose holder has not committed a write for this long is taken over, wherever the holder runs (a
 * store file shared between containers or machines, where process ids say nothing). Every write transaction of the
 * holder renews it (an ingest commits every batch).
 */
const PLACEMENT_LEASE_MS = 10 * 60_000;

export interface SqliteStoreOptions extends OpenStoreOptions {
  /** The schema (tests only: to exercise upgrades). Default MIGRATIONS. */
  migrations?: readonly Migration[];
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const readonly = options.readonly ?? false;
  checkPath(path, readonly);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 5000 });
    // Touch the file: a file that is not SQLite fails here, before anything could write to it.
    db.pragma('schema_version', { simple: true });
    if (!readonly) {
      // WAL: readers never block the writer and the writer never blocks readers; persistent in the file.
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit is a write to the WAL without an fsync; the WAL is fsynced at each
      // checkpoint. A killed process (kill -9, crash) loses nothing committed and never corrupts the file (the
      // OS still holds the written pages). Only a power loss or OS crash can lose the last commits — still
      // without corruption, and re-running `ingest` restores them (ingest is idempotent). FULL would fsync
      // every commit, several times slower for batches, for no gain against process crashes.
      db.pragma('synchronous = NORMAL');
      // Cap the WAL file after checkpoints (bytes), so a long ingest does not leave a huge -wal file.
      db.pragma('journal_size_limit = 67108864');
      // Checkpoint (copy the WAL into the database, with an fsync) every ~40 MB instead of every 4 MB: fewer
      // fsyncs during a long ingest; readers are unaffected.
      db.pragma('wal_autocheckpoint = 10000');
    }
    db.pragma('foreign_keys = ON');
    // Page cache: 32 MiB per connection (negative = KiB), independent of the corpus size.
    db.pragma('cache_size = -32768');
    db.pragma('temp_store = MEMORY');
    const version = migrate(db, path, options.migrations ?? MIGRATIONS, readonly);
    return new SqliteStore(db, path, readonly, version, options.now ?? (() => new Date().toISOString()));
  } catch (error) {
    if (db?.open) db.close();
    throw toStoreError(error, path);
  }
}

/** Refuses paths that cannot be a store file, with a message naming the path. */
function checkPath(path: string, readonly: boolean): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'ENOENT') throw new StoreError('unwritable', `cannot open database ${path}: ${code ?? 'not accessible'}`, path);
    if (readonly) throw new StoreError('missing', `database ${path} does not exist`, path);
    const dir = dirname(resolve(path));
    let dirStats;
    try {
      dirStats = statSync(dir);
    } catch {
      throw new StoreError('unwritable', `cannot create database ${path}: directory ${dir} does not exist`, path);
    }
    if (!dirStats.isDirectory()) throw new StoreError('unwritable', `cannot create database ${path}: ${dir} is not a directory`, path);
    if (!canAccess(dir, constants.W_OK)) throw new StoreError('unwritable', `cannot create database ${path}: directory ${dir} is not writable`, path);
    return;
  }
  if (stats.isDirectory()) throw new StoreError('is-directory', `database path ${path} is a directory, not a database file`, path);
  if (!stats.isFile()) throw new StoreError('not-a-database', `database path ${path} is not a regular file`, path);
  if (readonly) {
    if (!canAccess(path, constants.R_OK)) throw new StoreError('unwritable', `database ${path} is not readable`, path);
    return;
  }
  if (!canAccess(path, constants.R_OK | constants.W_OK)) throw new StoreError('unwritable', `database ${path} is not writable`, path);
  // WAL keeps two side files (-wal, -shm) next to the database.
  const dir = dirname(resolve(path));
  if (!canAccess(dir, constants.W_OK)) throw new StoreError('unwritable', `database ${path}: directory ${dir} is not writable (needed for the WAL files)`, path);
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** SQLite errors a user can cause → StoreError; anything else passes through unchanged (a bug). */
function toStoreError(error: unknown, path: string): unknown {
  if (error instanceof StoreError) return error;
  const code = errnoCode(error);
  if (!code?.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_NOTADB') return new StoreError('not-a-database', `${path} is not an SQLite database (is --db pointing at an input file?)`, path);
  if (code.startsWith('SQLITE_CORRUPT')) return new StoreError('corrupt', `database ${path} is damaged (${code})`, path);
  if (code.startsWith('SQLITE_CANTOPEN')) return new StoreError('unwritable', `cannot open database ${path}`, path);
  if (code.startsWith('SQLITE_READONLY')) return new StoreError('unwritable', `database ${path} is read-only`, path);
  if (code.startsWith('SQLITE_BUSY')) return new StoreError('busy', `database ${path} is locked by another writer (try again when it finishes)`, path);
  if (code === 'SQLITE_FULL') return new StoreError('unwritable', `database ${path}: disk full`, path);
  return error;
}

function toBlob(bytes: Uint8Array | null | undefined): Buffer | null {
  if (!bytes) return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A plain Uint8Array view (no copy) of a blob read from SQLite. */
function fromBlob(blob: Buffer | null): Uint8Array | null {
  return blob ? new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength) : null;
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
  return {
    // articles
    insertArticle: p<[string, string, string | null, string | null, string | null, string | null, string | null, string | null, string, Buffer | null, string]>(
      `INSERT INTO articles (id, hash, title, source, url, published, language, byline, origin, signature, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    ),
    insertText: p<[number, string]>(`INSERT INTO article_texts (seq, text) VALUES (?, ?)`
    ),
    byHash: p<[string], { seq: number; id: string; text: string; source: string | null }>(`SELECT a.seq, a.id, t.text, a.source FROM ${ARTICLE_FROM} WHERE a.hash = ? ORDER BY a.seq`),
    seqOfId: p<[string], { seq: number }>(`SELECT seq FROM articles WHERE id = ?`),
    articleById: p<[string], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id = ?`),
    articleBySeq: p<[number], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.seq = ?`),
    memberById: p<[string], MemberRow>(`SELECT seq, id, story, published FROM articles WHERE id = ?`),
    memberBySeq: p<[number], MemberRow>(`SELECT seq, id, story, published FROM articles WHERE seq = ?`),
    setSignatureById: p<[Buffer | null, string]>(`UPDATE articles SET signature = ? WHERE id = ?`),
    setSignatureBySeq: p<[Buffer | null, number]>(`UPDATE articles SET signature = ? WHERE seq = ?`),
    signaturesByIds: p<[string], SignatureRow>(`SELECT ${SIGNATURE_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`),
    signaturesBySeqs: p<[string], SignatureRow>(`SELECT ${SIGNATURE_COLUMNS} FROM articles WHERE seq IN (SELECT value FROM json_each(?))`),
    signaturePage: p<[number, number], SignatureRow>(`SELECT ${SIGNATURE_COLUMNS} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`),
    setArticleStory: p<[string, number]>(`UPDATE articles SET story = ? WHERE seq = ?`),
    moveMembers: p<[string, string]>(`UPDATE articles SET story = ? WHERE story = ?`),
    articlesOf: p<[string], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.story = ? ORDER BY a.seq`),
    memberIds: p<[string], { id: string }>(`SELECT id FROM articles WHERE story = ? ORDER BY seq`),
    countArticles: p<[], { n: number }>(`SELECT count(*) AS n FROM articles`),

    // stories
    story: p<[string], StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`),
    insertStory: p<[string, number, number]>(`INSERT INTO stories (id, created_seq, updated_seq, size, status) VALUES (?, ?, ?, 0, 'active')`),
    storyJoined: p<{ id: string; tick: number; p: string | null }>(
      `UPDATE stories SET size = size + 1, updated_seq = :tick,
         first_published = CASE WHEN :p IS NOT NULL AND (first_published IS NULL OR :p < first_published) THEN :p ELSE first_published END,
         last_published  = CASE WHEN :p IS NOT NULL AND (last_published IS NULL OR :p > last_published) THEN :p ELSE last_published END
       WHERE id = :id`,
    ),
    storyLeft: p<{ id: string; tick: number }>(
      `UPDATE stories SET size = size - 1, updated_seq = :tick,
         first_published = (SELECT min(published) FROM articles WHERE story = :id),
         last_published  = (SELECT max(published) FROM articles WHERE story = :id)
       WHERE id = :id`,
    ),
    storyAbsorbed: p<{ into: string; from: string; tick: number }>(
      `UPDATE stories SET size = size + (SELECT size FROM stories WHERE id = :from), updated_seq = :tick,
         first_published = (SELECT min(first_published) FROM stories WHERE id IN (:into, :from)),
         last_published  = (SELECT max(last_published) FROM stories WHERE id IN (:into, :from))
       WHERE id = :into`,
    ),
    storyMerged: p<{ into: string; from: string; tick: number }>(
      `UPDATE stories SET status = 'merged', merged_into = :into, size = 0, updated_seq = :tick WHERE id = :from`,
    ),
    redirectMerged: p<[string, string]>(`UPDATE stories SET merged_into = ? WHERE merged_into = ?`),
    setStorySignature: p<[string, Buffer]>(
      `INSERT INTO story_signatures (story, signature) VALUES (?, ?) ON CONFLICT(story) DO UPDATE SET signature = excluded.signature`,
    ),
    deleteStorySignature: p<[string]>(`DELETE FROM story_signatures WHERE story = ?`),
    storySignature: p<[string], { signature: Buffer }>(`SELECT signature FROM story_signatures WHERE story = ?`),
    listNewest: p<[number], StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE ${LISTED} ORDER BY last_published DESC, id LIMIT ?`),
    listNewestSince: p<[string, number], StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE ${LISTED} AND last_published >= ? ORDER BY last_published DESC, id LIMIT ?`,
    ),
    listBiggest: p<[number], StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE ${LISTED} ORDER BY size DESC, last_published DESC, id LIMIT ?`),
    listBiggestSince: p<[string, number], StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE ${LISTED} AND last_published >= ? ORDER BY size DESC, last_published DESC, id LIMIT ?`,
    ),
    countStories: p<[], { listed: number; merged: number; members: number }>(
      `SELECT coalesce(sum(status = 'active' AND size > 0), 0) AS listed, coalesce(sum(status = 'merged'), 0) AS merged,
              coalesce(sum(CASE WHEN status = 'active' THEN size ELSE 0 END), 0) AS members FROM stories`,
    ),

    // events
    lastTick: p<[], { seq: number | null }>(`SELECT max(seq) AS seq FROM events`),
    insertEvent: p<[number, StoryEventKind, string, string | null, string | null]>(`INSERT INTO events (seq, kind, story, other, article) VALUES (?, ?, ?, ?, ?)`),
    eventsOf: p<[string, string], EventRow>(
      `SELECT seq, kind, story, other, article FROM events WHERE story = ?
       UNION SELECT seq, kind, story, other, article FROM events WHERE other = ? ORDER BY seq`,
    ),
    countEvents: p<[], { n: number }>(`SELECT count(*) AS n FROM events`),

    // reports
    report: p<[string], { seq: number; json: string | Buffer }>(`SELECT seq, json FROM reports WHERE story = ?`),
    setReportSeq: p<[number, string]>(`UPDATE stories SET report_seq = ? WHERE id = ?`),
    stale: p<[number], { id: string }>(`SELECT id FROM stories WHERE ${STALE} ORDER BY created_seq LIMIT ?`),
    countStale: p<[], { n: number }>(`SELECT count(*) AS n FROM stories WHERE ${STALE}`),
    countReports: p<[], { n: number }>(`SELECT count(*) AS n FROM reports`),

    // meta and term counts
    getMeta: p<[string], { value: string }>(`SELECT value FROM meta WHERE key = ?`),
    setMeta: p<[string, string]>(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
    addMeta: p<{ key: string; n: number }>(
      `INSERT INTO meta (key, value) VALUES (:key, CAST(:n AS TEXT)) ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + :n AS TEXT)`,
    ),
    addTerm: p<[string, number]>(`INSERT INTO term_counts (term, count) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET count = count + excluded.count`),
    termCounts: p<[string], { term: string; count: number }>(`SELECT term, count FROM term_counts WHERE term IN (SELECT value FROM json_each(?))`),
    termPage: p<[string, number], { term: string; count: number }>(`SELECT term, count FROM term_counts WHERE term > ? ORDER BY term LIMIT ?`),
    termPageFirst: p<[number], { term: string; count: number }>(`SELECT term, count FROM term_counts ORDER BY term LIMIT ?`),
  };
}

type SearchStatements = ReturnType<typeof prepareSearchStatements>;

/** The schema version that keeps report digests (migrations.ts). */
const DIGEST_SCHEMA = 5;

/** Statements of schema version 5 (report digests): prepared on first use. */
function prepareDigestStatements(db: Database.Database) {
  return {
    // The report's tick and the digest only if it was made from that report (never reads the report's bytes).
    reportDigest: db.prepare<[string], { seq: number; version: number | null; digest: Buffer | null }>(
      `SELECT r.seq, d.version, d.digest FROM reports r LEFT JOIN report_digests d ON d.story = r.story AND d.seq = r.seq WHERE r.story = ?`,
    ),
    upsertDigest: db.prepare<[string, number, number, Buffer]>(
      `INSERT INTO report_digests (story, seq, version, digest) VALUES (?, ?, ?, ?)
       ON CONFLICT(story) DO UPDATE SET seq = excluded.seq, version = excluded.version, digest = excluded.digest`,
    ),
    deleteDigest: db.prepare<[string]>(`DELETE FROM report_digests WHERE story = ?`),
    toDigest: db.prepare<[number], { story: string }>(
      `SELECT r.story FROM reports r JOIN stories s ON s.id = r.story LEFT JOIN report_digests d ON d.story = r.story
       WHERE s.status = 'active' AND (d.story IS NULL OR d.seq <> r.seq OR d.version <> ?) ORDER BY r.story`,
    ),
  };
}
type DigestStatements = ReturnType<typeof prepareDigestStatements>;

/** Statements of schema version 2 (full-text index, report counts, outlets): prepared on first use. */
function prepareSearchStatements(db: Database.Database) {
  const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
  return {
    unindexed: p<[number, number], { seq: number; title: string | null; text: string }>(
      `SELECT a.seq, a.title, t.text FROM ${ARTICLE_FROM} WHERE a.seq > ? ORDER BY a.seq LIMIT ?`,
    ),
    countUnindexed: p<[number], { n: number }>(`SELECT count(*) AS n FROM articles WHERE seq > ?`),
    index: p<[number, string | null, string]>(`INSERT INTO article_search (rowid, title, text) VALUES (?, ?, ?)`),
    sources: p<[string], { source: string }>(`SELECT DISTINCT source FROM articles WHERE story = ? AND source IS NOT NULL ORDER BY source`),
    first: p<[string], { title: string | null; start: string }>(
      `SELECT a.title, substr(t.text, 1, ${HEADLINE_SOURCE_CHARS}) AS start FROM ${ARTICLE_FROM} WHERE a.seq = ${firstMemberSeq('?')}`,
    ),
    summary: p<[string], { seq: number; single_source_quotes: number | null; conflicts: number | null; corroborated: number | null }>(
      `SELECT seq, single_source_quotes, conflicts, corroborated FROM reports WHERE story = ?`,
    ),
    upsertReport: p<[string, number, Buffer, number, number, number]>(
      `INSERT INTO reports (story, seq, json, single_source_quotes, conflicts, corroborated) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(story) DO UPDATE SET seq = excluded.seq, json = excluded.json, single_source_quotes = excluded.single_source_quotes,
         conflicts = excluded.conflicts, corroborated = excluded.corroborated`,
    ),
    outlets: p<[], { source: string; n: number }>(`SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY source`),
  };
}

type AnalysisStatements = ReturnType<typeof prepareAnalysisStatements>;

/** Statements of schema version 3 (stored analyses): prepared on first use. */
function prepareAnalysisStatements(db: Database.Database) {
  const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
  return {
    analyses: p<[string, number], { id: string; data: Buffer }>(
      `SELECT a.id, x.data FROM articles a JOIN article_analyses x ON x.seq = a.seq WHERE a.id IN (SELECT value FROM json_each(?)) AND x.version = ?`,
    ),
    seqsOfIds: p<[string], { seq: number; id: string }>(`SELECT seq, id FROM articles WHERE id IN (SELECT value FROM json_each(?))`),
    upsert: p<[number, number, Buffer]>(
      `INSERT INTO article_analyses (seq, version, data) VALUES (?, ?, ?) ON CONFLICT(seq) DO UPDATE SET version = excluded.version, data = excluded.data`,
    ),
  };
}

/** The WHERE clause and parameters of a story search (stories unaliased, so the partial index applies). */
function searchFilter(options: SearchStoriesOptions): { where: string; params: Record<string, string> } {
  const terms = [LISTED];
  const params: Record<string, string> = {};
  const words = searchWords(options.q ?? '');
  if (words.length > 0) {
    // Each word a quoted FTS5 string (words hold letters and digits only), all required (implicit AND).
    params['match'] = words.map((w) => `"${w}"`).join(' ');
    terms.push(`id IN (SELECT a.story FROM articles a WHERE a.story IS NOT NULL AND a.seq IN (SELECT rowid FROM article_search WHERE article_search MATCH :match))`);
  }
  if (options.since !== undefined) {
    params['since'] = options.since;
    terms.push(`last_published >= :since`);
  }
  if (options.until !== undefined) {
    // Compared at the precision given: until=2026-11-03 includes the whole day.
    params['until'] = options.until;
    terms.push(`substr(last_published, 1, length(:until)) <= :until`);
  }
  if (options.outlet !== undefined) {
    params['outlet'] = options.outlet;
    terms.push(`EXISTS (SELECT 1 FROM articles a WHERE a.source = :outlet AND a.story = stories.id)`);
  }
  return { where: terms.join(' AND '), params };
}

export class SqliteStore implements Store {
  /** The placement lock this store object holds (`tryLockPlacement`): its mark's process-wide key and its `n`. */
  private placement: { key: string; n: number } | null = null;
  /** Gives up the placement lock this store object holds (set while it holds one). */
  private releasePlacement: (() => void) | null = null;
  private readonly s: Statements;
  private searchStatements: SearchStatements | null = null;
  private analysisStatements: AnalysisStatements | null = null;
  /** Prepared story searches, by SQL text (one per combination of filters and order). */
  private readonly searches = new Map<string, Database.Statement<Record<string, string | number>, unknown>>();
  /** One transaction wrapper for every call (better-sqlite3 builds a wrapper per `db.transaction`: costly per row). */
  private readonly runInTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  /**
   * The last change-clock tick, known while this connection holds the write lock (read once per outermost
   * transaction instead of once per event; forgotten when a transaction starts or fails).
   */
  private tick: number | null = null;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
    readonly readonly: boolean,
    private readonly schemaVersion: number,
    private readonly now: () => string,
  ) {
    // Prepared once per connection (a read-only connection prepares the write statements too: harmless).
    this.s = prepareStatements(db);
    this.runInTransaction = db.transaction((fn: () => unknown) => fn());
  }

  close(): void {
    if (!this.db.open) return;
    this.releasePlacement?.(); // a lock held when the store closes is given up with it
    if (!this.readonly) {
      try {
        this.db.pragma('optimize');
      } catch {
        // best effort: statistics only
      }
    }
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    if (outermost) this.tick = null;
    try {
      // IMMEDIATE: take the write lock at the start, so two writers queue instead of failing mid-way.
      // Inside an outer transaction this is a savepoint: a failing inner call undoes only its own writes.
      // The holder of the placement lock renews its lease with every write transaction.
      const work = outermost && this.placement !== null ? (): T => (this.renewPlacement(), fn()) : fn;
      return this.runInTransaction.immediate(work) as T;
    } catch (error) {
      this.tick = null;
      throw toStoreError(error, this.location);
    }
  }

  /**
   * One method's writes as a unit: its own transaction, or part of the caller's. Inside a caller's
   * transaction no savepoint is taken (a savepoint per call halves batch speed), so every method checks
   * everything that can fail (unknown ids, taken ids) BEFORE its first write: a StoreError leaves no trace.
   */
  private write<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.transaction(fn);
  }

  /** Several reads that must see one snapshot. */
  private read<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : (this.runInTransaction.deferred(fn) as T);
  }

  // ── articles ──

  putArticle(article: Article, signature: Uint8Array | null = null, hash: string = contentHash(article)): PutResult {
    return this.write(() => {
      for (const row of this.s.byHash.all(hash)) {
        if (sameContent(row, article)) {
          this.s.addMeta.run({ key: META_DUPLICATES, n: 1 });
          return { status: 'duplicate', seq: row.seq, id: row.id };
        }
      }
      const info = this.s.insertArticle.run(
        article.id,
        hash,
        article.title,
        article.source,
        article.url,
        article.published,
        article.language,
        article.byline,
        article.origin,
        toBlob(signature),
        this.now(),
      );
      if (info.changes === 0) {
        const existing = this.s.seqOfId.get(article.id);
        if (!existing) throw new Error(`article ${article.id}: insert ignored but no row with that id`);
        this.s.addMeta.run({ key: META_CONFLICTS, n: 1 });
        return { status: 'conflict', seq: existing.seq, id: article.id };
      }
      const seq = Number(info.lastInsertRowid);
      this.s.insertText.run(seq, article.text);
      return { status: 'new', seq, id: article.id };
    });
  }

  getArticle(key: string | number): ArticleRecord | null {
    const row = typeof key === 'number' ? this.s.articleBySeq.get(key) : this.s.articleById.get(key);
    return row ? articleRecord(row) : null;
  }

  setSignature(key: string | number, signature: Uint8Array | null): boolean {
    const blob = toBlob(signature);
    const info = this.write(() => (typeof key === 'number' ? this.s.setSignatureBySeq.run(blob, key) : this.s.setSignatureById.run(blob, key)));
    return info.changes > 0;
  }

  signatures(ids: readonly string[]): Map<string, SignatureRecord> {
    const out = new Map<string, SignatureRecord>();
    if (ids.length === 0) return out;
    for (const row of this.s.signaturesByIds.all(JSON.stringify(ids))) out.set(row.id, signatureRecord(row));
    return out;
  }

  signaturesBySeq(seqs: readonly number[]): Map<number, SignatureRecord> {
    const out = new Map<number, SignatureRecord>();
    if (seqs.length === 0) return out;
    for (const row of this.s.signaturesBySeqs.all(JSON.stringify(seqs))) out.set(row.seq, signatureRecord(row));
    return out;
  }

  *allSignatures(batchSize = 1000): Iterable<SignatureRecord[]> {
    const pages = keysetPages(positiveInt(batchSize, 1000), (r: SignatureRow) => r.seq, (after, n) => this.s.signaturePage.all(after ?? 0, n));
    for (const rows of pages) yield rows.map(signatureRecord);
  }

  // ── stories ──

  /** The next change-clock tick (called inside a write transaction, which holds the lock until it ends). */
  private nextTick(): number {
    this.tick ??= this.s.lastTick.get()?.seq ?? 0;
    return ++this.tick;
  }

  private event(kind: StoryEventKind, story: string, other: string | null, article: string | null): number {
    const tick = this.nextTick();
    this.s.insertEvent.run(tick, kind, story, other, article);
    return tick;
  }

  private member(key: string | number): MemberRow {
    const row = typeof key === 'number' ? this.s.memberBySeq.get(key) : this.s.memberById.get(key);
    if (!row) throw new StoreError('no-such-article', `no article ${typeof key === 'number' ? `with seq ${key}` : key} in ${this.location}`);
    return row;
  }

  /** The live story `id` resolves to (following merges), or null. */
  private live(id: string): StoryRow | null {
    let row = this.s.story.get(id);
    for (let hops = 0; row && row.status === 'merged' && row.merged_into !== null; hops++) {
      if (hops > MAX_MERGE_CHAIN) throw new Error(`story ${id}: merge chain does not end`);
      row = this.s.story.get(row.merged_into);
    }
    return row ?? null;
  }

  private requireLive(id: string): StoryRow {
    const row = this.live(id);
    if (!row) throw new StoreError('no-such-story', `no story ${id} in ${this.location}`);
    return row;
  }

  private requireStory(id: string): StoryRow {
    const row = this.s.story.get(id);
    if (!row) throw new StoreError('no-such-story', `no story ${id} in ${this.location}`);
    return row;
  }

  /** Moves one article into a live story at `tick` (bookkeeping only; the caller records the event). */
  private place(article: MemberRow, story: string, tick: number): void {
    this.s.setArticleStory.run(story, article.seq);
    this.s.storyJoined.run({ id: story, tick, p: article.published });
    if (article.story !== null) this.s.storyLeft.run({ id: article.story, tick });
  }

  createStory(id: string, articles: readonly (string | number)[] = []): StoryRecord {
    return this.write(() => {
      if (this.s.story.get(id)) throw new StoreError('story-exists', `story ${id} already exists in ${this.location}`);
      const members = articles.map((key) => this.member(key));
      const tick = this.nextTick();
      this.s.insertStory.run(id, tick, tick);
      this.s.insertEvent.run(tick, 'created', id, null, members[0]?.id ?? null);
      members.forEach((m, i) => {
        if (members.findIndex((o) => o.seq === m.seq) !== i) return; // listed twice
        // The founder is recorded by the `created` event; any other member (or a founder that moves from
        // another story) by its own `joined` event.
        const t = i === 0 && m.story === null ? tick : this.event('joined', id, m.story, m.id);
        this.place(m, id, t);
      });
      return storyRecord(this.requireStory(id));
    });
  }

  assign(article: string | number, storyId: string): StoryRecord {
    return this.write(() => {
      const member = this.member(article);
      const story = this.requireLive(storyId);
      if (member.story === story.id) return storyRecord(story);
      const tick = this.event('joined', story.id, member.story, member.id);
      this.place(member, story.id, tick);
      return storyRecord(this.requireStory(story.id));
    });
  }

  mergeStories(from: string, into: string): StoryRecord {
    return this.write(() => {
      const source = this.requireLive(from);
      const target = this.requireLive(into);
      if (source.id === target.id) return storyRecord(target);
      const tick = this.event('merged', target.id, source.id, null);
      this.s.moveMembers.run(target.id, source.id);
      this.s.storyAbsorbed.run({ into: target.id, from: source.id, tick });
      this.s.storyMerged.run({ into: target.id, from: source.id, tick });
      // Keep every merge chain one hop long.
      this.s.redirectMerged.run(target.id, source.id);
      return storyRecord(this.requireStory(target.id));
    });
  }

  splitStory(from: string, newId: string, articles: readonly (string | number)[]): StoryRecord {
    return this.write(() => {
      const source = this.requireLive(from);
      if (this.s.story.get(newId)) throw new StoreError('story-exists', `story ${newId} already exists in ${this.location}`);
      const members = articles.map((key) => this.member(key));
      for (const m of members) {
        if (m.story !== source.id) throw new StoreError('no-such-article', `article ${m.id} is not in story ${source.id}`);
      }
      const tick = this.nextTick();
      this.s.insertStory.run(newId, tick, tick);
      this.s.insertEvent.run(tick, 'split', source.id, newId, null);
      const seen = new Set<number>();
      for (const m of members) {
        if (seen.has(m.seq)) continue;
        seen.add(m.seq);
        this.place(m, newId, this.event('joined', newId, source.id, m.id));
      }
      return storyRecord(this.requireStory(newId));
    });
  }

  setStorySignature(storyId: string, signature: Uint8Array | null): void {
    const blob = toBlob(signature);
    this.write(() => {
      this.requireStory(storyId);
      if (blob) this.s.setStorySignature.run(storyId, blob);
      else this.s.deleteStorySignature.run(storyId);
    });
  }

  storySignature(storyId: string): Uint8Array | null {
    return fromBlob(this.s.storySignature.get(storyId)?.signature ?? null);
  }

  getStory(id: string): StoryRecord | null {
    const row = this.read(() => this.live(id));
    return row ? storyRecord(row) : null;
  }

  getStoryRecord(id: string): StoryRecord | null {
    const row = this.s.story.get(id);
    return row ? storyRecord(row) : null;
  }

  articlesOf(storyId: string): ArticleRecord[] {
    return this.s.articlesOf.all(storyId).map(articleRecord);
  }

  memberIds(storyId: string): string[] {
    return this.s.memberIds.all(storyId).map((r) => r.id);
  }

  events(storyId: string): StoryEvent[] {
    return this.s.eventsOf.all(storyId, storyId).map((r) => ({ seq: r.seq, kind: r.kind, story: r.story, other: r.other, article: r.article }));
  }

  listStories(options: ListStoriesOptions = {}): StoryRecord[] {
    const limit = options.limit === undefined ? -1 : Math.max(0, Math.floor(options.limit));
    const biggest = options.order === 'biggest';
    const rows =
      options.since === undefined
        ? (biggest ? this.s.listBiggest : this.s.listNewest).all(limit)
        : (biggest ? this.s.listBiggestSince : this.s.listNewestSince).all(options.since, limit);
    return rows.map(storyRecord);
  }

  // ── reports ──

  saveReport(storyId: string, report: string | Uint8Array, atSeq: number, summary?: ReportSummary, digest?: DigestInput): void {
    this.write(() => {
      this.requireStory(storyId);
      const existing = this.q.summary.get(storyId);
      if (existing && existing.seq > atSeq) return;
      const counts = summary ?? reportSummary(typeof report === 'string' ? report : decodeReport(report));
      const blob = (x: string | Uint8Array): Buffer => {
        const data = typeof x === 'string' ? encodeReport(x) : x;
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      };
      this.q.upsertReport.run(storyId, atSeq, blob(report), counts.singleSourceQuotes, counts.conflicts, counts.corroborated);
      // The digest goes with the report it was made from (none given: none kept, never an older one).
      if (this.schemaVersion >= DIGEST_SCHEMA) {
        if (digest === undefined) this.d.deleteDigest.run(storyId);
        else this.d.upsertDigest.run(storyId, atSeq, digest.version, blob(digest.data));
      }
      this.s.addMeta.run({ key: META_REPORTS_WRITTEN, n: 1 });
      this.s.setReportSeq.run(atSeq, storyId);
    });
  }

  getReport(storyId: string): StoredReport | null {
    return this.read(() => {
      const story = this.live(storyId);
      if (!story) return null;
      const report = this.s.report.get(story.id);
      if (!report) return null;
      return { story: story.id, seq: report.seq, json: decodeReport(report.json), stale: story.updated_seq > report.seq };
    });
  }

  getReportDigest(storyId: string): StoredDigest | null {
    return this.read(() => {
      const story = this.live(storyId);
      if (!story) return null;
      // A store from before digests: the report's tick, no digest.
      const row = this.schemaVersion >= DIGEST_SCHEMA ? this.d.reportDigest.get(story.id) : ((r) => r && { seq: r.seq, version: null, digest: null })(this.s.report.get(story.id));
      if (!row) return null;
      return { story: story.id, seq: row.seq, digest: row.digest === null ? null : decodeReport(row.digest), version: row.version, stale: story.updated_seq > row.seq };
    });
  }

  reportsToDigest(version: number): string[] {
    if (this.schemaVersion < DIGEST_SCHEMA) return [];
    return this.d.toDigest.all(version).map((r) => r.story);
  }

  setReportDigest(storyId: string, atSeq: number, digest: DigestInput): boolean {
    if (this.schemaVersion < DIGEST_SCHEMA) return false;
    return this.write(() => {
      // Only for the report it was made from: one written since (at this tick too) has its own digest.
      if (this.q.summary.get(storyId)?.seq !== atSeq) return false;
      const data = typeof digest.data === 'string' ? encodeReport(digest.data) : digest.data;
      this.d.upsertDigest.run(storyId, atSeq, digest.version, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      return true;
    });
  }

  staleStories(limit?: number): string[] {
    return this.s.stale.all(limit === undefined ? -1 : Math.max(0, Math.floor(limit))).map((r) => r.id);
  }

  // ── analyses ──

  private get x(): AnalysisStatements {
    this.analysisStatements ??= prepareAnalysisStatements(this.db);
    return this.analysisStatements;
  }

  getAnalyses(ids: readonly string[], version: number): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    if (ids.length === 0) return out;
    for (const row of this.x.analyses.all(JSON.stringify(ids), version)) out.set(row.id, fromBlob(row.data)!);
    return out;
  }

  saveAnalyses(analyses: readonly StoredAnalysis[]): void {
    if (analyses.length === 0) return;
    this.write(() => {
      // Every id checked before the first write (see `write`).
      const seqs = new Map(this.x.seqsOfIds.all(JSON.stringify(analyses.map((a) => a.id))).map((r) => [r.id, r.seq]));
      const unknown = analyses.find((a) => !seqs.has(a.id));
      if (unknown) throw new StoreError('no-such-article', `no article ${unknown.id} in ${this.location}`);
      for (const a of analyses) this.x.upsert.run(seqs.get(a.id)!, a.version, toBlob(a.data)!);
    });
  }

  // ── search ──

  private digestStatements: DigestStatements | null = null;

  private get d(): DigestStatements {
    this.digestStatements ??= prepareDigestStatements(this.db);
    return this.digestStatements;
  }

  private get q(): SearchStatements {
    this.searchStatements ??= prepareSearchStatements(this.db);
    return this.searchStatements;
  }

  private prepared<R>(sql: string): Database.Statement<Record<string, string | number>, R> {
    let statement = this.searches.get(sql);
    if (!statement) {
      statement = this.db.prepare<Record<string, string | number>, unknown>(sql);
      this.searches.set(sql, statement);
    }
    return statement as Database.Statement<Record<string, string | number>, R>;
  }

  indexForSearch(limit?: number): number {
    if (this.readonly) return 0;
    const max = limit === undefined ? Infinity : Math.max(0, Math.floor(limit));
    let done = 0;
    while (done < max) {
      const n = this.transaction(() => {
        const rows = this.q.unindexed.all(this.metaNumber(META_SEARCH_SEQ), Math.min(SEARCH_BATCH, max - done));
        for (const row of rows) this.q.index.run(row.seq, row.title, row.text);
        const last = rows[rows.length - 1];
        if (last) this.s.setMeta.run(META_SEARCH_SEQ, String(last.seq));
        return rows.length;
      });
      done += n;
      if (n < SEARCH_BATCH) break;
    }
    return done;
  }

  unindexedArticles(): number {
    return this.q.countUnindexed.get(this.metaNumber(META_SEARCH_SEQ))?.n ?? 0;
  }

  searchStories(options: SearchStoriesOptions = {}): StoryPage {
    const { where, params } = searchFilter(options);
    const order = options.order === 'biggest' ? 'size DESC, last_published DESC, id' : 'last_published DESC, id';
    const limit = options.limit === undefined ? 50 : Math.max(0, Math.floor(options.limit));
    const offset = options.offset === undefined ? 0 : Math.max(0, Math.floor(options.offset));
    return this.read(() => {
      const total = this.prepared<{ n: number }>(`SELECT count(*) AS n FROM stories WHERE ${where}`).get(params)?.n ?? 0;
      const rows =
        limit === 0 || offset >= total
          ? []
          : this.prepared<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE ${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`).all({ ...params, limit, offset });
      const stories = rows.map((row) => {
        const story = storyRecord(row);
        const first = this.q.first.get(story.id);
        const report = this.q.summary.get(story.id);
        const listing: ListingRow = {
          sources: this.q.sources.all(story.id).map((r) => r.source),
          title: first?.title ?? null,
          start: first?.start ?? '',
          report: report ?? null,
        };
        return storyListing(story, listing);
      });
      return { total, stories };
    });
  }

  outlets(): OutletCount[] {
    return this.q.outlets.all().map((r) => ({ source: r.source, articles: r.n }));
  }

  // ── placement ──

  tryLockPlacement(): (() => void) | null {
    if (this.placement) return null;
    const n = ++placementLocks;
    const taken = this.write(() => {
      const held = this.s.getMeta.get(META_PLACING)?.value;
      if (held !== undefined && holderAlive(held)) return false;
      this.s.setMeta.run(META_PLACING, placementMark(n));
      return true;
    });
    if (!taken) return null;
    const key = `${process.pid}:${n}`;
    heldMarks.add(key);
    this.placement = { key, n };
    return (this.releasePlacement = () => {
      if (this.placement?.key !== key) return;
      this.placement = null;
      this.releasePlacement = null;
      heldMarks.delete(key); // from here on this process counts the mark as left behind, even if the delete fails
      if (!this.db.open) return;
      try {
        this.transaction(() => {
          const held = this.s.getMeta.get(META_PLACING)?.value;
          if (held !== undefined && markKey(held) === key) this.db.prepare(`DELETE FROM meta WHERE key = ?`).run(META_PLACING);
        });
      } catch {
        // Busy or failing: the mark stays behind, stale for every reader (this process no longer holds it).
      }
    });
  }

  /** The holder's lease: its mark with the time of this write (inside the caller's transaction). */
  private renewPlacement(): void {
    const held = this.s.getMeta.get(META_PLACING)?.value;
    if (held !== undefined && markKey(held) === this.placement!.key) this.s.setMeta.run(META_PLACING, placementMark(this.placement!.n));
  }

  // ── clusterer state ──

  getMeta(key: string): string | null {
    return this.s.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    if (key.startsWith('store.')) throw new Error(`meta key ${key}: the store. prefix is reserved for the store's counters`);
    this.write(() => this.s.setMeta.run(key, value));
  }

  addTermCounts(counts: ReadonlyMap<string, number>, documents = 0): void {
    this.write(() => {
      for (const [term, n] of counts) if (n !== 0) this.s.addTerm.run(term, n);
      if (documents !== 0) this.s.addMeta.run({ key: META_DOCUMENTS, n: documents });
    });
  }

  termCounts(terms: Iterable<string>): Map<string, number> {
    const list = [...new Set(terms)];
    const out = new Map<string, number>();
    if (list.length === 0) return out;
    for (const row of this.s.termCounts.all(JSON.stringify(list))) out.set(row.term, row.count);
    return out;
  }

  *allTermCounts(batchSize = 10000): Iterable<Array<[string, number]>> {
    const pages = keysetPages(
      positiveInt(batchSize, 10000),
      (r: { term: string; count: number }) => r.term,
      (after, n) => (after === null ? this.s.termPageFirst.all(n) : this.s.termPage.all(after, n)),
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
    return this.read(() => {
      const articles = this.s.countArticles.get()?.n ?? 0;
      const stories = this.s.countStories.get() ?? { listed: 0, merged: 0, members: 0 };
      return {
        articles,
        stories: stories.listed,
        mergedStories: stories.merged,
        unassigned: articles - stories.members,
        duplicates: this.metaNumber(META_DUPLICATES),
        conflicts: this.metaNumber(META_CONFLICTS),
        events: this.s.countEvents.get()?.n ?? 0,
        reports: this.s.countReports.get()?.n ?? 0,
        staleReports: this.s.countStale.get()?.n ?? 0,
        schemaVersion: this.schemaVersion,
      };
    });
  }
}

/** This process's mark for its `n`th placement lock, stamped now. */
function placementMark(n: number): string {
  return JSON.stringify({ host: hostname(), pid: process.pid, n, at: Date.now() });
}

/** `pid:n` of a mark (null for a mark of another host or one that does not parse). */
function markKey(held: string): string | null {
  const holder = parseMark(held);
  return holder && holder.host === hostname() ? `${holder.pid}:${holder.n}` : null;
}

function parseMark(held: string): { host: string; pid: number; n: number; at: number } | null {
  try {
    const m = JSON.parse(held) as { host?: unknown; pid?: unknown; n?: unknown; at?: unknown };
    if (typeof m.host !== 'string' || typeof m.pid !== 'number' || typeof m.n !== 'number' || typeof m.at !== 'number') return null;
    return { host: m.host, pid: m.pid, n: m.n, at: m.at };
  } catch {
    return null;
  }
}

/**
 * Whether the placement lock recorded as `held` still has a live holder. Left behind: a mark that does not parse; one
 * whose holder has not written for PLACEMENT_LEASE_MS; one of this process that it no longer holds; one of another
 * process on this host that no longer runs. A live process elsewhere within its lease keeps it.
 */
function holderAlive(held: string): boolean {
  const holder = parseMark(held);
  if (!holder || Date.now() - holder.at > PLACEMENT_LEASE_MS) return false;
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldMarks.has(`${holder.pid}:${holder.n}`);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
