// The Zalo Bot channel's edges, against the fake Bot API: what the webhook refuses and what it
// stores (nothing, for a wrong secret), both event shapes, re-deliveries, groups and stickers;
// long polling that first removes a webhook left set, reads both answer shapes and the
// documented sample without event_name, and backs off after a failure; the pictures' shelf.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FakeZaloBot, FAKE_BOT_TOKEN, textEvent } from '../support/fake-zalo-bot.js';
import { zaloBotChat } from '../support/zalo-bot-chat.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { RecordingI18n } from '../support/i18n.js';
import { buildServer } from '../../src/http/server.js';
import { startChannels, type RunningChannels } from '../../src/channels.js';
import { FakeClock } from '../../src/shared/clock.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { testConfig, ConfigError } from '../../src/config/index.js';

const PUBLIC_URL = 'https://xa.example.gov.vn/';
const SECRET = 'zalobot-secret_0123456789';

const rows = (app: TestApp) => app.db.inboundUpdate.count({ where: { channel: 'zalobot' } });

describe('Zalo Bot webhook', () => {
  let fake: FakeZaloBot;
  let app: TestApp;
  let i18n: RecordingI18n;
  let channels: RunningChannels;
  let server: FastifyInstance;
  let local: string;
  let url: string;
  const clock = new FakeClock('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    fake = await FakeZaloBot.start();
    i18n = new RecordingI18n();
    app = await makeTestApp(
      { ZALO_BOT_TOKEN: FAKE_BOT_TOKEN, ZALO_BOT_API_BASE: fake.url, PUBLIC_URL, ZALO_BOT_WEBHOOK_SECRET: SECRET, DEMO_DATA: 'true' },
      { i18n, clock },
    );
    channels = await startChannels(app, app.conversation);
    server = await buildServer(app, channels.routes);
    local = await server.listen({ port: 0, host: '127.0.0.1' });
    url = `${local}/zalobot/webhook`;
    fake.resolvePhotoUrl = (photo) => photo.replace(PUBLIC_URL.replace(/\/$/, ''), local);
  });

  afterAll(async () => {
    await server?.close();
    await channels?.stop();
    await fake?.close();
    await app?.close();
  });

  it('sets the webhook at PUBLIC_URL/zalobot/webhook with the secret, and registers the zalobot sender', () => {
    expect(channels.names).toContain('zalobot');
    expect(channels.senders.map((s) => s.channel)).toEqual(['zalobot']);
    expect(fake.callsOf('setWebhook').map((c) => c.params)).toEqual([{ url: 'https://xa.example.gov.vn/zalobot/webhook', secret_token: SECRET }]);
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
  });

  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    const before = await rows(app);
    expect((await fake.deliver(url, textEvent('w-1', '/start'), 'wrong-secret-123')).status).toBe(401);
    expect((await fake.deliver(url, textEvent('w-1', '/start'), undefined)).status).toBe(401);
    expect((await fake.deliver(url, textEvent('w-1', '/start'), `${SECRET}x`)).status).toBe(401);
    expect(await rows(app)).toBe(before);
    expect(fake.receivedBy('w-1')).toEqual([]);
  });

  it('answers a body that is not an event object with 400, and a non-JSON body with 400', async () => {
    const headers = { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET };
    expect((await fetch(url, { method: 'POST', headers, body: '[1,2]' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers, body: '"text"' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers, body: '{not json' })).status).toBe(400);
  });

  it('accepts the event alone and the event wrapped in {ok, result}', async () => {
    i18n.take();
    expect((await fake.deliver(url, textEvent('w-2', '/start'), SECRET, 'event')).status).toBe(200);
    expect(i18n.ids()).toContain('welcome');
    expect((await fake.deliver(url, textEvent('w-3', '/start'), SECRET, 'wrapped')).status).toBe(200);
    expect(i18n.ids()).toContain('welcome');
    expect(fake.receivedBy('w-2').length).toBeGreaterThan(0);
    expect(fake.receivedBy('w-3').map((m) => m.text)).toEqual(fake.receivedBy('w-2').map((m) => m.text));
  });

  it('answers a message delivered twice only once', async () => {
    const event = textEvent('w-4', '/help', 'same-message-id');
    expect((await fake.deliver(url, event, SECRET)).status).toBe(200);
    const once = fake.receivedBy('w-4').length;
    expect(once).toBeGreaterThan(0);
    expect((await fake.deliver(url, event, SECRET, 'wrapped')).status).toBe(200);
    expect(fake.receivedBy('w-4')).toHaveLength(once);
    const row = await app.db.inboundUpdate.findUnique({ where: { channel_updateId: { channel: 'zalobot', updateId: 'same-message-id' } } });
    expect(row?.status).toBe('processed');
  });

  it('hands the replies the platform refuses for now to the outbox, which sends them later', async () => {
    fake.failNext('sendMessage', 1, 502, 502, 'Bad Gateway');
    expect((await fake.deliver(url, textEvent('w-6', '/start'), SECRET)).status).toBe(200);
    expect(fake.receivedBy('w-6')).toEqual([]);
    const account = await app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalobot', externalId: 'w-6' } } });
    const queued = await app.db.outboxMessage.findMany({ where: { accountId: account.id, status: 'pending' } });
    expect(queued.length).toBeGreaterThan(0);
    await new OutboxDispatcher(app, { senders: channels.senders, pacing: false }).drain();
    expect(fake.receivedBy('w-6').map((m) => m.text).join('\n')).toContain('Chính quyền thân thiện');
  });

  it('acknowledges stickers, group messages and unknown events without answering or storing them', async () => {
    const before = await rows(app);
    const sticker = { event_name: 'message.sticker.received', message: { ...textEvent('w-5', '').message as object, sticker: 'abc', text: undefined } };
    const group = textEvent('w-5', '/start');
    (group.message as { chat: { chat_type: string } }).chat.chat_type = 'GROUP';
    for (const event of [sticker, group, { event_name: 'message.unsupported.received' }, { hello: 'world' }]) {
      expect((await fake.deliver(url, event, SECRET)).status).toBe(200);
    }
    expect(fake.receivedBy('w-5')).toEqual([]);
    expect(await rows(app)).toBe(before);
  });

  it('serves a sent picture to the platform for an hour, then no more; unknown names are 404', async () => {
    const province = await app.db.province.findUniqueOrThrow({ where: { code: 'BG' } });
    await app.db.account.create({
      data: { channel: 'zalobot', externalId: 'w-lanhdao', role: 'manager', scopes: { create: { provinceId: province.id } } },
    });
    expect((await fake.deliver(url, textEvent('w-lanhdao', '/tiendo BG-TANTIEN'), SECRET)).status).toBe(200);
    const photo = fake.receivedBy('w-lanhdao').find((m) => m.method === 'sendPhoto')!;
    expect(photo.photo).toMatchObject({ status: 200, contentType: 'image/png' });
    const served = fake.resolvePhotoUrl(photo.photo!.url);
    expect((await fetch(served)).status).toBe(200);
    clock.advance(61 * 60_000);
    expect((await fetch(served)).status).toBe(404);
    expect((await fetch(`${local}/zalobot/media/nothing-here.png`)).status).toBe(404);
  });
});

