// The outbox's way to Telegram. It uses its own Api client without auto-retry: the outbox
// dispatcher paces every chat itself and honours retry_after, so a 429 is reported back
// at once instead of being waited out here.
import { Api } from 'grammy';
import type { Config } from '../../src/config/index.js';
import type { ChannelSender } from '../../src/outbox/types.js';
import { telegramCalls } from './render.js';
import { outcomeOf } from './errors.js';

export function telegramSender(config: Config, token: string): ChannelSender {
  const api = new Api(token, { apiRoot: config.TELEGRAM_API_ROOT });
  return {
    channel: 'telegram',
    // The bot's id: the part of the token before the colon.
    account: token.split(':')[0],
    // Telegram: about 30 messages/s overall and 1/s per chat; stay a little under.
    pace: { perSecond: 25, perChatPerSecond: 1 },
    async send(chatId, reply) {
      try {
        for (const call of telegramCalls(chatId, [reply])) await call(api);
        return { ok: true };
      } catch (error) {
        return outcomeOf(error);
      }
    },
  };
}
