// Zalo OA webhook events -> what the channel does with them. Only the fields the bot reads
// are validated (zod); ids and timestamps stay strings because they may exceed 2^53.
import { z } from 'zod';
import type { Attachment } from '../../src/conversation/types.js';

const id = z.string().min(1).max(64);
const timestamp = z.union([z.string().min(1).max(20), z.number().int().transform(String)]);
const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);

const attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      name: z.string().optional(),
      coordinates: z.object({ latitude: coordinate, longitude: coordinate }).optional(),
    })
    .optional(),
});

const userMessage = z.object({
  event_name: z.string(),
  sender: z.object({ id }),
  timestamp,
  message: z.object({
    msg_id: id,
    text: z.string().max(10_000).optional(),
    attachments: z.array(attachment).max(20).optional(),
  }),
});
const follow = z.object({ event_name: z.string(), follower: z.object({ id }), timestamp });
const chatNow = z.object({ event_name: z.string(), user_id: id, timestamp });

/** What a verified webhook body means for the bot. */
export type ZaloEvent =
  | {
      kind: 'message';
      updateId: string;
      userId: string;
      /** When the person sent it (Zalo's timestamp, ms): replies quoting it are free for 48 h. */
      sentAt: Date;
      text?: string;
      payload?: string;
      attachments?: Attachment[];
    }
  | { kind: 'follow' | 'unfollow' | 'chatnow'; updateId: string; userId: string }
  /** The OA's own messages echoed back, and events the bot has no use for: acknowledged, not stored. */
  | { kind: 'ignored'; eventName: string };

const MEDIA_EVENTS = new Set(['user_send_image', 'user_send_file', 'user_send_location']);

/**
 * An `oa.query.hide` button makes the person's app send its payload as a text message; the
 * renderer prefixes every payload with `#`, so "#p:1.000894" is a button press. Ordinary text
 * that happens to start with # is only taken for a payload when it has the `<prefix>:` shape.
 */
const BUTTON_TEXT = /^#([A-Za-z][A-Za-z0-9_-]{0,15}:[^\n]{0,63})$/;

function toAttachment(a: z.infer<typeof attachment>): Attachment | null {
  const p = a.payload;
  if (a.type === 'location' && p?.coordinates) {
    return { kind: 'location', ref: `${p.coordinates.latitude},${p.coordinates.longitude}` };
  }
  if (!p?.url) return null;
  if (a.type === 'image' || a.type === 'gif') return { kind: 'photo', ref: p.url };
  return { kind: 'file', ref: p.url, ...(p.name ? { name: p.name } : {}) };
}

/** Zalo writes milliseconds; ten digits or fewer are read as seconds. */
export function timestampMs(digits: string): number {
  return digits.length <= 11 ? Number(digits) * 1000 : Number(digits);
}

function timestampDate(text: string): Date {
  const ms = /^\d+$/.test(text) ? timestampMs(text) : NaN;
  // Only the webhook checks timestamps; one read back that makes no sense counts as long ago (no free reply).
  return new Date(Number.isFinite(ms) && ms < 8.64e15 ? ms : 0);
}

/** Events without a msg_id get an id that a re-delivery of the same event reproduces. */
function stableId(eventName: string, userId: string, ts: string): string {
  return `${eventName}:${userId}:${ts}`;
}

export function parseEvent(json: unknown): ZaloEvent {
  const eventName = z.object({ event_name: z.string().max(64) }).safeParse(json);
  if (!eventName.success) return { kind: 'ignored', eventName: '(none)' };
  const name = eventName.data.event_name;

  if (name === 'user_send_text' || MEDIA_EVENTS.has(name)) {
    const parsed = userMessage.safeParse(json);
    if (!parsed.success) return { kind: 'ignored', eventName: `${name} (malformed)` };
    const { sender, message, timestamp } = parsed.data;
    const base = { kind: 'message' as const, updateId: message.msg_id, userId: sender.id, sentAt: timestampDate(timestamp) };
    const text = message.text?.normalize('NFC');
    const button = text ? BUTTON_TEXT.exec(text.trim()) : null;
    if (button) return { ...base, payload: button[1] };
    const attachments = (message.attachments ?? []).map(toAttachment).filter((a): a is Attachment => a !== null);
    return {
      ...base,
      ...(text ? { text } : {}),
      ...(attachments.length ? { attachments } : {}),
    };
  }
  if (name === 'follow' || name === 'unfollow') {
    const parsed = follow.safeParse(json);
    if (!parsed.success) return { kind: 'ignored', eventName: `${name} (malformed)` };
    const userId = parsed.data.follower.id;
    return { kind: name, updateId: stableId(name, userId, parsed.data.timestamp), userId };
  }
  if (name === 'user_click_chatnow') {
    const parsed = chatNow.safeParse(json);
    if (!parsed.success) return { kind: 'ignored', eventName: `${name} (malformed)` };
    const userId = parsed.data.user_id;
    return { kind: 'chatnow', updateId: stableId(name, userId, parsed.data.timestamp), userId };
  }
  return { kind: 'ignored', eventName: name };
}
