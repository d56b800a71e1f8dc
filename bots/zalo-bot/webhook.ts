// Webhook mode: Zalo POSTs each event to /zalobot/webhook with the secret given to setWebhook
// in X-Bot-Api-Secret-Token. The header is checked in constant time as soon as the request
// arrives (401 before the body is read, let alone stored); a body that is not a JSON object
// gets 400. The event is answered 200 once it has been handled and its replies sent, as on
// Telegram, or after 8 s at most (the first chart of a process loads its libraries for
// seconds), handling going on after the answer; a delivery of the same message id again is
// acknowledged without handling it twice.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpRoutes } from '../../src/http/server.js';
import { safeEqual } from '../../src/shared/secrets.js';
import { eventsIn } from './updates.js';
import type { ZaloBotHandler } from './handler.js';

export const ZALO_BOT_WEBHOOK_PATH = '/zalobot/webhook';
const SECRET_HEADER = 'x-bot-api-secret-token';
const ANSWER_WITHIN_MS = 8000;

export function zaloBotWebhookRoutes(handler: ZaloBotHandler, secretToken: string): HttpRoutes {
  return (server, services) => {
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
      const handled = (async () => {
        for (const event of eventsIn(body)) await handler.handle(event);
        return 'handled' as const;
      })();
      const timer = new AbortController();
      const first = await Promise.race([handled.catch(() => 'failed' as const), sleep(ANSWER_WITHIN_MS, 'late' as const, { signal: timer.signal })]);
      timer.abort();
      if (first === 'failed') {
        // Logged here rather than by the server, whose error log would include the event.
        services.log.error({ err: await handled.catch((error: unknown) => error) }, 'zalobot update failed');
        return reply.code(500).send({ ok: false });
      }
      if (first === 'late') void handled.catch((error: unknown) => services.log.error({ err: error }, 'zalobot update failed'));
      return { ok: true };
    });
  };
}
