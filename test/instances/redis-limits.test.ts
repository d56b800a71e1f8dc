// Rate limits shared by the instances through Redis (REDIS_URL): the per-account message limit
// and the per-IP limit count once across two instances. Redis down: the bot keeps answering,
// counting in memory, with a warning. The shared-Redis tests run when TEST_REDIS_URL is set
// (each under a key prefix of its own); the Redis-down test always runs.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import type { FastifyInstance } from 'fastify';
import { makeTestApp, type TestApp } from '../support/app.js';
import { createApp, type App } from '../../src/app.js';
import { buildServer } from '../../src/http/server.js';
import { deskApiRoutes } from '../../src/dossiers/desk-api.js';
import { RecordingI18n } from '../support/i18n.js';

const REDIS = process.env.TEST_REDIS_URL;
const DESK_TOKEN = 'redis-test-desk-token-0123456789abcdef';
if (!REDIS) process.stdout.write('test/instances/redis-limits: TEST_REDIS_URL not set, shared-Redis tests skipped\n');

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

/** Two instances on one database and one Redis (a fresh key prefix per test). */
async function twoInstances(env: Record<string, string>): Promise<[TestApp, App, RecordingI18n]> {
  const i18n = new RecordingI18n();
  const shared = { REDIS_URL: REDIS!, REDIS_KEY_PREFIX: `cqtt-test-${randomBytes(4).toString('hex')}:`, ...env };
  const a = await makeTestApp(shared, { i18n, seed: false });
  open.push(a);
  const b = await createApp(a.config, { i18n, seed: false });
  open.unshift(b);
  return [a, b, i18n];
}

async function listen(app: App): Promise<string> {
  const server: FastifyInstance = await buildServer(app, [deskApiRoutes]);
  open.unshift({ close: () => server.close() });
  return server.listen({ port: 0, host: '127.0.0.1' });
}

describe.skipIf(!REDIS)('limits shared through Redis', () => {
  it('counts one account\u2019s messages across both instances', async () => {
    const [a, b, i18n] = await twoInstances({ RATE_LIMIT_MESSAGES_PER_MINUTE: '4' });
    const say = (app: App, n: number) => app.conversation.handle({ channel: 'console', userId: 'flood', updateId: `f${n}`, text: '/help' });
    for (let n = 0; n < 4; n++) await say(n % 2 ? b : a, n);
    expect(i18n.ids()).not.toContain('rate-limited');
    i18n.take();
    // The fifth, on either instance, is the first over the limit; the sixth gets silence.
    expect(await say(a, 4)).toHaveLength(1);
    expect(i18n.ids()).toEqual(['rate-limited']);
    expect(await say(b, 5)).toEqual([]);
    // Someone else is not affected.
    expect((await a.conversation.handle({ channel: 'console', userId: 'calm', updateId: 'c1', text: '/help' })).length).toBeGreaterThan(0);
  });

  it('counts one address\u2019s requests across both instances', async () => {
    const [a, b] = await twoInstances({ RATE_LIMIT_IP_PER_MINUTE: '5', DESK_API_TOKEN: DESK_TOKEN });
    const urls = [await listen(a), await listen(b)];
    const statuses: number[] = [];
    for (let n = 0; n < 8; n++) {
      const res = await request(`${urls[n % 2]}/api/dossiers`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      await res.body.dump();
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});

describe('Redis down', () => {
  it('the bot keeps answering, limits count in memory, a warning is logged, /healthz says so', async () => {
    const logs: string[] = [];
    // Nothing listens on port 1.
    const app = await makeTestApp(
      { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_MESSAGES_PER_MINUTE: '3', LOG_LEVEL: 'warn', DESK_API_TOKEN: DESK_TOKEN },
      { seed: false, logDestination: { write: (line: string) => void logs.push(line) } },
    );
    open.push(app);
    const say = (n: number) => app.conversation.handle({ channel: 'console', userId: 'u', updateId: `u${n}`, text: '/help' });
    for (let n = 0; n < 3; n++) expect((await say(n)).length).toBeGreaterThan(0);
    expect(await say(3)).toHaveLength(1); // the "slow down" notice: counted locally
    expect(await say(4)).toEqual([]);
    expect(logs.some((l) => l.includes('redis unavailable'))).toBe(true);

    const base = await listen(app);
    const res = await request(`${base}/healthz`);
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toMatchObject({ ok: true, db: 'up', redis: 'down' });
    // The per-IP limit fails open: requests still get their real answer.
    const api = await request(`${base}/api/dossiers`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await api.body.dump();
    expect(api.statusCode).toBe(401);
  });
});
