// Two real service processes (`node --import tsx src/main.ts`) on one database and one Redis,
// behind a "load balancer" that is this test: citizens' Telegram updates and Zalo events go to
// either instance, complaints make pushes for the officials, the monthly criteria jobs catch up
// at start. The instance holding the sender leases is SIGKILLed three times; traffic meant for
// it goes to the other (as a load balancer fails over), and it is restarted. Afterwards:
// - every update answered 200 was stored, every Zalo event answered 200 handled, a person's
//   Zalo events in order;
// - the other instance took the sender leases over within 30 s of each kill;
// - every push was sent exactly once, except a push in flight at a kill, which the documented
//   policy sends again (src/outbox/dispatcher.ts): at most once more per kill;
// - every official got the month's reminder exactly once (one job run across instances);
// - one account's messages were counted across both instances (Redis), when TEST_REDIS_URL is set.
// Database: a SQLite file; PostgreSQL when TEST_POSTGRES_URL is set (a schema of its own).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import type { App } from '../../src/app.js';
import { I18n } from '../../src/i18n/index.js';
import { freePort, waitHealthy } from '../../bench/support/child.js';
import { FakeTelegram, FAKE_TOKEN } from '../support/fake-telegram.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { zaloKeys } from '../support/zalo-app.js';
import { postEvent, userText } from '../support/zalo-webhook.js';
import { buttonUpdate, textUpdate } from '../support/telegram-updates.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'instances-test_webhook-secret';
const KILLS = 3;
const LEASE_SECONDS = 3;
const MESSAGES_PER_MINUTE = 30;
const REDIS = process.env.TEST_REDIS_URL;
const POSTGRES = process.env.TEST_POSTGRES_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
if (!REDIS) process.stdout.write('test/instances/two-instances: TEST_REDIS_URL not set, the shared rate-limit check is skipped\n');
if (!POSTGRES) process.stdout.write('test/instances/two-instances: TEST_POSTGRES_URL not set, running on a SQLite file\n');

class Instance {
  child: ChildProcess | null = null;
  stderr = '';
  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: this.env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString('utf8')).slice(-20_000)));
    this.child = child;
    await waitHealthy(`${this.url}/healthz`, child, 90_000);
  }
  async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || !this.alive) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }
  async health(): Promise<{ senderLeases?: string[]; redis?: string } | null> {
    try {
      const res = await fetch(`${this.url}/healthz`);
      return (await res.json()) as { senderLeases?: string[] };
    } catch {
      return null;
    }
  }
}

let dir: string;
let databaseUrl: string;
let dropSchema: (() => Promise<void>) | null = null;
let telegram: FakeTelegram;
let zalo: FakeZalo;
let instances: Instance[];
const i18n = new I18n();

// What the traffic saw.
let nextUpdateId = 900_000;
const answeredUpdates = new Set<number>();
const answeredEvents: { userId: string; msgId: string }[] = [];
const refused: string[] = [];
const inFlightAtKill: { id: number; chatId: string }[][] = [];
const takeoverMs: number[] = [];
const officials: { chat: string; accountId: number }[] = [];
let communeCode = '';

/** The load balancer: the first live instance from a rotating start; null when none is up. */
let turn = 0;
function pickInstance(): Instance | null {
  for (let i = 0; i < instances.length; i++) {
    const candidate = instances[(turn + i) % instances.length];
    if (candidate.alive) {
      turn++;
      return candidate;
    }
  }
  return null;
}

/** Telegram: posts until some instance answers 200 (a 503 "in progress" or a dead instance means: again later). */
async function telegramUpdate(update: Record<string, unknown>): Promise<void> {
  const full = { ...update, update_id: nextUpdateId++ };
  for (let attempt = 0; attempt < 120; attempt++) {
    const target = pickInstance();
    if (target) {
      try {
        const { status } = await telegram.deliver(`${target.url}/telegram/webhook`, full as never, SECRET);
        if (status === 200) {
          answeredUpdates.add(full.update_id);
          return;
        }
        if (status !== 503) refused.push(`update ${full.update_id}: HTTP ${status}`);
      } catch {
        // the instance died under this request: Telegram tries again
      }
    }
    await sleep(250);
  }
  refused.push(`update ${full.update_id}: never answered`);
}

