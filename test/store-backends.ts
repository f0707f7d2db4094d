/**
 * The backends the store contract tests run on: SQLite always (a new file per store), and PostgreSQL when
 * CORROBORATE_TEST_PG names a database (`.ci/run` starts one): a new schema per store (`?schema=`), all dropped
 * when the test file ends.
 */
import { after } from 'node:test';
import { join } from 'node:path';
import { PgConnection } from '../src/store/pg-bridge.js';

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** Put before a test's name: '' for SQLite (names as they were), '[postgres] ' for PostgreSQL. */
  prefix: string;
  /** The location of a new, empty store. */
  location(): string;
}

export const TEST_PG_URL: string | null = process.env.CORROBORATE_TEST_PG || null;

let schemas = 0;
const created: string[] = [];

/** SQLite (stores as files in `dir`), then PostgreSQL if CORROBORATE_TEST_PG is set. */
export function storeBackends(dir: string): StoreBackend[] {
  let files = 0;
  const out: StoreBackend[] = [{ name: 'sqlite', prefix: '', location: () => join(dir, `store-${++files}.db`) }];
  const url = TEST_PG_URL;
  if (url) {
    out.push({
      name: 'postgres',
      prefix: '[postgres] ',
      location: () => {
        const schema = `test_${process.pid}_${++schemas}`;
        created.push(schema);
        return `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
      },
    });
    after(() => {
      if (created.length === 0) return;
      const conn = new PgConnection(url);
      try {
        for (const schema of created.splice(0)) conn.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        conn.close();
      }
    });
  }
  return out;
}
