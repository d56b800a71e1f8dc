// The whole life of a complaint through the console channel, several people on one app:
// filed → routed → acknowledged → question and reply → answered → resolved → rated →
// published on /congkhai (over real HTTP), with the reporter's identity kept from officials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.js';
import { publicPages } from '../../src/public/page.js';
import { yearRange } from '../../src/shared/periods.js';
import { complaintFigures } from '../../src/complaints/figures.js';
import { consoleSession } from '../support/console.js';
import { accountOf, citizen, fileByConsole, makeWorld, staffOf, pushesTo, session, type Staff, type World } from './support.js';

const DAY = 86_400_000;
const ORIGINAL = 'Cán bộ một cửa đòi thêm 200.000 đồng mới nhận hồ sơ, số máy tôi 0912345678';
const RESOLUTION = 'Đã kiểm điểm cán bộ, nhận hồ sơ đúng quy định và không thu thêm khoản nào.';

let w: World;
let logs = '';
let server: FastifyInstance;
let base: string;
let staff: Staff;
let code: string;

beforeAll(async () => {
  w = await makeWorld({ LOG_LEVEL: 'info' }, undefined, { write: (s: string) => (logs += s) });
  staff = await staffOf(w);
  const { app } = w;
  await citizen(app, 'dan1', 'Nguyễn Văn An');
  await citizen(app, 'dan2', 'Trần Thị Bình');
  server = await buildServer(app, [publicPages]);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await server?.close();
  await w?.app.close();
});

