// One active sender per messenger account: two instances (two clients on one database file)
// each run a dispatcher with sender leases; only the holder sends; when it stops renewing (as
// after a SIGKILL) the other takes over once the lease has expired, sends what was left,
// including what the dead holder had in flight, and nothing twice otherwise.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { createApp, type App } from '../../src/app.js';
import { FakeClock } from '../../src/shared/clock.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { SenderLeases, senderLeaseName } from '../../src/outbox/leases.js';
import { FakeSender, never, type Delivery } from './fake-sender.js';

const T0 = new Date('2026-11-02T02:00:00Z');
/** The default LEASE_SECONDS: a dead holder is replaced within it plus a third (20 s, under 30). */
const SENDER_LEASE_TTL_MS = 15_000;

let app: TestApp;
let other: App;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock(T0);
  app = await makeTestApp({}, { clock, seed: false });
  other = await createApp(app.config, { clock, seed: false });
});
afterEach(async () => {
  await other.close();
  await app.close();
});

async function queue(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const to = await app.db.account.create({ data: { channel: 'telegram', externalId: `c${i}` } });
    await enqueue(app.db, { to, reply: { text: `m${i}` } });
  }
}

function instance(on: App, holder: string, delivered: Delivery[]) {
  const sender = new FakeSender(clock, { perSecond: 1e6 }, 'telegram', delivered);
  sender.account = '123';
  const leases = new SenderLeases(on, [sender], { holder });
  const dispatcher = new OutboxDispatcher(on, { senders: [sender], leases, pacing: false });
  return { sender, leases, dispatcher };
}

describe('sender leases', () => {
  it('takes over within 30 s by default', () => {
    expect(app.config.LEASE_SECONDS * 1000).toBe(SENDER_LEASE_TTL_MS);
    expect(SENDER_LEASE_TTL_MS + SENDER_LEASE_TTL_MS / 3).toBeLessThanOrEqual(30_000);
  });

  it('names the lease after the messenger account', () => {
    expect(senderLeaseName({ channel: 'zalo', account: '99' })).toBe('sender:zalo:99');
    expect(senderLeaseName({ channel: 'telegram' })).toBe('sender:telegram');
  });

  it('only the holder sends; the other instance sends nothing while the lease is renewed', async () => {
    await queue(6);
    const delivered: Delivery[] = [];
    const a = instance(app, 'a', delivered);
    const b = instance(other, 'b', delivered);
    await a.leases.tick();
    await b.leases.tick();
    expect(a.leases.heldNames()).toEqual(['sender:telegram:123']);
    expect(b.leases.heldNames()).toEqual([]);
    await b.dispatcher.drain();
    expect(b.sender.calls).toBe(0);
    await a.dispatcher.drain();
    expect(delivered.map((d) => d.text).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('a holder that stops renewing is taken over after the lease expires; its in-flight pushes go at once', async () => {
    await queue(8);
    const delivered: Delivery[] = [];
    const a = instance(app, 'a', delivered);
    // The holder "dies" after 3 sends: the next ones never come back, and it renews nothing more.
    a.sender.answer = (_c, _r, n) => (n <= 3 ? 'deliver' : never());
    await a.leases.tick();
    void a.dispatcher.drain();
    await expect.poll(() => a.sender.calls).toBeGreaterThanOrEqual(4);
    const inFlight = await app.db.outboxMessage.count({ where: { status: 'sending' } });
    expect(inFlight).toBeGreaterThan(0);

    const b = instance(other, 'b', delivered);
    await b.leases.tick();
    expect(b.leases.heldNames()).toEqual([]); // still a's
    clock.advance(SENDER_LEASE_TTL_MS - 1);
    await b.leases.tick();
    expect(b.leases.heldNames()).toEqual([]);
    // A holder stops starting sends before its lease runs out, so the two never overlap.
    expect(a.leases.holds('telegram')).toBe(false);
    clock.advance(2);
    await b.leases.tick();
    expect(b.leases.heldNames()).toEqual(['sender:telegram:123']);
    await b.dispatcher.drain();
    expect(delivered.map((d) => d.text).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(await other.db.outboxMessage.count({ where: { status: 'sent' } })).toBe(8);
  });

  it('an orderly stop gives the lease up: the other instance takes it at its next renewal', async () => {
    const delivered: Delivery[] = [];
    const a = instance(app, 'a', delivered);
    const b = instance(other, 'b', delivered);
    await a.leases.tick();
    await a.leases.stop();
    await b.leases.tick();
    expect(b.leases.heldNames()).toEqual(['sender:telegram:123']);
  });
});
