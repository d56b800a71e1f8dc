// Which database a suite runs on. `npm test` runs the suites on SQLite, and the database-layer
// suites again on PostgreSQL when TEST_POSTGRES_URL is set (vitest.config.ts): there
// TEST_DATABASE=postgresql, and every test database is a schema of its own in that database,
// dropped when the suite closes it.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

export const onPostgres = process.env.TEST_DATABASE === 'postgresql';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL schema on TEST_POSTGRES_URL; `drop` removes it and everything in it. */
export function postgresTestDatabase(): TestDatabase {
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error('TEST_POSTGRES_URL is not set');
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The database a test app in `dir` runs on: a file there, or a schema on PostgreSQL. */
export function testDatabase(dir: string, file = 'test.db'): TestDatabase {
  return onPostgres ? postgresTestDatabase() : { url: `file:${path.join(dir, file)}`, drop: async () => {} };
}
