/**
 * Story-wide sentence links for big stories (`nearest` mode): the claim-centric half of the comparison.
 *
 * Aligning each article with its nearest articles only (pairs.ts) leaves a statement that the neighbours
 * happened to drop cut off from the other articles that carry it, so it would be split into several claims
 * and some would read as single-source. Here every sentence of the story is indexed once and linked to its
 * best match in each other article among its candidates, on the evidence alignment uses for its labels
 * without vectors: `same` when the word bigrams nearly coincide (SAME_SURFACE), `paraphrase` when the
 * IDF-weighted Dice of the content stems reaches LEXICAL_ONLY_PARAPHRASE (and PARAPHRASE_MIN_LEXICAL).
 * Partial overlaps are not linked. The statement and date groups (claims.ts) take these links beside the
 * alignment links; alignments, conflicts and derivation stay on the aligned pairs.
 *
 * Bounded work per sentence, so the whole is linear in the number of sentences: candidates come from an
 * inverted index of each sentence's LINK_TERMS heaviest content stems, each posting list read in the
 * LINK_WINDOW story positions nearest the sentence (copies of one wire are many and alike, and their
 * chains join them anyway), and the LINK_CANDIDATES sentences sharing most of those terms are scored.
 * Deterministic: ties broken by story distance, then position.
 */
import { contentDice, surfaceDice, type SentenceInfo, type StoryContext } from './context.js';
import { TermCandidates } from './term-candidates.js';
import { LEXICAL_ONLY_PARAPHRASE, PARAPHRASE_MIN_LEXICAL, SAME_SURFACE } from './thresholds.js';

/** Heaviest content stems per sentence used to find candidates. */
export const LINK_TERMS = 6;
/** A posting list is read in at most this many story positions around the sentence. */
export const LINK_WINDOW = 96;
/** Candidates (most shared heavy stems) scored per sentence. */
export const LINK_CANDIDATES = 24;

export interface SentenceLink {
  a: SentenceInfo;
  b: SentenceInfo;
  label: 'same' | 'paraphrase';
}

/** Links of every sentence to its best `same`/`paraphrase` match in other articles (a before b in story order). */
export function storySentenceLinks(ctx: StoryContext): SentenceLink[] {
  const all = ctx.articles.flatMap((a) => a.sentences);
  // The heaviest stems depend on the content set alone: once per distinct content.
  const heavyOf = new Map<number, number[]>();
  const heavy = all.map((s) => {
    let terms = heavyOf.get(s.contentId);
    if (!terms) {
      const set = s.content;
      terms = [...set.ids.keys()]
        .sort((x, y) => set.w[y]! - set.w[x]! || set.ids[x]! - set.ids[y]!)
        .slice(0, LINK_TERMS)
        .map((k) => set.ids[k]!);
      heavyOf.set(s.contentId, terms);
    }
    return terms;
  });
  const retrieval = new TermCandidates(heavy, LINK_WINDOW);
  const seen = new Set<number>();
  const out: SentenceLink[] = [];
  // Best candidate per other article (by article index; `bestOf` lists the articles set for the current sentence,
  // in the order they were first set).
  const articles = ctx.articles.length;
  const bestJ = new Int32Array(articles).fill(-1);
  const bestScore = new Float64Array(articles);
  const bestLabel: SentenceLink['label'][] = new Array<SentenceLink['label']>(articles).fill('same');
  const bestOf: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const x = all[i]!;
    for (const j of retrieval.of(i, (j) => all[j]!.article === x.article, LINK_CANDIDATES)) {
      const y = all[j]!;
      const lexical = contentDice(x, y);
      const label = surfaceDice(x, y) >= SAME_SURFACE ? 'same' : lexical >= LEXICAL_ONLY_PARAPHRASE && lexical >= PARAPHRASE_MIN_LEXICAL ? 'paraphrase' : null;
      if (!label) continue;
      const score = label === 'same' ? 1 + lexical : lexical;
      const prev = bestJ[y.article]!;
      if (prev < 0) bestOf.push(y.article);
      if (prev < 0 || score > bestScore[y.article]! || (score === bestScore[y.article]! && j < prev)) {
        bestJ[y.article] = j;
        bestScore[y.article] = score;
        bestLabel[y.article] = label;
      }
    }
    for (const art of bestOf) {
      const j = bestJ[art]!;
      bestJ[art] = -1;
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const key = a * all.length + b;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ a: all[a]!, b: all[b]!, label: bestLabel[art]! });
    }
    bestOf.length = 0;
  }
  return out.sort((p, q) => p.a.article - q.a.article || p.a.sentence.index - q.a.sentence.index || p.b.article - q.b.article || p.b.sentence.index - q.b.sentence.index);
}
