// Sends the outbox: due 'pending' rows, oldest first, paced per channel and per chat, with
// retries (exponential backoff and jitter, or exactly the platform's retry-after), dead
// letters after a bounded number of tries, and 'held' rows for people the platform will not
// reach now.
//
// Never twice. A row is claimed before it is sent: one conditional update, on the status and
// time it was read with (FOR UPDATE SKIP LOCKED on PostgreSQL; see db/hot-path.ts), moves it to 'sending' and stamps a lease (nextAttemptAt = now +
// lease); only the dispatcher whose update changed the row sends it, so several dispatchers
// (processes) can share one database. The outcome is written after the send. stop() lets
// in-flight sends finish and records them, so an orderly shutdown leaves nothing ambiguous.
//
// After a hard kill (SIGKILL, power loss) the rows that were in flight stay 'sending': the
// platform may or may not have received them, and nothing can tell. Policy: such a row is sent
// again once its lease has expired, because a push that is silently lost (an apology, an
// escalation) is worse than a rare duplicate. Each chat has at most one send in flight, so a
// hard kill can duplicate at most one message per chat. The lease (5 minutes by default) is far
// longer than any send, so a live dispatcher's rows are never taken over.
import type { Services } from '../services.js';
import type { ChannelName, Reply } from '../conversation/types.js';
import type { OutboxMessage } from '../generated/prisma/client.js';
import type { ChannelSender, SendOutcome } from './types.js';
import { pushOf } from './enqueue.js';
import { ChannelPacer, backoffMs } from './pacing.js';
import { holdForAccount } from './held.js';
import { reportUndelivered } from './undelivered.js';
import { SenderLeases } from './leases.js';

export interface DispatcherOptions {
  senders: ChannelSender[];
  /**
   * Channels are only sent on while this says so: the sender leases of a service with several
   * instances (src/outbox/leases.ts). Without it every channel is sent on.
   */
  leases?: { holds(channel: ChannelName): boolean };
  /** Only this chat (the console chat sends the pushes of its own user). */
  chatId?: string;
  /** false: no spacing (benchmarks); retry-after pauses still apply. Default true. */
  pacing?: boolean;
  /** Tries before a row becomes a dead letter. Default config OUTBOX_MAX_ATTEMPTS. */
  maxAttempts?: number;
  /** Sends in flight at once (each chat still has at most one). Default 16. */
  concurrency?: number;
  /** How long a claimed row belongs to its dispatcher. Default 5 minutes. */
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** How often an idle dispatcher looks for new rows. Default 1 s. */
  pollMs?: number;
  random?: () => number;
  /** Waiting in drain(); tests pass one that advances a FakeClock. */
  sleep?: (ms: number) => Promise<void>;
}

const BATCH = 200;
const MAX_ERROR_CHARS = 500;
const FORGET_EVERY_MS = 60_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type DispatcherApp = Pick<Services, 'db' | 'hotPath' | 'clock' | 'log' | 'config' | 'i18n'>;

interface PassResult {
  /** Sends started in this pass. */
  launched: number;
  /** Milliseconds until a due row held back by pacing may go; null when none was held back. */
  waitMs: number | null;
}

export class OutboxDispatcher {
  private readonly senders = new Map<ChannelName, ChannelSender>();
  private readonly pacers = new Map<ChannelName, ChannelPacer>();
  /** Chats with a send in flight, and the promises of those sends. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly pollMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Passes never overlap: pacing decisions and claims of one pass see a settled state. */
  private passing: Promise<PassResult> | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private nudged = false;
  private forgotAt = 0;
  /** Due rows read but not yet sent; 'taken' marks the ones claimed since. */
  private buffer: OutboxMessage[] = [];

