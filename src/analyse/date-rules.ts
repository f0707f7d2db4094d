/**
 * Calendar arithmetic and the date patterns chrono's strict mode does not cover: weekdays, relative day
 * words, bare years, month + year, and a month after a preposition. All pure; dates are {y, m, d} in the
 * proleptic Gregorian calendar (UTC arithmetic, no time zones).
 */
import { lookupTable } from '../text/lookup-table.js';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const MONTHS = lookupTable<number>({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
});

export const WEEKDAYS = lookupTable<number>({
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
});

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The last year ISO 8601 writes with four digits: a day or year inferred past it (from a publication date in 9999) is not reported. */
const LAST_YEAR = 9999;

/** A day as ISO `YYYY-MM-DD`; null past year 9999 (a day inferred from a publication date at the end of 9999). */
export function isoDay(d: Ymd): string | null {
  return d.y >= 0 && d.y <= LAST_YEAR ? `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}` : null;
}

function toUtc(d: Ymd): number {
  return Date.UTC(d.y, d.m - 1, d.d, 12);
}

function fromUtc(ms: number): Ymd {
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(d: Ymd, n: number): Ymd {
  return fromUtc(toUtc(d) + n * 86_400_000);
}

export function weekdayOf(d: Ymd): number {
  return new Date(toUtc(d)).getUTCDay();
}

/**
 * The publication date's calendar day as written (the date part of an ISO string, no time-zone
 * conversion: "2026-11-17T23:30:00-05:00" is 17 November). Null when absent or unreadable.
 */
export function parsePublished(published: string | null): Ymd | null {
  if (!published) return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (m) {
    const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    if (d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= 31) return d;
    return null;
  }
  const ms = Date.parse(published);
  if (Number.isNaN(ms)) return null;
  return fromUtc(ms);
}

/**
 * A weekday name relative to the publication day. Rule (documented for users):
 * - plain ("on Tuesday", "Tuesday morning"): the day with that name within ±3 days of publication
 *   (exactly one such day exists; news mostly reports the last few days or announces the next few);
 * - "last Tuesday": the most recent such day strictly before publication (1–7 days back);
 * - "next Tuesday": the first such day strictly after publication (1–7 days ahead);
 * - "this Tuesday": as plain;
 * - after "until", "till" or "by" (qualifier `ahead`): the first such day on or after publication (0–6 days ahead);
 *   after "since" (`behind`): the last such day on or before it (0–6 days back). See `weekdayDirection`.
 */
export function resolveWeekday(ref: Ymd, weekday: number, qualifier: string | null): Ymd {
  const refDay = weekdayOf(ref);
  if (qualifier === 'last') {
    let diff = (refDay - weekday + 7) % 7;
    if (diff === 0) diff = 7;
    return addDays(ref, -diff);
  }
  if (qualifier === 'next') {
    let diff = (weekday - refDay + 7) % 7;
    if (diff === 0) diff = 7;
    return addDays(ref, diff);
  }
  let diff = (weekday - refDay + 7) % 7; // 0..6 days ahead
  if (qualifier === 'ahead') return addDays(ref, diff);
  if (qualifier === 'behind') return addDays(ref, diff === 0 ? 0 : diff - 7);
  if (diff > 3) diff -= 7; // → -3..3
  return addDays(ref, diff);
}

/**
 * The way a preposition before a weekday looks from the publication day: "closed until Monday", "by Friday" look ahead
 * (published on a Tuesday, "until Monday" is in six days, not yesterday), "since Monday" looks back; null otherwise.
 */
export function weekdayDirection(before: string): 'ahead' | 'behind' | null {
  const word = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase();
  return word === 'until' || word === 'till' || word === 'by' ? 'ahead' : word === 'since' ? 'behind' : null;
}

/** The year that puts month (and day) closest to the reference day (as chrono does). */
export function closestYear(ref: Ymd, month: number, day: number): number {
  let best = ref.y;
  let bestDist = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (y < 0 || y > LAST_YEAR) continue;
    const dist = Math.abs(toUtc({ y, m: month, d: day }) - toUtc(ref));
    if (dist < bestDist) {
      bestDist = dist;
      best = y;
    }
  }
  return best;
}

export interface RuleDate {
  start: number;
  end: number;
  iso: string;
  grain: 'year' | 'month' | 'day' | 'time';
  inferred: boolean;
}

