// Asking the follower of a returned dossier to rate it: the request at once and one reminder
// 24 hours later, both queued in the transaction that marks the dossier returned.
//
// The reminder cannot reach someone who has rated: it waits in the outbox (notBefore) and
// the rating's own transaction deletes it while it is still waiting (see submitRating). A
// reminder that is already being sent at that very instant is the only one that can still
// arrive, and its button then answers that the dossier is already rated.
import type { Translate } from '../i18n/index.js';
import type { Services } from '../services.js';
import type { Tx } from '../db/index.js';
import type { Dossier } from '../generated/prisma/client.js';
import { button } from '../conversation/replies.js';
import type { Reply } from '../conversation/types.js';
import type { DossierFacts } from '../dossiers/facts.js';
import { pushToFollower } from '../dossiers/notify.js';
import { formatVnDate } from '../shared/vntime.js';

/** Button route that starts the rating dialogue from a push: `rt:<dossier id>` (followers only). */
export const RATE_BUTTON_PREFIX = 'rt';
export const REMINDER_DELAY_MS = 24 * 60 * 60 * 1000;

export const reminderKey = (dossierId: number) => `rating-remind:${dossierId}`;

function rateButton(t: Translate, dossierId: number): Reply['buttons'] {
  return [[button(t('rating-button-rate'), `${RATE_BUTTON_PREFIX}:${dossierId}`)]];
}

/**
 * Returns true when there is a follower to ask (then the request and the reminder are queued).
 * `reportTo`: the official who handed the result back, told if the request does not arrive.
 */
export async function requestRating(
  tx: Tx,
  services: Pick<Services, 'i18n'>,
  dossier: Dossier,
  facts: DossierFacts,
  now: Date,
  reportTo?: number | null,
): Promise<boolean> {
  if (dossier.tokenUsedAt) return false;
  const args = { code: dossier.code, procedure: facts.procedure, outcome: dossier.outcome ?? 'none' };
  const about = {
    kind: 'rating_request' as const,
    data: {
      code: dossier.code,
      procedure: facts.procedure,
      citizenName: dossier.citizenName ?? '',
      returnedDate: formatVnDate(dossier.returnedAt ?? now),
    },
  };
  const follower = await pushToFollower(
    tx,
    services,
    dossier,
    `rating-request:${dossier.id}`,
    (t) => ({ text: t('rating-request', args), buttons: rateButton(t, dossier.id) }),
    { about, reportTo },
  );
  if (!follower) return false;
  const remindAt = new Date(now.getTime() + REMINDER_DELAY_MS);
  await pushToFollower(
    tx,
    services,
    dossier,
    reminderKey(dossier.id),
    (t) => ({ text: t('rating-reminder', args), buttons: rateButton(t, dossier.id) }),
    { notBefore: remindAt },
  );
  await tx.dossier.update({ where: { id: dossier.id }, data: { ratingRequestedAt: now, ratingRemindedAt: remindAt } });
  return true;
}

/** Called in the rating's transaction: a reminder still waiting is deleted, so it never goes out. */
export async function withdrawReminder(tx: Tx, dossierId: number): Promise<void> {
  await tx.outboxMessage.deleteMany({ where: { dedupKey: reminderKey(dossierId), status: { in: ['pending', 'held'] } } });
}
