// Nothing personal or secret reaches the logs. The whole service (Telegram and Zalo webhooks,
// the desk API, the console channel, the outbox) runs at LOG_LEVEL=trace into memory while
// citizens ask questions, file complaints with phone numbers in them, follow and rate dossiers
// with comments, officials sign up with invitation codes and register dossiers with the
// citizen's name, Zalo tokens are refreshed, and things fail on purpose (a database write
// refused mid-handler, the network to Telegram cut, Zalo refusing a message, a refresh lost).
// Then every log line is searched for what must never be there; a hit fails with the line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { buildServer } from '../../src/http/server.js';
import { publicPages } from '../../src/public/page.js';
import { deskApiRoutes } from '../../src/dossiers/desk-api.js';
import { createInvite, displayCode } from '../../src/accounts/invites.js';
import { recoverSecrets, secretKey, displayShortCode, type DossierSecrets } from '../../src/dossiers/secrets.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { startTelegram, type TelegramChannel } from '../../bots/telegram/start.js';
import { startZalo, type ZaloChannel } from '../../bots/zalo/channel.js';
import { FakeTelegram, FAKE_TOKEN } from '../support/fake-telegram.js';
import { buttonUpdate, textUpdate } from '../support/telegram-updates.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { postEvent, userText } from '../support/zalo-webhook.js';
import { zaloEnv, zaloKeys } from '../support/zalo-app.js';
import { consoleSession } from '../support/console.js';

const WEBHOOK_SECRET = 'log-privacy_webhook-secret';
const DESK_TOKEN = 'desk-api-token-5f3a9c1e7b2d4680';
const PHONE_SPACED = '0912 345 678';
const PHONE_INTL = '+84912345678';
const PHONE_DOTTED = '098.765.4321';
/** Words nobody else would write: if they show up in a log, a complaint or comment got there. */
const COMPLAINT_SENTENCE = 'Ông cán bộ địa chính Lưu Văn Khiêm đòi bồi dưỡng hai triệu mới chịu ký xác nhận';
const ZALO_COMPLAINT = 'Nhân viên quầy tiếp nhận Phí Thị Quyên hẹn lần thứ tư vẫn chưa trả sổ đỏ';
const RATING_COMMENT = 'Chị Lò Thị Sáu ở quầy số ba hướng dẫn rất tận tâm';
const CITIZEN_NAME = 'Hoàng Thị Phương Thảo';
const DESK_CITIZEN = 'Đinh Công Tráng';

/** Vietnamese phone numbers as people write them: 0xx… or +84/84…, spaces, dots or dashes between digits. */
const PHONE_PATTERN = /(?<![\d.])(?:\+84|84|0)(?:[\s.-]?\d){8,10}(?![\d])/;

let dir: string;
let app: App;
let telegram: TelegramChannel;
let zalo: ZaloChannel;
let server: FastifyInstance;
let baseUrl: string;
let tg: FakeTelegram;
let zaloFake: FakeZalo;
let dispatcher: OutboxDispatcher;
const lines: string[] = [];
/** Every secret the run handed out, by what it is. */
const secrets = new Map<string, string>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

const tgMessages = (chat: number) => tg.calls.filter((c) => c.method.startsWith('send') && String(c.params.chat_id) === String(chat));

/** One Telegram update through the webhook; returns the texts the chat got for it. */
async function tgSend(chat: number, update: Record<string, unknown>): Promise<string[]> {
  const from = tgMessages(chat).length;
  const { status } = await tg.deliver(`${baseUrl}/telegram/webhook`, update, WEBHOOK_SECRET);
  expect(status).toBe(200);
  // An answer sent over HTTP may still be on its way when the 200 arrives.
  await until(() => tgMessages(chat).length > from);
  return tgMessages(chat)
    .slice(from)
    .map((c) => String(c.params.text ?? ''));
}
const tgSay = (chat: number, text: string) => tgSend(chat, textUpdate(chat, text));
const tgPress = (chat: number, data: string) => tgSend(chat, buttonUpdate(chat, data));

