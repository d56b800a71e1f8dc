// Which dossiers an official may act on: those of their own commune (admins: any).
import type { Ctx, Reply } from '../conversation/types.js';
import type { Dossier } from '../generated/prisma/client.js';

export type Found = { dossier: Dossier } | { reply: Reply[] };

/** The dossier with that code in the official's commune; otherwise the reply that explains why not. */
export async function dossierForOfficial(ctx: Ctx, code: string, usageId: string): Promise<Found> {
  const wanted = code.trim().split(/\s+/)[0] ?? '';
  if (!wanted) return { reply: [{ text: ctx.t(usageId) }] };
  if (ctx.role !== 'admin' && !ctx.account.communeId) return { reply: [{ text: ctx.t('dossier-no-commune') }] };
  const dossier = await ctx.app.db.dossier.findUnique({ where: { code: wanted } });
  // Another commune's dossier gets the same answer as a missing one.
  if (!dossier || (ctx.role !== 'admin' && dossier.communeId !== ctx.account.communeId)) {
    return { reply: [{ text: ctx.t('dossier-not-found', { code: wanted }) }] };
  }
  return { dossier };
}