/** Zalo: the same, for a signed event. */
async function zaloEvent(userId: string, text: string): Promise<void> {
  const msgId = `z-${randomBytes(5).toString('hex')}`;
  const event = userText(zaloKeys, userId, text, msgId);
  for (let attempt = 0; attempt < 120; attempt++) {
    const target = pickInstance();
    if (target) {
      try {
        const { status } = await postEvent(target.url, zaloKeys, event);
        if (status === 200) {
          answeredEvents.push({ userId, msgId });
          return;
        }
        refused.push(`zalo ${msgId}: HTTP ${status}`);
      } catch {
        // died under it
      }
    }
    await sleep(250);
  }
  refused.push(`zalo ${msgId}: never answered`);
}

const say = (chat: number, text: string) => telegramUpdate(textUpdate(chat, text));
const press = (chat: number, data: string) => telegramUpdate(buttonUpdate(chat, data));

/** A citizen files a complaint: the commune's officials get a push each. */
async function complainant(chat: number): Promise<void> {
  await say(chat, `/phananh ${communeCode}`);
  await press(chat, 'cpi:k:delay');
  await say(chat, 'Hẹn trả kết quả ba lần vẫn chưa có, cán bộ không giải thích lý do.');
  await press(chat, 'cpi:skip');
  await press(chat, 'cpi:skip');
  await press(chat, 'cpi:anon:0');
}

async function zaloCitizen(userId: string): Promise<void> {
  for (const text of ['làm giấy khai sinh cho con cần gì', '/help', 'đăng ký kết hôn', 'chứng thực bản sao']) await zaloEvent(userId, text);
}

async function traffic(round: number): Promise<void> {
  await Promise.all([
    ...[0, 1, 2].map((i) => complainant(200_000 + round * 100 + i)),
    ...[0, 1, 2].map((i) => zaloCitizen(`zc-${round}-${i}`)),
  ]);
}

async function withDb<T>(work: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp(testConfig({ DATABASE_URL: databaseUrl }), { seed: false });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Waits until `check` holds or the time is up. */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

async function holder(): Promise<Instance | undefined> {
  for (const instance of instances) if ((await instance.health())?.senderLeases?.length) return instance;
  return undefined;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cqtt-instances-'));
  if (POSTGRES) {
    const schema = `instances_${randomBytes(4).toString('hex')}`;
    const url = new URL(POSTGRES);
    url.searchParams.set('schema', schema);
    databaseUrl = url.toString();
    dropSchema = () => withDb(async (app) => void (await app.db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)));
  } else {
    databaseUrl = `file:${path.join(dir, 'shared.db')}`;
  }

  // Before the first start: the demo province, and officials responsible for the criteria of
  // one commune (the monthly reminder goes to each of them).
  await withDb(async () => undefined);
  const setup = await createApp(testConfig({ DATABASE_URL: databaseUrl, DEMO_DATA: 'true' }));
  try {
    const commune = await setup.db.commune.findFirstOrThrow({ orderBy: { code: 'asc' } });
    communeCode = commune.code;
    const set = await setup.db.criteriaSet.findFirstOrThrow({ include: { criteria: { orderBy: { id: 'asc' } } } });
    const year = new Date().getUTCFullYear();
    for (const y of [year, year + 1]) {
      await setup.db.communeSet.upsert({ where: { communeId_year: { communeId: commune.id, year: y } }, create: { communeId: commune.id, year: y, setId: set.id }, update: { setId: set.id } });
    }
    for (let i = 0; i < 4; i++) {
      const account = await setup.db.account.create({ data: { channel: 'telegram', externalId: String(7100 + i), role: 'official', communeId: commune.id } });
      officials.push({ chat: account.externalId, accountId: account.id });
    }
    for (const [i, criterion] of set.criteria.slice(0, 8).entries()) {
      await setup.db.assignment.upsert({
        where: { communeId_criterionId: { communeId: commune.id, criterionId: criterion.id } },
        create: { communeId: commune.id, criterionId: criterion.id, accountId: officials[i % officials.length].accountId },
        update: { accountId: officials[i % officials.length].accountId },
      });
    }
  } finally {
    await setup.close();
  }

  telegram = await FakeTelegram.start(FAKE_TOKEN);
  telegram.slowDown('sendMessage', 40);
  zalo = await FakeZalo.start(zaloKeys.appId);
  const grant = zalo.issue();
  const prefix = `cqtt-instances-${randomBytes(4).toString('hex')}:`;
  const ports = [await freePort(), await freePort()];
  instances = ports.map(
    (port, i) =>
      new Instance(`i${i}`, port, {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TMPDIR: process.env.TMPDIR,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: 'https://example.test',
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: telegram.url,
        ZALO_APP_ID: zaloKeys.appId,
        ZALO_APP_SECRET: zalo.appSecret,
        ZALO_OA_SECRET_KEY: zaloKeys.secretKey,
        ZALO_API_BASE: zalo.url,
        ZALO_OAUTH_BASE: zalo.url,
        ZALO_ACCESS_TOKEN: grant.accessToken,
        ZALO_REFRESH_TOKEN: grant.refreshToken,
        CONSOLE_CHAT: 'false',
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        LEASE_SECONDS: String(LEASE_SECONDS),
        RATE_LIMIT_MESSAGES_PER_MINUTE: String(MESSAGES_PER_MINUTE),
        ...(REDIS ? { REDIS_URL: REDIS, REDIS_KEY_PREFIX: prefix } : {}),
      }),
  );
}, 60_000);