/** The first button of the chat's latest messages whose payload starts with `prefix`. */
function tgButton(chat: number, prefix: string): string {
  for (const call of tgMessages(chat).reverse()) {
    const rows = (call.params.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined)?.inline_keyboard ?? [];
    const found = rows.flat().find((b) => b.callback_data.startsWith(prefix));
    if (found) return found.callback_data;
  }
  throw new Error(`no ${prefix} button in chat ${chat}`);
}

/** One Zalo message through the signed webhook, handled and answered before it returns. */
async function zaloSay(userId: string, text: string): Promise<void> {
  const { status } = await postEvent(baseUrl, zaloKeys, userText(zaloKeys, userId, text));
  expect(status).toBe(200);
  await zalo.worker.idle();
}
/** Zalo buttons come back as the person's text: `#<payload>`. */
const zaloPress = (userId: string, payload: string) => zaloSay(userId, `#${payload}`);

async function desk(pathname: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await request(`${baseUrl}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DESK_TOKEN}` },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
}

async function dossierSecrets(code: string): Promise<DossierSecrets> {
  const dossier = await app.db.dossier.findUniqueOrThrow({ where: { code } });
  const found = recoverSecrets(secretKey(app.config), code, dossier.ratingTokenHash);
  if (!found) throw new Error(`secrets of ${code} not recoverable`);
  secrets.set(`rating token of ${code}`, found.token);
  secrets.set(`short code of ${code}`, found.shortCode);
  secrets.set(`short code of ${code} as printed`, displayShortCode(found.shortCode));
  return found;
}

let invitations = 0;
async function invite(role: 'official', commune: string): Promise<string> {
  const created = await createInvite(app, { role, communeCodes: [commune] });
  const n = ++invitations;
  secrets.set(`invitation code ${n}`, created.code);
  secrets.set(`invitation code ${n} as printed`, displayCode(created.code));
  return displayCode(created.code);
}

