// Crash safety of the real service. `node --import tsx src/main.ts` runs as a child process in
// webhook mode against a fake Telegram Bot API in this process, under concurrent traffic from
// citizens (questions, buttons, /start, complaints, following and rating dossiers) and officials
// (returning dossiers), and is killed with SIGKILL at moments drawn from a seeded RNG, then
// restarted on the same database, a few times over. Afterwards:
// - every update answered 200 is in InboundUpdate (Telegram will not send it again);
// - every push written to the outbox is sent, exactly once, except the ones in flight at a
//   kill, which the dispatcher's policy (header of src/outbox/dispatcher.ts) sends again: at
//   most one per chat and kill;
// - no dialogue is corrupted, and people caught mid-dialogue can go on, or /huy and start again;
// - SIGTERM stops the service cleanly with nothing left in flight.
// CRASH_SEED=<n> replays another schedule of kills.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { openDatabase, type Db } from '../../src/db/index.js';
import { createInvite, displayCode } from '../../src/accounts/invites.js';
import { localeOf } from '../../src/accounts/accounts.js';
import { registerDossier } from '../../src/dossiers/register.js';
import { conversationModules } from '../../src/conversation/modules.js';
import { I18n, locales, type MessageId } from '../../src/i18n/index.js';
import type { OutboxMessage } from '../../src/generated/prisma/client.js';
import { freePort, waitHealthy } from '../../bench/support/child.js';
import { FakeTelegram, FAKE_TOKEN, type RecordedCall } from '../support/fake-telegram.js';
import { buttonUpdate, textUpdate } from '../support/telegram-updates.js';
import { testDatabase, type TestDatabase } from '../support/database.js';
import { mulberry32 } from './random.js';

const SEED = Number(process.env.CRASH_SEED ?? 20261121);
const KILLS = 3;
const SECRET = 'crash-test_webhook-secret';
/** How long the fake Telegram takes to answer sendMessage: sends are in flight long enough to be cut. */
const SEND_MS = 120;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OFFICIALS_PER_COMMUNE = 2;
const DOSSIERS_PER_ROUND = 3;
const QUESTIONS = [
  'làm giấy khai sinh cho con cần gì',
  'dang ky ket hon',
  'chứng thực bản sao giấy tờ',
  'đăng ký thường trú mất bao lâu',
  'xin trích lục hộ tịch',
];
const CATEGORIES = ['attitude', 'delay', 'extra_pay', 'procedure'];

/** When scenarios start and when the kills come: drawn in a fixed order, so a seed replays them. */
const schedule = mulberry32(SEED);
/** What people say and press; drawn as the concurrent scenarios get there. */
const random = mulberry32(SEED ^ 0x5bd1e995);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The service as a child process on a fixed port, so the webhook URL survives restarts. */
class Service {
  child: ChildProcess | null = null;
  /** The end of its stderr, shown when something fails. */
  stderr = '';

  constructor(private readonly env: NodeJS.ProcessEnv, readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: this.env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString('utf8')).slice(-20_000)));
    this.child = child;
    await waitHealthy(`${this.url}/healthz`, child, 30_000);
  }

  /** SIGKILL: no shutdown handler runs, exactly like a power cut for the process. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the orderly shutdown; returns the exit code. */
  async stop(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }
}

/** A delivery that did not get its 200 because the service died under it: the scenario ends here. */
class Cut extends Error {}

interface Official {
  chat: number;
  code: string;
  communeId: number;
}
interface PreparedDossier {
  id: number;
  code: string;
  zaloCode: string;
  communeId: number;
}

let dir: string;
let dbUrl: string;
let database: TestDatabase | undefined;
let fake: FakeTelegram;
let service: Service;
const i18n = new I18n();
const registeredFlows = new Set(conversationModules().flatMap((m) => (m.flows ?? []).map((f) => f.name)));
let communes: { id: number; code: string }[] = [];
const officials: Official[] = [];
const dossiers: PreparedDossier[] = [];

