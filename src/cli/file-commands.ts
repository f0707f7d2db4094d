/**
 * The commands that read files and write a result without a store: `compare`, `extract`, `cluster`, and the batch
 * tasks `align`, `check`, `derive`. Loaded by ./main.ts only when one of them runs.
 */
import type { InputProblem } from '../types.js';
import { analyse } from '../analyse/index.js';
import { compareAnalysed, defaultCacheDir, readAndAnalyse, readArticles } from '../pipeline.js';
import { clusterStories } from '../cluster/index.js';
import { runBatch } from './batch.js';
import { loadTask, type BatchTaskName } from './tasks/index.js';
import { buildReport } from '../report/build.js';
import { renderReport } from './render.js';
import type { CliOptions, Command } from './args.js';
import { openLineSink, writeOutput } from './output.js';
import { isProblem, readInputs } from '../ingest/index.js';
import { plural } from '../report/view.js';
import { tuneV8ForReports } from './v8-tuning.js';

/** The file commands (the rest are the store commands, `worker`, `lexicon`, `serve`, `help` and `version`). */
export type FileCommand = Extract<Command, 'compare' | 'extract' | 'cluster' | BatchTaskName>;

export async function runFileCommand(command: FileCommand, options: CliOptions, onProblem: (problem: InputProblem) => void, generator: () => string): Promise<Outcome> {
  return command === 'extract'
    ? await runExtract(options, onProblem)
    : command === 'compare'
      ? await runCompare(options, onProblem, generator)
      : command === 'cluster'
        ? await runCluster(options, onProblem)
        : await runTask(command, options, onProblem);
}

export interface Outcome {
  analysed: number;
  skipped: number;
}

async function runCompare(options: CliOptions, onProblem: (problem: InputProblem) => void, generator: () => string): Promise<Outcome> {
  tuneV8ForReports();
  const { analysed, problems } = await readAndAnalyse(options.inputs, { stdin: process.stdin, onProblem });
  if (analysed.length === 0) return { analysed: 0, skipped: problems.length };
  const stories = await compareAnalysed(analysed, { encoder: options.encoder, cacheDir: options.cacheDir ?? defaultCacheDir() }, options.oneStory ? 'one-story' : 'stories');
  const report = buildReport(analysed, stories, problems, generator());
  await writeOutput(renderReport(report, options), options.out);
  if (!options.quiet) {
    process.stderr.write(
      `corroborate: ${plural(analysed.length, 'article')}, ${plural(stories.length, 'story', 'stories')}` +
        `${options.out ? `; report written to ${options.out}` : ''}\n`,
    );
  }
  return { analysed: analysed.length, skipped: problems.length };
}

/** Streams: one analysed article out per article in, so memory does not grow with the input. */
async function runExtract(options: CliOptions, onProblem: (problem: InputProblem) => void): Promise<Outcome> {
  const sink = openLineSink(options.out);
  const asArray = options.format === 'json';
  let analysed = 0;
  let skipped = 0;
  for await (const item of readInputs(options.inputs, { stdin: process.stdin })) {
    if (isProblem(item)) {
      if (!item.kept) skipped++;
      onProblem(item);
      continue;
    }
    const { article, ...findings } = analyse(item);
    const record = JSON.stringify({ ...article, ...findings }, null, asArray ? 2 : undefined);
    await sink.write(asArray ? `${analysed === 0 ? '[\n' : ',\n'}${record}` : `${record}\n`);
    analysed++;
  }
  if (asArray && analysed > 0) await sink.write('\n]\n');
  await sink.close();
  return { analysed, skipped };
}

/** `cluster`: one line per story `{story, articles}`, biggest first (the same shape as corpus mode's `stories`). */
async function runCluster(options: CliOptions, onProblem: (problem: InputProblem) => void): Promise<Outcome> {
  // The story decision reads each article's signature only: no full analysis needed.
  const { articles, problems } = await readArticles(options.inputs, { stdin: process.stdin, onProblem });
  if (articles.length === 0) return { analysed: 0, skipped: problems.length };
  const stories = clusterStories(articles);
  await writeOutput(stories.map((s) => `${JSON.stringify({ story: s.id, articles: s.articles })}\n`).join(''), options.out);
  return { analysed: articles.length, skipped: problems.length };
}

/** `align`, `check`, `derive`: JSON lines in, one result line out per good line, streamed. */
async function runTask(name: BatchTaskName, options: CliOptions, onProblem: (problem: InputProblem) => void): Promise<Outcome> {
  const task = await loadTask(name, { encoder: options.encoder, cacheDir: options.cacheDir ?? defaultCacheDir() });
  const sink = openLineSink(options.out);
  const outcome = await runBatch(task, options.inputs[0]!, sink, onProblem);
  await sink.close();
  return outcome;
}


