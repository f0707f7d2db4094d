/** What the route handlers share: the store, the report settings, the ingest queue, the search index refresh. */
import { basename } from 'node:path';
import { isPostgresUrl } from '../store/location.js';
import type { NetworkMemo } from '../corpus/outlets.js';
import type { CompareOptions } from '../pipeline.js';
import { StoreError, type Store } from '../store/index.js';
import type { IngestQueue } from './ingest-queue.js';

export interface ServerContext {
  store: Store;
  /** The store's file name (a PostgreSQL store: its database and schema), for messages (no directories, no credentials). */
  storeName: string;
  compare: CompareOptions;
  generator: string;
  ingest: IngestQueue;
  /** The outlet network, computed again only when the stories or their reports changed. */
  network: NetworkMemo;
  /** Brings the full-text index up to date (a no-op when it is); waits for nothing. */
  refreshSearch(): void;
}

export function storeNameOf(store: Store): string {
  if (!isPostgresUrl(store.location)) return basename(store.location);
  try {
    const url = new URL(store.location);
    const schema = url.searchParams.get('schema');
    return `${decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres'}${schema ? `/${schema}` : ''}`;
  } catch {
    return 'postgres';
  }
}

/**
 * Indexes the articles stored since the last call. Another process holding the write lock (a CLI `ingest`) is
 * not an error here: the index catches up on the next call.
 */
export function refreshSearchIndex(store: Store): void {
  if (store.readonly || store.unindexedArticles() === 0) return;
  try {
    store.indexForSearch();
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'busy')) throw error;
  }
}
