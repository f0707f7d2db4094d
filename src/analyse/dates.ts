/**
 * Dates and times in an article, normalised to ISO at the grain the text gives.
 *
 * - chrono-node's strict English parser, run sentence by sentence (so a number in the next sentence is
 *   never read as an hour), with the publication day (noon UTC) as reference and `forwardDate: false`.
 *   A leading "on/at/by/in/the/of" is trimmed from the span. Relative expressions chrono resolves from
 *   the reference ("two years ago", "in 3 days") are skipped: they are durations, not dates.
 * - Rules (date-rules.ts) for what strict mode leaves: weekday names and yesterday/today/tomorrow/
 *   tonight/last night (only when the publication date is known; weekday rule: the day of that name
 *   within ±3 days of publication, "last X" 1–7 days before, "next X" 1–7 days after, "until/by X" 0–6 days after,
 *   "since X" 0–6 days before), "November 2026"
 *   (month), a month name after a preposition ("in March", "since September"; month grain, the year
 *   that puts it closest to publication, "last March"/"next March" the one before/after the publication
 *   month), bare years after a preposition or before punctuation ("in 1952", "since 1952") or naming an occasion
 *   ("the 2024 elections"), and both years of a range ("the 2025-26 season": 2025 and 2026) (year).
 * - A numeric date written with dots and a four-digit year ("12.03.2026") is day first (chrono reads it month first).
 * - A day-month without a year gets the year that puts it closest to the publication day (chrono's rule:
 *   "November 30" published 2025-12-01 → 2025-11-30; "Jan 3" published 2026-11-17 → 2027-01-03).
 *
 * ISO forms: `2026-11-30` (day), `2026-11` (month), `1952` (year), `2026-11-30T18:00` (time, as the
 * clock is written; a time-zone in the text is not applied). `inferred` is true when the year (or, for
 * weekdays and relative words, the whole day) came from the publication date. Without a publication
 * date a day or month with no year is written in the ISO 8601 truncated form `--11-30` / `--11` with
 * `inferred: false`. A time with no day ("shortly after 5 a.m.") is skipped; one next to a weekday or a relative day
 * word ("at 9 a.m. on Monday", "tonight at 8 p.m.") is a time of that day (date-rules.ts), the day word a date of its own.
 */
import * as chrono from 'chrono-node';
import type { DateGrain, DateMention, Sentence } from '../types.js';
import { sentenceIndexAt } from '../text/spans.js';
import { closestYear, pad, parsePublished, ruleDates, type Ymd } from './date-rules.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { daysInMonth } from '../text/calendar.js';

/** Fixed reference when the publication date is unknown (only used for parsing; years it implies are dropped). */
const NO_REF = new Date(Date.UTC(2000, 0, 1, 12));
const LEADING_WORDS = /^(?:(?:on|at|by|in|the|of|from|since|until|till|before|after|during)\s+)+/i;

interface Segment {
  start: number;
  end: number;
}

/** Sentence spans, or a rough split at line breaks and sentence ends when none are given. */
function segments(text: string, sentences: readonly Sentence[]): Segment[] {
  if (sentences.length > 0) return sentences.map((s) => ({ start: s.start, end: s.end }));
  const out: Segment[] = [];
  const re = /[^\n]+/g;
  for (const line of text.matchAll(re)) {
    let s = line.index;
    const lineEnd = line.index + line[0].length;
    const ends = /[.!?]["”’)]*\s+(?=[\p{Lu}“"‘(\d])/gu;
    for (const m of line[0].matchAll(ends)) {
      if (/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|[A-Z])\.$/.test(line[0].slice(0, m.index + 1))) continue;
      const e = line.index + m.index + m[0].trimEnd().length;
      out.push({ start: s, end: e });
      s = line.index + m.index + m[0].length;
    }
    out.push({ start: s, end: lineEnd });
  }
  return out;
}

function isRelative(r: chrono.ParsedResult): boolean {
  for (const tag of r.tags()) {
    if (/relative|TimeUnit|Casual/i.test(tag)) return true;
  }
  return /\b(?:ago|later|earlier|from now|hence|within)\b/i.test(r.text);
}

/**
 * The value of a date chrono found: ISO at the grain the text gives (a time needs a day; a day needs a month), the
 * year filled in from the reference (closest to it) when the text has none, `--MM-DD` / `--MM` without a reference.
 * Null for a time or weekday alone, and for a day without a month. Shared by every language's date reader.
 */
