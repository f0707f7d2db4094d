/**
 * Offline analysis of Russian and French articles: the same `AnalysedArticle` record `analyse()` makes for
 * English, so later stages work unchanged. Pure and deterministic, no I/O, no compromise.
 *
 * This module is the language-independent engine; everything that is Russian or French (abbreviations, word
 * lists, name morphology, reporting verbs, number vocabulary and counted phrases, date rules, cue patterns,
 * negation) lives in src/lang/ru and src/lang/fr, assembled as one `LanguageRules` object per language
 * (ru/rules.ts, fr/rules.ts). `analysisLanguage` (src/lang/language.ts) says which analyser an article gets.
 * What each finding covers:
 *
 * - sentences: Intl.Segmenter (sentence granularity, the language's locale) inside the paragraphs of the English
 *   splitter's rule (blank lines, or single newlines in one-line-per-paragraph text; a hard-wrapped block is one
 *   paragraph), its breaks repaired: a closing quote or bracket the segmenter left at the start of the next
 *   sentence goes back to the one it closes; no break before a lower-case word or a dash + lower-case word
 *   ("«…!» — сказал он"), after an initial ("В. В. Путин"), after a never-ending abbreviation ("ул.", "M."),
 *   or after an ambiguous one ("г.", "т.д.") unless a common sentence opener follows; and, as in English, no break
 *   inside a quotation closed in its paragraph that holds at most three sentences.
 * - entities, numbers, dates, quotes, attributions, negations: see the sections below.
 */
import * as chrono from 'chrono-node';
import type {
  AnalysedArticle,
  Article,
  DateGrain,
  DateMention,
  Entity,
  EntityType,
  MediaAttribution,
  Negation,
  NumberKind,
  NumberMention,
  Quote,
  Sentence,
  SpeakerRef,
  Span,
} from '../types.js';
import { sentenceIndexAt, spanOf } from '../text/spans.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { dayAndClock, parsePublished, type Ymd } from './date-rules.js';
import { chronoDateValue } from './dates.js';
import { cutSentences, lineBlocks } from './sentences.js';
import { groupScores } from './entity-candidates.js';
import { isLabel } from './number-labels.js';
import { RU_RULES } from '../lang/ru/rules.js';
import { FR_RULES } from '../lang/fr/rules.js';

// ───────────────────────────── the rules a language supplies ─────────────────────────────

export interface SentenceRules {
  locale: string;
  /** Abbreviations (lower case, inner dots kept, final dot dropped: "ул", "т.е") after which a dot never ends a sentence. */
  neverEnd: ReadonlySet<string>;
  /** Abbreviations that end a sentence only before a common opener ("г", "т.д"). */
  ambiguous: ReadonlySet<string>;
  /** Lower-case words that commonly open a sentence. */
  openers: ReadonlySet<string>;
}

export interface EntityRules {
  /** Grouping stem of one name word: lower case, case ending stripped ("Пескову" → "песков"). */
  stem(word: string): string;
  /** One word of the key, before latinising ("Пескова" → "Песков"); `nameBase` for Russian. */
  keyBase(word: string): string;
  /** How far a word form is from a nominative (0 = looks nominative); picks the entity's `name`. */
  formPenalty(word: string): number;
  /** Lower-case function words: capitalised only because they open a sentence. */
  functionWords: ReadonlySet<string>;
  /** Titles written before a name, not part of it ("M.", "Mme"), as written. */
  nameTitles: ReadonlySet<string>;
  /** Lower-case words allowed inside a name between two capitalised words ("de" in Charles de Gaulle). */
  connectors: ReadonlySet<string>;
  /** Stems (of `stem`) of common first names. */
  firstNames: ReadonlySet<string>;
  /** A word that is a patronymic ("Владимирович"). */
  patronymic: RegExp | null;
  /** Lower-case words (stems) just before a name that make it a person ("президент", "maire"). */
  personWords: ReadonlySet<string>;
  /** Stems of well-known places. */
  places: ReadonlySet<string>;
  /** Lower-case prepositions before a place ("в", "à"). */
  placePrepositions: ReadonlySet<string>;
  /** Place-name shapes, tested on the lower-case key base of the last word ("-ск", "-град"). */
  placeShape: RegExp;
  /** Stems of well-known organisations (agencies, outlets, institutions). */
  organisations: ReadonlySet<string>;
  /** Lower-case first words (tested on the lower-cased word) that make a name an organisation ("министерство"). */
  orgHead: RegExp;
  /** Lower-case nouns before a quoted name that make it an organisation (компания «X»). */
  orgNouns: ReadonlySet<string>;
  /** Reporting verbs (global): one right after a name, or before it across `speechGap`, makes it a speaker. */
  speechVerb: RegExp;
  /** Phrases before a speaker's name only ("По словам", "selon"), global. */
  speechLead: RegExp;
  /** What may stand between a reporting verb and the speaker's name (title words: "заявил пресс-секретарь"). */
  speechGap: RegExp;
}

/**
 * A reporting-clause pattern. Named groups: `verb` (the cue), optionally `pron` (a pronoun in the clause).
 * `who` says where the speaker is: right `before` the verb, `after` it (the first name after the match), or
 * `pron` only.
 */
export interface CuePattern {
  re: RegExp;
  who: 'before' | 'after';
  /**
   * The name after the verb is its subject, so a name in an oblique case is not the speaker ("Как сообщил Седову
   * его заместитель": Седову is the addressee). Names whose last word has `formPenalty` ≥ 2 are skipped.
   */
  subject?: boolean;
}

export interface ReportedPattern extends CuePattern {
  /**
   * Where the reported content is: `after-comma` — after the first comma following the speaker ("По словам X, …");
   * `after` — from the end of the match to the sentence end ("X заявил, что …"); `before` — from the sentence
   * start to the start of the match ("…, — заявил X").
   */
  content: 'after-comma' | 'after' | 'before';
}

export interface QuoteRules {
  /** Tried on the text after a closing mark (anchored at its start). */
  afterClose: CuePattern[];
  /** Tried on the text of the sentence before an opening mark (anchored at its end). */
  beforeOpen: CuePattern[];
  /** Reported speech, tried on each sentence outside quotation marks. */
  reported: ReportedPattern[];
  /** Pronouns that stand for the last person named. */
  pronoun: RegExp;
}

export interface NumberRules {
  /** Multiplier words and abbreviations (lower case) → factor. */
  multipliers: ReadonlyMap<string, number>;
  /** Text after a number (anchored, after white space) that makes it a percentage. */
  percent: RegExp;
  /** Currency symbols and words (lower case) → ISO code; words are matched whole, before or after the number. */
  currencies: ReadonlyMap<string, string>;
  /** Unit words (lower case) → normalised unit ("км" → "km", "лет" → "year"). */
  units: ReadonlyMap<string, string>;
  /** An ordinal suffix right after the digits ("-й", "er", "e"). */
  ordinal: RegExp;
  /** A 4-digit number followed by this is a year ("2026 года"). */
  yearAfter: RegExp;
  /** Small number words (lower case) → value: only reported before a counted noun. */
  words: ReadonlyMap<string, number>;
  /** Connector between the two numbers of a range ("–", "до", "à"). */
  range: RegExp;
  /** The counted noun phrase starting at `at` (after white space), or null; `head` is the word the key is made from. */
  counted(text: string, at: number): { span: Span; head: string } | null;
  /** The key of a counted head word (a snowball stem). */
  countedKey(head: string): string;
}

