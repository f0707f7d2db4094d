/**
 * Story reports in corpus mode: the `compare` report of one stored story, computed from its member articles
 * (full analysis, alignment, ledgers) and stored with the story's change tick, so it is computed again only
 * after the story changed.
 */
import type { Article, Report } from '../types.js';
import { reportForStory, type CompareOptions } from '../pipeline.js';
import { StoreError, type ArticleRecord, type Store } from '../store/index.js';

/** The report of story `id` (a merged id gives the story it was merged into): stored, or computed and stored. */
export async function storyReport(store: Store, id: string, options: CompareOptions, generator: string): Promise<Report> {
  const story = store.getStory(id);
  if (!story || story.size === 0) throw new StoreError('no-such-story', `no story '${id}' in ${store.location} (see 'corroborate stories')`, store.location);
  const stored = store.getReport(story.id);
  if (stored && !stored.stale) return JSON.parse(stored.json) as Report;
  return computeAndSave(store, story.id, story.updatedSeq, options, generator);
}

/**
 * Recomputes the reports of every story of two or more articles that changed since its report (a story of one
 * article has nothing to compare; `story` computes it on demand). Returns how many were computed.
 */
export async function refreshReports(store: Store, options: CompareOptions, generator: string, progress?: (done: number, total: number) => void): Promise<number> {
  const stale = store.staleStories().filter((id) => (store.getStoryRecord(id)?.size ?? 0) >= 2);
  let done = 0;
  for (const id of stale) {
    const story = store.getStoryRecord(id)!;
    await computeAndSave(store, id, story.updatedSeq, options, generator);
    progress?.(++done, stale.length);
  }
  return done;
}

async function computeAndSave(store: Store, id: string, atSeq: number, options: CompareOptions, generator: string): Promise<Report> {
  const articles = store.articlesOf(id).map(asArticle);
  const report = await reportForStory({ id, articles: articles.map((a) => a.id) }, articles, options, generator);
  if (!store.readonly) store.saveReport(id, JSON.stringify(report), atSeq);
  return report;
}

function asArticle(r: ArticleRecord): Article {
  return { id: r.id, title: r.title, text: r.text, source: r.source, url: r.url, published: r.published, language: r.language, byline: r.byline, origin: r.origin };
}
