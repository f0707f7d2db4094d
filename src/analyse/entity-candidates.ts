/**
 * Named-entity candidates: runs of capitalised words (with the particles that join names), trimmed of
 * sentence-initial common words, leading titles and possessives, and scored for each type.
 *
 * Evidence and weights (summed per candidate; the entity's type is the best total over its mentions):
 * - 4: an organisation suffix ("… Authority", "… Forces", "… Inc") or an organisation head before "of"
 *   ("Ministry of …", "Armed Forces of …"); a place suffix ("… River", "… Street"); a title before or
 *   in front of the name ("President …", "fire chief …") → person.
 * - 3: compromise's lexicon says City/Country/Region (place) or the first word is a FirstName (person);
 *   an acronym (organisation, or place for US/UK/…); a lower-case place noun after it ("Millbrook district").
 * - 2: other lexicon person tags (LastName, Honorific); Organization tag; proper-noun Place tag;
 *   a verb of saying right after it (person).
 * - 1: after "in/near/to/from…" (place); a place-like ending (-sk, -grad, -ton, -burg, …); compromise's
 *   rule-based Place tag; a list or apposition with towns/cities ("Krasnoarmeysk and Volchansk, two towns").
 * A candidate with no evidence is typed `other`.
 */
import type { EntityType } from '../types.js';
import { lexiconTag, type NlpTerm } from './nlp-doc.js';
import { isDemonymWord } from '../lang/demonyms.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { KNOWN_OUTLETS } from './lexicon-outlets.js';
import {
  NAME_PARTICLES,
  NEVER_ENTITY,
  ORG_HEADS_BEFORE_OF,
  ORG_SUFFIXES,
  PLACE_ACRONYMS,
  PLACE_NOUNS_AFTER,
  PLACE_PREPOSITIONS,
  PLACE_SUFFIXES,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
  TITLE_WORDS,
} from './entity-lexicon.js';

export type Scores = Record<EntityType, number>;

export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** Lower-case words of the name as written (possessive removed). */
  words: string[];
  scores: Scores;
  /** Lower-case title/descriptor words seen with this mention ("russian", "president"). */
  descriptors: string[];
  acronym: boolean;
  /** Index of the first and last term of the name in the term list. */
  firstTerm: number;
  lastTerm: number;
}

const COMMON_TAGS = [
  'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Verb', 'QuestionWord', 'Expression',
  'Copula', 'Modal', 'Value', 'Date', 'Negative',
];
const PROPER_LEX = new Set([
  'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'City', 'Country', 'Region', 'Place',
  'Organization', 'ProperNoun', 'Acronym', 'SportsTeam', 'Company', 'School', 'Demonym',
]);
const PLACE_ENDING = /(?:sk|grad|burg|bourg|ville|ton|ford|ham|pol|opol|stan|shire|chester|mouth|port|field|wick|stead|brook|borough|bury|dorf|hausen|heim|abad|pur|nagar|ovo|evo|ino|ivka|ovka|yevo)$/;
const PLACE_PLURALS = new Set([
  'towns', 'cities', 'villages', 'settlements', 'localities', 'countries', 'regions', 'provinces', 'capitals',
  'districts', 'states', 'nations', 'areas', 'communities', 'suburbs', 'islands', 'ports', 'town', 'city',
  'village', 'settlement', 'country', 'region', 'province', 'capital', 'district',
]);
/** The known outlets' names as written (./lexicon-outlets.ts). */
const OUTLET_NAMES: ReadonlySet<string> = new Set(KNOWN_OUTLETS);
/** Institutions usually named by their building or seat. */
const KNOWN_ORGS = new Set(['kremlin', 'pentagon', 'white house', 'downing street', 'elysee', 'élysée', 'quai d’orsay', 'bundestag', 'duma', 'knesset', 'whitehall', 'capitol hill']);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const ABBREV_WITH_DOT = new Set(['st', 'mt', 'ft', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'prof', 'rev', 'mr', 'mrs', 'ms', 'jr', 'sr', 'adm', 'maj', 'cmdr', 'supt', 'det', 'insp', 'hon', 'pres']);
const OF_HEAD_PLACES = new Set(['gulf', 'sea', 'bay', 'isle', 'isles', 'cape', 'city', 'republic', 'kingdom', 'state', 'province', 'region', 'district', 'strait', 'straits', 'county', 'duchy', 'emirate', 'sultanate', 'commonwealth', 'principality', 'island', 'islands', 'lake', 'mount']);

