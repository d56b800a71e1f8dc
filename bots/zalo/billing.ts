// What Zalo charges for, and keeping it to the free kind where Zalo allows. A message that
// quotes the `message_id` of the person's latest message, within 48 hours of it, is one of the
// 8 free replies to that message; one with only `user_id` is a proactive (billed) consultation
// message; template messages are billed per delivery. The latest message of each person is
// kept (ZaloContact) so every answer, split messages and answers sent later by the outbox
// included, can quote it; what was sent is counted per month (ZaloUsage) for `zalo status`.
import type { Services } from '../../src/services.js';
import { vnMonth } from '../../src/shared/vntime.js';

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
  // Every message in and every answer out runs these: they are the hot path's prepared
  // statements (one each), not Prisma queries.
  constructor(private readonly services: Pick<Services, 'db' | 'hotPath' | 'clock'>) {}

  /** The person wrote: from now on replies quote this message (a newer one replaces it). */
  async noteMessage(userId: string, messageId: string, at: Date): Promise<void> {
    // An event handled late (recovered after a restart) never replaces a newer message, nor
    // resets its count.
    await this.services.hotPath.noteZaloMessage(userId, messageId, at);
  }

  /**
   * The message id to quote in the next message to this person, reserving one of its free
   * replies; null when there is none (no message, older than 48 h, or its 8 replies used).
   */
  async takeFreeReply(userId: string): Promise<string | null> {
    const since = new Date(this.services.clock.now().getTime() - FREE_REPLY_WINDOW_MS);
    return this.services.hotPath.takeZaloFreeReply(userId, since, FREE_REPLIES_PER_MESSAGE);
  }

  /** A reserved free reply that was not sent after all. */
  async giveBack(userId: string, messageId: string): Promise<void> {
    await this.services.hotPath.giveBackZaloFreeReply(userId, messageId);
  }

  /** Counts one message Zalo accepted. */
  async count(kind: Billed): Promise<void> {
    const counts = { freeReplies: 0, paidMessages: 0, templateMessages: 0 };
    counts[COLUMN[kind]] = 1;
    await this.services.hotPath.countZaloMessages(vnMonth(this.services.clock.now()), counts);
  }

  async usage(month: string): Promise<MonthUsage> {
    const row = await this.services.db.zaloUsage.findUnique({ where: { month } });
    return row ?? { month, freeReplies: 0, paidMessages: 0, templateMessages: 0 };
  }
}
