/** The Russian `LanguageRules` for analyse/foreign.ts, assembled from this folder's lexicons and patterns. */
import type { AttributionRules, EntityRules, LanguageRules } from '../../analyse/foreign.js';
import { normaliseKey } from '../../text/normalise.js';
import { latinise } from '../anchor.js';
import { RU_SENTENCES } from './abbreviations.js';
import { RU_DATES } from './dates.js';
import { CANONICAL_OUTLET_KEYS, FIRST_NAMES, FUNCTION_WORDS, ORG_NOUNS, ORGANISATIONS, OUTLETS, PERSON_WORDS, PLACE_PREPOSITIONS, PLACES } from './lexicon.js';
import { ruFormPenalty, ruKeyBase, ruNameStem } from './names.js';
import { findNegationsRu } from './negation.js';
import { RU_NUMBERS } from './numbers.js';
import { RU_ATTRIBUTIONS, RU_QUOTES, RU_SPEECH_GAP, RU_SPEECH_LEAD, RU_SPEECH_VERB } from './patterns.js';

const stems = (words: readonly string[]): Set<string> => new Set(words.map((w) => w.split(/\s+/).map(ruNameStem).join(' ')));

/** The key of a name from its words: each word's case ending stripped, latinised, normalised ("dmitriy peskov"). */
export function ruNameKey(words: readonly string[]): string {
  return normaliseKey(latinise(words.map(ruKeyBase).join(' ')));
}

const ENTITIES: EntityRules = {
  stem: ruNameStem,
  keyBase: ruKeyBase,
  formPenalty: ruFormPenalty,
  functionWords: new Set(FUNCTION_WORDS),
  nameTitles: new Set<string>(),
  connectors: new Set<string>(),
  firstNames: stems(FIRST_NAMES),
  patronymic: /(?:ович|евич|овн|евн|ичн)\p{Ll}{0,3}$/u,
  personWords: new Set([...PERSON_WORDS, ...PERSON_WORDS.map(ruNameStem)]),
  places: stems(PLACES),
  placePrepositions: new Set(PLACE_PREPOSITIONS),
  placeShape: /(?:ск|цк|град|город|бург|поль|ово|ево|ёво|ино|ыно)$/u,
  organisations: stems([...ORGANISATIONS, ...OUTLETS]),
  orgHead: /^(?:министерств|минобороны|минздрав|минфин|служб|комитет|агентств|банк|университет|парти|фонд|совет|суд|прокуратур|управлени|администраци|госдум|дум|кремл|правительств|академи|институт|корпораци|компани|центр|штаб|генштаб|департамент|посольств|консульств|мэри|больниц|школ|завод|союз)/u,
  orgNouns: new Set(ORG_NOUNS),
  speechVerb: RU_SPEECH_VERB,
  speechLead: RU_SPEECH_LEAD,
  speechGap: RU_SPEECH_GAP,
};

const KNOWN_OUTLET_KEYS = new Set(OUTLETS.map((o) => outletKey(o)));

/** `normaliseKey(latinise(nameBase(outlet)))` per word (quotation marks and hard sign dropped), or a canonical key. */
function outletKey(outlet: string): string {
  const k = ruNameKey(outlet.replace(/[«»„“"]/g, '').split(/\s+/).filter((w) => w !== ''));
  return CANONICAL_OUTLET_KEYS.get(k) ?? k;
}

const ATTRIBUTIONS: AttributionRules = {
  patterns: RU_ATTRIBUTIONS,
  isKnownOutlet: (name) => KNOWN_OUTLET_KEYS.has(outletKey(name)),
  key: outletKey,
};

export const RU_RULES: LanguageRules = {
  language: 'ru',
  sentences: RU_SENTENCES,
  entities: ENTITIES,
  numbers: RU_NUMBERS,
  dates: RU_DATES,
  quotes: RU_QUOTES,
  attributions: ATTRIBUTIONS,
  nameKey: ruNameKey,
  negations: findNegationsRu,
};
