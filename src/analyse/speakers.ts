/**
 * Speakers: find the speaker phrase of a reporting clause ("Putin stated", "said Caddell", "the former
 * official stated") and resolve it to a person.
 *
 * - Names resolve to the Entity whose mention overlaps the name or whose key/aliases contain it
 *   (`via: 'name'`). Without entities, to the fullest capitalised name seen in the text with the same
 *   last word ("Reyes" → "Tomas Reyes"), entity null.
 * - Pronouns (he/she) resolve to the subject of the nearest earlier sentence that has one: its recorded
 *   speaker if a quote was attributed in it, else its first person mention; a person mentioned earlier in
 *   the same sentence (outside quotes) wins over earlier sentences (`via: 'pronoun'`). "she" skips persons
 *   known to be men (Mr.) and "he" persons known to be women (Mrs., Ms.).
 * - Descriptions ("the Russian leader", "the former official") resolve to the most recent earlier person
 *   whose descriptor words fit: every modifier of the description occurs among the words around one of
 *   the person's mentions ("Russian President Vladimir Putin"), and the head noun occurs there too or is
 *   a generic role ("leader", "official") while the person has some role word. Persons introduced only by
 *   a description ("The former Ukrainian prime minister ...") are candidates too; they resolve to their
 *   description without the article and entity null. No fit: the description itself, entity null.
 */
import type { Entity, Sentence, SpeakerRef, Span } from '../types.js';
import { normaliseKey } from '../text/normalise.js';
import { sentenceIndexAt } from '../text/spans.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { lexiconTag } from './nlp-doc.js';
import { DETERMINERS, GENERIC_ROLES, NOT_NAME, OBJECT_PREPOSITIONS, PRONOUNS, ROLE_NOUNS, TITLES, VERB_MODIFIERS } from './lexicon-speech.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  cap: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[-’'.][\p{L}\p{N}]+)*\.?/gu;
const UPPER_FIRST = /^\p{Lu}/u;

/** Slices this long or shorter (a sentence, a window around a mention) keep their tokens for re-use. */
const CACHED_SLICE = 600;
/** Tokens of recently seen slices, offsets relative to the slice. */
const sliceTokens = new BoundedCache<Token[]>(8192);

/** Word tokens of text[from, to) with offsets. A trailing dot is kept only on abbreviations/initials. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const slice = text.slice(from, to);
  const cacheable = slice.length <= CACHED_SLICE;
  let local = cacheable ? sliceTokens.get(slice) : undefined;
  if (!local) {
    local = tokenizeSlice(slice);
    if (cacheable) sliceTokens.set(slice, local);
  }
  const out: Token[] = new Array<Token>(local.length);
  for (let i = 0; i < local.length; i++) {
    const t = local[i]!;
    out[i] = { start: t.start + from, end: t.end + from, text: t.text, lower: t.lower, cap: t.cap };
  }
  return out;
}

/**
 * `tokenize(text, 0, text.length)`, read chunk by chunk through the slice cache: the text is cut after the white
 * space that ends a sentence or a line, so the copies of a story share their chunks. A token never holds white
 * space, so the tokens of the chunks are the tokens of the whole text.
 */
function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  let from = 0;
  CHUNK_END.lastIndex = 0;
  for (let m = CHUNK_END.exec(text); m; m = CHUNK_END.exec(text)) {
    const to = m.index + m[0].length;
    for (const t of tokenize(text, from, to)) out.push(t);
    from = to;
  }
  if (from < text.length) for (const t of tokenize(text, from, text.length)) out.push(t);
  return out;
}

/** Where `tokenizeText` cuts: after a sentence's closing punctuation and the white space after it, or after line breaks. */
const CHUNK_END = /[.!?]["”’')\]]*\s+|\n+/g;

/** The tokens of one string, offsets relative to it. */
function tokenizeSlice(slice: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    let t = m[0];
    if (t.endsWith('.')) {
      const bare = t.slice(0, -1);
      const abbrev = /^\p{Lu}$/u.test(bare) || bare.includes('.') || TITLES.has(bare.toLowerCase()) || /^(mr|mrs|ms|dr|jr|sr|st)$/i.test(bare);
      if (!abbrev) t = bare;
    }
    const start = m.index;
    out.push({ start, end: start + t.length, text: t, lower: t.toLowerCase(), cap: UPPER_FIRST.test(t) });
  }
  return out;
}

/** Words opening an adverbial before the main clause ("At the rally, …", "When asked, …"). */
const ADVERBIAL_OPENERS = new Set([
  'at', 'in', 'on', 'during', 'after', 'before', 'when', 'while', 'as', 'since', 'although', 'though', 'if',
  'because', 'asked', 'speaking', 'following', 'despite', 'with', 'without', 'for', 'from', 'by', 'under',
  'over', 'later', 'earlier', 'then', 'still', 'instead', 'meanwhile', 'however', 'once', 'upon', 'addressing',
  'responding', 'referring', 'amid', 'throughout', 'last', 'this', 'yesterday', 'today', 'shortly', 'back',
  'also', 'now', 'here', 'there', 'again', 'finally', 'first', 'next',
]);

