/**
 * Russian dates chrono's strict parser leaves (see analyse/foreign.ts for the chrono part): weekdays and
 * сегодня/вчера/завтра (only with a publication date; the weekday rule of date-rules.ts: within ±3 days, "в
 * прошлый понедельник" 1–7 days before, "в следующий" 1–7 after), month + year ("в ноябре 2026 года", month grain),
 * a month after a preposition ("в ноябре", "с ноября", "в конце ноября"; the year closest to publication,
 * inferred), a bare year after a preposition or before a year word ("в 2024 году", "с 2020", "2019 г."), and both
 * years of a range ("в 2025-2026 годах", date-rules.ts `yearRangeYears`); a clock time next to a day word ("в понедельник в
 * 21:40") is a time of that day (date-rules.ts `dayAndClock`).
 */
import * as chrono from 'chrono-node';
import { ruleDateCollector, type DateRules, type RuleDateFound } from '../../analyse/foreign.js';
import { addDays, closestYear, isoDay, pad, resolveWeekday, yearRangeYears, type Ymd } from '../../analyse/date-rules.js';

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

/** Month stems with every case ending: январь, января, январе, январю, январём. */
const MONTH = '(январ[ьяеюё]м?|феврал[ьяеюё]м?|март[аеу]?м?|апрел[ьяеюё]м?|ма[йяеюё]м?|июн[ьяеюё]м?|июл[ьяеюё]м?|август[аеу]?м?|сентябр[ьяеюё]м?|октябр[ьяеюё]м?|ноябр[ьяеюё]м?|декабр[ьяеюё]м?)';
const MONTH_PREFIX: readonly string[] = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  // "ма" is a prefix of no other month; check the longer stems first.
  for (let i = 0; i < MONTH_PREFIX.length; i++) if (i !== 4 && w.startsWith(MONTH_PREFIX[i]!)) return i + 1;
  return 5;
}

const WEEKDAYS: Record<string, number> = {
  воскресенье: 0, понедельник: 1, вторник: 2, среду: 3, среда: 3, четверг: 4, пятницу: 5, пятница: 5, субботу: 6, суббота: 6,
};
const WEEKDAY_RE = new RegExp(`${L}(?:(прошл\\p{L}*|следующ\\p{L}*|эт\\p{L}*)\\s+)?(воскресенье|понедельник|вторник|сред[уа]|четверг|пятниц[уа]|суббот[уа])${R}`, 'giu');
const RELATIVE_RE = new RegExp(`${L}(позавчера|вчера|сегодня|завтра|послезавтра)${R}`, 'giu');
const RELATIVE_OFFSET: Record<string, number> = { позавчера: -2, вчера: -1, сегодня: 0, завтра: 1, послезавтра: 2 };
const MONTH_YEAR_RE = new RegExp(`${L}${MONTH}\\s+((?:1[0-9]|20)[0-9]{2})(?:\\s*(?:года|году|год|г\\.))?${R}`, 'giu');
const PREP_MONTH_RE = new RegExp(`${L}(?:в|во|с|со|до|к|после|начале|конце|середине|течение|прошлом|следующем|этом)\\s+${MONTH}${R}(?!\\s*(?:\\d|года))`, 'giu');
const YEAR_RE = new RegExp(`${L}(?:(в|во|с|со|до|к|по|от|после|около|начиная\\s+с)\\s+)?((?:1[0-9]|20)[0-9]{2})(\\s*(?:году|года|год|гг?\\.|-м|-го|-й))?${R}`, 'giu');

export function ruleDatesRu(text: string, ref: Ymd | null, taken: [number, number][]): RuleDateFound[] {
  const { out, push, pushDay } = ruleDateCollector(taken, text, 'ru');
  for (const m of text.matchAll(MONTH_YEAR_RE)) {
    if (/\d\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue; // "30 ноября 2026" is chrono's
    push({ start: m.index, end: m.index + m[0].length, iso: `${m[2]}-${pad(monthNumber(m[1]!))}`, grain: 'month', inferred: false });
  }
  if (ref) {
    for (const m of text.matchAll(WEEKDAY_RE)) {
      const q = m[1]?.toLowerCase() ?? '';
      const qualifier = q.startsWith('прошл') ? 'last' : q.startsWith('следующ') ? 'next' : null;
      const iso = isoDay(resolveWeekday(ref, WEEKDAYS[m[2]!.toLowerCase()]!, qualifier));
      if (iso) pushDay(m.index, m.index + m[0].length, iso);
    }
    for (const m of text.matchAll(RELATIVE_RE)) {
      const iso = isoDay(addDays(ref, RELATIVE_OFFSET[m[1]!.toLowerCase()]!));
      if (iso) pushDay(m.index, m.index + m[0].length, iso);
    }
  }
  for (const m of text.matchAll(PREP_MONTH_RE)) {
    const word = m[1]!;
    const start = m.index + m[0].length - word.length;
    const month = monthNumber(word);
    if (ref) push({ start, end: start + word.length, iso: `${pad(closestYear(ref, month, 15), 4)}-${pad(month)}`, grain: 'month', inferred: true });
    else push({ start, end: start + word.length, iso: `--${pad(month)}`, grain: 'month', inferred: false });
  }
  for (const year of yearRangeYears(text, taken)) push(year);
  for (const m of text.matchAll(YEAR_RE)) {
    if (!m[1] && !m[3]) continue;
    const prev = text[m.index - 1] ?? ' ';
    if (/[\d,.$€₽%/:-]/.test(prev)) continue;
    const start = m.index + m[0].length - m[2]!.length - (m[3]?.length ?? 0);
    push({ start, end: start + m[2]!.length, iso: m[2]!, grain: 'year', inferred: false });
  }
  return out;
}

export const RU_DATES: DateRules = {
  parser: chrono.ru.strict,
  leading: /^(?:(?:в|во|с|со|до|к|на|от|по|около|утром|вечером|днем|днём|ночью)\s+)+/i,
  mayHoldDate: /\d/,
  ruleDates: ruleDatesRu,
};
