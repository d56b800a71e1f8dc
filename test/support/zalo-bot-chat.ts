// A person chatting with the Zalo Bot channel through the fake platform: messages delivered
// over the webhook (answered when handled) or queued for long polling (waited for until the
// service has recorded the update as handled), and choices made by typing the number the bot
// showed next to a label.
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { textEvent, type FakeZaloBot, type Received } from './fake-zalo-bot.js';

export interface ZaloBotChat {
  /** Delivers one event; resolves when the service has handled it. */
  send(event: ReturnType<typeof textEvent>): Promise<void>;
  /** Everything `chat` received since the message with index `from`, as one text. */
  since(chat: string, from: number): Received[];
  say(chat: string, text: string): Promise<string>;
  /** Types the number shown next to the choice labelled like `label`, on the latest message with choices. */
  choose(chat: string, label: RegExp): Promise<string>;
}

export const textsOf = (messages: Received[]) => messages.map((m) => m.text).join('\n');

export function zaloBotChat(fake: FakeZaloBot, app: Pick<App, 'db'>, via: { webhookUrl: string; secret: string } | 'polling'): ZaloBotChat {
  async function send(event: ReturnType<typeof textEvent>): Promise<void> {
    if (via !== 'polling') {
      expect((await fake.deliver(via.webhookUrl, event, via.secret)).status).toBe(200);
      return;
    }
    const updateId = (event.message as { message_id: string }).message_id;
    fake.pushUpdate(event);
    for (let i = 0; i < 1000; i++) {
      const row = await app.db.inboundUpdate.findUnique({ where: { channel_updateId: { channel: 'zalobot', updateId } } });
      if (row && row.status !== 'received') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`update ${updateId} was never handled`);
  }
  const since = (chat: string, from: number) => fake.receivedBy(chat).slice(from);
  async function say(chat: string, text: string): Promise<string> {
    const before = fake.receivedBy(chat).length;
    await send(textEvent(chat, text));
    return textsOf(since(chat, before));
  }
  async function choose(chat: string, label: RegExp): Promise<string> {
    const withChoices = fake.receivedBy(chat).filter((m) => /^\[\d+\] /m.test(m.text));
    const choices = [...(withChoices.at(-1)?.text ?? '').matchAll(/^\[(\d+)\] (.+)$/gm)];
    const picked = choices.find((c) => label.test(c[2]));
    if (!picked) throw new Error(`no choice ${label} for ${chat}; last: ${withChoices.at(-1)?.text}`);
    return say(chat, picked[1]);
  }
  return { send, since, say, choose };
}
