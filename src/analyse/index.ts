import type { AnalysedArticle, Article } from '../types.js';
import { splitSentences } from './sentences.js';
import { extractEntities } from './entities.js';
import { extractNumbers } from './numbers.js';
import { extractDates } from './dates.js';
import { extractQuotes } from './quotes.js';
import { extractMediaAttributions } from './attributions.js';
import { findNegations } from './negation.js';
import { analyseForeign } from './foreign.js';
import { analysisLanguage } from '../lang/language.js';

/**
 * The version of `analyse()`'s output. Bump when analyse() output changes: its code, its lexicons or rules, or a
 * dependency it parses with (compromise, wink). Stored analyses (corpus mode: src/corpus/analysis-codec.ts,
 * the store's per-article analyses) carry the version they were computed with; one of another version is
 * ignored, computed again and overwritten. Version 2: numbers are read within their sentence; 3: a quotation
 * that goes on after its reporting clause in the next sentence is one quote; 4: speakers behind long titles,
 * appositives and possessives, signed quotations; a possessive before a first name ends an entity name;
 * 5: Russian and French articles get their own analysis (./foreign.ts, src/lang/ru, src/lang/fr); 6: a stretch of
 * over 2,000 characters with no sentence end is cut into sentences, a speaker is looked for at most 1,200
 * characters before its verb (only such run-on text reads differently); 7: the word tables answer only for their
 * own words (src/text/lookup-table.ts), not for the names of Object.prototype ("a constructor company" is no number,
 * "the constructor said" no longer stops the analysis), and a day or year inferred past 9999 (from a publication date
 * at the end of 9999) is not reported; an attached "m" or "k" before a currency is a multiplier ("1.5m euros" is
 * 1,500,000 EUR, not 1.5 metres); a minus sign written against a number makes it negative ("-5 degrees"); a broken
 * digit grouping ("1,2345") is no number; a dotted date ("12.03.2026") is day first; a known news agency named by
 * its name ("RIA Novosti", "Interfax") is an organisation; British straight single quotes ('…,' she said) are
 * quotations in a text with no double marks; 8: reported content ends before a closing clause that names who reported it
 * ("X said A, Sputnik reported." reports A, not "A, Sputnik reported"); both years of a range are years ("the 2025-26
 * season" is 2025 and 2026, not 26 seasons), and so is a year naming an occasion ("the 2024 elections"); "half a million"
 * is 500,000 (it was read as a million); lakh and crore are multipliers and "Rs"/"Rs." marks rupees ("Rs. 40" no longer
 * ends a sentence); wire clock times ("0900 GMT") are not numbers; a slash day and month with no year ("24/7", "9/11",
 * "3/4 of") is not a date; Russian and French year ranges ("в 2025-2026 годах") give both years, and Russian reads
 * "полмиллиона" and "полтора"; "X said Tuesday the bridge would reopen" (a time phrase and no "that") is indirect speech, and so are "…, the Kremlin said" (a name after "the"), "…, said Mayor Tomas Reyes" (the inverted
 * closing clause) and "…, the ministry said, as reported by RIA Novosti" (without the source clause); an organisation
 * named with title-like words ("the Russian Defence Ministry") is the whole name as a speaker; labels are no numbers
 * ("Boeing 737", "Route 94", "No. 10") and a hyphenated multiplier multiplies ("$1.5-billion"); "cited by X" and
 * "writes X" credit an outlet; 9: a range of days or months ("from March 10 to March 14", "March 10-14") is two dates, each on
 * its own words (it was one date, the first day, on the words of the whole range); a number of a part counts what it
 * is a part of ("two of the victims" counts victims; it was no number); a weekday after "until", "till" or "by" is the next
 * one and after "since" the last one ("closed until Monday", published on a Tuesday, is in six days, not yesterday);
 * one unit of time after a word that measures it is a duration ("about an hour", "within a week", "half an hour"); a
 * clock time next to a day word is a time of that day ("at 9 a.m. on Monday", "в понедельник в 21:40", "lundi à 21h40": it
 * was dropped, the day kept).
 */
export const ANALYSIS_VERSION = 9;

/**
 * Pure per-article analysis: every finding is a Span into `article.text`. Russian and French articles
 * (`analysisLanguage`) are read by their own rules (./foreign.ts); every other article by the English ones.
 */
export function analyse(article: Article): AnalysedArticle {
  const language = analysisLanguage(article);
  if (language !== 'en') return analyseForeign(article, language);
  const { text } = article;
  const sentences = splitSentences(text);
  const entities = extractEntities(text, sentences);
  return {
    article,
    sentences,
    entities,
    quotes: extractQuotes(text, sentences, entities),
    numbers: extractNumbers(text, sentences),
    dates: extractDates(text, sentences, article.published),
    attributions: extractMediaAttributions(text, sentences, entities),
    negations: findNegations(text, sentences),
  };
}
