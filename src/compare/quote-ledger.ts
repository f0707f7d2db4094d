/**
 * The quote ledger. Direct quotes of all articles are grouped into one claim when their content words
 * coincide (containment of the shorter in the longer ≥ QUOTE_SAME, ≥ QUOTE_MIN_SHARED shared words):
 * `quotedIn` = the articles of the group. Every other article is checked for a statement of the same
 * content without quotation marks — an indirect quote or any sentence whose content/semantics cover
 * the quote (thresholds.ts: SUPPORT_*), or a sentence aligned with the quoting sentence that holds at
 * least SUPPORT_MIN_CONTAIN of the quote's words — and lands in `supportedIn`. Failing those, support by
 * meaning: an indirect quote of the same speaker in the other article that the paraphrase model (trained on
 * MRPC; with the encoder when the story has sentence vectors) judges a paraphrase of one of the quotation's
 * parts (“A,” X said, “B.” has two), sharing at least MEANING_MIN_SHARED content words with it — “Before it
 * is put the task of creating a security zone along the state border,” Putin stated is supported by “Putin
 * emphasized that the immediate priority is the establishment of a safety zone along the state border”.
 * The supporting span is the claim's mention in that article (the evidence).
 *
 * Status: corroborated when quotedIn ∪ supportedIn spans ≥ 2 articles; a quote that one article
 * prints and no other article states is single-source — the possible-fabrication flag. When the same
 * words are put in different mouths (speakers that do not match by name), an attribution conflict is
 * raised and the quote is conflicting (between named speakers only: “a family friend” or an unresolved “he” may be the
 * person another article names); a statement of another speaker that is not the quote's words (only alike
 * in content, or the few words of a short quotation) supports its content like any other sentence. One quotation
 * that two articles print in other words (`wordedOtherwise`: "… by the summer" / "… by the winter") is a conflict of
 * meaning, and the quote is conflicting.
 *
 * Across languages (a Russian original and its English rewrite): a quotation's words are not the other
 * language's words, so an article in another language attests it when a sentence of it is aligned with the
 * quoting sentence (cross-lingual alignment, ./align-across.ts) and holds at least ACROSS_QUOTE_CONTAIN of
 * the quotation's cross-lingual terms (names, numbers, translated words); the span there is the quotation
 * or reported speech in that sentence that carries most of them, else the sentence. Such articles are listed
 * in `translatedIn` (attested in the original, translated) and count for the status like `supportedIn`; a
 * quote that no article of any language states stays single-source.
 *
 * Indirect quotes ("X said that ...") are not quote claims of their own (their sentences are already
 * statement claims); they serve as support evidence and carry speaker checks.
 */
import type { Mention, Quote, SentenceVectors, SpeakerRef } from '../types.js';
import { scoreParaphrase } from '../similarity/paraphrase.js';
import { crossCoverage } from '../similarity/crosslingual.js';
import { hasWholeWords, quotedWords } from '../text/spans.js';
import { tokenize } from '../similarity/tokens.js';
import { distance } from 'fastest-levenshtein';
import { antonymsOf } from '../similarity/antonyms.js';
import { normaliseKey } from '../text/normalise.js';
import { sameSpeaker, speakerKeys } from '../similarity/speakers.js';
import { sharedCount, weightedContainment, type WeightedSet } from '../similarity/weights.js';
import { dot } from '../similarity/vector.js';
import type { ArticleInfo, SentenceInfo } from './context.js';
import type { ClaimBook, ClaimDraft } from './claims.js';
import { semanticScale } from './align.js';
import {
  ACROSS_QUOTE_CONTAIN,
  QUOTE_MIN_SHARED,
  QUOTE_SAME,
  SUPPORT_COMBINED,
  SUPPORT_CONTAIN,
  SUPPORT_MIN_CONTAIN,
} from './thresholds.js';
import type { LinkConflict, PairAlignment } from './types.js';
import { UnionFind } from './union-find.js';
import { push } from './multimap.js';

