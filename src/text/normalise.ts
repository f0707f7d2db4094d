/** Lower-case, strip diacritics, possessive 's, curly quotes and punctuation at the ends; collapse spaces. */
export function normaliseKey(name: string): string {
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
