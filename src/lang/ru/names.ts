/**
 * Russian name morphology for grouping the declined mentions of one name (Песков, Пескова, Пескову, Песковым)
 * and for picking the most nominative-looking form as an entity's `name`.
 */
import { nameBase } from '../anchor.js';

/**
 * Case endings stripped for grouping, longest first. Wider than anchor.ts's list: first names in -ий/-ей/-ия/-ья
 * decline to -ия/-ея/-ии/-ием (Дмитрий, Дмитрия → "дмитр"; Сергей, Сергея → "серг"; Мария, Марии → "мар"), and
 * a soft sign ends many names (Игорь, Игоря → "игор"). The surname suffixes -ов/-ев/-ин are kept (Песков).
 */
const ENDINGS = [
  'иями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ием', 'ией', 'еем', 'ой', 'ей', 'ом', 'ем', 'ым',
  'им', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ах', 'ях', 'ам', 'ям', 'ия', 'ию', 'ии', 'ий',
  'ый', 'ья', 'ье', 'ью', 'ьи', 'ея', 'ею', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о', 'ь', 'й',
];

const CYRILLIC = /[\u0400-\u04ff]/;

/** The grouping stem of one name word: lower case, ё → е, one case ending stripped (stem kept at 3+ letters). */
export function ruNameStem(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, 'е').replace(/ъ$/, '');
  // Acronyms (ТАСС, МИД) and Latin names do not decline here.
  if (!CYRILLIC.test(word) || (word.length >= 2 && word === word.toUpperCase())) return lower;
  return lower
    .split(/[-‐]/)
    .map((part) => {
      for (const e of ENDINGS) if (part.endsWith(e) && part.length - e.length >= 3) return part.slice(0, part.length - e.length);
      return part;
    })
    .join('-');
}

/** One word of an entity key before latinising: anchor.ts's `nameBase`, hard sign dropped, acronyms whole. */
export function ruKeyBase(word: string): string {
  const w = word.replace(/ъ$/, '');
  if (w.length >= 2 && w === w.toUpperCase()) return w;
  return w.split(/([-‐])/).map((p) => (/[-‐]/.test(p) ? p : nameBase(p))).join('');
}

/**
 * How far a word form looks from a nominative: 0 for a consonant, -й/-ь, -ий/-ый, -ия/-ья (Песков, Дмитрий,
 * Мария); 0.5 for -ей (Сергей, but also the instrumental Марией); 1 for -а/-я (Москва, Захарова — also genitives);
 * 2 for the oblique endings (Москве, Пескову, Захаровой, Песковым).
 */
export function ruFormPenalty(word: string): number {
  const w = word.toLowerCase();
  if (!CYRILLIC.test(w) || word === word.toUpperCase()) return 0; // Latin names and acronyms do not decline
  if (/(?:ий|ый|ия|ья|ь|й)$/.test(w) && !/(?:ой|ей)$/.test(w)) return 0;
  if (/ей$/.test(w)) return 0.5;
  if (/(?:ой|ом|ем|ым|им|ых|их|ами|ями|ого|его|ому|ему|ую|юю)$/.test(w)) return 2;
  if (/[ая]$/.test(w)) return 1;
  if (/[еуюыио]$/.test(w)) return 2;
  return 0;
}
