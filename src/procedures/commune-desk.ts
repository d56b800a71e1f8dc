// Which commune's one-stop desk a person uses, so that a card can give its address, hours,
// phone and online page instead of "the desk of your commune". Stored on the account: the
// person's own choice (/xa or the "which commune?" button), else the commune of the first
// dossier they followed or complaint they filed (accounts/home-commune.ts); an official's own commune.
// Kept on the account rather than looked up per card, because a card is the most frequent
// answer and every query on its path costs throughput.
import type { Commune } from '../generated/prisma/client.js';
import type { ButtonRoute, CommandSpec, Ctx, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import { matchCommunes, MAX_COMMUNE_BUTTONS } from '../complaints/communes.js';
import { cardReply } from './card.js';
import { everyone } from '../accounts/roles.js';


/** Button payloads: `xa:a:<procedure code>` asks which commune, `xa:s:<commune id>:<procedure code>` chooses it. */
const PREFIX = 'xa';

export async function knownCommune(ctx: Ctx): Promise<Commune | null> {
  const { db } = ctx.services;
  const { account } = ctx;
  const id = account.homeCommuneId ?? account.communeId;
  return id ? db.commune.findUnique({ where: { id } }) : null;
}

/** Whether a "which commune?" button is worth showing: few enough communes to list. */
export function canAskCommune(ctx: Ctx): boolean {
  const count = ctx.services.procedures.communeCount;
  return count > 0 && count <= MAX_COMMUNE_BUTTONS;
}

async function communeChoices(ctx: Ctx, procedureCode: string, among?: Commune[]): Promise<Reply> {
  const communes = among ?? (await ctx.services.db.commune.findMany({ orderBy: { name: 'asc' } }));
  if (!communes.length || communes.length > MAX_COMMUNE_BUTTONS) return { text: ctx.t('desk-type-commune') };
  return {
    text: ctx.t('desk-choose'),
    buttons: column(communes.map((c) => button(c.name, `${PREFIX}:s:${c.id}:${procedureCode}`.slice(0, 64)))),
  };
}

async function choose(ctx: Ctx, commune: Commune, procedureCode: string): Promise<Reply[]> {
  await ctx.services.db.account.update({ where: { id: ctx.account.id }, data: { homeCommuneId: commune.id } });
  const chosen: Reply = { text: ctx.t('desk-chosen', { commune: commune.name }) };
  const procedure = procedureCode ? ctx.services.procedures.byCode(procedureCode) : undefined;
  if (!procedure) return [chosen];
  // Show the card again, now with this commune's desk.
  return [chosen, cardReply(ctx, procedure, { desk: commune })];
}

export const xaCommand: CommandSpec = {
  name: 'xa',
  roles: everyone,
  summary: 'desk-cmd-xa',
  async run(ctx, args) {
    const current = await knownCommune(ctx);
    if (!args) {
      const lines = current ? ctx.t('desk-current', { commune: current.name }) : ctx.t('desk-none');
      const choices = await communeChoices(ctx, '');
      return [{ ...choices, text: `${lines}\n\n${choices.text}` }];
    }
    const found = await matchCommunes(ctx.services.db, args);
    if (found.length === 1) return choose(ctx, found[0], '');
    if (found.length > 1) return [await communeChoices(ctx, '', found.slice(0, MAX_COMMUNE_BUTTONS))];
    return [{ text: ctx.t('desk-commune-unknown', { typed: args.slice(0, 60) }) }, await communeChoices(ctx, '')];
  },
};

export const xaButtons: ButtonRoute = {
  prefix: PREFIX,
  async run(ctx, rest) {
    const ask = /^a:(.*)$/.exec(rest);
    if (ask) return [await communeChoices(ctx, ask[1])];
    const set = /^s:(\d+):(.*)$/.exec(rest);
    const commune = set ? await ctx.services.db.commune.findUnique({ where: { id: Number(set[1]) } }) : null;
    if (!set || !commune) return [{ text: ctx.t('button-expired') }];
    return choose(ctx, commune, set[2]);
  },
};
