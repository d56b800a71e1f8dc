// A scheduled job. The cron string only wakes the scheduler; what runs is decided by the
// period: the last scheduled fire time at or before now. A period runs once (JobRun row),
// and a period missed while the service was down is caught up at start.
import type { Config } from '../config/index.js';
import type { Services } from '../services.js';

export interface JobSpec {
  name: string;
  /** 5-field cron in Asia/Ho_Chi_Minh, usually from config. */
  cron(config: Config): string;
  /**
   * Does the work for the period that started at `firedAt`. Must be idempotent per recipient
   * (outbox dedupKeys), because a crash mid-run re-runs it.
   */
  run(services: Services, firedAt: Date): Promise<void>;
}
