// What officials and managers do with a complaint. Every step checks scope and status,
// writes a ComplaintEvent and tells the reporter (and, on forwarding, the new commune) in the
// same transaction; a step that no longer fits the status changes nothing.
import type { Account, Commune, Complaint } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import { roleOf } from '../accounts/accounts.js';
import { nameOf } from '../accounts/names.js';
import { alertOrHold, leadershipOf } from '../alerts/leadership.js';
import type { ChannelName } from '../conversation/types.js';
import { button } from '../conversation/replies.js';
import { loadDialogue, saveDialogue } from '../conversation/dialogue.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import { formatVnDate } from '../shared/vntime.js';
import { complaintDeadlines } from './deadlines.js';
import { Refusal } from '../conversation/refusal.js';
import { accusedOf, handlersOf, handlingRefusal } from './access.js';
import { eventKey, pushTo } from './notify.js';
import { reporterButtons, withButtons } from './render.js';
import { actionTransitions, isOpen, REOPEN_WINDOW_DAYS, type OfficialAction } from './status.js';
import { ACT_FLOW } from './flow-names.js';

export const actionEvent: Record<OfficialAction, string> = {
  acknowledge: 'acknowledged',
  question: 'question',
  answer: 'answered',
  resolve: 'resolved',
  forward: 'forwarded',
  reject: 'rejected',
};

/** The complaint, if the account may work it; otherwise a refusal. */
export async function complaintForHandler(services: Pick<Services, 'db'>, actor: Account, code: string): Promise<Complaint> {
  const complaint = await services.db.complaint.findUnique({ where: { code } });
  if (!complaint) throw new Refusal('complaints-not-found', { code });
  const refusal = await handlingRefusal(services.db, actor, complaint);
  if (refusal) throw new Refusal(refusal.id, refusal.args);
  return complaint;
}

/** Refuses an action the current status does not allow (checked before asking for text, and again when acting). */
export function assertActionAllowed(complaint: Complaint, action: OfficialAction): void {
  if (!actionTransitions[action].from.includes(complaint.status as never)) {
    throw new Refusal('complaints-wrong-state', { code: complaint.code, status: complaint.status });
  }
}

export interface ActionInput {
  /** Question, answer, resolution summary or reason, as typed. */
  note?: string;
  /** Forwarding only: where the complaint goes. */
  toCommuneId?: number;
}

