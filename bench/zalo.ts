// Zalo webhook throughput: the real service (src/main.ts in its own process, temp SQLite file,
// Zalo API faked on 127.0.0.1) taking citizens' questions POSTed by autocannon to
// /zalo/webhook, each signed (X-ZEvent-Signature) with a fresh msg_id. Figures: how fast
// events are verified, stored and acknowledged, and how fast the stored events are then
// handled and answered (Zalo's request pacing lifted, so the machine is the limit).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { FakeZalo } from '../test/support/fake-zalo.js';
import { signature, userText, type WebhookKeys } from '../test/support/zalo-webhook.js';
import { runIfMain, startService, type RunningService } from './support/service.js';
import { QUESTIONS } from './support/questions.js';

const keys: WebhookKeys = { appId: '1234567890', oaId: '579745863508352884', secretKey: 'bench-oa-secret-key' };
const DURATION_S = 5;
const CONNECTIONS = 32;
/** People the questions come from: enough that no one hits the per-person flood limit. */
const USERS = 5_000;
const DRAIN_TIMEOUT_MS = 120_000;


let seq = 0;

async function fire(url: string, durationS: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: durationS,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = ++seq;
          const event = userText(keys, `bench-${n % USERS}`, QUESTIONS[n % QUESTIONS.length], `bench-msg-${n}`);
          const body = JSON.stringify(event);
          return { ...request, body, headers: { ...request.headers, 'x-zevent-signature': signature(keys, body, event.timestamp) } };
        },
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** Waits until no stored event is left unhandled; returns how long that took. */
async function drained(db: Database.Database): Promise<number> {
  const started = performance.now();
  const pending = db.prepare("SELECT COUNT(*) AS n FROM InboundUpdate WHERE channel = 'zalo' AND status = 'received'");
  while ((pending.get() as { n: number }).n > 0) {
    if (performance.now() - started > DRAIN_TIMEOUT_MS) throw new Error('stored events not handled in time');
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - started;
}

export async function benchZalo(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-zalo-'));
  const fake = await FakeZalo.start(keys.appId);
  const grant = fake.issue();
  const dbFile = path.join(dir, 'service.db');
  let service: RunningService | undefined;
  let db: Database.Database | undefined;
  try {
    service = await startService(dbFile, {
      ZALO_APP_ID: keys.appId,
      ZALO_APP_SECRET: fake.appSecret,
      ZALO_OA_SECRET_KEY: keys.secretKey,
      ZALO_ACCESS_TOKEN: grant.accessToken,
      ZALO_REFRESH_TOKEN: grant.refreshToken,
      ZALO_API_BASE: fake.url,
      ZALO_OAUTH_BASE: fake.url,
      ZALO_REQUESTS_PER_MINUTE: '1000000',
    });
    db = new Database(dbFile, { readonly: true });
    const url = `http://127.0.0.1:${service.port}/zalo/webhook`;
    await fire(url, 3); // warm-up: JIT, search index, SQLite cache, start-up jobs
    await new Promise((r) => setTimeout(r, 500)); // requests still on the wire when autocannon stopped
    await drained(db);
    const count = (status: string) =>
      (db!.prepare("SELECT COUNT(*) AS n FROM InboundUpdate WHERE channel = 'zalo' AND status = ?").get(status) as { n: number }).n;
    const stored = () => count('received') + count('processed') + count('failed');
    const before = { stored: stored(), processed: count('processed'), answers: fake.delivered().length };

    const started = performance.now();
    const load = await fire(url, DURATION_S);
    const drainMs = await drained(db);
    const totalS = (performance.now() - started) / 1000;
    const processed = count('processed') - before.processed;
    // Includes the requests still in flight when autocannon stopped counting.
    const received = stored() - before.stored;
    const answers = fake.delivered().length - before.answers;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      name: `Zalo webhook: signed events, ${QUESTIONS.length} different questions, ${CONNECTIONS} connections, ${DURATION_S} s`,
      figures: {
        'acknowledged events/s (verified + stored)': Math.round(load.perSecond),
        'p50 latency (ms)': round(load.p50),
        'p99 latency (ms)': round(load.p99),
        'errors (non-2xx, timeouts)': load.errors,
        'events stored / handled / failed': `${received} / ${processed} / ${count('failed')}`,
        'answers sent to Zalo': answers,
        'handled + answered events/s (until the backlog is empty)': Math.round(processed / totalS),
        'backlog drained after the load (s)': round(drainMs / 1000),
      },
    };
  } finally {
    db?.close();
    await service?.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, benchZalo);
