/**
 * The compare stage: a story's analysed articles → StoryReport.
 * pairs to align → alignment → claims (statements, facts, quotes) → conflicts (which mark claims
 * conflicting) → derivation → copy groups. Pure and synchronous: sentence vectors are computed beforehand
 * (similarity/encoder.ts); with an empty SentenceVectors everything runs on lexical evidence.
 *
 * Scope (pairs.ts): a story of at most ALL_PAIRS_MAX articles is aligned pair by pair with the sentence
 * encoder (LEXICAL_ALL_PAIRS_MAX without vectors); a bigger one (`nearest` mode) aligns each article with its
 * nearest articles on lexical evidence alone, and its statements, numbers and dates are also joined through
 * story-wide sentence links (sentence-links.ts) — the encoder embeds ~60–80 sentences/s here, so a 1,000-article story (~30,000 sentences) would
 * spend minutes in it, and in a copy network the lexical evidence is what links the copies. The report's
 * `comparison` says which was done.
 */
import type { AnalysedArticle, SentenceVectors, Story, StoryReport } from '../types.js';
import { canonicalOrder } from '../article-order.js';
import { alignPair } from './align.js';
import { addFacts, addStatements, ClaimBook } from './claims.js';
import { findConflicts } from './conflicts.js';
import { buildContext } from './context.js';
import { copyGroups } from './copies.js';
import { deriveAll } from './derivation.js';
import { ALL_PAIRS_MAX, pairsToAlign } from './pairs.js';
import { addQuotes } from './quote-ledger.js';
import { storySentenceLinks } from './sentence-links.js';

const NO_VECTORS: SentenceVectors = { get: () => undefined };

export interface CompareStoryOptions {
  /** `auto` (default): all pairs up to ALL_PAIRS_MAX articles, nearest neighbours above. */
  mode?: 'auto' | 'all-pairs' | 'nearest';
}

/** Whether a story of `n` articles is compared with sentence vectors (callers embed only those stories). */
export function usesEncoder(n: number, mode: CompareStoryOptions['mode'] = 'auto'): boolean {
  return mode === 'all-pairs' || (mode === 'auto' && n <= ALL_PAIRS_MAX);
}

/**
 * Compares the member articles of a story, taken in the canonical order (src/article-order.ts: published, then id),
 * so that the report does not depend on the order they were given in (input order, or the order a store holds them).
 */
export function compareStory(story: Story, given: AnalysedArticle[], vectors: SentenceVectors, options: CompareStoryOptions = {}): StoryReport {
  const articles = [...given].sort((a, b) => canonicalOrder(a.article, b.article));
  const mode = options.mode ?? 'auto';
  const ctx = buildContext(articles, usesEncoder(articles.length, mode) ? vectors : NO_VECTORS);
  const chosen = pairsToAlign(ctx, mode);
  const pairs = chosen.pairs.map(([a, b]) => alignPair(ctx, a, b));
  const links = chosen.mode === 'nearest' ? storySentenceLinks(ctx) : [];
  const book = new ClaimBook(ctx);
  addStatements(book, pairs, links);
  const quoteConflicts = addQuotes(book, pairs);
  addFacts(book, pairs, links);
  const conflicts = findConflicts(book, pairs, quoteConflicts);
  const derivation = deriveAll(book, pairs);
  return {
    id: story.id,
    articles: articles.map((a) => a.article.id),
    claims: book.finish(),
    alignments: pairs.map((p) => p.alignment),
    conflicts,
    derivation,
    comparison: { mode: chosen.mode, pairs: pairs.length, encoder: ctx.articles.some((a) => a.sentences.some((s) => s.vec !== null)) },
    copyGroups: copyGroups(ctx.articles),
  };
}

export { alignStory, alignPair, baseScore, semanticScale } from './align.js';
export { buildContext } from './context.js';
export { ALL_PAIRS_MAX } from './pairs.js';
