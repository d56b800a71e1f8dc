// Reply -> the Zalo messages that carry it, in order. Text is split at 2,000 characters on
// paragraph/sentence boundaries (after NFC). Buttons become `oa.query.hide` buttons whose
// payload `#<payload>` comes back as the person's text. Zalo shows at most 5 buttons per
// message, so a reply with more is sent as several messages of at most 5 buttons: the first
// group rides on the (last part of the) text, each further group on a short "more options
// (2/3)" line. Splitting keeps every choice one tap away, which numbering would not.
import type { Button, Reply, ReplyDocument, ReplyImage } from '../../src/conversation/types.js';
import { splitText } from '../../src/conversation/replies.js';

export const ZALO_TEXT_LIMIT = 2000;
export const ZALO_MAX_BUTTONS = 5;
/** Zalo cuts button titles; a clean ellipsis reads better than its cut. */
const MAX_TITLE = 100;

export interface ZaloButton {
  title: string;
  type: 'oa.query.hide';
  payload: string;
}

export type ZaloStep =
  | { kind: 'text'; text: string; buttons?: ZaloButton[] }
  | { kind: 'image'; image: ReplyImage }
  | { kind: 'file'; document: ReplyDocument };

/** Label of the message that carries button group `part` of `total` (localised by the caller). */
export type MoreLabel = (part: number, total: number) => string;

export function buttonCount(reply: Reply): number {
  return (reply.buttons ?? []).reduce((n, row) => n + row.length, 0);
}

function zaloButton(b: Button): ZaloButton {
  const label = b.label.normalize('NFC').trim();
  const title = label.length > MAX_TITLE ? `${label.slice(0, MAX_TITLE - 1)}…` : label;
  return { title, type: 'oa.query.hide', payload: `#${b.payload}` };
}

function groups<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function zaloSteps(reply: Reply, more: MoreLabel): ZaloStep[] {
  const steps: ZaloStep[] = [];
  const buttonGroups = groups((reply.buttons ?? []).flat().map(zaloButton), ZALO_MAX_BUTTONS);
  const parts = splitText(reply.text, ZALO_TEXT_LIMIT).filter((p) => p.trim() !== '');
  parts.forEach((text, i) => {
    const last = i === parts.length - 1;
    steps.push(last && buttonGroups.length ? { kind: 'text', text, buttons: buttonGroups[0] } : { kind: 'text', text });
  });
  // Buttons without any text still need a line to ride on.
  buttonGroups.forEach((buttons, i) => {
    if (i === 0 && parts.length) return;
    steps.push({ kind: 'text', text: more(i + 1, buttonGroups.length), buttons });
  });
  if (reply.image) steps.push({ kind: 'image', image: reply.image });
  if (reply.document) steps.push({ kind: 'file', document: reply.document });
  return steps;
}
