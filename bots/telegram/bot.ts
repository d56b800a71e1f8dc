// The grammY bot: API root (a local fake in tests), bounded automatic retries for direct
// replies, one update per chat at a time, and an error boundary that logs without content.
import { Bot, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import { updateHandler } from './handler.js';
import { describeError, logUpdateFailure } from './errors.js';
import type { InboundLedger } from '../../src/shared/inbound-updates.js';

export interface TelegramBotOptions {
  /** Known bot identity (tests), so that no getMe call is needed. */
  botInfo?: UserFromGetMe;
}

/** The method whose single call may ride in the webhook response instead of a request. */
const WEBHOOK_REPLY_METHODS = new Set(['sendMessage']);

/** Refusals and unreachable API show up in the logs as method + code, never the payload. */
function logFailures(services: Pick<Services, 'log'>): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) services.log.warn({ method, code: result.error_code, description: result.description }, 'telegram api refused');
      return result;
    } catch (error) {
      if (!signal?.aborted) services.log.warn({ method, err: describeError(error) }, 'telegram api unreachable');
      throw error;
    }
  };
}

export function createTelegramBot(
  services: Pick<Services, 'config' | 'log'>,
  conversation: Pick<Conversation, 'handle'>,
  token: string,
  ledger: InboundLedger,
  options: TelegramBotOptions = {},
): Bot {
  const bot = new Bot(token, {
    botInfo: options.botInfo,
    client: {
      apiRoot: services.config.TELEGRAM_API_ROOT,
      canUseWebhookReply: (method) => WEBHOOK_REPLY_METHODS.has(method),
    },
  });
  bot.api.config.use(logFailures(services));
  // Bounded, so that a reply never waits more than a few seconds behind a rate limit or a
  // broken connection; pushes that must arrive go through the outbox, which retries durably.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 10, rethrowHttpErrors: true }));

  // Keyed defensively: grammY reads `chat` from the raw update, before inbound.ts validates it.
  bot.use(sequentialize((ctx) => ctx.chat?.id?.toString()));
  bot.use(updateHandler(services, conversation, bot, ledger));
  // Long polling reports failures here; webhook mode gets them thrown back (see webhook.ts).
  bot.catch((error) => logUpdateFailure(services.log, error));
  return bot;
}
