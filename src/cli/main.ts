import { readFileSync } from 'node:fs';
import type { AnalysedArticle } from '../types.js';
import { compareAnalysed, defaultCacheDir, readAndAnalyse } from '../pipeline.js';
import { buildReport } from '../report/build.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { renderHtml } from '../report/html.js';
import { parseCli, type CliOptions } from './args.js';
import { EXIT, OutputError, UsageError } from './errors.js';
import { HELP } from './help.js';
import { writeOutput } from './output.js';
import { formatProblem } from '../ingest/index.js';

const VERSION = readVersion();

function readVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Runs the command line; returns the exit code. User errors never throw out of here. */
export async function main(argv: readonly string[]): Promise<number> {
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
  if (options.command === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (options.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof OutputError || error instanceof UsageError) {
      process.stderr.write(`corroborate: ${error.message}\n`);
      return error instanceof OutputError ? EXIT.output : EXIT.usage;
    }
    throw error;
  }
}

async function run(options: CliOptions): Promise<number> {
  const { analysed, problems } = await readAndAnalyse(options.inputs, {
    stdin: process.stdin,
    onProblem: (problem) => {
      if (!options.quiet) process.stderr.write(`corroborate: skipped ${formatProblem(problem)}\n`);
    },
  });
  if (analysed.length === 0) {
    process.stderr.write(`corroborate: no article could be analysed (${problems.length} input${problems.length === 1 ? '' : 's'} skipped)\n`);
    return EXIT.nothingAnalysed;
  }
  if (options.command === 'extract') {
    await writeOutput(renderExtract(analysed, options.format), options.out);
  } else {
    const stories = await compareAnalysed(analysed, { encoder: options.encoder, cacheDir: options.cacheDir ?? defaultCacheDir() });
    const report = buildReport(analysed, stories, problems, `corroborate ${VERSION}`);
    const content =
      options.format === 'json'
        ? renderJson(report)
        : options.format === 'html'
          ? renderHtml(report)
          : renderText(report, { color: options.color ?? (options.out === null && process.stdout.isTTY === true) });
    await writeOutput(content, options.out);
    if (!options.quiet) {
      process.stderr.write(
        `corroborate: ${analysed.length} article${analysed.length === 1 ? '' : 's'}, ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}` +
          `${options.out ? `; report written to ${options.out}` : ''}\n`,
      );
    }
  }
  if (problems.length > 0) process.stderr.write(`corroborate: ${problems.length} input${problems.length === 1 ? '' : 's'} skipped\n`);
  return EXIT.ok;
}

function renderExtract(analysed: AnalysedArticle[], format: CliOptions['format']): string {
  const records = analysed.map(({ article, ...findings }) => ({ ...article, ...findings }));
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
