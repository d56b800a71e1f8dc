// What Zalo bills, against the fake Zalo that bills as Zalo does: replies quote the citizen's
// message (split messages too) and are free; a push with no message to quote, or after 48 h,
// is paid; after 8 free replies to one message the rest is paid; `zalo status` shows the month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/shared/clock.js';
import { createApp } from '../../src/app.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { startZaloSuite, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { userText } from '../support/zalo-webhook.js';
import { zaloCommand } from '../../bots/zalo/cli.js';
import { FREE_REPLIES_PER_MESSAGE } from '../../bots/zalo/billing.js';
import { vnMonth } from '../../src/shared/vntime.js';
import { runCommand } from '../support/cli.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
const clock = new FakeClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock, { RATE_LIMIT_MESSAGES_PER_MINUTE: '10000' }));
});
afterAll(() => close());

const ask = async (userId: string, text: string, msgId?: string) => {
  expect((await h.post(userText(keys, userId, text, msgId))).status).toBe(200);
  await h.settle();
};

async function status(): Promise<string> {
  return (await runCommand(zaloCommand, ['status'], h.app, () => createApp(h.app.config, { clock, seed: false }))).out;
}

describe('Zalo billing', () => {
  it('answers quote the question, split messages included, and cost nothing', async () => {
    await ask('b-long', 'đăng ký khai sinh', 'b-long-q1');
    // A long answer in several parts: each part is a free reply to the same question.
    expect(await h.zalo.sender.send('b-long', { text: 'Hồ sơ gồm tờ khai. '.repeat(300) })).toEqual({ ok: true });
    const sent = fake.delivered('b-long');
    expect(sent.length).toBeGreaterThan(2);
    for (const m of sent) expect(m.recipient).toEqual({ user_id: 'b-long', message_id: 'b-long-q1' });
    expect(fake.billed('paid', 'b-long')).toBe(0);
    expect(fake.billed('free', 'b-long')).toBe(sent.length);
  });

  it('a push with nothing to quote, or sent after 48 hours, is a paid message; the count agrees with Zalo', async () => {
    const before = await h.zalo.billing.usage(vnMonth(clock.now()));
    expect(await h.zalo.sender.send('b-never', { text: 'Kết quả đã có.' })).toEqual({ ok: true });
    expect(fake.delivered('b-never')[0].recipient).toEqual({ user_id: 'b-never' });
    await ask('b-late', 'đăng ký kết hôn');
    clock.advance(48 * 3600_000 + 1000);
    expect(await h.zalo.sender.send('b-late', { text: 'Kết quả đã có.' })).toEqual({ ok: true });
    expect(fake.delivered('b-late').at(-1).recipient).toEqual({ user_id: 'b-late' });
    expect(fake.billed('paid', 'b-late')).toBe(1);
    const after = await h.zalo.billing.usage(vnMonth(clock.now()));
    expect(after.paidMessages - before.paidMessages).toBe(2);
    // Writing again opens a new 48 hours.
    await ask('b-late', 'cảm ơn');
    expect(fake.billed('paid', 'b-late')).toBe(1);
  });

  it('after 8 free replies to one message the next ones are paid, as Zalo counts them', async () => {
    await ask('b-many', 'xin chào', 'b-many-q');
    const free = fake.billed('free', 'b-many');
    for (let i = free; i < FREE_REPLIES_PER_MESSAGE + 2; i++) {
      expect(await h.zalo.sender.send('b-many', { text: `Tin ${i}` })).toEqual({ ok: true });
    }
    expect(fake.billed('free', 'b-many')).toBe(FREE_REPLIES_PER_MESSAGE);
    expect(fake.billed('paid', 'b-many')).toBe(2);
  });

  it('a refused send gives its free reply back', async () => {
    await ask('b-refused', 'xin chào', 'b-refused-q');
    const used = fake.billed('free', 'b-refused');
    fake.failNext('/v3.0/oa/message/cs', -32);
    expect((await h.zalo.sender.send('b-refused', { text: 'Tin' })).ok).toBe(false);
    for (let i = used; i < FREE_REPLIES_PER_MESSAGE; i++) await h.zalo.sender.send('b-refused', { text: `Tin ${i}` });
    expect(fake.billed('free', 'b-refused')).toBe(FREE_REPLIES_PER_MESSAGE);
    expect(fake.billed('paid', 'b-refused')).toBe(0);
  });

  it("zalo status shows the month's free replies, paid and template messages as counted", async () => {
    const usage = await h.zalo.billing.usage(vnMonth(clock.now()));
    expect(usage.freeReplies).toBe(fake.billed('free'));
    expect(usage.paidMessages).toBe(fake.billed('paid'));
    const out = await status();
    expect(out).toContain(`Tin đã gửi tháng ${usage.month}: ${usage.freeReplies} tin trả lời miễn phí, ${usage.paidMessages} tin tư vấn tính phí, 0 tin mẫu`);
  });

  it('keeps the newest message: one handled late (after a restart) does not replace it nor reset its count', async () => {
    const at = clock.now();
    await h.zalo.billing.noteMessage('b-order', 'new', at);
    expect(await h.zalo.billing.takeFreeReply('b-order')).toBe('new');
    await h.zalo.billing.noteMessage('b-order', 'old', new Date(at.getTime() - 60_000));
    await h.zalo.billing.noteMessage('b-order', 'new', at); // delivered again
    expect(await h.app.db.zaloContact.findUnique({ where: { userId: 'b-order' } })).toMatchObject({ messageId: 'new', freeUsed: 1 });
    await h.zalo.billing.noteMessage('b-order', 'newer', new Date(at.getTime() + 1000));
    expect(await h.app.db.zaloContact.findUnique({ where: { userId: 'b-order' } })).toMatchObject({ messageId: 'newer', freeUsed: 0 });
  });
});
