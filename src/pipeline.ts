import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AnalysedArticle, Article, InputProblem, Report, Story, StoryReport } from './types.js';
import { buildReport } from './report/build.js';
import { isProblem, readInputs } from './ingest/index.js';
import { analyse } from './analyse/index.js';
import { embedSentences } from './similarity/encoder.js';
import { clusterArticles } from './cluster/index.js';
import { STORY_SIMILARITY } from './cluster/similarity-matrix.js';
import { compareStory } from './compare/index.js';

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  /** Called for each skipped input as it is found. */
  onProblem?: (problem: InputProblem) => void;
}

export interface CompareOptions {
  encoder: boolean;
  /** null: no disk cache. */
  cacheDir: string | null;
}

/** ingest → analyse: every readable article analysed, every bad input collected. */
export async function readAndAnalyse(paths: string[], options: ReadOptions = {}): Promise<{ analysed: AnalysedArticle[]; problems: InputProblem[] }> {
  const analysed: AnalysedArticle[] = [];
  const problems: InputProblem[] = [];
  for await (const item of readInputs(paths, options.stdin ? { stdin: options.stdin } : {})) {
    if (isProblem(item)) {
      problems.push(item);
      options.onProblem?.(item);
    } else {
      analysed.push(analyse(item));
    }
  }
  return { analysed, problems };
}

/** cluster: the stories of the analysed articles, biggest first. */
export async function clusterAnalysed(analysed: AnalysedArticle[], options: CompareOptions): Promise<Story[]> {
  // The story decision ignores sentence vectors while their weight is 0: skip the (slow) embedding then.
  const enabled = options.encoder && STORY_SIMILARITY.semanticWeight !== 0;
  const vectors = await embedSentences(analysed, { enabled, cacheDir: options.cacheDir });
  return clusterArticles(analysed, vectors);
}

/** cluster → compare: one StoryReport per story, biggest story first. */
export async function compareAnalysed(analysed: AnalysedArticle[], options: CompareOptions): Promise<StoryReport[]> {
  const vectors = await embedSentences(analysed, { enabled: options.encoder, cacheDir: options.cacheDir });
  const byId = new Map(analysed.map((a) => [a.article.id, a]));
  return clusterArticles(analysed, vectors).map((story) =>
    compareStory(
      story,
      story.articles.map((id) => byId.get(id)!),
      vectors,
    ),
  );
}

/** analyse → compare for one known story (corpus mode: the store decided the membership): its report. */
export async function reportForStory(story: Story, articles: readonly Article[], options: CompareOptions, generator: string): Promise<Report> {
  const analysed = articles.map((a) => analyse(a));
  const vectors = await embedSentences(analysed, { enabled: options.encoder, cacheDir: options.cacheDir });
  return buildReport(analysed, [compareStory(story, analysed, vectors)], [], generator);
}

export function defaultCacheDir(): string {
  return process.env.CORROBORATE_CACHE_DIR ?? join(homedir(), '.cache', 'corroborate');
}