export function chronoDateValue(c: chrono.ParsedComponents, ref: Ymd | null): { iso: string; grain: DateGrain; inferred: boolean } | null {
  const hasDay = c.isCertain('day');
  const hasMonth = c.isCertain('month');
  const hasYear = c.isCertain('year');
  const hasHour = c.isCertain('hour');
  if (!hasDay && !hasMonth && !hasYear) return null; // a time alone, or a weekday alone (rules handle those)
  if (hasDay && !hasMonth) return null;
  const month = c.get('month');
  const day = c.get('day');
  if (month === null || day === null) return null;

  let year: number | null;
  let inferred = false;
  if (hasYear) year = c.get('year');
  else if (ref) {
    year = closestYear(ref, month, hasDay ? day : 15);
    inferred = true;
  } else year = null;

  let grain: DateGrain;
  let iso: string;
  const y = year === null ? '-' : pad(year, 4);
  if (hasDay && hasHour) {
    grain = 'time';
    iso = `${y}-${pad(month)}-${pad(day)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
  } else if (hasDay) {
    grain = 'day';
    iso = `${y}-${pad(month)}-${pad(day)}`;
  } else if (hasMonth) {
    grain = 'month';
    iso = `${y}-${pad(month)}`;
  } else {
    if (year === null) return null;
    grain = 'year';
    iso = pad(year, 4);
  }
  return { iso, grain, inferred };
}

function fromChrono(r: chrono.ParsedResult, segStart: number, ref: Ymd | null): Omit<DateMention, 'sentence'> | null {
  const value = chronoDateValue(r.start, ref);
  if (!value) return null;
  const { iso, grain, inferred } = value;

  let start = segStart + r.index;
  let textPart = r.text;
  const lead = LEADING_WORDS.exec(textPart);
  if (lead && lead[0].length < textPart.length) {
    start += lead[0].length;
    textPart = textPart.slice(lead[0].length);
  }
  const trailing = /[\s,]+$/.exec(textPart);
  if (trailing) textPart = textPart.slice(0, textPart.length - trailing[0].length);
  return { start, end: start + textPart.length, text: textPart, iso: dottedDayFirst(textPart, iso) ?? iso, grain, inferred };
}

/**
 * A date written with dots and a four-digit year ("12.03.2026", "12.03.2026 10:00") is day first wherever dots are
 * the custom (Europe, Russia: the wires these sites rewrite), while chrono's English parser reads it month first (3
 * December). `iso` is chrono's value: the day-first one instead (a time chrono read is kept), or null for any other
 * text, and when the middle number cannot be a month ("03.25.2026", read month first as chrono does).
 */
function dottedDayFirst(text: string, iso: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(text);
  if (!m) return null;
  const d = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || d < 1 || d > daysInMonth(Number(m[3]), month)) return null;
  const time = /T\d{2}:\d{2}$/.exec(iso)?.[0] ?? '';
  return `${m[3]}-${pad(month)}-${pad(d)}${time}`;
}

type LocalDate = Omit<DateMention, 'sentence'>;

/** A day or month range's first and last parts: "March 10" | " to " | "March 14", "10" | "-" | "14 March 2026". */
const RANGE_PARTS = /^(.*?[^\s\-–—])(\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*)(\S.*)$/u;

/**
 * A range chrono read as one result ("March 10 to March 14", "March 10-14", "10-14 March 2026") is two dates, each
 * on its own words: "closed from March 10 to March 14" and "closed from March 10 to March 18" then differ on the last
 * day instead of agreeing on the first. The last day takes its year by the same rule as any date (so "Dec. 30 to
 * Jan. 2" ends in the next year). Anything else, or a last part of another grain, stays one date.
 */
function splitRange(r: chrono.ParsedResult, d: LocalDate, ref: Ymd | null): LocalDate[] {
  if (!r.end || (d.grain !== 'day' && d.grain !== 'month')) return [d];
  const parts = RANGE_PARTS.exec(d.text);
  const last = chronoDateValue(r.end, ref);
  if (!parts || !last || last.grain !== d.grain) return [d];
  const [, first, between, rest] = parts as unknown as [string, string, string, string];
  const lastStart = d.start + first.length + between.length;
  return [
    { ...d, end: d.start + first.length, text: first },
    { start: lastStart, end: lastStart + rest.length, text: rest, iso: last.iso, grain: last.grain, inferred: last.inferred },
  ];
}

/** chrono's dates of one segment (offsets relative to it), by segment text, then by reference day. */
const chronoCache = new BoundedCache<Map<string, LocalDate[]>>(8192);
/** Reference days kept per segment text (copies of one story are published within days). */
const DAYS_PER_TEXT = 8;

/** chrono's dates in one segment, offsets relative to it: a pure function of the text and the reference day. */
function chronoDates(segText: string, ref: Ymd | null, refDate: Date): LocalDate[] {
  const day = ref ? `${ref.y}-${ref.m}-${ref.d}` : '';
  let byDay = chronoCache.get(segText);
  const hit = byDay?.get(day);
  if (hit) return hit;
  const found: LocalDate[] = [];
  if (/\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/i.test(segText)) {
    for (const r of chrono.strict.parse(segText, refDate, { forwardDate: false })) {
      // "24/7", "9/11", "3/4 of": a day and month written with a slash and no year is more often not a date at all.
      if (isRelative(r) || /^\d{1,2}\/\d{1,2}$/.test(r.text)) continue;
      const d = fromChrono(r, 0, ref);
      if (d && d.end > d.start && !found.some((f) => f.start < d.end && d.start < f.end)) found.push(...splitRange(r, d, ref));
    }
  }
  if (!byDay) chronoCache.set(segText, (byDay = new Map()));
  // The oldest day goes first (a Map keeps insertion order).
  if (byDay.size >= DAYS_PER_TEXT) byDay.delete(byDay.keys().next().value!);
  byDay.set(day, found);
  return found;
}

export function extractDates(text: string, sentences: Sentence[], published: string | null): DateMention[] {
  const ref = parsePublished(published);
  const refDate = ref ? new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)) : NO_REF;
  const found: LocalDate[] = [];

  // Segments do not overlap, so a segment's dates never overlap another's.
  for (const seg of segments(text, sentences)) {
    for (const d of chronoDates(text.slice(seg.start, seg.end), ref, refDate)) found.push({ ...d, start: d.start + seg.start, end: d.end + seg.start });
  }

  const taken: [number, number][] = found.map((f) => [f.start, f.end]);
  for (const r of ruleDates({ text, ref, taken })) {
    found.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), iso: r.iso, grain: r.grain, inferred: r.inferred });
  }

  found.sort((a, b) => a.start - b.start || a.end - b.end);
  return found.map((f) => ({ ...f, sentence: sentenceIndexAt(sentences, f.start) }));
}
