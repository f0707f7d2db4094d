import { readFileSync } from 'node:fs';
import type { InputProblem } from '../types.js';
import { parseCli, type CliOptions, type Command } from './args.js';
import { EXIT, OutputError, UsageError } from './errors.js';
import { HELP } from './help.js';
import { checkOutTarget } from './output.js';
import { formatProblem } from '../ingest/problem.js';
import { plural } from '../report/view.js';
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
  // Loaded only here: the analysis (compromise, chrono) and the report writers, which the store commands' own
  // thread does not need (every command starts faster without them).
  const { runFileCommand } = await import('./file-commands.js');
  const outcome = await runFileCommand(command, options, onProblem, generator);
  if (outcome.analysed === 0) {
    process.stderr.write(`corroborate: no article could be analysed (${plural(outcome.skipped, 'input')} skipped)\n`);
    return EXIT.nothingAnalysed;
  }
  if (outcome.skipped > 0) process.stderr.write(`corroborate: ${plural(outcome.skipped, 'input')} skipped\n`);
  return EXIT.ok;
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
