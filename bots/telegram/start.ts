// Starts the Telegram channel: webhook mode when PUBLIC_URL is set, long polling otherwise.
// Also installs the command menus and hands the outbox its sender.
import type { Bot } from 'grammy';
import { run } from '@grammyjs/runner';
import type { App } from '../../src/app.js';
import type { HttpRoutes } from '../../src/http/server.js';
import type { ChannelSender } from '../../src/outbox/types.js';
import { createTelegramBot, type TelegramBotOptions } from './bot.js';
import { chatMenuUpdater, setDefaultMenus } from './menus.js';
import { telegramSender } from './sender.js';
import { webhookRoutes, WEBHOOK_PATH } from './webhook.js';
import { describeError } from './errors.js';
import { InboundLedger } from '../../src/shared/inbound-updates.js';

/** The only update kinds the bot reads; Telegram does not even send the others. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramChannel {
  bot: Bot;
  mode: 'webhook' | 'polling';
  routes: HttpRoutes[];
  sender: ChannelSender;
  stop(): Promise<void>;
}

export async function startTelegram(app: App, options: TelegramBotOptions = {}): Promise<TelegramChannel> {
  const { config } = app;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const ledger = new InboundLedger(app.db, 'telegram', app.clock);
  const bot = createTelegramBot(app, token, ledger, options);
  await bot.init();
  // Deep links (https://t.me/<bot>?start=…) need the bot's username.
  config.TELEGRAM_BOT_USERNAME ??= bot.botInfo.username;

  app.onRoleChanged.push(chatMenuUpdater(app, bot.api));
  try {
    await setDefaultMenus(app, bot.api);
  } catch (error) {
    app.log.warn({ err: describeError(error) }, 'telegram default menu not set');
  }
  const sender = telegramSender(config, token);

  if (config.PUBLIC_URL) {
    // Config validation makes the secret mandatory in webhook mode.
    const secret = config.TELEGRAM_WEBHOOK_SECRET!;
    const url = `${config.PUBLIC_URL.replace(/\/+$/, '')}${WEBHOOK_PATH}`;
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
    app.log.info({ mode: 'webhook', bot: bot.botInfo.username }, 'telegram started');
    return { bot, mode: 'webhook', routes: [webhookRoutes(bot, secret)], sender, stop: async () => undefined };
  }

  // getUpdates is refused while a webhook is set (left over from an earlier webhook deployment).
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } });
  app.log.info({ mode: 'polling', bot: bot.botInfo.username }, 'telegram started');
  return {
    bot,
    mode: 'polling',
    routes: [],
    sender,
    async stop() {
      await runner.stop();
    },
  };
}
