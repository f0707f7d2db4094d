/**
 * Which analyser reads an article: English (`analyse`), or the Russian / French rules (`analyseForeign`).
 *
 * The declared language wins when it is one we analyse ('en', 'ru', 'fr'; a region tag such as "ru-RU" counts as
 * its language). Otherwise (null, or another code) the text decides: more than half of its letters Cyrillic →
 * 'ru'; anything else → 'en', the analyser that has always been the fallback.
 */
import type { Article } from '../types.js';

export type AnalysisLanguage = 'en' | 'ru' | 'fr';

const ANALYSED = new Set<string>(['en', 'ru', 'fr']);

/** Share of the letters of `text` that are Cyrillic (0 when it has no letters). */
export function cyrillicShare(text: string): number {
  let letters = 0;
  let cyrillic = 0;
  for (const m of text.matchAll(/\p{L}/gu)) {
    letters++;
    if (/[\u0400-\u04ff\u0500-\u052f]/.test(m[0])) cyrillic++;
  }
  return letters === 0 ? 0 : cyrillic / letters;
}

export function analysisLanguage(article: Article): AnalysisLanguage {
  const declared = article.language?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (ANALYSED.has(declared)) return declared as AnalysisLanguage;
  return cyrillicShare(article.text) > 0.5 ? 'ru' : 'en';
}
