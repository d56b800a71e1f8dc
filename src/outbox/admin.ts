// Operator view of the outbox: dead letters, re-queueing them, and counts by status.
import type { Db } from '../db/index.js';
import type { OutboxMessage } from '../generated/prisma/client.js';

export type DeadLetter = Pick<OutboxMessage, 'id' | 'channel' | 'attempts' | 'lastError' | 'createdAt'>;

export function listDead(db: Db, limit = 100): Promise<DeadLetter[]> {
  return db.outboxMessage.findMany({
    where: { status: 'dead' },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true, channel: true, attempts: true, lastError: true, createdAt: true },
  });
}

/**
 * Puts dead letters back in the queue with a fresh count of tries. Only dead rows move, so a
 * mistyped id can never resend something that was delivered.
 */
export async function retryDead(db: Db, which: number[] | 'all', now: Date): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: { status: 'dead', ...(which === 'all' ? {} : { id: { in: which } }) },
    data: { status: 'pending', attempts: 0, nextAttemptAt: now },
  });
  return count;
}

export async function outboxStats(db: Db): Promise<Record<string, number>> {
  const groups = await db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  const counts: Record<string, number> = { pending: 0, sending: 0, sent: 0, held: 0, dead: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
