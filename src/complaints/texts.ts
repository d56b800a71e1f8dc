// Small text rules shared by the dialogues of this module.
import type { Translate } from '../i18n/index.js';
import type { Account } from '../generated/prisma/client.js';

/** Why a typed text cannot be used, if it cannot: nothing in it, or longer than allowed. */
export function lengthProblem(text: string, max: number): 'empty' | 'too_long' | null {
  if (!text.trim()) return 'empty';
  return text.length > max ? 'too_long' : null;
}

/** How a named reporter appears to the commune's handlers: the platform name, else the account number. */
export function reporterName(t: Translate, account: Pick<Account, 'id' | 'displayName'>): string {
  return account.displayName?.trim() || t('complaints-reporter-account', { id: String(account.id) });
}
