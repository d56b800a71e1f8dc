// Applies the committed Prisma migrations at start-up. It writes the same `_prisma_migrations`
// bookkeeping as `prisma migrate deploy`, so either tool can take over, but needs no child
// process (start-up and per-test databases stay fast).
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

export const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

const bookkeeping = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
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
  sqlite.exec(bookkeeping);
  const done = new Set(
    (sqlite.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL').all() as {
      migration_name: string;
    }[]).map((r) => r.migration_name),
  );
  const pending = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .filter((name) => !done.has(name));
  for (const name of pending) {
    const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
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
  return pending;
}
