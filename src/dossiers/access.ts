// Which dossiers an official may act on: those of their own commune (admins: any).
import type { Ctx } from '../conversation/types.js';
import { Refusal } from '../conversation/refusal.js';
import type { Dossier } from '../generated/prisma/client.js';
import type { MessageId } from '../i18n/index.js';

/** The dossier with that code in the official's commune; otherwise a refusal that explains why not. */
export async function dossierForOfficial(ctx: Ctx, code: string, usageId: MessageId): Promise<Dossier> {
  const wanted = code.trim().split(/\s+/)[0] ?? '';
  if (!wanted) throw new Refusal(usageId);
  if (ctx.role !== 'admin' && !ctx.account.communeId) throw new Refusal('dossier-no-commune');
  const dossier = await ctx.services.db.dossier.findUnique({ where: { code: wanted } });
  // Another commune's dossier gets the same answer as a missing one.
  if (!dossier || (ctx.role !== 'admin' && dossier.communeId !== ctx.account.communeId)) {
    throw new Refusal('dossier-not-found', { code: wanted });
  }
  return dossier;
}
