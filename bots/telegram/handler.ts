// The middleware between grammY and the core: each update is claimed once in InboundUpdate,
// turned into an Inbound, answered by the conversation, and its replies sent back.
import type { Api, Bot, Context } from 'grammy';
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import type { InboundLedger } from '../../src/shared/inbound-updates.js';
import { toInbound } from './inbound.js';
import { telegramCalls } from './render.js';
import { describeError } from './errors.js';

export function updateHandler(services: Pick<Services, 'log'>, conversation: Pick<Conversation, 'handle'>, bot: Bot, ledger: InboundLedger) {
  return async (ctx: Context): Promise<void> => {
    const mapped = toInbound(ctx.update);
    if (!mapped) return;
    const { inbound, chatId, callbackQueryId } = mapped;
    const updateId = inbound.updateId!;
    // A re-delivered update (webhook retry, restart during polling) is silently skipped.
    if (!(await ledger.claim(updateId, inbound.userId))) return;

    let outcome: 'processed' | 'failed' = 'failed';
    try {
      const replies = await conversation.handle(inbound);
      // The button's spinner is stopped over HTTP, alongside the answer: as a webhook reply
      // it would answer Telegram before the update is handled, and a shutdown or crash in
      // between would lose an update that Telegram considers delivered.
      const answering = callbackQueryId ? answerButton(services, bot.api, callbackQueryId, updateId) : undefined;
      const calls = telegramCalls(chatId, replies);
      // ctx.api may carry the first call in the webhook response. Several messages all go
      // over HTTP instead, one after the other, so that they arrive in order.
      const api = calls.length === 1 ? ctx.api : bot.api;
      for (const call of calls) await call(api);
      await answering;
      outcome = 'processed';
    } finally {
      await ledger.finish(updateId, outcome);
    }
  };
}

/** Stops the button's spinner; a press older than Telegram's window cannot be answered, which is fine. */
async function answerButton(services: Pick<Services, 'log'>, api: Api, queryId: string, updateId: string): Promise<void> {
  try {
    await api.answerCallbackQuery(queryId);
  } catch (error) {
    services.log.debug({ updateId, err: describeError(error) }, 'callback query not answered');
  }
}