export function emptyScores(): Scores {
  return { person: 0, place: 0, organisation: 0, other: 0 };
}

/**
 * A group's score per type: the best single mention plus a tenth of the total, so that strong evidence
 * once beats weak evidence repeated ("to Machado" many times does not make a person a place). Shared by the
 * English and the Russian/French entity readers.
 */
export function groupScores(mentions: readonly { scores: Readonly<Scores> }[]): Scores {
  const s = emptyScores();
  for (const k of ['person', 'place', 'organisation', 'other'] as const) {
    let max = 0;
    let sum = 0;
    for (const c of mentions) {
      max = Math.max(max, c.scores[k]);
      sum += c.scores[k];
    }
    s[k] = max + 0.1 * sum;
  }
  return s;
}

/** Lower-case word without a possessive ending. */
export function bareWord(s: string): string {
  const low = s.toLowerCase();
  // Most words have no apostrophe: skip the two replacements (same result).
  if (!low.includes('’') && !low.includes("'")) return low;
  return low.replace(/[’']s$/, '').replace(/[’']$/, '');
}

export function isDemonym(t: NlpTerm): boolean {
  return t.tags.has('Demonym') || isDemonymWord(bareWord(t.text));
}


function isCapitalised(t: NlpTerm): boolean {
  // ASCII first letters decided by their code (the common case, same answer as the Unicode test).
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
}

function isAcronym(t: NlpTerm): boolean {
  const s = t.text.replace(/[’']s$/, '');
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,7}$/u.test(s) && !/^(?:I|II|III|IV|VI|VII|VIII|IX|XI|XX)$/.test(s);
}

/** Can this term be part of a name? */
function isNameWord(t: NlpTerm): boolean {
  if (t.text === '&') return true;
  if (!isCapitalised(t)) return false;
  if (t.tags.has('Date') || t.tags.has('Value') || t.tags.has('Pronoun')) return false;
  if (NEVER_ENTITY.has(bareWord(t.text))) return false;
  if (/^I[’'](?:d|m|ll|ve)$/.test(t.text)) return false;
  return true;
}

/** A capitalised word that is most likely capitalised only because it opens a sentence. */
function isCommonWord(t: NlpTerm): boolean {
  if (COMMON_TAGS.some((tag) => t.tags.has(tag))) return true;
  if (t.tags.has('Adjective') && !t.tags.has('Demonym')) return true;
  const lex = lexiconTag(bareWord(t.text));
  return lex !== undefined && !PROPER_LEX.has(lex);
}

function hasProperEvidence(t: NlpTerm): boolean {
  for (const tag of ['Person', 'FirstName', 'LastName', 'City', 'Country', 'Region', 'Organization', 'Honorific']) {
    if (t.tags.has(tag)) return true;
  }
  return (t.tags.has('Place') && t.tags.has('ProperNoun')) || isAcronym(t);
}

/** True when the text before `pos` ends a sentence, opens a quote, or is a line start. */
export function isSentenceInitial(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /[ \t\u00a0]/.test(text[i]!)) i--;
  if (i < 0) return true;
  const c = text[i]!;
  if (c === '\n' || c === '\r') return true;
  if ('.!?:;…“‘«([{'.includes(c)) return true;
  if (c === '"' || c === "'") {
    const before = i > 0 ? text[i - 1]! : ' ';
    return /\s|[.!?…]/.test(before);
  }
  if (c === '”' || c === '’' || c === '»') {
    const before = i > 0 ? text[i - 1]! : ' ';
    return /[.!?…]/.test(before);
  }
  return false;
}

/** Offset ranges of headline-style lines (most long words capitalised): names there need lexicon support. */
function titleCaseLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let title = titleLines.get(line);
    if (title === undefined) {
      title = isTitleCaseLine(line);
      titleLines.set(line, title);
    }
    if (title) out.push([lineStart, lineEnd]);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** `isTitleCaseLine` of recently seen lines (the copies of a story repeat their paragraphs). */
const titleLines = new BoundedCache<boolean>(8192);

/** Title case: most long words capitalised, and some of them plainly common words. */
function isTitleCaseLine(line: string): boolean {
  const words = line.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w));
  const common = caps.filter((w) => {
    const lex = lexiconTag(w.toLowerCase());
    return lex !== undefined && !PROPER_LEX.has(lex);
  }).length;
  return caps.length / words.length >= 0.7 && common >= 2;
}

