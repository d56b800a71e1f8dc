// The channel-agnostic dialogue contract. Adapters turn platform updates into an Inbound and
// render Reply values; nothing here knows about Telegram, Zalo or the terminal.
import type { Account } from '../generated/prisma/client.js';
import type { Locale, MessageId, Translate } from '../i18n/index.js';
import type { Role } from '../accounts/roles.js';
import type { Services } from '../services.js';

/** zalo: the Official Account API; zalobot: Zalo's Bot platform (no OA needed). */
export type ChannelName = 'telegram' | 'zalo' | 'zalobot' | 'console';

export interface Attachment {
  kind: 'photo' | 'file' | 'location';
  /** Platform file id or URL; enough for an official to open it later. */
  ref: string;
  name?: string;
}

export interface Inbound {
  channel: ChannelName;
  /** The person's id on that platform (Telegram chat id, Zalo user id, Zalo Bot chat id, console --user). */
  userId: string;
  /** What the person typed, commands included (`/thutuc`). */
  text?: string;
  /** A pressed button's payload. */
  payload?: string;
  attachments?: Attachment[];
  /** Platform language hint, used on first contact only. */
  locale?: string;
  displayName?: string;
  /** Platform update id, for logs. */
  updateId?: string;
}

/** Button payloads must fit Telegram's callback_data: at most 64 bytes. */
export const MAX_PAYLOAD_BYTES = 64;

export interface Button {
  label: string;
  payload: string;
}

export interface ReplyDocument {
  filename: string;
  mime: string;
  /** base64, so that a Reply is plain JSON and can wait in the outbox. */
  base64: string;
}

/** A PNG picture: a chart, a receipt's QR code. */
export interface ReplyImage {
  /** Name when saved or uploaded, ending in .png. */
  filename: string;
  /** base64, like a document. */
  base64: string;
  /** What it shows, in words: the photo's caption, and what the console prints. */
  alt: string;
}

export interface Reply {
  text: string;
  /** Rows of buttons. */
  buttons?: Button[][];
  document?: ReplyDocument;
  image?: ReplyImage;
}

export interface DialogueInput {
  text?: string;
  payload?: string;
  attachments?: Attachment[];
}

export interface DialogueSnapshot<Data = Record<string, unknown>> {
  flow: string;
  step: string;
  data: Data;
}

/** What a handler gets: the person, their language, the services, and their dialogue. */
export interface Ctx {
  services: Services;
  inbound: Inbound;
  account: Account;
  role: Role;
  locale: Locale;
  t: Translate;
  /** Starts or moves the person's multi-step dialogue (stored in the database). */
  setDialogue(flow: string, step: string, data?: Record<string, unknown>): Promise<void>;
  clearDialogue(): Promise<void>;
  /** The command list for a role (default the person's): what /help shows. */
  help(role?: Role): Reply[];
}

export interface CommandSpec {
  /** Without the slash, lower case: `thutuc`. */
  name: string;
  /** Who may run it; others are told politely why not. */
  roles: readonly Role[];
  /** The one-line description shown by /help and in Telegram's menu. */
  summary: MessageId;
  run(ctx: Ctx, args: string): Promise<Reply[]>;
}

export interface FlowSpec {
  name: string;
  /** null: not an answer to this dialogue — the core ends it and routes the input normally. */
  onInput(ctx: Ctx, state: DialogueSnapshot, input: DialogueInput): Promise<Reply[] | null>;
}

/** Buttons whose payload starts with `${prefix}:` go to this handler, whatever the dialogue. */
export interface ButtonRoute {
  prefix: string;
  roles?: readonly Role[];
  run(ctx: Ctx, rest: string): Promise<Reply[]>;
}

/** Deep links (`/start <payload>`, Zalo codes) whose payload starts with `prefix`. */
export interface StartRoute {
  prefix: string;
  run(ctx: Ctx, rest: string): Promise<Reply[]>;
}

/** Free text that is neither a command nor dialogue input; first non-null answer wins. */
export type TextHandler = (ctx: Ctx, text: string) => Promise<Reply[] | null>;

export interface ConversationModule {
  name: string;
  commands?: CommandSpec[];
  flows?: FlowSpec[];
  buttons?: ButtonRoute[];
  starts?: StartRoute[];
  text?: TextHandler;
  /** The answer to free text nobody else claimed (the procedure search); one module only. */
  fallback?: TextHandler;
}