const WEEKDAY_RE = /\b(?:([Ll]ast|[Nn]ext|[Tt]his)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]?s\b)/g;
const RELATIVE_RE = /\b(yesterday|today|tomorrow|tonight|last night)\b/gi;
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const MONTH_YEAR_RE = new RegExp(`\\b(${MONTH_NAMES})\\.?,?\\s+((?:1[0-9]|20)[0-9]{2})\\b(?![,.]?\\d)`, 'g');
const FULL_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_PREPS = ['in', 'since', 'until', 'till', 'by', 'from', 'during', 'through', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'before', 'after']
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|');
const PREP_MONTH_RE = new RegExp(`\\b(?:${MONTH_PREPS})[\\s-]+(${FULL_MONTHS})\\b(?!\\.?,?\\s*\\d)`, 'g');
const YEAR_RE = /\b(1[0-9]{3}|20[0-9]{2}|2100)\b/g;
const YEAR_PREPS = new Set([
  'in', 'since', 'from', 'until', 'till', 'by', 'before', 'after', 'during', 'of', 'between', 'and', 'to',
  'around', 'circa', 'year', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter', 'through',
  'throughout', 'as', 'or',
]);
/** Words before a year that modifies a noun ("the 2024 elections", "its 2026 budget"). */
const YEAR_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);
/**
 * Nouns a year names the occasion of ("the 2024 elections", "the 2025 season"): after a determiner and a year they
 * make it a year, not a count of them ("the 2,000 workers" and "the 1500 troops" stay counts).
 */
const YEAR_EVENT_NOUNS: ReadonlySet<string> = new Set([
    'election', 'elections', 'midterm', 'midterms', 'vote', 'referendum', 'census', 'budget', 'season', 'campaign',
    'championship', 'championships', 'tournament', 'olympics', 'games', 'edition', 'summit', 'war', 'invasion', 'crisis',
    'pandemic', 'earthquake', 'flood', 'floods', 'hurricane', 'wildfire', 'wildfires', 'drought', 'coup', 'uprising',
    'revolution', 'protests', 'riots', 'attack', 'attacks', 'law', 'treaty', 'accord', 'agreement', 'report', 'survey',
    'harvest', 'vintage', 'model', 'race', 'final', 'finals', 'visit', 'fiscal',
]);
/** A year range ("the 2025-26 season", "fiscal 2024/25", "in 2020–2022"): the first year, a dash or slash, the last year in two or four digits. */
const YEAR_RANGE_RE = /\b(1[0-9]{3}|20[0-9]{2})[-–/](20[0-9]{2}|1[0-9]{3}|[0-9]{2})\b/g;
/** Words that may follow a year without making it a count ("in 1952 the river ..."). */
const NOT_COUNTED_AFTER = /^(?:was|has|is|as|its|this|his|us|thus|always|plus|across|unless|whereas|does|goes|says)$/;

export interface RuleContext {
  text: string;
  ref: Ymd | null;
  /** Spans already taken (chrono results); rule matches overlapping them are dropped. */
  taken: [number, number][];
}

function overlaps(taken: readonly [number, number][], s: number, e: number): boolean {
  return taken.some(([a, b]) => s < b && a < e);
}

function push(out: RuleDate[], ctx: RuleContext, d: RuleDate): void {
  if (overlaps(ctx.taken, d.start, d.end)) return;
  out.push(d);
  ctx.taken.push([d.start, d.end]);
}

/** Weekday names and relative day words (only with a publication date). */
function relativeDays(ctx: RuleContext, out: RuleDate[]): void {
  const { text, ref } = ctx;
  if (!ref) return;
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const qualifier = m[1]?.toLowerCase() ?? weekdayDirection(text.slice(Math.max(0, m.index - 8), m.index));
    const iso = isoDay(resolveWeekday(ref, WEEKDAYS[m[2]!.toLowerCase()]!, qualifier));
    if (iso) pushDay(out, ctx, m.index, m.index + m[0].length, iso);
  }
  for (const m of text.matchAll(RELATIVE_RE)) {
    const w = m[1]!.toLowerCase();
    const offset = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
    const iso = isoDay(addDays(ref, offset));
    if (iso) pushDay(out, ctx, m.index, m.index + m[0].length, iso);
  }
}

/**
 * A clock time written next to a day word, by language: English "at 9 a.m. on Monday" / "Monday at 11:30 p.m." (a
 * 12-hour clock with a.m. or p.m.), Russian "в 9:00 в понедельник" / "в понедельник в 21:40", French "à 9 h lundi" /
 * "lundi à 21h40" (24-hour clocks). `clock` is the clock's own words; `half` the a.m./p.m. letter of a 12-hour clock.
 */
