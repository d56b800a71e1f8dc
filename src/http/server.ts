// The one HTTP server: health, webhooks, the desk API and public pages. Each part registers
// its routes through an HttpRoutes function so the server knows nothing of the domain.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Services } from '../services.js';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from '../shared/unicode.js';
import { BUSY_RETRY_AFTER_S, isBusy, whileBusy } from '../db/busy.js';

export type HttpRoutes = (server: FastifyInstance, services: Services) => void | Promise<void>;

/** Webhook and API bodies are small; anything larger is refused with 413 before parsing. */
export const BODY_LIMIT_BYTES = 256 * 1024;

class RollBack extends Error {}

export async function buildServer(services: Services, routes: HttpRoutes[]): Promise<FastifyInstance> {
  const server = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Deeply nested JSON is a cheap way to burn CPU; webhook payloads are shallow.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Only a reverse proxy on this machine may say who the client is (X-Forwarded-For);
    // trusting any sender would let clients pick their own address and dodge per-IP limits.
    trustProxy: 'loopback',
  });
  // Fastify's JSON parser (with its prototype-poisoning checks), plus a refusal of text no
  // database can store: lone surrogates only come from \u escapes, hence the cheap pre-check.
  const parseJson = server.getDefaultJsonParser('error', 'error');
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    void parseJson(request, text, (error, value) => {
      if (error) return done(error);
      if (/\\u[dD][89a-fA-F]/.test(text) && hasLoneSurrogate(value)) {
        return done(Object.assign(new Error(`invalid body: ${LONE_SURROGATE_MESSAGE}`), { statusCode: 400 }));
      }
      done(null, value);
    });
  });
  server.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    // A request that found the database held by another writer for the whole busy timeout
    // (whileBusy) or at once: its transaction was rolled back, so the client may simply retry.
    if (isBusy(error)) {
      services.log.warn({ url: request.url }, 'database busy: answered 503');
      return reply.code(503).header('retry-after', String(BUSY_RETRY_AFTER_S)).send({ ok: false, error: 'database busy, try again shortly' });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) services.log.error({ err: error, url: request.url }, 'http handler failed');
    reply.code(status).send({ ok: false, error: status === 500 ? 'internal error' : error.message });
  });
  const isWebhook = (request: FastifyRequest) => /^\/(telegram|zalo)\//.test(request.url);
  await server.register(rateLimit, {
    global: true,
    max: (request) =>
      isWebhook(request) ? services.config.RATE_LIMIT_WEBHOOK_IP_PER_MINUTE : services.config.RATE_LIMIT_IP_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => `${isWebhook(request) ? 'hook' : 'web'}:${request.ip}`,
    allowList: (request) => request.url === '/healthz',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ok: false,
      error: `Quá nhiều yêu cầu, vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây / too many requests`,
    }),
  });
  // Up means writable: a tiny write in a transaction that is rolled back, so a database that
  // can be read but not written (lock held, disk full, read-only file) is reported as down.
  server.get('/healthz', async (_request, reply) => {
    try {
      await whileBusy(async () => {
        try {
          await services.db.$transaction(async (tx) => {
            await tx.auditLog.create({ data: { action: 'healthz' } });
            throw new RollBack();
          });
        } catch (error) {
          if (!(error instanceof RollBack)) throw error;
        }
      });
      return { ok: true, db: 'up' };
    } catch (error) {
      services.log.warn({ err: error }, 'healthz: the database cannot be written');
      return reply.code(503).header('retry-after', String(BUSY_RETRY_AFTER_S)).send({ ok: false, db: 'down' });
    }
  });
  for (const register of routes) await register(server, services);
  return server;
}
