// A database another writer holds. SQLite has one writer at a time; a transaction that starts
// reading and then wants to write cannot wait on the busy handler (its snapshot would be stale)
// and fails at once with SQLITE_BUSY. Such a transaction was rolled back whole, so it is safe
// to run again: whileBusy does that until the busy timeout has passed, then gives up with
// DatabaseBusy, which the HTTP server answers with 503 and Retry-After.
import { setTimeout as sleep } from 'node:timers/promises';
import { BUSY_TIMEOUT_MS } from './index.js';

/** What a client is told to wait before trying again, in seconds. */
export const BUSY_RETRY_AFTER_S = 5;

export class DatabaseBusy extends Error {
  readonly statusCode = 503;
  constructor() {
    super('the database is busy: try again shortly');
    this.name = 'DatabaseBusy';
  }
}

/** True for "another writer holds the database" from SQLite (or a lock timeout from PostgreSQL). */
export function isBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusy) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  const original = e.meta?.driverAdapterError?.cause?.originalCode ?? e.code ?? '';
  return /^SQLITE_(BUSY|LOCKED)/.test(original) || original === '55P03' || /database is locked/.test(e.message ?? '');
}

/**
 * Runs `work` (one whole transaction, or steps that are each safe to repeat) again while the
 * database is busy, up to `waitMs`; then throws DatabaseBusy.
 */
export async function whileBusy<T>(work: () => Promise<T>, waitMs = BUSY_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new DatabaseBusy();
      await sleep(Math.min(pause, left));
    }
  }
}
