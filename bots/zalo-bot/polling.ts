// Long polling: getUpdates in a loop, each update handled before the next poll (Zalo hands
// out one update per call). A poll that ends with no update (408) is the normal idle case;
// any other failure waits, doubling from 1 s up to 30 s, so a wrong token or an outage does
// not turn into a busy loop. stop() cancels the poll in flight and waits for the update being
// handled.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Services } from '../../src/services.js';
import { NO_UPDATE, type ZaloBotClient } from './client.js';
import { eventsIn } from './updates.js';
import type { ZaloBotHandler } from './handler.js';

const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 30_000;

export class ZaloBotPoller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly services: Pick<Services, 'log'>,
    private readonly client: ZaloBotClient,
    private readonly handler: ZaloBotHandler,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    let wait = FIRST_WAIT_MS;
    while (!signal.aborted) {
      const answer = await this.client.getUpdates(signal);
      if (signal.aborted) return;
      if (answer.ok) {
        wait = FIRST_WAIT_MS;
        for (const event of eventsIn(answer.result)) {
          // A failure (the database, say) is logged and the loop goes on with the next update.
          await this.handler.handle(event).catch((error: unknown) => this.services.log.error({ err: error }, 'zalobot update failed'));
        }
        continue;
      }
      if (answer.code === NO_UPDATE) continue;
      this.services.log.warn({ code: answer.code, description: answer.description, retryInMs: wait }, 'zalobot getUpdates failed');
      await sleep(wait, undefined, { signal }).catch(() => undefined);
      wait = Math.min(wait * 2, MAX_WAIT_MS);
    }
  }
}
