// Exactly-once handling of platform updates. Telegram re-delivers a webhook update that was
// not answered in time, and Zalo may send an event twice; the (channel, updateId) primary key
// of InboundUpdate turns the first sighting into a claim and every later one into a no-op.
import type { Services } from '../services.js';
import type { Db } from '../db/index.js';
import type { ChannelName } from '../conversation/types.js';
import type { QueuedUpdate } from '../db/hot-path.js';

type Outcome = 'processed' | 'failed';
type Deps = Pick<Services, 'hotPath' | 'clock'>;

/**
 * True when this call is the first to see the update; false when it was already claimed.
 * `queued` keeps the raw update and its sender when it is handled later (a queue that must
 * survive a restart, handled in order per person by any instance).
 */
export async function claimUpdate(deps: Deps, channel: ChannelName, updateId: string, queued?: QueuedUpdate): Promise<boolean> {
  return deps.hotPath.claimUpdate(channel, updateId, queued ?? null, deps.clock.now());
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
 * A re-delivered update that another instance may still be handling: answer so that the
 * platform delivers it again later (by then it is finished, or taken over).
 */
export class UpdateInProgress extends Error {
  constructor(readonly updateId: string) {
    super(`update ${updateId} is being handled elsewhere`);
  }
}

/** Longer than handling an update may take before its webhook is answered anyway. */
export const IN_PROGRESS_MS = 10_000;

/**
 * Claims and records the outcome of each update. For platforms that re-deliver what was not
 * answered (Telegram), an update left 'received' — its process was killed while handling it,
 * before answering — is taken over when it comes again: at once when it was claimed before
 * this process started, otherwise once IN_PROGRESS_MS have passed (another instance may
 * still be on it until then: claim() throws UpdateInProgress meanwhile).
 */
export class InboundLedger {
  private readonly startedAt: Date;

  constructor(
    private readonly deps: Deps & Pick<Services, 'db'>,
    private readonly channel: ChannelName,
  ) {
    this.startedAt = deps.clock.now();
  }

  /** `userId`: the sender, whose account and dialogue the handling reads next. */
  async claim(updateId: string, userId?: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const takeOverBefore = new Date(Math.max(this.startedAt.getTime(), now.getTime() - IN_PROGRESS_MS));
    if (await this.deps.hotPath.claimUpdate(this.channel, updateId, null, now, takeOverBefore, userId)) return true;
    // Seen before (the rare path): finished is a plain duplicate; unfinished may be in progress.
    const row = await this.deps.db.inboundUpdate.findUnique({
      where: { channel_updateId: { channel: this.channel, updateId } },
      select: { status: true },
    });
    if (row?.status === 'received') throw new UpdateInProgress(updateId);
    return false;
  }

  /** Records how handling ended (informational: a claimed update is never handled again). */
  finish(updateId: string, outcome: Outcome): Promise<void> {
    return finishUpdate(this.deps, this.channel, updateId, outcome);
  }
}
