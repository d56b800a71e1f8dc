import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { FakeClock } from '../../src/shared/clock.js';
import { latestPeriod, runDueJobs, startScheduler } from '../../src/jobs/scheduler.js';
import { jobs as registered } from '../../src/jobs/registry.js';
import type { JobSpec } from '../../src/jobs/types.js';

let app: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock('2026-11-15T03:00:00Z');
  app = await makeTestApp({}, { clock });
});
afterEach(async () => {
  await app.close();
});

/** A job that records the periods it ran for; `fail` makes the next run throw midway. */
function recordingJob(cron = '0 8 1 * *') {
  const runs: string[] = [];
  const job: JobSpec & { runs: string[]; fail: boolean } = {
    name: 'monthly-test',
    runs,
    fail: false,
    cron: () => cron,
    async run(_app, firedAt) {
      runs.push(firedAt.toISOString());
      if (job.fail) {
        job.fail = false;
        throw new Error('database went away');
      }
    },
  };
  return job;
}

describe('latestPeriod', () => {
  it('is the last fire time at or before now, in Vietnam time whatever the machine TZ', () => {
    // 08:00 in Hà Nội is 01:00 UTC
    expect(latestPeriod('0 8 1 * *', new Date('2026-11-01T01:00:00Z')).toISOString()).toBe('2026-11-01T01:00:00.000Z');
    expect(latestPeriod('0 8 1 * *', new Date('2026-11-01T00:59:59.999Z')).toISOString()).toBe('2026-10-01T01:00:00.000Z');
    // 23:30 UTC on the 31st is already the 1st, 06:30, in Vietnam: before 08:00
    expect(latestPeriod('0 7 * * *', new Date('2026-10-31T23:30:00Z')).toISOString()).toBe('2026-10-31T00:00:00.000Z');
  });
});

describe('runDueJobs', () => {
  it('runs the latest period once, and once more only when a new period starts', async () => {
    const job = recordingJob();
    expect(await runDueJobs(app, [job])).toEqual(['monthly-test']);
    expect(await runDueJobs(app, [job])).toEqual([]);
    clock.set('2026-11-30T23:00:00Z'); // 06:00 on 1 December in Vietnam: not yet
    expect(await runDueJobs(app, [job])).toEqual([]);
    clock.set('2026-12-01T01:00:00Z');
    expect(await runDueJobs(app, [job])).toEqual(['monthly-test']);
    expect(job.runs).toEqual(['2026-11-01T01:00:00.000Z', '2026-12-01T01:00:00.000Z']);
    const rows = await app.db.jobRun.findMany({ orderBy: { period: 'asc' } });
    expect(rows.map((r) => [r.period, r.finishedAt !== null])).toEqual([
      ['2026-11-01T01:00:00.000Z', true],
      ['2026-12-01T01:00:00.000Z', true],
    ]);
  });

  it('catches up once after downtime, for the latest period only', async () => {
    const job = recordingJob();
    await runDueJobs(app, [job]);
    clock.set('2027-02-10T00:00:00Z'); // down through December and January
    expect(await runDueJobs(app, [job])).toEqual(['monthly-test']);
    expect(await runDueJobs(app, [job])).toEqual([]);
    expect(job.runs).toEqual(['2026-11-01T01:00:00.000Z', '2027-02-01T01:00:00.000Z']);
  });

  it('runs again a period whose run was cut short, then never again', async () => {
    const job = recordingJob();
    job.fail = true;
    expect(await runDueJobs(app, [job])).toEqual(['monthly-test']);
    const cut = await app.db.jobRun.findFirstOrThrow();
    expect(cut.finishedAt).toBeNull();
    clock.advance(60_000);
    expect(await runDueJobs(app, [job])).toEqual(['monthly-test']);
    expect(await runDueJobs(app, [job])).toEqual([]);
    expect(job.runs).toEqual(['2026-11-01T01:00:00.000Z', '2026-11-01T01:00:00.000Z']);
    expect((await app.db.jobRun.findFirstOrThrow()).finishedAt).not.toBeNull();
  });

  it('resumes a run left unfinished by a crash (a started JobRun row)', async () => {
    await app.db.jobRun.create({ data: { job: 'monthly-test', period: '2026-11-01T01:00:00.000Z', startedAt: new Date('2026-11-01T01:00:02Z') } });
    const job = recordingJob();
    expect(await runDueJobs(app, [job])).toEqual(['monthly-test']);
    expect(job.runs).toEqual(['2026-11-01T01:00:00.000Z']);
  });

  it('one failing job does not stop the others', async () => {
    const failing = { ...recordingJob(), name: 'failing', fail: true };
    failing.run = async () => {
      throw new Error('boom');
    };
    const other = recordingJob('0 7 * * *');
    other.name = 'daily-test';
    expect(await runDueJobs(app, [failing, other])).toEqual(['failing', 'daily-test']);
    expect(other.runs).toEqual(['2026-11-15T00:00:00.000Z']);
  });
});

describe('startScheduler', () => {
  it('catches up at start, and a second start does not rerun', async () => {
    const job = recordingJob();
    const first = startScheduler(app, [job]);
    await first.caughtUp;
    await first.stop();
    const second = startScheduler(app, [job]);
    await second.caughtUp;
    await second.stop();
    expect(job.runs).toEqual(['2026-11-01T01:00:00.000Z']);
  });

  it('is woken by node-cron when a new period starts', async () => {
    const real = await makeTestApp(); // real clock: node-cron fires on real time
    try {
      const runs: string[] = [];
      const everySecond: JobSpec = { name: 'every-second', cron: () => '* * * * * *', run: async (_a, at) => void runs.push(at.toISOString()) };
      const scheduler = startScheduler(real, [everySecond]);
      await scheduler.caughtUp;
      await expect.poll(() => runs.length, { timeout: 3000 }).toBeGreaterThanOrEqual(2);
      await scheduler.stop();
      expect(new Set(runs).size).toBe(runs.length); // each period once
    } finally {
      await real.close();
    }
  });

  it('refuses a job with an invalid cron', () => {
    expect(() => startScheduler(app, [{ ...recordingJob(), cron: () => 'every day' }])).toThrow(/invalid cron/);
  });

  it('has a registry of jobs with unique names and valid crons', () => {
    expect(new Set(registered.map((j) => j.name)).size).toBe(registered.length);
    for (const job of registered) expect(() => latestPeriod(job.cron(app.config), clock.now())).not.toThrow();
  });
});
