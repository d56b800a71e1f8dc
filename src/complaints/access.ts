// Who may see and work a complaint. Handlers are the commune's officials and the managers
// whose scope covers it; the reporter may follow their own complaint. Nobody else learns
// whether a code exists.
import type { Account, Complaint } from '../generated/prisma/client.js';
import type { Db } from '../db/index.js';
import { roleOf } from '../accounts/accounts.js';
import { canSeeCommune, managersOf, officialsOf } from '../accounts/scope.js';

export async function canHandle(db: Db, account: Account, communeId: number): Promise<boolean> {
  return roleOf(account) !== 'citizen' && canSeeCommune(db, account, communeId);
}

export async function canRead(db: Db, account: Account, complaint: Complaint): Promise<boolean> {
  return complaint.reporterId === account.id || canHandle(db, account, complaint.communeId);
}

/** Everyone told about a new complaint in the commune: its officials and its managers. */
export async function handlersOf(db: Db, communeId: number): Promise<Account[]> {
  const all = [...(await officialsOf(db, communeId)), ...(await managersOf(db, communeId))];
  return [...new Map(all.map((a) => [a.id, a])).values()];
}

/**
 * Who works an open complaint day to day: its assignee, else the commune's officials, else (a
 * commune with no official on the bot yet) its managers, so that somebody always hears.
 */
export async function followersOf(db: Db, complaint: Complaint): Promise<Account[]> {
  if (complaint.assigneeId) {
    const assignee = await db.account.findUnique({ where: { id: complaint.assigneeId } });
    if (assignee && (await canHandle(db, assignee, complaint.communeId))) return [assignee];
  }
  const officials = await officialsOf(db, complaint.communeId);
  return officials.length ? officials : managersOf(db, complaint.communeId);
}
