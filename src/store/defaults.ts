/** The default database file name (in the working directory) when `--db` is not given. */
export const DEFAULT_STORE_FILE = 'corroborate.db';