describe('a named complaint from filing to publication', () => {
  it('gives a ticket at once and routes it to the commune’s officials and managers', async () => {
    const { app, tanTien } = w;
    const filed = await fileByConsole(app, 'dan1', { commune: 'Tân Tiến', text: ORIGINAL, anonymous: false, category: 4 });
    code = filed.code;
    expect(filed.out).toContain(`Mã phản ánh: ${code}`);
    expect(filed.out).toContain('Hạn giải quyết: 23/11/2026 (15 ngày làm việc)');
    expect(filed.out).toContain('Gửi kèm tên: cán bộ tiếp nhận và lãnh đạo phụ trách Xã Tân Tiến thấy tên anh/chị (Nguyễn Văn An)');

    const complaint = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint).toMatchObject({ communeId: tanTien.id, category: 'procedure', status: 'new', anonymous: false, text: ORIGINAL });
    // Monday 2/11 + 15 working days = Monday 23/11, 17:00 in Vietnam; forwarding within 5 = 9/11.
    expect(complaint.dueAt.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(complaint.forwardDueAt?.toISOString()).toBe('2026-11-09T10:00:00.000Z');

    for (const who of [staff.offTT, staff.offTT2, staff.mgrTT, staff.mgrProv]) {
      const pushes = await pushesTo(app, who.id);
      expect(pushes).toHaveLength(1);
      expect(pushes[0].text).toContain(`Phản ánh mới ${code} về Xã Tân Tiến`);
      expect(pushes[0].buttons?.[0][0].payload).toBe(`cp:v:${code}`);
      // The notice itself carries neither the text nor the reporter.
      expect(pushes[0].text).not.toContain('200.000');
      expect(pushes[0].text).not.toContain('Nguyễn Văn An');
    }
    expect(await pushesTo(app, staff.offYT.id)).toHaveLength(0);
    expect(await pushesTo(app, staff.mgrYT.id)).toHaveLength(0);
  });

  it('shows handlers of the commune the named reporter; an official elsewhere is refused', async () => {
    const out = await consoleSession(w.app, 'off-tt', [`/xuly ${code.toLowerCase()}`]);
    expect(out).toContain(`Phản ánh ${code}`);
    expect(out).toContain('Người phản ánh: Nguyễn Văn An');
    expect(out).toContain(ORIGINAL);
    expect(out).toContain('Tiếp nhận xử lý');

    const other = await consoleSession(w.app, 'off-yt', [`/xuly ${code}`]);
    expect(other).toContain('không thuộc xã, phường anh/chị phụ trách');
    expect(other).not.toContain(ORIGINAL);
    expect(other).not.toContain('Nguyễn Văn An');
  });

  it('acknowledge, ask, reply, answer, resolve — each an event, each told to the citizen', async () => {
    const { app, clock } = w;
    const dan1 = await accountOf(app, 'dan1');

    let out = await session(app, 'off-tt', [`/xuly ${code}`, '1']);
    expect(out).toContain(`Đã ghi nhận anh/chị tiếp nhận xử lý phản ánh ${code}`);
    let complaint = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint).toMatchObject({ status: 'acknowledged', assigneeId: staff.offTT.id });
    expect((await pushesTo(app, dan1.id)).at(-1)?.text).toContain(`Phản ánh ${code} của anh/chị đã được cán bộ tiếp nhận`);

    // After acknowledging, the buttons are: question, answer, resolve, forward, reject.
    out = await session(app, 'off-tt', [`/xuly ${code}`, '1', 'Anh/chị nộp hồ sơ vào buổi nào?']);
    expect(out).toContain(`Câu hỏi về phản ánh ${code} đang được gửi cho người phản ánh`);
    const question = (await pushesTo(app, dan1.id)).at(-1)!;
    expect(question.text).toContain('Anh/chị nộp hồ sơ vào buổi nào?');
    expect(question.buttons?.[0][0].payload).toBe(`cp:c:${code}`);

    // The citizen's next message is the answer.
    out = await consoleSession(app, 'dan1', ['Sáng thứ Hai, khoảng 9 giờ']);
    expect(out).toContain(`Đã gửi câu trả lời của anh/chị cho cán bộ xử lý phản ánh ${code}`);
    complaint = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint.status).toBe('acknowledged');
    expect((await pushesTo(app, staff.offTT.id)).at(-1)?.text).toContain(`Người phản ánh đã trả lời câu hỏi về phản ánh ${code}`);
    expect(await pushesTo(app, staff.offTT2.id)).toHaveLength(1); // only the assignee hears of the reply

    out = await session(app, 'off-tt', [`/xuly ${code}`, '2', 'Chúng tôi đang xác minh với bộ phận một cửa.']);
    expect(out).toContain(`Câu trả lời về phản ánh ${code} đang được gửi cho người phản ánh`);
    expect((await pushesTo(app, dan1.id)).at(-1)?.text).toContain('Chúng tôi đang xác minh với bộ phận một cửa.');

    clock.advance(3 * DAY); // Thursday
    out = await session(app, 'off-tt', [`/xuly ${code}`, '3', RESOLUTION]);
    expect(out).toContain(`Đã đánh dấu phản ánh ${code} là giải quyết xong`);
    complaint = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint).toMatchObject({ status: 'resolved', resolution: RESOLUTION });
    const resolved = (await pushesTo(app, dan1.id)).at(-1)!;
    expect(resolved.text).toContain(`Phản ánh ${code} đã được giải quyết xong`);
    expect(resolved.text).toContain(RESOLUTION);
    expect(resolved.buttons?.flat().map((b) => b.payload)).toEqual([`cp:s:${code}:1`, `cp:s:${code}:0`, `cp:o:${code}`]);

    const events = await app.db.complaintEvent.findMany({ where: { complaintId: complaint.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([
      ['filed', dan1.id],
      ['acknowledged', staff.offTT.id],
      ['question', staff.offTT.id],
      ['citizen_reply', dan1.id],
      ['answered', staff.offTT.id],
      ['resolved', staff.offTT.id],
    ]);
  });

  it('lets the reporter follow it with /tracuu and say it satisfied them', async () => {
    const out = await session(w.app, 'dan1', [`/tracuu ${code}`, '1']);
    expect(out).toContain('Tình trạng: Đã giải quyết xong');
    expect(out).toContain(`Kết quả giải quyết: ${RESOLUTION}`);
    expect(out).toContain('Người phản ánh trả lời: Sáng thứ Hai, khoảng 9 giờ');
    expect(out).toContain('Cảm ơn anh/chị đã cho biết ý kiến');
    const complaint = await w.app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint.citizenSatisfied).toBe(true);
  });

  it('publishes it on the public page without the reporter or the original text', async () => {
    const response = await fetch(`${base}/congkhai`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(RESOLUTION);
    expect(html).toContain(code);
    expect(html).toContain('Giấy tờ, thủ tục rườm rà');
    expect(html).toContain('Gửi 02/11/2026 · Giải quyết 05/11/2026 · 3 ngày làm việc');
    for (const secret of ['Nguyễn Văn An', '200.000', '0912345678', 'Sáng thứ Hai']) expect(html).not.toContain(secret);
    // Tân Tiến in the overview's table: 1 complaint received, 1 resolved.
    expect(html).toMatch(/<a href="\/congkhai\/BG-TANTIEN">Xã Tân Tiến<\/a><\/th><td>[^<]*<\/td><td>[^<]*<\/td><td>1\/1<\/td>/);

    const commune = await (await fetch(`${base}/congkhai/BG-TANTIEN`)).text();
    expect(commune).toContain('<h1>Xã Tân Tiến: kết quả phục vụ người dân</h1>');
    expect(commune).toContain(RESOLUTION);
    // Its figures: 1 received, 1 resolved, 100% on time, 3 working days.
    expect(commune).toMatch(/Tiếp nhận<\/dt><dd>1<\/dd>.*Đã giải quyết<\/dt><dd>1<\/dd>.*Đúng hạn<\/dt><dd>100%<\/dd>.*<dd>3<\/dd>/s);
    for (const secret of ['Nguyễn Văn An', '200.000', '0912345678', 'Sáng thứ Hai']) expect(commune).not.toContain(secret);
    const empty = await (await fetch(`${base}/congkhai/bg-yenthe`)).text();
    expect(empty).toContain('Chưa có phản ánh nào được giải quyết trong năm 2026');
    expect(empty).not.toContain(RESOLUTION);

    expect((await fetch(`${base}/congkhai/KHONG-CO`)).status).toBe(404);
    expect((await fetch(`${base}/congkhai?nam=abc`)).status).toBe(400);
    expect(await (await fetch(`${base}/congkhai?nam=2025`)).text()).toContain('Chưa có phản ánh nào được giải quyết trong năm 2025');
  });

  it('shows the same on /congkhai in the chat', async () => {
    const out = await consoleSession(w.app, 'someone', ['/congkhai', '/congkhai tan tien']);
    expect(out).toContain('Xã Tân Tiến: tiếp nhận 1, đã giải quyết 1, đúng hạn 100%, trung bình 3 ngày làm việc.');
    expect(out).toContain(`${code} · Giấy tờ, thủ tục rườm rà · gửi 02/11/2026, giải quyết 05/11/2026 (3 ngày làm việc): ${RESOLUTION}`);
    expect(out).not.toContain('Nguyễn Văn An');
    expect(out).not.toContain('200.000');
  });
});

