// One active sender per messenger account, whatever the number of instances. Telegram's and
// Zalo's global rates (≈30 messages/s per bot, a request budget per OA) are kept by the pacer of
// the one dispatcher that sends; two instances each pacing to the full rate would break them.
// So each instance's dispatcher sends a channel's pushes only while it holds that account's
// lease (src/db/lease.ts). Every instance tries to take or renew the leases every third of the
// lease time (LEASE_SECONDS, 15 s by default); the holder keeps them, and when it dies (SIGKILL,
// power cut) another instance takes over once the lease has expired: within 20 s by default.
//
// A holder stops starting sends a fifth of the lease time before it would expire unrenewed (a stalled
// database, a paused process), so two instances never send on one account at the same time.
// The new holder makes the rows the old one left 'sending' due at once: the old holder is gone
// or has stopped, and those pushes would otherwise wait out their 5-minute claim. As after any
// hard kill (src/outbox/dispatcher.ts), a push the platform had accepted just before the kill
// goes again: at most one per chat.
import type { Services } from '../services.js';
import { acquireLease, instanceId, releaseLease } from '../db/lease.js';
import type { ChannelName } from '../conversation/types.js';
import type { ChannelSender } from './types.js';


export interface SenderLeaseOptions {
  holder?: string;
  /** Called when this instance starts holding a channel's lease (the dispatcher wakes up). */
  onGained?: (channel: ChannelName) => void;
}

/** The lease of a sender's messenger account: one per bot or OA. */
export function senderLeaseName(sender: Pick<ChannelSender, 'channel' | 'account'>): string {
  return `sender:${sender.channel}${sender.account ? `:${sender.account}` : ''}`;
}

export class SenderLeases {
  readonly holder: string;
  private readonly ttlMs: number;
  /** Channel → its lease name. */
  private readonly names = new Map<ChannelName, string>();
  /** Channel → until when (clock ms) this instance may send on it. */
  private readonly held = new Map<ChannelName, number>();
  /** Channels whose lease this process has held at some point. */
  private readonly everHeld = new Set<ChannelName>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly services: Pick<Services, 'db' | 'clock' | 'log' | 'config'>,
    senders: readonly Pick<ChannelSender, 'channel' | 'account'>[],
    private readonly options: SenderLeaseOptions = {},
  ) {
    this.holder = options.holder ?? instanceId;
    this.ttlMs = services.config.LEASE_SECONDS * 1000;
    for (const sender of senders) this.names.set(sender.channel, senderLeaseName(sender));
  }

  /** Whether this instance may start a send on `channel` now. */
  holds(channel: ChannelName): boolean {
    const until = this.held.get(channel);
    return until !== undefined && this.services.clock.now().getTime() < until - this.ttlMs / 5;
  }

  /** The lease names this instance holds now (/healthz). */
  heldNames(): string[] {
    return [...this.names].filter(([channel]) => this.holds(channel)).map(([, name]) => name);
  }

  /** Takes or renews every lease it can, once. */
  tick(): Promise<void> {
    this.ticking ??= this.renewAll().finally(() => (this.ticking = null));
    return this.ticking;
  }

  /** Renews in the background until stop(). */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.ttlMs / 3);
    this.timer.unref();
  }

  /** Gives the leases up, so another instance takes over at once (orderly shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    const { db, log } = this.services;
    for (const [channel, name] of this.names) {
      if (!this.held.delete(channel)) continue;
      await releaseLease(db, name, this.holder).catch((error) => log.warn({ err: error, lease: name }, 'sender lease not released'));
    }
  }

  private async renewAll(): Promise<void> {
    const { db, clock, log } = this.services;
    for (const [channel, name] of this.names) {
      const now = clock.now();
      const had = this.holds(channel);
      let got;
      try {
        got = await acquireLease(db, name, this.holder, this.ttlMs, now);
      } catch (error) {
        // Keep what is held until it runs out: holds() stops the sends before it expires.
        log.warn({ err: error, lease: name }, 'sender lease not renewed');
        continue;
      }
      if (!got) {
        if (this.held.delete(channel)) log.warn({ lease: name }, 'sender lease lost to another instance');
        continue;
      }
      this.held.set(channel, now.getTime() + this.ttlMs);
      if (had) continue;
      // Taken from another instance, or held for the first time by this process (a restart of
      // the same instance renews its predecessor's lease): what was in flight is nobody's now.
      const first = !this.everHeld.has(channel);
      this.everHeld.add(channel);
      if (got.previous !== null || first) {
        const { count } = await db.outboxMessage.updateMany({
          where: { channel, status: 'sending' },
          data: { nextAttemptAt: now },
        });
        if (got.previous !== null || count) {
          log.warn({ lease: name, previous: got.previous, inFlight: count }, 'sender lease taken over; pushes left in flight go again');
        } else {
          log.info({ lease: name }, 'sender lease taken');
        }
      } else {
        log.info({ lease: name }, 'sender lease taken');
      }
      this.options.onGained?.(channel);
    }
  }
}
