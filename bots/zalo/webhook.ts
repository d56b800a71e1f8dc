// POST /zalo/webhook. The signature covers the raw bytes, so this route keeps the body as a
// Buffer (a content-type parser of its own, scoped to this route). A verified event is stored
// in InboundUpdate and answered 200 at once (Zalo wants an answer within 2 s); the worker
// handles it from that record. A second delivery of the same msg_id finds the row taken and
// is acknowledged without being handled again.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../src/services.js';
import type { HttpRoutes } from '../../src/http/server.js';
import { SIGNATURE_HEADER, verifySignature } from './signature.js';
import { parseEvent } from './events.js';
import { claimUpdate } from '../../src/shared/inbound-updates.js';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from '../../src/shared/unicode.js';
import { safeJson } from '../../src/shared/json.js';
import type { ZaloWorker } from './worker.js';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';
const ROUTINE_EVENTS = /^(oa_send_|user_received_message$|user_seen_message$)/;

export function zaloWebhookRoutes(worker: ZaloWorker): HttpRoutes {
  return (server: FastifyInstance, services: Services) => {
    const secretKey = services.config.ZALO_OA_SECRET_KEY;
    if (!secretKey) throw new Error('ZALO_OA_SECRET_KEY is needed for the Zalo webhook');
    server.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
      scope.post(ZALO_WEBHOOK_PATH, async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const json = safeJson(raw);
        if (!verifySignature(request.headers[SIGNATURE_HEADER], raw, json, secretKey, services.config.ZALO_SIGNATURE_ID)) {
          return reply.code(401).send({ ok: false, error: 'bad signature' });
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
