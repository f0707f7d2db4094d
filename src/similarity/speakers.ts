/** Matching speaker / person names across articles ("Tomas Reyes" = "Reyes" = "Fire chief Tomas Reyes"). */
import { normaliseKey } from '../text/normalise.js';
import { latinise, spellingKey } from '../lang/anchor.js';

/** Titles and role words that precede names and do not identify the person. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'president', 'prime', 'minister', 'mayor', 'chief', 'fire', 'police',
  'governor', 'senator', 'general', 'gen', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'secretary',
  'chairman', 'chairwoman', 'leader', 'former', 'deputy', 'russian', 'ukrainian', 'official', 'the', 'a', 'an',
]);

/** The identifying name tokens of a speaker name (titles dropped; Cyrillic names transliterated). */
export function speakerKeys(name: string): string[] {
  return normaliseKey(latinise(name))
    .split(' ')
    .filter((t) => t.length > 1 && !TITLES.has(t));
}

/**
 * Two speaker names denote the same person when the identifying tokens of one are all in the other
 * ("Reyes" ⊂ "Tomas Reyes"), or they share the last name — spelt alike, or with `acrossSpellings` (a story in
 * several languages, where one name is transliterated several ways) as two romanisations of one name
 * (src/lang/anchor.ts `spellingKey`: "Khrustalyov" / "Khrustalev" / "Хрусталёв"; not "Reed" / "Reid"). Within one
 * language the last names must be the same: "Reyes" and "Rees" are two people. Unknown (null/empty) speakers match
 * nothing.
 */
export function sameSpeaker(a: string | null | undefined, b: string | null | undefined, acrossSpellings = false): boolean {
  if (!a || !b) return false;
  const ka = speakerKeys(a);
  const kb = speakerKeys(b);
  if (ka.length === 0 || kb.length === 0) return normaliseKey(a) === normaliseKey(b) && normaliseKey(a) !== '';
  const sb = new Set(kb);
  const sa = new Set(ka);
  if (ka.every((t) => sb.has(t)) || kb.every((t) => sa.has(t))) return true;
  const la = ka[ka.length - 1]!;
  const lb = kb[kb.length - 1]!;
  // The same last name, or two spellings of it (transliterations: Khrustalyov / Khrustalev / Хрусталёв).
  return la === lb || (acrossSpellings && la.length > 3 && lb.length > 3 && spellingKey(la) === spellingKey(lb));
}
