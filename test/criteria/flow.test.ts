// Progress reporting and the managers' commands, driven through the console channel as people
// would use them: bad scores, someone else's criterion and a citizen's /tiendo are refused
// clearly and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';
import { criteriaReminderJob } from '../../src/criteria/jobs.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { makeProvince, outbox, report, type Province } from './fixture.js';
import type { Reply } from '../../src/conversation/types.js';
import { buttonIn, buttonsIn, expectSaid, idsOf, person, said } from '../support/conversation.js';

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
    const off = person(p.app, 'off-BG-A-1');
    said(p.app).take();
    await off.say('/capnhat');
    expectSaid(said(p.app).take(), 'criteria-report-choose', { month: '11/2026' });
    // Each of the official's criteria is a button; the other officials' are not.
    expect(buttonsIn(off.last).map((b) => b.payload)).toEqual([
      `crr:${p.communeId['BG-A']}:${p.criterionId.TC1}`,
      `crr:${p.communeId['BG-A']}:${p.criterionId.TC2}`,
    ]);
    await off.press(`crr:${p.communeId['BG-A']}:${p.criterionId.TC1}`);
    expect(idsOf(said(p.app).take())).toContain('criteria-ask-status');
    await off.press('crs:done');
    expectSaid(said(p.app).take(), 'criteria-ask-score', { max: 20 });
    for (const typed of ['abc', '-1', '21']) {
      await off.say(typed);
      expectSaid(said(p.app).take(), 'criteria-score-invalid', { max: 20 });
    }
    expect(await reports()).toHaveLength(0);
    expect((await dialogue('off-BG-A-1'))?.step).toBe('score');

    // The dialogue is kept in the database: a later session goes on where this one stopped.
    const again = person(p.app, 'off-BG-A-1');
    await again.say('12,5');
    expectSaid(said(p.app).take(), 'criteria-ask-evidence-doc', { doc: 'Danh mục tài liệu minh chứng (PDF)' });
    await again.say('xem trong sổ');
    expect(idsOf(said(p.app).take())).toContain('criteria-evidence-invalid');
    await again.say('https://xa.gov.vn/muc-luc.pdf');
    const told = said(p.app).take();
    expectSaid(told, 'criteria-evidence-received', { count: 1 });
    expectSaid(told, 'criteria-ask-evidence-doc', { doc: 'Tài liệu minh chứng (PDF)' });
    await again.press('crx:skip');
    expect(idsOf(said(p.app).take())).toContain('criteria-ask-note');
    const [saved] = await again.say('Đã họp triển khai');
    const done = said(p.app).take();
    expectSaid(done, 'criteria-report-saved', { month: '11/2026', code: 'TC1', score: 12.5, max: 20, evidence: 1 });
    expectSaid(done, 'criteria-others-left', { count: 1 });
    expect(buttonsIn([saved]).map((b) => b.payload)).toEqual([`crr:${p.communeId['BG-A']}:${p.criterionId.TC2}`]);

    const [stored] = await reports();
    expect(stored).toMatchObject({
      communeId: p.communeId['BG-A'],
      criterionId: p.criterionId.TC1,
      month: '2026-11',
      status: 'done',
      selfScore: 12.5,
      note: 'Đã họp triển khai',
      accountId: p.official('BG-A', 1).id,
    });
    expect(JSON.parse(stored.evidence!)).toEqual([{ kind: 'link', ref: 'https://xa.gov.vn/muc-luc.pdf', doc: 0 }]);
    expect(await dialogue('off-BG-A-1')).toBeNull();
  });

  it("the report dialogue's wording: a score with a decimal comma, the document by name", async () => {
    const off = person(p.app, 'off-BG-A-1');
    await off.say('/capnhat TC1');
    await off.press('crs:done');
    const [invalid] = await off.say('abc');
    expect(invalid.text).toContain('"abc" không phải điểm hợp lệ. Vui lòng nhập một số từ 0 đến 20');
    const [evidence] = await off.say('12,5');
    expect(evidence.text).toContain('Gửi minh chứng "Danh mục tài liệu minh chứng (PDF)"');
    await off.press('crx:skip');
    const [saved] = await off.press('crx:skip');
    expect(saved.text).toContain('tiêu chí TC1: Đã hoàn thành, tự chấm 12,5/20 điểm, 0 minh chứng.');
  });

  it('takes a file as evidence, skips the note, and asks for a number again after an old button', async () => {
    const off = person(p.app, 'off-BG-A-2');
    await off.say('/capnhat TC4');
    await off.press('crs:in_progress');
    said(p.app).take();
    await off.send({ payload: 'crs:done' });
    expectSaid(said(p.app).take(), 'criteria-score-invalid', { max: 15 });
    await off.say('10');
    await off.send({ attachments: [{ kind: 'file', ref: 'file-123', name: 'danh-muc.pdf' }] });
    await off.send({ attachments: [{ kind: 'file', ref: 'file-456', name: 'minh-chung.pdf' }] });
    said(p.app).take();
    await off.press('crx:skip');
    expectSaid(said(p.app).take(), 'criteria-report-saved', { code: 'TC4', score: 10, max: 15, evidence: 2 });
    const [saved] = await reports();
    expect(saved.note).toBeNull();
    expect(JSON.parse(saved.evidence!)).toEqual([
      { kind: 'file', ref: 'file-123', name: 'danh-muc.pdf', doc: 0 },
      { kind: 'file', ref: 'file-456', name: 'minh-chung.pdf', doc: 1 },
    ]);
    // Both documents are now covered: the next report asks only for extra evidence.
    await off.say('/capnhat TC4');
    await off.press('crs:done');
    said(p.app).take();
    await off.say('15');
    const asked = idsOf(said(p.app).take());
    expect(asked).toContain('criteria-ask-evidence');
    expect(asked).not.toContain('criteria-ask-evidence-doc');
  });

  it("refuses someone else's criterion and changes nothing", async () => {
    said(p.app).take();
    await person(p.app, 'off-BG-A-1').say('/capnhat TC5');
    expect(idsOf(said(p.app).take())).toEqual(['criteria-report-not-owner']);
    // A button for another official's criterion (an old reminder, or a forged payload).
    await person(p.app, 'off-BG-B-1').send({ payload: `crr:${p.communeId['BG-A']}:${p.criterionId.TC1}` });
    expect(idsOf(said(p.app).take())).toEqual(['criteria-report-not-owner']);
    expect(await dialogue('off-BG-A-1')).toBeNull();
    expect(await dialogue('off-BG-B-1')).toBeNull();
    expect(await reports()).toHaveLength(0);
  });

  it("starts from the reminder's buttons", async () => {
    await criteriaReminderJob.run(p.app, vnInstant('2026-11-01', '08:00'));
    const reminder = await p.app.db.outboxMessage.findFirstOrThrow({ where: { accountId: p.official('BG-A', 1).id } });
    const off = person(p.app, 'off-BG-A-1');
    said(p.app).take();
    await off.press(`crr:${p.communeId['BG-A']}:${p.criterionId.TC2}`, [JSON.parse(reminder.payload) as Reply]);
    await off.press('crs:done');
    expectSaid(said(p.app).take(), 'criteria-ask-score', { max: 25 });
    expect((await dialogue('off-BG-A-1'))?.step).toBe('score');
  });
});

