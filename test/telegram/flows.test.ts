// Whole journeys on Telegram: the real grammY client in webhook mode behind the real HTTP
// server, Telegram played by the fake Bot API, people pressing the buttons the bot actually sent
// (found by their payload; the complaint journey by their label), pushes delivered by the real
// outbox dispatcher through the Telegram sender. Roles are taken the real way, with invitation
// codes and /dangky. Each journey has chats of its own, so they can run in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTelegram } from '../support/fake-telegram.js';
import { startTelegramApp, type TelegramTestApp } from '../support/telegram-app.js';
import { buttonUpdate, latestKeyboard, textUpdate } from '../support/telegram-updates.js';
import type { TestApp } from '../support/app.js';
import type { TelegramChannel } from '../../bots/telegram/start.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { createInvite } from '../../src/accounts/invites.js';
import { colors } from '../../src/charts/specs.js';
import { barShares, decodePng, expectPhoneChart, expectShares } from '../support/png.js';
import { buttonIn, expectSaid, idsOf, said } from '../support/conversation.js';

const SECRET = 'flows-secret_0123456789';
const CITIZEN = 7001;
const OFFICIAL = 7002;
const OFFICIAL_B = 7003;
const MANAGER = 7004;
const OTHER_CITIZEN = 7005;
/** The dossier journey's people. */
const D_CITIZEN = 7011;
const D_OFFICIAL = 7012;
/** The criteria journey's officials. */
const C_OFFICIAL = 7022;
const C_OFFICIAL_B = 7023;

let harness: TelegramTestApp;
let fake: FakeTelegram;
let app: TestApp;
let telegram: TelegramChannel;
let url: string;
let pushes: OutboxDispatcher;

beforeAll(async () => {
  harness = await startTelegramApp(SECRET);
  ({ fake, app, telegram, url } = harness);
  pushes = new OutboxDispatcher(app, { senders: [telegram.sender], pacing: false });

  const signUp = async (chat: number, request: Parameters<typeof createInvite>[1]) =>
    say(chat, `/dangky ${(await createInvite(app, request)).code}`);
  await signUp(OFFICIAL, { role: 'official', communeCodes: ['BG-TANTIEN'] });
  await signUp(OFFICIAL_B, { role: 'official', communeCodes: ['BG-YENTHE'] });
  await signUp(MANAGER, { role: 'manager', communeCodes: [], provinceCode: 'BG' });
  await signUp(D_OFFICIAL, { role: 'official', communeCodes: ['BG-TANTIEN'] });
  await signUp(C_OFFICIAL, { role: 'official', communeCodes: ['BG-TANTIEN'] });
  await signUp(C_OFFICIAL_B, { role: 'official', communeCodes: ['BG-YENTHE'] });
});

afterAll(async () => {
  await harness?.close();
});

/** Everything the bot sent to a chat (webhook replies and HTTP calls), oldest first. */
const sentTo = (chat: number) => fake.callsOf('sendMessage').filter((c) => Number(c.params.chat_id) === chat);
const textsSince = (chat: number, from: number) => sentTo(chat).slice(from).map((c) => String(c.params.text));

async function say(chat: number, text: string): Promise<string> {
  const before = sentTo(chat).length;
  expect((await fake.deliver(url, textUpdate(chat, text), SECRET)).status).toBe(200);
  return textsSince(chat, before).join('\n');
}

