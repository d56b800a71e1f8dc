// Zalo events carry no name: the account gets the person's Zalo name (user/detail) after its
// first event is answered, so a signed complaint and the officials' lists name Zalo users too.
// A name already given (an invitation, /ten) stays; a person Zalo says nothing about is asked
// once, not at every message; the answer never waits for the name.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/shared/clock.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { startZaloSuite, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { userText } from '../support/zalo-webhook.js';
import { paths } from '../../bots/zalo/client.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
const clock = new FakeClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock, { RATE_LIMIT_MESSAGES_PER_MINUTE: '10000' }));
});
afterAll(() => close());
beforeEach(() => fake.reset());

const ask = async (userId: string, text: string) => {
  expect((await h.post(userText(keys, userId, text))).status).toBe(200);
  await h.settle();
};
const nameOf = async (userId: string) =>
  (await h.app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalo', externalId: userId } } })).displayName;
const profileCalls = () => fake.callsTo(paths.userDetail);

describe('Zalo profile names', () => {
  it('names a new person from Zalo after answering them, asking once', async () => {
    fake.profiles.set('z-an', 'Nguyễn Thị An');
    await ask('z-an', 'đăng ký khai sinh');
    expect(await nameOf('z-an')).toBe('Nguyễn Thị An');
    expect(profileCalls().map((c) => c.json)).toEqual([{ user_id: 'z-an' }]);
    // The answer went out before the name was asked for.
    const order = fake.calls.map((c) => c.path);
    expect(order.indexOf(paths.message)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(paths.message)).toBeLessThan(order.indexOf(paths.userDetail));
    await ask('z-an', 'đăng ký kết hôn');
    expect(profileCalls()).toHaveLength(1);
  });

  it('keeps a name given in the bot (/ten), and asks once about a person Zalo says nothing of', async () => {
    fake.profiles.set('z-binh', 'Binh Zalo');
    await ask('z-binh', '/ten Trần Văn Bình');
    expect(await nameOf('z-binh')).toBe('Trần Văn Bình');

    await ask('z-lan', 'đăng ký khai sinh'); // no profile: Zalo answers -213
    await ask('z-lan', 'đăng ký kết hôn');
    expect(await nameOf('z-lan')).toBeNull();
    expect(profileCalls().filter((c) => c.json?.user_id === 'z-lan')).toHaveLength(1);
  });
});
