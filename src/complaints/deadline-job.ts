// Daily on working days: remind whoever handles an open complaint two working days before its
// deadline, and report overdue complaints to the commune's leadership (its managers, else the
// province's; kept for the first manager when there is none, and recorded as kept). Each happens once per
// deadline: remindedAt/escalatedAt are set in the same transaction as the pushes (whose
// dedupKeys also name the deadline), and forwarding or reopening clears them with a new one.
import type { Complaint } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import type { JobSpec } from '../jobs/types.js';
import type { Speaker } from '../accounts/accounts.js';
import { alertOrHold, leadershipOf } from '../alerts/leadership.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import { addDays, formatVnDate, vnDate, vnInstant } from '../shared/vntime.js';
import { accusedOf, followersOf } from './access.js';
import { pushTo } from './notify.js';
import { OPEN_STATUSES, REMIND_WORKING_DAYS_BEFORE } from './status.js';

type Step = 'reminded' | 'escalated';

async function notifyOnce(services: Pick<Services, 'db' | 'i18n'>, complaint: Complaint, step: Step, firedAt: Date): Promise<boolean> {
  const { db } = services;
  const commune = await db.commune.findUniqueOrThrow({ where: { id: complaint.communeId } });
  const accused = await accusedOf(db, complaint);
  const recipients = step === 'reminded' ? await followersOf(db, complaint) : await leadershipOf(db, complaint.communeId, accused);
  const mark = step === 'reminded' ? { remindedAt: null } : { escalatedAt: null };
  const due = formatVnDate(complaint.dueAt);
  return db.$transaction(async (tx) => {
    // Claim the step first: if another run got here, this one sends nothing.
    const claimed = await tx.complaint.updateMany({
      where: { id: complaint.id, dueAt: complaint.dueAt, ...mark },
      data: step === 'reminded' ? { remindedAt: firedAt } : { escalatedAt: firedAt },
    });
    if (claimed.count !== 1) return false;
    const key = `cp:${step}:${complaint.id}:${complaint.dueAt.toISOString()}`;
    const compose = ({ t }: Speaker) => ({
      text: t(step === 'reminded' ? 'complaints-remind' : 'complaints-escalate', { code: complaint.code, commune: commune.name, due }),
    });
    let kind: string = step;
    if (step === 'reminded') await pushTo(tx, services, recipients, key, compose);
    // The history says "reported to the leadership" only when someone was; else that it is kept.
    else if ((await alertOrHold(tx, services, complaint.communeId, recipients, key, compose, accused)) === 'held') kind = 'escalation_held';
    await tx.complaintEvent.create({ data: { complaintId: complaint.id, kind, createdAt: firedAt } });
    return true;
  });
}

export async function runComplaintDeadlines(services: Pick<Services, 'db' | 'i18n' | 'log'>, firedAt: Date): Promise<{ reminded: number; escalated: number }> {
  const { db, log } = services;
  const calendar = await WorkingCalendar.load(db);
  const today = vnDate(firedAt);
  // Nobody works on days off: what falls due then is picked up on the next working day.
  if (!calendar.isWorkingDay(today)) return { reminded: 0, escalated: 0 };
  const soon = calendar.addWorkingDays(today, REMIND_WORKING_DAYS_BEFORE);
  const open = { status: { in: [...OPEN_STATUSES] } };

  let reminded = 0;
  let escalated = 0;
  const overdue = await db.complaint.findMany({ where: { ...open, escalatedAt: null, dueAt: { lt: firedAt } }, orderBy: { id: 'asc' } });
  for (const c of overdue) if (await notifyOnce(services, c, 'escalated', firedAt)) escalated++;
  const upcoming = await db.complaint.findMany({
    where: { ...open, remindedAt: null, dueAt: { gte: firedAt, lt: vnInstant(addDays(soon, 1)) } },
    orderBy: { id: 'asc' },
  });
  for (const c of upcoming) if (await notifyOnce(services, c, 'reminded', firedAt)) reminded++;
  log.info({ job: 'complaint-deadlines', reminded, escalated }, 'complaint deadlines checked');
  return { reminded, escalated };
}

export const complaintDeadlineJob: JobSpec = {
  name: 'complaint-deadlines',
  cron: (config) => config.DAILY_JOBS_CRON,
  run: async (services, firedAt) => {
    await runComplaintDeadlines(services, firedAt);
  },
};
