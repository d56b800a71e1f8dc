// Handles stored webhook events after Zalo has had its 200. Events of one person are handled
// in order (a dialogue's steps must not overtake each other); different people in parallel,
// a few handled at a time while their answers go out as fast as Zalo's pace allows. An event
// is marked processed as soon as the core has handled it, then the replies go out; a reply
// Zalo refuses for now is handed to the outbox so it is not lost, and so are the replies to a
// person whose held pushes the event released, so that they come after those pushes.
//
// Several instances behind one load balancer share the work: whichever instance stored an
// event starts on it, but one person's events are handled only by the instance holding that
// person's lease (src/db/lease.ts), which takes their stored events from the database oldest
// first, so events that reached two instances still go in order, and never at the same time.
// An instance that finds the lease held waits for it and then looks again; the holder usually
// handled its event meanwhile. Events stored by an instance that died (after the 200, before
// handling) are picked up by every instance's sweep once their owner's lease has run out.
import type { Services } from '../../src/services.js';
import type { Reply } from '../../src/conversation/types.js';
import type { Conversation } from '../../src/conversation/core.js';
import { resolveAccount } from '../../src/accounts/accounts.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { holdForAccount } from '../../src/outbox/held.js';
import type { SendOutcome } from '../../src/outbox/types.js';
import { instanceId } from '../../src/db/lease.js';
import { parseEvent, type ZaloEvent } from './events.js';
import { finishUpdate } from '../../src/shared/inbound-updates.js';
import { safeJson } from '../../src/shared/json.js';
import type { ZaloSender } from './sender.js';
import type { InboundUpdate } from '../../src/generated/prisma/client.js';
import type { ZaloBilling } from './billing.js';
import type { ZaloProfiles } from './profiles.js';

export type HandledEvent = Exclude<ZaloEvent, { kind: 'ignored' }>;

/** Events handled at once: SQLite has one writer, and a few keep it busy without queueing on its lock. */
const CONCURRENCY = 4;
/** How often an instance waiting for a person's lease looks again. */
const WAIT_MS = 100;
/** Events older than this and still unhandled are looked for by the sweep (their instance died). */
const STALE_MS = 5_000;
const SWEEP_MS = 5_000;
const BATCH = 100;

export interface ZaloWorkerOptions {
  /** This instance's name on the person leases. */
  holder?: string;
  /** Gives accounts without a name their Zalo name. */
  profiles?: Pick<ZaloProfiles, 'fillIn'>;
}