  constructor(
    private readonly services: DispatcherApp,
    private readonly options: DispatcherOptions,
  ) {
    for (const sender of options.senders) {
      this.senders.set(sender.channel, sender);
      this.pacers.set(sender.channel, new ChannelPacer(sender.pace, options.pacing !== false));
    }
    this.maxAttempts = options.maxAttempts ?? services.config.OUTBOX_MAX_ATTEMPTS;
    this.concurrency = options.concurrency ?? 16;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 10_000;
    this.backoffCapMs = options.backoffCapMs ?? 30 * 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Runs in the background until stop(). */
  start(): void {
    if (this.loop || !this.senders.size) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Stops taking rows, then waits for the sends in flight and records their outcomes. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = null;
    await this.settled();
  }

  /** Nudges the loop (after an enqueue, when the caller wants it out at once). */
  wake(): void {
    this.nudged = true;
    this.wakeUp?.();
  }

  /** One pass: starts the sends that pacing allows right now; returns how many. */
  async runOnce(): Promise<number> {
    return (await this.pass()).launched;
  }

  /**
   * Sends everything that is due, waiting for pacing as needed, and returns when no due row
   * is left and nothing is in flight. Rows waiting for a retry later are left for later.
   */
  async drain(): Promise<void> {
    for (;;) {
      const { launched, waitMs } = await this.pass();
      if (launched) continue;
      if (this.inFlight.size) {
        await Promise.race(this.inFlight.values());
        continue;
      }
      if (waitMs === null) return;
      await this.sleep(Math.max(1, waitMs));
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let wait = this.pollMs;
      this.nudged = false;
      try {
        const { launched, waitMs } = await this.pass();
        if (launched) continue;
        if (waitMs !== null) wait = Math.min(wait, Math.max(1, waitMs));
      } catch (error) {
        this.services.log.error({ err: error }, 'outbox pass failed');
      }
      // A send that finished during the pass freed its chat: look again before sleeping.
      if (this.nudged) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
  }

  private pass(): Promise<PassResult> {
    // Callers (the loop, drain, tests) may overlap; they share the pass that is running.
    this.passing ??= this.scan().finally(() => (this.passing = null));
    return this.passing;
  }

  private async scan(): Promise<PassResult> {
    const { db, clock } = this.services;
    const now = clock.now();
    const nowMs = now.getTime();
    const result: PassResult = { launched: 0, waitMs: null };
    // Rows read by an earlier pass come first: while they last, a send costs no query. They
    // stay due (time only moves on), and the claim rejects any that another dispatcher took.
    await this.launchFrom(this.buffer, now, result);
    if (!result.launched && this.inFlight.size < this.concurrency) {
      this.buffer = [];
      let afterId = 0;
      for (;;) {
        const open = await this.openChannels(nowMs, result);
        if (!open.length || this.inFlight.size >= this.concurrency) break;
        const rows = await db.outboxMessage.findMany({
          where: { ...this.due(now, open), id: { gt: afterId } },
          orderBy: { id: 'asc' },
          take: BATCH,
        });
        this.buffer.push(...rows);
        await this.launchFrom(rows, now, result);
        if (rows.length < BATCH) break;
        afterId = rows[rows.length - 1].id;
      }
    }
    this.buffer = this.buffer.filter((row) => row.status !== 'taken');
    if (nowMs - this.forgotAt > FORGET_EVERY_MS) {
      this.forgotAt = nowMs;
      for (const pacer of this.pacers.values()) pacer.forgetIdle(nowMs);
    }
    return result;
  }

  /**
   * Due rows: pending ones whose time has come, and claimed ones whose lease ran out
   * (abandoned by a killed process; see the header).
   */
  private due(now: Date, channels: string[]) {
    return {
      status: { in: ['pending', 'sending'] },
      nextAttemptAt: { lte: now },
      channel: { in: channels },
      ...(this.options.chatId !== undefined ? { chatId: this.options.chatId } : {}),
    };
  }

  /**
   * Channels whose own gate is open. Closed ones are left out of the query, so a paused
   * channel never starves the others of batch room; they only say how long until they reopen.
   */
  private async openChannels(nowMs: number, result: PassResult): Promise<string[]> {
    const open: string[] = [];
    for (const [channel, pacer] of this.pacers) {
      if (!this.mine(channel)) continue;
      const wait = pacer.channelWaitMs(nowMs);
      if (!wait) open.push(channel);
      else if (
        this.buffer.some((row) => row.channel === channel) ||
        (await this.services.db.outboxMessage.findFirst({ where: this.due(new Date(nowMs), [channel]), select: { id: true } }))
      ) {
        holdBack(result, wait);
      }
    }
    return open;
  }

  private mine(channel: ChannelName): boolean {
    return this.options.leases?.holds(channel) ?? true;
  }

  /** Claims and sends the rows that pacing lets through now; marks the others' waits. */
  private async launchFrom(rows: OutboxMessage[], now: Date, result: PassResult): Promise<void> {
    const nowMs = now.getTime();
    for (const row of rows) {
      if (this.inFlight.size >= this.concurrency) return;
      const key = chatKey(row);
      if (row.status === 'taken' || this.inFlight.has(key)) continue; // one at a time per chat
      if (!this.mine(row.channel as ChannelName)) continue;
      const pacer = this.pacers.get(row.channel as ChannelName)!;
      const wait = pacer.waitMs(row.chatId, nowMs);
      if (wait > 0) {
        holdBack(result, wait);
        continue;
      }
      const claimed = await this.claim(row, now);
      row.status = 'taken'; // by this dispatcher or another: out of the buffer either way
      if (!claimed) continue;
      // Paced from the moment the send starts, not from the start of the pass.
      pacer.take(row.chatId, this.services.clock.now().getTime());
      this.launch(claimed, key);
      result.launched++;
    }
  }

  /**
   * Takes the row for this dispatcher: a conditional update on the state it was read in, so
   * of several dispatchers exactly one succeeds. Returns the row as claimed, or null.
   */
  private async claim(row: OutboxMessage, now: Date): Promise<OutboxMessage | null> {
    const lease = new Date(now.getTime() + this.leaseMs);
    if (!(await this.services.hotPath.claimOutbox(row.id, row.status, row.nextAttemptAt, lease))) return null;
    if (row.status === 'sending') {
      this.services.log.warn({ outboxId: row.id, channel: row.channel }, 'outbox row from an interrupted run is sent again');
    }
    return { ...row, status: 'sending', attempts: row.attempts + 1, nextAttemptAt: lease };
  }

  private launch(row: OutboxMessage, key: string): void {
    const sending = this.send(row)
      .then((outcome) => this.record(row, outcome))
      .catch((error) => this.services.log.error({ err: error, outboxId: row.id }, 'outbox outcome not recorded'))
      .finally(() => {
        this.inFlight.delete(key);
        this.wake();
      });
    this.inFlight.set(key, sending);
  }

  private async send(row: OutboxMessage): Promise<SendOutcome> {
    let reply: Reply;
    try {
      reply = JSON.parse(row.payload) as Reply;
      if (typeof reply?.text !== 'string') throw new Error('no text');
    } catch {
      return { ok: false, kind: 'permanent', error: 'payload is not a stored Reply' };
    }
    try {
      return await this.senders.get(row.channel as ChannelName)!.send(row.chatId, reply, pushOf(row));
    } catch (error) {
      // An adapter that throws (network failure) is asked again later, like a 'retry'.
      return { ok: false, kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async record(row: OutboxMessage, outcome: SendOutcome): Promise<void> {
    const { db, clock, log } = this.services;
    const now = clock.now();
    if (outcome.ok) {
      // Recorded even if the lease was lost meanwhile: the message is out, so it must not go again.
      await db.outboxMessage.updateMany({
        where: { id: row.id, status: { in: ['sending', 'pending'] } },
        data: { status: 'sent', sentAt: now, lastError: null },
      });
      return;
    }
    // A failure is only recorded while the row is still ours (same lease).
    const ours = { id: row.id, status: 'sending', nextAttemptAt: row.nextAttemptAt };
    const lastError = outcome.error.slice(0, MAX_ERROR_CHARS);
    log.warn({ outboxId: row.id, channel: row.channel, kind: outcome.kind, attempts: row.attempts }, 'outbox send failed');
    if (outcome.kind === 'unreachable') {
      await db.$transaction(async (tx) => {
        // nextAttemptAt back to now: the lease time means nothing once the row waits for the person.
        const { count } = await tx.outboxMessage.updateMany({
          where: ours,
          data: { status: 'held', lastError, nextAttemptAt: now },
        });
        if (!count) return;
        if (row.accountId !== null) await holdForAccount(tx, this.services, row.accountId, now);
        else await reportUndelivered(tx, this.services, [row], 'held');
      });
      return;
    }
    if (outcome.kind === 'later') {
      // Not a failed try: the attempt is given back and the row waits for its hour.
      await db.outboxMessage.updateMany({
        where: ours,
        data: { status: 'pending', attempts: Math.max(0, row.attempts - 1), nextAttemptAt: outcome.until, lastError },
      });
      return;
    }
    if (outcome.kind === 'permanent' || row.attempts >= this.maxAttempts) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.outboxMessage.updateMany({ where: ours, data: { status: 'dead', lastError } });
        if (count) await reportUndelivered(tx, this.services, [row], 'failed');
      });
      return;
    }
    const delay = outcome.retryAfterMs ?? backoffMs(row.attempts, this.backoffBaseMs, this.backoffCapMs, this.random);
    if (outcome.retryAfterMs !== undefined) {
      this.pacers.get(row.channel as ChannelName)!.pause(row.chatId, now.getTime() + outcome.retryAfterMs);
    }
    await db.outboxMessage.updateMany({
      where: ours,
      data: { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), lastError },
    });
  }
}

function holdBack(result: PassResult, ms: number): void {
  result.waitMs = result.waitMs === null ? ms : Math.min(result.waitMs, ms);
}

function chatKey(row: Pick<OutboxMessage, 'channel' | 'chatId'>): string {
  return `${row.channel}\u0000${row.chatId}`;
}

export interface RunningDispatcher {
  dispatcher: OutboxDispatcher;
  leases: SenderLeases;
  /** Lets in-flight sends finish, then gives the leases up for another instance. */
  stop(): Promise<void>;
}

/**
 * Starts the dispatcher for the channels' senders (main.ts): it sends on the channels whose
 * sender lease this instance holds, and takes them over when their holder dies.
 */
export async function startDispatcher(services: DispatcherApp, senders: ChannelSender[]): Promise<RunningDispatcher> {
  let dispatcher: OutboxDispatcher | null = null;
  const leases = new SenderLeases(services, senders, { onGained: () => dispatcher?.wake() });
  dispatcher = new OutboxDispatcher(services, { senders, leases });
  await leases.start();
  dispatcher.start();
  const started = dispatcher;
  return {
    dispatcher: started,
    leases,
    async stop() {
      await started.stop();
      await leases.stop();
    },
  };
}
