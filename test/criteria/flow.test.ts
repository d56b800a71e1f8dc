// Progress reporting and the managers' commands, driven through the console channel as people
// would use them: bad scores, someone else's criterion and a citizen's /tiendo are refused
// clearly and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';
import { criteriaReminderJob } from '../../src/criteria/jobs.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { makeProvince, outbox, report, textOf, type Province } from './fixture.js';

let p: Province;
beforeEach(async () => {
  p = await makeProvince(vnInstant('2026-11-10', '09:00'));
});
afterEach(async () => {
  await p.app.close();
});

const say = (user: string, lines: string[]) => consoleSession(p.app, user, lines);
const reports = () => p.app.db.progressReport.findMany({ orderBy: { id: 'asc' } });
const dialogue = (user: string) => p.app.db.dialogueState.findUnique({ where: { channel_userId: { channel: 'console', userId: user } } });

describe('reporting progress', () => {
  it('walks criterion → status → score → evidence → note, re-asking on bad input', async () => {
    const first = await say('off-BG-A-1', ['/capnhat', '1', '3', 'abc', '-1', '21']);
    expect(first).toContain('Chọn tiêu chí cần báo cáo tháng 11/2026');
    expect(first).toContain('[1] TC1 · ');
    expect(first).toContain('[2] TC2 · Cải cách hành chính');
    expect(first).toContain('Tình trạng thực hiện tiêu chí?');
    expect(first).toContain('Điểm tự chấm của tiêu chí (từ 0 đến 20');
    expect(first).toContain('"abc" không phải điểm hợp lệ. Vui lòng nhập một số từ 0 đến 20');
    expect(first).toContain('"-1" không phải điểm hợp lệ.');
    expect(first).toContain('"21" không phải điểm hợp lệ.');
    expect(await reports()).toHaveLength(0);
    expect((await dialogue('off-BG-A-1'))?.step).toBe('score');

    // The dialogue is kept in the database: a later session goes on where this one stopped.
    const second = await say('off-BG-A-1', ['12,5', 'xem trong sổ', 'https://xa.gov.vn/muc-luc.pdf', '1', 'Đã họp triển khai']);
    expect(second).toContain('Gửi minh chứng "Danh mục tài liệu minh chứng (PDF)"');
    expect(second).toContain('Chưa nhận được minh chứng.');
    expect(second).toContain('Đã nhận minh chứng thứ 1.');
    expect(second).toContain('Gửi minh chứng "Tài liệu minh chứng (PDF)"');
    expect(second).toContain(
      'Đã ghi nhận báo cáo tháng 11/2026 cho tiêu chí TC1: Đã hoàn thành, tự chấm 12,5/20 điểm, 1 minh chứng.',
    );
    expect(second).toContain('Anh/chị còn 1 tiêu chí chưa báo cáo tháng này:');
    expect(second).toContain('[1] Báo cáo TC2');

    const [saved] = await reports();
    expect(saved).toMatchObject({
      communeId: p.communeId['BG-A'],
      criterionId: p.criterionId.TC1,
      month: '2026-11',
      status: 'done',
      selfScore: 12.5,
      note: 'Đã họp triển khai',
      accountId: p.official('BG-A', 1).id,
    });
    expect(JSON.parse(saved.evidence!)).toEqual([{ kind: 'link', ref: 'https://xa.gov.vn/muc-luc.pdf', doc: 0 }]);
    expect(await dialogue('off-BG-A-1')).toBeNull();
  });

  it('takes a file as evidence, skips the note, and asks for a number again after an old button', async () => {
    const user = 'off-BG-A-2';
    const send = (m: { text?: string; payload?: string; attachments?: { kind: 'file'; ref: string; name: string }[] }) =>
      p.app.conversation.handle({ channel: 'console', userId: user, ...m });
    await send({ text: '/capnhat TC4' });
    await send({ payload: 'crs:in_progress' });
    const stale = await send({ payload: 'crs:done' });
    expect(stale[0].text).toContain('Chưa nhận được điểm.');
    await send({ text: '10' });
    await send({ attachments: [{ kind: 'file', ref: 'file-123', name: 'danh-muc.pdf' }] });
    await send({ attachments: [{ kind: 'file', ref: 'file-456', name: 'minh-chung.pdf' }] });
    const done = await send({ payload: 'crx:skip' });
    expect(done[0].text).toContain('tiêu chí TC4: Đang thực hiện, tự chấm 10/15 điểm, 2 minh chứng.');
    const [saved] = await reports();
    expect(saved.note).toBeNull();
    expect(JSON.parse(saved.evidence!)).toEqual([
      { kind: 'file', ref: 'file-123', name: 'danh-muc.pdf', doc: 0 },
      { kind: 'file', ref: 'file-456', name: 'minh-chung.pdf', doc: 1 },
    ]);
    // Both documents are now covered: the next report asks only for extra evidence.
    await send({ text: '/capnhat TC4' });
    await send({ payload: 'crs:done' });
    const ask = await send({ text: '15' });
    expect(ask[0].text).toContain('Gửi thêm minh chứng');
  });

  it("refuses someone else's criterion and changes nothing", async () => {
    const typed = await say('off-BG-A-1', ['/capnhat TC5']);
    expect(typed).toContain('Tiêu chí này do cán bộ khác phụ trách');
    expect(typed).toContain('Không có gì thay đổi.');
    // A button for another official's criterion (an old reminder, or a forged payload).
    const pressed = await p.app.conversation.handle({
      channel: 'console',
      userId: 'off-BG-B-1',
      payload: `crr:${p.communeId['BG-A']}:${p.criterionId.TC1}`,
    });
    expect(pressed[0].text).toContain('Tiêu chí này do cán bộ khác phụ trách');
    expect(await dialogue('off-BG-A-1')).toBeNull();
    expect(await dialogue('off-BG-B-1')).toBeNull();
    expect(await reports()).toHaveLength(0);
  });

  it("starts from the reminder's buttons", async () => {
    await criteriaReminderJob.run(p.app, vnInstant('2026-11-01', '08:00'));
    // The console prints the pending reminder after the first reply; its buttons are then live.
    const out = await say('off-BG-A-1', ['/toi', '2', '2']);
    expect(out).toContain('🔔 Nhắc việc tháng 11/2026');
    expect(out).toContain('[2] Báo cáo TC2');
    expect(out).toContain('TC2 · Cải cách hành chính (25 điểm)\nBáo cáo tháng 11/2026.');
    expect(out).toContain('Điểm tự chấm của tiêu chí (từ 0 đến 25');
    expect((await dialogue('off-BG-A-1'))?.step).toBe('score');
  });
});

