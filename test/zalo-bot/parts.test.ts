// The Zalo Bot channel's parts: how replies become messages (2,000-character parts, numbered
// choices under the last part or on their own), which numbers stay live after replies and
// pushes, files offered as links, the outbox's reading of refusals, and the update parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeZaloBot, FAKE_BOT_TOKEN, textEvent } from '../support/fake-zalo-bot.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { RecordingI18n } from '../support/i18n.js';
import { FakeClock } from '../../src/shared/clock.js';
import { button } from '../../src/conversation/replies.js';
import type { Reply } from '../../src/conversation/types.js';
import { ZaloBotClient, outcomeOf } from '../../bots/zalo-bot/client.js';
import { ZaloBotSender } from '../../bots/zalo-bot/sender.js';
import { ChoiceMenus } from '../../bots/zalo-bot/menus.js';
import { MediaShelf } from '../../bots/zalo-bot/shelf.js';
import { zaloBotSteps } from '../../bots/zalo-bot/render.js';
import { eventsIn, parseUpdate } from '../../bots/zalo-bot/updates.js';

const choices: Reply = { text: 'Chọn một:', buttons: [[button('Có', 'y:1'), button('Không', 'y:0')], [button('Để sau', 'y:later')]] };

describe('rendering', () => {
  it('numbers the choices across an answer, under the last part of each text', () => {
    const steps = zaloBotSteps([choices, { text: 'Thêm:', buttons: [[button('Khác', 'y:other')]] }], 'Gõ số.');
    expect(steps).toEqual([
      { reply: 0, kind: 'text', text: 'Chọn một:\n\n[1] Có\n[2] Không\n[3] Để sau\nGõ số.' },
      { reply: 1, kind: 'text', text: 'Thêm:\n\n[4] Khác\nGõ số.' },
    ]);
  });

  it('splits a long text at 2,000 characters and sends the choices on their own when they do not fit', () => {
    const paragraph = 'Một câu khá dài về thủ tục hành chính ở xã. '.repeat(20).trim();
    const long = Array.from({ length: 5 }, () => paragraph).join('\n\n');
    const steps = zaloBotSteps([{ ...choices, text: long }], 'Gõ số.');
    expect(steps.length).toBeGreaterThan(2);
    for (const step of steps) expect(step.kind === 'text' && step.text.length <= 2000 && step.text.length > 0).toBe(true);
    const texts = steps.map((s) => (s.kind === 'text' ? s.text : ''));
    expect(texts.join('\n\n').replace(/\n\n\[1\][\s\S]*$/, '')).toBe(long);
    expect(texts.at(-1)).toMatch(/\[3\] Để sau\nGõ số\.$/);
    const exact = zaloBotSteps([{ ...choices, text: 'x'.repeat(1990) }], 'Gõ số.');
    expect(exact.map((s) => (s.kind === 'text' ? s.text.length : 0))).toEqual([1990, '[1] Có\n[2] Không\n[3] Để sau\nGõ số.'.length]);
  });
});

