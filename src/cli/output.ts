import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { OutputError } from './errors.js';

/** Writes the rendered report to --out or standard output; failures become OutputError (exit 3). */
export async function writeOutput(content: string, out: string | null): Promise<void> {
  if (out === null) {
    await writeToStdout(content);
    return;
  }
  try {
    await writeFile(out, content, 'utf8');
  } catch (error) {
    throw outputError(out, error);
  }
}

/** A streaming output for line-by-line results. The file is created on the first write only. */
export interface LineSink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

export function openLineSink(out: string | null): LineSink {
  if (out === null) return { write: writeToStdout, close: async () => {} };
  let stream: WriteStream | null = null;
  let failure: unknown = null;
  const open = (): WriteStream => {
    if (!stream) {
      stream = createWriteStream(out, { encoding: 'utf8' });
      stream.on('error', (error) => {
        failure = error;
      });
    }
    return stream;
  };
  return {
    async write(chunk) {
      const s = open();
      if (failure) throw outputError(out, failure);
      if (!s.write(chunk)) await waitForDrainOrError(s);
      if (failure) throw outputError(out, failure);
    },
    async close() {
      const s = stream;
      if (!s) return;
      await new Promise<void>((resolve) => s.end(resolve));
      if (failure) throw outputError(out, failure);
    },
  };
}

function waitForDrainOrError(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}

function writeToStdout(content: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    process.stdout.write(content, (error) => (error ? reject(new OutputError(`cannot write to standard output: ${error.message}`)) : resolve()));
  });
}

function outputError(out: string, error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
  return new OutputError(`cannot write ${out}: ${reason}`);
}
