// Pacing of outbound pushes: one gate per channel and one per chat. A gate spaces sends
// evenly at its rate (GCRA, the "virtual scheduling" form of a token bucket): Telegram's limits
// are "about 30/s overall and 1/s per chat", and a bucket that let a full second's worth go at
// once could break them at a window's edge. A channel gate lets one send come early to make up
// for a timer that fired late, so the long-run rate is the configured one and no one-second
// window holds more than rate + 2; a chat gate never does (1/s is the stricter limit).
// A gate can also be paused, which is how a platform's "retry after N seconds" is honoured.

export class Gate {
  /** Theoretical time (ms since epoch) of the next send at an exact rate. */
  private tat = 0;
  private pausedUntil = 0;
  private readonly spacingMs: number;
  private readonly earlyMs: number;

  /** perSecond ≤ 0 or Infinity: no spacing (only pauses apply). burst 2: one send may come early. */
  constructor(perSecond: number, burst = 1) {
    this.spacingMs = Number.isFinite(perSecond) && perSecond > 0 ? 1000 / perSecond : 0;
    this.earlyMs = this.spacingMs * (burst - 1);
  }

  /** Milliseconds to wait before the gate opens; 0 when open. */
  waitMs(now: number): number {
    return Math.max(0, this.tat - this.earlyMs - now, this.pausedUntil - now);
  }

  /** Records a send at `now`; only call when waitMs(now) is 0. */
  take(now: number): void {
    this.tat = Math.max(this.tat, now) + this.spacingMs;
  }

  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

/** The gates of one channel: the channel's own and one per chat, created on demand. */
export class ChannelPacer {
  private readonly channelGate: Gate;
  private readonly chatGates = new Map<string, Gate>();

  constructor(
    private readonly pace: { perSecond: number; perChatPerSecond?: number },
    private readonly enabled: boolean,
  ) {
    this.channelGate = new Gate(enabled ? pace.perSecond : Infinity, 2);
  }

  private chat(chatId: string): Gate {
    let gate = this.chatGates.get(chatId);
    if (!gate) {
      gate = new Gate(this.enabled ? (this.pace.perChatPerSecond ?? Infinity) : Infinity);
      this.chatGates.set(chatId, gate);
    }
    return gate;
  }

  /** Milliseconds until the channel as a whole may send again. */
  channelWaitMs(now: number): number {
    return this.channelGate.waitMs(now);
  }

  /** Milliseconds until this chat may receive again (channel gate included). */
  waitMs(chatId: string, now: number): number {
    return Math.max(this.channelGate.waitMs(now), this.chatGates.get(chatId)?.waitMs(now) ?? 0);
  }

  take(chatId: string, now: number): void {
    this.channelGate.take(now);
    this.chat(chatId).take(now);
  }

  /** The platform asked to wait: nothing more to this chat, nor on this channel, until then. */
  pause(chatId: string, until: number): void {
    this.channelGate.pauseUntil(until);
    this.chat(chatId).pauseUntil(until);
  }

  /** Drops the gates of chats that are open again, so a long-running process does not grow. */
  forgetIdle(now: number): void {
    for (const [chatId, gate] of this.chatGates) if (gate.waitMs(now) === 0) this.chatGates.delete(chatId);
  }
}

/**
 * Delay before try number `attempt + 1` after `attempt` failed tries: exponential from
 * `baseMs`, capped, with "equal jitter" (half fixed, half random) so that many pushes failing
 * together (a platform outage) do not all come back at the same instant.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
