// What a channel adapter offers the outbox dispatcher: a way to push a Reply to a chat.
import type { ChannelName, Reply } from '../conversation/types.js';

export type SendOutcome =
  | { ok: true }
  /** Try again later; retryAfterMs when the platform said how long (Telegram 429 retry_after). */
  | { ok: false; kind: 'retry'; error: string; retryAfterMs?: number }
  /** The platform will not deliver to this person now (Zalo 7-day rule): keep it for their next contact. */
  | { ok: false; kind: 'unreachable'; error: string }
  /** Will never succeed (blocked bot, bad chat id): dead letter at once. */
  | { ok: false; kind: 'permanent'; error: string };

export interface ChannelSender {
  channel: ChannelName;
  /** The messenger account it sends as (bot id, OA id): one instance at a time sends per account. */
  account?: string;
  /** Messages per second this channel accepts overall, and per chat (Telegram ≈25 and 1). */
  pace: { perSecond: number; perChatPerSecond?: number };
  send(chatId: string, reply: Reply): Promise<SendOutcome>;
}
