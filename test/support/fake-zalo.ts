// A fake Zalo on 127.0.0.1: the OA message API (CS messages, image and file uploads, whose
// bytes it keeps so a test can open the picture a media message points to) and the OAuth
// refresh endpoint, with Zalo's habits: errors as HTTP 200 envelopes, a bare
// `access_token` header, single-use refresh tokens that rotate on every refresh. It records
// every call, can be told to answer error codes, and can lose a refresh answer on purpose
// (connection dropped before or after the new pair was issued) to play a crash.
//
// It bills as Zalo does: a CS message quoting the `message_id` of the person's message within
// 48 h is one of that message's 8 free replies, anything else a paid (proactive) message; it
// refuses CS messages 7 days after the person's last message (-230). Template messages (by
// user id, and by phone on the business host's path) are billed as such and refused between
// 22:00 and 06:00 Vietnam time (-133). It learns of the person's messages from noteUserMessage
// (the test helpers call it for every event they post) and tells time by `now`. Its user/detail
// answers with the names set in `profiles`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface FakeZaloCall {
  path: string;
  accessToken?: string;
  /** JSON body of message calls. */
  json?: any;
  /** Form fields of the OAuth call. */
  form?: Record<string, string>;
  contentType?: string;
  bytes: number;
  /** Zalo's answer's `error` (0 = success), 'dropped', or 'pending' while not answered yet. */
  error: number | 'dropped' | 'pending';
  /** How an accepted message is billed. */
  billed?: 'free' | 'paid' | 'template';
}

export const TEMPLATE_PATH = '/v3.0/oa/message/template';
export const PHONE_TEMPLATE_PATH = '/message/template';
const HOUR_MS = 3600_000;

/** A file uploaded to /v2.0/oa/upload/image or /file, by the id or token Zalo answered. */
export interface FakeUpload {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface FakeGrant {
  accessToken: string;
  refreshToken: string;
}

type RefreshMode = 'normal' | 'drop-before-issue' | 'drop-after-issue';

export class FakeZalo {
  readonly calls: FakeZaloCall[] = [];
  url = '';
  /** Successful refreshes (new pairs issued through the OAuth endpoint). */
  refreshes = 0;
  private readonly accepted = new Set<string>();
  private readonly expired = new Set<string>();
  private validRefresh = '';
  private readonly scripted: { path: string; error: number }[] = [];
  private readonly uploads = new Map<string, FakeUpload>();
  private nextRefresh: RefreshMode = 'normal';
  private refreshDelayMs = 0;
  private messageDelayMs = 0;
  private counter = 0;
  /** Each person's messages to the OA: id -> when, and free replies used. */
  private readonly userMessages = new Map<string, Map<string, { at: number; used: number }>>();
  /** Templates Zalo has approved (others are refused with -124). Empty: every id is approved. */
  readonly approvedTemplates = new Set<string>();
  /** What user/detail says of each person: their display name (others are not followers, -213). */
  readonly profiles = new Map<string, string>();
  /** The fake's clock (tests set the app's FakeClock). */
  now: () => number = () => Date.now();

  private constructor(
    readonly appId: string,
    readonly appSecret: string,
    private readonly server = createServer((req, res) => void this.route(req, res)),
  ) {}

