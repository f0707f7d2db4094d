/** French sentence-end repair lists for the Intl.Segmenter splitter (analyse/foreign.ts). */
import type { SentenceRules } from '../../analyse/foreign.js';

/** A dot after these never ends a sentence: "M. Dupont", "Mme.", "av. de la République", "p. 12", "cf.". */
const NEVER_END = ['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'mgr', 'st', 'ste', 'av', 'bd', 'boul', 'cf', 'p', 'pp', 'env', 'vol', 'art', 'éd', 'coll', 'gén', 'col', 'cdt', 'lt', 'sgt', 'adj', 'ex', 'ca', 'n°', 'no', 'tél', 'j.-c', 'dép'];

/** End a sentence only before a common opener: "etc. Le …" ends, "sept. 2024" does not. */
const AMBIGUOUS = ['etc', 'janv', 'févr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc', 'hab', 'km', 'min', 'mds', 'md', 'mln'];

const OPENERS = [
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'ce', 'cette', 'ces', 'cet', 'c',
  'mais', 'et', 'ou', 'selon', 'dans', 'en', 'au', 'aux', 'à', 'pour', 'par', 'sur', 'avec', 'sans', 'depuis', 'après',
  'avant', 'lors', 'alors', 'cependant', 'pourtant', 'toutefois', 'd', 'j', 'qu', 'si', 'quand', 'comme', 'son', 'sa',
  'ses', 'leur', 'leurs', 'aucun', 'aucune', 'rien', 'plus', 'tous', 'toutes', 'tout', 'enfin', 'ainsi', 'puis',
];

export const FR_SENTENCES: SentenceRules = {
  locale: 'fr',
  neverEnd: new Set(NEVER_END),
  ambiguous: new Set(AMBIGUOUS),
  openers: new Set(OPENERS),
};