/** A database write that fails, as a full disk or a broken file would make it. */
async function breakWrites(table: string, when = '1'): Promise<() => Promise<void>> {
  const name = `fail_${table.toLowerCase()}`;
  await app.db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`,
  );
  return async () => void (await app.db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cqtt-logs-'));
  tg = await FakeTelegram.start(FAKE_TOKEN);
  zaloFake = await FakeZalo.start(zaloKeys.appId);
  const grant = zaloFake.issue();
  const env = {
    ...zaloEnv(zaloFake, `file:${path.join(dir, 'logs.db')}`, { ZALO_ACCESS_TOKEN: grant.accessToken, ZALO_REFRESH_TOKEN: grant.refreshToken }),
    LOG_LEVEL: 'trace',
    DEMO_DATA: 'true',
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: tg.url,
    PUBLIC_URL: 'https://xa.example.gov.vn',
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    DESK_API_TOKEN: DESK_TOKEN,
    RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
  };
  for (const [name, value] of [
    ['Telegram bot token', FAKE_TOKEN],
    ['Telegram bot token secret part', FAKE_TOKEN.split(':')[1]],
    ['Telegram webhook secret', WEBHOOK_SECRET],
    ['desk API token', DESK_TOKEN],
    ['Zalo access token', grant.accessToken],
    ['Zalo refresh token', grant.refreshToken],
    ['Zalo app secret', zaloFake.appSecret],
    ['Zalo OA secret key', zaloKeys.secretKey],
  ]) {
    secrets.set(name, value);
  }
  app = await createApp(testConfig(env), { logDestination: { write: (line: string) => void lines.push(line) } });
  telegram = await startTelegram(app, app.conversation, { botInfo: tg.botInfo });
  zalo = await startZalo(app, app.conversation);
  server = await buildServer(app, [publicPages, deskApiRoutes, ...telegram.routes, zalo.routes]);
  baseUrl = await server.listen({ port: 0, host: '127.0.0.1' });
  dispatcher = new OutboxDispatcher(app, { senders: [telegram.sender, zalo.sender], pacing: false });
});

afterAll(async () => {
  await server?.close();
  await telegram?.stop();
  await zalo?.stop();
  await app?.close();
  await tg?.close();
  await zaloFake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('log privacy', () => {
  it('logs no phone number, complaint or comment text, name, code or token, on any path', async () => {
    const official = 5001;
    const citizen = 5002;

    // An official signs up on Telegram with an invitation code.
    await tgSay(official, `/dangky ${await invite('official', 'BG-TANTIEN')}`);
    expect((await app.db.account.findFirstOrThrow({ where: { externalId: String(official) } })).role).toBe('official');

    // A citizen on the console asks, then files a complaint with phone numbers in it.
    const consoleOut = await consoleSession(app, 'dan-console', [
      'làm giấy khai sinh cho con cần gì',
      `số của tôi là ${PHONE_SPACED}, hỏi về chứng thực`,
      '/phananh BG-TANTIEN',
      '2',
      `${COMPLAINT_SENTENCE}. Gọi lại cho tôi: ${PHONE_SPACED} hoặc ${PHONE_INTL}.`,
      '1',
      '1',
      '2',
    ]);
    expect(consoleOut).toMatch(/PA-/);
    await dispatcher.drain();

    // The official registers a dossier with the citizen's name; the receipt has the link.
    await tgSay(official, '/hoso khai sinh');
    await tgPress(official, tgButton(official, 'hso:p:'));
    await tgSay(official, CITIZEN_NAME);
    await tgPress(official, 'hso:keep');
    const receipt = await tgPress(official, 'hso:ok');
    const code = /HS-[0-9]{6}-[A-Z0-9]+/.exec(receipt.join('\n'))?.[0];
    expect(code, receipt.join('\n')).toBeDefined();
    const { token } = await dossierSecrets(code!);

    // The citizen opens it with the deep link, follows it, and rates it with a comment after
    // the result is returned; the poor rating leads to a complaint about the dossier.
    await tgSay(citizen, `/start r_${token}`);
    await tgPress(citizen, 'dso:follow');
    await tgSay(official, `/xong ${code}`);
    await tgSay(official, `/tra ${code}`);
    await dispatcher.drain();
    await tgPress(citizen, tgButton(citizen, 'rt:'));
    for (const payload of ['rf:overall:unsatisfied', 'rf:timeliness:late_unnotified', 'rf:attitude:disrespectful', 'rf:guidance:fair', 'rf:extra:yes']) await tgPress(citizen, payload);
    await tgSay(citizen, `${RATING_COMMENT}, nhưng phải chờ lâu. SĐT ${PHONE_DOTTED}`);
    await dispatcher.drain();
    await tgPress(citizen, tgButton(citizen, 'cp:d:'));
    await tgPress(citizen, 'cpi:k:extra_pay');
    await tgSay(citizen, `${COMPLAINT_SENTENCE} (lần hai). Liên hệ ${PHONE_INTL}`);
    await tgPress(citizen, 'cpi:skip');
    const filed = await tgPress(citizen, 'cpi:anon:0');
    expect(filed.join('\n')).toMatch(/PA-/);
    await dispatcher.drain();

    // The desk software registers a dossier with the citizen's name and returns it later; the
    // Zalo citizen follows it with the short code, gets the rating request and rates it. Zalo
    // refuses the stored access token on the way, so the tokens are refreshed.
    const procedure = (await app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } })).code;
    const deskDossier = (code: string) => ({ code, commune: 'BG-TANTIEN', procedure, citizenName: DESK_CITIZEN });
    expect((await desk('/api/dossiers', deskDossier('MC-2026-000123'))).status).toBe(201);
    const deskSecrets = await dossierSecrets('MC-2026-000123');
    await zaloSay('z-dan', displayShortCode(deskSecrets.shortCode));
    await zaloPress('z-dan', 'dso:follow');
    zaloFake.expire(secrets.get('Zalo access token')!);
    expect((await desk('/api/dossiers/MC-2026-000123/status', { status: 'returned' })).status).toBe(200);
    await dispatcher.drain();
    expect(zaloFake.refreshes).toBe(1);
    const dossier = await app.db.dossier.findUniqueOrThrow({ where: { code: 'MC-2026-000123' } });
    await zaloPress('z-dan', `rt:${dossier.id}`);
    for (const payload of ['rf:overall:very_satisfied', 'rf:timeliness:early', 'rf:attitude:very_polite', 'rf:guidance:very_clear', 'rf:extra:no']) await zaloPress('z-dan', payload);
    await zaloSay('z-dan', `${RATING_COMMENT} (Zalo), gọi ${PHONE_SPACED}`);
    expect(await app.db.rating.count()).toBe(2);

    // A complaint on Zalo, with a phone number, read by an official who signed up on Zalo.
    await zaloSay('z-dan', '/phananh BG-TANTIEN');
    await zaloPress('z-dan', 'cpi:k:delay'); // the commune's officials' (a conduct complaint would be the leadership's)
    await zaloSay('z-dan', `${ZALO_COMPLAINT}. Số tôi ${PHONE_INTL}`);
    await zaloPress('z-dan', 'cpi:skip');
    await zaloPress('z-dan', 'cpi:skip');
    await zaloPress('z-dan', 'cpi:anon:1');
    await zaloSay('z-canbo', `/dangky ${await invite('official', 'BG-TANTIEN')}`);
    const zaloComplaint = await app.db.complaint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(zaloComplaint.text).toContain(ZALO_COMPLAINT);
    await zaloSay('z-canbo', `/xuly ${zaloComplaint.code}`);
    // The official on Telegram has blocked the bot: the notice of that complaint is refused.
    tg.failNext('sendMessage', 1, { kind: 'blocked' });
    await dispatcher.drain();
    expect(await app.db.outboxMessage.count({ where: { status: 'dead' } })).toBe(1);

    // Failures. A write refused in the middle of filing a complaint (the handler fails) …
    let restore = await breakWrites('Complaint');
    await tgSay(citizen, '/phananh BG-TANTIEN');
    await tgPress(citizen, 'cpi:k:delay');
    await tgSay(citizen, `${COMPLAINT_SENTENCE} (lần ba) ${PHONE_SPACED}`);
    await tgPress(citizen, 'cpi:skip');
    await tgPress(citizen, 'cpi:skip');
    await tgPress(citizen, 'cpi:anon:0');
    await restore();
    // … and in the middle of storing a rating comment …
    expect((await desk('/api/dossiers', deskDossier('MC-2026-000124'))).status).toBe(201);
    const thirdSecrets = await dossierSecrets('MC-2026-000124');
    await tgSay(citizen, `/start r_${thirdSecrets.token}`);
    await desk('/api/dossiers/MC-2026-000124/status', { status: 'returned' });
    await tgPress(citizen, 'dso:rate');
    for (const payload of ['rf:overall:satisfied', 'rf:timeliness:on_time', 'rf:attitude:ordinary', 'rf:guidance:fair', 'rf:extra:no']) await tgPress(citizen, payload);
    restore = await breakWrites('Rating');
    await tgSay(citizen, `${RATING_COMMENT} (lần hai) ${PHONE_INTL}`);
    await restore();
    // … in the desk API, registering a dossier with the citizen's name (HTTP 500) …
    restore = await breakWrites('Dossier');
    expect((await desk('/api/dossiers', deskDossier('MC-2026-000125'))).status).toBe(500);
    await restore();
    // … on Zalo before the conversation even starts (the person's account cannot be written) …
    restore = await breakWrites('Account', `NEW.externalId = 'z-broken'`);
    await zaloSay('z-broken', `${ZALO_COMPLAINT}, gọi ${PHONE_DOTTED}`);
    await restore();
    // … the network to Telegram cut under a direct reply (/start answers with two messages,
    // which go over HTTP rather than in the webhook response) …
    tg.failNext('sendMessage', 1, { kind: 'network' });
    const cut = await tg.deliver(`${baseUrl}/telegram/webhook`, textUpdate(citizen, `/start ${PHONE_SPACED}`), WEBHOOK_SECRET);
    expect(cut.status).toBe(500);
    // … Zalo refusing a message, and a token refresh whose answer is lost.
    zaloFake.failNext('/v3.0/oa/message/cs', -201);
    await zaloSay('z-dan', '/start');
    const current = await app.db.zaloToken.findUniqueOrThrow({ where: { id: 1 } });
    zaloFake.expire(current.accessToken);
    zaloFake.loseNextRefresh('after-issue');
    await zaloSay('z-dan', 'thủ tục đăng ký kết hôn');
    await dispatcher.drain();
    await telegram.stop(); // flushes the update outcomes

    // Every token the run handed out, the refreshed Zalo pair included.
    secrets.set('refreshed Zalo access token', current.accessToken);
    secrets.set('refreshed Zalo refresh token', current.refreshToken);
    secrets.set('Zalo refresh token issued into a lost answer', zaloFake.currentRefreshToken());

    // The failure paths were really taken, and logged.
    const joined = lines.join('');
    for (const message of ['handler failed', 'http handler failed', 'zalo event failed', 'telegram update failed', 'zalo send failed', 'zalo token refresh failed', 'outbox send failed', 'zalo tokens refreshed']) {
      expect(joined, `no "${message}" line in the logs`).toContain(`"msg":"${message}`);
    }

    const forbidden: [string, string][] = [
      ...secrets.entries(),
      ['complaint text', COMPLAINT_SENTENCE],
      ['complaint text (part)', 'Lưu Văn Khiêm'],
      ['Zalo complaint text', ZALO_COMPLAINT],
      ['Zalo complaint text (part)', 'Phí Thị Quyên'],
      ['rating comment', RATING_COMMENT],
      ['rating comment (part)', 'Lò Thị Sáu'],
      ['citizen name', CITIZEN_NAME],
      ['citizen name from the desk', DESK_CITIZEN],
      // The digits alone, whatever separators a log might have kept or dropped.
      ...[PHONE_SPACED, PHONE_INTL, PHONE_DOTTED].map((p): [string, string] => ['phone digits', p.replace(/\D/g, '').replace(/^(84|0)/, '')]),
    ];
    expect(lines.length).toBeGreaterThan(15);
    expect(leaks(lines, forbidden)).toEqual([]);
  });

  it('logs a database error without the values of the call that failed', async () => {
    // A mistake in a query (here a missing field) makes Prisma quote the whole call in its
    // message and stack: the complaint's text and the phone number are arguments of it.
    const error = await app.db.complaint
      .create({ data: { code: 'PA-LOG-1', text: `${COMPLAINT_SENTENCE} ${PHONE_SPACED}`, communeId: 1 } as never })
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain(COMPLAINT_SENTENCE);
    const from = lines.length;
    app.log.error({ err: error, updateId: '1' }, 'handler failed');
    const logged = lines.slice(from);
    expect(logged.join('')).toContain('PrismaClientValidationError');
    expect(logged.join('')).toContain('.create()` invocation: Argument `category` is missing');
    expect(leaks(logged, [['complaint text', COMPLAINT_SENTENCE]])).toEqual([]);
  });

  it('prints no token when the service cannot start', async () => {
    // Telegram drops the connection when the webhook is set: the start fails, and Node's own
    // report of that error would include the request's URL, bot token and all.
    const telegramDown = await FakeTelegram.start(FAKE_TOKEN);
    telegramDown.failNext('setWebhook', 1, { kind: 'network' });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TMPDIR: process.env.TMPDIR,
          DATABASE_URL: `file:${path.join(dir, 'start.db')}`,
          PORT: '0',
          PUBLIC_URL: 'https://xa.example.gov.vn',
          TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
          TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
          TELEGRAM_API_ROOT: telegramDown.url,
          CONSOLE_CHAT: 'false',
          LOG_LEVEL: 'trace',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain("Network request for 'setWebhook' failed");
      const printed = output.split('\n').filter(Boolean);
      expect(leaks(printed, [...secrets.entries()].filter(([what]) => what.startsWith('Telegram')))).toEqual([]);
    } finally {
      await telegramDown.close();
    }
  }, 30_000);
});

/** The lines that hold one of the values, or anything shaped like a phone number. */
function leaks(logLines: string[], forbidden: [string, string][]): string[] {
  const hits: string[] = [];
  for (const line of logLines) {
    // The line as written and its string values with JSON escapes undone.
    const plain = `${line}\n${stringsOf(line).join('\n')}`;
    for (const [what, value] of forbidden) if (plain.includes(value)) hits.push(`${what}: ${line.trim()}`);
    const phone = PHONE_PATTERN.exec(plain);
    if (phone) hits.push(`phone number "${phone[0]}": ${line.trim()}`);
  }
  return hits;
}

/** Every string (and number) value in a JSON log line, unescaped. */
function stringsOf(line: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') found.push(String(value));
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  try {
    walk(JSON.parse(line));
  } catch {
    // not JSON: the raw line is searched anyway
  }
  return found;
}
