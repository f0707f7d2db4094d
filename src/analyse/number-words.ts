/** English number words: cardinals ("two hundred and fifty", "a dozen") and ordinals ("third"). */
import { lookupTable } from '../text/lookup-table.js';

export const UNITS = lookupTable<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
});
export const TENS = lookupTable<number>({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
export const SCALES = lookupTable<number>({
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
});
export const ORDINAL_WORDS = lookupTable<number>({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1_000_000,
});
/** Plural scale words used on their own are vague ("thousands fled"): not reported. */
export const VAGUE = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'scores', 'tens']);

export interface WordNumber {
  start: number;
  end: number;
  value: number;
  /** True when the phrase is only "one" (often a pronoun: reported only with a counted noun). */
  loneOne: boolean;
}

const WORD = /[A-Za-z]+(?:-[A-Za-z]+)?/g;

function wordValue(w: string): number | null {
  const low = w.toLowerCase();
  if (low in UNITS) return UNITS[low]!;
  if (low in TENS) return TENS[low]!;
  const hy = /^([a-z]+)-([a-z]+)$/.exec(low);
  if (hy && hy[1]! in TENS && hy[2]! in UNITS && UNITS[hy[2]!]! < 10 && UNITS[hy[2]!]! > 0) return TENS[hy[1]!]! + UNITS[hy[2]!]!;
  return null;
}

interface Word {
  s: number;
  e: number;
  w: string;
  low: string;
}

/** Fractions a scale word takes ("half a million", "a quarter of a million"); "half-million" is one word. */
const FRACTIONS = lookupTable<number>({ half: 0.5, quarter: 0.25 });

/**
 * A fraction of a scale word starting at word `i`: "half a million" (500,000), "quarter of a million" (250,000; the
 * "a" before "quarter" stays outside, as in "a million"), "half-million"; its value, end and the next word's index.
 */
function fractionOfScale(text: string, words: readonly Word[], i: number): { value: number; end: number; next: number } | null {
  const w = words[i]!;
  const hyphen = /^(half|quarter)-([a-z]+)$/.exec(w.low);
  if (hyphen) {
    const scale = SCALES[hyphen[2]!];
    return scale !== undefined && scale >= 1_000 ? { value: FRACTIONS[hyphen[1]!]! * scale, end: w.e, next: i + 1 } : null;
  }
  const fraction = FRACTIONS[w.low];
  if (fraction === undefined) return null;
  // "half a million" / "quarter of a million": the words after it, each after spaces only.
  const expect = fraction === 0.5 ? ['a'] : ['of', 'a'];
  let k = i;
  for (const word of expect) {
    const next = words[k + 1];
    if (!next || !/^[ \t]+$/.test(text.slice(words[k]!.e, next.s)) || (next.low !== word && !(word === 'a' && next.low === 'an'))) return null;
    k++;
  }
  const scaleWord = words[k + 1];
  if (!scaleWord || !/^[ \t]+$/.test(text.slice(words[k]!.e, scaleWord.s))) return null;
  const scale = SCALES[scaleWord.low];
  return scale !== undefined && scale >= 1_000 ? { value: fraction * scale, end: scaleWord.e, next: k + 2 } : null;
}

/** Cardinal number-word phrases in `text` ("two", "twenty-five", "three hundred", "a dozen", "a million", "half a million"). */
export function findWordNumbers(text: string): WordNumber[] {
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({ s: m.index, e: m.index + m[0].length, w: m[0], low: m[0].toLowerCase() }));
  const out: WordNumber[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const fraction = fractionOfScale(text, words, i);
    if (fraction) {
      out.push({ start: w.s, end: fraction.end, value: fraction.value, loneOne: false });
      i = fraction.next;
      continue;
    }
    let j = i;
    let total = 0;
    let current = 0;
    let any = false;
    const start = w.s;
    let end = w.e;
    // "a dozen", "a hundred", "a million"
    if ((w.low === 'a' || w.low === 'an') && words[i + 1] && /^[ \t]+$/.test(text.slice(w.e, words[i + 1]!.s))) {
      const n = words[i + 1]!.low;
      if (n === 'dozen' || n in SCALES) {
        current = 1;
        j = i + 1;
        any = false;
      }
    }
    let consumed = false;
    while (j < words.length) {
      const x = words[j]!;
      if (j > i && !/^[ \t]+$/.test(text.slice(words[j - 1]!.e, x.s))) break;
      const v = wordValue(x.w);
      if (v !== null) {
        // "two three" is not one number; a unit after a unit ends the phrase.
        const fits = current % 100 === 0 || (current % 100 >= 20 && current % 10 === 0 && v > 0 && v < 10);
        if (any && !fits) break;
        current += v;
        any = true;
        end = x.e;
        j++;
        consumed = true;
        continue;
      }
      if (x.low === 'dozen' && (any || current === 1)) {
        current = (current || 1) * 12;
        any = true;
        end = x.e;
        j++;
        consumed = true;
        continue;
      }
      if (x.low in SCALES && (any || current === 1)) {
        const scale = SCALES[x.low]!;
        if (scale === 100) current = (current || 1) * 100;
        else {
          total += (current || 1) * scale;
          current = 0;
        }
        any = true;
        end = x.e;
        j++;
        consumed = true;
        continue;
      }
      // "two hundred and fifty"
      if (x.low === 'and' && any && current % 100 === 0 && (current > 0 || total > 0)) {
        const n = words[j + 1];
        if (n && wordValue(n.w) !== null && /^[ \t]+$/.test(text.slice(x.e, n.s))) {
          j++;
          continue;
        }
      }
      break;
    }
    if (consumed && any) {
      const value = total + current;
      const phrase = text.slice(start, end).toLowerCase();
      out.push({ start, end, value, loneOne: phrase === 'one' });
      i = j;
    } else {
      i++;
    }
  }
  return out;
}
