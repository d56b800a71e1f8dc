// The Zalo Bot ChannelSender: what the outbox dispatcher and the direct replies both send
// through. Before a message goes out, the numbers it shows are recorded (a reply sets them, a
// push only when it has choices of its own), so an answer that comes back at once finds them.
import type { Services } from '../../src/services.js';
import type { Reply } from '../../src/conversation/types.js';
import type { ChannelSender, SendOutcome } from '../../src/outbox/types.js';
import { liveChoices } from '../../src/conversation/choices.js';
import { fitText } from '../../src/conversation/replies.js';
import { localeOf } from '../../src/accounts/accounts.js';
import { defaultLocale, type Locale, type Translate } from '../../src/i18n/index.js';
import { ZALO_TEXT_LIMIT } from '../zalo/render.js';
import { outcomeOf, type BotAnswer, type ZaloBotClient } from './client.js';
import { hasChoices, zaloBotSteps, type ZaloBotStep } from './render.js';
import { SHELF_LIFE_MS, type MediaShelf } from './shelf.js';
import type { ChoiceMenus } from './menus.js';

export const ZALO_BOT_CHANNEL = 'zalobot' as const;

export class ZaloBotSender implements ChannelSender {
  readonly channel = ZALO_BOT_CHANNEL;
  /** The platform publishes no limits; Telegram's (about 30/s, 1/s per chat) are the model it follows. */
  readonly pace = { perSecond: 25, perChatPerSecond: 1 };

  constructor(
    private readonly services: Pick<Services, 'hotPath' | 'log' | 'i18n'>,
    private readonly client: ZaloBotClient,
    private readonly menus: ChoiceMenus,
    /** Where pictures and files are served from; without a public address, their words are sent instead. */
    private readonly shelf?: MediaShelf,
  ) {}

  async send(chatId: string, reply: Reply): Promise<SendOutcome> {
    return (await this.deliver(chatId, [reply], 'push')).outcome;
  }

  /**
   * Sends the replies in order and stops at the first refusal; `unsent` is the index of the
   * reply it stopped in (that reply and the ones after it did not all go out).
   */
  async deliver(chatId: string, replies: Reply[], kind: 'reply' | 'push'): Promise<{ outcome: SendOutcome; unsent?: number }> {
    const live = liveChoices(replies, kind);
    if (live) await this.menus.set(chatId, live);
    const locale = await this.locale(chatId, replies);
    const t = this.services.i18n.in(locale);
    for (const step of zaloBotSteps(replies, hasChoices(replies) ? t('zalobot-choose') : '')) {
      const answer = await this.sendStep(chatId, step, t);
      if (!answer.ok) {
        const outcome = outcomeOf(answer);
        this.services.log.warn({ channel: this.channel, kind: outcome.kind, error: outcome.error }, 'zalobot send failed');
        return { outcome, unsent: step.reply };
      }
    }
    return { outcome: { ok: true } };
  }

  private sendStep(chatId: string, step: ZaloBotStep, t: Translate): Promise<BotAnswer> {
    switch (step.kind) {
      case 'text':
        return this.client.sendMessage(chatId, step.text);
      case 'photo': {
        const { base64, filename, alt } = step.image;
        const caption = fitText(alt, ZALO_TEXT_LIMIT);
        if (!this.shelf) return this.client.sendMessage(chatId, caption || filename);
        const url = this.shelf.put(Buffer.from(base64, 'base64'), 'image/png', filename);
        return this.client.sendPhoto(chatId, url, caption || undefined);
      }
      case 'file': {
        const { base64, filename, mime } = step.document;
        if (!this.shelf) return this.client.sendMessage(chatId, t('zalobot-file-unavailable', { name: filename }));
        const url = this.shelf.put(Buffer.from(base64, 'base64'), mime, filename);
        return this.client.sendMessage(chatId, t('zalobot-file-link', { name: filename, url, minutes: SHELF_LIFE_MS / 60_000 }));
      }
    }
  }

  /** The person's language is only needed (and looked up) for choices and files. */
  private async locale(chatId: string, replies: Reply[]): Promise<Locale> {
    if (!hasChoices(replies) && !replies.some((r) => r.document)) return defaultLocale;
    // The hot path's prepared statement: this runs for most answers, and the core has just read the row.
    const account = await this.services.hotPath.findAccount(this.channel, chatId);
    return account ? localeOf(account) : defaultLocale;
  }
}
