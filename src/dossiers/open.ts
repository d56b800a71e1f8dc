// A citizen opens a dossier with the secret from the receipt: the Telegram deep link
// (`/start r_<token>`) or the short code typed on any channel. They see the dossier and may
// follow it or, once the result is returned, rate it. Holding the secret is what authorises
// both, so the choice is offered inside a short dialogue (flow payloads are honoured only
// there) rather than as buttons anyone could forge on Zalo, where payloads come back as text.
import type { Ctx, FlowSpec, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import type { Dossier } from '../generated/prisma/client.js';
import { startRating } from '../ratings/flow.js';
import { dossierCard, dossierFacts } from './facts.js';
import { TOKEN_PATTERN, findShortCode, sha256 } from './secrets.js';
import { rememberCommune } from '../accounts/home-commune.js';

export const OPEN_FLOW = 'dossier-open';

type Lookup = { ok: true; dossier: Dossier } | { ok: false; problem: 'unknown' | 'expired' | 'used' };

async function lookup(ctx: Ctx, where: { ratingTokenHash: string } | { shortCodeHash: string }): Promise<Lookup> {
  const dossier = await ctx.services.db.dossier.findUnique({ where });
  if (!dossier) return { ok: false, problem: 'unknown' };
  if (dossier.tokenUsedAt) return { ok: false, problem: 'used' };
  if (dossier.tokenExpiresAt.getTime() <= ctx.services.clock.now().getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, dossier };
}

async function open(ctx: Ctx, where: { ratingTokenHash: string } | { shortCodeHash: string } | null): Promise<Reply[]> {
  // Wrong secrets per account per hour: a short code has about 39 bits, so guessing must stay
  // far slower than the message rate limit allows.
  const limiter = ctx.services.limits.wrongCodes;
  const key = String(ctx.account.id);
  const now = ctx.services.clock.now().getTime();
  if ((await limiter.count(key, now)) >= ctx.services.config.RATE_LIMIT_WRONG_CODES_PER_HOUR) {
    return [{ text: ctx.t('dossier-open-too-many') }];
  }
  const found: Lookup = where ? await lookup(ctx, where) : { ok: false, problem: 'unknown' };
  if (!found.ok && found.problem === 'unknown') await limiter.hit(key, now);
  return show(ctx, found);
}

/** `/start r_<token>`. */
export async function openByToken(ctx: Ctx, token: string): Promise<Reply[]> {
  return open(ctx, TOKEN_PATTERN.test(token) ? { ratingTokenHash: sha256(token) } : null);
}

/** Free text that is or contains a short code; null lets other handlers have it. */
export async function openByShortCode(ctx: Ctx, text: string): Promise<Reply[] | null> {
  const code = findShortCode(text);
  if (!code) return null;
  return open(ctx, { shortCodeHash: sha256(code) });
}

async function show(ctx: Ctx, found: Lookup): Promise<Reply[]> {
  // One message for forged and unknown secrets: nothing tells a guesser which part was wrong.
  if (!found.ok) return [{ text: ctx.t(`dossier-open-${found.problem}`) }];
  const { dossier } = found;
  const card = dossierCard(ctx.t, dossier, await dossierFacts(ctx.services.db, dossier));
  await ctx.setDialogue(OPEN_FLOW, 'opened', { dossierId: dossier.id });
  if (dossier.status === 'returned') {
    return [{ text: `${card}\n\n${ctx.t('dossier-open-rate-invite')}`, buttons: column([button(ctx.t('rating-button-rate'), 'dso:rate')]) }];
  }
  if (dossier.followerId === ctx.account.id) return [{ text: `${card}\n\n${ctx.t('dossier-open-following')}` }];
  return [{ text: `${card}\n\n${ctx.t('dossier-open-follow-invite')}`, buttons: column([button(ctx.t('dossier-button-follow'), 'dso:follow')]) }];
}

export const openFlow: FlowSpec = {
  name: OPEN_FLOW,
  async onInput(ctx, state, input) {
    const dossierId = Number(state.data.dossierId);
    if (input.payload === 'dso:follow') return follow(ctx, dossierId);
    if (input.payload === 'dso:rate') {
      const dossier = await ctx.services.db.dossier.findUnique({ where: { id: dossierId } });
      return dossier ? startRating(ctx, dossier) : [{ text: ctx.t('button-expired') }];
    }
    // Looking at a dossier is not a question waiting for an answer: anything else is handled
    // as if no dialogue were open.
    return null;
  },
};

async function follow(ctx: Ctx, dossierId: number): Promise<Reply[]> {
  await ctx.clearDialogue();
  const dossier = await ctx.services.db.dossier.findUnique({ where: { id: dossierId } });
  if (!dossier) return [{ text: ctx.t('button-expired') }];
  // The latest person holding the receipt's secret follows it (one follower per dossier).
  await ctx.services.db.$transaction([
    ctx.services.db.dossier.update({ where: { id: dossierId }, data: { followerId: ctx.account.id } }),
    rememberCommune(ctx.services.db, ctx.account.id, dossier.communeId),
  ]);
  return [{ text: ctx.t('dossier-followed', { code: dossier.code }) }];
}
