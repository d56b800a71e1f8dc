// One Zalo Bot update, from long polling or the webhook: claimed once (InboundUpdate, keyed by
// the message id, since the platform has no update ids), turned into an Inbound — a number
// alone presses the numbered choice it names —, answered by the core, and the replies sent.
// One person's updates are handled in order (a dialogue's steps must not overtake each other),
// different people's side by side. Replies the platform refuses for now are handed to the
// outbox, as on Zalo OA, so a network fault does not lose an answer.
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import type { Inbound, Reply } from '../../src/conversation/types.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { typedChoice } from '../../src/conversation/choices.js';
import { InboundLedger } from '../../src/shared/inbound-updates.js';
import { parseUpdate } from './updates.js';
import { ZALO_BOT_CHANNEL, type ZaloBotSender } from './sender.js';
import type { ChoiceMenus } from './menus.js';

/** Events the platform sends that the bot has no use for: logged quietly. */
const ROUTINE = /^message\.(sticker|unsupported)\.received/;

export class ZaloBotHandler {
  private readonly ledger: InboundLedger;
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly services: Pick<Services, 'db' | 'hotPath' | 'clock' | 'log'>,
    private readonly conversation: Pick<Conversation, 'handle'>,
    private readonly sender: ZaloBotSender,
    private readonly menus: ChoiceMenus,
  ) {
    this.ledger = new InboundLedger(services, ZALO_BOT_CHANNEL);
  }

  /** Handles one event; resolves when its replies have gone out (or failed, which is logged). */
  async handle(raw: unknown): Promise<void> {
    const update = parseUpdate(raw);
    if (update.kind === 'ignored') {
      this.services.log[ROUTINE.test(update.eventName) ? 'debug' : 'info']({ event: update.eventName }, 'zalobot update not handled');
      return;
    }
    const key = update.chatId;
    const next = (this.chains.get(key) ?? Promise.resolve()).then(() => this.process(update));
    this.chains.set(key, next);
    try {
      await next;
    } finally {
      if (this.chains.get(key) === next) this.chains.delete(key);
    }
  }

  /** Resolves when every update being handled has been answered. */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.allSettled([...this.chains.values()]);
  }

  private async handOver(chatId: string, replies: Reply[], retryAfterMs: number | undefined): Promise<void> {
    const { db, hotPath, clock } = this.services;
    const account = await hotPath.findAccount(ZALO_BOT_CHANNEL, chatId);
    if (!account) return;
    const notBefore = retryAfterMs ? new Date(clock.now().getTime() + retryAfterMs) : undefined;
    await db.$transaction(async (tx) => {
      for (const reply of replies) await enqueue(tx, { to: account, reply, notBefore });
    });
  }

  private async process(update: Extract<ReturnType<typeof parseUpdate>, { kind: 'message' }>): Promise<void> {
    const { updateId, chatId } = update;
    // Delivered again (a webhook retry, a poll after a restart): already handled.
    if (!(await this.ledger.claim(updateId))) return;
    let outcome: 'processed' | 'failed' = 'failed';
    try {
      const base = { channel: ZALO_BOT_CHANNEL, userId: chatId, updateId, displayName: update.displayName };
      const n = update.text !== undefined && !update.attachments ? typedChoice(update.text) : undefined;
      const payload = n ? await this.menus.pick(chatId, n) : undefined;
      const inbound: Inbound = payload ? { ...base, payload } : { ...base, text: update.text, attachments: update.attachments };
      const replies = await this.conversation.handle(inbound);
      const { outcome: sent, unsent } = await this.sender.deliver(chatId, replies, 'reply');
      // Refused for now (network, 5xx, too fast): the rest goes through the outbox, which
      // retries durably, rather than being lost with this update.
      if (!sent.ok && sent.kind === 'retry' && unsent !== undefined) await this.handOver(chatId, replies.slice(unsent), sent.retryAfterMs);
      if (sent.ok) outcome = 'processed';
    } catch (error) {
      this.services.log.error({ err: error, updateId }, 'zalobot update failed');
    } finally {
      await this.ledger.finish(updateId, outcome);
    }
  }
}
