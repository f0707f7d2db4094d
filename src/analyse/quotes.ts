/**
 * Direct and indirect quotes with their speakers.
 *
 * Direct quotes (`direct: true`, span = the words inside the marks). For each outermost quotation
 * (see quote-marks.ts) the reporting clause is looked for, in this order:
 * 1. after the closing mark in the same sentence: “…,” Putin stated / he said / said Caddell /
 *    the former official stated / Sen. X, a Democrat, said / according to X;
 * 2. before the opening mark: X said, “…” / X told reporters: “…” / said X: “…” / According to X, “…” /
 *    NAME: “…” (transcripts);
 * 3. a reporting verb earlier in the sentence with a subject (partial quotes: He called it “a shift”).
 * A quote with no clause of its own that opens its sentence takes the speaker of the quote just before it
 * in the same or the previous paragraph (“A,” said X. “B.”), with cue null.
 * “A,” X said, “B.” — two quotations joined by a reporting clause that ends in a comma or colon, the first
 * not ending a sentence — become ONE quote with `fragments` [A, B].
 * Kept: quotes of 3+ words, and shorter ones only with a reporting clause (1 or 2). Title-case quotes
 * without punctuation or clause (“The Nightly Show”) are titles, not quotes.
 *
 * Indirect quotes (`direct: false`, span = the content clause, without final punctuation), outside
 * quotation marks, per sentence:
 * - X said (that) … / X told reporters (that) … / X said in a statement that …
 * - …, X said.  / …, said X.  and the parenthetical  A, he explained, B  (fragments [A, B])
 * - According to X, …  / …, according to X.  / A, according to X, B
 * - X’s assertion/claim/argument that …
 * X must be a name, a pronoun or a description (see speakers.ts); otherwise nothing is reported.
 *
 * Quotes are numbered q1, q2, ... in text order.
 */
import type { Entity, Quote, Sentence, SpeakerRef, Span } from '../types.js';
import { sentenceIndexAt, spanOf } from '../text/spans.js';
import { findQuotePairs, type QuotePair } from './quote-marks.js';
import { unifyDoubleMarks } from './quote-normalise.js';
import { INDIRECT_VERBS, OBJECT_PREPOSITIONS, REPORTING_VERBS, ROLE_NOUNS, TITLES } from './lexicon-speech.js';
import { SpeakerResolver, tokenize, type Token } from './speakers.js';
import { isQuoteVerbAt, QUOTE_VERBS, quoteVerbLength } from './quote-verbs.js';

interface Clause {
  speaker: SpeakerRef | null;
  cue: Span | null;
  /** Where the clause text ends (exclusive), for fragment joining. */
  end: number;
}

interface Draft {
  start: number;
  end: number;
  direct: boolean;
  speaker: SpeakerRef | null;
  cue: Span | null;
  sentence: number;
  fragments?: Span[];
  partial?: boolean;
}

const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'for', 'of', 'about', 'with', 'to', 'by', 'from', 'over', 'last', 'this', 'late', 'early', 'earlier', 'later', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today']);
const CLAIM_NOUNS = /^(assertion|claim|argument|statement|insistence|warning|suggestion|contention|allegation|admission|promise|pledge|view|belief|announcement|prediction|remark|comments?)$/;
const SUBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'it', 'one', 'this', 'that', 'another', 'some', 'many', 'several', 'former', 'another']);
const TELL = new Set(['tell', 'tells', 'told', 'telling']);
/** A clause that goes on naming a source, not content: "as reported by RIA Novosti", "citing a source", "according to TASS". */
const SOURCE_CLAUSE = /^(?:as\s+(?:reported|cited|quoted)\s+by|citing|quoting|according\s+to|in\s+a\s+(?:statement|report|post|message|interview)\b)/i;
const DAY_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight']);
const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night']);
const TIME_QUALIFIERS = new Set(['on', 'late', 'early', 'last']);
/**
 * Reporting verbs whose content may follow a time phrase with no "that" ("said Tuesday the bridge would reopen"):
 * verbs of saying that take a clause. Not "announced", "reported", "confirmed" and the like, which as often take a
 * noun ("announced Sunday drastic spending cuts").
 */
const CLAUSE_AFTER_TIME = new Set(['said', 'says', 'added', 'adds', 'stated', 'warned', 'insisted', 'claimed', 'argued', 'noted', 'explained', 'acknowledged', 'admitted', 'estimated', 'predicted']);

/**
 * The index of the first token after a time phrase starting at token `j` ("Tuesday", "on Monday", "late Monday
 * night", "last week", "yesterday"), or `j` when none starts there. Wire copy puts it between the reporting verb and
 * the reported content with no "that": "the mayor said Tuesday the bridge would reopen".
 */
function afterTimePhrase(toks: readonly Token[], j: number): number {
  let m = j;
  const first = toks[m]?.lower ?? '';
  if (first === 'last' && /^(?:week|month|year|night)$/.test(toks[m + 1]?.lower ?? '')) return m + 2;
  if (TIME_QUALIFIERS.has(first) && DAY_WORDS.has(toks[m + 1]?.lower ?? '')) m++;
  if (!DAY_WORDS.has(toks[m]?.lower ?? '')) return j;
  m++;
  if (DAY_PARTS.has(toks[m]?.lower ?? '')) m++;
  return m;
}
const ASK = new Set(['ask', 'asks', 'asked']);
/** Words that show an addressee phrase goes on into a clause of its own ("told the committee she …", "asked the court to …"). */
const ADDRESSEE_STOPS = new Set(['she', 'he', 'they', 'i', 'we', 'it', 'to', 'for', 'that', 'if', 'whether', 'about', 'why', 'how', 'what', 'who', 'when', 'not']);
/** Words opening a relative or subordinate clause, not a reporting clause (", which critics said was rushed"). */
const RELATIVE_OPENERS = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when', 'while', 'as', 'because', 'although', 'though', 'and', 'but', 'if', 'since']);
/** Words that open a new clause after a quotation ("…,” but he denied …). */
const CLAUSE_CONJUNCTIONS = new Set(['but', 'and', 'although', 'though', 'while', 'whereas', 'yet']);

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length;
}

