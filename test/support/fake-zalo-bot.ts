// A fake of Zalo's Bot platform on 127.0.0.1: POST /bot<token>/<method>, answered the way the
// platform's documentation and SDKs show it ({"ok":true,"result":…}, or {"ok":false,
// "error_code":…,"description":…}). It enforces what the real one does and the bot must
// respect: text 1–2,000 characters, a photo given as a URL that it downloads (so the test can
// open the picture), setWebhook's 8–256-character secret, getUpdates answering one update per
// call or 408 after the wait — and nothing at all while a webhook is set (the platform lets
// only one of the two work, silently). It plays the platform's side of a webhook, in either
// of the two shapes the sources describe (the event itself, or wrapped in {ok, result}).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_BOT_TOKEN = '1459232241454765289:fake-zalo-bot-token_for-tests';

export interface BotCall {
  method: string;
  params: Record<string, unknown>;
}

export interface FetchedPhoto {
  url: string;
  status: number;
  contentType: string;
  data: Buffer;
}

/** A message the person received: its text, or the photo (downloaded) with its caption. */
export interface Received {
  method: 'sendMessage' | 'sendPhoto';
  text: string;
  photo?: FetchedPhoto;
}

type Event = Record<string, unknown>;
export type Shape = 'event' | 'wrapped' | 'list';

interface Poller {
  answer(event: Event | null): void;
}

