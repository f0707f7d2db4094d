import { writeFile } from 'node:fs/promises';
import { OutputError } from './errors.js';

/** Writes the rendered report to --out or standard output; failures become OutputError (exit 3). */
export async function writeOutput(content: string, out: string | null): Promise<void> {
  if (out === null) {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(content, (error) => (error ? reject(new OutputError(`cannot write to standard output: ${error.message}`)) : resolve()));
    });
    return;
  }
  try {
    await writeFile(out, content, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError(`cannot write ${out}: ${code === 'ENOENT' ? 'no such directory' : code ?? String(error)}`);
  }
}

/** One line per skipped input on stderr: `corroborate: skipped feed.jsonl:7: line is not JSON`. */
export function formatProblem(problem: { input: string; line?: number; message: string }): string {
  const where = problem.line === undefined ? problem.input : `${problem.input}:${problem.line}`;
  return `corroborate: skipped ${where}: ${problem.message}`;
}
