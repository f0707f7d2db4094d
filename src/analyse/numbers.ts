/**
 * Numbers in an article with what they count.
 *
 * Found: digits ("1,200", "6.4", "12%"), number words ("two", "twenty-five", "a dozen", "three hundred",
 * "half a million"), multipliers ("5 million", "€3bn", "$5m", "Rs 5 crore": a lakh is 100,000, a crore 10 million), ordinals ("1st", "third"), and years (the year-grain dates of
 * extractDates: "in 1952").
 *
 * Kinds and units:
 * - percent: "12%", "12 percent", "12 per cent" → unit "%".
 * - money: a currency symbol or code before, or a currency word after ("$5 million", "€3bn",
 *   "5 million dollars", "USD 5m", "Rs. 40" in rupees) → unit = ISO 4217 code, value with the multiplier applied.
 * - measure: a unit after the number ("6.4 metres", "5km", "two years") → unit normalised ("m", "km",
 *   "year"; see number-units.ts).
 * - ordinal: "1st", "third"; "first"/"second" only before a noun ("the first estimate").
 * - year: a year-grain date (both years of "the 2025-26 season"; "26" has the value 2026).
 * - count: a plain number followed by a noun phrase ("87 inhabited localities"); `counted` is the phrase
 *   and `countedKey` its head noun, singular ("locality").
 * - other: a plain number with no noun after it ("rose to 12", "Lind, 54,").
 *
 * Read sentence by sentence: every look before or after a number (currency, unit, counted phrase, range) stops
 * at the edges of its sentence, so a sentence repeated verbatim by another article gives the same numbers and
 * is read once (segment-cache.ts).
 *
 * The span covers the number with its currency, multiplier, unit or counted phrase
 * ("87 inhabited localities", "$5 million", "6.4 metres"); qualifiers before it ("about", "up to") are
 * left out. In a range ("10-20 people", "between 10 and 20 people") the first number borrows the
 * second's counted phrase or unit.
 *
 * Not reported: parts of dates and times (every non-year date of extractDates, plus clock times such as
 * "5 a.m.", "10:30", "0900 GMT"), vague plurals ("thousands", "dozens"), decades ("the 1990s"), numbers inside
 * words or codes ("COVID-19", "F-16", "24/7"), labels ("No. 10", "Boeing 737", "Route 94"), "one" without a counted noun (usually a pronoun), number
 * words inside capitalised names ("Formula One").
 */
import type { NumberKind, NumberMention, Sentence, Span } from '../types.js';
import { sentenceIndexAt } from '../text/spans.js';
import { isLabel } from './number-labels.js';
import { extractDates } from './dates.js';
import { parseTerms, termIndexAt, type NlpTerm } from './nlp-doc.js';
import { countedKeyOf, countedPhrase } from './number-counted.js';
import { lookupTable } from '../text/lookup-table.js';
import { findWordNumbers, ORDINAL_WORDS } from './number-words.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { localTerms, sameTerms, segmentEnd, segmentTerms, sentenceSegments, type SegmentTerms } from './segment-cache.js';
import {
  ATTACHED_MULTIPLIERS,
  ATTACHED_UNITS,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  MULTIPLIER_WORDS,
  UNIT_PHRASES,
  UNIT_WORDS,
} from './number-units.js';

interface Found {
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
  unit: string | null;
  counted: Span | null;
  /** End of the bare number (with multiplier), before unit/counted words. */
  numberEnd: number;
}

const NUMBER_RE = /(US\$|A\$|C\$|HK\$|NZ\$|[$€£¥₹₽₴₩₺])?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/g;
const TIME_RES = [
  /\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|o['’]clock\b|hrs\b|h\b(?=\s*(?:GMT|UTC|local)))/gi,
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
  // Wire-service clock times: "0900 GMT", "2300 UTC", "0130 local time", "1800 Moscow time".
  /\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|MSK|CET|CEST|BST|EST|EDT|ET|PT|Z\b|local\s+time|\p{Lu}\p{Ll}+\s+time)\b/gu,
];
const ORDINAL_WORD_RE = new RegExp(`\\b(${Object.keys(ORDINAL_WORDS).join('|')})\\b`, 'gi');

