// Leases: work that one instance at a time must do (sending on a channel, refreshing the Zalo
// token). A lease is a row {name, holder, expiresAt}; it is
// taken or renewed with one conditional update ("mine already, or expired"), which one writer
// at a time wins on SQLite and on PostgreSQL alike, so of several instances exactly one holds
// it. A holder that dies simply stops renewing: the lease is free once expiresAt has passed.
// Times come from the services' clock: instances must agree on time (NTP), as they must for
// every other timestamp they share. The short leases taken for every message (one citizen's Zalo
// events) are the hot path's single statement instead (HotPath.takeLease), on the same rows.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from './index.js';
import { isUniqueViolation } from './index.js';

/**
 * This instance, as named in the lease rows it holds: its host and HTTP port when it has a fixed
 * one, so an instance restarted after a crash (same host, same port: there can only be one)
 * takes its predecessor's leases back at once instead of waiting for them to expire; otherwise
 * (tools, tests) unique to the process.
 */
export const instanceId =
  process.env.PORT && process.env.PORT !== '0'
    ? `${hostname()}:${process.env.PORT}`
    : `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export interface Acquired {
  /** The holder before this call (null: none, or it was this instance). */
  previous: string | null;
}

/**
 * Takes `name` for `holder` until now + ttlMs, or renews it when `holder` has it already.
 * Returns null when another holder's lease is still running.
 */
export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date,
): Promise<Acquired | null> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const renewed = await db.lease.updateMany({ where: { name, holder }, data: { expiresAt } });
  if (renewed.count === 1) return { previous: null };
  const current = await db.lease.findUnique({ where: { name } });
  if (!current) {
    try {
      await db.lease.create({ data: { name, holder, expiresAt } });
      return { previous: null };
    } catch (error) {
      if (isUniqueViolation(error)) return null; // another instance created it first
      throw error;
    }
  }
  if (current.expiresAt > now) return null;
  // Conditional on the row as read: of several instances taking over, one changes it.
  const taken = await db.lease.updateMany({
    where: { name, holder: current.holder, expiresAt: current.expiresAt },
    data: { holder, expiresAt },
  });
  return taken.count === 1 ? { previous: current.holder } : null;
}

/** Gives the lease up at once (an orderly stop), if `holder` still has it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}

/** Who holds `name` now, or null when nobody does. */
export async function leaseHolder(db: Db, name: string, now: Date): Promise<string | null> {
  const row = await db.lease.findUnique({ where: { name } });
  return row && row.expiresAt > now ? row.holder : null;
}