interface QuoteNode {
  art: ArticleInfo;
  q: Quote;
  set: WeightedSet;
  vec: Float32Array | null;
}

export interface QuoteConflict {
  /** attribution: the same words in two mouths; meaning: one quotation in other words (`wordedOtherwise`). */
  type: 'attribution' | 'meaning';
  claim: ClaimDraft;
  a: { article: string; side: LinkConflict['a'] };
  b: { article: string; side: LinkConflict['a'] };
}

/** The content words (stem → the word as written, in order) of a quotation, numbers left out (number conflicts read them). */
function contentWords(q: Quote): Map<string, string> {
  const words = new Map<string, string>();
  for (const t of tokenize(quotedWords(q))) if (!t.stop && !t.numeric && !words.has(t.stem)) words.set(t.stem, t.norm);
  return words;
}

/** Content words two printings of one quotation share at least, and the share of each printing's words that must be shared. */
const WORDED_MIN_SHARED = 4;
const WORDED_MIN_SHARE = 0.7;
/** At most this many content words on each side of two printings of one quotation differ (more: other passages). */
const WORDED_MAX_CHANGED = 3;

/**
 * Two articles that print one quotation in other words: the same passage (most of the content words of each are the
 * other's) where each has content words the other lacks ("We will rebuild every home … by the summer" / "We will
 * rebuild some homes … by the winter"). Not a shorter excerpt of the same words, not another part of a long statement
 * (quotes are grouped through chains of alike quotes), not a quotation that marks words left out with an ellipsis, not
 * a spelling variant ("realised" / "realized", "fibre" / "fiber": words within two edits of each other), not an antonym
 * swap (the opposite-word conflict reports it). The first such pair of members of two articles, with the words each has
 * alone as the sides' values; else null.
 */
function wordedOtherwise(members: readonly QuoteNode[]): [QuoteNode, string, QuoteNode, string] | null {
  const first = members[0];
  // An ellipsis declares words left out ("She captured the imagination of a generation ... She is the embodiment").
  const elided = (q: Quote): boolean => /\.\.\.|…/.test(q.text);
  if (!first || elided(first.q)) return null;
  const firstWords = contentWords(first.q);
  // The verdict on a member depends on its text alone: the copies of one printing are read once.
  const tried = new Set<string>([first.q.text]);
  for (const m of members) {
    if (m.art === first.art || tried.has(m.q.text) || elided(m.q)) continue;
    tried.add(m.q.text);
    const words = contentWords(m.q);
    let shared = 0;
    for (const k of words.keys()) if (firstWords.has(k)) shared++;
    if (shared < WORDED_MIN_SHARED || shared < WORDED_MIN_SHARE * firstWords.size || shared < WORDED_MIN_SHARE * words.size) continue;
    const inFirst = [...firstWords].filter(([k]) => !words.has(k));
    const inM = [...words].filter(([k]) => !firstWords.has(k));
    // Spelling variants are the same word; a word swapped for its opposite is the opposite-word conflict's to report.
    const paired = ([ka, a]: [string, string], [kb, b]: [string, string]): boolean =>
      (Math.min(a.length, b.length) >= 4 && distance(a, b) <= 2) || antonymsOf(ka).has(kb);
    const onlyFirst = inFirst.filter((a) => !inM.some((b) => paired(a, b))).map(([, w]) => w);
    const onlyM = inM.filter((b) => !inFirst.some((a) => paired(a, b))).map(([, w]) => w);
    if (onlyFirst.length === 0 || onlyM.length === 0 || onlyFirst.length > WORDED_MAX_CHANGED || onlyM.length > WORDED_MAX_CHANGED) continue;
    return [first, onlyFirst.join(' … '), m, onlyM.join(' … ')];
  }
  return null;
}

/** Content words a quotation part and an indirect quote must share before the paraphrase model is asked. */
const MEANING_MIN_SHARED = 2;
/** Quotation parts shorter than this (in content words) are not judged by meaning. */
const MEANING_MIN_WORDS = 4;

