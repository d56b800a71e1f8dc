// Fixed-window counters per key (account, IP…). In memory (WindowLimiter) they count what hits
// one process and reset harmlessly on restart; the number of keys is capped so a flood of new
// keys cannot grow memory without bound. With several instances the counts live in Redis
// (SharedLimiter), so a person switching instances behind the load balancer is counted once;
// when Redis fails, the instance counts in its own memory until Redis is back.
import type { SharedRedis } from './redis.js';

export interface Hit {
  allowed: boolean;
  /** The hit's number in the window (1 = first). */
  count: number;
}

export class WindowLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit; returns the hit's number in the window (1 = first) and whether it is allowed. */
  hit(key: string, now: number): { allowed: boolean; count: number } {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (!w && this.windows.size >= this.maxKeys) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return { allowed: w.count <= this.limit, count: w.count };
  }

  /** Hits counted so far in the key's current window, without counting one. */
  count(key: string, now: number): number {
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs ? w.count : 0;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
    // Still full: drop the oldest half rather than refuse to count.
    if (this.windows.size >= this.maxKeys) {
      const keys = [...this.windows.keys()].slice(0, Math.floor(this.maxKeys / 2));
      for (const key of keys) this.windows.delete(key);
    }
  }
}

/** INCR and, on the window's first hit, its expiry: one atomic round trip. */
const HIT_SCRIPT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return c`;

/** A per-account limit: in Redis when there is one, else (and while it fails) in memory. */
export class SharedLimiter {
  private readonly local: WindowLimiter;

  constructor(
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly redis: SharedRedis | null = null,
  ) {
    this.local = new WindowLimiter(limit, windowMs);
  }

  private key(key: string): string {
    return `limit:${this.name}:${key}`;
  }

  /** Counts one hit. Redis windows run on Redis's clock; the memory ones on `now`. */
  async hit(key: string, now: number): Promise<Hit> {
    if (this.redis) {
      try {
        const count = Number(await this.redis.client.eval(HIT_SCRIPT, 1, this.key(key), String(this.windowMs)));
        return { allowed: count <= this.limit, count };
      } catch (error) {
        this.redis.warn(error);
      }
    }
    return this.local.hit(key, now);
  }

  /** Hits counted so far in the key's current window, without counting one. */
  async count(key: string, now: number): Promise<number> {
    if (this.redis) {
      try {
        return Number((await this.redis.client.get(this.key(key))) ?? 0);
      } catch (error) {
        this.redis.warn(error);
      }
    }
    return this.local.count(key, now);
  }
}
