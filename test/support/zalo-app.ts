// A real app with the Zalo channel on a database of the caller's choice (so a test can
// "restart" on the same one), its HTTP server on 127.0.0.1 port 0, and a fake Zalo behind it.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { buildServer } from '../../src/http/server.js';
import type { FakeClock } from '../../src/shared/clock.js';
import { startZalo, type ZaloChannel } from '../../bots/zalo/channel.js';
import { FakeZalo } from './fake-zalo.js';
import { testDatabase } from './database.js';
import { postEvent, stampEventsWith, type WebhookKeys } from './zalo-webhook.js';

export const zaloKeys: WebhookKeys = { appId: '1234567890', oaId: '579745863508352884', secretKey: 'oa-secret-key-abc' };

export interface ZaloTestApp {
  app: App;
  zalo: ZaloChannel;
  server: FastifyInstance;
  url: string;
  post(event: Record<string, unknown>, options?: Parameters<typeof postEvent>[3]): ReturnType<typeof postEvent>;
  /** Waits until every accepted event has been handled and answered. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** `databaseUrl`: a DATABASE_URL (test/support/database.ts gives one for the suite's provider). */
export function zaloEnv(fake: FakeZalo, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    ZALO_APP_ID: zaloKeys.appId,
    ZALO_APP_SECRET: fake.appSecret,
    ZALO_OA_SECRET_KEY: zaloKeys.secretKey,
    ZALO_API_BASE: fake.url,
    ZALO_OAUTH_BASE: fake.url,
    ZALO_BUSINESS_API_BASE: fake.url,
    ...extra,
  };
}

export async function startZaloApp(
  fake: FakeZalo,
  databaseUrl: string,
  clock: FakeClock,
  extra: Record<string, string> = {},
  options: { seed?: boolean; logDestination?: { write(line: string): void } } = {},
): Promise<ZaloTestApp> {
  stampEventsWith(clock);
  fake.now = () => clock.now().getTime();
  const app = await createApp(testConfig(zaloEnv(fake, databaseUrl, extra)), { clock, seed: options.seed, logDestination: options.logDestination });
  const zalo = await startZalo(app, app.conversation);
  const server = await buildServer(app, [zalo.routes]);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return {
    app,
    zalo,
    server,
    url,
    post: (event, options) => {
      noteForFake(fake, event);
      return postEvent(url, zaloKeys, event, options);
    },
    settle: () => zalo.worker.idle(),
    async close() {
      await server.close();
      await zalo.stop();
      await app.close();
    },
  };
}

/** Tells the fake Zalo of a citizen's message, as the real one knows what it delivered to the OA. */
export function noteForFake(fake: FakeZalo, event: Record<string, any>): void {
  const { sender, message, timestamp } = event;
  if (typeof sender?.id === 'string' && typeof message?.msg_id === 'string' && /^\d+$/.test(String(timestamp))) {
    fake.noteUserMessage(sender.id, message.msg_id, Number(timestamp));
  }
}

export interface ZaloSuite {
  fake: FakeZalo;
  h: ZaloTestApp;
  /** Closes the app, the fake Zalo and removes the database folder. */
  close(): Promise<void>;
}

/** A fake Zalo that has issued a token pair, and an app on a fresh database holding that pair. */
export async function startZaloSuite(clock: FakeClock, extra: Record<string, string> = {}): Promise<ZaloSuite> {
  const fake = await FakeZalo.start(zaloKeys.appId);
  const grant = fake.issue();
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-zalo-'));
  const database = testDatabase(dir);
  const h = await startZaloApp(fake, database.url, clock, {
    ZALO_ACCESS_TOKEN: grant.accessToken,
    ZALO_REFRESH_TOKEN: grant.refreshToken,
    ...extra,
  });
  return {
    fake,
    h,
    async close() {
      await h.close();
      await fake.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
