// Rating submissions per second through the conversation core (`app.conversation.handle`), end
// to end on a real SQLite file: each rating is a full dialogue on a fresh returned dossier by
// its own citizen — open the receipt link, press "rate", answer five questions, skip the
// comment (8 messages, one stored Rating). Run one citizen at a time, then several at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../src/app.js';
import { testConfig } from '../src/config/index.js';
import { registerDossier } from '../src/dossiers/register.js';
import { changeDossierStatus } from '../src/dossiers/status.js';
import type { Inbound } from '../src/conversation/types.js';

const SEQUENTIAL = 200;
const CONCURRENT = 400;
const PARALLEL_USERS = 16;

async function freshApp(): Promise<{ app: App; done(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-ratings-'));
  const app = await createApp(testConfig({ DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, DEMO_DATA: 'true' }));
  return {
    app,
    async done() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Returned dossiers ready to be rated, with their deep-link payloads. */
async function returnedDossiers(app: App, count: number): Promise<string[]> {
  const commune = await app.db.commune.findFirstOrThrow();
  const procedure = await app.db.procedure.findFirstOrThrow();
  const payloads: string[] = [];
  for (let i = 0; i < count; i++) {
    const reg = await registerDossier(app, { communeId: commune.id, procedureId: procedure.id }, { qr: false });
    await changeDossierStatus(app, reg.dossier.id, 'returned');
    payloads.push(reg.startPayload);
  }
  return payloads;
}

const dialogue = (startPayload: string): Omit<Inbound, 'channel' | 'userId'>[] => [
  { text: `/start ${startPayload}` },
  { payload: 'dso:rate' },
  { payload: 'rf:overall:satisfied' },
  { payload: 'rf:timeliness:on_time' },
  { payload: 'rf:attitude:very_polite' },
  { payload: 'rf:guidance:clear' },
  { payload: 'rf:extra:no' },
  { payload: 'rf:skip' },
];

async function rate(app: App, userId: string, startPayload: string): Promise<number> {
  const started = performance.now();
  for (const step of dialogue(startPayload)) await app.conversation.handle({ channel: 'console', userId, ...step });
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(app: App, payloads: string[], parallel: number, tag: string) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < payloads.length) {
        const i = next++;
        times.push(await rate(app, `${tag}-${i}`, payloads[i]));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = await app.db.rating.count();
  times.sort((a, b) => a - b);
  return { perSecond: payloads.length / seconds, p50: percentile(times, 50), p95: percentile(times, 95), stored };
}

export async function benchRatings(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const { app, done } = await freshApp();
  try {
    const payloads = await returnedDossiers(app, SEQUENTIAL + CONCURRENT);
    const one = await measure(app, payloads.slice(0, SEQUENTIAL), 1, 'seq');
    const many = await measure(app, payloads.slice(SEQUENTIAL), PARALLEL_USERS, 'par');
    if (many.stored !== SEQUENTIAL + CONCURRENT) throw new Error(`stored ${many.stored} ratings, expected ${SEQUENTIAL + CONCURRENT}`);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      name: 'ratings (full rating dialogue through the core, SQLite)',
      figures: {
        'ratings/s, one citizen at a time': round(one.perSecond),
        'ms per rating p50 / p95 (sequential)': `${round(one.p50)} / ${round(one.p95)}`,
        [`ratings/s, ${PARALLEL_USERS} citizens at once`]: round(many.perSecond),
        [`ms per rating p50 / p95 (${PARALLEL_USERS} at once)`]: `${round(many.p50)} / ${round(many.p95)}`,
        'messages per rating': dialogue('').length,
        'ratings stored': many.stored,
      },
    };
  } finally {
    await done();
  }
}
