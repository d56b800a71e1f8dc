// Who the bot is on Telegram, asked once before the service is built: rating links
// (https://t.me/<bot>?start=…) need the bot's username, and the configuration is complete —
// and never changed — before anything uses it.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Api } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../../src/config/index.js';

export interface TelegramIdentity {
  config: Config;
  /** The bot's getMe answer; undefined when Telegram is not configured. */
  botInfo?: UserFromGetMe;
}

/** The configuration with TELEGRAM_BOT_USERNAME filled in from getMe when it was not set. */
export async function withTelegramIdentity(config: Config): Promise<TelegramIdentity> {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return { config };
  const apiRoot = config.TELEGRAM_API_ROOT;
  // A connection of its own, closed after the answer: grammY's shared keep-alive pool would
  // otherwise hold a socket through the start-up, which the server may close meanwhile.
  const agent = apiRoot.startsWith('https:') ? new HttpsAgent() : new HttpAgent();
  const botInfo = await new Api(token, { apiRoot, baseFetchConfig: { agent } }).getMe();
  return { config: { ...config, TELEGRAM_BOT_USERNAME: config.TELEGRAM_BOT_USERNAME ?? botInfo.username }, botInfo };
}
