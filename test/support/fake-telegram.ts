// A fake Telegram Bot API on 127.0.0.1 for tests and benchmarks: the real grammY client talks
// to it through `apiRoot`. It records every call, serves injected updates over getUpdates
// (long poll, offset semantics), can play Telegram's side of a webhook, and can be told to
// fail the next calls of a method the way Telegram does (429 with retry_after, 403, 400).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import type { UserFromGetMe } from 'grammy/types';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** 'http' for a request to the fake, 'webhook-reply' for a call answered in a webhook response. */
  via: 'http' | 'webhook-reply';
}

export type Failure =
  | { kind: 'rate-limit'; retryAfter: number }
  | { kind: 'blocked' }
  | { kind: 'chat-not-found' }
  /** The connection is dropped without an answer. */
  | { kind: 'network' };


export const FAKE_TOKEN = '123456:TEST-fake-token-for-local-tests_only';

type Update = Record<string, unknown> & { update_id: number };

interface Poller {
  offset: number;
  limit: number;
  answer(updates: Update[]): void;
}

const failureAnswers = {
  'rate-limit': (f: { retryAfter: number }) => ({
    status: 429,
    body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${f.retryAfter}`, parameters: { retry_after: f.retryAfter } },
  }),
  blocked: () => ({ status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } }),
  'chat-not-found': () => ({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } }),
};

export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  readonly botInfo: UserFromGetMe = {
    id: 123456,
    is_bot: true,
    first_name: 'Xã thân thiện',
    username: 'xa_than_thien_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
  private readonly events = new EventEmitter();
  private readonly pending: Update[] = [];
  private readonly pollers = new Set<Poller>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly delays = new Map<string, number>();
  private nextUpdateId = 1000;
  private nextMessageId = 1;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {
    this.events.setMaxListeners(0);
  }

  static async start(token = FAKE_TOKEN): Promise<FakeTelegram> {
    const server = createServer();
    const fake = new FakeTelegram(server, token);
    server.on('request', (req, res) => void fake.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The value for TELEGRAM_API_ROOT. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues an update for getUpdates; returns its update_id (given or next in sequence). */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): number {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    this.pending.push(full);
    for (const poller of [...this.pollers]) this.answerPoller(poller);
    return full.update_id;
  }

  /** Answers the next `count` calls of `method` with the failure instead of success. */
  failNext(method: string, count: number, failure: Failure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(count).fill(failure)]);
  }

  /**
   * Answers every later call of `method` only after `ms`. The call is recorded on arrival, so
   * a client that dies while waiting has still reached "Telegram" (the ambiguous send).
   */
  slowDown(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already recorded or coming) of `method` that matches. */
  waitFor(method: string, predicate: (params: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    const matches = (c: RecordedCall) => c.method === method && predicate(c.params);
    const seen = this.calls.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const onCall = (c: RecordedCall) => {
        if (!matches(c)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        reject(new Error(`no ${method} call within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ') || 'none'}`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  /**
   * Telegram's side of a webhook: POSTs the update with the secret header and, like Telegram,
   * executes a method call found in the response body (a "webhook reply").
   */
  async deliver(webhookUrl: string, update: Omit<Update, 'update_id'> & { update_id?: number }, secret?: string) {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ };
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(full),
    });
    const body = await response.text();
    if (response.ok && body.startsWith('{')) {
      const { method, ...params } = JSON.parse(body) as { method?: string } & Record<string, unknown>;
      if (method) this.record({ method, params, via: 'webhook-reply' });
    }
    return { status: response.status, updateId: full.update_id, body };
  }

  async close(): Promise<void> {
    for (const poller of this.pollers) poller.answer([]);
    this.pollers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.events.emit('call', call);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match;
    if (token !== this.token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let params: Record<string, unknown>;
    try {
      params = await readParams(req);
    } catch {
      return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: unreadable body' });
    }
    this.record({ method, params, via: 'http' });

    const failure = this.failures.get(method)?.shift();
    if (failure?.kind === 'network') return void res.socket?.destroy();
    if (failure) {
      const { status, body } =
        failure.kind === 'rate-limit' ? failureAnswers['rate-limit'](failure) : failureAnswers[failure.kind]();
      return send(res, status, body);
    }
    if (method === 'getUpdates') return this.getUpdates(res, params);
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const result = this.resultOf(method, params);
    if (result === undefined) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    send(res, 200, { ok: true, result });
  }

  private resultOf(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return this.botInfo;
      case 'sendMessage':
      case 'sendDocument':
      case 'sendPhoto':
      case 'editMessageText':
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: 'private' },
          ...(typeof params.text === 'string' ? { text: params.text } : {}),
        };
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'setWebhook':
      case 'deleteWebhook':
        return true;
      case 'getWebhookInfo': {
        const lastSet = this.callsOf('setWebhook').at(-1);
        return { url: lastSet?.params.url ?? '', has_custom_certificate: false, pending_update_count: this.pending.length };
      }
      default:
        return undefined;
    }
  }

  private getUpdates(res: ServerResponse, params: Record<string, unknown>): void {
    const poller: Poller = {
      offset: Number(params.offset ?? 0),
      limit: Math.min(Math.max(Number(params.limit ?? 100), 1), 100),
      answer: (updates) => {
        clearTimeout(timer);
        this.pollers.delete(poller);
        if (!res.writableEnded) send(res, 200, { ok: true, result: updates });
      },
    };
    // A positive offset confirms every update before it: Telegram forgets them.
    if (poller.offset > 0) {
      for (let i = this.pending.length - 1; i >= 0; i--) if (this.pending[i].update_id < poller.offset) this.pending.splice(i, 1);
    }
    const timer = setTimeout(() => poller.answer([]), Number(params.timeout ?? 0) * 1000);
    this.pollers.add(poller);
    // The client gave up (aborted long poll): forget it. Also fires after a normal answer.
    res.once('close', () => {
      clearTimeout(timer);
      this.pollers.delete(poller);
    });
    this.answerPoller(poller);
  }

  private answerPoller(poller: Poller): void {
    const ready = this.pending.filter((u) => u.update_id >= poller.offset).slice(0, poller.limit);
    if (ready.length) poller.answer(ready);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** JSON or multipart parameters; an uploaded file is recorded as `{ file: name, bytes, data }` (data: its bytes). */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const boundary = /^multipart\/form-data;\s*boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
  if (boundary) return multipartParams(raw.toString('latin1'), boundary);
  return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
}

/**
 * grammY's multipart body: plain fields (objects as JSON text), and files as extra parts that
 * a field points to with `attach://<part name>`. (Its unquoted filename= is not accepted by
 * the platform's FormData parser, hence this small reader.)
 */
function multipartParams(body: string, boundary: string): Record<string, unknown> {
  const fields = new Map<string, string>();
  const files = new Map<string, { file: string; bytes: number; data: Buffer }>();
  for (const part of body.split(`--${boundary}`).slice(1, -1)) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.slice(0, split);
    const value = part.slice(split + 4, part.length - 2);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]*)"?/.exec(head)?.[1];
    if (filename !== undefined) {
      files.set(name, { file: Buffer.from(filename, 'latin1').toString('utf8'), bytes: value.length, data: Buffer.from(value, 'latin1') });
    }
    else fields.set(name, Buffer.from(value, 'latin1').toString('utf8'));
  }
  const params: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    const attached = /^attach:\/\/(.+)$/.exec(value);
    params[name] = attached ? files.get(attached[1]) : parseField(value);
  }
  return params;
}

/** Multipart fields carry objects as JSON text and numbers as digits. */
function parseField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
