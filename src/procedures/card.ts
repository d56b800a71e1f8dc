// How a procedure is shown to a citizen: the card with documents, fee, time limit, place
// and the online link, in the person's language.
import type { Ctx, Reply } from '../conversation/types.js';
import type { ProcedureRecord } from './catalogue-service.js';

export function procedureCard(ctx: Ctx, p: ProcedureRecord): string {
  const docs = p.documents.map((d, i) => `  ${i + 1}. ${d}`).join('\n');
  const lines = [
    `📄 ${p.name}${/^\d/.test(p.code) ? ` (${p.code})` : ''}`,
    `${ctx.t('card-field')}: ${p.field}`,
    '',
    `${ctx.t('card-documents')}:`,
    docs,
    '',
    `${ctx.t('card-fee')}: ${p.fee}${p.feeByProvince ? `\n  ${ctx.t('card-fee-province')}` : ''}`,
    `${ctx.t('card-time')}: ${p.timeLimit}`,
    `${ctx.t('card-place')}: ${ctx.t(p.place === 'police' ? 'place-police' : 'place-desk')}`,
    `${ctx.t('card-online')}: ${p.online}${p.onlineUrl ? ` — ${p.onlineUrl}` : ''}`,
  ];
  if (p.legalBasis) lines.push(`${ctx.t('card-legal')}: ${p.legalBasis}`);
  if (p.verify) lines.push('', ctx.t('card-verify'));
  return lines.join('\n');
}

export function cardReply(ctx: Ctx, p: ProcedureRecord, alternatives: ProcedureRecord[] = []): Reply {
  const text = procedureCard(ctx, p);
  if (!alternatives.length) return { text };
  return {
    text: `${text}\n\n${ctx.t('card-alternatives')}`,
    buttons: alternatives.map((a) => [{ label: a.name, payload: `p:${a.code}` }]),
  };
}
