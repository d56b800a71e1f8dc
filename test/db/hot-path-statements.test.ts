// The hot path's per-message leases, queued updates and Zalo ledger, on the database the suite
// runs on (SQLite, and PostgreSQL in the postgresql project). Rows written by Prisma (another
// part of the service, another instance) and by these statements must agree on what a date is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/index.js';
import { testDatabase, type TestDatabase } from '../support/database.js';

let dir: string;
let database: TestDatabase;
let opened: OpenedDatabase;
const t0 = new Date('2026-12-01T03:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cqtt-hot-'));
  database = testDatabase(dir);
  opened = await openDatabase(database.url);
});
afterAll(async () => {
  await opened?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('leases taken per message', () => {
  it('one holder at a time; renewed by its holder; free once expired or released', async () => {
    const { hotPath } = opened;
    expect(await hotPath.takeLease('p:1', 'a', at(0), at(30))).toBe(true);
    expect(await hotPath.takeLease('p:1', 'b', at(10), at(40))).toBe(false);
    expect(await hotPath.takeLease('p:1', 'a', at(20), at(50))).toBe(true); // renewed to 50
    expect(await hotPath.takeLease('p:1', 'b', at(45), at(75))).toBe(false);
    expect(await hotPath.takeLease('p:1', 'b', at(50), at(80))).toBe(true); // expired: taken over
    await hotPath.releaseLease('p:1', 'a'); // no longer a's: nothing happens
    expect(await hotPath.takeLease('p:1', 'a', at(60), at(90))).toBe(false);
    await hotPath.releaseLease('p:1', 'b');
    expect(await hotPath.takeLease('p:1', 'a', at(61), at(91))).toBe(true);
  });

  it('respects a lease another instance wrote through Prisma', async () => {
    const { db, hotPath } = opened;
    await db.lease.create({ data: { name: 'p:2', holder: 'other', expiresAt: at(60) } });
    expect(await hotPath.takeLease('p:2', 'me', at(59.999), at(90))).toBe(false);
    expect(await hotPath.takeLease('p:2', 'me', at(60), at(90))).toBe(true);
    expect(await db.lease.findUnique({ where: { name: 'p:2' } })).toEqual({ name: 'p:2', holder: 'me', expiresAt: at(90) });
  });

  it('of many instances racing for a free lease, exactly one gets it', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => opened.hotPath.takeLease('p:race', `holder-${i}`, at(0), at(30))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('queued updates of one person', () => {
  it('are the unhandled ones of that person and channel, oldest first, as many as asked', async () => {
    const { hotPath } = opened;
    const queue = (id: string, userId: string, when: Date, channel = 'zalo') =>
      hotPath.claimUpdate(channel, id, { body: `{"id":"${id}"}`, userId }, when);
    await queue('q3', 'u1', at(3));
    await queue('q1', 'u1', at(1));
    await queue('q2b', 'u1', at(2));
    await queue('q2a', 'u1', at(2));
    await queue('other-person', 'u2', at(0));
    await queue('other-channel', 'u1', at(0), 'telegram');
    await queue('done', 'u1', at(0));
    await hotPath.finishUpdate('zalo', 'done', 'processed', at(4));

    const pending = await hotPath.pendingUpdates('zalo', 'u1', 10);
    expect(pending.map((p) => p.updateId)).toEqual(['q1', 'q2a', 'q2b', 'q3']);
    expect(pending[0]).toEqual({ updateId: 'q1', body: '{"id":"q1"}', receivedAt: at(1) });
    expect((await hotPath.pendingUpdates('zalo', 'u1', 2)).map((p) => p.updateId)).toEqual(['q1', 'q2a']);
  });
});

describe('the Zalo ledger', () => {
  it('reserves at most the free replies of the latest message while it is recent', async () => {
    const { hotPath } = opened;
    await hotPath.noteZaloMessage('z1', 'm1', at(0));
    const taken = await Promise.all(Array.from({ length: 10 }, () => hotPath.takeZaloFreeReply('z1', at(-1), 8)));
    expect(taken.filter((id) => id === 'm1')).toHaveLength(8);
    expect(taken.filter((id) => id === null)).toHaveLength(2);
    // One reply was not sent after all: it can be used again, once.
    await hotPath.giveBackZaloFreeReply('z1', 'm1');
    expect(await hotPath.takeZaloFreeReply('z1', at(-1), 8)).toBe('m1');
    expect(await hotPath.takeZaloFreeReply('z1', at(-1), 8)).toBeNull();
    // Too old: a message sent at or before `since` is not quoted.
    await hotPath.noteZaloMessage('z2', 'm2', at(0));
    expect(await hotPath.takeZaloFreeReply('z2', at(0), 8)).toBeNull();
    expect(await hotPath.takeZaloFreeReply('nobody', at(-1), 8)).toBeNull();
  });

  it('a newer message replaces the latest and resets its count; an older or the same one changes nothing', async () => {
    const { db, hotPath } = opened;
    await hotPath.noteZaloMessage('z3', 'm-new', at(10));
    expect(await hotPath.takeZaloFreeReply('z3', at(0), 8)).toBe('m-new');
    await hotPath.noteZaloMessage('z3', 'm-old', at(5)); // handled late
    await hotPath.noteZaloMessage('z3', 'm-new', at(10)); // seen twice
    expect(await db.zaloContact.findUnique({ where: { userId: 'z3' } })).toEqual({ userId: 'z3', messageId: 'm-new', messageAt: at(10), freeUsed: 1 });
    await hotPath.noteZaloMessage('z3', 'm-newer', at(20));
    expect(await db.zaloContact.findUnique({ where: { userId: 'z3' } })).toEqual({ userId: 'z3', messageId: 'm-newer', messageAt: at(20), freeUsed: 0 });
    await hotPath.giveBackZaloFreeReply('z3', 'm-newer'); // never below zero
    expect((await db.zaloContact.findUnique({ where: { userId: 'z3' } }))?.freeUsed).toBe(0);
  });

  it('adds to the month the counts of messages sent', async () => {
    const { db, hotPath } = opened;
    await hotPath.countZaloMessages('2026-12', { freeReplies: 1, paidMessages: 0, templateMessages: 0 });
    await Promise.all([
      hotPath.countZaloMessages('2026-12', { freeReplies: 1, paidMessages: 0, templateMessages: 0 }),
      hotPath.countZaloMessages('2026-12', { freeReplies: 0, paidMessages: 1, templateMessages: 0 }),
      hotPath.countZaloMessages('2026-12', { freeReplies: 0, paidMessages: 0, templateMessages: 1 }),
    ]);
    await hotPath.countZaloMessages('2027-01', { freeReplies: 0, paidMessages: 1, templateMessages: 0 });
    expect(await db.zaloUsage.findUnique({ where: { month: '2026-12' } })).toEqual({ month: '2026-12', freeReplies: 2, paidMessages: 1, templateMessages: 1 });
    expect(await db.zaloUsage.findUnique({ where: { month: '2027-01' } })).toEqual({ month: '2027-01', freeReplies: 0, paidMessages: 1, templateMessages: 0 });
  });
});
