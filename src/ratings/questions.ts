// The questionnaire after a transaction, after Bắc Giang's one-stop survey: overall level (the
// national 3 levels plus "Bình thường"), timeliness, attitude, guidance, and the harassment
// signal "were you asked or hinted to pay anything extra?". Each step's buttons carry the
// step's letter (`rf:<step>:<value>`), so a button pressed from an older question is
// recognised and the current question asked again.
import { button, column } from '../conversation/replies.js';
import type { Button } from '../conversation/types.js';
import type { MessageId, Translate } from '../i18n/index.js';

/** Prefix of the rating dialogue's button payloads (handled by the flow, not a ButtonRoute). */
export const RATING_PAYLOAD_PREFIX = 'rf';

export const timelinessValues = ['early', 'on_time', 'late_notified', 'late_unnotified'] as const;
export type Timeliness = (typeof timelinessValues)[number];

export interface Answers {
  overall?: number;
  timeliness?: Timeliness;
  attitude?: number;
  guidance?: number;
  askedExtra?: boolean;
}

export type Step = 'overall' | 'timeliness' | 'attitude' | 'guidance' | 'extra' | 'comment';

interface Question {
  letter: string;
  /** Accepted values, in the order the buttons show them. */
  values: readonly string[];
  next: Step;
  apply(answers: Answers, value: string): Answers;
}

/** Levels 4 (best) … 1, as stored in Rating.overall / attitude / guidance. */
const levels = ['4', '3', '2', '1'] as const;

export const questions: Record<Exclude<Step, 'comment'>, Question> = {
  overall: { letter: 'o', values: levels, next: 'timeliness', apply: (a, v) => ({ ...a, overall: Number(v) }) },
  timeliness: {
    letter: 't',
    values: timelinessValues,
    next: 'attitude',
    apply: (a, v) => ({ ...a, timeliness: v as Timeliness }),
  },
  attitude: { letter: 'a', values: levels, next: 'guidance', apply: (a, v) => ({ ...a, attitude: Number(v) }) },
  guidance: { letter: 'g', values: levels, next: 'extra', apply: (a, v) => ({ ...a, guidance: Number(v) }) },
  extra: { letter: 'x', values: ['yes', 'no'], next: 'comment', apply: (a, v) => ({ ...a, askedExtra: v === 'yes' }) },
};

export const SKIP_COMMENT = `${RATING_PAYLOAD_PREFIX}:c:skip`;
export const MAX_COMMENT_CHARS = 1000;

/** The value a payload gives for the step, or null when it belongs to another step. */
export function answerOf(step: Exclude<Step, 'comment'>, payload: string | undefined): string | null {
  const q = questions[step];
  const prefix = `${RATING_PAYLOAD_PREFIX}:${q.letter}:`;
  if (!payload?.startsWith(prefix)) return null;
  const value = payload.slice(prefix.length);
  return q.values.includes(value) ? value : null;
}

/** Question text and buttons for a step (`rating-q-<step>`, labels `rating-a-<step>-<value>`). */
export function ask(t: Translate, step: Step): { text: string; buttons: Button[][] } {
  if (step === 'comment') return { text: t('rating-q-comment'), buttons: column([button(t('rating-button-skip'), SKIP_COMMENT)]) };
  const q = questions[step];
  return {
    text: t(`rating-q-${step}`),
    buttons: column(q.values.map((v) => button(t(`rating-a-${step}-${v}` as MessageId), // built from the question's values; a missing one is logged
        `${RATING_PAYLOAD_PREFIX}:${q.letter}:${v}`))),
  };
}
