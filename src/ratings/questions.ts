// Asking the questionnaire in a chat: each question's text and one button per answer, in the
// person's language, from the questionnaire's data. A button carries its question's id
// (`rf:<question>:<answer>`), so a button pressed from an older question is recognised and the
// current question asked again.
import { button, column } from '../conversation/replies.js';
import type { Button } from '../conversation/types.js';
import type { Locale, Translate } from '../i18n/index.js';
import { textIn, type Questionnaire } from './questionnaire.js';

/** Prefix of the rating dialogue's button payloads (handled by the flow, not a ButtonRoute). */
export const RATING_PAYLOAD_PREFIX = 'rf';
/** Two parts, where an answer has three: it can never be mistaken for one. */
export const SKIP_COMMENT = `${RATING_PAYLOAD_PREFIX}:skip`;
export const COMMENT_STEP = 'comment';

/** The step after `step`: the next question, then the comment if the questionnaire has one, then null. */
export function nextStep(q: Questionnaire, step: string): string | null {
  const at = q.questions.findIndex((x) => x.id === step);
  if (at >= 0 && at + 1 < q.questions.length) return q.questions[at + 1].id;
  return at >= 0 && q.comment ? COMMENT_STEP : null;
}

/** The answer value a payload gives for the question, or null when it belongs elsewhere. */
export function answerOf(q: Questionnaire, step: string, payload: string | undefined): string | null {
  const question = q.questions.find((x) => x.id === step);
  const prefix = `${RATING_PAYLOAD_PREFIX}:${step}:`;
  if (!question || !payload?.startsWith(prefix)) return null;
  const value = payload.slice(prefix.length);
  return question.answers.some((a) => a.value === value) ? value : null;
}

/** Question text and buttons for a step, or null when the questionnaire has no such step. */
export function ask(t: Translate, locale: Locale, q: Questionnaire, step: string): { text: string; buttons: Button[][] } | null {
  if (step === COMMENT_STEP) {
    return q.comment ? { text: textIn(q.comment.text, locale), buttons: column([button(t('rating-button-skip'), SKIP_COMMENT)]) } : null;
  }
  const question = q.questions.find((x) => x.id === step);
  if (!question) return null;
  return {
    text: textIn(question.text, locale),
    buttons: column(question.answers.map((a) => button(textIn(a.text, locale), `${RATING_PAYLOAD_PREFIX}:${question.id}:${a.value}`))),
  };
}
