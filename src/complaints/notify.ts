// Pushes about a complaint, each written in the recipient's own language and queued in the
// outbox inside the transaction of the change. The dedupKey ties a push to the event that
// caused it, so a retried transaction or job never sends it twice.
import type { Account } from '../generated/prisma/client.js';
import type { Services } from '../services.js';
import type { Tx } from '../db/index.js';
import type { Reply } from '../conversation/types.js';
import { speakerFor, type Speaker } from '../accounts/accounts.js';
import { enqueue } from '../outbox/enqueue.js';
import type { PushInfo } from '../outbox/types.js';

/**
 * Queues one push per recipient, composed in each recipient's language. `push` says what it is
 * about, so a channel whose window has closed may send it as a template message instead.
 */
export async function pushTo(
  tx: Tx,
  services: Pick<Services, 'i18n'>,
  recipients: Account[],
  key: string,
  compose: (speaker: Speaker, to: Account) => Reply,
  push?: PushInfo,
): Promise<void> {
  for (const to of recipients) {
    await enqueue(tx, { to, reply: compose(speakerFor(services.i18n, to), to), dedupKey: `${key}:${to.id}`, push });
  }
}

/** The dedupKey stem of the pushes an event causes. */
export function eventKey(eventId: number): string {
  return `cp:ev:${eventId}`;
}
