// A named hook that other parts subscribe to (Telegram's per-chat menu listens for role
// changes). Listeners run in order; one that fails is logged and never undoes the change
// that was announced.
import type { Logger } from './log.js';

export class Listeners<T> {
  private readonly listeners: ((value: T) => Promise<void>)[] = [];

  add(listener: (value: T) => Promise<void>): void {
    this.listeners.push(listener);
  }

  async emit(value: T, log: Pick<Logger, 'error'>, what: string): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(value);
      } catch (error) {
        log.error({ err: error }, `${what} listener failed`);
      }
    }
  }
}