export interface DateRules {
  parser: chrono.Chrono;
  /** Leading words trimmed from a chrono span ("в", "le"). */
  leading: RegExp;
  /** A cheap pre-test: does a sentence possibly hold a date chrono can read? */
  mayHoldDate: RegExp;
  /** Dates chrono's strict mode leaves (weekdays, relative days, month + year, bare years). */
  ruleDates(text: string, ref: Ymd | null, taken: [number, number][]): RuleDateFound[];
}

export interface RuleDateFound {
  start: number;
  end: number;
  iso: string;
  grain: DateGrain;
  inferred: boolean;
}

/**
 * What a language's date rules collect into: `push` keeps a date only where no earlier finding (chrono's, or a
 * rule's before it) is, and marks its span taken; `out` the dates kept, in the order pushed. `pushDay` pushes a day
 * word (a weekday, "вчера", "hier") of `text`, inferred from the publication day, and the clock time written next to
 * it ("в понедельник в 21:40", "lundi à 21h40") as a date of `time` grain on the clock's words
 * (date-rules.ts `dayAndClock`).
 */
export function ruleDateCollector(
  taken: [number, number][],
  text: string,
  language: 'ru' | 'fr',
): { out: RuleDateFound[]; push: (d: RuleDateFound) => void; pushDay: (start: number, end: number, iso: string) => void } {
  const out: RuleDateFound[] = [];
  const push = (d: RuleDateFound): void => {
    if (taken.some(([a, b]) => d.start < b && a < d.end)) return;
    out.push(d);
    taken.push([d.start, d.end]);
  };
  const pushDay = (start: number, end: number, iso: string): void => {
    for (const d of dayAndClock(text, start, end, iso, language)) push(d);
  };
  return { out, push, pushDay };
}

export interface AttributionPattern {
  re: RegExp;
  /** Accept any capitalised name in the `outlet` group (else only known outlets and organisations). */
  generic: boolean;
}

export interface AttributionRules {
  patterns: AttributionPattern[];
  /** Known outlets as written (any case form), used to accept a name. */
  isKnownOutlet(name: string): boolean;
  /** The outlet key: `normaliseKey(latinise(nameBase(outlet)))` or a known outlet's canonical key. */
  key(outlet: string): string;
}

export interface LanguageRules {
  language: 'ru' | 'fr';
  sentences: SentenceRules;
  entities: EntityRules;
  numbers: NumberRules;
  dates: DateRules;
  quotes: QuoteRules;
  attributions: AttributionRules;
  /** The latinised, normalised key of a name from its key-base words. */
  nameKey(words: readonly string[]): string;
  negations(text: string, sentences: readonly Sentence[]): Negation[];
}

const RULES: Record<'ru' | 'fr', LanguageRules> = { ru: RU_RULES, fr: FR_RULES };

/** Pure per-article analysis of a Russian or French article (see the module comment). */
export function analyseForeign(article: Article, language: 'ru' | 'fr'): AnalysedArticle {
  const rules = RULES[language];
  const { text } = article;
  const sentences = splitSentencesFor(text, rules.sentences);
  const entities = extractEntitiesFor(text, sentences, rules);
  const dates = extractDatesFor(text, sentences, article.published, rules.dates, language);
  return {
    article,
    sentences,
    entities,
    quotes: extractQuotesFor(text, sentences, entities, rules),
    numbers: extractNumbersFor(text, sentences, dates, rules.numbers),
    dates,
    attributions: extractAttributionsFor(text, sentences, entities, rules.attributions),
    negations: rules.negations(text, sentences),
  };
}

// ───────────────────────────── paragraphs and sentences ─────────────────────────────

interface Range {
  start: number;
  end: number;
}

interface Paragraph extends Range {
  paragraph: number;
}

function endsTerminal(line: string): boolean {
  return /[.!?…:;]["”“’'»›)\]]*\s*$/.test(line);
}

/** Paragraph segments by the English splitter's rule (sentences.ts), with a Unicode lower-case test. */
export function paragraphsOf(text: string): Paragraph[] {
  const blocks = lineBlocks(text);
  const out: Paragraph[] = [];
  let paragraph = 0;
  for (const block of blocks) {
    let hardWrapped = false;
    if (block.length >= 3) {
      const body = block.slice(0, -1);
      const nonTerminal = body.filter((l) => !endsTerminal(text.slice(l.start, l.end))).length;
      const long = body.filter((l) => l.end - l.start >= 30).length;
      hardWrapped = nonTerminal / body.length > 0.5 && long / body.length >= 0.8;
    }
    let segStart = block[0]!.start;
    for (let k = 0; k + 1 < block.length; k++) {
      const l = block[k]!;
      const next = block[k + 1]!;
      const lineText = text.slice(l.start, l.end).trimEnd();
      const nextFirst = text.slice(next.start, next.end).trimStart()[0] ?? '';
      const wrap = hardWrapped || (!endsTerminal(lineText) && (/[,\-–]$/.test(lineText) || /\p{Ll}/u.test(nextFirst)));
      if (!wrap) {
        out.push({ start: segStart, end: l.end, paragraph: paragraph++ });
        segStart = next.start;
      }
    }
    out.push({ start: segStart, end: block[block.length - 1]!.end, paragraph: paragraph++ });
  }
  return out;
}

const CLOSING_MARKS = /[»”“"’)\]]/;
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, s);
  }
  return s;
}

/** The abbreviation a dot at `dot` ends, lower case with inner dots ("т.е", "ул", "в"), or the word before it. */
function abbreviationBefore(text: string, dot: number): { word: string; dotted: string } {
  const m = /((?:\p{L}{1,4}\.\s?){0,3})(\p{L}+)$/u.exec(text.slice(Math.max(0, dot - 24), dot));
  const word = m?.[2] ?? '';
  const dotted = m ? (m[1]! + m[2]!).replace(/\s/g, '').toLowerCase() : '';
  return { word, dotted };
}

/** Is the candidate break (left text ends at `leftEnd`, next sentence starts at `next`) a real sentence end? */
function isSentenceEnd(text: string, leftEnd: number, next: number, rules: SentenceRules): boolean {
  let e = leftEnd;
  while (e > 0 && (CLOSING_MARKS.test(text[e - 1]!) || /\s/.test(text[e - 1]!))) e--;
  const terminal = text[e - 1] ?? '';
  if (!/[.!?…]/.test(terminal)) return false;
  const after = text.slice(next, next + 3);
  if (/^\p{Ll}/u.test(after) || /^[—–-]\s*\p{Ll}/u.test(after) || /^[,;:]/.test(after)) return false;
  if (terminal !== '.' || text[e - 2] === '.') return true;
  const { word, dotted } = abbreviationBefore(text, e - 1);
  if (word === '') return true;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial
  const lower = word.toLowerCase();
  if (rules.neverEnd.has(dotted) || rules.neverEnd.has(lower)) return false;
  if (rules.ambiguous.has(dotted) || rules.ambiguous.has(lower)) {
    const nextWord = /^[«„“"(]*(\p{L}+)/u.exec(text.slice(next, next + 30))?.[1] ?? '';
    return rules.openers.has(nextWord.toLowerCase());
  }
  return true;
}

/** Outermost quotation-mark pairs of one line (see quotePairs). */
export interface QuoteSpan {
  open: number;
  close: number;
}

/**
 * Outermost quotation pairs in [start, end) (never across a line break): «…» with anything nested inside,
 * „…“ / „…”, “…” and "…". A mark that does not close on its line is dropped.
 */
export function quotePairs(text: string, start: number, end: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: Array<{ mark: string; at: number }> = [];
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      stack.length = 0;
      continue;
    }
    const top = stack[stack.length - 1];
    let closes = false;
    if (ch === '»') closes = top?.mark === '«';
    else if (ch === '“') closes = top?.mark === '„';
    else if (ch === '”') closes = top?.mark === '„' || top?.mark === '“';
    else if (ch === '"') closes = top?.mark === '"';
    if (closes && top) {
      stack.pop();
      if (stack.length === 0) out.push({ open: top.at, close: i });
      continue;
    }
    if (ch === '«' || ch === '„' || ch === '“') stack.push({ mark: ch, at: i });
    else if (ch === '"' && /[\s(«„—–-]|^$/.test(text[i - 1] ?? '') && !/\s/.test(text[i + 1] ?? ' ')) stack.push({ mark: ch, at: i });
  }
  return out;
}

