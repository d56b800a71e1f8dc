// The one HTTP server: health, webhooks, the desk API and public pages. Each part registers
// its routes through an HttpRoutes function so the server knows nothing of the domain.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Services } from '../services.js';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from '../shared/unicode.js';
import { health, redisHealth, type HealthPart } from './health.js';
import { databaseProvider } from '../db/index.js';
import { BUSY_RETRY_AFTER_S, isBusy } from '../db/busy.js';

export type HttpRoutes = (server: FastifyInstance, services: Services) => void | Promise<void>;

/** Webhook and API bodies are small; anything larger is refused with 413 before parsing. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** `parts`: what /healthz reports beside the database (see health.ts). */
export async function buildServer(services: Services, routes: HttpRoutes[], parts: readonly HealthPart[] = []): Promise<FastifyInstance> {
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
  const isWebhook = (request: FastifyRequest) => /^\/(telegram|zalo|zalobot)\//.test(request.url);
  await server.register(rateLimit, {
    global: true,
    max: (request) =>
      isWebhook(request) ? services.config.RATE_LIMIT_WEBHOOK_IP_PER_MINUTE : services.config.RATE_LIMIT_IP_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => `${isWebhook(request) ? 'hook' : 'web'}:${request.ip}`,
    allowList: (request) => request.url === '/healthz',
    // Shared by the instances when there is a Redis. If it fails, requests pass (the client
    // logs the outage): a limit must never take the bot down.
    ...(services.redis ? { redis: services.redis.client, nameSpace: 'limit:ip:', skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ok: false,
      error: `Quá nhiều yêu cầu, vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây / too many requests`,
    }),
  });
  server.get('/healthz', async (_request, reply) => {
    const answer = await health(services, databaseProvider(services.config.DATABASE_URL), [...redisHealth(services), ...parts]);
    if (answer.body.db === 'down') reply.header('retry-after', String(BUSY_RETRY_AFTER_S));
    return reply.code(answer.status).send(answer.body);
  });
  for (const register of routes) await register(server, services);
  return server;
}
