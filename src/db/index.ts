// Opens the SQLite database: creates the file and its folder, turns on WAL and a busy
// timeout, applies migrations, and returns a Prisma client on the better-sqlite3 adapter.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations } from './migrate.js';
import { SqliteHotPath, type HotPath } from './hot-path.js';

export type Db = PrismaClient;
/** The transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export { Prisma } from '../generated/prisma/client.js';

/** How long a connection waits for another writer (busy.ts retries a transaction as long). */
export const BUSY_TIMEOUT_MS = 5000;

export function databasePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ''));
}

export interface OpenedDatabase {
  db: Db;
  /** Prepared statements on a second connection, for what every message runs. */
  hotPath: HotPath;
  path: string;
  close(): Promise<void>;
}

export async function openDatabase(url: string): Promise<OpenedDatabase> {
  const file = databasePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    applyMigrations(sqlite);
  } finally {
    sqlite.close();
  }
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  await db.$connect();
  // Per-connection pragmas for the adapter's own connection (WAL persists in the file).
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  const hot = new SqliteHotPath(file);
  return {
    db,
    hotPath: hot,
    path: file,
    close: async () => {
      hot.close();
      await db.$disconnect();
    },
  };
}

/** True when Prisma reports a unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
