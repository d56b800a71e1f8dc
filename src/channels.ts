// Starts the messenger channels that are configured, and collects their HTTP routes and
// outbox senders. With none configured the service runs on the console channel alone.
import type { Services } from './services.js';
import type { Conversation } from './conversation/core.js';
import type { TelegramBotOptions } from '../bots/telegram/bot.js';
import type { HttpRoutes } from './http/server.js';
import type { ChannelSender } from './outbox/types.js';
import { publicPages } from './public/page.js';
import { deskApiRoutes } from './dossiers/desk-api.js';
import { startTelegram } from '../bots/telegram/start.js';
import { startZalo, zaloConfigured } from '../bots/zalo/channel.js';
import { startZaloBot } from '../bots/zalo-bot/channel.js';

export interface RunningChannels {
  names: string[];
  routes: HttpRoutes[];
  /** What the outbox dispatcher sends through, one per messenger. */
  senders: ChannelSender[];
  stop(): Promise<void>;
}

export async function startChannels(
  services: Services,
  conversation: Pick<Conversation, 'handle' | 'menuFor'>,
  options: { telegram?: TelegramBotOptions } = {},
): Promise<RunningChannels> {
  const names: string[] = ['console'];
  const routes: HttpRoutes[] = [publicPages, deskApiRoutes];
  const senders: ChannelSender[] = [];
  const stops: (() => Promise<void>)[] = [];
  if (services.config.TELEGRAM_BOT_TOKEN) {
    const telegram = await startTelegram(services, conversation, options.telegram);
    names.push('telegram');
    routes.push(...telegram.routes);
    senders.push(telegram.sender);
    stops.push(telegram.stop);
  }
  if (zaloConfigured(services.config)) {
    const zalo = await startZalo(services, conversation);
    names.push('zalo');
    routes.push(zalo.routes);
    senders.push(zalo.sender);
    stops.push(zalo.stop);
  }
  if (services.config.ZALO_BOT_TOKEN) {
    const zaloBot = await startZaloBot(services, conversation);
    names.push('zalobot');
    routes.push(...zaloBot.routes);
    senders.push(zaloBot.sender);
    stops.push(zaloBot.stop);
  }
  return {
    names,
    routes,
    senders,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
