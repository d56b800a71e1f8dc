// Opens the SQLite database: creates the file and its folder, turns on WAL and a busy
// timeout, applies migrations, and returns a Prisma client on the better-sqlite3 adapter.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations } from './migrate.js';
import { HotPath } from './hot-path.js';

export type Db = PrismaClient;
/** The transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export { Prisma } from '../generated/prisma/client.js';

const BUSY_TIMEOUT_MS = 5000;

export function databasePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ''));
}

export interface OpenedDatabase {
  db: Db;
  path: string;
  close(): Promise<void>;
}

const hotPaths = new WeakMap<Db, HotPath>();

/** Gives a derived client (`db.$extends(…)`) the prepared statements of the one it wraps. */
export function shareHotPath(from: Db, to: Db): void {
  hotPaths.set(to, hotPath(from));
}

/** The prepared statements that travel with a database handle (see hot-path.ts). */
export function hotPath(db: Db): HotPath {
  const hot = hotPaths.get(db);
  if (!hot) throw new Error('database was not opened with openDatabase');
  return hot;
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
  const hot = new HotPath(file);
  hotPaths.set(db, hot);
  return {
    db,
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
