import type { Article } from '../types.js';
import { shortHash } from '../text/hash.js';
import { normaliseContent } from '../text/normalise.js';

/**
 * The one definition of "the same article" for the store: a hash of the normalised text and the normalised
 * source. Text normalisation: Unicode NFC, every whitespace run → one space, trimmed (so re-wrapped or
 * re-indented copies of an article are the same content). Source: the same, lower-cased; null → ''.
 * Title, url, dates and id do not count: the same text from the same outlet is one article.
 *
 * The hash is short (48 bits, `shortHash`); the store confirms a hash match by comparing `contentKey`s, so a
 * collision can never drop an article.
 */
export function contentHash(article: Pick<Article, 'text' | 'source'>): string {
  const key = contentKey(article);
  return shortHash('article-content-v1', key.source, key.text);
}

export interface ContentKey {
  text: string;
  source: string;
}

export function contentKey(article: Pick<Article, 'text' | 'source'>): ContentKey {
  return { text: normaliseContent(article.text), source: normaliseContent(article.source ?? '').toLowerCase() };
}

export function sameContent(a: Pick<Article, 'text' | 'source'>, b: Pick<Article, 'text' | 'source'>): boolean {
  const ka = contentKey(a);
  const kb = contentKey(b);
  return ka.text === kb.text && ka.source === kb.source;
}

