// Scale: mixed citizen load (questions, /start, /help from many chats) through the Telegram
// webhook of the real service, side by side for (a) one instance on SQLite, (b) one on
// PostgreSQL, (c) two on PostgreSQL sharing one database with the load split between them;
// each with updates/s, p50/p99 latency and CPU milliseconds per update (user + system time of
// the service processes, from /proc). Then the national reminder round (3,321 communes × 5
// criteria) composed on each database. PostgreSQL comes from BENCH_POSTGRES_URL or
// TEST_POSTGRES_URL (each run in a schema of its own, dropped after); without one those rows
// say skipped. BENCH_SCALE_SECONDS shortens the load (default 5).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config/index.js';
import { sendMonthlyReminders } from '../src/criteria/reminders.js';
import { FakeTelegram, FAKE_TOKEN } from '../test/support/fake-telegram.js';
import { textUpdate } from '../test/support/telegram-updates.js';
import { runIfMain, startService, type RunningService } from './support/service.js';
import { fire, type Fired } from './support/fire.js';
import { QUESTIONS } from './support/questions.js';
import { populate } from './reminders.js';

const SECRET = 'bench-scale-secret';
const DURATION_S = Number(process.env.BENCH_SCALE_SECONDS ?? 5);
const CONNECTIONS = 32;
const WARM_UP_S = 3;
const CHATS = 5_000;
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

let nextUpdateId = 1;

/** A citizen's message: mostly questions, some /start and /help. */
function mixedUpdate(): string {
  const id = nextUpdateId++;
  const pick = id % 10;
  const text = pick === 0 ? '/start' : pick === 1 ? '/help' : QUESTIONS[id % QUESTIONS.length];
  return JSON.stringify({ ...textUpdate(100_000 + (id % CHATS), text), update_id: id });
}

function cpuMs(service: RunningService): number {
  const fields = readFileSync(`/proc/${service.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line; 12 and 13 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
}

function load(url: string, connections: number, durationS: number): Promise<Fired> {
  return fire({
    url,
    connections,
    duration: durationS,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    requests: [{ setupRequest: (request) => ({ ...request, body: mixedUpdate() }) }],
  });
}

interface Row {
  perSecond: number;
  p50: number;
  p99: number;
  cpuMsPerUpdate: number;
  errors: number;
}

/** A database for one configuration, and how to drop it. */
function database(kind: 'sqlite' | 'postgres', dir: string): { url: string; drop(): Promise<void> } {
  if (kind === 'sqlite') return { url: `file:${path.join(dir, `scale-${randomBytes(3).toString('hex')}.db`)}`, drop: async () => undefined };
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(POSTGRES!);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    async drop() {
      const app = await createApp(testConfig({ DATABASE_URL: url.toString() }), { seed: false });
      try {
        await app.db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await app.close();
      }
    },
  };
}

/** `instances` services on one database, the connections split between them. */
async function measure(kind: 'sqlite' | 'postgres', instances: number, dir: string): Promise<Row> {
  const fake = await FakeTelegram.start();
  const db = database(kind, dir);
  const services: RunningService[] = [];
  try {
    // The first one migrates and seeds; the others join it.
    for (let i = 0; i < instances; i++) {
      services.push(
        await startService(path.join(dir, 'unused.db'), {
          DATABASE_URL: db.url,
          TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
          TELEGRAM_API_ROOT: fake.url,
          TELEGRAM_WEBHOOK_SECRET: SECRET,
          PUBLIC_URL: 'self',
        }),
      );
    }
    await fake.waitFor('setWebhook', () => true, 30_000);
    const urls = services.map((s) => `http://127.0.0.1:${s.port}/telegram/webhook`);
    const share = Math.max(1, Math.floor(CONNECTIONS / instances));
    // Warm-up: each process gets the whole load for WARM_UP_S in turn, so every instance's JIT has
    // compiled the same paths as the single instance's before anything is counted (with half
    // the warm-up each, two instances measured their own compilation as coordination cost).
    for (const url of urls) await load(url, CONNECTIONS, WARM_UP_S);
    const cpuBefore = services.map(cpuMs);
    const runs = await Promise.all(urls.map((url) => load(url, share, DURATION_S)));
    const cpu = services.reduce((sum, s, i) => sum + cpuMs(s) - cpuBefore[i], 0);
    const perSecond = runs.reduce((sum, r) => sum + r.perSecond, 0);
    return {
      perSecond,
      // Across instances: the slower one's percentiles (what a share of citizens sees).
      p50: Math.max(...runs.map((r) => r.p50)),
      p99: Math.max(...runs.map((r) => r.p99)),
      cpuMsPerUpdate: cpu / (perSecond * DURATION_S),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
    };
  } finally {
    for (const s of services) await s.stop();
    await fake.close();
    await db.drop();
  }
}

/** Seconds to compose and write the national round of monthly reminders. */
async function reminderRound(kind: 'sqlite' | 'postgres', dir: string): Promise<number> {
  const db = database(kind, dir);
  const app = await createApp(testConfig({ DATABASE_URL: db.url }));
  try {
    await populate(app.db);
    const started = performance.now();
    await sendMonthlyReminders(app, '2026-11');
    return (performance.now() - started) / 1000;
  } finally {
    await app.close();
    await db.drop();
  }
}

function describe(row: Row | string): Record<string, number | string> {
  if (typeof row === 'string') return { 'updates/s': row, 'p50 (ms)': '', 'p99 (ms)': '', 'CPU ms/update': '', errors: '' };
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    'updates/s': Math.round(row.perSecond),
    'p50 (ms)': round(row.p50),
    'p99 (ms)': round(row.p99),
    'CPU ms/update': Math.round(row.cpuMsPerUpdate * 100) / 100,
    errors: row.errors,
  };
}

async function orSkipped<T>(work: () => Promise<T>): Promise<T | string> {
  if (!POSTGRES) return 'skipped (no BENCH_POSTGRES_URL / TEST_POSTGRES_URL)';
  try {
    return await work();
  } catch (error) {
    return `failed: ${(error as Error).message.slice(0, 120)}`;
  }
}

export async function benchScale(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-scale-'));
  try {
    const rows: [string, Row | string][] = [
      ['(a) 1 instance, SQLite', await measure('sqlite', 1, dir)],
      ['(b) 1 instance, PostgreSQL', await orSkipped(() => measure('postgres', 1, dir))],
      ['(c) 2 instances, PostgreSQL', await orSkipped(() => measure('postgres', 2, dir))],
    ];
    const figures: Record<string, number | string> = {};
    for (const [label, row] of rows) {
      for (const [k, v] of Object.entries(describe(row))) if (v !== '') figures[`${label}: ${k}`] = v;
    }
    const [, b] = rows[1];
    const [, c] = rows[2];
    if (typeof b !== 'string' && typeof c !== 'string') figures['(c) / (b) throughput'] = Math.round((c.perSecond / b.perSecond) * 100) / 100;
    const round = (n: number | string) => (typeof n === 'number' ? Math.round(n * 100) / 100 : n);
    figures['national reminder round (3,321 × 5), SQLite (s)'] = round(await reminderRound('sqlite', dir));
    figures['national reminder round (3,321 × 5), PostgreSQL (s)'] = round(await orSkipped(() => reminderRound('postgres', dir)));
    return { name: `Scale: mixed citizen load through the Telegram webhook, ${CONNECTIONS} connections, ${DURATION_S} s`, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, benchScale);
