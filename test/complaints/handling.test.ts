// Forwarding, rejecting and reopening, and the refusals around them: an official of another
// commune, a step the status no longer allows, a second reopening, a late one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Account } from '../../src/generated/prisma/client.js';
import { buildServer } from '../../src/http/server.js';
import { publicPages } from '../../src/public/page.js';
import { accountOf, citizen, fileByConsole, makeWorld, manager, official, pushesTo, session, type World } from './support.js';

const DAY = 86_400_000;

let w: World;
let offTT: Account;
let offYT: Account;
let mgrYT: Account;

beforeAll(async () => {
  w = await makeWorld();
  offTT = await official(w.app, 'off-tt', w.tanTien.id);
  offYT = await official(w.app, 'off-yt', w.yenThe.id);
  mgrYT = await manager(w.app, 'mgr-yt', { communeId: w.yenThe.id });
  await citizen(w.app, 'dan', 'Lê Văn Cường');
});

afterAll(async () => {
  await w?.app.close();
});

/** What a complaint looks like in the database, to prove a refusal changed nothing. */
async function snapshot(code: string) {
  const { db } = w.app;
  const complaint = await db.complaint.findUniqueOrThrow({ where: { code } });
  return {
    complaint,
    events: await db.complaintEvent.count({ where: { complaintId: complaint.id } }),
    outbox: await db.outboxMessage.count(),
  };
}