const CLOCKS: Readonly<Record<'en' | 'ru' | 'fr', { before: RegExp; after: RegExp }>> = {
  en: {
    before: /\b(?<clock>(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<half>[ap])(?:\.\s?m\.|m\b))\s+(?:on\s+)?$/i,
    after: /^,?\s+at\s+(?<clock>(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<half>[ap])(?:\.\s?m\.|m\b))/i,
  },
  ru: {
    before: /(?<![\p{L}\p{N}])[вВ]\s+(?<clock>(?<h>\d{1,2})[:.](?<m>\d{2}))\s+(?:[вВ]о?\s+)?$/u,
    after: /^,?\s+в\s+(?<clock>(?<h>\d{1,2})[:.](?<m>\d{2}))(?!\d)/u,
  },
  fr: {
    before: /(?<![\p{L}\p{N}])[àÀ]\s+(?<clock>(?<h>\d{1,2})\s?h\s?(?<m>\d{2})?)\s+(?:le\s+)?$/u,
    after: /^,?\s+à\s+(?<clock>(?<h>\d{1,2})\s?h\s?(?<m>\d{2})?)(?![\p{L}\d])/u,
  },
};

/**
 * The clock time written next to the day word at [start, end) in `language`, as its words' span and "HH:MM"; null when
 * there is none (or it is no time: an hour past 12 on a 12-hour clock, past 23 on a 24-hour one): strict chrono reads a
 * clock with a day only when the day has a date.
 */
function clockBeside(text: string, start: number, end: number, language: 'en' | 'ru' | 'fr'): { start: number; end: number; time: string } | null {
  const rule = CLOCKS[language];
  const from = Math.max(0, start - 24);
  const before = rule.before.exec(text.slice(from, start));
  const m = before ?? rule.after.exec(text.slice(end, end + 24));
  if (!m) return null;
  const g = m.groups as { clock: string; h: string; m?: string; half?: string };
  const at = (before ? from : end) + m.index + m[0].indexOf(g.clock);
  const time = clockIso(g.h, g.m, g.half);
  return time ? { start: at, end: at + g.clock.length, time } : null;
}

/**
 * A day word's date (inferred from the publication day), and the clock time written next to it as its own date of
 * `time` grain on the clock's words ("at 9 a.m. on Monday", "в понедельник в 21:40"). The day stays a date of its own,
 * so a day is still compared with a day ("on Monday" / "on Tuesday") and a time with a time. Shared by every
 * language's rules.
 */
export function dayAndClock(text: string, start: number, end: number, iso: string, language: 'en' | 'ru' | 'fr'): RuleDate[] {
  const out: RuleDate[] = [{ start, end, iso, grain: 'day', inferred: true }];
  const clock = clockBeside(text, start, end, language);
  if (clock) out.push({ start: clock.start, end: clock.end, iso: `${iso}T${clock.time}`, grain: 'time', inferred: true });
  return out;
}

/** The date of a day word and of its clock time (`dayAndClock`), each where no earlier finding is. */
function pushDay(out: RuleDate[], ctx: RuleContext, start: number, end: number, iso: string): void {
  for (const d of dayAndClock(ctx.text, start, end, iso, 'en')) push(out, ctx, d);
}

/** "HH:MM" of a clock reading (12-hour with `half`, else 24-hour), or null when it is no time. */
function clockIso(hour: string, minutes: string | undefined, half: string | undefined): string | null {
  const h = Number(hour);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (m > 59 || (half ? h < 1 || h > 12 : h > 23)) return null;
  const h24 = half ? (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0) : h;
  return `${pad(h24)}:${pad(m)}`;
}

