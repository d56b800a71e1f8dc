// The rating dialogue, the same on every channel: buttons for each question, state in the
// database (DialogueState), stored only at the end. It starts from a dossier the person has
// proven to hold (receipt link or code) or follows (the pushed request's button).
import type { MessageId } from '../i18n/index.js';
import { z } from 'zod';
import type { ButtonRoute, Ctx, FlowSpec, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import type { Dossier } from '../generated/prisma/client.js';
import { ask, answerOf, MAX_COMMENT_CHARS, questions, SKIP_COMMENT, timelinessValues, type Answers, type Step } from './questions.js';
import { RATE_BUTTON_PREFIX } from './request.js';
import { needsAttention, submitRating, type RatingInput } from './store.js';

export const RATING_FLOW = 'rating';

const level = z.number().int().min(1).max(4);
/** The dialogue's stored answers so far. */
const stateSchema = z.object({
  dossierId: z.number().int(),
  overall: level.optional(),
  timeliness: z.enum(timelinessValues).optional(),
  attitude: level.optional(),
  guidance: level.optional(),
  askedExtra: z.boolean().optional(),
});

/**
 * The button that turns an unhappy rating into a complaint: `cp:d:<dossier code>`. The
 * complaints module owns the `cp` prefix and opens a complaint about that dossier.
 */
export const complaintPayload = (dossierCode: string) => `cp:d:${dossierCode}`;

/** Why a dossier cannot be rated now, or null when it can. */
function notRateable(ctx: Ctx, dossier: Dossier): MessageId | null {
  if (dossier.tokenUsedAt) return 'rating-already';
  if (dossier.tokenExpiresAt.getTime() <= ctx.services.clock.now().getTime()) return 'dossier-open-expired';
  if (dossier.status !== 'returned') return 'rating-not-yet';
  return null;
}

export async function startRating(ctx: Ctx, dossier: Dossier): Promise<Reply[]> {
  const refusal = notRateable(ctx, dossier);
  if (refusal) {
    await ctx.clearDialogue();
    return [{ text: ctx.t(refusal) }];
  }
  await ctx.setDialogue(RATING_FLOW, 'overall', { dossierId: dossier.id });
  const first = ask(ctx.t, 'overall');
  return [{ text: `${ctx.t('rating-intro', { code: dossier.code })}\n\n${first.text}`, buttons: first.buttons }];
}

export const ratingFlow: FlowSpec = {
  name: RATING_FLOW,
  async onInput(ctx, state, input) {
    const step = state.step as Step;
    const parsed = stateSchema.safeParse(state.data);
    if (!parsed.success) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('button-expired') }];
    }
    const { dossierId, ...answers } = parsed.data;
    if (step === 'comment') {
      if (input.payload === SKIP_COMMENT) return finish(ctx, dossierId, answers, null);
      const comment = input.text?.trim();
      if (!comment) return [again(ctx, step)];
      if (comment.length > MAX_COMMENT_CHARS) return [{ text: ctx.t('rating-comment-too-long', { max: MAX_COMMENT_CHARS }) }];
      return finish(ctx, dossierId, answers, comment);
    }
    const question = questions[step];
    if (!question) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('button-expired') }];
    }
    const value = answerOf(step, input.payload);
    if (value === null) return [again(ctx, step)];
    const next = question.next;
    await ctx.setDialogue(RATING_FLOW, next, { dossierId, ...question.apply(answers, value) });
    return [ask(ctx.t, next)];
  },
};

/** Typed text or a stale button while a question waits: the same question again. */
function again(ctx: Ctx, step: Step): Reply {
  const q = ask(ctx.t, step);
  return { text: `${ctx.t('rating-use-buttons')}\n\n${q.text}`, buttons: q.buttons };
}

async function finish(ctx: Ctx, dossierId: number, answers: Answers, comment: string | null): Promise<Reply[]> {
  await ctx.clearDialogue();
  const dossier = await ctx.services.db.dossier.findUnique({ where: { id: dossierId } });
  const { overall, timeliness, attitude, guidance, askedExtra } = answers;
  if (!dossier || !overall || !timeliness || !attitude || !guidance || askedExtra === undefined) {
    return [{ text: ctx.t('button-expired') }];
  }
  const rating: RatingInput = { overall, timeliness, attitude, guidance, askedExtra, comment };
  const result = await submitRating(ctx.services, dossier, ctx.account, rating);
  if (result === 'already_rated') return [{ text: ctx.t('rating-already') }];
  if (result === 'expired') return [{ text: ctx.t('dossier-open-expired') }];
  if (!needsAttention(rating)) return [{ text: ctx.t('rating-thanks') }];
  return [
    {
      text: ctx.t('rating-thanks-concern', { extra: askedExtra ? 'yes' : 'no' }),
      buttons: column([button(ctx.t('rating-button-complain'), complaintPayload(dossier.code))]),
    },
  ];
}

/** `rt:<dossier id>` from a pushed request or reminder: only the dossier's follower may use it. */
export const rateButton: ButtonRoute = {
  prefix: RATE_BUTTON_PREFIX,
  async run(ctx, rest) {
    const id = Number(rest);
    const dossier = Number.isSafeInteger(id) ? await ctx.services.db.dossier.findUnique({ where: { id } }) : null;
    if (!dossier || dossier.followerId !== ctx.account.id) return [{ text: ctx.t('rating-not-follower') }];
    return startRating(ctx, dossier);
  },
};
