// Webhook throughput: the real service (src/main.ts, its own process, temp SQLite file,
// webhook mode, Bot API faked on 127.0.0.1) answering citizens' questions POSTed by
// autocannon to /telegram/webhook, each with a fresh update_id; then, in the same run and
// with the same load, a bare node:http + better-sqlite3 INSERT server as the floor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FakeTelegram, FAKE_TOKEN } from '../test/support/fake-telegram.js';
import { textUpdate } from '../test/support/telegram-updates.js';
import { runIfMain, startFloor, startService } from './support/service.js';
import { fire, type Fired } from './support/fire.js';
import { QUESTIONS } from './support/questions.js';

const SECRET = 'bench-webhook-secret';
const DURATION_S = 5;
const CONNECTIONS = 32;
/** Chats the questions come from: enough that no one hits the per-person flood limit. */
const CHATS = 5_000;


interface Load extends Fired {
  /** Responses that carried the answer (webhook reply). */
  answered: number;
}

let nextUpdateId = 1;

async function fireQuestions(url: string, durationS: number): Promise<Load> {
  let answered = 0;
  const load = await fire({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    requests: [
      {
        setupRequest: (request) => {
          const id = nextUpdateId++;
          const update = { ...textUpdate(100_000 + (id % CHATS), QUESTIONS[id % QUESTIONS.length]), update_id: id };
          return { ...request, body: JSON.stringify(update) };
        },
        onResponse: (_status, body) => {
          if (body.includes('"sendMessage"')) answered++;
        },
      },
    ],
  });
  return { ...load, answered };
}

async function measureService(dir: string): Promise<Load & { processed: number; failed: number }> {
  const fake = await FakeTelegram.start();
  const dbFile = path.join(dir, 'service.db');
  try {
    const service = await startService(dbFile, {
      PUBLIC_URL: 'self',
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    try {
      await fake.waitFor('setWebhook', () => true, 30_000);
      const url = `http://127.0.0.1:${service.port}/telegram/webhook`;
      await fireQuestions(url, 1); // warm-up: JIT, search index, SQLite cache
      const load = await fireQuestions(url, DURATION_S);
      await service.stop();
      const db = new Database(dbFile, { readonly: true });
      const count = (status: string) =>
        (db.prepare('SELECT COUNT(*) AS n FROM InboundUpdate WHERE status = ?').get(status) as { n: number }).n;
      const outcome = { processed: count('processed'), failed: count('failed') };
      db.close();
      return { ...load, ...outcome };
    } finally {
      await service.stop();
    }
  } finally {
    await fake.close();
  }
}

async function measureFloor(dir: string): Promise<Load> {
  const floor = await startFloor(path.join(dir, 'floor.db'));
  try {
    const url = `http://127.0.0.1:${floor.port}/telegram/webhook`;
    await fireQuestions(url, 1);
    return await fireQuestions(url, DURATION_S);
  } finally {
    await floor.stop();
  }
}

export async function benchWebhook(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-webhook-'));
  try {
    const service = await measureService(dir);
    const floor = await measureFloor(dir);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      name: `Telegram webhook: ${QUESTIONS.length} different questions, ${CONNECTIONS} connections, ${DURATION_S} s`,
      figures: {
        'service updates/s': Math.round(service.perSecond),
        'service p50 latency (ms)': round(service.p50),
        'service p99 latency (ms)': round(service.p99),
        'service errors (non-2xx, timeouts)': service.errors,
        'answers in the webhook reply': service.answered,
        'updates processed / failed in InboundUpdate': `${service.processed} / ${service.failed}`,
        'floor updates/s (node:http + INSERT)': Math.round(floor.perSecond),
        'floor p50 latency (ms)': round(floor.p50),
        'floor p99 latency (ms)': round(floor.p99),
        'service / floor throughput': Math.round((service.perSecond / floor.perSecond) * 1000) / 1000,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, benchWebhook);
