// What the reporter does after filing: answer an official's question, say whether the result
// satisfied them, and ask once for a second look. Someone who is not the reporter learns
// nothing, not even whether the code exists.
import type { Account, Complaint } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import type { Tx } from '../db/index.js';
import { button } from '../conversation/replies.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import { formatVnDate } from '../shared/vntime.js';
import { workingDayDeadline } from './deadlines.js';
import { Refusal } from '../conversation/refusal.js';
import { accusedOf, followersOf } from './access.js';
import { alertOrHold, leadershipOf, type AlertOutcome } from '../alerts/leadership.js';
import { eventKey, pushTo } from './notify.js';
import { canReopen } from './render.js';
import { REOPEN_WINDOW_DAYS } from './status.js';

export async function complaintForReporter(services: Pick<Services, 'db'>, account: Account, code: string): Promise<Complaint> {
  const complaint = await services.db.complaint.findUnique({ where: { code } });
  if (!complaint || complaint.reporterId !== account.id) throw new Refusal('complaints-not-found', { code });
  return complaint;
}

/** Refuses unless a question is waiting for the reporter (checked before asking for text, and again). */
export async function questionPending(services: Pick<Services, 'db'>, account: Account, code: string): Promise<Complaint> {
  const complaint = await complaintForReporter(services, account, code);
  if (complaint.status !== 'waiting_citizen') throw new Refusal('complaints-no-question', { code });
  return complaint;
}

/** Refuses unless the complaint may be reopened now. */
export async function reopenAllowed(services: Pick<Services, 'clock' | 'db'>, account: Account, code: string): Promise<Complaint> {
  const complaint = await complaintForReporter(services, account, code);
  const verdict = canReopen(complaint, services.clock.now());
  if (verdict === 'used') throw new Refusal('complaints-reopen-used', { code });
  if (verdict === 'expired') throw new Refusal('complaints-reopen-expired', { code, days: REOPEN_WINDOW_DAYS });
  if (verdict === 'not_resolved') throw new Refusal('complaints-not-resolved', { code });
  return complaint;
}

export async function replyToQuestion(services: Pick<Services, 'clock' | 'db' | 'i18n' | 'log'>, account: Account, code: string, text: string): Promise<Complaint> {
  const complaint = await questionPending(services, account, code);
  const followers = await followersOf(services.db, complaint);
  return record(services, account, complaint, { status: 'acknowledged' }, 'citizen_reply', text, async (tx, key) =>
    pushTo(tx, services, followers, key, ({ t }) => ({
      text: t('complaints-notify-citizen-reply', { code }),
      buttons: [[button(t('complaints-button-view'), `cp:v:${code}`)]],
    })),
  );
}

export async function rateResolution(services: Pick<Services, 'clock' | 'db' | 'log'>, account: Account, code: string, satisfied: boolean): Promise<Complaint> {
  const complaint = await complaintForReporter(services, account, code);
  if (complaint.status !== 'resolved') throw new Refusal('complaints-not-resolved', { code });
  return record(services, account, complaint, { citizenSatisfied: satisfied }, satisfied ? 'satisfied' : 'unsatisfied', null);
}

export interface Reopened {
  complaint: Complaint;
  /** A rejection reviewed by the leadership (else a result looked at again). */
  review: boolean;
  /** Somebody was told now, or (a review with no manager in scope) the notice is kept. */
  outcome: AlertOutcome;
}

/**
 * The reporter asks for a second look, once. After a result, the people who work it are told;
 * after a rejection, it goes up to the leadership (managers), who alone handle it from then on.
 */
export async function reopenComplaint(services: Pick<Services, 'clock' | 'complaintCategories' | 'db' | 'i18n' | 'log'>, account: Account, code: string, reason: string): Promise<Reopened> {
  const complaint = await reopenAllowed(services, account, code);
  const now = services.clock.now();
  const days = services.complaintCategories.answerDays(complaint.category);
  const dueAt = workingDayDeadline(await WorkingCalendar.load(services.db), now, days);
  const review = complaint.status === 'rejected';
  // Never told to whom it may be about; a review not to whoever rejected it either.
  const accused = await accusedOf(services.db, complaint);
  const excluded = review && complaint.assigneeId ? [...accused, complaint.assigneeId] : accused;
  const recipients = review ? await leadershipOf(services.db, complaint.communeId, excluded) : await followersOf(services.db, complaint);
  // Reopened = open again: it leaves the public results until it is resolved anew, and gets fresh reminders.
  const data = {
    status: 'reopened',
    reopenCount: complaint.reopenCount + 1,
    resolvedAt: null,
    citizenSatisfied: null,
    dueAt,
    remindedAt: null,
    escalatedAt: null,
    ...(review ? { leadership: true, assigneeId: null } : {}),
  };
  let outcome: AlertOutcome = 'told';
  const updated = await record(services, account, complaint, data, review ? 'review_asked' : 'reopened', reason, async (tx, key) => {
    outcome = await alertOrHold(tx, services, complaint.communeId, recipients, key, ({ t }) => ({
      text: t(review ? 'complaints-notify-review' : 'complaints-notify-reopened', { code, due: formatVnDate(dueAt) }),
      buttons: [[button(t('complaints-button-view'), `cp:v:${code}`)]],
    }), excluded);
  });
  return { complaint: updated, review, outcome };
}

type Notice = (tx: Tx, key: string) => Promise<void>;

/** Applies a change only if the complaint is still as we read it, with its event and notices. */
async function record(
  services: Pick<Services, 'clock' | 'db' | 'log'>,
  actor: Account,
  complaint: Complaint,
  data: Partial<Complaint>,
  kind: string,
  note: string | null,
  notice?: Notice,
): Promise<Complaint> {
  const now = services.clock.now();
  const updated = await services.db.$transaction(async (tx) => {
    const changed = await tx.complaint.updateMany({
      where: { id: complaint.id, status: complaint.status, reopenCount: complaint.reopenCount },
      data,
    });
    if (changed.count !== 1) throw new Refusal('complaints-changed-meanwhile', { code: complaint.code });
    const event = await tx.complaintEvent.create({ data: { complaintId: complaint.id, kind, actorId: actor.id, note, createdAt: now } });
    if (notice) await notice(tx, eventKey(event.id));
    return tx.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
  });
  services.log.info({ complaintId: complaint.id, kind }, 'complaint updated by reporter');
  return updated;
}