describe('sender', () => {
  let fake: FakeZaloBot;
  let app: TestApp;
  let i18n: RecordingI18n;
  let menus: ChoiceMenus;
  const clock = new FakeClock('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    fake = await FakeZaloBot.start();
    i18n = new RecordingI18n();
    app = await makeTestApp({}, { i18n, clock });
    menus = new ChoiceMenus(app, 'zalobot');
  });
  afterAll(async () => {
    await fake?.close();
    await app?.close();
  });

  const sender = (shelf?: MediaShelf) => new ZaloBotSender(app, new ZaloBotClient(fake.url, FAKE_BOT_TOKEN), menus, shelf);

  it('a reply sets the live choices, a push without choices keeps them, a reply without choices clears them', async () => {
    const s = sender();
    expect(await s.deliver('u-1', [choices], 'reply')).toEqual({ outcome: { ok: true } });
    expect(await menus.pick('u-1', 3)).toBe('y:later');
    expect(await s.send('u-1', { text: 'Nhắc việc' })).toEqual({ ok: true });
    expect(await menus.pick('u-1', 1)).toBe('y:1');
    await s.send('u-1', { text: 'Đánh giá?', buttons: [[button('Đánh giá ngay', 'r:9')]] });
    expect(await menus.pick('u-1', 1)).toBe('r:9');
    expect(await menus.pick('u-1', 2)).toBeUndefined();
    await s.deliver('u-1', [{ text: 'Anh/chị hãy mô tả' }], 'reply');
    expect(await menus.pick('u-1', 1)).toBeUndefined();
  });

  it('forgets choices left as long as a dialogue is', async () => {
    await sender().deliver('u-2', [choices], 'reply');
    clock.advance(25 * 3600_000);
    expect(await menus.pick('u-2', 1)).toBeUndefined();
  });

  it('offers a file as a link on the shelf, or says it cannot be sent without a public address', async () => {
    const document = { filename: 'bao-cao-2026-03.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from('PK…').toString('base64') };
    i18n.take();
    await sender(new MediaShelf('https://xa.example.gov.vn', () => clock.now().getTime())).send('u-3', { text: 'Báo cáo', document });
    expect(i18n.take().find((x) => x.id === 'zalobot-file-link')?.args).toMatchObject({ name: 'bao-cao-2026-03.xlsx', minutes: 60 });
    expect(fake.receivedBy('u-3').at(-1)?.text).toMatch(/^📎 bao-cao-2026-03\.xlsx: https:\/\/xa\.example\.gov\.vn\/zalobot\/media\/[A-Za-z0-9_-]{24}\.xlsx/);
    await sender().send('u-4', { text: 'Báo cáo', document });
    expect(i18n.ids()).toEqual(['zalobot-file-unavailable']);
  });

  it('reports refusals the way the outbox acts on them', async () => {
    fake.failNext('sendMessage', 1, 429, 429, 'Too Many Requests');
    expect(await sender().send('u-5', { text: 'a' })).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: 60_000 });
    fake.failNext('sendMessage', 1, 403, 403, 'Forbidden: blocked');
    expect(await sender().send('u-5', { text: 'a' })).toMatchObject({ ok: false, kind: 'permanent' });
    fake.failNext('sendMessage', 1, 200, 400, 'chat not found');
    expect(await sender().send('u-5', { text: 'a' })).toMatchObject({ ok: false, kind: 'permanent' });
    fake.failNext('sendMessage', 1, 502, 502, 'Bad Gateway');
    expect(await sender().send('u-5', { text: 'a' })).toMatchObject({ ok: false, kind: 'retry' });
    expect(outcomeOf({ ok: false, code: 0, description: 'ECONNREFUSED' })).toMatchObject({ kind: 'retry' });
    expect(outcomeOf({ ok: false, code: 429, description: 'slow down', retryAfterS: 7 })).toMatchObject({ retryAfterMs: 7000 });
  });
});

describe('updates', () => {
  it('reads text and pictures from private chats, in either shape, and ignores the rest', () => {
    const event = textEvent('c-1', 'xin chào', 'm-1');
    expect(parseUpdate(event)).toEqual({ kind: 'message', updateId: 'm-1', chatId: 'c-1', text: 'xin chào', displayName: 'Người dùng' });
    expect(eventsIn({ ok: true, result: event }).map(parseUpdate)).toEqual([parseUpdate(event)]);
    expect(eventsIn({ ok: true, result: [event, event] })).toHaveLength(2);
    expect(eventsIn({ ok: true, result: null })).toEqual([]);
    // NFD text (some keyboards) is read as NFC.
    expect(parseUpdate(textEvent('c-1', 'khai sinh'.normalize('NFD') + ' đất'.normalize('NFD'), 'm-2'))).toMatchObject({ text: 'khai sinh đất' });
    const image = { event_name: 'message.image.received', message: { message_id: 'm-3', chat: { id: 'c-1', chat_type: 'PRIVATE' }, photo_url: 'https://p/1.jpg', caption: 'bằng chứng' } };
    expect(parseUpdate(image)).toMatchObject({ text: 'bằng chứng', attachments: [{ kind: 'photo', ref: 'https://p/1.jpg' }] });
    expect(parseUpdate({ event_name: 'message.text.received', message: { chat: { id: 'c-1' }, text: 'x' } })).toEqual({ kind: 'ignored', eventName: 'message.text.received (malformed)' });
    expect(parseUpdate({ ...event, message: { ...(event.message as object), chat: { id: 'g-1', chat_type: 'GROUP' } } })).toMatchObject({ kind: 'ignored' });
    expect(parseUpdate(textEvent('c-1', '   ', 'm-4'))).toMatchObject({ kind: 'ignored' });
    expect(parseUpdate('text')).toEqual({ kind: 'ignored', eventName: '(none)' });
    // A lone surrogate (only a \ud800 escape makes one) would fail the database query: ignored.
    expect(parseUpdate(JSON.parse('{"event_name":"message.text.received","message":{"message_id":"m-5","chat":{"id":"c-1"},"text":"a\\ud800"}}'))).toEqual({
      kind: 'ignored',
      eventName: '(not valid Unicode)',
    });
  });
});
