// Which commune a command is about: the code typed after it, the only commune in the person's
// scope, or a choice among a few. Anything outside the scope is refused, whatever was typed.
import { communeIdsInScope } from '../accounts/scope.js';
import type { Ctx, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';

/** Above this many communes in scope, ask for a code instead of listing buttons. */
const MAX_CHOICES = 20;

export type Picked = { ok: true; communeId: number } | { ok: false; replies: Reply[] };

export async function pickCommune(ctx: Ctx, args: string, buttonPrefix: string, command: string): Promise<Picked> {
  const { db } = ctx.services;
  const scope = await communeIdsInScope(db, ctx.account);
  const code = args.split(/\s+/)[0]?.toUpperCase();
  if (code) {
    const commune = await db.commune.findUnique({ where: { code } });
    if (!commune) return refuse(ctx.t('criteria-unknown-commune', { code }));
    if (!scope.includes(commune.id)) return refuse(ctx.t('criteria-out-of-scope', { code }));
    return { ok: true, communeId: commune.id };
  }
  if (!scope.length) return refuse(ctx.t('criteria-no-scope'));
  if (scope.length === 1) return { ok: true, communeId: scope[0] };
  if (scope.length > MAX_CHOICES) return refuse(ctx.t('criteria-too-many-communes', { count: scope.length, command }));
  const communes = await db.commune.findMany({ where: { id: { in: scope } }, orderBy: { name: 'asc' } });
  return {
    ok: false,
    replies: [{ text: ctx.t('criteria-choose-commune'), buttons: column(communes.map((c) => button(c.name, `${buttonPrefix}:${c.id}`))) }],
  };
}

/** For buttons carrying a commune id: the id if the person may see it, else null. */
export async function communeInScope(ctx: Ctx, raw: string): Promise<number | null> {
  const id = Number(raw);
  if (!Number.isInteger(id)) return null;
  return (await communeIdsInScope(ctx.services.db, ctx.account)).includes(id) ? id : null;
}

function refuse(text: string): Picked {
  return { ok: false, replies: [{ text }] };
}