describe('who may see progress', () => {
  it('refuses /tiendo to a citizen, politely and without side effects', async () => {
    const out = await say('citizen', ['/tiendo', '/tiendo BG-A', '/xephang', '/baocao', '/capnhat']);
    expect(out.match(/Xin lỗi, lệnh này chỉ dành cho/g)).toHaveLength(5);
    expect(out).not.toContain('Xã Thử A');
    expect(await dialogue('citizen')).toBeNull();
  });

  it("lets an official see their own commune only", async () => {
    await report(p, 'BG-A', 'TC1', '2026-11', 'done', 18);
    const out = await say('off-BG-A-3', ['/tiendo', '/tiendo BG-B', '/tiendo BG-ZZ']);
    expect(out).toContain('Tiến độ bộ tiêu chí: Xã Thử A, tháng 11/2026');
    expect(out).toContain('Đã hoàn thành · tự chấm 18/20 điểm (báo cáo tháng 11/2026)');
    expect(out).toContain('Tổng điểm tự chấm: 18/100 → chưa đạt mức sao');
    expect(out).toContain('• Cán bộ BG-A số 1: TC2');
    expect(out).toContain('Xã BG-B không thuộc phạm vi anh/chị được xem.');
    expect(out).toContain('Không tìm thấy xã có mã BG-ZZ.');
  });

  it('ranks the communes in scope with recognition against the target', async () => {
    for (const [code, score] of [['TC1', 20], ['TC2', 25], ['TC3', 20], ['TC4', 15], ['TC5', 16]] as const) {
      await report(p, 'BG-A', code, '2026-11', 'done', score); // 96 → 4★
    }
    for (const [code, score] of [['TC1', 17], ['TC2', 20], ['TC3', 16], ['TC4', 12], ['TC5', 16]] as const) {
      await report(p, 'BG-C', code, '2026-10', 'done', score); // 81 → 1★, last month's reports
    }
    const out = await say('mgr-province', ['/xephang']);
    expect(out).toContain('Xếp hạng 4 xã theo điểm tự chấm, tháng 11/2026');
    expect(out).toContain('2/4 xã (50%) đạt chuẩn công nhận, mục tiêu 100%.');
    expect(out).toContain('Phân bố: 4★: 1 · 3★: 0 · 2★: 0 · 1★: 1 · chưa đạt mức sao: 2');
    expect(out).toMatch(/1\. Xã Thử A: 96\/100 · 4★ · báo cáo 5\/5 ✓\n2\. Xã Thử C: 81\/100 · 1★ · báo cáo 0\/5 ✓\n3\. Xã Thử B/);
    // A commune manager sees only their commune.
    const one = await say('mgr-BG-C', ['/xephang', '/tiendo BG-A']);
    expect(one).toContain('Xếp hạng 1 xã');
    expect(one).toContain('Xã BG-A không thuộc phạm vi');
  });

  it('lets a province manager pick a commune for /tiendo', async () => {
    const out = await say('mgr-province', ['/tiendo', '2']);
    expect(out).toContain('Chọn xã:');
    expect(out).toContain('[2] Xã Thử B');
    expect(out).toContain('Tiến độ bộ tiêu chí: Xã Thử B, tháng 11/2026');
  });
});

