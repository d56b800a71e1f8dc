// The console channel's outbox sender: a push to a console user is printed in that user's
// chat (the console chat runs a dispatcher limited to its own user). Nothing to pace.
import type { Reply } from '../../src/conversation/types.js';
import type { ChannelSender } from '../../src/outbox/types.js';

/** `print` renders and writes the push; a bell marks it apart from direct replies. */
export function consoleSender(print: (replies: Reply[]) => void): ChannelSender {
  return {
    channel: 'console',
    pace: { perSecond: Infinity },
    async send(_chatId, reply) {
      print([{ ...reply, text: `🔔 ${reply.text}` }]);
      return { ok: true };
    },
  };
}
