// /healthz: the database (and which one), and the parts other components plug in — a part
// that is down is reported, and only a critical one takes the instance out (503).
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.js';
import type { HealthPart } from '../../src/http/health.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { onPostgres } from '../support/database.js';

let app: TestApp | undefined;
let server: FastifyInstance | undefined;

afterEach(async () => {
  await server?.close();
  await app?.close();
  server = app = undefined;
});

async function healthz(parts: HealthPart[] = []) {
  app = await makeTestApp({}, { seed: false });
  server = await buildServer(app, [], parts);
  return server;
}

const get = async (s: FastifyInstance) => {
  const response = await s.inject({ method: 'GET', url: '/healthz' });
  return { status: response.statusCode, body: response.json() };
};

describe('/healthz', () => {
  it('reports the database and its provider', async () => {
    expect(await get(await healthz())).toEqual({
      status: 200,
      body: { ok: true, db: 'up', provider: onPostgres ? 'postgresql' : 'sqlite' },
    });
  });

  it('reports each plugged-in part; a non-critical part that is down does not take the instance out', async () => {
    const s = await healthz([
      { name: 'senderLease', read: async () => ({ telegram: true, zalo: false }) },
      { name: 'redis', read: () => Promise.reject(new Error('ECONNREFUSED')) },
    ]);
    expect(await get(s)).toEqual({
      status: 200,
      body: { ok: true, db: 'up', provider: onPostgres ? 'postgresql' : 'sqlite', senderLease: { telegram: true, zalo: false }, redis: 'down' },
    });
  });

  it('answers 503 when a critical part or the database is down', async () => {
    const s = await healthz([{ name: 'queue', critical: true, read: () => Promise.reject(new Error('gone')) }]);
    expect(await get(s)).toMatchObject({ status: 503, body: { ok: false, db: 'up', queue: 'down' } });
    // Down means it cannot be written: the check's rolled-back write fails.
    app!.db.$transaction = (() => Promise.reject(new Error('connection lost'))) as TestApp['db']['$transaction'];
    expect(await get(s)).toMatchObject({ status: 503, body: { ok: false, db: 'down' } });
  });
});
