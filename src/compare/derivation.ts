/**
 * Derivation: for each article pair (a before b in story order), who was likely rewritten from whom.
 *
 * Signed evidence weights: positive favours `a-from-b` (a was derived from b), negative `b-from-a`.
 *  - publication-order  ±0.35  the later-published article derived from the earlier (both dates known
 *                              and different); 0 when unknown or equal.
 *  - information-superset ±0.3·(cov(a⊂b) − cov(b⊂a))  over the factual claims (numbers, dates,
 *                              entities, quotes, attributions): cov(x⊂y) = share of x's claims that y
 *                              also carries. A text whose facts are (nearly) all in the other is the
 *                              rewrite; counted only when the larger coverage is ≥ 0.6.
 *  - text-reuse         ±0.4·(aInB − bInA)  share of each side's sentences aligned to the other; the
 *                              side mostly made of the other's sentences is the rewrite. The detail
 *                              also gives how many links are near-verbatim (`same`) vs paraphrase.
 *  - wire-attribution    0     both cite the same agency → the pair points to a common source; one
 *                              cites an agency the other does not → listed, no direction.
 *  - shared-quotes       0     direct quotes both print: relatedness only (listed).
 *  - translation         0     the two are in different languages and carry a translation's traces
 *                              (≥ TRANSLATION_MIN_LINKS cross-lingual paraphrase links, or a quote of one
 *                              attested in the other): the later-published one is named a translation-rewrite
 *                              of the earlier, with the original's language and how much aligns; the
 *                              direction itself comes from the other evidence (publication order counts once).
 * Decision:
 *  - relatedness R = max(aInB, bInA); R < RELATED_REUSE and no shared quote → `independent`,
 *    confidence 1 − R / RELATED_REUSE (at least 0.5);
 *  - else S = Σ weights: |S| ≥ DIRECTION_MIN → the signed direction, confidence
 *    min(0.95, |S|) · (0.5 + 0.5·min(1, R / 0.5));
 *  - else a shared wire attribution → `common-source`, confidence 0.5 + 0.3·R;
 *  - else one of the two cites a wire agency and they share far more than two independent reports
 *    of one event do (R ≥ COMMON_SOURCE_REUSE, ≥ COMMON_SOURCE_FACTS shared facts, ≥
 *    COMMON_SOURCE_STRONG near-verbatim or paraphrased links) → `common-source`: both were most
 *    likely rewritten from that agency's report (the one that names it kept the credit), confidence
 *    0.35 + 0.3·R; the wire-attribution evidence names the agency and the shared facts/sentences;
 *  - else `undetermined` with confidence |S|.
 * A clear direction (superset and later, |S| ≥ DIRECTION_MIN) always wins over a common source.
 * `revision` grades each article as a rewrite of the other (cut / light / heavy / non and the share of its
 * words in runs shared with the other) with the model fitted on the Clough & Stevenson corpus (src/derive).
 * Percentages in details are whole percents.
 */
import type { DerivationEvidence, DerivationPair, RevisionGrade } from '../types.js';
import { classifyDerivation, revisionScores, revisionText, revisionTextOfIds, TokenIds, type RevisionText } from '../derive/index.js';
import { tokenWords, type TokenWord } from '../similarity/tokens.js';
import { intersectionSize } from '../similarity/weights.js';
import type { ArticleInfo, SentenceInfo } from './context.js';
import type { ClaimBook } from './claims.js';
import { COMMON_SOURCE_FACTS, COMMON_SOURCE_REUSE, COMMON_SOURCE_STRONG, DIRECTION_MIN, RELATED_REUSE } from './thresholds.js';
import type { PairAlignment } from './types.js';
import { lookupTable } from '../text/lookup-table.js';

const FACT_KINDS = new Set(['number', 'date', 'entity', 'quote', 'attribution']);
const W_ORDER = 0.35;
const W_SUPERSET = 0.3;
const W_REUSE = 0.4;
/** Cross-lingual paraphrase links (or an attested quote) that make two articles of two languages translations. */
const TRANSLATION_MIN_LINKS = 2;
/** Names of the languages an article may declare (else its analysis language's). */
const LANGUAGE_NAMES = lookupTable<string>({
  en: 'English', ru: 'Russian', fr: 'French', uk: 'Ukrainian', be: 'Belarusian', bg: 'Bulgarian', sr: 'Serbian', mk: 'Macedonian',
  kk: 'Kazakh', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese', pl: 'Polish',
});

