// A refusal the person should read: thrown inside a transaction (so nothing is written) and
// turned into a polite message in their language by the conversation module.
import type { MessageArgs } from '../i18n/index.js';

export class ComplaintRefusal extends Error {
  constructor(
    readonly messageId: string,
    readonly args: MessageArgs = {},
  ) {
    super(messageId);
    this.name = 'ComplaintRefusal';
  }
}
