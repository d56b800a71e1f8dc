// An in-process ChannelSender that records what it delivers, with the fake clock's time, and
// answers what the test scripts (default: delivered).
import type { Clock } from '../../src/shared/clock.js';
import type { ChannelName, Reply } from '../../src/conversation/types.js';
import type { ChannelSender, SendOutcome } from '../../src/outbox/types.js';

export interface Delivery {
  chatId: string;
  text: string;
  at: number;
}

export class FakeSender implements ChannelSender {
  /** Messages the "platform" accepted. */
  readonly delivered: Delivery[];
  calls = 0;
  account?: string;
  /** Answers call number `n` (1-based); default: deliver. */
  answer: (chatId: string, reply: Reply, n: number) => SendOutcome | 'deliver' | Promise<SendOutcome | 'deliver'> = () => 'deliver';

  constructor(
    private readonly clock: Clock,
    readonly pace: ChannelSender['pace'] = { perSecond: 25, perChatPerSecond: 1 },
    readonly channel: ChannelName = 'telegram',
    /** Share one list between senders to see a message delivered by two processes. */
    delivered: Delivery[] = [],
  ) {
    this.delivered = delivered;
  }

  async send(chatId: string, reply: Reply): Promise<SendOutcome> {
    this.calls += 1;
    const outcome = await this.answer(chatId, reply, this.calls);
    if (outcome !== 'deliver') return outcome;
    this.delivered.push({ chatId, text: reply.text, at: this.clock.now().getTime() });
    return { ok: true };
  }
}

/** A promise that never settles: a send cut off by a killed process. */
export const never = () => new Promise<never>(() => {});