// What the traffic saw.
let nextUpdateId = 700_000;
let alive = false;
const answered = new Set<number>();
/** Updates whose delivery failed (service killed): Telegram sends them again after the restart. */
let undelivered: { chat: number; update: Record<string, unknown> & { update_id: number } }[] = [];
/** Anything but 200 while the service was up. */
const refused: string[] = [];
/** Outbox rows left 'sending' by each kill. */
const inFlightAtKill: OutboxMessage[][] = [];
const corruptDialogues: string[] = [];

const messagesTo = (chat: number): RecordedCall[] =>
  fake.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat));

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const opened = await openDatabase(dbUrl);
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

/** Waits for `check` to hold; gives up quietly (false) once the service is gone. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, orCut = true): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    if (orCut && !alive) throw new Cut();
    await sleep(25);
  }
  return false;
}

/** Telegram's side: posts one update; returns the messages the chat got for it. */
async function deliver(chat: number, update: Record<string, unknown> & { update_id: number }): Promise<string[]> {
  const from = messagesTo(chat).length;
  let status = 0;
  try {
    status = (await fake.deliver(`${service.url}/telegram/webhook`, update, SECRET)).status;
  } catch {
    // connection refused or reset: the service died under this update
  }
  if (status === 200) answered.add(update.update_id);
  else if (status !== 0) refused.push(`update ${update.update_id}: HTTP ${status}`);
  if (status !== 200) {
    undelivered.push({ chat, update });
    throw new Cut();
  }
  // Every button press is answered (a silent one would be a lost update); the answer may
  // still be on its way over HTTP when the 200 arrives.
  if ('callback_query' in update) {
    const got = await until(() => messagesTo(chat).length > from, 5000);
    if (!got) refused.push(`update ${update.update_id}: no answer to button ${(update.callback_query as { data: string }).data}`);
  }
  return messagesTo(chat)
    .slice(from)
    .map((c) => String(c.params.text));
}

function say(chat: number, text: string, lang = 'vi'): Promise<string[]> {
  if (!alive) throw new Cut();
  return deliver(chat, { ...textUpdate(chat, text, lang), update_id: nextUpdateId++ });
}

function press(chat: number, data: string, lang = 'vi'): Promise<string[]> {
  if (!alive) throw new Cut();
  return deliver(chat, { ...buttonUpdate(chat, data, lang), update_id: nextUpdateId++ });
}

// ---- the people -------------------------------------------------------------------------

async function asker(chat: number): Promise<void> {
  const lang = random() < 0.3 ? 'en' : 'vi';
  for (let i = 0; i < 2; i++) {
    await say(chat, pick(QUESTIONS), lang);
    // Press the first button of the answer, as people do.
    const last = messagesTo(chat).at(-1)?.params.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined;
    const data = last?.inline_keyboard?.[0]?.[0]?.callback_data;
    if (data) await press(chat, data, lang);
  }
  await say(chat, '/start', lang);
  await say(chat, '/lang', lang);
  await press(chat, pick(['lang:vi', 'lang:en']), lang);
}

async function fileComplaint(chat: number, communeCode: string, anonymous: boolean): Promise<void> {
  await say(chat, `/phananh ${communeCode}`);
  await press(chat, `cpi:k:${pick(CATEGORIES)}`);
  await say(chat, 'Bộ phận một cửa hẹn trả kết quả ba lần nhưng vẫn chưa có, cán bộ không giải thích lý do.');
  await press(chat, 'cpi:skip');
  await press(chat, 'cpi:skip');
  await press(chat, `cpi:anon:${anonymous ? 1 : 0}`);
}

async function complainant(chat: number): Promise<void> {
  for (let n = 0; n < 2; n++) await fileComplaint(chat, pick(communes).code, n === 1);
}

const RATING_STEPS: Record<string, string> = {
  overall: 'rf:overall:satisfied',
  timeliness: 'rf:timeliness:on_time',
  attitude: 'rf:attitude:very_polite',
  guidance: 'rf:guidance:clear',
  extra: 'rf:extra:no',
};

