// Who may see which commune. Officials: their own commune. Managers: the communes and
// provinces in their scope rows. Admins: everything.
import type { Account } from '../generated/prisma/client.js';
import type { Db, Tx } from '../db/index.js';
import { roleOf } from './accounts.js';

/** Commune ids the account may read; citizens get none. */
export async function communeIdsInScope(db: Db, account: Account): Promise<number[]> {
  switch (roleOf(account)) {
    case 'official':
      return account.communeId ? [account.communeId] : [];
    case 'admin':
      return (await db.commune.findMany({ select: { id: true } })).map((c) => c.id);
    case 'manager': {
      const scopes = await db.managerScope.findMany({ where: { accountId: account.id } });
      const provinceIds = scopes.flatMap((s) => (s.provinceId ? [s.provinceId] : []));
      const direct = scopes.flatMap((s) => (s.communeId ? [s.communeId] : []));
      const viaProvince = provinceIds.length
        ? (await db.commune.findMany({ where: { provinceId: { in: provinceIds } }, select: { id: true } })).map((c) => c.id)
        : [];
      return [...new Set([...direct, ...viaProvince])].sort((a, b) => a - b);
    }
    default:
      return [];
  }
}

export async function canSeeCommune(db: Db, account: Account, communeId: number): Promise<boolean> {
  return (await communeIdsInScope(db, account)).includes(communeId);
}

/** Managers whose scope covers the commune (for alerts and escalations). */
export async function managersOf(db: Db | Tx, communeId: number): Promise<Account[]> {
  const commune = await db.commune.findUnique({ where: { id: communeId } });
  if (!commune) return [];
  return db.account.findMany({
    where: {
      role: 'manager',
      scopes: { some: { OR: [{ communeId }, { provinceId: commune.provinceId }] } },
    },
  });
}

/** Officials of a commune. */
export async function officialsOf(db: Db | Tx, communeId: number): Promise<Account[]> {
  return db.account.findMany({ where: { role: 'official', communeId } });
}
