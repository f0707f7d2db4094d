import { byPublished, canonicalOrder } from '../article-order.js';
import type { AnalysedArticle, Article, SentenceVectors, Story } from '../types.js';
import { shortHash } from '../text/hash.js';
import { averageLinkClusters } from './average-link.js';
import { articleStoryFeatures, STORY_SIMILARITY, storyLinkMatrix, type StoryFeatures, type StoryModel } from './similarity-matrix.js';
import { attachSmallGroups } from './small-groups.js';

/**
 * Groups articles into stories (batch) on their story signatures (./signature.ts; only `doc.article` is
 * read, the sentence vectors are not used): average link at `threshold`, then groups of at most
 * `rescueMaxSize` articles join their closest larger story at `rescueThreshold` (see small-groups.ts).
 */
export function clusterArticles(docs: readonly AnalysedArticle[], _vectors?: SentenceVectors): Story[] {
  return clusterStories(docs.map((d) => d.article));
}

/**
 * Stories of raw articles (no `analyse()` needed). The articles are taken in a canonical order (published, then
 * id: src/article-order.ts), so the stories, their ids, their members' order and everything compared from them do
 * not depend on the order the inputs were given in. Story ids come from the founding article (earliest
 * published, then first in that order). Stories are ordered biggest first, then by their first article.
 */
export function clusterStories(given: readonly Article[]): Story[] {
  if (given.length === 0) return [];
  const articles = [...given].sort(canonicalOrder);
  return storyGroups(articleStoryFeatures(articles))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((group) => storyOf(group.map((i) => articles[i]!)));
}

/**
 * All the articles as one story, without the story decision (`compare --one-story`: a set collected as one story, e.g.
 * one event's coverage or one wire's copies). The id and the members' order follow `clusterStories`' rules, so when the
 * decision also finds one story it is the same story.
 */
export function oneStory(given: readonly Article[]): Story[] {
  return given.length === 0 ? [] : [storyOf([...given].sort(canonicalOrder))];
}

/** A story of `members` (in canonical order): its id from the founding article (earliest published, then first). */
function storyOf(members: readonly Article[]): Story {
  const founder = [...members].sort(byPublished)[0]!;
  return { id: `s-${shortHash(founder.source ?? '', founder.text)}`, articles: members.map((m) => m.id) };
}

/**
 * The batch decision's groups (indices into `features`): average link over `model`'s link matrix at its threshold,
 * then the small-group rescue. `clusterStories` with the shipped model; the evaluation and the training script
 * with variants of it.
 */
export function storyGroups(features: readonly StoryFeatures[], model: StoryModel = STORY_SIMILARITY): number[][] {
  const matrix = storyLinkMatrix(features, model);
  return attachSmallGroups(averageLinkClusters(matrix, model.threshold), matrix, model.rescueThreshold, model.rescueMaxSize);
}
