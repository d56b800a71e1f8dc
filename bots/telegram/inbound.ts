// Telegram update -> the core's Inbound. Only the fields the bot reads are validated (zod);
// anything else in the update is ignored, and updates from groups and channels are dropped
// because roles and dialogues belong to one person.
import { z } from 'zod';
import type { Attachment, Inbound } from '../../src/conversation/types.js';

const user = z.object({
  id: z.number().int(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  language_code: z.string().optional(),
});
const chat = z.object({ id: z.number().int(), type: z.string() });
const file = z.object({ file_id: z.string().min(1) });

const message = z.object({
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(file).optional(),
  document: file.extend({ file_name: z.string().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
});

const callbackQuery = z.object({
  id: z.string(),
  from: user,
  data: z.string().optional(),
  message: z.object({ chat }).optional(),
});

const updateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});

export interface TelegramInbound {
  inbound: Inbound;
  chatId: number;
  /** Set for a pressed button: the query must be answered to stop the client's spinner. */
  callbackQueryId?: string;
}

function displayName(from: z.infer<typeof user> | undefined): string | undefined {
  const name = [from?.first_name, from?.last_name].filter(Boolean).join(' ');
  return name || undefined;
}

function attachmentsOf(m: z.infer<typeof message>): Attachment[] | undefined {
  const found: Attachment[] = [];
  // Telegram lists a photo in several sizes, smallest first: keep the largest.
  const photo = m.photo?.at(-1);
  if (photo) found.push({ kind: 'photo', ref: photo.file_id });
  if (m.document) found.push({ kind: 'file', ref: m.document.file_id, name: m.document.file_name });
  if (m.location) found.push({ kind: 'location', ref: `${m.location.latitude},${m.location.longitude}` });
  return found.length ? found : undefined;
}

/** The Inbound for a private message or button press; null for anything the bot ignores. */
export function toInbound(raw: unknown): TelegramInbound | null {
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return null;
  const update = parsed.data;
  const updateId = String(update.update_id);

  const m = update.message;
  if (m) {
    if (m.chat.type !== 'private') return null;
    return {
      chatId: m.chat.id,
      inbound: {
        channel: 'telegram',
        userId: String(m.chat.id),
        text: m.text ?? m.caption,
        attachments: attachmentsOf(m),
        locale: m.from?.language_code,
        displayName: displayName(m.from),
        updateId,
      },
    };
  }

  const q = update.callback_query;
  if (q?.data !== undefined) {
    const chatOf = q.message?.chat;
    if (chatOf && chatOf.type !== 'private') return null;
    // In a private chat the chat id is the user id, also when the message is too old to be attached.
    const chatId = chatOf?.id ?? q.from.id;
    return {
      chatId,
      callbackQueryId: q.id,
      inbound: {
        channel: 'telegram',
        userId: String(chatId),
        payload: q.data,
        locale: q.from.language_code,
        displayName: displayName(q.from),
        updateId,
      },
    };
  }
  return null;
}