function overlaps(ranges: readonly (readonly [number, number])[], s: number, e: number): boolean {
  return ranges.some(([a, b]) => s < b && a < e);
}

/** Extend past white space; returns the index of the next non-space char (same line). */
function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\t')) j++;
  return j;
}

function wordAt(text: string, i: number): string {
  return /^[\p{L}°²³/]+/u.exec(text.slice(i, i + 30))?.[0] ?? '';
}

interface Suffix {
  end: number;
  value: number;
  kind: NumberKind | null;
  unit: string | null;
}

/**
 * What follows a bare number: multiplier, then percent / currency / unit. `attachedOk` allows
 * abbreviations written without a space ("5km", "3bn").
 */
function readSuffix(text: string, numEnd: number, value: number, currency: string | null): Suffix | null {
  let v = value;
  let i = numEnd;
  let kind: NumberKind | null = currency ? 'money' : null;
  let unit: string | null = currency;
  let hadMultiplier = false;

  // Attached letters: ordinal, multiplier, unit, or junk (then not a number we report).
  const attached = /^[\p{L}°²³]+/u.exec(text.slice(i, i + 8))?.[0] ?? '';
  if (attached) {
    const low = attached.toLowerCase();
    if (/^(?:st|nd|rd|th)$/.test(low)) return { end: i + attached.length, value: v, kind: 'ordinal', unit: null };
    if (low in ATTACHED_MULTIPLIERS && (currency || low === 'bn' || low === 'tn' || low === 'mn' || low === 'mln' || currencyNamedAt(text, i + attached.length))) {
      v = Number((v * ATTACHED_MULTIPLIERS[low]!).toPrecision(12));
      i += attached.length;
      hadMultiplier = true;
    } else if (low in ATTACHED_UNITS && !currency) {
      return { end: i + attached.length, value: v, kind: 'measure', unit: ATTACHED_UNITS[low]! };
    } else if (CURRENCY_CODES.has(attached)) {
      // "5USD": rare, accept.
      return { end: i + attached.length, value: v, kind: 'money', unit: attached };
    } else {
      return null;
    }
  }
  if (text[i] === '%') return { end: i + 1, value: v, kind: 'percent', unit: '%' };

  // Hyphenated multiplier or unit: "$1.5-billion", "6.4-metre wall", "20-year-old".
  if (text[i] === '-' && !hadMultiplier) {
    const w = wordAt(text, i + 1);
    const low = w.toLowerCase();
    if (low.length > 3 && low in MULTIPLIER_WORDS) {
      v = Number((v * MULTIPLIER_WORDS[low]!).toPrecision(12));
      i += 1 + w.length;
      hadMultiplier = true;
    } else {
      if (w && low in UNIT_WORDS) return { end: i + 1 + w.length, value: v, kind: 'measure', unit: UNIT_WORDS[low]! };
      return { end: i, value: v, kind, unit };
    }
  }
  // "110bn-euro rescue"
  if (text[i] === '-' && hadMultiplier && !currency) {
    const w = wordAt(text, i + 1).toLowerCase();
    if (w in CURRENCY_WORDS) return { end: i + 1 + w.length, value: v, kind: 'money', unit: CURRENCY_WORDS[w]! };
  }

  // Multiplier word: "5 million", "1.2 billion".
  let j = skipSpaces(text, i);
  if (j > i && !hadMultiplier) {
    const w = wordAt(text, j).toLowerCase();
    if (w in MULTIPLIER_WORDS) {
      v = Number((v * MULTIPLIER_WORDS[w]!).toPrecision(12));
      i = j + w.length;
      hadMultiplier = true;
      j = skipSpaces(text, i);
    }
  }
  if (kind === 'money') return { end: i, value: v, kind, unit };
  if (j === i) return { end: i, value: v, kind, unit };

  const rest = text.slice(j, j + 40);
  const pct = /^(?:percent|per\s+cent|pct|percentage\s+points?)\b/i.exec(rest);
  if (pct) return { end: j + pct[0].length, value: v, kind: 'percent', unit: '%' };
  const money = currencyAt(text, j, hadMultiplier);
  if (money) return { end: money.end, value: v, kind: 'money', unit: money.unit };
  const w = wordAt(text, j);
  const low = w.toLowerCase();
  for (const [re, u] of UNIT_PHRASES) {
    const m = re.exec(rest);
    if (m) return { end: j + m[0].length, value: v, kind: 'measure', unit: u };
  }
  // Unit words: whole words only; single letters only "m".
  if (w && low in UNIT_WORDS && (w.length > 1 || low === 'm') && /^[\p{L}°²³/]+(?![\p{L}\d])/u.test(rest)) {
    return { end: j + w.length, value: v, kind: 'measure', unit: UNIT_WORDS[low]! };
  }
  return { end: i, value: v, kind, unit };
}

