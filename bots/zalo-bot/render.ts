// Reply -> the Zalo Bot messages that carry it, in order. The platform has text (1–2,000
// characters) and pictures fetched from a URL, and no buttons at all: buttons become numbered
// choices under the text (src/conversation/choices.ts, the console's rule), numbered across
// the whole answer, with one line saying to reply with the number. Text is split at 2,000
// characters (after NFC) like on Zalo OA; the choices stay under the last part, or go in a
// message of their own when they do not fit beside it.
import type { Reply, ReplyDocument, ReplyImage } from '../../src/conversation/types.js';
import { splitText } from '../../src/conversation/replies.js';
import { numberChoices } from '../../src/conversation/choices.js';
import { ZALO_TEXT_LIMIT } from '../zalo/render.js';

/** `reply`: the index of the reply the step belongs to, so a failure can say which replies went out. */
export type ZaloBotStep = { reply: number } & (
  | { kind: 'text'; text: string }
  | { kind: 'photo'; image: ReplyImage }
  | { kind: 'file'; document: ReplyDocument }
);

export function hasChoices(replies: Reply[]): boolean {
  return replies.some((r) => (r.buttons ?? []).some((row) => row.length > 0));
}

/** `choose`: the line under the choices that says to reply with a number (the person's language). */
export function zaloBotSteps(replies: Reply[], choose: string): ZaloBotStep[] {
  const steps: ZaloBotStep[] = [];
  for (const [index, { reply, choices }] of numberChoices(replies).entries()) {
    const parts = splitText(reply.text, ZALO_TEXT_LIMIT).filter((p) => p.trim() !== '');
    if (choices.length) {
      const menu = [...choices.map(({ n, button }) => `[${n}] ${button.label.normalize('NFC').trim()}`), choose].join('\n');
      const last = parts.at(-1);
      if (last !== undefined && last.length + 2 + menu.length <= ZALO_TEXT_LIMIT) parts[parts.length - 1] = `${last}\n\n${menu}`;
      else parts.push(...splitText(menu, ZALO_TEXT_LIMIT));
    }
    for (const text of parts) steps.push({ reply: index, kind: 'text', text });
    if (reply.image) steps.push({ reply: index, kind: 'photo', image: reply.image });
    if (reply.document) steps.push({ reply: index, kind: 'file', document: reply.document });
  }
  return steps;
}