describe('an anonymous complaint', () => {
  let anon: string;

  it('never shows the reporter to officials or managers, yet the question still reaches them', async () => {
    const { app } = w;
    const filed = await fileByConsole(app, 'dan2', { commune: 'BG-TANTIEN', text: 'Phòng chờ không có ghế, phải đứng hai tiếng.', anonymous: true, category: 5 });
    anon = filed.code;
    expect(filed.out).toContain('Gửi ẩn danh: cán bộ và lãnh đạo xã KHÔNG bao giờ biết ai gửi');
    expect(filed.out).toContain('cán bộ xã không thấy anh/chị là ai');
    const dan2 = await accountOf(app, 'dan2');

    for (const who of ['off-tt', 'mgr-tt', 'mgr-bg']) {
      const out = await consoleSession(app, who, [`/xuly ${anon}`, `/tracuu ${anon}`]);
      expect(out).toContain('Người phản ánh: ẩn danh');
      expect(out).not.toContain('Trần Thị Bình');
      expect(out).not.toContain(`tài khoản số ${dan2.id}`);
    }
    await session(app, 'off-tt2', [`/xuly ${anon}`, '2', 'Anh/chị chờ vào ngày nào?']);
    const out = await session(app, 'dan2', [`/tracuu ${anon}`, '1', 'Thứ Hai vừa rồi']);
    expect(out).toContain('Đã gửi câu trả lời');
    const card = await session(app, 'off-tt2', [`/xuly ${anon}`]);
    expect(card).toContain('Người phản ánh trả lời: Thứ Hai vừa rồi');
    expect(card).not.toContain('Trần Thị Bình');
  });

  it('lists open complaints of the official’s commune with deadlines', async () => {
    const out = await consoleSession(w.app, 'off-tt', ['/phananh_ds']);
    expect(out).toContain('Phản ánh đang mở (1)');
    expect(out).toContain(`${anon} · Cơ sở vật chất nơi tiếp dân · Cán bộ đã tiếp nhận, đang xử lý · hạn`);
    expect(out).not.toContain(code); // resolved, so no longer open
    const elsewhere = await consoleSession(w.app, 'off-yt', ['/phananh_ds']);
    expect(elsewhere).toContain('Không có phản ánh nào đang mở');
  });
});

describe('figures and logs', () => {
  it('complaintFigures counts per commune, with no value when nothing was resolved', async () => {
    const { from, to } = yearRange(2026);
    const figures = await complaintFigures(w.app.db, [w.tanTien.id, w.yenThe.id], from, to);
    const byCode = Object.fromEntries(figures.map((f) => [f.communeCode, f]));
    expect(byCode['BG-TANTIEN']).toMatchObject({ received: 2, resolved: 1, resolvedOnTime: 1, onTimePercent: 100, averageWorkingDays: 3 });
    expect(byCode['BG-YENTHE']).toMatchObject({ received: 0, resolved: 0, onTimePercent: null, averageWorkingDays: null });
    const before = await complaintFigures(w.app.db, [w.tanTien.id], yearRange(2025).from, yearRange(2025).to);
    expect(before[0]).toMatchObject({ received: 0, resolved: 0 });
  });

  it('logs ids and kinds, never complaint text, names or phone numbers', () => {
    expect(logs).toContain('complaint filed');
    for (const secret of ['0912345678', '200.000', 'Phòng chờ', 'Nguyễn Văn An', 'Trần Thị Bình', 'Thứ Hai vừa rồi', RESOLUTION]) {
      expect(logs).not.toContain(secret);
    }
  });
});
