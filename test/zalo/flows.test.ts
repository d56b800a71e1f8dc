// Whole flows on Zalo through the same core as every channel: a citizen follows a dossier with
// the short code from the receipt and rates it with oa.query.hide buttons after the result is
// returned; an official registers a dossier and gets the QR picture; a citizen files a
// complaint with a photo. Buttons are pressed the way Zalo does it:
// the payload of the tapped button comes back as the person's text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/shared/clock.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { registerDossier } from '../../src/dossiers/register.js';
import { changeDossierStatus } from '../../src/dossiers/status.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { startZaloSuite, zaloKeys as keys, type ZaloTestApp } from '../support/zalo-app.js';
import { userImage, userText } from '../support/zalo-webhook.js';
import { colors } from '../../src/charts/specs.js';
import { barShares, decodePng, expectPhoneChart, expectShares } from '../support/png.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
const clock = new FakeClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock, {
    DEMO_DATA: 'true',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
    // Receipts carry a QR code of the rating link when there is a link to encode.
    TELEGRAM_BOT_USERNAME: 'cqtt_test_bot',
  }));
});
afterAll(() => close());

/** Texts of the messages the person received since `from`. */
function received(userId: string, from = 0): string[] {
  return fake.delivered(userId).slice(from).map((m) => m.message.text as string);
}

async function say(userId: string, text: string): Promise<string[]> {
  const from = fake.delivered(userId).length;
  expect((await h.post(userText(keys, userId, text))).status).toBe(200);
  await h.settle();
  return received(userId, from);
}

/** Taps the button titled `title` on the latest message that has one. */
async function tap(userId: string, title: string): Promise<string[]> {
  const messages = fake.delivered(userId).reverse();
  for (const m of messages) {
    const b = (m.message.attachment?.payload?.buttons ?? []).find((x: { title: string }) => x.title === title);
    if (b) {
      expect(b.type).toBe('oa.query.hide');
      return say(userId, b.payload);
    }
  }
  throw new Error(`no button "${title}" for ${userId}; got:\n${received(userId).join('\n---\n')}`);
}

