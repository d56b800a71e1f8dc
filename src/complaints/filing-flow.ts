// The filing dialogue: commune → category → description → photo → dossier → anonymity, each
// step skipped when already known (a complaint offered after a bad rating knows the commune
// and the dossier). The draft lives in the dialogue state and is validated on every read.
import { z } from 'zod';
import type { Commune } from '../generated/prisma/client.js';
import type { Ctx, DialogueInput, FlowSpec, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import { formatVnDate } from '../shared/vntime.js';
import type { ComplaintCategories, ComplaintCategory } from './categories.js';
import type { Locale } from '../i18n/index.js';
import { normalize } from '../procedures/normalize.js';
import { communeButtons, pickCommune } from './communes.js';
import { mentionsDenunciation } from './denunciation.js';
import { checkDailyLimit, fileComplaint } from './filing.js';
import { FILE_FLOW, FLOW_PREFIX } from './flow-names.js';
import { attachmentSchema } from './render.js';
import { MAX_DESCRIPTION_CHARS } from './status.js';
import { lengthProblem, reporterName } from './texts.js';

const MAX_ATTACHMENTS = 10;

const draftSchema = z.object({
  communeId: z.number().int().optional(),
  category: z.string().optional(),
  description: z.string().optional(),
  /** [] once the photo step was skipped. */
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS).optional(),
  /** null once the dossier step was skipped. */
  dossierCode: z.string().nullable().optional(),
});
export type Draft = z.infer<typeof draftSchema>;

type Step = 'commune' | 'category' | 'description' | 'photo' | 'dossier' | 'anonymity';

const SKIP = `${FLOW_PREFIX}:skip`;

/** What the channel passed along, kept only if it fits the stored shape. */
function acceptedAttachments(input: DialogueInput): z.infer<typeof attachmentSchema>[] {
  return (input.attachments ?? []).filter((a) => attachmentSchema.safeParse(a).success).slice(0, MAX_ATTACHMENTS);
}
const MAX_DOSSIER_CODE = 40;

function nextStep(d: Draft): Step {
  if (d.communeId === undefined) return 'commune';
  if (d.category === undefined) return 'category';
  if (d.description === undefined) return 'description';
  if (d.attachments === undefined) return 'photo';
  if (d.dossierCode === undefined) return 'dossier';
  return 'anonymity';
}

async function communeQuestion(ctx: Ctx): Promise<Reply> {
  const buttons = await communeButtons(ctx.services.db);
  return buttons ? { text: ctx.t('complaints-ask-commune'), buttons } : { text: ctx.t('complaints-ask-commune-typed') };
}

function skipButton(ctx: Ctx) {
  return [[button(ctx.t('complaints-button-skip'), SKIP)]];
}

/** Saves the draft at its next step and asks that step's question. */
async function ask(ctx: Ctx, draft: Draft, before: Reply[] = []): Promise<Reply[]> {
  const step = nextStep(draft);
  await ctx.setDialogue(FILE_FLOW, step, draft);
  const commune = draft.communeId ? await ctx.services.db.commune.findUnique({ where: { id: draft.communeId } }) : null;
  return [...before, await question(ctx, step, commune, draft.dossierCode ?? null)];
}

