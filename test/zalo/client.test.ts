// The Zalo client and sender against the fake Zalo: message shapes, uploads, error envelopes
// and what the outbox does with each outcome.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/shared/clock.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { resolveAccount } from '../../src/accounts/accounts.js';
import type { Reply } from '../../src/conversation/types.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { startZaloSuite, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { userText } from '../support/zalo-webhook.js';
import { ZaloClient, paths } from '../../bots/zalo/client.js';
import { ZaloTokens } from '../../bots/zalo/tokens.js';
import { ZaloSender } from '../../bots/zalo/sender.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
const clock = new FakeClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock));
});
afterAll(() => close());
beforeEach(() => fake.reset());

const send = (userId: string, reply: Reply) => h.zalo.sender.send(userId, reply);
const account = (userId: string, locale?: string) => resolveAccount(h.app, 'zalo', userId, { now: clock.now(), locale });
const dispatcher = () => new OutboxDispatcher(h.app, { senders: [h.zalo.sender], pacing: false });

describe('Zalo client', () => {
  it('sends a long text as several messages of at most 2,000 characters, NFC', async () => {
    const text = 'Hồ sơ gồm tờ khai và giấy tờ tùy thân. '.normalize('NFD').repeat(120);
    expect(await send('c1', { text })).toEqual({ ok: true });
    const parts = fake.delivered('c1').map((m) => m.message.text as string);
    expect(parts.length).toBe(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p).toBe(p.normalize('NFC'));
    }
    expect(parts.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.normalize('NFC').replace(/\s+/g, ' ').trim());
    for (const call of fake.calls) expect(call.accessToken).toMatch(/^acc-/);
  });

  it('sends twelve buttons as three messages, the later ones on a "more options" line in the person\'s language', async () => {
    await account('c2', 'en');
    const buttons = Array.from({ length: 12 }, (_, i) => [{ label: `Thủ tục ${i + 1}`, payload: `p:${i}` }]);
    expect(await send('c2', { text: 'Chọn thủ tục:', buttons })).toEqual({ ok: true });
    const sent = fake.delivered('c2').map((m) => [m.message.text, m.message.attachment.payload.buttons.length]);
    expect(sent).toEqual([
      ['Chọn thủ tục:', 5],
      ['More options (2/3):', 5],
      ['More options (3/3):', 2],
    ]);
  });

  it('uploads a PNG and a file first, then sends the media and file messages after the text', async () => {
    const reply: Reply = {
      text: 'Quét mã để đánh giá:',
      image: { filename: 'qr-HS-1.png', base64: Buffer.from('png-bytes').toString('base64'), alt: 'Mã QR của hồ sơ HS-1' },
      document: { filename: 'bao-cao.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from('xlsx').toString('base64') },
    };
    expect(await send('c3', reply)).toEqual({ ok: true });
    expect(fake.calls.map((c) => c.path)).toEqual([paths.uploadImage, paths.uploadFile, paths.message, paths.message, paths.message]);
    const [text, image, file] = fake.delivered('c3').map((m) => m.message);
    expect(text).toEqual({ text: 'Quét mã để đánh giá:' });
    expect(image.text).toBe('Mã QR của hồ sơ HS-1');
    expect(image.attachment).toEqual({
      type: 'template',
      payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: expect.stringMatching(/^img-/) }] },
    });
    // The uploaded bytes, under their name, are what the media message points to.
    const upload = fake.upload(image.attachment.payload.elements[0].attachment_id);
    expect(upload).toMatchObject({ filename: 'qr-HS-1.png', contentType: 'image/png' });
    expect(upload?.data.toString()).toBe('png-bytes');
    expect(file.attachment).toEqual({ type: 'file', payload: { token: expect.stringMatching(/^file-/) } });
  });

  it('sends nothing when an upload is refused', async () => {
    fake.failNext(paths.uploadImage, -201);
    const outcome = await send('c4', { text: 'Mã QR', image: { filename: 'qr.png', base64: 'aVZCTw==', alt: 'Mã QR' } });
    expect(outcome).toMatchObject({ ok: false, kind: 'permanent' });
    expect(fake.delivered('c4')).toHaveLength(0);
  });

  it('never counts an HTTP-200 error envelope as sent', async () => {
    const to = await account('c5');
    await enqueue(h.app.db, { to, reply: { text: 'Thông báo' } });
    fake.failNext(paths.message, -201);
    await dispatcher().drain();
    const row = await h.app.db.outboxMessage.findFirstOrThrow({ where: { chatId: 'c5' } });
    expect(row.status).toBe('dead');
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toContain('-201');
    expect(fake.callsTo(paths.message).map((c) => c.error)).toEqual([-201]);
  });

  it('backs off on the rate limit (-32) for a minute', async () => {
    fake.failNext(paths.message, -32);
    const outcome = await send('c6', { text: 'x' });
    expect(outcome).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: 60_000 });
    expect(fake.callsTo(paths.message)).toHaveLength(1);
  });

  it('answers -230: no retry storm, the person marked unreachable, the pushes held and sent, before the answer, when they write again', async () => {
    const to = await account('c7');
    await enqueue(h.app.db, { to, reply: { text: 'Hồ sơ của anh/chị đã có kết quả.' } });
    await enqueue(h.app.db, { to, reply: { text: 'Mời anh/chị đánh giá.' } });
    fake.failNext(paths.message, -230);
    const d = dispatcher();
    await d.drain();
    await d.drain();
    expect(fake.callsTo(paths.message)).toHaveLength(1);
    const rows = await h.app.db.outboxMessage.findMany({ where: { chatId: 'c7' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['held', 'held']);
    expect((await h.app.db.account.findUniqueOrThrow({ where: { id: to.id } })).unreachableAt).not.toBeNull();

    // The citizen writes again: the window is open, the held pushes go out once each, and the
    // answer to the question after them (it queues behind them instead of overtaking them).
    await h.post(userText(keys, 'c7', 'đăng ký khai sinh'));
    await h.settle();
    expect(fake.delivered('c7')).toHaveLength(0);
    await d.drain();
    const texts = fake.delivered('c7').map((m) => m.message.text as string);
    expect(texts.slice(0, 2)).toEqual(['Hồ sơ của anh/chị đã có kết quả.', 'Mời anh/chị đánh giá.']);
    expect(texts.slice(2).join('\n')).toContain('khai sinh');
    const after = await h.app.db.outboxMessage.findMany({ where: { chatId: 'c7' } });
    expect(after.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect((await h.app.db.account.findUniqueOrThrow({ where: { id: to.id } })).unreachableAt).toBeNull();
  });

  it('hands a direct reply Zalo refuses for now to the outbox instead of dropping it', async () => {
    fake.failNext(paths.message, -32);
    await h.post(userText(keys, 'c8', 'đăng ký kết hôn'));
    await h.settle();
    expect(fake.delivered('c8')).toHaveLength(0);
    const row = await h.app.db.outboxMessage.findFirstOrThrow({ where: { chatId: 'c8' } });
    expect(row.status).toBe('pending');
    expect(row.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 60_000);
    clock.advance(61_000);
    await dispatcher().drain();
    expect(fake.delivered('c8')).toHaveLength(1);
    expect(fake.delivered('c8')[0].message.text).toContain('kết hôn');
  });

  it('treats a network failure and a missing token pair as "try again later"', async () => {
    const closed = await FakeZalo.start();
    const url = closed.url;
    await closed.close();
    const client = new ZaloClient({ apiBase: url, tokens: new ZaloTokens(h.app), billing: h.zalo.billing });
    const offline = new ZaloSender(h.app, client);
    expect(await offline.send('c9', { text: 'x' })).toMatchObject({ ok: false, kind: 'retry' });

    await h.app.db.zaloToken.deleteMany();
    try {
      const unauthorised = new ZaloSender(h.app, new ZaloClient({ apiBase: fake.url, tokens: new ZaloTokens(h.app), billing: h.zalo.billing }));
      expect(await unauthorised.send('c9', { text: 'x' })).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: 300_000 });
      expect(fake.calls).toHaveLength(0);
    } finally {
      const grant = fake.issue();
      await h.app.db.zaloToken.create({
        data: { id: 1, accessToken: grant.accessToken, refreshToken: grant.refreshToken, accessExpiresAt: new Date(clock.now().getTime() + 90_000_000), refreshedAt: clock.now() },
      });
    }
  });
});
