// Who answers for each criterion in each commune. An official may own several criteria; a
// criterion has one owner per commune. Changes notify the people concerned through the outbox
// in the same transaction, and are written to the audit log.
import type { MessageId } from '../i18n/index.js';
import type { Account } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import type { Tx } from '../db/index.js';
import { enqueue } from '../outbox/enqueue.js';
import { speakerFor } from '../accounts/accounts.js';
import { criterionHeading } from './format.js';
import type { CriterionInfo } from './model.js';

/** Officials of the commune, and managers whose scope covers it, may own its criteria. */
export async function mayOwn(tx: Tx | Services['db'], account: Account, communeId: number): Promise<boolean> {
  if (account.role === 'official') return account.communeId === communeId;
  if (account.role !== 'manager') return false;
  const commune = await tx.commune.findUnique({ where: { id: communeId }, select: { provinceId: true } });
  if (!commune) return false;
  const scope = await tx.managerScope.findFirst({
    where: { accountId: account.id, OR: [{ communeId }, { provinceId: commune.provinceId }] },
  });
  return scope !== null;
}

/**
 * Gives the criterion to `owner`. With `notify`, tells them and whoever had it (the bulk import
 * does not: the monthly reminder tells everyone). Returns false when nothing changed.
 */
export async function assignInTx(
  services: Pick<Services, 'i18n'>,
  tx: Tx,
  input: { communeId: number; communeName: string; criterion: CriterionInfo; owner: Account; actorId: number | null },
  options: { notify: boolean },
): Promise<boolean> {
  const { communeId, criterion, owner } = input;
  const where = { communeId_criterionId: { communeId, criterionId: criterion.id } };
  const before = await tx.assignment.findUnique({ where });
  if (before?.accountId === owner.id) return false;
  await tx.assignment.upsert({ where, create: { communeId, criterionId: criterion.id, accountId: owner.id }, update: { accountId: owner.id } });
  await tx.auditLog.create({
    data: {
      actorId: input.actorId,
      action: 'criteria.assign',
      subject: `commune:${communeId}/criterion:${criterion.id}`,
      detail: JSON.stringify({ from: before?.accountId ?? null, to: owner.id }),
    },
  });
  if (!options.notify) return true;
  const notify = async (account: Account, id: MessageId) => {
    const { t } = speakerFor(services.i18n, account);
    await enqueue(tx, { to: account, reply: { text: t(id, { heading: criterionHeading(t, criterion), commune: input.communeName }) } });
  };
  await notify(owner, 'criteria-assign-notify');
  const previous = before ? await tx.account.findUnique({ where: { id: before.accountId } }) : null;
  if (previous) await notify(previous, 'criteria-unassign-notify');
  return true;
}
