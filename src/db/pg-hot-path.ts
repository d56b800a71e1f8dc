// The hot path on PostgreSQL: the same statements as SqliteHotPath, as named queries (pg
// prepares each once per connection and afterwards sends only its name and parameters), with
// dates as timestamptz. The per-message reads are one statement each; an account created by a
// concurrent message is found by the fallback read.
import type pg from 'pg';
import type { Account } from '../generated/prisma/client.js';
import type { DialogueRow, HotPath } from './hot-path.js';

const sql = {
  claim: `INSERT INTO "InboundUpdate" ("channel", "updateId", "body", "status", "receivedAt")
          VALUES ($1, $2, $3, 'received', $4) ON CONFLICT DO NOTHING`,
  // As on SQLite: a row still 'received' from before $5 was left by a process that died
  // handling it; the platform re-delivers it because it was never answered, so take it over.
  claimOrTakeOver: `INSERT INTO "InboundUpdate" ("channel", "updateId", "body", "status", "receivedAt")
          VALUES ($1, $2, $3, 'received', $4)
          ON CONFLICT ("channel", "updateId") DO UPDATE SET "receivedAt" = excluded."receivedAt"
          WHERE "InboundUpdate"."status" = 'received' AND "InboundUpdate"."receivedAt" < $5`,
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
} as const;

type Name = keyof typeof sql;

/** The hot path on PostgreSQL: prepared (named) statements on the service's pool. */
export class PgHotPath implements HotPath {
  constructor(private readonly pool: pg.Pool) {}

  async claimUpdate(channel: string, updateId: string, body: string | null, now: Date, takeOverBefore?: Date): Promise<boolean> {
    const result = takeOverBefore
      ? await this.run('claimOrTakeOver', [channel, updateId, body, now, takeOverBefore])
      : await this.run('claim', [channel, updateId, body, now]);
    return result.rowCount === 1;
  }

  async finishUpdate(channel: string, updateId: string, status: string, now: Date): Promise<void> {
    await this.run('finish', [status, now, channel, updateId]);
  }

  async findAccount(channel: string, externalId: string): Promise<Account | null> {
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
    const { rows } = await this.run<DialogueRow>('findDialogue', [channel, userId]);
    return rows[0] ?? null;
  }

  async saveDialogue(channel: string, userId: string, dialogue: Omit<DialogueRow, 'updatedAt'>, now: Date): Promise<void> {
    await this.run('saveDialogue', [channel, userId, dialogue.flow, dialogue.step, dialogue.data, now]);
  }

  async clearDialogue(channel: string, userId: string): Promise<void> {
    await this.run('clearDialogue', [channel, userId]);
  }

  async claimOutbox(id: number, status: string, nextAttemptAt: Date, lease: Date): Promise<boolean> {
    const result = await this.run('claimOutbox', [lease, id, status, nextAttemptAt]);
    return result.rowCount === 1;
  }

  /** The pool belongs to the opened database, which ends it. */
  close(): void {}

  private run<R extends object = object>(name: Name, values: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>({ name: `cqtt_${name}`, text: sql[name], values });
  }
}