/** Sentences with exact offsets, trimmed, numbered from 0 (see the module comment). */
export function splitSentencesFor(text: string, rules: SentenceRules): Sentence[] {
  const segmenter = segmenterFor(rules.locale);
  const out: Sentence[] = [];
  for (const para of paragraphsOf(text)) {
    // A wrapped line break is white space here; the same length keeps offsets.
    const body = text.slice(para.start, para.end).replace(/\n/g, ' ');
    const breaks: number[] = [];
    for (const seg of segmenter.segment(body)) {
      const b = para.start + seg.index;
      if (seg.index === 0) continue;
      // Closing marks the segmenter put at the start of the next piece belong to the one before.
      let at = b;
      while (at < para.end && CLOSING_MARKS.test(text[at]!) && (at + 1 >= para.end || /[\s,.;:!?»”“"’)\]]/.test(text[at + 1]!))) at++;
      let next = at;
      while (next < para.end && /\s/.test(text[next]!)) next++;
      if (next >= para.end) continue;
      if (isSentenceEnd(text, at, next, rules)) breaks.push(at);
    }
    // Quoted passages of at most three sentences stay whole.
    cutSentences(text, para, breaks, quotePairs(text, para.start, para.end), out);
  }
  return out;
}

// ───────────────────────────── entities ─────────────────────────────
//
// Candidates: runs of capitalised words (hyphenated names are one word), with initials ("В. В. Путин",
// "В.Путин") and, in French, connectors between capitalised words ("Charles de Gaulle"); a title such as "M."
// is not part of the name but marks a person. At a sentence start (or just inside an opening quotation mark)
// the first word counts only when its stem is seen capitalised mid-sentence elsewhere, it is an initial or a
// known first name, or a reporting verb follows the run; a capitalised function word there is never a name.
// Roman numerals are not names.
//
// Grouping: mentions with the same word stems are one entity (so declined forms meet: Песков, Пескова,
// Пескову); a multi-word person name joins another with the same surname and compatible first initial
// ("В. В. Путин" → "Владимир Путин"); a one-word mention joins the person whose surname it is (nearest
// preceding, else the first).
//
// Types, by summed cues (the best mention plus a tenth of all, as in English): person — initials, a known
// first name or patronymic, a title word before it, a reporting verb after it or before it ("— заявил X",
// "По словам X"); place — a place preposition before it, a place-name shape (-ск, -град, ...), a known place;
// organisation — an all-caps acronym, a known organisation or outlet, an organisation head word
// ("Министерство"), a noun such as компания before a quoted name; else other.
//
// `name` = the fullest form (most full words, then most nominative-looking, then shortest); `key` = the
// latinised, lower-case name with each word's case ending stripped ("dmitriy peskov"); `aliases` = the keys of
// every form seen plus the surname's key.

interface Token {
  start: number;
  end: number;
  text: string;
  initial: boolean;
}

interface Mention extends Range {
  words: Token[];
  stems: string[];
  scores: Record<EntityType, number>;
}

interface Group {
  mentions: Mention[];
  into: Group | null;
}

const TYPES: readonly EntityType[] = ['person', 'place', 'organisation', 'other'];
const WORD_RE = /\p{Lu}\.(?=\s?\p{Lu})|[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*/gu;
const ROMAN = /^[IVXLCDM]+$/;

function rootOf(g: Group): Group {
  let r = g;
  while (r.into) r = r.into;
  return r;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && /^[\p{Lu}\d-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

/** Are these words (in order) a known organisation or the start of one? */
function knownOrganisation(words: readonly Token[], rules: EntityRules): boolean {
  const stems = words.map((w) => rules.stem(w.text)).join(' ');
  const lower = words.map((w) => w.text.toLowerCase()).join(' ');
  for (const o of rules.organisations) if (o.startsWith(stems) || o.startsWith(lower)) return true;
  return false;
}

/**
 * Is offset `at` where a sentence starts: only opening marks, brackets, dashes and white space before it in its
 * sentence, or just inside an opening quotation mark, or after a colon? (A backward scan: no regex over the
 * sentence, which would be quadratic.)
 */
function sentenceInitial(text: string, sentence: Sentence | undefined, at: number): boolean {
  if (!sentence) return true;
  let i = at - 1;
  while (i >= sentence.start && /\s/.test(text[i]!)) i--;
  if (i < sentence.start || text[i] === ':') return true;
  if (/[«„“"]/.test(text[i]!)) {
    // A quotation opens a sentence of its own at the sentence start or after a colon, dash or comma; after a
    // word it is a quoted name (компания «Вектор», la société « Vertal »).
    i--;
    while (i >= sentence.start && /\s/.test(text[i]!)) i--;
    return i < sentence.start || /[:,—–-]/.test(text[i]!);
  }
  while (i >= sentence.start && /[\s(—–-]/.test(text[i]!)) i--;
  return i < sentence.start;
}

/** The word just before `start` (letters, dots, hyphens; a final apostrophe kept: "l'", "d'"), and whether white space separates them. */
function wordBefore(text: string, start: number): { word: string; spaced: boolean } {
  let i = start;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  const spaced = i < start;
  let j = i;
  if (j > 0 && /['’]/.test(text[j - 1]!)) j--;
  while (j > 0 && /[\p{L}.\-]/u.test(text[j - 1]!)) j--;
  return { word: text.slice(j, i), spaced };
}

/** Reporting verbs and lead phrases of an article, for the speaker cue of entity typing. */
interface SpeechMarks {
  verbs: Range[];
  leads: Range[];
}

function speechMarks(text: string, rules: EntityRules): SpeechMarks {
  const all = (re: RegExp): Range[] => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return { verbs: all(rules.speechVerb), leads: all(rules.speechLead) };
}

/** A reporting verb right after [start, end), or a verb or lead phrase before it across a title gap. */
function isSpeakerPosition(text: string, start: number, end: number, marks: SpeechMarks, rules: EntityRules): boolean {
  for (const v of marks.verbs) {
    if (v.start >= end && v.start - end <= 2 && /^\s+$/.test(text.slice(end, v.start))) return true;
  }
  for (const list of [marks.verbs, marks.leads]) {
    for (const v of list) {
      if (v.end <= start && start - v.end <= 60 && rules.speechGap.test(text.slice(v.end, start))) return true;
    }
  }
  return false;
}

function candidateMentions(text: string, sentences: readonly Sentence[], rules: EntityRules): Mention[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], initial: /^\p{Lu}\.$/u.test(m[0]) });
  }
  const gapOk = (a: Token, b: Token): boolean => {
    const gap = text.slice(a.end, b.start);
    return a.initial ? /^\s?$/.test(gap) : /^[ \u00a0]$/.test(gap);
  };
  // Runs of capitalised tokens.
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length && rules.connectors.has(run[run.length - 1]!.text)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = run[run.length - 1];
    const joins = prev !== undefined && gapOk(prev, t);
    if (isCapitalised(t.text) && !rules.nameTitles.has(t.text) && !rules.nameTitles.has(`${t.text}.`)) {
      // An acronym next to a capitalised word is two names ("à l'AFP Jean Dupont", "ТАСС Песков") unless the
      // pair is a known organisation ("РИА Новости").
      const split = prev !== undefined && !prev.initial && isAcronym(prev.text) !== isAcronym(t.text) && !knownOrganisation([prev, t], rules);
      if (!joins || split) flush();
      run.push(t);
    } else if (prev && joins && rules.connectors.has(t.text) && isCapitalised(tokens[i + 1]?.text ?? '')) {
      run.push(t);
    } else flush();
  }
  flush();

  // Stems capitalised mid-sentence (evidence that a sentence-initial word is a name).
  const midStems = new Set<string>();
  const sentenceOf = (at: number): Sentence | undefined => sentences[sentenceIndexAt(sentences, at)];
  for (const r of runs) {
    for (const t of r) {
      if (!t.initial && !sentenceInitial(text, sentenceOf(t.start), t.start)) midStems.add(rules.stem(t.text));
    }
  }

  const marks = speechMarks(text, rules);
  const out: Mention[] = [];
  for (let r of runs) {
    const first = r[0]!;
    if (sentenceInitial(text, sentenceOf(first.start), first.start) && !first.initial) {
      const lower = first.text.toLowerCase();
      const stem = rules.stem(first.text);
      const known = rules.organisations.has(r.map((t) => t.text.toLowerCase()).join(' ')) || rules.places.has(r.map((t) => rules.stem(t.text)).join(' '));
      const keep =
        known ||
        (!rules.functionWords.has(lower) &&
        (midStems.has(stem) || rules.firstNames.has(stem) || isAcronym(first.text) || (r.length === 1 && isSpeakerPosition(text, first.start, first.end, marks, rules))));
      if (!keep) r = r.slice(1);
    }
    while (r.length && rules.connectors.has(r[0]!.text)) r = r.slice(1);
    if (r.length === 0) continue;
    if (r.every((t) => t.initial)) continue;
    if (r.length >= 3 && r.every((t) => isAcronym(t.text))) continue; // an all-caps headline, not a name
    if (r.length === 1 && (ROMAN.test(r[0]!.text) || rules.functionWords.has(r[0]!.text.toLowerCase()))) continue;
    const start = r[0]!.start;
    const end = r[r.length - 1]!.end;
    out.push({ start, end, words: r, stems: r.map((t) => (t.initial ? t.text.toLowerCase() : rules.stem(t.text))), scores: mentionScores(text, r, start, end, rules, marks) });
  }
  return out;
}

function mentionScores(text: string, words: readonly Token[], start: number, end: number, rules: EntityRules, marks: SpeechMarks): Record<EntityType, number> {
  const s: Record<EntityType, number> = { person: 0, place: 0, organisation: 0, other: 0.5 };
  const full = words.filter((w) => !w.initial && !rules.connectors.has(w.text));
  const stems = full.map((w) => rules.stem(w.text));
  const before = text.slice(Math.max(0, start - 8), start);
  const prev = wordBefore(text, start);
  const elided = /['’]$/.test(prev.word);
  const prevWord = elided ? prev.word.slice(0, -1) : prev.word;
  const prevLower = prevWord.toLowerCase();

  if (words.some((w) => w.initial)) s.person += 3;
  // A hyphenated first name counts by its first part (Jean-Pierre).
  const firstName = stems.length > 0 && (rules.firstNames.has(stems[0]!) || rules.firstNames.has(stems[0]!.split('-')[0]!));
  if (full.length >= 2 && firstName) s.person += 3;
  else if (full.length === 1 && firstName) s.person += 1;
  if (rules.patronymic && full.some((w) => rules.patronymic!.test(w.text))) s.person += 3;
  if (rules.nameTitles.has(prevWord) || rules.nameTitles.has(`${prevWord}.`) || /(?:^|\s)M\.\s*$/.test(before)) s.person += 3;
  if (rules.personWords.has(prevLower) || rules.personWords.has(rules.stem(prevLower))) s.person += 2.5;
  if (isSpeakerPosition(text, start, end, marks, rules)) s.person += 2;

  const last = full[full.length - 1]?.text ?? '';
  if (rules.placePrepositions.has(prevLower) && prev.spaced) s.place += 1.5;
  if (elided && rules.placePrepositions.has(`${prevLower}'`)) s.place += 1;
  // A place-name shape, unless the word is an adjective or an adjectival surname (Зарецкий, Вельмарской: -ский/-цкий
  // and their cases) — those are people, or the region named by the next word (Вельмарской области).
  const adjectival = /(?:ск|цк)(?:ий|ая|ое|ие|ого|ому|им|ой|ую|их|ими)$/u.test(last.toLowerCase());
  if (!adjectival && (rules.placeShape.test(rules.keyBase(last).toLowerCase()) || rules.placeShape.test(last.toLowerCase()))) s.place += 2.5;
  if (adjectival && /^\s+(?:област|район|кра[йяюе]|округ)/iu.test(text.slice(end, end + 12))) s.place += 4;
  const joined = stems.join(' ');
  if (rules.places.has(joined)) s.place += 4;

  if (full.length === 1 && isAcronym(full[0]!.text)) {
    // An all-caps word opening a line before a comma is a dateline city ("МОСКВА, 30 ноября. /ТАСС/.").
    if (/^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start)) && text[end] === ',') s.place += 4;
    else s.organisation += 3;
  }
  if (rules.organisations.has(joined) || rules.organisations.has(full.map((w) => w.text.toLowerCase()).join(' '))) s.organisation += 4;
  if (full.length > 0 && rules.orgHead.test(full[0]!.text.toLowerCase())) s.organisation += 3;
  const mark = /[«„“"]\s*$/.exec(before);
  if (mark && rules.orgNouns.has(wordBefore(text, start - mark[0].length).word.toLowerCase())) s.organisation += 3;
  return s;
}

function typeOf(mentions: readonly Mention[]): EntityType {
  const s = groupScores(mentions);
  let best: EntityType = 'other';
  for (const k of TYPES) if (s[k] > s[best]) best = k;
  return best;
}

/** Full (non-initial) stems of a mention. */
function fullStems(m: Mention): string[] {
  return m.stems.filter((_, i) => !m.words[i]!.initial);
}

function surnameStem(m: Mention): string | null {
  const full = fullStems(m);
  return m.stems.length >= 2 && full.length >= 1 ? full[full.length - 1]! : null;
}

function groupMembers(groups: readonly Group[], r: Group): Mention[] {
  return groups.filter((g) => rootOf(g) === r).flatMap((g) => g.mentions);
}

export function extractEntitiesFor(text: string, sentences: readonly Sentence[], rules: LanguageRules): Entity[] {
  const er = rules.entities;
  const mentions = candidateMentions(text, sentences, er);
  // 1. Same stems → one group.
  const byKey = new Map<string, Group>();
  const groups: Group[] = [];
  for (const m of mentions) {
    const k = m.stems.join(' ');
    let g = byKey.get(k);
    if (!g) {
      g = { mentions: [], into: null };
      byKey.set(k, g);
      groups.push(g);
    }
    g.mentions.push(m);
  }
  const firstType = new Map<Group, EntityType>(groups.map((g) => [g, typeOf(g.mentions)]));
  const personLike = (g: Group): boolean => firstType.get(g) === 'person';
  // 2. Multi-word persons with the same surname and compatible first initial.
  const multi = groups.filter((g) => g.mentions[0]!.stems.length >= 2);
  for (let i = 0; i < multi.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = multi[i]!;
      const b = multi[j]!;
      if (rootOf(a) === rootOf(b)) continue;
      const ma = a.mentions[0]!;
      const mb = b.mentions[0]!;
      if (surnameStem(ma) !== surnameStem(mb) || !personLike(a) || !personLike(b)) continue;
      const ia = ma.words[0]!.text[0]!.toLowerCase();
      const ib = mb.words[0]!.text[0]!.toLowerCase();
      if (ia === ib) rootOf(a).into = rootOf(b);
    }
  }
  // 3. A one-word mention joins the person whose surname it is (nearest preceding, else the first).
  for (const g of groups) {
    const m0 = g.mentions[0]!;
    if (m0.stems.length !== 1 || isAcronym(m0.words[0]!.text)) continue;
    const stem = m0.stems[0]!;
    const hosts = multi.filter((h) => surnameStem(h.mentions[0]!) === stem && personLike(h));
    if (hosts.length === 0) continue;
    const preceding = hosts.filter((h) => h.mentions[0]!.start < m0.start).sort((a, b) => b.mentions[0]!.start - a.mentions[0]!.start);
    const host = preceding[0] ?? hosts[0]!;
    g.into = rootOf(host);
  }

  const roots = groups.filter((g) => g.into === null);
  const built = roots.map((r) => {
    const ms = groupMembers(groups, r).sort((a, b) => a.start - b.start);
    return { ms, first: ms[0]!.start };
  });
  built.sort((a, b) => a.first - b.first);
  return built.map(({ ms }, i) => {
    const type = typeOf(ms);
    const best = [...ms].sort((a, b) => {
      const fa = fullStems(a).length;
      const fb = fullStems(b).length;
      if (fa !== fb) return fb - fa;
      if (a.words.length !== b.words.length) return b.words.length - a.words.length;
      // A dateline's capitals ("КЛЕНОВСК") are not how the name is written.
      const shout = (m: Mention): number => m.words.filter((w) => w.text.length >= 4 && isAcronym(w.text)).length;
      if (shout(a) !== shout(b)) return shout(a) - shout(b);
      const pa = a.words.reduce((n, w) => n + er.formPenalty(w.text), 0);
      const pb = b.words.reduce((n, w) => n + er.formPenalty(w.text), 0);
      if (pa !== pb) return pa - pb;
      return a.end - a.start - (b.end - b.start) || a.start - b.start;
    })[0]!;
    const name = text.slice(best.start, best.end);
    const keyOf = (m: Mention): string => rules.nameKey(m.words.map((w) => (w.initial ? w.text : er.keyBase(w.text))));
    const key = keyOf(best);
    const aliases = new Set<string>([key]);
    for (const m of ms) aliases.add(keyOf(m));
    if (type === 'person' && best.words.length >= 2) aliases.add(rules.nameKey([er.keyBase(best.words[best.words.length - 1]!.text)]));
    aliases.delete('');
    return {
      id: `e${i + 1}`,
      type,
      name,
      key,
      aliases: [...aliases],
      mentions: ms.map((m) => spanOf(text, m.start, m.end)),
    };
  });
}

// ───────────────────────────── numbers ─────────────────────────────
//
// Digits with space / no-break-space thousands ("1 200") and a decimal comma or point ("3,5"), optionally a
// currency symbol before; then a multiplier ("млн", "millions"), then percent, currency, unit or a counted noun
// phrase (NumberRules.counted); ordinals by suffix ("1-й", "1er"); small number words only before a counted
// noun; 4-digit years followed by a year word ("2026 года") or found as year-grain dates. Digits inside
// non-year dates and clock times are not numbers. Kinds and units as in the English NumberMention.

const DIGITS_RE = /(?<![\p{L}\p{N}_.,/#@])([$€£¥₽₴])?\s?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)/gu;
const TIME_RE = /\d{1,2}(?::\d{2}|\s?h\s?\d{2}|\s?h\b)/g;

interface FoundNumber extends Range {
  value: number;
  kind: NumberKind;
  unit: string | null;
  counted: Span | null;
  countedKey: string | null;
  numberEnd: number;
}

/** The word (a final dot kept) or currency/percent sign at `i`. */
function wordAt(text: string, i: number): string {
  return /^(?:\p{L}+\.?|[$€£¥₽₴%])/u.exec(text.slice(i, i + 30))?.[0] ?? '';
}

/**
 * The length of an abbreviation read at `at` with its dot ("тыс.", "руб.") when the sentence goes on after it
 * ("3 тыс. человек"); a dot at the sentence end (`end`) is the sentence's.
 */
function abbreviationLength(word: string, at: number, end: number): number {
  return word.endsWith('.') && at + word.length >= end ? word.length - 1 : word.length;
}

function skipSpace(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && /[ \u00a0\u202f\t]/.test(text[j]!)) j++;
  return j;
}

/** What follows a number at `at` (up to `end`): multiplier, then percent / currency / unit / counted phrase. */
function readAfter(text: string, at: number, end: number, value: number, currency: string | null, rules: NumberRules): Omit<FoundNumber, 'start'> {
  let v = value;
  let i = at;
  let j = skipSpace(text, i, end);
  const mult = wordAt(text, j);
  const multLow = mult.toLowerCase();
  const factor = rules.multipliers.get(multLow) ?? rules.multipliers.get(multLow.replace(/\.$/, ''));
  if (factor !== undefined && j < end) {
    const len = abbreviationLength(mult, j, end);
    v = Number((v * factor).toPrecision(12));
    i = j + len;
    j = skipSpace(text, i, end);
  }
  const base = { value: v, numberEnd: i, counted: null, countedKey: null };
  if (currency) {
    // "$5 млн" — the currency came first.
    return { ...base, end: i, kind: 'money', unit: currency };
  }
  if (text[i] === '%' || text[j] === '%') {
    const e = text[i] === '%' ? i + 1 : j + 1;
    return { ...base, end: e, kind: 'percent', unit: '%' };
  }
  const rest = text.slice(j, Math.min(end, j + 40));
  const pct = rules.percent.exec(rest);
  if (pct && j > i) return { ...base, end: j + pct[0].length, kind: 'percent', unit: '%' };
  // French "3 millions d'euros": the currency after d'.
  const elided = /^(?:d['’]|de\s+)/.exec(rest);
  const cj = elided && factor !== undefined ? j + elided[0].length : j;
  const cw = wordAt(text, cj);
  const cur = rules.currencies.get(cw.toLowerCase()) ?? rules.currencies.get(cw.toLowerCase().replace(/\.$/, ''));
  if (cur && cj < end) {
    const len = abbreviationLength(cw, cj, end);
    let e = cj + len;
    const usa = /^\s+(?:США|US)(?![\p{L}])/u.exec(text.slice(e, e + 6));
    if (usa) e += usa[0].length;
    return { ...base, end: e, kind: 'money', unit: cur };
  }
  const unit = rules.units.get(cw.toLowerCase()) ?? rules.units.get(cw.toLowerCase().replace(/\.$/, ''));
  if (unit && j > i && j < end) {
    const len = abbreviationLength(cw, j, end);
    return { ...base, end: j + len, kind: 'measure', unit };
  }
  const counted = j > i && j < end ? rules.counted(text.slice(0, end), j) : null;
  if (counted) return { ...base, end: counted.span.end, kind: 'count', unit: null, counted: counted.span, countedKey: rules.countedKey(counted.head) };
  return { ...base, end: i, kind: 'other', unit: null };
}

function parseDigits(raw: string): number {
  const compact = raw.replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
  return Number(compact);
}

function numbersIn(text: string, seg: Range, excluded: readonly [number, number][], years: readonly DateMention[], rules: NumberRules): FoundNumber[] {
  const found: FoundNumber[] = [];
  const body = text.slice(0, seg.end);
  const hits = (s: number, e: number): boolean => excluded.some(([a, b]) => s < b && a < e);
  let segText: string | undefined;
  DIGITS_RE.lastIndex = seg.start;
  for (let m = DIGITS_RE.exec(body); m; m = DIGITS_RE.exec(body)) {
    const start = m.index;
    const digitsStart = start + m[0].length - m[2]!.length;
    const numEnd = start + m[0].length;
    const prev = text[start - 1] ?? ' ';
    if ((prev === '-' || prev === '–') && /\p{L}/u.test(text[start - 2] ?? '')) continue; // Су-34, COVID-19
    const next = text[numEnd] ?? ' ';
    if (next === '/' || next === ':' || next === '.' && /\d/.test(text[numEnd + 1] ?? '')) continue;
    if (hits(digitsStart, numEnd)) continue;
    const value = parseDigits(m[2]!);
    if (!Number.isFinite(value)) continue;
    // Ordinal suffix.
    const ord = rules.ordinal.exec(text.slice(numEnd, Math.min(seg.end, numEnd + 5)));
    if (ord) {
      const counted = rules.counted(body, skipSpace(text, numEnd + ord[0].length, seg.end));
      const end = counted && counted.span.start > numEnd + ord[0].length ? counted.span.end : numEnd + ord[0].length;
      found.push({ start, end, value, kind: 'ordinal', unit: null, counted: counted?.span ?? null, countedKey: counted ? rules.countedKey(counted.head) : null, numberEnd: numEnd + ord[0].length });
      continue;
    }
    if (/^\p{L}/u.test(next) && !/^(?:[$€£¥₽₴]|млн|млрд|тыс|k|M|Md)/u.test(text.slice(numEnd, numEnd + 4))) continue; // codes: 5G, 3D
    const year = years.find((y) => y.start <= digitsStart && numEnd <= y.end);
    if (year) continue;
    if (/^\d{4}$/.test(m[2]!) && value >= 1000 && value <= 2100 && rules.yearAfter.test(text.slice(numEnd, Math.min(seg.end, numEnd + 12)))) {
      found.push({ start: digitsStart, end: numEnd, value, kind: 'year', unit: null, counted: null, countedKey: null, numberEnd: numEnd });
      continue;
    }
    const currency = m[1] ? rules.currencies.get(m[1]) ?? null : null;
    const after = readAfter(text, numEnd, seg.end, value, currency, rules);
    // A label, as the English reader has it ("№ 5", "Bellator 206", "Flight 6321").
    if (!currency && isLabel((segText ??= text.slice(seg.start, seg.end)), digitsStart - seg.start, numEnd - seg.start, after.kind === 'other')) continue;
    found.push({ start: m[1] ? start : digitsStart, ...after });
  }
  // Number words, only before a counted noun.
  const wordRe = /[\p{L}]+/gu;
  wordRe.lastIndex = seg.start;
  for (let m = wordRe.exec(body); m; m = wordRe.exec(body)) {
    const v = rules.words.get(m[0].toLowerCase());
    if (v === undefined) continue;
    const start = m.index;
    const end0 = start + m[0].length;
    if (found.some((f) => f.start < end0 && start < f.end)) continue;
    const j = skipSpace(text, end0, seg.end);
    if (j === end0) continue;
    const after = readAfter(text, end0, seg.end, v, null, rules);
    if (after.kind === 'other') continue;
    found.push({ start, ...after });
  }
  for (const y of years) found.push({ start: y.start, end: y.end, value: Number(y.iso), kind: 'year', unit: null, counted: null, countedKey: null, numberEnd: y.end });
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  // Ranges: "10–20 человек", "от 10 до 20 человек" — the first borrows the second's unit or counted phrase.
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1]!;
    if (a.end !== a.numberEnd || a.kind === 'year' || a.kind === 'ordinal' || b.kind === 'other' || b.kind === 'year' || b.kind === 'ordinal') continue;
    if (!rules.range.test(text.slice(a.end, b.start))) continue;
    a.kind = b.kind;
    a.unit ??= b.unit;
    a.counted = b.counted;
    a.countedKey = b.countedKey;
  }
  const out: FoundNumber[] = [];
  for (const f of found) if (!out.length || out[out.length - 1]!.end <= f.start) out.push(f);
  return out;
}

export function extractNumbersFor(text: string, sentences: readonly Sentence[], dates: readonly DateMention[], rules: NumberRules): NumberMention[] {
  const excluded: [number, number][] = dates.filter((d) => d.grain !== 'year').map((d) => [d.start, d.end]);
  for (const m of text.matchAll(TIME_RE)) excluded.push([m.index, m.index + m[0].length]);
  const years = dates.filter((d) => d.grain === 'year');
  const segs: readonly Range[] = sentences.length ? sentences : [{ start: 0, end: text.length }];
  const out: NumberMention[] = [];
  for (const seg of segs) {
    for (const f of numbersIn(text, seg, excluded, years.filter((y) => y.start >= seg.start && y.end <= seg.end), rules)) {
      // A number too large for a double (a run of hundreds of digits) is not a number a report states.
      if (!Number.isFinite(f.value)) continue;
      out.push({
        ...spanOf(text, f.start, f.end),
        value: f.value,
        kind: f.kind,
        unit: f.unit,
        counted: f.counted ? f.counted.text : null,
        countedKey: f.countedKey,
        sentence: sentenceIndexAt(sentences, f.start),
      });
    }
  }
  return out;
}

// ───────────────────────────── dates ─────────────────────────────
//
// chrono's strict parser of the language, sentence by sentence, with the publication day (noon UTC) as
// reference, mirroring dates.ts: relative expressions ("3 дня назад") are durations and skipped; a day-month
// without a year gets the year that puts it closest to publication (`inferred: true`); without a publication
// date such a date is written `--11-30` / `--11`, not inferred; a time with no day is skipped. Then the
// language's rules (weekdays and relative days only with a publication date, month + year, a month after a
// preposition, bare years after a preposition or before a year word).

const NO_REF = new Date(Date.UTC(2000, 0, 1, 12));
type LocalDate = Omit<DateMention, 'sentence'>;
const chronoCache = new BoundedCache<LocalDate[]>(4096);

function fromChrono(r: chrono.ParsedResult, ref: Ymd | null, leading: RegExp): LocalDate | null {
  const value = chronoDateValue(r.start, ref);
  if (!value) return null;
  const { iso, grain, inferred } = value;
  let start = r.index;
  let t = r.text;
  const space = /^\s+/.exec(t);
  if (space) {
    start += space[0].length;
    t = t.slice(space[0].length);
  }
  const lead = leading.exec(t);
  if (lead && lead[0].length < t.length) {
    start += lead[0].length;
    t = t.slice(lead[0].length);
  }
  t = t.replace(/[\s,]+$/, '');
  return { start, end: start + t.length, text: t, iso, grain, inferred };
}

function chronoDates(segText: string, ref: Ymd | null, rules: DateRules, language: string): LocalDate[] {
  const key = `${language}\u0000${ref ? `${ref.y}-${ref.m}-${ref.d}` : ''}\u0000${segText}`;
  const hit = chronoCache.get(key);
  if (hit) return hit;
  const found: LocalDate[] = [];
  if (rules.mayHoldDate.test(segText)) {
    const refDate = ref ? new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)) : NO_REF;
    for (const r of rules.parser.parse(segText, refDate, { forwardDate: false })) {
      if ([...r.tags()].some((t) => /relative|TimeUnit|Casual/i.test(t))) continue;
      const d = fromChrono(r, ref, rules.leading);
      if (d && d.end > d.start && !found.some((f) => f.start < d.end && d.start < f.end)) found.push(d);
    }
  }
  chronoCache.set(key, found);
  return found;
}

export function extractDatesFor(text: string, sentences: readonly Sentence[], published: string | null, rules: DateRules, language: string): DateMention[] {
  const ref = parsePublished(published);
  const found: LocalDate[] = [];
  const segs: readonly Range[] = sentences.length ? sentences : [{ start: 0, end: text.length }];
  for (const seg of segs) {
    for (const d of chronoDates(text.slice(seg.start, seg.end), ref, rules, language)) {
      found.push({ ...d, start: d.start + seg.start, end: d.end + seg.start });
    }
  }
  const taken: [number, number][] = found.map((f) => [f.start, f.end]);
  for (const r of rules.ruleDates(text, ref, taken)) found.push({ ...spanOf(text, r.start, r.end), iso: r.iso, grain: r.grain, inferred: r.inferred });
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  return found.map((f) => ({ ...f, sentence: sentenceIndexAt(sentences, f.start) }));
}

// ───────────────────────────── quotes ─────────────────────────────
//
// Direct quotes (span = the words inside the outermost marks; nested „…“ stay inside): the reporting clause
// after the closing mark («…», — заявил X / « … », a déclaré X / «…», — сказал он), else before the opening
// mark (X заявил: «…» / X a déclaré : « … »). A speaker is the entity mention at the clause's name position; a
// pronoun is the last person mentioned before the quote (`via: 'pronoun'`). Quotes of fewer than three words
// with no clause are names or titles («Газпром») and are skipped; a quote with no clause that opens its
// sentence takes the speaker of the quote just before it in the same or previous paragraph (cue null); one
// embedded in the writer's own sentence with no clause is `partial` (direct false).
// Reported speech (direct false, span = the content without final punctuation): the language's patterns
// (По словам X, … / Как заявил X, … / X заявил, что … / …, — заявил X; Selon X, … / X a déclaré que … /
// …, a déclaré X), in sentences with no quotation marks of their own, when the speaker is a person or a pronoun.

interface EntityMention extends Range {
  entity: Entity;
}

class MentionIndex {
  readonly all: EntityMention[];
  constructor(entities: readonly Entity[]) {
    this.all = entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e }))).sort((a, b) => a.start - b.start);
  }

  /** The mention ending at `at` (white space between allowed). */
  endingAt(text: string, at: number): EntityMention | null {
    let e = at;
    while (e > 0 && /\s/.test(text[e - 1]!)) e--;
    return this.all.find((m) => m.end === e) ?? null;
  }

  /**
   * The speaker after `at`: the first person mention before any clause break, else the first mention with only
   * lower-case words before it; mentions failing `ok` are passed over.
   */
  after(text: string, at: number, limit: number, ok: (m: EntityMention) => boolean): EntityMention | null {
    const stop = text.slice(at, limit).search(/[.!?;:«»„“",]/u);
    const end = stop < 0 ? limit : at + stop;
    const inside = this.all.filter((m) => m.start >= at && m.end <= end && ok(m));
    const person = inside.find((m) => m.entity.type === 'person');
    if (person) return person;
    const first = inside[0];
    if (first && /^[\s\p{Ll}\-'’,]*$/u.test(text.slice(at, first.start))) return first;
    return null;
  }

  /** The last person mentioned before `at`. */
  lastPersonBefore(at: number): EntityMention | null {
    let best: EntityMention | null = null;
    for (const m of this.all) {
      if (m.end > at) break;
      if (m.entity.type === 'person') best = m;
    }
    return best;
  }
}

function refOf(text: string, m: EntityMention): SpeakerRef {
  return { ...spanOf(text, m.start, m.end), name: m.entity.name, entity: m.entity.id, via: 'name' };
}

function pronounRef(text: string, start: number, end: number, index: MentionIndex): SpeakerRef | null {
  const person = index.lastPersonBefore(start);
  if (!person) return null;
  return { ...spanOf(text, start, end), name: person.entity.name, entity: person.entity.id, via: 'pronoun' };
}

interface Clause {
  speaker: SpeakerRef | null;
  cue: Span;
}

/** Resolve the speaker of a matched cue pattern. `base` = offset of the matched text in `text`. */
function resolveClause(text: string, m: RegExpExecArray, base: number, p: CuePattern, limit: number, index: MentionIndex, rules: EntityRules): Clause | null {
  const who = p.who;
  const verb = m.indices?.groups?.['verb'];
  if (!verb) return null;
  const cue = spanOf(text, base + verb[0], base + verb[1]);
  const pron = m.indices?.groups?.['pron'];
  if (pron) return { cue, speaker: pronounRef(text, base + pron[0], base + pron[1], index) };
  if (who === 'before') {
    const before = text.slice(Math.max(0, cue.start - 12), cue.start);
    const pm = /([\p{L}]+)\s+$/u.exec(before);
    const mention = index.endingAt(text, cue.start);
    if (mention) return { cue, speaker: refOf(text, mention) };
    if (pm) return { cue, speaker: null };
    return null;
  }
  const ok = (x: EntityMention): boolean => !p.subject || rules.formPenalty(text.slice(x.start, x.end).split(/\s+/).pop() ?? '') < 2;
  const mention = index.after(text, cue.end, limit, ok);
  return mention ? { cue, speaker: refOf(text, mention) } : null;
}

function pronounBefore(text: string, cue: Span, pronoun: RegExp): Span | null {
  const m = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, cue.start - 12), cue.start));
  if (!m || !pronoun.test(m[1]!)) return null;
  const start = cue.start - m[0].length;
  return spanOf(text, start, start + m[1]!.length);
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

export function extractQuotesFor(text: string, sentences: readonly Sentence[], entities: readonly Entity[], rules: LanguageRules): Quote[] {
  const qr = rules.quotes;
  const index = new MentionIndex(entities);
  const drafts: Omit<Quote, 'id'>[] = [];
  const quoted: Range[] = [];
  for (const para of paragraphsOf(text)) {
    for (const q of quotePairs(text, para.start, para.end)) {
      quoted.push({ start: q.open, end: q.close + 1 });
      let a = q.open + 1;
      let b = q.close;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b <= a) continue;
      const sIdx = sentenceIndexAt(sentences, q.open);
      const sentence = sentences[sIdx];
      const sEnd = sentence ? Math.max(sentence.end, q.close + 1) : para.end;
      const sStart = sentence ? Math.min(sentence.start, q.open) : para.start;
      let clause: Clause | null = null;
      const tail = text.slice(q.close + 1, sEnd);
      for (const p of qr.afterClose) {
        const m = p.re.exec(tail);
        if (m && m.index === 0) clause = resolveClause(text, m, q.close + 1, p, sEnd, index, rules.entities);
        if (clause) break;
      }
      if (!clause) {
        const head = text.slice(sStart, q.open);
        for (const p of qr.beforeOpen) {
          const m = p.re.exec(head);
          if (!m) continue;
          clause = resolveClause(text, m, sStart, p, q.open, index, rules.entities);
          if (clause && !clause.speaker) {
            const pron = pronounBefore(text, clause.cue, qr.pronoun);
            if (pron) clause.speaker = pronounRef(text, pron.start, pron.end, index);
          }
          if (clause) break;
        }
      }
      const inner = spanOf(text, a, b);
      if (clause) {
        drafts.push({ ...inner, direct: true, speaker: clause.speaker, cue: clause.cue, sentence: sIdx });
        continue;
      }
      if (wordCount(inner.text) < 3) continue;
      const outside = (text.slice(sStart, q.open) + text.slice(q.close + 1, sEnd)).replace(/[\s.,!?…:;—–-]/g, '');
      if (outside.length === 0) {
        // A quotation that is its whole sentence: the speaker of the quote just before, in this or the previous paragraph.
        const prev = drafts[drafts.length - 1];
        const prevPara = prev ? sentences[prev.sentence]?.paragraph ?? -2 : -2;
        const speaker = prev && prev.direct && sentence && sentence.paragraph - prevPara <= 1 ? prev.speaker : null;
        drafts.push({ ...inner, direct: true, speaker, cue: null, sentence: sIdx });
      } else {
        drafts.push({ ...inner, direct: false, partial: true, speaker: null, cue: null, sentence: sIdx });
      }
    }
  }
  // Reported speech, in sentences without quotation marks.
  for (const s of sentences) {
    if (quoted.some((q) => q.start < s.end && s.start < q.end)) continue;
    for (const p of qr.reported) {
      const m = p.re.exec(s.text);
      if (!m) continue;
      const clause = resolveClause(text, m, s.start, p, s.end, index, rules.entities);
      if (!clause) continue;
      if (!clause.speaker) {
        const pron = pronounBefore(text, clause.cue, qr.pronoun);
        if (pron) clause.speaker = pronounRef(text, pron.start, pron.end, index);
      }
      if (!clause.speaker) continue;
      const sp = clause.speaker;
      if (sp.via === 'name' && entities.find((e) => e.id === sp.entity)?.type !== 'person') continue;
      let cs: number;
      let ce: number;
      if (p.content === 'before') {
        cs = s.start;
        ce = s.start + m.index;
      } else if (p.content === 'after') {
        cs = s.start + m.index + m[0].length;
        ce = s.end;
      } else {
        let comma = text.indexOf(',', Math.max(sp.end, clause.cue.end));
        if (comma < 0 || comma >= s.end) continue;
        // An appositive title after the name ("Selon X, maire de Y, …") is not part of what was said.
        const title = /^\s*([\p{L}-]+)/u.exec(text.slice(comma + 1, s.end))?.[1]?.toLowerCase() ?? '';
        const next = text.indexOf(',', comma + 1);
        const pw = rules.entities.personWords;
        if ((pw.has(title) || pw.has(rules.entities.stem(title))) && next > 0 && next < s.end) comma = next;
        cs = comma + 1;
        ce = s.end;
      }
      // A closing "(ТАСС)" / "(AFP)" is an attribution, not part of what was said.
      const paren = /\s*\([^()]{1,40}\)[\s.!?…]*$/.exec(text.slice(cs, ce));
      if (paren) ce -= paren[0].length;
      while (cs < ce && /[\s,—–-]/.test(text[cs]!)) cs++;
      while (ce > cs && /[\s.!?…;:,—–-]/.test(text[ce - 1]!)) ce--;
      if (wordCount(text.slice(cs, ce)) < 2) continue;
      drafts.push({ ...spanOf(text, cs, ce), direct: false, speaker: sp, cue: clause.cue, sentence: s.index });
      break;
    }
  }
  drafts.sort((x, y) => x.start - y.start);
  return drafts.map((d, i) => ({ id: `q${i + 1}`, ...d }));
}