function inRanges(ranges: [number, number][], pos: number): boolean {
  return ranges.some(([s, e]) => pos >= s && pos < e);
}

/** Gap between two terms allows them to belong to one name. */
function joinable(text: string, prev: NlpTerm, next: NlpTerm): boolean {
  const gap = text.slice(prev.end, next.start);
  // A possessive before a first name ends a name: "Arden University’s Ana Lind", "Russia’s Vladimir Putin"
  // (not "People’s Republic").
  if (/[’']s?$/u.test(prev.text) && /[’']/u.test(prev.text) && next.tags.has('FirstName')) return false;
  if (/^[ \t\u00a0]{1,2}$/.test(gap)) return true;
  if (gap === '-' || gap === '‑') return isCapitalised(next);
  if (/^\.[ \t\u00a0]{1,2}$/.test(gap)) {
    return /^\p{Lu}$/u.test(prev.text) || ABBREV_WITH_DOT.has(prev.text.toLowerCase());
  }
  if (gap === '' && next.text === '&') return true;
  return false;
}

/** Build the name runs: arrays of term indices. */
function nameRuns(text: string, terms: readonly NlpTerm[]): number[][] {
  const runs: number[][] = [];
  let i = 0;
  while (i < terms.length) {
    if (!isNameWord(terms[i]!) || terms[i]!.text === '&') {
      i++;
      continue;
    }
    const run = [i];
    let j = i + 1;
    while (j < terms.length) {
      const prev = terms[run[run.length - 1]!]!;
      const t = terms[j]!;
      if (!joinable(text, prev, t)) break;
      if (isNameWord(t)) {
        run.push(j);
        j++;
        continue;
      }
      const low = t.text.toLowerCase();
      const prevLow = bareWord(prev.text);
      // "Armed Forces of Russia", "Gulf of Mexico", "Bank of the West"
      if (low === 'of' && (ORG_HEADS_BEFORE_OF.has(prevLow) || OF_HEAD_PLACES.has(prevLow))) {
        let k = j + 1;
        if (terms[k]?.text.toLowerCase() === 'the' && joinable(text, t, terms[k]!)) k++;
        const after = terms[k];
        const before = terms[k - 1]!;
        if (after && isNameWord(after) && after.text !== '&' && joinable(text, before, after)) {
          for (let m = j; m <= k; m++) run.push(m);
          j = k + 1;
          continue;
        }
      }
      // "Charles de Gaulle"
      if (NAME_PARTICLES.has(low) && /^\p{Ll}/u.test(t.text)) {
        const after = terms[j + 1];
        if (after && isNameWord(after) && joinable(text, t, after)) {
          run.push(j, j + 1);
          j += 2;
          continue;
        }
      }
      break;
    }
    // No dangling "&" at the end.
    while (run.length > 0 && terms[run[run.length - 1]!]!.text === '&') run.pop();
    if (run.length > 0) runs.push(run);
    i = j;
  }
  return runs;
}

function isTitleWord(w: string): boolean {
  return TITLE_WORDS.has(w);
}

function isDescriptorWord(t: NlpTerm): boolean {
  const w = bareWord(t.text);
  return TITLE_WORDS.has(w) || TITLE_MODIFIERS.has(w) || isDemonym(t);
}

/** Title words written just before the name ("Fire chief", "former Ukrainian prime minister"). */
function descriptorsBefore(text: string, terms: readonly NlpTerm[], first: number): string[] {
  const out: string[] = [];
  let k = first - 1;
  while (k >= 0 && out.length < 5) {
    const t = terms[k]!;
    const next = terms[k + 1]!;
    if (!/^[ \t\u00a0]{1,2}$/.test(text.slice(t.end, next.start)) && !/^\.[ \t]$/.test(text.slice(t.end, next.start))) break;
    if (!isDescriptorWord(t)) break;
    out.unshift(bareWord(t.text));
    k--;
  }
  return out.some(isTitleWord) ? out : [];
}

