/**
 * Story reports in corpus mode: the `compare` report of one stored story, computed from its member articles
 * (full analysis, alignment, ledgers) and stored with the story's change tick, so it is computed again only
 * after the story changed.
 */
import type { Article, Report } from '../types.js';
import { reportForStory, type CompareOptions } from '../pipeline.js';
import { StoreError, type ArticleRecord, type Store } from '../store/index.js';
import { availableParallelism } from 'node:os';
import { ReportPool } from './report-thread.js';
import { usesEncoder } from '../compare/index.js';

/** The report of story `id` (a merged id gives the story it was merged into): stored, or computed and stored. */
export async function storyReport(store: Store, id: string, options: CompareOptions, generator: string): Promise<Report> {
  const story = store.getStory(id);
  if (!story || story.size === 0) throw new StoreError('no-such-story', `no story '${id}' in ${store.location} (see 'corroborate stories')`, store.location);
  const stored = store.getReport(story.id);
  if (stored && !stored.stale) {
    const report = JSON.parse(stored.json) as Report;
    if (current(report, story.size, options)) return report;
  }
  return computeAndSave(store, story.id, story.updatedSeq, options, generator);
}

/**
 * Recomputes the reports of every story of two or more articles that changed since its report (a story of one
 * article has nothing to compare; `story` computes it on demand). Returns how many were computed.
 *
 * With `threads` (default: the machine's cores), the reports are computed in that many worker threads
 * (./report-thread.ts), biggest story first, while this thread reads the next stories' articles and saves
 * each report as it arrives (at most two stories per worker in flight, so memory stays bounded). Every report
 * is saved on its own with the story's change tick: a run killed here keeps the reports saved so far, and the
 * next run (any `ingest`, even of nothing new) computes only the stories still stale.
 */
export async function refreshReports(
  store: Store,
  options: CompareOptions,
  generator: string,
  progress?: (done: number, total: number) => void,
  threads: number = availableParallelism(),
): Promise<number> {
  const stale = store
    .staleStories()
    .map((id) => store.getStoryRecord(id)!)
    .filter((s) => s.size >= 2)
    .sort((a, b) => b.size - a.size || a.createdSeq - b.createdSeq);
  let done = 0;
  const saved = (id: string, atSeq: number, json: string): void => {
    if (!store.readonly) store.saveReport(id, json, atSeq);
    progress?.(++done, stale.length);
  };
  const workers = Math.min(threads, stale.length);
  if (workers <= 1 || stale.length < MIN_STORIES_FOR_THREADS) {
    for (const s of stale) {
      const articles = store.articlesOf(s.id).map(asArticle);
      const report = await reportForStory({ id: s.id, articles: articles.map((a) => a.id) }, articles, options, generator);
      saved(s.id, s.updatedSeq, JSON.stringify(report));
    }
    return done;
  }
  const pool = new ReportPool(workers);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  try {
    for (const s of stale) {
      if (failure) break;
      const articles = store.articlesOf(s.id).map(asArticle);
      const job = pool
        .run({ story: { id: s.id, articles: articles.map((a) => a.id) }, articles, options, generator })
        .then((json) => saved(s.id, s.updatedSeq, json))
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= workers * 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  if (failure) throw failure;
  return done;
}

/** Below this many stale stories the reports are computed in this thread (starting workers costs ~1 s). */
const MIN_STORIES_FOR_THREADS = 4;

/**
 * Whether a stored, non-stale report can be served: written by this version's compare (it has the comparison
 * scope and copy groups), and not a lexical-only ledger (what `ingest` stores) of a story small enough for the
 * sentence encoder when the encoder is wanted — that one is computed again with the encoder, once.
 */
function current(report: Report, size: number, options: CompareOptions): boolean {
  const stories = report.stories as Partial<Report['stories'][number]>[];
  if (!stories.every((s) => s.comparison !== undefined && s.copyGroups !== undefined)) return false;
  return !(options.encoder && usesEncoder(size) && stories.every((s) => s.comparison?.encoder === false));
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
