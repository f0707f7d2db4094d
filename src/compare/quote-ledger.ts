/**
 * The quote ledger. Direct quotes of all articles are grouped into one claim when their content words
 * coincide (containment of the shorter in the longer ≥ QUOTE_SAME, ≥ QUOTE_MIN_SHARED shared words):
 * `quotedIn` = the articles of the group. Every other article is checked for a statement of the same
 * content without quotation marks — an indirect quote or any sentence whose content/semantics cover
 * the quote (thresholds.ts: SUPPORT_*), or a sentence aligned with the quoting sentence that holds at
 * least SUPPORT_MIN_CONTAIN of the quote's words — and lands in `supportedIn`.
 *
 * Status: corroborated when quotedIn ∪ supportedIn spans ≥ 2 articles; a quote that one article
 * prints and no other article states is single-source — the possible-fabrication flag. When the same
 * words are put in different mouths (speakers that do not match by name), an attribution conflict is
 * raised and the quote is conflicting.
 *
 * Indirect quotes ("X said that ...") are not quote claims of their own (their sentences are already
 * statement claims); they serve as support evidence and carry speaker checks.
 */
import type { Mention, Quote } from '../types.js';
import { normaliseKey } from '../text/normalise.js';
import { sameSpeaker } from '../similarity/speakers.js';
import { sharedCount, weightedContainment, type WeightedSet } from '../similarity/weights.js';
import { dot } from '../similarity/vector.js';
import type { ArticleInfo, SentenceInfo } from './context.js';
import type { ClaimBook, ClaimDraft } from './claims.js';
import { semanticScale } from './align.js';
import {
  QUOTE_MIN_SHARED,
  QUOTE_SAME,
  SUPPORT_COMBINED,
  SUPPORT_CONTAIN,
  SUPPORT_MIN_CONTAIN,
} from './thresholds.js';
import type { LinkConflict, PairAlignment } from './types.js';
import { UnionFind } from './union-find.js';

interface QuoteNode {
  art: ArticleInfo;
  q: Quote;
  set: WeightedSet;
  vec: Float32Array | null;
}

export interface QuoteConflict {
  claim: ClaimDraft;
  a: { article: string; side: LinkConflict['a'] };
  b: { article: string; side: LinkConflict['a'] };
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
function speakerIn(art: ArticleInfo, sentence: number): string | null {
  return art.analysed.quotes.find((q) => q.sentence === sentence && !q.direct && q.speaker)?.speaker?.name ?? null;
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
  for (const p of pairs) {
    for (const d of p.details) {
      link(`${p.a}:${d.a.sentence.index}`, d.b);
      link(`${p.b}:${d.b.sentence.index}`, d.a);
    }
  }
  const nodes: QuoteNode[] = [];
  for (const art of ctx.articles) {
    for (const q of art.analysed.quotes) {
      if (!q.direct) continue;
      nodes.push({ art, q, set: ctx.weigh(q.text), vec: ctx.unit(q.text) });
    }
  }
  const uf = new UnionFind(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const x = nodes[i]!;
      const y = nodes[j]!;
      const shared = sharedCount(x.set, y.set);
      if (shared < QUOTE_MIN_SHARED) continue;
      const [small, large] = x.set.total <= y.set.total ? [x.set, y.set] : [y.set, x.set];
      if (weightedContainment(small, large) >= QUOTE_SAME) uf.union(i, j);
    }
  }
  const conflicts: QuoteConflict[] = [];
  for (const g of uf.groups()) {
    const members = g.map((i) => nodes[i]!);
    const quotedIn = [...new Set(members.map((m) => m.art.id))];
    const mentions: Mention[] = members.map((m) => ({ article: m.art.id, start: m.q.start, end: m.q.end, text: m.q.text }));
    const supportedIn: string[] = [];
    const speakers = members.map((m) => m.q.speaker?.name ?? null);
    const speaker = speakers.find((s): s is string => !!s) ?? null;
    const quoted = new Set(quotedIn);
    const speakerMismatch: { article: string; side: LinkConflict['a'] }[] = [];

    for (const art of ctx.articles) {
      if (quoted.has(art.id)) continue;
      // Best supporting span: indirect quotes first (they carry a speaker), then sentences.
      let best: { score: number; start: number; end: number; text: string; speaker: string | null } | null = null;
      for (const iq of art.analysed.quotes) {
        if (iq.direct) continue;
        const set = ctx.weigh(iq.text);
        const vec = ctx.unit(iq.text);
        const s = Math.max(...members.map((m) => supportScore(m, set, vec)));
        if (s > 0 && (!best || s > best.score)) best = { score: s, start: iq.start, end: iq.end, text: iq.text, speaker: iq.speaker?.name ?? null };
      }
      if (!best) {
        // A sentence aligned with a quoting sentence that contains enough of the quote's words.
        for (const m of members) {
          for (const s of linked.get(`${m.art.order}:${m.q.sentence}`) ?? []) {
            if (s.article !== art.order) continue;
            const cont = weightedContainment(m.set, s.content);
            if (cont >= SUPPORT_MIN_CONTAIN && (!best || cont > best.score)) {
              // Point at the indirect quote in that sentence that carries the content, if any.
              const iq = art.analysed.quotes.find(
                (q) => q.sentence === s.sentence.index && !q.direct && weightedContainment(m.set, ctx.weigh(q.text)) >= SUPPORT_MIN_CONTAIN,
              );
              best = iq
                ? { score: cont, start: iq.start, end: iq.end, text: iq.text, speaker: iq.speaker?.name ?? null }
                : { score: cont, start: s.sentence.start, end: s.sentence.end, text: s.sentence.text, speaker: speakerIn(art, s.sentence.index) };
            }
          }
        }
      }
      if (!best) {
        for (const s of art.sentences) {
          const sc = Math.max(...members.map((m) => supportScore(m, s.content, s.vec)));
          if (sc > 0 && (!best || sc > best.score)) {
            best = { score: sc, start: s.sentence.start, end: s.sentence.end, text: s.sentence.text, speaker: speakerIn(art, s.sentence.index) };
          }
        }
      }
      if (!best) continue;
      if (speaker && best.speaker && !sameSpeaker(speaker, best.speaker)) {
        speakerMismatch.push({
          article: art.id,
          side: { start: best.start, end: best.end, text: best.text, value: best.speaker },
        });
        continue;
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
    });
    // The same words in different mouths.
    const anchor = members.find((m) => m.q.speaker);
    if (anchor) {
      const anchorSide = {
        article: anchor.art.id,
        side: { start: anchor.q.start, end: anchor.q.end, text: anchor.q.text, value: anchor.q.speaker!.name },
      };
      for (const m of members) {
        if (m.art === anchor.art || !m.q.speaker || sameSpeaker(anchor.q.speaker!.name, m.q.speaker.name)) continue;
        conflicts.push({
          claim,
          a: anchorSide,
          b: { article: m.art.id, side: { start: m.q.start, end: m.q.end, text: m.q.text, value: m.q.speaker.name } },
        });
      }
      for (const s of speakerMismatch) conflicts.push({ claim, a: anchorSide, b: s });
    }
  }
  return conflicts;
}
