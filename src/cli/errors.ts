/** A mistake in how the command was called: one line to stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The output could not be written (bad --out path, closed pipe): exit code 3. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** Exit codes, documented in `--help` and the README. */
export const EXIT = {
  ok: 0,
  /** No input could be analysed (every input given was skipped). */
  nothingAnalysed: 1,
  usage: 2,
  output: 3,
  /** The store (--db) could not be opened or used, or the story asked for is not in it. */
  store: 4,
  /** The report queue (--queue) could not be reached. */
  queue: 5,
  /** A bug: please report it (run with --debug for the stack trace). */
  internal: 70,
} as const;
