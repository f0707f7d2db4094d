/**
 * Reporting verbs for direct quotes beyond the shared lexicon (lexicon-speech.ts): manner-of-speaking
 * verbs common in news copy (“…,” she confessed / he mocked / the senator fumed) and two-word reporting
 * phrases (shot back, fired back, went on, cut in, chimed in, as X put it), which count only with their particle.
 */
import { REPORTING_VERBS } from './lexicon-speech.js';

const EXTRA: string[][] = [
  ['confess', 'confesses', 'confessed'],
  ['assure', 'assures', 'assured'],
  ['exhort', 'exhorts', 'exhorted'],
  ['opine', 'opines', 'opined'],
  ['agree', 'agrees', 'agreed'],
  ['question', 'questioned'],
  ['chant', 'chants', 'chanted'],
  ['retaliate', 'retaliated'],
  ['fume', 'fumes', 'fumed'],
  ['mock', 'mocks', 'mocked'],
  ['press', 'pressed'],
  ['demur', 'demurred'],
  ['crack', 'cracked'],
  ['boom', 'boomed'],
  ['gush', 'gushes', 'gushed'],
  ['rave', 'raved'],
  ['tease', 'teased'],
  ['scold', 'scolded'],
  ['marvel', 'marveled', 'marvelled'],
  ['intone', 'intoned'],
  ['implore', 'implored'],
  ['reason', 'reasoned'],
  ['concur', 'concurred'],
  ['elaborate', 'elaborated'],
  ['acknowledge', 'acknowledged'],
  ['warn', 'warned'],
  ['insist', 'insisted'],
  ['quote', 'quoted'],
  ['cry', 'cried'],
  ['blast', 'blasted'],
  ['slam', 'slammed'],
  ['sneer', 'sneered'],
  ['grumble', 'grumbled'],
  ['gripe', 'griped'],
  ['vent', 'vented'],
  ['rail', 'railed'],
  ['rant', 'ranted'],
  ['sing', 'sings', 'sang'],
  ['summarize', 'summarized', 'summarise', 'summarised'],
  ['remember', 'remembers', 'remembered'],
  ['written'],
  ['riff', 'riffs', 'riffed'],
  ['issued'],
];

/** Single-word reporting verbs: the shared ones plus the manner-of-speaking ones above. */
export const QUOTE_VERBS: ReadonlySet<string> = new Set([...REPORTING_VERBS, ...EXTRA.flat()]);

/** Verb + particle phrases: the verb counts only when this particle follows it. */
const PHRASAL: ReadonlyMap<string, string> = new Map([
  ['shot', 'back'], ['shoots', 'back'], ['fired', 'back'], ['fires', 'back'], ['hit', 'back'], ['hits', 'back'],
  ['went', 'on'], ['goes', 'on'], ['cut', 'in'], ['cuts', 'in'], ['chimed', 'in'], ['chimes', 'in'],
  ['weighed', 'in'], ['weighs', 'in'], ['spoke', 'up'], ['piped', 'up'], ['put', 'it'], ['puts', 'it'],
]);

/** Reporting verbs that are never part of a name, so also verbs when capitalised in a Title Case headline. */
const ONLY_VERBS: ReadonlySet<string> = new Set([
  'says', 'said', 'tells', 'told', 'asks', 'asked', 'adds', 'added', 'writes', 'wrote', 'claims', 'claimed', 'warns',
  'warned', 'insists', 'insisted', 'explains', 'explained', 'admits', 'admitted', 'denies', 'denied', 'urges', 'urged',
  'argues', 'argued', 'declares', 'declared', 'announces', 'announced', 'vows', 'vowed', 'tweets', 'tweeted',
]);

/**
 * Is the word at `k` a reporting verb (a phrasal one only with its particle next)? Not a capitalised word after
 * another one, unless it is never a name ("The Northland Post", "the Harbor Press"; but "Karsk Says: …").
 */
export function isQuoteVerbAt(words: ReadonlyArray<{ lower: string; cap?: boolean }>, k: number): boolean {
  const w = words[k];
  if (!w) return false;
  if (w.cap && words[k - 1]?.cap && !ONLY_VERBS.has(w.lower)) return false;
  if (QUOTE_VERBS.has(w.lower)) return true;
  const particle = PHRASAL.get(w.lower);
  return particle !== undefined && words[k + 1]?.lower === particle;
}

/** Words a phrasal verb at `k` spans (2 with its particle, else 1). */
export function quoteVerbLength(words: ReadonlyArray<{ lower: string }>, k: number): number {
  const w = words[k];
  return w && !QUOTE_VERBS.has(w.lower) && PHRASAL.has(w.lower) ? 2 : 1;
}
