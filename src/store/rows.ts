/**
 * What the SQLite and PostgreSQL stores share of their tables: the rows they read (generic over how each driver
 * hands back a blob), the records the contract returns for them, the column lists and story filters of their
 * queries, and the store's own meta keys. Each store keeps its SQL; this keeps the two reading the same rows the
 * same way.
 */
import type { ArticleRecord, SignatureRecord, StoryEventKind, StoryRecord } from './types.js';

export interface ArticleRow<Blob> {
  seq: number;
  id: string;
  hash: string;
  title: string | null;
  text: string;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  byline: string | null;
  origin: string;
  story: string | null;
  signature: Blob | null;
  ingested_at: string;
}

export interface SignatureRow<Blob> {
  seq: number;
  id: string;
  story: string | null;
  published: string | null;
  signature: Blob | null;
}

export interface StoryRow {
  id: string;
  created_seq: number;
  updated_seq: number;
  size: number;
  first_published: string | null;
  last_published: string | null;
  status: 'active' | 'merged';
  merged_into: string | null;
  report_seq: number | null;
}

export interface EventRow {
  seq: number;
  kind: StoryEventKind;
  story: string;
  other: string | null;
  article: string | null;
}

/** The few article columns story bookkeeping needs. */
export interface MemberRow {
  seq: number;
  id: string;
  story: string | null;
  published: string | null;
}

export const ARTICLE_COLUMNS = 'a.seq, a.id, a.hash, a.title, t.text, a.source, a.url, a.published, a.language, a.byline, a.origin, a.story, a.signature, a.ingested_at';
export const ARTICLE_FROM = 'articles a JOIN article_texts t ON t.seq = a.seq';
/**
 * The seq of the first member of the story named by the SQL expression `story`, in the canonical order
 * (src/article-order.ts: published, undated last, then id) and code-point order (SQLite's default BINARY collation
 * compares UTF-8 bytes; PostgreSQL's columns are COLLATE "C"): JavaScript's code-unit order for every id without
 * characters beyond U+FFFF. Read off `articles` alone (the story index), so only that one member's text is read.
 */
export function firstMemberSeq(story: string): string {
  return `(SELECT seq FROM articles WHERE story = ${story} ORDER BY published IS NULL, published, id LIMIT 1)`;
}
export const SIGNATURE_COLUMNS = 'seq, id, story, published, signature';
export const STORY_COLUMNS = 'id, created_seq, updated_seq, size, first_published, last_published, status, merged_into, report_seq';
/** The WHERE of the partial story indexes (queries repeat it verbatim so the planner uses them). */
export const LISTED = `status = 'active' AND size > 0`;
export const STALE = `${LISTED} AND (report_seq IS NULL OR report_seq < updated_seq)`;

/** Keys under this prefix in `meta` belong to the store itself. */
export const META_DUPLICATES = 'store.duplicates';
export const META_CONFLICTS = 'store.conflicts';
export const META_DOCUMENTS = 'store.documents';
/** The highest article seq in the full-text index. */
export const META_SEARCH_SEQ = 'store.search-seq';
/** Articles per transaction when filling the full-text index. */
export const SEARCH_BATCH = 500;
/** The longest chain of merged stories `getStory` follows. */
export const MAX_MERGE_CHAIN = 1000;

export function articleRecord<Blob>(row: ArticleRow<Blob>, bytes: (blob: Blob | null) => Uint8Array | null): ArticleRecord {
  return {
    seq: row.seq,
    id: row.id,
    hash: row.hash,
    title: row.title,
    text: row.text,
    source: row.source,
    url: row.url,
    published: row.published,
    language: row.language,
    byline: row.byline,
    origin: row.origin,
    story: row.story,
    signature: bytes(row.signature),
    ingestedAt: row.ingested_at,
  };
}

export function signatureRecord<Blob>(row: SignatureRow<Blob>, bytes: (blob: Blob | null) => Uint8Array | null): SignatureRecord {
  return { seq: row.seq, id: row.id, story: row.story, published: row.published, signature: bytes(row.signature) };
}

export function storyRecord(row: StoryRow): StoryRecord {
  return {
    id: row.id,
    createdSeq: row.created_seq,
    updatedSeq: row.updated_seq,
    size: row.size,
    firstPublished: row.first_published,
    lastPublished: row.last_published,
    status: row.status,
    mergedInto: row.merged_into,
    reportSeq: row.report_seq,
    reportStale: row.report_seq === null || row.updated_seq > row.report_seq,
  };
}

/**
 * A table read page by page by its key (keyset paging): `fetch(after, size)` gives at most `size` rows whose key comes
 * after `after` (null: from the first), in key order. One query per page: no cursor or transaction stays open between
 * pages.
 */
export function* keysetPages<Row, Key>(size: number, keyOf: (row: Row) => Key, fetch: (after: Key | null, size: number) => Row[]): Generator<Row[]> {
  let after: Key | null = null;
  for (;;) {
    const rows = fetch(after, size);
    if (rows.length === 0) return;
    after = keyOf(rows[rows.length - 1]!);
    yield rows;
    if (rows.length < size) return;
  }
}

/** A count option: a whole number ≥ 1, else `fallback`. */
export function positiveInt(n: number | undefined, fallback: number): number {
  return n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}
