// POST /zalo/webhook. The signature covers the raw bytes, so this route keeps the body as a
// Buffer (a content-type parser of its own, scoped to this route). Checks, in order: the body
// is JSON (400), the signature (401), then what a valid signature does not prove (403): the
// event is for this app (`app_id` = ZALO_APP_ID) and recent (its timestamps, the body's and
// X-ZEvent-Timestamp when sent, within ZALO_WEBHOOK_MAX_SKEW_MINUTES of now), so a captured
// event cannot be replayed once the window has passed. Within the window the InboundUpdate
// record, kept far longer than any window (jobs/housekeeping.ts), recognises a second delivery.
// A verified event is stored and answered 200 at once (Zalo wants an answer within 2 s); the
// worker handles it from that record.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../src/services.js';
import type { HttpRoutes } from '../../src/http/server.js';
import { headerTimestamp, matchSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, timestampField } from './signature.js';
import { parseEvent, timestampMs } from './events.js';
import { claimUpdate } from '../../src/shared/inbound-updates.js';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from '../../src/shared/unicode.js';
import { safeJson } from '../../src/shared/json.js';
import type { ZaloWorker } from './worker.js';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';
const ROUTINE_EVENTS = /^(oa_send_|user_received_message$|user_seen_message$)/;

const envelope = z.object({ app_id: z.string().optional(), timestamp: timestampField });

export function zaloWebhookRoutes(worker: ZaloWorker): HttpRoutes {
  return (server: FastifyInstance, services: Services) => {
    const { ZALO_OA_SECRET_KEY: secretKey, ZALO_APP_ID: appId, ZALO_SIGNATURE_ID, ZALO_WEBHOOK_MAX_SKEW_MINUTES } = services.config;
    if (!secretKey || !appId) throw new Error('ZALO_OA_SECRET_KEY and ZALO_APP_ID are needed for the Zalo webhook');
    const skewMs = ZALO_WEBHOOK_MAX_SKEW_MINUTES * 60_000;
    let variantLogged = false;
    server.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
      scope.post(ZALO_WEBHOOK_PATH, async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const json = safeJson(raw);
        if (json === null || typeof json !== 'object' || Array.isArray(json)) return reply.code(400).send({ ok: false, error: 'body is not a JSON object' });
        const stampHeader = headerTimestamp(request.headers[TIMESTAMP_HEADER]);
        const variant = matchSignature(request.headers[SIGNATURE_HEADER], raw, json, secretKey, ZALO_SIGNATURE_ID, stampHeader);
        if (!variant) return reply.code(401).send({ ok: false, error: 'bad signature' });
        if (!variantLogged) {
          variantLogged = true;
          // Tells the operator which reading of Zalo's rules this OA's events follow.
          services.log.info({ signatureId: variant.id, timestamp: variant.timestamp }, 'zalo webhook signature variant');
        }
        const fields = envelope.parse(json); // the signature check has read the timestamp already
        if (fields.app_id !== appId) {
          services.log.warn({ appId: fields.app_id ?? null }, 'zalo event for another app refused');
          return reply.code(403).send({ ok: false, error: 'app_id is not this app' });
        }
        const now = services.clock.now().getTime();
        const stamps = [fields.timestamp, ...(stampHeader ? [stampHeader] : [])];
        if (stamps.some((t) => Math.abs(timestampMs(t) - now) > skewMs)) {
          services.log.warn({ timestamps: stamps }, 'zalo event outside the replay window refused');
          return reply.code(403).send({ ok: false, error: 'timestamp outside the accepted window' });
        }
        // Zalo never sends these; stored or handled they would fail the database query.
        if (hasLoneSurrogate(json)) return reply.code(400).send({ ok: false, error: LONE_SURROGATE_MESSAGE });
        const event = parseEvent(json);
        if (event.kind === 'ignored') {
          // Echoes of the OA's own messages and delivery receipts come with every answer.
          const level = ROUTINE_EVENTS.test(event.eventName) ? 'debug' : 'info';
          services.log[level]({ event: event.eventName }, 'zalo event acknowledged, not handled');
          return { ok: true };
        }
        if (await claimUpdate(services, 'zalo', event.updateId, { body: raw.toString('utf8'), userId: event.userId })) worker.submit(event);
        else services.log.debug({ updateId: event.updateId }, 'zalo event delivered again, already handled');
        return { ok: true };
      });
    });
  };
}
