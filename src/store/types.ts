/**
 * The corpus store, backend-neutral. Nothing here names SQLite: a PostgreSQL store (or a queue worker's
 * remote store) implements the same interface. The SQLite implementation is synchronous; an async backend
 * is the same interface with `Promise<…>` results and `AsyncIterable` batches — no method keeps a cursor
 * or a transaction open across calls (the batch iterators page by key, one query per page).
 *
 * Sequence numbers (all assigned by the store, never by the caller):
 * - `ArticleRecord.seq`: ingest order of articles (1, 2, 3, … for new articles; never reused once committed).
 * - `StoryEvent.seq`: the store's change clock, one tick per story event (created, joined, merged, split).
 *   `StoryRecord.createdSeq` / `updatedSeq` and a report's `seq` are ticks of this clock, so "a story changed
 *   since its report" is `updatedSeq > reportSeq`, exactly, whatever happened (joins, merges, splits).
 * Both sequences depend only on the order of the calls, so the same input in the same order gives the same
 * numbers. `ingestedAt` is wall-clock time kept for people; nothing deterministic reads it.
 */
import type { Article } from '../types.js';

/** An article as stored: every Article field plus the store's bookkeeping. */
export interface ArticleRecord extends Article {
  /** Ingest order, 1-based. */
  seq: number;
  /** `contentHash(article)` (src/store/content-hash.ts). */
  hash: string;
  /** The story this article belongs to (the live one: merges move members), or null before assignment. */
  story: string | null;
  /** The clusterer's opaque signature (features / sketch), or null if none was stored. */
  signature: Uint8Array | null;
  /** ISO date-time of ingest (wall clock; informative only). */
  ingestedAt: string;
}

/** What the online clusterer needs to rebuild its in-memory index: no text. */
export interface SignatureRecord {
  seq: number;
  id: string;
  story: string | null;
  published: string | null;
  signature: Uint8Array | null;
}

/**
 * Outcome of `putArticle`. Nothing the user gave is dropped silently or overwritten:
 * - `new`: stored.
 * - `duplicate`: the same content (same `contentHash` and the same normalised text and source) is already
 *   stored, under `id` (which may differ from the id given). Nothing changed.
 * - `conflict`: an article with this id is stored with DIFFERENT content. Nothing changed; the caller
 *   reports it (the stored article keeps the id).
 */
export type PutResult =
  | { status: 'new'; seq: number; id: string }
  | { status: 'duplicate'; seq: number; id: string }
  | { status: 'conflict'; seq: number; id: string };

export type StoryStatus = 'active' | 'merged';

export interface StoryRecord {
  id: string;
  /** Change-clock tick of the story's creation. */
  createdSeq: number;
  /** Change-clock tick of the story's last change (join, merge, split). */
  updatedSeq: number;
  /** Number of member articles (0 for a merged story: its members moved). */
  size: number;
  /** Smallest / largest `published` of the members (ISO strings compared as strings), null if none has one. */
  firstPublished: string | null;
  lastPublished: string | null;
  status: StoryStatus;
  /** For a merged story: the story it was merged into (possibly merged further; `getStory` follows the chain). */
  mergedInto: string | null;
  /** Change-clock tick the stored report was computed at, or null when there is none. */
  reportSeq: number | null;
  /** True when there is no report or the story changed since (`reportSeq === null || updatedSeq > reportSeq`). */
  reportStale: boolean;
}

export type StoryEventKind = 'created' | 'joined' | 'merged' | 'split';

/**
 * The append-only story log.
 * - created: `story` created, `article` its founder (if any).
 * - joined:  `article` joined `story`; `other` = the story it left, when it moved.
 * - merged:  `other` was merged into `story` (all its members moved).
 * - split:   `other` was split off `story`; `article` is null. The moved members follow as `joined` events
 *            of `other` (with `other` = the story they left).
 */
export interface StoryEvent {
  seq: number;
  kind: StoryEventKind;
  story: string;
  other: string | null;
  article: string | null;
}

/** Meta key: reports written so far (each save counts, a rewrite at the same tick too); what a cache of views made from reports keys on. */
export const META_REPORTS_WRITTEN = 'store.reports-written';

/** A report's outlet digest to keep: its JSON text (or that text encoded by `encodeReport`) and its format version. */
export interface DigestInput {
  version: number;
  data: string | Uint8Array;
}

export interface StoredDigest {
  story: string;
  /** The stored report's change tick. */
  seq: number;
  /** The digest made from that report (its JSON text) and its version, or null when the report has none. */
  digest: string | null;
  version: number | null;
  /** True when the story changed after `seq`. */
  stale: boolean;
}

export interface StoredReport {
  /** The story the report belongs to (the live story when a merged id was asked for). */
  story: string;
  /** Change-clock tick the report was computed at. */
  seq: number;
  /** The compare report, JSON text as given. */
  json: string;
  /** True when the story changed after `seq`. */
  stale: boolean;
}

/**
 * An article's analysis as the store keeps it: bytes the store does not read (the corpus stage encodes and
 * decodes them), with the version of the analyser that computed them.
 */
