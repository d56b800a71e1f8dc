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
  await hotPath(db).finishUpdate(channel, updateId, status, now);
}

/** Updates stored with their body but not handled yet (the process stopped): oldest first. */
export function unfinishedUpdates(db: Db, channel: ChannelName) {
  return db.inboundUpdate.findMany({ where: { channel, status: 'received' }, orderBy: { receivedAt: 'asc' } });
}

/**
 * Claims and records the outcome of each update. For platforms that re-deliver what was not
 * answered (Telegram), an update left 'received' by an earlier process — killed while handling
 * it, before answering — is taken over when it comes again.
 */
export class InboundLedger {
  private readonly startedAt: Date;

  constructor(
    private readonly db: Db,
    private readonly channel: ChannelName,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
  }

  claim(updateId: string): Promise<boolean> {
    return hotPath(this.db).claimUpdate(this.channel, updateId, null, this.clock.now(), this.startedAt);
  }

  /** Records how handling ended (informational: a claimed update is never handled again). */
  finish(updateId: string, outcome: Outcome): Promise<void> {
    return finishUpdate(this.db, this.channel, updateId, outcome, this.clock.now());
  }
}
