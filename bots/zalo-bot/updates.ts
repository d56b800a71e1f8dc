// Zalo Bot updates -> what the channel does with them. The sources describe two shapes of the
// same event, and both are accepted: the event itself, `{"event_name":"message.text.received",
// "message":{…}}`, or wrapped like an API answer, `{"ok":true,"result":{…event…}}`; getUpdates
// may also answer a list. An event without event_name (the documented getUpdates sample) is
// read from the message's fields. Only private chats are handled: roles and dialogues belong
// to one person. Ids are strings and stay strings.
import { z } from 'zod';
import type { Attachment } from '../../src/conversation/types.js';
import { hasLoneSurrogate } from '../../src/shared/unicode.js';

const id = z.union([z.string().min(1).max(64), z.number().int().nonnegative().transform(String)]);

const message = z.object({
  message_id: id,
  chat: z.object({ id, chat_type: z.string().max(32).optional() }),
  from: z
    .object({ display_name: z.string().max(200).optional(), name: z.string().max(200).optional(), first_name: z.string().max(200).optional() })
    .optional(),
  text: z.string().max(10_000).optional(),
  caption: z.string().max(10_000).optional(),
  photo_url: z.string().max(2000).optional(),
  photo: z.string().max(2000).optional(),
});

const event = z.object({ event_name: z.string().max(64).optional(), message });

export type ZaloBotUpdate =
  | { kind: 'message'; updateId: string; chatId: string; text?: string; attachments?: Attachment[]; displayName?: string }
  /** Stickers, unsupported messages, groups, and anything else the bot has no use for. */
  | { kind: 'ignored'; eventName: string };

const TEXT_EVENT = 'message.text.received';
const IMAGE_EVENT = 'message.image.received';

/** The events in a webhook body or a getUpdates answer, unwrapped from `{ok, result}`; none for null. */
export function eventsIn(body: unknown): unknown[] {
  const inner = z.object({ ok: z.boolean(), result: z.unknown() }).safeParse(body);
  const value = inner.success ? inner.data.result : body;
  if (Array.isArray(value)) return value;
  return value === null || value === undefined ? [] : [value];
}

export function parseUpdate(raw: unknown): ZaloBotUpdate {
  const named = z.object({ event_name: z.string().max(64) }).safeParse(raw);
  const parsed = event.safeParse(raw);
  // Zalo never sends these (only a \ud800 escape makes one); stored or handled they would fail the query.
  if (parsed.success && hasLoneSurrogate(parsed.data)) return { kind: 'ignored', eventName: '(not valid Unicode)' };
  if (!parsed.success) return { kind: 'ignored', eventName: named.success ? `${named.data.event_name} (malformed)` : '(none)' };
  const m = parsed.data.message;
  const photoUrl = m.photo_url ?? m.photo;
  const eventName = parsed.data.event_name ?? (photoUrl ? IMAGE_EVENT : m.text !== undefined ? TEXT_EVENT : '(none)');
  if (eventName !== TEXT_EVENT && eventName !== IMAGE_EVENT) return { kind: 'ignored', eventName };
  if (m.chat.chat_type && m.chat.chat_type.toUpperCase() !== 'PRIVATE') return { kind: 'ignored', eventName: `${eventName} (group)` };

  const text = (eventName === TEXT_EVENT ? m.text : (m.caption ?? m.text))?.normalize('NFC');
  const attachments: Attachment[] = eventName === IMAGE_EVENT && photoUrl ? [{ kind: 'photo', ref: photoUrl }] : [];
  if (!text?.trim() && !attachments.length) return { kind: 'ignored', eventName: `${eventName} (empty)` };
  const displayName = (m.from?.display_name ?? m.from?.name ?? m.from?.first_name)?.trim();
  return {
    kind: 'message',
    updateId: m.message_id,
    chatId: m.chat.id,
    ...(text?.trim() ? { text } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(displayName ? { displayName } : {}),
  };
}