export interface StoredAnalysis {
  /** The article's id. */
  id: string;
  /** The analyser's version (src/analyse/index.ts `ANALYSIS_VERSION`). */
  version: number;
  data: Uint8Array;
}

export interface ListStoriesOptions {
  /**
   * ISO date (or date-time): only stories whose newest article was published at or after it
   * (string comparison of ISO forms; stories with no published date are left out).
   */
  since?: string;
  limit?: number;
  /** newest: by lastPublished, newest first (undated last); biggest: by size, then newest. Ties: id. Default newest. */
  order?: 'newest' | 'biggest';
}

/** Counts read from a stored report when it is saved (src/store/report-summary.ts). */
export interface ReportSummary {
  /** Quote claims only one article carries (status `single-source`). */
  singleSourceQuotes: number;
  /** Conflicts, over all the report's stories. */
  conflicts: number;
  /** Claims of any kind with status `corroborated`. */
  corroborated: number;
}

export interface SearchStoriesOptions {
  /**
   * Words that must all occur in one member article's title or text (case- and diacritic-insensitive, whole
   * words; punctuation separates words). Only articles indexed by `indexForSearch` are found.
   */
  q?: string;
  /** ISO date or date-time: the story's newest publication is at or after it. */
  since?: string;
  /** ISO date or date-time: the story's newest publication is at or before it (a date includes its whole day). */
  until?: string;
  /** Exact `source` of at least one member. */
  outlet?: string;
  /** newest: by lastPublished, newest first (undated last); biggest: by size, then newest. Ties: id. Default newest. */
  order?: 'newest' | 'biggest';
  /** Default 50. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** A story as listed by `searchStories`: the record plus what a list row shows. */
export interface StoryListing extends StoryRecord {
  /** Distinct non-null `source` values of the members, sorted (code-unit order). */
  sources: string[];
  /** The story's headline (src/text/headline.ts): its first member's title (canonical order), else the start of its text. */
  headline: string;
  /** The stored report's counts, or null when there is no report or it is stale. */
  summary: ReportSummary | null;
}

export interface StoryPage {
  /** Stories matching the filters, whatever the limit and offset. */
  total: number;
  stories: StoryListing[];
}

export interface OutletCount {
  source: string;
  articles: number;
}

export interface StoreStats {
  articles: number;
  /** Active stories with at least one member. */
  stories: number;
  mergedStories: number;
  /** Articles never assigned to a story. */
  unassigned: number;
  /** putArticle calls answered `duplicate` / `conflict`, over the life of the store. */
  duplicates: number;
  conflicts: number;
  events: number;
  reports: number;
  staleReports: number;
  schemaVersion: number;
}

export interface Store {
  /** Where the store lives (a path for SQLite), for messages. */
  readonly location: string;
  readonly readonly: boolean;
  close(): void;

  /**
   * Runs `fn` atomically: all of its writes commit together or not at all (a crash mid-way leaves nothing of
   * it). A nested `transaction()` is a savepoint (a failure inside it that the outer `fn` catches undoes only
   * the nested part). Batch writes belong in one transaction for speed (e.g. 50–500 articles). Every write
   * method validates before writing, so one that throws a StoreError changed nothing, even inside a batch.
   * `fn` must be synchronous for this backend. Another writer waits up to `busyTimeoutMs`, then StoreError 'busy'.
   */
  transaction<T>(fn: () => T): T;

  // ── articles ──
  /**
   * Stores an article with the clusterer's signature. `hash` defaults to `contentHash(article)`; pass it only
   * when already computed with that same function.
   */
  putArticle(article: Article, signature?: Uint8Array | null, hash?: string): PutResult;
  /** By id (string) or seq (number). */
  getArticle(key: string | number): ArticleRecord | null;
  /** Replaces an article's signature (e.g. after a signature format change). False if no such article. */
  setSignature(key: string | number, signature: Uint8Array | null): boolean;
  /** Batch read for candidate checks; keys not found are absent from the map. */
  signatures(ids: readonly string[]): Map<string, SignatureRecord>;
  signaturesBySeq(seqs: readonly number[]): Map<number, SignatureRecord>;
  /** Every article's signature in seq order, `batchSize` per page (constant memory per page). */
  allSignatures(batchSize?: number): Iterable<SignatureRecord[]>;

  // ── stories ──
  /**
   * Creates a story (id chosen by the caller, stable) with its founding members (moved from their stories if
   * they had one). Throws StoreError('story-exists') if the id is taken.
   */
  createStory(id: string, articles?: readonly (string | number)[]): StoryRecord;
  /**
   * Puts an article into a story (a merged id resolves to the live story). Moving from another story is
   * allowed and recorded (`joined` with `other`). No-op if already there. Returns the live story.
   */
  assign(article: string | number, storyId: string): StoryRecord;
  /** Merges `from` into `into` (both resolved to live stories): members move, `from` becomes `merged`. */
  mergeStories(from: string, into: string): StoryRecord;
  /** Moves `articles` out of `from` into a new story `newId`. Returns the new story. */
  splitStory(from: string, newId: string, articles: readonly (string | number)[]): StoryRecord;
  /** The clusterer's opaque story-level state (centroid, sketch); null removes it. Exact id (no following). */
  setStorySignature(storyId: string, signature: Uint8Array | null): void;
  storySignature(storyId: string): Uint8Array | null;
  /** The story, following `mergedInto` to the live story; null if unknown. */
  getStory(id: string): StoryRecord | null;
  /** The record of exactly this id, merged or not (no following). */
  getStoryRecord(id: string): StoryRecord | null;
  /** Member articles in seq order (with text). */
  articlesOf(storyId: string): ArticleRecord[];
  /** Member article ids in seq order (cheap). */
  memberIds(storyId: string): string[];
  /** Events where the story is `story` or `other`, in seq order (a merged id keeps its own history). */
  events(storyId: string): StoryEvent[];
  /** Active stories with members. */
  listStories(options?: ListStoriesOptions): StoryRecord[];

