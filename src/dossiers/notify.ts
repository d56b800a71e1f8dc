// Pushes about a dossier to the citizen who follows it. They go through the outbox inside the
// caller's transaction, in the follower's language, once per dedupKey.
import type { Services } from '../services.js';
import { speakerFor } from '../accounts/accounts.js';
import type { Tx } from '../db/index.js';
import type { Account, Dossier } from '../generated/prisma/client.js';
import type { Translate } from '../i18n/index.js';
import type { Reply } from '../conversation/types.js';
import { enqueue } from '../outbox/enqueue.js';

/**
 * Queues `build(t)` for the dossier's follower; returns the follower, or null when nobody
 * follows the dossier (then nothing is queued).
 */
export async function pushToFollower(
  tx: Tx,
  services: Pick<Services, 'i18n'>,
  dossier: Pick<Dossier, 'followerId'>,
  dedupKey: string,
  build: (t: Translate, follower: Account) => Reply,
  notBefore?: Date,
): Promise<Account | null> {
  if (!dossier.followerId) return null;
  const follower = await tx.account.findUnique({ where: { id: dossier.followerId } });
  if (!follower) return null;
  await enqueue(tx, { to: follower, reply: build(speakerFor(services.i18n, follower).t, follower), dedupKey, notBefore });
  return follower;
}