describe('who may see progress', () => {
  it('refuses /tiendo to a citizen, politely and without side effects', async () => {
    const citizen = person(p.app, 'citizen');
    said(p.app).take();
    for (const line of ['/tiendo', '/tiendo BG-A', '/xephang', '/baocao', '/capnhat']) await citizen.say(line);
    const told = said(p.app).take();
    expect(idsOf(told).filter((id) => id === 'refused-role')).toHaveLength(5);
    expect(idsOf(told).filter((id) => id.startsWith('criteria-'))).toEqual([]);
    expect(await dialogue('citizen')).toBeNull();
  });

  it('lets an official see their own commune only', async () => {
    await report(p, 'BG-A', 'TC1', '2026-11', 'done', 18);
    const off = person(p.app, 'off-BG-A-3');
    said(p.app).take();
    await off.say('/tiendo');
    const own = said(p.app).take();
    expectSaid(own, 'criteria-progress-title', { commune: 'Xã Thử A', month: '11/2026' });
    expectSaid(own, 'criteria-report-line', { score: 18, max: 20, month: '11/2026' });
    expectSaid(own, 'criteria-progress-total', { score: 18, max: 100 });
    await off.say('/tiendo BG-B');
    expectSaid(said(p.app).take(), 'criteria-out-of-scope', { code: 'BG-B' });
    await off.say('/tiendo BG-ZZ');
    expectSaid(said(p.app).take(), 'criteria-unknown-commune', { code: 'BG-ZZ' });
  });

  it("the progress card's wording: status, score and month on one line, owners by name", async () => {
    await report(p, 'BG-A', 'TC1', '2026-11', 'done', 18);
    const out = await say('off-BG-A-3', ['/tiendo']);
    expect(out).toContain('Đã hoàn thành · tự chấm 18/20 điểm (báo cáo tháng 11/2026)');
    expect(out).toContain('Tổng điểm tự chấm: 18/100 → chưa đạt mức sao');
    expect(out).toContain('• Cán bộ BG-A số 1: TC2');
  });

  it('ranks the communes in scope with recognition against the target', async () => {
    for (const [code, score] of [['TC1', 20], ['TC2', 25], ['TC3', 20], ['TC4', 15], ['TC5', 16]] as const) {
      await report(p, 'BG-A', code, '2026-11', 'done', score); // 96 → 4★
    }
    for (const [code, score] of [['TC1', 17], ['TC2', 20], ['TC3', 16], ['TC4', 12], ['TC5', 16]] as const) {
      await report(p, 'BG-C', code, '2026-10', 'done', score); // 81 → 1★, last month's reports
    }
    said(p.app).take();
    const out = await say('mgr-province', ['/xephang']);
    const told = said(p.app).take();
    expectSaid(told, 'criteria-rank-title', { count: 4, month: '11/2026' });
    expectSaid(told, 'criteria-rank-recognition', { reached: 2, count: 4, percent: 50 });
    // The ranking's layout is the point here.
    expect(out).toContain('Phân bố: 4★: 1 · 3★: 0 · 2★: 0 · 1★: 1 · chưa đạt mức sao: 2');
    expect(out).toMatch(/1\. Xã Thử A: 96\/100 · 4★ · báo cáo 5\/5 ✓\n2\. Xã Thử C: 81\/100 · 1★ · báo cáo 0\/5 ✓\n3\. Xã Thử B/);
    // A commune manager sees only their commune.
    const mgr = person(p.app, 'mgr-BG-C');
    await mgr.say('/xephang');
    expectSaid(said(p.app).take(), 'criteria-rank-title', { count: 1 });
    await mgr.say('/tiendo BG-A');
    expectSaid(said(p.app).take(), 'criteria-out-of-scope', { code: 'BG-A' });
  });

  it('lets a province manager pick a commune for /tiendo', async () => {
    const mgr = person(p.app, 'mgr-province');
    said(p.app).take();
    await mgr.say('/tiendo');
    expect(idsOf(said(p.app).take())).toContain('criteria-choose-commune');
    await mgr.press(`crt:${p.communeId['BG-B']}`);
    expectSaid(said(p.app).take(), 'criteria-progress-title', { commune: 'Xã Thử B', month: '11/2026' });
  });
});

