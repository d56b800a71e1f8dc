// Intents, referrals, questions back and the commune's desk on Telegram: the real grammY client
// in webhook mode behind the real HTTP server, Telegram played by the fake Bot API, buttons
// pressed by their payload (the complaint's by their label).
import type { MessageId } from '../../src/i18n/message-ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTelegram } from '../support/fake-telegram.js';
import { startTelegramApp, type TelegramTestApp } from '../support/telegram-app.js';
import { buttonUpdate, latestKeyboard, textUpdate } from '../support/telegram-updates.js';
import { buttonIn, expectSaid, idsOf, said } from '../support/conversation.js';
import type { TestApp } from '../support/app.js';
import { registerDossier } from '../../src/dossiers/register.js';

const SECRET = 'answers-secret_0123456789';

let harness: TelegramTestApp;
let fake: FakeTelegram;
let app: TestApp;
let url: string;

beforeAll(async () => {
  harness = await startTelegramApp(SECRET);
  ({ fake, app, url } = harness);
});

afterAll(async () => {
  await harness?.close();
});

const vi = (id: MessageId, args?: Record<string, string | number>) => app.i18n.t('vi', id, args);
const sentTo = (chat: number) => fake.callsOf('sendMessage').filter((c) => Number(c.params.chat_id) === chat);
const textsSince = (chat: number, from: number) => sentTo(chat).slice(from).map((c) => String(c.params.text));

async function say(chat: number, text: string, language = 'vi'): Promise<string> {
  const before = sentTo(chat).length;
  expect((await fake.deliver(url, textUpdate(chat, text, language), SECRET)).status).toBe(200);
  return textsSince(chat, before).join('\n');
}

async function press(chat: number, label: string): Promise<string> {
  const keyboards = sentTo(chat)
    .map((c) => (c.params.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard)
    .filter((k) => k !== undefined);
  const button = keyboards.at(-1)?.flat().find((b) => b.text === label);
  if (!button) throw new Error(`no button "${label}" in chat ${chat}; last: ${JSON.stringify(keyboards.at(-1))}`);
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

describe('answers and intents on Telegram', () => {
  it('greets and thanks briefly', async () => {
    said(app).take();
    await say(8101, 'xin chào');
    await say(8101, 'cảm ơn bạn nhé');
    expect(idsOf(said(app).take())).toEqual(['intent-greeting', 'intent-thanks']);
  });

  it('answers a complaint with an apology; the button starts /phananh with the category chosen', async () => {
    const apology = await say(8102, 'cán bộ đòi tiền bồi dưỡng mới nhận hồ sơ');
    expect(apology).toContain('Xin lỗi anh/chị');
    const started = await press(8102, vi('intent-complaint-file', { label: 'Bị gợi ý nộp thêm tiền, vòi vĩnh' }));
    expect(started).toContain('phản ánh về UBND xã, phường nào');
    const commune = await app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    const next = await press(8102, commune.name);
    expect(next).toContain(vi('complaints-ask-description', { max: 2000 }).slice(0, 30));
    const dialogue = await app.db.dialogueState.findFirstOrThrow({ where: { channel: 'telegram', userId: '8102' } });
    expect(JSON.parse(dialogue.data)).toMatchObject({ category: 'extra_pay', communeId: commune.id });
  });

  it('asks for the receipt code, then opens the dossier from a code inside a sentence', async () => {
    said(app).take();
    await say(8103, 'hồ sơ của tôi xong chưa');
    expect(idsOf(said(app).take())).toEqual(['intent-dossier-ask-code']);
    const commune = await app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    const procedure = await app.db.procedure.findFirstOrThrow({ where: { code: '1.001193' } });
    const reg = await registerDossier(app, { communeId: commune.id, procedureId: procedure.id });
    await say(8103, `mã của em là ${reg.zaloCode.toLowerCase()} ạ`);
    expectSaid(said(app).take(), 'dossier-card', { code: reg.dossier.code });
    await pressing(8103, 'dso:follow');
    said(app).take();
    await say(8103, 'ho so cua toi den dau roi');
    expectSaid(said(app).take(), 'dossier-card', { code: reg.dossier.code });
  });

  it('sends a divorce question to the court, asking which kind when unsure', async () => {
    said(app).take();
    const out = await say(8104, 'ly hon thi nop don o dau');
    const first = idsOf(said(app).take());
    expect(first).not.toContain('card-documents');
    const court = first.includes('referral-not-here') ? out : await pressing(8104, 'ref:REF-LY-HON-THUAN-TINH');
    if (court !== out) expect(idsOf(said(app).take())).toContain('referral-not-here');
    // Where to go is the answer's content.
    expect(court).toContain('Tòa án');
  });

  it('shows the chosen commune’s desk on the card and answers English questions', async () => {
    await say(8105, 'đăng ký khai tử');
    said(app).take();
    await pressing(8105, 'xa:a:');
    expect(idsOf(said(app).take())).toContain('desk-choose');
    const commune = await app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    await pressing(8105, `xa:s:${commune.id}:`);
    expectSaid(said(app).take(), 'place-desk-of', { commune: 'Xã Tân Tiến' });
    const english = await say(8105, 'How can I register my marriage?', 'en');
    // The answer's content: the procedure, and the chosen commune's desk phone.
    expect(english).toContain('Đăng ký kết hôn');
    expect(idsOf(said(app).take())).toContain('desk-phone');
  });
});