/** Person-like nouns for heads of bare plural descriptions ("Officials said"). */
const PLURAL_SPEAKERS = new Set([
  'officials', 'sources', 'analysts', 'critics', 'experts', 'residents', 'witnesses', 'police', 'authorities',
  'aides', 'lawmakers', 'prosecutors', 'observers', 'supporters', 'opponents', 'officers', 'investigators',
  'economists', 'scientists', 'researchers', 'activists', 'democrats', 'republicans', 'organizers',
  'organisers', 'forecasters', 'engineers', 'doctors', 'people', 'insiders', 'diplomats', 'members',
]);
/** Organisation-like heads accepted in descriptions ("the regional flood office said"). */
const ORG_HEADS = new Set([
  'office', 'agency', 'ministry', 'council', 'authority', 'department', 'government', 'administration',
  'campaign', 'committee', 'company', 'firm', 'group', 'service', 'kremlin', 'board', 'court', 'commission',
  'report', 'statement', 'study', 'survey', 'poll', 'newspaper', 'paper', 'network', 'team', 'party',
  'organization', 'organisation', 'union', 'bank', 'military', 'army', 'police', 'white', 'house', 'embassy',
  'spokesperson', 'institute', 'foundation', 'center', 'centre', 'estimate', 'estimates', 'reports', 'data',
  'figures', 'website', 'memo', 'letter', 'lawsuit', 'complaint', 'indictment', 'filing', 'documents', 'analysis',
  'records', 'story', 'article', 'editorial', 'magazine', 'outlet', 'station', 'channel', 'site', 'blog',
]);
const CLAUSE_STOPS = new Set([
  'that', 'and', 'but', 'or', 'which', 'who', 'whom', 'whose', 'when', 'while', 'because', 'as', 'if',
  'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'about', 'than', 'said', 'says', 'told',
  'was', 'is', 'are', 'were', 'be', 'been', 'it', 'there', 'not',
]);
const NON_PERSON_LAST = new Set([
  'river', 'street', 'road', 'service', 'council', 'office', 'forces', 'force', 'army', 'ministry', 'party',
  'house', 'news', 'times', 'post', 'press', 'agency', 'court', 'department', 'university', 'college',
  'school', 'bank', 'company', 'corporation', 'inc', 'group', 'committee', 'commission', 'union', 'states',
  'kingdom', 'republic', 'city', 'county', 'district', 'region', 'province', 'island', 'islands', 'mountains',
  'sea', 'ocean', 'lake', 'bay', 'airport', 'station', 'hall', 'center', 'centre', 'hospital', 'church',
  'square', 'bridge', 'park', 'valley', 'wire', 'network', 'channel', 'daily', 'journal', 'herald',
  'tribune', 'telegraph', 'gazette', 'courier', 'ledger', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'troops', 'authority', 'administration', 'government',
  'senate', 'congress', 'parliament', 'assembly', 'foundation', 'institute', 'association', 'levee', 'zone',
]);

interface Person {
  name: string;
  entity: string | null;
  /** Mentions in text order. */
  mentions: Span[];
  /** Descriptor words around the mentions (lower case). */
  context: Set<string>;
  gender: 'm' | 'f' | null;
  /** Introduced by a description only ("the former Ukrainian prime minister"). */
  described: boolean;
}

export interface SpeakerMatch {
  ref: SpeakerRef;
}

/** How deep subjectBefore looks behind appositive commas, parentheses and "of" (see there). */
const MAX_SUBJECT_DEPTH = 4;
/**
 * How far (characters) before its verb subjectBefore reads: the speaker phrase, behind at most three appositive
 * commas of up to 30 words each, fits well within it. Without a bound, a run-on "sentence" of scraped text with
 * many reporting verbs is read from its start once per verb (quadratic: minutes for 200,000 characters).
 */
const SUBJECT_WINDOW = 1200;

/** An adverb or auxiliary between a speaker and the reporting verb ("also", "has", "jokingly"). */
function isVerbModifier(t: Token): boolean {
  return VERB_MODIFIERS.has(t.lower) || (!t.cap && t.lower.length > 4 && t.lower.endsWith('ly'));
}

