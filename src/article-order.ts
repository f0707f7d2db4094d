/**
 * The canonical order of articles: published first (undated last), then by id (code-unit order). Clustering and
 * reports take articles in this order, so what they say does not depend on the order the inputs were given in.
 */
import type { Article } from './types.js';

export function canonicalOrder(a: Pick<Article, 'published' | 'id'>, b: Pick<Article, 'published' | 'id'>): number {
  return byPublished(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Earlier publication first; undated last. */
export function byPublished(a: Pick<Article, 'published'>, b: Pick<Article, 'published'>): number {
  const pa = a.published ?? '\uffff';
  const pb = b.published ?? '\uffff';
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
