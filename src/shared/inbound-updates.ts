// Exactly-once handling of platform updates. Telegram re-delivers a webhook update that was
// not answered in time, and Zalo may send an event twice; the (channel, updateId) primary key
// of InboundUpdate turns the first sighting into a claim and every later one into a no-op.
import type { Services } from '../services.js';
import type { Db } from '../db/index.js';
import type { ChannelName } from '../conversation/types.js';

type Outcome = 'processed' | 'failed';
type Deps = Pick<Services, 'hotPath' | 'clock'>;

/**
 * True when this call is the first to see the update; false when it was already claimed.
 * `body` keeps the raw update when it is handled later (a queue) and must survive a restart.
 */
export async function claimUpdate(deps: Deps, channel: ChannelName, updateId: string, body?: string): Promise<boolean> {
  return deps.hotPath.claimUpdate(channel, updateId, body ?? null, deps.clock.now());
}

/** Records how handling of one update ended. */
export async function finishUpdate(deps: Deps, channel: ChannelName, updateId: string, status: Outcome): Promise<void> {
  await deps.hotPath.finishUpdate(channel, updateId, status, deps.clock.now());
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
    private readonly deps: Deps,
    private readonly channel: ChannelName,
  ) {
    this.startedAt = deps.clock.now();
  }

  /** `userId`: the sender, whose account and dialogue the handling reads next. */
  claim(updateId: string, userId?: string): Promise<boolean> {
    return this.deps.hotPath.claimUpdate(this.channel, updateId, null, this.deps.clock.now(), this.startedAt, userId);
  }

  /** Records how handling ended (informational: a claimed update is never handled again). */
  finish(updateId: string, outcome: Outcome): Promise<void> {
    return finishUpdate(this.deps, this.channel, updateId, outcome);
  }
}
