// The complaint as each side sees it. Handlers get the actions and, for a named complaint,
// the reporter's name; an anonymous reporter is never looked up for them.
import type { Complaint } from '../generated/prisma/client.js';
import type { Ctx, Reply } from '../conversation/types.js';
import { complaintCard, handlerButtons, reporterButtons, withButtons } from './render.js';
import { reporterName } from './texts.js';

async function cardText(ctx: Ctx, complaint: Complaint, reporter?: string): Promise<string> {
  const { db } = ctx.services;
  const [commune, events] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: complaint.communeId } }),
    db.complaintEvent.findMany({ where: { complaintId: complaint.id }, orderBy: { id: 'asc' } }),
  ]);
  return complaintCard(ctx.t, ctx.locale, ctx.services.complaintCategories, {
    complaint,
    communeName: commune.name,
    events,
    reporter,
    now: ctx.services.clock.now(),
  });
}

export async function handlerView(ctx: Ctx, complaint: Complaint): Promise<Reply> {
  let reporter = ctx.t('complaints-reporter-anonymous');
  if (!complaint.anonymous && complaint.reporterId) {
    const account = await ctx.services.db.account.findUnique({ where: { id: complaint.reporterId } });
    if (account) reporter = reporterName(ctx.t, account);
  }
  return withButtons(await cardText(ctx, complaint, reporter), handlerButtons(ctx.t, complaint));
}

export async function reporterView(ctx: Ctx, complaint: Complaint): Promise<Reply> {
  return withButtons(await cardText(ctx, complaint), reporterButtons(ctx.t, complaint, ctx.services.clock.now()));
}