// ───────────────────────────── media attributions ─────────────────────────────
//
// The language's cue patterns (named groups `cue` and `outlet`); an outlet is accepted when it is a known
// outlet, an organisation entity, an all-caps name, or — for patterns marked generic (cues that only media
// take: "передает", "пишет", "rapporte") — any capitalised name that is not a person. Quotation marks around
// the outlet («Коммерсантъ») and the French article l' are not part of it.

export function extractAttributionsFor(text: string, sentences: readonly Sentence[], entities: readonly Entity[], rules: AttributionRules): MediaAttribution[] {
  const out: MediaAttribution[] = [];
  const seen = new Set<string>();
  const index = new MentionIndex(entities);
  for (const p of rules.patterns) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const og = m.indices?.groups?.['outlet'];
      const cg = m.indices?.groups?.['cue'];
      if (!og || !cg) continue;
      let [s, e] = og;
      while (s < e && /[«„“"\s]/.test(text[s]!)) s++;
      while (e > s && /[»“”"\s.,]/.test(text[e - 1]!)) e--;
      if (e <= s) continue;
      const outlet = text.slice(s, e);
      const mention = index.all.find((x) => x.start < e && s < x.end);
      const known = rules.isKnownOutlet(outlet);
      const org = mention?.entity.type === 'organisation' || isAcronym(outlet.split(/\s/)[0]!);
      const person = mention?.entity.type === 'person' && !known;
      if (person || !(known || org || (p.generic && /^\p{Lu}/u.test(outlet)))) continue;
      const id = `${s}:${e}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const rawCue = text.slice(cg[0], cg[1]).replace(/\s+/g, ' ').toLowerCase();
      const cue = /^[(/—–-]$/.test(rawCue) ? 'dateline' : rawCue;
      out.push({ ...spanOf(text, s, e), outlet, key: rules.key(outlet), cue, sentence: sentenceIndexAt(sentences, s) });
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
