// Leases: of several instances (here two processes' clients on one database file), exactly one
// holds a name at a time; it renews it; another takes over only once it has expired.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { createApp, type App } from '../../src/app.js';
import { acquireLease, leaseHolder, releaseLease } from '../../src/db/lease.js';

const T0 = new Date('2026-11-02T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let app: TestApp;
let other: App;

beforeEach(async () => {
  app = await makeTestApp({}, { seed: false });
  other = await createApp(app.config, { seed: false });
});
afterEach(async () => {
  await other.close();
  await app.close();
});

describe('leases', () => {
  it('one holder at a time; renewed by its holder; taken over only after it expired', async () => {
    expect(await acquireLease(app.db, 'x', 'a', 10_000, at(0))).toEqual({ previous: null });
    expect(await acquireLease(other.db, 'x', 'b', 10_000, at(5_000))).toBeNull();
    expect(await acquireLease(app.db, 'x', 'a', 10_000, at(8_000))).toEqual({ previous: null }); // renewed to 18 s
    expect(await acquireLease(other.db, 'x', 'b', 10_000, at(15_000))).toBeNull();
    expect(await leaseHolder(other.db, 'x', at(15_000))).toBe('a');
    expect(await acquireLease(other.db, 'x', 'b', 10_000, at(18_001))).toEqual({ previous: 'a' });
    expect(await acquireLease(app.db, 'x', 'a', 10_000, at(18_002))).toBeNull();
    expect(await leaseHolder(app.db, 'x', at(18_002))).toBe('b');
  });

  it('of many instances racing for a free or expired lease, exactly one gets it', async () => {
    // Interleaved on one connection (two in one process would wait on each other's locks
    // synchronously): each read-then-update pair overlaps the others'.
    const race = (now: Date) => Promise.all(Array.from({ length: 12 }, (_, i) => acquireLease(app.db, 'race', `h${i}`, 1_000, now)));
    expect((await race(at(0))).filter(Boolean)).toHaveLength(1);
    // Expired: one wins again (the old holder renewing, or another taking over).
    expect((await race(at(5_000))).filter(Boolean)).toHaveLength(1);
  });

  it('a released lease is free at once, and only its holder can release it', async () => {
    await acquireLease(app.db, 'y', 'a', 60_000, at(0));
    await releaseLease(other.db, 'y', 'b');
    expect(await leaseHolder(app.db, 'y', at(1))).toBe('a');
    await releaseLease(app.db, 'y', 'a');
    expect(await leaseHolder(app.db, 'y', at(1))).toBeNull();
    expect(await acquireLease(other.db, 'y', 'b', 60_000, at(2))).toEqual({ previous: null });
  });
});