/** Descriptors in an apposition after the name: "Tomas Reyes, the fire chief," */
function descriptorsAfter(text: string, terms: readonly NlpTerm[], last: number): string[] {
  const t0 = terms[last]!;
  const the = terms[last + 1];
  if (!the || !/^,\s$/.test(text.slice(t0.end, the.start)) || the.text.toLowerCase() !== 'the') return [];
  const out: string[] = [];
  let k = last + 2;
  while (k < terms.length && out.length < 5) {
    const t = terms[k]!;
    if (!isDescriptorWord(t)) break;
    out.push(bareWord(t.text));
    if (/[,.;:!?]/.test(t.post)) break;
    k++;
  }
  return out.some(isTitleWord) ? out : [];
}

function lowerNextWord(text: string, terms: readonly NlpTerm[], last: number): string | null {
  const t = terms[last]!;
  const n = terms[last + 1];
  if (!n || !/^[ \t\u00a0]{1,2}$/.test(text.slice(t.end, n.start))) return null;
  return /^\p{Ll}/u.test(n.text) ? n.text.toLowerCase() : null;
}

/** Extract scored candidates from a parsed text. */
export function findCandidates(text: string, terms: readonly NlpTerm[]): Candidate[] {
  const headlines = titleCaseLines(text);
  // Words seen capitalised in a non-initial position somewhere in the text.
  const capitalisedInside = new Set<string>();
  for (const t of terms) {
    if (isCapitalised(t) && !isSentenceInitial(text, t.start)) capitalisedInside.add(bareWord(t.text));
  }

  const out: Candidate[] = [];
  for (const run0 of nameRuns(text, terms)) {
    let run = run0;
    const firstT = terms[run[0]!]!;
    const inHeadline = inRanges(headlines, firstT.start);
    if (inHeadline) {
      // Keep only the longest stretch of words with lexicon support.
      const kept = run.filter((k) => hasProperEvidence(terms[k]!) || NAME_PARTICLES.has(terms[k]!.text.toLowerCase()));
      if (kept.length === 0) continue;
      run = kept;
      const contiguous: number[] = [kept[0]!];
      for (const k of kept.slice(1)) {
        if (k === contiguous[contiguous.length - 1]! + 1) contiguous.push(k);
        else break;
      }
      run = contiguous;
    }
    // Leading sentence-initial common word, and leading articles.
    while (run.length > 0) {
      const t = terms[run[0]!]!;
      const low = t.text.toLowerCase();
      if (low === 'the' || low === 'a' || low === 'an' || NAME_PARTICLES.has(low) || t.text === '&') {
        run = run.slice(1);
        continue;
      }
      const titleBeforeName = run.length > 1 && isDescriptorWord(t);
      if (isSentenceInitial(text, t.start) && isCommonWord(t) && !hasProperEvidence(t) && !titleBeforeName) {
        run = run.slice(1);
        continue;
      }
      break;
    }
    // Trailing particles / "of".
    while (run.length > 0 && !isNameWord(terms[run[run.length - 1]!]!)) run = run.slice(0, -1);
    if (run.length === 0) continue;

    // Leading titles ("Russian President", "Mayor", "Homeland Security Secretary", "Democrat") become
    // descriptors when a person's name follows: cut after the last title word, or after leading
    // descriptor words when a known first name follows.
    const stripped: string[] = [];
    let cut = 0;
    for (let m = 0; m < run.length - 1; m++) {
      if (isTitleWord(bareWord(terms[run[m]!]!.text))) cut = m + 1;
    }
    if (cut === 0) {
      let m = 0;
      while (m < run.length - 1 && isDescriptorWord(terms[run[m]!]!)) m++;
      if (m > 0 && terms[run[m]!]!.tags.has('FirstName')) cut = m;
    }
    if (cut > 0) {
      const rest = run.slice(cut).map((m) => terms[m]!);
      const restLast = bareWord(rest[rest.length - 1]!.text);
      const personLike =
        rest.length <= 4 &&
        !ORG_SUFFIXES.has(restLast) &&
        !PLACE_SUFFIXES.has(restLast) &&
        !rest.some((t) => t.text.toLowerCase() === 'of' || isTitleWord(bareWord(t.text)));
      if (personLike) {
        stripped.push(...run.slice(0, cut).map((m) => bareWord(terms[m]!.text)));
        run = run.slice(cut);
      }
    }

    const words = run.map((m) => terms[m]!);
    const first = words[0]!;
    const last = words[words.length - 1]!;
    // A lone title, demonym, or other non-name left over.
    if (words.length === 1 && (isDemonym(first) || isTitleWord(bareWord(first.text)))) continue;
    if (words.length === 1 && bareWord(first.text).replace(/\./g, '').length < 2) continue; // "E", "J."
    // Plural demonyms ("Somalis", "Yemenis") are groups of people, not named entities.
    if (words.length === 1 && /s$/.test(bareWord(first.text)) && isDemonymWord(bareWord(first.text).replace(/s$/, ''))) continue;
    if (words.every((t) => isDescriptorWord(t))) continue;
    // An unknown adjective of nationality before a noun ("the Norlandic minister").
    if (
      words.length === 1 &&
      /(?:ian|ese|ish|ic)$/.test(bareWord(first.text)) &&
      lexiconTag(bareWord(first.text)) === undefined &&
      lowerNextWord(text, terms, run[0]!) !== null
    ) {
      continue;
    }
    // A lone sentence-initial word the text never capitalises elsewhere, with no lexicon support.
    if (
      words.length === 1 &&
      isSentenceInitial(text, first.start) &&
      !hasProperEvidence(first) &&
      !capitalisedInside.has(bareWord(first.text))
    ) {
      continue;
    }

    // A lone capitalised common word with nothing to say it is a name ("Election", "Percent").
    if (words.length === 1 && !isAcronym(first) && !hasProperEvidence(first)) {
      const lex = lexiconTag(bareWord(first.text));
      if (lex !== undefined && !PROPER_LEX.has(lex)) continue;
    }

    let end = last.end;
    if (/[’']s$/.test(last.text)) end -= 2;
    else if (/[’']$/.test(last.text)) end -= 1;
    const start = first.start;
    if (end <= start) continue;
    const lowWords = words.map((t) => bareWord(t.text));
    const lastWord = lowWords[lowWords.length - 1]!;
    const firstIdx = run[0]!;
    const lastIdx = run[run.length - 1]!;

    const descriptors = [...stripped, ...descriptorsBefore(text, terms, run0[0]!), ...descriptorsAfter(text, terms, lastIdx)];
    const scores = emptyScores();
    const acronym = words.length === 1 && isAcronym(first);

    // Organisation / place shape.
    if (ORG_SUFFIXES.has(lastWord) && !(words.length === 1 && !isCapitalised(first))) scores.organisation += 4;
    const ofAt = lowWords.indexOf('of');
    if (ofAt > 0) {
      const head = lowWords[ofAt - 1]!;
      if (ORG_HEADS_BEFORE_OF.has(head)) scores.organisation += 4;
      else if (OF_HEAD_PLACES.has(head)) scores.place += 4;
    }
    if (words.length >= 2 && PLACE_SUFFIXES.has(lastWord)) scores.place += 4;
    if (acronym) {
      const bare = first.text.replace(/[’']s$/, '').replace(/\./g, '');
      const dottedPair = /^(?:\p{Lu}\.){2}$/u.test(first.text) && bare !== 'UN';
      if (PLACE_ACRONYMS.has(bare) || dottedPair || first.tags.has('Country') || first.tags.has('City')) scores.place += 3;
      else scores.organisation += 3;
    }
    // Person evidence.
    if (descriptors.some(isTitleWord)) scores.person += 4;
    if (first.tags.has('Honorific')) scores.person += 4;
    const firstLex = lexiconTag(bareWord(first.text));
    const firstIsFirstName = first.tags.has('FirstName') || firstLex === 'FirstName' || firstLex === 'MaleName' || firstLex === 'FemaleName';
    if (words.length >= 2 && firstIsFirstName) scores.person += 3;
    else if (words.some((t) => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName'))) scores.person += 2;
    // Lexicon places and organisations.
    if (words.every((t) => t.tags.has('City') || t.tags.has('Country') || t.tags.has('Region') || NAME_PARTICLES.has(t.text.toLowerCase()))) {
      scores.place += 3;
    } else if (words.some((t) => t.tags.has('Place') && t.tags.has('ProperNoun') && !t.tags.has('Person'))) {
      scores.place += 2;
    } else if (words.some((t) => t.tags.has('Place'))) {
      scores.place += 1;
    }
    if (!acronym && words.some((t) => t.tags.has('Organization'))) scores.organisation += 2;
    if (KNOWN_ORGS.has(lowWords.join(' '))) scores.organisation += 3;
    // A news agency or outlet by its name ("RIA Novosti", "Interfax", "Sputnik"): an organisation, not a person.
    if (OUTLET_NAMES.has(text.slice(start, end))) scores.organisation += 4;
    // Context.
    const nextLow = lowerNextWord(text, terms, lastIdx);
    if (nextLow !== null && PLACE_NOUNS_AFTER.has(nextLow)) scores.place += 3;
    const after = terms[lastIdx + 1];
    if (after && SPEECH_VERBS.has(after.text.toLowerCase()) && /^,?\s+$/.test(text.slice(last.end, after.start)) && !acronym && scores.organisation === 0) {
      scores.person += 2;
    }
    const before = terms[firstIdx - 1];
    if (before && PLACE_PREPOSITIONS.has(before.text.toLowerCase()) && /^\s+$/.test(text.slice(before.end, first.start))) {
      const before2 = terms[firstIdx - 2];
      if (!(before.text.toLowerCase() === 'to' && before2 && /^(according|thanks|due|told)$/i.test(before2.text))) scores.place += 1;
    }
    if (words.length === 1 && !first.tags.has('Person') && PLACE_ENDING.test(lastWord)) scores.place += 1;

    out.push({
      start,
      end,
      text: text.slice(start, end),
      words: lowWords,
      scores,
      descriptors,
      acronym,
      firstTerm: firstIdx,
      lastTerm: lastIdx,
    });
  }
  applyListContext(text, terms, out);
  return out;
}

/**
 * Names in a list or apposition with place nouns ("towns such as A and B", "A and B, two towns") get
 * place evidence; an untyped name in a list with (or dash-joined to) a typed name gets weak evidence of
 * the same type ("Kessington–Harlow").
 */
function applyListContext(text: string, terms: readonly NlpTerm[], cands: Candidate[]): void {
  let i = 0;
  while (i < cands.length) {
    let j = i;
    while (j + 1 < cands.length) {
      const gap = text.slice(cands[j]!.end, cands[j + 1]!.start);
      if (/^(?:[’']s?)?(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s+and\s+|\s*[–—-]\s*)$/.test(gap)) j++;
      else break;
    }
    const group = cands.slice(i, j + 1);
    // Place nouns just before or after the list.
    const firstTerm = group[0]!.firstTerm;
    const lastTerm = group[group.length - 1]!.lastTerm;
    let placeContext = false;
    for (let k = Math.max(0, firstTerm - 3); k < firstTerm; k++) {
      if (PLACE_PLURALS.has(terms[k]!.text.toLowerCase())) placeContext = true;
    }
    for (let k = lastTerm + 1; k <= Math.min(terms.length - 1, lastTerm + 3); k++) {
      const t = terms[k]!;
      if (PLACE_PLURALS.has(t.text.toLowerCase())) placeContext = true;
      if (/[.;:!?]/.test(t.post)) break;
    }
    if (placeContext) for (const c of group) c.scores.place += 1;
    if (group.length > 1) {
      const total = emptyScores();
      for (const c of group) for (const k of Object.keys(total) as EntityType[]) total[k] += c.scores[k];
      const best = bestType(total);
      if (best !== 'other') {
        for (const c of group) if (bestType(c.scores) === 'other') c.scores[best] += 1;
      }
    }
    i = j + 1;
  }
}

/** The type with the highest score; ties prefer organisation, place, person; all zero → other. */
export function bestType(s: Scores): EntityType {
  let best: EntityType = 'other';
  let top = 0;
  for (const k of ['organisation', 'place', 'person'] as const) {
    if (s[k] > top) {
      top = s[k];
      best = k;
    }
  }
  return best;
}

export { NAME_SUFFIXES, isTitleWord };
