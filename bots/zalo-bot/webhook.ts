// Webhook mode: Zalo POSTs each event to /zalobot/webhook with the secret given to setWebhook
// in X-Bot-Api-Secret-Token. The header is checked in constant time as soon as the request
// arrives (401 before the body is read, let alone stored); a body that is not a JSON object
// gets 400. The event is answered 200 once it has been handled and its replies sent, as on
// Telegram; a delivery of the same message id again is acknowledged without handling it twice.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpRoutes } from '../../src/http/server.js';
import { safeEqual } from '../../src/shared/secrets.js';
import { eventsIn } from './updates.js';
import type { ZaloBotHandler } from './handler.js';

export const ZALO_BOT_WEBHOOK_PATH = '/zalobot/webhook';
const SECRET_HEADER = 'x-bot-api-secret-token';

export function zaloBotWebhookRoutes(handler: ZaloBotHandler, secretToken: string): HttpRoutes {
  return (server) => {
    const authorised = async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers[SECRET_HEADER];
      if (!safeEqual(typeof header === 'string' ? header : '', secretToken)) {
        return reply.code(401).send({ ok: false, error: 'unauthorized' });
      }
    };
    server.post(ZALO_BOT_WEBHOOK_PATH, { onRequest: authorised }, async (request, reply) => {
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return reply.code(400).send({ ok: false, error: 'not a Zalo Bot event' });
      }
      for (const event of eventsIn(body)) await handler.handle(event);
      return { ok: true };
    });
  };
}
