// The Zalo ChannelSender: what the outbox dispatcher and the direct replies to webhook events
// both send through. A person Zalo will not deliver to now (7-day rule) is marked unreachable
// so the outbox holds their pushes until they write again.
import type { Services } from '../../src/services.js';
import type { Reply } from '../../src/conversation/types.js';
import type { ChannelSender, SendOutcome } from '../../src/outbox/types.js';
import { localeOf } from '../../src/accounts/accounts.js';
import { defaultLocale, type Locale } from '../../src/i18n/index.js';
import { REQUESTS_PER_MINUTE, type ZaloClient } from './client.js';
import { buttonCount, ZALO_MAX_BUTTONS, type MoreLabel } from './render.js';

export class ZaloSender implements ChannelSender {
  readonly channel = 'zalo' as const;
  readonly pace: ChannelSender['pace'];
  readonly account: string | undefined;

  constructor(
    private readonly services: Pick<Services, 'db' | 'clock' | 'log' | 'i18n' | 'config'>,
    private readonly client: ZaloClient,
    requestsPerMinute = REQUESTS_PER_MINUTE,
  ) {
    this.pace = { perSecond: requestsPerMinute / 60 };
    this.account = services.config.ZALO_APP_ID;
  }

  async send(chatId: string, reply: Reply): Promise<SendOutcome> {
    const outcome = await this.client.deliver(chatId, reply, await this.moreLabel(chatId, reply));
    if (!outcome.ok) {
      this.services.log.warn({ channel: 'zalo', kind: outcome.kind, error: outcome.error }, 'zalo send failed');
      if (outcome.kind === 'unreachable') {
        await this.services.db.account.updateMany({
          where: { channel: 'zalo', externalId: chatId },
          data: { unreachableAt: this.services.clock.now() },
        });
      }
    }
    return outcome;
  }

  /** The "more options" line is only needed (and the person's language only looked up) past 5 buttons. */
  private async moreLabel(chatId: string, reply: Reply): Promise<MoreLabel> {
    let locale: Locale = defaultLocale;
    if (buttonCount(reply) > ZALO_MAX_BUTTONS) {
      const account = await this.services.db.account.findUnique({
        where: { channel_externalId: { channel: 'zalo', externalId: chatId } },
        select: { locale: true },
      });
      if (account) locale = localeOf(account);
    }
    return (part, total) => this.services.i18n.t(locale, 'zalo-more-options', { part, total });
  }
}
