// The services every part of the product is built on. createApp makes them once, before
// anything else, and none is replaced afterwards (the procedure catalogue reloads through its
// own named hook, `procedures.reloadIfChanged`). A function takes the few it needs:
// `Pick<Services, 'db' | 'clock'>`; entry points (commands, jobs, HTTP routes) get them all.
import type { Config } from './config/index.js';
import type { Db } from './db/index.js';
import type { HotPath } from './db/hot-path.js';
import type { I18n } from './i18n/index.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/log.js';
import type { Listeners } from './shared/listeners.js';
import type { SharedLimiter } from './shared/rate-limit.js';
import type { SharedRedis } from './shared/redis.js';
import type { ProcedureCatalogue } from './procedures/catalogue-service.js';
import type { ComplaintCategories } from './complaints/categories.js';
import type { Account } from './generated/prisma/client.js';

/** Per-account limits, shared by the instances through Redis when there is one. */
export interface Limits {
  /** Messages per account per minute (RATE_LIMIT_MESSAGES_PER_MINUTE). */
  readonly messages: SharedLimiter;
  /** Wrong receipt codes per account per hour (RATE_LIMIT_WRONG_CODES_PER_HOUR). */
  readonly wrongCodes: SharedLimiter;
}

export interface Services {
  readonly config: Config;
  readonly db: Db;
  /** The statements every inbound message runs, prepared once (see db/hot-path.ts). */
  readonly hotPath: HotPath;
  readonly clock: Clock;
  readonly log: Logger;
  readonly i18n: I18n;
  readonly limits: Limits;
  /** Redis shared by the instances (REDIS_URL), for the limits; null when not configured. */
  readonly redis: SharedRedis | null;
  /** Complaint categories and their deadlines (COMPLAINT_CATEGORIES_FILE, validated at start). */
  readonly complaintCategories: ComplaintCategories;
  /** The procedure catalogue and its search index, in memory. */
  readonly procedures: ProcedureCatalogue;
  /** Told when a person's role changes (Telegram gives their chat the new role's menu). */
  readonly roleChanged: Listeners<Account>;
}
