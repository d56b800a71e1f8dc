// Telegram's command menu ("/" button) per role: the default menu shows citizen commands,
// and each chat whose person gets another role gets that role's menu (scope: one chat). The
// list is the conversation's own (what /help shows), so the two never disagree.
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import type { Role } from '../../src/accounts/roles.js';
import { locales, type I18n, type Locale } from '../../src/i18n/index.js';
import { roleOf, localeOf } from '../../src/accounts/accounts.js';
import type { Account } from '../../src/generated/prisma/client.js';
import { describeError } from './errors.js';

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const MAX_DESCRIPTION = 256;
const MAX_COMMANDS = 100;

/** Where the menus come from: the conversation's command list, in the person's language. */
export interface MenuSource {
  i18n: I18n;
  conversation: Pick<Conversation, 'menuFor'>;
}

export function menuFor({ i18n, conversation }: MenuSource, role: Role, locale: Locale): BotCommand[] {
  return conversation
    .menuFor(role)
    .filter((c) => COMMAND_NAME.test(c.name))
    .slice(0, MAX_COMMANDS)
    .map((c) => ({ command: c.name, description: i18n.t(locale, c.summary).slice(0, MAX_DESCRIPTION) }));
}

/** The menu everybody sees until their chat gets its own: citizen commands, per language. */
export async function setDefaultMenus(source: MenuSource, api: Api): Promise<void> {
  for (const locale of locales) {
    // Without language_code the menu is the fallback for every language: Vietnamese.
    const language = locale === 'vi' ? {} : { language_code: locale };
    await api.setMyCommands(menuFor(source, 'citizen', locale), language);
  }
}

/** roleChanged listener: give this person's chat the menu of their new role. */
export function chatMenuUpdater(source: MenuSource & Pick<Services, 'log'>, api: Api): (account: Account) => Promise<void> {
  return async (account) => {
    if (account.channel !== 'telegram') return;
    const chatId = Number(account.externalId);
    try {
      await api.setMyCommands(menuFor(source, roleOf(account), localeOf(account)), {
        scope: { type: 'chat', chat_id: chatId },
      });
    } catch (error) {
      // A stale menu is an inconvenience; it must never undo or block the role change.
      source.log.warn({ accountId: account.id, err: describeError(error) }, 'telegram chat menu not updated');
    }
  };
}