/** The parts of a quotation a reader would check one by one: its fragments, else the whole quote. */
function quotedParts(q: Quote): string[] {
  return q.fragments ? q.fragments.map((f) => f.text) : [q.text];
}

/** How well `text` (as a weighted set + vector) is covered by a candidate statement: 0..1. */
function supportScore(quote: QuoteNode, set: WeightedSet, vec: Float32Array | null): number {
  const cont = weightedContainment(quote.set, set);
  if (cont >= SUPPORT_CONTAIN) return cont;
  if (cont < SUPPORT_MIN_CONTAIN || !quote.vec || !vec) return 0;
  const combined = 0.5 * cont + 0.5 * semanticScale(dot(quote.vec, vec));
  return combined >= SUPPORT_COMBINED ? combined : 0;
}

/** The speaker of an indirect quote in the sentence, if any. */
function speakerIn(art: ArticleInfo, sentence: number): SpeakerRef | null {
  return art.analysed.quotes.find((q) => q.sentence === sentence && !q.direct && q.speaker)?.speaker ?? null;
}

/**
 * A speaker the analysis named: a name, or a pronoun or description resolved to a person of the article ("he" →
 * Vladimir Putin, "the commissioner" → Charles Ramsey). "a family friend", "police" or an unresolved "he" may be
 * anyone, also the person another article names: no attribution conflict rests on them.
 */
function named(speaker: SpeakerRef | null): boolean {
  return speaker !== null && (speaker.via === 'name' || speaker.entity !== null);
}

/**
 * Two speakers written in the same words ("he asserted" in both, "the senator said" in both): the articles say the same
 * of who spoke; the names they resolve to differ only because the sentences before differ (a copy that dropped or moved
 * the sentence naming "him"), which is no disagreement of the sources.
 */
function sameMouthAsWritten(a: SpeakerRef, b: SpeakerRef): boolean {
  return a.via !== 'name' && b.via !== 'name' && normaliseKey(a.text) === normaliseKey(b.text);
}

/**
 * Whether one article's attribution stands word for word in the other: the sentence n's quotation opens in names n's
 * speaker (as n wrote it, or by the last word of the name: "… mobile services, Osama noted." for "Ahmed Osama"), and
 * m's article has that sentence as it is. Then m's text
 * says who spoke as n's does, whatever m's analysis read into the quotation around it (a copy whose quotation mark is
 * left open reads on to the next name). Not when n's sentence does not name the speaker: a copy that dropped the
 * sentence naming the speaker does tell its reader someone else said it.
 */
function clauseCopied(n: QuoteNode, m: QuoteNode): boolean {
  const s = n.art.analysed.sentences[n.q.sentence];
  if (!s) return false;
  // The speaker as written, or the last word of the name it was read as ("Osama" for "Ahmed Osama").
  const surname = speakerKeys(n.q.speaker!.name).pop();
  if (!hasWholeWords(s.text, n.q.speaker!.text) && !(surname !== undefined && hasWholeWords(normaliseKey(s.text), surname))) return false;
  return sentenceTexts(m.art).has(s.text);
}

/** The texts of an article's sentences (kept per article of the story). */
function sentenceTexts(art: ArticleInfo): ReadonlySet<string> {
  let texts = textsMemo.get(art);
  if (!texts) textsMemo.set(art, (texts = new Set(art.analysed.sentences.map((s) => s.text))));
  return texts;
}

const textsMemo = new WeakMap<ArticleInfo, ReadonlySet<string>>();

/** Content words a quotation needs before its words in another speaker's sentence make an attribution conflict. */
const MOUTH_MIN_WORDS = 5;

/** Whether two texts hold the same words as quotes are grouped (the smaller in the larger ≥ QUOTE_SAME, ≥ QUOTE_MIN_SHARED words). */
function sameWords(a: WeightedSet, b: WeightedSet): boolean {
  if (sharedCount(a, b) < QUOTE_MIN_SHARED) return false;
  const [small, large] = a.total <= b.total ? [a, b] : [b, a];
  return weightedContainment(small, large) >= QUOTE_SAME;
}

