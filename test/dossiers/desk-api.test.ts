// The desk API over real HTTP on 127.0.0.1: bearer token, validation with field errors,
// idempotence on the dossier code, and status changes.
import type { FastifyInstance } from 'fastify';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../src/db/index.js';
import { BUSY_RETRY_AFTER_S } from '../../src/db/busy.js';
import { buildServer } from '../../src/http/server.js';
import { deskApiRoutes } from '../../src/dossiers/desk-api.js';
import { BOT, DESK_TOKEN, makeWorld, type World } from './support.js';
import { onPostgres } from '../support/database.js';

describe('desk API', () => {
  let w: World;
  let server: FastifyInstance;
  let base = '';
  beforeAll(async () => {
    w = await makeWorld();
    server = await buildServer(w.app, [deskApiRoutes]);
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await w.app.close();
  });

  const post = (path: string, body: unknown, token: string | null = DESK_TOKEN) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });

  const body = {
    code: '000.00.12.H10-260302-0001',
    commune: 'BG-TANTIEN',
    procedure: '1.004884',
    receivedAt: '2026-03-02T08:30:00+07:00',
    citizenName: 'Trần Thị Bình',
  };

  it('refuses a missing or wrong token with 401 and stores nothing', async () => {
    for (const token of [null, 'wrong-token-wrong-token', `${DESK_TOKEN}x`]) {
      const res = await post('/api/dossiers', body, token);
      expect(res.status).toBe(401);
    }
    expect(await w.app.db.dossier.count()).toBe(0);
  });

  it('answers 503 while DESK_API_TOKEN is not configured', async () => {
    const saved = w.app.config.DESK_API_TOKEN;
    w.app.config.DESK_API_TOKEN = undefined;
    try {
      expect((await post('/api/dossiers', body)).status).toBe(503);
    } finally {
      w.app.config.DESK_API_TOKEN = saved;
    }
  });

  it('a bad body gets 400 with the errors per field', async () => {
    const res = await post('/api/dossiers', { code: 'x', procedure: '', receivedAt: 'yesterday', dueDate: '31/02/2026', extra: 1 });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { fields: Record<string, string[]> };
    expect(Object.keys(json.fields).sort()).toEqual(['code', 'commune', 'dueDate', 'procedure', 'receivedAt']);
    const unknown = await post('/api/dossiers', { ...body, commune: 'XX-NOWHERE', procedure: '9.999999' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { fields: object }).fields).toEqual({
      commune: ['unknown commune code XX-NOWHERE'],
      procedure: ['unknown procedure code 9.999999'],
    });
    const past = await post('/api/dossiers', { ...body, dueDate: '27/02/2026' });
    expect(past.status).toBe(400);
    expect(((await past.json()) as { fields: object }).fields).toEqual({ dueDate: [w.app.i18n.t('en', 'dossier-problem-due_in_past')] });
    expect(await w.app.db.dossier.count()).toBe(0);
  });

  it('registers a dossier (201), and the same code again gets the same answer (200) without a duplicate', async () => {
    const first = await post('/api/dossiers', body);
    expect(first.status).toBe(201);
    const answer = (await first.json()) as Record<string, string>;
    expect(answer.code).toBe(body.code);
    expect(answer.ratingLink).toMatch(new RegExp(`^https://t\\.me/${BOT}\\?start=r_[A-Za-z0-9_-]{32}$`));
    expect(answer.zaloCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Buffer.from(answer.qrPngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    // 5 working days from Monday 2 March 08:30: Monday 9 March, 17:00.
    expect(answer.dueAt).toBe('2026-03-09T10:00:00.000Z');

    const again = await post('/api/dossiers', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);
    // Fields left out of the repeat are not compared.
    const { receivedAt: _r, ...withoutTime } = body;
    expect((await post('/api/dossiers', withoutTime)).status).toBe(200);
    expect(await w.app.db.dossier.count()).toBe(1);
  });

  it('a different body under an existing code is a conflict (409)', async () => {
    const res = await post('/api/dossiers', { ...body, citizenName: 'Người khác' });
    expect(res.status).toBe(409);
    expect(await w.app.db.dossier.count()).toBe(1);
  });

  it('two simultaneous registrations of a new code create one dossier', async () => {
    const fresh = { ...body, code: '000.00.12.H10-260302-0002' };
    const [a, b] = await Promise.all([post('/api/dossiers', fresh), post('/api/dossiers', fresh)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(await a.json()).toEqual(await b.json());
    expect(await w.app.db.dossier.count({ where: { code: fresh.code } })).toBe(1);
  });

  it('marks a dossier done and returned, idempotently', async () => {
    const path = `/api/dossiers/${encodeURIComponent(body.code)}/status`;
    expect((await post(path, { status: 'returned' }, 'nope')).status).toBe(401);
    expect((await post(path, { status: 'lost' })).status).toBe(400);
    expect((await post('/api/dossiers/NO-SUCH-CODE/status', { status: 'done' })).status).toBe(404);

    w.clock.set('2026-03-06T05:00:00Z'); // Friday 12:00
    expect((await post(path, { status: 'done', at: '2026-03-07T10:00:00+07:00' })).status).toBe(400);
    const done = await post(path, { status: 'done', at: '2026-03-06T10:00:00+07:00' });
    expect(await done.json()).toMatchObject({ ok: true, status: 'done', changed: true });
    const back = await post(path, { status: 'returned' });
    expect(await back.json()).toEqual({ ok: true, code: body.code, status: 'returned', outcome: 'early', changed: true });
    const again = await post(path, { status: 'returned' });
    expect(await again.json()).toMatchObject({ status: 'returned', changed: false });
  });

  it('refuses dates outside a sane range with 400 naming the field, and stores nothing', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ receivedAt: '0001-01-01T00:00:00Z' }, 'receivedAt', 'dossier-problem-received_too_early'],
      [{ receivedAt: '1999-12-31T23:59:00+07:00' }, 'receivedAt', 'dossier-problem-received_too_early'],
      [{ receivedAt: '9999-12-31T00:00:00Z' }, 'receivedAt', 'dossier-problem-received_in_future'],
      [{ dueDate: '9999-12-31' }, 'dueDate', 'dossier-problem-due_too_far'],
      // Received Monday 2 March 2026: 2 years later is 2 March 2028; the next working day is too far.
      [{ dueDate: '2028-03-03' }, 'dueDate', 'dossier-problem-due_too_far'],
    ];
    const before = await w.app.db.dossier.count();
    for (const [change, field, messageId] of cases) {
      const res = await post('/api/dossiers', { ...body, code: 'RANGE-1', ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(((await res.json()) as { fields: object }).fields).toEqual({ [field]: [w.app.i18n.t('en', messageId as never)] });
    }
    expect(await w.app.db.dossier.count()).toBe(before);
    // The last day within 2 years is accepted.
    const edge = await post('/api/dossiers', { ...body, code: 'RANGE-2', dueDate: '2028-03-02' });
    expect(edge.status).toBe(201);
  });

  // SQLite's single writer: PostgreSQL has row locks, not one lock for the whole database.
  it.skipIf(onPostgres)('waits while another writer holds the database, then answers 503 with Retry-After; nothing half-written; /healthz says 503', async () => {
    const code = 'LOCK-REG-1';
    await post('/api/dossiers', { ...body, code: 'LOCK-STATUS-1' });
    const counts = async () => ({
      dossiers: await w.app.db.dossier.count(),
      audit: await w.app.db.auditLog.count(),
      outbox: await w.app.db.outboxMessage.count(),
      status: (await w.app.db.dossier.findUniqueOrThrow({ where: { code: 'LOCK-STATUS-1' } })).status,
    });
    const before = await counts();
    // Another connection takes the write lock and keeps it.
    const other = new Database(databasePath(w.app.config.DATABASE_URL));
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO AuditLog (action, createdAt) VALUES ('held by another writer', 0)").run();
    try {
      const started = performance.now();
      const [registered, changed, health] = await Promise.all([
        post('/api/dossiers', { ...body, code }),
        post('/api/dossiers/LOCK-STATUS-1/status', { status: 'done' }),
        fetch(`${base}/healthz`),
      ]);
      const waited = performance.now() - started;
      for (const res of [registered, changed, health]) {
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe(String(BUSY_RETRY_AFTER_S));
      }
      expect(await registered.json()).toMatchObject({ ok: false, error: expect.stringContaining('busy') });
      // It waited for the busy timeout (5 s) rather than failing at once.
      expect(waited).toBeGreaterThan(4500);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await counts()).toEqual(before);
    expect(await w.app.db.dossier.findUnique({ where: { code } })).toBeNull();
    // Once the lock is gone the same requests go through, and the health check is up.
    expect((await post('/api/dossiers', { ...body, code })).status).toBe(201);
    expect((await post('/api/dossiers/LOCK-STATUS-1/status', { status: 'done' })).status).toBe(200);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, db: 'up', provider: 'sqlite' });
    // The health check's own write was rolled back.
    expect(await w.app.db.auditLog.count({ where: { action: 'healthz' } })).toBe(0);
  });

  it("keeps a citizen's phone only with their consent, written as Zalo wants it (84…)", async () => {
    const refused: [Record<string, unknown>, string][] = [
      [{ citizenPhone: '0912345678' }, 'phoneConsent'],
      [{ citizenPhone: '0912345678', phoneConsent: false }, 'phoneConsent'],
      [{ citizenPhone: '12345', phoneConsent: true }, 'citizenPhone'],
      [{ citizenPhone: '0912345678', phoneConsent: 'maybe' }, 'phoneConsent'],
    ];
    for (const [change, field] of refused) {
      const res = await post('/api/dossiers', { ...body, code: 'PHONE-0', ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(Object.keys(((await res.json()) as { fields: object }).fields)).toEqual([field]);
    }
    expect(await w.app.db.dossier.findUnique({ where: { code: 'PHONE-0' } })).toBeNull();
    const res = await post('/api/dossiers', { ...body, code: 'PHONE-1', citizenPhone: '+84 912 345 678', phoneConsent: true });
    expect(res.status).toBe(201);
    const stored = await w.app.db.dossier.findUniqueOrThrow({ where: { code: 'PHONE-1' } });
    expect(stored.citizenPhone).toBe('84912345678');
    expect(stored.phoneConsentAt).not.toBeNull();
  });
});
