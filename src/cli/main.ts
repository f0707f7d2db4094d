import { readFileSync } from 'node:fs';
import type { InputProblem } from '../types.js';
import { analyse } from '../analyse/index.js';
import { compareAnalysed, defaultCacheDir, readAndAnalyse, readArticles } from '../pipeline.js';
import { clusterStories } from '../cluster/index.js';
import { runBatch } from './batch.js';
import { loadTask, type BatchTaskName } from './tasks/index.js';
import { buildReport } from '../report/build.js';
import { renderReport } from './render.js';
import { parseCli, type CliOptions, type Command } from './args.js';
import { EXIT, OutputError, UsageError } from './errors.js';
import { HELP } from './help.js';
import { checkOutTarget, openLineSink, writeOutput } from './output.js';
import { formatProblem, isProblem, readInputs } from '../ingest/index.js';
import { lexiconPack } from '../lang/lexicon/pack.js';

const VERSION = readVersion();
/** The commands that read or write the store (--db) and write a report (--out). */
const STORE_COMMANDS = ['ingest', 'stories', 'story', 'outlets', 'network'] as const;

function isStoreCommand(command: Command): command is (typeof STORE_COMMANDS)[number] {
  return (STORE_COMMANDS as readonly Command[]).includes(command);
}

/**
 * What a report says made it: the version, and the optional Russian lexicon pack when one is installed (it changes
 * cross-lingual alignment, so two reports of the same input differ with and without it).
 */
function generator(): string {
  const pack = lexiconPack();
  return `corroborate ${VERSION}${pack ? ` (Russian lexicon pack: ${Object.keys(pack).length.toLocaleString('en-US')} words)` : ''}`;
}

function readVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Runs the command line; returns the exit code. User errors never throw out of here. */
export async function main(argv: readonly string[]): Promise<number> {
  onClosedPipes();
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`corroborate: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  longRunning = options.command === 'worker' || options.command === 'serve';
  if (options.command === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (options.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  try {
    return await run(options.command, options);
  } catch (error) {
    if (error instanceof OutputError || error instanceof UsageError) {
      process.stderr.write(`corroborate: ${error.message}\n`);
      return error instanceof OutputError ? EXIT.output : EXIT.usage;
    }
    throw error;
  }
}

async function run(command: Command, options: CliOptions): Promise<number> {
  // `story` takes a story id, not a path.
  checkOutTarget(options.out, command === 'story' ? [] : options.inputs, isStoreCommand(command) ? options.db : null);
  const onProblem = (problem: InputProblem): void => {
    if (!options.quiet) process.stderr.write(`corroborate: ${problem.kept ? 'kept' : 'skipped'} ${formatProblem(problem)}\n`);
  };
  if (isStoreCommand(command)) {
    // Loaded only here: the store's native SQLite binding is not needed by the other commands.
    const { runCorpusCommand } = await import('./corpus.js');
    return runCorpusCommand(options, generator(), onProblem);
  }
  if (command === 'worker') {
    const { runWorker } = await import('./worker.js');
    return runWorker(options, generator());
  }
  if (command === 'lexicon') {
    const { runLexicon } = await import('./lexicon.js');
    return runLexicon(options);
  }
  if (command === 'serve') {
    // Loaded only here: the server and the store are not needed by the other commands.
    const { runServe } = await import('./serve.js');
    return runServe(options, generator());
  }
  const outcome =
    command === 'extract'
      ? await runExtract(options, onProblem)
      : command === 'compare'
        ? await runCompare(options, onProblem)
        : command === 'cluster'
          ? await runCluster(options, onProblem)
          : await runTask(command, options, onProblem);
  if (outcome.analysed === 0) {
    process.stderr.write(`corroborate: no article could be analysed (${plural(outcome.skipped, 'input')} skipped)\n`);
    return EXIT.nothingAnalysed;
  }
  if (outcome.skipped > 0) process.stderr.write(`corroborate: ${plural(outcome.skipped, 'input')} skipped\n`);
  return EXIT.ok;
}

interface Outcome {
  analysed: number;
  skipped: number;
}

async function runCompare(options: CliOptions, onProblem: (problem: InputProblem) => void): Promise<Outcome> {
  const { analysed, problems } = await readAndAnalyse(options.inputs, { stdin: process.stdin, onProblem });
  if (analysed.length === 0) return { analysed: 0, skipped: problems.length };
  const stories = await compareAnalysed(analysed, { encoder: options.encoder, cacheDir: options.cacheDir ?? defaultCacheDir() });
  const report = buildReport(analysed, stories, problems, generator());
  await writeOutput(renderReport(report, options), options.out);
  if (!options.quiet) {
    process.stderr.write(
      `corroborate: ${plural(analysed.length, 'article')}, ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}` +
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

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Whether the command runs until stopped (a server, a queue worker): it outlives whoever reads its output. */
let longRunning = false;

/**
 * A reader of standard output that goes away (`corroborate … | head`) has all it wants: the run stops there, quietly
 * and with exit 0, as Unix tools do, instead of dying on the stream's EPIPE error with a stack trace. A server or
 * a queue worker goes on (its output is a log; a supervisor restarts on failure, not on a closed log). Standard error
 * closing (`2>&1 | head`) stops nothing: the run finishes and writes its result, only its messages are lost. Other
 * write errors reach the writer (src/cli/output.ts: exit 3 with one line).
 */
function onClosedPipes(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' && !longRunning) process.exit(EXIT.ok);
  });
  process.stderr.on('error', () => {
    // Nothing to tell it to: ignored (the listener keeps the error from ending the run).
  });
}
