// The Redis that several instances share for their rate limits (REDIS_URL). Limits must never
// stop the bot: commands fail fast instead of queueing while Redis is away (no offline queue,
// a short command timeout), callers then count in this process's memory, and the outage is
// logged as a warning at most every 30 s. The client keeps reconnecting in the background.
import { Redis } from 'ioredis';
import type { Logger } from './log.js';

const COMMAND_TIMEOUT_MS = 300;
const WARN_EVERY_MS = 30_000;

export interface SharedRedis {
  client: Redis;
  /** Says once in a while that Redis failed and the limits count per instance meanwhile. */
  warn(error: unknown): void;
  /** 'up' when a PING answers now; for /healthz. */
  status(): Promise<'up' | 'down'>;
  close(): Promise<void>;
}

/** How long a start waits for Redis before going on without it (it keeps reconnecting). */
const READY_WAIT_MS = 2000;

/** Connects (waiting briefly: commands fail fast until connected) and returns the shared Redis. */
export async function openRedis(url: string, keyPrefix: string, log: Logger): Promise<SharedRedis> {
  const client = new Redis(url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  let warnedAt = 0;
  const warn = (error: unknown) => {
    const now = Date.now();
    if (now - warnedAt < WARN_EVERY_MS) return;
    warnedAt = now;
    log.warn({ err: error instanceof Error ? error.message : String(error) }, 'redis unavailable: rate limits count in this instance only until it is back');
  };
  client.on('error', warn);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, READY_WAIT_MS);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    client,
    warn,
    async status() {
      try {
        return (await client.ping()) === 'PONG' ? 'up' : 'down';
      } catch {
        return 'down';
      }
    },
    async close() {
      client.disconnect();
    },
  };
}
