import { createWriteStream, realpathSync, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatOf, sameFile, statOrNull } from '../ingest/files.js';
import { OutputError, UsageError } from './errors.js';

/**
 * Refuses an --out that would overwrite what the command reads: the store file (`db`, when it is a file), an input
 * file, or a file an input folder's walk reads (src/ingest/files.ts: a known type, not under a dot-name). A report
 * written there would destroy the store or an article (the command reads its inputs before it writes, so nothing
 * would warn). A new file, or one the walk does not read (`report.json` in the folder), is allowed.
 */
export function checkOutTarget(out: string | null, inputs: readonly string[], db: string | null): void {
  if (out === null || out === '-') return;
  if (out === '') throw new UsageError('--out needs a file name');
  const target = statOrNull(out);
  if (db !== null && !/^[a-z][a-z0-9+.-]*:\/\//i.test(db) && sameFile(db, out)) throw new UsageError(`--out ${out} is the store (--db): the report would overwrite it`);
  for (const input of inputs) {
    if (input === '-') continue;
    if (sameFile(input, out)) throw new UsageError(`--out ${out} is an input: the report would overwrite it`);
    // A file the folder's walk reads (a known type, no dot-file or dot-folder on the way; links followed).
    if (target?.isFile() && formatOf(out).format !== null && statOrNull(input)?.isDirectory()) {
      const rel = relative(realOrSelf(input), realOrSelf(out));
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).some((part) => part.startsWith('.'))) {
        throw new UsageError(`--out ${out} is a file in the input folder ${input}: the report would overwrite it`);
      }
    }
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

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
    process.stdout.write(content, (error) => {
      // EPIPE: the reader went away (`| head`): main.ts's stream listener ends the run quietly; what is left unread
      // is not an error of this write.
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(new OutputError(`cannot write to standard output: ${error.message}`));
      else resolve();
    });
  });
}

function outputError(out: string, error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
  return new OutputError(`cannot write ${out}: ${reason}`);
}