describe('flows on Zalo', () => {
  it('follows a dossier with the short code, then rates it with buttons when the result is returned', async () => {
    const commune = await h.app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    const procedure = await h.app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const reg = await registerDossier(h.app, { communeId: commune.id, procedureId: procedure.id });

    const opened = await say('z-dan', reg.zaloCode.replace('-', ' ').toLowerCase());
    expect(opened.join('\n')).toContain(`Hồ sơ ${reg.code}`);
    expect((await tap('z-dan', 'Theo dõi hồ sơ')).join('\n')).toContain(`Đã theo dõi hồ sơ ${reg.code}`);

    clock.advance(3 * 3600_000);
    await changeDossierStatus(h.app, reg.dossier.id, 'returned');
    const before = fake.delivered('z-dan').length;
    await new OutboxDispatcher(h.app, { senders: [h.zalo.sender], pacing: false }).drain();
    expect(received('z-dan', before).join('\n')).toContain('Mời anh/chị dành một phút đánh giá');

    expect((await tap('z-dan', 'Đánh giá ngay')).join('\n')).toContain('Nhìn chung, anh/chị có hài lòng');
    await tap('z-dan', 'Hài lòng');
    await tap('z-dan', 'Sớm hơn ngày hẹn');
    await tap('z-dan', 'Lịch sự');
    await tap('z-dan', 'Rõ ràng');
    expect((await tap('z-dan', 'Không')).join('\n')).toContain('góp ý');
    expect((await say('z-dan', 'Cán bộ hướng dẫn rất nhiệt tình.')).join('\n')).toContain('Cảm ơn anh/chị đã đánh giá');

    const rating = await h.app.db.rating.findFirstOrThrow({ where: { dossierId: reg.dossier.id } });
    expect(rating).toMatchObject({ level: 'satisfied', askedExtra: false });
    expect(JSON.parse(rating.answers)).toEqual({ overall: 'satisfied', timeliness: 'early', attitude: 'polite', guidance: 'clear', extra: 'no' });
    // The delivered messages were all real sends: no error envelope among them.
    expect(fake.callsTo('/v3.0/oa/message/cs').every((c) => c.error === 0)).toBe(true);
    // The whole conversation, the rating request pushed 3 hours later included, cost nothing:
    // every message quoted the citizen's latest message, as Zalo's free replies need.
    const sent = fake.delivered('z-dan');
    expect(fake.billed('paid', 'z-dan')).toBe(0);
    expect(fake.billed('free', 'z-dan')).toBe(sent.length);
    for (const m of sent) expect(m.recipient.message_id).toEqual(expect.any(String));
  });

  it('an official registers a dossier on Zalo and gets the receipt with its QR code as a picture', async () => {
    const commune = await h.app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    await h.app.db.account.create({ data: { channel: 'zalo', externalId: 'z-canbo', role: 'official', communeId: commune.id } });
    await say('z-canbo', '/hoso đăng ký lại khai sinh');
    await tap('z-canbo', 'Đăng ký lại khai sinh');
    await say('z-canbo', 'Nguyễn Văn An');
    await tap('z-canbo', 'Giữ ngày này');
    const uploadsBefore = fake.callsTo('/v2.0/oa/upload/image').length;
    const from = fake.delivered('z-canbo').length;
    await tap('z-canbo', 'Xác nhận');
    const receipt = fake.delivered('z-canbo').slice(from);
    expect(receipt.map((m) => m.message.text ?? '').join('\n')).toMatch(/Đã tiếp nhận hồ sơ HS-260302-/);
    expect(receipt.map((m) => m.message.text ?? '').join('\n')).toMatch(/[A-Z2-9]{4}-[A-Z2-9]{4}/);
    const uploads = fake.callsTo('/v2.0/oa/upload/image').slice(uploadsBefore);
    expect(uploads).toHaveLength(1);
    expect(uploads[0].error).toBe(0);
    const picture = receipt.find((m) => m.message.attachment?.payload?.template_type === 'media');
    expect(picture?.message.attachment.payload.elements[0]).toMatchObject({ media_type: 'image', attachment_id: expect.stringMatching(/^img-/) });
  });

  it("a manager's /tiendo arrives as text and a chart: the picture uploaded, then sent as a media message", async () => {
    const province = await h.app.db.province.findUniqueOrThrow({ where: { code: 'BG' } });
    await h.app.db.account.create({
      data: { channel: 'zalo', externalId: 'z-lanhdao', role: 'manager', scopes: { create: { provinceId: province.id } } },
    });
    const uploadsBefore = fake.callsTo('/v2.0/oa/upload/image').length;
    const from = fake.delivered('z-lanhdao').length;
    await say('z-lanhdao', '/tiendo BG-TANTIEN');
    const sent = fake.delivered('z-lanhdao').slice(from);
    expect(sent[0].message.text).toContain('Tiến độ bộ tiêu chí: Xã Tân Tiến');
    const media = sent.find((m) => m.message.attachment?.payload?.template_type === 'media')!;
    expect(media.message.text).toMatch(/^Biểu đồ tiến độ tiêu chí của Xã Tân Tiến, tháng 03\/2026: tổng 0\/100 điểm/);
    expect(fake.callsTo('/v2.0/oa/upload/image').slice(uploadsBefore)).toHaveLength(1);
    const upload = fake.upload(media.message.attachment.payload.elements[0].attachment_id)!;
    expect(upload).toMatchObject({ filename: 'tien-do-bg-tantien-2026-03.png', contentType: 'image/png' });
    const png = decodePng(upload.data);
    expectPhoneChart(png, upload.data.length);
    // Nothing reported yet: five empty tracks.
    expectShares(barShares(png, colors.track, [colors.bar, colors.bad]), [0, 0, 0, 0, 0]);
  });

  it('files a complaint with a photo; six categories arrive as 5 + 1 buttons', async () => {
    expect((await say('z-pa', '/phananh')).join('\n')).toContain('Anh/chị phản ánh về UBND xã, phường nào?');
    const categories = await tap('z-pa', 'Xã Tân Tiến');
    expect(categories[0]).toContain('Anh/chị phản ánh về vấn đề gì?');
    expect(categories).toContain('Lựa chọn khác (2/2):');
    const groups = fake.delivered('z-pa').slice(-2).map((m) => m.message.attachment.payload.buttons.length);
    expect(groups).toEqual([5, 1]);

    await tap('z-pa', 'Chậm trễ, trễ hẹn giải quyết');
    expect((await say('z-pa', 'Chờ 3 tiếng mà không ai tiếp.')).join('\n')).toContain('gửi ảnh');
    const from = fake.delivered('z-pa').length;
    await h.post(userImage(keys, 'z-pa', 'https://photo-stal.zadn.vn/bang-chung.jpg'));
    await h.settle();
    expect(received('z-pa', from).join('\n')).toContain('Đã nhận 1 ảnh/tệp đính kèm');
    await tap('z-pa', 'Bỏ qua'); // no more photos
    await tap('z-pa', 'Bỏ qua'); // no dossier code
    const filed = await tap('z-pa', 'Gửi ẩn danh (không ai biết tôi là ai)');
    expect(filed.join('\n')).toMatch(/Mã phản ánh: PA-/);

    const complaint = await h.app.db.complaint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(complaint).toMatchObject({ anonymous: true, text: 'Chờ 3 tiếng mà không ai tiếp.' });
    expect(JSON.parse(complaint.attachments)).toEqual([{ kind: 'photo', ref: 'https://photo-stal.zadn.vn/bang-chung.jpg' }]);
  });
});
