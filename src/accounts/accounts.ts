// Accounts: one per (channel, platform user). New people are citizens.
import type { Account } from '../generated/prisma/client.js';
import type { Db } from '../db/index.js';
import { isLocale, defaultLocale, type Locale } from '../i18n/index.js';
import { roles, type ChannelName, type Role } from '../conversation/types.js';
import { releaseHeld } from '../outbox/held.js';

export async function resolveAccount(
  db: Db,
  channel: ChannelName,
  externalId: string,
  hints: { locale?: string; displayName?: string; now: Date },
): Promise<Account> {
  const locale: Locale = isLocale(hints.locale?.slice(0, 2)) ? (hints.locale!.slice(0, 2) as Locale) : defaultLocale;
  const account = await db.account.upsert({
    where: { channel_externalId: { channel, externalId } },
    create: { channel, externalId, locale, displayName: hints.displayName, lastSeenAt: hints.now },
    update: { lastSeenAt: hints.now },
  });
  if (!account.unreachableAt) return account;
  // A Zalo "unreachable" mark ends here: the person has just interacted, so the 7-day window
  // is open again and the pushes held for them go out.
  await releaseHeld(db, account.id, hints.now);
  return { ...account, unreachableAt: null };
}

export function roleOf(account: Pick<Account, 'role'>): Role {
  return (roles as readonly string[]).includes(account.role) ? (account.role as Role) : 'citizen';
}

export function localeOf(account: Pick<Account, 'locale'>): Locale {
  return isLocale(account.locale) ? (account.locale as Locale) : defaultLocale;
}
