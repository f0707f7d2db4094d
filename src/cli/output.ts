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
