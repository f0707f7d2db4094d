/**
 * Story reports in corpus mode: the `compare` report of one stored story, computed from its member articles
 * (analysis, alignment, ledgers) and stored with the story's change tick, so it is computed again only after
 * the story changed. Each article's analysis is computed once and stored (./analysis-codec.ts): a report reads
 * the stored analyses of its members and analyses only the articles without one of this ANALYSIS_VERSION (new
 * members, or analysed by another version); the new analyses are stored in the same transaction as the report.
 */
import type { Report } from '../types.js';
import type { CompareOptions } from '../pipeline.js';
import { ANALYSIS_VERSION } from '../analyse/index.js';
import { articleOfRecord, StoreError, type Store, type StoredAnalysis } from '../store/index.js';
import { availableParallelism } from 'node:os';
import { computeReport, storedForm, type ReportJob, type StoredForm } from './report-job.js';
import { ReportPool, type ReportResult } from './report-thread.js';
import { usesEncoder } from '../compare/index.js';

/** What `refreshReports` did. */
export interface RefreshSummary {
  /** Reports computed and saved. */
  reports: number;
  /** Articles analysed for them (no stored analysis of this version). */
  analysed: number;
  /** Articles whose stored analysis was used. */
  reused: number;
}

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
 * article has nothing to compare; `story` computes it on demand). Returns how many were computed, and how many
 * member articles were analysed for them (the rest read their stored analysis).
 *
 * With `threads` (default: the machine's cores), the reports are computed in that many worker threads
 * (./report-thread.ts), biggest story first, while this thread reads the next stories' articles and saves
 * each report as it arrives (at most two stories per worker in flight, so memory stays bounded). Every report
 * is saved on its own with the story's change tick, in one transaction with the analyses computed for it: a run
 * killed here keeps the reports (and analyses) saved so far, and the next run (any `ingest`, even of nothing
 * new) computes only the stories still stale.
 */
export async function refreshReports(
  store: Store,
  options: CompareOptions,
  generator: string,
  progress?: (done: number, total: number) => void,
  threads: number = availableParallelism(),
): Promise<RefreshSummary> {
  const stale = store
    .staleStories()
    .map((id) => store.getStoryRecord(id)!)
    .filter((s) => s.size >= 2)
    .sort((a, b) => b.size - a.size || a.createdSeq - b.createdSeq);
  const summary: RefreshSummary = { reports: 0, analysed: 0, reused: 0 };
  const saved = (id: string, members: number, atSeq: number, result: ReportResult): void => {
    const { analyses } = result;
    saveReportResult(store, id, atSeq, result, analyses);
    summary.analysed += analyses.length;
    summary.reused += members - analyses.length;
    summary.reports++;
    progress?.(summary.reports, stale.length);
  };
  const workers = Math.min(threads, stale.length);
  if (workers <= 1 || stale.length < MIN_STORIES_FOR_THREADS) {
    for (const s of stale) {
      const job = reportJob(store, s.id, options, generator);
      const { report, analyses } = await computeReport(job);
      saved(s.id, job.articles.length, s.updatedSeq, { ...storedForm(report), analyses });
    }
    return summary;
  }
  const pool = new ReportPool(workers);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  try {
    for (const s of stale) {
      if (failure) break;
      const job = reportJob(store, s.id, options, generator);
      const members = job.articles.length;
      const running = pool
        .run(job)
        .then((result) => saved(s.id, members, s.updatedSeq, result))
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
      if (inFlight.size >= workers * 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  if (failure) throw failure;
  return summary;
}

/** Below this many stale stories the reports are computed in this thread (starting workers costs ~1 s). */
const MIN_STORIES_FOR_THREADS = 4;

/**
 * Whether a stored, non-stale report can be served: written by this version's compare (it has the comparison
 * scope and copy groups), and not a lexical-only ledger (what `ingest` stores) of a story small enough for the
 * sentence encoder when the encoder is wanted — that one is computed again with the encoder, once.
 */
function current(report: Report, size: number, options: CompareOptions): boolean {
  // A report of an older schema (stored by an older version) is computed again.
  if ((report.schemaVersion as number) !== 3) return false;
  const stories = report.stories as Partial<Report['stories'][number]>[];
  if (!stories.every((s) => s.comparison !== undefined && s.copyGroups !== undefined)) return false;
  return !(options.encoder && usesEncoder(size) && stories.every((s) => s.comparison?.encoder === false));
}

async function computeAndSave(store: Store, id: string, atSeq: number, options: CompareOptions, generator: string): Promise<Report> {
  const { report, analyses } = await computeReport(reportJob(store, id, options, generator));
  saveReportResult(store, id, atSeq, storedForm(report), analyses);
  return report;
}

/** The report job of story `id` (a live id): its member articles, each with its stored analysis of this version or null. */
export function reportJob(store: Store, id: string, options: CompareOptions, generator: string): ReportJob {
  const articles = store.articlesOf(id).map(articleOfRecord);
  const ids = articles.map((a) => a.id);
  const stored = store.getAnalyses(ids, ANALYSIS_VERSION);
  return { story: { id, articles: ids }, articles, stored: ids.map((a) => stored.get(a) ?? null), options, generator };
}

/** Saves a report and the analyses computed for it, together (one transaction: both or neither). */
export function saveReportResult(store: Store, id: string, atSeq: number, report: StoredForm, analyses: StoredAnalysis[]): void {
  if (store.readonly) return;
  store.transaction(() => {
    store.saveAnalyses(analyses);
    store.saveReport(id, report.data, atSeq, report.summary, report.digest);
  });
}