export class FakeZaloBot {
  readonly calls: BotCall[] = [];
  /** The webhook URL set, if any: while one is set, getUpdates hands out nothing. */
  webhook: { url: string; secret: string } | null = null;
  /** How getUpdates wraps its update: the event alone in `result` (the platform today) or a list. */
  pollShape: 'event' | 'list' = 'event';
  /** Where the fake fetches a photo URL from (tests map the public address to the local server). */
  resolvePhotoUrl: (url: string) => string = (url) => url;
  private readonly pending: Event[] = [];
  private readonly pollers = new Set<Poller>();
  private readonly failures = new Map<string, { status: number; code: number; description: string }[]>();
  private readonly received = new Map<string, Received[]>();
  private nextMessageId = 1;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = FAKE_BOT_TOKEN): Promise<FakeZaloBot> {
    const server = createServer();
    const fake = new FakeZaloBot(server, token);
    server.on('request', (req, res) => void fake.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The value for ZALO_BOT_API_BASE. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  callsOf(method: string): BotCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** What the person in `chatId` received (texts and photos), oldest first. */
  receivedBy(chatId: string): Received[] {
    return this.received.get(chatId) ?? [];
  }

  /** Answers the next `count` calls of `method` with this refusal. */
  failNext(method: string, count: number, status: number, code: number, description: string): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push({ status, code, description });
    this.failures.set(method, list);
  }

  /** Refusals set with failNext and not used yet. */
  failuresLeft(method: string): number {
    return this.failures.get(method)?.length ?? 0;
  }

  /** Queues an event for getUpdates. */
  pushUpdate(event: Event): void {
    this.pending.push(event);
    this.answerPollers();
  }

  /** Resolves when every queued event has been handed out. */
  async drained(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.pending.length) {
      if (Date.now() > until) throw new Error(`${this.pending.length} updates never polled`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The platform's side of a webhook: POSTs the event with the secret header. */
  async deliver(webhookUrl: string, event: Event, secret: string | undefined, shape: Shape = 'event') {
    const body = shape === 'wrapped' ? { ok: true, result: event } : event;
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  }

  async close(): Promise<void> {
    for (const poller of this.pollers) poller.answer(null);
    this.pollers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!match || req.method !== 'POST') return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match;
    if (token !== this.token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let params: Record<string, unknown>;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      params = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: body is not JSON' });
    }
    this.calls.push({ method, params });
    const failure = this.failures.get(method)?.shift();
    if (failure) return send(res, failure.status, { ok: false, error_code: failure.code, description: failure.description });

    switch (method) {
      case 'getMe':
        return ok(res, { id: this.token.split(':')[0], account_name: 'bot.XaThanThien', account_type: 'BASIC', can_join_groups: false });
      case 'getUpdates':
        return this.getUpdates(res, Number(params.timeout ?? 30));
      case 'setWebhook': {
        const { url, secret_token: secret } = params as { url?: unknown; secret_token?: unknown };
        if (typeof url !== 'string' || !url.startsWith('https://')) return refuse(res, 'url must be HTTPS');
        if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256) return refuse(res, 'secret_token must be 8–256 characters');
        this.webhook = { url, secret };
        return ok(res, { url, updated_at: Date.now() });
      }
      case 'deleteWebhook':
        this.webhook = null;
        return ok(res, { url: '', updated_at: Date.now() });
      case 'sendMessage': {
        const chatId = params.chat_id;
        const text = params.text;
        if (typeof chatId !== 'string' || !chatId) return refuse(res, 'chat_id is required');
        if (typeof text !== 'string' || text.length < 1 || text.length > 2000) return refuse(res, 'text must be 1–2000 characters');
        this.keep(chatId, { method: 'sendMessage', text });
        return ok(res, this.sent());
      }
      case 'sendPhoto': {
        const { chat_id: chatId, photo, caption } = params as { chat_id?: unknown; photo?: unknown; caption?: unknown };
        if (typeof chatId !== 'string' || !chatId) return refuse(res, 'chat_id is required');
        if (typeof photo !== 'string' || !/^https?:\/\//.test(photo)) return refuse(res, 'photo must be a URL');
        if (caption !== undefined && (typeof caption !== 'string' || caption.length < 1 || caption.length > 2000)) {
          return refuse(res, 'caption must be 1–2000 characters');
        }
        // The platform downloads the picture while answering: a URL it cannot read fails the send.
        const fetched = await this.fetchPhoto(photo);
        if (fetched.status !== 200 || !fetched.contentType.startsWith('image/')) return refuse(res, 'photo could not be downloaded');
        this.keep(chatId, { method: 'sendPhoto', text: typeof caption === 'string' ? caption : '', photo: fetched });
        return ok(res, this.sent());
      }
      default:
        return send(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private async fetchPhoto(url: string): Promise<FetchedPhoto> {
    try {
      const response = await fetch(this.resolvePhotoUrl(url));
      return { url, status: response.status, contentType: response.headers.get('content-type') ?? '', data: Buffer.from(await response.arrayBuffer()) };
    } catch {
      return { url, status: 0, contentType: '', data: Buffer.alloc(0) };
    }
  }

  private keep(chatId: string, message: Received): void {
    this.received.set(chatId, [...this.receivedBy(chatId), message]);
  }

  private sent() {
    return { message_id: `m${(this.nextMessageId++).toString(16).padStart(19, '0')}`, date: Date.now() };
  }

  private getUpdates(res: ServerResponse, timeoutS: number): void {
    const poller: Poller = {
      answer: (event) => {
        clearTimeout(timer);
        this.pollers.delete(poller);
        if (res.writableEnded) return;
        if (!event) return send(res, 200, { ok: false, error_code: 408, description: 'Request timeout' });
        ok(res, this.pollShape === 'list' ? [event] : event);
      },
    };
    const timer = setTimeout(() => poller.answer(null), timeoutS * 1000);
    this.pollers.add(poller);
    res.once('close', () => {
      clearTimeout(timer);
      this.pollers.delete(poller);
    });
    this.answerPollers();
  }

  private answerPollers(): void {
    if (this.webhook) return;
    for (const poller of [...this.pollers]) {
      const event = this.pending.shift();
      if (!event) return;
      poller.answer(event);
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const ok = (res: ServerResponse, result: unknown) => send(res, 200, { ok: true, result });
const refuse = (res: ServerResponse, description: string) => send(res, 400, { ok: false, error_code: 400, description });

let nextId = 1;

/** A text message from a person in a private chat, as the platform sends it. */
export function textEvent(chatId: string, text: string, messageId = `msg-${nextId++}`): Event {
  return {
    event_name: 'message.text.received',
    message: {
      from: { id: chatId, display_name: 'Người dùng', is_bot: false },
      chat: { id: chatId, chat_type: 'PRIVATE' },
      text,
      message_id: messageId,
      date: Date.now(),
    },
  };
}

/** A picture from a person, with an optional caption. */
export function imageEvent(chatId: string, photoUrl: string, caption?: string): Event {
  return {
    event_name: 'message.image.received',
    message: {
      from: { id: chatId, display_name: 'Người dùng', is_bot: false },
      chat: { id: chatId, chat_type: 'PRIVATE' },
      photo_url: photoUrl,
      ...(caption ? { caption } : {}),
      message_id: `msg-${nextId++}`,
      date: Date.now(),
    },
  };
}
