/**
 * Russian number vocabulary (multipliers, percent, currencies, units, ordinal suffixes, small number words) and
 * the counted noun phrase: after a number Russian puts adjectives and participles before their noun, all in the
 * genitive (or the case the preposition asks): "87 населённых пунктов", "в 87 населенных пунктах", "12 раненых".
 * The phrase is up to three adjective-like words (by ending) and the noun after them; its key is the snowball stem
 * of that noun (ё folded), so "пунктов" and "пунктах" meet. With no noun after the adjectives, the last adjective
 * is the head (a substantivised one: "12 пострадавших").
 */
import type { NumberRules } from '../../analyse/foreign.js';
import type { Span } from '../../types.js';
import { stemWord } from '../stem.js';

const MULTIPLIERS = new Map<string, number>([
  ['тыс', 1e3], ['тысяча', 1e3], ['тысячи', 1e3], ['тысяч', 1e3], ['тысячу', 1e3],
  ['млн', 1e6], ['миллион', 1e6], ['миллиона', 1e6], ['миллионов', 1e6],
  ['млрд', 1e9], ['миллиард', 1e9], ['миллиарда', 1e9], ['миллиардов', 1e9],
  ['трлн', 1e12], ['триллион', 1e12], ['триллиона', 1e12], ['триллионов', 1e12],
]);

const CURRENCIES = new Map<string, string>([
  ['₽', 'RUB'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['₴', 'UAH'], ['¥', 'CNY'],
  ['рубль', 'RUB'], ['рубля', 'RUB'], ['рублей', 'RUB'], ['рублям', 'RUB'], ['рублях', 'RUB'], ['руб', 'RUB'],
  ['доллар', 'USD'], ['доллара', 'USD'], ['долларов', 'USD'], ['долл', 'USD'],
  ['евро', 'EUR'], ['юань', 'CNY'], ['юаня', 'CNY'], ['юаней', 'CNY'],
  ['фунт', 'GBP'], ['фунта', 'GBP'], ['фунтов', 'GBP'], ['гривна', 'UAH'], ['гривны', 'UAH'], ['гривен', 'UAH'],
]);

const UNITS = new Map<string, string>([
  ['км', 'km'], ['километр', 'km'], ['километра', 'km'], ['километров', 'km'],
  ['м', 'm'], ['метр', 'm'], ['метра', 'm'], ['метров', 'm'], ['см', 'cm'], ['мм', 'mm'],
  ['кг', 'kg'], ['килограмм', 'kg'], ['килограмма', 'kg'], ['килограммов', 'kg'],
  ['т', 't'], ['тонна', 't'], ['тонны', 't'], ['тонн', 't'], ['га', 'ha'], ['гектар', 'ha'], ['гектара', 'ha'], ['гектаров', 'ha'],
  ['год', 'year'], ['года', 'year'], ['лет', 'year'], ['день', 'day'], ['дня', 'day'], ['дней', 'day'],
  ['сутки', 'day'], ['суток', 'day'], ['час', 'hour'], ['часа', 'hour'], ['часов', 'hour'],
  ['минута', 'minute'], ['минуты', 'minute'], ['минут', 'minute'], ['неделя', 'week'], ['недели', 'week'], ['недель', 'week'],
  ['месяц', 'month'], ['месяца', 'month'], ['месяцев', 'month'], ['градус', '°'], ['градуса', '°'], ['градусов', '°'],
  ['л', 'l'], ['литр', 'l'], ['литра', 'l'], ['литров', 'l'], ['кв', 'km2'],
]);

const WORDS = new Map<string, number>([
  ['два', 2], ['две', 2], ['двух', 2], ['три', 3], ['трех', 3], ['трёх', 3], ['четыре', 4], ['четырех', 4], ['четырёх', 4],
  ['пять', 5], ['пяти', 5], ['шесть', 6], ['шести', 6], ['семь', 7], ['семи', 7], ['восемь', 8], ['восьми', 8],
  ['девять', 9], ['девяти', 9], ['десять', 10], ['десяти', 10], ['двадцать', 20], ['двадцати', 20], ['тридцать', 30],
  ['сто', 100], ['ста', 100],
  // "полтора миллиона" (1.5 million), "полмиллиона рублей" (half a million).
  ['полтора', 1.5], ['полторы', 1.5], ['полмиллиона', 5e5], ['полмиллиарда', 5e8],
]);

/** Words that end a counted phrase: prepositions, conjunctions, particles, pronouns, common adverbs. */
const STOP = new Set([
  'в', 'во', 'на', 'с', 'со', 'к', 'ко', 'по', 'за', 'из', 'от', 'до', 'о', 'об', 'при', 'у', 'для', 'без', 'под', 'над',
  'и', 'а', 'но', 'или', 'что', 'как', 'не', 'ни', 'же', 'бы', 'ли', 'это', 'то', 'его', 'ее', 'её', 'их', 'был',
  'была', 'было', 'были', 'будет', 'будут', 'есть', 'уже', 'еще', 'ещё', 'также', 'тоже', 'более', 'менее', 'около',
  'почти', 'только', 'всего', 'лишь', 'из-за', 'через', 'после', 'перед', 'между', 'среди', 'где', 'когда', 'который',
  'которые', 'которых', 'раз', 'года', 'году', 'год', 'лет',
]);
const ADJECTIVE = /(?:ых|их|ого|его|ому|ему|ой|ей|ый|ий|ая|яя|ое|ее|ые|ие|ую|юю|ым|им|ыми|ими)$/;
/** Finite verb forms (past and present) that follow a number as its predicate: "87 погибли", "5 остаются". */
const VERB = /(?:ли|ло|ет|ют|ят|ит|ут|ются|ятся|ется|ится|лись|лось)$/;

const WORD = /^[а-яё][а-яё-]*/;

function countedRu(text: string, at: number): { span: Span; head: string } | null {
  const words: Array<{ start: number; end: number; text: string }> = [];
  let i = at;
  while (words.length < 4) {
    const m = WORD.exec(text.slice(i, i + 40));
    if (!m) break;
    words.push({ start: i, end: i + m[0].length, text: m[0] });
    i += m[0].length;
    if (text[i] !== ' ' && text[i] !== '\u00a0') break;
    i++;
  }
  let last = -1;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!.text.replace(/ё/g, 'е');
    if (STOP.has(w)) break;
    if (ADJECTIVE.test(w) && k < 3) {
      last = k;
      continue;
    }
    if (VERB.test(w) && w.length > 4) break;
    last = k;
    break;
  }
  if (last < 0) return null;
  const first = words[0]!;
  const head = words[last]!;
  return { span: { start: first.start, end: head.end, text: text.slice(first.start, head.end) }, head: head.text };
}

export const RU_NUMBERS: NumberRules = {
  multipliers: MULTIPLIERS,
  percent: /^(?:процентн\p{L}*\s+пункт\p{L}*|процент(?:а|ов|ам|ами|ах)?|п\.\s?п\.)(?![\p{L}])/u,
  currencies: CURRENCIES,
  units: UNITS,
  ordinal: /^-(?:й|я|е|го|му|м|х|ми|ой|ый|ий|ая|ое)(?![\p{L}])/u,
  yearAfter: /^\s*(?:год[ауе]?|гг?\.)(?![\p{L}])/u,
  words: WORDS,
  range: /^\s*(?:[-–—]|до|или|и)\s*$/u,
  counted: countedRu,
  countedKey: (head) => stemWord(head, 'ru'),
};
