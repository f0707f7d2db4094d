/**
 * Article language as an ISO 639-1 code: a given tag's primary subtag (`en-GB` → `en`, `pt_BR` → `pt`), else
 * detection with `eld` (extra-small n-gram set: ~0.3 s and ~40 MB to load, once per process, lazily; ample
 * for article-length text). Detection answers only for at least MIN_DETECT_LETTERS letters and when eld
 * calls its result reliable; otherwise null.
 */

/** Minimum letters in the text before detection is attempted. */
export const MIN_DETECT_LETTERS = 40;
/**
 * Detection looks at about this many leading characters, cut at a space (eld is built for short texts: a few
 * sentences give a stable answer; the cost grows with the sample, and ingest runs it on every article).
 */
const DETECT_CHARS = 500;

interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

let detector: Promise<Detector> | null = null;

function loadDetector(): Promise<Detector> {
  detector ??= import('eld/extrasmall').then((m) => m.eld);
  return detector;
}

/** Primary subtag of a language tag when it is a two-letter code; null otherwise. */
export function normaliseLanguageTag(tag: string | null | undefined): string | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

/**
 * Detected ISO 639-1 code of `text`, or null when the text is too short or the answer unreliable. Plain English
 * prose is recognised without eld (`plainEnglish`; eld costs ~150 µs a call whatever the length, and an ingest
 * calls it on every article); everything else goes to eld.
 */
export async function detectLanguage(text: string): Promise<string | null> {
  const cut = text.length > DETECT_CHARS ? text.lastIndexOf(' ', DETECT_CHARS) : -1;
  const sample = text.slice(0, cut > DETECT_CHARS / 2 ? cut : DETECT_CHARS);
  if (plainEnglish(sample)) return 'en';
  if (!hasLetters(sample, MIN_DETECT_LETTERS)) return null;
  const eld = await loadDetector();
  const result = eld.detect(sample);
  return result.language !== '' && result.isReliable() ? normaliseLanguageTag(result.language) : null;
}

/** The given tag when usable, else the detected language of `text`. */
export async function languageOf(given: string | null | undefined, text: string): Promise<string | null> {
  return normaliseLanguageTag(given) ?? (await detectLanguage(text));
}

/**
 * English function words that are not (common) words of the other languages eld knows in Latin script: "in",
 * "is", "was", "on", "an", "as", "a" and "to" (Polish), "at" and "for" (Danish, Norwegian), "by", "of" (Dutch),
 * "also", "will" (German), "he" (Finnish), "we" (Polish), "her" (Norwegian), "be" (Pulaar), "over" are left out.
 */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'and', 'that', 'with', 'from', 'his', 'it', 'has', 'had', 'were', 'are', 'which', 'this', 'said', 'not', 'but', 'they', 'their', 'been', 'would', 'who', 'after', 'its', 'than', 'have', 'our', 'could', 'should', 'there', 'when', 'what', 'about', 'into', 'up', 'out', 'she', 'them']);
/** Least words, and least share of them that are English function words, for `plainEnglish`. */
const PLAIN_ENGLISH_WORDS = 30;
const PLAIN_ENGLISH_SHARE = 0.1;

/**
 * True for a sample of ordinary English prose: Latin script only, at least PLAIN_ENGLISH_WORDS words, and at
 * least 10% of them English function words ("the", "and", "that", ...; running English text has 15–30% of
 * these, other languages in Latin script next to none). Checked against eld on the first 500 characters of
 * the shared evaluation sets' articles: it answered for 73 of 81 English Zyte pages, 629 of 729 ECB+, 70 of
 * 84 PolNeAR and 678 of 714 QAGS articles, never for one of the 9 other-language Zyte pages, and never
 * disagreed with eld. On NTREX-128 (newstest2019 references, 500-character runs of 6 sentences, ~660 per
 * language) no run of the 69 other Latin-script languages reaches 9% (the most: Hmong 8.6%, Fijian 8.2%; Pulaar
 * reached 13% before "be" left the list); every English article of the 20,000-article real-derived corpus at 10–12%
 * (1,756 of them, sent to eld at the former 12%) is English to eld too.
 */
export function plainEnglish(sample: string): boolean {
  let words = 0;
  let english = 0;
  let start = -1;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    // Latin letters with accents (café) and typographic punctuation (’ “ — …) are fine; another script is not.
    if (c > 0x24f && (c < 0x2000 || c > 0x206f)) return false;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      words++;
      if (i - start <= 6 && ENGLISH_FUNCTION_WORDS.has(sample.slice(start, i).toLowerCase())) english++;
      start = -1;
    }
  }
  return words >= PLAIN_ENGLISH_WORDS && english >= words * PLAIN_ENGLISH_SHARE;
}

const LETTER = /\p{L}/u;

/** Whether `text` has at least `n` letters (stops counting there). */
function hasLetters(text: string, n: number): boolean {
  let count = 0;
  for (const ch of text) if (LETTER.test(ch) && ++count >= n) return true;
  return false;
}
