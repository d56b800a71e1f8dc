// Opens the database named by DATABASE_URL: `file:…` is an SQLite file (created, WAL, busy
// timeout), `postgresql://…` a PostgreSQL database (the URL's `?schema=` names the schema).
// Either way migrations are applied first and a Prisma client and the hot path come back.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-pg/client.js';
import { applyMigrations, applyPostgresMigrations } from './migrate.js';
import { SqliteHotPath, type HotPath } from './hot-path.js';
import { PgHotPath } from './pg-hot-path.js';
import { postgresPool, postgresTarget, redactUrl } from './postgres.js';

/**
 * The Prisma client, typed by the SQLite schema. The PostgreSQL client is generated from the
 * same models (prisma/postgresql/schema.prisma), so it answers the same calls with the same
 * shapes; only its provider differs (see README, Decisions).
 */
export type Db = PrismaClient;
/** The transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export { Prisma } from '../generated/prisma/client.js';

export type Provider = 'sqlite' | 'postgresql';

/** How long a connection waits for another writer (busy.ts retries a transaction as long). */
export const BUSY_TIMEOUT_MS = 5000;

export function databaseProvider(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${redactUrl(url)}")`);
}

export function databasePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ''));
}

export interface OpenedDatabase {
  db: Db;
  provider: Provider;
  /** Prepared statements for what every message runs. */
  hotPath: HotPath;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  path: string;
  close(): Promise<void>;
}

export function openDatabase(url: string): Promise<OpenedDatabase> {
  return databaseProvider(url) === 'sqlite' ? openSqlite(url) : openPostgres(url);
}

async function openSqlite(url: string): Promise<OpenedDatabase> {
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
  // A second connection of its own (see hot-path.ts).
  const hot = new SqliteHotPath(file);
  return {
    db,
    provider: 'sqlite',
    hotPath: hot,
    path: file,
    close: async () => {
      hot.close();
      await db.$disconnect();
    },
  };
}

async function openPostgres(url: string): Promise<OpenedDatabase> {
  const target = postgresTarget(url);
  const pool = postgresPool(target);
  try {
    const client = await pool.connect();
    try {
      await applyPostgresMigrations(client, target.schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const adapter = new PrismaPg(pool, { schema: target.schema });
  // Same models, other provider: the cast is where the two generated clients meet.
  const db = new PostgresPrismaClient({ adapter }) as unknown as Db;
  await db.$connect();
  return {
    db,
    provider: 'postgresql',
    hotPath: new PgHotPath(pool),
    path: redactUrl(url),
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

/** True when Prisma reports a unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