async function question(ctx: Ctx, step: Step, commune: Commune | null, dossierCode: string | null = null): Promise<Reply> {
  const categories = ctx.services.complaintCategories;
  switch (step) {
    case 'commune':
      return communeQuestion(ctx);
    case 'category':
      return {
        text: ctx.t('complaints-ask-category', { commune: commune?.name ?? '' }),
        buttons: column(categories.list.map((c) => button(c.label[ctx.locale], `${FLOW_PREFIX}:k:${c.key}`))),
      };
    case 'description':
      return { text: ctx.t('complaints-ask-description', { max: MAX_DESCRIPTION_CHARS }) };
    case 'photo':
      return { text: ctx.t('complaints-ask-photo'), buttons: skipButton(ctx) };
    case 'dossier':
      return { text: ctx.t('complaints-ask-dossier'), buttons: skipButton(ctx) };
    case 'anonymity':
      return {
        text: ctx.t('complaints-ask-anonymity', {
          commune: commune?.name ?? '',
          name: reporterName(ctx.t, ctx.account),
          dossier: dossierCode ? 'yes' : 'no',
        }),
        buttons: [
          [button(ctx.t('complaints-button-anonymous'), `${FLOW_PREFIX}:anon:1`)],
          [button(ctx.t('complaints-button-named'), `${FLOW_PREFIX}:anon:0`)],
        ],
      };
  }
}

/** Where denunciations and legal complaints go instead (with the commune's desk, when known). */
export async function legalRedirect(ctx: Ctx, communeId?: number): Promise<Reply[]> {
  await ctx.clearDialogue();
  const commune = communeId ? await ctx.services.db.commune.findUnique({ where: { id: communeId } }) : null;
  const lines = [ctx.t('complaints-legal-redirect')];
  if (commune?.deskAddress) lines.push(ctx.t('complaints-legal-redirect-place', { address: `${commune.name}, ${commune.deskAddress}` }));
  if (commune?.deskPhone) lines.push(ctx.t('complaints-legal-redirect-phone', { phone: commune.deskPhone }));
  return [{ text: lines.join('\n') }];
}

/** Starts (or restarts) filing with what is already known. Refuses when today's allowance is used. */
export async function startFiling(ctx: Ctx, draft: Draft, before: Reply[] = []): Promise<Reply[]> {
  await checkDailyLimit(ctx.services, ctx.account);
  return ask(ctx, draft, before);
}

/**
 * Filing that starts with the category already chosen: the one-tap button offered when a
 * message reads like a complaint. An unknown category starts plain filing.
 */
export async function startFilingWithCategory(ctx: Ctx, category: string): Promise<Reply[]> {
  const known = ctx.services.complaintCategories.get(category);
  return startFiling(ctx, known ? { category: known.key } : {});
}

async function onInput(ctx: Ctx, step: Step, draft: Draft, input: DialogueInput): Promise<Reply[]> {
  const { db } = ctx.services;
  const payload = input.payload ?? '';
  switch (step) {
    case 'commune': {
      const picked = await pickCommune(ctx, input, await communeQuestion(ctx));
      return 'replies' in picked ? picked.replies : ask(ctx, { ...draft, communeId: picked.commune.id });
    }
    case 'category': {
      const categories = ctx.services.complaintCategories;
      const key = payload.startsWith(`${FLOW_PREFIX}:k:`) ? payload.slice(FLOW_PREFIX.length + 3) : undefined;
      const chosen = key ? categories.get(key) : typedCategory(categories, ctx.locale, input.text ?? '');
      if (!chosen) return [{ text: ctx.t('complaints-category-pick') }, await question(ctx, 'category', await communeOf(ctx, draft))];
      return ask(ctx, { ...draft, category: chosen.key });
    }
    case 'description': {
      const text = input.text?.trim() ?? '';
      const photos = acceptedAttachments(input);
      const attachments = photos.length ? { attachments: photos } : {};
      if (text && mentionsDenunciation(text)) return legalRedirect(ctx, draft.communeId);
      const problem = lengthProblem(text, MAX_DESCRIPTION_CHARS);
      if (problem) {
        // A photo sent before the words is kept; only the description is asked again.
        await ctx.setDialogue(FILE_FLOW, 'description', { ...draft, ...attachments });
        const id = problem === 'empty' ? 'complaints-description-empty' : 'complaints-description-too-long';
        return [{ text: ctx.t(id, { length: text.length, max: MAX_DESCRIPTION_CHARS }) }];
      }
      return ask(ctx, { ...draft, ...attachments, description: text });
    }
    case 'photo': {
      const attachments = acceptedAttachments(input);
      if (attachments.length) {
        return ask(ctx, { ...draft, attachments }, [{ text: ctx.t('complaints-photo-received', { count: attachments.length }) }]);
      }
      if (payload === SKIP) return ask(ctx, { ...draft, attachments: [] });
      return [{ text: ctx.t('complaints-photo-expected'), buttons: skipButton(ctx) }];
    }
    case 'dossier': {
      if (payload === SKIP) return ask(ctx, { ...draft, dossierCode: null });
      const code = input.text?.trim().slice(0, MAX_DOSSIER_CODE) ?? '';
      if (!code) return [await question(ctx, 'dossier', null)];
      const dossier = await db.dossier.findFirst({ where: { code: { in: [code, code.toUpperCase()] }, communeId: draft.communeId } });
      if (!dossier) {
        const commune = await communeOf(ctx, draft);
        return [{ text: ctx.t('complaints-dossier-unknown', { code, commune: commune?.name ?? '' }), buttons: skipButton(ctx) }];
      }
      return ask(ctx, { ...draft, dossierCode: dossier.code });
    }
    case 'anonymity': {
      const m = new RegExp(`^${FLOW_PREFIX}:anon:([01])$`).exec(payload);
      if (!m) return [{ text: ctx.t('complaints-anonymity-pick') }, await question(ctx, 'anonymity', await communeOf(ctx, draft), draft.dossierCode ?? null)];
      return submit(ctx, draft, m[1] === '1');
    }
  }
}

