// `npm run cli -- migrate-data`: an SQLite deployment with demo data, people, dossiers,
// ratings, complaints and pushes moves to an empty PostgreSQL schema with every row, date and
// flag intact; the service then runs on it and new rows get fresh ids. Bad inputs are refused
// with a clear message and nothing written. Needs TEST_POSTGRES_URL (skipped without it).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { postgresTestDatabase, type TestDatabase } from '../support/database.js';
import { captured } from '../support/cli.js';

const postgres = process.env.TEST_POSTGRES_URL;
let dir: string;
let source: App;
let sourceUrl: string;
const targets: TestDatabase[] = [];

function target(): TestDatabase {
  const t = postgresTestDatabase();
  targets.push(t);
  return t;
}

const cli = (args: string[]) => captured((streams) => runCli(['migrate-data', ...args], streams));

/** Rows of every table, as the service reads them, in id order where there is one. */
async function everything(app: App) {
  const db = app.db;
  return {
    province: await db.province.findMany({ orderBy: { id: 'asc' } }),
    commune: await db.commune.findMany({ orderBy: { id: 'asc' } }),
    account: await db.account.findMany({ orderBy: { id: 'asc' } }),
    procedure: (await db.procedure.findMany({ orderBy: { code: 'asc' } })).length,
    holiday: await db.holiday.findMany({ orderBy: { date: 'asc' } }),
    outbox: await db.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
    criteriaSets: (await db.criteriaSet.findMany()).length,
  };
}

describe.skipIf(!postgres)('migrate-data', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cqtt-migrate-'));
    sourceUrl = `file:${path.join(dir, 'source.db')}`;
    source = await createApp(testConfig({ DATABASE_URL: sourceUrl, DEMO_DATA: 'true' }));
    const people = [];
    for (let i = 0; i < 3; i++) {
      people.push(await source.db.account.create({ data: { channel: 'telegram', externalId: `p${i}`, displayName: `Người ${i}`, unreachableAt: i === 1 ? new Date('2026-11-30T17:00:00.123Z') : null } }));
    }
    for (let i = 0; i < 1200; i++) await enqueue(source.db, { to: people[i % 3]!, reply: { text: `tin ${i}` } });
    await source.db.procedure.updateMany({ where: { code: { startsWith: '1.00' } }, data: { verify: true } });
  });
  afterAll(async () => {
    await source?.close();
    for (const t of targets) await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every row with its dates and flags, verifies the counts, and the service runs on the copy', async () => {
    const to = target();
    const result = await cli(['--from', sourceUrl, '--to', to.url]);
    expect(result.err).toMatch(/OutboxMessage: 500\/1200/); // progress
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/OutboxMessage\s+1200/);
    expect(result.out).toMatch(/every table's count matches the source/);

    const copy = await createApp(testConfig({ DATABASE_URL: to.url }), { seed: false });
    try {
      expect(copy.dbProvider).toBe('postgresql');
      expect(await everything(copy)).toEqual(await everything(source));
      // Sequences continue after the copied ids.
      const before = await source.db.account.aggregate({ _max: { id: true } });
      const fresh = await copy.db.account.create({ data: { channel: 'zalo', externalId: 'moi' } });
      expect(fresh.id).toBe(before._max.id! + 1);
    } finally {
      await copy.close();
    }
  });

  it('refuses a target that already has rows, and leaves it as it was', async () => {
    const to = target();
    const used = await createApp(testConfig({ DATABASE_URL: to.url, DEMO_DATA: 'false' }));
    const procedures = await used.db.procedure.count();
    await used.close();
    const result = await cli(['--from', sourceUrl, '--to', to.url]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/target is not empty \(table \w+ has rows\)/);
    expect(result.err).toMatch(/No rows were written/);
    const again = await createApp(testConfig({ DATABASE_URL: to.url, DEMO_DATA: 'false' }), { seed: false });
    try {
      expect(await again.db.procedure.count()).toBe(procedures);
      expect(await again.db.account.count()).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('refuses bad inputs with a clear message', async () => {
    const to = target();
    const notSqlite = path.join(dir, 'not-a-database.db');
    writeFileSync(notSqlite, 'hello, this is not SQLite '.repeat(100));
    const cases: [string[], number, RegExp][] = [
      [[], 2, /migrate-data needs --from <url>/],
      [['--from', sourceUrl], 2, /migrate-data needs --to <url>/],
      [['--from', sourceUrl, '--to'], 2, /migrate-data needs --to <url>/],
      [['--from', sourceUrl, '--to', to.url, '--force'], 2, /unknown option --force/],
      [['--from', to.url, '--to', to.url], 1, /--from must be an SQLite URL/],
      [['--from', sourceUrl, '--to', sourceUrl], 1, /--to must be a PostgreSQL URL/],
      [['--from', `file:${path.join(dir, 'missing.db')}`, '--to', to.url], 1, /--from: no database file at .*missing\.db/],
      [['--from', `file:${notSqlite}`, '--to', to.url], 1, /--from: .*not-a-database\.db is not an SQLite database/],
      [['--from', sourceUrl, '--to', 'postgresql://postgres:secret@127.0.0.1:1/none'], 1, /--to: cannot connect to postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/],
      [['--from', sourceUrl, '--to', `${to.url.split('?')[0]}?schema=bad-name`], 1, /--to: schema must be a plain name/],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli(args);
      expect(result.err, args.join(' ')).toMatch(message);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.err).not.toMatch(/secret/);
    }
    expect(existsSync(path.join(dir, 'missing.db'))).toBe(false);
    // The target named in the refused cases holds nothing.
    const check = await createApp(testConfig({ DATABASE_URL: to.url }), { seed: false });
    try {
      expect(await check.db.account.count()).toBe(0);
    } finally {
      await check.close();
    }
  });
});
