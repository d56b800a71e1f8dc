import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { FakeClock } from '../../src/shared/clock.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxDispatcher, type DispatcherOptions } from '../../src/outbox/dispatcher.js';
import { backoffMs, Gate } from '../../src/outbox/pacing.js';
import type { Account } from '../../src/generated/prisma/client.js';
import type { ChannelName } from '../../src/conversation/types.js';
import { FakeSender } from './fake-sender.js';

const T0 = new Date('2026-11-02T02:00:00Z');

let app: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock(T0);
  app = await makeTestApp({}, { clock });
});
afterEach(async () => {
  await app.close();
});

async function person(externalId: string, channel: ChannelName = 'telegram'): Promise<Account> {
  return app.db.account.create({ data: { channel, externalId } });
}

async function push(to: Account, text: string, extra: { dedupKey?: string; notBefore?: Date } = {}): Promise<void> {
  await enqueue(app.db, { to, reply: { text }, ...extra });
}

/** A dispatcher whose waits move the fake clock, so pacing and backoff run instantly. */
function dispatcher(sender: FakeSender, options: Partial<DispatcherOptions> = {}): OutboxDispatcher {
  return new OutboxDispatcher(app, {
    senders: [sender],
    random: () => 0.5,
    sleep: async (ms) => clock.advance(ms),
    ...options,
  });
}

const statuses = async () =>
  (await app.db.outboxMessage.findMany({ orderBy: { id: 'asc' } })).map((m) => m.status);

