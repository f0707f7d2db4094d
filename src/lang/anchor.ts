/**
 * Language-independent anchors: keys under which a name written in Cyrillic and its Latin transliterations
 * meet (Красноармейск ↔ Krasnoarmeysk / Krasnoarmeisk / Krasnoarmiisk; Пескова ↔ Peskov; ТАСС ↔ TASS;
 * Интерфакс ↔ Interfax). Used by every stage that matches across languages (entity keys of non-English
 * articles, the story signature's names, cross-lingual alignment), so all agree on what "the same name" is.
 *
 * - `latinise` transliterates Cyrillic with the `transliteration` package (its table, with ц → ts and х → kh as
 *   English writes them: й → y, ё → yo, …) and leaves other scripts as they are.
 * - `nameBase` strips a Russian case ending from a Cyrillic name ("Пескова", "Песковым" → "Песков";
 *   "Красноармейска" → "Красноармейск"), at most one ending and never below three letters. Latin names are
 *   left whole: English and French do not decline names.
 * - `anchorKey` is a spelling skeleton of the latinised base: lower case, diacritics folded, the digraphs
 *   that romanisations disagree on folded (kh/h → h, zh → z, ts/tz/c → c, shch/sch/sh → s, ch → c, x → ks,
 *   w → v, ph → f, ck → k, c before a/o/u or a consonant → k, else s; j → y), vowels and y dropped after the
 *   first letter, doubled letters single. Krasnoarmeysk, Krasnoarmeisk, Krasnoarmiisk → "krsnrmsk"; Moscow,
 *   Москва → "mskv". A one-letter skeleton would join unrelated short words, so the key is then the
 *   latinised word itself.
 */
import { transliterate } from 'transliteration';
import { BoundedCache } from '../text/bounded-cache.js';

const CYRILLIC = /[\u0400-\u04ff]/;

/** True when `text` holds at least one Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** The transliteration table's departures from the package's default, toward English usage (ц → ts, х → kh). */
const TABLE: Record<string, string> = { ц: 'ts', Ц: 'Ts', х: 'kh', Х: 'Kh' };

/** Cyrillic transliterated to Latin letters; other text unchanged. */
export function latinise(text: string): string {
  return hasCyrillic(text) ? transliterate(text, { replace: TABLE }) : text;
}

/** Russian case endings of nouns, adjectives and surnames, longest first. */
const RU_ENDINGS = [
  'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ой', 'ей', 'ом', 'ем', 'ым', 'им', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие',
  'ых', 'их', 'ах', 'ях', 'ам', 'ям', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о',
];

/** First names whose nominative ends like a case ending (-им, -ем, -ом): never stripped. */
const WHOLE_NAMES: ReadonlySet<string> = new Set(['вадим', 'максим', 'ефим', 'трофим', 'серафим', 'ким', 'артем', 'артём', 'шалом']);

/** A Cyrillic name without its case ending (one ending, the stem kept at three letters or more). */
export function nameBase(word: string): string {
  if (!hasCyrillic(word)) return word;
  const lower = word.toLowerCase();
  if (WHOLE_NAMES.has(lower)) return word;
  for (const e of RU_ENDINGS) {
    if (lower.endsWith(e) && lower.length - e.length >= 3) return word.slice(0, word.length - e.length);
  }
  return word;
}

const keys = new BoundedCache<string>(20_000);

/** The anchor key of one word (see the module comment); "" for a word with no letters or digits. */
export function anchorKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    key = computeAnchor(word);
    keys.set(word, key);
  }
  return key;
}

function computeAnchor(word: string): string {
  const plain = latinise(nameBase(word))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʹʺ]/g, '')
    .replace(/[^a-z0-9]/g, '');
  if (plain === '' || /^[0-9]+$/.test(plain)) return plain;
  // Digraphs first (upper case marks a folded sound, so the Latin-c rule below leaves it alone).
  const folded = plain
    .replace(/shch|sch|sh/g, 'S')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'z')
    .replace(/ts|tz|tc/g, 'C')
    .replace(/ch/g, 'C')
    .replace(/ck/g, 'k')
    .replace(/c(?![eiy])/g, 'k')
    .replace(/c/g, 's')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .toLowerCase();
  const head = folded[0]!;
  const skeleton = (head + folded.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
  return skeleton.length >= 2 ? skeleton : plain;
}

/** The anchor key of a multi-word name: the words' keys joined by a space ("" words dropped). */
export function nameAnchor(name: string): string {
  return name
    .split(/[\s\-‐–]+/u)
    .map(anchorKey)
    .filter((k) => k !== '')
    .join(' ');
}

/**
 * A spelling key that keeps the vowels: one name's romanisations meet (Khrustalyov / Khrustalev / Хрусталёв,
 * Gordeyev / Gordeev, Zaretsky / Zaretskiy), two different names that only share consonants do not (Reed / Reid,
 * Taylor / Tyler). Lower case, latinised, diacritics folded; shch → sc, kh → h, zh → z, ts/tz → c, yo/ye/e → e,
 * ya → ia, yu → iu, y/j → i, w → v; doubled letters single. For names that must be the same person, not just
 * alike (speakers).
 */
export function spellingKey(word: string): string {
  return latinise(nameBase(word))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/shch/g, 'sc')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'z')
    .replace(/ts|tz/g, 'c')
    .replace(/y[oe]/g, 'e')
    .replace(/ya/g, 'ia')
    .replace(/yu/g, 'iu')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
}
