// Outbox dispatch rate: N queued pushes drained from a real SQLite file, (1) with pacing off
// through an in-process sender (the dispatcher and database are the limit), (2) with pacing off
// through a fake Telegram Bot API on 127.0.0.1 reached with undici, and (3) with Telegram's
// pacing on (25/s overall, 1/s per chat), which must hold the rate at the platform's limit.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { createApp, type App } from '../src/app.js';
import { testConfig } from '../src/config/index.js';
import { enqueue } from '../src/outbox/enqueue.js';
import { OutboxDispatcher } from '../src/outbox/dispatcher.js';
import type { ChannelSender } from '../src/outbox/types.js';
import type { Account } from '../src/generated/prisma/client.js';

const UNPACED = 3_000;
const PACED = 200;
const PACED_CHATS = 50;
const CHATS = 500;
const TELEGRAM_PACE = { perSecond: 25, perChatPerSecond: 1 };

async function freshApp(): Promise<{ app: App; done(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-outbox-'));
  const app = await createApp(testConfig({ DATABASE_URL: `file:${path.join(dir, 'bench.db')}` }), { seed: false });
  return {
    app,
    async done() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function queue(app: App, messages: number, chats: number): Promise<void> {
  const accounts: Account[] = [];
  for (let c = 0; c < chats; c++) accounts.push(await app.db.account.create({ data: { channel: 'telegram', externalId: String(1e9 + c) } }));
  await app.db.$transaction(async (tx) => {
    for (let i = 0; i < messages; i++) await enqueue(tx, { to: accounts[i % chats], reply: { text: `Thông báo số ${i}` } });
  });
}

/** Drains N queued pushes through `sender`; returns msgs/s and the send times. */
async function run(sender: ChannelSender, messages: number, chats: number, pacing: boolean) {
  const { app, done } = await freshApp();
  try {
    await queue(app, messages, chats);
    const times: { chatId: string; at: number }[] = [];
    const timed: ChannelSender = {
      ...sender,
      send: async (chatId, reply) => {
        times.push({ chatId, at: performance.now() });
        return sender.send(chatId, reply);
      },
    };
    const started = performance.now();
    await new OutboxDispatcher(app, { senders: [timed], pacing }).drain();
    const seconds = (performance.now() - started) / 1000;
    const sent = await app.db.outboxMessage.count({ where: { status: 'sent' } });
    if (sent !== messages) throw new Error(`only ${sent} of ${messages} sent`);
    return { rate: messages / seconds, times };
  } finally {
    await done();
  }
}

/** A Bot API that accepts every sendMessage at once. */
async function fakeBotApi(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}` };
}

function httpSender(pool: Pool): ChannelSender {
  return {
    channel: 'telegram',
    pace: TELEGRAM_PACE,
    async send(chatId, reply) {
      const res = await pool.request({
        path: '/bot123:bench/sendMessage',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: chatId, text: reply.text }),
      });
      const body = (await res.body.json()) as { ok: boolean; description?: string };
      return body.ok ? { ok: true } : { ok: false, kind: 'retry', error: body.description ?? 'not ok' };
    },
  };
}

function mostInOneSecond(times: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function closestPerChat(times: { chatId: string; at: number }[]): number {
  const last = new Map<string, number>();
  let closest = Infinity;
  for (const { chatId, at } of times) {
    const before = last.get(chatId);
    if (before !== undefined) closest = Math.min(closest, at - before);
    last.set(chatId, at);
  }
  return closest;
}

export async function benchOutbox(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const inProcess: ChannelSender = { channel: 'telegram', pace: TELEGRAM_PACE, send: async () => ({ ok: true }) };
  const unpaced = await run(inProcess, UNPACED, CHATS, false);

  const api = await fakeBotApi();
  const pool = new Pool(api.url, { connections: 16 });
  let overHttp: Awaited<ReturnType<typeof run>>;
  try {
    overHttp = await run(httpSender(pool), UNPACED, CHATS, false);
  } finally {
    await pool.close();
    api.server.close();
  }

  // Four messages per chat, so that both the per-chat and the overall limit are tested.
  const paced = await run(inProcess, PACED, PACED_CHATS, true);
  const pacedTimes = paced.times.map((t) => t.at);
  return {
    name: 'Outbox dispatch (SQLite file, claim + mark per message)',
    figures: {
      [`pacing off, in-process sender, ${UNPACED} msgs to ${CHATS} chats (msgs/s)`]: Math.round(unpaced.rate),
      [`pacing off, fake Bot API on 127.0.0.1 via undici (msgs/s)`]: Math.round(overHttp.rate),
      [`pacing on (Telegram 25/s, 1/s per chat), ${PACED} msgs to ${PACED_CHATS} chats (msgs/s)`]: Number(paced.rate.toFixed(1)),
      'pacing on: most sends in any 1 s window': mostInOneSecond(pacedTimes),
      'pacing on: closest two sends to one chat (ms)': Math.round(closestPerChat(paced.times)),
    },
  };
}