  static async start(appId = '1234567890', appSecret = 'app-secret-xyz'): Promise<FakeZalo> {
    const fake = new FakeZalo(appId, appSecret);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** A new grant, as the developer console gives: earlier refresh tokens stop working. */
  issue(): FakeGrant {
    const grant = { accessToken: this.token('acc'), refreshToken: this.token('ref') };
    this.accepted.add(grant.accessToken);
    this.validRefresh = grant.refreshToken;
    return grant;
  }

  /** From now on Zalo answers -220 (expired) to this token. */
  expire(accessToken: string): void {
    this.accepted.delete(accessToken);
    this.expired.add(accessToken);
  }

  /** The next `times` calls to `path` get this error envelope (after the token check). */
  failNext(path: string, error: number, times = 1): void {
    for (let i = 0; i < times; i++) this.scripted.push({ path, error });
  }

  /** What happens to the next refresh: the connection dropped before or after issuing a pair. */
  loseNextRefresh(when: 'before-issue' | 'after-issue'): void {
    this.nextRefresh = when === 'before-issue' ? 'drop-before-issue' : 'drop-after-issue';
  }

  slowRefreshes(ms: number): void {
    this.refreshDelayMs = ms;
  }

  slowMessages(ms: number): void {
    this.messageDelayMs = ms;
  }

  currentRefreshToken(): string {
    return this.validRefresh;
  }

  isAccepted(accessToken: string): boolean {
    return this.accepted.has(accessToken);
  }

  /** CS messages Zalo accepted, optionally for one user. */
  delivered(userId?: string): any[] {
    return this.calls
      .filter((c) => c.path === '/v3.0/oa/message/cs' && c.error === 0)
      .map((c) => c.json)
      .filter((b) => !userId || b.recipient.user_id === userId);
  }

  /** The person sent the OA this message (as the webhook event the test posts says). */
  noteUserMessage(userId: string, messageId: string, at: number): void {
    let mine = this.userMessages.get(userId);
    if (!mine) this.userMessages.set(userId, (mine = new Map()));
    if (!mine.has(messageId)) mine.set(messageId, { at, used: 0 });
  }

  /** Accepted messages by how they were billed. */
  billed(kind: 'free' | 'paid' | 'template', userId?: string): number {
    return this.calls.filter(
      (c) => c.billed === kind && (!userId || (c.json?.recipient?.user_id ?? c.json?.phone) === userId),
    ).length;
  }

  /** Template messages Zalo accepted (by user id or by phone). */
  templates(): any[] {
    return this.calls.filter((c) => (c.path === TEMPLATE_PATH || c.path === PHONE_TEMPLATE_PATH) && c.error === 0).map((c) => c.json);
  }

  /** The upload behind an image's attachment_id or a file's token. */
  upload(idOrToken: string): FakeUpload | undefined {
    return this.uploads.get(idOrToken);
  }

  callsTo(path: string): FakeZaloCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  reset(): void {
    this.calls.length = 0;
    this.refreshes = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private token(kind: string): string {
    return `${kind}-${++this.counter}-${randomBytes(6).toString('hex')}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const call: FakeZaloCall = { path, bytes: raw.length, contentType: req.headers['content-type'], error: 'pending' };
    this.calls.push(call);
    const answer = (body: Record<string, unknown>) => {
      call.error = typeof body.error === 'number' ? body.error : 0;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };

    if (path === '/v4/oa/access_token') return this.refresh(req, raw, call, res, answer);

    call.accessToken = req.headers.access_token as string | undefined;
    if (call.accessToken && this.expired.has(call.accessToken)) return answer({ error: -220, message: 'Access token has expired' });
    if (!call.accessToken || !this.accepted.has(call.accessToken)) return answer({ error: -216, message: 'Access token is invalid' });
    const i = this.scripted.findIndex((s) => s.path === path);
    if (i >= 0) {
      const [{ error }] = this.scripted.splice(i, 1);
      return answer({ error, message: `scripted error ${error}` });
    }
    if (path === '/v3.0/oa/message/cs') {
      call.json = JSON.parse(raw.toString('utf8'));
      if (this.messageDelayMs) await new Promise((r) => setTimeout(r, this.messageDelayMs));
      const text: unknown = call.json?.message?.text;
      if (typeof text === 'string' && text.length > 2000) return answer({ error: -201, message: 'text too long' });
      if ((call.json?.message?.attachment?.payload?.buttons?.length ?? 0) > 5) return answer({ error: -201, message: 'too many buttons' });
      const userId = String(call.json?.recipient?.user_id ?? '');
      const mine = this.userMessages.get(userId);
      const now = this.now();
      if (mine && now - Math.max(...[...mine.values()].map((m) => m.at)) > 7 * 24 * HOUR_MS) {
        return answer({ error: -230, message: 'User has not interacted with the OA in the last 7 days' });
      }
      const quoted = mine?.get(String(call.json?.recipient?.message_id ?? ''));
      const free = quoted !== undefined && now - quoted.at < 48 * HOUR_MS && quoted.used < 8;
      if (free) quoted.used++;
      call.billed = free ? 'free' : 'paid';
      return answer({ error: 0, message: 'Success', data: { message_id: this.token('msg'), user_id: userId } });
    }
    if (path === TEMPLATE_PATH || path === PHONE_TEMPLATE_PATH) {
      call.json = JSON.parse(raw.toString('utf8'));
      const body = call.json ?? {};
      const to = path === TEMPLATE_PATH ? body.recipient?.user_id ?? body.user_id : body.phone;
      if (typeof to !== 'string' || !to) return answer({ error: -201, message: 'recipient missing' });
      if (path === PHONE_TEMPLATE_PATH && !/^84\d{9,10}$/.test(to)) return answer({ error: -108, message: 'Phone number is invalid' });
      if (typeof body.template_id !== 'string' || (this.approvedTemplates.size && !this.approvedTemplates.has(body.template_id))) {
        return answer({ error: -124, message: 'Template is not approved' });
      }
      if (typeof body.template_data !== 'object' || body.template_data === null) return answer({ error: -201, message: 'template_data missing' });
      const hour = new Date(this.now() + 7 * HOUR_MS).getUTCHours();
      if (hour < 6 || hour >= 22) return answer({ error: -133, message: 'Template messages are not sent between 22:00 and 06:00' });
      call.billed = 'template';
      return answer({ error: 0, message: 'Success', data: { msg_id: this.token('tpl'), sent_time: String(this.now()) } });
    }
    if (path === '/v3.0/oa/user/detail') {
      if (req.method !== 'GET') return answer({ error: -201, message: 'user/detail is a GET' });
      call.json = JSON.parse(url.searchParams.get('data') ?? '{}');
      const userId = String(call.json?.user_id ?? '');
      const name = this.profiles.get(userId);
      if (name === undefined) return answer({ error: -213, message: 'User has not followed the OA' });
      return answer({ error: 0, message: 'Success', data: { user_id: userId, display_name: name, user_is_follower: true } });
    }
    if (path === '/v2.0/oa/upload/image' || path === '/v2.0/oa/upload/file') {
      const file = call.contentType ? fileField(raw, call.contentType) : null;
      if (!file) return answer({ error: -201, message: 'file missing' });
      // Zalo's limits: images jpg/png up to 1 MB, files up to 5 MB.
      if (path.endsWith('image') && (!/^image\/(png|jpe?g)$/.test(file.contentType) || file.data.length > 1024 * 1024)) {
        return answer({ error: -201, message: 'image must be jpg or png, at most 1 MB' });
      }
      const id = path.endsWith('image') ? this.token('img') : this.token('file');
      this.uploads.set(id, file);
      return answer({ error: 0, message: 'Success', data: path.endsWith('image') ? { attachment_id: id } : { token: id } });
    }
    return answer({ error: -201, message: `unknown path ${path}` });
  }

  private async refresh(
    req: IncomingMessage,
    raw: Buffer,
    call: FakeZaloCall,
    res: ServerResponse,
    answer: (body: Record<string, unknown>) => void,
  ): Promise<void> {
    const form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    call.form = form;
    if (this.refreshDelayMs) await new Promise((r) => setTimeout(r, this.refreshDelayMs));
    const mode = this.nextRefresh;
    this.nextRefresh = 'normal';
    if (mode === 'drop-before-issue') {
      call.error = 'dropped';
      return void res.socket?.destroy();
    }
    if (req.headers.secret_key !== this.appSecret || form.app_id !== this.appId || form.grant_type !== 'refresh_token') {
      return answer({ error: -14002, error_name: 'Invalid app', error_description: 'app_id or secret_key is wrong' });
    }
    if (!form.refresh_token || form.refresh_token !== this.validRefresh) {
      return answer({ error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or has been used' });
    }
    const grant = this.issue();
    this.refreshes++;
    if (mode === 'drop-after-issue') {
      call.error = 'dropped';
      return void res.socket?.destroy();
    }
    answer({ access_token: grant.accessToken, refresh_token: grant.refreshToken, expires_in: '90000' });
  }
}

/** The `file` part of a multipart body: its name, type and bytes; null when there is none. */
function fileField(raw: Buffer, contentType: string): FakeUpload | null {
  const boundary = /^multipart\/form-data;\s*boundary=(.+)$/.exec(contentType)?.[1]?.replace(/^"|"$/g, '');
  if (!boundary) return null;
  const body = raw.toString('latin1');
  for (const part of body.split(`--${boundary}`).slice(1, -1)) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.slice(0, split);
    if (!/name="file"/.test(head)) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1] ?? '';
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
    return { filename: Buffer.from(filename, 'latin1').toString('utf8'), contentType: type, data: Buffer.from(part.slice(split + 4, part.length - 2), 'latin1') };
  }
  return null;
}