export class ZaloWorker {
  /** People whose events this instance is handling (or waiting to), and that work. */
  private readonly people = new Map<string, Promise<void>>();
  /** People with events stored since their work here started: look again before letting go. */
  private readonly again = new Set<string>();
  /**
   * Events this instance stored, so it need not parse them back from the database, numbered in
   * arrival order (events of one person stored within the same millisecond keep their order).
   */
  private readonly known = new Map<string, { event: HandledEvent; seq: number }>();
  private seq = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly holder: string;
  /** A person's lease (LEASE_SECONDS): far longer than handling one event and answering it. */
  private readonly leaseMs: number;
  private sweeper: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly services: Pick<Services, 'db' | 'hotPath' | 'clock' | 'log' | 'config' | 'i18n'>,
    private readonly conversation: Pick<Conversation, 'handle'>,
    private readonly sender: ZaloSender,
    private readonly billing: ZaloBilling,
    private readonly options: ZaloWorkerOptions = {},
  ) {
    this.holder = options.holder ?? instanceId;
    this.leaseMs = services.config.LEASE_SECONDS * 1000;
  }

  /** An event this instance has just stored: its person's events are handled now. */
  submit(event: HandledEvent): void {
    this.known.set(event.updateId, { event, seq: this.seq++ });
    this.work(event.userId);
  }

  /** Handles the events stored but not handled, and from now on sweeps for them regularly. */
  async recover(): Promise<void> {
    const count = await this.sweep(null);
    if (count) this.services.log.info({ count }, 'zalo events recovered');
    this.sweeper ??= setInterval(() => {
      this.sweep(STALE_MS).catch((error) => this.services.log.warn({ err: error }, 'zalo event sweep failed'));
    }, SWEEP_MS);
    this.sweeper.unref();
  }

  /** Resolves when every queued event has been handled and answered. */
  async idle(): Promise<void> {
    while (this.people.size) await Promise.all([...this.people.values()]);
  }

  /** Stops sweeping and waits for the work in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.idle();
  }

  /** Unhandled events received before `olderThanMs` ago (null: all): their people's work is started. */
  private async sweep(olderThanMs: number | null): Promise<number> {
    const { db, clock } = this.services;
    const rows = await db.inboundUpdate.findMany({
      where: {
        channel: 'zalo',
        status: 'received',
        ...(olderThanMs === null ? {} : { receivedAt: { lte: new Date(clock.now().getTime() - olderThanMs) } }),
      },
      select: { updateId: true, userId: true, body: true },
    });
    for (const row of rows) {
      // Stored before events carried their sender: read it from the body.
      const userId = row.userId ?? this.parse(row)?.userId;
      if (!userId) {
        await finishUpdate(this.services, 'zalo', row.updateId, 'failed');
        continue;
      }
      if (!row.userId) await db.inboundUpdate.update({ where: { channel_updateId: { channel: 'zalo', updateId: row.updateId } }, data: { userId } });
      if (!this.people.has(userId)) this.work(userId);
    }
    return rows.length;
  }

  private parse(row: Pick<InboundUpdate, 'updateId' | 'body'>): HandledEvent | null {
    const known = this.known.get(row.updateId);
    if (known) return known.event;
    const event = parseEvent(safeJson(row.body ?? ''));
    return event.kind === 'ignored' ? null : event;
  }

  private work(userId: string): void {
    if (this.people.has(userId)) {
      this.again.add(userId);
      return;
    }
    const done = this.person(userId)
      .catch((error) => this.services.log.error({ err: error }, 'zalo events of a person not handled'))
      .finally(() => this.people.delete(userId));
    this.people.set(userId, done);
  }

  /** Takes the person's lease (waiting while another instance has it), then their events in order. */
  private async person(userId: string): Promise<void> {
    const { hotPath } = this.services;
    const lease = `zalo-person:${userId}`;
    for (;;) {
      this.again.delete(userId);
      if (!(await this.takeLease(lease))) {
        // Another instance is on this person. Once it lets go, whatever is left is ours.
        if (this.stopped || !(await this.pending(userId, 1)).length) return;
        await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
        continue;
      }
      try {
        let first = true;
        for (let rows = await this.pending(userId); rows.length; rows = await this.pending(userId)) {
          for (const row of rows) {
            if (!first) await this.takeLease(lease); // renewed per event
            first = false;
            const event = this.parse(row);
            this.known.delete(row.updateId);
            if (event) await this.process(event);
            else await finishUpdate(this.services, 'zalo', row.updateId, 'failed');
          }
        }
      } finally {
        await hotPath.releaseLease(lease, this.holder);
      }
      if (!this.again.has(userId)) return;
    }
  }

  /** Takes or renews a person's lease (one statement: this runs for every event). */
  private takeLease(name: string): Promise<boolean> {
    const now = this.services.clock.now();
    return this.services.hotPath.takeLease(name, this.holder, now, new Date(now.getTime() + this.leaseMs));
  }

  /** The person's stored, unhandled events, oldest first. */
  private async pending(userId: string, take = BATCH) {
    const rows = await this.services.hotPath.pendingUpdates('zalo', userId, take);
    const seq = (id: string) => this.known.get(id)?.seq ?? Infinity;
    return rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || seq(a.updateId) - seq(b.updateId));
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
    let released = false;
    let unnamed = false;
    try {
      // Only the database work is limited; the replies wait on Zalo, not on SQLite.
      replies = await this.limited(async () => {
        // Pushes held while Zalo would not deliver (a week without a word) are released by
        // this event (resolveAccount): the answer then queues behind them, so "your result is
        // ready" comes before the answer to "is my dossier done yet?".
        const before = await services.hotPath.findAccount('zalo', event.userId);
        released = before?.unreachableAt != null;
        unnamed = !before?.displayName;
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
      if (released && replies.length) await this.handOver(event.userId, replies);
      else await this.answer(event.userId, replies);
    } catch (error) {
      services.log.error({ err: error, updateId: event.updateId }, 'zalo reply failed');
    }
    // After the answer, which it must not delay.
    if (unnamed && event.kind !== 'unfollow') await this.options.profiles?.fillIn(event.userId);
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
        if (account) await services.db.$transaction((tx) => holdForAccount(tx, services, account.id, services.clock.now()));
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

  /**
   * The replies go through the outbox, after what is already queued for the person; `outcome`:
   * why Zalo refused a direct one (then they wait as long as it asked, or are held).
   */
  private async handOver(userId: string, replies: Reply[], outcome?: Exclude<SendOutcome, { ok: true }>): Promise<void> {
    const { db, clock } = this.services;
    const account = await this.account(userId);
    if (!account) return;
    const now = clock.now();
    const notBefore = outcome?.kind === 'retry' && outcome.retryAfterMs ? new Date(now.getTime() + outcome.retryAfterMs) : undefined;
    await db.$transaction(async (tx) => {
      for (const reply of replies) await enqueue(tx, { to: account, reply, notBefore });
      if (outcome?.kind === 'unreachable') await holdForAccount(tx, this.services, account.id, now);
    });
  }

  private account(userId: string) {
    return this.services.db.account.findUnique({ where: { channel_externalId: { channel: 'zalo', externalId: userId } } });
  }
}
