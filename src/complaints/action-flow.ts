// Steps that need words or a choice before they happen: an official's question, answer,
// resolution, reason for rejecting, or the commune to forward to; a reporter's reply or reason
// for reopening. A button opens the step (after checking it is allowed); the next message does it.
import { z } from 'zod';
import type { Complaint } from '../generated/prisma/client.js';
import type { Ctx, DialogueInput, FlowSpec, Reply } from '../conversation/types.js';
import type { MessageId } from '../i18n/index.js';
import { formatVnDate } from '../shared/vntime.js';
import { communeButtons, pickCommune } from './communes.js';
import { questionPending, reopenAllowed, reopenComplaint, replyToQuestion } from './citizen.js';
import { ACT_FLOW } from './flow-names.js';
import { actOnComplaint, assertActionAllowed, complaintForHandler, type ActionInput } from './handling.js';
import { MAX_DESCRIPTION_CHARS, type OfficialAction } from './status.js';
import { lengthProblem } from './texts.js';

type TextAction = 'question' | 'answer' | 'resolve' | 'reject';
const steps = ['question', 'answer', 'resolve', 'reject', 'forward', 'reply', 'reopen'] as const;
type Step = (typeof steps)[number];

const askFor: Record<TextAction, MessageId> = {
  question: 'complaints-ask-question',
  answer: 'complaints-ask-answer',
  resolve: 'complaints-ask-resolution',
  reject: 'complaints-ask-reject',
};

const stateSchema = z.object({ step: z.enum(steps), data: z.object({ code: z.string().max(32) }) });

async function forwardQuestion(ctx: Ctx, complaint: Complaint): Promise<Reply> {
  const buttons = await communeButtons(ctx.services.db, complaint.communeId);
  const args = { code: complaint.code };
  return buttons ? { text: ctx.t('complaints-ask-forward', args), buttons } : { text: ctx.t('complaints-ask-forward-typed', args) };
}

async function perform(ctx: Ctx, code: string, action: OfficialAction, input: ActionInput): Promise<Reply[]> {
  const { target } = await actOnComplaint(ctx.services, ctx.account, code, action, input);
  await ctx.clearDialogue();
  return [{ text: ctx.t('complaints-done', { action, code, commune: target?.name ?? '' }) }];
}

/** An official pressed an action button: act at once (acknowledge) or ask for what the step needs. */
export async function beginAction(ctx: Ctx, code: string, action: OfficialAction): Promise<Reply[]> {
  const complaint = await complaintForHandler(ctx.services, ctx.account, code);
  assertActionAllowed(complaint, action);
  if (action === 'acknowledge') return perform(ctx, code, action, {});
  await ctx.setDialogue(ACT_FLOW, action, { code });
  if (action === 'forward') return [await forwardQuestion(ctx, complaint)];
  return [{ text: ctx.t(askFor[action]) }];
}

export async function beginReply(ctx: Ctx, code: string): Promise<Reply[]> {
  await questionPending(ctx.services, ctx.account, code);
  await ctx.setDialogue(ACT_FLOW, 'reply', { code });
  return [{ text: ctx.t('complaints-ask-reply', { code }) }];
}

export async function beginReopen(ctx: Ctx, code: string): Promise<Reply[]> {
  const complaint = await reopenAllowed(ctx.services, ctx.account, code);
  await ctx.setDialogue(ACT_FLOW, 'reopen', { code });
  return [{ text: ctx.t(complaint.status === 'rejected' ? 'complaints-ask-review' : 'complaints-ask-reopen', { code }) }];
}

/** The typed words for a step, or the reason they cannot be used (the step stays open). */
function typedNote(ctx: Ctx, input: DialogueInput): { note: string } | { replies: Reply[] } {
  const note = input.text?.trim() ?? '';
  const problem = lengthProblem(note, MAX_DESCRIPTION_CHARS);
  if (!problem) return { note };
  const id = problem === 'empty' ? 'complaints-note-empty' : 'complaints-note-too-long';
  return { replies: [{ text: ctx.t(id, { length: note.length, max: MAX_DESCRIPTION_CHARS }) }] };
}

async function onInput(ctx: Ctx, step: Step, code: string, input: DialogueInput): Promise<Reply[]> {
  if (step === 'forward') {
    const complaint = await complaintForHandler(ctx.services, ctx.account, code);
    const picked = await pickCommune(ctx, input, await forwardQuestion(ctx, complaint), complaint.communeId);
    return 'replies' in picked ? picked.replies : perform(ctx, code, 'forward', { toCommuneId: picked.commune.id });
  }
  const typed = typedNote(ctx, input);
  if ('replies' in typed) return typed.replies;
  switch (step) {
    case 'reply':
      await replyToQuestion(ctx.services, ctx.account, code, typed.note);
      await ctx.clearDialogue();
      return [{ text: ctx.t('complaints-reply-sent', { code }) }];
    case 'reopen': {
      const { complaint, review, outcome } = await reopenComplaint(ctx.services, ctx.account, code, typed.note);
      await ctx.clearDialogue();
      const due = formatVnDate(complaint.dueAt);
      return [{ text: review ? ctx.t('complaints-review-sent', { code, due, outcome }) : ctx.t('complaints-reopened', { code, due }) }];
    }
    default:
      return perform(ctx, code, step, { note: typed.note });
  }
}

export const actionFlow: FlowSpec = {
  name: ACT_FLOW,
  async onInput(ctx, state, input) {
    const parsed = stateSchema.safeParse(state);
    if (!parsed.success) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('button-expired') }];
    }
    // A refused step ends the dialogue (the core does that), so the next message is not taken for it again.
    return onInput(ctx, parsed.data.step, parsed.data.data.code, input);
  },
};
