// Work a request goes on with after it has been answered. A Telegram webhook update is
// answered with its first reply (the "webhook reply") and then finished: further replies, the
// outcome recorded. Closing the HTTP server waits only for unanswered requests, so stopping
// must also wait for this work, or it would find the database already closed.
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** `work`, counted until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once no tracked work is left (whether it succeeded or not). */
  async drained(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
