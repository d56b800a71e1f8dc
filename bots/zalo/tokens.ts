// Zalo OA access tokens. The access token lives 25 h; the refresh token is single use: every
// refresh spends it and returns a new pair. So:
// - one refresh at a time in the process (single flight: concurrent callers share one promise),
//   and one at a time across instances: the refresh holds a lease row (src/db/lease.ts), and the
//   token row is read again after the lease is taken, so an instance that waited for another's
//   refresh uses the pair it stored instead of spending the same refresh token a second time;
// - the new pair is committed to the ZaloToken row (one transaction) BEFORE the new access
//   token is handed to anyone;
// - refreshes happen ahead of expiry (20 h after issue), so that if a refresh ever fails the
//   current access token still has hours to run while someone looks at `zalo status`.
//
// Killed during a refresh:
// - before Zalo processed the request: the stored refresh token was not spent; the next start
//   refreshes with it as usual.
// - after Zalo issued the new pair but before the commit: Zalo has spent the stored refresh
//   token and the new one died with the process. Nothing can recover that pair (it existed
//   only in memory), so the window is kept to the commit itself, nothing else runs in
//   between. The service then keeps using the stored access token, which stays valid until
//   its own expiry (at least 5 h, since refreshes start at 20 h of 25), records the refused
//   refresh as lastError (shown by `zalo status`), retries the refresh at most once a minute,
//   and an admin stores a new pair with `zalo set-tokens` from the developer console.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { z } from 'zod';
import type { Services } from '../../src/services.js';
import type { Db } from '../../src/db/index.js';
import type { ZaloToken } from '../../src/generated/prisma/client.js';
import { acquireLease, instanceId, releaseLease } from '../../src/db/lease.js';

export const ACCESS_LIFETIME_S = 90_000; // 25 h, Zalo's documented value
const REFRESH_AFTER_MS = 20 * 3600_000;
/** A failed refresh is not retried sooner than this, so a lost grant cannot cause a storm. */
const REFRESH_BACKOFF_MS = 60_000;
const OAUTH_TIMEOUT_MS = 10_000;
/**
 * Every API call needs the token, so the row is read at most this often on that path (a pair
 * stored by `zalo set-tokens` from another process shows up within it, or at once when Zalo
 * refuses the old token). Decisions to refresh always read the row afresh.
 */
const CACHE_MS = 30_000;
/** The refresh lease: longer than a refresh can take (the OAuth timeout and the commit). */
const REFRESH_LEASE = 'zalo-token-refresh';
const REFRESH_LEASE_MS = 3 * OAUTH_TIMEOUT_MS;
/** How often an instance waiting for another's refresh looks again, and for how long at most. */
const LEASE_POLL_MS = 200;
const LEASE_WAIT_MS = REFRESH_LEASE_MS + OAUTH_TIMEOUT_MS;

const refreshAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number),
});
const oauthError = z.object({
  error: z.number().optional(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

export class NoZaloTokens extends Error {
  constructor() {
    super('no Zalo tokens stored: run `npm run cli -- zalo set-tokens`');
  }
}

export type TokenApp = Pick<Services, 'db' | 'clock' | 'log' | 'config'>;

/** When the stored access token should be replaced: 20 h after issue, or at 80% of a shorter life. */
export function refreshDueAt(row: Pick<ZaloToken, 'refreshedAt' | 'accessExpiresAt'>): Date {
  const issued = row.refreshedAt.getTime();
  const life = row.accessExpiresAt.getTime() - issued;
  return new Date(issued + Math.min(REFRESH_AFTER_MS, Math.floor(life * 0.8)));
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInS: number;
}

/** Stores a pair from the developer console (or the first one from the environment). */
export async function storeTokens(db: Db, pair: TokenPair, now: Date, action: string): Promise<void> {
  const data = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: new Date(now.getTime() + pair.expiresInS * 1000),
    refreshedAt: now,
    lastError: null,
    lastErrorAt: null,
  };
  await db.$transaction([
    db.zaloToken.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data }),
    db.auditLog.create({ data: { action, detail: `expires_in=${pair.expiresInS}` } }),
  ]);
}

type Refreshed = { ok: true; pair: TokenPair } | { ok: false; error: string };

export class ZaloTokens {
  private flight: Promise<string | null> | null = null;
  private refreshBlockedUntil = 0;
  private cached: { row: ZaloToken; readAt: number } | null = null;
  /** This object's name on the refresh lease (unique even with several in one process). */
  private readonly holder = `${instanceId}/${randomBytes(3).toString('hex')}`;

  constructor(private readonly services: TokenApp) {}

  async stored(): Promise<ZaloToken | null> {
    const row = await this.services.db.zaloToken.findUnique({ where: { id: 1 } });
    this.cached = row ? { row, readAt: Date.now() } : null;
    return row;
  }

  private recent(): Promise<ZaloToken | null> {
    if (this.cached && Date.now() - this.cached.readAt < CACHE_MS) return Promise.resolve(this.cached.row);
    return this.stored();
  }

  /** First start: take ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN, but only into an empty table. */
  async seedFromConfig(): Promise<void> {
    const { ZALO_ACCESS_TOKEN: accessToken, ZALO_REFRESH_TOKEN: refreshToken } = this.services.config;
    if (!accessToken || !refreshToken || (await this.stored())) return;
    await storeTokens(this.services.db, { accessToken, refreshToken, expiresInS: ACCESS_LIFETIME_S }, this.services.clock.now(), 'zalo.token.seeded');
  }

