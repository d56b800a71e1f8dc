// Composition root: builds the services first (database, strings, catalogue, limits), then the
// conversation on top of them, and returns the whole, finished. Channels, the HTTP server and
// the jobs are started by main.ts on top.
import type { DestinationStream } from 'pino';
import type { Config } from './config/index.js';
import type { Services } from './services.js';
import { openDatabase, type Provider } from './db/index.js';
import { I18n } from './i18n/index.js';
import { createLogger } from './shared/log.js';
import { systemClock, type Clock } from './shared/clock.js';
import { Listeners } from './shared/listeners.js';
import { SharedLimiter } from './shared/rate-limit.js';
import { openRedis } from './shared/redis.js';
import { Conversation } from './conversation/core.js';
import { conversationModules } from './conversation/modules.js';
import { seedDatabase } from './db/seed.js';
import { ProcedureCatalogue } from './procedures/catalogue-service.js';
import { loadComplaintCategories } from './complaints/categories.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface App extends Services {
  readonly conversation: Conversation;
  /** The SQLite file (backups, tests), or the PostgreSQL URL without its password. */
  readonly dbPath: string;
  readonly dbProvider: Provider;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logDestination?: DestinationStream;
  /** Seed the catalogue, criteria sets and (with DEMO_DATA) the demo province. Default true. */
  seed?: boolean;
  /** Strings to use instead of the bundled ones (tests record which messages were said). */
  i18n?: I18n;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = createLogger(config.LOG_LEVEL, options.logDestination);
  // Settings read from files are checked before anything is opened.
  const complaintCategories = loadComplaintCategories(config);
  const clock = options.clock ?? systemClock;
  const opened = await openDatabase(config.DATABASE_URL);
  const { db } = opened;
  if (options.seed !== false) await seedDatabase({ db, config, clock });
  const redis = config.REDIS_URL ? await openRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, log) : null;
  const services: Services = {
    config,
    db,
    hotPath: opened.hotPath,
    clock,
    log,
    i18n: options.i18n ?? new I18n((locale, id) => log.warn({ locale, id }, 'message id missing from the locales')),
    limits: {
      messages: new SharedLimiter('messages', config.RATE_LIMIT_MESSAGES_PER_MINUTE, MINUTE_MS, redis),
      wrongCodes: new SharedLimiter('wrong-codes', config.RATE_LIMIT_WRONG_CODES_PER_HOUR, HOUR_MS, redis),
    },
    redis,
    complaintCategories,
    procedures: await ProcedureCatalogue.load(db),
    roleChanged: new Listeners(),
  };
  return {
    ...services,
    conversation: new Conversation(services, conversationModules()),
    dbPath: opened.path,
    dbProvider: opened.provider,
    async close() {
      await redis?.close();
      await opened.close();
    },
  };
}
