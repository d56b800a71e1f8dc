// Citizens' questions about procedures: free-text search, /thutuc browsing by field, and the
// procedure card behind every button.
import type { ConversationModule, Ctx, Reply } from '../conversation/types.js';
import { cardReply } from './card.js';
import { everyone } from '../accounts/roles.js';


function fieldButtons(ctx: Ctx): Reply['buttons'] {
  return ctx.services.procedures.fields().map((field, i) => [{ label: field, payload: `pf:${i}` }]);
}

function noMatch(ctx: Ctx): Reply[] {
  return [{ text: `${ctx.t('search-no-match')}\n\n${ctx.t('desk-contact')}`, buttons: fieldButtons(ctx) }];
}

export async function answerQuestion(ctx: Ctx, question: string): Promise<Reply[]> {
  const hits = ctx.services.procedures.search(question, 4);
  if (!hits.length) return noMatch(ctx);
  const [best, ...others] = hits.map((h) => h.record);
  return [cardReply(ctx, best, others.slice(0, 3))];
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
  ],
  buttons: [
    {
      prefix: 'pf',
      async run(ctx, rest) {
        const field = ctx.services.procedures.fields()[Number(rest)];
        if (!field) return [{ text: ctx.t('button-expired') }];
        const items = ctx.services.procedures.inField(field);
        return [
          {
            text: ctx.t('browse-field', { field, count: items.length }),
            buttons: items.map((p) => [{ label: p.name, payload: `p:${p.code}` }]),
          },
        ];
      },
    },
    {
      prefix: 'p',
      async run(ctx, code) {
        const procedure = ctx.services.procedures.byCode(code);
        return procedure ? [cardReply(ctx, procedure)] : [{ text: ctx.t('button-expired') }];
      },
    },
  ],
  fallback: answerQuestion,
};
