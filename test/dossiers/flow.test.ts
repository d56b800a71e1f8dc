// The whole journey through the console channel, with several people on one app: an official
// registers a dossier with /hoso, the citizen opens the receipt link and follows it, the
// official hands the result back, the rating request is pushed, the citizen rates with the
// buttons, and the manager's /hailong shows it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';
import { makeWorld, manager, official, session, startPayloadIn, type World } from './support.js';

describe('dossier → follow → return → rating → figures, on the console channel', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
    await official(w.app, 'canbo', w.tanTien.id);
    await manager(w.app, 'lanhdao', { communeId: w.tanTien.id });
  });
  afterAll(() => w.app.close());

  let code = '';
  let payload = '';

  it('an official registers a dossier with /hoso and gets the code, link, Zalo code and QR', async () => {
    const out = await consoleSession(w.app, 'canbo', ['/hoso đăng ký lại khai sinh', '1', 'Nguyễn Văn An', '1', '1']);
    expect(out).toContain('Thủ tục: Đăng ký lại khai sinh');
    expect(out).toContain('Họ tên người nộp hồ sơ?');
    // 5 working days from Monday 2 March: Monday 9 March.
    expect(out).toContain('Hạn trả kết quả theo quy định (5 ngày làm việc): 09/03/2026.');
    expect(out).toContain('Hẹn trả kết quả: 09/03/2026');
    expect(out).toContain('Xác nhận tiếp nhận hồ sơ');
    expect(out).toContain('Người nộp: Nguyễn Văn An');
    expect(out).toContain('Đã tiếp nhận hồ sơ HS-260302-');
    code = /Đã tiếp nhận hồ sơ (HS-260302-[A-Z0-9]{5})\./.exec(out)![1];
    // The console writes the receipt's QR code to a file and prints where.
    const saved = /\[ảnh đã lưu: (\S+) — Mã QR của hồ sơ (HS-[A-Z0-9-]+)/.exec(out)!;
    expect(saved[1]).toBe(path.join(w.app.config.EXPORT_DIR, `qr-${code}.png`));
    expect(saved[2]).toBe(code);
    expect(readFileSync(saved[1]).subarray(1, 4).toString()).toBe('PNG');
    payload = startPayloadIn(out);
    expect(out).toMatch(/nhắn mã [A-Z2-9]{4}-[A-Z2-9]{4}/);

    const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { code } });
    expect(dossier.citizenName).toBe('Nguyễn Văn An');
    expect(dossier.status).toBe('received');
    // Only hashes are stored.
    expect(JSON.stringify(dossier)).not.toContain(payload.slice(2));
  });

  it('a confirmation pressed twice at once registers one dossier', async () => {
    await official(w.app, 'canbo-2', w.tanTien.id);
    const say = (m: { text?: string; payload?: string }) => w.app.conversation.handle({ channel: 'console', userId: 'canbo-2', ...m });
    const [pick] = await say({ text: '/hoso đăng ký lại khai sinh' });
    await say({ payload: pick.buttons![0][0].payload });
    await say({ payload: 'hso:skip' });
    await say({ payload: 'hso:keep' });
    const before = await w.app.db.dossier.count();
    const [a, b] = await Promise.all([say({ payload: 'hso:ok' }), say({ payload: 'hso:ok' })]);
    expect(await w.app.db.dossier.count()).toBe(before + 1);
    expect(a[0].text).toContain('Đã tiếp nhận hồ sơ HS-260302-');
    expect(b[0].text).toBe(a[0].text);
  });

  it('the citizen opens the link, sees the dossier without personal data, and follows it', async () => {
    const out = await consoleSession(w.app, 'dan', [`/start ${payload}`, '1']);
    expect(out).toContain(`Hồ sơ ${code}`);
    expect(out).toContain('Nơi tiếp nhận: Xã Tân Tiến');
    expect(out).toContain('Ngày nhận: 02/03/2026');
    expect(out).not.toContain('Nguyễn Văn An');
    expect(out).toContain(`Đã theo dõi hồ sơ ${code}`);
    const citizen = await w.app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId: 'dan' } } });
    expect((await w.app.db.dossier.findUniqueOrThrow({ where: { code } })).followerId).toBe(citizen.id);
  });

  it('marking it returned queues the rating request and one reminder 24 h later', async () => {
    w.clock.advance(2 * 60 * 60 * 1000);
    const out = await consoleSession(w.app, 'canbo', [`/xong ${code}`, `/tra ${code}`, `/tra ${code}`]);
    expect(out).toContain(`Đã ghi nhận hồ sơ ${code} có kết quả. Đã nhắn người dân đến nhận.`);
    expect(out).toContain(`Đã trả kết quả hồ sơ ${code}: trước hạn. Đã gửi lời mời đánh giá cho người dân.`);
    expect(out).toContain('Không có gì thay đổi.');

    const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { code } });
    expect(dossier.outcome).toBe('early');
    const rows = await w.app.db.outboxMessage.findMany({ where: { accountId: dossier.followerId! }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.dedupKey)).toEqual([`dossier-done:${dossier.id}`, `rating-request:${dossier.id}`, `rating-remind:${dossier.id}`]);
    const remind = rows[2];
    expect(remind.nextAttemptAt.getTime() - w.clock.now().getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it('the citizen receives the request and rates with the buttons; the reminder is withdrawn', async () => {
    const out = await session(w.app, 'dan', ['1', '2', '2', '1', '1', '2', 'Cán bộ hướng dẫn rất nhiệt tình.']);
    expect(out).toContain(`🔔 Hồ sơ ${code}`);
    expect(out).toContain('đã có kết quả');
    expect(out).toContain('Mời anh/chị dành một phút đánh giá');
    expect(out).toContain('Nhìn chung, anh/chị có hài lòng');
    expect(out).toContain('Thời gian trả kết quả so với giấy hẹn?');
    expect(out).toContain('Thái độ của cán bộ');
    expect(out).toContain('hướng dẫn hồ sơ');
    expect(out).toContain('chi thêm tiền');
    expect(out).toContain('Cảm ơn anh/chị đã đánh giá!');
    expect(out).not.toContain('Nhắc nhẹ');

    const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { code }, include: { rating: true } });
    expect(dossier.tokenUsedAt).not.toBeNull();
    expect(dossier.rating).toMatchObject({ questionnaire: 'mot-cua-2025', level: 'satisfied', askedExtra: false, comment: 'Cán bộ hướng dẫn rất nhiệt tình.' });
    expect(JSON.parse(dossier.rating!.answers)).toEqual({ overall: 'satisfied', timeliness: 'on_time', attitude: 'very_polite', guidance: 'very_clear', extra: 'no' });
    expect(await w.app.db.outboxMessage.count({ where: { dedupKey: `rating-remind:${dossier.id}` } })).toBe(0);

    // A day later nothing more reaches the citizen.
    w.clock.advance(25 * 60 * 60 * 1000);
    const later = await session(w.app, 'dan', []);
    expect(later).not.toContain('🔔');
  });

  it('the link is single use', async () => {
    const out = await consoleSession(w.app, 'dan', [`/start ${payload}`]);
    expect(out).toContain('Hồ sơ này đã được đánh giá. Cảm ơn anh/chị đã góp ý!');
  });

  it("the manager's /hailong shows the rating", async () => {
    const out = await consoleSession(w.app, 'lanhdao', ['/hailong 2026-03', '/hailong BG-TANTIEN quý 1/2026']);
    expect(out).toContain('Mức độ hài lòng — Xã Tân Tiến, tháng 03/2026');
    expect(out).toContain('Hồ sơ đã trả kết quả: 1');
    expect(out).toContain('trước hạn: 1 (100%)');
    expect(out).toContain('Lượt đánh giá: 1 (tỷ lệ đánh giá 100%)');
    expect(out).toContain('hài lòng: 1');
    expect(out).toContain('Tỷ lệ hài lòng (rất hài lòng + hài lòng): 100%');
    expect(out).toContain('Mức độ hài lòng — Xã Tân Tiến, quý 1/2026');
  });

  it('/hailong keeps to the asker\'s scope and explains a period it does not understand', async () => {
    const own = await consoleSession(w.app, 'canbo', ['/hailong', '/hailong BG-YENTHE 2026-03', '/hailong tháng trước']);
    expect(own).toContain('Mức độ hài lòng — Xã Tân Tiến, tháng 03/2026');
    expect(own).toContain('cán bộ chỉ xem được số liệu của xã, phường mình, nên tôi không thể hiển thị số liệu của Xã Yên Thế.');
    expect(own).toContain('Tôi chưa hiểu "tháng trước"');
    const boss = await consoleSession(w.app, 'lanhdao', ['/hailong BG-YENTHE']);
    expect(boss).toContain('Xã Yên Thế không thuộc phạm vi anh/chị được giao');
  });

  it('citizens are told politely why /hoso and /hailong are not for them', async () => {
    const before = await w.app.db.dossier.count();
    const out = await consoleSession(w.app, 'dan', ['/hoso', '/hailong']);
    expect(out.match(/Xin lỗi, lệnh này chỉ dành cho/g)).toHaveLength(2);
    expect(out).toContain('Tài khoản của anh/chị đang là người dân');
    expect(await w.app.db.dossier.count()).toBe(before);
  });
});
