// What Zalo charges for, and keeping it to the free kind where Zalo allows. A message that
// quotes the `message_id` of the person's latest message, within 48 hours of it, is one of the
// 8 free replies to that message; one with only `user_id` is a proactive (billed) consultation
// message; template messages are billed per delivery. The latest message of each person is
// kept (ZaloContact) so every answer, split messages and answers sent later by the outbox
// included, can quote it; what was sent is counted per month (ZaloUsage) for `zalo status`.
import type { Services } from '../../src/services.js';
import { vnMonth } from '../../src/shared/vntime.js';
import { isUniqueViolation } from '../../src/db/index.js';

export const FREE_REPLY_WINDOW_MS = 48 * 3600_000;
export const FREE_REPLIES_PER_MESSAGE = 8;

export type Billed = 'free' | 'paid' | 'template';

const COLUMN = { free: 'freeReplies', paid: 'paidMessages', template: 'templateMessages' } as const;

export interface MonthUsage {
  month: string;
  freeReplies: number;
  paidMessages: number;
  templateMessages: number;
}

export class ZaloBilling {
  constructor(private readonly services: Pick<Services, 'db' | 'clock'>) {}

  /** The person wrote: from now on replies quote this message (a newer one replaces it). */
  async noteMessage(userId: string, messageId: string, at: Date): Promise<void> {
    const { db } = this.services;
    const data = { messageId, messageAt: at, freeUsed: 0 };
    // One statement for the usual case (a known person writes again); an event handled late
    // (recovered after a restart) never replaces a newer message, nor resets its count.
    const { count } = await db.zaloContact.updateMany({
      where: { userId, messageAt: { lte: at }, messageId: { not: messageId } },
      data,
    });
    if (count) return;
    try {
      await db.zaloContact.create({ data: { userId, ...data } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // the row exists and is as new or newer
    }
  }

  /**
   * The message id to quote in the next message to this person, reserving one of its free
   * replies; null when there is none (no message, older than 48 h, or its 8 replies used).
   */
  async takeFreeReply(userId: string): Promise<string | null> {
    const { db, clock } = this.services;
    const row = await db.zaloContact.findUnique({ where: { userId } });
    if (!row || clock.now().getTime() - row.messageAt.getTime() >= FREE_REPLY_WINDOW_MS) return null;
    // Conditional on the message and the count read, so concurrent senders never overdraw.
    const { count } = await db.zaloContact.updateMany({
      where: { userId, messageId: row.messageId, freeUsed: { lt: FREE_REPLIES_PER_MESSAGE } },
      data: { freeUsed: { increment: 1 } },
    });
    return count === 1 ? row.messageId : null;
  }

  /** A reserved free reply that was not sent after all. */
  async giveBack(userId: string, messageId: string): Promise<void> {
    await this.services.db.zaloContact.updateMany({
      where: { userId, messageId, freeUsed: { gt: 0 } },
      data: { freeUsed: { decrement: 1 } },
    });
  }

  /** Counts one message Zalo accepted. */
  async count(kind: Billed): Promise<void> {
    const month = vnMonth(this.services.clock.now());
    const column = COLUMN[kind];
    await this.services.db.zaloUsage.upsert({
      where: { month },
      create: { month, [column]: 1 },
      update: { [column]: { increment: 1 } },
    });
  }

  async usage(month: string): Promise<MonthUsage> {
    const row = await this.services.db.zaloUsage.findUnique({ where: { month } });
    return row ?? { month, freeReplies: 0, paidMessages: 0, templateMessages: 0 };
  }
}