export async function actOnComplaint(
  services: Pick<Services, 'clock' | 'complaintCategories' | 'db' | 'hotPath' | 'i18n' | 'log'>,
  actor: Account,
  code: string,
  action: OfficialAction,
  input: ActionInput,
): Promise<{ complaint: Complaint; target?: Commune }> {
  const { db, clock } = services;
  const now = clock.now();
  const complaint = await complaintForHandler(services, actor, code);
  assertActionAllowed(complaint, action);
  const categories = services.complaintCategories;
  const assigneeId = complaint.assigneeId ?? actor.id;
  const status = actionTransitions[action].to;
  const data: Partial<Complaint> = { status, assigneeId };
  let target: Commune | undefined;
  let newHandlers: Account[] = [];
  let note = input.note ?? null;

  switch (action) {
    case 'acknowledge':
      data.assigneeId = actor.id;
      break;
    case 'resolve':
      Object.assign(data, { resolution: input.note, resolvedAt: now, citizenSatisfied: null });
      break;
    case 'reject':
      // Closed now: the reporter's window to ask the leadership for a review counts from here.
      Object.assign(data, { resolvedAt: now, citizenSatisfied: null });
      break;
    case 'forward': {
      const found = input.toCommuneId ? await db.commune.findUnique({ where: { id: input.toCommuneId } }) : null;
      if (!found) throw new Refusal('complaints-commune-unknown', { typed: String(input.toCommuneId ?? '') });
      if (found.id === complaint.communeId) throw new Refusal('complaints-forward-same');
      const from = await db.commune.findUniqueOrThrow({ where: { id: complaint.communeId } });
      target = found;
      // The receiving commune gets its own full time limits from today, and its own reminders.
      const deadlines = complaintDeadlines(await WorkingCalendar.load(db), categories, complaint.category, now);
      Object.assign(data, { communeId: found.id, assigneeId: null, ...deadlines, remindedAt: null, escalatedAt: null });
      newHandlers = await handlersOf(db, { ...complaint, communeId: found.id });
      note = `${from.name} → ${found.name}`;
      break;
    }
  }

  const reporter = complaint.reporterId ? await db.account.findUnique({ where: { id: complaint.reporterId } }) : null;
  // Nobody closes a complaint silently: a rejection goes to the leadership at once (not to the
  // person who rejected it, nor to anyone it may be about). A manager rejecting with no other
  // manager in scope is the leadership; an official's rejection is kept when nobody is there.
  const accused = await accusedOf(db, complaint);
  const notOverseers = [actor.id, ...accused];
  const overseers = action === 'reject' ? await leadershipOf(db, complaint.communeId, notOverseers) : [];
  const alertOverseers = action === 'reject' && (overseers.length > 0 || roleOf(actor) === 'official');
  const updated = await db.$transaction(async (tx) => {
    // Conditional on the status and commune we checked, so two officials acting at once cannot both win.
    const changed = await tx.complaint.updateMany({
      where: { id: complaint.id, status: complaint.status, communeId: complaint.communeId },
      data,
    });
    if (changed.count !== 1) throw new Refusal('complaints-changed-meanwhile', { code });
    const event = await tx.complaintEvent.create({
      data: { complaintId: complaint.id, kind: actionEvent[action], actorId: actor.id, note, createdAt: now },
    });
    const after = await tx.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    const key = eventKey(event.id);
    if (reporter) {
      await pushTo(tx, services, [reporter], key, ({ t: rt }) => {
        const head = rt('complaints-notify-citizen', {
          kind: event.kind,
          code,
          commune: target?.name ?? '',
          due: formatVnDate(after.dueAt),
        });
        const body = action === 'forward' || action === 'acknowledge' ? head : `${head}\n${input.note ?? ''}`;
        const extras: Partial<Record<OfficialAction, string>> = {
          question: rt('complaints-question-how'),
          resolve: rt('complaints-satisfaction-ask', { days: REOPEN_WINDOW_DAYS }),
          reject: rt('complaints-review-how', { days: REOPEN_WINDOW_DAYS }),
        };
        const extra = extras[action] ? `\n\n${extras[action]}` : '';
        return withButtons(`${body}${extra}`, reporterButtons(rt, after, now));
      }, action === 'resolve' ? { kind: 'complaint_answered', data: { code, commune: target?.name ?? '', due: formatVnDate(after.dueAt) } } : undefined);
    }
    if (alertOverseers) {
      const commune = await tx.commune.findUniqueOrThrow({ where: { id: complaint.communeId } });
      await alertOrHold(tx, services, complaint.communeId, overseers, `${key}:lead`, ({ t: mt, locale }) => ({
        text: mt('complaints-alert-rejected', {
          code,
          commune: commune.name,
          category: categories.label(complaint.category, locale),
          by: nameOf(mt, actor),
          reason: input.note ?? '',
        }),
        buttons: [[button(mt('complaints-button-view'), `cp:v:${code}`)]],
      }), notOverseers);
    }
    if (target) {
      const commune = target;
      await alertOrHold(tx, services, commune.id, newHandlers, key, ({ t: ht, locale }) => ({
        text: ht('complaints-notify-forwarded-in', {
          code,
          commune: commune.name,
          category: categories.label(complaint.category, locale),
          due: formatVnDate(after.dueAt),
        }),
        buttons: [[button(ht('complaints-button-view'), `cp:v:${code}`)]],
      }), accused);
    }
    return after;
  });
  services.log.info({ complaintId: complaint.id, kind: actionEvent[action], actorId: actor.id }, 'complaint updated');

  // The reporter's next message answers the question, unless they are in the middle of something else.
  if (action === 'question' && reporter && isOpen(updated.status)) {
    const channel = reporter.channel as ChannelName;
    if (!(await loadDialogue(services, channel, reporter.externalId))) {
      await saveDialogue(services, channel, reporter.externalId, { flow: ACT_FLOW, step: 'reply', data: { code } });
    }
  }
  return { complaint: updated, target };
}