describe('/phancong', () => {
  it('reassigns a criterion to an official of the commune and tells both', async () => {
    const mgr = person(p.app, 'mgr-BG-A');
    await mgr.say('/phancong');
    expect(buttonIn(mgr.last, `crc:${p.communeId['BG-A']}:${p.criterionId.TC5}`).label).toBe('TC5: Cán bộ BG-A số 3');
    said(p.app).take();
    await mgr.press(`crc:${p.communeId['BG-A']}:${p.criterionId.TC5}`);
    expect(idsOf(said(p.app).take())).toContain('criteria-assign-choose-official');
    // The current owner is marked.
    expect(buttonIn(mgr.last, `cro:${p.communeId['BG-A']}:${p.criterionId.TC5}:${p.official('BG-A', 3).id}`).label).toBe('Cán bộ BG-A số 3 ✓');
    const [done] = await mgr.press(`cro:${p.communeId['BG-A']}:${p.criterionId.TC5}:${p.official('BG-A', 1).id}`);
    const told = said(p.app).take();
    expectSaid(told, 'criteria-assign-done', { code: 'TC5', owner: 'Cán bộ BG-A số 1' });
    expect(buttonIn([done], `crc:${p.communeId['BG-A']}:${p.criterionId.TC5}`).label).toBe('TC5: Cán bộ BG-A số 1');
    const a = await p.app.db.assignment.findUnique({
      where: { communeId_criterionId: { communeId: p.communeId['BG-A'], criterionId: p.criterionId.TC5 } },
    });
    expect(a?.accountId).toBe(p.official('BG-A', 1).id);
    const pushes = await p.app.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(pushes.map((r) => r.accountId)).toEqual([p.official('BG-A', 1).id, p.official('BG-A', 3).id]);
    expectSaid(told, 'criteria-assign-notify', { commune: 'Xã Thử A' });
    expectSaid(told, 'criteria-unassign-notify', { commune: 'Xã Thử A' });
    expect(await p.app.db.auditLog.count({ where: { action: 'criteria.assign' } })).toBe(1);
  });

  it('refuses buttons for another commune or a person who is not its official', async () => {
    const mgr = person(p.app, 'mgr-BG-A');
    said(p.app).take();
    await mgr.send({ payload: `cro:${p.communeId['BG-B']}:${p.criterionId.TC1}:${p.official('BG-B', 2).id}` });
    expect(idsOf(said(p.app).take())).toContain('criteria-commune-not-allowed');
    await mgr.send({ payload: `cro:${p.communeId['BG-A']}:${p.criterionId.TC1}:${p.official('BG-B', 2).id}` });
    expect(idsOf(said(p.app).take())).toContain('criteria-assign-not-official');
    await person(p.app, 'off-BG-A-1').say('/phancong');
    expect(idsOf(said(p.app).take())).toContain('refused-role');
    expect(await outbox(p, '')).toHaveLength(0);
    expect(await p.app.db.assignment.count({ where: { accountId: p.official('BG-A', 1).id } })).toBe(2);
  });
});