describe('/phancong', () => {
  it('reassigns a criterion to an official of the commune and tells both', async () => {
    const out = await say('mgr-BG-A', ['/phancong', '5', '1']);
    expect(out).toContain('[5] TC5: Cán bộ BG-A số 3');
    expect(out).toContain('Chọn cán bộ phụ trách:');
    expect(out).toContain('[3] Cán bộ BG-A số 3 ✓');
    expect(out).toContain('Đã giao tiêu chí TC5 cho Cán bộ BG-A số 1.');
    expect(out).toContain('[5] TC5: Cán bộ BG-A số 1');
    const a = await p.app.db.assignment.findUnique({
      where: { communeId_criterionId: { communeId: p.communeId['BG-A'], criterionId: p.criterionId.TC5 } },
    });
    expect(a?.accountId).toBe(p.official('BG-A', 1).id);
    const pushes = await p.app.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(pushes.map((r) => r.accountId)).toEqual([p.official('BG-A', 1).id, p.official('BG-A', 3).id]);
    expect(textOf(pushes[0])).toContain('Anh/chị được giao phụ trách tiêu chí TC5');
    expect(textOf(pushes[1])).toContain('đã được giao cho cán bộ khác');
    expect(await p.app.db.auditLog.count({ where: { action: 'criteria.assign' } })).toBe(1);
  });

  it('refuses buttons for another commune or a person who is not its official', async () => {
    const other = await p.app.conversation.handle({
      channel: 'console',
      userId: 'mgr-BG-A',
      payload: `cro:${p.communeId['BG-B']}:${p.criterionId.TC1}:${p.official('BG-B', 2).id}`,
    });
    expect(other[0].text).toContain('không thuộc phạm vi');
    const outsider = await p.app.conversation.handle({
      channel: 'console',
      userId: 'mgr-BG-A',
      payload: `cro:${p.communeId['BG-A']}:${p.criterionId.TC1}:${p.official('BG-B', 2).id}`,
    });
    expect(outsider[0].text).toContain('không phải cán bộ của xã');
    const official = await say('off-BG-A-1', ['/phancong']);
    expect(official).toContain('Xin lỗi, lệnh này chỉ dành cho');
    expect(await outbox(p, '')).toHaveLength(0);
    expect(await p.app.db.assignment.count({ where: { accountId: p.official('BG-A', 1).id } })).toBe(2);
  });
});
