/**
 * The values a number mention allows, read from the words just before it: "at least 12 shots" allows 12 and any
 * more, "up to 40 km" anything to 40, "about 55,000 pages" a twentieth either way, a bare number itself alone. Two
 * mentions of one counted thing conflict only when their ranges do not meet: "at least 12 shots were fired" and
 * "13 shots" agree, and so do "at least three people" in an early report and "at least 10 people" in a later one
 * (a toll that rose is no contradiction); "800 residents" and "1,100 residents" still conflict, and "about 800" and
 * "1,100" too.
 *
 * The analysis leaves these qualifiers out of the number's span (src/analyse/numbers.ts), so they are read here from
 * the article text before it. English, Russian and French words (the languages the analysis reads); the words of
 * one language never occur in another's text, so one table serves all three.
 */
import type { NumberMention } from '../types.js';

export interface NumberRange {
  low: number;
  high: number;
}

/** How far an approximate number ("about 55,000") reaches either way, as a share of it. */
const APPROXIMATE_SHARE = 0.05;

const LOWER_BOUND = [
  'at least', 'more than', 'over', 'above', 'upwards of', 'in excess of', 'no fewer than', 'no less than', 'not less than',
  'не менее', 'не меньше', 'более', 'больше', 'свыше', 'как минимум', 'по меньшей мере',
  'au moins', 'plus de', 'au minimum', 'pas moins de',
];
const UPPER_BOUND = [
  'up to', 'at most', 'fewer than', 'less than', 'under', 'below', 'no more than', 'not more than',
  'до', 'не более', 'не больше', 'менее', 'меньше', 'максимум',
  "jusqu'à", 'jusqu’à', 'moins de', 'au plus', 'pas plus de',
];
/** Just below the number, or close to it. */
const NEARLY = ['nearly', 'almost', 'почти', 'presque', 'près de', 'pres de'];
const ABOUT = [
  'about', 'around', 'roughly', 'approximately', 'some', 'an estimated', 'estimated', 'close to', 'closer to',
  'около', 'порядка', 'примерно', 'приблизительно', 'environ', 'quelque', 'quelques', 'autour de',
];

function wordsBefore(words: readonly string[]): RegExp {
  const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  // Whole words only: a letter may not come before the qualifier (JavaScript's \b knows no Cyrillic).
  return new RegExp(`(?:^|[^\\p{L}])(?:${alternatives.join('|')})\\s+$`, 'iu');
}

const LOWER_RE = wordsBefore(LOWER_BOUND);
const UPPER_RE = wordsBefore(UPPER_BOUND);
const NEARLY_RE = wordsBefore(NEARLY);
const ABOUT_RE = wordsBefore(ABOUT);

/** How many characters before a number its qualifier is looked for in. */
const LOOK_BACK = 32;

/** The range `n` allows, from the qualifier before it in `text` (the text its offsets index). */
export function numberRange(text: string, n: NumberMention): NumberRange {
  const v = n.value;
  if (!Number.isFinite(v)) return { low: v, high: v };
  const before = text.slice(Math.max(0, n.start - LOOK_BACK), n.start);
  const [small, large] = v >= 0 ? [v * (1 - APPROXIMATE_SHARE), v * (1 + APPROXIMATE_SHARE)] : [v * (1 + APPROXIMATE_SHARE), v * (1 - APPROXIMATE_SHARE)];
  if (LOWER_RE.test(before)) return { low: v, high: Infinity };
  if (UPPER_RE.test(before)) return { low: -Infinity, high: v };
  if (NEARLY_RE.test(before)) return { low: small, high: v };
  if (ABOUT_RE.test(before)) return { low: small, high: large };
  return { low: v, high: v };
}

/** Do two ranges share a value? */
export function rangesMeet(a: NumberRange, b: NumberRange): boolean {
  return a.low <= b.high && b.low <= a.high;
}
