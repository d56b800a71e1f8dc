// Reporting progress on a criterion, step by step on any channel:
// criterion → status → self-score → evidence (one item per expected document, or skip) → note.
// Only the responsible official may report; the ownership is checked again when saving.
import { z } from 'zod';
import type { Ctx, DialogueInput, FlowSpec, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import { vnMonth } from '../shared/vntime.js';
import { reportStatuses, type ReportStatus } from './model.js';
import { attachmentEvidence, evidenceItemSchema, linkIn, missingDocs, parseEvidence, type EvidenceItem } from './evidence.js';
import { criterionHeading, monthLabel } from './format.js';
import { ownedCriteria, ownedCriterion, parseScore, saveProgressReport } from './reports.js';

export const REPORT_FLOW = 'criteria-report';
const STATUS = 'crs';
const SKIP = 'crx:skip';
const MAX_NOTE = 1000;

const dataSchema = z.object({
  communeId: z.int(),
  criterionId: z.int(),
  code: z.string(),
  title: z.string(),
  max: z.number(),
  bonus: z.boolean(),
  docs: z.array(z.string()),
  /** Expected documents still missing, in the order they are asked for. */
  pending: z.array(z.int()),
  month: z.string(),
  status: z.enum(reportStatuses).optional(),
  score: z.number().optional(),
  evidence: z.array(evidenceItemSchema).default([]),
});
type Data = z.output<typeof dataSchema>;

/** Opens the dialogue for a criterion, or refuses (nothing changes) if it is not the person's. */
export async function startReport(ctx: Ctx, communeId: number, criterionId: number): Promise<Reply[]> {
  const { db, clock } = ctx.services;
  const now = clock.now();
  const owned = await ownedCriterion(db, ctx.account, communeId, criterionId, now);
  if (!owned.ok) return [{ text: ctx.t(owned.reason === 'not-owner' ? 'criteria-report-not-owner' : 'button-expired') }];
  const { criterion } = owned.owned;
  const month = vnMonth(now);
  const earlier = await db.progressReport.findMany({
    where: { communeId, criterionId, month: { gte: `${month.slice(0, 4)}-01` }, evidence: { not: null } },
    select: { evidence: true },
  });
  const data: Data = {
    communeId,
    criterionId,
    code: criterion.code,
    title: criterion.title,
    max: criterion.maxPoints,
    bonus: criterion.bonus,
    docs: criterion.evidence,
    pending: missingDocs(criterion.evidence, earlier.flatMap((r) => parseEvidence(r.evidence))),
    month,
    evidence: [],
  };
  await ctx.setDialogue(REPORT_FLOW, 'status', data);
  return [statusPrompt(ctx, data)];
}

function heading(ctx: Ctx, data: Data): string {
  return criterionHeading(ctx.t, { code: data.code, title: data.title, maxPoints: data.max, bonus: data.bonus });
}

function statusPrompt(ctx: Ctx, data: Data, again = false): Reply {
  const text = [
    ...(again ? [ctx.t('criteria-use-buttons')] : []),
    heading(ctx, data),
    ctx.t('criteria-ask-status', { month: monthLabel(data.month) }),
  ].join('\n');
  return { text, buttons: column(reportStatuses.map((s) => button(ctx.t(`criteria-status-${s}`), `${STATUS}:${s}`))) };
}

function scorePrompt(ctx: Ctx, data: Data): Reply {
  return { text: ctx.t('criteria-ask-score', { max: data.max }) };
}

function evidencePrompt(ctx: Ctx, data: Data, prefix?: string): Reply {
  const ask = data.pending.length
    ? ctx.t('criteria-ask-evidence-doc', { doc: data.docs[data.pending[0]] })
    : ctx.t('criteria-ask-evidence');
  return { text: prefix ? `${prefix}\n${ask}` : ask, buttons: [[button(ctx.t('criteria-skip'), SKIP)]] };
}

function notePrompt(ctx: Ctx, prefix?: string): Reply {
  const ask = ctx.t('criteria-ask-note', { max: MAX_NOTE });
  return { text: prefix ? `${prefix}\n${ask}` : ask, buttons: [[button(ctx.t('criteria-skip'), SKIP)]] };
}

export const reportFlow: FlowSpec = {
  name: REPORT_FLOW,
  async onInput(ctx, state, input) {
    const parsed = dataSchema.safeParse(state.data);
    if (!parsed.success) {
      await ctx.clearDialogue();
      return [{ text: ctx.t('button-expired') }];
    }
    const data = parsed.data;
    switch (state.step) {
      case 'status':
        return onStatus(ctx, data, input);
      case 'score':
        return onScore(ctx, data, input);
      case 'evidence':
        return onEvidence(ctx, data, input);
      case 'note':
        return onNote(ctx, data, input);
      default:
        await ctx.clearDialogue();
        return [{ text: ctx.t('button-expired') }];
    }
  },
};

async function onStatus(ctx: Ctx, data: Data, input: DialogueInput): Promise<Reply[]> {
  const status = input.payload?.startsWith(`${STATUS}:`) ? input.payload.slice(STATUS.length + 1) : undefined;
  if (!reportStatuses.includes(status as ReportStatus)) return [statusPrompt(ctx, data, true)];
  const next = { ...data, status: status as ReportStatus };
  await ctx.setDialogue(REPORT_FLOW, 'score', next);
  return [scorePrompt(ctx, next)];
}

async function onScore(ctx: Ctx, data: Data, input: DialogueInput): Promise<Reply[]> {
  const score = input.payload ? null : parseScore(input.text, data.max);
  if (score === null) {
    // A pressed button here is an old one: ask for the number again.
    const typed = input.text?.trim().slice(0, 20) ?? '';
    return [{ text: ctx.t('criteria-score-invalid', { input: typed, max: data.max, typed: typed ? 'yes' : 'no' }) }];
  }
  const next = { ...data, score };
  await ctx.setDialogue(REPORT_FLOW, 'evidence', next);
  return [evidencePrompt(ctx, next)];
}

async function onEvidence(ctx: Ctx, data: Data, input: DialogueInput): Promise<Reply[]> {
  if (input.payload === SKIP) {
    await ctx.setDialogue(REPORT_FLOW, 'note', data);
    return [notePrompt(ctx)];
  }
  const link = input.payload ? null : linkIn(input.text);
  const found: EvidenceItem | null = link ? { kind: 'link', ref: link } : attachmentEvidence(input.attachments);
  if (!found) return [evidencePrompt(ctx, data, ctx.t('criteria-evidence-invalid'))];
  const [doc, ...pending] = data.pending;
  const next = { ...data, pending, evidence: [...data.evidence, doc === undefined ? found : { ...found, doc }] };
  const received = ctx.t('criteria-evidence-received', { count: next.evidence.length });
  // Keep asking while expected documents are missing; after that, one extra item is enough.
  if (pending.length) {
    await ctx.setDialogue(REPORT_FLOW, 'evidence', next);
    return [evidencePrompt(ctx, next, received)];
  }
  await ctx.setDialogue(REPORT_FLOW, 'note', next);
  return [notePrompt(ctx, received)];
}

async function onNote(ctx: Ctx, data: Data, input: DialogueInput): Promise<Reply[]> {
  let note: string | null = null;
  if (input.payload !== SKIP) {
    const typed = input.payload ? '' : (input.text?.trim() ?? '');
    if (!typed) return [notePrompt(ctx, ctx.t('criteria-note-invalid'))];
    if (typed.length > MAX_NOTE) return [notePrompt(ctx, ctx.t('criteria-note-too-long', { max: MAX_NOTE }))];
    note = typed;
  }
  await ctx.clearDialogue();
  const saved = await saveProgressReport(ctx.services.db, ctx.account, {
    communeId: data.communeId,
    criterionId: data.criterionId,
    month: data.month,
    status: data.status!,
    selfScore: data.score!,
    evidence: data.evidence,
    note,
  });
  if (!saved) return [{ text: ctx.t('criteria-report-lost') }];
  const text = ctx.t('criteria-report-saved', {
    month: monthLabel(data.month),
    code: data.code,
    status: ctx.t(`criteria-status-${data.status!}`),
    score: data.score!,
    max: data.max,
    evidence: data.evidence.length,
  });
  return [await withRemaining(ctx, text, data.month)];
}

/** Adds buttons for the person's other criteria not yet reported this month. */
async function withRemaining(ctx: Ctx, text: string, month: string): Promise<Reply> {
  const owned = await ownedCriteria(ctx.services.db, ctx.account, ctx.services.clock.now());
  const reported = await ctx.services.db.progressReport.findMany({
    where: { month, communeId: { in: [...new Set(owned.map((o) => o.communeId))] } },
    select: { communeId: true, criterionId: true },
  });
  const done = new Set(reported.map((r) => `${r.communeId}:${r.criterionId}`));
  const left = owned.filter((o) => !done.has(`${o.communeId}:${o.criterion.id}`));
  if (!left.length) return { text: `${text}\n${ctx.t('criteria-all-mine-reported')}` };
  return {
    text: `${text}\n${ctx.t('criteria-others-left', { count: left.length })}`,
    buttons: column(left.map((o) => button(ctx.t('criteria-report-button', { code: o.criterion.code }), `crr:${o.communeId}:${o.criterion.id}`))),
  };
}