function isTitleCase(text: string): boolean {
  if (/[.!?,;:]/.test(text)) return false;
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** Trim trailing terminal punctuation and closing marks from an indirect content span end. */
function trimContentEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.!?;:,”’"»)]/.test(text[e - 1]!)) e--;
  return e;
}

function trimStart(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && /[\s,;:—–-]/.test(text[s]!)) s++;
  return s;
}

const MARK_OR_SPACE = /[“”"«»‹›‘’'\s]/;
const EMBEDDING_VERBS = new Set(['called', 'call', 'calls', 'calling', 'described', 'describes', 'describing', 'dubbed', 'labeled', 'labelled', 'termed']);

/**
 * Is the quotation opening at `outerStart` (inner text from `innerStart`) a partial quote — a quoted
 * fragment embedded in the writer's own clause (He called it “a pivotal shift” / the plan was “dead”)
 * — rather than a full quotation whose marks enclose the whole reported content?
 * Full: it opens its sentence, or follows a colon; or it starts with a capital letter after a comma, a
 * dash, a bracket or a reporting verb (X said, “We …”). Everything else is partial.
 */
export function isPartialAt(text: string, sentenceStart: number, outerStart: number, innerStart: number): boolean {
  let i = outerStart - 1;
  while (i >= sentenceStart && MARK_OR_SPACE.test(text[i]!)) i--;
  if (i < sentenceStart) return false;
  const ch = text[i]!;
  if (ch === ':') return false;
  const capital = /^[\p{Lu}\p{N}]/u.test(text.slice(innerStart, innerStart + 1));
  if (/[,;—–\-(\[.!?]/.test(ch)) return !capital;
  const toks = tokenize(text, Math.max(0, i - 30), i + 1);
  const last = toks[toks.length - 1];
  if (last && REPORTING_VERBS.has(last.lower) && !EMBEDDING_VERBS.has(last.lower)) return !capital;
  return true;
}

/** Whether an extracted quote is a partial quote (see `Quote.partial`). */
export function isPartialQuote(_text: string, _sentences: readonly Sentence[], quote: Quote): boolean {
  return quote.partial === true;
}

export function extractQuotes(text: string, sentences: Sentence[], entities: Entity[]): Quote[] {
  const resolver = new SpeakerResolver(text, sentences, entities);
  const all = findQuotePairs(unifyDoubleMarks(text));
  // Outermost pairs only.
  const pairs: QuotePair[] = [];
  for (const p of all) {
    const last = pairs[pairs.length - 1];
    if (last && p.outerStart >= last.outerStart && p.outerStart < last.outerEnd) continue;
    pairs.push(p);
  }
  resolver.setQuoteRanges(pairs.map((p) => [p.outerStart, p.outerEnd] as [number, number]));

  const drafts: Draft[] = [];
  const usedCues = new Set<number>();
  const pairsBySentence = new Map<number, QuotePair[]>();
  for (const p of pairs) {
    const si = sentenceIndexAt(sentences, p.innerStart);
    const arr = pairsBySentence.get(si) ?? [];
    arr.push(p);
    pairsBySentence.set(si, arr);
  }
  let pi = 0;
  let lastDirect: Draft | null = null;
  for (let si = 0; si < sentences.length; si++) {
    const S = sentences[si]!;
    // Direct quotes opening in this sentence.
    while (pi < pairs.length && sentenceIndexAt(sentences, pairs[pi]!.innerStart) === si) {
      const P = pairs[pi]!;
      pi++;
      const fragments: Span[] = P.pieces.map((x) => spanOf(text, x.innerStart, x.innerEnd));
      const innerText = text.slice(P.innerStart, P.innerEnd);
      let clause = afterClause(P, pairs[pi] ?? null);
      let adjacent = clause !== null;
      // “A,” X said, “B.” → join.
      let end = P.innerEnd;
      let outerEnd = P.outerEnd;
      while (clause && clause.speaker && pi < pairs.length) {
        const Q = pairs[pi]!;
        const between = text.slice(clause.end, Q.outerStart);
        const lastInner = text.slice(Math.max(P.innerStart, end - 1), end);
        const brokenInSentence =
          /^[^.!?;“”"]*$/.test(between) &&
          !endsSentenceBetween(P.outerEnd, Q.outerStart) &&
          tokenize(text, clause.end, Q.outerStart).length <= 12 &&
          !/[.!?]/.test(lastInner) &&
          /[,:;—–-]\s*$/.test(text.slice(clause.end - 1, Q.outerStart)) &&
          Q.pieces.length === 1 &&
          sentences[sentenceIndexAt(sentences, Q.innerStart)]?.paragraph === S.paragraph;
        if (!brokenInSentence && (isPartialAt(text, S.start, P.outerStart, P.innerStart) || !continuesNextSentence(outerEnd, lastInner, Q))) break;
        fragments.push(spanOf(text, Q.innerStart, Q.innerEnd));
        end = Q.innerEnd;
        outerEnd = Q.outerEnd;
        pi++;
        if (!brokenInSentence) break;
        const next: Clause | null = afterClause(Q, pairs[pi] ?? null);
        if (next && next.speaker) clause = { ...clause, end: next.end };
        else break;
      }
      if (!clause || !clause.speaker) {
        const before = beforeClause(P, S);
        if (before) {
          clause = before;
          adjacent = true;
        }
      }
      if (!clause || !clause.speaker) {
        const emb = embeddedClause(P, S);
        if (emb) clause = emb;
      }
      if (!clause || !clause.speaker) {
        // (Found farther from the quotation than an adjacent clause: the short-quote and title filters still apply.)
        const trailing = trailingClause(P, pairs[pi] ?? null);
        if (trailing) clause = trailing;
      }
      if (!clause || !clause.speaker) {
        const sign = signOff(P);
        if (sign) clause = sign;
      }
      let speaker = clause?.speaker ?? null;
      let cue = clause?.cue ?? null;
      // Opens its sentence — also when the splitter ran on ("…,” said X. “B …”): only sentence-final
      // punctuation and marks between the previous text and the opening mark.
      const opensSentence = P.outerStart <= S.start || /[.!?][”"'’)]*\s+$/.test(text.slice(S.start, P.outerStart));
      if (!speaker && opensSentence && lastDirect && lastDirect.speaker) {
        const prevPara = sentences[lastDirect.sentence]?.paragraph ?? -10;
        if (S.paragraph - prevPara <= 1) {
          speaker = introducedBy(si, lastDirect.sentence) ?? lastDirect.speaker;
          cue = null;
        }
      }
      if (!speaker && !clause) {
        // No reporting clause at all: the speaker of the surrounding passage continues.
        speaker = resolver.contextSpeaker(si);
        cue = null;
      }
      const words = wordCount(fragments.map((f) => f.text).join(' '));
      if (words === 0) continue;
      if (words < 3 && !adjacent) continue;
      if (!adjacent && isTitleCase(innerText) && P.pieces.length === 1) continue;
      if (cue) usedCues.add(cue.start);
      if (speaker) resolver.noteSpeaker(si, speaker);
      const partial = isPartialAt(text, S.start, P.outerStart, P.innerStart);
      const d: Draft = { start: P.innerStart, end, direct: !partial, speaker, cue, sentence: si };
      if (partial) d.partial = true;
      if (fragments.length > 1) d.fragments = fragments;
      void outerEnd;
      drafts.push(d);
      lastDirect = d;
    }
    // Indirect quotes in this sentence.
    for (const d of indirectIn(S, si)) {
      if (d.speaker) resolver.noteSpeaker(si, d.speaker);
      drafts.push(d);
    }
  }

  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  // Headline speakers described by role ("…, says mayor") are the people the body names.
  for (const d of drafts) if (d.sentence === 0 && d.speaker) d.speaker = resolver.headlineSpeaker(d.speaker);
  return drafts.map((d, i) => {
    const q: Quote = {
      start: d.start,
      end: d.end,
      text: text.slice(d.start, d.end),
      id: `q${i + 1}`,
      direct: d.direct,
      speaker: d.speaker,
      cue: d.cue,
      sentence: d.sentence,
    };
    if (d.fragments) q.fragments = d.fragments;
    if (d.partial) q.partial = true;
    return q;
  });

  // ───────────────────────── helpers (closures over text, sentences, resolver) ─────────────────────────

  /**
   * “A,” X said. “B.” — the quotation cut by its reporting clause goes on in the very next sentence: A (a full
   * quotation, not quoted words inside the writer's sentence: the caller checks) ends in a comma (the clause broke
   * the quoted sentence), the clause sentence (no other quotation in it, at most 25 words) ends where Q opens the
   * next sentence of the same paragraph, Q is that whole sentence (not a title or scare quote opening it:
   * “Hamlet” opens tonight), and Q has no reporting clause of its own.
   */
  function continuesNextSentence(afterP: number, lastInner: string, Q: QuotePair): boolean {
    if (lastInner !== ',' || Q.pieces.length !== 1) return false;
    const si = sentenceIndexAt(sentences, afterP);
    const clauseSentence = sentences[si];
    const next = sentences[si + 1];
    if (!clauseSentence || !next || next.start !== Q.outerStart || next.paragraph !== clauseSentence.paragraph) return false;
    if (!/^[\s.,!?;:…”"’'»)\]]*$/.test(text.slice(Q.outerEnd, next.end))) return false;
    const clauseText = text.slice(afterP, clauseSentence.end);
    if (/[“”"«»]/.test(clauseText) || tokenize(text, afterP, clauseSentence.end).length > 25) return false;
    const own = afterClause(Q, null);
    return !(own && own.speaker);
  }

  /**
   * “A,” X said. ¶ Ana Lind agreed. “B.” — a sentence of B's paragraph just before it, after the last quotation
   * (sentence `after`) and with no quotation of its own, whose subject is a person: B is that person's.
   */
  function introducedBy(si: number, after: number): SpeakerRef | null {
    const prev = sentences[si - 1];
    if (!prev || prev.index <= after || prev.paragraph !== sentences[si]!.paragraph) return null;
    if (pairs.some((p) => p.outerStart < prev.end && p.outerEnd > prev.start)) return null;
    const ref = resolver.mainSubject(prev.start, prev.end, entities);
    if (!ref || ref.via === 'description') return null;
    return ref.via === 'pronoun' || entities.some((e) => e.id === ref.entity && e.type === 'person') ? ref : null;
  }

  /**
   * “A big truck” plowed through the barriers, he said. — a quotation inside the writer's sentence, whose reporting
   * clause comes later in that sentence as a comma-separated clause of its own (“…” before the incident, she said /
   * …, said Ana Lind.): the clause's subject speaks it. Not past the next quotation; the clause is short and does not
   * report a “that” clause.
   */
  function trailingClause(P: QuotePair, next: QuotePair | null): Clause | null {
    const S = sentences[sentenceIndexAt(sentences, P.outerEnd - 1)];
    if (!S || S.end <= P.outerEnd) return null;
    // Only a quotation that opens the sentence: in "The word “x” appears …, which critics said …" no one is quoted.
    if (/[\p{L}\p{N}]/u.test(text.slice(S.start, P.outerStart))) return null;
    const hi = next && next.outerStart < S.end ? next.outerStart : S.end;
    const commas: number[] = [];
    for (let c = text.indexOf(',', P.outerEnd); c >= 0 && c < hi; c = text.indexOf(',', c + 1)) commas.push(c);
    for (let i = commas.length - 1; i >= 0 && i >= commas.length - 3; i--) {
      const from = commas[i]! + 1;
      const to = i + 1 < commas.length ? commas[i + 1]! : hi;
      const toks = tokenize(text, from, to);
      if (toks.length < 2 || toks.length > 10 || toks.some((t) => t.lower === 'that') || RELATIVE_OPENERS.has(toks[0]!.lower)) continue;
      for (let k = 0; k < Math.min(toks.length, 6); k++) {
        if (!isQuoteVerbAt(toks, k)) continue;
        const v = toks[k]!;
        const sp = k === 0 ? resolver.subjectAfter(skipSpace(v.end), to, entities) : resolver.subjectBefore(toks[0]!.start, v.start, entities);
        if (!sp || (k > 0 && sp.start !== toks[0]!.start && tokenize(text, toks[0]!.start, sp.start).length > 3)) break;
        if (tokenize(text, k === 0 ? sp.end : v.end, to).length > 6) break;
        return { speaker: sp, cue: spanOf(text, v.start, v.end), end: to };
      }
    }
    return null;
  }

  /**
   * A quotation that ends its paragraph, signed after a dash: on the next line (“…” ¶ - Ana Lind. / —President Karsk,
   * tweeting.) or, when the quotation opens its paragraph, on the same line (“…” ― Ana Lind: vox pops, pull quotes).
   * The name after the dash, ending its line or followed by a comma or full stop, is the speaker.
   */
  function signOff(P: QuotePair): Clause | null {
    const m = /^[\s.,]*[-–—―]\s*(\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*){0,4})(?=[,.;]|[ \t]*$|[ \t]*\n)/u.exec(text.slice(P.outerEnd, P.outerEnd + 120));
    if (!m) return null;
    const name = m[1]!;
    const start = P.outerEnd + m.index + m[0].length - name.length;
    const sameLine = !text.slice(P.outerEnd, start).includes('\n');
    if (sameLine && !/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, P.outerStart - 40), P.outerStart))) return null;
    const end = start + name.replace(/\.$/, '').length;
    const speaker = resolver.classify(tokenize(text, start, end), entities);
    return speaker && speaker.via === 'name' ? { speaker, cue: null, end } : null;
  }


  /** A sentence ends between two quotes: “A,” X said. But she added, “B.” — not joined. */
  function endsSentenceBetween(from: number, to: number): boolean {
    const between = text.slice(from, to).replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|St|Jr|Sr|Prof|Rev|Hon|Inc|Corp|Co|Ltd|\p{Lu})\./gu, 'X');
    return /[.!?]\s+/.test(between);
  }

  function sentenceEndAt(offset: number): number {
    const s = sentences[sentenceIndexAt(sentences, Math.max(0, offset))];
    return s ? s.end : text.length;
  }

  /** The reporting clause right after the closing mark: “…,” Putin stated / said X / he said. */
  function afterClause(P: QuotePair, next: QuotePair | null): Clause | null {
    const from = P.outerEnd;
    const lastChar = text.slice(P.innerEnd - 1, P.innerEnd);
    let hi = sentenceEndAt(P.outerEnd - 1);
    if (hi <= from) hi = sentenceEndAt(from + 1);
    if (next && next.outerStart < hi) hi = next.outerStart;
    if (hi <= from) return null;
    const region = text.slice(from, hi);
    const lead = /^[\s,—–-]*/.exec(region)![0].length;
    const start = from + lead;
    if (/\n/.test(text.slice(from, start))) return null;
    // After a sentence-final mark the clause continues in lower case (“Why?” he asked), or is a short
    // sentence of its own: “…!” Clinton said. / “….” Trump said on Tuesday.
    let ownSentence = false;
    if (/[.!?]/.test(lastChar) && !/^\p{Ll}/u.test(text[start] ?? '') && sentenceIndexAt(sentences, start) !== sentenceIndexAt(sentences, P.innerEnd - 1)) {
      // (When the splitter kept “…?” Trump said of … in one sentence, the clause simply continues.)
      const ns = sentences[sentenceIndexAt(sentences, start)];
      if (!ns || ns.start !== start) return null;
      // Only for a quotation that is its sentence: in “Karsk said: “…”” the clause before it is the one.
      const own = sentences[sentenceIndexAt(sentences, P.outerStart)];
      if (own && /[\p{L}\p{N}]/u.test(text.slice(own.start, P.outerStart))) return null;
      // “…” He added, “B.” — a clause that opens the next quotation introduces that one, not this one.
      if (next && next.outerStart < ns.end && /^[^.!?“”"]*[,:]\s*$/.test(text.slice(start, next.outerStart))) return null;
      hi = ns.end;
      if (next && next.outerStart < hi) hi = next.outerStart;
      ownSentence = true;
    }
    const toks = tokenize(text, start, hi);
    if (toks.length === 0 || toks[0]!.start !== start) return null;
    const first = toks[0]!;
    if (first.lower === 'according' && toks[1]?.lower === 'to') {
      const sp = resolver.subjectAfter(toks[1].end + 1, hi, entities) ?? rawSubject(toks[1].end, hi);
      if (!sp) return null;
      return { speaker: sp, cue: spanOf(text, first.start, toks[1].end), end: clauseEnd(sp.end, hi) };
    }
    if (QUOTE_VERBS.has(first.lower)) {
      const sp = resolver.subjectAfter(skipSpace(first.end), hi, entities) ?? rawSubject(first.end, hi);
      if (!sp) return null;
      return { speaker: sp, cue: spanOf(text, first.start, first.end), end: clauseEnd(sp.end, hi) };
    }
    // Subject first: find the reporting verb within the first tokens.
    for (let k = 1; k < Math.min(toks.length, 25); k++) {
      if (!isQuoteVerbAt(toks, k)) continue;
      const v0 = toks[k]!;
      const v = { ...v0, end: toks[k + quoteVerbLength(toks, k) - 1]!.end };
      if (/[!?;]/.test(text.slice(start, v.start))) return null;
      const sp = resolver.subjectBefore(start, v.start, entities) ?? describedSubject(start, v.start);
      if (!sp) continue;
      // The subject must start the clause (allowing leading title words that are not part of the name).
      const preTokens = tokenize(text, start, sp.start);
      // “…,” but he denied … / “…” and said that …: a new clause of the writer's, not this quotation's reporting clause.
      if (preTokens[0] && CLAUSE_CONJUNCTIONS.has(preTokens[0].lower) && !ownSentence) return null;
      if (!titledNameAfter(preTokens, start, sp.start) && (preTokens.length > 3 || /[,;]/.test(text.slice(start, sp.start)))) {
        if (!/,\s*$/.test(text.slice(sp.end, v.start))) continue;
      }
      if (ownSentence) {
        // Only a short reporting sentence: "Trump said on Tuesday." — not "Trump said the wall …".
        // (Up to the first comma: "Trump said of Apple in February, when …" is still a short clause.)
        const comma = text.slice(v.end, hi).search(/[,;:—–]/);
        const tail = tokenize(text, v.end, comma >= 0 ? v.end + comma : hi);
        // "Todd asked the candidate." / "Reyes told the station.": whom the question or answer went to.
        // Only a short noun phrase: "Lind told the committee she would not resign" / "asked the court to dismiss …" go on.
        const addressee =
          (TELL.has(v.lower) || ASK.has(v.lower)) &&
          tail.length <= 5 &&
          tail[0] !== undefined &&
          (SUBJECT_OPENERS.has(tail[0].lower) || tail[0].cap) &&
          !tail.some((t) => ADDRESSEE_STOPS.has(t.lower)) &&
          /^[^,;:]*[.!?]?["”’')\]]*\s*$/.test(text.slice(v.end, hi));
        if (!addressee && !/^\s*[,.!?]/.test(text.slice(v.end, hi)) && (tail.length > 12 || tail.some((t) => t.lower === 'that') || (tail[0] && !/^(to|in|on|at|during|after|before|of|about|with|from|at|later|earlier|again|then|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|reporters|cnn|in|as|when|while)$/.test(tail[0].lower) && !tail[0].cap))) return null;
      }
      return { speaker: sp, cue: spanOf(text, v.start, v.end), end: clauseEnd(v.end, hi) };
    }
    return null;
  }

  /**
   * The words before a name are one title phrase ("Northland Water Board senior engineer Tomas Reyes",
   * "Karsk’s press secretary Ana Reyes"): at most ten words with nothing but spaces (and possessives, initials)
   * between them, the last one a role or title word, so the name is the subject they describe.
   */
  function titledNameAfter(pre: readonly Token[], from: number, nameStart: number): boolean {
    const last = pre[pre.length - 1];
    if (!last || pre.length > 10) return false;
    if (!ROLE_NOUNS.has(last.lower) && !TITLES.has(last.lower.replace(/\.$/, ''))) return false;
    // "a lawyer for President Donald Trump", "the wife of former President …": the name is not the speaker.
    if (pre.some((t) => OBJECT_PREPOSITIONS.has(t.lower))) return false;
    return /^[\p{L}\p{N}\s.’'&-]*,?\s*$/u.test(text.slice(from, nameStart));
  }

  /** “…,” the suit says / it read / one person tweeted: a short lower-case subject phrase, unresolved. */
  function describedSubject(from: number, verbStart: number): SpeakerRef | null {
    const toks = tokenize(text, from, verbStart);
    const first = toks[0];
    if (!first || toks.length > 9 || first.start !== from || !SUBJECT_OPENERS.has(first.lower)) return null;
    if (/[,;:.!?“”"()]/.test(text.slice(from, verbStart).replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St)\./g, ''))) return null;
    const end = toks[toks.length - 1]!.end;
    const t = text.slice(from, end);
    return { start: from, end, text: t, name: t.replace(/^(?:the|a|an)\s+/i, ''), entity: null, via: 'description' };
  }

  function skipSpace(i: number): number {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    return i;
  }

  /** End of a reporting clause: up to the next comma/colon or the region end. */
  function clauseEnd(from: number, hi: number): number {
    const rest = text.slice(from, hi);
    const m = /[,:;—–]/.exec(rest);
    return m ? from + m.index + 1 : hi;
  }

  /** Speaker text after "according to" when it is not a name or a known description. */
  function rawSubject(from: number, hi: number): SpeakerRef | null {
    const s = skipSpace(from);
    const m = /^[^,.;:“”"()]{2,60}/u.exec(text.slice(s, hi));
    if (!m) return null;
    const e = s + m[0].trimEnd().length;
    const t = text.slice(s, e);
    return { start: s, end: e, text: t, name: t.replace(/^(?:the|a|an)\s+/i, ''), entity: null, via: 'description' };
  }

  /** The reporting clause before the opening mark: X said, “…” / said X: “…” / According to X, “…”. */
  function beforeClause(P: QuotePair, S: Sentence): Clause | null {
    let lo = S.start;
    for (const p of pairs) if (p.outerEnd <= P.outerStart && p.outerEnd > lo) lo = p.outerEnd;
    // At the start of a sentence, the clause may be the end of the previous one ("He added: “…”" split at a colon? no) —
    // only the current sentence is used.
    let hi = P.outerStart;
    let fromPrev = false;
    if (hi <= lo || !/[\p{L}\p{N}]/u.test(text.slice(lo, hi))) {
      // "… X said:" ending the previous sentence or paragraph, the quote opening the next one.
      const prev = sentences[S.index - 1];
      if (!prev || !/:\s*$/.test(prev.text)) return null;
      lo = prev.start;
      hi = prev.end - 1;
      fromPrev = true;
      if (hi <= lo) return null;
    }
    const region = text.slice(lo, hi);
    // Transcript style: "NAME: “…”"
    // Transcript style "NAME: “…”", also after a dash ("Headline - Ivo Karsk: “…”", round-ups).
    const tr = /(?:^|\n|\s[-–—]\s)\s*(\p{Lu}[\p{L}.'’ -]{1,40}):\s*$/u.exec(region);
    const toks = tokenize(text, lo, hi);
    for (let k = toks.length - 1; k >= 0 && k >= toks.length - 11; k--) {
      const v = toks[k]!;
      if (v.lower === 'according' && toks[k + 1]?.lower === 'to') {
        const sp = resolver.subjectAfter(skipSpace(toks[k + 1]!.end), hi, entities) ?? rawSubject(toks[k + 1]!.end, hi);
        if (sp) return { speaker: sp, cue: spanOf(text, v.start, toks[k + 1]!.end), end: hi };
      }
      if (!isQuoteVerbAt(toks, k)) continue;
      const tail = text.slice(v.end, hi);
      const tailToks = toks.length - 1 - k;
      // After "told" come the people told, then perhaps how: "told the Harbor Post in a written statement, “…”".
      if (tailToks > (TELL.has(v.lower) ? 9 : 5) || !/^[^.!?;“”"]*$/.test(tail)) continue;
      if (tailToks > 0 && !/[,:—–-]\s*$/.test(tail) && !TELL.has(v.lower)) {
        // "said that “…”" is a (partial) reported quote too.
        if (!(tailToks === 1 && toks[k + 1]!.lower === 'that')) {
          // "said Caddell: “…”"
          const sp0 = resolver.subjectAfter(skipSpace(v.end), hi, entities);
          if (!sp0) continue;
          return { speaker: sp0, cue: spanOf(text, v.start, v.end), end: hi };
        }
      }
      // After "tell" come the people told ("telling Reuters, “…”"), never the speaker.
      const participle = /ing$/.test(v.lower) && /,\s*$/.test(text.slice(lo, v.start));
      const sp0 = participle ? null : resolver.subjectBefore(lo, v.start, entities) ?? (tailToks > 0 && !TELL.has(v.lower) ? resolver.subjectAfter(skipSpace(v.end), hi, entities) : null);
      let sp = sp0;
      // "… sent a text to supporters saying: “…”": before a participle, the object of a preposition is not its subject.
      if (sp && !participle && /ing$/.test(v.lower) && OBJECT_PREPOSITIONS.has(tokenize(text, lo, sp.start).pop()?.lower ?? '')) sp = null;
      // "Nefzi said, adding, “…”": the subject of the reporting verb just before the participle.
      if (!sp && participle && k >= 2 && isQuoteVerbAt(toks, k - 1)) sp = resolver.subjectBefore(lo, toks[k - 1]!.start, entities);
      // "X did Y, saying: “…”" / "…, telling reporters, “…”": the subject of the main clause.
      if (!sp && participle) sp = resolver.mainSubject(lo, v.start, entities);
      if (!sp && /ing$/.test(v.lower)) sp = resolver.mainSubject(lo, v.start, entities) ?? resolver.sentenceSubject(lo, v.start, entities);
      // A coordinated verb: "X adopted a drawl and joked, “…”" — the subject of the main clause.
      if (!sp && k > 0 && toks[k - 1]!.lower === 'and') sp = resolver.mainSubject(lo, v.start, entities);
      // A short non-person subject opening the sentence: "The ad claims “…”".
      if (!sp && !participle) sp = describedSubject(lo, v.start);
      if (!sp) continue;
      return { speaker: sp, cue: spanOf(text, v.start, v.end), end: hi };
    }
    if (tr) {
      let nameStart = lo + (tr.index ?? 0) + tr[0].indexOf(tr[1]!);
      let t = tr[1]!.trim();
      // "HEADLINE - Name": the name is after the last spaced dash.
      const dash = /^.*\s[-–—]\s+/u.exec(t);
      if (dash) {
        nameStart += dash[0].length;
        t = t.slice(dash[0].length);
      }
      const sp = resolver.resolveName(spanOf(text, nameStart, nameStart + t.length), entities);
      const colon = text.indexOf(':', nameStart + t.length);
      return { speaker: sp, cue: spanOf(text, colon, colon + 1), end: hi };
    }
    if (fromPrev || /:\s*$/.test(text.slice(lo, hi))) {
      // "… in the latest draft of its platform:" then the quote: the subject of that sentence.
      const sp = resolver.mainSubject(lo, hi, entities) ?? resolver.sentenceSubject(lo, hi, entities);
      if (sp) return { speaker: sp, cue: null, end: hi };
    }
    return null;
  }

  /** A reporting verb earlier in the sentence (partial quote): He called it “a pivotal shift”. */
  function embeddedClause(P: QuotePair, S: Sentence): Clause | null {
    const toks = tokenize(text, S.start, P.outerStart).filter((t) => !pairs.some((p) => t.start >= p.outerStart && t.start < p.outerEnd));
    for (let k = toks.length - 1; k >= 0; k--) {
      const v = toks[k]!;
      if (!REPORTING_VERBS.has(v.lower) && !['called', 'calls', 'described', 'describes', 'labeled', 'labelled', 'dubbed'].includes(v.lower)) continue;
      const sp = resolver.subjectBefore(S.start, v.start, entities);
      if (sp) return { speaker: sp, cue: spanOf(text, v.start, v.end), end: P.outerStart };
    }
    return null;
  }

  /** Indirect (reported) speech in sentence S, outside quotation marks. */
  function indirectIn(S: Sentence, si: number): Draft[] {
    const out: Draft[] = [];
    const pairsHere = pairs.filter((p) => p.outerStart < S.end && p.outerEnd > S.start);
    // Every token of S is inside S, so only the pairs that overlap S can hold one.
    const inPair = (o: number): boolean => pairsHere.some((p) => o >= p.outerStart && o < p.outerEnd);
    const toks = tokenize(text, S.start, S.end).filter((t) => !inPair(t.start));
    const taken: Array<[number, number]> = [];
    const free = (a: number, b: number): boolean => !taken.some(([x, y]) => a < y && b > x);
    const add = (d: Draft): void => {
      if (d.end - d.start < 8 || !free(d.start, d.end)) return;
      // The content must not be mostly a direct quote (that one is reported already).
      const quoted = pairsHere.reduce((n, p) => n + Math.max(0, Math.min(p.outerEnd, d.end) - Math.max(p.outerStart, d.start)), 0);
      if (quoted > 0.6 * (d.end - d.start)) return;
      taken.push([d.start, d.end]);
      out.push(d);
    };
    const endOfS = trimContentEnd(text, S.start, S.end);
    /**
     * Whether the verb `v` (token k) opens an inverted closing or parenthetical clause: a comma before it and its
     * speaker after it, then the sentence end or a comma ("…, said Mayor Tomas Reyes." / "…, said the Kremlin, …").
     */
    const invertedClause = (k: number, v: Token): boolean => {
      if (k === 0 || !/,\s*$/.test(text.slice(toks[k - 1]!.end, v.start))) return false;
      const sp = resolver.subjectAfter(skipSpace(v.end), S.end, entities);
      return sp !== null && /^\s*(?:,|$)/.test(text.slice(sp.end, Math.max(sp.end, endOfS)));
    };
    /** Whether a speaker starting at `at` opens the clause that starts at `from`: nothing but "the" between ("…, the Kremlin said"). */
    const opensClause = (from: number, at: number): boolean => tokenize(text, from, at).every((t) => t.lower === 'the');

    for (let k = 0; k < toks.length; k++) {
      const v = toks[k]!;
      // According to X
      if (v.lower === 'according' && toks[k + 1]?.lower === 'to') {
        const to = toks[k + 1]!;
        const sp = resolver.subjectAfter(skipSpace(to.end), S.end, entities) ?? rawSubject(to.end, S.end);
        if (!sp) continue;
        const cue = spanOf(text, v.start, to.end);
        const afterSp = text.slice(sp.end, S.end);
        const commaAfter = /^[^,.;:]*?,/.exec(afterSp);
        const before = text.slice(S.start, v.start);
        const beforeHasContent = /[\p{L}\p{N}]/u.test(before);
        if (beforeHasContent && /,\s*$/.test(before)) {
          const aEnd = trimContentEnd(text, S.start, v.start);
          if (commaAfter && sp.end + commaAfter[0].length < endOfS) {
            const bStart = trimStart(text, sp.end + commaAfter[0].length, S.end);
            add({ start: S.start, end: endOfS, direct: false, speaker: sp, cue, sentence: si, fragments: [spanOf(text, S.start, aEnd), spanOf(text, bStart, endOfS)] });
          } else add({ start: S.start, end: aEnd, direct: false, speaker: sp, cue, sentence: si });
        } else if (!beforeHasContent && commaAfter) {
          const bStart = trimStart(text, sp.end + commaAfter[0].length, S.end);
          if (bStart < endOfS) add({ start: bStart, end: endOfS, direct: false, speaker: sp, cue, sentence: si });
        }
        continue;
      }
      // X's assertion that ...
      if (CLAIM_NOUNS.test(v.lower) && toks[k + 1]?.lower === 'that' && k > 0 && /[’']s$/u.test(toks[k - 1]!.text)) {
        const owner = toks[k - 1]!;
        const bare = owner.text.replace(/[’']s$/u, '');
        const sp = resolver.classify([{ ...owner, end: owner.start + bare.length, text: bare, lower: bare.toLowerCase() }], entities);
        if (!sp) continue;
        const cs = skipSpace(toks[k + 1]!.end);
        const rest = text.slice(cs, S.end);
        const stop = /[,;—–]/.exec(rest);
        const ce = trimContentEnd(text, cs, stop ? cs + stop.index : S.end);
        if (ce > cs) add({ start: cs, end: ce, direct: false, speaker: sp, cue: spanOf(text, v.start, v.end), sentence: si });
        continue;
      }
      if (!INDIRECT_VERBS.has(v.lower) || usedCues.has(v.start)) continue;
      const prevGap = k > 0 ? text.slice(toks[k - 1]!.end, v.start) : text.slice(S.start, v.start);
      const nextTok = toks[k + 1];
      const afterV = text.slice(v.end, S.end);
      // Parenthetical or final clause: "A, he explained, B." / "A, X said."
      // "said Tuesday the bridge …": the time phrase is followed by the content, not the sentence end.
      const timeEnd = CLAUSE_AFTER_TIME.has(v.text) ? afterTimePhrase(toks, k + 1) : k + 1;
      const contentAfterTime =
        timeEnd > k + 1 && toks[timeEnd] !== undefined && /^\s+$/.test(text.slice(toks[timeEnd - 1]!.end, toks[timeEnd]!.start)) && !PREPOSITIONS.has(toks[timeEnd]!.lower);
      const finalOrParen =
        !contentAfterTime &&
        (/^\s*(?:[,.!?]|$)/.test(afterV) ||
          (nextTok && PREPOSITIONS.has(nextTok.lower) && /^[^,]*?(?:,|[.!?]?\s*$)/.test(afterV) && !/\bthat\b/.test(afterV.split(',')[0] ?? '')) ||
          invertedClause(k, v));
      if (finalOrParen) {
        // Subject right after a comma before the verb, or inverted "…, said X."
        let sp: SpeakerRef | null = null;
        let clauseStart = -1;
        const commaBefore = text.lastIndexOf(',', v.start);
        if (commaBefore >= S.start && !inPair(commaBefore)) {
          sp = resolver.subjectBefore(commaBefore + 1, v.start, entities);
          if (sp && !opensClause(commaBefore + 1, sp.start)) sp = null;
          clauseStart = commaBefore;
        }
        if (!sp && /,\s*$/.test(prevGap) && k > 0) {
          // "…, said X."
          sp = resolver.subjectAfter(skipSpace(v.end), S.end, entities);
          clauseStart = text.lastIndexOf(',', v.start);
        }
        if (!sp || clauseStart < S.start) continue;
        const aEnd = trimContentEnd(text, S.start, clauseStart);
        if (aEnd <= S.start) continue;
        const cue = spanOf(text, v.start, v.end);
        // What follows the clause: nothing (final) or ", B" (parenthetical).
        const clauseEndAt = Math.max(v.end, sp.end);
        const restM = /^[^,.!?;]*,/.exec(text.slice(clauseEndAt, S.end));
        if (restM && !inPair(S.start) && clauseEndAt + restM[0].length < endOfS) {
          const bStart = trimStart(text, clauseEndAt + restM[0].length, S.end);
          // (Not when B holds a quotation: "A, X said, adding, “…”" — that one is a direct quote of its own; nor when B
          // goes on saying who reported it: "A, the ministry said, as reported by RIA Novosti" / ", citing a source".)
          if (bStart < endOfS && !pairsHere.some((p) => p.outerStart < endOfS && p.outerEnd > bStart) && !SOURCE_CLAUSE.test(text.slice(bStart, endOfS))) {
            add({ start: S.start, end: endOfS, direct: false, speaker: sp, cue, sentence: si, fragments: [spanOf(text, S.start, aEnd), spanOf(text, bStart, endOfS)] });
            continue;
          }
        }
        add({ start: trimStart(text, S.start, aEnd), end: aEnd, direct: false, speaker: sp, cue, sentence: si });
        continue;
      }
      // "X said (that) …" with the subject before the verb.
      let lo = S.start;
      for (const p of pairsHere) if (p.outerEnd <= v.start && p.outerEnd > lo) lo = p.outerEnd;
      const sp = resolver.subjectBefore(lo, v.start, entities);
      if (!sp) continue;
      let j = k + 1;
      if (TELL.has(v.lower)) {
        // told reporters / told the BBC / told me
        let n = 0;
        while (j < toks.length && n < 4 && toks[j]!.lower !== 'that' && !/,/.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) {
          j++;
          n++;
        }
        if (n === 0) continue;
      }
      // Skip "in a statement (on Tuesday)" before "that".
      let thatAt = -1;
      for (let m = j; m < Math.min(toks.length, j + 7); m++) {
        if (toks[m]!.lower === 'that') {
          thatAt = m;
          break;
        }
        if (m === j && !PREPOSITIONS.has(toks[m]!.lower)) break;
      }
      let cs: number;
      if (thatAt >= 0) cs = skipSpace(toks[thatAt]!.end);
      else {
        // "said Tuesday the bridge …", "said late Monday the …", "said last week the …": the content after the time.
        const at = CLAUSE_AFTER_TIME.has(v.text) ? afterTimePhrase(toks, j) : j;
        const t = toks[at];
        if (!t) continue;
        if (PREPOSITIONS.has(t.lower)) continue;
        if (!/^\s+$/.test(text.slice(toks[at - 1]!.end, t.start))) continue;
        if (TELL.has(v.lower) && t.lower !== 'that') {
          // "told reporters the water had …" is rare; require "that" after "told X".
          continue;
        }
        cs = t.start;
      }
      if (cs >= endOfS) continue;
      // A direct quote right here is reported already.
      if (/^[“"«]/.test(text.slice(cs, cs + 1))) continue;
      const ce = contentEndBefore(cs, endOfS);
      if (tokenize(text, cs, ce).length < 3) continue;
      add({ start: cs, end: ce, direct: false, speaker: sp, cue: spanOf(text, v.start, v.end), sentence: si });
    }
    return out;

    /**
     * Where reported content running from `cs` to `end` ends: before a closing clause that says who reported it
     * ("…, Sputnik reported.", "…, said the ministry.", "…, the agency told reporters.", "…, according to TASS."),
     * which names a second source, not more of what was said; else `end`.
     */
    function contentEndBefore(cs: number, end: number): number {
      const comma = text.lastIndexOf(',', end - 1);
      if (comma <= cs || inPair(comma)) return end;
      const tail = toks.filter((t) => t.start > comma && t.start < end);
      const first = tail[0];
      if (!first || tail.length > 10) return end;
      const cut = trimContentEnd(text, cs, comma);
      const reachesEnd = (sp: SpeakerRef | null): boolean => sp !== null && tokenize(text, sp.end, end).length === 0;
      if (first.lower === 'according' && tail[1]?.lower === 'to') return reachesEnd(resolver.subjectAfter(skipSpace(tail[1].end), end, entities)) ? cut : end;
      if (INDIRECT_VERBS.has(first.lower)) return reachesEnd(resolver.subjectAfter(skipSpace(first.end), end, entities)) ? cut : end;
      // "X reported." or "X told reporters." (a verb of telling may take up to three words after it).
      for (let k = tail.length - 1; k >= Math.max(1, tail.length - 4); k--) {
        const verb = tail[k]!;
        if (!INDIRECT_VERBS.has(verb.lower) || (k < tail.length - 1 && !TELL.has(verb.lower))) continue;
        const sp = resolver.subjectBefore(comma + 1, verb.start, entities);
        return sp && opensClause(comma + 1, sp.start) ? cut : end;
      }
      return end;
    }
  }
}

export type { Token };
