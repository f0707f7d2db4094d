/** The French `LanguageRules` for analyse/foreign.ts, assembled from this folder's lexicons and patterns. */
import type { AttributionRules, EntityRules, LanguageRules } from '../../analyse/foreign.js';
import { normaliseKey } from '../../text/normalise.js';
import { FR_SENTENCES } from './abbreviations.js';
import { FR_DATES } from './dates.js';
import { CANONICAL_OUTLET_KEYS, FIRST_NAMES, FUNCTION_WORDS, ORG_NOUNS, ORGANISATIONS, OUTLETS, PERSON_WORDS, PLACE_PREPOSITIONS, PLACES } from './lexicon.js';
import { findNegationsFr } from './negation.js';
import { FR_NUMBERS } from './numbers.js';
import { FR_ATTRIBUTIONS, FR_QUOTES, FR_SPEECH_GAP, FR_SPEECH_LEAD, FR_SPEECH_VERB } from './patterns.js';

/** French names do not decline: a word's grouping stem is the word in lower case. */
const lower = (word: string): string => word.toLowerCase();

/** The key of a name: `normaliseKey` of its words (diacritics folded, lower case). */
export function frNameKey(words: readonly string[]): string {
  return normaliseKey(words.join(' '));
}

const ENTITIES: EntityRules = {
  stem: lower,
  keyBase: (word) => word,
  formPenalty: () => 0,
  functionWords: new Set(FUNCTION_WORDS),
  nameTitles: new Set(['M.', 'MM.', 'Mme', 'Mmes', 'Mlle', 'Me', 'Dr', 'Pr', 'Mgr']),
  connectors: new Set(['de', 'du', 'des']),
  firstNames: new Set(FIRST_NAMES),
  patronymic: null,
  personWords: new Set(PERSON_WORDS),
  places: new Set(PLACES),
  placePrepositions: new Set(PLACE_PREPOSITIONS),
  placeShape: /(?:ville|bourg|court|mont|heim|-sur-[\p{L}-]+|-en-[\p{L}-]+|-les-[\p{L}-]+|-le-[\p{L}-]+|-la-[\p{L}-]+|^saint-[\p{L}-]+|^sainte-[\p{L}-]+)$/u,
  organisations: new Set([...ORGANISATIONS, ...OUTLETS.map(lower)]),
  orgHead: /^(?:ministère|assemblée|sénat|conseil|agence|banque|université|parti|fondation|comité|commission|préfecture|mairie|gendarmerie|police|tribunal|cour|office|institut|syndicat|union|société|groupe|association|fédération|direction|service|centre|hôpital|caisse|autorité|observatoire|compagnie|collectif)$/u,
  orgNouns: new Set(ORG_NOUNS),
  speechVerb: FR_SPEECH_VERB,
  speechLead: FR_SPEECH_LEAD,
  speechGap: FR_SPEECH_GAP,
};

function outletKey(outlet: string): string {
  const k = normaliseKey(outlet.replace(/^l['’]/i, ''));
  return CANONICAL_OUTLET_KEYS.get(k) ?? k;
}

const KNOWN_OUTLET_KEYS = new Set(OUTLETS.map(outletKey));

const ATTRIBUTIONS: AttributionRules = {
  patterns: FR_ATTRIBUTIONS,
  isKnownOutlet: (name) => KNOWN_OUTLET_KEYS.has(outletKey(name)),
  key: outletKey,
};

export const FR_RULES: LanguageRules = {
  language: 'fr',
  sentences: FR_SENTENCES,
  entities: ENTITIES,
  numbers: FR_NUMBERS,
  dates: FR_DATES,
  quotes: FR_QUOTES,
  attributions: ATTRIBUTIONS,
  nameKey: frNameKey,
  negations: findNegationsFr,
};