/** Follows a dossier with the receipt's code; an official returns it; the citizen rates it. */
async function follower(chat: number, dossier: PreparedDossier): Promise<void> {
  await say(chat, dossier.zaloCode);
  await press(chat, 'dso:follow');
  const official = officials.find((o) => o.communeId === dossier.communeId)!;
  await say(official.chat, `/tra ${dossier.code}`);
  // The rating request is a push: it comes through the outbox.
  await until(() => messagesTo(chat).some((c) => String(c.params.text).includes(dossier.code) && c.params.reply_markup !== undefined), 8000);
  await press(chat, `rt:${dossier.id}`);
  for (const payload of Object.values(RATING_STEPS)) await press(chat, payload);
  await say(chat, 'Cán bộ hướng dẫn tận tình, cảm ơn.');
}

/** Concurrent traffic until the kill; resolves when every scenario has ended or been cut. */
async function load(round: number): Promise<void> {
  const base = 100_000 + round * 1000;
  const scenarios: (() => Promise<void>)[] = [
    ...[0, 1, 2, 3].map((i) => () => asker(base + i)),
    ...[10, 11, 12, 13].map((i) => () => complainant(base + i)),
    ...dossiers.slice(round * DOSSIERS_PER_ROUND, (round + 1) * DOSSIERS_PER_ROUND).map((d, i) => () => follower(base + 20 + i, d)),
  ];
  await Promise.all(
    scenarios.map(async (run) => {
      await sleep(schedule() * 600);
      try {
        await run();
      } catch (error) {
        if (!(error instanceof Cut)) throw error;
      }
    }),
  );
}

