/**
 * Russian reporting-clause and media-attribution patterns (see analyse/foreign.ts for how they are applied).
 *
 * Quotes: «…», — заявил/сказал/отметил/… X (feminine -а, plural -и; present заявляет, говорит, …); «…», —
 * сказал он; X заявил(а) журналистам: «…»; По словам X, «…». Reported speech: "По словам X, …", "Как заявил X,
 * …", "X заявил, что …", "…, — заявил X" (unquoted).
 * Attributions: "сообщает/передает/пишет X", "как сообщает X", "об этом сообщает X", "по данным X", "по
 * информации X", "со ссылкой на X", "X сообщает/передает/пишет", "(ТАСС)", "/ТАСС/", "— ТАСС" (dateline). An
 * optional descriptor word ("агентство", "газета", "телеканал") may stand before the outlet.
 */
import type { AttributionPattern, CuePattern, QuoteRules, ReportedPattern } from '../../analyse/foreign.js';
import { OUTLETS, SPEECH_PAST, SPEECH_PRESENT } from './lexicon.js';

const R = '(?![\\p{L}\\p{N}])';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Any reporting verb form, no groups. */
export const VERBS = `(?:(?:${SPEECH_PAST.join('|')})(?:а|и|ась|ся|ись)?|${SPEECH_PRESENT.join('|')})`;
const PRON = '(?<pron>он|она|они)';
/** Lower-case title words between a verb and a name are skipped by the engine; prepositions are not titles. */
const PREPS = 'в|во|на|под|из|у|около|к|с|по';

/** For entity typing (analyse/foreign.ts EntityRules). */
export const RU_SPEECH_VERB = new RegExp(`(?<![\\p{L}])${VERBS}${R}`, 'gu');
export const RU_SPEECH_LEAD = /(?<![\p{L}])[Пп]о\s+словам(?![\p{L}])/gu;
export const RU_SPEECH_GAP = new RegExp(`^\\s+(?:(?!(?:${PREPS})\\s)[\\p{Ll}-]+\\s+){0,4}$`, 'u');

const afterClose: CuePattern[] = [
  { re: new RegExp(`^\\s*[,.!?…]?\\s*[—–-]*\\s*(?<verb>${VERBS})(?:\\s+${PRON})?${R}`, 'du'), who: 'after', subject: true },
  { re: new RegExp(`^\\s*[,.!?…]?\\s*[—–-]*\\s*(?<verb>[Пп]о\\s+словам)\\s+`, 'du'), who: 'after' },
];

const beforeOpen: CuePattern[] = [
  { re: new RegExp(`(?<verb>${VERBS})(?:\\s+[^«»„“".!?:]{0,60}?)?\\s*:\\s*$`, 'du'), who: 'before' },
  { re: new RegExp(`(?<verb>[Пп]о\\s+словам)\\s+[^«»„“".!?:]{1,80}?,\\s*$`, 'du'), who: 'after' },
];

const reported: ReportedPattern[] = [
  { re: new RegExp(`^(?<verb>[Пп]о\\s+словам)\\s+`, 'du'), who: 'after', content: 'after-comma' },
  { re: new RegExp(`^(?<verb>[Кк]ак\\s+${VERBS})\\s+`, 'du'), who: 'after', subject: true, content: 'after-comma' },
  { re: new RegExp(`(?<verb>${VERBS})(?:\\s+[\\p{Ll}\\s-]{0,40}?)?,\\s*(?:что|будто)\\s+`, 'du'), who: 'before', content: 'after' },
  { re: new RegExp(`,\\s*[—–-]\\s*(?<verb>${VERBS})(?:\\s+${PRON})?${R}`, 'du'), who: 'after', subject: true, content: 'before' },
];

export const RU_QUOTES: QuoteRules = {
  afterClose,
  beforeOpen,
  reported,
  pronoun: /^(?:он|она|они|Он|Она|Они)$/u,
};

const KNOWN = [...OUTLETS].sort((a, b) => b.length - a.length).map(escape).join('|');
/** An outlet: a known one (any case ending, optionally in quotation marks), or up to three capitalised words. */
const OUTLET = `(?<outlet>[«„"]?(?:(?:${KNOWN})\\p{Ll}{0,3}|\\p{Lu}[\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}]+)*(?:\\s+[«„"]?\\p{Lu}[\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}]+)*){0,2})[»“"]?)`;
const DESCRIPTOR = '(?:(?:агентств[оау]|агентством|издани[еяю]|газет[аыеу]|телеканал[ау]?|радиостанци[яию]|портал[ау]?|сайт[ау]?|информагентств[оау])\\s+)?';
const KNOWN_ONLY = `(?<outlet>[«„"]?(?:${KNOWN})\\p{Ll}{0,3}[»“"]?)`;

export const RU_ATTRIBUTIONS: AttributionPattern[] = [
  // Cues only media take: any capitalised name after them.
  { re: new RegExp(`(?<cue>(?:[Кк]ак\\s+|[Оо]б\\s+этом\\s+)?(?:переда(?:е|ё)т|переда(?:ют|ло|ли)|пиш(?:ет|ут)|написал[оаи]?|цитирует)|[Сс]о\\s+ссылкой\\s+на)\\s+${DESCRIPTOR}${OUTLET}${R}`, 'gdu'), generic: true },
  // Cues people and institutions take too: known outlets (and organisations) only.
  { re: new RegExp(`(?<cue>(?:[Кк]ак\\s+|[Оо]б\\s+этом\\s+)?(?:сообща(?:ет|ют|ло|ли)|сообщил[аи]?|информирует|уточняет)|[Пп]о\\s+(?:данным|информации|сведениям)|[Сс]огласно\\s+данным)\\s+${DESCRIPTOR}${OUTLET}${R}`, 'gdu'), generic: false },
  { re: new RegExp(`${KNOWN_ONLY}\\s+(?<cue>сообща(?:ет|ло|ют)|переда(?:е|ё)т|передало|пишет|написал[оаи]?)${R}`, 'gdu'), generic: false },
  // Datelines.
  { re: new RegExp(`(?<cue>[(/])${KNOWN_ONLY}[)/]`, 'gdu'), generic: false },
  { re: new RegExp(`(?<cue>[—–])\\s*${KNOWN_ONLY}(?=\\.|\\s*\\n|\\s*$)`, 'gdu'), generic: false },
];
