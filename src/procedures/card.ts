// How a procedure or a referral is shown to a citizen: the card with documents, fee, time limit,
// the desk of their commune (when known) and the online link, in the person's language. Facts
// stay in Vietnamese where the catalogue has no translation; an English card says so.
//
// Facts not yet confirmed are not flagged word by word ("(cần kiểm chứng)", "Chưa xác định"):
// unknown values are left out, markers are dropped, and the card ends with one line saying
// whom to confirm with. Operators still see the flags in the data and in `cli search`.
import type { Commune } from '../generated/prisma/client.js';
import type { Button, Ctx, Reply } from '../conversation/types.js';
import { button } from '../conversation/replies.js';
import type { ProcedureRecord, ReferralRecord } from './catalogue-service.js';
import { fieldInEnglish } from './english.js';

/** Inline markers of a fact that needs checking: "(cần kiểm chứng)", or ", cần kiểm chứng" inside brackets or at the end. */
const VERIFY_MARKERS = [/\s*\(\s*cần kiểm chứng\s*\)/giu, /\s*[,;]\s*cần kiểm chứng(?=\s*(?:\)|$))/giu];
/** A value that is only "not determined yet". */
const UNKNOWN_VALUE = /^\s*chưa xác định\b/iu;

/** A fact as a citizen reads it: null when unknown. `flagged` records that something was held back. */
function fact(value: string | undefined, flagged: { any: boolean }): string | null {
  if (!value) return null;
  if (UNKNOWN_VALUE.test(value)) {
    flagged.any = true;
    return null;
  }
  const clean = VERIFY_MARKERS.reduce((v, marker) => v.replace(marker, ''), value).trim();
  if (clean !== value.trim()) flagged.any = true;
  return clean || null;
}

/** The commune fields a card shows. Hours and online page may be missing in older data. */
type Desk = Pick<Commune, 'name' | 'deskAddress' | 'deskPhone'> & { deskHours?: string | null; deskOnlineUrl?: string | null };

function deskLines(ctx: Ctx, desk: Desk): string[] {
  const lines = [`  ${ctx.t('desk-address')}: ${desk.deskAddress ?? desk.name}`];
  if (desk.deskHours) lines.push(`  ${ctx.t('desk-hours')}: ${desk.deskHours}`);
  if (desk.deskPhone) lines.push(`  ${ctx.t('desk-phone')}: ${desk.deskPhone}`);
  if (desk.deskOnlineUrl) lines.push(`  ${ctx.t('desk-online')}: ${desk.deskOnlineUrl}`);
  return lines;
}

/** The closing line for anything left unconfirmed: whom to ask, with the commune's phone when known. */
function confirmLine(ctx: Ctx, place: 'desk' | 'police' | 'agency', desk: Desk | null): string {
  return ctx.t('card-confirm', { place, phone: place === 'desk' && desk?.deskPhone ? desk.deskPhone : 'none' });
}

function title(ctx: Ctx, name: string, nameEn: string | undefined, code?: string): string {
  const english = ctx.locale === 'en' && nameEn ? nameEn : 'none';
  return ctx.t('card-title', { name, nameEn: english, code: code ?? 'none' });
}

export function procedureCard(ctx: Ctx, p: ProcedureRecord, desk: Desk | null): string {
  const flagged = { any: Boolean(p.verify) };
  const lines = [title(ctx, p.name, p.nameEn, /^\d/.test(p.code) ? p.code : undefined)];
  const language = ctx.t('card-facts-language');
  if (language) lines.push(language);
  const field = (ctx.locale === 'en' && fieldInEnglish(p.field)) || p.field;
  lines.push(`${ctx.t('card-field')}: ${field}`, '', `${ctx.t('card-documents')}:`);
  const docs = p.documents.map((d) => fact(d, flagged)).filter((d): d is string => d !== null);
  lines.push(...docs.map((d, i) => `  ${i + 1}. ${d}`), '');
  const fee = fact(p.fee, flagged);
  if (fee) lines.push(`${ctx.t('card-fee')}: ${fee}${p.feeByProvince ? `\n  ${ctx.t('card-fee-province')}` : ''}`);
  const time = fact(p.timeLimit, flagged);
  if (time) lines.push(`${ctx.t('card-time')}: ${time}`);
  if (p.place === 'police') {
    lines.push(`${ctx.t('card-place')}: ${ctx.t('place-police', { commune: desk?.name ?? 'none' })}`);
  } else if (desk) {
    lines.push(`${ctx.t('card-place')}: ${ctx.t('place-desk-of', { commune: desk.name })}`, ...deskLines(ctx, desk));
  } else {
    lines.push(`${ctx.t('card-place')}: ${ctx.t('place-desk')}`);
  }
  const online = fact(p.online, flagged);
  if (online) lines.push(`${ctx.t('card-online')}: ${online}${p.onlineUrl ? ` — ${p.onlineUrl}` : ''}`);
  const legal = fact(p.legalBasis, flagged);
  if (legal) lines.push(`${ctx.t('card-legal')}: ${legal}`);
  if (flagged.any) lines.push('', confirmLine(ctx, p.place === 'police' ? 'police' : 'desk', desk));
  return lines.join('\n');
}

export function referralCard(ctx: Ctx, r: ReferralRecord): string {
  const flagged = { any: Boolean(r.verify) };
  const lines = [title(ctx, r.name, r.nameEn), ctx.t('referral-not-here')];
  const language = ctx.t('card-facts-language');
  if (language) lines.push(language);
  lines.push('', `${ctx.t('referral-go-to')}: ${r.agency} — ${fact(r.where, flagged) ?? ''}`);
  const bring = r.bring.map((b) => fact(b, flagged)).filter((b): b is string => b !== null);
  if (bring.length) lines.push(`${ctx.t('referral-bring')}:`, ...bring.map((b, i) => `  ${i + 1}. ${b}`));
  const online = fact(r.online, flagged);
  if (online) lines.push(`${ctx.t('card-online')}: ${online}${r.onlineUrl ? ` — ${r.onlineUrl}` : ''}`);
  const note = fact(r.note, flagged);
  if (note) lines.push('', note);
  if (flagged.any) lines.push('', confirmLine(ctx, 'agency', null));
  return lines.join('\n');
}

export interface CardOptions {
  /** The person's commune, when known: its desk is shown. */
  desk?: Desk | null;
  /** Other procedures the question may have meant, offered as buttons. */
  alternatives?: Button[];
  /** Offer "which commune?" (the desk is unknown and there are communes to choose from). */
  askCommune?: boolean;
}

export function cardReply(ctx: Ctx, p: ProcedureRecord, options: CardOptions = {}): Reply {
  let text = procedureCard(ctx, p, options.desk ?? null);
  const rows: Button[][] = [];
  if (options.alternatives?.length) {
    text += `\n\n${ctx.t('card-alternatives')}`;
    rows.push(...options.alternatives.map((b) => [b]));
  }
  if (options.askCommune && p.place !== 'police') rows.push([button(ctx.t('desk-choose-button'), `xa:a:${p.code}`)]);
  return rows.length ? { text, buttons: rows } : { text };
}
