// The trust rules on Telegram: the real grammY client in webhook mode against the fake Bot API,
// pushes delivered by the real outbox dispatcher. People have the names Telegram gives them. A
// complaint about the official who registered a dossier, filed anonymously before the commune
// has any manager, is kept (and the citizen told so), handed to the manager who signs up, and
// never reaches the official, who is refused by command, by a button replayed from the
// manager's message and by /tracuu; nothing sent to staff names the reporter. A rejection
// reaches the manager and comes back to the citizen with the review button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTelegram } from '../support/fake-telegram.js';
import { startTelegramApp, type TelegramTestApp } from '../support/telegram-app.js';
import { buttonUpdate, textUpdate } from '../support/telegram-updates.js';
import type { TestApp } from '../support/app.js';
import { RecordingI18n } from '../support/i18n.js';
import type { TelegramChannel } from '../../bots/telegram/start.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { createInvite } from '../../src/accounts/invites.js';
import { registerDossier } from '../../src/dossiers/register.js';

const SECRET = 'trust-secret_0123456789';
const CITIZEN = 8101;
const ACCUSED = 8102;
const COLLEAGUE = 8103;
const MANAGER = 8104;
const NAMES: Record<number, [string, string]> = {
  [CITIZEN]: ['Trần', 'Thị Mai'],
  [ACCUSED]: ['Đỗ', 'Văn Khoa'],
  [COLLEAGUE]: ['Lý', 'Thị Hoa'],
  [MANAGER]: ['Nguyễn', 'Văn Lãnh'],
};
const STAFF = [ACCUSED, COLLEAGUE, MANAGER];

const i18n = new RecordingI18n();
let harness: TelegramTestApp;
let fake: FakeTelegram;
let app: TestApp;
let telegram: TelegramChannel;
let url: string;
let pushes: OutboxDispatcher;

