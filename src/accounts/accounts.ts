// Accounts: one per (channel, platform user). New people are citizens.
import type { Account } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import { isLocale, defaultLocale, type Locale } from '../i18n/index.js';
import type { ChannelName } from '../conversation/types.js';
import { isRole, type Role } from './roles.js';
import { releaseHeld } from '../outbox/held.js';

/**
 * lastSeenAt only has to be right to the minute (Zalo's 7-day window); not rewriting it on
 * every message saves a write per message.
 */
const LAST_SEEN_PRECISION_MS = 60_000;

export async function resolveAccount(
  { db, hotPath: hot }: Pick<Services, 'db' | 'hotPath'>,
  channel: ChannelName,
  externalId: string,
  hints: { locale?: string; displayName?: string; now: Date },
): Promise<Account> {
  const locale: Locale = isLocale(hints.locale?.slice(0, 2)) ? (hints.locale!.slice(0, 2) as Locale) : defaultLocale;
  let account = await hot.findAccount(channel, externalId);
  if (!account) {
    account = await hot.createAccount(channel, externalId, locale, hints.displayName ?? null, hints.now);
  } else if (hints.now.getTime() - account.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    await hot.touchAccount(account.id, hints.now);
    account = { ...account, lastSeenAt: hints.now };
  }
  if (!account.unreachableAt) return account;
  // A Zalo "unreachable" mark ends here: the person has just interacted, so the 7-day window
  // is open again and the pushes held for them go out.
  await releaseHeld(db, account.id, hints.now);
  return { ...account, unreachableAt: null };
}

export function roleOf(account: Pick<Account, 'role'>): Role {
  return isRole(account.role) ? account.role : 'citizen';
}

// In a module of their own, which the outbox can use without importing accounts (a cycle).
export { localeOf, speakerFor, type Speaker } from './speaker.js';
