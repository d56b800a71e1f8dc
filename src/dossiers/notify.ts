// Pushes about a dossier to the citizen who follows it. They go through the outbox inside the
// caller's transaction, in the follower's language, once per dedupKey.
import type { Services } from '../services.js';
import { speakerFor } from '../accounts/accounts.js';
import type { Tx } from '../db/index.js';
import type { Account, Dossier } from '../generated/prisma/client.js';
import type { Translate } from '../i18n/index.js';
import type { Reply } from '../conversation/types.js';
import { enqueue } from '../outbox/enqueue.js';
import type { PushInfo, PushKind } from '../outbox/types.js';

export interface PushOptions {
  notBefore?: Date;
  /**
   * What the push is about and its values for a template's parameters: a channel whose window
   * has closed (Zalo after 7 days) may send it as an approved template message instead.
   */
  about?: { kind: PushKind; data: Record<string, string> };
  /** The official who asked for it: told if it does not reach the citizen. */
  reportTo?: number | null;
}

type Followed = Pick<Dossier, 'followerId' | 'citizenPhone' | 'phoneConsentAt'>;

/**
 * Queues `build(t)` for the dossier's follower; returns the follower, or null when nobody
 * follows the dossier (then nothing is queued).
 */
export async function pushToFollower(
  tx: Tx,
  services: Pick<Services, 'i18n'>,
  dossier: Followed,
  dedupKey: string,
  build: (t: Translate, follower: Account) => Reply,
  options: PushOptions = {},
): Promise<Account | null> {
  if (!dossier.followerId) return null;
  const follower = await tx.account.findUnique({ where: { id: dossier.followerId } });
  if (!follower) return null;
  const reply = build(speakerFor(services.i18n, follower).t, follower);
  const reportTo = options.reportTo ?? undefined;
  await enqueue(tx, { to: follower, reply, dedupKey, notBefore: options.notBefore, push: pushInfo(dossier, options.about), reportTo });
  return follower;
}

/** The phone goes with the push only when the citizen agreed to be told by phone. */
function pushInfo(dossier: Followed, about: PushOptions['about']): PushInfo | undefined {
  if (!about) return undefined;
  const phone = dossier.citizenPhone && dossier.phoneConsentAt ? dossier.citizenPhone : undefined;
  return { ...about, ...(phone ? { phone } : {}) };
}
