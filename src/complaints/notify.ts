// Pushes about a complaint, each written in the recipient's own language and queued in the
// outbox inside the transaction of the change. The dedupKey ties a push to the event that
// caused it, so a retried transaction or job never sends it twice.
import type { Account } from '../generated/prisma/client.js';
import type { App } from '../app.js';
import type { Tx } from '../db/index.js';
import type { Reply } from '../conversation/types.js';
import { localeOf } from '../accounts/accounts.js';
import type { Locale } from '../i18n/index.js';
import { enqueue } from '../outbox/enqueue.js';
import type { Translate } from './render.js';

export interface Speaker {
  t: Translate;
  locale: Locale;
}

export function speakerFor(app: App, account: Pick<Account, 'locale'>): Speaker {
  const locale = localeOf(account);
  return { locale, t: (id, args) => app.i18n.t(locale, id, args) };
}

/** Queues one push per recipient, composed in each recipient's language. */
export async function pushTo(
  tx: Tx,
  app: App,
  recipients: Account[],
  key: string,
  compose: (speaker: Speaker, to: Account) => Reply,
): Promise<void> {
  for (const to of recipients) {
    await enqueue(tx, { to, reply: compose(speakerFor(app, to), to), dedupKey: `${key}:${to.id}` });
  }
}

/** The dedupKey stem of the pushes an event causes. */
export function eventKey(eventId: number): string {
  return `cp:ev:${eventId}`;
}
