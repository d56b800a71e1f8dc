// How people are named to each other. A name comes from the platform profile at first contact
// (Telegram first and last name), from the invitation (`invite --name … --title …`), or from
// the person with /ten; staff have a post (title) beside it. Lists, reports and histories show
// these instead of account numbers. A citizen's name is shown only where they chose to be named
// (a named complaint); this module only says how a name reads, not where it may appear.
import { z } from 'zod';
import type { Account } from '../generated/prisma/client.js';
import type { Translate } from '../i18n/index.js';

export const MAX_NAME_CHARS = 80;

/** A name or a post as typed: trimmed, 2–80 characters, no control characters or markup brackets. */
export const personNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(2)
      .max(MAX_NAME_CHARS)
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u001f\u007f<>]+$/),
  );

export type Named = Pick<Account, 'id' | 'displayName'> & Partial<Pick<Account, 'title'>>;

/** "Nguyễn Văn An (Công chức Tư pháp – Hộ tịch)", "Nguyễn Văn An", or the account number when nobody gave a name. */
export function nameOf(t: Translate, person: Named): string {
  const name = person.displayName?.trim();
  const title = person.title?.trim();
  if (!name) return t('accounts-unnamed', { id: String(person.id) });
  return title ? `${name} (${title})` : name;
}
