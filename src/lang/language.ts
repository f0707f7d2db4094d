/**
 * Which analyser reads an article: English (`analyse`), or the Russian / French rules (`analyseForeign`).
 *
 * The declared language wins when it is one we analyse ('en', 'ru', 'fr'; a region tag such as "ru-RU" counts as
 * its language) and the script agrees with it: a page declared Russian needs at least DECLARED_RU_MIN of its letters
 * Cyrillic, one declared English or French at most CYRILLIC_MAJORITY (sites often keep one `<html lang>` for every
 * edition). Otherwise (null, another code, or a declaration the text contradicts) the text decides: more than half
 * of its letters Cyrillic → 'ru'; anything else → 'en', the analyser that has always been the fallback.
 * The script is read on the first SAMPLE_CHARS characters.
 */
import type { Article } from '../types.js';

export type AnalysisLanguage = 'en' | 'ru' | 'fr';

const ANALYSED = new Set<string>(['en', 'ru', 'fr']);
const DECLARED_RU_MIN = 0.2;
const CYRILLIC_MAJORITY = 0.5;
const SAMPLE_CHARS = 4000;
const LETTER = /\p{L}/u;

/** Share of the letters of `text` (its first SAMPLE_CHARS characters) that are Cyrillic (0 when it has no letters). */
export function cyrillicShare(text: string): number {
  let letters = 0;
  let cyrillic = 0;
  const n = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x52f) {
      letters++;
      cyrillic++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c > 127 && LETTER.test(text[i]!)) letters++;
  }
  return letters === 0 ? 0 : cyrillic / letters;
}

export function analysisLanguage(article: Article): AnalysisLanguage {
  const declared = article.language?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const share = cyrillicShare(article.text);
  if (ANALYSED.has(declared)) {
    const agrees = declared === 'ru' ? share >= DECLARED_RU_MIN : share <= CYRILLIC_MAJORITY;
    if (agrees) return declared as AnalysisLanguage;
  }
  return share > CYRILLIC_MAJORITY ? 'ru' : 'en';
}
