// Raising an alert about a rating. Which answers raise one is the questionnaire's data
// (`alert: true` on an answer); who hears of it, and how it is worded, is decided here and only
// here, inside the rating's own transaction, so that the rating and its alert are stored together.
import type { Services } from '../services.js';
import { managersOf } from '../accounts/scope.js';
import type { Tx } from '../db/index.js';
import type { Dossier } from '../generated/prisma/client.js';
import { enqueue } from '../outbox/enqueue.js';
import { dossierFacts } from '../dossiers/facts.js';
import { speakerFor } from '../accounts/accounts.js';
import { textIn, type Answer, type Question } from './questionnaire.js';

export interface RatingAlert {
  dossier: Dossier;
  /** The answers that raised it, in question order. */
  reasons: { question: Question; answer: Answer }[];
  comment: string | null;
}

/** Today the managers whose scope holds the dossier's commune are told, each in their language. */
export async function raiseRatingAlert(tx: Tx, services: Pick<Services, 'i18n'>, alert: RatingAlert): Promise<void> {
  const { dossier, reasons, comment } = alert;
  const managers = await managersOf(tx, dossier.communeId);
  if (!managers.length) return;
  const facts = await dossierFacts(tx, dossier);
  for (const manager of managers) {
    const { locale, t } = speakerFor(services.i18n, manager);
    const because = reasons.map(({ question, answer }) => `${textIn(question.label, locale)}: ${textIn(answer.text, locale)}`);
    await enqueue(tx, {
      to: manager,
      dedupKey: `rating-alert:${dossier.id}:${manager.id}`,
      reply: {
        text: t('rating-alert', {
          code: dossier.code,
          procedure: facts.procedure,
          commune: facts.commune,
          reasons: because.join('; '),
          comment: comment ?? '',
          hasComment: comment ? 'yes' : 'no',
        }),
      },
    });
  }
}