/**
 * The article's language by name: the one it declares when that is not one we analyse (Ukrainian read with the
 * Russian rules is still Ukrainian), else the one it was analysed in (a declaration its script contradicts is not).
 */
function languageName(a: ArticleInfo): string {
  const declared = a.analysed.article.language?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const own = declared !== 'en' && declared !== 'ru' && declared !== 'fr' ? LANGUAGE_NAMES[declared] : undefined;
  return own ?? LANGUAGE_NAMES[a.language] ?? a.language;
}

/** `derived` graded as a revision of `source`. */
function revisionOf(source: RevisionText, derived: RevisionText): RevisionGrade {
  const { level, score } = classifyDerivation(revisionScores(source, derived));
  return { level, score };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A share as a whole percent ("82%"). */
function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Ids (under the story's TokenIds) of a sentence text's surface tokens and content stems. */
interface SentenceIds {
  surface: Int32Array;
  stems: Int32Array;
}

/**
 * revisionText(article text, ids), from the tokens the context already has: when every sentence is its slice of the
 * text and every sentence boundary touches white space, no token crosses a boundary and the scan of each piece
 * finds what the scan of the whole text finds there (the pattern has no look-around, and white space ends every
 * match as the end of the text does). So the text's tokens are the sentences' tokens with those of the text between
 * them, and a sentence text repeated across the story is turned into ids once. Otherwise the text is tokenized whole.
 */
function articleRevisionText(a: ArticleInfo, ids: TokenIds, bySentenceText: Map<number, SentenceIds>): RevisionText {
  const text = a.analysed.article.text;
  if (!splitsAtWhiteSpace(text, a.sentences)) return revisionText(text, ids);
  const surface = new IdList();
  const stems = new IdList();
  const addWords = (words: readonly TokenWord[]): void => {
    for (const w of words) {
      surface.push(ids.id(w.norm));
      if (!w.stop) stems.push(ids.id(w.stem));
    }
  };
  let at = 0;
  for (const s of a.sentences) {
    if (s.sentence.start > at) addWords(tokenWords(text.slice(at, s.sentence.start)));
    let own = bySentenceText.get(s.textId);
    if (!own) {
      own = { surface: Int32Array.from(s.textTokens, (t) => ids.id(t.norm)), stems: Int32Array.from(s.textTokens.filter((t) => !t.stop), (t) => ids.id(t.stem)) };
      bySentenceText.set(s.textId, own);
    }
    surface.append(own.surface);
    stems.append(own.stems);
    at = s.sentence.end;
  }
  if (at < text.length) addWords(tokenWords(text.slice(at)));
  return revisionTextOfIds(surface.done(), stems.done());
}

/** A growing list of ids (doubling an Int32Array); `done` gives them at their length. */
class IdList {
  private ids = new Int32Array(1024);
  private n = 0;

  push(id: number): void {
    if (this.n === this.ids.length) this.grow(this.n + 1);
    this.ids[this.n++] = id;
  }

  append(more: Int32Array): void {
    if (this.n + more.length > this.ids.length) this.grow(this.n + more.length);
    this.ids.set(more, this.n);
    this.n += more.length;
  }

  done(): Int32Array {
    return this.ids.slice(0, this.n);
  }

  private grow(min: number): void {
    const next = new Int32Array(Math.max(min, this.ids.length * 2));
    next.set(this.ids.subarray(0, this.n));
    this.ids = next;
  }
}

/** Sentences in text order, each the slice of `text` it says, every boundary next to white space (or a text end). */
function splitsAtWhiteSpace(text: string, sentences: readonly SentenceInfo[]): boolean {
  const separated = (p: number): boolean => p <= 0 || p >= text.length || WHITE.test(text[p - 1]!) || WHITE.test(text[p]!);
  let at = 0;
  for (const { sentence: s } of sentences) {
    if (s.start < at || s.end !== s.start + s.text.length || !text.startsWith(s.text, s.start)) return false;
    if (!separated(s.start) || !separated(s.end)) return false;
    at = s.end;
  }
  return true;
}
const WHITE = /^\s$/;

export function deriveAll(book: ClaimBook, pairs: readonly PairAlignment[]): DerivationPair[] {
  const { ctx } = book;
  // Facts carried by each article.
  const facts = new Map<string, Set<string>>();
  for (const a of ctx.articles) facts.set(a.id, new Set());
  for (const d of book.drafts) {
    if (!FACT_KINDS.has(d.kind)) continue;
    for (const art of book.articlesOf(d)) facts.get(art)?.add(d.id);
  }
  const wires = (i: number): Map<string, string> => new Map(ctx.articles[i]!.analysed.attributions.map((m) => [m.key, m.outlet]));
  const quotes = book.drafts.filter((d) => d.kind === 'quote');
  // Per article, the quotes (by index in `quotes`) it prints and those it attests in its own language: a pair's
  // shared and attested quotes are read off these sets instead of scanning every quote's article lists per pair.
  const quotedBy = new Map<string, Set<number>>();
  const translatedBy = new Map<string, Set<number>>();
  const note = (index: Map<string, Set<number>>, ids: readonly string[] | undefined, q: number): void => {
    for (const id of ids ?? []) {
      const set = index.get(id);
      if (set) set.add(q);
      else index.set(id, new Set([q]));
    }
  };
  quotes.forEach((q, k) => {
    note(quotedBy, q.quotedIn, k);
    note(translatedBy, q.translatedIn, k);
  });
  const NONE = new Set<number>();
  const tokenIds = new TokenIds();
  const sentenceIds = new Map<number, SentenceIds>();
  const texts = ctx.articles.map((a) => articleRevisionText(a, tokenIds, sentenceIds));

  return pairs.map((p) => {
    const A = ctx.articles[p.a]!;
    const B = ctx.articles[p.b]!;
    const evidence: DerivationEvidence[] = [];
    const linkedA = new Set(p.details.map((d) => d.a.sentence.index));
    const linkedB = new Set(p.details.map((d) => d.b.sentence.index));
    const aInB = A.sentences.length === 0 ? 0 : linkedA.size / A.sentences.length;
    const bInA = B.sentences.length === 0 ? 0 : linkedB.size / B.sentences.length;
    const R = Math.max(aInB, bInA);

    // publication order
    const pa = A.analysed.article.published ? Date.parse(A.analysed.article.published) : NaN;
    const pb = B.analysed.article.published ? Date.parse(B.analysed.article.published) : NaN;
    if (Number.isFinite(pa) && Number.isFinite(pb) && pa !== pb) {
      const later = pa > pb ? A : B;
      const earlier = later === A ? B : A;
      evidence.push({
        kind: 'publication-order',
        detail: `${later.id} (${later.analysed.article.published}) was published after ${earlier.id} (${earlier.analysed.article.published})`,
        weight: pa > pb ? W_ORDER : -W_ORDER,
      });
    }

    // information superset
    const fa = facts.get(A.id)!;
    const fb = facts.get(B.id)!;
    const shared = intersectionSize(fa, fb);
    const covA = fa.size === 0 ? 0 : shared / fa.size;
    const covB = fb.size === 0 ? 0 : shared / fb.size;
    if (Math.max(covA, covB) >= 0.6 && covA !== covB) {
      const sub = covA > covB ? A : B;
      const sup = sub === A ? B : A;
      evidence.push({
        kind: 'information-superset',
        detail: `${pct(Math.max(covA, covB))} of ${sub.id}'s facts are in ${sup.id} (${shared} shared of ${sub === A ? fa.size : fb.size}; ${pct(Math.min(covA, covB))} the other way)`,
        weight: round(W_SUPERSET * (covA - covB)),
      });
    }

    // text reuse
    if (p.details.length > 0) {
      const same = p.details.filter((d) => d.link.label === 'same').length;
      const para = p.details.filter((d) => d.link.label === 'paraphrase').length;
      evidence.push({
        kind: 'text-reuse',
        detail: `${pct(aInB)} of ${A.id}'s sentences align with ${B.id}, ${pct(bInA)} the other way; ${same} near-verbatim, ${para} paraphrased, ${p.details.length - same - para} partial links`,
        weight: round(W_REUSE * (aInB - bInA)),
      });
    }

    // wire attribution
    const wa = wires(p.a);
    const wb = wires(p.b);
    const common = [...wa.keys()].filter((k) => wb.has(k));
    const strong = p.details.filter((d) => d.link.label !== 'partial').length;
    // Far more shared than two independent reports of one event: a common source is plausible.
    const heavyReuse = R >= COMMON_SOURCE_REUSE && shared >= COMMON_SOURCE_FACTS && strong >= COMMON_SOURCE_STRONG;
    const oneSided: { id: string; outlet: string }[] = [];
    if (common.length > 0) {
      evidence.push({ kind: 'wire-attribution', detail: `both cite ${common.map((k) => wa.get(k)).join(', ')}`, weight: 0 });
    } else {
      for (const [k, outlet] of wa) if (!wb.has(k)) oneSided.push({ id: A.id, outlet });
      for (const [k, outlet] of wb) if (!wa.has(k)) oneSided.push({ id: B.id, outlet });
      for (const o of oneSided) evidence.push({ kind: 'wire-attribution', detail: `only ${o.id} cites ${o.outlet}`, weight: 0 });
    }

    // translation: two languages, and a translation's traces — several sentences carrying the same claim across the
    // languages, or a quote one prints and the other attests in its own language
    const crossParaphrases = p.details.filter((d) => d.link.crossLingual && d.link.label === 'paraphrase').length;
    const quotedA = quotedBy.get(A.id) ?? NONE;
    const quotedB = quotedBy.get(B.id) ?? NONE;
    const attestedQuote =
      A.language !== B.language && (intersectionSize(quotedA, translatedBy.get(B.id) ?? NONE) > 0 || intersectionSize(quotedB, translatedBy.get(A.id) ?? NONE) > 0);
    if (A.language !== B.language && (crossParaphrases >= TRANSLATION_MIN_LINKS || attestedQuote)) {
      const known = Number.isFinite(pa) && Number.isFinite(pb) && pa !== pb;
      const [original, rewrite] = known && pa > pb ? [B, A] : [A, B];
      const rewriteShare = rewrite === A ? aInB : bInA;
      const traces = `${crossParaphrases} sentences carry the same claim across the languages${attestedQuote ? ', and a quote of one is attested in the other' : ''}`;
      evidence.push({
        kind: 'translation',
        detail: known
          ? `${rewrite.id} (${languageName(rewrite)}) is a translation-rewrite of the ${languageName(original)} article ${original.id}: ${pct(rewriteShare)} of its sentences align across the languages; ${traces}`
          : `${A.id} (${languageName(A)}) and ${B.id} (${languageName(B)}) are translations of one report: ${traces}`,
        // The direction is the publication order's (its own evidence): this one says what kind of rewrite it is.
        weight: 0,
      });
    }

    // shared quotes
    const sharedQuotes = intersectionSize(quotedA, quotedB);
    if (sharedQuotes > 0) evidence.push({ kind: 'shared-quotes', detail: `${sharedQuotes} direct quote(s) in both`, weight: 0 });

    const S = evidence.reduce((s, e) => s + e.weight, 0);
    let direction: DerivationPair['direction'];
    let confidence: number;
    if (R < RELATED_REUSE && sharedQuotes === 0) {
      direction = 'independent';
      confidence = Math.max(0.5, 1 - R / RELATED_REUSE);
    } else if (Math.abs(S) >= DIRECTION_MIN) {
      direction = S > 0 ? 'a-from-b' : 'b-from-a';
      confidence = Math.min(0.95, Math.abs(S)) * (0.5 + 0.5 * Math.min(1, R / 0.5));
    } else if (common.length > 0) {
      direction = 'common-source';
      confidence = 0.5 + 0.3 * R;
    } else if (oneSided.length > 0 && heavyReuse) {
      direction = 'common-source';
      confidence = 0.35 + 0.3 * R;
      // Name the agency in the evidence: the verdict rests on it.
      for (const e of evidence) {
        const o = oneSided.find((x) => e.kind === 'wire-attribution' && e.detail === `only ${x.id} cites ${x.outlet}`);
        if (o) e.detail = `both likely rewritten from ${o.outlet}: ${o.id} names it; they share ${shared} facts and ${p.details.length} aligned sentences (${strong} near-verbatim or paraphrased)`;
      }
    } else {
      direction = 'undetermined';
      confidence = Math.abs(S);
    }
    return {
      a: A.id,
      b: B.id,
      direction,
      confidence: round(confidence),
      reuse: { aInB: round(aInB), bInA: round(bInA) },
      revision: { aFromB: revisionOf(texts[p.b]!, texts[p.a]!), bFromA: revisionOf(texts[p.a]!, texts[p.b]!) },
      evidence,
    };
  });
}