/** "November 2026" (month grain). */
function monthYears(ctx: RuleContext, out: RuleDate[]): void {
  for (const m of ctx.text.matchAll(MONTH_YEAR_RE)) {
    // "3 March 2024" and "March 3, 2024" are chrono's; a day number right before means we are inside one.
    const before = ctx.text.slice(Math.max(0, m.index - 4), m.index);
    if (/\d\s*$/.test(before) || /\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const month = MONTHS[m[1]!.toLowerCase()]!;
    push(out, ctx, { start: m.index, end: m.index + m[0].length, iso: `${m[2]}-${pad(month)}`, grain: 'month', inferred: false });
  }
}

/** "in March", "since September" (month grain; year from the publication date, else "--MM"). */
function prepositionMonths(ctx: RuleContext, out: RuleDate[]): void {
  for (const m of ctx.text.matchAll(PREP_MONTH_RE)) {
    const name = m[1]!;
    const start = m.index + m[0].length - name.length;
    const month = MONTHS[name.toLowerCase()]!;
    if (ctx.ref) {
      const qualifier = /^(last|next)\b/i.exec(m[0])?.[1]?.toLowerCase();
      let y = closestYear(ctx.ref, month, 15);
      if (qualifier === 'last') y = month < ctx.ref.m ? ctx.ref.y : ctx.ref.y - 1;
      if (qualifier === 'next') y = month > ctx.ref.m ? ctx.ref.y : ctx.ref.y + 1;
      push(out, ctx, { start, end: start + name.length, iso: `${pad(y, 4)}-${pad(month)}`, grain: 'month', inferred: true });
    } else {
      push(out, ctx, { start, end: start + name.length, iso: `--${pad(month)}`, grain: 'month', inferred: false });
    }
  }
}

/**
 * The years of the year ranges in `text` ("2025-26", "2024/25", "2020–2022"): both years of each (the second in full:
 * "26" is 2026), in text order. A two-digit end is read only within ten years of the start (so "2026-03", a year and
 * month, is not a range; "2011-12" is read as the season, the form news prose uses). A range that overlaps a span
 * of `taken` (a date found already) is left out. Written the same way in English, Russian ("в 2025-2026 годах") and
 * French ("la saison 2025-2026"): the rules of all three use it.
 */
export function yearRangeYears(text: string, taken: readonly [number, number][]): RuleDate[] {
  const out: RuleDate[] = [];
  for (const m of text.matchAll(YEAR_RANGE_RE)) {
    const s = m.index;
    const e = s + m[0].length;
    if (/[\d,.$€£₽%/:-]/.test(text[s - 1] ?? ' ') || /[\d%/:–-]/.test(text[e] ?? ' ') || (/[.,]/.test(text[e] ?? '') && /\d/.test(text[e + 1] ?? ''))) continue;
    const first = Number(m[1]);
    const last = m[2]!;
    let end = Number(last);
    if (last.length === 2) {
      end += first - (first % 100);
      if (end <= first) end += 100;
      if (end - first > 10) continue;
    } else if (end <= first || end - first > 100) continue;
    if (overlaps(taken, s, e)) continue;
    out.push({ start: s, end: s + 4, iso: m[1]!, grain: 'year', inferred: false });
    out.push({ start: e - last.length, end: e, iso: pad(end, 4), grain: 'year', inferred: false });
  }
  return out;
}

/** Both years of each year range (`yearRangeYears`). */
function yearRanges(ctx: RuleContext, out: RuleDate[]): void {
  for (const year of yearRangeYears(ctx.text, ctx.taken)) push(out, ctx, year);
}

/** A bare year after a preposition ("in 1952", "since 1952") or before punctuation. */
function years(ctx: RuleContext, out: RuleDate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(YEAR_RE)) {
    const s = m.index;
    const e = s + m[0].length;
    const prevChar = text[s - 1] ?? ' ';
    const nextChar = text[e] ?? ' ';
    if (/[\d,.$€£%/:-]/.test(prevChar) || /[\d%/:]/.test(nextChar) || (/[.,]/.test(nextChar) && /\d/.test(text[e + 1] ?? ''))) continue;
    const prevWord = /([\p{L}.]+)[\s-]+$/u.exec(text.slice(Math.max(0, s - 16), s))?.[1]?.toLowerCase().replace(/\.$/, '') ?? '';
    const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(e, e + 24))?.[1] ?? '';
    const afterPunct = /^(?:\s*[,.;:)!?”"’]|\s*$)/.test(text.slice(e, e + 3));
    if (YEAR_DETERMINERS.has(prevWord) && YEAR_EVENT_NOUNS.has(nextWord.toLowerCase()) && Number(m[0]) >= 1900) {
      push(out, ctx, { start: s, end: e, iso: m[0], grain: 'year', inferred: false });
      continue;
    }
    const countedAfter = /^\p{Ll}/u.test(nextWord) && /s$/.test(nextWord) && !NOT_COUNTED_AFTER.test(nextWord);
    if (countedAfter) continue;
    if (YEAR_PREPS.has(prevWord) || (afterPunct && Number(m[0]) >= 1900 && prevWord !== '')) {
      push(out, ctx, { start: s, end: e, iso: m[0], grain: 'year', inferred: false });
    }
  }
}

/** All rule-based dates not overlapping `ctx.taken`, in no particular order. */
export function ruleDates(ctx: RuleContext): RuleDate[] {
  const out: RuleDate[] = [];
  monthYears(ctx, out);
  relativeDays(ctx, out);
  prepositionMonths(ctx, out);
  yearRanges(ctx, out);
  years(ctx, out);
  return out;
}
