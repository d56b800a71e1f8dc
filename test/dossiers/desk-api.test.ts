// The desk API over real HTTP on 127.0.0.1: bearer token, validation with field errors,
// idempotence on the dossier code, and status changes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { deskApiRoutes } from '../../src/dossiers/desk-api.js';
import { BOT, DESK_TOKEN, makeWorld, type World } from './support.js';

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
});
