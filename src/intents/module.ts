// Free text that is not a question about a procedure, answered before the search: a complaint
// (an apology and a one-tap start of /phananh with the category chosen), "my dossier" (the
// status of the dossiers the person follows, or a request for the receipt's code), greetings,
// thanks and calls for help. Codes typed inside a sentence are picked up by the dossier and
// complaint modules' own text handlers, which run before this one.
import type { ConversationModule, Ctx, Reply } from '../conversation/types.js';
import { button } from '../conversation/replies.js';
import { mentionsDenunciation } from '../complaints/denunciation.js';
import { legalRedirect } from '../complaints/filing-flow.js';
import { dossierCard, dossierFacts } from '../dossiers/facts.js';
import { IntentDetector } from './detect.js';

/** Dossiers shown for "my dossier": the latest ones the person follows. */
const MAX_DOSSIERS = 3;

const detector = IntentDetector.load();

/** Status cards of the dossiers the person follows, newest first; empty when none. */
async function followedCards(ctx: Ctx): Promise<string[]> {
  const { db } = ctx.services;
  const dossiers = await db.dossier.findMany({
    where: { followerId: ctx.account.id },
    orderBy: { receivedAt: 'desc' },
    take: MAX_DOSSIERS,
  });
  return Promise.all(dossiers.map(async (d) => dossierCard(ctx.t, d, await dossierFacts(db, d))));
}

async function myDossier(ctx: Ctx): Promise<Reply[]> {
  const cards = await followedCards(ctx);
  if (!cards.length) return [{ text: ctx.t('intent-dossier-ask-code') }];
  return [{ text: [ctx.t('intent-dossier-followed', { count: cards.length }), ...cards].join('\n\n') }];
}

async function complaint(ctx: Ctx, text: string, category: string, aboutDossier: boolean): Promise<Reply[]> {
  // Denunciations and legal complaints have their own procedure (as with /phananh).
  if (mentionsDenunciation(text)) return legalRedirect(ctx);
  const categories = ctx.services.complaintCategories;
  const known = categories.get(category);
  const parts = [ctx.t('intent-complaint-apology', { category: known ? 'known' : 'other', label: known?.label[ctx.locale] ?? '' })];
  if (aboutDossier) parts.push(...(await followedCards(ctx)));
  return [
    {
      text: parts.join('\n\n'),
      buttons: [
        [button(ctx.t('intent-complaint-file', { label: known?.label[ctx.locale] ?? 'none' }), `cp:k:${known?.key ?? ''}`)],
      ],
    },
  ];
}

export async function answerIntent(ctx: Ctx, text: string): Promise<Reply[] | null> {
  const intent = detector.detect(text);
  if (!intent) return null;
  switch (intent.kind) {
    case 'complaint':
      return complaint(ctx, text, intent.category, intent.aboutDossier);
    case 'my-dossier':
      return myDossier(ctx);
    case 'help':
      return ctx.help();
    case 'greeting':
    case 'thanks':
      return [{ text: ctx.t(`intent-${intent.kind}`) }];
  }
}

export const intentsModule: ConversationModule = {
  name: 'intents',
  text: answerIntent,
};