describe('forwarding to another commune', () => {
  it('moves the complaint with fresh deadlines, tells the new commune and the citizen', async () => {
    const { app } = w;
    const { code } = await fileByConsole(app, 'dan', { commune: 'Tân Tiến', text: 'Đường vào xã Yên Thế bị ngập, không đi làm thủ tục được.', anonymous: false });
    w.clock.advance(DAY); // Tuesday 3/11
    // Buttons of a new complaint: acknowledge, question, answer, resolve, forward, reject.
    const out = await session(app, 'off-tt', [`/xuly ${code}`, '5', 'yen the']);
    expect(out).toContain(`Chuyển phản ánh ${code} đến xã, phường nào?`);
    expect(out).not.toMatch(/\[\d\] Xã Tân Tiến/); // not offered its own commune
    expect(out).toContain(`Đã chuyển phản ánh ${code} đến Xã Yên Thế`);

    const moved = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(moved).toMatchObject({ communeId: w.yenThe.id, status: 'forwarded', assigneeId: null });
    // From Tuesday 3/11: 15 working days → 24/11, forwarding 5 → 10/11.
    expect(moved.dueAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(moved.forwardDueAt?.toISOString()).toBe('2026-11-10T10:00:00.000Z');
    const event = await app.db.complaintEvent.findFirstOrThrow({ where: { complaintId: moved.id, kind: 'forwarded' } });
    expect(event).toMatchObject({ actorId: offTT.id, note: 'Xã Tân Tiến → Xã Yên Thế' });

    for (const who of [offYT, mgrYT]) {
      const pushes = await pushesTo(app, who.id);
      expect(pushes.at(-1)?.text).toContain(`Phản ánh ${code} được chuyển đến Xã Yên Thế`);
    }
    const dan = await accountOf(app, 'dan');
    expect((await pushesTo(app, dan.id)).at(-1)?.text).toContain('đã được chuyển đến Xã Yên Thế. Hạn giải quyết mới: 24/11/2026');

    // The old commune lost it; the new one works it.
    expect(await session(app, 'off-tt', [`/xuly ${code}`])).toContain('không thuộc xã, phường anh/chị phụ trách');
    expect(await session(app, 'off-yt', [`/xuly ${code}`, '1'])).toContain(`Đã ghi nhận anh/chị tiếp nhận xử lý phản ánh ${code}`);
  });

  it('refuses an unknown commune and keeps asking', async () => {
    const { code } = await fileByConsole(w.app, 'dan', { commune: 'Tân Tiến', text: 'Thử chuyển đến một xã không có.', anonymous: true });
    const before = await snapshot(code);
    const out = await session(w.app, 'off-tt', [`/xuly ${code}`, '5', 'Xã Không Có Thật']);
    expect(out).toContain('Không tìm thấy xã, phường "Xã Không Có Thật"');
    expect(await snapshot(code)).toEqual(before);
    await session(w.app, 'off-tt', ['/huy']);
  });
});

describe('rejecting', () => {
  it('closes with a reason the citizen receives; further steps are refused', async () => {
    const { app } = w;
    const { code } = await fileByConsole(app, 'dan', { commune: 'Tân Tiến', text: 'Nội dung không liên quan đến xã.', anonymous: false });
    const out = await session(app, 'off-tt', [`/xuly ${code}`, '6', 'Nội dung thuộc thẩm quyền của Công an tỉnh; đề nghị liên hệ trực tiếp.']);
    expect(out).toContain(`Đã ghi nhận không xử lý phản ánh ${code}`);
    const dan = await accountOf(app, 'dan');
    const push = (await pushesTo(app, dan.id)).at(-1)!;
    expect(push.text).toContain(`Phản ánh ${code} không được xử lý. Lý do:`);
    expect(push.text).toContain('thuộc thẩm quyền của Công an tỉnh');

    const before = await snapshot(code);
    const late = await app.conversation.handle({ channel: 'console', userId: 'off-tt', payload: `cp:r:${code}` });
    expect(late[0].text).toContain('đang ở tình trạng "Không xử lý (có lý do)" nên không thể thực hiện thao tác này');
    expect(await snapshot(code)).toEqual(before);
    // Closed complaints offer no actions.
    expect(await session(app, 'off-tt', [`/xuly ${code}`])).not.toContain('Giải quyết xong (công khai');
  });
});

describe('an official of another commune', () => {
  it('can neither see nor act on the complaint; nothing changes', async () => {
    const { app } = w;
    const { code } = await fileByConsole(app, 'dan', { commune: 'Tân Tiến', text: 'Cán bộ đến muộn một tiếng.', anonymous: false });
    const before = await snapshot(code);
    for (const payload of [`cp:a:${code}`, `cp:r:${code}`, `cp:f:${code}`, `cp:v:${code}`]) {
      const replies = await app.conversation.handle({ channel: 'console', userId: 'off-yt', payload });
      expect(replies[0].text).toContain('không thuộc xã, phường anh/chị phụ trách');
    }
    expect(await session(app, 'off-yt', [`/tracuu ${code}`])).toContain(`Không tìm thấy phản ánh mã "${code}"`);
    expect(await snapshot(code)).toEqual(before);
    // A citizen cannot use the handlers' commands or buttons.
    expect(await session(app, 'dan', [`/xuly ${code}`])).toContain('chỉ dành cho');
    const replies = await app.conversation.handle({ channel: 'console', userId: 'dan', payload: `cp:r:${code}` });
    expect(replies[0].text).toContain(`Không tìm thấy phản ánh mã "${code}"`);
    expect(await snapshot(code)).toEqual(before);
  });
});

describe('reopening', () => {
  async function resolved(text: string): Promise<string> {
    const { code } = await fileByConsole(w.app, 'dan', { commune: 'Tân Tiến', text, anonymous: false });
    await session(w.app, 'off-tt', [`/xuly ${code}`, '4', 'Đã sửa xong mái che khu chờ.']);
    expect((await w.app.db.complaint.findUniqueOrThrow({ where: { code } })).status).toBe('resolved');
    return code;
  }

  it('is allowed once within 7 days, with fresh deadlines; a second time is refused', async () => {
    const { app, clock } = w;
    const code = await resolved('Mái che khu chờ bị dột.');
    clock.advance(2 * DAY);
    // The reporter's view of a resolved complaint: satisfied, not satisfied, reopen.
    let out = await session(app, 'dan', [`/tracuu ${code}`, '2', '1', 'Mái vẫn dột khi mưa to.']);
    expect(out).toContain('Nếu muốn, anh/chị có thể đề nghị xem xét lại');
    expect(out).toContain(`Đã gửi đề nghị xem xét lại phản ánh ${code}`);
    let complaint = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint).toMatchObject({ status: 'reopened', reopenCount: 1, resolvedAt: null, citizenSatisfied: null });
    // Reopened on Thursday 5/11: a fresh 15 working days → Thursday 26/11.
    expect(complaint.dueAt.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect((await pushesTo(app, offTT.id)).at(-1)?.text).toContain(`Người phản ánh đề nghị xem xét lại phản ánh ${code}`);
    const kinds = (await app.db.complaintEvent.findMany({ where: { complaintId: complaint.id }, orderBy: { id: 'asc' } })).map((e) => e.kind);
    expect(kinds.slice(-3)).toEqual(['resolved', 'unsatisfied', 'reopened']);

    // Handled again (the officer takes it up, then resolves it).
    out = await session(app, 'off-tt', [`/xuly ${code}`, '1', `/xuly ${code}`, '3', 'Đã thay mái mới.']);
    expect(out).toContain(`Đã đánh dấu phản ánh ${code} là giải quyết xong`);
    out = await session(app, 'dan', [`/tracuu ${code}`]);
    expect(out).not.toContain('Đề nghị xem xét lại');
    const before = await snapshot(code);
    const again = await app.conversation.handle({ channel: 'console', userId: 'dan', payload: `cp:o:${code}` });
    expect(again[0].text).toContain('đã được xem xét lại một lần');
    expect(await snapshot(code)).toEqual(before);
    complaint = await app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint.status).toBe('resolved');
  });

  it('is refused after 7 days, and to anyone but the reporter', async () => {
    const { app, clock } = w;
    const code = await resolved('Nhà vệ sinh khu một cửa bị khóa.');
    const stranger = await app.conversation.handle({ channel: 'console', userId: 'nguoi-khac', payload: `cp:o:${code}` });
    expect(stranger[0].text).toContain(`Không tìm thấy phản ánh mã "${code}"`);
    clock.advance(8 * DAY);
    const before = await snapshot(code);
    const late = await app.conversation.handle({ channel: 'console', userId: 'dan', payload: `cp:o:${code}` });
    expect(late[0].text).toContain('Đã quá 7 ngày');
    expect(await snapshot(code)).toEqual(before);
  });
});

describe('the public page', () => {
  let server: FastifyInstance;
  afterAll(async () => server?.close());

  it('escapes what officials typed', async () => {
    const { app } = w;
    const { code } = await fileByConsole(app, 'dan', { commune: 'Tân Tiến', text: 'Kiểm tra ký tự đặc biệt.', anonymous: true });
    await session(app, 'off-tt', [`/xuly ${code}`, '4', '<script>alert("x")</script> & <b>xong</b>']);
    server = await buildServer(app, [publicPages]);
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const html = await (await fetch(`http://127.0.0.1:${port}/congkhai/BG-TANTIEN`)).text();
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;xong&lt;/b&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('Kiểm tra ký tự đặc biệt');
  });
});
