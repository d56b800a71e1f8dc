// Storing a rating: one per dossier, the token consumed in the same transaction. The
// conditional update (`tokenUsedAt IS NULL`) is the lock: of two submissions at the same
// moment exactly one changes the row and stores its Rating; Rating.dossierId is unique as
// a second line of defence. The same transaction withdraws the pending reminder and raises
// the alert when an answer the questionnaire marks `alert: true` was chosen.
import type { Services } from '../services.js';
import { isUniqueViolation } from '../db/index.js';
import type { Account, Dossier } from '../generated/prisma/client.js';
import { alertingAnswers, scoreAnswers, type Answers, type Questionnaire } from './questionnaire.js';
import { raiseRatingAlert } from './alerts.js';
import { withdrawReminder } from './request.js';

export interface RatingInput {
  questionnaire: Questionnaire;
  answers: Answers;
  comment?: string | null;
}

export type SubmitResult =
  /** alerted: an answer raised an alert; leadershipTold: it was queued for a manager (else kept for the first one). */
  | { status: 'stored'; alerted: boolean; leadershipTold: boolean; askedExtra: boolean }
  | { status: 'already_rated' | 'expired' | 'incomplete' };

type Deps = Pick<Services, 'db' | 'clock' | 'i18n'>;

export async function submitRating(services: Deps, dossier: Dossier, by: Account, input: RatingInput): Promise<SubmitResult> {
  const { questionnaire, answers } = input;
  const scored = scoreAnswers(questionnaire, answers);
  if (!scored) return { status: 'incomplete' };
  const reasons = alertingAnswers(questionnaire, answers);
  const comment = input.comment ?? null;
  const now = services.clock.now();
  try {
    return await services.db.$transaction(async (tx): Promise<SubmitResult> => {
      const claimed = await tx.dossier.updateMany({
        where: { id: dossier.id, status: 'returned', tokenUsedAt: null, tokenExpiresAt: { gt: now } },
        data: { tokenUsedAt: now },
      });
      if (claimed.count === 0) {
        const current = await tx.dossier.findUnique({ where: { id: dossier.id }, select: { tokenUsedAt: true } });
        return { status: current?.tokenUsedAt ? 'already_rated' : 'expired' };
      }
      // Only the questionnaire's own questions are kept, in its order.
      const kept = Object.fromEntries(questionnaire.questions.map((q) => [q.id, answers[q.id]]));
      await tx.rating.create({
        data: {
          dossierId: dossier.id,
          accountId: by.id,
          questionnaire: questionnaire.key,
          answers: JSON.stringify(kept),
          level: scored.level,
          askedExtra: scored.askedExtra,
          comment,
          createdAt: now,
        },
      });
      await withdrawReminder(tx, dossier.id);
      const outcome = reasons.length ? await raiseRatingAlert(tx, services, { dossier, reasons, comment }) : null;
      return { status: 'stored', alerted: outcome !== null, leadershipTold: outcome === 'told', askedExtra: scored.askedExtra };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'already_rated' };
    throw error;
  }
}
