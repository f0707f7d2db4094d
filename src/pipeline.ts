import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AnalysedArticle, Article, InputProblem, Report, Story, StoryReport } from './types.js';
import { buildReport } from './report/build.js';
import { isProblem, readInputs } from './ingest/index.js';
import { analyse } from './analyse/index.js';
import { embedSentences } from './similarity/encoder.js';
import { clusterArticles, oneStory } from './cluster/index.js';
import { compareStory, usesEncoder } from './compare/index.js';

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

/** ingest: every readable article, every bad input collected. */
export async function readArticles(paths: string[], options: ReadOptions = {}): Promise<{ articles: Article[]; problems: InputProblem[] }> {
  const articles: Article[] = [];
  const problems: InputProblem[] = [];
  for await (const item of readInputs(paths, options.stdin ? { stdin: options.stdin } : {})) {
    if (isProblem(item)) {
      // A note on an article that was read (`kept`) is said, not listed: the report's problems are the skipped inputs.
      if (!item.kept) problems.push(item);
      options.onProblem?.(item);
    } else {
      articles.push(item);
    }
  }
  return { articles, problems };
}

/** ingest → analyse: every readable article analysed, every bad input collected. */
export async function readAndAnalyse(paths: string[], options: ReadOptions = {}): Promise<{ analysed: AnalysedArticle[]; problems: InputProblem[] }> {
  const { articles, problems } = await readArticles(paths, options);
  return { analysed: articles.map((a) => analyse(a)), problems };
}

/**
 * cluster → compare: one StoryReport per story, biggest story first (`one-story`: every article in one story, no
 * story decision). Only the articles of stories compared with the sentence encoder (compare/index.ts `usesEncoder`:
 * small stories) are embedded.
 */
export async function compareAnalysed(analysed: AnalysedArticle[], options: CompareOptions, grouping: 'stories' | 'one-story' = 'stories'): Promise<StoryReport[]> {
  const byId = new Map(analysed.map((a) => [a.article.id, a]));
  const groups = grouping === 'one-story' ? oneStory(analysed.map((a) => a.article)) : clusterArticles(analysed);
  const stories = groups.map((story) => ({ story, members: story.articles.map((id) => byId.get(id)!) }));
  const vectors = await embedSentences(
    stories.filter((s) => usesEncoder(s.members.length)).flatMap((s) => s.members),
    { enabled: options.encoder, cacheDir: options.cacheDir },
  );
  return stories.map(({ story, members }) => compareStory(story, members, vectors));
}

/**
 * analyse → compare for one known story (the store decided the membership): its report, every article analysed.
 * Corpus mode computes the same report, byte for byte, from the members' stored analyses (src/corpus/report-job.ts).
 */
export async function reportForStory(story: Story, articles: readonly Article[], options: CompareOptions, generator: string): Promise<Report> {
  return reportForAnalysed(story, articles.map((a) => analyse(a)), options, generator);
}

/** compare for one known story whose articles are analysed: its report (the encoder only where it is used). */
export async function reportForAnalysed(story: Story, analysed: AnalysedArticle[], options: CompareOptions, generator: string): Promise<Report> {
  const vectors = await embedSentences(usesEncoder(analysed.length) ? analysed : [], { enabled: options.encoder, cacheDir: options.cacheDir });
  return buildReport(analysed, [compareStory(story, analysed, vectors)], [], generator);
}

export function defaultCacheDir(): string {
  return process.env.CORROBORATE_CACHE_DIR ?? join(homedir(), '.cache', 'corroborate');
}
