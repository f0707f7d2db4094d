/**
 * The compare stage: a story's analysed articles → StoryReport.
 * alignment → claims (statements, facts, quotes) → conflicts (which mark claims conflicting) →
 * derivation. Pure and synchronous: sentence vectors are computed beforehand (similarity/encoder.ts);
 * with an empty SentenceVectors everything runs on lexical evidence.
 */
import type { AnalysedArticle, SentenceVectors, Story, StoryReport } from '../types.js';
import { alignStory } from './align.js';
import { addFacts, addStatements, ClaimBook } from './claims.js';
import { findConflicts } from './conflicts.js';
import { buildContext } from './context.js';
import { deriveAll } from './derivation.js';
import { addQuotes } from './quote-ledger.js';
import { copyGroups } from './copies.js';

/** Compares the member articles of a story (`articles` in story order). */
export function compareStory(story: Story, articles: AnalysedArticle[], vectors: SentenceVectors): StoryReport {
  const ctx = buildContext(articles, vectors);
  const pairs = alignStory(ctx);
  const book = new ClaimBook(ctx);
  addStatements(book, pairs);
  const quoteConflicts = addQuotes(book, pairs);
  addFacts(book, pairs);
  const conflicts = findConflicts(book, pairs, quoteConflicts);
  const derivation = deriveAll(book, pairs);
  return {
    id: story.id,
    articles: articles.map((a) => a.article.id),
    claims: book.finish(),
    alignments: pairs.map((p) => p.alignment),
    conflicts,
    derivation,
    comparison: { mode: 'all-pairs', pairs: pairs.length, encoder: ctx.articles.some((a) => a.sentences.some((s) => s.vec !== null)) },
    copyGroups: copyGroups(ctx.articles),
  };
}

export { alignStory, alignPair, baseScore, semanticScale } from './align.js';
export { buildContext } from './context.js';
