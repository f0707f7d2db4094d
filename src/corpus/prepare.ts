/**
 * The per-article work of an ingest that needs nothing but the article: its content hash and story signature
 * (and the signature's stored form). Pure, so it can run anywhere — in the ingesting thread, or ahead of it in
 * a worker thread (./prepare-thread.ts) while the ingesting thread writes the store and places articles.
 */
import type { Article, InputProblem } from '../types.js';
import { encodeSignature, storySignature } from '../cluster/signature.js';
import type { StorySignature } from '../cluster/signature-types.js';
import { contentHash } from '../store/index.js';
import { isProblem } from '../ingest/problem.js';

export interface PreparedArticle {
  article: Article;
  /** `contentHash(article)`. */
  hash: string;
  signature: StorySignature;
  /** `encodeSignature(signature)`: what the store keeps. */
  encoded: Uint8Array;
}

export type PreparedItem = PreparedArticle | InputProblem;

export function prepareArticle(article: Article): PreparedArticle {
  const signature = storySignature(article);
  return { article, hash: contentHash(article), signature, encoded: encodeSignature(signature) };
}

export function isPrepared(item: PreparedItem): item is PreparedArticle {
  return 'article' in item;
}

/** An article prepared; a problem passes through as it is. */
export function prepareItem(item: Article | InputProblem): PreparedItem {
  return isProblem(item) ? item : prepareArticle(item);
}

/** A stream cut into batches of `size` items (the last one shorter), in order. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Prepares a stream of articles in this thread, `size` items per batch (problems pass through in order). */
export async function* prepareInline(items: AsyncIterable<Article | InputProblem>, size: number): AsyncGenerator<PreparedItem[]> {
  for await (const batch of inBatches(items, size)) yield batch.map(prepareItem);
}
