// The outbox's Telegram sender: outcomes the dispatcher relies on, and how replies are cut up.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelegram, FAKE_TOKEN } from '../support/fake-telegram.js';
import { testConfig } from '../../src/config/index.js';
import { telegramSender } from '../../bots/telegram/sender.js';
import type { ChannelSender } from '../../src/outbox/types.js';

describe('telegram outbox sender', () => {
  let fake: FakeTelegram;
  let sender: ChannelSender;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    sender = telegramSender(testConfig({ TELEGRAM_API_ROOT: fake.url }), FAKE_TOKEN);
  });
  beforeEach(() => void fake.calls.splice(0));
  afterAll(async () => fake?.close());

  it('paces at 25 messages/s and 1 per chat', () => {
    expect(sender.channel).toBe('telegram');
    expect(sender.pace).toEqual({ perSecond: 25, perChatPerSecond: 1 });
  });

  it('sends text with an inline keyboard whose callback_data is the payload', async () => {
    const outcome = await sender.send('42', { text: 'Mời đánh giá', buttons: [[{ label: 'Tốt', payload: 'rate:5' }]] });
    expect(outcome).toEqual({ ok: true });
    expect(fake.callsOf('sendMessage')[0].params).toEqual({
      chat_id: '42',
      text: 'Mời đánh giá',
      reply_markup: { inline_keyboard: [[{ text: 'Tốt', callback_data: 'rate:5' }]] },
    });
  });

  it('reports a 429 with retry_after as a retry after exactly that long, without retrying itself', async () => {
    fake.failNext('sendMessage', 1, { kind: 'rate-limit', retryAfter: 7 });
    const outcome = await sender.send('42', { text: 'Nhắc việc' });
    expect(outcome).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: 7000 });
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('reports a blocked bot (403) and an unknown chat (400) as permanent', async () => {
    fake.failNext('sendMessage', 1, { kind: 'blocked' });
    fake.failNext('sendMessage', 1, { kind: 'chat-not-found' });
    expect(await sender.send('42', { text: 'a' })).toMatchObject({ ok: false, kind: 'permanent' });
    expect(await sender.send('43', { text: 'b' })).toMatchObject({ ok: false, kind: 'permanent' });
  });

  it('reports a dropped connection as a retry', async () => {
    fake.failNext('sendMessage', 1, { kind: 'network' });
    const outcome = await sender.send('42', { text: 'c' });
    expect(outcome).toMatchObject({ ok: false, kind: 'retry' });
    expect(outcome).not.toHaveProperty('retryAfterMs');
  });

  it('splits a 5,000-character reply into two messages under 4,096, buttons on the last', async () => {
    const paragraph = 'Hồ sơ gồm tờ khai, giấy tờ tùy thân và giấy chứng sinh. '.repeat(10).trim();
    let long = '';
    while (long.length < 5000) long += `${paragraph}\n\n`;
    long = long.slice(0, 5000);
    expect(long.length).toBe(5000);
    await sender.send('42', { text: long, buttons: [[{ label: 'Xem thêm', payload: 'p:1' }]] });
    const parts = fake.callsOf('sendMessage').map((c) => c.params);
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(String(p.text).length).toBeLessThanOrEqual(4096);
    expect(parts[0].reply_markup).toBeUndefined();
    expect(parts[1].reply_markup).toBeDefined();
    expect(parts.map((p) => String(p.text)).join('').replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
  });

  it('uploads a document and a PNG picture after the text, the picture captioned with its words', async () => {
    const document = { filename: 'bao-cao.xlsx', mime: 'application/vnd.ms-excel', base64: Buffer.from('xlsx').toString('base64') };
    const image = { filename: 'tien-do.png', base64: Buffer.from('png').toString('base64'), alt: 'Biểu đồ tiến độ tiêu chí' };
    expect(await sender.send('42', { text: 'Báo cáo tháng', document, image })).toEqual({ ok: true });
    expect(fake.calls.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument', 'sendPhoto']);
    expect(fake.callsOf('sendDocument')[0].params).toMatchObject({ chat_id: 42, document: { file: 'bao-cao.xlsx', bytes: 4 } });
    const photo = fake.callsOf('sendPhoto')[0].params;
    expect(photo).toMatchObject({ chat_id: 42, caption: 'Biểu đồ tiến độ tiêu chí', photo: { file: 'tien-do.png', bytes: 3 } });
    expect((photo.photo as { data: Buffer }).data.toString()).toBe('png');
  });

  it('cuts a caption longer than Telegram allows (1,024 characters)', async () => {
    const image = { filename: 'x.png', base64: Buffer.from('png').toString('base64'), alt: 'ạ'.repeat(1500) };
    expect(await sender.send('42', { text: 'Ảnh', image })).toEqual({ ok: true });
    const caption = String(fake.callsOf('sendPhoto')[0].params.caption);
    expect(caption).toHaveLength(1024);
    expect(caption.endsWith('…')).toBe(true);
  });
});
