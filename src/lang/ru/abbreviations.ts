/**
 * Russian sentence-end repair lists for the Intl.Segmenter splitter (analyse/foreign.ts). Abbreviations are lower
 * case, inner dots kept, final dot dropped.
 */
import type { SentenceRules } from '../../analyse/foreign.js';

/** A dot after these never ends a sentence: "ул. Ленина", "им. Пушкина", "т.е.", "и.о.", "проф. Иванов". */
const NEVER_END = [
  'ул', 'им', 'т.е', 'т.н', 'т.к', 'и.о', 'пр', 'просп', 'пер', 'пл', 'наб', 'д', 'кв', 'корп', 'стр', 'обл', 'р-н',
  'проф', 'акад', 'ген', 'св', 'см', 'ср', 'напр', 'гл', 'тов', 'г-н', 'г-жа', 'ст', 'рис', 'табл', 'корр', 'ред',
  'доц', 'канд', 'зам', 'пос', 'дер', 'с.ш', 'в.д', 'мкр', 'гр', 'прим', 'тел',
];

/**
 * A dot after these ends a sentence only before a common opener: "в 2024 г. Он …" ends, "г. Москва" (город) and
 * "5 млн. рублей" do not ("т.д." and "т.п." close lists, often at a sentence end).
 */
const AMBIGUOUS = ['г', 'гг', 'т.д', 'т.п', 'др', 'млн', 'млрд', 'трлн', 'тыс', 'руб', 'долл', 'коп', 'в', 'вв', 'н.э', 'сут', 'мин', 'сек', 'км', 'кг'];

const OPENERS = [
  'он', 'она', 'они', 'оно', 'это', 'этот', 'эта', 'эти', 'в', 'во', 'на', 'по', 'при', 'после', 'до', 'как', 'но', 'и',
  'а', 'однако', 'также', 'кроме', 'тем', 'так', 'там', 'здесь', 'сейчас', 'ранее', 'позже', 'затем', 'потом', 'из',
  'с', 'со', 'за', 'к', 'у', 'о', 'об', 'для', 'если', 'когда', 'хотя', 'поэтому', 'все', 'всего', 'его', 'ее', 'её',
  'их', 'мы', 'я', 'вы', 'согласно', 'накануне', 'сегодня', 'вчера', 'завтра', 'между', 'среди', 'тогда', 'теперь',
  'напомним', 'по', 'всё', 'что', 'кто', 'где', 'число',
];

export const RU_SENTENCES: SentenceRules = {
  locale: 'ru',
  neverEnd: new Set(NEVER_END),
  ambiguous: new Set(AMBIGUOUS),
  openers: new Set(OPENERS),
};
