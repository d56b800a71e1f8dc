import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/shared/clock.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { startZaloApp, startZaloSuite, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testDatabase } from '../support/database.js';
import { eventTimestamp, signature, userImage, userText } from '../support/zalo-webhook.js';
import { startZalo } from '../../bots/zalo/channel.js';
import { INBOUND_RETENTION_DAYS } from '../../src/jobs/housekeeping.js';
import { MAX_REPLAY_WINDOW_MINUTES, testConfig } from '../../src/config/index.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
const clock = new FakeClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock));
});
afterAll(() => close());

const stored = () => h.app.db.inboundUpdate.count({ where: { channel: 'zalo' } });
const accounts = () => h.app.db.account.count({ where: { channel: 'zalo' } });

describe('Zalo webhook', () => {
  it('answers a citizen question with the card and oa.query.hide buttons; a tap opens the detail', async () => {
    const res = await h.post(userText(keys, 'u1', 'lam giay khai sinh cho con can gi'));
    expect(res.status).toBe(200);
    await h.settle();
    const [card] = fake.delivered('u1');
    expect(card.message.text).toContain('Đăng ký khai sinh');
    expect(card.message.text).toMatch(/Lệ phí:/);
    const buttons = card.message.attachment.payload.buttons;
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(5);
    for (const b of buttons) expect(b).toMatchObject({ type: 'oa.query.hide', payload: expect.stringMatching(/^#p:/) });

    // The person's app sends the payload back as their own text.
    await h.post(userText(keys, 'u1', buttons[0].payload));
    await h.settle();
    const detail = fake.delivered('u1')[1];
    expect(detail.message.text.startsWith(`📄 ${buttons[0].title}`)).toBe(true);
    expect(fake.delivered('u1')).toHaveLength(2);
    const rows = await h.app.db.inboundUpdate.findMany({ where: { channel: 'zalo' } });
    expect(rows.map((r) => r.status)).toEqual(['processed', 'processed']);
  });

  it('acknowledges at once and answers after, even when Zalo is slow to take the reply', async () => {
    fake.slowMessages(1500);
    try {
      const started = performance.now();
      const res = await h.post(userText(keys, 'u-slow', 'đăng ký kết hôn'));
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(fake.delivered('u-slow')).toHaveLength(0);
      await h.settle();
      expect(fake.delivered('u-slow')).toHaveLength(1);
    } finally {
      fake.slowMessages(0);
    }
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const [rowsBefore, accountsBefore, sentBefore] = [await stored(), await accounts(), fake.delivered().length];
    const event = userText(keys, 'u-bad', 'đăng ký khai sinh');
    const body = JSON.stringify(event);
    const ts = event.timestamp;
    const attempts = [
      h.post(event, { sign: false }),
      h.post(event, { sign: 'mac=' + '0'.repeat(64) }),
      h.post(event, { sign: 'not a mac' }),
      // Signed with another key.
      h.post(event, { sign: signature({ ...keys, secretKey: 'wrong-key' }, body, ts) }),
      // Signed, then changed on the way.
      h.post(event, { sign: signature(keys, body, ts), body: body.replace('khai sinh', 'kết hôn') }),
      // Signed with a different timestamp than the body's.
      h.post(event, { sign: signature(keys, body, '1') }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(401);
    // Not JSON at all is a malformed request, whatever its signature.
    for (const body of ['not json', '[]', '"text"', '']) {
      expect((await h.post(event, { sign: signature(keys, body, ts), body })).status).toBe(400);
    }
    await h.settle();
    expect(await stored()).toBe(rowsBefore);
    expect(await accounts()).toBe(accountsBefore);
    expect(fake.delivered()).toHaveLength(sentBefore);
  });

  it('handles an event delivered twice (or at the same time) once', async () => {
    const event = userText(keys, 'u-dup', 'đăng ký khai tử', 'msg-dup-1');
    const first = await Promise.all([h.post(event), h.post(event)]);
    const again = await h.post(event);
    for (const res of [...first, again]) expect(res.status).toBe(200);
    await h.settle();
    expect(fake.delivered('u-dup')).toHaveLength(1);
    expect(await h.app.db.inboundUpdate.count({ where: { channel: 'zalo', updateId: 'msg-dup-1' } })).toBe(1);
  });

  it('welcomes a new follower; ignores the OA\'s own echoes and unknown events without storing them', async () => {
    const follow = {
      app_id: keys.appId,
      oa_id: keys.oaId,
      event_name: 'follow',
      timestamp: eventTimestamp(),
      source: 'oa_profile',
      user_id_by_app: 'app-u-follow',
      follower: { id: 'u-follow' },
    };
    expect((await h.post(follow)).status).toBe(200);
    await h.settle();
    const welcome = fake.delivered('u-follow');
    expect(welcome.length).toBeGreaterThan(0);
    expect(welcome[0].message.text).toContain('Xin chào');
    // Zalo retries: the same follow again is not a second welcome.
    expect((await h.post(follow)).status).toBe(200);
    await h.settle();
    expect(fake.delivered('u-follow')).toHaveLength(welcome.length);

    const before = await stored();
    const echo = {
      app_id: keys.appId,
      event_name: 'oa_send_text',
      timestamp: eventTimestamp(),
      sender: { id: keys.oaId },
      recipient: { id: 'u-follow' },
      message: { text: 'Xin chào', msg_id: 'echo-1' },
    };
    const sticker = { ...userText(keys, 'u-follow', ''), event_name: 'user_send_sticker' };
    expect((await h.post(echo)).status).toBe(200);
    expect((await h.post(sticker)).status).toBe(200);
    await h.settle();
    expect(await stored()).toBe(before);
    expect(fake.delivered('u-follow')).toHaveLength(welcome.length);
  });

  it('takes a photo as an attachment (the event is stored with its body and processed)', async () => {
    const event = userImage(keys, 'u-photo', 'https://photo.zdn.vn/x.jpg', 'msg-photo-1');
    expect((await h.post(event)).status).toBe(200);
    await h.settle();
    const row = await h.app.db.inboundUpdate.findUnique({
      where: { channel_updateId: { channel: 'zalo', updateId: 'msg-photo-1' } },
    });
    expect(row?.status).toBe('processed');
    expect(JSON.parse(row!.body!)).toEqual(event);
  });

  it('handles on start the events stored before the process died', async () => {
    // What a process that died right after its 200 leaves behind: a stored, unhandled event.
    const event = userText(keys, 'u-crash', 'cấp bản sao trích lục hộ tịch', 'msg-crash-1');
    await h.app.db.inboundUpdate.create({
      data: { channel: 'zalo', updateId: 'msg-crash-1', body: JSON.stringify(event), status: 'received' },
    });
    const restarted = await startZalo(h.app, h.app.conversation);
    await restarted.worker.idle();
    await restarted.stop();
    expect(fake.delivered('u-crash')).toHaveLength(1);
    const row = await h.app.db.inboundUpdate.findUnique({
      where: { channel_updateId: { channel: 'zalo', updateId: 'msg-crash-1' } },
    });
    expect(row?.status).toBe('processed');
  });

  it('keeps one person\'s messages in order while others are handled alongside', async () => {
    const texts = ['/lang en', 'đăng ký khai sinh', '/lang vi', 'đăng ký khai sinh'];
    for (const t of texts) await h.post(userText(keys, 'u-order', t));
    await Promise.all(Array.from({ length: 6 }, (_, i) => h.post(userText(keys, `u-crowd-${i}`, 'đăng ký kết hôn'))));
    await h.settle();
    const got = fake.delivered('u-order').map((m) => m.message.text as string);
    expect(got[0]).toContain('Switched to English');
    expect(got[1]).toContain('Documents to prepare');
    expect(got[2]).toContain('Tiếng Việt');
    expect(got[3]).toContain('Hồ sơ cần chuẩn bị');
    for (let i = 0; i < 6; i++) expect(fake.delivered(`u-crowd-${i}`)).toHaveLength(1);
  });

  describe('what a valid signature does not prove', () => {
    const nowMs = () => clock.now().getTime();
    const refusedLeavesNothing = async (post: () => Promise<{ status: number }>, userId: string) => {
      const [rowsBefore, accountsBefore] = [await stored(), await accounts()];
      expect((await post()).status).toBe(403);
      await h.settle();
      expect(await stored()).toBe(rowsBefore);
      expect(await accounts()).toBe(accountsBefore);
      expect(fake.delivered(userId)).toHaveLength(0);
    };

    it('refuses a replayed event whose timestamp is older than the window, even under a new msg_id', async () => {
      // Captured 16 minutes ago: the signature is still right, the event is not accepted again.
      const old = { ...userText(keys, 'u-replay', 'đăng ký khai sinh', 'msg-replay-1'), timestamp: String(nowMs() - 16 * 60_000) };
      await refusedLeavesNothing(() => h.post(old), 'u-replay');
      // From 2010 and from 2100, as the attack used.
      for (const at of ['2010-01-01T00:00:00Z', '2100-01-01T00:00:00Z']) {
        const e = { ...userText(keys, 'u-replay', 'đăng ký khai sinh'), timestamp: String(Date.parse(at)) };
        await refusedLeavesNothing(() => h.post(e), 'u-replay');
      }
      // Seconds instead of milliseconds are read as seconds, and judged the same way.
      const seconds = { ...userText(keys, 'u-replay', 'đăng ký khai sinh'), timestamp: String(Math.floor(nowMs() / 1000) - 3600) };
      await refusedLeavesNothing(() => h.post(seconds), 'u-replay');
      // 14 minutes of clock difference either way is still fine.
      for (const skew of [-14, 14]) {
        const e = { ...userText(keys, `u-skew${skew}`, 'đăng ký khai sinh'), timestamp: String(nowMs() + skew * 60_000) };
        expect((await h.post(e)).status).toBe(200);
      }
      await h.settle();
      expect(fake.delivered('u-skew-14')).toHaveLength(1);
      expect(fake.delivered('u-skew14')).toHaveLength(1);
    });

    it('reads X-ZEvent-Timestamp too: a stale header is refused, a signature over the header time accepted', async () => {
      const e = userText(keys, 'u-header', 'đăng ký khai sinh');
      await refusedLeavesNothing(() => h.post(e, { headers: { 'x-zevent-timestamp': String(nowMs() - 3600_000) } }), 'u-header');
      const headerTime = String(nowMs() + 5);
      const body = JSON.stringify(e);
      const res = await h.post(e, { headers: { 'x-zevent-timestamp': headerTime }, sign: signature(keys, body, headerTime) });
      expect(res.status).toBe(200);
      await h.settle();
      expect(fake.delivered('u-header')).toHaveLength(1);
    });

    it('refuses an event signed for another app (app_id is not ZALO_APP_ID)', async () => {
      const foreign = { ...keys, appId: '9999999999' };
      // Signed correctly with the key, but for an app that is not this one.
      const e = userText(foreign, 'u-foreign', 'đăng ký khai sinh');
      const body = JSON.stringify(e);
      await refusedLeavesNothing(() => h.post(e, { body, sign: signature(foreign, body, e.timestamp) }), 'u-foreign');
      // The OA-id form of the signature does not get around it either.
      const oaSigned = `mac=${createHash('sha256').update(`${keys.oaId}${body}${e.timestamp}${keys.secretKey}`).digest('hex')}`;
      await refusedLeavesNothing(() => h.post(e, { body, sign: oaSigned }), 'u-foreign');
    });

    it('keeps the records that recognise a repeat longer than the widest window it accepts', () => {
      expect(INBOUND_RETENTION_DAYS * 24 * 60).toBeGreaterThan(MAX_REPLAY_WINDOW_MINUTES);
      expect(() => testConfig({ ZALO_WEBHOOK_MAX_SKEW_MINUTES: String(MAX_REPLAY_WINDOW_MINUTES + 1) })).toThrow(/ZALO_WEBHOOK_MAX_SKEW_MINUTES/);
    });
  });

  it('logs which signature variant matched, once per start', async () => {
    const lines: string[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-zalo-variant-'));
    const grant = fake.issue();
    const database = testDatabase(dir);
    const app = await startZaloApp(fake, database.url, clock, { LOG_LEVEL: 'info', ZALO_ACCESS_TOKEN: grant.accessToken, ZALO_REFRESH_TOKEN: grant.refreshToken }, {
      logDestination: { write: (line) => void lines.push(line) },
    });
    try {
      for (let i = 0; i < 3; i++) expect((await app.post(userText(keys, `u-variant-${i}`, 'đăng ký khai sinh'))).status).toBe(200);
      await app.settle();
      const logged = lines.filter((l) => l.includes('zalo webhook signature variant')).map((l) => JSON.parse(l));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ signatureId: 'app_id', timestamp: 'body' });
    } finally {
      await app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
