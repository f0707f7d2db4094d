/**
 * What a number counts: the noun phrase right after it ("87 inhabited localities" → "inhabited
 * localities", head noun "locality"), read from compromise's part-of-speech tags.
 */
import type { Span } from '../types.js';
import { termIndexAt, type NlpTerm } from './nlp-doc.js';
import { lookupTable } from '../text/lookup-table.js';

const STOP_TAGS = [
  'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Copula', 'Modal', 'Adverb', 'Value', 'Date',
  'QuestionWord', 'Negative', 'Auxiliary',
];
const MAX_WORDS = 4;

function isNoun(t: NlpTerm): boolean {
  return t.tags.has('Noun') && !t.tags.has('Pronoun');
}

function isModifier(t: NlpTerm): boolean {
  if (isNoun(t) || t.tags.has('Adjective')) return true;
  // Participles used as adjectives ("inhabited localities", "flooded homes").
  if (t.tags.has('Verb') && /(?:ed|ing|en)$/.test(t.normal)) return true;
  // Words the tagger knows nothing about are usually nouns.
  return t.tags.size === 0;
}

/**
 * The counted noun phrase starting right after `pos` (white space only between), as a span; null when
 * the number is not followed by a noun (verb, preposition, punctuation).
 */
export function countedPhrase(text: string, terms: readonly NlpTerm[], pos: number): Span | null {
  let k = termIndexAt(terms, pos);
  const taken: NlpTerm[] = [];
  let prevEnd = pos;
  let sawNoun = false;
  while (k < terms.length && taken.length < MAX_WORDS) {
    const t = terms[k]!;
    const gap = text.slice(prevEnd, t.start);
    if (!/^[ \t\u00a0]{1,2}$/.test(gap) && !(taken.length > 0 && gap === '-')) break;
    const plural = isPluralLike(t);
    const nounish = plural || (isNoun(t) && !t.tags.has('Verb')) || t.tags.size === 0;
    if (!nounish && STOP_TAGS.some((tag) => t.tags.has(tag))) break;
    // After a noun only more nouns may follow ("flood victims", "school buildings").
    if (sawNoun ? !nounish : !nounish && !isModifier(t)) break;
    // A capitalised word after the first one starts a name ("5 residents Tomas Reyes ...").
    if (taken.length > 0 && /^\p{Lu}/u.test(t.text) && !t.tags.has('Demonym')) break;
    taken.push(t);
    prevEnd = t.end;
    if (nounish) sawNoun = true;
    if (plural) break; // a plural noun is the head
    if (/[^\s]/.test(t.post.replace(/^-$/, ''))) break; // punctuation after the word ends the phrase
    k++;
  }
  while (taken.length > 0) {
    const last = taken[taken.length - 1]!;
    if (isPluralLike(last) || isNoun(last) || last.tags.size === 0) break;
    taken.pop();
  }
  if (taken.length === 0) return null;
  const first = taken[0]!;
  const last = taken[taken.length - 1]!;
  let end = last.end;
  if (/[’']s$/.test(last.text)) end -= 2;
  else if (/s[’']$/.test(last.text)) end -= 1;
  if (end <= first.start) return null;
  return { start: first.start, end, text: text.slice(first.start, end) };
}

/** Plural nouns, including plurals the pre-tagger took for verbs ("12 attacks", "three shelters"). */
function isPluralLike(t: NlpTerm): boolean {
  if (t.tags.has('Plural')) return true;
  return t.tags.has('PresentTense') && /[^su]s$/.test(t.normal) && !/^(?:is|was|has|does|says|goes)$/.test(t.normal);
}

const IRREGULAR = lookupTable<string>({
  people: 'person', persons: 'person', children: 'child', men: 'man', women: 'woman', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', halves: 'half',
  wolves: 'wolf', shelves: 'shelf', thieves: 'thief', police: 'police', data: 'data', media: 'media',
  criteria: 'criterion', phenomena: 'phenomenon', crises: 'crisis', analyses: 'analysis', series: 'series',
  species: 'species', news: 'news', shoes: 'shoe', toes: 'toe', canoes: 'canoe', buses: 'bus', gases: 'gas',
  aircraft: 'aircraft', sheep: 'sheep', fish: 'fish', deer: 'deer', troops: 'troop', staff: 'staff',
});

/** A simple English singulariser for head nouns ("localities" → "locality", "homes" → "home"). */
export function singular(word: string): string {
  const w = word.toLowerCase().replace(/[’']s?$/, '');
  if (w in IRREGULAR) return IRREGULAR[w]!;
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is|ous)$/.test(w)) return w;
  if (/(?:sses|xes|ches|shes|zes)$/.test(w)) return w.slice(0, -2);
  if (/oes$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Normalised head noun of a counted phrase (its last word, singular). */
export function countedKeyOf(phrase: string): string {
  const words = phrase.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
  const last = words[words.length - 1] ?? '';
  return singular(last);
}
