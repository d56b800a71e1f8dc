// Two instances (two processes on one database) find the Zalo access token due for a refresh
// at the same moment. Zalo's refresh token is single use (the fake refuses a spent one with
// -14014): exactly one refresh reaches Zalo, and both instances go on with the pair it stored.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { storeTokens } from '../../bots/zalo/tokens.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { zaloKeys } from '../support/zalo-app.js';
import { testDatabase } from '../support/database.js';

const HOUR = 3600_000;
let fake: FakeZalo;
let dir: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  fake = await FakeZalo.start(zaloKeys.appId);
  dir = mkdtempSync(path.join(tmpdir(), 'cqtt-zalo-instances-'));
});
afterEach(async () => {
  await fake.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function instance(databaseUrl: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./refresh-child.ts', import.meta.url)), databaseUrl, fake.url, zaloKeys.appId, fake.appSecret],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const tokens = new Promise<string[]>((resolve) => lines.on('line', (line) => (line === 'ready' ? ready() : resolve(JSON.parse(line)))));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { isReady, go: () => child.stdin!.end('go\n'), tokens, exited };
}

describe('Zalo token refresh across instances', () => {
  it('two instances due for a refresh at once: one refresh, the same new pair for both', async () => {
    const database = testDatabase(dir);
    cleanups.push(() => database.drop());
    const grant = fake.issue();
    // A pair issued 21 hours ago: due for its refresh (20 h), still valid for 4 h.
    const setup = await createApp(testConfig({ DATABASE_URL: database.url }), { seed: false });
    await storeTokens(setup.db, { ...grant, expiresInS: 90_000 }, new Date(Date.now() - 21 * HOUR), 'zalo.token.seeded');
    await setup.close();
    // A slow OAuth answer: the second instance certainly asks while the first is refreshing.
    fake.slowRefreshes(400);

    const a = instance(database.url);
    const b = instance(database.url);
    await Promise.all([a.isReady, b.isReady]);
    a.go();
    b.go();
    const [ta, tb] = await Promise.all([a.tokens, b.tokens]);
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    const refreshCalls = fake.callsTo('/v4/oa/access_token');
    expect(refreshCalls.map((c) => c.error)).toEqual([0]);
    expect(fake.refreshes).toBe(1);
    expect(new Set([...ta, ...tb])).toEqual(new Set([ta[0]]));
    expect(ta[0]).not.toBe(grant.accessToken);
    expect(fake.isAccepted(ta[0])).toBe(true);

    const check = await createApp(testConfig({ DATABASE_URL: database.url }), { seed: false });
    try {
      const stored = await check.db.zaloToken.findUniqueOrThrow({ where: { id: 1 } });
      expect(stored.accessToken).toBe(ta[0]);
      expect(stored.refreshToken).toBe(fake.currentRefreshToken());
      expect(await check.db.auditLog.count({ where: { action: 'zalo.token.refreshed' } })).toBe(1);
    } finally {
      await check.close();
    }
  }, 60_000);
});