type Markup = { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
const sentTo = (chat: number) => fake.callsOf('sendMessage').filter((c) => Number(c.params.chat_id) === chat);
const textsOf = (chat: number) => sentTo(chat).map((c) => `${String(c.params.text)} ${JSON.stringify(c.params.reply_markup ?? '')}`);

/** As Telegram sends it: the person's first and last name on every update. */
function named<T extends { message?: { from: object }; callback_query?: { from: object } }>(chat: number, update: T): T {
  const [first_name, last_name] = NAMES[chat];
  if (update.message) update.message.from = { ...update.message.from, first_name, last_name };
  if (update.callback_query) update.callback_query.from = { ...update.callback_query.from, first_name, last_name };
  return update;
}

async function deliver(chat: number, update: ReturnType<typeof textUpdate> | ReturnType<typeof buttonUpdate>) {
  i18n.take();
  const before = sentTo(chat).length;
  expect((await fake.deliver(url, named(chat, update), SECRET)).status).toBe(200);
  return { text: sentTo(chat).slice(before).map((c) => String(c.params.text)).join('\n'), ids: i18n.take().map((s) => s.id) };
}
const say = (chat: number, text: string) => deliver(chat, textUpdate(chat, text));
const tap = (chat: number, data: string) => deliver(chat, buttonUpdate(chat, data));

/** Presses the button labelled like `label` on the latest message of the chat that has one. */
function buttonOf(chat: number, label: RegExp): string {
  const keyboards = sentTo(chat).map((c) => (c.params.reply_markup as Markup)?.inline_keyboard).filter((k) => k !== undefined);
  const button = keyboards.at(-1)?.flat().find((b) => label.test(b.text));
  if (!button) throw new Error(`no button ${label} in chat ${chat}; last: ${JSON.stringify(keyboards.at(-1))}`);
  return button.callback_data;
}
const press = (chat: number, label: RegExp) => tap(chat, buttonOf(chat, label));

async function fileComplaint(category: RegExp, words: string, dossier: string | null, anonymous: boolean) {
  await say(CITIZEN, '/phananh');
  await press(CITIZEN, /Tân Tiến/);
  await press(CITIZEN, category);
  await say(CITIZEN, words);
  await press(CITIZEN, /Bỏ qua/);
  if (dossier) await say(CITIZEN, dossier);
  else await press(CITIZEN, /Bỏ qua/);
  const filed = await press(CITIZEN, anonymous ? /ẩn danh/ : /kèm tên/);
  const code = /PA-\d{4}-[2-9A-HJKMNP-Z]{5}/.exec(filed.text)?.[0];
  if (!code) throw new Error(`not filed: ${filed.text}`);
  return { code, ...filed };
}

beforeAll(async () => {
  harness = await startTelegramApp(SECRET, { i18n });
  ({ fake, app, telegram, url } = harness);
  pushes = new OutboxDispatcher(app, { senders: [telegram.sender], pacing: false });
  for (const chat of [ACCUSED, COLLEAGUE]) await say(chat, `/dangky ${(await createInvite(app, { role: 'official', communeCodes: ['BG-TANTIEN'] })).code}`);
});

afterAll(async () => {
  await harness?.close();
});

describe('complaints people can trust, on Telegram', () => {
  let conduct: string;

  it('names staff from their Telegram profile', async () => {
    const me = await say(ACCUSED, '/toi');
    expect(me.text).toContain('Tên: Đỗ Văn Khoa');
  });

  it('keeps a complaint about the official’s dossier for the leadership, and says so, when there is none yet', async () => {
    const accused = await app.db.account.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(ACCUSED) } });
    const procedure = await app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await registerDossier(app, { code: 'HS-TG-0001', communeId: accused.communeId!, procedureId: procedure.id, handlerId: accused.id, citizenName: 'Trần Thị Mai' });
    const filed = await fileComplaint(/vòi vĩnh/, 'Cán bộ gợi ý tôi đưa thêm 500 nghìn.', 'HS-TG-0001', true);
    conduct = filed.code;
    expect(filed.ids).toContain('complaints-filed-route');
    expect(filed.text).toContain('chưa có lãnh đạo nào');
    await pushes.drain();
    for (const chat of STAFF) expect(textsOf(chat).join('\n')).not.toContain(conduct);
  });

  it('hands what was kept to the manager who signs up, and never to the official concerned', async () => {
    const invite = await createInvite(app, { role: 'manager', communeCodes: ['BG-TANTIEN'], title: 'Chủ tịch UBND xã' });
    const welcome = await say(MANAGER, `/dangky ${invite.code}`);
    expect(welcome.ids).toContain('accounts-signup-held');
    expect(welcome.text).toContain('Nguyễn Văn Lãnh (Chủ tịch UBND xã)');
    await pushes.drain();
    expect(textsOf(MANAGER).join('\n')).toContain(conduct);
    const opened = await press(MANAGER, /Xem và xử lý/);
    expect(opened.ids).toContain('complaints-card-dossier-anonymous');
    expect(opened.text).toContain('HS-TG-0001');
  });

  it('refuses the official concerned by command, replayed button and /tracuu', async () => {
    const replayed = buttonOf(MANAGER, /Tiếp nhận/);
    for (const attempt of [() => say(ACCUSED, `/xuly ${conduct}`), () => tap(ACCUSED, `cp:v:${conduct}`), () => tap(ACCUSED, replayed), () => say(ACCUSED, `/tracuu ${conduct}`)]) {
      const { text, ids } = await attempt();
      expect(ids.some((id) => id === 'complaints-leadership-only' || id === 'complaints-not-found')).toBe(true);
      expect(text).not.toContain('500 nghìn');
    }
    expect((await app.db.complaint.findUniqueOrThrow({ where: { code: conduct } })).status).toBe('new');
  });

  it('sends staff no text that names the anonymous reporter', async () => {
    await pushes.drain();
    const staffTexts = STAFF.flatMap(textsOf).join('\n');
    for (const secret of ['Trần Thị Mai', 'Thị Mai', String(CITIZEN)]) expect(staffTexts, secret).not.toContain(secret);
  });

  it('brings a rejection to the manager and the citizen, who can ask the leadership to review it once', async () => {
    const { code } = await fileComplaint(/Chậm trễ/, 'Hẹn trả kết quả đã ba lần.', null, false);
    await pushes.drain();
    await press(COLLEAGUE, /Xem và xử lý/);
    await press(COLLEAGUE, /Không xử lý/);
    const done = await say(COLLEAGUE, 'Việc này thuộc Sở Tài nguyên, đã hướng dẫn.');
    expect(done.ids).toContain('complaints-alert-rejected');
    await pushes.drain();
    expect(textsOf(MANAGER).at(-1)).toContain('Việc này thuộc Sở Tài nguyên');
    expect(textsOf(MANAGER).at(-1)).toContain('Lý Thị Hoa');
    expect(textsOf(CITIZEN).at(-1)).toContain('Việc này thuộc Sở Tài nguyên');
    expect((await press(CITIZEN, /lãnh đạo xem xét lại/)).ids).toContain('complaints-ask-review');
    expect((await say(CITIZEN, 'Tôi nộp hồ sơ tại xã, đề nghị xem lại.')).ids).toContain('complaints-review-sent');
    await pushes.drain();
    expect(textsOf(MANAGER).at(-1)).toContain(code);
    expect((await say(COLLEAGUE, `/xuly ${code}`)).ids).toContain('complaints-leadership-only');
  });
});
