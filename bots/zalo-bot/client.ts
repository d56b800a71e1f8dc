// Zalo's Bot platform API over undici. Telegram-like: POST <base>/bot<token>/<method> with a
// JSON body, answered {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…},
// with HTTP 200 or an error status (both are seen). The token is part of every URL, so URLs
// are never logged or put into errors.
import { request } from 'undici';
import { z } from 'zod';
import type { SendOutcome } from '../../src/outbox/types.js';
import { safeJson } from '../../src/shared/json.js';

const TIMEOUT_MS = 15_000;
/** getUpdates' own wait (seconds); the request may take that long plus the way there and back. */
export const POLL_TIMEOUT_S = 30;
/** Answer to a long poll that ended with no update. */
export const NO_UPDATE = 408;
/** Nothing says how long to wait after a refusal for sending too fast: a minute is safe. */
const RATE_LIMIT_WAIT_MS = 60_000;

const envelope = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().int().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().nonnegative().optional() }).optional(),
});

export type BotAnswer =
  | { ok: true; result: unknown }
  /** code: error_code, else the HTTP status, else 0 when no answer came at all (network). */
  | { ok: false; code: number; description: string; retryAfterS?: number };

export type BotFailure = Extract<BotAnswer, { ok: false }>;

export class ZaloBotClient {
  private readonly base: string;

  constructor(
    apiBase: string,
    private readonly token: string,
  ) {
    this.base = apiBase.replace(/\/+$/, '');
  }

  getMe(): Promise<BotAnswer> {
    return this.call('getMe');
  }

  /** One long poll; Zalo answers one update (or, in some versions, a list), or 408 after the wait. */
  getUpdates(signal?: AbortSignal): Promise<BotAnswer> {
    return this.call('getUpdates', { timeout: String(POLL_TIMEOUT_S) }, (POLL_TIMEOUT_S + 10) * 1000, signal);
  }

  setWebhook(url: string, secretToken: string): Promise<BotAnswer> {
    return this.call('setWebhook', { url, secret_token: secretToken });
  }

  deleteWebhook(): Promise<BotAnswer> {
    return this.call('deleteWebhook');
  }

  sendMessage(chatId: string, text: string): Promise<BotAnswer> {
    return this.call('sendMessage', { chat_id: chatId, text });
  }

  /** Zalo fetches the picture from `photoUrl` itself: the platform takes no uploads. */
  sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<BotAnswer> {
    return this.call('sendPhoto', { chat_id: chatId, photo: photoUrl, ...(caption ? { caption } : {}) });
  }

  private async call(method: string, body: Record<string, unknown> = {}, timeoutMs = TIMEOUT_MS, signal?: AbortSignal): Promise<BotAnswer> {
    try {
      const res = await request(`${this.base}/bot${this.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal,
      });
      const parsed = envelope.safeParse(safeJson(await res.body.text()));
      if (!parsed.success) return { ok: false, code: res.statusCode >= 400 ? res.statusCode : 0, description: `HTTP ${res.statusCode} without a Bot API answer` };
      const { ok, result, error_code, description, parameters } = parsed.data;
      if (ok && res.statusCode < 400) return { ok: true, result };
      return {
        ok: false,
        code: error_code ?? res.statusCode,
        description: (description ?? '').slice(0, 200),
        ...(parameters?.retry_after !== undefined ? { retryAfterS: parameters.retry_after } : {}),
      };
    } catch (error) {
      // undici's errors name the host at most, never the path that holds the token.
      return { ok: false, code: 0, description: (error as Error).message.slice(0, 200) };
    }
  }
}

/**
 * What the outbox should do after a refused send. The platform publishes no error table; it
 * answers like Telegram's Bot API, so the codes are read the same way: 429 is "too fast";
 * 400 (bad chat id or text) and 403 (the person blocked the bot) will not succeed by trying
 * again; anything else (network, 5xx, a token being replaced) is worth another attempt later.
 */
export function outcomeOf(answer: BotFailure): Exclude<SendOutcome, { ok: true }> {
  const error = `zalobot ${answer.code}: ${answer.description}`.slice(0, 300);
  if (answer.code === 429) {
    return { ok: false, kind: 'retry', error, retryAfterMs: answer.retryAfterS !== undefined ? answer.retryAfterS * 1000 : RATE_LIMIT_WAIT_MS };
  }
  if (answer.code === 400 || answer.code === 403) return { ok: false, kind: 'permanent', error };
  return { ok: false, kind: 'retry', error };
}