describe('Zalo Bot long polling', () => {
  let fake: FakeZaloBot;
  let app: TestApp;
  let channels: RunningChannels;

  const handled = async (updateId: string) => {
    for (let i = 0; i < 500; i++) {
      const row = await app.db.inboundUpdate.findUnique({ where: { channel_updateId: { channel: 'zalobot', updateId } } });
      if (row && row.status !== 'received') return row.status;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${updateId} not handled`);
  };

  beforeAll(async () => {
    fake = await FakeZaloBot.start();
    // Left over from an earlier webhook deployment: while it is set, getUpdates gets nothing.
    fake.webhook = { url: 'https://old.example.gov.vn/zalobot/webhook', secret: 'old-secret' };
    app = await makeTestApp({ ZALO_BOT_TOKEN: FAKE_BOT_TOKEN, ZALO_BOT_API_BASE: fake.url });
    channels = await startChannels(app, app.conversation);
  });

  afterAll(async () => {
    await channels?.stop();
    await fake?.close();
    await app?.close();
  });

  it('removes a webhook left set, then answers what it polls', async () => {
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    expect(fake.webhook).toBeNull();
    const event = textEvent('p-1', '/start');
    fake.pushUpdate(event);
    expect(await handled((event.message as { message_id: string }).message_id)).toBe('processed');
    expect(fake.receivedBy('p-1')[0].text).toContain('Chính quyền thân thiện');
  });

  it('reads a list answer, and the documented sample without event_name', async () => {
    fake.pollShape = 'list';
    const listed = textEvent('p-2', '/start');
    fake.pushUpdate(listed);
    expect(await handled((listed.message as { message_id: string }).message_id)).toBe('processed');
    fake.pollShape = 'event';
    const bare = { message: { ...(textEvent('p-3', '/start').message as object) } };
    fake.pushUpdate(bare);
    expect(await handled((bare.message as { message_id: string }).message_id)).toBe('processed');
    expect(fake.receivedBy('p-2').length).toBeGreaterThan(0);
    expect(fake.receivedBy('p-3').length).toBeGreaterThan(0);
  });

  it('keeps polling after the platform fails a poll', async () => {
    // A poll is waiting already: the failure is for the one after it.
    fake.failNext('getUpdates', 1, 502, 502, 'Bad Gateway');
    const first = textEvent('p-4', '/help');
    fake.pushUpdate(first);
    expect(await handled((first.message as { message_id: string }).message_id)).toBe('processed');
    const second = textEvent('p-5', '/help');
    fake.pushUpdate(second);
    expect(await handled((second.message as { message_id: string }).message_id)).toBe('processed');
    expect(fake.failuresLeft('getUpdates')).toBe(0);
    expect(fake.receivedBy('p-5').length).toBeGreaterThan(0);
  });

  it('does not start on a token the platform refuses, and does not show the token in the error', async () => {
    fake.failNext('getMe', 1, 401, 401, 'Unauthorized');
    const other = await makeTestApp({ ZALO_BOT_TOKEN: FAKE_BOT_TOKEN, ZALO_BOT_API_BASE: fake.url });
    try {
      const failure = await startChannels(other, other.conversation).then(() => null, (error: Error) => error);
      expect(failure?.message).toMatch(/Zalo Bot refused the token \(getMe: 401 Unauthorized\)/);
      expect(failure?.message).not.toContain(FAKE_BOT_TOKEN.split(':')[1]);
    } finally {
      await other.close();
    }
  });
});

describe('Zalo Bot configuration', () => {
  it('refuses a malformed token and a webhook without its secret', () => {
    expect(() => testConfig({ ZALO_BOT_TOKEN: 'not a token' })).toThrow(ConfigError);
    expect(() => testConfig({ ZALO_BOT_TOKEN: FAKE_BOT_TOKEN, PUBLIC_URL: 'https://x.example.gov.vn' })).toThrow(/ZALO_BOT_WEBHOOK_SECRET/);
    expect(() => testConfig({ ZALO_BOT_TOKEN: FAKE_BOT_TOKEN, PUBLIC_URL: 'https://x.example.gov.vn', ZALO_BOT_WEBHOOK_SECRET: 'short' })).toThrow(/8–256/);
    expect(testConfig({ ZALO_BOT_TOKEN: FAKE_BOT_TOKEN }).ZALO_BOT_API_BASE).toBe('https://bot-api.zaloplatforms.com');
  });
});

describe('Zalo Bot logs', () => {
  const PHONE = '0912 345 678';
  const SENTENCE = 'Cán bộ Lò Văn Thạch ở quầy hẹn lần thứ năm vẫn chưa trả giấy, gọi cho tôi';
  const lines: string[] = [];
  let fake: FakeZaloBot;
  let app: TestApp;
  let channels: RunningChannels;

  beforeAll(async () => {
    fake = await FakeZaloBot.start();
    app = await makeTestApp(
      { ZALO_BOT_TOKEN: FAKE_BOT_TOKEN, ZALO_BOT_API_BASE: fake.url, LOG_LEVEL: 'trace', DEMO_DATA: 'true' },
      { logDestination: { write: (line: string) => void lines.push(line) } },
    );
    channels = await startChannels(app, app.conversation);
  });

  afterAll(async () => {
    await channels?.stop();
    await fake?.close();
    await app?.close();
  });

  it('carry no token, phone number or message text, also when sends and polls fail', async () => {
    const person = zaloBotChat(fake, app, 'polling');
    await person.say('l-1', '/phananh');
    await person.choose('l-1', /Tân Tiến/);
    await person.choose('l-1', /Chậm trễ/);
    fake.failNext('sendMessage', 1, 403, 403, 'Forbidden: the user blocked the bot');
    await person.say('l-1', `${SENTENCE} ${PHONE}`);
    fake.failNext('getUpdates', 1, 401, 401, 'Unauthorized');
    await person.say('l-1', 'Bỏ qua');
    // The refused poll is the one after the last message's: wait until it has been made and logged.
    for (let i = 0; i < 300 && !lines.some((l) => l.includes('zalobot getUpdates failed')); i++) await new Promise((r) => setTimeout(r, 10));
    expect(lines.some((l) => l.includes('zalobot send failed'))).toBe(true);
    expect(lines.some((l) => l.includes('zalobot getUpdates failed'))).toBe(true);
    const secretPart = FAKE_BOT_TOKEN.split(':')[1];
    for (const line of lines) {
      for (const banned of [secretPart, PHONE, PHONE.replace(/ /g, ''), SENTENCE.slice(0, 30), 'Lò Văn Thạch']) {
        expect(line.includes(banned), line).toBe(false);
      }
    }
  });
});
