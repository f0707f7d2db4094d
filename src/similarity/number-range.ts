/**
 * The values a number mention allows, read from the words just before it: "at least 12 shots" allows 12 and any
 * more, "more than 12" any more than 12, "up to 40 km" anything to 40, "about 55,000 pages" a twentieth either
 * way, a bare number itself alone. Two mentions of one counted thing conflict only when their ranges do not meet:
 * "at least 12 shots were fired" and "13 shots" agree, and so do "at least three people" in an early report and
 * "at least 10 people" in a later one (a toll that rose is no contradiction); "800 residents" and "1,100 residents"
 * still conflict, and so do "about 800" and "1,100", "no more than 40" and "200". A bound has no other side: "more
 * than 100" and "5,000" agree (both can be true). (The same value on both sides agrees before ranges are read.)
 *
 * The analysis leaves these qualifiers out of the number's span (src/analyse/numbers.ts), so they are read here from
 * the article text before it. English, Russian and French words (the languages the analysis reads); the words of
 * one language never occur in another's text, so one table serves all three. The longest qualifier that ends right
 * before the number decides ("no more than" is an upper bound, though it ends in "more than"). "over" and "under"
 * before a span of time are prepositions ("over 3 days": during), not bounds. Russian "до" is left out: it is as
 * often "to" ("снизил ставку до 16%": cut the rate to 16%) as "up to".
 */
import { baseValue } from './quantity.js';
import type { NumberMention } from '../types.js';

export interface NumberRange {
  low: number;
  high: number;
}

/** How far an approximate number ("about 55,000") reaches either way, as a share of it. */
const APPROXIMATE_SHARE = 0.05;

type Qualifier = 'atLeast' | 'moreThan' | 'atMost' | 'lessThan' | 'nearly' | 'about';

const QUALIFIERS: Record<Qualifier, readonly string[]> = {
  atLeast: ['at least', 'no fewer than', 'no less than', 'not less than', 'не менее', 'не менее чем', 'не меньше', 'как минимум', 'по меньшей мере', 'au moins', 'au minimum', 'pas moins de'],
  moreThan: ['more than', 'over', 'above', 'upwards of', 'in excess of', 'более', 'более чем', 'больше', 'больше чем', 'свыше', 'plus de'],
  atMost: ['up to', 'at most', 'no more than', 'not more than', 'не более', 'не более чем', 'не больше', 'максимум', "jusqu'à", 'jusqu’à', 'au plus', 'pas plus de'],
  lessThan: ['fewer than', 'less than', 'under', 'below', 'менее', 'менее чем', 'меньше', 'меньше чем', 'moins de'],
  nearly: ['nearly', 'almost', 'почти', 'presque', 'près de', 'pres de'],
  about: [
    'about', 'around', 'roughly', 'approximately', 'some', 'an estimated', 'estimated', 'close to', 'closer to',
    'около', 'порядка', 'примерно', 'приблизительно', 'environ', 'quelque', 'quelques', 'autour de',
  ],
};

/** Prepositions of time before a span of time: "over 3 days" is during, not more than. */
const TIME_PREPOSITIONS = new Set(['over', 'under']);
const TIME_UNITS = new Set(['s', 'min', 'h', 'day', 'week', 'month', 'year', 'decade']);

/** Each qualifier with its regex (whole words, ending right before the number), longest first. */
const PATTERNS: { qualifier: Qualifier; words: string; re: RegExp }[] = (Object.entries(QUALIFIERS) as [Qualifier, readonly string[]][])
  .flatMap(([qualifier, list]) => list.map((words) => ({ qualifier, words })))
  .sort((a, b) => b.words.length - a.words.length || (a.words < b.words ? -1 : 1))
  .map(({ qualifier, words }) => ({
    qualifier,
    words,
    // A letter may not come before the qualifier (JavaScript's \b knows no Cyrillic).
    re: new RegExp(`(?:^|[^\\p{L}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\s+$`, 'iu'),
  }));

/** How many characters before a number its qualifier is looked for in. */
const LOOK_BACK = 32;

/** The qualifier right before `n` in `text` (the longest that matches), or null. */
function qualifierOf(text: string, n: NumberMention): Qualifier | null {
  const before = text.slice(Math.max(0, n.start - LOOK_BACK), n.start);
  for (const p of PATTERNS) {
    if (!p.re.test(before)) continue;
    if (TIME_PREPOSITIONS.has(p.words) && n.unit !== null && TIME_UNITS.has(n.unit)) return null;
    return p.qualifier;
  }
  return null;
}

/** The smallest step above (or below) `v` that still reads as another value: "more than 12" excludes 12. */
function beyond(v: number, direction: 1 | -1): number {
  return v + direction * Math.max(Number.EPSILON, Math.abs(v) * 1e-9);
}

/** The range `n` allows, from the qualifier before it in `text` (the text its offsets index). */
export function numberRange(text: string, n: NumberMention): NumberRange {
  const v = baseValue(n);
  if (!Number.isFinite(v)) return { low: v, high: v };
  const margin = Math.abs(v) * APPROXIMATE_SHARE;
  switch (qualifierOf(text, n)) {
    case 'atLeast':
      return { low: v, high: Infinity };
    case 'moreThan':
      return { low: beyond(v, 1), high: Infinity };
    case 'atMost':
      return { low: -Infinity, high: v };
    case 'lessThan':
      return { low: -Infinity, high: beyond(v, -1) };
    case 'nearly':
      // Just short of the number, on the side of zero: "nearly 100" is 95–100, "nearly -5" is -5 to -4.75.
      return v >= 0 ? { low: v - margin, high: v } : { low: v, high: v + margin };
    case 'about':
      return { low: v - margin, high: v + margin };
    default:
      return { low: v, high: v };
  }
}

/** Do two ranges share a value? */
export function rangesMeet(a: NumberRange, b: NumberRange): boolean {
  return a.low <= b.high && b.low <= a.high;
}
