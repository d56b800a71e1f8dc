// What an operator must know before trusting the alerts: communes where nobody would hear one
// (no manager of the commune or of its province) and alerts kept for them. Said at `npm start`
// (a log warning) and by `npm run cli -- doctor`.
import type { Db } from '../db/index.js';
import type { Translate } from '../i18n/index.js';
import { communesWithoutLeadership } from './leadership.js';

/** Communes named in full up to this many; beyond, a count. */
const NAMED = 20;

export interface LeadershipGaps {
  communes: { code: string; name: string }[];
  heldAlerts: number;
}

export async function leadershipGaps(db: Db): Promise<LeadershipGaps> {
  const [communes, heldAlerts] = await Promise.all([communesWithoutLeadership(db), db.heldAlert.count({ where: { deliveredAt: null } })]);
  return { communes: communes.map((c) => ({ code: c.code, name: c.name })), heldAlerts };
}

/** The warning lines for the operator; none when every commune has someone to tell. */
export function gapLines(t: Translate, gaps: LeadershipGaps): string[] {
  if (!gaps.communes.length && !gaps.heldAlerts) return [];
  const lines: string[] = [];
  if (gaps.communes.length) {
    lines.push(t('alerts-doctor-no-manager', { count: gaps.communes.length }));
    lines.push(...gaps.communes.slice(0, NAMED).map((c) => `  • ${c.code} — ${c.name}`));
    if (gaps.communes.length > NAMED) lines.push(t('alerts-doctor-more', { count: gaps.communes.length - NAMED }));
    lines.push(t('alerts-doctor-fix', { example: gaps.communes[0].code }));
  }
  if (gaps.heldAlerts) lines.push(t('alerts-doctor-held', { count: gaps.heldAlerts }));
  return lines;
}
