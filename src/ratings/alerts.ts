// Raising an alert about a rating. Which answers raise one is the questionnaire's data
// (`alert: true` on an answer); who hears of it, and how it is worded, is decided here and only
// here, inside the rating's own transaction, so that the rating and its alert are stored together.
import type { Services } from '../services.js';
import type { Tx } from '../db/index.js';
import type { Dossier } from '../generated/prisma/client.js';
import { dossierFacts } from '../dossiers/facts.js';
import { dossierActors } from '../dossiers/actors.js';
import { alertLeadership, type AlertOutcome } from '../alerts/leadership.js';
import { textIn, type Answer, type Question } from './questionnaire.js';

export interface RatingAlert {
  dossier: Dossier;
  /** The answers that raised it, in question order. */
  reasons: { question: Question; answer: Answer }[];
  comment: string | null;
}

/**
 * The commune's managers are told, else the province's, each in their language; with nobody in
 * scope the alert is kept for the first manager who signs up. Says which happened.
 */
export async function raiseRatingAlert(tx: Tx, services: Pick<Services, 'i18n'>, alert: RatingAlert): Promise<AlertOutcome> {
  const { dossier, reasons, comment } = alert;
  const facts = await dossierFacts(tx, dossier);
  // Never to whoever registered or handled the dossier, even a manager: the alert may be about them.
  const actors = await dossierActors(tx, dossier.code);
  return alertLeadership(tx, services, dossier.communeId, `rating-alert:${dossier.id}`, ({ locale, t }) => {
    const because = reasons.map(({ question, answer }) => `${textIn(question.label, locale)}: ${textIn(answer.text, locale)}`);
    return {
      text: t('rating-alert', {
        code: dossier.code,
        procedure: facts.procedure,
        commune: facts.commune,
        reasons: because.join('; '),
        comment: comment ?? '',
        hasComment: comment ? 'yes' : 'no',
      }),
    };
  }, actors);
}
