/**
 * Publication dates to ISO-8601.
 *
 * - ISO dates and date-times (`2026-11-17`, `2026-11-17T09:30`, `2026-11-17T09:30:00.5+01:00`, `…Z`) are
 *   kept as given (a space between date and time becomes `T`; nothing else changes), after checking that
 *   the fields are in range.
 * - Other forms are converted only when unambiguous: a date-time with an explicit zone (RFC 2822
 *   `Tue, 17 Nov 2026 09:30:00 GMT`, ISO with a `+0100` offset) → UTC `YYYY-MM-DDTHH:MM:SSZ`; a date with
 *   a month name (`17 November 2026`, `Nov 17, 2026`) → `YYYY-MM-DD`; a numeric `d/m/y` only when one part
 *   is over 12; compact `YYYYMMDD` → `YYYY-MM-DD`.
 * - Anything else (including a month-name date with a clock time but no zone) → null. A bad value never
 *   drops the article: `published` is null, and where a user or a feed gave the value (JSONL, front matter, feed
 *   dates) the article is read with a note that names it (`readPublished`), so the value is not lost without a word.
 *   (HTML pages are read from many candidate places, any of which may hold other text: no note there.)
 */
import { daysInMonth } from '../text/calendar.js';
import { lookupTable } from '../text/lookup-table.js';

const MONTHS = lookupTable<number>({
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function validTime(h: number, min: number, s: number): boolean {
  return h <= 23 && min <= 59 && s <= 60;
}

function monthOf(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

function zoneOffsetMinutes(zone: string): number | null {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'GMT' || z === 'UTC' || z === 'UT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -mins : mins;
}

function utcIso(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): string {
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000;
  return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

export function normalisePublished(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (v === '') return null;

  // ISO date, optionally with time and zone.
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) return null;
    if (m[4] === undefined) return v;
    const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (!validTime(h, mi, s)) return null;
    const zone = m[8];
    if (zone !== undefined && /^[+-]\d{2}$/.test(zone)) return v.replace(' ', 'T') + ':00';
    if (zone !== undefined && /^[+-]\d{4}$/.test(zone)) return utcIso(y, mo, d, h, mi, s, zoneOffsetMinutes(zone) ?? 0);
    return v.replace(' ', 'T').replace(/z$/, 'Z');
  }

  // Compact YYYYMMDD.
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }

  // RFC 2822 and similar: [Tue,] 17 Nov 2026 09:30[:00] GMT|+0100
  m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9}\.?)\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|GMT|UTC|UT|[+-]\d{2}:?\d{2})$/i.exec(v);
  if (m) {
    const mo = monthOf(m[2]!);
    const [d, y, h, mi, s] = [Number(m[1]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    const off = zoneOffsetMinutes(m[7]!);
    if (mo === undefined || off === null || !validDate(y, mo, d) || !validTime(h, mi, s)) return null;
    return utcIso(y, mo, d, h, mi, s, off);
  }

  // Month-name dates without time: 17 November 2026 / November 17, 2026 / Tuesday, 17 Nov. 2026
  m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})$/i.exec(v);
  let parts: [number, string, number] | null = m ? [Number(m[1]), m[2]!, Number(m[3])] : null;
  if (!parts) {
    m = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(v);
    if (m) parts = [Number(m[2]), m[1]!, Number(m[3])];
  }
  if (parts) {
    const [d, name, y] = parts;
    const mo = monthOf(name);
    return mo !== undefined && validDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }

  // Numeric d/m/y or m/d/y: only when one of the first two parts is over 12.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    let d: number;
    let mo: number;
    if (a > 12 && b <= 12) [d, mo] = [a, b];
    else if (b > 12 && a <= 12) [d, mo] = [b, a];
    else return null;
    return validDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}

/**
 * A `published` field as given: its ISO form, and `unread`, the value as given (quoted, cut to 80 characters) when
 * it was given but is not a date this module reads (else null: absent, blank, or read). The readers mark an article
 * with `unread` (./problem.ts `markUnreadDate`) so that a note names the value.
 */
export function readPublished(value: unknown): { published: string | null; unread: string | null } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { published: null, unread: null };
  const published = typeof value === 'string' ? normalisePublished(value) : null;
  if (published !== null) return { published, unread: null };
  return { published: null, unread: shownValue(value) };
}

/** A given value as a note shows it: quoted and cut to 80 characters, or marked when it is not a string. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return `${JSON.stringify(value)?.slice(0, 80) ?? typeof value} (not a string)`;
}