/** Right after a kill, before the restart: what was in flight, and is every dialogue sound? */
async function inspectAfterKill(): Promise<void> {
  await withDb(async (db) => {
    inFlightAtKill.push(await db.outboxMessage.findMany({ where: { status: 'sending' } }));
    corruptDialogues.push(...(await unsoundDialogues(db)));
    // The lease of a row left 'sending' runs 5 minutes; play that those minutes have passed,
    // so the restarted dispatcher takes the rows over now rather than after the test.
    await db.outboxMessage.updateMany({ where: { status: 'sending' }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
  });
}

async function unsoundDialogues(db: Db): Promise<string[]> {
  const problems: string[] = [];
  for (const row of await db.dialogueState.findMany()) {
    let data: unknown;
    try {
      data = JSON.parse(row.data);
    } catch {
      data = undefined;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) problems.push(`${row.userId}: data ${row.data}`);
    if (!registeredFlows.has(row.flow)) problems.push(`${row.userId}: unknown flow ${row.flow}`);
  }
  return problems;
}

/** Telegram re-sends what was not answered 200, in order per chat. */
async function redeliver(): Promise<void> {
  const byChat = new Map<number, typeof undelivered>();
  for (const u of undelivered) byChat.set(u.chat, [...(byChat.get(u.chat) ?? []), u]);
  undelivered = [];
  await Promise.all(
    [...byChat.entries()].map(async ([chat, updates]) => {
      for (const { update } of updates) {
        try {
          await deliver(chat, update);
        } catch (error) {
          if (!(error instanceof Cut)) throw error;
        }
      }
    }),
  );
}

/** Every due push sent: nothing pending that is due, nothing in flight. */
async function drained(): Promise<void> {
  const idle = await until(
    () =>
      withDb(async (db) => {
        const open = await db.outboxMessage.count({
          where: { OR: [{ status: 'sending' }, { status: 'pending', nextAttemptAt: { lte: new Date() } }] },
        });
        return open === 0;
      }),
    25_000,
    false,
  );
  expect(idle, `outbox not drained; service log:\n${service.stderr}`).toBe(true);
}

/** Someone whose dialogue survived the kills: they go on with it, or cancel and start again. */
async function resume(db: Db, userId: string, flow: string, data: Record<string, unknown>): Promise<string[]> {
  const chat = Number(userId);
  const account = await db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'telegram', externalId: userId } } });
  const t = (id: MessageId) => i18n.t(localeOf(account), id);
  const problems: string[] = [];
  const goOn = random() < 0.5;
  const restart = async () => {
    const cancelled = await say(chat, '/huy');
    if (!cancelled.includes(t('cancelled'))) problems.push(`${userId} /huy got ${JSON.stringify(cancelled)}`);
  };
  /** Answers whatever step the stored dialogue is at, until the dialogue ends. */
  const drive = async (answer: (step: string) => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) {
      const state = await db.dialogueState.findUnique({ where: { channel_userId: { channel: 'telegram', userId } } });
      if (!state) return;
      await answer(state.step);
    }
    problems.push(`${userId}: ${flow} dialogue never ended`);
  };
  if (flow === 'complaint-file') {
    const before = await db.complaint.count({ where: { reporterId: account.id } });
    if (!goOn) {
      await restart();
      await say(chat, `/phananh ${communes[0].code}`);
    }
    await drive((step) => {
      if (step === 'commune') return press(chat, `cpi:c:${communes[0].id}`);
      if (step === 'category') return press(chat, 'cpi:k:delay');
      if (step === 'description') return say(chat, 'Chờ cả buổi sáng không ai tiếp.');
      if (step === 'anonymity') return press(chat, 'cpi:anon:0');
      return press(chat, 'cpi:skip');
    });
    if ((await db.complaint.count({ where: { reporterId: account.id } })) !== before + 1) problems.push(`${userId}: complaint not filed after resuming`);
  } else if (flow === 'rating') {
    const dossierId = Number(data.dossierId);
    if (!goOn) {
      await restart();
      await press(chat, `rt:${dossierId}`);
    }
    await drive((step) => (RATING_STEPS[step] ? press(chat, RATING_STEPS[step]) : say(chat, 'Tốt.')));
    if (!(await db.rating.findUnique({ where: { dossierId } }))) problems.push(`${userId}: rating not stored after resuming`);
  } else {
    await restart();
    const welcome = await say(chat, '/start');
    if (!welcome.length || welcome.includes(t('error-generic'))) problems.push(`${userId} /start got ${JSON.stringify(welcome)}`);
  }
  return problems;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cqtt-crash-'));
  database = testDatabase(dir, 'crash.db');
  dbUrl = database.url;

  // Before the first start: the demo province, invitations for the officials, and dossiers
  // registered at the desk (their receipt codes are what the citizens will type).
  const setup = await createApp(testConfig({ DATABASE_URL: dbUrl, DEMO_DATA: 'true' }));
  communes = await setup.db.commune.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true } });
  const procedure = await setup.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
  for (const [c, commune] of communes.entries()) {
    for (let i = 0; i < OFFICIALS_PER_COMMUNE; i++) {
      const invite = await createInvite(setup, { role: 'official', communeCodes: [commune.code] });
      officials.push({ chat: 7000 + c * 10 + i, code: displayCode(invite.code), communeId: commune.id });
    }
  }
  for (let i = 0; i < KILLS * DOSSIERS_PER_ROUND; i++) {
    const reg = await registerDossier(setup, { communeId: communes[i % communes.length].id, procedureId: procedure.id });
    dossiers.push({ id: reg.dossier.id, code: reg.code, zaloCode: reg.zaloCode, communeId: reg.dossier.communeId });
  }
  await setup.close();

  fake = await FakeTelegram.start(FAKE_TOKEN);
  fake.slowDown('sendMessage', SEND_MS);
  // One port for every start, so the webhook URL stays the same across restarts.
  const port = await freePort();
  service = new Service(
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://example.test',
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: fake.url,
      CONSOLE_CHAT: 'false',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      // Flood control answers a burst with silence, which would read as a lost answer here.
      RATE_LIMIT_MESSAGES_PER_MINUTE: '1000',
    },
    port,
  );
});

