// Long polling end to end: the real grammY client and runner, started through startChannels,
// against the fake Bot API; a citizen asks, gets the procedure card, presses an alternative.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram, FAKE_TOKEN } from '../support/fake-telegram.js';
import { textUpdate, buttonUpdate } from '../support/telegram-updates.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { startChannels, type RunningChannels } from '../../src/channels.js';
import { testConfig } from '../../src/config/index.js';
import { withTelegramIdentity, type TelegramIdentity } from '../../bots/telegram/identity.js';

interface SentMessage {
  chat_id: number;
  text: string;
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

const sent = (params: Record<string, unknown>) => params as unknown as SentMessage;

describe('telegram long polling', () => {
  let fake: FakeTelegram;
  let app: TestApp;
  let channels: RunningChannels;
  let identity: TelegramIdentity;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    // As npm start does: who the bot is is asked once, before the service is built.
    const env = { TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.url };
    identity = await withTelegramIdentity(testConfig(env));
    app = await makeTestApp({ ...env, TELEGRAM_BOT_USERNAME: identity.config.TELEGRAM_BOT_USERNAME ?? '' });
    channels = await startChannels(app, app.conversation, { telegram: { botInfo: identity.botInfo } });
  });

  afterAll(async () => {
    await channels?.stop();
    await fake?.close();
    await app?.close();
  });

  it('starts in polling mode with the default menu and learns its username', async () => {
    expect(channels.names).toContain('telegram');
    expect(channels.senders.map((s) => s.channel)).toEqual(['telegram']);
    expect(fake.callsOf('getMe')).toHaveLength(1);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    await fake.waitFor('getUpdates');
    expect(identity.config.TELEGRAM_BOT_USERNAME).toBe(fake.botInfo.username);
    expect(app.config.TELEGRAM_BOT_USERNAME).toBe(fake.botInfo.username);
    const menus = fake.callsOf('setMyCommands').map((c) => c.params);
    expect(menus.map((m) => m.language_code)).toEqual([undefined, 'en']);
    expect((menus[0].commands as { command: string }[]).map((c) => c.command)).toContain('thutuc');
  });

  it('answers /start with the welcome and the help', async () => {
    const chat = 5001;
    fake.pushUpdate(textUpdate(chat, '/start'));
    const welcome = await fake.waitFor('sendMessage', (p) => p.chat_id === chat);
    expect(sent(welcome.params).text).toBe(app.i18n.t('vi', 'welcome', { role: 'citizen' }));
    const help = await fake.waitFor('sendMessage', (p) => p.chat_id === chat && String(p.text).includes('/thutuc'));
    expect(fake.calls.indexOf(help)).toBeGreaterThan(fake.calls.indexOf(welcome));
  });

  it('answers a question without diacritics with the card and buttons for the alternatives', async () => {
    const chat = 5002;
    fake.pushUpdate(textUpdate(chat, 'lam giay khai sinh cho con can gi'));
    const card = sent((await fake.waitFor('sendMessage', (p) => p.chat_id === chat)).params);
    expect(card.text).toContain('Đăng ký khai sinh');
    const rows = card.reply_markup?.inline_keyboard ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const b of rows.flat()) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

    // An alternative procedure (payload p:<code>), whichever the search ranked first.
    const alternative = rows.flat().find((b) => b.callback_data.startsWith('p:'));
    if (!alternative) throw new Error(`no alternative procedure among ${JSON.stringify(rows)}`);
    const pressed = fake.pushUpdate(buttonUpdate(chat, alternative.callback_data));
    const answered = await fake.waitFor('answerCallbackQuery');
    expect(String(answered.params.callback_query_id)).toMatch(new RegExp(`^cb-${chat}-`));
    const detail = await fake.waitFor(
      'sendMessage',
      (p) => p.chat_id === chat && p.text !== card.text && String(p.text).includes(alternative.text),
    );
    expect(sent(detail.params).text).toContain('📄');

    const where = { channel_updateId: { channel: 'telegram', updateId: String(pressed) } };
    await expect.poll(async () => (await app.db.inboundUpdate.findUnique({ where }))?.status).toBe('processed');
  });

  it('ignores group chats', async () => {
    const chat = 5003;
    fake.pushUpdate({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100200, type: 'group', title: 'Nhóm' },
        from: { id: chat, is_bot: false, first_name: 'A' },
        text: 'thu tuc khai sinh',
      },
    });
    fake.pushUpdate(textUpdate(chat, '/help'));
    await fake.waitFor('sendMessage', (p) => p.chat_id === chat);
    expect(fake.callsOf('sendMessage').filter((c) => c.params.chat_id === -100200)).toHaveLength(0);
    expect(await app.db.account.count({ where: { channel: 'telegram', externalId: '-100200' } })).toBe(0);
  });
});
