// Starts the Telegram channel: webhook mode when PUBLIC_URL is set, long polling otherwise.
// Also installs the command menus and hands the outbox its sender.
import type { Bot } from 'grammy';
import { run } from '@grammyjs/runner';
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import type { HttpRoutes } from '../../src/http/server.js';
import type { ChannelSender } from '../../src/outbox/types.js';
import { createTelegramBot, type TelegramBotOptions } from './bot.js';
import { chatMenuUpdater, setDefaultMenus } from './menus.js';
import { telegramSender } from './sender.js';
import { webhookRoutes, WEBHOOK_PATH } from './webhook.js';
import { describeError } from './errors.js';
import { InboundLedger } from '../../src/shared/inbound-updates.js';
import { InFlight } from '../../src/shared/in-flight.js';

/** The only update kinds the bot reads; Telegram does not even send the others. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramChannel {
  bot: Bot;
  mode: 'webhook' | 'polling';
  routes: HttpRoutes[];
  sender: ChannelSender;
  stop(): Promise<void>;
}

export async function startTelegram(
  services: Services,
  conversation: Pick<Conversation, 'handle' | 'menuFor'>,
  options: TelegramBotOptions = {},
): Promise<TelegramChannel> {
  const { config } = services;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const ledger = new InboundLedger(services, 'telegram');
  const bot = createTelegramBot(services, conversation, token, ledger, options);
  await bot.init();

  const menus = { i18n: services.i18n, conversation, log: services.log };
  services.roleChanged.add(chatMenuUpdater(menus, bot.api));
  try {
    await setDefaultMenus(menus, bot.api);
  } catch (error) {
    services.log.warn({ err: describeError(error) }, 'telegram default menu not set');
  }
  const sender = telegramSender(config, token);

  if (config.PUBLIC_URL) {
    // Config validation makes the secret mandatory in webhook mode.
    const secret = config.TELEGRAM_WEBHOOK_SECRET!;
    const url = `${config.PUBLIC_URL.replace(/\/+$/, '')}${WEBHOOK_PATH}`;
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
    services.log.info({ mode: 'webhook', bot: bot.botInfo.username }, 'telegram started');
    const inFlight = new InFlight();
    // The HTTP server closes first; updates already answered by their webhook reply finish here.
    return { bot, mode: 'webhook', routes: [webhookRoutes(bot, secret, inFlight)], sender, stop: () => inFlight.drained() };
  }

  // getUpdates is refused while a webhook is set (left over from an earlier webhook deployment).
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } });
  services.log.info({ mode: 'polling', bot: bot.botInfo.username }, 'telegram started');
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
