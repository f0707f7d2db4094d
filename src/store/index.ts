/**
 * The corpus store: the only module that knows SQL. `openStore` opens (or creates) the store at a path;
 * everything else in the program uses the backend-neutral `Store` interface (types.ts), so a PostgreSQL store
 * can take its place later.
 */
import { openSqliteStore } from './sqlite.js';
import type { Article } from '../types.js';
import type { ArticleRecord, OpenStoreOptions, Store } from './types.js';

export type {
  ArticleRecord,
  ListStoriesOptions,
  OutletCount,
  ReportSummary,
  SearchStoriesOptions,
  OpenStoreOptions,
  PutResult,
  SignatureRecord,
  Store,
  StoredAnalysis,
  StoredDigest,
  StoredReport,
  StoreStats,
  StoryEvent,
  StoryEventKind,
  StoryListing,
  StoryPage,
  StoryRecord,
  StoryStatus,
} from './types.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { contentHash, sameContent } from './content-hash.js';
export { reportSummary, summarizeReport } from './report-summary.js';
export { decodeReport, encodeReport } from './report-codec.js';

export { DEFAULT_STORE_FILE } from './defaults.js';
export { META_REPORTS_WRITTEN } from './types.js';

/** The article of a stored record, without the store's own fields (seq, hash, story, signature, ingest time). */
export function articleOfRecord(r: ArticleRecord): Article {
  return { id: r.id, title: r.title, text: r.text, source: r.source, url: r.url, published: r.published, language: r.language, byline: r.byline, origin: r.origin };
}

/**
 * Opens the store at `path` (SQLite), creating it when missing (unless read-only) and upgrading an older
 * schema. Throws StoreError with a one-line message naming the path when the path cannot be a store
 * (directory, not a database, unwritable, newer schema).
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  return openSqliteStore(path, options);
}
