// A dossier's result is ready (done) or handed back (returned). Returning classes it early /
// on time / late, tells its follower and asks for the rating, all in one transaction.
//
// Classification rule: the moment that counts is when the result was ready (doneAt; when an
// official skips /xong, the return itself), compared with the ORIGINAL due date, whatever /trehan
// said since: a result ready by the date first promised is on time (early if on an earlier
// day), and one ready after it is late, apology or not. An apology moves the date the citizen
// is promised (newDueAt), never the verdict.
import type { Services } from '../services.js';
import type { Dossier } from '../generated/prisma/client.js';
import { vnDate } from '../shared/vntime.js';
import { requestRating } from '../ratings/request.js';
import { dossierFacts } from './facts.js';
import { pushToFollower } from './notify.js';
import { DAY_MS } from './register.js';

export type Outcome = 'early' | 'on_time' | 'late';
export type StatusChange = 'done' | 'returned';

export function classifyOutcome(dueAt: Date, readyAt: Date): Outcome {
  if (readyAt.getTime() > dueAt.getTime()) return 'late';
  return vnDate(readyAt) < vnDate(dueAt) ? 'early' : 'on_time';
}

export interface StatusResult {
  dossier: Dossier;
  /** False when the dossier was already in that state (or further): nothing was done. */
  changed: boolean;
  /** True when the follower was told (and, on return, asked to rate). */
  followerTold: boolean;
}

type Deps = Pick<Services, 'db' | 'clock' | 'config' | 'i18n'>;

export async function changeDossierStatus(
  services: Deps,
  dossierId: number,
  status: StatusChange,
  options: { at?: Date; actorId?: number | null } = {},
): Promise<StatusResult> {
  const at = options.at ?? services.clock.now();
  return services.db.$transaction(async (tx) => {
    const before = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    const facts = await dossierFacts(tx, before);
    const ready = status === 'done' ? ['done', 'returned'] : ['returned'];
    // The guard in the WHERE makes two simultaneous requests change the dossier once.
    const data =
      status === 'done'
        ? { status, doneAt: at }
        : {
            status,
            doneAt: before.doneAt ?? at,
            returnedAt: at,
            outcome: classifyOutcome(before.dueAt, before.doneAt ?? at),
            // The citizen can still rate for RATING_TOKEN_DAYS after getting the result.
            tokenExpiresAt: new Date(Math.max(before.tokenExpiresAt.getTime(), at.getTime() + services.config.RATING_TOKEN_DAYS * DAY_MS)),
          };
    const moved = await tx.dossier.updateMany({ where: { id: dossierId, status: { notIn: ready } }, data });
    if (moved.count === 0) return { dossier: before, changed: false, followerTold: false };
    const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    await tx.auditLog.create({ data: { actorId: options.actorId ?? null, action: `dossier.${status}`, subject: dossier.code } });

    let followerTold: boolean;
    if (status === 'done') {
      const data = { code: dossier.code, procedure: facts.procedure, citizenName: dossier.citizenName ?? '', place: facts.place };
      followerTold = !!(await pushToFollower(
        tx,
        services,
        dossier,
        `dossier-done:${dossier.id}`,
        (t) => ({ text: t('dossier-push-done', { code: dossier.code, procedure: facts.procedure, place: facts.place }) }),
        { about: { kind: 'result_ready', data }, reportTo: options.actorId },
      ));
    } else {
      followerTold = await requestRating(tx, services, dossier, facts, services.clock.now(), options.actorId);
    }
    return { dossier, changed: true, followerTold };
  });
}
