// Pushes the platform would not deliver now (Zalo refuses customer-service messages 7 days
// after a person's last interaction) wait as 'held' until that person writes again.
import type { Db, Tx } from '../db/index.js';
import type { Services } from '../services.js';
import { reportUndelivered } from './undelivered.js';

/**
 * Marks the account unreachable on its channel and holds every push still waiting for it,
 * so the dispatcher stops spending calls that would be refused the same way. Whoever asked
 * for one of them is told it waits (src/outbox/undelivered.ts).
 */
export async function holdForAccount(tx: Tx, services: Pick<Services, 'i18n'>, accountId: number, now: Date): Promise<void> {
  await tx.account.update({ where: { id: accountId }, data: { unreachableAt: now } });
  const reported = await tx.outboxMessage.findMany({ where: { accountId, status: { in: ['pending', 'held'] }, reportToId: { not: null } } });
  await tx.outboxMessage.updateMany({ where: { accountId, status: 'pending' }, data: { status: 'held' } });
  await reportUndelivered(tx, services, reported, 'held');
}

/**
 * The person has just interacted, so the window is open again: clear the mark and send what
 * was held for them, now. Called by resolveAccount when the account was marked unreachable.
 */
export async function releaseHeld(db: Db, accountId: number, now: Date): Promise<number> {
  // Held items that were already due go now; one scheduled for later (a 24 h rating
  // reminder) keeps its time.
  const [, overdue, later] = await db.$transaction([
    db.account.update({ where: { id: accountId }, data: { unreachableAt: null } }),
    db.outboxMessage.updateMany({
      where: { accountId, status: 'held', nextAttemptAt: { lte: now } },
      data: { status: 'pending', nextAttemptAt: now },
    }),
    db.outboxMessage.updateMany({ where: { accountId, status: 'held' }, data: { status: 'pending' } }),
  ]);
  return overdue.count + later.count;
}
