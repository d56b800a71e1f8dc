// The Zalo ChannelSender: what the outbox dispatcher and the direct replies to webhook events
// both send through. A person Zalo will not deliver to now (7-day rule) is marked unreachable
// so the outbox holds their pushes until they write again, unless the push is of a kind with
// an approved template (templates.ts): then it goes as a template message, by the person's
// Zalo id, or by the phone number the desk registered with the citizen's consent when the id
// cannot be reached, between 06:00 and 22:00 Vietnam time; outside those hours it waits.
import type { Services } from '../../src/services.js';
import type { Reply } from '../../src/conversation/types.js';
import type { ChannelSender, PushInfo, SendOutcome } from '../../src/outbox/types.js';
import { localeOf } from '../../src/accounts/accounts.js';
import { defaultLocale, type Locale } from '../../src/i18n/index.js';
import { REQUESTS_PER_MINUTE, templateOutcomeOf, ZaloError, type ZaloClient } from './client.js';
import { buttonCount, ZALO_MAX_BUTTONS, type MoreLabel } from './render.js';
import { templateData, templateQuietUntil, type Templates, type TemplateSpec } from './templates.js';

/** Zalo's window for consultation messages after a person's last interaction. */
const WINDOW_MS = 7 * 24 * 3600_000;
/** A template by Zalo id refused for these reasons may still reach the person's phone. */
const TRY_PHONE = new Set<number>([ZaloError.notFollower, ZaloError.outsideWindow, ZaloError.outsideWindowAlt, ZaloError.zaloAccountMissing]);

export class ZaloSender implements ChannelSender {
  readonly channel = 'zalo' as const;
  readonly pace: ChannelSender['pace'];
  readonly account: string | undefined;

  constructor(
    private readonly services: Pick<Services, 'db' | 'clock' | 'log' | 'i18n' | 'config'>,
    private readonly client: ZaloClient,
    requestsPerMinute = REQUESTS_PER_MINUTE,
    private readonly templates: Templates = {},
  ) {
    this.pace = { perSecond: requestsPerMinute / 60 };
    this.account = services.config.ZALO_APP_ID;
  }

  async send(chatId: string, reply: Reply, push?: PushInfo): Promise<SendOutcome> {
    const template = push ? this.templates[push.kind] : undefined;
    // Known to be outside the window: a consultation message would only be refused.
    if (push && template && (await this.outsideWindow(chatId))) return this.sendTemplate(chatId, push, template);
    const outcome = await this.client.deliver(chatId, reply, await this.moreLabel(chatId, reply));
    if (!outcome.ok) {
      this.services.log.warn({ channel: 'zalo', kind: outcome.kind, error: outcome.error }, 'zalo send failed');
      if (outcome.kind === 'unreachable') {
        await this.services.db.account.updateMany({
          where: { channel: 'zalo', externalId: chatId },
          data: { unreachableAt: this.services.clock.now() },
        });
        if (push && template) return this.sendTemplate(chatId, push, template);
      }
    }
    return outcome;
  }

  private async outsideWindow(chatId: string): Promise<boolean> {
    const account = await this.services.db.account.findUnique({
      where: { channel_externalId: { channel: 'zalo', externalId: chatId } },
      select: { unreachableAt: true, lastSeenAt: true },
    });
    if (!account) return false;
    return account.unreachableAt !== null || this.services.clock.now().getTime() - account.lastSeenAt.getTime() > WINDOW_MS;
  }

  private async sendTemplate(chatId: string, push: PushInfo, template: TemplateSpec): Promise<SendOutcome> {
    const now = this.services.clock.now();
    const until = templateQuietUntil(now);
    if (until) return { ok: false, kind: 'later', error: 'zalo template messages go out between 06:00 and 22:00', until };
    const data = templateData(template, push);
    const tracking = `${push.kind}:${push.data.code ?? ''}`.slice(0, 48);
    let answer = await this.client.sendTemplate({ userId: chatId }, template.templateId, data, tracking);
    if (!answer.ok && push.phone && TRY_PHONE.has(answer.code)) {
      answer = await this.client.sendTemplate({ phone: push.phone }, template.templateId, data, tracking);
    }
    if (answer.ok) {
      this.services.log.info({ channel: 'zalo', push: push.kind }, 'push sent as a zalo template message');
      return { ok: true };
    }
    const outcome = templateOutcomeOf(answer, now);
    this.services.log.warn({ channel: 'zalo', push: push.kind, kind: outcome.kind, error: outcome.error }, 'zalo template message refused');
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
