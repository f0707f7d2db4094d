/**
 * French number vocabulary and the counted noun: "87 localités", "plus de 2 000 personnes", "3 millions
 * d'habitants" (de/d' skipped after a multiplier or before the noun), "12 communes sinistrées" (the noun and
 * at most one adjective-like word after it). The key is the snowball stem of the noun ("localités" → "local").
 */
import type { NumberRules } from '../../analyse/foreign.js';
import type { Span } from '../../types.js';
import { stemWord } from '../stem.js';

const MULTIPLIERS = new Map<string, number>([
  ['mille', 1e3], ['million', 1e6], ['millions', 1e6], ['milliard', 1e9], ['milliards', 1e9], ['md', 1e9], ['mds', 1e9],
  ['m', 1e6], ['mln', 1e6], ['k', 1e3],
]);

const CURRENCIES = new Map<string, string>([
  ['€', 'EUR'], ['$', 'USD'], ['£', 'GBP'], ['₽', 'RUB'], ['¥', 'CNY'], ['euro', 'EUR'], ['euros', 'EUR'],
  ['dollar', 'USD'], ['dollars', 'USD'], ['livre', 'GBP'], ['livres', 'GBP'], ['rouble', 'RUB'], ['roubles', 'RUB'],
  ['yuan', 'CNY'], ['yuans', 'CNY'], ['francs', 'CHF'],
]);

const UNITS = new Map<string, string>([
  ['km', 'km'], ['kilomètre', 'km'], ['kilomètres', 'km'], ['m', 'm'], ['mètre', 'm'], ['mètres', 'm'], ['cm', 'cm'],
  ['kg', 'kg'], ['kilo', 'kg'], ['kilos', 'kg'], ['tonne', 't'], ['tonnes', 't'], ['t', 't'], ['ha', 'ha'],
  ['hectare', 'ha'], ['hectares', 'ha'], ['an', 'year'], ['ans', 'year'], ['année', 'year'], ['années', 'year'],
  ['jour', 'day'], ['jours', 'day'], ['heure', 'hour'], ['heures', 'hour'], ['minute', 'minute'], ['minutes', 'minute'],
  ['semaine', 'week'], ['semaines', 'week'], ['mois', 'month'], ['degré', '°'], ['degrés', '°'], ['litre', 'l'], ['litres', 'l'],
]);

const WORDS = new Map<string, number>([
  ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7], ['huit', 8], ['neuf', 9], ['dix', 10],
  ['vingt', 20], ['trente', 30], ['cent', 100],
]);

const STOP = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'à', 'en', 'et', 'ou', 'qui', 'que', 'dont', 'ce',
  'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'il', 'elle', 'ils', 'elles', 'on', 'pour', 'par', 'sur', 'dans',
  'avec', 'sans', 'plus', 'moins', 'environ', 'selon', 'depuis', 'pendant', 'entre', 'contre', 'vers', 'chez', 'ont',
  'a', 'est', 'sont', 'été', 'était', 'étaient', 'sera', 'seront', 'ne', 'pas', 'fois', 'près', 'après', 'avant',
]);
const ADJECTIVE = /(?:é|ée|és|ées|ant|ants|ante|antes|aux|ale|ales|el|elle|els|elles|ien|iens|ienne|iennes|ique|iques|if|ifs|ive|ives|eux|euse|euses|ais|aise|aises|ois|oise|oises|aire|aires|és)$/;
const WORD = /^[a-zàâäçéèêëîïôöùûüÿœæ][a-zàâäçéèêëîïôöùûüÿœæ-]*/;

function countedFr(text: string, at: number): { span: Span; head: string } | null {
  let i = at;
  const de = /^(?:de\s+|d['’])/.exec(text.slice(i, i + 4));
  if (de) i += de[0].length;
  const head = WORD.exec(text.slice(i, i + 40));
  if (!head || STOP.has(head[0])) return null;
  let end = i + head[0].length;
  const adj = /^ ([a-zàâäçéèêëîïôöùûüÿœæ-]+)/.exec(text.slice(end, end + 30));
  if (adj && ADJECTIVE.test(adj[1]!) && !STOP.has(adj[1]!)) end += adj[0].length;
  return { span: { start: at, end, text: text.slice(at, end) }, head: head[0] };
}

export const FR_NUMBERS: NumberRules = {
  multipliers: MULTIPLIERS,
  percent: /^(?:pour\s*cent|pourcents?|points?\s+de\s+pourcentage)(?![\p{L}])/u,
  currencies: CURRENCIES,
  units: UNITS,
  ordinal: /^(?:er|re|ère|e|ème|eme|nd|nde)(?![\p{L}])/u,
  yearAfter: /(?!)/,
  words: WORDS,
  range: /^\s*(?:[-–—]|à|et|ou)\s*$/u,
  counted: countedFr,
  countedKey: (head) => stemWord(head, 'fr'),
};
