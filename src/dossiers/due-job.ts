// Every morning (DAILY_JOBS_CRON) each handling official hears which of their open dossiers
// are overdue or due by the end of the next working day: one message per official per day.
// Dossiers without a handler (desk API, import) go to every official of their commune. A
// follower whose dossier has just become overdue without an apology is told once, too.
import type { MessageId, Translate } from '../i18n/index.js';
import type { Services } from '../services.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import type { Account, Dossier } from '../generated/prisma/client.js';
import type { JobSpec } from '../jobs/types.js';
import { enqueue } from '../outbox/enqueue.js';
import { addDays, formatVnDate, vnDate, vnInstant } from '../shared/vntime.js';
import { currentDueAt } from './facts.js';
import { pushToFollower } from './notify.js';
import { speakerFor } from '../accounts/accounts.js';
import { addTo } from '../shared/maps.js';

/** Longer lists are cut, with a count of the rest: the message must stay readable on a phone. */
const MAX_LINES_PER_GROUP = 20;
const OPEN = ['received', 'processing'];

export const dossiersDueJob: JobSpec = {
  name: 'dossiers-due',
  cron: (config) => config.DAILY_JOBS_CRON,
  async run(services, firedAt) {
    const calendar = await WorkingCalendar.load(services.db);
    const today = vnDate(firedAt);
    const horizonDay = calendar.nextWorkingDay(addDays(today, 1));
    const horizon = vnInstant(addDays(horizonDay, 1));
    const dossiers = await services.db.dossier.findMany({
      where: { status: { in: OPEN }, OR: [{ newDueAt: null, dueAt: { lt: horizon } }, { newDueAt: { lt: horizon } }] },
      orderBy: { dueAt: 'asc' },
    });
    if (!dossiers.length) return;
    const procedures = new Map(
      (await services.db.procedure.findMany({ where: { id: { in: [...new Set(dossiers.map((d) => d.procedureId))] } }, select: { id: true, name: true } })).map(
        (p) => [p.id, p.name],
      ),
    );
    for (const [official, list] of await byRecipient(services, dossiers)) {
      const t = speakerFor(services.i18n, official).t;
      const overdue = list.filter((d) => currentDueAt(d) < firedAt);
      const soon = list.filter((d) => currentDueAt(d) >= firedAt);
      const text = [
        t('dossier-due-intro', { date: formatVnDate(firedAt) }),
        ...group(t, 'dossier-due-overdue', overdue, procedures),
        ...group(t, 'dossier-due-soon', soon, procedures, { until: formatVnDate(vnInstant(horizonDay)) }),
        t('dossier-due-hint'),
      ].join('\n\n');
      await enqueue(services.db, { to: official, reply: { text }, dedupKey: `dossiers-due:${today}:${official.id}` });
    }
    // Keyed by the date that was missed: after an apology, missing the new date is news again.
    for (const dossier of dossiers.filter((d) => currentDueAt(d) < firedAt)) {
      await services.db.$transaction((tx) =>
        pushToFollower(tx, services, dossier, `dossier-overdue:${dossier.id}:${vnDate(currentDueAt(dossier))}`, (t) => ({
          text: t('dossier-push-overdue', { code: dossier.code, due: formatVnDate(currentDueAt(dossier)) }),
        })),
      );
    }
  },
};

function group(t: Translate, id: MessageId, list: Dossier[], procedures: Map<number, string>, args: Record<string, string> = {}): string[] {
  if (!list.length) return [];
  const lines = list.slice(0, MAX_LINES_PER_GROUP).map((d) =>
    t('dossier-due-line', { code: d.code, procedure: procedures.get(d.procedureId) ?? '', due: formatVnDate(currentDueAt(d)) }),
  );
  if (list.length > MAX_LINES_PER_GROUP) lines.push(t('dossier-due-more', { count: list.length - MAX_LINES_PER_GROUP }));
  return [`${t(id, { count: list.length, ...args })}\n${lines.join('\n')}`];
}

/** Handler if still an official of the dossier's commune, else the commune's officials. */
async function byRecipient(services: Pick<Services, 'db'>, dossiers: Dossier[]): Promise<Map<Account, Dossier[]>> {
  const communeIds = [...new Set(dossiers.map((d) => d.communeId))];
  const officials = await services.db.account.findMany({ where: { role: 'official', communeId: { in: communeIds } } });
  const byId = new Map(officials.map((a) => [a.id, a]));
  const out = new Map<Account, Dossier[]>();
  for (const d of dossiers) {
    const handler = d.handlerId ? byId.get(d.handlerId) : undefined;
    if (handler && handler.communeId === d.communeId) addTo(out, handler, d);
    else for (const a of officials.filter((o) => o.communeId === d.communeId)) addTo(out, a, d);
  }
  return out;
}
