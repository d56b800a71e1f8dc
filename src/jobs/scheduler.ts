// Runs the scheduled jobs. node-cron (in Asia/Ho_Chi_Minh, whatever the machine's TZ) only
// wakes the scheduler; what runs is decided from the database: a job's period is its last
// scheduled fire time at or before now, and a period runs until a JobRun row for it is
// finished. So a period missed while the service was down is run once at the next start, a run
// cut short by a crash is run again (jobs are idempotent per recipient through outbox
// dedupKeys), and a finished period never runs twice.
//
// Several instances run the scheduler. The JobRun row is also a lease: the instance that
// created it (or took it over) holds it while it renews leaseUntil, and no other instance runs
// the period meanwhile. A run whose holder died stops being renewed; once its lease has run out
// the first instance to sweep takes it over with a conditional update, so exactly one resumes it.
import cron, { type ScheduledTask } from 'node-cron';
import { CronExpressionParser } from 'cron-parser';
import type { Services } from '../services.js';
import { isUniqueViolation } from '../db/index.js';
import { VN_TZ } from '../shared/vntime.js';
import { instanceId } from '../db/lease.js';
import type { JobSpec } from './types.js';

/**
 * Also looks for due periods this often, so a failed run, a missed wake or a run cut off by
 * another instance's death is taken up.
 */
const SWEEP_MS = 5 * 60_000;
/** A running job's claim on its period; renewed every third of it while the job runs. */
export const JOB_LEASE_MS = 60_000;

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
    private readonly holder = instanceId,
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
    let renew: NodeJS.Timeout | undefined;
    try {
      if (!(await this.take(key, previous !== null))) return false;
      // Renewed from the clock of the moment: a long run keeps its claim however long it takes.
      renew = setInterval(() => {
        db.jobRun
          .updateMany({ where: { ...key, holder: this.holder }, data: { leaseUntil: this.leaseEnd() } })
          .catch((error) => log.warn({ err: error, job: job.name }, 'job lease not renewed'));
      }, JOB_LEASE_MS / 3);
      renew.unref();
      log.info({ job: job.name, period: key.period }, 'job started');
      try {
        await job.run(this.services, firedAt);
      } catch (error) {
        log.error({ err: error, job: job.name, period: key.period }, 'job failed; it runs again at the next sweep');
        // Given up, so the next sweep of any instance runs it again.
        await db.jobRun.updateMany({ where: { ...key, holder: this.holder }, data: { leaseUntil: null } });
        return true;
      }
      await db.jobRun.updateMany({ where: { ...key, holder: this.holder }, data: { finishedAt: clock.now() } });
      log.info({ job: job.name, period: key.period }, 'job finished');
      return true;
    } finally {
      clearInterval(renew);
      this.running.delete(job.name);
    }
  }

  private leaseEnd(): Date {
    return new Date(this.services.clock.now().getTime() + JOB_LEASE_MS);
  }

  /**
   * Claims the period for this instance: creates its JobRun row, or takes over an unfinished
   * one whose lease has run out (its instance died or gave up). False when another instance
   * has it.
   */
  private async take(key: { job: string; period: string }, exists: boolean): Promise<boolean> {
    const { db, log, clock } = this.services;
    const now = clock.now();
    const claim = { holder: this.holder, leaseUntil: this.leaseEnd(), startedAt: now };
    if (!exists) {
      try {
        await db.jobRun.create({ data: { ...key, ...claim } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false; // another instance has just started it
        throw error;
      }
    }
    const { count } = await db.jobRun.updateMany({
      where: { ...key, finishedAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: claim,
    });
    if (count) log.warn({ job: key.job, period: key.period }, 'job run was not finished: running it again');
    return count === 1;
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
