// The journeys Telegram passes, on Zalo's Bot platform, once over long polling and once over
// the webhook: the service started by startChannels against the fake Bot API, people choosing
// by typing the number the bot showed next to a choice (found by its label), pushes delivered
// by the real outbox dispatcher through the channel's sender. Charts and the receipt's QR code
// are served for the platform to fetch in webhook mode (the fake downloads and the test decodes
// them); without a public address their words are sent instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FakeZaloBot, FAKE_BOT_TOKEN, imageEvent, type textEvent } from '../support/fake-zalo-bot.js';
import { textsOf, zaloBotChat } from '../support/zalo-bot-chat.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { RecordingI18n } from '../support/i18n.js';
import { buildServer } from '../../src/http/server.js';
import { startChannels, type RunningChannels } from '../../src/channels.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { createInvite } from '../../src/accounts/invites.js';
import { colors } from '../../src/charts/specs.js';
import { barShares, decodePng, expectPhoneChart, expectShares } from '../support/png.js';

const PUBLIC_URL = 'https://xa.example.gov.vn';
const SECRET = 'zalobot-flows_secret-0123';

describe.each(['polling', 'webhook'] as const)('Zalo Bot journeys (%s)', (mode) => {
  const CITIZEN = `${mode}-dan`;
  const OFFICIAL = `${mode}-canbo`;
  const OFFICIAL_B = `${mode}-canbo-b`;
  const MANAGER = `${mode}-lanhdao`;
  const OTHER = `${mode}-dan-2`;

  let fake: FakeZaloBot;
  let app: TestApp;
  let i18n: RecordingI18n;
  let channels: RunningChannels;
  let server: FastifyInstance;
  let webhookUrl: string;
  let pushes: OutboxDispatcher;

  beforeAll(async () => {
    fake = await FakeZaloBot.start();
    i18n = new RecordingI18n();
    app = await makeTestApp(
      {
        DEMO_DATA: 'true',
        ZALO_BOT_TOKEN: FAKE_BOT_TOKEN,
        ZALO_BOT_API_BASE: fake.url,
        RATE_LIMIT_MESSAGES_PER_MINUTE: '1000',
        // Receipts carry a QR code of the rating link when there is a link to encode.
        TELEGRAM_BOT_USERNAME: 'cqtt_test_bot',
        ...(mode === 'webhook' ? { PUBLIC_URL, ZALO_BOT_WEBHOOK_SECRET: SECRET } : {}),
      },
      { i18n },
    );
    channels = await startChannels(app, app.conversation);
    server = await buildServer(app, channels.routes);
    const local = await server.listen({ port: 0, host: '127.0.0.1' });
    webhookUrl = `${local}/zalobot/webhook`;
    // The platform fetches pictures from the public address, which is this server.
    fake.resolvePhotoUrl = (url) => url.replace(PUBLIC_URL, local);
    pushes = new OutboxDispatcher(app, { senders: channels.senders, pacing: false });

    const signUp = async (chat: string, request: Parameters<typeof createInvite>[1]) =>
      say(chat, `/dangky ${(await createInvite(app, request)).code}`);
    await signUp(OFFICIAL, { role: 'official', communeCodes: ['BG-TANTIEN'] });
    await signUp(OFFICIAL_B, { role: 'official', communeCodes: ['BG-YENTHE'] });
    await signUp(MANAGER, { role: 'manager', communeCodes: [], provinceCode: 'BG' });
    i18n.take();
  });

  afterAll(async () => {
    await server?.close();
    await channels?.stop();
    await fake?.close();
    await app?.close();
  });

  const chat = () => zaloBotChat(fake, app, mode === 'webhook' ? { webhookUrl, secret: SECRET } : 'polling');
  const send = (event: ReturnType<typeof textEvent>) => chat().send(event);
  const since = (person: string, from: number) => chat().since(person, from);
  const say = (person: string, text: string) => chat().say(person, text);
  const choose = (person: string, label: RegExp) => chat().choose(person, label);
  const texts = textsOf;

  it('a question gets the procedure card with numbered choices; typing a number picks one', async () => {
    const card = await say(CITIZEN, 'lam giay khai sinh cho con can gi');
    expect(card).toContain('Đăng ký khai sinh (1.001193)');
    expect(i18n.ids()).toEqual(expect.arrayContaining(['card-title', 'card-documents', 'card-alternatives', 'desk-choose-button', 'zalobot-choose']));
    // The card's own numbered list of documents is not a choice: only "[n] …" lines are.
    expect(card).toMatch(/^\[1\] Đăng ký nhận cha, mẹ, con$/m);
    expect(card).toMatch(/^Trả lời bằng một số để chọn\.$/m);
    expect(fake.receivedBy(CITIZEN).every((m) => m.text.length <= 2000)).toBe(true);

    const asked = await choose(CITIZEN, /Chọn xã của tôi/);
    expect(i18n.ids()).toContain('desk-choose');
    const chosen = await choose(CITIZEN, /Tân Tiến/);
    expect(chosen).toContain('Xã Tân Tiến');
    expect(i18n.take().find((s) => s.id === 'desk-chosen')?.args).toMatchObject({ commune: 'Xã Tân Tiến' });
    expect(asked).toContain('[1]');
    const account = await app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalobot', externalId: CITIZEN } } });
    expect(account.homeCommuneId).not.toBeNull();

    // A number with no choices on screen reaches the conversation as text (here: a search for "7").
    await say(CITIZEN, '/huy');
    i18n.take();
    await say(CITIZEN, '7');
    expect(i18n.ids()).not.toContain('desk-chosen');
  });

  it('registers a dossier, the citizen follows it with the receipt code, is asked to rate when it is returned, rates, and the manager sees it', async () => {
    await say(OFFICIAL, '/hoso');
    await say(OFFICIAL, 'khai sinh');
    await choose(OFFICIAL, /^Đăng ký khai sinh$/);
    await choose(OFFICIAL, /Bỏ qua/);
    await choose(OFFICIAL, /Giữ ngày này/);
    const before = fake.receivedBy(OFFICIAL).length;
    const confirmed = await choose(OFFICIAL, /^Xác nhận$/);
    const code = /HS-[0-9A-Z-]+/.exec(confirmed)![0];
    const zaloCode = /\b[A-Z2-9]{4}-[A-Z2-9]{4}\b/.exec(confirmed)![0];
    const qr = since(OFFICIAL, before).find((m) => m.method === 'sendPhoto');
    if (mode === 'webhook') {
      // The QR code went as a photo the platform downloaded from this service.
      expect(qr?.photo).toMatchObject({ status: 200, contentType: 'image/png' });
      expect(qr!.photo!.url.startsWith(`${PUBLIC_URL}/zalobot/media/`)).toBe(true);
      expect(decodePng(qr!.photo!.data).width).toBeGreaterThan(100);
    } else {
      expect(qr).toBeUndefined();
    }

    const opened = await say(CITIZEN, zaloCode.toLowerCase().replace('-', ' '));
    expect(opened).toContain(code);
    i18n.take();
    expect(await choose(CITIZEN, /Theo dõi/)).toContain(`Đã theo dõi hồ sơ ${code}`);
    expect(i18n.ids()).toContain('dossier-followed');

    // The push is written (and its words chosen) with the status change, and sent by the outbox.
    i18n.take();
    await say(OFFICIAL, `/tra ${code}`);
    const pushedFrom = fake.receivedBy(CITIZEN).length;
    await pushes.drain();
    expect(texts(since(CITIZEN, pushedFrom))).toMatch(/Mời anh\/chị dành một phút đánh giá/);
    expect(i18n.ids()).toEqual(expect.arrayContaining(['rating-request', 'rating-button-rate', 'zalobot-choose']));

    expect(await choose(CITIZEN, /Đánh giá ngay/)).toMatch(/hài lòng/i);
    await choose(CITIZEN, /^Rất hài lòng/);
    await choose(CITIZEN, /Sớm hơn/i);
    await choose(CITIZEN, /^Rất|tốt|nhiệt tình|Lịch sự/i);
    await choose(CITIZEN, /^Rất|rõ ràng|tốt/i);
    await choose(CITIZEN, /^Không/);
    i18n.take();
    expect(await choose(CITIZEN, /Bỏ qua/)).toMatch(/Cảm ơn/);
    expect(i18n.ids()).toContain('rating-thanks');
    const dossier = await app.db.dossier.findUniqueOrThrow({ where: { code }, include: { rating: true } });
    expect(dossier.rating).toMatchObject({ level: 'very_satisfied', askedExtra: false });

    // The same code from someone else: already used.
    expect(await say(OTHER, zaloCode)).toMatch(/đã được đánh giá/);
    expect(i18n.ids()).toContain('dossier-open-used');

    const figuresFrom = fake.receivedBy(MANAGER).length;
    const figures = await say(MANAGER, '/hailong BG-TANTIEN');
    expect(figures).toContain('Hồ sơ đã trả kết quả: 1');
    expect(figures).toContain('rất hài lòng: 1');
    const said = i18n.take();
    expect(said.find((s) => s.id === 'chart-satisfaction-alt')?.args).toMatchObject({ rated: 1 });
    const chart = since(MANAGER, figuresFrom).find((m) => m.method === 'sendPhoto');
    if (mode === 'webhook') {
      // A phone-sized PNG, captioned with its words, one bar at 100% (very satisfied).
      expect(chart!.text).toMatch(/^Biểu đồ mức độ hài lòng của Xã Tân Tiến, tháng \d\d\/\d{4}: 1 lượt đánh giá, 100% hài lòng/);
      const png = decodePng(chart!.photo!.data);
      expectPhoneChart(png, chart!.photo!.data.length);
      expectShares(barShares(png, colors.track, [colors.good, colors.fair, colors.bad]), [100, 0, 0]);
    } else {
      // No public address to fetch a picture from: the chart's words arrive as a message.
      expect(chart).toBeUndefined();
      expect(figures).toMatch(/Biểu đồ mức độ hài lòng của Xã Tân Tiến, tháng \d\d\/\d{4}: 1 lượt đánh giá, 100% hài lòng/);
    }
  });

  it('a citizen typing a manager command is refused and told why', async () => {
    const refusal = await say(CITIZEN, '/hailong');
    expect(refusal).toMatch(/chỉ dành cho/);
    expect(i18n.ids()).toContain('refused-role');
  });

  it('a complaint is filed with a photo, routed to the commune, resolved, and the citizen is told; another commune cannot act on it', async () => {
    await say(CITIZEN, '/phananh');
    await choose(CITIZEN, /Tân Tiến/);
    // A delay: the commune's officials handle it (conduct complaints go to the leadership).
    await choose(CITIZEN, /Chậm trễ/);
    await say(CITIZEN, 'Hồ sơ tạm trú nộp đã hai tuần, hỏi mãi vẫn khó nghe một câu trả lời.');
    const photoFrom = fake.receivedBy(CITIZEN).length;
    await send(imageEvent(CITIZEN, 'https://photo.zaloapp.example/bang-chung.jpg'));
    expect(texts(since(CITIZEN, photoFrom))).toContain('Đã nhận 1 ảnh/tệp đính kèm');
    // No more photos, no dossier code (the question is only asked when the person follows none).
    while (!/ẩn danh/.test(fake.receivedBy(CITIZEN).at(-1)?.text ?? '')) await choose(CITIZEN, /Bỏ qua/);
    i18n.take();
    const filed = await choose(CITIZEN, /ẩn danh/);
    const code = /PA-\d{4}-[0-9A-Z]+/.exec(filed)![0];
    expect(i18n.take().find((s) => s.id === 'complaints-filed')?.args).toMatchObject({ code });
    const stored = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(JSON.parse(stored.attachments)).toEqual([{ kind: 'photo', ref: 'https://photo.zaloapp.example/bang-chung.jpg' }]);

    const before = fake.receivedBy(OFFICIAL).length;
    await pushes.drain();
    expect(texts(since(OFFICIAL, before))).toContain(code);

    const refused = await say(OFFICIAL_B, `/xuly ${code}`);
    expect(refused).not.toBe('');
    expect(refused).not.toContain('khó nghe');
    expect((await app.db.complaint.findUniqueOrThrow({ where: { code } })).status).toBe('new');

    expect(await say(OFFICIAL, `/xuly ${code}`)).toContain('khó nghe');
    await choose(OFFICIAL, /Tiếp nhận|Xác nhận đã nhận/i);
    await say(OFFICIAL, `/xuly ${code}`);
    await choose(OFFICIAL, /Giải quyết xong|Đã giải quyết|Kết thúc/i);
    await say(OFFICIAL, 'Đã nhắc nhở cán bộ, xin lỗi công dân và bố trí người hướng dẫn tại quầy.');
    const complaint = await app.db.complaint.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect(complaint.status).toBe('resolved');
    expect(complaint.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['filed', 'acknowledged', 'resolved']));

    const told = fake.receivedBy(CITIZEN).length;
    await pushes.drain();
    expect(texts(since(CITIZEN, told))).toMatch(/bố trí người hướng dẫn/);
  });
});
