/**
 * Words that two sentences in different languages can share: the shared space of cross-lingual alignment.
 * A text becomes a list of units, one per word, each the terms the word may stand for:
 *
 * - `@key`: a capitalised word as its anchor key (src/lang/anchor.ts): "Krasnoyarovo", "Красноярово",
 *   "Красноярова" → one term; "ТАСС" / "TASS" → one term.
 * - `#value`: a number token's digits ("43", "1200").
 * - `=stem`: a content word in English: an English word's snowball stem; a Russian or French word is
 *   looked up by its snowball stem in the bilingual lexicon (src/lang/lexicon/; for Russian also the optional
 *   lexicon pack when one is installed, src/lang/lexicon/pack.ts) and contributes the English stems of its
 *   translations (a word the lexicons do not hold contributes nothing).
 * Articles in one language never need these: their own words are compared directly (./weights.ts).
 */
import { anchorKey } from '../lang/anchor.js';
import type { AnalysisLanguage } from '../lang/language.js';
import { stemWord } from '../lang/stem.js';
import { RU_EN } from '../lang/lexicon/ru-en.js';
import { FR_EN } from '../lang/lexicon/fr-en.js';
import { lexiconPack } from '../lang/lexicon/pack.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { STOPWORDS, tokenize } from './tokens.js';
export { crossScore, crossCoverage, CrossWeights, type CrossSentence } from './crosslingual-score.js';

type Lexicon = Readonly<Record<string, readonly string[]>>;

/** A lexicon keyed by the snowball stem of its headwords, values the English gloss words (several headwords may share a stem). */
function stemmedLexicon(lexicon: Lexicon, language: 'ru' | 'fr'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [word, translations] of Object.entries(lexicon)) {
    const key = stemWord(fold(word), language);
    const words = out.get(key) ?? [];
    for (const t of translations) {
      for (const w of t.toLowerCase().split(/\s+/)) {
        // Digit glosses of number words ("один" → "1") are left out: the French article "un" would be a number.
        if (w === '' || STOPWORDS.has(w) || /^\d/.test(w) || words.includes(w)) continue;
        words.push(w);
      }
    }
    out.set(key, words);
  }
  return out;
}

const lexicons = new Map<string, Map<string, string[]>>();
/** The built-in lexicon of a language, or (`withPack`) it with the installed pack's words it lacks (Russian). */
function lexiconOf(language: 'ru' | 'fr', withPack: boolean): Map<string, string[]> {
  const pack = withPack && language === 'ru' ? lexiconPack() : null;
  const key = `${language}${pack ? '+pack' : ''}`;
  let l = lexicons.get(key);
  if (!l) {
    l = stemmedLexicon(language === 'ru' ? RU_EN : FR_EN, language);
    if (pack) {
      // The pack only adds words the built-in lexicon lacks (by stem): its glosses never dilute ours.
      const added = stemmedLexicon(pack, language);
      for (const [stem, words] of added) if (!l.has(stem)) l.set(stem, words);
    }
    lexicons.set(key, l);
  }
  return l;
}

const NO_GLOSSES: readonly string[] = Object.freeze([]);

/**
 * The English words the bilingual lexicon gives for a Russian or French word (any inflected form); [] when none.
 * `withPack`: also the optional lexicon pack's (./lang/lexicon/pack.ts), when one is installed.
 */
export function glossWords(word: string, language: 'ru' | 'fr', withPack = false): readonly string[] {
  return lexiconOf(language, withPack).get(stemWord(fold(word), language)) ?? NO_GLOSSES;
}

/** Lower case, ё as е (the lexicons' spelling). */
function fold(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

const UPPER = /^\p{Lu}/u;
/** A word in capitals ("ТАСС", "AFP"). */
const ACRONYM = /^\p{Lu}{2,}$/u;
const memo = new BoundedCache<readonly CrossUnit[]>(20_000);

/**
 * One word of a text in the shared space: the terms it may stand for (a Russian word: the English stems of its
 * glosses, or its anchor key; an English capitalised word: its anchor key and its stem). Two sentences match on a
 * word when one of its terms is among the other sentence's terms: a word with four glosses weighs as one word.
 */
export type CrossUnit = readonly string[];

/** The words of a text in `language` as shared-space units (see the module comment); memoised by language and text. */
export function crossUnits(text: string, language: AnalysisLanguage): readonly CrossUnit[] {
  const key = `${language}\u0000${text}`;
  let units = memo.get(key);
  if (units === undefined) {
    units = computeUnits(text, language);
    memo.set(key, units);
  }
  return units;
}

/** Digit groups split by a space or no-break space ("1 200") joined, so that they read as one number. */
function joinDigitGroups(text: string): string {
  return text.replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '$1');
}

function computeUnits(text: string, language: AnalysisLanguage): CrossUnit[] {
  const out: CrossUnit[] = [];
  const source = joinDigitGroups(text);
  for (const t of tokenize(source)) {
    if (t.numeric) {
      out.push([`#${t.stem}`]);
      continue;
    }
    const raw = source.slice(t.start, t.end);
    const capitalised = UPPER.test(raw);
    if (language === 'en') {
      if (t.stop) continue;
      out.push(capitalised ? [`@${anchorKey(t.norm)}`, `=${stemWord(t.norm, 'en')}`] : [`=${stemWord(t.norm, 'en')}`]);
      continue;
    }
    const glosses = glossWords(raw, language, true).map((w) => `=${stemWord(w, 'en')}`);
    if (glosses.length > 0) out.push(capitalised ? [...glosses, `@${anchorKey(raw)}`] : glosses);
    else if (capitalised && (raw.length >= 4 || ACRONYM.test(raw))) out.push([`@${anchorKey(raw)}`]);
  }
  return out;
}
