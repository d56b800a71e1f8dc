// The language a person is spoken to in, from their account.
import type { Account } from '../generated/prisma/client.js';
import { isLocale, defaultLocale, type I18n, type Locale, type Translate } from '../i18n/index.js';

export function localeOf(account: Pick<Account, 'locale'>): Locale {
  return isLocale(account.locale) ? (account.locale as Locale) : defaultLocale;
}

/** How to speak to a person: their language, and strings in it. */
export interface Speaker {
  locale: Locale;
  t: Translate;
}

/** Strings in the language of the person a message goes to (not of the person who caused it). */
export function speakerFor(i18n: I18n, account: Pick<Account, 'locale'>): Speaker {
  const locale = localeOf(account);
  return { locale, t: i18n.in(locale) };
}
