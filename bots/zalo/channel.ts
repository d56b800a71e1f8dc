// The Zalo OA channel: webhook in, client out, tokens kept fresh. Started by src/channels.ts
// when ZALO_APP_ID and ZALO_OA_SECRET_KEY are set.
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import type { Config } from '../../src/config/index.js';
import type { HttpRoutes } from '../../src/http/server.js';
import { ZaloTokens } from './tokens.js';
import { ZaloClient } from './client.js';
import { ZaloSender } from './sender.js';
import { ZaloWorker } from './worker.js';
import { zaloWebhookRoutes } from './webhook.js';
import { ZaloBilling } from './billing.js';
import { ZaloProfiles } from './profiles.js';
import { loadTemplates } from './templates.js';

/** Checks whether a refresh is due this often, so an idle OA's token is renewed before it lapses. */
const KEEP_FRESH_EVERY_MS = 10 * 60_000;

export interface ZaloChannel {
  routes: HttpRoutes;
  sender: ZaloSender;
  worker: ZaloWorker;
  tokens: ZaloTokens;
  client: ZaloClient;
  billing: ZaloBilling;
  stop(): Promise<void>;
}

export function zaloConfigured(config: Config): boolean {
  return Boolean(config.ZALO_APP_ID && config.ZALO_OA_SECRET_KEY);
}

export async function startZalo(services: Services, conversation: Pick<Conversation, 'handle'>): Promise<ZaloChannel> {
  const requestsPerMinute = services.config.ZALO_REQUESTS_PER_MINUTE;
  const tokens = new ZaloTokens(services);
  await tokens.seedFromConfig();
  const billing = new ZaloBilling(services);
  // Read and checked before anything starts: a wrong file stops the service here.
  const templates = loadTemplates(services.config.ZALO_TEMPLATES_FILE);
  const client = new ZaloClient({
    apiBase: services.config.ZALO_API_BASE,
    businessApiBase: services.config.ZALO_BUSINESS_API_BASE,
    tokens,
    billing,
    requestsPerMinute,
  });
  const sender = new ZaloSender(services, client, requestsPerMinute, templates);
  const worker = new ZaloWorker(services, conversation, sender, billing, { profiles: new ZaloProfiles(services, client) });
  await worker.recover();
  const keepFresh = setInterval(() => {
    tokens.accessToken().catch((error: Error) => services.log.warn({ err: error.message }, 'zalo token check failed'));
  }, KEEP_FRESH_EVERY_MS);
  keepFresh.unref();
  return {
    routes: zaloWebhookRoutes(worker),
    sender,
    worker,
    tokens,
    client,
    billing,
    async stop() {
      clearInterval(keepFresh);
      await worker.stop();
    },
  };
}
