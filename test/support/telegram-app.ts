// A real app with the Telegram channel in webhook mode, its HTTP server on 127.0.0.1 port 0,
// and a fake Bot API behind it: what the Telegram journey suites share.
import type { FastifyInstance } from 'fastify';
import { FakeTelegram, FAKE_TOKEN } from './fake-telegram.js';
import { makeTestApp, type TestApp } from './app.js';
import type { AppOptions } from '../../src/app.js';
import { buildServer } from '../../src/http/server.js';
import { startTelegram, type TelegramChannel } from '../../bots/telegram/start.js';

export interface TelegramTestApp {
  fake: FakeTelegram;
  app: TestApp;
  telegram: TelegramChannel;
  server: FastifyInstance;
  /** The webhook's address. */
  url: string;
  close(): Promise<void>;
}

/** `secret`: the webhook secret the suite's updates carry. */
export async function startTelegramApp(secret: string, options: AppOptions = {}): Promise<TelegramTestApp> {
  const fake = await FakeTelegram.start();
  const app = await makeTestApp(
    {
      DEMO_DATA: 'true',
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      PUBLIC_URL: 'https://xa.example.gov.vn',
      TELEGRAM_WEBHOOK_SECRET: secret,
      TELEGRAM_BOT_USERNAME: 'cqtt_test_bot',
      RATE_LIMIT_MESSAGES_PER_MINUTE: '1000',
    },
    options,
  );
  const telegram = await startTelegram(app, app.conversation, { botInfo: fake.botInfo });
  const server = await buildServer(app, telegram.routes);
  const url = `${await server.listen({ port: 0, host: '127.0.0.1' })}/telegram/webhook`;
  return {
    fake,
    app,
    telegram,
    server,
    url,
    async close() {
      await server.close();
      await telegram.stop();
      await fake.close();
      await app.close();
    },
  };
}
