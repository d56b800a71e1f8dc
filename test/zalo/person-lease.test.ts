// Zalo events with several instances: one person's events are handled by whichever instance
// holds that person's lease, oldest first, including events another instance stored. Here the
// "other instance" is played through the database (its lease row, its stored events);
// test/instances/ runs two real processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/shared/clock.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { startZaloSuite, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { userText } from '../support/zalo-webhook.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
const clock = new FakeClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock));
});
afterAll(() => close());

const texts = (userId: string) => fake.delivered(userId).map((m) => String(m.message.text));
const status = async (updateId: string) =>
  (await h.app.db.inboundUpdate.findUniqueOrThrow({ where: { channel_updateId: { channel: 'zalo', updateId } } })).status;

describe('Zalo events across instances', () => {
  it('waits while another instance holds the person; then handles what is left, in order', async () => {
    // Another instance is handling u-busy and has stored an earlier event of theirs.
    await h.app.db.lease.create({ data: { name: 'zalo-person:u-busy', holder: 'other-instance', expiresAt: new Date(clock.now().getTime() + 60_000) } });
    const earlier = userText(keys, 'u-busy', '/help', 'busy-1');
    await h.app.db.inboundUpdate.create({
      data: { channel: 'zalo', updateId: 'busy-1', body: JSON.stringify(earlier), userId: 'u-busy', status: 'received', receivedAt: new Date(clock.now().getTime() - 1000) },
    });
    expect((await h.post(userText(keys, 'u-busy', 'đăng ký kết hôn', 'busy-2'))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await status('busy-2')).toBe('received');
    expect(fake.delivered('u-busy')).toHaveLength(0);

    // The other instance lets go (it finished, or its lease ran out).
    await h.app.db.lease.delete({ where: { name: 'zalo-person:u-busy' } });
    await h.settle();
    expect(await status('busy-1')).toBe('processed');
    expect(await status('busy-2')).toBe('processed');
    const got = texts('u-busy');
    expect(got.length).toBeGreaterThanOrEqual(2);
    // The help came first: the earlier event, though stored elsewhere, was handled first.
    expect(got.at(-1)).toContain('kết hôn');
    expect(await h.app.db.lease.count({ where: { name: 'zalo-person:u-busy' } })).toBe(0);
  });

  it('a person whose lease has expired (their instance died) is taken over', async () => {
    await h.app.db.lease.create({ data: { name: 'zalo-person:u-dead', holder: 'dead-instance', expiresAt: new Date(clock.now().getTime() - 1) } });
    expect((await h.post(userText(keys, 'u-dead', 'đăng ký kết hôn', 'dead-1'))).status).toBe(200);
    await h.settle();
    expect(await status('dead-1')).toBe('processed');
    expect(texts('u-dead')).toHaveLength(1);
  });

  it('one person\u2019s events posted back to back are handled in the order they came', async () => {
    const messages = ['/help', 'đăng ký kết hôn', '/start', 'chứng thực bản sao'];
    for (const [i, text] of messages.entries()) expect((await h.post(userText(keys, 'u-order', text, `order-${9 - i}`))).status).toBe(200);
    await h.settle();
    const rows = await h.app.db.inboundUpdate.findMany({ where: { userId: 'u-order' } });
    expect(rows.every((r) => r.status === 'processed')).toBe(true);
    const got = texts('u-order');
    expect(got.findIndex((t) => t.includes('kết hôn'))).toBeLessThan(got.findIndex((t) => t.includes('sao')));
  });
});