describe('outbox dispatcher', () => {
  it('sends due pushes oldest first, once, and leaves later ones for later', async () => {
    const a = await person('100');
    const b = await person('200');
    await push(a, 'one');
    await push(b, 'two');
    await push(a, 'later', { notBefore: new Date(T0.getTime() + 3600_000) });
    const sender = new FakeSender(clock, { perSecond: 1000 });
    const d = dispatcher(sender);
    await d.drain();
    expect(sender.delivered.map((m) => m.text)).toEqual(['one', 'two']);
    expect(await statuses()).toEqual(['sent', 'sent', 'pending']);
    await d.drain();
    expect(sender.calls).toBe(2);
    clock.advance(3600_000);
    await d.drain();
    expect(sender.delivered.map((m) => m.text)).toEqual(['one', 'two', 'later']);
  });

  it('paces one message per second per chat and the channel at its overall rate', async () => {
    const chats = [await person('1'), await person('2'), await person('3')];
    for (let i = 0; i < 4; i++) for (const c of chats) await push(c, `${c.externalId}:${i}`);
    const sender = new FakeSender(clock, { perSecond: 10, perChatPerSecond: 1 });
    await dispatcher(sender).drain();
    expect(sender.delivered).toHaveLength(12);
    for (const c of chats) {
      const times = sender.delivered.filter((m) => m.chatId === c.externalId).map((m) => m.at);
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1000);
      // per chat, in the order they were written
      expect(sender.delivered.filter((m) => m.chatId === c.externalId).map((m) => m.text)).toEqual(
        [0, 1, 2, 3].map((i) => `${c.externalId}:${i}`),
      );
    }
    const all = sender.delivered.map((m) => m.at);
    for (const t of all) expect(all.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(10 + 2);
    // Nothing idles: the whole batch takes the per-chat minimum, 3 s after the first send.
    expect(all[all.length - 1] - all[0]).toBeLessThan(3500);
  });

  it('sends everything at once with pacing off', async () => {
    const c = await person('1');
    for (let i = 0; i < 5; i++) await push(c, `m${i}`);
    const sender = new FakeSender(clock);
    await dispatcher(sender, { pacing: false }).drain();
    expect(sender.delivered.map((m) => m.at)).toEqual(Array(5).fill(T0.getTime()));
  });

  it('honours retry-after exactly, for the row and for the paused channel', async () => {
    await push(await person('1'), 'first');
    await push(await person('2'), 'second');
    await push(await person('3'), 'third');
    const sender = new FakeSender(clock, { perSecond: 1000, perChatPerSecond: 1 });
    sender.answer = (_chat, _reply, n) => (n === 1 ? { ok: false, kind: 'retry', error: '429 Too Many Requests', retryAfterMs: 7000 } : 'deliver');
    await dispatcher(sender).drain();
    const rows = await app.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    const sentAt = (text: string) => sender.delivered.find((m) => m.text === text)!.at - T0.getTime();
    expect(sentAt('second')).toBe(0); // already on its way when the 429 came
    // the refused one came back exactly when told; the channel waited as long
    expect(sentAt('first')).toBe(7000);
    expect(sentAt('third')).toBe(7000);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('backs off exponentially with jitter', async () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 0.5)).toBe(3000);
    expect(backoffMs(20, 1000, 60_000, () => 1)).toBe(60_000);

    await push(await person('1'), 'flaky');
    const sender = new FakeSender(clock, { perSecond: 1000 });
    sender.answer = () => ({ ok: false, kind: 'retry', error: 'socket hang up' });
    const d = dispatcher(sender, { backoffBaseMs: 1000 });
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await d.drain();
      const row = await app.db.outboxMessage.findFirstOrThrow();
      delays.push(row.nextAttemptAt.getTime() - clock.now().getTime());
      clock.set(row.nextAttemptAt);
    }
    expect(delays).toEqual([750, 1500, 3000, 6000]);
  });

  it('keeps a dead letter after the bounded number of tries, and at once for a permanent error', async () => {
    await push(await person('1'), 'never');
    await push(await person('2'), 'blocked');
    const sender = new FakeSender(clock, { perSecond: 1000 });
    sender.answer = (chat) =>
      chat === '1' ? { ok: false, kind: 'retry', error: 'HTTP 502' } : { ok: false, kind: 'permanent', error: 'bot was blocked by the user' };
    const d = dispatcher(sender, { maxAttempts: 3, backoffBaseMs: 1000 });
    for (let i = 0; i < 6; i++) {
      await d.drain();
      clock.advance(60_000);
    }
    const rows = await app.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ['dead', 3, 'HTTP 502'],
      ['dead', 1, 'bot was blocked by the user'],
    ]);
    expect(sender.calls).toBe(4);
  });

  it('uses OUTBOX_MAX_ATTEMPTS by default', async () => {
    expect(app.config.OUTBOX_MAX_ATTEMPTS).toBe(8);
    const other = await makeTestApp({ OUTBOX_MAX_ATTEMPTS: '2' }, { clock });
    try {
      const acc = await other.db.account.create({ data: { channel: 'telegram', externalId: '9' } });
      await enqueue(other.db, { to: acc, reply: { text: 'x' } });
      const sender = new FakeSender(clock, { perSecond: 1000 });
      sender.answer = () => ({ ok: false, kind: 'retry', error: 'down' });
      const d = new OutboxDispatcher(other, { senders: [sender] });
      for (let i = 0; i < 3; i++) {
        await d.drain();
        clock.advance(3600_000);
      }
      expect(sender.calls).toBe(2);
      expect((await other.db.outboxMessage.findFirstOrThrow()).status).toBe('dead');
    } finally {
      await other.close();
    }
  });

  it('holds pushes for an unreachable person and sends them when the person writes again', async () => {
    const zalo = await person('z1', 'zalo');
    await push(zalo, 'rating request');
    await push(zalo, 'reminder');
    const sender = new FakeSender(clock, { perSecond: 1000, perChatPerSecond: 1000 }, 'zalo');
    let reachable = false;
    sender.answer = () => (reachable ? 'deliver' : { ok: false, kind: 'unreachable', error: '-230 user has not interacted in 7 days' });
    const d = dispatcher(sender);
    await d.drain();
    expect(await statuses()).toEqual(['held', 'held']);
    expect(sender.calls).toBe(1); // the second one was held without a useless call
    expect((await app.db.account.findUniqueOrThrow({ where: { id: zalo.id } })).unreachableAt).not.toBeNull();
    clock.advance(3 * 24 * 3600_000);
    await d.drain();
    expect(sender.calls).toBe(1);

    // The person writes: the mark goes and what was held goes out.
    reachable = true;
    await app.conversation.handle({ channel: 'zalo', userId: 'z1', text: '/toi' });
    expect((await app.db.account.findUniqueOrThrow({ where: { id: zalo.id } })).unreachableAt).toBeNull();
    await d.drain();
    expect(sender.delivered.map((m) => m.text)).toEqual(['rating request', 'reminder']);
    expect(await statuses()).toEqual(['sent', 'sent']);
  });

  it('turns a throwing sender into a retry and a bad payload into a dead letter', async () => {
    const a = await person('1');
    await push(a, 'ok later');
    await app.db.outboxMessage.create({ data: { channel: 'telegram', chatId: '2', payload: '{not json', nextAttemptAt: T0 } });
    const sender = new FakeSender(clock, { perSecond: 1000 });
    sender.answer = (_c, _r, n) => {
      if (n === 1) throw new Error('ECONNRESET');
      return 'deliver';
    };
    await dispatcher(sender).drain();
    const rows = await app.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([
      ['pending', 'ECONNRESET'],
      ['dead', 'payload is not a stored Reply'],
    ]);
  });

  it('only sends the channels it has senders for, and only its chat when limited to one', async () => {
    await push(await person('t1'), 'telegram');
    await push(await person('z1', 'zalo'), 'zalo');
    await push(await person('t2'), 'other chat');
    const sender = new FakeSender(clock, { perSecond: 1000 });
    await dispatcher(sender, { chatId: 't1' }).drain();
    expect(sender.delivered.map((m) => m.text)).toEqual(['telegram']);
    await dispatcher(sender).drain();
    expect(sender.delivered.map((m) => m.text)).toEqual(['telegram', 'other chat']);
    expect(await statuses()).toEqual(['sent', 'pending', 'sent']);
  });

  it('start() sends in the background and stop() waits for the sends in flight', async () => {
    await push(await person('1'), 'background');
    const sender = new FakeSender(clock, { perSecond: 1000 });
    let release!: () => void;
    sender.answer = () => new Promise((resolve) => (release = () => resolve('deliver')));
    const d = new OutboxDispatcher(app, { senders: [sender], pollMs: 10 });
    d.start();
    await expect.poll(() => sender.calls).toBe(1);
    const stopped = d.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false); // still waiting for the send in flight
    release();
    await stopped;
    expect(await statuses()).toEqual(['sent']);
  });
});

describe('pacing gates', () => {
  it('space sends at the rate, let one come early after a late timer, and honour pauses', () => {
    const gate = new Gate(25, 2); // 40 ms apart
    gate.take(0);
    expect(gate.waitMs(0)).toBe(0); // the one early send
    gate.take(0);
    expect(gate.waitMs(0)).toBe(40);
    expect(gate.waitMs(40)).toBe(0);
    gate.take(50); // a timer 10 ms late…
    expect(gate.waitMs(50)).toBe(30); // …and the next is back on the 40 ms grid: nothing lost
    gate.take(80);
    expect(gate.waitMs(80)).toBe(40);
    gate.pauseUntil(5000);
    expect(gate.waitMs(200)).toBe(4800);

    const chat = new Gate(1);
    chat.take(0);
    expect(chat.waitMs(999)).toBe(1);
    expect(chat.waitMs(1000)).toBe(0);
  });
});
