// Fixed-window counters per key (account, IP…), in memory: limits are about floods hitting
// one process, and they reset harmlessly on restart. The number of keys is capped so a flood
// of new keys cannot grow memory without bound.
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
