// A scheduled job. The cron string only wakes the scheduler; what runs is decided by the
// period: the last scheduled fire time at or before now. A period runs once (JobRun row),
// and a period missed while the service was down is caught up at start.
import type { App } from '../app.js';

export interface JobSpec {
  name: string;
  /** 5-field cron in Asia/Ho_Chi_Minh, usually from config. */
  cron(app: App): string;
  /**
   * Does the work for the period that started at `firedAt`. Must be idempotent per recipient
   * (outbox dedupKeys), because a crash mid-run re-runs it.
   */
  run(app: App, firedAt: Date): Promise<void>;
}