  /** The token to call the API with; refreshed first when due. Throws NoZaloTokens when there is none. */
  async accessToken(): Promise<string> {
    const row = await this.recent();
    if (!row) throw new NoZaloTokens();
    const due = (r: ZaloToken) => this.services.clock.now() >= refreshDueAt(r);
    // After a failed refresh the current token stays in use until the back-off ends: it has hours left.
    if (!due(row) || this.refreshBlocked()) return row.accessToken;
    return (await this.singleFlight(due)) ?? row.accessToken;
  }

  /**
   * Zalo refused `rejected` as invalid or expired: returns the token to retry with (a newer
   * stored one, or a freshly refreshed one), or null when there is none to offer.
   */
  async replace(rejected: string): Promise<string | null> {
    const isRejected = (r: ZaloToken) => r.accessToken === rejected;
    let token = await this.singleFlight(isRejected);
    // Joined a flight started for another reason that left the token as it was: one more go.
    if (token === rejected) token = await this.singleFlight(isRejected);
    return token === rejected ? null : token;
  }

  /**
   * Runs at most one refresh at a time. The condition is checked inside the flight against
   * the stored row, so a caller that arrives just after a refresh finished uses its result
   * instead of spending the new refresh token on a second one.
   */
  private singleFlight(shouldRefresh: (row: ZaloToken) => boolean): Promise<string | null> {
    this.flight ??= (async () => {
      const row = await this.stored();
      if (!row) return null;
      if (!shouldRefresh(row)) return row.accessToken;
      if (this.refreshBlocked()) return null;
      return this.refreshAlone(shouldRefresh);
    })().finally(() => {
      this.flight = null;
    });
    return this.flight;
  }

  /**
   * Refreshes under the lease; waits while another instance holds it. With the lease taken the
   * row is read again: when another instance has refreshed meanwhile, its pair is used as is.
   */
  private async refreshAlone(shouldRefresh: (row: ZaloToken) => boolean): Promise<string | null> {
    const { db, clock, log } = this.services;
    const giveUpAt = Date.now() + LEASE_WAIT_MS;
    while (!(await acquireLease(db, REFRESH_LEASE, this.holder, REFRESH_LEASE_MS, clock.now()))) {
      if (Date.now() > giveUpAt) {
        log.warn('zalo token refresh: another instance still holds the refresh; the current token stays in use');
        return null;
      }
      await sleep(LEASE_POLL_MS);
    }
    try {
      const row = await this.stored();
      if (!row) return null;
      if (!shouldRefresh(row)) return row.accessToken;
      return await this.refresh(row);
    } finally {
      await releaseLease(db, REFRESH_LEASE, this.holder).catch((error) => log.warn({ err: error }, 'zalo refresh lease not released'));
    }
  }

  private refreshBlocked(): boolean {
    return this.services.clock.now().getTime() < this.refreshBlockedUntil;
  }

  private async refresh(row: ZaloToken): Promise<string | null> {
    const { db, clock, log } = this.services;
    const answer = await this.callOauth(row.refreshToken);
    if (!answer.ok) {
      const now = clock.now();
      this.refreshBlockedUntil = now.getTime() + REFRESH_BACKOFF_MS;
      await db.zaloToken.update({ where: { id: 1 }, data: { lastError: answer.error.slice(0, 500), lastErrorAt: now } });
      this.cached = null;
      log.error({ zalo: answer.error }, 'zalo token refresh failed; the current access token stays in use');
      return null;
    }
    // Nothing between Zalo's answer and this commit: the old refresh token is spent now.
    await storeTokens(db, answer.pair, clock.now(), 'zalo.token.refreshed');
    // A read that overlapped the refresh may hold the old row; the next one sees the new pair.
    this.cached = null;
    log.info({ expiresInS: answer.pair.expiresInS }, 'zalo tokens refreshed');
    return answer.pair.accessToken;
  }

  private async callOauth(refreshToken: string): Promise<Refreshed> {
    const { ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OAUTH_BASE } = this.services.config;
    if (!ZALO_APP_ID || !ZALO_APP_SECRET) return { ok: false, error: 'ZALO_APP_ID and ZALO_APP_SECRET are needed to refresh' };
    let status: number;
    let text: string;
    try {
      const res = await request(new URL('/v4/oa/access_token', ZALO_OAUTH_BASE), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: ZALO_APP_SECRET },
        body: new URLSearchParams({ refresh_token: refreshToken, app_id: ZALO_APP_ID, grant_type: 'refresh_token' }).toString(),
        headersTimeout: OAUTH_TIMEOUT_MS,
        bodyTimeout: OAUTH_TIMEOUT_MS,
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (error) {
      return { ok: false, error: `refresh request failed: ${(error as Error).message}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: `refresh answer is not JSON (HTTP ${status})` };
    }
    const pair = refreshAnswer.safeParse(json);
    if (pair.success) {
      const { access_token, refresh_token, expires_in } = pair.data;
      return { ok: true, pair: { accessToken: access_token, refreshToken: refresh_token, expiresInS: expires_in } };
    }
    const e = oauthError.safeParse(json);
    const detail = e.success
      ? [e.data.error, e.data.error_name, e.data.error_description ?? e.data.message].filter((v) => v !== undefined).join(' ')
      : `unexpected answer (HTTP ${status})`;
    return { ok: false, error: `refresh refused: ${detail}` };
  }
}
