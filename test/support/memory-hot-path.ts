// The hot path in memory, for unit tests of the conversation core that need no database.
import type { Account } from '../../src/generated/prisma/client.js';
import type { DialogueRow, HotPath } from '../../src/db/hot-path.js';

export class MemoryHotPath implements HotPath {
  readonly updates = new Map<string, string>();
  readonly accounts = new Map<string, Account>();
  readonly dialogues = new Map<string, DialogueRow>();
  private nextId = 1;

  async claimUpdate(channel: string, updateId: string): Promise<boolean> {
    const key = `${channel}:${updateId}`;
    if (this.updates.has(key)) return false;
    this.updates.set(key, 'received');
    return true;
  }

  async finishUpdate(channel: string, updateId: string, status: string): Promise<void> {
    this.updates.set(`${channel}:${updateId}`, status);
  }

  async findAccount(channel: string, externalId: string): Promise<Account | null> {
    return this.accounts.get(`${channel}:${externalId}`) ?? null;
  }

  async createAccount(channel: string, externalId: string, locale: string, displayName: string | null, now: Date): Promise<Account> {
    const key = `${channel}:${externalId}`;
    const account: Account = {
      id: this.nextId++,
      channel,
      externalId,
      role: 'citizen',
      communeId: null,
      homeCommuneId: null,
      locale,
      displayName,
      title: null,
      unreachableAt: null,
      lastSeenAt: now,
      createdAt: now,
    };
    if (!this.accounts.has(key)) this.accounts.set(key, account);
    return this.accounts.get(key)!;
  }

  async touchAccount(id: number, now: Date): Promise<void> {
    for (const account of this.accounts.values()) if (account.id === id) account.lastSeenAt = now;
  }

  async findDialogue(channel: string, userId: string): Promise<DialogueRow | null> {
    return this.dialogues.get(`${channel}:${userId}`) ?? null;
  }

  async saveDialogue(channel: string, userId: string, dialogue: Omit<DialogueRow, 'updatedAt'>, now: Date): Promise<void> {
    this.dialogues.set(`${channel}:${userId}`, { ...dialogue, updatedAt: now });
  }

  async clearDialogue(channel: string, userId: string): Promise<void> {
    this.dialogues.delete(`${channel}:${userId}`);
  }

  /** No outbox here: the conversation core never claims pushes. */
  async claimOutbox(): Promise<boolean> {
    return this.missing('outbox');
  }

  /** Nor leases, queued updates or the Zalo ledger: the routing tests never reach them. */
  private missing(what: string): never {
    throw new Error(`MemoryHotPath has no ${what}`);
  }

  takeLease = async (): Promise<boolean> => this.missing('leases');
  releaseLease = async (): Promise<void> => this.missing('leases');
  pendingUpdates = async (): Promise<never[]> => this.missing('queued updates');
  noteZaloMessage = async (): Promise<void> => this.missing('Zalo ledger');
  takeZaloFreeReply = async (): Promise<string | null> => this.missing('Zalo ledger');
  giveBackZaloFreeReply = async (): Promise<void> => this.missing('Zalo ledger');
  countZaloMessages = async (): Promise<void> => this.missing('Zalo ledger');

  close(): void {}
}
