// The whole service as main.ts assembles it, for the hardening suites: the demo province on a
// fake clock, the Telegram channel in webhook mode against the fake Bot API, the Zalo channel
// against the fake Zalo, and every HTTP route startChannels collects (webhooks, desk API,
// public pages) on 127.0.0.1. Also a fingerprint of the whole database, to prove that a refused
// input changed nothing.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { request } from 'undici';
import { FakeClock } from '../../src/shared/clock.js';
import { databaseProvider } from '../../src/db/index.js';
import { buildServer } from '../../src/http/server.js';
import { startChannels } from '../../src/channels.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { FakeTelegram, FAKE_TOKEN } from '../support/fake-telegram.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { zaloKeys } from '../support/zalo-app.js';
import { stampEventsWith } from '../support/zalo-webhook.js';

export const TELEGRAM_SECRET = 'hardening-webhook-secret_0123456789';
export const DESK_TOKEN = 'hardening-desk-token-0123456789abcdef';
/** Monday 2 November 2026, 09:00 in Vietnam: a working day. */
const START = '2026-11-02T02:00:00Z';

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface Stack {
  app: TestApp;
  telegram: FakeTelegram;
  zalo: FakeZalo;
  server: FastifyInstance;
  /** Log lines at level error or fatal written so far. */
  errorLogs(): string[];
  /** Any request; `body` is sent as is. */
  send(method: string, path: string, body?: string | Buffer, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** A Zalo webhook POST of the raw body with this signature header (null: none). */
  zaloPost(body: string, signature: string | null): Promise<HttpAnswer>;
  /** Waits until the Zalo worker and the Telegram ledger have finished what they were given. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const clock = new FakeClock(START);
  stampEventsWith(clock);
  const telegram = await FakeTelegram.start();
  const zalo = await FakeZalo.start(zaloKeys.appId);
  zalo.now = () => clock.now().getTime();
  const grant = zalo.issue();
  const logs: string[] = [];
  const app = await makeTestApp(
    {
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      DESK_API_TOKEN: DESK_TOKEN,
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      PUBLIC_URL: 'https://xa.example.gov.vn/',
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TELEGRAM_BOT_USERNAME: 'hardening_bot',
      ZALO_APP_ID: zaloKeys.appId,
      ZALO_APP_SECRET: zalo.appSecret,
      ZALO_OA_SECRET_KEY: zaloKeys.secretKey,
      ZALO_API_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      ZALO_ACCESS_TOKEN: grant.accessToken,
      ZALO_REFRESH_TOKEN: grant.refreshToken,
      // The suites send hundreds of requests and messages from one address within the same
      // (fake) minute; flood control has its own tests.
      RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
      RATE_LIMIT_IP_PER_MINUTE: '1000000',
    },
    { clock, logDestination: { write: (line: string) => void logs.push(line) } },
  );
  const channels = await startChannels(app, app.conversation);
  const server = await buildServer(app, channels.routes);
  const base = await server.listen({ port: 0, host: '127.0.0.1' });

  const send = async (method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}) => {
    const res = await request(`${base}${path}`, { method: method as 'POST', headers, body });
    return { status: res.statusCode, body: await res.body.text() };
  };
  const json = { 'content-type': 'application/json' };
  return {
    app,
    telegram,
    zalo,
    server,
    errorLogs: () => logs.filter((line) => /"level":(50|60)/.test(line)),
    send,
    zaloPost: (body, signature) => send('POST', '/zalo/webhook', body, signature === null ? json : { ...json, 'x-zevent-signature': signature }),
    // In webhook mode stopping the channels only drains them (the Zalo worker's queue, the
    // Telegram ledger's pending outcomes); they keep taking requests afterwards.
    async settle() {
      await channels.stop();
    },
    async close() {
      await server.close();
      await channels.stop();
      await telegram.close();
      await zalo.close();
      await app.close();
    },
  };
}

/**
 * A digest of every row of every table, in a stable order. Two equal fingerprints mean the
 * database holds exactly the same data (the fake clock keeps `lastSeenAt` still).
 */
export async function fingerprint(app: TestApp): Promise<Record<string, string>> {
  const postgres = databaseProvider(app.config.DATABASE_URL) === 'postgresql';
  const tables = await app.db.$queryRawUnsafe<{ name: string }[]>(
    postgres
      ? "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_%' ORDER BY 1"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
  );
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    // PostgreSQL has no rowid: every column, as text, orders the rows.
    const order = postgres ? 'ORDER BY t::text' : 'ORDER BY rowid';
    const rows = await app.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}" t ${order}`);
    const text = JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    digest[name] = `${rows.length}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  }
  return digest;
}
