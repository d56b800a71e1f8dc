// The one way to refuse politely. Anything the person asked for that cannot be done — not
// theirs to see, a step the state no longer allows, a limit reached — is thrown as a Refusal,
// usually from inside a transaction so that nothing is written. The conversation core answers
// it with the message in the person's language and ends the dialogue it interrupted; HTTP and
// CLI callers show the same message.
import type { MessageArgs, MessageId } from '../i18n/index.js';

export class Refusal extends Error {
  constructor(
    readonly messageId: MessageId,
    readonly args: MessageArgs = {},
    /** The input field at fault, for callers that name it (the desk API, imports). */
    readonly field?: string,
  ) {
    super(messageId);
    this.name = 'Refusal';
  }
}
