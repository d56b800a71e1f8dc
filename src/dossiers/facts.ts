// What a person sees of a dossier: procedure, commune, dates and status, never personal data.
import type { Db, Tx } from '../db/index.js';
import type { Dossier } from '../generated/prisma/client.js';
import { formatVnDate } from '../shared/vntime.js';
import type { Translate } from '../i18n/index.js';

export interface DossierFacts {
  procedure: string;
  commune: string;
  /** Where results are handed back (the desk's address, else the commune's name). */
  place: string;
}

export async function dossierFacts(db: Db | Tx, dossier: Pick<Dossier, 'procedureId' | 'communeId'>): Promise<DossierFacts> {
  const [procedure, commune] = await Promise.all([
    db.procedure.findUnique({ where: { id: dossier.procedureId }, select: { name: true } }),
    db.commune.findUnique({ where: { id: dossier.communeId }, select: { name: true, deskAddress: true } }),
  ]);
  return {
    procedure: procedure?.name ?? '',
    commune: commune?.name ?? '',
    place: commune?.deskAddress ?? commune?.name ?? '',
  };
}

/** The dossier's due date now: the apology's new date when there is one. */
export function currentDueAt(dossier: Pick<Dossier, 'dueAt' | 'newDueAt'>): Date {
  return dossier.newDueAt ?? dossier.dueAt;
}

/** The card shown to a citizen who opens a dossier, and to officials. */
export function dossierCard(t: Translate, dossier: Dossier, facts: DossierFacts): string {
  const lines = [
    t('dossier-card', {
      code: dossier.code,
      procedure: facts.procedure,
      commune: facts.commune,
      received: formatVnDate(dossier.receivedAt),
      due: formatVnDate(dossier.dueAt),
      status: dossier.status,
      outcome: dossier.outcome ?? 'none',
    }),
  ];
  if (dossier.newDueAt) lines.push(t('dossier-card-new-due', { due: formatVnDate(dossier.newDueAt) }));
  return lines.join('\n');
}
