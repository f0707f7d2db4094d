/**
 * Snowball stemming per language (the `snowball-stemmers` package), memoised: one stemmer per language, made
 * on first use, and a bounded memo of stems (news repeats its nouns). Words are lower-cased first; Russian ё is
 * folded to е so "населённых" and "населенных" stem alike.
 */
import { createRequire } from 'node:module';
import { BoundedCache } from '../text/bounded-cache.js';

export type StemLanguage = 'en' | 'ru' | 'fr';

interface Stemmer {
  stem(word: string): string;
}

interface SnowballFactory {
  newStemmer(algorithm: string): Stemmer;
}

const ALGORITHM: Record<StemLanguage, string> = { en: 'english', ru: 'russian', fr: 'french' };

// The package is CommonJS without type declarations: load it with require and give it the one shape we use.
const require = createRequire(import.meta.url);
let factory: SnowballFactory | null = null;
const stemmers = new Map<StemLanguage, Stemmer>();
const stems = new BoundedCache<string>(20_000);

function stemmerFor(language: StemLanguage): Stemmer {
  let s = stemmers.get(language);
  if (!s) {
    factory ??= require('snowball-stemmers') as SnowballFactory;
    s = factory.newStemmer(ALGORITHM[language]);
    stemmers.set(language, s);
  }
  return s;
}

/** Lower case, and for Russian ё → е (texts write both). */
export function foldWord(word: string, language: StemLanguage): string {
  const lower = word.toLowerCase();
  return language === 'ru' ? lower.replace(/ё/g, 'е') : lower;
}

/** The snowball stem of one word in `language` ("пунктов" → "пункт", "localités" → "local"). */
export function stemWord(word: string, language: StemLanguage): string {
  const folded = foldWord(word, language);
  const key = `${language}\u0000${folded}`;
  let stem = stems.get(key);
  if (stem === undefined) {
    stem = stemmerFor(language).stem(folded);
    stems.set(key, stem);
  }
  return stem;
}