  // ── reports ──
  /**
   * Stores the report computed when the story's `updatedSeq` was `atSeq`. An older `atSeq` than the stored one is
   * ignored. `report` is the report's JSON text, or that text encoded by `encodeReport` (./report-codec.ts; the
   * report workers encode, so the saving thread does not). `summary` (summarizeReport of the report object)
   * spares parsing the report for the list's counts. `digest`: the report's outlet digest (src/outlets/digest.ts),
   * kept beside the report (absent: the story keeps none, never one of an older report).
   */
  saveReport(storyId: string, report: string | Uint8Array, atSeq: number, summary?: ReportSummary, digest?: DigestInput): void;
  getReport(storyId: string): StoredReport | null;
  /** The outlet digest kept with the story's report (null inside when the report has none), or null when there is no report. */
  getReportDigest(storyId: string): StoredDigest | null;
  /** Live stories whose stored report has no digest of `version` made from it, by id. */
  reportsToDigest(version: number): string[];
  /** Keeps `digest` with the story's report if that report is still the one computed at `atSeq`; false otherwise. */
  setReportDigest(storyId: string, atSeq: number, digest: DigestInput): boolean;
  /** Ids of active stories with members whose report is missing or older than the story, by createdSeq. */
  staleStories(limit?: number): string[];

  // ── placement ──
  /**
   * Takes the store's placement lock unless another ingester holds it (another process, or another ingester on
   * this same store object): one placement lane at a time, since an ingester's story index must have seen every
   * placement before its own. Returns the function that releases it (calling it twice is harmless), or null when
   * the lock is held. A holder that dies does not keep it: PostgreSQL holds it as a lock of the holder's session;
   * SQLite records the holder's host, process id and last write (every write transaction of the holder renews it),
   * and a lock whose process is gone from this host, or whose holder has written nothing for 10 minutes, is taken over.
   * Read-only stores: StoreError 'unwritable' (SQLite: from the database).
   */
  tryLockPlacement(): (() => void) | null;

  // ── analyses ──
  /**
   * The stored analyses of these articles computed with analyser `version`, by article id. Articles without
   * one, or whose analysis is of another version, are absent from the map (the caller computes them again).
   * An analysis is removed with its article and whenever the article's content changes.
   */
  getAnalyses(ids: readonly string[], version: number): Map<string, Uint8Array>;
  /**
   * Stores articles' analyses, replacing any stored one (whatever its version). Throws
   * StoreError('no-such-article') for an unknown id, before writing anything.
   */
  saveAnalyses(analyses: readonly StoredAnalysis[]): void;

  // ── search (filled by the server, not on the ingest path) ──
  /**
   * Adds the articles stored since the last call to the full-text index, oldest first, at most `limit`
   * (default: all), in batches of one transaction each. Returns how many were indexed. Idempotent.
   */
  indexForSearch(limit?: number): number;
  /** Articles not yet in the full-text index. */
  unindexedArticles(): number;
  /** Active stories with members matching every filter, one page of them, with the total. */
  searchStories(options?: SearchStoriesOptions): StoryPage;
  /** Every distinct `source` with its number of articles, by source (code-unit order). */
  outlets(): OutletCount[];

  // ── clusterer state ──
  /** Free key/value state for the stages (keys starting with `store.` are the store's own counters). */
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  /**
   * Document frequencies: adds `counts` (term → number of documents containing it) and `documents` to the
   * document count. Call once per batch with counts summed over the batch: one row write per distinct term.
   */
  addTermCounts(counts: ReadonlyMap<string, number>, documents?: number): void;
  /** Counts for the given terms (absent terms are absent from the map). */
  termCounts(terms: Iterable<string>): Map<string, number>;
  /** Every term count, by term, `batchSize` per page. */
  allTermCounts(batchSize?: number): Iterable<Array<[string, number]>>;
  documentCount(): number;

  stats(): StoreStats;
}

export interface OpenStoreOptions {
  /** Open for reading only (e.g. `stories`, `story`); the file must exist. */
  readonly?: boolean;
  /** Milliseconds to wait for another writer's lock before failing. Default 5000. */
  busyTimeoutMs?: number;
  /** Wall clock for `ingestedAt` (tests). Default: `new Date().toISOString()`. */
  now?: () => string;
}
