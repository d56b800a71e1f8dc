// Filing a complaint: the ticket, its deadlines, the first event and the notices, all in one
// transaction. A complaint about staff conduct or linked to a dossier goes to the leadership
// alone (see access.ts); when nobody is there to hear it, the notice is kept for the first
// manager who signs up, and the filer is told so.
import type { Account, Complaint } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import { isUniqueViolation, type Db, type Tx } from '../db/index.js';
import type { Attachment } from '../conversation/types.js';
import { button } from '../conversation/replies.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import { formatVnDate, vnDate, vnInstant } from '../shared/vntime.js';
import { newComplaintCode } from './codes.js';
import { complaintDeadlines } from './deadlines.js';
import { Refusal } from '../conversation/refusal.js';
import { accusedOf, handlersOf, isLeadershipMatter } from './access.js';
import { eventKey } from './notify.js';
import { alertOrHold, type AlertOutcome } from '../alerts/leadership.js';
import { rememberCommune } from '../accounts/home-commune.js';

export interface FilingInput {
  reporter: Account;
  communeId: number;
  category: string;
  text: string;
  attachments: Attachment[];
  dossierCode: string | null;
  anonymous: boolean;
}

const CODE_ATTEMPTS = 5;

/** Complaints the account filed since the start of today (Vietnam time). */
async function filedToday(db: Db | Tx, reporterId: number, now: Date): Promise<number> {
  return db.complaint.count({ where: { reporterId, createdAt: { gte: vnInstant(vnDate(now)) } } });
}

/** Refuses when the account has used up today's allowance (checked again at filing). */
export async function checkDailyLimit(services: Pick<Services, 'clock' | 'config' | 'db'>, reporter: Account): Promise<void> {
  const limit = services.config.COMPLAINTS_PER_DAY;
  if ((await filedToday(services.db, reporter.id, services.clock.now())) >= limit) {
    throw new Refusal('complaints-limit-reached', { limit });
  }
}

export interface Filed {
  complaint: Complaint;
  /** Somebody was told now, or the notice is kept for the first manager in scope. */
  outcome: AlertOutcome;
}

export async function fileComplaint(services: Pick<Services, 'clock' | 'complaintCategories' | 'config' | 'db' | 'i18n' | 'log'>, input: FilingInput): Promise<Filed> {
  const { db, clock, config } = services;
  const now = clock.now();
  const categories = services.complaintCategories;
  const commune = await db.commune.findUnique({ where: { id: input.communeId } });
  if (!commune) throw new Refusal('complaints-commune-unknown', { typed: String(input.communeId) });
  const { dueAt, forwardDueAt } = complaintDeadlines(await WorkingCalendar.load(db), categories, input.category, now);
  const leadership = isLeadershipMatter(categories.staffConduct(input.category), input.dossierCode);
  const handlers = await handlersOf(db, { communeId: commune.id, dossierCode: input.dossierCode, leadership });
  // Those it may be about: a notice kept for lack of anyone to tell never goes to them later either.
  const accused = await accusedOf(db, { dossierCode: input.dossierCode });

  for (let attempt = 1; ; attempt++) {
    const code = newComplaintCode(now);
    try {
      const filed = await db.$transaction(async (tx) => {
        if ((await filedToday(tx, input.reporter.id, now)) >= config.COMPLAINTS_PER_DAY) {
          throw new Refusal('complaints-limit-reached', { limit: config.COMPLAINTS_PER_DAY });
        }
        const created = await tx.complaint.create({
          data: {
            code,
            communeId: commune.id,
            category: input.category,
            text: input.text,
            attachments: JSON.stringify(input.attachments),
            anonymous: input.anonymous,
            reporterId: input.reporter.id,
            dossierCode: input.dossierCode,
            dueAt,
            forwardDueAt,
            leadership,
            createdAt: now,
          },
        });
        await rememberCommune(tx, input.reporter.id, commune.id);
        const event = await tx.complaintEvent.create({
          data: { complaintId: created.id, kind: 'filed', actorId: input.reporter.id, createdAt: now },
        });
        // The notice carries no complaint text: officials read it with /xuly, where access is checked.
        const outcome = await alertOrHold(tx, services, commune.id, handlers, eventKey(event.id), ({ t, locale }) => ({
          text: t('complaints-notify-new', {
            code,
            commune: commune.name,
            category: categories.label(input.category, locale),
            due: formatVnDate(dueAt),
            level: leadership ? 'leadership' : 'commune',
          }),
          buttons: [[button(t('complaints-button-view'), `cp:v:${code}`)]],
        }), accused);
        return { complaint: created, outcome };
      });
      services.log.info({ complaintId: filed.complaint.id, communeId: commune.id, kind: 'filed', notified: handlers.length, leadership }, 'complaint filed');
      return filed;
    } catch (error) {
      // A clash of random codes is rare; try a fresh one a few times.
      if (isUniqueViolation(error) && attempt < CODE_ATTEMPTS) continue;
      throw error;
    }
  }
}
