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

/** Detected ISO 639-1 code of `text`, or null when the text is too short or the answer unreliable. */
export async function detectLanguage(text: string): Promise<string | null> {
  const cut = text.length > DETECT_CHARS ? text.lastIndexOf(' ', DETECT_CHARS) : -1;
  const sample = text.slice(0, cut > DETECT_CHARS / 2 ? cut : DETECT_CHARS);
  if (!hasLetters(sample, MIN_DETECT_LETTERS)) return null;
  const eld = await loadDetector();
  const result = eld.detect(sample);
  return result.language !== '' && result.isReliable() ? normaliseLanguageTag(result.language) : null;
}

/** The given tag when usable, else the detected language of `text`. */
export async function languageOf(given: string | null | undefined, text: string): Promise<string | null> {
  return normaliseLanguageTag(given) ?? (await detectLanguage(text));
}

const LETTER = /\p{L}/u;

/** Whether `text` has at least `n` letters (stops counting there). */
function hasLetters(text: string, n: number): boolean {
  let count = 0;
  for (const ch of text) if (LETTER.test(ch) && ++count >= n) return true;
  return false;
}
