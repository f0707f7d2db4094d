import type { AnalysedArticle, SentenceVectors, Story } from '../types.js';
import { shortHash } from '../text/hash.js';
import { averageLinkClusters } from './average-link.js';
import { STORY_SIMILARITY, storySimilarityMatrix } from './similarity-matrix.js';
import { attachSmallGroups } from './small-groups.js';

/**
 * Groups articles into stories (batch): average link at `threshold`, then groups of at most `rescueMaxSize`
 * articles join their closest larger story at `rescueThreshold` (see small-groups.ts). Story ids come from the founding article (earliest published,
 * then first in input order), so the same input always gives the same ids.
 * Stories are ordered biggest first, then by their first article's input position.
 */
export function clusterArticles(docs: readonly AnalysedArticle[], vectors: SentenceVectors): Story[] {
  if (docs.length === 0) return [];
  const matrix = storySimilarityMatrix(docs, vectors);
  const groups = attachSmallGroups(averageLinkClusters(matrix, STORY_SIMILARITY.threshold), matrix, STORY_SIMILARITY.rescueThreshold, STORY_SIMILARITY.rescueMaxSize);
  return groups
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((group) => {
      const members = group.map((i) => docs[i]!);
      const founder = [...members].sort((a, b) => compareFounding(a, b))[0]!;
      return { id: `s-${shortHash(founder.article.source ?? '', founder.article.text)}`, articles: members.map((m) => m.article.id) };
    });
}

function compareFounding(a: AnalysedArticle, b: AnalysedArticle): number {
  const pa = a.article.published ?? '\uffff';
  const pb = b.article.published ?? '\uffff';
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
