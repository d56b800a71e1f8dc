// Webhook mode over real HTTP: the Fastify server of the service, Telegram played by the fake
// (it POSTs updates with the secret header and executes webhook replies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FakeTelegram, FAKE_TOKEN } from '../support/fake-telegram.js';
import { textUpdate } from '../support/telegram-updates.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { buildServer } from '../../src/http/server.js';
import { expectSaid, said } from '../support/conversation.js';
import { startTelegram, type TelegramChannel } from '../../bots/telegram/start.js';

const SECRET = 'webhook-secret_0123456789';

describe('telegram webhook', () => {
  let fake: FakeTelegram;
  let app: TestApp;
  let telegram: TelegramChannel;
  let server: FastifyInstance;
  let url: string;
  const logs: string[] = [];

  const statusOf = async (updateId: number) => {
    const where = { channel_updateId: { channel: 'telegram', updateId: String(updateId) } };
    return (await app.db.inboundUpdate.findUnique({ where }))?.status;
  };
  const messagesTo = (chat: number) => fake.callsOf('sendMessage').filter((c) => c.params.chat_id === chat);

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    const env = {
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      PUBLIC_URL: 'https://xa.example.gov.vn/',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_BOT_USERNAME: 'configured_bot',
      LOG_LEVEL: 'info',
    };
    app = await makeTestApp(env, { logDestination: { write: (line: string) => void logs.push(line) } });
    telegram = await startTelegram(app, app.conversation, { botInfo: fake.botInfo });
    server = await buildServer(app, telegram.routes);
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    url = `${address}/telegram/webhook`;
  });

  afterAll(async () => {
    await server?.close();
    await telegram?.stop();
    await fake?.close();
    await app?.close();
  });

  it('registers the webhook with its secret and asks only for the updates it reads', async () => {
    expect(telegram.mode).toBe('webhook');
    expect(fake.callsOf('getMe')).toHaveLength(0);
    expect(app.config.TELEGRAM_BOT_USERNAME).toBe('configured_bot');
    const [set] = fake.callsOf('setWebhook');
    expect(set.params).toMatchObject({
      url: 'https://xa.example.gov.vn/telegram/webhook',
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query'],
    });
  });

  it('refuses a wrong or missing secret with 401 and stores and sends nothing', async () => {
    const chat = 6001;
    const wrong = await fake.deliver(url, textUpdate(chat, 'lam giay khai sinh'), 'not-the-secret');
    const missing = await fake.deliver(url, textUpdate(chat, 'lam giay khai sinh'));
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect(await statusOf(wrong.updateId)).toBeUndefined();
    expect(await statusOf(missing.updateId)).toBeUndefined();
    expect(await app.db.account.count({ where: { channel: 'telegram', externalId: String(chat) } })).toBe(0);
    expect(messagesTo(chat)).toHaveLength(0);
  });

  it('answers a right secret with 200 and the card in the webhook reply', async () => {
    const chat = 6002;
    const delivered = await fake.deliver(url, textUpdate(chat, 'lam giay khai sinh cho con can gi'), SECRET);
    expect(delivered.status).toBe(200);
    const [answer] = messagesTo(chat);
    expect(answer.via).toBe('webhook-reply');
    expect(String(answer.params.text)).toContain('Đăng ký khai sinh');
    expect(answer.params.reply_markup).toBeDefined();
    await expect.poll(() => statusOf(delivered.updateId)).toBe('processed');
  });

  it('sends a several-message answer over HTTP in order', async () => {
    const chat = 6003;
    said(app).take();
    expect((await fake.deliver(url, textUpdate(chat, '/start'), SECRET)).status).toBe(200);
    const answers = messagesTo(chat);
    expect(answers.map((c) => c.via)).toEqual(['http', 'http']);
    expectSaid(said(app).take(), 'welcome', { role: 'citizen' });
    expect(String(answers[1].params.text)).toContain('/thutuc');
  });

  it('answers an update delivered twice only once', async () => {
    const chat = 6004;
    const update = { ...textUpdate(chat, 'dang ky ket hon'), update_id: 777_001 };
    const first = await fake.deliver(url, update, SECRET);
    const second = await fake.deliver(url, update, SECRET);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(messagesTo(chat)).toHaveLength(1);

    // Telegram retrying while the first delivery is still being handled.
    const racing = { ...textUpdate(chat, 'dang ky khai tu'), update_id: 777_002 };
    const results = await Promise.all([1, 2, 3].map(() => fake.deliver(url, racing, SECRET)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(messagesTo(chat)).toHaveLength(2);
  });

  it('waits out a short 429 on a direct reply, and marks the update failed when Telegram refuses', async () => {
    const chat = 6005;
    fake.failNext('sendMessage', 1, { kind: 'rate-limit', retryAfter: 1 });
    expect((await fake.deliver(url, textUpdate(chat, '/start'), SECRET)).status).toBe(200);
    expect(fake.callsOf('sendMessage').filter((c) => c.params.chat_id === chat)).toHaveLength(3);

    fake.failNext('sendMessage', 1, { kind: 'blocked' });
    // /start answers with two messages, so both go over HTTP and the refusal is seen.
    const refused = await fake.deliver(url, textUpdate(chat, '/start'), SECRET);
    await expect.poll(() => statusOf(refused.updateId)).toBe('failed');
    const failure = logs.find((l) => l.includes('telegram update failed'));
    expect(failure).toContain(`"updateId":${refused.updateId}`);
    expect(failure).toContain('blocked');
    // The refused call's payload (the welcome text) never reaches the logs.
    expect(logs.join('\n')).not.toContain('Xin chào');
  });

  it('handles an update that a killed process had claimed but never answered, once', async () => {
    // What a process killed mid-update leaves: the claim, no answer (so Telegram re-delivers).
    const claimedAt = new Date(Date.now() - 60_000);
    await app.db.inboundUpdate.create({
      data: { channel: 'telegram', updateId: '888001', status: 'received', receivedAt: claimedAt },
    });
    const chat = 5_551;
    await fake.deliver(url, { ...textUpdate(chat, 'đăng ký kết hôn'), update_id: 888001 }, SECRET);
    expect(messagesTo(chat)).toHaveLength(1);
    expect(messagesTo(chat)[0].params.text).toContain('Đăng ký kết hôn');
    // Handled now: a further delivery is a duplicate again.
    await fake.deliver(url, { ...textUpdate(chat, 'đăng ký kết hôn'), update_id: 888001 }, SECRET);
    expect(messagesTo(chat)).toHaveLength(1);
  });
});
