// Small builders for Reply values, so handlers read as what they say.
import { MAX_PAYLOAD_BYTES, type Button, type Reply } from './types.js';

export function text(body: string, buttons?: Button[][]): Reply {
  return buttons && buttons.length ? { text: body, buttons } : { text: body };
}

export function button(label: string, payload: string): Button {
  if (Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw new Error(`button payload over ${MAX_PAYLOAD_BYTES} bytes: ${payload}`);
  }
  return { label, payload };
}

/** One button per row: reads best on phones and on Zalo, which shows a vertical list anyway. */
export function column(buttons: Button[]): Button[][] {
  return buttons.map((b) => [b]);
}

/**
 * Splits a long text at paragraph, then line, then sentence boundaries so that every part
 * fits the platform's limit (Telegram 4,096, Zalo 2,000 characters).
 */
export function splitText(body: string, limit: number): string[] {
  const text = body.normalize('NFC');
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut =
      lastBreak(window, '\n\n') ?? lastBreak(window, '\n') ?? lastSentenceEnd(window) ?? lastBreak(window, ' ') ?? limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

function lastBreak(window: string, sep: string): number | null {
  const at = window.lastIndexOf(sep);
  return at > window.length / 3 ? at + sep.length : null;
}

function lastSentenceEnd(window: string): number | null {
  const match = [...window.matchAll(/[.!?…](\s)/g)].pop();
  return match && match.index! > window.length / 3 ? match.index! + 1 : null;
}

/** A caption or title cut to a platform's limit (after NFC, trimmed), with an ellipsis when cut. */
export function fitText(text: string, limit: number): string {
  const fitted = text.normalize('NFC').trim();
  return fitted.length <= limit ? fitted : `${fitted.slice(0, limit - 1)}…`;
}

/** Splits a reply whose text is too long; buttons and files stay on the last part. */
export function splitReply(reply: Reply, limit: number): Reply[] {
  const parts = splitText(reply.text, limit);
  if (parts.length === 1) return [{ ...reply, text: parts[0] }];
  return parts.map((part, i) => (i === parts.length - 1 ? { ...reply, text: part } : { text: part }));
}
