// The Zalo OA API over undici. Every call carries the bare `access_token` header; Zalo
// answers HTTP 200 even for errors, so every answer's `error` field is checked and only
// `error: 0` counts as done. An invalid or expired token (-216, -220) is replaced once (see
// tokens.ts) and the call made once more. All calls, uploads included, go through one gate
// at the app's limit of 4,000 requests per minute.
import { setTimeout as sleep } from 'node:timers/promises';
import { FormData, request } from 'undici';
import { z } from 'zod';
import type { Reply } from '../../src/conversation/types.js';
import type { SendOutcome } from '../../src/outbox/types.js';
import { Gate } from '../../src/outbox/pacing.js';
import { NoZaloTokens, type ZaloTokens } from './tokens.js';
import { ZALO_TEXT_LIMIT, zaloSteps, type MoreLabel, type ZaloStep } from './render.js';
import { safeJson } from '../../src/shared/json.js';
import type { ZaloBilling } from './billing.js';
import { templateQuietUntil } from './templates.js';

export const REQUESTS_PER_MINUTE = 4000;
const TIMEOUT_MS = 15_000;

export const paths = {
  message: '/v3.0/oa/message/cs',
  template: '/v3.0/oa/message/template',
  /** On the business host (ZALO_BUSINESS_API_BASE). */
  phoneTemplate: '/message/template',
  uploadImage: '/v2.0/oa/upload/image',
  uploadFile: '/v2.0/oa/upload/file',
  /** GET, `data={"user_id":…}`: the person's profile (display name). */
  userDetail: '/v3.0/oa/user/detail',
} as const;

/** Error codes with a meaning for what happens next (docs/zalo.md). */
export const ZaloError = {
  rateLimited: -32,
  badParameter: -201,
  notFollower: -213,
  tokenInvalid: -216,
  tokenExpired: -220,
  inactiveUser: -227,
  outsideWindow: -230,
  outsideWindowAlt: -232,
  apiRetired: -240,
  // Template messages (verify: codes differ between Zalo's documents).
  phoneInvalid: -108,
  zaloAccountMissing: -118,
  templateInvalid: -124,
  templateNotApproved: -131,
  templateQuietHours: -133,
  templateQuietHoursAlt: -234,
  quotaExceeded: -137,
  dailyQuotaExceeded: -144,
  userRefusedTemplates: -139,
  userBlockedTemplates: -141,
} as const;

const TOKEN_ERRORS = new Set<number>([ZaloError.tokenInvalid, ZaloError.tokenExpired]);
/**
 * The person cannot be reached now but can be later, by writing or following again:
 * the 7-day rule (-230/-232) and an unfollow (-213).
 */
const UNREACHABLE = new Set<number>([ZaloError.outsideWindow, ZaloError.outsideWindowAlt, ZaloError.notFollower]);
/** Will not succeed by trying again. */
const PERMANENT = new Set<number>([ZaloError.badParameter, ZaloError.inactiveUser, ZaloError.apiRetired]);
/** Template messages this person or number will never get (wrong number, refused, template not usable). */
const TEMPLATE_PERMANENT = new Set<number>([
  ZaloError.badParameter,
  ZaloError.phoneInvalid,
  ZaloError.zaloAccountMissing,
  ZaloError.templateInvalid,
  ZaloError.templateNotApproved,
  ZaloError.userRefusedTemplates,
  ZaloError.userBlockedTemplates,
]);
const TEMPLATE_QUIET = new Set<number>([ZaloError.templateQuietHours, ZaloError.templateQuietHoursAlt]);
/** Out of template quota: an hour's wait for this push rather than the usual back-off. */
const TEMPLATE_QUOTA = new Set<number>([ZaloError.quotaExceeded, ZaloError.dailyQuotaExceeded]);
const QUOTA_WAIT_MS = 3600_000;
/** Zalo's limit is per minute: waiting out the minute is the useful back-off. */
const RATE_LIMIT_WAIT_MS = 60_000;
/** Nothing to send with until an admin stores tokens. */
const NO_TOKEN_WAIT_MS = 5 * 60_000;

export type ZaloAnswer =
  | { ok: true; data: Record<string, unknown> }
  /** code: Zalo's negative error, or 0 when no envelope came back (network, HTTP error, not JSON). */
  | { ok: false; code: number; message: string; noToken?: true };

type Failed = Extract<ZaloAnswer, { ok: false }>;