/**
 * The currency named at `j` after a number, and where its name ends: a code ("USD"), a currency word ("euros",
 * "pounds sterling"), or "pound(s)" after a multiplier ("3 million pounds", `afterMultiplier`) or before "sterling".
 * "5 million US dollars" is read by the code check.
 */
function currencyAt(text: string, j: number, afterMultiplier: boolean): { end: number; unit: string } | null {
  const code = /^[A-Z]{3}\b/.exec(text.slice(j, j + 4));
  if (code && CURRENCY_CODES.has(code[0])) return { end: j + 3, unit: code[0] };
  const w = wordAt(text, j);
  const low = w.toLowerCase();
  if (low in CURRENCY_WORDS) {
    const end = j + w.length;
    const st = /^\s+sterling\b/i.exec(text.slice(end, end + 12));
    return { end: st ? end + st[0].length : end, unit: CURRENCY_WORDS[low]! };
  }
  if ((low === 'pounds' || low === 'pound') && (afterMultiplier || /^\s+sterling/i.test(text.slice(j + w.length)))) {
    return { end: j + w.length, unit: 'GBP' };
  }
  return null;
}

/**
 * A currency named right after `at`, past white space ("1.5m euros", "3m pounds", "4k USD"): then an attached "m" or
 * "k" is a multiplier (read as one, so a pound counts), not metres or a unit.
 */
function currencyNamedAt(text: string, at: number): boolean {
  const j = skipSpaces(text, at);
  return j > at && currencyAt(text, j, true) !== null;
}

/** A currency code right before the number ("USD 5m"), or "Rs" / "Rs." (Indian rupees: "Rs 5 crore"). */
function currencyBefore(text: string, start: number): { start: number; code: string } | null {
  const m = /\b(?:([A-Z]{3})|(Rs)\.?)\s?$/.exec(text.slice(Math.max(0, start - 4), start));
  if (m?.[1] && CURRENCY_CODES.has(m[1])) return { start: start - m[0].length, code: m[1] };
  if (m?.[2]) return { start: start - m[0].length, code: 'INR' };
  return null;
}

function symbolCode(sym: string | undefined): string | null {
  if (!sym) return null;
  for (const [s, c] of CURRENCY_SYMBOLS) if (s === sym) return c;
  return null;
}

/**
 * A minus sign right before the digits at `start`: '-' or '−' (U+2212) with white space, an opening bracket or the text
 * start before it, and no number just before that (so "10 -20" is left as a range). Not an en dash: that joins ranges.
 */
