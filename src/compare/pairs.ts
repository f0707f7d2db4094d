/**
 * Which article pairs of a story are aligned.
 *
 * Small stories (≤ ALL_PAIRS_MAX articles): every pair, as a reader comparing them would. Big stories (the
 * same wire republished by hundreds of sites): each article with its NEAREST_K most similar articles, so the
 * work grows with the number of articles, not with the number of pairs. Claims, quotes and conflicts are then
 * read off the links of those pairs: a sentence joins its group through any chain of links, and the nearest
 * articles of a copy network are exactly the ones that share its sentences, so the groups of a big story are
 * the groups the all-pairs view would find wherever the articles are connected by near neighbours (the test
 * test/compare.big-story.test.ts measures the agreement on stories small enough to compute both).
 *
 * Similarity of two articles: the IDF-weighted cosine of their content-stem bags (the story's own
 * document frequencies, one document per article). Candidates come from an inverted index of each article's
 * NEAREST_TERMS heaviest terms: the articles sharing most of them (a term's postings read in the
 * POSTINGS_WINDOW story positions nearest the article, so a term every copy has costs a bounded amount), of
 * which the NEAREST_CANDIDATES with most shared terms are scored: the work per article is bounded, so the
 * whole is linear in the story. Ties are broken by story distance, then order, so the choice is
 * deterministic. Pairs are returned as (a, b) with a < b, sorted.
 */
import { topTerms } from '../text/sorted.js';
import type { StoryContext } from './context.js';
import { TermCandidates } from './term-candidates.js';

/** Stories up to this many articles are aligned pair by pair (and use the sentence encoder). */
export const ALL_PAIRS_MAX = 24;
/**
 * Without sentence vectors (`--no-encoder`, corpus ledgers) stories up to this many articles are aligned pair by
 * pair: above it the nearest-neighbour view gives the same ledger (test/compare.big-story.test.ts) for a third
 * of the work, which is what lets the corpus ledgers keep pace with ingest.
 */
export const LEXICAL_ALL_PAIRS_MAX = 12;
/** In a big story, each article is aligned with this many nearest articles (the union of both directions). */
export const NEAREST_K = 3;
/** Terms per article used to find its candidate neighbours. */
export const NEAREST_TERMS = 40;
/** A term's postings are read in at most this many story positions around the article (common terms). */
export const POSTINGS_WINDOW = 256;
/** Candidates (most shared top terms) whose full similarity is computed, per article. */
export const NEAREST_CANDIDATES = 64;

export type PairList = ReadonlyArray<readonly [number, number]>;

/** Every pair (0-1, 0-2, ..., 1-2, ...). */
export function allPairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
}

/** The pairs to align: all pairs for a small story (ALL_PAIRS_MAX with vectors, LEXICAL_ALL_PAIRS_MAX without), nearest neighbours for a big one. */
export function pairsToAlign(ctx: StoryContext, mode: 'auto' | 'all-pairs' | 'nearest' = 'auto'): { mode: 'all-pairs' | 'nearest'; pairs: [number, number][] } {
  const n = ctx.articles.length;
  const withVectors = ctx.articles.some((a) => a.sentences.some((s) => s.vec !== null));
  const chosen = mode === 'auto' ? (n <= (withVectors ? ALL_PAIRS_MAX : LEXICAL_ALL_PAIRS_MAX) ? 'all-pairs' : 'nearest') : mode;
  return { mode: chosen, pairs: chosen === 'all-pairs' ? allPairs(n) : nearestPairs(ctx, NEAREST_K) };
}

interface Bag {
  terms: Int32Array;
  weights: Float64Array;
  norm: number;
}

/**
 * Each article with its k nearest others (by weighted cosine of content stems), and in a story of several
 * languages with the earliest article of each other language; union, a < b, sorted.
 */
export function nearestPairs(ctx: StoryContext, k: number): [number, number][] {
  const n = ctx.articles.length;
  // Term frequencies per article over content stems (ids from the story's weights): the sentences of the article
  // holding the term, counted in a dense array; each article's terms in ascending id order.
  const count = new Int32Array(ctx.weights.termCount);
  const df = new Int32Array(ctx.weights.termCount);
  const tfs = ctx.articles.map((a) => {
    const seen: number[] = [];
    for (const s of a.sentences) {
      for (const id of s.content.ids) {
        if (count[id] === 0) seen.push(id);
        count[id]!++;
      }
    }
    const terms = Int32Array.from(seen).sort();
    const counts = new Int32Array(terms.length);
    for (let t = 0; t < terms.length; t++) {
      const id = terms[t]!;
      counts[t] = count[id]!;
      count[id] = 0;
      df[id]!++;
    }
    return { terms, counts };
  });
  const bags: Bag[] = tfs.map(({ terms, counts }) => {
    const weights = new Float64Array(terms.length);
    for (let t = 0; t < terms.length; t++) weights[t] = (1 + Math.log(counts[t]!)) * Math.log(1 + n / df[terms[t]!]!);
    let norm = 0;
    for (const w of weights) norm += w * w;
    return { terms, weights, norm: Math.sqrt(norm) || 1 };
  });
  // Candidates: articles sharing one of each other's heaviest terms (ties by term id), term-candidates.ts.
  const top = bags.map((b) => topTerms({ ids: b.terms, weights: b.weights }, NEAREST_TERMS));
  const retrieval = new TermCandidates(top, POSTINGS_WINDOW);
  const chosen = new Set<number>();
  for (let i = 0; i < n; i++) {
    // The NEAREST_CANDIDATES with most shared terms are scored.
    const best = retrieval.of(i, (j) => j === i, NEAREST_CANDIDATES);
    const scored = best.map((j) => ({ j, s: cosine(bags[i]!, bags[j]!) }));
    scored.sort((x, y) => y.s - x.s || x.j - y.j);
    for (const { j } of scored.slice(0, k)) chosen.add(i < j ? i * n + j : j * n + i);
  }
  // Articles of other languages share no content stems with an article: each is also paired with the earliest
  // article (story order) of every other language in the story, the candidate original it was translated from.
  if (ctx.multilingual) {
    const firstOf = new Map<string, number>();
    ctx.articles.forEach((a, i) => {
      if (!firstOf.has(a.language)) firstOf.set(a.language, i);
    });
    for (let i = 0; i < n; i++) {
      for (const [language, j] of firstOf) if (language !== ctx.articles[i]!.language) chosen.add(i < j ? i * n + j : j * n + i);
    }
  }
  return [...chosen].sort((x, y) => x - y).map((key) => [Math.floor(key / n), key % n] as [number, number]);
}


function cosine(x: Bag, y: Bag): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < x.terms.length && j < y.terms.length) {
    const a = x.terms[i]!;
    const b = y.terms[j]!;
    if (a === b) {
      s += x.weights[i]! * y.weights[j]!;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return s / (x.norm * y.norm);
}
