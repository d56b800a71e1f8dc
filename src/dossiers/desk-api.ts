// The desk API, for the one-stop desk's software:
//   POST /api/dossiers              register (idempotent on the dossier code)
//   POST /api/dossiers/:code/status mark done / returned (idempotent)
// Authorization: Bearer DESK_API_TOKEN, compared in constant time. Without the token configured
// the API answers 503 and does nothing. Bodies are validated with zod; errors name the field.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../services.js';
import type { HttpRoutes } from '../http/server.js';
import { safeEqual } from '../shared/secrets.js';
import { externalDossierSchema, resolveCodes, type FieldErrors } from './external-input.js';
import { CLOCK_SKEW_MS, DOSSIER_CODE, dossierProblem, registerDossier, type Registration } from './register.js';
import type { Refusal } from '../conversation/refusal.js';
import { changeDossierStatus } from './status.js';
import { whileBusy } from '../db/busy.js';

const registerBody = externalDossierSchema;

const statusBody = z
  .object({
    status: z.enum(['done', 'returned']),
    at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with offset' }).optional(),
  })
  .strict();

/** What the desk gets back for a registration (the same on a repeat). */
export function registrationBody(r: Registration) {
  return {
    ok: true,
    code: r.code,
    ratingLink: r.ratingLink,
    zaloCode: r.zaloCode,
    qrPngBase64: r.qrPngBase64,
    receivedAt: r.dossier.receivedAt.toISOString(),
    dueAt: r.dossier.dueAt.toISOString(),
  };
}

/** Constant-time check of the bearer token (see shared/secrets.ts). */
function authorised(services: Pick<Services, 'config'>, request: FastifyRequest, reply: FastifyReply): boolean {
  const expected = services.config.DESK_API_TOKEN;
  if (!expected) {
    reply.code(503).send({ ok: false, error: 'desk API disabled: DESK_API_TOKEN is not set' });
    return false;
  }
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  if (!safeEqual(given, expected)) {
    reply.code(401).header('www-authenticate', 'Bearer').send({ ok: false, error: 'missing or wrong bearer token' });
    return false;
  }
  return true;
}

function invalid(reply: FastifyReply, errors: FieldErrors) {
  return reply.code(400).send({ ok: false, error: 'invalid body', fields: errors });
}

export const deskApiRoutes: HttpRoutes = (server, services) => {
  server.post('/api/dossiers', async (request, reply) => {
    if (!authorised(services, request, reply)) return reply;
    const parsed = registerBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, z.flattenError(parsed.error).fieldErrors as FieldErrors);
    const body = parsed.data;
    const refs = await resolveCodes(services, body);
    if (!refs.ok) return invalid(reply, refs.errors);
    try {
      // One transaction per try: while another writer holds the database it is tried again,
      // then answered 503 with Retry-After (http/server.ts), never half-written.
      const registration = await whileBusy(() => registerDossier(services, {
        code: body.code,
        communeId: refs.communeId,
        procedureId: refs.procedureId,
        citizenName: body.citizenName ?? null,
        receivedAt: body.receivedAt,
        dueDate: body.dueDate ?? null,
        citizenPhone: body.citizenPhone ?? null,
      }));
      return reply.code(registration.replayed ? 200 : 201).send(registrationBody(registration));
    } catch (error) {
      const problem = dossierProblem(error);
      if (!problem) throw error;
      const { messageId, args, field } = error as Refusal;
      const message = services.i18n.t('en', messageId, args);
      if (problem === 'code_taken' || problem === 'link_lost') return reply.code(409).send({ ok: false, error: message });
      return invalid(reply, { [field ?? 'body']: [message] });
    }
  });

  server.post<{ Params: { code: string } }>('/api/dossiers/:code/status', async (request, reply) => {
    if (!authorised(services, request, reply)) return reply;
    const parsed = statusBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, z.flattenError(parsed.error).fieldErrors as FieldErrors);
    // A code no dossier can have (control characters included) is not looked up at all.
    const { code } = request.params;
    const dossier = DOSSIER_CODE.test(code) ? await services.db.dossier.findUnique({ where: { code } }) : null;
    if (!dossier) return reply.code(404).send({ ok: false, error: 'no dossier with this code' });
    const at = parsed.data.at ? new Date(parsed.data.at) : undefined;
    if (at && at.getTime() < dossier.receivedAt.getTime()) return invalid(reply, { at: ['is before the dossier was received'] });
    if (at && at.getTime() > services.clock.now().getTime() + CLOCK_SKEW_MS) return invalid(reply, { at: ['is in the future'] });
    const result = await whileBusy(() => changeDossierStatus(services, dossier.id, parsed.data.status, { at }));
    return reply.code(200).send({
      ok: true,
      code: result.dossier.code,
      status: result.dossier.status,
      outcome: result.dossier.outcome,
      changed: result.changed,
    });
  });
};
