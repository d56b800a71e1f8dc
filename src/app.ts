// Composition root: opens the database, loads strings and wires the domain modules into the
// conversation core. Channels, the HTTP server and the jobs are started by main.ts on top.
import type { Config } from './config/index.js';
import { openDatabase, type Db } from './db/index.js';
import { I18n } from './i18n/index.js';
import { createLogger, type Logger } from './shared/log.js';
import { systemClock, type Clock } from './shared/clock.js';
import { Conversation } from './conversation/core.js';
import { conversationModules } from './conversation/modules.js';
import { seedDatabase } from './db/seed.js';
import { ProcedureCatalogue } from './procedures/catalogue-service.js';
import type { DestinationStream } from 'pino';
import type { Account } from './generated/prisma/client.js';

export interface App {
  config: Config;
  db: Db;
  dbPath: string;
  clock: Clock;
  log: Logger;
  i18n: I18n;
  conversation: Conversation;
  procedures: ProcedureCatalogue;
  /** Things that must react when a person's role changes (Telegram's per-chat command menu). */
  onRoleChanged: ((account: Account) => Promise<void>)[];
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logDestination?: DestinationStream;
  /** Seed the catalogue, criteria sets and (with DEMO_DATA) the demo province. Default true. */
  seed?: boolean;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = createLogger(config.LOG_LEVEL, options.logDestination);
  const opened = await openDatabase(config.DATABASE_URL);
  const app = {
    config,
    db: opened.db,
    dbPath: opened.path,
    clock: options.clock ?? systemClock,
    log,
    i18n: new I18n(),
    onRoleChanged: [],
    close: opened.close,
  } as unknown as App;
  app.conversation = new Conversation(app, conversationModules());
  if (options.seed !== false) await seedDatabase(app);
  app.procedures = await ProcedureCatalogue.load(app.db);
  return app;
}
