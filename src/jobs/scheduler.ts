// Runs the scheduled jobs. node-cron (in Asia/Ho_Chi_Minh, whatever the machine's TZ) only
// wakes the scheduler; what runs is decided from the database: a job's period is its last
// scheduled fire time at or before now, and a period runs until a JobRun row for it is
// finished. So a period missed while the service was down is run once at the next start, a run
// cut short by a crash is run again (jobs are idempotent per recipient through outbox
// dedupKeys), and a finished period never runs twice. One service process runs the jobs.
import cron, { type ScheduledTask } from 'node-cron';
import { CronExpressionParser } from 'cron-parser';
import type { Services } from '../services.js';
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

/**
 * Runs the jobs of one process. Each job whose latest period (as of `now`, default the clock)
 * has no finished JobRun is run; a job that throws is logged and left unfinished, to be run
 * again at the next sweep or start.
 */
export class JobRunner {
  /** Jobs running now, so a wake during a long run does not start it twice. */
  private readonly running = new Set<string>();

  constructor(
    private readonly services: Services,
    private readonly jobs: readonly JobSpec[],
  ) {}

  /** Runs every due job; returns the names of those it ran. */
  async runDue(now = this.services.clock.now()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      if (await this.runIfDue(job, now)) ran.push(job.name);
    }
    return ran;
  }

  async runIfDue(job: JobSpec, now: Date): Promise<boolean> {
    const { db, log, clock, config } = this.services;
    if (this.running.has(job.name)) return false;
    const firedAt = latestPeriod(job.cron(config), now);
    const key = { job: job.name, period: firedAt.toISOString() };
    const previous = await db.jobRun.findUnique({ where: { job_period: key } });
    if (previous?.finishedAt) return false;
    this.running.add(job.name);
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
        await job.run(this.services, firedAt);
      } catch (error) {
        log.error({ err: error, job: job.name, period: key.period }, 'job failed; it runs again at the next sweep');
        return true;
      }
      await db.jobRun.update({ where: { job_period: key }, data: { finishedAt: clock.now() } });
      log.info({ job: job.name, period: key.period }, 'job finished');
      return true;
    } finally {
      this.running.delete(job.name);
    }
  }
}

/** One sweep over the jobs (tests, and the CLI): runs what is due now. */
export function runDueJobs(services: Services, jobs: readonly JobSpec[], now = services.clock.now()): Promise<string[]> {
  return new JobRunner(services, jobs).runDue(now);
}

export interface Scheduler {
  /** Settles when the catch-up run at start is over. */
  caughtUp: Promise<void>;
  /** Stops the wakes and waits for the runs in progress. */
  stop(): Promise<void>;
}

export function startScheduler(services: Services, jobs: readonly JobSpec[]): Scheduler {
  const { config, log, clock } = services;
  for (const job of jobs) {
    if (!cron.validate(job.cron(config))) throw new Error(`job ${job.name}: invalid cron "${job.cron(config)}"`);
  }
  const runner = new JobRunner(services, jobs);
  const inProgress = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error) => log.error({ err: error }, 'scheduler run failed'));
    inProgress.add(settled);
    void settled.finally(() => inProgress.delete(settled));
    return settled;
  };
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron(config),
      // node-cron gives the scheduled fire time; taking the later of it and the clock keeps a
      // wake that comes a hair early from falling into the previous period.
      (context) => track(runner.runIfDue(job, laterOf(clock.now(), context.date))),
      { timezone: VN_TZ, name: job.name, noOverlap: true },
    ),
  );
  const sweep = setInterval(() => track(runner.runDue()), SWEEP_MS);
  sweep.unref();
  const caughtUp = track(runner.runDue()).then(() => undefined);
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
