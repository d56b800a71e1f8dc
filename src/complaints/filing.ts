// Filing a complaint: the ticket, its deadlines, the first event and the notices to the
// commune's officials and managers, all in one transaction.
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
import { handlersOf } from './access.js';
import { eventKey, pushTo } from './notify.js';

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

export async function fileComplaint(services: Pick<Services, 'clock' | 'complaintCategories' | 'config' | 'db' | 'i18n' | 'log'>, input: FilingInput): Promise<Complaint> {
  const { db, clock, config } = services;
  const now = clock.now();
  const categories = services.complaintCategories;
  const commune = await db.commune.findUnique({ where: { id: input.communeId } });
  if (!commune) throw new Refusal('complaints-commune-unknown', { typed: String(input.communeId) });
  const { dueAt, forwardDueAt } = complaintDeadlines(await WorkingCalendar.load(db), categories, input.category, now);
  const handlers = await handlersOf(db, commune.id);

  for (let attempt = 1; ; attempt++) {
    const code = newComplaintCode(now);
    try {
      const complaint = await db.$transaction(async (tx) => {
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
            createdAt: now,
          },
        });
        const event = await tx.complaintEvent.create({
          data: { complaintId: created.id, kind: 'filed', actorId: input.reporter.id, createdAt: now },
        });
        // The notice carries no complaint text: officials read it with /xuly, where access is checked.
        await pushTo(tx, services, handlers, eventKey(event.id), ({ t, locale }) => ({
          text: t('complaints-notify-new', {
            code,
            commune: commune.name,
            category: categories.label(input.category, locale),
            due: formatVnDate(dueAt),
          }),
          buttons: [[button(t('complaints-button-view'), `cp:v:${code}`)]],
        }));
        return created;
      });
      services.log.info({ complaintId: complaint.id, communeId: commune.id, kind: 'filed', notified: handlers.length }, 'complaint filed');
      return complaint;
    } catch (error) {
      // A clash of random codes is rare; try a fresh one a few times.
      if (isUniqueViolation(error) && attempt < CODE_ATTEMPTS) continue;
      throw error;
    }
  }
}
