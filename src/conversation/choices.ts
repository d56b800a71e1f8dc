// Buttons as numbered choices, for channels that cannot show buttons (the console, Zalo's Bot
// platform): each button of an answer gets the next number, and a message that is just that
// number presses it. Which numbers are live follows one rule on every such channel: a reply to
// what the person typed sets them (none when it has no buttons, so that a typed "1" then
// reaches the dialogue as text); a push arriving meanwhile replaces them only when it brings
// buttons of its own.
import type { Button, Reply } from './types.js';

export interface NumberedChoice {
  n: number;
  button: Button;
}

/** Each reply with the numbered choices of its buttons; numbers run on across the replies. */
export function numberChoices(replies: Reply[]): { reply: Reply; choices: NumberedChoice[] }[] {
  let n = 0;
  return replies.map((reply) => ({ reply, choices: (reply.buttons ?? []).flat().map((button) => ({ n: ++n, button })) }));
}

/** The payloads live after sending `replies` (choice 1 first); undefined: the earlier ones stay. */
export function liveChoices(replies: Reply[], kind: 'reply' | 'push'): string[] | undefined {
  const payloads = replies.flatMap((r) => (r.buttons ?? []).flat().map((b) => b.payload));
  return kind === 'reply' || payloads.length ? payloads : undefined;
}

/** The number typed, when the message is a number alone (1–99). */
export function typedChoice(text: string): number | undefined {
  const n = /^\s*(\d{1,2})\s*$/.exec(text);
  return n ? Number(n[1]) : undefined;
}
