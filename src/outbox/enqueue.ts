// Writing a push into the outbox. Call it inside the same transaction as the change that
// causes the push, so both happen or neither does. A dedupKey makes the push exactly-once:
// a second enqueue with the same key is ignored (that is how scheduled jobs stay idempotent).
import type { Account, OutboxMessage } from '../generated/prisma/client.js';
import { isUniqueViolation, type Db, type Tx } from '../db/index.js';
import type { Reply } from '../conversation/types.js';
import { PUSH_FIELDS, type PushInfo } from './types.js';

export interface OutboxItem {
  to: Pick<Account, 'id' | 'channel' | 'externalId'>;
  reply: Reply;
  /** Unique per logical push, e.g. `criteria-remind:2026-11:acc:12`. */
  dedupKey?: string;
  /** Send no earlier than this (reminders after 24 h). */
  notBefore?: Date;
  /** What the push is about, for a channel that must send it as a template outside its window. */
  push?: PushInfo;
  /** The account to tell if the push cannot be delivered (see src/outbox/undelivered.ts). */
  reportTo?: number;
}

function pushColumns(push: PushInfo | undefined) {
  return push
    ? { pushKind: push.kind, pushData: JSON.stringify({ data: push.data, ...(push.phone ? { phone: push.phone } : {}) }) }
    : {};
}

/**
 * "Due whatever the clock says": the database's now() is the machine's time, which a test's
 * (or a replayed) clock may be behind, and a push with no notBefore must go at once.
 */
const DUE_AT_ONCE = new Date(0);

/** The push a row is about, when it says; a malformed record is sent as a plain message. */
export function pushOf(row: Pick<OutboxMessage, 'pushKind' | 'pushData'>): PushInfo | undefined {
  if (!row.pushKind || !(row.pushKind in PUSH_FIELDS) || !row.pushData) return undefined;
  try {
    const { data, phone } = JSON.parse(row.pushData) as { data: Record<string, string>; phone?: string };
    return { kind: row.pushKind as PushInfo['kind'], data, ...(phone ? { phone } : {}) };
  } catch {
    return undefined;
  }
}

/** The outbox row of an item. */
function rowOf(item: OutboxItem) {
  return {
    channel: item.to.channel,
    chatId: item.to.externalId,
    accountId: item.to.id,
    payload: JSON.stringify(item.reply),
    dedupKey: item.dedupKey ?? null,
    nextAttemptAt: item.notBefore ?? DUE_AT_ONCE,
    reportToId: item.reportTo ?? null,
    ...pushColumns(item.push),
  };
}

/** Returns false when an item with the same dedupKey already exists. */
export async function enqueue(tx: Tx | Db, item: OutboxItem): Promise<boolean> {
  const data = rowOf(item);
  if (!item.dedupKey) {
    await tx.outboxMessage.create({ data });
    return true;
  }
  // Portable "insert if absent": SQLite and PostgreSQL both honour the unique index, and a
  // createMany with skipDuplicates is not available on SQLite.
  const existing = await tx.outboxMessage.findUnique({ where: { dedupKey: item.dedupKey }, select: { id: true } });
  if (existing) return false;
  try {
    await tx.outboxMessage.create({ data });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // a concurrent writer won the race
    throw error;
  }
}

/** Rows per statement for bulk writes: well under every database's bound-parameter limit. */
const BULK_CHUNK = 500;

/**
 * Many keyed pushes at once (a scheduled job's run): the existing keys are read in a few
 * queries and the new rows inserted in bulk, instead of two statements per push. Run it
 * inside the job's transaction; returns how many were written.
 */
export async function enqueueMany(tx: Tx | Db, items: (OutboxItem & { dedupKey: string })[]): Promise<number> {
  const existing = new Set<string>();
  for (let i = 0; i < items.length; i += BULK_CHUNK) {
    const keys = items.slice(i, i + BULK_CHUNK).map((item) => item.dedupKey);
    const rows = await tx.outboxMessage.findMany({ where: { dedupKey: { in: keys } }, select: { dedupKey: true } });
    for (const row of rows) existing.add(row.dedupKey!);
  }
  const fresh = items.filter((item) => !existing.has(item.dedupKey) && existing.add(item.dedupKey));
  for (let i = 0; i < fresh.length; i += BULK_CHUNK) {
    await tx.outboxMessage.createMany({
      data: fresh.slice(i, i + BULK_CHUNK).map(rowOf),
    });
  }
  return fresh.length;
}
