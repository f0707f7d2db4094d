/**
 * French reporting-clause and media-attribution patterns (see analyse/foreign.ts for how they are applied).
 *
 * Quotes: « … », a déclaré/a dit/a affirmé/… X; « … », déclare X; « … », a-t-il déclaré / dit-il / ajoute-t-elle;
 * « … », selon X; X a déclaré : « … ». Reported speech: "Selon X, …", "D'après X, …", "X a déclaré que …",
 * "…, a déclaré X", "…, a-t-il ajouté".
 * Attributions: "selon l'AFP", "d'après Reuters", "rapporte l'AFP", "écrit Le Monde", "a appris l'AFP", "a indiqué
 * à l'AFP", "a confié au Figaro", "cité par Le Parisien", "l'AFP rapporte", "(AFP)", "— AFP" (dateline).
 */
import type { AttributionPattern, CuePattern, QuoteRules, ReportedPattern } from '../../analyse/foreign.js';
import { OUTLETS, PARTICIPLES, PRESENT } from './lexicon.js';

const R = '(?![\\p{L}\\p{N}])';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const PART = `(?:${PARTICIPLES.map(escape).join('|')})`;
/** "a déclaré", "avait affirmé", "ont dit", or a present form "déclare". No groups. */
export const VERBS = `(?:(?:a|avait|ont|avaient)\\s+${PART}|${PRESENT.join('|')})`;
const PRON = '(?<pron>il|elle|ils|elles)';
const INVERTED_PAST = `(?:a|avait|ont)-t-${PRON}\\s+${PART}`;
const INVERTED_PRESENT = `(?:${PRESENT.join('|')}|${PART})(?:-t)?-${PRON}`;
const LEAD = '^\\s*[,.!?…]?\\s*[—–-]?\\s*';

/** For entity typing. */
export const FR_SPEECH_VERB = new RegExp(`(?<![\\p{L}])${VERBS}${R}`, 'gu');
export const FR_SPEECH_LEAD = /(?<![\p{L}])(?:[Ss]elon|[Dd]['’]après)(?![\p{L}])/gu;
export const FR_SPEECH_GAP = /^\s+(?:(?!(?:à|au|aux|en|de|du|des|dans|sur|que|qu)\s)[\p{Ll}'’-]+\s+){0,4}$/u;

const afterClose: CuePattern[] = [
  { re: new RegExp(`${LEAD}(?<verb>${INVERTED_PAST})${R}`, 'du'), who: 'after' },
  { re: new RegExp(`${LEAD}(?<verb>${INVERTED_PRESENT})${R}`, 'du'), who: 'after' },
  { re: new RegExp(`${LEAD}(?<verb>${VERBS})${R}`, 'du'), who: 'after' },
  { re: new RegExp(`${LEAD}(?<verb>selon|d['’]après)\\s+`, 'du'), who: 'after' },
];

const beforeOpen: CuePattern[] = [
  { re: new RegExp(`(?<verb>${VERBS})(?:\\s+[^«»„“".!?:]{0,60}?)?\\s*:\\s*$`, 'du'), who: 'before' },
  { re: new RegExp(`(?<verb>[Ss]elon|[Dd]['’]après)\\s+[^«»„“".!?:]{1,80}?[,:]\\s*$`, 'du'), who: 'after' },
];

const reported: ReportedPattern[] = [
  { re: /^(?<verb>[Ss]elon|[Dd]['’]après)\s+/du, who: 'after', content: 'after-comma' },
  { re: new RegExp(`(?<verb>${VERBS})(?:\\s+[\\p{Ll}\\s'’-]{0,40}?)?\\s+(?:que\\s+|qu['’])`, 'du'), who: 'before', content: 'after' },
  { re: new RegExp(`,\\s*(?<verb>${INVERTED_PAST})${R}`, 'du'), who: 'after', content: 'before' },
  { re: new RegExp(`,\\s*(?<verb>${INVERTED_PRESENT})${R}`, 'du'), who: 'after', content: 'before' },
  { re: new RegExp(`,\\s*(?<verb>${VERBS})\\s+`, 'du'), who: 'after', content: 'before' },
];

export const FR_QUOTES: QuoteRules = {
  afterClose,
  beforeOpen,
  reported,
  pronoun: /^(?:il|elle|ils|elles|Il|Elle|Ils|Elles)$/u,
};

const KNOWN = [...OUTLETS].sort((a, b) => b.length - a.length).map(escape).join('|');
/** Up to four capitalised words, "de"/"du"/"des"/"de la" allowed between them (Le Courrier de Lorvin). */
const CAP_NAME = `\\p{Lu}[\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}]+)*(?:\\s+(?:(?:de|du|des|de\\s+la)\\s+)?(?:\\p{Lu}[\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}]+)*|\\d+)){0,3}`;
const OUTLET = `(?:l['’])?(?<outlet>(?:${KNOWN})${R}|${CAP_NAME})`;
const KNOWN_ONLY = `(?:l['’])?(?<outlet>(?:${KNOWN}))${R}`;
const DESCRIPTOR = `(?:(?:l['’]agence|le\\s+journal|le\\s+quotidien|l['’]hebdomadaire|la\\s+chaîne|le\\s+site|le\\s+magazine|la\\s+radio)\\s+)?`;

export const FR_ATTRIBUTIONS: AttributionPattern[] = [
  { re: new RegExp(`(?<cue>rapporte|rapportent|rapportait|écrit|écrivent|écrivait|a\\s+appris|ont\\s+appris|révèle|révélait)\\s+${DESCRIPTOR}${OUTLET}`, 'gdu'), generic: true },
  { re: new RegExp(`(?<cue>(?:a|ont|avait)\\s+(?:déclaré|indiqué|confié|dit|affirmé|expliqué|précisé|assuré|annoncé)\\s+(?:à|au)|[Ss]elon|[Dd]['’]après|[Cc]itée?s?\\s+par|[Ii]nterrogée?s?\\s+par)\\s+${DESCRIPTOR}${OUTLET}`, 'gdu'), generic: false },
  { re: new RegExp(`${KNOWN_ONLY}\\s+(?<cue>rapporte|indique|écrit|a\\s+appris|affirme|révèle)${R}`, 'gdu'), generic: false },
  { re: new RegExp(`(?<cue>[(])${KNOWN_ONLY}[)]`, 'gdu'), generic: false },
  { re: new RegExp(`(?<cue>[—–])\\s*${KNOWN_ONLY}(?=\\.|\\s*\\n|\\s*$)`, 'gdu'), generic: false },
];
