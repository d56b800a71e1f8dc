// Who may see and work a complaint, and who hears of it.
//
// The rule (README, "Complaints: who sees what"): a complaint about staff conduct (a category
// marked staffConduct) or linked to a dossier is the leadership's: the managers of the commune,
// else of its province. Officials never see it, and whoever registered or handled the linked
// dossier never does, whatever their role: the official complained about must not handle the
// complaint nor learn who made it (Law on Denunciations 2018: the denouncer's identity is kept
// confidential; a person with a conflict of interest does not handle the case). Other
// complaints are the commune's officials' and managers'. The reporter may follow their own
// complaint; nobody else learns whether a code exists.
import type { Account, Complaint } from '../generated/prisma/client.js';
import type { Db, Tx } from '../db/index.js';
import type { MessageId } from '../i18n/index.js';
import { roleOf } from '../accounts/accounts.js';
import { canSeeCommune, managersOf, officialsOf } from '../accounts/scope.js';
import { leadershipOf } from '../alerts/leadership.js';
import { dossierActors } from '../dossiers/actors.js';

type Routed = Pick<Complaint, 'communeId' | 'dossierCode' | 'leadership'>;

/**
 * The accounts a dossier-linked complaint may be about: the official who registered the dossier
 * and everyone who acted on it (result ready, handed back, declared late).
 */
export async function accusedOf(db: Db | Tx, complaint: Pick<Complaint, 'dossierCode'>): Promise<number[]> {
  return complaint.dossierCode ? dossierActors(db, complaint.dossierCode) : [];
}

/** Codes of the dossiers the account registered or acted on: complaints linked to them are never theirs to see. */
export async function dossierCodesActedOnBy(db: Db, accountId: number): Promise<string[]> {
  const [handled, acts] = await Promise.all([
    db.dossier.findMany({ where: { handlerId: accountId }, select: { code: true } }),
    db.auditLog.findMany({ where: { actorId: accountId, action: { startsWith: 'dossier.' }, subject: { not: null } }, select: { subject: true } }),
  ]);
  return [...new Set([...handled.map((d) => d.code), ...acts.map((a) => a.subject!)])];
}

/** Why the account may not work the complaint (the refusal to give), or null when it may. */
export async function handlingRefusal(db: Db, account: Account, complaint: Routed & Pick<Complaint, 'code'>): Promise<{ id: MessageId; args?: Record<string, string> } | null> {
  // Citizens learn nothing about codes that are not theirs; staff are told why they are refused.
  if (roleOf(account) === 'citizen') return { id: 'complaints-not-found', args: { code: complaint.code } };
  if (!(await canSeeCommune(db, account, complaint.communeId))) return { id: 'complaints-out-of-scope' };
  // The same words for an official kept out and for the person it may be about: neither learns more.
  if (complaint.leadership && roleOf(account) === 'official') return { id: 'complaints-leadership-only' };
  if ((await accusedOf(db, complaint)).includes(account.id)) return { id: 'complaints-leadership-only' };
  return null;
}

export async function canHandle(db: Db, account: Account, complaint: Routed & Pick<Complaint, 'code'>): Promise<boolean> {
  return (await handlingRefusal(db, account, complaint)) === null;
}

export async function canRead(db: Db, account: Account, complaint: Complaint): Promise<boolean> {
  return complaint.reporterId === account.id || canHandle(db, account, complaint);
}

/** Whether a complaint filed in this category, with or without a dossier, is the leadership's. */
export function isLeadershipMatter(staffConduct: boolean, dossierCode: string | null): boolean {
  return staffConduct || dossierCode !== null;
}

/**
 * Everyone told about a new (or forwarded-in) complaint of the commune: the leadership alone for
 * theirs (never the accused), else the commune's officials and managers.
 */
export async function handlersOf(db: Db | Tx, complaint: Routed): Promise<Account[]> {
  if (complaint.leadership) return leadershipOf(db, complaint.communeId, await accusedOf(db, complaint));
  const all = [...(await officialsOf(db, complaint.communeId)), ...(await managersOf(db, complaint.communeId))];
  return [...new Map(all.map((a) => [a.id, a])).values()];
}

/**
 * Who works an open complaint day to day: its assignee, else the leadership for theirs, else the
 * commune's officials, else (a commune with no official on the bot yet) its managers.
 */
export async function followersOf(db: Db, complaint: Complaint): Promise<Account[]> {
  if (complaint.assigneeId) {
    const assignee = await db.account.findUnique({ where: { id: complaint.assigneeId } });
    if (assignee && (await canHandle(db, assignee, complaint))) return [assignee];
  }
  if (complaint.leadership) return leadershipOf(db, complaint.communeId, await accusedOf(db, complaint));
  const officials = await officialsOf(db, complaint.communeId);
  return officials.length ? officials : managersOf(db, complaint.communeId);
}
