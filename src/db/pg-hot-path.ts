// The hot path on PostgreSQL: the same statements as SqliteHotPath, as named queries (pg
// prepares each once per connection and afterwards sends only its name and parameters), with
// dates as timestamptz. Round trips are what costs here, so a message handled at once costs
// two: the claim also reads the sender's account and dialogue (kept for the findAccount and
// findDialogue that follow, once each, for a second at most), and the outcome is recorded at
// the end. Dialogue writes and the once-a-minute lastSeenAt add theirs.
import type pg from 'pg';
import type { Account } from '../generated/prisma/client.js';
import { portableSql, type DialogueRow, type HotPath, type PendingUpdate, type QueuedUpdate, type ZaloMessageCounts } from './hot-path.js';

function pgParam(n: number): string {
  return `$${n}`;
}

const claimInsert = `INSERT INTO "InboundUpdate" ("channel", "updateId", "body", "userId", "status", "receivedAt")
          VALUES ($1, $2, $3, $4, 'received', $5)`;
/** As on SQLite: a row still 'received' from before $<since> was left by a process that died
 * handling it; the platform re-delivers it because it was never answered, so take it over. */
const takeOver = (since: number) => `ON CONFLICT ("channel", "updateId") DO UPDATE SET "receivedAt" = excluded."receivedAt"
          WHERE "InboundUpdate"."status" = 'received' AND "InboundUpdate"."receivedAt" < $${since}`;
/** The claim ($1–$5, and $7 for a take-over) with the reads of the sender's ($6) rows. */
const claimAndRead = (insert: string) => `WITH claimed AS (${insert} RETURNING 1)
  SELECT (SELECT count(*) FROM claimed)::int AS claimed,
    (SELECT row_to_json(a) FROM "Account" a WHERE a."channel" = $1 AND a."externalId" = $6) AS account,
    (SELECT json_build_object('flow', d."flow", 'step', d."step", 'data', d."data", 'updatedAt', d."updatedAt")
       FROM "DialogueState" d WHERE d."channel" = $1 AND d."userId" = $6) AS dialogue`;

const sql = {
  claimAndRead: claimAndRead(`${claimInsert} ON CONFLICT DO NOTHING`),
  claimOrTakeOverAndRead: claimAndRead(`${claimInsert} ${takeOver(7)}`),
  claim: `${claimInsert} ON CONFLICT DO NOTHING`,
  claimOrTakeOver: `${claimInsert} ${takeOver(6)}`,
  finish: `UPDATE "InboundUpdate" SET "status" = $1, "processedAt" = $2 WHERE "channel" = $3 AND "updateId" = $4`,
  findAccount: `SELECT * FROM "Account" WHERE "channel" = $1 AND "externalId" = $2`,
  // Insert and read back in one round trip; the row inserted by a concurrent message is not in
  // this statement's snapshot, so that case falls back to findAccount.
  createAccount: `WITH inserted AS (
            INSERT INTO "Account" ("channel", "externalId", "role", "locale", "displayName", "lastSeenAt", "createdAt")
            VALUES ($1, $2, 'citizen', $3, $4, $5, $5) ON CONFLICT DO NOTHING RETURNING *)
          SELECT * FROM inserted`,
  touchAccount: `UPDATE "Account" SET "lastSeenAt" = $1 WHERE "id" = $2`,
  saveDialogue: `INSERT INTO "DialogueState" ("channel", "userId", "flow", "step", "data", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT ("channel", "userId") DO UPDATE SET "flow" = excluded."flow", "step" = excluded."step",
          "data" = excluded."data", "updatedAt" = excluded."updatedAt"`,
  clearDialogue: `DELETE FROM "DialogueState" WHERE "channel" = $1 AND "userId" = $2`,
  findDialogue: `SELECT "flow", "step", "data", "updatedAt" FROM "DialogueState" WHERE "channel" = $1 AND "userId" = $2`,
  // SKIP LOCKED: a row another instance is claiming right now is passed over, not waited for;
  // the conditions re-checked under the lock make the claim exactly-once.
  claimOutbox: `UPDATE "OutboxMessage" SET "status" = 'sending', "attempts" = "attempts" + 1, "nextAttemptAt" = $1
          WHERE "id" = (SELECT "id" FROM "OutboxMessage" WHERE "id" = $2 AND "status" = $3 AND "nextAttemptAt" = $4
                        FOR UPDATE SKIP LOCKED)`,
  takeLease: portableSql.takeLease(pgParam),
  releaseLease: portableSql.releaseLease(pgParam),
  pendingUpdates: portableSql.pendingUpdates(pgParam),
  noteZaloMessage: portableSql.noteZaloMessage(pgParam),
  takeZaloFreeReply: portableSql.takeZaloFreeReply(pgParam),
  giveBackZaloFreeReply: portableSql.giveBackZaloFreeReply(pgParam),
  countZaloMessages: portableSql.countZaloMessages(pgParam),
} as const;

type Name = keyof typeof sql;

/** How long rows read with a claim may stand in for a read of their own. */
const PREFETCH_MS = 1000;

interface Prefetched {
  at: number;
  account?: Account | null;
  dialogue?: DialogueRow | null;
}

/** json_build_object / row_to_json give timestamps as text: every *At field is a DateTime. */
function withDates<T>(row: Record<string, unknown> | null): T | null {
  if (!row) return null;
  const out: Record<string, unknown> = { ...row };
  for (const [key, value] of Object.entries(row)) if (key.endsWith('At') && typeof value === 'string') out[key] = new Date(value);
  return out as T;
}

/** The hot path on PostgreSQL: prepared (named) statements on the service's pool. */
export class PgHotPath implements HotPath {
  private readonly prefetched = new Map<string, Prefetched>();

