// What `/healthz` reports. The database (writable, not merely readable) decides the status code; other
// parts (the Redis of the shared limits, this instance's sender leases) plug in as HealthPart
// values given to buildServer, each reported under its name.
import type { Services } from '../services.js';
import { whileBusy } from '../db/busy.js';

class RollBack extends Error {}

/**
 * Up means writable: a tiny write in a transaction that is rolled back, so a database that can
 * be read but not written (lock held, disk full, read-only file) is reported as down.
 */
async function canWrite(services: Pick<Services, 'db'>): Promise<void> {
  await whileBusy(async () => {
    try {
      await services.db.$transaction(async (tx) => {
        await tx.auditLog.create({ data: { action: 'healthz' } });
        throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
  });
}

export interface HealthPart {
  /** Its key in the /healthz answer. */
  readonly name: string;
  /** The part's state as JSON (e.g. 'up', or `{ telegram: true }`). Throwing reports it 'down'. */
  read(): Promise<unknown>;
  /** A critical part that is down makes the answer 503 (a load balancer then takes the instance out). */
  readonly critical?: boolean;
}

export interface HealthAnswer {
  status: 200 | 503;
  body: { ok: boolean; db: 'up' | 'down'; provider: string } & Record<string, unknown>;
}

export async function health(services: Pick<Services, 'db' | 'log'>, provider: string, parts: readonly HealthPart[]): Promise<HealthAnswer> {
  let ok = true;
  let db: 'up' | 'down' = 'up';
  try {
    await canWrite(services);
  } catch (error) {
    services.log.warn({ err: error }, 'healthz: the database cannot be written');
    ok = false;
    db = 'down';
  }
  const body: HealthAnswer['body'] = { ok, db, provider };
  for (const part of parts) {
    try {
      body[part.name] = await part.read();
    } catch {
      body[part.name] = 'down';
      if (part.critical) ok = false;
    }
  }
  body.ok = ok;
  return { status: ok ? 200 : 503, body };
}

/** The shared limits' Redis, when configured. Not critical: while it is down each instance counts on its own. */
export function redisHealth(services: Pick<Services, 'redis'>): HealthPart[] {
  const redis = services.redis;
  return redis ? [{ name: 'redis', read: () => redis.status() }] : [];
}

/** The sender leases this instance holds (one instance sends per messenger account). */
export function senderLeasesHealth(heldNames: () => string[]): HealthPart {
  return { name: 'senderLeases', read: async () => heldNames() };
}
