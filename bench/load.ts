// Mixed citizen traffic through the real Telegram webhook — about 60% questions, 25% button
// presses and 15% complete rating dialogues (8 updates each, on dossiers returned beforehand) —
// sent by autocannon to the service running in its own process on the SQLite default. Reports
// updates/s, p50/p99 latency and the service's peak RSS, side by side with the bare node:http +
// better-sqlite3 floor measured in the same run. A second run sends only rating dialogues, for
// the rate of rating submissions through the webhook.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config/index.js';
import { registerDossier } from '../src/dossiers/register.js';
import { changeDossierStatus } from '../src/dossiers/status.js';
import { FakeTelegram, FAKE_TOKEN } from '../test/support/fake-telegram.js';
import { buttonUpdate, textUpdate } from '../test/support/telegram-updates.js';
import { runIfMain, startFloor, startService } from './support/service.js';
import { fire } from './support/fire.js';
import { mulberry32 } from '../test/hardening/random.js';
import { QUESTIONS } from './support/questions.js';

const SECRET = 'bench-load-secret';
const RATING_SECRET = 'bench-load-rating-secret-0123456789';
const DURATION_S = 8;
const CONNECTIONS = 16;
const DOSSIERS = 3_000;
const RATINGS_ONLY_S = 4;


/**
 * A realistic mix: most citizens ask a question, some press a button on the answer, and a
 * rating is one dialogue per returned dossier. A rating dialogue fills a whole 8-update cycle
 * of a connection, so this share of cycles is about its share of updates.
 */
const RATING_CYCLE_SHARE = 0.15;
/** Of the other updates, button presses (a procedure card from the alternatives). */
const BUTTON_SHARE = 0.3;
const random = mulberry32(20261121);

const RATING_STEPS = ['dso:rate', 'rf:overall:very_satisfied', 'rf:timeliness:on_time', 'rf:attitude:very_polite', 'rf:guidance:clear', 'rf:extra:no', 'rf:skip'];

/** One person's conversation: the updates they send, in order, from one connection. */
type Script = object[];

/** Chats and update ids never repeat across runs: a repeated id would be skipped as a duplicate. */
let nextChat = 1_000_000;
let nextUpdateId = 1;

class Traffic {
  private nextDossier = 0;
  private n = 0;
  ratingsStarted = 0;

  constructor(
    private readonly procedureCodes: string[],
    private readonly startPayloads: string[],
    /** Every conversation a complete rating dialogue (the ratings-only run). */
    private readonly onlyRatings = false,
  ) {}

  /** Updates handed out per kind, for the shares the report shows. */
  readonly sent = { question: 0, button: 0, rating: 0 };

  /** The next conversation of the mix: mostly questions, then buttons, then ratings. */
  script(ratingAllowed: boolean): Script {
    const chat = nextChat++;
    const n = this.n++;
    const rating = this.onlyRatings || random() < RATING_CYCLE_SHARE;
    if (ratingAllowed && rating && this.nextDossier < this.startPayloads.length) {
      this.ratingsStarted++;
      this.sent.rating += RATING_STEPS.length + 1;
      const payload = this.startPayloads[this.nextDossier++];
      return [textUpdate(chat, `/start ${payload}`), ...RATING_STEPS.map((step) => buttonUpdate(chat, step))];
    }
    if (random() < BUTTON_SHARE) {
      this.sent.button++;
      return [buttonUpdate(chat, `p:${this.procedureCodes[n % this.procedureCodes.length]}`)];
    }
    this.sent.question++;
    return [textUpdate(chat, QUESTIONS[n % QUESTIONS.length])];
  }

  /** "60% questions, 25% buttons, 15% rating dialogues" as measured. */
  shares(): string {
    const total = this.sent.question + this.sent.button + this.sent.rating;
    const pct = (k: keyof Traffic['sent']) => `${Math.round((this.sent[k] / total) * 100)}%`;
    return `${pct('question')} questions, ${pct('button')} button presses, ${pct('rating')} rating dialogues`;
  }

  body(update: object): string {
    return JSON.stringify({ ...update, update_id: nextUpdateId++ });
  }
}

function fireTraffic(url: string, traffic: Traffic, durationS: number) {
  return fire({
    url,
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
    let load, peakRss, ratings, ratingsOnly, mix;
    try {
      await fake.waitFor('setWebhook', () => true, 30_000);
      const url = `http://127.0.0.1:${service.port}/telegram/webhook`;
      const warm = new Traffic(codes, []);
      await fireTraffic(url, warm, 1); // JIT, search index, SQLite cache
      const traffic = new Traffic(codes, payloads);
      load = await fireTraffic(url, traffic, DURATION_S);
      mix = traffic.shares();
      const db = new Database(dbFile, { readonly: true });
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const storedAfterMix = count('SELECT COUNT(*) AS n FROM Rating');
      const openAfterMix = count('SELECT COUNT(*) AS n FROM DialogueState');
      // Then rating submissions alone: each connection one whole rating dialogue after another.
      const raters = new Traffic(codes, payloads.slice(traffic.ratingsStarted), true);
      const rated = await fireTraffic(url, raters, RATINGS_ONLY_S);
      ratingsOnly = { ratingsPerSecond: (count('SELECT COUNT(*) AS n FROM Rating') - storedAfterMix) / RATINGS_ONLY_S, ...rated };
      peakRss = service.peakRssMb();
      await service.stop();
      ratings = {
        started: traffic.ratingsStarted,
        stored: storedAfterMix,
        unfinished: openAfterMix,
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
      await fireTraffic(floorUrl, new Traffic(codes, []), 1);
      floor = await fireTraffic(floorUrl, new Traffic(codes, payloads), DURATION_S);
    } finally {
      await floorServer.stop();
    }

    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      name: `Mixed citizen load on the Telegram webhook, ${CONNECTIONS} connections, ${DURATION_S} s`,
      figures: {
        'traffic (updates sent)': mix,
        'service updates/s': Math.round(load.perSecond),
        'service p50 / p99 latency (ms)': `${round(load.p50)} / ${round(load.p99)}`,
        'service errors (non-2xx, timeouts)': load.errors,
        'service peak RSS (MiB)': Math.round(peakRss),
        'rating dialogues started / stored / still open when the load stopped': `${ratings.started} / ${ratings.stored} / ${ratings.unfinished}`,
        'updates that failed': ratings.failed,
        [`ratings only (${RATINGS_ONLY_S} s): ratings stored/s (8 updates each)`]: round(ratingsOnly.ratingsPerSecond),
        'ratings only: updates/s, p50 / p99 (ms)': `${Math.round(ratingsOnly.perSecond)}, ${round(ratingsOnly.p50)} / ${round(ratingsOnly.p99)}`,
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
