// The Zalo Bot channel (Zalo's Bot platform, which needs no Official Account, so a commune can
// start before its OA is verified): webhook mode when PUBLIC_URL is set, long polling
// otherwise — the platform allows one or the other, and a webhook left set silently stops
// getUpdates, so polling starts by deleting it. Started by src/channels.ts when ZALO_BOT_TOKEN
// is set; hands the outbox its sender.
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import type { HttpRoutes } from '../../src/http/server.js';
import { ZaloBotClient } from './client.js';
import { ChoiceMenus } from './menus.js';
import { MediaShelf } from './shelf.js';
import { ZALO_BOT_CHANNEL, ZaloBotSender } from './sender.js';
import { ZaloBotHandler } from './handler.js';
import { ZaloBotPoller } from './polling.js';
import { ZALO_BOT_WEBHOOK_PATH, zaloBotWebhookRoutes } from './webhook.js';

export interface ZaloBotChannel {
  mode: 'webhook' | 'polling';
  routes: HttpRoutes[];
  sender: ZaloBotSender;
  handler: ZaloBotHandler;
  stop(): Promise<void>;
}

export async function startZaloBot(services: Services, conversation: Pick<Conversation, 'handle'>): Promise<ZaloBotChannel> {
  const { config, log } = services;
  const token = config.ZALO_BOT_TOKEN;
  if (!token) throw new Error('ZALO_BOT_TOKEN is not set');
  const client = new ZaloBotClient(config.ZALO_BOT_API_BASE, token);
  const me = await client.getMe();
  // As on Telegram, a token the platform refuses stops the start, with the reason.
  if (!me.ok) throw new Error(`Zalo Bot refused the token (getMe: ${me.code} ${me.description})`);

  const menus = new ChoiceMenus(services, ZALO_BOT_CHANNEL);
  const shelf = config.PUBLIC_URL ? new MediaShelf(config.PUBLIC_URL, () => services.clock.now().getTime()) : undefined;
  const sender = new ZaloBotSender(services, client, menus, shelf);
  const handler = new ZaloBotHandler(services, conversation, sender, menus);

  if (config.PUBLIC_URL && shelf) {
    // Config validation makes the secret mandatory in webhook mode.
    const secret = config.ZALO_BOT_WEBHOOK_SECRET!;
    const set = await client.setWebhook(`${config.PUBLIC_URL.replace(/\/+$/, '')}${ZALO_BOT_WEBHOOK_PATH}`, secret);
    if (!set.ok) throw new Error(`Zalo Bot webhook not set (setWebhook: ${set.code} ${set.description})`);
    log.info({ mode: 'webhook' }, 'zalobot started');
    return { mode: 'webhook', routes: [zaloBotWebhookRoutes(handler, secret), shelf.routes()], sender, handler, stop: () => handler.idle() };
  }

  const deleted = await client.deleteWebhook();
  if (!deleted.ok) log.warn({ code: deleted.code, description: deleted.description }, 'zalobot webhook not deleted');
  const poller = new ZaloBotPoller(services, client, handler);
  poller.start();
  log.info({ mode: 'polling' }, 'zalobot started');
  return {
    mode: 'polling',
    routes: [],
    sender,
    handler,
    async stop() {
      await poller.stop();
      await handler.idle();
    },
  };
}
