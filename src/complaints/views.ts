// The complaint as each side sees it. Handlers get the actions and, for a named complaint, the
// reporter's name; an anonymous reporter is never looked up for them, and a linked dossier's
// code (whose record names the citizen) is shown only to managers, with a warning when the
// complaint is anonymous. Both sides see the names of the staff who acted.
import type { Complaint } from '../generated/prisma/client.js';
import type { Ctx, Reply } from '../conversation/types.js';
import { roleOf } from '../accounts/accounts.js';
import { nameOf } from '../accounts/names.js';
import { complaintCard, handlerButtons, reporterButtons, withButtons } from './render.js';
import { reporterName } from './texts.js';

async function cardText(ctx: Ctx, complaint: Complaint, handler?: { reporter: string; showDossier: boolean }): Promise<string> {
  const { db } = ctx.services;
  const [commune, events] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: complaint.communeId } }),
    db.complaintEvent.findMany({ where: { complaintId: complaint.id }, orderBy: { id: 'asc' } }),
  ]);
  const staffIds = [...new Set(events.flatMap((e) => (e.actorId !== null && e.actorId !== complaint.reporterId ? [e.actorId] : [])))];
  const staff = staffIds.length ? await db.account.findMany({ where: { id: { in: staffIds } } }) : [];
  return complaintCard(ctx.t, ctx.locale, ctx.services.complaintCategories, {
    complaint,
    communeName: commune.name,
    events,
    actors: new Map(staff.map((a) => [a.id, nameOf(ctx.t, a)])),
    reporter: handler?.reporter,
    showDossier: handler?.showDossier,
    now: ctx.services.clock.now(),
  });
}

export async function handlerView(ctx: Ctx, complaint: Complaint): Promise<Reply> {
  let reporter = ctx.t('complaints-reporter-anonymous');
  if (!complaint.anonymous && complaint.reporterId) {
    const account = await ctx.services.db.account.findUnique({ where: { id: complaint.reporterId } });
    if (account) reporter = reporterName(ctx.t, account);
  }
  const showDossier = roleOf(ctx.account) !== 'official';
  return withButtons(await cardText(ctx, complaint, { reporter, showDossier }), handlerButtons(ctx.t, complaint));
}

export async function reporterView(ctx: Ctx, complaint: Complaint): Promise<Reply> {
  return withButtons(await cardText(ctx, complaint), reporterButtons(ctx.t, complaint, ctx.services.clock.now()));
}
