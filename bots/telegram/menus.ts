// Telegram's command menu ("/" button) per role: the default menu shows citizen commands,
// and each chat whose person gets another role gets that role's menu (scope: one chat).
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { App } from '../../src/app.js';
import type { Role } from '../../src/conversation/types.js';
import { locales, type Locale } from '../../src/i18n/index.js';
import { roleOf, localeOf } from '../../src/accounts/accounts.js';
import type { Account } from '../../src/generated/prisma/client.js';
import { describeError } from './errors.js';

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const MAX_DESCRIPTION = 256;
const MAX_COMMANDS = 100;

/** The built-in commands of the core, listed after the role's own ones as /help does. */
const coreCommands = [
  { name: 'lang', summary: 'cmd-lang' },
  { name: 'huy', summary: 'cmd-cancel' },
  { name: 'help', summary: 'cmd-help' },
];

export function menuFor(app: App, role: Role, locale: Locale): BotCommand[] {
  return [...app.conversation.commandsFor(role), ...coreCommands]
    .filter((c) => COMMAND_NAME.test(c.name))
    .slice(0, MAX_COMMANDS)
    .map((c) => ({ command: c.name, description: app.i18n.t(locale, c.summary).slice(0, MAX_DESCRIPTION) }));
}

/** The menu everybody sees until their chat gets its own: citizen commands, per app language. */
export async function setDefaultMenus(app: App, api: Api): Promise<void> {
  for (const locale of locales) {
    // Without language_code the menu is the fallback for every language: Vietnamese.
    const language = locale === 'vi' ? {} : { language_code: locale };
    await api.setMyCommands(menuFor(app, 'citizen', locale), language);
  }
}

/** onRoleChanged hook: give this person's chat the menu of their new role. */
export function chatMenuUpdater(app: App, api: Api): (account: Account) => Promise<void> {
  return async (account) => {
    if (account.channel !== 'telegram') return;
    const chatId = Number(account.externalId);
    try {
      await api.setMyCommands(menuFor(app, roleOf(account), localeOf(account)), {
        scope: { type: 'chat', chat_id: chatId },
      });
    } catch (error) {
      // A stale menu is an inconvenience; it must never undo or block the role change.
      app.log.warn({ accountId: account.id, err: describeError(error) }, 'telegram chat menu not updated');
    }
  };
}