afterAll(async () => {
  for (const instance of instances ?? []) await instance.signal('SIGKILL');
  await telegram?.close();
  await zalo?.close();
  await dropSchema?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one database', () => {
  it(`keep every update, send every push once and hand the sender over through ${KILLS} kills`, async () => {
    // Started together: they migrate, seed and catch up the monthly jobs at the same moment.
    await Promise.all(instances.map((i) => i.start()));
    const logs = () => instances.map((i) => `--- ${i.name}\n${i.stderr}`).join('\n');

    // One account's messages alternate between the instances: counted once, through Redis.
    const flooder = 300_001;
    const before = telegram.calls.length;
    for (let n = 0; n < MESSAGES_PER_MINUTE + 3; n++) await say(flooder, '/help');
    const toFlooder = telegram.calls.slice(before).filter((c) => String(c.params.chat_id) === String(flooder));
    const limited = toFlooder.filter((c) => c.params.text === i18n.t('vi', 'rate-limited'));

    for (let round = 0; round < KILLS; round++) {
      const load = traffic(round);
      await sleep(800 + round * 300);
      const victim = await holder();
      expect(victim, logs()).toBeDefined();
      await victim!.signal('SIGKILL');
      const killedAt = Date.now();
      inFlightAtKill.push(
        await withDb((app) => app.db.outboxMessage.findMany({ where: { status: 'sending' }, select: { id: true, chatId: true } })),
      );
      // Restarted at once (as a supervisor would), while the other takes over.
      const restarted = victim!.start();
      // Usually the survivor; the restarted instance may get there first, which is as good.
      const tookOver = await until(async () => (await holder()) !== undefined, 30_000);
      expect(tookOver, logs()).toBe(true);
      takeoverMs.push(Date.now() - killedAt);
      await load;
      await restarted;
    }

    // Everything due is sent and every stored event handled.
    const open = () =>
      withDb(async (app) => [
        ...(await app.db.outboxMessage.findMany({ where: { OR: [{ status: 'sending' }, { status: 'pending', nextAttemptAt: { lte: new Date() } }] } })).map(
          (r) => `outbox ${r.id} ${r.status} ${r.channel}`,
        ),
        // A Telegram update's status is informational: one answered (webhook reply) just before
        // a kill stays 'received'. A Zalo event still 'received' is not handled yet.
        ...(await app.db.inboundUpdate.findMany({ where: { channel: 'zalo', status: 'received' } })).map((u) => `zalo event ${u.updateId}`),
      ]);
    await until(async () => (await open()).length === 0, 60_000);
    expect(await open(), logs()).toEqual([]);
    for (const instance of instances) expect(await instance.signal('SIGTERM'), logs()).toBe(0);

    expect(refused, logs()).toEqual([]);
    expect(takeoverMs.every((ms) => ms < 30_000), `takeovers: ${takeoverMs.join(', ')} ms`).toBe(true);
    if (REDIS) {
      // Exactly one "slow down" after the limit, then silence; instance memories alone would never have reached it.
      expect(limited, logs()).toHaveLength(1);
      expect(toFlooder.length).toBe(MESSAGES_PER_MINUTE + 1);
    }

    await withDb(async (app) => {
      const { db } = app;
      // Every update answered 200 was stored, every Zalo event answered 200 handled.
      const updates = await db.inboundUpdate.findMany();
      const byKey = new Map(updates.map((u) => [`${u.channel}:${u.updateId}`, u]));
      const missing = [
        ...[...answeredUpdates].filter((id) => !byKey.has(`telegram:${id}`)).map((id) => `telegram ${id}`),
        ...answeredEvents.filter((e) => byKey.get(`zalo:${e.msgId}`)?.status !== 'processed').map((e) => `zalo ${e.msgId}`),
      ];
      expect(missing, logs()).toEqual([]);
      // A person's Zalo events were handled in the order they were answered.
      const outOfOrder: string[] = [];
      for (const userId of new Set(answeredEvents.map((e) => e.userId))) {
        const times = answeredEvents.filter((e) => e.userId === userId).map((e) => byKey.get(`zalo:${e.msgId}`)!.processedAt!.getTime());
        if (times.some((t, i) => i > 0 && t < times[i - 1])) outOfOrder.push(userId);
      }
      expect(outOfOrder).toEqual([]);
      // Direct replies are not in the outbox: one on its way when its instance died is lost (the
      // person asks again), at most one per kill.
      expect(zalo.delivered().length).toBeGreaterThanOrEqual(answeredEvents.length - KILLS);

      // Pushes: each sent once; a row in flight at a kill may have gone once more per such kill.
      const rows = await db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      expect(rows.length).toBeGreaterThan(officials.length);
      const now = new Date();
      expect(rows.filter((r) => r.status !== 'sent' && !(r.status === 'pending' && r.nextAttemptAt > now)).map((r) => `${r.id} ${r.status}`)).toEqual([]);
      const key = (chatId: string, text: string) => `${chatId}\u0000${text}`;
      const calls = new Map<string, number>();
      for (const c of telegram.callsOf('sendMessage')) {
        if (c.via !== 'http') continue;
        const k = key(String(c.params.chat_id), String(c.params.text));
        calls.set(k, (calls.get(k) ?? 0) + 1);
      }
      const wrong: string[] = [];
      let twice = 0;
      for (const row of rows.filter((r) => r.status === 'sent' && r.channel === 'telegram')) {
        const k = key(row.chatId, (JSON.parse(row.payload) as { text: string }).text);
        const sent = calls.get(k) ?? 0;
        const extra = inFlightAtKill.filter((set) => set.some((r) => r.id === row.id)).length;
        if (sent < 1 || sent > 1 + extra) wrong.push(`${row.id} → ${row.chatId}: sent ${sent}, allowed ${1 + extra}`);
        if (sent > 1) twice++;
      }
      expect(wrong, logs()).toEqual([]);
      process.stdout.write(
        `two instances: ${answeredUpdates.size} updates, ${answeredEvents.length} Zalo events, ${rows.length} pushes, ` +
          `${twice} sent again after a kill, takeovers ${takeoverMs.join(' / ')} ms\n`,
      );

      // The month's reminder: one per official, sent once.
      const reminders = rows.filter((r) => r.dedupKey?.startsWith('crit-remind:'));
      expect(new Set(reminders.map((r) => r.accountId)).size).toBe(reminders.length);
      for (const o of officials) expect(reminders.filter((r) => r.chatId === o.chat)).toHaveLength(1);
      expect(await db.jobRun.count({ where: { job: 'criteria-reminder', finishedAt: { not: null } } })).toBe(1);
    });
  }, 300_000);
});
