// Accounts in the conversation: /dangky <code> takes the role an invitation grants, /toi shows
// who the person is to the bot (name, role, commune or scope), /ten changes one's own name.
import type { ConversationModule, Ctx, Reply } from '../conversation/types.js';
import { everyone } from './roles.js';
import type { Account } from '../generated/prisma/client.js';
import type { Db } from '../db/index.js';
import { roleOf } from './accounts.js';
import { redeemInvite } from './invites.js';
import { MAX_NAME_CHARS, nameOf, personNameSchema } from './names.js';

/** The commune of an official, or the communes and provinces of a manager's scope, by name. */
async function placesOf(db: Db, account: Account): Promise<string[]> {
  switch (roleOf(account)) {
    case 'official': {
      const commune = account.communeId ? await db.commune.findUnique({ where: { id: account.communeId } }) : null;
      return commune ? [commune.name] : [];
    }
    case 'manager': {
      const scopes = await db.managerScope.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' } });
      const ids = (key: 'communeId' | 'provinceId') => scopes.flatMap((s) => (s[key] !== null ? [s[key]] : []));
      const communes = await db.commune.findMany({ where: { id: { in: ids('communeId') } }, orderBy: { name: 'asc' } });
      const provinces = await db.province.findMany({ where: { id: { in: ids('provinceId') } }, orderBy: { name: 'asc' } });
      return [...provinces.map((p) => p.name), ...communes.map((c) => c.name)];
    }
    default:
      return [];
  }
}

async function signUp(ctx: Ctx, args: string): Promise<Reply[]> {
  if (!args) return [{ text: ctx.t('accounts-signup-usage') }];
  const result = await redeemInvite(ctx.services, ctx.account, args);
  if (!result.ok) return [{ text: ctx.t(`accounts-signup-${result.reason}`) }];
  const { account } = result;
  // The rest of this answer speaks to the person in their new role.
  const role = roleOf(account);
  const places = (await placesOf(ctx.services.db, account)).join(', ');
  const welcome = ctx.t('accounts-signup-welcome', { role, places, name: nameOf(ctx.t, account) });
  const held = result.heldAlerts ? [{ text: ctx.t('accounts-signup-held', { count: result.heldAlerts }) }] : [];
  return [{ text: welcome }, ...held, ...ctx.help(role)];
}

async function whoAmI(ctx: Ctx): Promise<Reply[]> {
  const places = await placesOf(ctx.services.db, ctx.account);
  const lines = [
    ctx.t('accounts-whoami-name', { name: nameOf(ctx.t, ctx.account) }),
    ctx.t('accounts-whoami-role', { role: ctx.t(`role-${ctx.role}`) }),
    ctx.t('accounts-whoami-channel', { channel: ctx.account.channel, id: ctx.account.externalId }),
  ];
  if (ctx.role === 'official') lines.push(ctx.t('accounts-whoami-commune', { commune: places[0] ?? '—' }));
  if (ctx.role === 'manager') lines.push(ctx.t('accounts-whoami-scope', { places: places.join(', ') || '—' }));
  if (ctx.role === 'citizen') lines.push('', ctx.t('refused-hint-signup'));
  return [{ text: lines.join('\n') }];
}

/** /ten <name>: the name others see in lists, reports and histories (and a named complaint). */
async function rename(ctx: Ctx, args: string): Promise<Reply[]> {
  if (!args.trim()) return [{ text: ctx.t('accounts-name-usage', { name: nameOf(ctx.t, ctx.account) }) }];
  const parsed = personNameSchema.safeParse(args);
  if (!parsed.success) return [{ text: ctx.t('accounts-name-bad', { max: MAX_NAME_CHARS }) }];
  const account = await ctx.services.db.account.update({ where: { id: ctx.account.id }, data: { displayName: parsed.data } });
  return [{ text: ctx.t('accounts-name-saved', { name: nameOf(ctx.t, account) }) }];
}

export const accountsModule: ConversationModule = {
  name: 'accounts',
  commands: [
    { name: 'dangky', roles: everyone, summary: 'accounts-cmd-dangky', run: signUp },
    { name: 'toi', roles: everyone, summary: 'accounts-cmd-toi', run: (ctx) => whoAmI(ctx) },
    { name: 'ten', roles: everyone, summary: 'accounts-cmd-ten', run: rename },
  ],
};
