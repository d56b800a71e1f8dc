// Handles stored webhook events after Zalo has had its 200. Events of one person are handled
// in order (a dialogue's steps must not overtake each other); different people in parallel,
// a few handled at a time while their answers go out as fast as Zalo's pace allows. On start,
// events stored but never handled (the process died after the 200) are handled first. An
// event is marked processed as soon as the core has handled it, then the replies go out; a
// reply Zalo refuses for now is handed to the outbox so it is not lost.
import type { Services } from '../../src/services.js';
import type { Reply } from '../../src/conversation/types.js';
import type { Conversation } from '../../src/conversation/core.js';
import { resolveAccount } from '../../src/accounts/accounts.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { holdForAccount } from '../../src/outbox/held.js';
import type { SendOutcome } from '../../src/outbox/types.js';
import { parseEvent, type ZaloEvent } from './events.js';
import { finishUpdate, unfinishedUpdates } from '../../src/shared/inbound-updates.js';
import { safeJson } from '../../src/shared/json.js';
import type { ZaloSender } from './sender.js';
import type { ZaloBilling } from './billing.js';

export type HandledEvent = Exclude<ZaloEvent, { kind: 'ignored' }>;

/** Events handled at once: SQLite has one writer, and a few keep it busy without queueing on its lock. */
const CONCURRENCY = 4;

export class ZaloWorker {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<string>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly services: Pick<Services, 'db' | 'hotPath' | 'clock' | 'log'>,
    private readonly conversation: Pick<Conversation, 'handle'>,
    private readonly sender: ZaloSender,
    private readonly billing: ZaloBilling,
  ) {}

  submit(event: HandledEvent): void {
    if (this.inFlight.has(event.updateId)) return;
    this.inFlight.add(event.updateId);
    const key = event.userId;
    const next = (this.chains.get(key) ?? Promise.resolve()).then(() => this.process(event));
    this.chains.set(key, next);
    void next.finally(() => {
      this.inFlight.delete(event.updateId);
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  /** Queues the events that were stored but not handled. */
  async recover(): Promise<void> {
    const { db, log } = this.services;
    const rows = await unfinishedUpdates(db, 'zalo');
    for (const row of rows) {
      const event = parseEvent(safeJson(row.body));
      if (event.kind === 'ignored') await finishUpdate(this.services, 'zalo', row.updateId, 'failed');
      else this.submit(event);
    }
    if (rows.length) log.info({ count: rows.length }, 'zalo events recovered');
  }

  /** Resolves when every queued event has been handled and answered. */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < CONCURRENCY) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so no newcomer can slip in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private async process(event: HandledEvent): Promise<void> {
    const { services } = this;
    let replies: Reply[];
    try {
      // Only the database work is limited; the replies wait on Zalo, not on SQLite.
      replies = await this.limited(async () => {
        const handled = await this.handle(event);
        await finishUpdate(services, 'zalo', event.updateId, 'processed');
        return handled;
      });
    } catch (error) {
      services.log.error({ err: error, updateId: event.updateId }, 'zalo event failed');
      await finishUpdate(services, 'zalo', event.updateId, 'failed').catch(() => undefined);
      return;
    }
    try {
      await this.answer(event.userId, replies);
    } catch (error) {
      services.log.error({ err: error, updateId: event.updateId }, 'zalo reply failed');
    }
  }

  private async handle(event: HandledEvent): Promise<Reply[]> {
    const { services, conversation } = this;
    const base = { channel: 'zalo' as const, userId: event.userId, updateId: event.updateId };
    switch (event.kind) {
      case 'message':
        // Before the answer, so that it (and anything else sent within 48 h) quotes this message.
        await this.billing.noteMessage(event.userId, event.updateId, event.sentAt);
        return conversation.handle({ ...base, text: event.text, payload: event.payload, attachments: event.attachments });
      case 'follow':
        // A new follower gets the welcome and the help, as /start does elsewhere.
        return conversation.handle({ ...base, text: '/start' });
      case 'chatnow':
        // Opening the chat is an interaction: the 7-day window is open again.
        await resolveAccount(services, 'zalo', event.userId, { now: services.clock.now() });
        return [];
      case 'unfollow': {
        const account = await this.account(event.userId);
        if (account) await services.db.$transaction((tx) => holdForAccount(tx, account.id, services.clock.now()));
        return [];
      }
    }
  }

  /** Direct replies go out at once; from the first one Zalo refuses for now, the rest wait in the outbox. */
  private async answer(userId: string, replies: Reply[]): Promise<void> {
    for (const [i, reply] of replies.entries()) {
      const outcome = await this.sender.send(userId, reply);
      if (outcome.ok || outcome.kind === 'permanent') continue;
      await this.handOver(userId, replies.slice(i), outcome);
      return;
    }
  }

  private async handOver(userId: string, replies: Reply[], outcome: Exclude<SendOutcome, { ok: true }>): Promise<void> {
    const { db, clock } = this.services;
    const account = await this.account(userId);
    if (!account) return;
    const now = clock.now();
    const notBefore = outcome.kind === 'retry' && outcome.retryAfterMs ? new Date(now.getTime() + outcome.retryAfterMs) : undefined;
    await db.$transaction(async (tx) => {
      for (const reply of replies) await enqueue(tx, { to: account, reply, notBefore });
      if (outcome.kind === 'unreachable') await holdForAccount(tx, account.id, now);
    });
  }

  private account(userId: string) {
    return this.services.db.account.findUnique({ where: { channel_externalId: { channel: 'zalo', externalId: userId } } });
  }
}
