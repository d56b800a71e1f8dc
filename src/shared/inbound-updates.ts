// Exactly-once handling of platform updates. Telegram re-delivers a webhook update that was
// not answered in time, and Zalo may send an event twice; the (channel, updateId) primary key
// of InboundUpdate turns the first sighting into a claim and every later one into a no-op.
import { hotPath, type Db } from '../db/index.js';
import type { ChannelName } from '../conversation/types.js';
import type { Clock } from './clock.js';

type Outcome = 'processed' | 'failed';

/**
 * True when this call is the first to see the update; false when it was already claimed.
 * `body` keeps the raw update when it is handled later (a queue) and must survive a restart.
 */
export async function claimUpdate(
  db: Db,
  channel: ChannelName,
  updateId: string,
  body?: string,
  now = new Date(),
): Promise<boolean> {
  return hotPath(db).claimUpdate(channel, updateId, body ?? null, now);
}

/** Records how handling of one update ended. */
export async function finishUpdate(db: Db, channel: ChannelName, updateId: string, status: Outcome, now: Date): Promise<void> {
  await db.inboundUpdate.update({
    where: { channel_updateId: { channel, updateId } },
    data: { status, processedAt: now },
  });
}

/** Updates stored with their body but not handled yet (the process stopped): oldest first. */
export function unfinishedUpdates(db: Db, channel: ChannelName) {
  return db.inboundUpdate.findMany({ where: { channel, status: 'received' }, orderBy: { receivedAt: 'asc' } });
}

/** Outcomes are written in batches: one UPDATE per status every this often, off the reply path. */
const FLUSH_EVERY_MS = 250;

/**
 * Claims updates one by one but records their outcomes in batches (for high-rate webhooks).
 * For platforms that re-deliver what was not answered (Telegram), an update left 'received'
 * by an earlier process — killed while handling it, before answering — is taken over when it
 * comes again; a batched outcome lost in a crash is harmless, since an answered update is
 * not re-delivered.
 */
export class InboundLedger {
  private readonly finished: Record<Outcome, string[]> = { processed: [], failed: [] };
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readonly startedAt: Date;

  constructor(
    private readonly db: Db,
    private readonly channel: ChannelName,
    private readonly clock: Clock,
    private readonly onFlushError: (error: unknown) => void,
  ) {
    this.startedAt = clock.now();
  }

  claim(updateId: string): Promise<boolean> {
    return hotPath(this.db).claimUpdate(this.channel, updateId, null, this.clock.now(), this.startedAt);
  }

  /** Records how handling ended (informational: a claimed update is never handled again). */
  finish(updateId: string, outcome: Outcome): void {
    this.finished[outcome].push(updateId);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS).unref();
  }

  /** Writes the outcomes recorded so far; called by the timer and on shutdown. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = (Object.keys(this.finished) as Outcome[]).map((status) => ({
      status,
      ids: this.finished[status].splice(0),
    }));
    this.flushing = this.flushing.then(async () => {
      const processedAt = this.clock.now();
      for (const { status, ids } of batches) {
        if (!ids.length) continue;
        try {
          await this.db.inboundUpdate.updateMany({
            where: { channel: this.channel, updateId: { in: ids } },
            data: { status, processedAt },
          });
        } catch (error) {
          this.onFlushError(error);
        }
      }
    });
    return this.flushing;
  }
}