/** A category named in words: its key, or a unique label containing what was typed (any diacritics). */
function typedCategory(categories: ComplaintCategories, locale: Locale, typed: string): ComplaintCategory | undefined {
  const wanted = normalize(typed);
  if (wanted.length < 3) return undefined;
  const byKey = categories.get(typed.trim().toLowerCase());
  if (byKey) return byKey;
  const found = categories.list.filter((c) => normalize(c.label[locale]).includes(wanted));
  return found.length === 1 ? found[0] : undefined;
}

async function communeOf(ctx: Ctx, draft: Draft): Promise<Commune | null> {
  return draft.communeId ? ctx.services.db.commune.findUnique({ where: { id: draft.communeId } }) : null;
}

async function submit(ctx: Ctx, draft: Draft, anonymous: boolean): Promise<Reply[]> {
  // Every step sets its field before this one is reached; a draft that lost one starts over.
  if (draft.communeId === undefined || !draft.category || !draft.description) return startFiling(ctx, {});
  await ctx.clearDialogue();
  const { complaint, outcome } = await fileComplaint(ctx.services, {
    reporter: ctx.account,
    communeId: draft.communeId,
    category: draft.category,
    text: draft.description,
    attachments: draft.attachments ?? [],
    dossierCode: draft.dossierCode ?? null,
    anonymous,
  });
  const days = ctx.services.complaintCategories.answerDays(complaint.category);
  const lines = [ctx.t('complaints-filed', { code: complaint.code, due: formatVnDate(complaint.dueAt), days })];
  if (anonymous) lines.push(ctx.t('complaints-filed-anonymous'));
  // Where it went, only as it happened: the leadership told, or the notice kept for a manager to come.
  if (complaint.leadership || outcome === 'held') {
    lines.push(ctx.t('complaints-filed-route', { level: complaint.leadership ? 'leadership' : 'commune', outcome }));
  }
  return [{ text: lines.join('\n\n') }];
}

export const filingFlow: FlowSpec = {
  name: FILE_FLOW,
  async onInput(ctx, state, input) {
    const draft = draftSchema.safeParse(state.data);
    const step = state.step as Step;
    if (!draft.success || nextStep(draft.data) !== step) return startFiling(ctx, draft.success ? draft.data : {});
    return onInput(ctx, step, draft.data, input);
  },
};
