// Filing through the console and the refusals around it: bad descriptions, unknown communes
// and codes, denunciations sent to the citizen reception office, the daily limit, and the
// entry from a dossier after a poor rating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';
import { mentionsDenunciation } from '../../src/complaints/denunciation.js';
import { citizen, fileByConsole, makeWorld, official, session, type World } from './support.js';

const DAY = 86_400_000;

let w: World;
beforeAll(async () => {
  w = await makeWorld({ COMPLAINTS_PER_DAY: '3' });
  await official(w.app, 'off-tt', w.tanTien.id);
});
afterAll(async () => {
  await w?.app.close();
});

const count = () => w.app.db.complaint.count();

describe('the filing dialogue', () => {
  it('offers the communes as buttons, then the categories from the data file', async () => {
    const out = await consoleSession(w.app, 'a1', ['/phananh']);
    expect(out).toContain('Anh/chị phản ánh về UBND xã, phường nào?');
    expect(out).toMatch(/\[1\] Xã Bố Hạ\n {2}\[2\] Xã Tân Tiến\n {2}\[3\] Xã Yên Thế/);
    const next = await consoleSession(w.app, 'a1', ['2']);
    // The session is new, so "2" is not a button press here; the dialogue still takes typed names.
    expect(next).toContain('Không tìm thấy xã, phường "2"');
    const cat = await consoleSession(w.app, 'a1', ['xa tan tien']);
    expect(cat).toContain('Phản ánh về Xã Tân Tiến. Anh/chị phản ánh về vấn đề gì?');
    for (const label of ['Thái độ, tác phong cán bộ', 'Chậm trễ, trễ hẹn giải quyết', 'Bị gợi ý nộp thêm tiền, vòi vĩnh', 'Giấy tờ, thủ tục rườm rà', 'Cơ sở vật chất nơi tiếp dân', 'Vấn đề khác']) {
      expect(cat).toContain(label);
    }
    await consoleSession(w.app, 'a1', ['/huy']);
  });

  it('asks again for an empty or oversized description, and an unknown commune', async () => {
    const before = await count();
    const out = await consoleSession(w.app, 'a2', ['/phananh', 'Xã Không Tồn Tại', 'Tân Tiến', '1', 'x'.repeat(2001)]);
    expect(out).toContain('Không tìm thấy xã, phường "Xã Không Tồn Tại"');
    expect(out).toContain('Phần mô tả dài 2.001 ký tự, vượt quá 2.000 ký tự cho phép');
    // A photo with no words: kept, and the words asked for.
    const empty = await w.app.conversation.handle({ channel: 'console', userId: 'a2', attachments: [{ kind: 'photo', ref: 'file-123' }] });
    expect(empty[0].text).toContain('Phần mô tả đang trống');
    const next = await w.app.conversation.handle({ channel: 'console', userId: 'a2', text: 'Chờ 3 tiếng mà không ai tiếp.' });
    // The photo came with the description, so the photo step is skipped: the dossier is next.
    expect(next[0].text).toContain('liên quan đến một hồ sơ');
    const dossier = await w.app.conversation.handle({ channel: 'console', userId: 'a2', text: 'HS-KHONG-CO' });
    expect(dossier[0].text).toContain('Không tìm thấy hồ sơ mã "HS-KHONG-CO" tại Xã Tân Tiến');
    await w.app.conversation.handle({ channel: 'console', userId: 'a2', payload: 'cpi:skip' });
    const anon = await w.app.conversation.handle({ channel: 'console', userId: 'a2', text: 'ẩn danh đi' });
    expect(anon[0].text).toContain('vui lòng chọn "Gửi ẩn danh" hoặc "Gửi kèm tên"');
    expect(await count()).toBe(before);
    const filed = await w.app.conversation.handle({ channel: 'console', userId: 'a2', payload: 'cpi:anon:1' });
    expect(filed[0].text).toMatch(/Mã phản ánh: PA-2611-/);
    const complaint = await w.app.db.complaint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(complaint).toMatchObject({ anonymous: true, text: 'Chờ 3 tiếng mà không ai tiếp.', dossierCode: null });
    expect(JSON.parse(complaint.attachments)).toEqual([{ kind: 'photo', ref: 'file-123' }]);
  });

  it('speaks English to a citizen who chose it', async () => {
    const out = await consoleSession(w.app, 'en1', ['/lang en', '/phananh', 'Tan Tien']);
    expect(out).toContain('Which commune or ward office is this about?');
    expect(out).toContain('About Xã Tân Tiến. What is the problem?');
    expect(out).toContain("Officials' attitude and conduct");
    expect(await consoleSession(w.app, 'en1', ['/huy', '/tracuu PA-2611-ZZZZZ'])).toContain('No complaint "PA-2611-ZZZZZ" was found');
  });

  it('takes a photo at the photo step', async () => {
    const { app } = w;
    await consoleSession(app, 'a3', ['/phananh', 'BG-BOHA', '6', 'Bảng niêm yết thủ tục bị mờ, không đọc được.']);
    const photo = await app.conversation.handle({ channel: 'console', userId: 'a3', attachments: [{ kind: 'photo', ref: 'AgAD-photo' }] });
    expect(photo[0].text).toContain('Đã nhận 1 ảnh/tệp đính kèm');
    await app.conversation.handle({ channel: 'console', userId: 'a3', payload: 'cpi:skip' });
    await app.conversation.handle({ channel: 'console', userId: 'a3', payload: 'cpi:anon:0' });
    const complaint = await app.db.complaint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(complaint).toMatchObject({ communeId: w.boHa.id, category: 'other', anonymous: false });
    expect(JSON.parse(complaint.attachments)).toEqual([{ kind: 'photo', ref: 'AgAD-photo' }]);
  });
});

