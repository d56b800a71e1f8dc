// What the reporter does after filing: answer an official's question, say whether the result
// satisfied them, and ask once for a second look. Someone who is not the reporter learns
// nothing, not even whether the code exists.
import type { Account, Complaint } from '../generated/prisma/client.js';
import type { App } from '../app.js';
import type { Tx } from '../db/index.js';
import { button } from '../conversation/replies.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import { formatVnDate } from '../shared/vntime.js';
import { complaintCategories } from './categories.js';
import { workingDayDeadline } from './deadlines.js';
import { ComplaintRefusal } from './errors.js';
import { followersOf } from './access.js';
import { eventKey, pushTo } from './notify.js';
import { canReopen } from './render.js';
import { REOPEN_WINDOW_DAYS } from './status.js';

export async function complaintForReporter(app: App, account: Account, code: string): Promise<Complaint> {
  const complaint = await app.db.complaint.findUnique({ where: { code } });
  if (!complaint || complaint.reporterId !== account.id) throw new ComplaintRefusal('complaints-not-found', { code });
  return complaint;
}

/** Refuses unless a question is waiting for the reporter (checked before asking for text, and again). */
export async function questionPending(app: App, account: Account, code: string): Promise<Complaint> {
  const complaint = await complaintForReporter(app, account, code);
  if (complaint.status !== 'waiting_citizen') throw new ComplaintRefusal('complaints-no-question', { code });
  return complaint;
}

/** Refuses unless the complaint may be reopened now. */
export async function reopenAllowed(app: App, account: Account, code: string): Promise<Complaint> {
  const complaint = await complaintForReporter(app, account, code);
  const verdict = canReopen(complaint, app.clock.now());
  if (verdict === 'used') throw new ComplaintRefusal('complaints-reopen-used', { code });
  if (verdict === 'expired') throw new ComplaintRefusal('complaints-reopen-expired', { code, days: REOPEN_WINDOW_DAYS });
  if (verdict === 'not_resolved') throw new ComplaintRefusal('complaints-not-resolved', { code });
  return complaint;
}

export async function replyToQuestion(app: App, account: Account, code: string, text: string): Promise<Complaint> {
  const complaint = await questionPending(app, account, code);
  const followers = await followersOf(app.db, complaint);
  return record(app, account, complaint, { status: 'acknowledged' }, 'citizen_reply', text, async (tx, key) =>
    pushTo(tx, app, followers, key, ({ t }) => ({
      text: t('complaints-notify-citizen-reply', { code }),
      buttons: [[button(t('complaints-button-view'), `cp:v:${code}`)]],
    })),
  );
}

export async function rateResolution(app: App, account: Account, code: string, satisfied: boolean): Promise<Complaint> {
  const complaint = await complaintForReporter(app, account, code);
  if (complaint.status !== 'resolved') throw new ComplaintRefusal('complaints-not-resolved', { code });
  return record(app, account, complaint, { citizenSatisfied: satisfied }, satisfied ? 'satisfied' : 'unsatisfied', null);
}

export async function reopenComplaint(app: App, account: Account, code: string, reason: string): Promise<Complaint> {
  const complaint = await reopenAllowed(app, account, code);
  const now = app.clock.now();
  const days = complaintCategories(app.config).answerDays(complaint.category);
  const dueAt = workingDayDeadline(await WorkingCalendar.load(app.db), now, days);
  const followers = await followersOf(app.db, complaint);
  // Reopened = open again: it leaves the public results until it is resolved anew, and gets fresh reminders.
  const data = {
    status: 'reopened',
    reopenCount: complaint.reopenCount + 1,
    resolvedAt: null,
    citizenSatisfied: null,
    dueAt,
    remindedAt: null,
    escalatedAt: null,
  };
  return record(app, account, complaint, data, 'reopened', reason, async (tx, key) =>
    pushTo(tx, app, followers, key, ({ t }) => ({
      text: t('complaints-notify-reopened', { code, due: formatVnDate(dueAt) }),
      buttons: [[button(t('complaints-button-view'), `cp:v:${code}`)]],
    })),
  );
}

type Notice = (tx: Tx, key: string) => Promise<void>;

/** Applies a change only if the complaint is still as we read it, with its event and notices. */
async function record(
  app: App,
  actor: Account,
  complaint: Complaint,
  data: Partial<Complaint>,
  kind: string,
  note: string | null,
  notice?: Notice,
): Promise<Complaint> {
  const now = app.clock.now();
  const updated = await app.db.$transaction(async (tx) => {
    const changed = await tx.complaint.updateMany({
      where: { id: complaint.id, status: complaint.status, reopenCount: complaint.reopenCount },
      data,
    });
    if (changed.count !== 1) throw new ComplaintRefusal('complaints-changed-meanwhile', { code: complaint.code });
    const event = await tx.complaintEvent.create({ data: { complaintId: complaint.id, kind, actorId: actor.id, note, createdAt: now } });
    if (notice) await notice(tx, eventKey(event.id));
    return tx.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
  });
  app.log.info({ complaintId: complaint.id, kind }, 'complaint updated by reporter');
  return updated;
}
