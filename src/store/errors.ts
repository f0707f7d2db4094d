/**
 * Errors a user can cause with the store (a bad `--db` path, a newer database, a wrong story id) are
 * StoreErrors: a one-line message naming the path or id, and a `code` the CLI maps to an exit code.
 * Anything else thrown from the store is a bug.
 */
export type StoreErrorCode =
  /** The path is a directory. */
  | 'is-directory'
  /** The file exists but is not an SQLite database. */
  | 'not-a-database'
  /** An SQLite database, but not a Corroborate store (another application's tables). */
  | 'not-a-store'
  /** The database was written by a newer version of Corroborate (schema newer than this code knows). */
  | 'too-new'
  /** Opened read-only, but the database needs a schema upgrade (open it once for writing). */
  | 'needs-upgrade'
  /** The file or its directory cannot be created or written (or does not exist, when read-only). */
  | 'unwritable'
  | 'missing'
  /** The database file is damaged. */
  | 'corrupt'
  /** Another process holds the write lock longer than the busy timeout. */
  | 'busy'
  /** Calls that name something that does not exist, or an id that is taken. */
  | 'no-such-article'
  | 'no-such-story'
  | 'story-exists';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** The database path, when the error is about it. */
    readonly path?: string,
  ) {
    super(message);
  }
}