/** Adds quote claims to the book; returns the attribution conflicts found between speakers. */
export function addQuotes(book: ClaimBook, pairs: readonly PairAlignment[]): QuoteConflict[] {
  const { ctx } = book;
  // Sentences linked to each sentence: `${order}:${index}` → linked SentenceInfos.
  const linked = new Map<string, SentenceInfo[]>();
  const link = (k: string, s: SentenceInfo): void => {
    const l = linked.get(k);
    if (l) l.push(s);
    else linked.set(k, [s]);
  };
  const nodes: QuoteNode[] = [];
  for (const art of ctx.articles) {
    for (const q of art.analysed.quotes) {
      if (!q.direct) continue;
      const words = quotedWords(q);
      nodes.push({ art, q, set: ctx.weigh(words), vec: ctx.unit(words) });
    }
  }
  // Only the links of quoting sentences are read (below, by `${order}:${sentence}` of a direct quote): the lists of
  // the other sentences are not kept. Each kept list is filled in the same order.
  const quoting = ctx.articles.map(() => new Set<number>());
  for (const x of nodes) quoting[x.art.order]!.add(x.q.sentence);
  for (const p of pairs) {
    const qa = quoting[p.a]!;
    const qb = quoting[p.b]!;
    if (qa.size === 0 && qb.size === 0) continue;
    for (const d of p.details) {
      if (qa.has(d.a.sentence.index)) link(`${p.a}:${d.a.sentence.index}`, d.b);
      if (qb.has(d.b.sentence.index)) link(`${p.b}:${d.b.sentence.index}`, d.a);
    }
  }
  // Quotes with the same text have the same set: they join each other when a set joins itself (≥
  // QUOTE_MIN_SHARED terms), and other texts alike, so the pairwise test runs over distinct texts.
  const uf = new UnionFind(nodes.length);
  const byText = new Map<string, number[]>();
  nodes.forEach((x, i) => push(byText, x.q.text, i));
  const reps = [...byText.values()];
  for (const same of reps) if (sharedCount(nodes[same[0]!]!.set, nodes[same[0]!]!.set) >= QUOTE_MIN_SHARED) for (const i of same) uf.union(same[0]!, i);
  for (let i = 0; i < reps.length; i++) {
    for (let j = i + 1; j < reps.length; j++) {
      const x = nodes[reps[i]![0]!]!;
      const y = nodes[reps[j]![0]!]!;
      if (sameWords(x.set, y.set)) uf.union(reps[i]![0]!, reps[j]![0]!);
    }
  }
  const candidates = supportCandidates(ctx.articles);
  const conflicts: QuoteConflict[] = [];
  // The story's sentence vectors for the paraphrase model (none: its lexical head).
  const vectors: SentenceVectors = { get: (text) => ctx.unit(text) ?? undefined };
  // The copies of a story repeat the same quotes and indirect quotes: each pair of texts is judged once.
  const verdicts = new Map<string, { score: number; paraphrase: boolean }>();
  const judged = (part: string, statement: string): { score: number; paraphrase: boolean } => {
    const key = `${part}\u0000${statement}`;
    let v = verdicts.get(key);
    if (!v) verdicts.set(key, (v = scoreParaphrase(part, statement, vectors)));
    return v;
  };
  // Indirect quotes attributed to a speaker, by article, found once per speaker name.
  const indirectBy = new Map<string, Quote[][]>();
  const indirectOf = (speaker: string): Quote[][] => {
    let lists = indirectBy.get(speaker);
    if (!lists) {
      lists = ctx.articles.map((art) => art.analysed.quotes.filter((q) => !q.direct && q.speaker && sameSpeaker(speaker, q.speaker.name, ctx.multilingual)));
      indirectBy.set(speaker, lists);
    }
    return lists;
  };
  type Support = { score: number; start: number; end: number; text: string; speaker: SpeakerRef | null };
  /** The indirect quote of `art` attributed to `speaker` that best paraphrases one of `parts`, if any. */
  const byMeaning = (art: ArticleInfo, parts: readonly { text: string; set: WeightedSet }[], speaker: string): Support | null => {
    let found: Support | null = null;
    for (const iq of indirectOf(speaker)[art.order]!) {
      const iqSet = ctx.weigh(iq.text);
      for (const part of parts) {
        if (sharedCount(part.set, iqSet) < MEANING_MIN_SHARED) continue;
        const { score, paraphrase } = judged(part.text, iq.text);
        if (paraphrase && (!found || score > found.score)) found = { score, start: iq.start, end: iq.end, text: iq.text, speaker: iq.speaker };
      }
    }
    return found;
  };
  /**
   * The span of `art` (another language) that attests a quotation through its aligned sentences: the best covering
   * quote (direct or reported) in an aligned sentence, else the sentence; null when none holds ACROSS_QUOTE_CONTAIN.
   */
  const attestedAcross = (art: ArticleInfo, links: readonly { m: QuoteNode; s: SentenceInfo }[]): { start: number; end: number; text: string } | null => {
    let best: { score: number; start: number; end: number; text: string } | null = null;
    for (const { m, s } of links) {
      const quote = ctx.crossSet(quotedWords(m.q), m.art.language);
      const cover = (text: string): number => crossCoverage(quote, ctx.crossSet(text, art.language));
      const sentenceScore = cover(s.sentence.text);
      if (sentenceScore < ACROSS_QUOTE_CONTAIN || (best && sentenceScore <= best.score)) continue;
      best = { score: sentenceScore, start: s.sentence.start, end: s.sentence.end, text: s.sentence.text };
      let inner = 0;
      for (const q of art.analysed.quotes) {
        if (q.sentence !== s.sentence.index) continue;
        const c = cover(q.text);
        if (c >= ACROSS_QUOTE_CONTAIN && c > inner) {
          inner = c;
          best = { score: sentenceScore, start: q.start, end: q.end, text: q.text };
        }
      }
    }
    return best;
  };
  for (const g of uf.groups()) {
    const members = g.map((i) => nodes[i]!);
    const quotedIn = [...new Set(members.map((m) => m.art.id))];
    const mentions: Mention[] = members.map((m) => ({ article: m.art.id, start: m.q.start, end: m.q.end, text: m.q.text }));
    const supportedIn: string[] = [];
    const translatedIn: string[] = [];
    // The group's first named speaker (`named`): its speaker, and the side of its attribution conflicts; with none named,
    // the first speaker given is the group's.
    const anchor = members.find((m) => named(m.q.speaker));
    const speaker = (anchor ?? members.find((m) => m.q.speaker))?.q.speaker?.name ?? null;
    const quoted = new Set(quotedIn);
    const speakerMismatch: { article: string; side: LinkConflict['a'] }[] = [];

    // Members with distinct texts (a score depends on the text only), the links of the quoting sentences
    // by article, and the sentences that can reach SUPPORT_MIN_CONTAIN of some member's words.
    const distinct = [...new Map(members.map((m) => [m.q.text, m])).values()];
    const linksIn = new Map<number, { m: QuoteNode; s: SentenceInfo }[]>();
    for (const m of members) for (const s of linked.get(`${m.art.order}:${m.q.sentence}`) ?? []) push(linksIn, s.article, { m, s });
    const reachable = candidates(distinct.map((m) => m.set));
    let parts: { text: string; set: WeightedSet }[] | null = null;
    const meaningParts = (): { text: string; set: WeightedSet }[] =>
      (parts ??= distinct.flatMap((m) => quotedParts(m.q)).map((text) => ({ text, set: ctx.weigh(text) })).filter((p) => p.set.ids.length >= MEANING_MIN_WORDS));

    for (const art of ctx.articles) {
      if (quoted.has(art.id)) continue;
      if (members.every((m) => m.art.language !== art.language)) {
        const found = attestedAcross(art, linksIn.get(art.order) ?? []);
        if (found) {
          translatedIn.push(art.id);
          mentions.push({ article: art.id, start: found.start, end: found.end, text: found.text });
        }
        continue;
      }
      // Best supporting span: indirect quotes first (they carry a speaker), then sentences.
      let best: Support | null = null;
      for (const iq of art.analysed.quotes) {
        if (iq.direct) continue;
        const set = ctx.weigh(iq.text);
        const vec = ctx.unit(iq.text);
        const s = Math.max(...distinct.map((m) => supportScore(m, set, vec)));
        if (s > 0 && (!best || s > best.score)) best = { score: s, start: iq.start, end: iq.end, text: iq.text, speaker: iq.speaker ?? null };
      }
      if (!best) {
        // A sentence aligned with a quoting sentence that contains enough of the quote's words.
        for (const { m, s } of linksIn.get(art.order) ?? []) {
          const cont = weightedContainment(m.set, s.content);
          if (cont >= SUPPORT_MIN_CONTAIN && (!best || cont > best.score)) {
            // Point at the indirect quote in that sentence that carries the content, if any.
            const iq = art.analysed.quotes.find(
              (q) => q.sentence === s.sentence.index && !q.direct && weightedContainment(m.set, ctx.weigh(q.text)) >= SUPPORT_MIN_CONTAIN,
            );
            best = iq
              ? { score: cont, start: iq.start, end: iq.end, text: iq.text, speaker: iq.speaker ?? null }
              : { score: cont, start: s.sentence.start, end: s.sentence.end, text: s.sentence.text, speaker: speakerIn(art, s.sentence.index) };
          }
        }
      }
      if (!best) {
        for (const s of reachable.get(art.order) ?? []) {
          const sc = Math.max(...distinct.map((m) => supportScore(m, s.content, s.vec)));
          if (sc > 0 && (!best || sc > best.score)) {
            best = { score: sc, start: s.sentence.start, end: s.sentence.end, text: s.sentence.text, speaker: speakerIn(art, s.sentence.index) };
          }
        }
      }
      if (!best && speaker) best = byMeaning(art, meaningParts(), speaker);
      if (!best) continue;
      if (speaker && best.speaker && !sameSpeaker(speaker, best.speaker.name, ctx.multilingual)) {
        // Another speaker given the words of a quotation of MOUTH_MIN_WORDS content words or more (as quotes are
        // grouped: QUOTE_SAME), both speakers named (`named`): a conflict ("Peskov said X" against “X,” Putin said).
        // Else the statement supports the quote's content, as any other sentence would: “a family friend” may be the
        // person another article names, and another person saying something alike ("we are thrilled to have her
        // host" against “I am so excited to host”) or the few words of a short quotation are no contradiction.
        const span = ctx.weigh(best.text);
        if (anchor && named(best.speaker) && distinct.some((m) => m.set.ids.length >= MOUTH_MIN_WORDS && sameWords(m.set, span))) {
          speakerMismatch.push({
            article: art.id,
            side: { start: best.start, end: best.end, text: best.text, value: best.speaker.name },
          });
          continue;
        }
      }
      supportedIn.push(art.id);
      mentions.push({ article: art.id, start: best.start, end: best.end, text: best.text });
    }

    const first = members[0]!;
    const claim = book.add('quote', normaliseKey(first.q.text), {
      text: `“${first.q.text.replace(/\s+/g, ' ').trim()}”`,
      mentions,
      speaker,
      quotedIn,
      supportedIn,
      translatedIn,
    });
    // The same words in different mouths.
    if (anchor) {
      // A named member as a side of an attribution conflict, and its quotation and speaker as a key.
      const sideOf = (n: QuoteNode) => ({ article: n.art.id, side: { start: n.q.start, end: n.q.end, text: n.q.text, value: n.q.speaker!.name } });
      const keyOf = (n: QuoteNode): string => `${n.q.text}\u0000${n.q.speaker!.name}`;
      const anchorSide = sideOf(anchor);
      // Each named member against the earlier named members of other articles (the first named one first): the first
      // with another speaker and the same words itself makes the conflict. The group is joined through chains of alike
      // quotes, so two members must share the words themselves: the same quotation, or a part of MOUTH_MIN_WORDS content
      // words or more of the other (A, A + B and B, said by Reyes, Reyes and Brand, conflict on B; a few words of one
      // quotation inside another's do not). Earlier members are read once per text and speaker (at most one per
      // article besides the member's own), so the copies of one wire cost one check each.
      const verdicts = new Map<string, boolean>();
      const conflictsWith = (n: QuoteNode, m: QuoteNode): boolean => {
        const key = `${keyOf(n)}\u0000${keyOf(m)}`;
        let v = verdicts.get(key);
        if (v === undefined) {
          const small = n.set.total <= m.set.total ? n.set : m.set;
          const sameQuotation = normaliseKey(n.q.text) === normaliseKey(m.q.text);
          v = !sameSpeaker(n.q.speaker!.name, m.q.speaker!.name, ctx.multilingual) && !sameMouthAsWritten(n.q.speaker!, m.q.speaker!) && sameWords(n.set, m.set) && (sameQuotation || small.ids.length >= MOUTH_MIN_WORDS);
          verdicts.set(key, v);
        }
        return v;
      };
      const earlier = new Map<string, QuoteNode[]>();
      for (const m of members) {
        if (!named(m.q.speaker)) continue;
        let n: QuoteNode | undefined;
        for (const list of earlier.values()) {
          const x = list.find((y) => y.art !== m.art);
          if (x && conflictsWith(x, m) && !clauseCopied(x, m) && !clauseCopied(m, x)) {
            n = x;
            break;
          }
        }
        const key = keyOf(m);
        const list = earlier.get(key);
        if (!list) earlier.set(key, [m]);
        else if (list.length === 1 && list[0]!.art !== m.art) list.push(m);
        if (!n) continue;
        conflicts.push({ type: 'attribution', claim, a: sideOf(n), b: sideOf(m) });
      }
      for (const s of speakerMismatch) conflicts.push({ type: 'attribution', claim, a: anchorSide, b: s });
    }
    // One quotation in other words.
    const worded = wordedOtherwise(members);
    if (worded) {
      const [x, xWords, y, yWords] = worded;
      const side = (n: QuoteNode, value: string) => ({ article: n.art.id, side: { start: n.q.start, end: n.q.end, text: n.q.text, value } });
      conflicts.push({ type: 'meaning', claim, a: side(x, xWords), b: side(y, yWords) });
    }
  }
  return conflicts;
}

