// Citizens' questions about procedures: free-text search (procedures and referrals to other
// agencies, in Vietnamese or English), /thutuc browsing by field, /xa to choose one's commune,
// and the card behind every button.
import type { ConversationModule, Ctx, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import { cardReply, referralCard } from './card.js';
import type { CatalogueHit, ProcedureRecord } from './catalogue-service.js';
import { canAskCommune, knownCommune, xaButtons, xaCommand } from './commune-desk.js';
import { fieldInEnglish } from './english.js';
import { everyone } from '../accounts/roles.js';

/** A field's name in the person's language. */
function fieldName(ctx: Ctx, field: string): string {
  return (ctx.locale === 'en' && fieldInEnglish(field)) || field;
}

function fieldButtons(ctx: Ctx): Reply['buttons'] {
  return ctx.services.procedures.fields().map((field, i) => [{ label: fieldName(ctx, field), payload: `pf:${i}` }]);
}

/** The procedures of one field, as buttons. */
function fieldReply(ctx: Ctx, field: string): Reply {
  const items = ctx.services.procedures.inField(field);
  return {
    text: ctx.t('browse-field', { field: fieldName(ctx, field), count: items.length }),
    buttons: items.map((p) => [{ label: (ctx.locale === 'en' && p.nameEn) || p.name, payload: `p:${p.code}` }]),
  };
}

function noMatch(ctx: Ctx): Reply[] {
  return [{ text: `${ctx.t('search-no-match')}\n\n${ctx.t('desk-contact')}`, buttons: fieldButtons(ctx) }];
}

/** A hit's name in the person's language, for buttons. */
function label(ctx: Ctx, hit: Pick<CatalogueHit, 'record'>): string {
  const { record } = hit;
  return (ctx.locale === 'en' && record.nameEn) || record.name;
}

/** Button labels longer than this are cut at a word, so that they read well on a phone. */
const MAX_LABEL = 60;

function shorten(text: string): string {
  if (text.length <= MAX_LABEL) return text;
  const cut = text.slice(0, MAX_LABEL - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > MAX_LABEL / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[,;:]$/, '')}…`;
}

function hitButton(ctx: Ctx, hit: CatalogueHit) {
  return button(shorten(label(ctx, hit)), `${hit.kind === 'referral' ? 'ref' : 'p'}:${hit.record.code}`);
}

/** The card of a procedure with the person's commune desk, or the offer to choose it. */
export async function procedureReply(ctx: Ctx, procedure: ProcedureRecord, alternatives: CatalogueHit[] = []): Promise<Reply> {
  const desk = procedure.place === 'police' ? null : await knownCommune(ctx);
  return cardReply(ctx, procedure, {
    desk,
    alternatives: alternatives.map((h) => hitButton(ctx, h)),
    askCommune: !desk && canAskCommune(ctx),
  });
}

export async function answerQuestion(ctx: Ctx, question: string): Promise<Reply[]> {
  const decision = ctx.services.procedures.decide(question);
  switch (decision.kind) {
    case 'none':
      return noMatch(ctx);
    case 'field':
      return [fieldReply(ctx, decision.field)];
    case 'choose': {
      const names = decision.choices.map((h) => label(ctx, h));
      const text =
        names.length === 1 ? ctx.t('search-is-it', { a: names[0] }) : ctx.t('search-which', { a: names[0], b: names[1], more: names.length - 2 });
      return [{ text, buttons: column([...decision.choices.map((h) => hitButton(ctx, h)), button(ctx.t('search-none-of-these'), 'pn')]) }];
    }
    case 'answer': {
      const { best, alternatives } = decision;
      if (best.kind === 'referral') return [{ text: referralCard(ctx, best.record) }];
      return [await procedureReply(ctx, best.record, alternatives)];
    }
  }
}

export const proceduresModule: ConversationModule = {
  name: 'procedures',
  commands: [
    {
      name: 'thutuc',
      roles: everyone,
      summary: 'cmd-thutuc',
      async run(ctx, args) {
        if (args) return answerQuestion(ctx, args);
        return [{ text: ctx.t('browse-fields'), buttons: fieldButtons(ctx) }];
      },
    },
    xaCommand,
  ],
  buttons: [
    {
      prefix: 'pf',
      async run(ctx, rest) {
        const field = ctx.services.procedures.fields()[Number(rest)];
        return field ? [fieldReply(ctx, field)] : [{ text: ctx.t('button-expired') }];
      },
    },
    {
      prefix: 'p',
      async run(ctx, code) {
        const procedure = ctx.services.procedures.byCode(code);
        return procedure ? [await procedureReply(ctx, procedure)] : [{ text: ctx.t('button-expired') }];
      },
    },
    {
      prefix: 'ref',
      async run(ctx, code) {
        const referral = ctx.services.procedures.referral(code);
        return referral ? [{ text: referralCard(ctx, referral) }] : [{ text: ctx.t('button-expired') }];
      },
    },
    {
      // "None of these": the fields to browse and how to reach the desk.
      prefix: 'pn',
      run: async (ctx) => noMatch(ctx),
    },
    xaButtons,
  ],
  fallback: answerQuestion,
};
