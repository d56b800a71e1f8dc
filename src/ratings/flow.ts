// The rating dialogue, the same on every channel: the configured questionnaire's questions one
// by one with a button per answer, state in the database (DialogueState), stored only at the
// end. It starts from a dossier the person has proven to hold (receipt link or code) or follows
// (the pushed request's button). The dialogue keeps the questionnaire version it started with.
import { z } from 'zod';
import type { MessageId } from '../i18n/index.js';
import type { ButtonRoute, Ctx, FlowSpec, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import type { Dossier } from '../generated/prisma/client.js';
import { ask, answerOf, COMMENT_STEP, nextStep, SKIP_COMMENT } from './questions.js';
import { loadQuestionnaire, type Answers, type Questionnaire } from './questionnaire.js';
import { RATE_BUTTON_PREFIX } from './request.js';
import { submitRating } from './store.js';

export const RATING_FLOW = 'rating';

/** The dialogue's stored state. */
const stateSchema = z.object({
  dossierId: z.number().int(),
  questionnaire: z.string(),
  answers: z.record(z.string(), z.string()),
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

/** The version new dialogues ask (checked to exist at start-up). */
async function activeQuestionnaire(ctx: Ctx): Promise<Questionnaire> {
  const key = ctx.services.config.RATING_QUESTIONNAIRE;
  const q = await loadQuestionnaire(ctx.services.db, key);
  if (!q) throw new Error(`questionnaire ${key} is missing`);
  return q;
}

export async function startRating(ctx: Ctx, dossier: Dossier): Promise<Reply[]> {
  const refusal = notRateable(ctx, dossier);
  if (refusal) {
    await ctx.clearDialogue();
    return [{ text: ctx.t(refusal) }];
  }
  const q = await activeQuestionnaire(ctx);
  const first = q.questions[0].id;
  await ctx.setDialogue(RATING_FLOW, first, { dossierId: dossier.id, questionnaire: q.key, answers: {} });
  const question = ask(ctx.t, ctx.locale, q, first)!;
  return [{ text: `${ctx.t('rating-intro', { code: dossier.code })}\n\n${question.text}`, buttons: question.buttons }];
}

export const ratingFlow: FlowSpec = {
  name: RATING_FLOW,
  async onInput(ctx, state, input) {
    const parsed = stateSchema.safeParse(state.data);
    const q = parsed.success ? await loadQuestionnaire(ctx.services.db, parsed.data.questionnaire) : null;
    const step = state.step;
    if (!parsed.success || !q || !ask(ctx.t, ctx.locale, q, step)) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('button-expired') }];
    }
    const { dossierId, answers } = parsed.data;
    if (step === COMMENT_STEP) {
      if (input.payload === SKIP_COMMENT) return finish(ctx, q, dossierId, answers, null);
      const comment = input.text?.trim();
      if (!comment) return [again(ctx, q, step)];
      const max = q.comment!.maxChars;
      if (comment.length > max) return [{ text: ctx.t('rating-comment-too-long', { max }) }];
      return finish(ctx, q, dossierId, answers, comment);
    }
    const value = answerOf(q, step, input.payload);
    if (value === null) return [again(ctx, q, step)];
    const answered = { ...answers, [step]: value };
    const next = nextStep(q, step);
    if (next === null) return finish(ctx, q, dossierId, answered, null);
    await ctx.setDialogue(RATING_FLOW, next, { dossierId, questionnaire: q.key, answers: answered });
    return [ask(ctx.t, ctx.locale, q, next)!];
  },
};

/** Typed text or a stale button while a question waits: the same question again. */
function again(ctx: Ctx, q: Questionnaire, step: string): Reply {
  const question = ask(ctx.t, ctx.locale, q, step)!;
  return { text: `${ctx.t('rating-use-buttons')}\n\n${question.text}`, buttons: question.buttons };
}

async function finish(ctx: Ctx, q: Questionnaire, dossierId: number, answers: Answers, comment: string | null): Promise<Reply[]> {
  await ctx.clearDialogue();
  const dossier = await ctx.services.db.dossier.findUnique({ where: { id: dossierId } });
  if (!dossier) return [{ text: ctx.t('button-expired') }];
  const result = await submitRating(ctx.services, dossier, ctx.account, { questionnaire: q, answers, comment });
  if (result.status !== 'stored') return [{ text: ctx.t(notStored[result.status]) }];
  if (!result.alerted) return [{ text: ctx.t('rating-thanks') }];
  return [
    {
      // Only what happened: "the leadership has been told" when an alert was queued for someone.
      text: ctx.t(result.leadershipTold ? 'rating-thanks-concern' : 'rating-thanks-concern-held', { extra: result.askedExtra ? 'yes' : 'no' }),
      buttons: column([button(ctx.t('rating-button-complain'), complaintPayload(dossier.code))]),
    },
  ];
}

const notStored = { incomplete: 'button-expired', already_rated: 'rating-already', expired: 'dossier-open-expired' } as const;

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
