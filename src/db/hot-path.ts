// The statements every inbound message runs — claim the update id and record its outcome,
// find the person, read and write their dialogue — as prepared statements on a second SQLite connection. Through Prisma's
// JS query engine each costs 0.3–1 ms of CPU, which capped a webhook near 450 updates/s; as
// prepared statements they cost microseconds. The SQL is plain and portable (ON CONFLICT DO
// NOTHING exists in PostgreSQL too); everything else goes through Prisma.
//
// This connection never holds a lock across an await, and it does not wait for locks
// synchronously (that would block the event loop while Prisma's connection, on the same
// thread, holds the write lock inside an interactive transaction): a busy database is retried
// after yielding instead.
import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Account } from '../generated/prisma/client.js';

/** How long a write may keep retrying a busy database before giving up (as Prisma's own timeout). */
const BUSY_BUDGET_MS = 5000;

/** DateTime as the Prisma SQLite adapter stores it (ISO 8601 with an explicit offset). */
export function sqlDate(at: Date): string {
  return at.toISOString().replace('Z', '+00:00');
}

export function fromSqlDate(value: string | null): Date | null {
  if (value === null) return null;
  // Rows written by SQLite's CURRENT_TIMESTAMP have no zone: they are UTC.
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

interface AccountRow extends Omit<Account, 'unreachableAt' | 'lastSeenAt' | 'createdAt'> {
  unreachableAt: string | null;
  lastSeenAt: string;
  createdAt: string;
}

export interface DialogueRow {
  flow: string;
  step: string;
  data: string;
  updatedAt: Date;
}

export interface QueuedUpdate {
  body: string;
  userId: string;
}

/** A stored update not handled yet. */
export interface PendingUpdate {
  updateId: string;
  body: string | null;
  receivedAt: Date;
}

/** Zalo messages sent, by how Zalo bills them (added to the month's counts). */
export interface ZaloMessageCounts {
  freeReplies: number;
  paidMessages: number;
  templateMessages: number;
}

/** The per-message statements, whatever the database. */
export interface HotPath {
  /**
   * True when this is the first sighting of the update (it is now stored), or, with
   * `takeOverBefore`, when it was left unfinished by a process that started before then.
   * `queued`: the raw update and its sender, for updates handled after the answer.
   * `userId`: whose update it is, when it is handled right away; an implementation may read
   * that person's account and dialogue in the same round trip, for the two calls that follow.
   */
  claimUpdate(
    channel: string,
    updateId: string,
    queued: QueuedUpdate | null,
    now: Date,
    takeOverBefore?: Date,
    userId?: string,
  ): Promise<boolean>;
  finishUpdate(channel: string, updateId: string, status: string, now: Date): Promise<void>;
  findAccount(channel: string, externalId: string): Promise<Account | null>;
  /** Creates the account unless a concurrent message already did; returns the stored row. */
  createAccount(channel: string, externalId: string, locale: string, displayName: string | null, now: Date): Promise<Account>;
  touchAccount(id: number, now: Date): Promise<void>;
  findDialogue(channel: string, userId: string): Promise<DialogueRow | null>;
  saveDialogue(channel: string, userId: string, dialogue: Omit<DialogueRow, 'updatedAt'>, now: Date): Promise<void>;
  clearDialogue(channel: string, userId: string): Promise<void>;
  /**
   * Takes an outbox row still in the state it was read in (`status`, `nextAttemptAt`): moves it
   * to 'sending' until `lease` and counts the attempt. Of several dispatchers in any number of
   * processes, exactly one gets true.
   */
  claimOutbox(id: number, status: string, nextAttemptAt: Date, lease: Date): Promise<boolean>;
  /**
   * Takes the lease `name` for `holder` until `expiresAt`, or renews it when `holder` has it:
   * false while another holder's lease runs past `now`. One statement, for the short leases
   * taken per message (one person's Zalo events); src/db/lease.ts has the long-lived ones.
   */
  takeLease(name: string, holder: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** Gives the lease up, if `holder` still has it. */
  releaseLease(name: string, holder: string): Promise<void>;
  /** One person's stored updates on `channel` not handled yet, oldest first, at most `take`. */
  pendingUpdates(channel: string, userId: string, take: number): Promise<PendingUpdate[]>;
  /**
   * The person's latest Zalo message, which free replies quote (bots/zalo/billing.ts): replaces
   * an older one and resets its count of replies; never replaces a newer one.
   */
  noteZaloMessage(userId: string, messageId: string, at: Date): Promise<void>;
  /**
   * Reserves one free reply to the person's latest message, if it was sent after `since` and
   * fewer than `max` replies to it were reserved: its id, or null. Concurrent callers never
   * reserve more than `max`.
   */
  takeZaloFreeReply(userId: string, since: Date, max: number): Promise<string | null>;
  /** A reserved free reply that was not sent after all. */
  giveBackZaloFreeReply(userId: string, messageId: string): Promise<void>;
  /** Adds to the month's counts of Zalo messages sent. */
  countZaloMessages(month: string, counts: ZaloMessageCounts): Promise<void>;
  close(): void;
}

/**
 * The statements of takeLease and the Zalo ledger, the same on both databases: an upsert whose
 * update applies only under its condition (ON CONFLICT … DO UPDATE … WHERE), so one statement
 * decides, whichever writer comes first.
 */
export const portableSql = {
  takeLease: (p: (n: number) => string) => `INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES (${p(1)}, ${p(2)}, ${p(3)})
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
    WHERE "Lease"."holder" = excluded."holder" OR "Lease"."expiresAt" <= ${p(4)}`,
  releaseLease: (p: (n: number) => string) => `DELETE FROM "Lease" WHERE "name" = ${p(1)} AND "holder" = ${p(2)}`,
  pendingUpdates: (p: (n: number) => string) => `SELECT "updateId", "body", "receivedAt" FROM "InboundUpdate"
    WHERE "channel" = ${p(1)} AND "userId" = ${p(2)} AND "status" = 'received'
    ORDER BY "receivedAt", "updateId" LIMIT ${p(3)}`,
  noteZaloMessage: (p: (n: number) => string) => `INSERT INTO "ZaloContact" ("userId", "messageId", "messageAt", "freeUsed")
    VALUES (${p(1)}, ${p(2)}, ${p(3)}, 0)
    ON CONFLICT ("userId") DO UPDATE SET "messageId" = excluded."messageId", "messageAt" = excluded."messageAt", "freeUsed" = 0
    WHERE "ZaloContact"."messageAt" <= excluded."messageAt" AND "ZaloContact"."messageId" <> excluded."messageId"`,
  takeZaloFreeReply: (p: (n: number) => string) => `UPDATE "ZaloContact" SET "freeUsed" = "freeUsed" + 1
    WHERE "userId" = ${p(1)} AND "messageAt" > ${p(2)} AND "freeUsed" < ${p(3)} RETURNING "messageId"`,
  giveBackZaloFreeReply: (p: (n: number) => string) => `UPDATE "ZaloContact" SET "freeUsed" = "freeUsed" - 1
    WHERE "userId" = ${p(1)} AND "messageId" = ${p(2)} AND "freeUsed" > 0`,
  countZaloMessages: (p: (n: number) => string) => `INSERT INTO "ZaloUsage" ("month", "freeReplies", "paidMessages", "templateMessages")
    VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})
    ON CONFLICT ("month") DO UPDATE SET "freeReplies" = "ZaloUsage"."freeReplies" + excluded."freeReplies",
      "paidMessages" = "ZaloUsage"."paidMessages" + excluded."paidMessages",
      "templateMessages" = "ZaloUsage"."templateMessages" + excluded."templateMessages"`,
} as const;

/** SQLite's placeholders: positional. */
const sqliteParam = () => '?';

/** The hot path on SQLite: prepared statements on a connection of its own. */
export class SqliteHotPath implements HotPath {
  private readonly sqlite: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.sqlite = new Database(file, { timeout: 0 });
    this.sqlite.pragma('synchronous = NORMAL');
    const s = this.sqlite;
    this.statements = {
      claim: s.prepare(
        `INSERT INTO "InboundUpdate" ("channel", "updateId", "body", "userId", "status", "receivedAt")
         VALUES (?, ?, ?, ?, 'received', ?) ON CONFLICT DO NOTHING`,
      ),
      // A row still 'received' from before `since` belongs to a process that died while
      // handling it: the platform re-delivers it because it was never answered, so take it over.
      claimOrTakeOver: s.prepare(
        `INSERT INTO "InboundUpdate" ("channel", "updateId", "body", "userId", "status", "receivedAt")
         VALUES (?, ?, ?, ?, 'received', ?)
         ON CONFLICT ("channel", "updateId") DO UPDATE SET "receivedAt" = excluded."receivedAt"
         WHERE "InboundUpdate"."status" = 'received' AND "InboundUpdate"."receivedAt" < ?`,
      ),
      finish: s.prepare(
        `UPDATE "InboundUpdate" SET "status" = ?, "processedAt" = ? WHERE "channel" = ? AND "updateId" = ?`,
      ),
      findAccount: s.prepare(`SELECT * FROM "Account" WHERE "channel" = ? AND "externalId" = ?`),
      insertAccount: s.prepare(
        `INSERT INTO "Account" ("channel", "externalId", "role", "locale", "displayName", "lastSeenAt", "createdAt")
         VALUES (?, ?, 'citizen', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      touchAccount: s.prepare(`UPDATE "Account" SET "lastSeenAt" = ? WHERE "id" = ?`),
      saveDialogue: s.prepare(
        `INSERT INTO "DialogueState" ("channel", "userId", "flow", "step", "data", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT ("channel", "userId") DO UPDATE SET "flow" = excluded."flow", "step" = excluded."step",
         "data" = excluded."data", "updatedAt" = excluded."updatedAt"`,
      ),
      clearDialogue: s.prepare(`DELETE FROM "DialogueState" WHERE "channel" = ? AND "userId" = ?`),
      // SQLite has one writer at a time: the conditional update alone decides.
      claimOutbox: s.prepare(
        `UPDATE "OutboxMessage" SET "status" = 'sending', "attempts" = "attempts" + 1, "nextAttemptAt" = ?
         WHERE "id" = ? AND "status" = ? AND "nextAttemptAt" = ?`,
      ),
      findDialogue: s.prepare(
        `SELECT "flow", "step", "data", "updatedAt" FROM "DialogueState" WHERE "channel" = ? AND "userId" = ?`,
      ),
      takeLease: s.prepare(portableSql.takeLease(sqliteParam)),
      releaseLease: s.prepare(portableSql.releaseLease(sqliteParam)),
      pendingUpdates: s.prepare(portableSql.pendingUpdates(sqliteParam)),
      noteZaloMessage: s.prepare(portableSql.noteZaloMessage(sqliteParam)),
      takeZaloFreeReply: s.prepare(portableSql.takeZaloFreeReply(sqliteParam)),
      giveBackZaloFreeReply: s.prepare(portableSql.giveBackZaloFreeReply(sqliteParam)),
      countZaloMessages: s.prepare(portableSql.countZaloMessages(sqliteParam)),
    };
  }

  async claimUpdate(
    channel: string,
    updateId: string,
    queued: QueuedUpdate | null,
    now: Date,
    takeOverBefore?: Date,
  ): Promise<boolean> {
    const body = queued?.body ?? null;
    const userId = queued?.userId ?? null;
    return this.write(() => {
      const result = takeOverBefore
        ? this.statements.claimOrTakeOver.run(channel, updateId, body, userId, sqlDate(now), sqlDate(takeOverBefore))
        : this.statements.claim.run(channel, updateId, body, userId, sqlDate(now));
      return result.changes === 1;
    });
  }

  async finishUpdate(channel: string, updateId: string, status: string, now: Date): Promise<void> {
    await this.write(() => this.statements.finish.run(status, sqlDate(now), channel, updateId));
  }

  async findAccount(channel: string, externalId: string): Promise<Account | null> {
    const row = this.statements.findAccount.get(channel, externalId) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  async createAccount(
    channel: string,
    externalId: string,
    locale: string,
    displayName: string | null,
    now: Date,
  ): Promise<Account> {
    const at = sqlDate(now);
    await this.write(() => this.statements.insertAccount.run(channel, externalId, locale, displayName, at, at));
    return (await this.findAccount(channel, externalId))!;
  }

  async touchAccount(id: number, now: Date): Promise<void> {
    await this.write(() => this.statements.touchAccount.run(sqlDate(now), id));
  }

  async findDialogue(channel: string, userId: string): Promise<DialogueRow | null> {
    const row = this.statements.findDialogue.get(channel, userId) as
      | { flow: string; step: string; data: string; updatedAt: string }
      | undefined;
    return row ? { ...row, updatedAt: fromSqlDate(row.updatedAt)! } : null;
  }

  async saveDialogue(channel: string, userId: string, dialogue: Omit<DialogueRow, 'updatedAt'>, now: Date): Promise<void> {
    await this.write(() =>
      this.statements.saveDialogue.run(channel, userId, dialogue.flow, dialogue.step, dialogue.data, sqlDate(now)),
    );
  }

  async clearDialogue(channel: string, userId: string): Promise<void> {
    await this.write(() => this.statements.clearDialogue.run(channel, userId));
  }

  async claimOutbox(id: number, status: string, nextAttemptAt: Date, lease: Date): Promise<boolean> {
    return this.write(() => this.statements.claimOutbox.run(sqlDate(lease), id, status, sqlDate(nextAttemptAt)).changes === 1);
  }

  async takeLease(name: string, holder: string, now: Date, expiresAt: Date): Promise<boolean> {
    return this.write(() => this.statements.takeLease.run(name, holder, sqlDate(expiresAt), sqlDate(now)).changes === 1);
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.write(() => this.statements.releaseLease.run(name, holder));
  }

  async pendingUpdates(channel: string, userId: string, take: number): Promise<PendingUpdate[]> {
    const rows = this.statements.pendingUpdates.all(channel, userId, take) as { updateId: string; body: string | null; receivedAt: string }[];
    return rows.map((row) => ({ ...row, receivedAt: fromSqlDate(row.receivedAt)! }));
  }

  async noteZaloMessage(userId: string, messageId: string, at: Date): Promise<void> {
    await this.write(() => this.statements.noteZaloMessage.run(userId, messageId, sqlDate(at)));
  }

  async takeZaloFreeReply(userId: string, since: Date, max: number): Promise<string | null> {
    const row = await this.write(
      () => this.statements.takeZaloFreeReply.get(userId, sqlDate(since), max) as { messageId: string } | undefined,
    );
    return row?.messageId ?? null;
  }

  async giveBackZaloFreeReply(userId: string, messageId: string): Promise<void> {
    await this.write(() => this.statements.giveBackZaloFreeReply.run(userId, messageId));
  }

  async countZaloMessages(month: string, counts: ZaloMessageCounts): Promise<void> {
    await this.write(() =>
      this.statements.countZaloMessages.run(month, counts.freeReplies, counts.paidMessages, counts.templateMessages),
    );
  }

  close(): void {
    this.sqlite.close();
  }

  private async write<T>(statement: () => T): Promise<T> {
    const started = Date.now();
    for (;;) {
      try {
        return statement();
      } catch (error) {
        const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY');
        if (!busy || Date.now() - started > BUSY_BUDGET_MS) throw error;
        await sleep(1);
      }
    }
  }
}

function toAccount(row: AccountRow): Account {
  return {
    ...row,
    unreachableAt: fromSqlDate(row.unreachableAt),
    lastSeenAt: fromSqlDate(row.lastSeenAt)!,
    createdAt: fromSqlDate(row.createdAt)!,
  };
}
