// Mixed citizen traffic through the real Telegram webhook: questions, button presses and
// complete rating dialogues (8 updates each, on dossiers returned beforehand), sent by autocannon to the service running in its own process on the
// SQLite default. Reports updates/s, p50/p99 latency and the service's peak RSS, side by side
// with the bare node:http + better-sqlite3 floor measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config/index.js';
import { registerDossier } from '../src/dossiers/register.js';
import { changeDossierStatus } from '../src/dossiers/status.js';
import { FakeTelegram, FAKE_TOKEN } from '../test/support/fake-telegram.js';
import { buttonUpdate, textUpdate } from '../test/support/telegram-updates.js';
import { runIfMain, startFloor, startService } from './support/service.js';
import { QUESTIONS } from './support/questions.js';

const SECRET = 'bench-load-secret';
const RATING_SECRET = 'bench-load-rating-secret-0123456789';
const DURATION_S = 8;
const CONNECTIONS = 16;
const DOSSIERS = 2_000;


const RATING_STEPS = ['dso:rate', 'rf:o:4', 'rf:t:on_time', 'rf:a:4', 'rf:g:3', 'rf:x:no', 'rf:c:skip'];

/** One person's conversation: the updates they send, in order, from one connection. */
type Script = object[];

class Traffic {
  private chat = 1_000_000;
  private updateId = 1;
  private nextDossier = 0;
  private n = 0;
  ratingsStarted = 0;

  constructor(
    private readonly procedureCodes: string[],
    private readonly startPayloads: string[],
  ) {}

  /** The next conversation of the mix: mostly questions, then buttons, then ratings. */
  script(ratingAllowed: boolean): Script {
    const chat = this.chat++;
    const k = this.n++ % 20;
    if (ratingAllowed && k < 6 && this.nextDossier < this.startPayloads.length) {
      this.ratingsStarted++;
      const payload = this.startPayloads[this.nextDossier++];
      return [textUpdate(chat, `/start ${payload}`), ...RATING_STEPS.map((step) => buttonUpdate(chat, step))];
    }
    if (k < 8) return [buttonUpdate(chat, `p:${this.procedureCodes[this.n % this.procedureCodes.length]}`)];
    return [textUpdate(chat, QUESTIONS[this.n % QUESTIONS.length])];
  }

  body(update: object): string {
    return JSON.stringify({ ...update, update_id: this.updateId++ });
  }
}

async function fire(url: string, traffic: Traffic, durationS: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: durationS,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    // autocannon sends one request at a time per connection and keeps a context per
    // connection for one pass over this list, so a rating dialogue (8 updates) may only
    // start at the first step; the other steps carry one-update conversations.
    requests: Array.from({ length: RATING_STEPS.length + 1 }, (_, step) => ({
      setupRequest: (request: autocannon.Request, context: { script?: Script }) => {
        if (!context.script?.length) context.script = traffic.script(step === 0);
        return { ...request, body: traffic.body(context.script.shift()!) };
      },
    })),
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** A database with the catalogue, the demo communes and returned dossiers ready to be rated. */
async function prepare(dbFile: string): Promise<{ codes: string[]; payloads: string[] }> {
  const app = await createApp(
    testConfig({ DATABASE_URL: `file:${dbFile}`, DEMO_DATA: 'true', RATING_TOKEN_SECRET: RATING_SECRET }),
  );
  try {
    const commune = await app.db.commune.findFirstOrThrow();
    const procedures = await app.db.procedure.findMany({ select: { id: true, code: true } });
    const payloads: string[] = [];
    for (let i = 0; i < DOSSIERS; i++) {
      const procedure = procedures[i % procedures.length];
      const reg = await registerDossier(app, { communeId: commune.id, procedureId: procedure.id }, { qr: false });
      await changeDossierStatus(app, reg.dossier.id, 'returned');
      payloads.push(reg.startPayload);
    }
    return { codes: procedures.map((p) => p.code), payloads };
  } finally {
    await app.close();
  }
}

export async function benchLoad(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-load-'));
  const dbFile = path.join(dir, 'service.db');
  const fake = await FakeTelegram.start();
  try {
    const { codes, payloads } = await prepare(dbFile);
    const service = await startService(dbFile, {
      PUBLIC_URL: 'self',
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      RATING_TOKEN_SECRET: RATING_SECRET,
    });
    let load, peakRss, ratings;
    try {
      await fake.waitFor('setWebhook', () => true, 30_000);
      const url = `http://127.0.0.1:${service.port}/telegram/webhook`;
      const warm = new Traffic(codes, []);
      await fire(url, warm, 1); // JIT, search index, SQLite cache
      const traffic = new Traffic(codes, payloads);
      load = await fire(url, traffic, DURATION_S);
      peakRss = service.peakRssMb();
      await service.stop();
      const db = new Database(dbFile, { readonly: true });
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      ratings = {
        started: traffic.ratingsStarted,
        stored: count('SELECT COUNT(*) AS n FROM Rating'),
        unfinished: count('SELECT COUNT(*) AS n FROM DialogueState'),
        failed: count(`SELECT COUNT(*) AS n FROM InboundUpdate WHERE status = 'failed'`),
      };
      db.close();
    } finally {
      await service.stop();
    }

    const floorServer = await startFloor(path.join(dir, 'floor.db'));
    let floor;
    try {
      const floorUrl = `http://127.0.0.1:${floorServer.port}/telegram/webhook`;
      await fire(floorUrl, new Traffic(codes, []), 1);
      floor = await fire(floorUrl, new Traffic(codes, payloads), DURATION_S);
    } finally {
      await floorServer.stop();
    }

    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      name: `Mixed citizen load on the Telegram webhook (questions, buttons, ratings), ${CONNECTIONS} connections, ${DURATION_S} s`,
      figures: {
        'service updates/s': Math.round(load.perSecond),
        'service p50 / p99 latency (ms)': `${round(load.p50)} / ${round(load.p99)}`,
        'service errors (non-2xx, timeouts)': load.errors,
        'service peak RSS (MiB)': Math.round(peakRss),
        'rating dialogues started / stored / still open when the load stopped': `${ratings.started} / ${ratings.stored} / ${ratings.unfinished}`,
        'updates that failed': ratings.failed,
        'floor updates/s (node:http + INSERT)': Math.round(floor.perSecond),
        'floor p50 / p99 latency (ms)': `${round(floor.p50)} / ${round(floor.p99)}`,
        'service / floor throughput': Math.round((load.perSecond / floor.perSecond) * 1000) / 1000,
      },
    };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, benchLoad);
