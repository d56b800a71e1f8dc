// How a complaint reads in a chat: the card (status, deadlines, history) and the buttons each
// side may press. The reporter's identity is passed in only when the viewer may see it.
import { z } from 'zod';
import type { Complaint, ComplaintEvent } from '../generated/prisma/client.js';
import type { Attachment, Button, Reply } from '../conversation/types.js';
import { button, column } from '../conversation/replies.js';
import type { Locale, Translate } from '../i18n/index.js';
import { formatVnDate } from '../shared/vntime.js';
import type { ComplaintCategories } from './categories.js';
import { isOpen, MAX_REOPENS, REOPEN_WINDOW_DAYS, UNACKNOWLEDGED, type ComplaintStatus } from './status.js';

/** A photo or file reference as stored with a complaint (and in the filing draft). */
export const attachmentSchema = z.object({
  kind: z.enum(['photo', 'file', 'location']),
  ref: z.string().max(500),
  name: z.string().max(200).optional(),
});
const attachmentsSchema = z.array(attachmentSchema);

/** The stored attachments column, validated (a bad value shows as none rather than failing). */
export function storedAttachments(json: string): Attachment[] {
  try {
    const parsed = attachmentsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export interface CardView {
  complaint: Complaint;
  communeName: string;
  events: ComplaintEvent[];
  /** Names of the staff who acted, by account id (the reporter is never among them). */
  actors?: ReadonlyMap<number, string>;
  /** Set only for handlers: the reporter's name, or the "anonymous" wording. */
  reporter?: string;
  /** Handlers only: whether the linked dossier's code may be shown (managers), with a warning when anonymous. */
  showDossier?: boolean;
  now: Date;
}

export function statusLabel(t: Translate, status: string): string {
  return t('complaints-status', { status });
}

export function historyLines(t: Translate, events: ComplaintEvent[], actors: ReadonlyMap<number, string> = new Map()): string[] {
  return events.map((e) => {
    const who = e.actorId !== null ? actors.get(e.actorId) : undefined;
    return `• ${formatVnDate(e.createdAt)} — ${t('complaints-event', { kind: e.kind })}${who ? ` (${who})` : ''}${e.note ? `: ${e.note}` : ''}`;
  });
}

/** The linked dossier's line: the reporter sees their own; of staff only managers, warned when it may give an anonymous reporter away. */
function dossierLine(t: Translate, view: CardView): string[] {
  const c = view.complaint;
  if (!c.dossierCode) return [];
  if (view.reporter === undefined) return [t('complaints-card-dossier', { code: c.dossierCode })];
  if (!view.showDossier) return [];
  return [t(c.anonymous ? 'complaints-card-dossier-anonymous' : 'complaints-card-dossier', { code: c.dossierCode })];
}

export function complaintCard(t: Translate, locale: Locale, categories: ComplaintCategories, view: CardView): string {
  const c = view.complaint;
  const overdue = isOpen(c.status) && c.dueAt < view.now ? 'yes' : 'no';
  const lines = [
    t('complaints-card-title', { code: c.code }),
    t('complaints-card-status', { status: statusLabel(t, c.status) }),
    t('complaints-card-commune', { commune: view.communeName }),
    t('complaints-card-category', { category: categories.label(c.category, locale) }),
    t('complaints-card-dates', { filed: formatVnDate(c.createdAt), due: formatVnDate(c.dueAt), overdue }),
  ];
  if (view.reporter !== undefined) {
    if (c.leadership) lines.push(t('complaints-card-leadership'));
    if (isOpen(c.status) && c.forwardDueAt) lines.push(t('complaints-card-forward-due', { due: formatVnDate(c.forwardDueAt) }));
    lines.push(t('complaints-card-reporter', { reporter: view.reporter }));
  }
  lines.push(...dossierLine(t, view));
  const attachments = storedAttachments(c.attachments);
  if (attachments.length) {
    lines.push(t('complaints-card-attachments', { count: attachments.length, refs: attachments.map((a) => a.name ?? a.ref).join(', ') }));
  }
  lines.push('', t('complaints-card-text'), c.text);
  if (c.status === 'resolved' && c.resolution) lines.push('', t('complaints-card-resolution', { resolution: c.resolution }));
  lines.push('', t('complaints-card-history'), ...historyLines(t, view.events, view.actors));
  return lines.join('\n');
}

/** What a handler may do next, given the status. */
export function handlerButtons(t: Translate, complaint: Complaint): Button[][] {
  if (!isOpen(complaint.status)) return [];
  const code = complaint.code;
  const buttons: Button[] = [];
  if ((UNACKNOWLEDGED as readonly string[]).includes(complaint.status)) buttons.push(button(t('complaints-button-acknowledge'), `cp:a:${code}`));
  buttons.push(
    button(t('complaints-button-question'), `cp:q:${code}`),
    button(t('complaints-button-answer'), `cp:n:${code}`),
    button(t('complaints-button-resolve'), `cp:r:${code}`),
    button(t('complaints-button-forward'), `cp:f:${code}`),
    button(t('complaints-button-reject'), `cp:x:${code}`),
  );
  return column(buttons);
}

/**
 * Whether the reporter may still ask for a second look (once, within the window): of a result,
 * or, by the leadership, of a rejection.
 */
export function canReopen(complaint: Complaint, now: Date): 'ok' | 'used' | 'expired' | 'not_resolved' {
  const closed = (['resolved', 'rejected'] as ComplaintStatus[]).includes(complaint.status as ComplaintStatus);
  if (!closed || !complaint.resolvedAt) return 'not_resolved';
  if (complaint.reopenCount >= MAX_REOPENS) return 'used';
  return now.getTime() - complaint.resolvedAt.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000 ? 'ok' : 'expired';
}

/** What the reporter may press: reply to a pending question, or judge the result. */
export function reporterButtons(t: Translate, complaint: Complaint, now: Date): Button[][] {
  const code = complaint.code;
  if (complaint.status === 'waiting_citizen') return [[button(t('complaints-button-reply'), `cp:c:${code}`)]];
  if (complaint.status === 'rejected') {
    return canReopen(complaint, now) === 'ok' ? [[button(t('complaints-button-review'), `cp:o:${code}`)]] : [];
  }
  if (complaint.status !== 'resolved') return [];
  const rows: Button[][] = [
    [button(t('complaints-button-satisfied'), `cp:s:${code}:1`), button(t('complaints-button-unsatisfied'), `cp:s:${code}:0`)],
  ];
  if (canReopen(complaint, now) === 'ok') rows.push([button(t('complaints-button-reopen'), `cp:o:${code}`)]);
  return rows;
}

export function withButtons(text: string, buttons: Button[][]): Reply {
  return buttons.length ? { text, buttons } : { text };
}