afterAll(async () => {
  await service?.kill();
  await fake?.close();
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crash safety of the running service', () => {
  it(`keeps every answered update and every push through ${KILLS} hard kills (seed ${SEED})`, async () => {
    await service.start();
    alive = true;
    for (const o of officials) await say(o.chat, `/dangky ${o.code}`);

    for (let round = 0; round < KILLS; round++) {
      const traffic = load(round);
      await sleep(500 + schedule() * 1500);
      await service.kill();
      alive = false;
      await traffic;
      await inspectAfterKill();
      await service.start();
      alive = true;
      await redeliver();
    }

    await drained();
    // People whose dialogue the kills interrupted.
    const resumed = await withDb(async (db) => {
      const rows = await db.dialogueState.findMany({ where: { channel: 'telegram' } });
      const problems = await Promise.all(rows.map((r) => resume(db, r.userId, r.flow, JSON.parse(r.data) as Record<string, unknown>)));
      return { count: rows.length, problems: problems.flat() };
    });
    await drained();
    expect(await service.stop(), `service log:\n${service.stderr}`).toBe(0);
    alive = false;

    await withDb(async (db) => {
      const summary = `seed ${SEED}; service log:\n${service.stderr}`;
      expect(refused, summary).toEqual([]);
      expect(corruptDialogues, summary).toEqual([]);
      expect(await unsoundDialogues(db), summary).toEqual([]);
      expect(resumed.problems, summary).toEqual([]);

      // Every update answered 200 was stored.
      const stored = new Set((await db.inboundUpdate.findMany({ where: { channel: 'telegram' }, select: { updateId: true } })).map((r) => r.updateId));
      expect([...answered].filter((id) => !stored.has(String(id))), summary).toEqual([]);

      // Officials signed up, complaints were filed, dossiers were followed: the pushes are real.
      expect(await db.account.count({ where: { role: 'official' } })).toBe(officials.length);
      const rows = await db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      expect(rows.length, summary).toBeGreaterThan(10);

      // Every push is sent; only the next day's rating reminders are still waiting.
      const now = new Date();
      const unsent = rows.filter((r) => r.status !== 'sent' && !(r.status === 'pending' && r.nextAttemptAt > now && r.dedupKey?.startsWith('rating-remind:')));
      expect(unsent.map((r) => `${r.id} ${r.status} ${r.lastError ?? ''}`), summary).toEqual([]);

      // At most one send in flight per chat at a kill.
      for (const rowsInFlight of inFlightAtKill) {
        expect(new Set(rowsInFlight.map((r) => r.chatId)).size, summary).toBe(rowsInFlight.length);
      }

      // Delivered exactly once; a row in flight at a kill may have gone once more per such kill.
      const key = (chatId: string, text: string) => `${chatId}\u0000${text}`;
      const calls = new Map<string, number>();
      for (const c of fake.callsOf('sendMessage')) {
        if (c.via !== 'http') continue;
        const k = key(String(c.params.chat_id), String(c.params.text));
        calls.set(k, (calls.get(k) ?? 0) + 1);
      }
      const expected = new Map<string, { rows: number; extra: number }>();
      for (const row of rows.filter((r) => r.status === 'sent')) {
        const k = key(row.chatId, (JSON.parse(row.payload) as { text: string }).text);
        const e = expected.get(k) ?? { rows: 0, extra: 0 };
        e.rows++;
        e.extra += inFlightAtKill.filter((set) => set.some((r) => r.id === row.id)).length;
        expected.set(k, e);
      }
      const wrong = [...expected.entries()]
        .filter(([k, e]) => (calls.get(k) ?? 0) < e.rows || (calls.get(k) ?? 0) > e.rows + e.extra)
        .map(([k, e]) => `${k.replace('\u0000', ' → ').slice(0, 120)}: sent ${calls.get(k) ?? 0}, rows ${e.rows}, allowed extra ${e.extra}`);
      expect(wrong, summary).toEqual([]);

      // Nobody was ever answered with the generic failure message.
      const failures = new Set(locales.map((l) => i18n.t(l, 'error-generic')));
      expect(fake.callsOf('sendMessage').filter((c) => failures.has(String(c.params.text))).length, summary).toBe(0);

      const inFlight = inFlightAtKill.map((s) => s.length).join('/');
      const duplicates = [...expected.entries()].reduce((n, [k, e]) => n + (calls.get(k) ?? 0) - e.rows, 0);
      console.info(
        `crash test (seed ${SEED}): ${answered.size} updates answered, ${rows.length} pushes, in flight at kills ${inFlight}, ` +
          `${duplicates} sent twice, ${resumed.count} dialogues resumed`,
      );
    });
  }, 90_000);
});
