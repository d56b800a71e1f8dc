// The commune whose desk a person's cards show (see procedures/commune-desk.ts): a dossier
// followed or a complaint filed tells it, unless the person chose one with /xa.
import type { Db, Tx } from '../db/index.js';

export function rememberCommune(db: Db | Tx, accountId: number, communeId: number) {
  return db.account.updateMany({ where: { id: accountId, homeCommuneId: null }, data: { homeCommuneId: communeId } });
}
