// Alerts for a commune's leadership (a rating "not satisfied" or "asked to pay extra", an
// overdue complaint, a rejected one, a complaint about staff conduct). One rule decides who
// hears: the managers of the commune itself, else the managers of its province. When nobody is
// in scope the alert is not dropped: it is kept (HeldAlert) in both languages and given to the
// first manager who signs up with that commune in scope, unless that manager is one of the people
// the alert may be about (an official who handled the dossier, promoted since). Callers learn
// which happened, so that what the citizen is told ("the leadership has been told") is true.
import type { Account, Commune } from '../generated/prisma/client.js';
import type { Db, Tx } from '../db/index.js';
import type { Services } from '../services.js';
import type { Reply } from '../conversation/types.js';
import { locales } from '../i18n/index.js';
import { localeOf, speakerFor, type Speaker } from '../accounts/accounts.js';
import { enqueue } from '../outbox/enqueue.js';
import { z } from 'zod';

export type AlertOutcome = 'told' | 'held';

/** The commune's managers, else the province's; never the accounts in `exclude`. */
export async function leadershipOf(db: Db | Tx, communeId: number, exclude: readonly number[] = []): Promise<Account[]> {
  const commune = await db.commune.findUnique({ where: { id: communeId } });
  if (!commune) return [];
  const notExcluded = { id: { notIn: [...exclude] } };
  const own = await db.account.findMany({ where: { role: 'manager', scopes: { some: { communeId } }, ...notExcluded }, orderBy: { id: 'asc' } });
  if (own.length) return own;
  return db.account.findMany({ where: { role: 'manager', scopes: { some: { provinceId: commune.provinceId } }, ...notExcluded }, orderBy: { id: 'asc' } });
}

/**
 * Queues the alert for each recipient (in their language), or, when there is nobody, keeps it
 * for the commune's first manager who is not in `exclude` (the accounts the recipients were
 * chosen without). Call inside the transaction of the cause.
 */
export async function alertOrHold(
  tx: Tx,
  services: Pick<Services, 'i18n'>,
  communeId: number,
  recipients: readonly Account[],
  key: string,
  compose: (speaker: Speaker) => Reply,
  exclude: readonly number[] = [],
): Promise<AlertOutcome> {
  if (recipients.length) {
    for (const to of recipients) await enqueue(tx, { to, reply: compose(speakerFor(services.i18n, to)), dedupKey: `${key}:${to.id}` });
    return 'told';
  }
  const payload = Object.fromEntries(locales.map((locale) => [locale, compose({ locale, t: services.i18n.in(locale) })]));
  const existing = await tx.heldAlert.findUnique({ where: { key } });
  if (!existing) await tx.heldAlert.create({ data: { communeId, key, payload: JSON.stringify(payload), excludedIds: JSON.stringify([...exclude]) } });
  return 'held';
}

/** The leadership of the commune is told, or the alert is held for them. */
export async function alertLeadership(
  tx: Tx,
  services: Pick<Services, 'i18n'>,
  communeId: number,
  key: string,
  compose: (speaker: Speaker) => Reply,
  exclude: readonly number[] = [],
): Promise<AlertOutcome> {
  return alertOrHold(tx, services, communeId, await leadershipOf(tx, communeId, exclude), key, compose, exclude);
}

const replySchema = z.object({ text: z.string() }).passthrough();
const excludedSchema = z.array(z.number().int());

/**
 * A manager has just signed up: the alerts held for communes now in their scope are theirs,
 * oldest first, and no longer held, except those that may be about this manager, which stay
 * held for another. Returns how many were given.
 */
export async function deliverHeldAlerts(tx: Tx, manager: Account, now: Date): Promise<number> {
  const scopes = await tx.managerScope.findMany({ where: { accountId: manager.id } });
  const provinceIds = scopes.flatMap((s) => (s.provinceId !== null ? [s.provinceId] : []));
  const viaProvince = provinceIds.length ? await tx.commune.findMany({ where: { provinceId: { in: provinceIds } }, select: { id: true } }) : [];
  const communeIds = [...scopes.flatMap((s) => (s.communeId !== null ? [s.communeId] : [])), ...viaProvince.map((c) => c.id)];
  if (!communeIds.length) return 0;
  const held = await tx.heldAlert.findMany({ where: { communeId: { in: communeIds }, deliveredAt: null }, orderBy: { id: 'asc' } });
  const locale = localeOf(manager);
  let given = 0;
  for (const alert of held) {
    if (excludedSchema.parse(JSON.parse(alert.excludedIds)).includes(manager.id)) continue;
    const claimed = await tx.heldAlert.updateMany({ where: { id: alert.id, deliveredAt: null }, data: { deliveredAt: now, deliveredToId: manager.id } });
    if (claimed.count !== 1) continue;
    const payload = JSON.parse(alert.payload) as Record<string, unknown>;
    const reply = replySchema.safeParse(payload[locale] ?? payload.vi);
    if (!reply.success) continue;
    await enqueue(tx, { to: manager, reply: reply.data as Reply, dedupKey: `held-alert:${alert.id}` });
    given++;
  }
  return given;
}

/** Communes whose alerts would be held today: no manager of the commune nor of its province. */
export async function communesWithoutLeadership(db: Db): Promise<Commune[]> {
  const scopes = await db.managerScope.findMany({ where: { account: { role: 'manager' } } });
  const communeIds = new Set(scopes.flatMap((s) => (s.communeId !== null ? [s.communeId] : [])));
  const provinceIds = new Set(scopes.flatMap((s) => (s.provinceId !== null ? [s.provinceId] : [])));
  const communes = await db.commune.findMany({ orderBy: { code: 'asc' } });
  return communes.filter((c) => !communeIds.has(c.id) && !provinceIds.has(c.provinceId));
}