describe('denunciations and legal complaints', () => {
  it('recognises the words with and without diacritics', () => {
    for (const text of ['Tôi muốn tố cáo cán bộ địa chính', 'toi muon to cao', 'KHIẾU NẠI quyết định thu hồi đất', 'don khieu nai', 'TỐ CÁO']) {
      expect(mentionsDenunciation(text)).toBe(true);
    }
    for (const text of ['Cán bộ thái độ không tốt', 'tôi cao 1m70', 'nai lưng làm việc']) expect(mentionsDenunciation(text)).toBe(false);
  });

  it('points them to the citizen reception office instead of filing', async () => {
    const before = await count();
    const arg = await consoleSession(w.app, 'b1', ['/phananh tố cáo chủ tịch xã nhận hối lộ']);
    expect(arg).toContain('khiếu nại hoặc tố cáo');
    expect(arg).toContain('Ban tiếp công dân');
    const typed = await consoleSession(w.app, 'b2', ['/phananh', 'Tân Tiến', '1', 'Tôi muốn khieu nai quyết định xử phạt']);
    expect(typed).toContain('Ban tiếp công dân');
    expect(typed).toContain('Địa chỉ: Xã Tân Tiến, Trụ sở UBND xã Tân Tiến');
    expect(typed).toContain('Điện thoại: 0204 3850 001');
    expect(await count()).toBe(before);
    expect(await w.app.db.dialogueState.count({ where: { userId: 'b2' } })).toBe(0);
  });
});

describe('the daily limit', () => {
  it('allows COMPLAINTS_PER_DAY complaints a day, with a clear message after, and more the next day', async () => {
    const { app, clock } = w;
    await citizen(app, 'lim');
    for (let i = 1; i <= 3; i++) await fileByConsole(app, 'lim', { commune: 'Tân Tiến', text: `Phản ánh số ${i}.`, anonymous: true });
    const before = await count();
    const out = await session(app, 'lim', ['/phananh']);
    expect(out).toContain('Hôm nay anh/chị đã gửi 3 phản ánh, là mức tối đa trong một ngày');
    expect(await count()).toBe(before);
    clock.advance(DAY);
    const next = await fileByConsole(app, 'lim', { commune: 'Tân Tiến', text: 'Phản ánh ngày hôm sau.', anonymous: true });
    expect(next.out).toContain('Mã phản ánh');
  });
});

describe('filing from a dossier (after a poor rating)', () => {
  it('prefills the commune and the dossier code', async () => {
    const { app } = w;
    const procedure = await app.db.procedure.findFirstOrThrow();
    const now = app.clock.now();
    await app.db.dossier.create({
      data: {
        code: 'TT-2611-0042',
        communeId: w.tanTien.id,
        procedureId: procedure.id,
        receivedAt: now,
        dueAt: now,
        ratingTokenHash: 'h1',
        shortCodeHash: 'h2',
        tokenExpiresAt: now,
      },
    });
    const start = await app.conversation.handle({ channel: 'console', userId: 'd1', payload: 'cp:d:TT-2611-0042' });
    expect(start[0].text).toContain('Phản ánh về Xã Tân Tiến. Anh/chị phản ánh về vấn đề gì?');
    const out = await consoleSession(app, 'd1', ['Chậm trễ', 'Hẹn 3 ngày nhưng 10 ngày chưa có kết quả.', '1', '2']);
    expect(out).toContain('Mã phản ánh');
    const complaint = await app.db.complaint.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(complaint).toMatchObject({ communeId: w.tanTien.id, category: 'delay', dossierCode: 'TT-2611-0042', anonymous: false });

    const unknown = await app.conversation.handle({ channel: 'console', userId: 'd2', payload: 'cp:d:KHONG-CO' });
    expect(unknown[0].text).toContain('Không tìm thấy hồ sơ mã "KHONG-CO"');
    expect(unknown[1].text).toContain('UBND xã, phường nào');
  });
});

describe('looking up codes', () => {
  it('refuses unknown codes and other people’s complaints alike, revealing nothing', async () => {
    const { app } = w;
    const mine = await fileByConsole(app, 'owner', { commune: 'Tân Tiến', text: 'Bàn tiếp dân bẩn.', anonymous: false });
    const out = await consoleSession(app, 'nosy', [`/tracuu ${mine.code}`, '/tracuu PA-2611-ZZZZZ', '/tracuu abc']);
    expect(out).toContain(`Không tìm thấy phản ánh mã "${mine.code}" trong số phản ánh anh/chị được xem`);
    expect(out).toContain('Không tìm thấy phản ánh mã "PA-2611-ZZZZZ"');
    expect(out).toContain('Không tìm thấy phản ánh mã "abc"');
    expect(out).not.toContain('Bàn tiếp dân bẩn');
    const own = await session(app, 'owner', ['/tracuu']);
    expect(own).toContain('Các phản ánh anh/chị đã gửi');
    expect(own).toContain(mine.code);
    expect(await session(app, 'nosy', ['/tracuu'])).toContain('Anh/chị chưa gửi phản ánh nào');
  });
});
