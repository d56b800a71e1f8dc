// Two dispatchers (two processes) on one database, and a dispatcher killed mid-send: every push
// is delivered, and nothing twice except what the documented policy allows (a push the platform
// accepted just before a hard kill goes again, at most one per chat).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { createApp, type App } from '../../src/app.js';
import { FakeClock } from '../../src/shared/clock.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { FakeSender, never, type Delivery } from './fake-sender.js';

const T0 = new Date('2026-11-02T02:00:00Z');
const LEASE_MS = 60_000;

let app: TestApp;
let clock: FakeClock;
let second: App | null;

beforeEach(async () => {
  clock = new FakeClock(T0);
  app = await makeTestApp({}, { clock });
  second = null;
});
afterEach(async () => {
  await second?.close();
  await app.close();
});

/** Another process on the same database file. */
async function secondProcess(): Promise<App> {
  second = await createApp(app.config, { clock, seed: false });
  return second;
}

async function queue(messages: number, chats: number, on: App = app): Promise<void> {
  const accounts = [];
  for (let c = 0; c < chats; c++) accounts.push(await on.db.account.create({ data: { channel: 'telegram', externalId: `c${c}` } }));
  for (let i = 0; i < messages; i++) await enqueue(on.db, { to: accounts[i % chats], reply: { text: `m${i}` } });
}

function countsByText(delivered: Delivery[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of delivered) counts.set(d.text, (counts.get(d.text) ?? 0) + 1);
  return counts;
}

const everything = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`).sort();

describe('never twice, nothing lost', () => {
  it('two dispatchers in two processes on the same database deliver each push exactly once', async () => {
    // Real system clock here: the two processes must agree on time, as on a real machine.
    const shared = await makeTestApp();
    try {
      await queue(100, 25, shared);
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./dispatch-child.ts', import.meta.url)), shared.config.DATABASE_URL], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const lines = createInterface({ input: child.stdout! });
      const childDelivered: Delivery[] = [];
      let ready!: () => void;
      const isReady = new Promise<void>((resolve) => (ready = resolve));
      lines.on('line', (line) => (line === 'ready' ? ready() : childDelivered.push(JSON.parse(line))));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await isReady;

      const sender = new FakeSender(shared.clock, { perSecond: 1e6 });
      sender.answer = () => new Promise((resolve) => setTimeout(() => resolve('deliver'), 2));
      child.stdin!.end('go\n');
      await new OutboxDispatcher(shared, { senders: [sender], pacing: false, concurrency: 4 }).drain();
      expect(await exited).toBe(0);

      const all = [...sender.delivered, ...childDelivered];
      expect(sender.delivered.length).toBeGreaterThan(0);
      expect(childDelivered.length).toBeGreaterThan(0); // both really worked at the same time
      expect(all).toHaveLength(100);
      expect([...countsByText(all).keys()].sort()).toEqual(everything(100));
      expect(await shared.db.outboxMessage.count({ where: { status: 'sent' } })).toBe(100);
    } finally {
      await shared.close();
    }
  });

  it('a dispatcher killed before the platform got its sends: the next one delivers everything once', async () => {
    await queue(20, 10);
    const delivered: Delivery[] = [];
    const killed = new FakeSender(clock, { perSecond: 1e6 }, 'telegram', delivered);
    // After 6 sends the process "dies": the requests in flight never reach the platform.
    killed.answer = (_c, _r, n) => (n <= 6 ? 'deliver' : never());
    void new OutboxDispatcher(app, { senders: [killed], pacing: false, concurrency: 4, leaseMs: LEASE_MS }).drain();
    await expect.poll(() => killed.calls).toBeGreaterThanOrEqual(10);
    const inFlight = await app.db.outboxMessage.count({ where: { status: 'sending' } });
    expect(inFlight).toBeGreaterThan(0);

    const other = await secondProcess();
    const next = new OutboxDispatcher(other, {
      senders: [new FakeSender(clock, { perSecond: 1e6 }, 'telegram', delivered)],
      pacing: false,
      leaseMs: LEASE_MS,
    });
    await next.drain();
    // Rows the dead process had claimed are not taken over while their lease runs…
    expect(await other.db.outboxMessage.count({ where: { status: 'sending' } })).toBe(inFlight);
    expect(delivered).toHaveLength(20 - inFlight);
    // …and are sent once it has run out.
    clock.advance(LEASE_MS + 1);
    await next.drain();
    expect(delivered).toHaveLength(20);
    expect([...countsByText(delivered).keys()].sort()).toEqual(everything(20));
    expect(await other.db.outboxMessage.count({ where: { status: 'sent' } })).toBe(20);
  });

  it('a dispatcher killed after the platform accepted a send: at most that one goes twice', async () => {
    await queue(12, 12);
    const delivered: Delivery[] = [];
    const killed = new FakeSender(clock, { perSecond: 1e6 }, 'telegram', delivered);
    // Send 5 reaches the platform, then the process dies before it can write 'sent'.
    killed.answer = (chatId, reply, n) => {
      if (n < 5) return 'deliver';
      if (n === 5) delivered.push({ chatId, text: reply.text, at: clock.now().getTime() });
      return never();
    };
    void new OutboxDispatcher(app, { senders: [killed], pacing: false, concurrency: 3, leaseMs: LEASE_MS }).drain();
    await expect.poll(() => killed.calls).toBeGreaterThanOrEqual(7);

    const other = await secondProcess();
    clock.advance(LEASE_MS + 1);
    const next = new OutboxDispatcher(other, {
      senders: [new FakeSender(clock, { perSecond: 1e6 }, 'telegram', delivered)],
      pacing: false,
      leaseMs: LEASE_MS,
    });
    await next.drain();
    const counts = countsByText(delivered);
    expect([...counts.keys()].sort()).toEqual(everything(12));
    const twice = [...counts].filter(([, n]) => n > 1);
    expect(twice).toHaveLength(1);
    expect(twice[0][1]).toBe(2);
    const rows = await other.db.outboxMessage.findMany();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // the duplicate is the row that was in the air at the kill: tried twice
    const [duplicated] = twice[0];
    expect(rows.find((r) => JSON.parse(r.payload).text === duplicated)?.attempts).toBe(2);
  });

  it('an orderly stop leaves nothing ambiguous: the next start sends the rest at once', async () => {
    await queue(10, 10);
    const delivered: Delivery[] = [];
    const first = new FakeSender(clock, { perSecond: 1e6 }, 'telegram', delivered);
    const control = { stop: async () => undefined as void };
    first.answer = (_c, _r, n) => {
      if (n === 4) void control.stop();
      return new Promise((resolve) => setTimeout(() => resolve('deliver'), 2));
    };
    const d = new OutboxDispatcher(app, { senders: [first], pacing: false, concurrency: 2, pollMs: 5 });
    control.stop = () => d.stop();
    d.start();
    await expect.poll(() => first.calls).toBeGreaterThanOrEqual(4);
    await d.stop();
    expect(await app.db.outboxMessage.count({ where: { status: 'sending' } })).toBe(0);
    const sentBefore = delivered.length;
    expect(sentBefore).toBeLessThan(10);

    await new OutboxDispatcher(app, { senders: [new FakeSender(clock, { perSecond: 1e6 }, 'telegram', delivered)], pacing: false }).drain();
    expect(delivered.map((m) => m.text).sort()).toEqual(everything(10));
  });
});
