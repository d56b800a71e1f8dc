// Zalo OA tokens: refresh ahead of expiry, refresh once on -216/-220, single flight, the new
// refresh token persisted before use, and what is left after a crash in the middle of a refresh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeClock } from '../../src/shared/clock.js';
import { createApp } from '../../src/app.js';
import { FakeZalo, type FakeGrant } from '../support/fake-zalo.js';
import { startZaloApp, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { userText } from '../support/zalo-webhook.js';
import { testDatabase, type TestDatabase } from '../support/database.js';
import { paths } from '../../bots/zalo/client.js';
import { zaloCommand } from '../../bots/zalo/cli.js';
import { runCommand } from '../support/cli.js';

const HOUR = 3600_000;
let fake: FakeZalo;
let dir: string;
let database: TestDatabase;
let clock: FakeClock;
let grant: FakeGrant;
const open: ZaloTestApp[] = [];

async function start(): Promise<ZaloTestApp> {
  // No catalogue needed: these tests are about tokens, and seeding is the slow part of a start.
  const h = await startZaloApp(fake, database.url, clock, { ZALO_ACCESS_TOKEN: grant.accessToken, ZALO_REFRESH_TOKEN: grant.refreshToken }, { seed: false });
  open.push(h);
  return h;
}
async function stop(h: ZaloTestApp): Promise<void> {
  open.splice(open.indexOf(h), 1);
  await h.close();
}
const oauthCalls = () => fake.callsTo('/v4/oa/access_token');
const row = (h: ZaloTestApp) => h.app.db.zaloToken.findUniqueOrThrow({ where: { id: 1 } });

const cli = (h: ZaloTestApp, args: string[]) => runCommand(zaloCommand, args, h.app, () => createApp(h.app.config, { clock, seed: false }));

beforeEach(async () => {
  fake = await FakeZalo.start(keys.appId);
  grant = fake.issue();
  dir = mkdtempSync(path.join(tmpdir(), 'cqtt-zalo-tokens-'));
  database = testDatabase(dir);
  clock = new FakeClock('2026-11-23T02:00:00Z');
});
afterEach(async () => {
  for (const h of [...open]) await stop(h);
  await fake.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Zalo tokens', () => {
  it('seeds the table from the environment once; a stored pair wins over the environment later', async () => {
    const h = await start();
    expect((await row(h)).accessToken).toBe(grant.accessToken);
    await h.app.db.zaloToken.update({ where: { id: 1 }, data: { accessToken: 'acc-from-console' } });
    await stop(h);
    const again = await start();
    expect((await row(again)).accessToken).toBe('acc-from-console');
  });

  it('token expiring mid-conversation: exactly one refresh, the answer delivered once, the new pair stored', async () => {
    const h = await start();
    await h.post(userText(keys, 'u1', '/lang en'));
    await h.settle();
    expect(fake.delivered('u1')).toHaveLength(1);

    fake.expire(grant.accessToken);
    await h.post(userText(keys, 'u1', '/lang vi'));
    await h.settle();
    expect(fake.refreshes).toBe(1);
    const answers = fake.delivered('u1');
    expect(answers).toHaveLength(2);
    expect(answers[1].message.text).toBe('Đã chuyển sang Tiếng Việt.');
    expect(fake.callsTo(paths.message).map((c) => c.error)).toEqual([0, -220, 0]);

    // Rotation persisted: the stored pair is the one Zalo issued, and the old refresh token is spent.
    const stored = await row(h);
    expect(stored.refreshToken).toBe(fake.currentRefreshToken());
    expect(stored.refreshToken).not.toBe(grant.refreshToken);
    expect(stored.accessExpiresAt.getTime()).toBe(clock.now().getTime() + 90_000_000);
    expect(oauthCalls()[0].form).toEqual({ refresh_token: grant.refreshToken, app_id: keys.appId, grant_type: 'refresh_token' });
    expect(await h.app.db.auditLog.count({ where: { action: 'zalo.token.refreshed' } })).toBe(1);
  });

  it('refreshes ahead of expiry, 20 hours after issue, before the call that needs it', async () => {
    const h = await start();
    clock.advance(19 * HOUR);
    await h.zalo.sender.send('u2', { text: 'một' });
    expect(fake.refreshes).toBe(0);
    clock.advance(1 * HOUR + 1);
    await h.zalo.sender.send('u2', { text: 'hai' });
    expect(fake.refreshes).toBe(1);
    expect(fake.callsTo(paths.message).map((c) => c.error)).toEqual([0, 0]);
    expect(fake.callsTo(paths.message)[1].accessToken).toBe((await row(h)).accessToken);
  });

  it('concurrent callers share one refresh (single flight)', async () => {
    const h = await start();
    fake.slowRefreshes(100);
    fake.expire(grant.accessToken);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => h.zalo.sender.send(`u3-${i}`, { text: `tin ${i}` })));
    for (const o of outcomes) expect(o).toEqual({ ok: true });
    expect(fake.refreshes).toBe(1);
    expect(oauthCalls()).toHaveLength(1);
    for (let i = 0; i < 12; i++) expect(fake.delivered(`u3-${i}`)).toHaveLength(1);

    // Callers that were refused with the old token after the refresh had finished take the new one.
    const fresh = await h.zalo.tokens.replace(grant.accessToken);
    expect(fresh).toBe((await row(h)).accessToken);
    expect(oauthCalls()).toHaveLength(1);
  });

  it('killed before Zalo issued a new pair: the stored refresh token still works on the next start', async () => {
    const h = await start();
    clock.advance(21 * HOUR);
    fake.loseNextRefresh('before-issue');
    expect(await h.zalo.sender.send('u4', { text: 'trước' })).toEqual({ ok: true }); // on the old token
    expect(fake.refreshes).toBe(0);
    expect((await row(h)).refreshToken).toBe(grant.refreshToken);
    await stop(h);

    const restarted = await start();
    expect(await restarted.zalo.sender.send('u4', { text: 'sau' })).toEqual({ ok: true });
    expect(fake.refreshes).toBe(1);
    const stored = await row(restarted);
    expect(stored.refreshToken).toBe(fake.currentRefreshToken());
    expect(stored.lastError).toBeNull();
    expect(fake.delivered('u4')).toHaveLength(2);
  });

  it('killed after Zalo issued a new pair: the current access token carries on, the loss is reported, no refresh storm', async () => {
    const h = await start();
    clock.advance(21 * HOUR);
    fake.loseNextRefresh('after-issue'); // Zalo spent the stored refresh token; its answer never arrived
    expect(await h.zalo.sender.send('u5', { text: 'một' })).toEqual({ ok: true });
    await stop(h);

    clock.advance(2 * 60_000);
    const restarted = await start();
    // The next start tries the stored refresh token once; Zalo refuses it as used.
    for (let i = 0; i < 5; i++) expect(await restarted.zalo.sender.send('u5', { text: `tin ${i}` })).toEqual({ ok: true });
    expect(oauthCalls()).toHaveLength(2);
    expect(oauthCalls()[1].error).toBe(-14014);
    expect(fake.delivered('u5')).toHaveLength(6);
    const stored = await row(restarted);
    expect(stored.accessToken).toBe(grant.accessToken);
    expect(stored.lastError).toContain('-14014');

    const status = await cli(restarted, ['status']);
    expect(status.code).toBe(1);
    expect(status.out).toContain('-14014');
    expect(status.out).toContain('zalo set-tokens');
    expect(status.out).not.toContain(grant.accessToken);

    // Once the old access token lapses too, pushes wait (retry) rather than being lost or stormed.
    fake.expire(grant.accessToken);
    expect(await restarted.zalo.sender.send('u5', { text: 'chờ' })).toMatchObject({ ok: false, kind: 'retry' });
    expect(oauthCalls()).toHaveLength(2);

    // The admin re-authorises in the developer console and stores the new pair.
    const fresh = fake.issue();
    const set = await cli(restarted, ['set-tokens', '--access', fresh.accessToken, '--refresh', fresh.refreshToken]);
    expect(set.code).toBe(0);
    expect(await restarted.zalo.sender.send('u5', { text: 'lại được' })).toEqual({ ok: true });
    expect(fake.callsTo(paths.message).at(-1)?.accessToken).toBe(fresh.accessToken);
    expect((await cli(restarted, ['status'])).code).toBe(0);
  });

  it('zalo status shows age, expiry and refresh time; set-tokens checks its arguments', async () => {
    const h = await start();
    clock.advance(3 * HOUR + 15 * 60_000);
    const { code, out } = await cli(h, ['status']);
    expect(code).toBe(0);
    expect(out).toContain('cách đây 3 giờ 15 phút');
    expect(out).toContain('còn 21 giờ 45 phút');
    expect(out).toContain('Lỗi gần nhất: không có');
    expect(out).not.toContain(grant.accessToken);
    await expect(cli(h, ['set-tokens', '--access', 'a'])).rejects.toThrow('--refresh');
    await expect(cli(h, ['set-tokens', '--access', 'a', '--refresh', 'b', '--expires-in', '5'])).rejects.toThrow('--expires-in');
    expect((await row(h)).accessToken).toBe(grant.accessToken);
  });
});