function isMinusSign(text: string, start: number): boolean {
  const sign = text[start - 1];
  if (sign !== '-' && sign !== '\u2212') return false;
  if (start - 2 >= 0 && !/[\s([]/.test(text[start - 2]!)) return false;
  let k = start - 2;
  while (k >= 0 && /[ \t\u00a0]/.test(text[k]!)) k--;
  return k < 0 || !/[\d%]/.test(text[k]!);
}

function digitNumbers(text: string, terms: readonly NlpTerm[], out: Found[]): void {
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index;
    const digitsStart = start + (m[1]?.length ?? 0);
    const numEnd = start + m[0].length;
    const prev = text[start - 1] ?? ' ';
    const prev2 = text[start - 2] ?? ' ';
    if (/[\p{L}\p{N}_.,/#@]/u.test(prev)) continue;
    if ((prev === '-' || prev === '–') && /[\p{L}]/u.test(prev2)) continue; // COVID-19, F-16
    const next = text[numEnd] ?? ' ';
    if (next === '/' || next === ':' || next === '@') continue; // 24/7, 10:30
    if ((next === '.' || next === ',') && /\d/.test(text[numEnd + 1] ?? '')) continue; // 1.2.3, odd separators
    if (/\d/.test(next)) continue; // "1,2345": broken digit grouping, not 1,234 followed by a 5
    // Phone numbers and records ("800-800-3855", "45-7-2").
    let a = digitsStart;
    while (a > 0 && /[\d–-]/.test(text[a - 1]!)) a--;
    let b = numEnd;
    while (b < text.length && /[\d–-]/.test(text[b]!)) b++;
    if (/^\d+(?:[-–]\d+){2,}$/.test(text.slice(a, b))) continue;
    const raw = m[2]!;
    if (raw.replace(/[,.]/g, '').length > 15) continue;
    // Decades and plurals: "1990s", "the 90s".
    if (/^['’]?s\b/.test(text.slice(numEnd, numEnd + 3)) && !/^s[\p{L}]/u.test(text.slice(numEnd, numEnd + 2))) continue;
    const value = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;

    let currency = symbolCode(m[1]);
    let spanStart = start;
    if (!currency) {
      const c = currencyBefore(text, digitsStart);
      if (c) {
        currency = c.code;
        spanStart = c.start;
      }
    }
    const suf = readSuffix(text, numEnd, value, currency);
    if (!suf) continue;
    // A minus sign written against the number ("-5 degrees", "growth of −0.4%"): the value is negative.
    const negative = !m[1] && !currency && isMinusSign(text, start);
    if (negative) {
      suf.value = -suf.value;
      spanStart = start - 1;
    }
    let kind = suf.kind;
    let counted: Span | null = null;
    let end = suf.end;
    // Nothing counted right after it ("Section 7 of the park" is a label even though "of the park" could be a part).
    let bare = false;
    if (kind === null || kind === 'ordinal') {
      const direct = countedPhrase(text, terms, suf.end);
      bare = kind === null && !direct;
      counted = direct ?? (kind === null ? partitiveCounted(text, terms, suf.end) : null);
      if (counted) end = counted.end;
      if (kind === null) kind = counted ? 'count' : 'other';
    }
    // A label, not a quantity: "No. 10", "#3", or a bare number after a name ("Boeing 737", "Route 94", "Article 5").
    if (!currency && !negative && isLabel(text, start, numEnd, bare)) continue;
    out.push({ start: spanStart, end, value: suf.value, kind, unit: suf.unit, counted, numberEnd: suf.end });
  }
}

function wordNumbers(text: string, terms: readonly NlpTerm[], out: Found[]): void {
  for (const w of findWordNumbers(text)) {
    if (overlaps(out.map((f) => [f.start, f.end] as const), w.start, w.end)) continue;
    const phrase = text.slice(w.start, w.end);
    // Inside a capitalised name ("Formula One", "Channel Four").
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, w.start - 24), w.start))?.[1] ?? '';
    if (/^\p{Lu}/u.test(phrase) && /^\p{Lu}/u.test(before)) continue;
    const after = text.slice(w.end, w.end + 4);
    if (/^\s+of\b/.test(after) && w.loneOne) continue;
    if (w.loneOne && /\bon\s+$/i.test(text.slice(Math.max(0, w.start - 4), w.start)) && /^\s+hand\b/.test(text.slice(w.end, w.end + 6))) continue; // "on one hand"
    const suf = readSuffix(text, w.end, w.value, null);
    if (!suf) continue;
    let kind = suf.kind;
    let counted: Span | null = null;
    let end = suf.end;
    if (kind === null) {
      counted = countedPhrase(text, terms, suf.end) ?? (w.loneOne ? null : partitiveCounted(text, terms, suf.end));
      if (counted) end = counted.end;
      kind = counted ? 'count' : 'other';
    }
    if (w.loneOne && kind !== 'count' && kind !== 'measure') continue;
    if (kind === 'other') continue; // "two" with nothing counted is too often a pronoun-like use
    out.push({ start: w.start, end, value: suf.value, kind, unit: suf.unit, counted, numberEnd: suf.end });
  }
}

/** "of the" and the like between a number and what it counts a part of ("two of the victims"). */
const PARTITIVE = /^\s+of\s+(?:the|these|those|its|their|his|her|our)\s+/i;
/** A number opening the phrase after "of the": "two of the four piers" counts a part of a count, not the piers. */
const COUNT_START = /^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b|\w+teen\b)/i;

/**
 * What a number followed by "of the …" counts: "two of the victims", "12 of the injured workers" count victims and
 * workers. Not a count of its own ("two of the four piers"), nor a possessive ("two of the bridge's piers": the
 * phrase that follows is the bridge's).
 */
function partitiveCounted(text: string, terms: readonly NlpTerm[], at: number): Span | null {
  const of = PARTITIVE.exec(text.slice(at, at + 24));
  if (!of) return null;
  const from = at + of[0].length;
  if (COUNT_START.test(text.slice(from, from + 12))) return null;
  const counted = countedPhrase(text, terms, at + of[0].trimEnd().length);
  if (!counted) return null;
  // Not a possessive or a modifier of what follows ("the bridge's piers", "his season-high"), and not "the past seven
  // games" (a count follows: the part is of that count).
  const after = text.slice(counted.end, counted.end + 16);
  return /^['’-]/.test(after) || COUNT_START.test(after.trimStart()) ? null : counted;
}

function ordinalWords(text: string, terms: readonly NlpTerm[], out: Found[]): void {
  for (const m of text.matchAll(ORDINAL_WORD_RE)) {
    const start = m.index;
    const end0 = start + m[0].length;
    if (overlaps(out.map((f) => [f.start, f.end] as const), start, end0)) continue;
    if (/[-‐]$/.test(text.slice(0, start)) || text[end0] === '-') continue; // "twenty-first" handled loosely: skip
    const low = m[1]!.toLowerCase();
    const counted = countedPhrase(text, terms, end0);
    if ((low === 'first' || low === 'second') && !counted) continue;
    // "a second" / "per second" are durations.
    if (low === 'second' && /\b(?:a|per|one|each|every|split)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) continue;
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1] ?? '';
    if (/^\p{Lu}/u.test(m[0]) && /^\p{Lu}/u.test(before)) continue; // "World War Second"-like names
    out.push({
      start,
      end: counted ? counted.end : end0,
      value: ORDINAL_WORDS[low]!,
      kind: 'ordinal',
      unit: null,
      counted,
      numberEnd: end0,
    });
  }
}

/**
 * "up to an hour", "about a minute", "within a week", "half an hour": one unit of time (half of one) after a word
 * that measures it. Not "an hour" elsewhere ("twice an hour", "100 km an hour", "an hour later" are rates and
 * times, not durations).
 */
const SINGLE_DURATION = /\b(up to|about|around|nearly|almost|more than|less than|over|under|within|for|roughly|some|just over|just under)\s+(half\s+)?(an?)\s+(hour|minute|day|week)\b(?!['’-])/gi;
const DURATION_UNITS = lookupTable<string>({ hour: 'h', minute: 'min', day: 'day', week: 'week' });

function singleDurations(text: string, out: Found[]): void {
  for (const m of text.matchAll(SINGLE_DURATION)) {
    const half = m[2] !== undefined;
    const start = m.index + m[1]!.length + m[0].slice(m[1]!.length).search(/\S/);
    const end = m.index + m[0].length;
    if (out.some((f) => f.start < end && start < f.end)) continue;
    out.push({ start, end, value: half ? 0.5 : 1, kind: 'measure', unit: DURATION_UNITS[m[4]!.toLowerCase()]!, counted: null, numberEnd: end });
  }
}

/** "10-20 people", "between 10 and 20 people": the first number borrows the second's unit/counted. */
function shareRanges(text: string, found: Found[]): void {
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1]!;
    if (a.end !== a.numberEnd || a.kind === 'year' || a.kind === 'ordinal') continue;
    if (!/^\s*(?:-|–|to|or|and)\s*$/.test(text.slice(a.end, b.start))) continue;
    if (b.kind === 'other' || b.kind === 'year' || b.kind === 'ordinal') continue;
    if (a.kind === 'money' && b.kind !== 'money') continue;
    a.kind = b.kind;
    if (a.unit === null) a.unit = b.unit;
    a.counted = b.counted;
  }
}

type LocalNumber = Omit<NumberMention, 'sentence'>;

/**
 * The numbers of one segment (offsets relative to it), by segment text: each with the segment's terms it was read
 * with (a text parsed in another context can have other terms; rare, so a short list).
 */
const segmentCache = new BoundedCache<{ terms: SegmentTerms; local: LocalNumber[] }[]>(8192);
/** Readings kept per segment text: more than one only when a sentence was parsed again, with new uids. */
const READINGS_PER_TEXT = 4;

/**
 * The numbers of an article, read sentence by sentence (every look to the left or right of a number stops at
 * its sentence; segment-cache.ts): a sentence repeated from another article is read once.
 */
export function extractNumbers(text: string, sentences: Sentence[]): NumberMention[] {
  const terms = parseTerms(text);
  const out: NumberMention[] = [];
  for (const seg of sentenceSegments(text, sentences)) {
    const first = termIndexAt(terms, seg.start);
    const segText = text.slice(seg.start, seg.end);
    const next = segmentEnd(terms, first, seg);
    let known = segmentCache.get(segText);
    let local = known?.find((k) => sameTerms(terms, first, next, seg.start, k.terms))?.local;
    if (!local) {
      local = numbersIn(segText, localTerms(terms, first, next, seg.start));
      if (!known) segmentCache.set(segText, (known = []));
      if (known.length >= READINGS_PER_TEXT) known.shift();
      known.push({ terms: segmentTerms(terms, first, next, seg.start), local });
    }
    for (const m of local) {
      const start = m.start + seg.start;
      out.push({ ...m, start, end: m.end + seg.start, sentence: sentenceIndexAt(sentences, start) });
    }
  }
  return out;
}

/** The numbers of one sentence (`text`), with its terms (offsets relative to it). */
function numbersIn(text: string, terms: readonly NlpTerm[]): LocalNumber[] {
  const whole: Sentence[] = [{ start: 0, end: text.length, text, index: 0, paragraph: 0 }];
  const dates = extractDates(text, whole, null);
  const excluded: [number, number][] = dates.filter((d) => d.grain !== 'year').map((d) => [d.start, d.end]);
  for (const re of TIME_RES) for (const m of text.matchAll(re)) excluded.push([m.index, m.index + m[0].length]);
  const years = dates.filter((d) => d.grain === 'year');

  const found: Found[] = [];
  digitNumbers(text, terms, found);
  wordNumbers(text, terms, found);
  ordinalWords(text, terms, found);
  singleDurations(text, found);

  const kept: Found[] = [];
  for (const f of found) {
    if (overlaps(excluded, f.start, f.numberEnd)) continue;
    if (years.some((y) => f.start < y.end && y.start < f.numberEnd)) continue;
    kept.push(f);
  }
  for (const y of years) {
    kept.push({ start: y.start, end: y.end, value: Number(y.iso), kind: 'year', unit: null, counted: null, numberEnd: y.end });
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  shareRanges(text, kept);

  const out: LocalNumber[] = [];
  for (const f of kept) {
    if (out.length > 0 && out[out.length - 1]!.end > f.start) continue; // overlapping: keep the first
    out.push({
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      value: f.value,
      kind: f.kind,
      unit: f.unit,
      counted: f.counted ? f.counted.text : null,
      countedKey: f.counted ? countedKeyOf(f.counted.text) : null,
    });
  }
  return out;
}
