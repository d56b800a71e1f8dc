// The durable record of webhook events: stored with their raw body before Zalo gets its 200,
// so that the work survives the process. The (channel, updateId) key makes a re-delivery of
// the same msg_id a no-op. Unlike Telegram's claim-only ledger, the body is kept and the
// outcome written at once: rows still 'received' on start are exactly the unfinished work.
import { isUniqueViolation, type Db } from '../../src/db/index.js';

/** True when the event is new; false when the same id was stored before. */
export async function recordEvent(db: Db, updateId: string, body: string): Promise<boolean> {
  try {
    await db.inboundUpdate.create({ data: { channel: 'zalo', updateId, body, status: 'received' }, select: { updateId: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function finishEvent(db: Db, updateId: string, status: 'processed' | 'failed', now: Date): Promise<void> {
  await db.inboundUpdate.update({
    where: { channel_updateId: { channel: 'zalo', updateId } },
    data: { status, processedAt: now },
    select: { updateId: true },
  });
}

export function unfinishedEvents(db: Db) {
  return db.inboundUpdate.findMany({ where: { channel: 'zalo', status: 'received' }, orderBy: { receivedAt: 'asc' } });
}
