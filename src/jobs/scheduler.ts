// Runs the scheduled jobs. node-cron (in Asia/Ho_Chi_Minh, whatever the machine's TZ) only
// wakes the scheduler; what runs is decided from the database: a job's period is its last
// scheduled fire time at or before now, and a period runs until a JobRun row for it is
// finished. So a period missed while the service was down is run once at the next start, a run
// cut short by a crash is run again (jobs are idempotent per recipient through outbox
// dedupKeys), and a finished period never runs twice. One service process runs the jobs.
import cron, { type ScheduledTask } from 'node-cron';
import { CronExpressionParser } from 'cron-parser';
import type { App } from '../app.js';
import { isUniqueViolation } from '../db/index.js';
import { VN_TZ } from '../shared/vntime.js';
import type { JobSpec } from './types.js';

/** Also looks for due periods this often, so a failed run or a missed wake is retried. */
const SWEEP_MS = 60 * 60_000;

/** The last fire time of `expression` at or before `now`, in Vietnam's time zone. */
export function latestPeriod(expression: string, now: Date): Date {
  // prev() is strictly before currentDate; one millisecond more makes a fire at `now` count.
  return CronExpressionParser.parse(expression, { tz: VN_TZ, currentDate: new Date(now.getTime() + 1) })
    .prev()
    .toDate();
}

/** Jobs of this process that are running now, so a wake during a long run does not start it twice. */
const running = new WeakMap<App, Set<string>>();

/**
 * Runs every job whose latest period (as of `now`, default the app clock) has no finished
 * JobRun. Returns the names of the jobs it ran. A job that throws is logged and left
 * unfinished, to be run again at the next sweep or start.
 */
export async function runDueJobs(app: App, jobs: JobSpec[], now = app.clock.now()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    if (await runIfDue(app, job, now)) ran.push(job.name);
  }
  return ran;
}

async function runIfDue(app: App, job: JobSpec, now: Date): Promise<boolean> {
  const { db, log, clock } = app;
  const mine = running.get(app) ?? running.set(app, new Set()).get(app)!;
  if (mine.has(job.name)) return false;
  const firedAt = latestPeriod(job.cron(app), now);
  const key = { job: job.name, period: firedAt.toISOString() };
  const previous = await db.jobRun.findUnique({ where: { job_period: key } });
  if (previous?.finishedAt) return false;
  mine.add(job.name);
  try {
    if (previous) {
      log.warn({ job: job.name, period: key.period }, 'job run was not finished: running it again');
      await db.jobRun.update({ where: { job_period: key }, data: { startedAt: clock.now() } });
    } else {
      try {
        await db.jobRun.create({ data: { ...key, startedAt: clock.now() } });
      } catch (error) {
        if (isUniqueViolation(error)) return false; // another process has just started it
        throw error;
      }
    }
    log.info({ job: job.name, period: key.period }, 'job started');
    try {
      await job.run(app, firedAt);
    } catch (error) {
      log.error({ err: error, job: job.name, period: key.period }, 'job failed; it runs again at the next sweep');
      return true;
    }
    await db.jobRun.update({ where: { job_period: key }, data: { finishedAt: clock.now() } });
    log.info({ job: job.name, period: key.period }, 'job finished');
    return true;
  } finally {
    mine.delete(job.name);
  }
}

export interface Scheduler {
  /** Settles when the catch-up run at start is over. */
  caughtUp: Promise<void>;
  /** Stops the wakes and waits for the runs in progress. */
  stop(): Promise<void>;
}

export function startScheduler(app: App, jobs: JobSpec[]): Scheduler {
  for (const job of jobs) {
    if (!cron.validate(job.cron(app))) throw new Error(`job ${job.name}: invalid cron "${job.cron(app)}"`);
  }
  const inProgress = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error) => app.log.error({ err: error }, 'scheduler run failed'));
    inProgress.add(settled);
    void settled.finally(() => inProgress.delete(settled));
    return settled;
  };
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron(app),
      // node-cron gives the scheduled fire time; taking the later of it and the clock keeps a
      // wake that comes a hair early from falling into the previous period.
      (context) => track(runIfDue(app, job, laterOf(app.clock.now(), context.date))),
      { timezone: VN_TZ, name: job.name, noOverlap: true },
    ),
  );
  const sweep = setInterval(() => track(runDueJobs(app, jobs)), SWEEP_MS);
  sweep.unref();
  const caughtUp = track(runDueJobs(app, jobs)).then(() => undefined);
  return {
    caughtUp,
    async stop() {
      clearInterval(sweep);
      for (const task of tasks) await task.destroy();
      while (inProgress.size) await Promise.allSettled([...inProgress]);
    },
  };
}

function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
