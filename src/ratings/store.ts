// Storing a rating: one per dossier, the token consumed in the same transaction. The
// conditional update (`tokenUsedAt IS NULL`) is the lock: of two submissions at the same
// moment exactly one changes the row and stores its Rating; Rating.dossierId is unique as
// a second line of defence. The same transaction withdraws the pending reminder and, for a
// "Không hài lòng" or an extra-payment report, alerts the commune's managers.
import type { Services } from '../services.js';
import { managersOf } from '../accounts/scope.js';
import { isUniqueViolation } from '../db/index.js';
import type { Account, Dossier } from '../generated/prisma/client.js';
import { enqueue } from '../outbox/enqueue.js';
import { dossierFacts } from '../dossiers/facts.js';
import { speakerFor } from '../accounts/accounts.js';
import type { Timeliness } from './questions.js';
import { withdrawReminder } from './request.js';

export interface RatingInput {
  overall: number;
  timeliness: Timeliness;
  attitude: number;
  guidance: number;
  askedExtra: boolean;
  comment?: string | null;
}

export type SubmitResult = 'stored' | 'already_rated' | 'expired';

/** Level 1 = Không hài lòng. Such a rating, or a report of extra payment, alerts the managers. */
export const needsAttention = (r: Pick<RatingInput, 'overall' | 'askedExtra'>) => r.overall === 1 || r.askedExtra;

type Deps = Pick<Services, 'db' | 'clock' | 'i18n'>;

export async function submitRating(services: Deps, dossier: Dossier, by: Account, rating: RatingInput): Promise<SubmitResult> {
  const now = services.clock.now();
  // Read before the transaction: on SQLite a transaction holds the only connection.
  const managers = needsAttention(rating) ? await managersOf(services.db, dossier.communeId) : [];
  const facts = managers.length ? await dossierFacts(services.db, dossier) : null;
  try {
    return await services.db.$transaction(async (tx) => {
      const claimed = await tx.dossier.updateMany({
        where: { id: dossier.id, status: 'returned', tokenUsedAt: null, tokenExpiresAt: { gt: now } },
        data: { tokenUsedAt: now },
      });
      if (claimed.count === 0) {
        const current = await tx.dossier.findUnique({ where: { id: dossier.id }, select: { tokenUsedAt: true } });
        return current?.tokenUsedAt ? 'already_rated' : 'expired';
      }
      await tx.rating.create({
        data: { dossierId: dossier.id, accountId: by.id, ...rating, comment: rating.comment ?? null, createdAt: now },
      });
      await withdrawReminder(tx, dossier.id);
      for (const manager of managers) {
        const t = speakerFor(services.i18n, manager).t;
        await enqueue(tx, {
          to: manager,
          dedupKey: `rating-alert:${dossier.id}:${manager.id}`,
          reply: {
            text: t('rating-alert', {
              code: dossier.code,
              procedure: facts!.procedure,
              commune: facts!.commune,
              overall: rating.overall,
              extra: rating.askedExtra ? 'yes' : 'no',
              comment: rating.comment ?? '',
              hasComment: rating.comment ? 'yes' : 'no',
            }),
          },
        });
      }
      return 'stored';
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'already_rated';
    throw error;
  }
}