/**
 * An index of the story's sentences by content term; the returned function gives, by article (story order),
 * the sentences (in article order) that share a term with one of `sets` heavy enough to matter: a sentence
 * holding none of a set's heaviest terms that weigh more than (1 − SUPPORT_MIN_CONTAIN) of it cannot contain
 * SUPPORT_MIN_CONTAIN of it, so supportScore is 0 for it and it is left out (exact, not an approximation).
 */
function supportCandidates(articles: readonly ArticleInfo[]): (sets: readonly WeightedSet[]) => Map<number, SentenceInfo[]> {
  const all = articles.flatMap((a) => a.sentences);
  const postings = new Map<number, number[]>();
  all.forEach((s, k) => {
    for (const id of s.content.ids) push(postings, id, k);
  });
  const marked = new Uint8Array(all.length);
  return (sets) => {
    const hits: number[] = [];
    for (const set of sets) {
      const order = [...set.ids.keys()].sort((x, y) => set.w[y]! - set.w[x]! || x - y);
      const needed = set.total * (1 - SUPPORT_MIN_CONTAIN) * (1 + 1e-9);
      let weight = 0;
      for (const k of order) {
        for (const at of postings.get(set.ids[k]!) ?? []) {
          if (marked[at]) continue;
          marked[at] = 1;
          hits.push(at);
        }
        weight += set.w[k]!;
        if (weight > needed) break;
      }
    }
    hits.sort((x, y) => x - y);
    const out = new Map<number, SentenceInfo[]>();
    for (const at of hits) {
      marked[at] = 0;
      push(out, all[at]!.article, all[at]!);
    }
    return out;
  };
}
