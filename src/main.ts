// `npm start`: the whole service. With no messenger credentials it opens the console chat on
// the embedded SQLite database (migrated and seeded on first start).
import { loadConfig, loadDotEnv, ConfigError, type Config } from './config/index.js';
import { createApp, type App } from './app.js';
import { buildServer } from './http/server.js';
import { senderLeasesHealth } from './http/health.js';
import { startChannels } from './channels.js';
import { runConsoleChat } from '../bots/console/chat.js';
import { zaloConfigured } from '../bots/zalo/channel.js';
import { withTelegramIdentity } from '../bots/telegram/identity.js';
import { startDispatcher } from './outbox/dispatcher.js';
import { startScheduler } from './jobs/scheduler.js';
import { jobs } from './jobs/registry.js';
import { serializeError } from './shared/log.js';
import { gapLines, leadershipGaps } from './alerts/doctor.js';

const CATALOGUE_CHECK_MS = 60_000;

/** The console chat opens when asked, or by default when no messenger is configured. */
function consoleWanted(config: Config): boolean {
  const messengers = Boolean(config.TELEGRAM_BOT_TOKEN) || zaloConfigured(config) || Boolean(config.ZALO_BOT_TOKEN);
  return config.CONSOLE_CHAT === 'true' || (config.CONSOLE_CHAT === 'auto' && !messengers);
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = loadConfig();
  const wantConsole = consoleWanted(env);
  // In the terminal chat, routine logs would drown the conversation: warnings only, unless
  // LOG_LEVEL was set on purpose.
  const quiet = wantConsole && !process.env.LOG_LEVEL ? { ...env, LOG_LEVEL: 'warn' as const } : env;
  const { config, botInfo } = await withTelegramIdentity(quiet);
  const app: App = await createApp(config);
  const channels = await startChannels(app, app.conversation, { telegram: { botInfo } });
  const dispatcher = await startDispatcher(app, channels.senders);
  const scheduler = startScheduler(app, jobs);
  const server = await buildServer(app, channels.routes, [senderLeasesHealth(() => dispatcher.leases.heldNames())]);
  try {
    await server.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Cổng ${config.PORT} đang được dùng (có thể dịch vụ đã chạy ở cửa sổ khác). Đặt PORT khác, ví dụ: PORT=3001 npm start\n`
        : `Không mở được cổng ${config.HOST}:${config.PORT}: ${(error as Error).message}\n`,
    );
    await app.close();
    process.exit(1);
  }
  app.log.info({ port: config.PORT, channels: channels.names }, 'service started');
  // Alerts for a commune with no manager are kept, not lost; the operator should know.
  const gaps = await leadershipGaps(app.db);
  const warning = gapLines(app.i18n.in('vi'), gaps);
  if (warning.length) app.log.warn({ communesWithoutManager: gaps.communes.length, heldAlerts: gaps.heldAlerts }, warning.join('\n'));

  // An `import procedures` run from the CLI lands in the same database: pick it up.
  const catalogueCheck = setInterval(() => {
    app.procedures.reloadIfChanged().catch((error) => app.log.warn({ err: error }, 'procedure catalogue reload failed'));
  }, CATALOGUE_CHECK_MS).unref();

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ reason }, 'shutting down');
    clearInterval(catalogueCheck);
    await server.close();
    await scheduler.stop();
    // Before the channels: in-flight pushes still need their senders to finish.
    await dispatcher.stop();
    await channels.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (wantConsole) {
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    process.stdout.write(`${app.i18n.t('vi', 'console-start', { url: `http://${config.HOST}:${port}` })}\n`);
    await runConsoleChat(app, app.conversation, {
      userId: 'nguoidan',
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    await shutdown('console closed');
  }
}

try {
  await main();
} catch (error) {
  // A bad variable or settings file: one message listing every problem, no stack.
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
    process.exit(1);
  }
  // Printed as its stack only: Node's default report also shows nested causes, and a failed
  // Telegram request's cause spells out the URL, which holds the bot token.
  const shown = serializeError(error) as { stack?: string } | undefined;
  process.stderr.write(`service stopped: ${shown?.stack ?? String(error)}\n`);
  process.exit(1);
}