/** "Karsk’s", "Harris'" (an apostrophe ending the word, or before a final s). */
function isPossessive(word: string): boolean {
  return /[’']s?$/u.test(word);
}

function stripPossessive(s: string): string {
  return s.replace(/[’']s$/u, '').replace(/[’']$/u, '');
}

/** Words just before and after a mention that may describe the person. */
function contextWords(text: string, m: Span): string[] {
  const words: string[] = [];
  const before = tokenize(text, Math.max(0, m.start - 60), m.start);
  for (let i = before.length - 1, n = 0; i >= 0 && n < 5; i--, n++) {
    const t = before[i]!;
    const next = before[i + 1];
    const gap = text.slice(t.end, next ? next.start : m.start);
    // (Not across a line break: a headline's last words do not describe the body's first name.)
    if (!/^[ \t\u00a0.]*$/.test(gap)) break;
    if (CLAUSE_STOPS.has(t.lower) || DETERMINERS.has(t.lower)) break;
    words.push(stripPossessive(t.lower));
  }
  // Appositive: ", the former mayor of X," / ", a spokesman for Y,"
  const after = /^,\s+(?:the|a|an)\s+([^,.;:“”"]{2,80})/u.exec(text.slice(m.end, m.end + 100));
  if (after) for (const w of after[1]!.split(/\s+/)) words.push(stripPossessive(w.toLowerCase()));
  return words;
}

export class SpeakerResolver {
  private readonly persons: Person[] = [];
  private readonly sentenceSpeaker = new Map<number, Person | SpeakerRef>();
  /** Direct-quote inner ranges: mentions inside quotes are not subjects. */
  private quoteRanges: Array<[number, number]> = [];

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Sentence[],
    entities: readonly Entity[],
  ) {
    const people = entities.filter((e) => e.type === 'person');
    if (people.length > 0) {
      for (const e of people) {
        const mentions = [...e.mentions].sort((a, b) => a.start - b.start);
        this.persons.push(this.makePerson(e.name, e.id, mentions, false));
      }
    } else {
      this.fallbackNames();
    }
    this.describedPersons();
  }

  setQuoteRanges(ranges: Array<[number, number]>): void {
    this.quoteRanges = ranges;
  }

  private makePerson(name: string, entity: string | null, mentions: Span[], described: boolean): Person {
    const context = new Set<string>();
    let gender: 'm' | 'f' | null = null;
    for (const m of mentions) {
      for (const w of contextWords(this.text, m)) context.add(w);
      const pre = this.text.slice(Math.max(0, m.start - 30), m.start);
      if (/\bMr\.?\s+(?:\p{Lu}[\p{L}.]*\s+){0,2}$/u.test(pre)) gender = 'm';
      else if (/\bM(?:rs|s)\.?\s+(?:\p{Lu}[\p{L}.]*\s+){0,2}$/u.test(pre)) gender = 'f';
    }
    if (described) for (const w of name.toLowerCase().split(/\s+/)) context.add(w);
    if (gender === null) {
      const c = [...context];
      if (c.some((w) => /^(spokeswoman|congresswoman|chairwoman|businesswoman|woman|mother|queen|princess|mrs|ms)$/.test(w))) gender = 'f';
      else if (c.some((w) => /^(spokesman|congressman|chairman|businessman|man|father|king|prince|mr)$/.test(w))) gender = 'm';
    }
    const words = name.split(/\s+/);
    if (gender === null && !described && words.length === 2) {
      // The first name as compromise's lexicon knows it ("Jake" a male name, "Dianne" a female one); only for
      // "First Last" names ("Kim Jong Un" puts the family name first).
      const tag = lexiconTag(words[0]!.toLowerCase());
      if (tag === 'MaleName') gender = 'm';
      else if (tag === 'FemaleName') gender = 'f';
    }
    return { name, entity, mentions, context, gender, described };
  }

  /** Capitalised multi-word names (no entity list): "Tomas Reyes", later "Reyes". */
  private fallbackNames(): void {
    const text = this.text;
    const byLast = new Map<string, { name: string; mentions: Span[] }>();
    const toks = tokenizeText(text);
    let i = 0;
    const runs: Array<Token[]> = [];
    while (i < toks.length) {
      if (!toks[i]!.cap) {
        i++;
        continue;
      }
      const run: Token[] = [toks[i]!];
      let j = i + 1;
      while (j < toks.length && toks[j]!.cap && /^[ \t]+$/.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) {
        run.push(toks[j]!);
        j++;
      }
      runs.push(run);
      i = j;
    }
    for (const run0 of runs) {
      let run = run0.map((t) => ({ ...t, text: stripPossessive(t.text), lower: stripPossessive(t.lower) }));
      while (run.length && (TITLES.has(run[0]!.lower.replace(/\.$/, '')) || NOT_NAME.has(run[0]!.lower))) run = run.slice(1);
      // "Northland President Ivo Karsk": the name follows the last title word.
      for (let k = run.length - 2; k >= 0; k--) {
        if (TITLES.has(run[k]!.lower.replace(/\.$/, '')) && k <= run.length - 3) {
          run = run.slice(k + 1);
          break;
        }
      }
      if (run.length < 2 || run.length > 4) continue;
      const last = run[run.length - 1]!;
      if (NON_PERSON_LAST.has(last.lower) || run.some((t) => NOT_NAME.has(t.lower))) continue;
      const name = text.slice(run[0]!.start, last.start + last.text.length);
      const rec = byLast.get(last.lower);
      if (rec) {
        if (name.length > rec.name.length) rec.name = name;
      } else byLast.set(last.lower, { name, mentions: [] });
    }
    if (byLast.size === 0) return;
    // Mentions: every capitalised occurrence of the last name.
    for (const t of toks) {
      const bare = stripPossessive(t.text);
      const rec = byLast.get(bare.toLowerCase());
      if (rec && t.cap) rec.mentions.push({ start: t.start, end: t.start + bare.length, text: bare });
    }
    for (const rec of [...byLast.values()].sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0))) {
      this.persons.push(this.makePerson(rec.name, null, rec.mentions, false));
    }
  }

  /** "The former Ukrainian prime minister ..." not followed by a name: a person known only by description. */
  private describedPersons(): void {
    const text = this.text;
    const toks = tokenizeText(text);
    for (let i = 0; i < toks.length; i++) {
      const det = toks[i]!;
      if (!/^(the|a|an)$/.test(det.lower)) continue;
      for (let j = i + 1; j < toks.length && j <= i + 5; j++) {
        const t = toks[j]!;
        if (!/^\s+$/.test(text.slice(toks[j - 1]!.end, t.start))) break;
        if (CLAUSE_STOPS.has(t.lower) || DETERMINERS.has(t.lower)) break;
        if (!ROLE_NOUNS.has(t.lower) || t.cap) continue;
        const nextTok = toks[j + 1];
        const head = t.lower;
        const followedByName = nextTok && nextTok.cap && /^\s+$/.test(text.slice(t.end, nextTok.start));
        if (!head.endsWith('s') && !followedByName) {
          const start = det.start;
          const fitted = this.fitDescription(text.slice(start, t.end), start, false);
          if (fitted) {
            fitted.mentions.push({ start, end: t.end, text: text.slice(start, t.end) });
            fitted.mentions.sort((a, b) => a.start - b.start);
            break;
          }
          if (GENERIC_ROLES.has(head)) break;
          const name = text.slice(toks[i + 1]!.start, t.end);
          this.persons.push(this.makePerson(name, null, [{ start, end: t.end, text: text.slice(start, t.end) }], true));
        }
        break;
      }
    }
  }

  private inQuote(offset: number): boolean {
    return this.quoteRanges.some(([a, b]) => offset >= a && offset < b);
  }

  /** Record the resolved speaker of sentence `i` (for later pronouns). */
  noteSpeaker(sentence: number, ref: SpeakerRef): void {
    if (!this.sentenceSpeaker.has(sentence)) this.sentenceSpeaker.set(sentence, ref);
  }

  /** The subject person of sentence i before offset `before` (mentions outside quotes). */
  private subjectOf(i: number, before: number, pronoun: string): { name: string; entity: string | null } | null {
    const recorded = this.sentenceSpeaker.get(i);
    const s = this.sentences[i];
    if (!s) return null;
    let best: { p: Person; at: number } | null = null;
    for (const p of this.persons) {
      if (pronoun === 'she' && p.gender === 'm') continue;
      if (pronoun === 'he' && p.gender === 'f') continue;
      for (const m of p.mentions) {
        if (m.start < s.start || m.start >= Math.min(s.end, before)) continue;
        if (this.inQuote(m.start)) continue;
        if (!best || m.start < best.at) best = { p, at: m.start };
      }
    }
    if (recorded && 'via' in recorded && recorded.start < before) {
      const r = recorded as SpeakerRef;
      // A recorded speaker wins unless it is itself unresolved.
      const unresolved = r.via !== 'name' && r.entity === null && r.name === r.text.replace(/^(?:the|a|an)\s+/i, '');
      const headWord = stripPossessive(r.text.toLowerCase().split(/\s+/).pop() ?? '');
      const notAPerson = unresolved && (!ROLE_NOUNS.has(headWord) || headWord.endsWith('s'));
      if (!notAPerson && (!unresolved || !best)) return { name: r.name, entity: r.entity };
    }
    return best ? { name: best.p.name, entity: best.p.entity } : null;
  }

  /**
   * The speaker carried over from the context of sentence `si` (a quotation with no reporting clause of
   * its own): walking back at most `maxBack` sentences and one paragraph break, the first sentence that
   * has a recorded speaker gives it, else the first person mentioned in it outside quotation marks.
   */
  contextSpeaker(si: number, maxBack = 3): SpeakerRef | null {
    const here = this.sentences[si];
    if (!here) return null;
    for (let i = si - 1; i >= 0 && i >= si - maxBack; i--) {
      const s = this.sentences[i]!;
      if (here.paragraph - s.paragraph > 1) break;
      const recorded = this.sentenceSpeaker.get(i);
      if (recorded && 'via' in recorded) return { ...recorded };
      let best: { p: Person; m: Span } | null = null;
      for (const p of this.persons) {
        if (p.described) continue;
        for (const m of p.mentions) {
          if (m.start < s.start || m.start >= s.end || this.inQuote(m.start)) continue;
          if (!best || m.start < best.m.start) best = { p, m };
        }
      }
      if (best) return { start: best.m.start, end: best.m.end, text: best.m.text, name: best.p.name, entity: best.p.entity, via: 'name' };
    }
    return null;
  }

  resolvePronoun(span: Span): SpeakerRef {
    const lower = span.text.toLowerCase();
    const base: SpeakerRef = { ...span, name: span.text, entity: null, via: 'pronoun' };
    if (lower !== 'he' && lower !== 'she') return base;
    const si = sentenceIndexAt(this.sentences, span.start);
    for (let i = si; i >= 0 && i >= si - 6; i--) {
      const subj = this.subjectOf(i, i === si ? span.start : Number.MAX_SAFE_INTEGER, lower);
      if (subj) return { ...base, name: subj.name, entity: subj.entity };
    }
    return base;
  }

  resolveName(span: Span, entities: readonly Entity[]): SpeakerRef {
    const name = stripPossessive(span.text);
    const nspan = { start: span.start, end: span.start + name.length, text: name };
    // An entity mention overlapping the name (any type).
    for (const e of entities) {
      const m = e.mentions.find((x) => x.start < nspan.end && x.end > nspan.start);
      if (!m) continue;
      // An organisation or place whose name opens with words read as titles ("the Russian Defense Ministry",
      // "Foreign Ministry"): the speaker is the whole name, not its last word.
      if (e.type !== 'person' && m.start < nspan.start && m.end >= nspan.end) {
        return { start: m.start, end: nspan.end, text: this.text.slice(m.start, nspan.end), name: e.name, entity: e.id, via: 'name' };
      }
      return { ...nspan, name: e.name, entity: e.id, via: 'name' };
    }
    const key = normaliseKey(name);
    const last = key.split(' ').pop() ?? key;
    for (const e of entities) {
      if (e.key === key || e.aliases.includes(key)) return { ...nspan, name: e.name, entity: e.id, via: 'name' };
    }
    for (const e of entities) {
      if (e.type === 'person' && (e.key.split(' ').pop() === last || e.aliases.includes(last))) {
        return { ...nspan, name: e.name, entity: e.id, via: 'name' };
      }
    }
    for (const p of this.persons) {
      if (p.described) continue;
      const pk = normaliseKey(p.name);
      if (pk === key || pk.split(' ').pop() === last) return { ...nspan, name: p.name, entity: p.entity, via: 'name' };
    }
    return { ...nspan, name, entity: null, via: 'name' };
  }

  /** The most recent earlier person whose descriptor words fit the description (see module comment). */
  private fitDescription(desc: string, at: number, allowDescribed: boolean): Person | null {
    const words = desc
      .toLowerCase()
      .split(/\s+/)
      .map(stripPossessive)
      .filter((w) => w && !DETERMINERS.has(w));
    const head = words[words.length - 1];
    if (!head || !ROLE_NOUNS.has(head) || head.endsWith('s')) return null;
    const mods = words.slice(0, -1);
    let best: { p: Person; at: number } | null = null;
    for (const p of this.persons) {
      if (p.described && !allowDescribed) continue;
      const fitsHead = p.context.has(head) || (GENERIC_ROLES.has(head) && [...p.context].some((w) => ROLE_NOUNS.has(w) || TITLES.has(w)));
      if (!fitsHead) continue;
      if (!mods.every((w) => p.context.has(w))) continue;
      for (const m of p.mentions) {
        if (m.end > at) break;
        if (!best || m.start > best.at) best = { p, at: m.start };
      }
    }
    return best ? best.p : null;
  }

  /**
   * A description in the headline ("…, says mayor", "Minister: …") names someone the body introduces: the first
   * person mentioned after it whose descriptor words hold every word of it. Generic roles ("says official"), other
   * speakers, and descriptions nothing fits, are returned as they are.
   */
  headlineSpeaker(ref: SpeakerRef): SpeakerRef {
    if (ref.via !== 'description' || ref.entity !== null || sentenceIndexAt(this.sentences, ref.start) !== 0) return ref;
    const words = ref.text.toLowerCase().split(/\s+/).map(stripPossessive).filter((w) => w && !DETERMINERS.has(w));
    const head = words[words.length - 1];
    // A generic role ("says official") is an unnamed source, whoever else the body names.
    if (!head || !ROLE_NOUNS.has(head) || head.endsWith('s') || GENERIC_ROLES.has(head)) return ref;
    const mods = words.slice(0, -1);
    let best: { p: Person; at: number } | null = null;
    for (const p of this.persons) {
      if (p.described) continue;
      if (!p.context.has(head) || !mods.every((w) => p.context.has(w))) continue;
      const first = p.mentions.find((m) => m.start >= ref.end);
      if (first && (!best || first.start < best.at)) best = { p, at: first.start };
    }
    return best ? { ...ref, name: best.p.name, entity: best.p.entity } : ref;
  }

  resolveDescription(span: Span): SpeakerRef {
    const bare = span.text.replace(/^(?:the|a|an|this|that)\s+/i, '');
    const base: SpeakerRef = { ...span, name: bare, entity: null, via: 'description' };
    const p = this.fitDescription(span.text, span.start, true);
    return p ? { ...base, name: p.name, entity: p.entity } : base;
  }

  /**
   * The speaker phrase that ends just before `end` (a reporting verb), within [lo, end):
   * "Putin", "he", "the former official", "Fire chief Tomas Reyes", "Reyes, who led the rescue,".
   */
  subjectBefore(lo: number, end: number, entities: readonly Entity[], depth = 0): SpeakerRef | null {
    // Each look behind an appositive comma or an "of" goes one level deeper; a few levels cover real sentences and
    // keep scraped text (", , , …", "of … of … of …") from recursing without end.
    if (depth > MAX_SUBJECT_DEPTH) return null;
    const text = this.text;
    if (end - lo > SUBJECT_WINDOW) {
      // Start the window at a word boundary, so that no word is read cut.
      const space = text.slice(end - SUBJECT_WINDOW, end).search(/\s/);
      if (space >= 0) lo = end - SUBJECT_WINDOW + space;
    }
    let toks = tokenize(text, lo, end);
    // Skip adverbs/auxiliaries before the verb.
    // (and any lower-case -ly adverb: "Trump jokingly said", "she emphatically proclaimed")
    while (toks.length && isVerbModifier(toks[toks.length - 1]!) && /^\s+$/.test(text.slice(toks[toks.length - 1]!.end, end))) {
      end = toks[toks.length - 1]!.start;
      toks = toks.slice(0, -1);
    }
    const paren = /\s*\([^()]{1,40}\)\s*,?\s*$/.exec(text.slice(lo, end));
    if (paren && paren.index > 0) return this.subjectBefore(lo, lo + paren.index, entities, depth + 1);
    const gapEnd = toks.length ? text.slice(toks[toks.length - 1]!.end, end) : '';
    if (/^\.?\s*,\s*$/.test(gapEnd)) {
      // Appositive or relative clause: "Reyes, who led the rescue, said", "Reyes, 67, a retired engineer in
      // Arden, Vale., said" — the subject is before one of its commas: the nearest of the last three that gives a
      // person (else what the nearest gives).
      const lastTok = toks[toks.length - 1]!;
      const region = text.slice(lo, lastTok.end);
      let comma = region.length;
      let nearest: SpeakerRef | null | undefined;
      for (let tries = 0; tries < 3; tries++) {
        comma = comma > 0 ? region.lastIndexOf(',', comma - 1) : -1;
        if (comma < 0) break;
        const between = tokenize(text, lo + comma + 1, lastTok.end);
        if (between.length > 30) break;
        // "Carson’s business manager, Armstrong Williams, stated": a name in the appositive is the speaker.
        if (tries === 0 && between.length <= 4 && between.every((t) => t.cap) && !between.some((t) => NOT_NAME.has(t.lower))) {
          const named = this.classify(between, entities);
          if (named && named.via === 'name' && (this.isPerson(named, entities) || between.length >= 2)) return named;
        }
        const found = this.subjectBefore(lo, lo + comma, entities, depth + 1);
        if (nearest === undefined) nearest = found;
        // "… retired in Arden," — the object of a preposition inside the appositive is not the subject.
        const before = found ? tokenize(text, Math.max(lo, found.start - 12), found.start).pop() : undefined;
        if (found && this.isPerson(found, entities) && !(before && OBJECT_PREPOSITIONS.has(before.lower))) return found;
      }
      return nearest ?? null;
    }
    if (!/^\s*$/.test(gapEnd)) return null;
    // Walk back over the noun phrase.
    const np: Token[] = [];
    for (let k = toks.length - 1; k >= 0 && np.length < 8; k--) {
      const t = toks[k]!;
      const next = np[0];
      if (next) {
        const gap = text.slice(t.end, next.start);
        if (!/^\s+$/.test(gap) && !(/^\.\s+$/.test(gap) && t.text.length <= 4)) break;
      }
      if (CLAUSE_STOPS.has(t.lower) && !(np.length === 0 && false)) break;
      np.unshift(t);
      if (DETERMINERS.has(t.lower)) break;
      if (PRONOUNS.has(t.lower) && np.length === 1) break;
    }
    const ref = this.classify(np, entities);
    // "Archbishop Tomas Reyes of the Arden Patriarchate said": the person named before "of (the)" a name.
    if (np[0]?.cap || (np[0] && DETERMINERS.has(np[0].lower) && np[1]?.cap)) {
      const at = toks.indexOf(np[0]!);
      const of = at - 1;
      if (of > 0 && toks[of]!.lower === 'of') {
        const head = this.subjectBefore(lo, toks[of]!.start, entities, depth + 1);
        if (head && head.via === 'name' && this.isPerson(head, entities)) return head;
      }
    }
    return ref;
  }

  /** A speaker that is someone: a pronoun, a description, or a name of a person (entity or name seen in full). */
  private isPerson(ref: SpeakerRef, entities: readonly Entity[]): boolean {
    if (ref.via !== 'name') return true;
    if (ref.entity !== null) return entities.some((e) => e.id === ref.entity && e.type === 'person');
    return this.persons.some((p) => !p.described && p.name === ref.name);
  }

  /** The subject at the start of the sentence containing `lo` (before `hi`), for participle clauses. */
  sentenceSubject(lo: number, hi: number, entities: readonly Entity[]): SpeakerRef | null {
    const si = sentenceIndexAt(this.sentences, lo);
    const S = this.sentences[si];
    if (!S) return null;
    return this.subjectAt(S.start, hi, entities);
  }

  /**
   * The subject of the main clause of the sentence containing `lo`, before `hi`, for a participle or a
   * colon that introduces a quote ("At the debate, Ivo Karsk turned to the crowd, saying: “…”"): the
   * noun phrase opening the sentence, or — when the sentence opens with an adverbial (a preposition or
   * subordinator, up to a comma) — the one after that comma. Only a pronoun, a known person or
   * organisation, or a description counts.
   */
  mainSubject(lo: number, hi: number, entities: readonly Entity[]): SpeakerRef | null {
    const si = sentenceIndexAt(this.sentences, lo);
    const S = this.sentences[si];
    if (!S) return null;
    // Candidate starts: the sentence start, then just after each comma (an opening adverbial or aside).
    const starts = [S.start];
    const region = this.text.slice(S.start, hi);
    for (const m of region.matchAll(/,\s+/g)) starts.push(S.start + (m.index ?? 0) + m[0].length);
    for (let from of starts.slice(0, 4)) {
      const words = tokenize(this.text, from, hi);
      // Leading conjunctions and adverbs are not part of the subject ("And then Ivo Karsk turned, saying").
      while (words[0] && /^(but|and|so|yet|then|later|also|now|still|again|finally)$/.test(words[0].lower) && words[1] && /^\s+$/.test(this.text.slice(words[0].end, words[1].start))) {
        from = words[1].start;
        words.shift();
      }
      const first = words[0];
      if (!first || ADVERBIAL_OPENERS.has(first.lower)) continue;
      const ref = this.subjectAt(from, hi, entities);
      if (ref && (ref.via === 'pronoun' || ref.via === 'description' || ref.entity !== null)) return ref;
    }
    return null;
  }

  /** The noun phrase starting at `from` (before `hi`) as a speaker. */
  private subjectAt(from: number, hi: number, entities: readonly Entity[]): SpeakerRef | null {
    const toks = tokenize(this.text, from, hi);
    const np: Token[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const prev = np[np.length - 1];
      if (prev && !/^\s+$/.test(this.text.slice(prev.end, t.start))) break;
      if (np.length === 0 && PRONOUNS.has(t.lower)) return this.classify([t], entities);
      if (!t.cap && !(np.length === 0 && DETERMINERS.has(t.lower)) && !(np.length > 0 && ROLE_NOUNS.has(t.lower))) {
        if (!(np.length > 0 && DETERMINERS.has(np[0]!.lower) && !CLAUSE_STOPS.has(t.lower))) break;
      }
      np.push(t);
      if (np.length >= 7) break;
      // "His campaign sent …", "The former official told …": a description ends at its head noun (unless another follows).
      const next = toks[i + 1];
      if (np.length >= 2 && DETERMINERS.has(np[0]!.lower) && !t.cap && (ROLE_NOUNS.has(t.lower) || ORG_HEADS.has(t.lower)) && !(next && (ROLE_NOUNS.has(next.lower) || ORG_HEADS.has(next.lower)))) break;
    }
    const ref = this.classify(np, entities);
    // A lone capitalised word opening the sentence that names nobody known ("Wait, it gets better:").
    if (ref && np.length === 1 && ref.via === 'name' && ref.entity === null && ref.name === ref.text) return null;
    return ref;
  }

  /** The speaker phrase starting at `start` ("said Caddell", "said the former official"). */
  subjectAfter(start: number, hi: number, entities: readonly Entity[]): SpeakerRef | null {
    const text = this.text;
    const toks = tokenize(text, start, hi);
    const first = toks[0];
    if (!first || !/^\s*$/.test(text.slice(start, first.start))) return null;
    const np: Token[] = [];
    for (let k = 0; k < toks.length && np.length < 8; k++) {
      const t = toks[k]!;
      const prev = np[np.length - 1];
      if (prev) {
        const gap = text.slice(prev.end, t.start);
        if (!/^\s+$/.test(gap)) break;
      }
      if (np.length === 0) {
        np.push(t);
        if (PRONOUNS.has(t.lower)) break;
        continue;
      }
      const startsDet = DETERMINERS.has(np[0]!.lower);
      if (startsDet) {
        if (CLAUSE_STOPS.has(t.lower)) break;
        np.push(t);
        continue;
      }
      if (!t.cap) break;
      np.push(t);
    }
    if (np.length === 0) return null;
    return this.classify(np, entities);
  }

  /** Name, pronoun or description from a noun-phrase token list. */
  classify(np: Token[], entities: readonly Entity[]): SpeakerRef | null {
    const text = this.text;
    if (np.length === 0) return null;
    const last = np[np.length - 1]!;
    if (np.length === 1 && PRONOUNS.has(last.lower)) {
      return this.resolvePronoun({ start: last.start, end: last.end, text: last.text });
    }
    if (PRONOUNS.has(last.lower)) return null;
    // A possessive is not a subject ("Russia’s state border").
    if (isPossessive(last.text)) return null;
    // Trailing capitalised run (a name), without leading titles.
    let k = np.length;
    while (k > 0 && np[k - 1]!.cap) k--;
    let run = np.slice(k);
    // "Arden University’s Ana Lind": the name is after the possessive.
    const owner = run.findLastIndex((t, i) => i < run.length - 1 && isPossessive(t.text));
    if (owner >= 0) run = run.slice(owner + 1);
    const sentenceStart = (t: Token): boolean => {
      const si = sentenceIndexAt(this.sentences, t.start);
      return this.sentences[si]?.start === t.start;
    };
    const titledName = run.length >= 2 && TITLES.has(run[0]!.lower.replace(/\.$/, ''));
    while (run.length && (TITLES.has(run[0]!.lower.replace(/\.$/, '')) || (NOT_NAME.has(run[0]!.lower) && (sentenceStart(run[0]!) || DETERMINERS.has(run[0]!.lower))))) {
      // "Mr. Prince said" / "Prince said": a title word that is the whole remaining name is the name.
      if (run.length === 1 && (titledName || (k === 0 && np.length === 1 && !sentenceStart(run[0]!)))) break;
      run = run.slice(1);
    }
    if (run.length && !NOT_NAME.has(last.lower) && !DETERMINERS.has(last.lower)) {
      const s = run[0]!.start;
      const lastLower = stripPossessive(last.lower);
      const plural = PLURAL_SPEAKERS.has(lastLower) && run.length === 1;
      if (!plural) {
        const span = { start: s, end: last.end, text: text.slice(s, last.end) };
        return this.resolveName(span, entities);
      }
    }
    // A description: determiner + words + role/org head, or a bare plural ("officials", "council officials").
    const head = stripPossessive(last.lower);
    // "Karsk’s office", "Arden’s water board", "Karsk’s spokesman": whose office or aide speaks.
    const possessor = np.findIndex((t) => t.cap && /[’']s$/u.test(t.text));
    if (possessor >= 0 && np.length - possessor >= 2 && np.length - possessor <= 4 && np.slice(possessor + 1).every((t) => !t.cap) && (ORG_HEADS.has(head) || (ROLE_NOUNS.has(head) && !head.endsWith('s')))) {
      // The whole name that owns it ("Ana Lind’s office"), not only its last word.
      let first = possessor;
      while (first > 0 && np[first - 1]!.cap && !NOT_NAME.has(np[first - 1]!.lower)) first--;
      const s = np[first]!.start;
      const t = text.slice(s, last.end);
      return { start: s, end: last.end, text: t, name: t, entity: null, via: 'description' };
    }
    const firstDet = np.findIndex((t) => DETERMINERS.has(t.lower));
    if (firstDet >= 0 && np.length - firstDet >= 2 && (ROLE_NOUNS.has(head) || ORG_HEADS.has(head) || PLURAL_SPEAKERS.has(head) || /^\d+-year-old$/.test(head))) {
      const s = np[firstDet]!.start;
      return this.resolveDescription({ start: s, end: last.end, text: text.slice(s, last.end) });
    }
    if (firstDet < 0 && (PLURAL_SPEAKERS.has(head) || (ROLE_NOUNS.has(head) && head.endsWith('s')))) {
      const keep = np.slice(Math.max(0, np.length - 3));
      const s = keep[0]!.start;
      return { start: s, end: last.end, text: text.slice(s, last.end), name: text.slice(s, last.end), entity: null, via: 'description' };
    }
    return null;
  }
}
