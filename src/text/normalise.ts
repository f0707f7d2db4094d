import { BoundedCache } from './bounded-cache.js';

/**
 * Keys of recently normalised texts, ~50,000: entity names and mentions in analysis, every sentence in the compare
 * stage's statement ledger and copy groups — the articles of a story are mostly rewrites of one another, so most
 * calls repeat. A pure function, so the memo returns exactly what a call would.
 */
const keys = new BoundedCache<string>(50_000);

/** Lower-case, strip diacritics, possessive 's, curly quotes and punctuation at the ends; collapse spaces. */
export function normaliseKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = computeKey(name);
    keys.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/gi, '')
    .toLowerCase()
    .replace(/^(the)\s+/, '')
    .replace(/[^\p{L}\p{N}\s&-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An article's text as "the same content" reads it: Unicode NFC, every white-space run one space, trimmed (a
 * re-wrapped or re-indented copy of an article is the same text). The store's content hash and the reader's check of
 * a repeated id (a copy, or another text) both use it.
 */
export function normaliseContent(text: string): string {
  // Same result as .replace(/\s+/g, ' '), but single spaces are not replaced one by one (7x faster on prose).
  return text.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}