/** Presses the button labelled like `label` on the latest message that has one. */
async function press(chat: number, label: RegExp): Promise<string> {
  const withButtons = sentTo(chat)
    .map((c) => (c.params.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard)
    .filter((k) => k !== undefined);
  const button = withButtons.at(-1)?.flat().find((b) => label.test(b.text));
  if (!button) throw new Error(`no button ${label} in chat ${chat}; last: ${JSON.stringify(withButtons.at(-1))}`);
  const before = sentTo(chat).length;
  expect((await fake.deliver(url, buttonUpdate(chat, button.callback_data), SECRET)).status).toBe(200);
  return textsSince(chat, before).join('\n');
}

/** Presses the button whose payload is (or starts with) `payload` on the latest message that has buttons. */
async function pressing(chat: number, payload: string): Promise<string> {
  const button = buttonIn(latestKeyboard(sentTo(chat)), payload);
  const before = sentTo(chat).length;
  expect((await fake.deliver(url, buttonUpdate(chat, button.payload), SECRET)).status).toBe(200);
  return textsSince(chat, before).join('\n');
}

function hasButton(chat: number, payload: string): boolean {
  const markup = sentTo(chat).at(-1)?.params.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined;
  return Boolean(markup?.inline_keyboard?.flat().some((b) => b.callback_data === payload));
}

describe('dossier and rating on Telegram', () => {
  it('registers a dossier, the citizen follows its link, gets the rating request when it is returned, rates, and the manager sees it', async () => {
    const procedure = await app.db.procedure.findFirstOrThrow({ where: { name: 'Đăng ký khai sinh' } });
    await say(D_OFFICIAL, '/hoso');
    await say(D_OFFICIAL, 'khai sinh');
    await pressing(D_OFFICIAL, `hso:p:${procedure.id}`);
    await pressing(D_OFFICIAL, 'hso:skip');
    await pressing(D_OFFICIAL, 'hso:keep');
    said(app).take();
    const confirmed = await pressing(D_OFFICIAL, 'hso:ok');
    const registered = expectSaid(said(app).take(), 'dossier-registered', { procedure: procedure.name });
    const code = String(registered.args!.code);
    const link = /https:\/\/t\.me\/cqtt_test_bot\?start=(r_[A-Za-z0-9_-]+)/.exec(String(registered.args!.link));
    expect(link, confirmed).not.toBeNull();
    expect(confirmed).toContain(code);
    expect(fake.callsOf('sendPhoto').some((c) => Number(c.params.chat_id) === D_OFFICIAL)).toBe(true);

    // The citizen scans the QR code: Telegram sends /start with the payload.
    const opened = await say(D_CITIZEN, `/start ${link![1]}`);
    expectSaid(said(app).take(), 'dossier-card', { code, commune: 'Xã Tân Tiến' });
    expect(opened).toContain(code);
    await pressing(D_CITIZEN, 'dso:follow');

    await say(D_OFFICIAL, `/tra ${code}`);
    const dossier = await app.db.dossier.findUniqueOrThrow({ where: { code } });
    expectSaid(said(app).take(), 'rating-request', { code });
    const before = sentTo(D_CITIZEN).length;
    await pushes.drain();
    expect(textsSince(D_CITIZEN, before)).toHaveLength(1);

    await pressing(D_CITIZEN, `rt:${dossier.id}`);
    await pressing(D_CITIZEN, 'rf:overall:very_satisfied');
    await pressing(D_CITIZEN, 'rf:timeliness:early');
    await pressing(D_CITIZEN, 'rf:attitude:very_polite');
    await pressing(D_CITIZEN, 'rf:guidance:very_clear');
    await pressing(D_CITIZEN, 'rf:extra:no');
    said(app).take();
    await pressing(D_CITIZEN, 'rf:skip');
    expect(idsOf(said(app).take())).toContain('rating-thanks');
    const rated = await app.db.dossier.findUniqueOrThrow({ where: { code }, include: { rating: true } });
    expect(rated.rating).toMatchObject({ level: 'very_satisfied', askedExtra: false });

    // The same link again: already used.
    await say(OTHER_CITIZEN, `/start ${link![1]}`);
    expect(idsOf(said(app).take())).toContain('dossier-open-used');

    await say(MANAGER, '/hailong BG-TANTIEN');
    expectSaid(said(app).take(), 'rating-figures', { title: 'Xã Tân Tiến', returned: 1, verySatisfied: 1, satisfiedPct: '100%' });
    // The chart comes as a photo after the text: a phone-sized PNG, one bar at 100% (very satisfied).
    const photo = fake.callsOf('sendPhoto').filter((c) => Number(c.params.chat_id) === MANAGER).at(-1)!;
    expect(String(photo.params.caption)).toMatch(/^Biểu đồ mức độ hài lòng của Xã Tân Tiến, tháng \d\d\/\d{4}: 1 lượt đánh giá, 100% hài lòng/);
    const { data, file } = photo.params.photo as { data: Buffer; file: string };
    expect(file).toMatch(/^hai-long-bg-tantien-\d{4}-\d\d-month\.png$/);
    const png = decodePng(data);
    expectPhoneChart(png, data.length);
    expectShares(barShares(png, colors.track, [colors.good, colors.fair, colors.bad]), [100, 0, 0]);
  });

  it('a citizen typing a manager command is refused and told why', async () => {
    said(app).take();
    await say(OTHER_CITIZEN, '/hailong');
    expect(idsOf(said(app).take())).toEqual(expect.arrayContaining(['refused-role', 'role-citizen']));
  });
});

describe('complaint on Telegram', () => {
  it('is filed, routed to the commune, answered and resolved, and the citizen is told; another commune cannot act on it', async () => {
    await say(CITIZEN, '/phananh');
    await press(CITIZEN, /Tân Tiến/);
    await press(CITIZEN, /Chậm trễ/); // the commune's officials' (attitude would go to the leadership alone)
    await say(CITIZEN, 'Cán bộ nói chuyện khó nghe khi tôi hỏi thủ tục đăng ký tạm trú.');
    await press(CITIZEN, /Bỏ qua/);
    await press(CITIZEN, /Bỏ qua/);
    const filed = await press(CITIZEN, /ẩn danh/);
    const code = /PA-\d{4}-[0-9A-Z]+/.exec(filed)![0];

    const before = sentTo(OFFICIAL).length;
    await pushes.drain();
    expect(textsSince(OFFICIAL, before).join('\n')).toContain(code);

    const refused = await say(OFFICIAL_B, `/xuly ${code}`);
    expect(refused).not.toBe('');
    expect(refused).not.toContain('khó nghe');
    expect((await app.db.complaint.findUniqueOrThrow({ where: { code } })).status).toBe('new');

    const card = await say(OFFICIAL, `/xuly ${code}`);
    expect(card).toContain('khó nghe');
    expect(card).not.toMatch(/người dân \(tài khoản/);
    await press(OFFICIAL, /Tiếp nhận|Xác nhận đã nhận/i);
    await say(OFFICIAL, `/xuly ${code}`);
    await press(OFFICIAL, /Giải quyết xong|Đã giải quyết|Kết thúc/i);
    await say(OFFICIAL, 'Đã nhắc nhở cán bộ, xin lỗi công dân và bố trí người hướng dẫn tại quầy.');
    const complaint = await app.db.complaint.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect(complaint.status).toBe('resolved');
    expect(complaint.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['filed', 'acknowledged', 'resolved']));

    const told = sentTo(CITIZEN).length;
    await pushes.drain();
    expect(textsSince(CITIZEN, told).join('\n')).toMatch(/bố trí người hướng dẫn/);
  });
});

describe('criteria progress on Telegram', () => {
  it('refuses an invalid score and someone else’s criterion, then stores the report', async () => {
    const official = await app.db.account.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(C_OFFICIAL) } });
    const officialB = await app.db.account.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(C_OFFICIAL_B) } });
    const commune = await app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    const link = await app.db.communeSet.findFirstOrThrow({ where: { communeId: commune.id } });
    const [mine, theirs] = await app.db.criterion.findMany({ where: { setId: link.setId }, orderBy: { position: 'asc' } });
    await app.db.assignment.create({ data: { communeId: commune.id, criterionId: mine.id, accountId: official.id } });
    await app.db.assignment.create({ data: { communeId: commune.id, criterionId: theirs.id, accountId: officialB.id } });

    // A forged button for the criterion someone else owns: refused, nothing started.
    said(app).take();
    await fake.deliver(url, buttonUpdate(C_OFFICIAL, `crr:${commune.id}:${theirs.id}`), SECRET);
    expect(idsOf(said(app).take())).toEqual(['criteria-report-not-owner']);
    expect(await app.db.dialogueState.count({ where: { userId: String(C_OFFICIAL) } })).toBe(0);

    // Their own criterion (the only one they own, so it is asked about at once).
    const asked = await say(C_OFFICIAL, '/capnhat');
    expect(asked).toContain(mine.title.slice(0, 20));
    await pressing(C_OFFICIAL, 'crs:in_progress');
    said(app).take();
    await say(C_OFFICIAL, 'abc');
    await say(C_OFFICIAL, String(mine.maxPoints + 1));
    expect(idsOf(said(app).take())).toEqual(['criteria-score-invalid', 'criteria-score-invalid']);
    await say(C_OFFICIAL, '12,5');
    // Evidence (one question per expected document), then the note: skipped.
    while (hasButton(C_OFFICIAL, 'crx:skip')) await pressing(C_OFFICIAL, 'crx:skip');
    const reports = await app.db.progressReport.findMany({ where: { communeId: commune.id } });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ criterionId: mine.id, status: 'in_progress', selfScore: 12.5 });
  });
});
