// Signed Zalo webhook posts for tests and benchmarks. The signature is computed here on its
// own (sha256 of app_id + body + timestamp + OA secret key), not with the code under test.
import { createHash } from 'node:crypto';
import { request } from 'undici';

export interface WebhookKeys {
  appId: string;
  oaId: string;
  secretKey: string;
}

let seq = 0;
let eventNow: () => number = () => Date.now();

/**
 * Events are stamped with this clock's time from now on (the app's FakeClock), so that they
 * fall inside the webhook's replay window as Zalo's own would.
 */
export function stampEventsWith(clock: { now(): Date }): void {
  eventNow = () => clock.now().getTime();
}

/** A timestamp as Zalo writes it (milliseconds, as a string), a few ms apart for each event. */
export function eventTimestamp(): string {
  return String(eventNow() + (++seq % 1000));
}

export function userText(keys: WebhookKeys, userId: string, text: string, msgId = `m${Date.now()}${++seq}`) {
  return {
    app_id: keys.appId,
    user_id_by_app: `app-${userId}`,
    event_name: 'user_send_text',
    timestamp: eventTimestamp(),
    sender: { id: userId },
    recipient: { id: keys.oaId },
    message: { text, msg_id: msgId },
  };
}

export function userImage(keys: WebhookKeys, userId: string, url: string, msgId = `m${Date.now()}${++seq}`) {
  return {
    ...userText(keys, userId, '', msgId),
    event_name: 'user_send_image',
    message: { msg_id: msgId, attachments: [{ type: 'image', payload: { url, thumbnail: url } }] },
  };
}

export function signature(keys: WebhookKeys, body: string, timestamp: string): string {
  return `mac=${createHash('sha256').update(`${keys.appId}${body}${timestamp}${keys.secretKey}`).digest('hex')}`;
}

/** Posts an event; `sign: false` leaves the header out, a string replaces it. */
export async function postEvent(
  baseUrl: string,
  keys: WebhookKeys,
  event: Record<string, unknown>,
  options: { sign?: boolean | string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  const body = options.body ?? JSON.stringify(event);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.sign !== false) {
    headers['x-zevent-signature'] = typeof options.sign === 'string' ? options.sign : signature(keys, body, String(event.timestamp));
  }
  const res = await request(`${baseUrl}/zalo/webhook`, { method: 'POST', headers, body });
  return { status: res.statusCode, body: await res.body.text() };
}
