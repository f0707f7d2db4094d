/**
 * The corpus store: the only module that knows SQL. `openStore` opens (or creates) the store at a location: an
 * SQLite file (./sqlite.ts) or a PostgreSQL database by URL (./postgres.ts); everything else in the program uses
 * the backend-neutral `Store` interface (types.ts).
 */
import { existsSync } from 'node:fs';
import { openSqliteStore } from './sqlite.js';
import { openPgStore } from './postgres.js';
import { isPostgresUrl } from './location.js';
import { StoreError } from './errors.js';
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
export { isPostgresUrl, shownLocation } from './location.js';
export { META_REPORTS_WRITTEN } from './types.js';

/** The article of a stored record, without the store's own fields (seq, hash, story, signature, ingest time). */
export function articleOfRecord(r: ArticleRecord): Article {
  return { id: r.id, title: r.title, text: r.text, source: r.source, url: r.url, published: r.published, language: r.language, byline: r.byline, origin: r.origin };
}

/**
 * Opens the store at `path`, creating it when missing (unless read-only) and upgrading an older schema: a
 * `postgres://` URL (its own `?schema=NAME`, default public) is a PostgreSQL store, anything else an SQLite file.
 * Throws StoreError with a one-line message naming the location (never a password) when it cannot be a store
 * (directory, not a database, unreachable, unwritable, newer schema).
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  return isPostgresUrl(path) ? openPgStore(path, options) : openSqliteStore(path, options);
}

/** Whether a store is at `location` (a file; a PostgreSQL schema holding one). Creates nothing. */
export function storeExists(location: string): boolean {
  if (!isPostgresUrl(location)) return existsSync(location);
  try {
    openStore(location, { readonly: true }).close();
    return true;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'missing') return false;
    if (error instanceof StoreError) return true; // there, but unusable: opening it says why
    throw error;
  }
}
