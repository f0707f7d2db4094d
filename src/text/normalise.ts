import { BoundedCache } from './bounded-cache.js';

/** Keys of recently normalised names (entity names and mentions repeat across the copies of a story). */
const keys = new BoundedCache<string>(16384);

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
