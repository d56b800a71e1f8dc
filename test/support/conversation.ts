// One person talking to the conversation core, as a test would describe them: they say
// things and press the buttons they were offered, found by payload (never by position), and
// what they were told is read as message ids and arguments from the app's RecordingI18n.
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import type { Button, ChannelName, Inbound, Reply } from '../../src/conversation/types.js';
import type { MessageArgs, MessageId } from '../../src/i18n/index.js';
import { RecordingI18n, type Said } from './i18n.js';

/** The recorder of an app made by makeTestApp (or given `{ i18n: new RecordingI18n() }`). */
export function said(app: Pick<App, 'i18n'>): RecordingI18n {
  if (app.i18n instanceof RecordingI18n) return app.i18n;
  throw new Error('this app does not record what it says: make it with { i18n: new RecordingI18n() }');
}

/** Every button in the replies, in order. */
export function buttonsIn(replies: Reply[]): Button[] {
  return replies.flatMap((r) => r.buttons?.flat() ?? []);
}

/**
 * The one button whose payload is `payload`, or starts with it; fails naming what was offered
 * when there is none, or when several differ (give more of the payload).
 */
export function buttonIn(replies: Reply[], payload: string): Button {
  const offered = buttonsIn(replies);
  const exact = offered.filter((b) => b.payload === payload);
  const found = exact.length ? exact : offered.filter((b) => b.payload.startsWith(payload));
  const distinct = [...new Set(found.map((b) => b.payload))];
  if (distinct.length === 1) return found[0];
  const list = offered.map((b) => `${b.payload} (${b.label})`).join(', ') || 'no buttons';
  throw new Error(
    distinct.length
      ? `several buttons start with "${payload}": ${distinct.join(', ')}`
      : `no button with payload "${payload}"; offered: ${list}`,
  );
}

export interface Person {
  readonly userId: string;
  /** The replies to the latest input. */
  readonly last: Reply[];
  /** Types a line (a command, an answer, a question). */
  say(text: string): Promise<Reply[]>;
  /**
   * Presses the button whose payload is (or starts with) `payload`, offered in the latest
   * replies or in `from` (a push, say); fails if no such button was offered.
   */
  press(payload: string, from?: Reply[]): Promise<Reply[]>;
  /** Sends anything else: an attachment, a payload no button offered (an old or forged one). */
  send(inbound: Omit<Inbound, 'channel' | 'userId'>): Promise<Reply[]>;
}

export function person(app: Pick<App, 'conversation'>, userId: string, channel: ChannelName = 'console'): Person {
  let last: Reply[] = [];
  const send = async (inbound: Omit<Inbound, 'channel' | 'userId'>) => (last = await app.conversation.handle({ channel, userId, ...inbound }));
  return {
    userId,
    get last() {
      return last;
    },
    say: (text) => send({ text }),
    press: (payload, from) => send({ payload: buttonIn(from ?? last, payload).payload }),
    send,
  };
}

/** The ids in what was said, in order. */
export function idsOf(told: Said[]): MessageId[] {
  return told.map((s) => s.id);
}

/**
 * Asserts that `told` (from `said(app).take()`) has `id` with at least these arguments, and
 * returns it; fails listing what was said instead.
 */
export function expectSaid(told: Said[], id: MessageId, args?: MessageArgs): Said {
  const hit = told.find((s) => s.id === id && (!args || Object.entries(args).every(([k, v]) => sameArg(s.args?.[k], v))));
  if (hit) return hit;
  const near = told.filter((s) => s.id === id);
  return expect.fail(
    near.length
      ? `said ${id} but with other arguments: ${near.map((s) => JSON.stringify(s.args)).join('; ')} (wanted ${JSON.stringify(args)})`
      : `did not say ${id}; said: ${idsOf(told).join(', ') || 'nothing'}`,
  );
}

function sameArg(actual: unknown, wanted: unknown): boolean {
  if (actual instanceof Date && wanted instanceof Date) return actual.getTime() === wanted.getTime();
  return actual === wanted;
}