  constructor(private readonly pool: pg.Pool) {}

  async claimUpdate(
    channel: string,
    updateId: string,
    queued: QueuedUpdate | null,
    now: Date,
    takeOverBefore?: Date,
    userId?: string,
  ): Promise<boolean> {
    const stored = [channel, updateId, queued?.body ?? null, queued?.userId ?? null, now];
    if (userId !== undefined) return this.claimAndRead(channel, stored, userId, takeOverBefore);
    const result = takeOverBefore
      ? await this.run('claimOrTakeOver', [...stored, takeOverBefore])
      : await this.run('claim', stored);
    return result.rowCount === 1;
  }

  async finishUpdate(channel: string, updateId: string, status: string, now: Date): Promise<void> {
    await this.run('finish', [status, now, channel, updateId]);
  }

  async findAccount(channel: string, externalId: string): Promise<Account | null> {
    const early = this.take(channel, externalId, 'account');
    if (early !== undefined) return early;
    const { rows } = await this.run<Account>('findAccount', [channel, externalId]);
    return rows[0] ?? null;
  }

  async createAccount(channel: string, externalId: string, locale: string, displayName: string | null, now: Date): Promise<Account> {
    const { rows } = await this.run<Account>('createAccount', [channel, externalId, locale, displayName, now]);
    return rows[0] ?? (await this.findAccount(channel, externalId))!;
  }

  async touchAccount(id: number, now: Date): Promise<void> {
    await this.run('touchAccount', [now, id]);
  }

  async findDialogue(channel: string, userId: string): Promise<DialogueRow | null> {
    const early = this.take(channel, userId, 'dialogue');
    if (early !== undefined) return early;
    const { rows } = await this.run<DialogueRow>('findDialogue', [channel, userId]);
    return rows[0] ?? null;
  }

  async saveDialogue(channel: string, userId: string, dialogue: Omit<DialogueRow, 'updatedAt'>, now: Date): Promise<void> {
    this.prefetched.delete(`${channel}:${userId}`);
    await this.run('saveDialogue', [channel, userId, dialogue.flow, dialogue.step, dialogue.data, now]);
  }

  async clearDialogue(channel: string, userId: string): Promise<void> {
    this.prefetched.delete(`${channel}:${userId}`);
    await this.run('clearDialogue', [channel, userId]);
  }

  async claimOutbox(id: number, status: string, nextAttemptAt: Date, lease: Date): Promise<boolean> {
    const result = await this.run('claimOutbox', [lease, id, status, nextAttemptAt]);
    return result.rowCount === 1;
  }

  async takeLease(name: string, holder: string, now: Date, expiresAt: Date): Promise<boolean> {
    return (await this.run('takeLease', [name, holder, expiresAt, now])).rowCount === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.run('releaseLease', [name, holder]);
  }

  async pendingUpdates(channel: string, userId: string, take: number): Promise<PendingUpdate[]> {
    return (await this.run<PendingUpdate>('pendingUpdates', [channel, userId, take])).rows;
  }

  async noteZaloMessage(userId: string, messageId: string, at: Date): Promise<void> {
    await this.run('noteZaloMessage', [userId, messageId, at]);
  }

  async takeZaloFreeReply(userId: string, since: Date, max: number): Promise<string | null> {
    const { rows } = await this.run<{ messageId: string }>('takeZaloFreeReply', [userId, since, max]);
    return rows[0]?.messageId ?? null;
  }

  async giveBackZaloFreeReply(userId: string, messageId: string): Promise<void> {
    await this.run('giveBackZaloFreeReply', [userId, messageId]);
  }

  async countZaloMessages(month: string, counts: ZaloMessageCounts): Promise<void> {
    await this.run('countZaloMessages', [month, counts.freeReplies, counts.paidMessages, counts.templateMessages]);
  }

  /** The pool belongs to the opened database, which ends it. */
  close(): void {}

  private async claimAndRead(channel: string, stored: unknown[], userId: string, takeOverBefore?: Date) {
    const { rows } = takeOverBefore
      ? await this.run<{ claimed: number; account: Record<string, unknown> | null; dialogue: Record<string, unknown> | null }>(
          'claimOrTakeOverAndRead',
          [...stored, userId, takeOverBefore],
        )
      : await this.run<{ claimed: number; account: Record<string, unknown> | null; dialogue: Record<string, unknown> | null }>(
          'claimAndRead',
          [...stored, userId],
        );
    const row = rows[0]!;
    if (row.claimed !== 1) return false;
    const at = Date.now();
    // Entries nobody read (an update the conversation ignored) go once they are stale.
    if (this.prefetched.size > 1000) for (const [key, p] of this.prefetched) if (at - p.at > PREFETCH_MS) this.prefetched.delete(key);
    this.prefetched.set(`${channel}:${userId}`, { at, account: withDates<Account>(row.account), dialogue: withDates<DialogueRow>(row.dialogue) });
    return true;
  }

  /** The row read with the claim, once, while fresh; undefined when there is none to use. */
  private take<K extends 'account' | 'dialogue'>(channel: string, id: string, kind: K): Prefetched[K] | undefined {
    const key = `${channel}:${id}`;
    const entry = this.prefetched.get(key);
    if (!entry || !(kind in entry)) return undefined;
    const value = entry[kind];
    delete entry[kind];
    if (Date.now() - entry.at > PREFETCH_MS) {
      this.prefetched.delete(key);
      return undefined;
    }
    if (!('account' in entry) && !('dialogue' in entry)) this.prefetched.delete(key);
    return value;
  }

  private run<R extends object = object>(name: Name, values: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>({ name: `cqtt_${name}`, text: sql[name], values });
  }
}
