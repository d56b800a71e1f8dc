// What a channel adapter offers the outbox dispatcher: a way to push a Reply to a chat.
import type { ChannelName, Reply } from '../conversation/types.js';

export type SendOutcome =
  | { ok: true }
  /** Try again later; retryAfterMs when the platform said how long (Telegram 429 retry_after). */
  | { ok: false; kind: 'retry'; error: string; retryAfterMs?: number }
  /** The platform will not deliver to this person now (Zalo 7-day rule): keep it for their next contact. */
  | { ok: false; kind: 'unreachable'; error: string }
  /** Will never succeed (blocked bot, bad chat id): dead letter at once. */
  | { ok: false; kind: 'permanent'; error: string }
  /** May only go out from `until` (Zalo template messages: 06:00–22:00); not a failed try. */
  | { ok: false; kind: 'later'; error: string; until: Date };

/**
 * Pushes a channel may have to send another way when the person is outside its window (Zalo
 * template messages), and the values each offers a template's parameters.
 */
export const PUSH_FIELDS = {
  rating_request: ['code', 'procedure', 'citizenName', 'returnedDate'],
  result_ready: ['code', 'procedure', 'citizenName', 'place'],
  late_apology: ['code', 'procedure', 'citizenName', 'newDueDate', 'reason'],
  complaint_answered: ['code', 'commune', 'due'],
} as const satisfies Record<string, readonly string[]>;

export type PushKind = keyof typeof PUSH_FIELDS;
export const PUSH_KINDS = Object.keys(PUSH_FIELDS) as PushKind[];

/** What a push is about, stored with it in the outbox. */
export interface PushInfo {
  kind: PushKind;
  data: Record<string, string>;
  /** A phone number (84…) the person agreed to be told on, when the desk gave one. */
  phone?: string;
}

export interface ChannelSender {
  channel: ChannelName;
  /** The messenger account it sends as (bot id, OA id): one instance at a time sends per account. */
  account?: string;
  /** Messages per second this channel accepts overall, and per chat (Telegram ≈25 and 1). */
  pace: { perSecond: number; perChatPerSecond?: number };
  /** `push` when the row says what it is about (outbox pushes of a PushKind). */
  send(chatId: string, reply: Reply, push?: PushInfo): Promise<SendOutcome>;
}
