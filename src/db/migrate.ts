// Applies the committed Prisma migrations at start-up: prisma/migrations on SQLite,
// prisma/postgresql/migrations on PostgreSQL. It writes the same `_prisma_migrations`
// bookkeeping as `prisma migrate deploy`, so either tool can take over, but needs no child
// process (start-up and per-test databases stay fast).
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
export const postgresMigrationsDir = fileURLToPath(new URL('../../prisma/postgresql/migrations', import.meta.url));

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Migrations of `dir` not in `done`, in name order. */
function pendingMigrations(dir: string, done: Set<string>): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .filter((name) => !done.has(name))
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const sqliteBookkeeping = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Applies pending migrations in name order, each in its own transaction. Returns their names. */
export function applyMigrations(sqlite: BetterSqlite3.Database, dir = migrationsDir): string[] {
  sqlite.exec(sqliteBookkeeping);
  const done = new Set(
    (sqlite.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL').all() as {
      migration_name: string;
    }[]).map((r) => r.migration_name),
  );
  const pending = pendingMigrations(dir, done);
  for (const { name, sql, checksum } of pending) {
    sqlite.transaction(() => {
      sqlite.exec(sql);
      sqlite
        .prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, 1)`,
        )
        .run(randomUUID(), checksum, name);
    })();
  }
  return pending.map((m) => m.name);
}

const postgresBookkeeping = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** First key of the advisory lock taken while migrating ("cqtt" in ASCII); the second is the schema's hash. */
const MIGRATION_LOCK = 0x63717474;

/**
 * Applies pending PostgreSQL migrations into `schema` (created if missing), each in its own
 * transaction, under a session advisory lock: instances starting together queue on the lock,
 * and the ones after the first find nothing left to do. The connection's search_path must
 * start with `schema`. Returns the names applied.
 */
export async function applyPostgresMigrations(client: pg.ClientBase, schema: string, dir = postgresMigrationsDir): Promise<string[]> {
  await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(postgresBookkeeping);
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
    );
    const pending = pendingMigrations(dir, new Set(rows.map((r) => r.migration_name)));
    for (const { name, sql, checksum } of pending) {
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
  }
}
