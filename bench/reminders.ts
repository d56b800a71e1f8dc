// Monthly criteria reminders at national scale: 3,321 communes × 5 criteria, one official per
// criterion (16,605 reminders), on a temporary SQLite file. Measures composing and writing the
// reminders (time, database queries, peak RSS and heap), the idempotent re-run, and sending
// them through the outbox dispatcher against a fast fake sender with pacing off, and with
// Telegram's pacing on (extrapolated from a sample, as the real run would take minutes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createApp, type App } from '../src/app.js';
import type { Services } from '../src/services.js';
import { testConfig } from '../src/config/index.js';
import { sendMonthlyReminders } from '../src/criteria/reminders.js';
import { OutboxDispatcher } from '../src/outbox/dispatcher.js';
import type { ChannelSender } from '../src/outbox/types.js';
import type { Db } from '../src/db/index.js';
import { countQueries } from '../test/support/queries.js';

const COMMUNES = 3_321;
const PROVINCES = 34;
const MONTH = '2026-11';
const PACED_SAMPLE = 100;
const TELEGRAM_PACE = { perSecond: 25, perChatPerSecond: 1 };
const INSERT_CHUNK = 1_000;

async function freshApp(): Promise<{ app: App; done(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-bench-reminders-'));
  const app = await createApp(testConfig({ DATABASE_URL: `file:${path.join(dir, 'bench.db')}` }));
  return {
    app,
    async done() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createInChunks<T>(rows: T[], create: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await create(rows.slice(i, i + INSERT_CHUNK));
}

/** The country: communes on the Bắc Giang set, an official per criterion, half with October reports. */
export async function populate(db: Db): Promise<number> {
  const set = await db.criteriaSet.findUniqueOrThrow({ where: { key: 'bac-giang-710-2024' }, include: { criteria: true } });
  await db.province.createMany({ data: Array.from({ length: PROVINCES }, (_, i) => ({ code: `P${i}`, name: `Tỉnh ${i}` })) });
  const provinces = await db.province.findMany({ orderBy: { id: 'asc' } });
  await createInChunks(
    Array.from({ length: COMMUNES }, (_, i) => ({ code: `X${i}`, name: `Xã số ${i}`, provinceId: provinces[i % PROVINCES].id })),
    (data) => db.commune.createMany({ data }),
  );
  const communes = await db.commune.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
  await createInChunks(communes, (chunk) => db.communeSet.createMany({ data: chunk.map((c) => ({ communeId: c.id, year: 2026, setId: set.id })) }));
  const people = communes.flatMap((c) =>
    set.criteria.map((k) => ({ channel: 'telegram', externalId: `${c.id}-${k.code}`, role: 'official', communeId: c.id, displayName: `Cán bộ ${k.code}` })),
  );
  await createInChunks(people, (data) => db.account.createMany({ data }));
  const accounts = await db.account.findMany({ where: { role: 'official' }, orderBy: { id: 'asc' }, select: { id: true, communeId: true } });
  const assignments = accounts.map((a, i) => ({ communeId: a.communeId!, criterionId: set.criteria[i % set.criteria.length].id, accountId: a.id }));
  await createInChunks(assignments, (data) => db.assignment.createMany({ data }));
  const evidence = JSON.stringify([{ kind: 'link', ref: 'https://xa.gov.vn/minh-chung.pdf', doc: 0 }]);
  const reports = assignments
    .filter((_, i) => i % 2 === 0)
    .map((a) => ({ ...a, month: '2026-10', status: 'in_progress', selfScore: 10, evidence }));
  await createInChunks(reports, (data) => db.progressReport.createMany({ data }));
  return accounts.length;
}

/**
 * Peak RSS and heap (MiB) while `work` runs. Sampled at every database query: the run is one
 * long chain of promises on a synchronous SQLite driver, so timers would never fire in it.
 */
async function peakMemory<S extends Pick<Services, 'db'>, T>(services: S, work: (sampled: S) => Promise<T>): Promise<{ result: T; rss: number; heap: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const db = services.db.$extends({
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          sample();
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  const result = await work({ ...services, db });
  sample();
  return { result, rss: rss / 2 ** 20, heap: heap / 2 ** 20 };
}

/** A full collection before measuring, so the heap baseline is what is alive, not garbage. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const fastSender: ChannelSender = { channel: 'telegram', pace: TELEGRAM_PACE, send: async () => ({ ok: true }) };

async function drain(app: App, pacing: boolean): Promise<number> {
  const started = performance.now();
  await new OutboxDispatcher(app, { senders: [fastSender], pacing }).drain();
  return (performance.now() - started) / 1000;
}

export async function benchReminders(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const { app, done } = await freshApp();
  try {
    const officials = await populate(app.db);
    const started = performance.now();
    const { enqueued } = await sendMonthlyReminders(app, MONTH);
    const composeSeconds = (performance.now() - started) / 1000;
    if (enqueued !== officials) throw new Error(`${enqueued} reminders for ${officials} officials`);

    const again = performance.now();
    const rerun = await countQueries(app, (counted) => sendMonthlyReminders(counted, MONTH));
    const rerunSeconds = (performance.now() - again) / 1000;
    if (rerun.result.enqueued !== 0) throw new Error('the re-run wrote reminders again');

    // The same month once more from an empty outbox, counting queries and sampling memory
    // (both slow it down, so the time above is taken without them).
    await app.db.outboxMessage.deleteMany({});
    collectGarbage();
    const before = process.memoryUsage();
    const counted = await countQueries(app, (counted) => peakMemory(counted, (sampled) => sendMonthlyReminders(sampled, MONTH)));
    const composed = counted.result;

    const unpacedSeconds = await drain(app, false);
    const sent = await app.db.outboxMessage.count({ where: { status: 'sent' } });
    if (sent !== officials) throw new Error(`only ${sent} of ${officials} sent`);

    // Pacing on: a sample of reminders to distinct chats, extrapolated to the whole month.
    await app.db.outboxMessage.updateMany({
      where: { id: { lte: (await app.db.outboxMessage.findFirstOrThrow({ orderBy: { id: 'asc' } })).id + PACED_SAMPLE - 1 } },
      data: { status: 'pending', sentAt: null, attempts: 0, nextAttemptAt: new Date(0) },
    });
    const pacedSeconds = await drain(app, true);
    const pacedRate = PACED_SAMPLE / pacedSeconds;

    return {
      name: `Monthly criteria reminders: ${COMMUNES.toLocaleString('en')} communes × 5 criteria, one official each (SQLite file)`,
      figures: {
        'reminders composed and written to the outbox': enqueued,
        'compose + write (s)': Number(composeSeconds.toFixed(2)),
        'compose + write (reminders/s)': Math.round(enqueued / composeSeconds),
        'state reads while composing (queries, chunks of 500 communes)': counted.reads,
        'outbox per-row dedup checks + bulk insert statements': `${counted.dedupChecks} + ${counted.writes}`,
        'peak RSS while composing (MiB)': Math.round(composed.rss),
        'RSS before composing (MiB, after building the country and a full GC)': Math.round(before.rss / 2 ** 20),
        'peak heap used while composing (MiB)': Math.round(composed.heap),
        'heap used before composing, after a full GC (MiB)': Math.round(before.heapUsed / 2 ** 20),
        're-run for the same month: reminders written': rerun.result.enqueued,
        're-run (s): all state read, nothing composed or written': Number(rerunSeconds.toFixed(2)),
        're-run database reads (queries)': rerun.reads + rerun.dedupChecks,
        'dispatch, pacing off, fast fake sender (s)': Number(unpacedSeconds.toFixed(2)),
        'dispatch, pacing off (msgs/s)': Math.round(officials / unpacedSeconds),
        [`dispatch, Telegram pacing on (25/s), sample of ${PACED_SAMPLE} (msgs/s)`]: Number(pacedRate.toFixed(1)),
        'dispatch, Telegram pacing on, all reminders, extrapolated (min)': Number((officials / pacedRate / 60).toFixed(1)),
        'dispatch at Zalo OA limit (4,000/min), all reminders, computed (min)': Number((officials / 4000).toFixed(1)),
      },
    };
  } finally {
    await done();
  }
}
