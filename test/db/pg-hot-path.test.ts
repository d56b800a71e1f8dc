// The hot path on PostgreSQL: a message handled at once costs two round trips (the claim reads
// the sender's account and dialogue; the outcome is recorded at the end), and what the claim
// read is never served after it changed. Needs TEST_POSTGRES_URL (skipped without it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { openDatabase, type OpenedDatabase } from '../../src/db/index.js';
import { PgHotPath } from '../../src/db/pg-hot-path.js';
import { postgresPool, postgresTarget } from '../../src/db/postgres.js';
import { postgresTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let opened: OpenedDatabase;
let pool: pg.Pool;
let hot: PgHotPath;
let roundTrips = 0;

describe.skipIf(!process.env.TEST_POSTGRES_URL)('PgHotPath', () => {
  beforeAll(async () => {
    database = postgresTestDatabase();
    opened = await openDatabase(database.url);
    pool = postgresPool(postgresTarget(database.url));
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: unknown }).query = (...args: unknown[]) => {
      roundTrips++;
      return query(...args);
    };
    hot = new PgHotPath(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await opened?.close();
    await database?.drop();
  });

  it('claims, finds the account and the dialogue, and records the outcome in two round trips', async () => {
    const created = await hot.createAccount('telegram', 'u1', 'vi', 'An', new Date('2026-12-01T01:02:03.456Z'));
    await hot.saveDialogue('telegram', 'u1', { flow: 'rate', step: 'q1', data: '{"a":1}' }, new Date('2026-12-01T02:00:00.000Z'));
    roundTrips = 0;
    const now = new Date('2026-12-01T03:00:00.000Z');
    expect(await hot.claimUpdate('telegram', '100', null, now, new Date('2026-12-01T00:00:00Z'), 'u1')).toBe(true);
    expect(await hot.findAccount('telegram', 'u1')).toEqual(created);
    expect(await hot.findDialogue('telegram', 'u1')).toEqual({ flow: 'rate', step: 'q1', data: '{"a":1}', updatedAt: new Date('2026-12-01T02:00:00.000Z') });
    await hot.finishUpdate('telegram', '100', 'processed', now);
    expect(roundTrips).toBe(2);
    // The rows read with the claim serve once; the next reads go to the database.
    expect(await hot.findAccount('telegram', 'u1')).toEqual(created);
    expect(roundTrips).toBe(3);
  });

  it('a second sighting claims nothing; a dialogue written after the claim is read from the database', async () => {
    const now = new Date('2026-12-01T04:00:00.000Z');
    expect(await hot.claimUpdate('telegram', '200', null, now, undefined, 'u2')).toBe(true);
    expect(await hot.claimUpdate('telegram', '200', null, now, undefined, 'u2')).toBe(false);
    expect(await hot.findAccount('telegram', 'u2')).toBeNull();
    await hot.saveDialogue('telegram', 'u2', { flow: 'f', step: 's', data: '{}' }, now);
    expect(await hot.findDialogue('telegram', 'u2')).toMatchObject({ flow: 'f', step: 's' });
  });
});