const envelope = z.object({
  error: z.number(),
  message: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** A POST with JSON or a form, or a GET with query parameters. */
type Body = { json: unknown } | { form: () => FormData } | { query: Record<string, string> };

export interface ZaloClientOptions {
  apiBase: string;
  tokens: ZaloTokens;
  billing: ZaloBilling;
  /** Host of template messages by phone number (ZALO_BUSINESS_API_BASE). */
  businessApiBase?: string;
  /** Default 4,000, Zalo's limit per app (ZALO_REQUESTS_PER_MINUTE). */
  requestsPerMinute?: number;
}

export class ZaloClient {
  private readonly gate: Gate;

  constructor(private readonly options: ZaloClientOptions) {
    this.gate = new Gate((options.requestsPerMinute ?? REQUESTS_PER_MINUTE) / 60);
  }

  /** Sends a Reply as one or more messages; uploads come first so a failed upload sends nothing. */
  async deliver(userId: string, reply: Reply, more: MoreLabel): Promise<SendOutcome> {
    const messages: Record<string, unknown>[] = [];
    for (const step of zaloSteps(reply, more)) {
      const built = await this.message(step);
      if (!built.ok) return outcomeOf(built);
      messages.push(built.message);
    }
    for (const message of messages) {
      const answer = await this.sendMessage(userId, message);
      // Messages already sent stay sent; the outbox retries the reply as a whole.
      if (!answer.ok) return outcomeOf(answer);
    }
    return { ok: true };
  }

  /**
   * One consultation message. Each message of a reply quotes the person's latest message while
   * it is good for a free reply; without it Zalo bills the message as proactive.
   */
  private async sendMessage(userId: string, message: Record<string, unknown>): Promise<ZaloAnswer> {
    const { billing } = this.options;
    const quote = await billing.takeFreeReply(userId);
    const recipient = quote ? { user_id: userId, message_id: quote } : { user_id: userId };
    const answer = await this.call(paths.message, { json: { recipient, message } });
    if (answer.ok) await billing.count(quote ? 'free' : 'paid');
    else if (quote) await billing.giveBack(userId, quote);
    return answer;
  }

  /**
   * One approved template message, to the person's Zalo id or to a phone number (84…). Zalo
   * bills each delivered one; it is counted as such.
   */
  async sendTemplate(
    to: { userId: string } | { phone: string },
    templateId: string,
    data: Record<string, string>,
    trackingId: string,
  ): Promise<ZaloAnswer> {
    const body = { template_id: templateId, template_data: data, tracking_id: trackingId };
    const answer =
      'userId' in to
        ? await this.call(paths.template, { json: { recipient: { user_id: to.userId }, ...body } })
        : await this.call(new URL(paths.phoneTemplate, this.options.businessApiBase ?? this.options.apiBase).href, {
            json: { phone: to.phone, ...body },
          });
    if (answer.ok) await this.options.billing.count('template');
    return answer;
  }

  /** The message body of one step, after its upload if it needs one. */
  private async message(step: ZaloStep): Promise<{ ok: true; message: Record<string, unknown> } | Failed> {
    switch (step.kind) {
      case 'text': {
        const buttons = step.buttons ? { attachment: { type: 'template', payload: { buttons: step.buttons } } } : {};
        return { ok: true, message: { text: step.text, ...buttons } };
      }
      case 'image': {
        const { base64, filename, alt } = step.image;
        const answer = await this.upload(paths.uploadImage, Buffer.from(base64, 'base64'), filename, 'image/png');
        const id = answer.ok ? answer.data.attachment_id : undefined;
        if (typeof id !== 'string') return answer.ok ? missing('attachment_id') : answer;
        // A media template with text: Zalo shows the picture's words with it, like a caption.
        const elements = [{ media_type: 'image', attachment_id: id }];
        const caption = alt.normalize('NFC').trim().slice(0, ZALO_TEXT_LIMIT);
        return {
          ok: true,
          message: { ...(caption ? { text: caption } : {}), attachment: { type: 'template', payload: { template_type: 'media', elements } } },
        };
      }
      case 'file': {
        const { base64, filename, mime } = step.document;
        const answer = await this.upload(paths.uploadFile, Buffer.from(base64, 'base64'), filename, mime);
        const token = answer.ok ? answer.data.token : undefined;
        if (typeof token !== 'string') return answer.ok ? missing('token') : answer;
        return { ok: true, message: { attachment: { type: 'file', payload: { token } } } };
      }
    }
  }

  private upload(path: string, bytes: Buffer, filename: string, mime: string): Promise<ZaloAnswer> {
    return this.call(path, {
      form: () => {
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: mime }), filename);
        return form;
      },
    });
  }

  /** The person's name as Zalo shows it, or null when Zalo does not say (not a follower, an error). */
  async displayName(userId: string): Promise<string | null> {
    const answer = await this.call(paths.userDetail, { query: { data: JSON.stringify({ user_id: userId }) } });
    const name = answer.ok ? answer.data.display_name : undefined;
    return typeof name === 'string' && name.trim() ? name.trim() : null;
  }

  /** One API call; an invalid or expired token is replaced once and the call made once more. */
  private async call(path: string, body: Body): Promise<ZaloAnswer> {
    let token: string;
    try {
      token = await this.options.tokens.accessToken();
    } catch (error) {
      if (error instanceof NoZaloTokens) return { ok: false, code: 0, message: error.message, noToken: true };
      throw error;
    }
    const first = await this.post(path, token, body);
    if (first.ok || !TOKEN_ERRORS.has(first.code)) return first;
    const fresh = await this.options.tokens.replace(token);
    return fresh ? this.post(path, fresh, body) : first;
  }

  private async post(path: string, token: string, body: Body): Promise<ZaloAnswer> {
    await this.slot();
    try {
      const url = new URL(path, this.options.apiBase);
      if ('query' in body) for (const [key, value] of Object.entries(body.query)) url.searchParams.set(key, value);
      const res = await request(url, {
        method: 'query' in body ? 'GET' : 'POST',
        headers: 'json' in body ? { access_token: token, 'content-type': 'application/json' } : { access_token: token },
        body: 'json' in body ? JSON.stringify(body.json) : 'form' in body ? body.form() : undefined,
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
      });
      const text = await res.body.text();
      const parsed = envelope.safeParse(safeJson(text));
      if (!parsed.success) return { ok: false, code: 0, message: `HTTP ${res.statusCode} without a Zalo answer` };
      const { error, message, data } = parsed.data;
      return error === 0 ? { ok: true, data: data ?? {} } : { ok: false, code: error, message: message ?? '' };
    } catch (error) {
      return { ok: false, code: 0, message: (error as Error).message };
    }
  }

  /** Waits for this request's turn at the gate (slots are reserved, so callers never collide). */
  private async slot(): Promise<void> {
    const now = Date.now();
    const wait = this.gate.waitMs(now);
    this.gate.take(now + wait);
    if (wait > 0) await sleep(wait);
  }
}

