/**
 * French dates chrono's strict parser leaves (the chrono part is in analyse/foreign.ts): weekdays ("lundi",
 * "lundi dernier", "lundi prochain") and aujourd'hui/hier/demain/avant-hier/après-demain (only with a publication
 * date; the weekday rule of date-rules.ts), month + year ("novembre 2026", month grain), a month after a
 * preposition ("en novembre", "depuis mars", "fin novembre", "mi-novembre"; the year closest to publication,
 * inferred), a bare year after a preposition ("en 2024", "depuis 2020", "de 2020 à 2024") and both years of a range
 * ("la saison 2025-2026", date-rules.ts `yearRangeYears`); a clock time next to a day word ("lundi à 21h40") is a time
 * of that day (date-rules.ts `dayAndClock`).
 */
import * as chrono from 'chrono-node';
import { ruleDateCollector, type DateRules, type RuleDateFound } from '../../analyse/foreign.js';
import { addDays, closestYear, isoDay, pad, resolveWeekday, yearRangeYears, type Ymd } from '../../analyse/date-rules.js';

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTH = '(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)';

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace('fevrier', 'février').replace('aout', 'août').replace('decembre', 'décembre');
  return MONTHS.indexOf(w) + 1;
}

const WEEKDAYS: Record<string, number> = { dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6 };
const WEEKDAY_RE = new RegExp(`${L}(dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi)(?:\\s+(dernier|prochain))?${R}`, 'giu');
const RELATIVE_RE = new RegExp(`${L}(aujourd['’]hui|avant-hier|après-demain|hier|demain)${R}`, 'giu');
const MONTH_YEAR_RE = new RegExp(`${L}${MONTH}\\s+((?:1[0-9]|20)[0-9]{2})${R}`, 'giu');
const PREP_MONTH_RE = new RegExp(`${L}(?:en|depuis|dès|jusqu['’]en|début|fin|mi-|courant|mois\\s+de|mois\\s+d['’]|d['’]ici)\\s*${MONTH}${R}(?!\\s*\\d)`, 'giu');
const YEAR_RE = new RegExp(`${L}(?:en|depuis|dès|jusqu['’]en|avant|après|de|à|entre|et|fin|début)\\s+((?:1[0-9]|20)[0-9]{2})${R}(?![,.]\\d)`, 'giu');

export function ruleDatesFr(text: string, ref: Ymd | null, taken: [number, number][]): RuleDateFound[] {
  const { out, push, pushDay } = ruleDateCollector(taken, text, 'fr');
  for (const m of text.matchAll(MONTH_YEAR_RE)) {
    if (/\d(?:er)?\s*$/.test(text.slice(Math.max(0, m.index - 5), m.index))) continue; // "30 novembre 2026" is chrono's
    push({ start: m.index, end: m.index + m[0].length, iso: `${m[2]}-${pad(monthNumber(m[1]!))}`, grain: 'month', inferred: false });
  }
  if (ref) {
    for (const m of text.matchAll(WEEKDAY_RE)) {
      const q = m[2]?.toLowerCase();
      const qualifier = q === 'dernier' ? 'last' : q === 'prochain' ? 'next' : null;
      const iso = isoDay(resolveWeekday(ref, WEEKDAYS[m[1]!.toLowerCase()]!, qualifier));
      if (iso) pushDay(m.index, m.index + m[0].length, iso);
    }
    for (const m of text.matchAll(RELATIVE_RE)) {
      const w = m[1]!.toLowerCase();
      const offset = w === 'hier' ? -1 : w === 'demain' ? 1 : w === 'avant-hier' ? -2 : w === 'après-demain' ? 2 : 0;
      const iso = isoDay(addDays(ref, offset));
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
    const start = m.index + m[0].length - m[1]!.length;
    push({ start, end: start + m[1]!.length, iso: m[1]!, grain: 'year', inferred: false });
  }
  return out;
}

export const FR_DATES: DateRules = {
  parser: chrono.fr.strict,
  leading: /^(?:(?:le|la|les|en|au|à|du|dès|depuis|jusqu['’]au|ce|cette)\s+)+/i,
  mayHoldDate: /\d/,
  ruleDates: ruleDatesFr,
};
