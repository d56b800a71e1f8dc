// Who a dossier's handling is about: the official who registered it and everyone who acted on
// it (result ready, handed back, declared late). A complaint or a rating alert about that
// handling must never reach them (README, "Complaints: who sees what").
import type { Db, Tx } from '../db/index.js';

export async function dossierActors(db: Db | Tx, code: string): Promise<number[]> {
  const [dossier, acts] = await Promise.all([
    db.dossier.findUnique({ where: { code }, select: { handlerId: true } }),
    db.auditLog.findMany({ where: { subject: code, action: { startsWith: 'dossier.' }, actorId: { not: null } }, select: { actorId: true } }),
  ]);
  const ids = [dossier?.handlerId ?? null, ...acts.map((a) => a.actorId)].filter((id): id is number => id !== null);
  return [...new Set(ids)];
}
