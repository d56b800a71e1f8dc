// Webhook mode: Telegram POSTs each update to /telegram/webhook. The secret header is checked
// in constant time as soon as the request arrives (401 before the body is even read, let alone
// stored); a body that is not an update at all gets 400. grammY lets the first API call of the
// update travel back in the HTTP response ("webhook reply"), which saves a round trip to
// Telegram for the common one-message answer.
import { BotError, webhookCallback, type Bot } from 'grammy';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HttpRoutes } from '../../src/http/server.js';
import { safeEqual } from '../../src/shared/secrets.js';
import { logUpdateFailure } from './errors.js';
import { UpdateInProgress } from '../../src/shared/inbound-updates.js';
import type { InFlight } from '../../src/shared/in-flight.js';

export const WEBHOOK_PATH = '/telegram/webhook';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Answer Telegram before it gives up and re-delivers; handling goes on after the answer. */
const WEBHOOK_TIMEOUT_MS = 8000;
/** All grammY needs to hold on to; the fields the bot reads are validated in inbound.ts. */
const updateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

type RawCall = (payload: Record<string, unknown>) => Promise<unknown>;

/**
 * grammY's Fastify adapter, except that a webhook reply attempted after the HTTP answer has
 * already gone (slow update, timeout) is sent as a normal API call instead of being lost.
 */
function fastifyAdapter(bot: Bot) {
  return (request: FastifyRequest, reply: FastifyReply) => ({
    get update() {
      return request.body as never;
    },
    header: request.headers[SECRET_HEADER] as string | undefined,
    end: () => {
      if (!reply.sent) reply.send('');
    },
    respond: async (json: string) => {
      if (!reply.sent) return reply.header('content-type', 'application/json').send(json);
      const { method, ...payload } = JSON.parse(json) as { method: string } & Record<string, unknown>;
      await (bot.api.raw as unknown as Record<string, RawCall>)[method](payload);
    },
    unauthorized: () => reply.code(401).send({ ok: false, error: 'unauthorized' }),
    // Nothing to hand back to Fastify (the reply is sent above); declared so the callback is typed as a promise.
    handlerReturn: undefined,
  });
}

/** `inFlight` counts updates until they are finished, after their webhook reply too (see InFlight). */
export function webhookRoutes(bot: Bot, secretToken: string, inFlight: InFlight): HttpRoutes {
  const handle = webhookCallback(bot, fastifyAdapter(bot), {
    // grammY compares it again (in constant time too), but only once the check below has passed.
    secretToken,
    onTimeout: 'return',
    timeoutMilliseconds: WEBHOOK_TIMEOUT_MS,
  });
  return (server, services) => {
    const authorised = async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers[SECRET_HEADER];
      if (!safeEqual(typeof header === 'string' ? header : '', secretToken)) {
        return reply.code(401).send({ ok: false, error: 'unauthorized' });
      }
    };
    server.post(WEBHOOK_PATH, { onRequest: authorised }, async (request, reply) => {
      if (!updateShape.safeParse(request.body).success) return reply.code(400).send({ ok: false, error: 'not a Telegram update' });
      try {
        await inFlight.track(handle(request, reply));
      } catch (error) {
        const cause = error instanceof BotError ? error.error : error;
        if (cause instanceof UpdateInProgress) {
          // Another instance took it and has not finished (or died): Telegram tries again later.
          services.log.info({ updateId: cause.updateId }, 'telegram update delivered again while unfinished; asked to retry');
          return reply.code(503).send({ ok: false, error: 'in progress, retry later' });
        }
        // Logged here rather than by the server, whose error log would include the update.
        logUpdateFailure(services.log, error);
        // Telegram delivers it again later; if it had been claimed, that delivery is skipped.
        if (!reply.sent) reply.code(500).send({ ok: false });
      }
      return reply;
    });
  };
}
