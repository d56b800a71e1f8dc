// Pushes about a dossier to the citizen who follows it. They go through the outbox inside the
// caller's transaction, in the follower's language, once per dedupKey.
import type { App } from '../app.js';
import { localeOf } from '../accounts/accounts.js';
import type { Tx } from '../db/index.js';
import type { Account, Dossier } from '../generated/prisma/client.js';
import type { MessageArgs } from '../i18n/index.js';
import type { Reply } from '../conversation/types.js';
import { enqueue } from '../outbox/enqueue.js';

export type Translate = (id: string, args?: MessageArgs) => string;

/** Strings in the language of the person a push goes to (not of the person who caused it). */
export function translatorFor(app: Pick<App, 'i18n'>, account: Pick<Account, 'locale'>): Translate {
  const locale = localeOf(account);
  return (id, args) => app.i18n.t(locale, id, args);
}

/**
 * Queues `build(t)` for the dossier's follower; returns the follower, or null when nobody
 * follows the dossier (then nothing is queued).
 */
export async function pushToFollower(
  tx: Tx,
  app: Pick<App, 'i18n'>,
  dossier: Pick<Dossier, 'followerId'>,
  dedupKey: string,
  build: (t: Translate, follower: Account) => Reply,
  notBefore?: Date,
): Promise<Account | null> {
  if (!dossier.followerId) return null;
  const follower = await tx.account.findUnique({ where: { id: dossier.followerId } });
  if (!follower) return null;
  await enqueue(tx, { to: follower, reply: build(translatorFor(app, follower), follower), dedupKey, notBefore });
  return follower;
}