function missing(field: string): Failed {
  return { ok: false, code: 0, message: `upload answer without ${field}` };
}

/**
 * What the outbox should do after a refused template message. Quiet hours and an exhausted
 * quota hold only this push (until 06:00, or an hour), never the channel's other messages.
 */
export function templateOutcomeOf(answer: Failed, now: Date): Exclude<SendOutcome, { ok: true }> {
  const error = `zalo template ${answer.code}: ${answer.message}`.slice(0, 300);
  const inAnHour = new Date(now.getTime() + QUOTA_WAIT_MS);
  // Zalo's clock decides: if it says quiet while ours does not, try again in an hour.
  if (TEMPLATE_QUIET.has(answer.code)) return { ok: false, kind: 'later', error, until: templateQuietUntil(now) ?? inAnHour };
  if (TEMPLATE_QUOTA.has(answer.code)) return { ok: false, kind: 'later', error, until: inAnHour };
  if (TEMPLATE_PERMANENT.has(answer.code)) return { ok: false, kind: 'permanent', error };
  return outcomeOf(answer);
}

/** What the outbox should do after a failed answer. */
export function outcomeOf(answer: Failed): Exclude<SendOutcome, { ok: true }> {
  const error = `zalo ${answer.code}: ${answer.message}`.slice(0, 300);
  if (UNREACHABLE.has(answer.code)) return { ok: false, kind: 'unreachable', error };
  if (PERMANENT.has(answer.code)) return { ok: false, kind: 'permanent', error };
  if (answer.code === ZaloError.rateLimited) return { ok: false, kind: 'retry', error, retryAfterMs: RATE_LIMIT_WAIT_MS };
  if (answer.noToken) return { ok: false, kind: 'retry', error, retryAfterMs: NO_TOKEN_WAIT_MS };
  // Network trouble, server errors, a token that could not be replaced yet, codes not listed.
  return { ok: false, kind: 'retry', error };
}
